//! Field roles put variant data into the fault record: `details`, `retry_after`,
//! `request_id`, `validation_errors`, `created` and `extra = "Name"`.

use fault_core::{ApiFault, RetryAfter};
use std::time::{Duration, SystemTime};

#[derive(Debug, ApiFault)]
#[fault(rename_all = "camelCase")]
enum LbFault {
    #[fault(code = 400, message = "Validation fault")]
    BadRequest {
        #[fault(details)]
        details: String,
        #[fault(validation_errors)]
        errors: Vec<String>,
    },
    #[fault(code = 413, message = "Your account is currently over the limit")]
    OverLimit {
        #[fault(retry_after)]
        seconds: u64,
        #[fault(details)]
        details: Option<String>,
    },
    #[fault(code = 503, message = "down")]
    Down(#[fault(retry_after)] Duration),
    #[fault(code = 503, message = "down until")]
    DownUntil(#[fault(retry_after)] Option<SystemTime>),
    #[fault(code = 500, message = "async failure")]
    Async {
        #[fault(created)]
        created: &'static str,
        #[fault(request_id)]
        request_id: String,
    },
    #[fault(
        code = 404,
        title = "NoSuchKey",
        message = "The specified key does not exist."
    )]
    NoSuchKey {
        #[fault(member, rename = "BucketName")]
        bucket: String,
        #[fault(member, rename = "Key")]
        key: String,
        #[fault(member, rename = "Resource")]
        resource: Option<String>,
    },
    #[fault(code = 404, message = "plain")]
    Plain,
}

#[test]
fn details_and_validation_errors() {
    let e = LbFault::BadRequest {
        details: "The object is not valid".into(),
        errors: vec![
            "Node ip is invalid. Please specify a valid ip.".into(),
            "second".into(),
        ],
    };
    let fault = e.fault();
    assert_eq!(fault.details().unwrap(), "The object is not valid");
    assert_eq!(fault.validation_errors().len(), 2);
    assert_eq!(
        fault.validation_errors()[0],
        "Node ip is invalid. Please specify a valid ip."
    );
}

#[test]
fn retry_after_from_seconds_durations_and_times() {
    let e = LbFault::OverLimit {
        seconds: 30,
        details: None,
    };
    assert_eq!(e.fault().retry_after(), Some(RetryAfter::Seconds(30)));
    assert!(e.fault().details().is_none());
    let e = LbFault::OverLimit {
        seconds: 5,
        details: Some("quota".into()),
    };
    assert_eq!(e.fault().details().unwrap(), "quota");
    assert_eq!(
        LbFault::Down(Duration::from_secs(90)).fault().retry_after(),
        Some(RetryAfter::Seconds(90))
    );
    let at = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    assert_eq!(
        LbFault::DownUntil(Some(at)).fault().retry_after(),
        Some(RetryAfter::At(at))
    );
    assert_eq!(LbFault::DownUntil(None).fault().retry_after(), None);
}

#[test]
fn created_and_request_id() {
    let e = LbFault::Async {
        created: "2011-11-28T18:19:37Z",
        request_id: "req-1".into(),
    };
    let fault = e.fault();
    assert_eq!(fault.created().unwrap(), "2011-11-28T18:19:37Z");
    assert_eq!(fault.request_id().unwrap(), "req-1");
    // A 5xx still sends its fixed message; roles are data the user chose to send.
    assert_eq!(fault.message(), "async failure");
}

#[test]
fn extras_keep_their_wire_names_and_order() {
    let e = LbFault::NoSuchKey {
        bucket: "photos".into(),
        key: "cat.jpg".into(),
        resource: None,
    };
    let fault = e.fault();
    let names: Vec<&str> = fault.members().iter().map(|x| x.name()).collect();
    assert_eq!(names, ["BucketName", "Key"]);
    assert_eq!(fault.member("BucketName").unwrap(), "photos");
    assert!(fault.member("Resource").is_none());
}

#[test]
fn variants_without_roles_are_untouched() {
    let fault = LbFault::Plain.fault();
    assert!(fault.details().is_none() && fault.members().is_empty());
}
