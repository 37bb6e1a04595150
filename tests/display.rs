//! `message = "..."` is a format string with thiserror's semantics, and `Display` is generated
//! from it; a variant without a message displays its fixed explanation.

use fault_core::ApiFault;

const LIMIT: usize = 255;

fn shout(s: &str) -> String {
    s.to_uppercase()
}

#[derive(Debug, ApiFault)]
#[fault(code = 400)]
enum Shown {
    #[fault(message = "static text")]
    Static,
    #[fault(message = "named {name} and {size}")]
    Named { name: String, size: u32 },
    #[fault(message = "tuple {0} and {1}")]
    Tuple(&'static str, i32),
    #[fault(message = "debug {0:?}")]
    Debug(&'static str),
    #[fault(message = "hex {0:#x} padded {1:>5}|")]
    Spec(u32, &'static str),
    #[fault(message = "{} is longer than {LIMIT}", args(.0.len(), LIMIT = LIMIT))]
    ExtraArgs(String),
    #[fault(message = "{}!", args(shout(.name)))]
    CallInArgs { name: String },
    #[fault(message = "{loud} {quiet}", args(loud = shout(.0), quiet = .0.to_lowercase()))]
    NamedArgs(String),
    #[fault(message = "second item {}", args(.0.1))]
    NestedTuple((u8, u8)),
    #[fault(message = "braces {{literal}} and {0}")]
    Braces(u8),
    #[fault(message = "{name} twice: {name}")]
    Twice { name: &'static str },
    #[fault(message = "type {type}")]
    RawField { r#type: &'static str },
    #[fault(message = "unused {used}")]
    SomeFieldsUnused {
        used: u8,
        #[allow(dead_code)]
        unused: u8,
    },
    #[fault(code = 404)]
    NoMessage,
    #[fault(explanation = "An explanation without a message")]
    ExplainedOnly,
}

#[test]
fn a_static_message_is_written_as_is() {
    assert_eq!(Shown::Static.to_string(), "static text");
}

#[test]
fn named_fields_interpolate() {
    let e = Shown::Named {
        name: "vol".into(),
        size: 10,
    };
    assert_eq!(e.to_string(), "named vol and 10");
}

#[test]
fn tuple_fields_interpolate_by_index() {
    assert_eq!(Shown::Tuple("a", -1).to_string(), "tuple a and -1");
}

#[test]
fn format_specs_apply() {
    assert_eq!(Shown::Debug("q").to_string(), "debug \"q\"");
    assert_eq!(Shown::Spec(255, "ab").to_string(), "hex 0xff padded    ab|");
}

#[test]
fn extra_args_take_field_shorthand_and_constants() {
    let e = Shown::ExtraArgs("x".repeat(300));
    assert_eq!(e.to_string(), "300 is longer than 255");
    let e = Shown::CallInArgs {
        name: "stop".into(),
    };
    assert_eq!(e.to_string(), "STOP!");
    let e = Shown::NamedArgs("MiXed".into());
    assert_eq!(e.to_string(), "MIXED mixed");
    assert_eq!(Shown::NestedTuple((1, 2)).to_string(), "second item 2");
}

#[test]
fn doubled_braces_are_literal() {
    assert_eq!(Shown::Braces(7).to_string(), "braces {literal} and 7");
}

#[test]
fn a_field_may_appear_twice_and_raw_names_drop_their_prefix() {
    assert_eq!(Shown::Twice { name: "n" }.to_string(), "n twice: n");
    assert_eq!(Shown::RawField { r#type: "t" }.to_string(), "type t");
    let e = Shown::SomeFieldsUnused { used: 1, unused: 2 };
    assert_eq!(e.to_string(), "unused 1");
}

#[test]
fn without_a_message_the_explanation_or_reason_phrase_is_displayed() {
    assert_eq!(Shown::NoMessage.to_string(), "Not Found");
    assert_eq!(
        Shown::ExplainedOnly.to_string(),
        "An explanation without a message"
    );
}

#[test]
fn a_4xx_fault_sends_its_display() {
    let e = Shown::Named {
        name: "vol".into(),
        size: 10,
    };
    assert_eq!(e.fault().message(), "named vol and 10");
    assert_eq!(Shown::Static.fault().message(), "static text");
    assert!(Shown::Static.spec().unwrap().message_is_fixed());
    assert!(!e.spec().unwrap().message_is_fixed());
}

#[test]
fn an_interpolated_message_is_not_collected_into_a_string() {
    // The fault's message borrows the value and formats it on demand.
    let e = Shown::Tuple("a", 1);
    let fault = e.fault();
    assert_eq!(fault.message().as_str(), None);
    assert_eq!(fault.message().to_cow(), "tuple a and 1");
    // A fixed message is a plain string.
    assert_eq!(
        Shown::Static.fault().message().as_str(),
        Some("static text")
    );
}

#[test]
fn display_respects_the_formatter_for_fields_not_the_whole_message() {
    // As with thiserror, width applies inside the message, not around it.
    assert_eq!(format!("{:>20}", Shown::Static), "static text");
}
