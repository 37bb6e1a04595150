//! Nothing is dropped silently: each format carries what `Format`'s documentation table says
//! it carries, every such fact arrives (it reads back from the body or headers), and every
//! other one is named by `Fault::unsent`, for a format chosen at run time as for one the
//! derive checks at compile time.

use fault_core::http::StatusCode;
use fault_core::{Context, Fault, Format, Link, Member};

/// The table of `Format`'s documentation: each format's name and what it carries.
fn documented() -> Vec<(String, Vec<String>)> {
    let source = include_str!("../fault-core/src/format.rs");
    source
        .lines()
        .skip_while(|line| !line.contains("| Format | Carries |"))
        .take_while(|line| line.trim() != "///")
        .filter_map(|line| line.trim().strip_prefix("/// | `"))
        .filter_map(|row| {
            let (name, rest) = row.split_once("` | ")?;
            let carried = rest.trim_end_matches('|').trim();
            let kinds = carried
                .split(", ")
                .map(|kind| {
                    // Qualifications in parentheses say where or when, not what.
                    kind.split(" (").next().unwrap_or(kind).trim().to_owned()
                })
                .collect();
            Some((name.to_owned(), kinds))
        })
        .collect()
}

/// A fault holding one thing a format may carry, and how to tell it read back.
struct Kind {
    name: &'static str,
    fault: fn() -> Fault<'static>,
    arrived: fn(&Fault<'_>) -> bool,
}

fn base() -> Fault<'static> {
    Fault::new(StatusCode::TOO_MANY_REQUESTS, "Bad").with_message("m")
}

const KINDS: &[Kind] = &[
    Kind {
        name: "details",
        fault: || base().with_details("d"),
        arrived: |f| f.details().is_some() || f.message().to_string().ends_with(":d"),
    },
    Kind {
        name: "validation_errors",
        fault: || base().with_validation_error("v"),
        arrived: |f| f.validation_errors().len() == 1,
    },
    Kind {
        name: "created",
        fault: || base().with_created("2011-11-29T00:33:48Z"),
        arrived: |f| f.created().is_some(),
    },
    Kind {
        name: "error_code",
        fault: || base().with_code("svc.thing"),
        arrived: |f| f.code() == Some("svc.thing"),
    },
    Kind {
        name: "members",
        fault: || base().with_member(Member::new("Extra", "x")),
        arrived: |f| f.member("Extra").is_some_and(|v| v == "x"),
    },
    Kind {
        name: "header members",
        fault: || base().with_member(Member::new("Limit", "7").in_header("X-Limit")),
        arrived: |f| {
            f.header_member("x-limit")
                .or_else(|| f.member("Limit"))
                .is_some_and(|v| v == "7")
        },
    },
    Kind {
        name: "links",
        fault: || base().with_link(Link::new("help", "https://example.com/help")),
        arrived: |f| f.links().len() == 1,
    },
    Kind {
        name: "further errors",
        fault: || base().with_error(Fault::new(StatusCode::CONFLICT, "Other").with_message("o")),
        arrived: |f| f.errors().len() == 1,
    },
    Kind {
        name: "instance",
        fault: || base().with_instance("/things/1"),
        arrived: |f| f.instance().is_some(),
    },
];

#[test]
fn the_documented_table_names_every_format() {
    let names: Vec<String> = documented().into_iter().map(|(name, _)| name).collect();
    let all: Vec<String> = Format::ALL.iter().map(|f| f.name().to_owned()).collect();
    assert_eq!(names, all);
}

#[test]
fn what_a_format_carries_arrives_and_the_rest_is_reported() {
    let table = documented();
    for format in Format::ALL {
        let (_, carried) = table
            .iter()
            .find(|(name, _)| name == format.name())
            .expect("a row per format");
        for kind in KINDS {
            let documented = carried.iter().any(|c| c == kind.name);
            let fault = (kind.fault)();
            let unsent = fault.unsent(format);
            assert_eq!(
                unsent.is_empty(),
                documented,
                "{format}: {} is {}documented as carried, and unsent says {unsent:?}",
                kind.name,
                if documented { "" } else { "not " },
            );
            if !documented {
                continue;
            }
            // Placement sends the code from microversion 1.23.
            let cx = Context::new().with_microversion(fault_core::Microversion::new(1, 23));
            for accept in ["application/json", "application/xml"] {
                let cx = cx.clone().with_accept(accept);
                let back = Fault::from_response(&fault.render(format, &cx));
                assert!(
                    (kind.arrived)(&back),
                    "{format} ({accept}): {} did not arrive: {back:?}",
                    kind.name
                );
            }
        }
    }
}

#[test]
fn a_member_named_as_the_body_names_something_else_is_reported_not_repeated() {
    let fault = base().with_member(Member::new("message", "member text"));
    assert_eq!(fault.unsent(Format::AwsJson11), ["member message"]);
    let body = fault.render(Format::AwsJson11, &Context::new()).into_body();
    let body = std::str::from_utf8(&body).unwrap();
    assert_eq!(body.matches("\"message\"").count(), 1, "{body}");
    // In XML the message element is `Message`; a member of that name would repeat it.
    let fault = base().with_member(Member::new("Message", "member text"));
    assert_eq!(fault.unsent(Format::AwsQuery), ["member Message"]);
    let body = fault.render(Format::AwsQuery, &Context::new()).into_body();
    assert_eq!(
        std::str::from_utf8(&body)
            .unwrap()
            .matches("<Message>")
            .count(),
        1
    );
    // Problem details' own members.
    let fault = base().with_member(Member::new("type", "x"));
    assert_eq!(fault.unsent(Format::Problem), ["member type"]);
    assert!(
        base()
            .with_member(Member::new("Extra", "x"))
            .unsent(Format::Problem)
            .is_empty()
    );
}
