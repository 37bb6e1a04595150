//! RFC 9457 problem details in full: a `type` URI per variant, extension members with their
//! JSON types, `instance`, and `Content-Language` when the message's language is known; the
//! RFC's own out-of-credit example, both ways.

use fault_core::{ApiFault, Context, Fault, FromFault};
use serde_json::{Value, json};

#[derive(Debug, PartialEq, ApiFault, FromFault)]
#[fault(format = "problem", language = "en")]
enum AccountError {
    /// The RFC's example (§3).
    #[fault(
        code = 403,
        title = "You do not have enough credit.",
        problem_type = "https://example.com/probs/out-of-credit",
        message = "Your current balance is {balance}, but that costs {cost}."
    )]
    OutOfCredit {
        #[fault(member)]
        balance: u32,
        cost: u32,
        #[fault(member)]
        accounts: Vec<String>,
        #[fault(instance)]
        instance: String,
    },
}

fn out_of_credit() -> AccountError {
    AccountError::OutOfCredit {
        balance: 30,
        cost: 50,
        accounts: vec!["/account/12345".into(), "/account/67890".into()],
        instance: "/account/12345/msgs/abc".into(),
    }
}

#[test]
fn the_rfcs_out_of_credit_example() {
    let response = out_of_credit().response(&Context::new());
    assert_eq!(response.status().as_u16(), 403);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    assert_eq!(response.headers()["content-language"], "en");
    let body: Value = serde_json::from_slice(response.body()).unwrap();
    // The RFC's example leaves out `status`, which is advisory; we always send it.
    assert_eq!(
        body,
        json!({
            "type": "https://example.com/probs/out-of-credit",
            "title": "You do not have enough credit.",
            "status": 403,
            "detail": "Your current balance is 30, but that costs 50.",
            "instance": "/account/12345/msgs/abc",
            "balance": 30,
            "accounts": ["/account/12345", "/account/67890"],
        })
    );
}

#[test]
fn it_reads_back_typed() {
    let fault = Fault::from_response(&out_of_credit().response(&Context::new()));
    assert_eq!(
        fault.problem_type(),
        Some("https://example.com/probs/out-of-credit")
    );
    assert_eq!(fault.instance().unwrap(), "/account/12345/msgs/abc");
    assert_eq!(fault.language(), Some("en"));
    assert_eq!(fault.member("balance").unwrap().as_i64(), Some(30));
    let Some(AccountError::OutOfCredit {
        balance,
        accounts,
        instance,
        cost,
    }) = AccountError::from_fault(&fault)
    else {
        panic!("expected OutOfCredit");
    };
    assert_eq!(balance, 30);
    assert_eq!(accounts, ["/account/12345", "/account/67890"]);
    assert_eq!(instance, "/account/12345/msgs/abc");
    // Not a member: never sent, so `Default`.
    assert_eq!(cost, 0);
}

#[test]
fn the_requests_path_is_the_instance_when_the_fault_names_none() {
    #[derive(Debug, ApiFault)]
    #[fault(format = "problem")]
    enum Plain {
        #[fault(code = 404, title = "NotFound")]
        NotFound,
    }
    let response = Plain::NotFound.response(&Context::new().with_instance("/things/1"));
    let body: Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body["instance"], "/things/1");
    assert_eq!(body["type"], "about:blank");
    assert!(response.headers().get("content-language").is_none());
}
