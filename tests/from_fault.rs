//! `#[derive(FromFault)]`: a neutral `Fault` (as a client parses it) read back into the user's
//! enum: matching by API-WG code, by title, `parse_target`, transparent delegation, the
//! catch-all, field filling, and Heat-style remote error mapping.

use fault_core::http::StatusCode;
use fault_core::{ApiFault, Fault, FromFault, Member, RetryAfter};
use std::borrow::Cow;
use std::time::{Duration, SystemTime};

/// Faults as a Placement-style service names them: titles are reason phrases, codes identify.
#[derive(Debug, PartialEq, ApiFault, FromFault)]
#[fault(format = "placement", error_code = "svc.undefined_code")]
enum Placement {
    #[fault(
        code = 409,
        title = "Conflict",
        error_code = "svc.concurrent_update",
        message = "{0}"
    )]
    ConcurrentUpdate(String),
    #[fault(
        code = 409,
        title = "Conflict",
        error_code = "svc.duplicate_name",
        message = "{0}"
    )]
    DuplicateName(String),
    #[fault(code = 409, title = "Conflict", message = "{0}")]
    Conflict(String),
    #[fault(code = 404, title = "Not Found", message = "{0}")]
    NotFound(String),
    #[fault(
        code = 400,
        title = "Bad Request",
        error_code = "svc.bad",
        message = "{0}"
    )]
    Bad(String),
}

fn conflict(code: Option<&'static str>) -> Fault<'static> {
    let fault = Fault::new(StatusCode::CONFLICT, "Conflict").with_message("it moved");
    match code {
        Some(code) => fault.with_code(code),
        None => fault,
    }
}

#[test]
fn the_code_identifies_the_variant_over_the_title() {
    assert_eq!(
        Placement::from_fault(&conflict(Some("svc.duplicate_name"))),
        Some(Placement::DuplicateName("it moved".into()))
    );
    assert_eq!(
        Placement::from_fault(&conflict(Some("svc.concurrent_update"))),
        Some(Placement::ConcurrentUpdate("it moved".into()))
    );
    // The code wins even when the title disagrees (Placement's titles are reason phrases).
    let fault = Fault::new(StatusCode::CONFLICT, "Something Else")
        .with_code("svc.bad")
        .with_message("m");
    assert_eq!(
        Placement::from_fault(&fault),
        Some(Placement::Bad("m".into()))
    );
}

#[test]
fn without_a_known_code_the_title_decides() {
    // No code: the variant with the title and no code of its own.
    assert_eq!(
        Placement::from_fault(&conflict(None)),
        Some(Placement::Conflict("it moved".into()))
    );
    // The type's default code is the identity of the variants without their own.
    assert_eq!(
        Placement::from_fault(&conflict(Some("svc.undefined_code"))),
        Some(Placement::Conflict("it moved".into()))
    );
    // An unknown code: never a variant whose own code says otherwise.
    assert_eq!(
        Placement::from_fault(&conflict(Some("svc.brand_new"))),
        Some(Placement::Conflict("it moved".into()))
    );
    let fault = Fault::new(StatusCode::NOT_FOUND, "Not Found").with_message("no such thing");
    assert_eq!(
        Placement::from_fault(&fault),
        Some(Placement::NotFound("no such thing".into()))
    );
    let unknown_code = Fault::new(StatusCode::BAD_REQUEST, "Bad Request").with_code("svc.other");
    assert_eq!(Placement::from_fault(&unknown_code), None);
}

#[test]
fn nothing_matches_without_a_catch_all() {
    let fault = Fault::new(StatusCode::IM_A_TEAPOT, "Teapot");
    assert_eq!(Placement::from_fault(&fault), None);
    assert_eq!(Placement::from_remote("ValueError", None), None);
}

#[test]
fn every_variant_round_trips() {
    let all = [
        Placement::ConcurrentUpdate("a".into()),
        Placement::DuplicateName("b".into()),
        Placement::Conflict("c".into()),
        Placement::NotFound("d".into()),
        Placement::Bad("e".into()),
    ];
    for error in all {
        assert_eq!(Placement::from_fault(&error.fault()).as_ref(), Some(&error));
    }
}

/// Heat's two `InvalidAction` classes: one identity, so one is the parse target.
#[derive(Debug, PartialEq, ApiFault, FromFault)]
#[fault(code = 400)]
enum Heat {
    #[fault(
        title = "InvalidAction",
        message = "Cannot perform action on stack while other actions are in progress"
    )]
    InProgress,
    #[fault(
        title = "InvalidAction",
        message = "The action or operation requested is invalid",
        parse_target
    )]
    InvalidAction,
    #[fault(title = "InvalidAction", error_code = "heat.other")]
    OtherCode,
}

