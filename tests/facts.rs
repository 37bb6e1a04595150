//! The facts of a variant: status, title, err_type, API-WG code, namespace, format, and the
//! container-level defaults that variants override.

use fault_core::{ApiFault, ErrType, Format, http::StatusCode};

#[derive(Debug, ApiFault)]
#[fault(
    code = 400,
    format = "aws_query",
    namespace = "http://example.com/doc/2010-05-15/"
)]
enum CfnError {
    #[fault(code = 403, title = "AccessDenied", err_type = "Sender")]
    AccessDenied,
    /// Inherits the type's default code (400).
    #[fault(title = "MissingParameter")]
    MissingParameter,
    #[fault(code = 500, title = "InternalFailure")]
    InternalFailure,
    #[fault(code = 503, title = "ServiceUnavailable", err_type = "Receiver")]
    ServiceUnavailable,
    #[fault(code = 404, namespace = "urn:other")]
    Elsewhere,
}

#[test]
fn status_title_and_err_type_come_from_the_variant() {
    let e = CfnError::AccessDenied;
    assert_eq!(e.status(), StatusCode::FORBIDDEN);
    assert_eq!(e.title(), "AccessDenied");
    assert_eq!(e.err_type(), ErrType::Sender);
}

#[test]
fn a_variant_without_code_takes_the_type_default() {
    assert_eq!(CfnError::MissingParameter.status(), StatusCode::BAD_REQUEST);
}

#[test]
fn err_type_defaults_to_server_for_5xx_and_sender_otherwise() {
    assert_eq!(CfnError::InternalFailure.err_type(), ErrType::Server);
    assert_eq!(CfnError::MissingParameter.err_type(), ErrType::Sender);
}

#[test]
fn the_err_type_word_written_is_kept() {
    assert_eq!(CfnError::ServiceUnavailable.err_type(), ErrType::Receiver);
    assert_eq!(CfnError::ServiceUnavailable.err_type().as_str(), "Receiver");
}

#[test]
fn title_defaults_to_the_variant_name() {
    assert_eq!(CfnError::Elsewhere.title(), "Elsewhere");
}

#[test]
fn namespace_and_format_reach_the_fault() {
    let fault = CfnError::AccessDenied.fault();
    assert_eq!(
        fault.namespace(),
        Some("http://example.com/doc/2010-05-15/")
    );
    assert_eq!(fault.format(), Some(Format::AwsQuery));
    assert_eq!(CfnError::Elsewhere.fault().namespace(), Some("urn:other"));
}

#[test]
fn the_fault_carries_the_facts() {
    let fault = CfnError::ServiceUnavailable.fault();
    assert_eq!(fault.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(fault.title(), "ServiceUnavailable");
    assert_eq!(fault.err_type(), ErrType::Receiver);
    assert_eq!(fault.code(), None);
    assert!(fault.error().is_some());
}

#[test]
fn the_spec_holds_the_static_facts() {
    let spec = CfnError::AccessDenied.spec().unwrap();
    assert_eq!(spec.status(), StatusCode::FORBIDDEN);
    assert_eq!(spec.title(), "AccessDenied");
    assert_eq!(spec.format(), Some(Format::AwsQuery));
    // No message: the explanation is the reason phrase.
    assert_eq!(spec.explanation(), "Forbidden");
    assert!(spec.message_is_fixed());
    assert!(!spec.exposed());
}

#[test]
fn the_trait_is_object_safe() {
    let errors: Vec<Box<dyn ApiFault>> = vec![
        Box::new(CfnError::AccessDenied),
        Box::new(CfnError::InternalFailure),
    ];
    let statuses: Vec<u16> = errors.iter().map(|e| e.status().as_u16()).collect();
    assert_eq!(statuses, [403, 500]);
    let by_ref: &dyn ApiFault = &CfnError::MissingParameter;
    assert_eq!(by_ref.title(), "MissingParameter");
    assert_eq!(by_ref.fault().status().as_u16(), 400);
    // A boxed fault is itself a fault.
    assert_eq!(errors[0].title(), "AccessDenied");
}

#[derive(Debug, ApiFault)]
#[fault(rename_all = "camelCase", format = "openstack")]
enum ComputeFault {
    #[fault(code = 404)]
    ItemNotFound,
    #[fault(code = 409)]
    BuildInProgress,
    #[fault(code = 400, title = "badRequest")]
    Malformed,
}

#[test]
fn rename_all_camel_case_gives_openstack_names() {
    assert_eq!(ComputeFault::ItemNotFound.title(), "itemNotFound");
    assert_eq!(ComputeFault::BuildInProgress.title(), "buildInProgress");
    assert_eq!(ComputeFault::Malformed.title(), "badRequest");
}

#[derive(Debug, ApiFault)]
#[fault(code = 400, rename_all = "SCREAMING_SNAKE_CASE")]
enum Screaming {
    TooManyRequests,
}

#[derive(Debug, ApiFault)]
#[fault(code = 400, rename_all = "kebab-case")]
enum Kebab {
    TooManyRequests,
}

#[derive(Debug, ApiFault)]
#[fault(code = 400, rename_all = "snake_case")]
enum Snake {
    TooManyRequests,
}

#[derive(Debug, ApiFault)]
#[fault(code = 400, rename_all = "lowercase")]
enum Lower {
    TooManyRequests,
}

#[derive(Debug, ApiFault)]
#[fault(code = 400, rename_all = "UPPERCASE")]
enum Upper {
    TooManyRequests,
}

#[derive(Debug, ApiFault)]
#[fault(code = 400, rename_all = "SCREAMING-KEBAB-CASE")]
enum ScreamingKebab {
    TooManyRequests,
}

#[derive(Debug, ApiFault)]
#[fault(code = 400, rename_all = "PascalCase")]
enum Pascal {
    TooManyRequests,
}

#[test]
fn every_serde_rename_rule() {
    assert_eq!(Screaming::TooManyRequests.title(), "TOO_MANY_REQUESTS");
    assert_eq!(Kebab::TooManyRequests.title(), "too-many-requests");
    assert_eq!(Snake::TooManyRequests.title(), "too_many_requests");
    assert_eq!(Lower::TooManyRequests.title(), "toomanyrequests");
    assert_eq!(Upper::TooManyRequests.title(), "TOOMANYREQUESTS");
    assert_eq!(ScreamingKebab::TooManyRequests.title(), "TOO-MANY-REQUESTS");
    assert_eq!(Pascal::TooManyRequests.title(), "TooManyRequests");
}

#[derive(Debug, ApiFault)]
#[fault(
    code = 409,
    err_type = "Receiver",
    error_code = "placement.undefined_code"
)]
enum Defaults {
    /// Everything from the type.
    Plain,
    #[fault(
        code = 404,
        err_type = "Sender",
        error_code = "placement.resource_provider.not_found"
    )]
    Overridden,
}

