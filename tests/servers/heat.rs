//! Heat's CloudFormation query API: its AWS errors, read back as a client reads them.

use crate::{get, send, start_axum};
use fault_core::FromFault;
use fault_suite::demos::{Throttle, Try, exchange, heat::Heat};
use fault_suite::seeds::HeatError;
use std::time::Duration;

#[tokio::test]
async fn heat_answers_with_its_aws_errors() {
    let addr = start_axum(Heat::new().router());
    let ok = get(addr, "/v1/?Action=DescribeStacks&StackName=web").await;
    assert_eq!(ok.status, 200);
    assert!(
        ok.body
            .contains("<StackName>web</StackName><StackId>arn:openstack:heat::demo:stacks/web/"),
        "{}",
        ok.body
    );

    let missing = get(addr, "/v1/?StackName=web").await;
    assert_eq!(missing.status, 400);
    assert_eq!(
        missing.header("content-type"),
        Some("application/xml; charset=UTF-8")
    );
    assert_eq!(
        missing.body,
        "<ErrorResponse><Error><Type>Sender</Type><Code>MissingAction</Code>\
         <Message>The request is missing an action or operation parameter</Message></Error></ErrorResponse>"
    );
    let cases = [
        ("/v1/?Action=DeleteEverything", HeatError::InvalidAction),
        (
            "/v1/?Action=CreateStack&TemplateBody=x",
            HeatError::MissingParameter,
        ),
        (
            "/v1/?Action=CreateStack&StackName=app",
            HeatError::MissingParameter,
        ),
        (
            "/v1/?Action=DescribeStacks&StackName=nope",
            HeatError::InvalidParameterValue,
        ),
        (
            "/v1/?Action=DeleteStack&StackName=nope",
            HeatError::InvalidParameterValue,
        ),
        (
            "/v1/?Action=CreateStack&StackName=db&TemplateBody=x",
            HeatError::AlreadyExists,
        ),
    ];
    for (path, expected) in cases {
        let answer = get(addr, path).await;
        assert_eq!(answer.status, 400, "{path}");
        assert_eq!(
            HeatError::from_fault(&answer.fault()),
            Some(expected),
            "{path}: {}",
            answer.body
        );
    }
}

#[tokio::test]
async fn heat_reads_a_form_body_and_sends_the_title_as_reason_phrase() {
    let addr = start_axum(Heat::new().router());
    let form = Try::get("", "/v1/", 0)
        .method("POST")
        .header("content-type", "application/x-www-form-urlencoded");
    let create = Try {
        body: Some("Action=CreateStack&StackName=app&TemplateBody=%7B%7D".into()),
        ..form.clone()
    };
    assert_eq!(send(addr, &create).await.status, 200);
    let again = tokio::task::spawn_blocking(move || exchange(addr, &create))
        .await
        .unwrap()
        .unwrap();
    assert!(again.starts_with("HTTP/1.1 400 AlreadyExists\n"), "{again}");
}

#[tokio::test]
async fn heat_throttles_with_a_400_throttling() {
    let addr =
        start_axum(Heat::with_throttle(Throttle::new(2, Duration::from_secs(3600))).router());
    for _ in 0..2 {
        assert_eq!(get(addr, "/v1/?Action=ListStacks").await.status, 200);
    }
    let throttled = get(addr, "/v1/?Action=ListStacks").await;
    assert_eq!(throttled.status, 400);
    assert_eq!(
        HeatError::from_fault(&throttled.fault()),
        Some(HeatError::Throttling)
    );
}