#[test]
fn parse_target_breaks_a_shared_identity() {
    assert_eq!(Heat::InProgress.title(), Heat::InvalidAction.title());
    let fault = Heat::InProgress.fault();
    assert_eq!(Heat::from_fault(&fault), Some(Heat::InvalidAction));
    let fault = Fault::new(StatusCode::BAD_REQUEST, "InvalidAction");
    assert_eq!(Heat::from_fault(&fault), Some(Heat::InvalidAction));
    // A different code is a different identity.
    assert_eq!(
        Heat::from_fault(&fault.clone().with_code("heat.other")),
        Some(Heat::OtherCode)
    );
}

/// Nova's `overLimit`: one title at two statuses, told apart by the status alone.
#[derive(Debug, PartialEq, ApiFault, FromFault)]
#[fault(format = "openstack")]
enum Nova {
    #[fault(code = 413, title = "overLimit", message = "{0}")]
    RequestTooLarge(String),
    #[fault(code = 429, title = "overLimit", message = "{0}")]
    RateLimited(String),
    #[fault(code = 500, title = "computeFault", message = "{0}")]
    Unsafe(String),
    #[fault(code = 500, title = "computeFault", message = "{0}", parse_target)]
    Safe(String),
}

#[test]
fn the_status_tells_apart_variants_sharing_a_title() {
    for error in [
        Nova::RequestTooLarge("big".into()),
        Nova::RateLimited("slow down".into()),
    ] {
        assert_eq!(Nova::from_fault(&error.fault()).as_ref(), Some(&error));
    }
    // The same title at a status no variant has: the first declared.
    let fault = Fault::new(StatusCode::SERVICE_UNAVAILABLE, "overLimit");
    assert!(matches!(
        Nova::from_fault(&fault),
        Some(Nova::RequestTooLarge(_))
    ));
    // At a shared status, the parse target; at another, the status outranks it.
    let unsafe_one = Nova::Unsafe("x".into());
    assert!(matches!(
        Nova::from_fault(&unsafe_one.fault()),
        Some(Nova::Safe(_))
    ));
    let at_406 = Fault::new(StatusCode::NOT_ACCEPTABLE, "computeFault");
    assert!(matches!(Nova::from_fault(&at_406), Some(Nova::Safe(_))));
}

/// A storage layer's faults, wrapped transparently by the API's.
#[derive(Debug, PartialEq, ApiFault, FromFault)]
#[fault(rename_all = "camelCase")]
enum Storage {
    #[fault(code = 404, message = "{0}")]
    ItemNotFound(String),
    #[fault(code = 413)]
    OverLimit,
}

