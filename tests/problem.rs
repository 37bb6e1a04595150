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
    // Without a message of its own, the reason phrase, as every format sends.
    assert_eq!(body["detail"], "Not Found");
    assert_eq!(body["type"], "about:blank");
    assert!(response.headers().get("content-language").is_none());
}

#[test]
fn an_empty_message_sends_no_detail() {
    // `detail` is optional in the RFC, and its own examples have none.
    #[derive(Debug, ApiFault)]
    #[fault(format = "problem")]
    enum Quiet {
        #[fault(
            code = 422,
            title = "Your request is not valid.",
            problem_type = "https://example.net/validation-error",
            message = ""
        )]
        Invalid,
    }
    let response = Quiet::Invalid.response(&Context::new());
    let body: Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body.get("detail"), None);
    let fault = Fault::new(fault_core::http::StatusCode::CONFLICT, "Conflict").with_message("");
    let response = fault.render(fault_core::Format::Problem, &Context::new());
    let body: Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body.get("detail"), None);
}

#[test]
fn an_errors_extension_is_read_as_a_member_of_a_problem() {
    // RFC 9457 §3's second example: its `errors` would pass for an API-WG list.
    let body = br##"{"type": "https://example.net/validation-error",
        "title": "Your request is not valid.",
        "errors": [{"detail": "must be a positive integer", "pointer": "#/age"}]}"##;
    let mut headers = fault_core::http::HeaderMap::new();
    headers.insert("content-type", "application/problem+json".parse().unwrap());
    let fault = Fault::parse(
        fault_core::http::StatusCode::UNPROCESSABLE_ENTITY,
        &headers,
        body,
    );
    assert_eq!(fault.format(), Some(fault_core::Format::Problem));
    assert_eq!(fault.title(), "Your request is not valid.");
    assert_eq!(
        fault.problem_type(),
        Some("https://example.net/validation-error")
    );
    let errors = fault.member("errors").unwrap();
    assert_eq!(errors.as_list().unwrap().len(), 1);
}

#[test]
fn the_rfcs_xml_example_when_the_request_asks_for_xml() {
    // RFC 9457 Appendix B, with `status` (which we always send) and our relative instance.
    let cx = Context::new().with_accept("application/problem+xml");
    let response = out_of_credit().response(&cx);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+xml"
    );
    assert_eq!(response.headers()["content-language"], "en");
    assert_eq!(
        std::str::from_utf8(response.body()).unwrap(),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <problem xmlns=\"urn:ietf:rfc:7807\">\
         <type>https://example.com/probs/out-of-credit</type>\
         <title>You do not have enough credit.</title>\
         <status>403</status>\
         <detail>Your current balance is 30, but that costs 50.</detail>\
         <instance>/account/12345/msgs/abc</instance>\
         <balance>30</balance>\
         <accounts><i>/account/12345</i><i>/account/67890</i></accounts>\
         </problem>"
    );
    // Plain `application/xml` asks for it too; JSON stays the default.
    let xml = out_of_credit().response(&Context::new().with_accept("application/xml"));
    assert_eq!(xml.headers()["content-type"], "application/problem+xml");
    // Read back as the same typed value, the list a list.
    let fault = Fault::from_response(&response);
    assert_eq!(fault.format(), Some(fault_core::Format::Problem));
    assert_eq!(fault.namespace(), None);
    assert_eq!(fault.instance().unwrap(), "/account/12345/msgs/abc");
    let Some(AccountError::OutOfCredit {
        balance, accounts, ..
    }) = AccountError::from_fault(&fault)
    else {
        panic!("expected OutOfCredit");
    };
    assert_eq!(balance, 30);
    assert_eq!(accounts, ["/account/12345", "/account/67890"]);
}

#[test]
fn a_one_item_list_stays_a_list_in_xml() {
    let err = AccountError::OutOfCredit {
        balance: 0,
        cost: 1,
        accounts: vec!["/account/1".into()],
        instance: "/i".into(),
    };
    let response = err.response(&Context::new().with_accept("application/xml"));
    let fault = Fault::from_response(&response);
    let accounts = fault.member("accounts").unwrap();
    assert_eq!(accounts.as_list().map(<[_]>::len), Some(1));
}