#[test]
fn variants_override_type_defaults() {
    assert_eq!(Defaults::Plain.status(), StatusCode::CONFLICT);
    assert_eq!(Defaults::Plain.err_type(), ErrType::Receiver);
    assert_eq!(
        Defaults::Plain.fault().code(),
        Some("placement.undefined_code")
    );
    assert_eq!(Defaults::Overridden.status(), StatusCode::NOT_FOUND);
    assert_eq!(Defaults::Overridden.err_type(), ErrType::Sender);
    assert_eq!(
        Defaults::Overridden.fault().code(),
        Some("placement.resource_provider.not_found")
    );
}

#[derive(Debug, ApiFault)]
#[fault(code = 429, title = "Throttling", message = "Rate exceeded")]
struct Throttled;

#[test]
fn a_struct_is_one_variant() {
    assert_eq!(Throttled.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(Throttled.title(), "Throttling");
    assert_eq!(Throttled.to_string(), "Rate exceeded");
    assert_eq!(Throttled.fault().message(), "Rate exceeded");
}

#[derive(Debug, ApiFault)]
enum Unregistered {
    #[fault(code = 499, title = "ClientClosedRequest")]
    Closed,
}

#[test]
fn a_status_without_a_reason_phrase_explains_itself_with_its_title() {
    assert_eq!(Unregistered::Closed.status().as_u16(), 499);
    assert_eq!(Unregistered::Closed.to_string(), "ClientClosedRequest");
}

macro_rules! assert_format_names {
    ($($name:literal => $format:ident),* $(,)?) => {
        #[test]
        fn every_format_name_is_accepted() {
            let mut seen = Vec::new();
            $({
                #[derive(Debug, ApiFault)]
                #[fault(code = 400, format = $name)]
                enum E {
                    V,
                }
                assert_eq!(E::V.fault().format(), Some(Format::$format));
                assert_eq!(Format::$format.name(), $name);
                seen.push(Format::$format);
            })*
            assert_eq!(seen, Format::ALL);
        }
    };
}

assert_format_names! {
    "aws_query" => AwsQuery,
    "heat" => Heat,
    "ec2_query" => Ec2Query,
    "aws_json10" => AwsJson10,
    "aws_json11" => AwsJson11,
    "aws_rest_json" => AwsRestJson,
    "aws_rest_xml" => AwsRestXml,
    "aws_rest_xml_unwrapped" => AwsRestXmlUnwrapped,
    "s3" => S3,
    "openstack" => OpenStack,
    "load_balancer" => LoadBalancer,
    "keystone" => Keystone,
    "neutron" => Neutron,
    "api_wg" => ApiWg,
    "placement" => Placement,
    "problem" => Problem,
}