#[derive(Debug, ApiFault, FromFault)]
enum Api {
    #[fault(code = 400, title = "badRequest", message = "{msg}")]
    BadRequest { msg: Box<str> },
    #[fault(transparent)]
    Storage(#[fault(from)] Storage),
    #[fault(code = 500, title = "Unknown", catch_all)]
    Other(Box<Fault<'static>>),
}

#[test]
fn transparent_variants_delegate_to_the_inner_type() {
    let fault = Fault::new(StatusCode::NOT_FOUND, "itemNotFound").with_message("vol-1");
    assert!(matches!(
        Api::from_fault(&fault),
        Some(Api::Storage(Storage::ItemNotFound(id))) if id == "vol-1"
    ));
    let fault = Storage::OverLimit.fault();
    assert!(matches!(
        Api::from_fault(&fault),
        Some(Api::Storage(Storage::OverLimit))
    ));
    let fault = Fault::new(StatusCode::BAD_REQUEST, "badRequest").with_message("no");
    assert!(matches!(
        Api::from_fault(&fault),
        Some(Api::BadRequest { msg }) if &*msg == "no"
    ));
}

#[test]
fn the_catch_all_receives_the_whole_fault() {
    let fault = Fault::new(StatusCode::SERVICE_UNAVAILABLE, "ServiceUnavailable")
        .with_message("try later")
        .with_request_id("req-1")
        .with_retry_after(RetryAfter::Seconds(5));
    let Some(Api::Other(caught)) = Api::from_fault(&fault) else {
        panic!("expected the catch-all");
    };
    assert_eq!(caught.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(caught.title(), "ServiceUnavailable");
    assert_eq!(caught.message(), "try later");
    assert_eq!(caught.request_id().unwrap(), "req-1");
    assert_eq!(caught.retry_after(), Some(RetryAfter::Seconds(5)));
    // The catch-all's own title is not matched: it is only the fallback.
    let unknown = Fault::new(StatusCode::INTERNAL_SERVER_ERROR, "Unknown");
    assert!(matches!(Api::from_fault(&unknown), Some(Api::Other(_))));
}

/// A catch-all holding the fault itself, unboxed.
#[derive(Debug, ApiFault, FromFault)]
enum Anything {
    #[fault(code = 500, catch_all)]
    Any { fault: Fault<'static> },
}

#[test]
fn the_catch_all_may_hold_the_fault_unboxed() {
    let fault = Fault::new(StatusCode::NOT_FOUND, "Any").with_code("svc.x");
    let Some(Anything::Any { fault: caught }) = Anything::from_fault(&fault) else {
        panic!("expected the catch-all");
    };
    assert_eq!(caught.code(), Some("svc.x"));
    assert_eq!(caught.title(), "Any");
}

/// A catch-all that keeps only the message, with a named field.
#[derive(Debug, PartialEq, ApiFault, FromFault)]
#[fault(code = 400)]
enum Simple {
    #[fault(title = "Known")]
    Known,
    #[fault(title = "Unexpected", message = "{message}", catch_all)]
    Unexpected { message: String },
}

#[test]
fn the_catch_all_may_keep_only_the_message() {
    let fault = Fault::new(StatusCode::BAD_GATEWAY, "Whatever").with_message("upstream died");
    assert_eq!(
        Simple::from_fault(&fault),
        Some(Simple::Unexpected {
            message: "upstream died".into()
        })
    );
    let fault = Fault::new(StatusCode::BAD_REQUEST, "Known");
    assert_eq!(Simple::from_fault(&fault), Some(Simple::Known));
}

/// Every role, the message field, and fields filled with `Default`. (No `PartialEq`: the
/// source is an `io::Error`; values are compared by their `Debug` text.)
#[derive(Debug, ApiFault, FromFault)]
#[fault(code = 413, rename_all = "camelCase")]
enum Roles {
    #[fault(message = "{message}")]
    OverLimit {
        message: Cow<'static, str>,
        #[fault(details)]
        details: Option<String>,
        #[fault(retry_after)]
        retry: Option<u32>,
        #[fault(request_id)]
        request_id: String,
        #[fault(validation_errors)]
        errors: Vec<String>,
        #[fault(created)]
        created: Option<Box<str>>,
        #[fault(member, rename = "BucketName")]
        bucket: String,
        #[fault(member, rename = "Key")]
        key: Option<String>,
        /// No role: filled with `Default`.
        attempts: u32,
        /// A source: filled with `Default` too (so it is an `Option`).
        #[fault(source)]
        cause: Option<std::io::Error>,
    },
    #[fault(message = "down: {2}")]
    Down(
        #[fault(retry_after)] Duration,
        #[fault(details)] String,
        /// Not the message field: the message is more than `{2}`.
        String,
    ),
    #[fault(message = "until")]
    Until(#[fault(retry_after)] SystemTime),
    #[fault(message = "raw")]
    Raw(#[fault(retry_after)] RetryAfter),
    #[fault(message = "seconds")]
    Seconds(#[fault(retry_after)] u64),
}

/// `from_fault` of `fault`, as `Debug` text.
fn roles(fault: &Fault<'_>) -> String {
    format!("{:?}", Roles::from_fault(fault))
}

fn some(roles: Roles) -> String {
    format!("{:?}", Some(roles))
}

#[test]
fn fields_are_filled_from_their_roles() {
    let fault = Fault::new(StatusCode::PAYLOAD_TOO_LARGE, "overLimit")
        .with_message("Your account is over the limit")
        .with_details("quota")
        .with_retry_after(RetryAfter::Seconds(30))
        .with_request_id("req-42")
        .with_validation_error("first")
        .with_validation_error("second")
        .with_created("2010-08-01T00:00:00Z")
        .with_member(Member::new("BucketName", "photos"));
    assert_eq!(
        roles(&fault),
        some(Roles::OverLimit {
            message: Cow::Borrowed("Your account is over the limit"),
            details: Some("quota".into()),
            retry: Some(30),
            request_id: "req-42".into(),
            errors: vec!["first".into(), "second".into()],
            created: Some("2010-08-01T00:00:00Z".into()),
            bucket: "photos".into(),
            key: None,
            attempts: 0,
            cause: None,
        })
    );
}

#[test]
fn missing_roles_are_empty() {
    let fault = Fault::new(StatusCode::PAYLOAD_TOO_LARGE, "overLimit");
    let Some(Roles::OverLimit {
        message,
        details,
        retry,
        request_id,
        errors,
        created,
        bucket,
        key,
        attempts,
        cause,
    }) = Roles::from_fault(&fault)
    else {
        panic!("expected OverLimit");
    };
    assert_eq!(message, "Payload Too Large");
    assert_eq!(details, None);
    assert_eq!(retry, None);
    assert_eq!(request_id, "");
    assert!(errors.is_empty());
    assert_eq!(created, None);
    assert_eq!(bucket, "");
    assert_eq!(key, None);
    assert_eq!(attempts, 0);
    assert!(cause.is_none());
}

#[test]
fn retry_after_converts_between_its_forms() {
    let fault = Fault::new(StatusCode::PAYLOAD_TOO_LARGE, "down")
        .with_details("maintenance")
        .with_message("down: now")
        .with_retry_after(RetryAfter::Seconds(7));
    assert_eq!(
        roles(&fault),
        some(Roles::Down(
            Duration::from_secs(7),
            "maintenance".into(),
            String::new()
        ))
    );

    let at = SystemTime::now() + Duration::from_secs(120);
    let fault =
        Fault::new(StatusCode::PAYLOAD_TOO_LARGE, "down").with_retry_after(RetryAfter::At(at));
    let Some(Roles::Down(wait, ..)) = Roles::from_fault(&fault) else {
        panic!("expected Down");
    };
    assert!((119..=120).contains(&wait.as_secs()), "{wait:?}");

    let until = |r: Option<RetryAfter>| {
        let fault = Fault::new(StatusCode::PAYLOAD_TOO_LARGE, "until");
        roles(&match r {
            Some(r) => fault.with_retry_after(r),
            None => fault,
        })
    };
    assert_eq!(until(Some(RetryAfter::At(at))), some(Roles::Until(at)));
    assert_eq!(until(None), some(Roles::Until(SystemTime::UNIX_EPOCH)));
    let soon = Roles::from_fault(
        &Fault::new(StatusCode::PAYLOAD_TOO_LARGE, "until")
            .with_retry_after(RetryAfter::Seconds(60)),
    );
    let Some(Roles::Until(soon)) = soon else {
        panic!("expected Until");
    };
    assert!(soon > SystemTime::now() + Duration::from_secs(50));

    let raw = Fault::new(StatusCode::PAYLOAD_TOO_LARGE, "raw");
    assert_eq!(roles(&raw), some(Roles::Raw(RetryAfter::Seconds(0))));
    let raw = raw.with_retry_after(RetryAfter::Seconds(3));
    assert_eq!(roles(&raw), some(Roles::Raw(RetryAfter::Seconds(3))));
    let seconds =
        Fault::new(StatusCode::PAYLOAD_TOO_LARGE, "seconds").with_retry_after(RetryAfter::At(at));
    let Some(Roles::Seconds(seconds)) = Roles::from_fault(&seconds) else {
        panic!("expected Seconds");
    };
    assert!((119..=120).contains(&seconds), "{seconds}");
}

#[test]
fn a_rendered_fault_reads_back_into_its_variant() {
    let error = Roles::OverLimit {
        message: "slow down".into(),
        details: Some("quota".into()),
        retry: Some(9),
        request_id: "req-1".into(),
        errors: vec!["a".into()],
        created: None,
        bucket: "b".into(),
        key: Some("k".into()),
        attempts: 3,
        cause: None,
    };
    let back = Roles::from_fault(&error.fault()).expect("a variant");
    let Roles::OverLimit {
        message,
        details,
        retry,
        key,
        attempts,
        ..
    } = back
    else {
        panic!("expected OverLimit");
    };
    assert_eq!(message, "slow down");
    assert_eq!(details.as_deref(), Some("quota"));
    assert_eq!(retry, Some(9));
    assert_eq!(key.as_deref(), Some("k"));
    assert_eq!(
        attempts, 0,
        "a field without a role is not sent, so not read back"
    );
}

/// A struct: its one identity.
#[derive(Debug, PartialEq, ApiFault, FromFault)]
#[fault(code = 404, title = "NoSuchKey", message = "{key}")]
struct NoSuchKey {
    key: String,
    #[fault(member, rename = "BucketName")]
    bucket: Option<String>,
}

#[test]
fn a_struct_reads_back_by_its_title() {
    let fault = Fault::new(StatusCode::NOT_FOUND, "NoSuchKey")
        .with_message("photo.jpg")
        .with_member(Member::new("BucketName", "photos"));
    assert_eq!(
        NoSuchKey::from_fault(&fault),
        Some(NoSuchKey {
            key: "photo.jpg".into(),
            bucket: Some("photos".into())
        })
    );
    let other = Fault::new(StatusCode::NOT_FOUND, "NoSuchBucket");
    assert_eq!(NoSuchKey::from_fault(&other), None);
}

/// A generic type: the transparent inner type is bounded by `FromFault`.
#[derive(Debug, PartialEq, ApiFault, FromFault)]
enum Generic<E>
where
    E: std::error::Error,
{
    #[fault(code = 400, title = "Mine")]
    Mine,
    #[fault(transparent)]
    Inner(E),
}

#[test]
fn a_generic_type_delegates_to_its_parameter() {
    let fault = Fault::new(StatusCode::NOT_FOUND, "itemNotFound").with_message("x");
    assert_eq!(
        Generic::<Storage>::from_fault(&fault),
        Some(Generic::Inner(Storage::ItemNotFound("x".into())))
    );
    let fault = Fault::new(StatusCode::BAD_REQUEST, "Mine");
    assert_eq!(Generic::<Storage>::from_fault(&fault), Some(Generic::Mine));
}

/// Heat's engine errors, mapped by name (`heat/api/aws/exception.py`, `map_remote_error`).
#[derive(Debug, PartialEq, ApiFault, FromFault)]
#[fault(code = 400)]
enum Remote {
    #[fault(
        title = "InvalidParameterValue",
        remote("ValueError", "StackValidationFailed")
    )]
    InvalidParameterValue {
        #[fault(details)]
        detail: Option<String>,
    },
    #[fault(title = "AlreadyExists", remote("StackExists"))]
    AlreadyExists(#[fault(details)] String, u8),
    #[fault(
        code = 500,
        title = "InternalFailure",
        remote("Unmapped"),
        remote_default
    )]
    InternalFailure,
}

#[test]
fn remote_names_are_normalised_and_matched_exactly() {
    assert_eq!(
        Remote::from_remote("ValueError", Some("bad size")),
        Some(Remote::InvalidParameterValue {
            detail: Some("bad size".into())
        })
    );
    assert_eq!(
        Remote::from_remote("heat.common.exception.StackValidationFailed_Remote", None),
        Some(Remote::InvalidParameterValue { detail: None })
    );
    assert_eq!(
        Remote::from_remote("StackExists_Remote", Some("stack web exists")),
        Some(Remote::AlreadyExists("stack web exists".into(), 0))
    );
    // Heat's plain-str group would match a substring; we match exactly.
    assert_eq!(
        Remote::from_remote("Stack", None),
        Some(Remote::InternalFailure)
    );
    assert_eq!(
        Remote::from_remote("Unmapped", None),
        Some(Remote::InternalFailure)
    );
    assert_eq!(
        Remote::from_remote("KeyError", Some("x")),
        Some(Remote::InternalFailure)
    );
}

/// `remote_default` alone makes every name map to it.
#[derive(Debug, PartialEq, ApiFault, FromFault)]
#[fault(code = 500)]
enum OnlyDefault {
    #[fault(title = "InternalFailure", remote_default)]
    Internal {
        #[fault(details)]
        details: String,
    },
}

#[test]
fn remote_default_alone_takes_every_name() {
    assert_eq!(
        OnlyDefault::from_remote("Anything", Some("why")),
        Some(OnlyDefault::Internal {
            details: "why".into()
        })
    );
}

/// A type implementing `FromFault` is usable through the trait, generically.
fn read<E: FromFault>(fault: &Fault<'_>) -> Option<E> {
    E::from_fault(fault)
}

#[test]
fn the_trait_is_usable_generically() {
    let fault = Fault::new(StatusCode::BAD_REQUEST, "Known");
    assert_eq!(read::<Simple>(&fault), Some(Simple::Known));
}

// The Heat seed -------------------------------------------------------------------------------

use fault_suite::seeds::HeatError;

fn heat_remote_mapping() -> serde_json::Value {
    let path = format!(
        "{}/tests/data/seed-catalogues.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let all: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    all["heat-aws"]["remote_error_mapping"].clone()
}

#[test]
fn heat_maps_every_engine_exception_of_the_seed() {
    let mapping = heat_remote_mapping();
    let groups = mapping["mapping"].as_array().expect("a `mapping` array");
    let mut names = 0;
    for group in groups {
        let class = group["maps_to"].as_str().expect("`maps_to`");
        let expected = HeatError::from_class_name(class)
            .unwrap_or_else(|| panic!("no variant for the Heat class {class}"));
        for name in group["engine_exception_names"].as_array().expect("names") {
            let name = name.as_str().expect("a name");
            names += 1;
            for written in [
                name.to_owned(),
                format!("{name}_Remote"),
                format!("heat.common.exception.{name}"),
                format!("heat.common.exception.{name}_Remote"),
            ] {
                assert_eq!(
                    HeatError::from_remote(&written, Some("detail")),
                    Some(expected),
                    "{written}"
                );
            }
        }
    }
    assert_eq!(names, 25, "the seed's names");

    let default = mapping["default"].as_str().expect("`default`");
    let default = HeatError::from_class_name(default).expect("a variant");
    assert_eq!(default, HeatError::InternalFailure);
    for unmapped in [
        "KeyError",
        "StackNotFound_Remote",
        "heat.engine.Timeout",
        "",
    ] {
        assert_eq!(
            HeatError::from_remote(unmapped, None),
            Some(default),
            "{unmapped}"
        );
    }
}

#[test]
fn heat_matches_its_plain_string_groups_exactly() {
    // In Heat `ex_type in already_exists_errors` is a substring test on the str "StackExists",
    // so "Stack" or "Exists" would map to AlreadyExistsError; we match exactly.
    for substring in ["Stack", "Exists", "Request", "LimitExceeded", "S"] {
        assert_eq!(
            HeatError::from_remote(substring, None),
            Some(HeatError::InternalFailure),
            "{substring}"
        );
    }
}

#[test]
fn every_heat_fault_reads_back_into_its_variant() {
    for error in HeatError::ALL {
        let expected = match error {
            // Shares `InvalidAction` with the parse target.
            HeatError::ActionInProgress => HeatError::InvalidAction,
            other => other,
        };
        assert_eq!(
            HeatError::from_fault(&error.fault()),
            Some(expected),
            "{error:?}"
        );
    }
    let unknown = Fault::new(StatusCode::BAD_REQUEST, "ValidationError");
    assert_eq!(HeatError::from_fault(&unknown), None);
}
