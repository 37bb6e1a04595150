//! The services of Smithy's AWS protocol tests as typed enums, one per service, each variant an
//! error shape the cases use, annotated as the model in `smithy-error-cases.json` says; and the
//! value of a variant built from a case's `params`.
//!
//! A shape without a message member (`ComplexError`, `FooError`, `NoSuchBucket`) gets the
//! fixed message its protocol's cases send: none in awsQuery, awsJson, restJson and S3, `Hi`
//! in ec2Query and restXml, whose servers always write a `<Message>`.

use fault_core::{ApiFault, FromFault, FromValue, Member, ToValue, Value};
use serde_json::Value as Json;
use std::cell::RefCell;
use std::fmt::Debug;

/// A service's error enum: both derives, compared by value, and built from a case's params.
pub trait Model: ApiFault + FromFault + PartialEq + Debug {
    /// The variant for the error shape named `shape` (its name without namespace), filled
    /// from `params`; `None` when the service has no such shape.
    fn build(shape: &str, params: &Params<'_>) -> Option<Self>;
}

/// A case's `params`, remembering which were read, so none goes unmodelled.
pub struct Params<'a> {
    json: &'a Json,
    read: RefCell<Vec<String>>,
}

impl<'a> Params<'a> {
    pub fn new(json: &'a Json) -> Self {
        Params {
            json,
            read: RefCell::new(Vec::new()),
        }
    }

    fn take(&self, key: &str) -> Option<&'a Json> {
        let value = self.json.get(key)?;
        self.read.borrow_mut().push(key.to_owned());
        Some(value)
    }

    /// A string member.
    pub fn text(&self, key: &str) -> Option<String> {
        self.take(key)?.as_str().map(str::to_owned)
    }

    /// The message member, as the shape spells it (`Message` or `message`); empty when absent.
    pub fn message(&self) -> String {
        self.text("Message")
            .or_else(|| self.text("message"))
            .unwrap_or_default()
    }

    /// The `Nested` structure member (`ComplexNestedErrorData`).
    pub fn nested<const JSON_NAME: bool>(&self) -> Option<Nested<JSON_NAME>> {
        let nested = self.take("Nested")?;
        if let Some(object) = nested.as_object() {
            for key in object.keys().filter(|k| *k != "Foo") {
                self.read.borrow_mut().push(format!("!Nested.{key}"));
            }
        }
        Some(Nested {
            foo: nested.get("Foo").and_then(Json::as_str).map(str::to_owned),
        })
    }

    /// The params no variant field took (a nested one marked `!`): each a member we dropped.
    pub fn unread(&self) -> Vec<String> {
        let read = self.read.borrow();
        let mut unread: Vec<String> = self
            .json
            .as_object()
            .into_iter()
            .flat_map(|o| o.keys())
            .filter(|k| !read.contains(k))
            .cloned()
            .collect();
        unread.extend(
            read.iter()
                .filter_map(|k| k.strip_prefix('!'))
                .map(str::to_owned),
        );
        unread
    }
}

/// `ComplexNestedErrorData { Foo: String }`; `JSON_NAME` when the model gives `Foo` the
/// `@jsonName("Fooooo")` (the JSON services' models; the XML ones have none).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Nested<const JSON_NAME: bool> {
    pub foo: Option<String>,
}

/// The JSON services' nested structure, with `@jsonName`.
pub type JsonNested = Nested<true>;
/// The XML services' nested structure.
pub type XmlNested = Nested<false>;

impl<const JSON_NAME: bool> ToValue for Nested<JSON_NAME> {
    fn to_value(&self) -> Value<'_> {
        let member = self.foo.as_deref().map(|text| {
            let member = Member::new("Foo", text);
            if JSON_NAME {
                member.with_json_name("Fooooo")
            } else {
                member
            }
        });
        Value::structure(member)
    }
}

impl<const JSON_NAME: bool> FromValue for Nested<JSON_NAME> {
    fn from_value(value: &Value<'_>) -> Option<Self> {
        value.as_structure()?;
        // A parsed structure knows only the names it was read under: restJson's `Fooooo`,
        // awsJson's and XML's `Foo`.
        let read = match value.get("Foo") {
            None if JSON_NAME => value.get("Fooooo"),
            read => read,
        };
        Some(Nested {
            foo: Option::from_member(read),
        })
    }
    fn missing() -> Self {
        Nested::default()
    }
}

/// `aws.protocoltests.query#AwsQuery` (awsQuery).
#[derive(Debug, PartialEq, ApiFault, FromFault)]
#[fault(format = "aws_query")]
pub enum QueryError {
    #[fault(code = 400, title = "InvalidGreeting", message = "{message}")]
    InvalidGreeting { message: String },
    #[fault(code = 400, title = "ComplexError", message = "")]
    ComplexError {
        #[fault(member, rename = "TopLevel")]
        top_level: Option<String>,
        #[fault(member, rename = "Nested")]
        nested: Option<XmlNested>,
    },
    /// `@awsQueryError(code: "Customized", httpResponseCode: 402)`.
    #[fault(
        code = 400,
        title = "CustomCodeError",
        query_code = "Customized",
        query_status = 402,
        message = "{message}"
    )]
    CustomCodeError { message: String },
}

impl Model for QueryError {
    fn build(shape: &str, p: &Params<'_>) -> Option<Self> {
        Some(match shape {
            "InvalidGreeting" => Self::InvalidGreeting {
                message: p.message(),
            },
            "ComplexError" => Self::ComplexError {
                top_level: p.text("TopLevel"),
                nested: p.nested(),
            },
            "CustomCodeError" => Self::CustomCodeError {
                message: p.message(),
            },
            _ => return None,
        })
    }
}

/// `aws.protocoltests.ec2#AwsEc2` (ec2Query).
#[derive(Debug, PartialEq, ApiFault, FromFault)]
#[fault(format = "ec2_query")]
pub enum Ec2Error {
    #[fault(code = 400, title = "InvalidGreeting", message = "{message}")]
    InvalidGreeting { message: String },
    #[fault(code = 400, title = "ComplexError", message = "Hi")]
    ComplexError {
        #[fault(member, rename = "TopLevel")]
        top_level: Option<String>,
        #[fault(member, rename = "Nested")]
        nested: Option<XmlNested>,
    },
}

impl Model for Ec2Error {
    fn build(shape: &str, p: &Params<'_>) -> Option<Self> {
        Some(match shape {
            "InvalidGreeting" => Self::InvalidGreeting {
                message: p.message(),
            },
            "ComplexError" => Self::ComplexError {
                top_level: p.text("TopLevel"),
                nested: p.nested(),
            },
            _ => return None,
        })
    }
}

/// `aws.protocoltests.json10#JsonRpc10` (awsJson 1.0).
#[derive(Debug, PartialEq, ApiFault, FromFault)]
#[fault(format = "aws_json10", namespace = "aws.protocoltests.json10")]
pub enum Json10Error {
    #[fault(
        code = 400,
        title = "InvalidGreeting",
        message_member = "Message",
        message = "{message}"
    )]
    InvalidGreeting { message: String },
    #[fault(code = 400, title = "ComplexError", message = "")]
    ComplexError {
        #[fault(member, rename = "TopLevel")]
        top_level: Option<String>,
        #[fault(member, rename = "Nested")]
        nested: Option<JsonNested>,
    },
    /// `@error("server")`, client-only: read, never rendered.
    #[fault(code = 500, title = "FooError", message = "")]
    FooError,
}

impl Model for Json10Error {
    fn build(shape: &str, p: &Params<'_>) -> Option<Self> {
        Some(match shape {
            "InvalidGreeting" => Self::InvalidGreeting {
                message: p.message(),
            },
            "ComplexError" => Self::ComplexError {
                top_level: p.text("TopLevel"),
                nested: p.nested(),
            },
            "FooError" => Self::FooError,
            _ => return None,
        })
    }
}

/// `aws.protocoltests.json10#QueryCompatibleJsonRpc10` (awsJson 1.0, `@awsQueryCompatible`).
#[derive(Debug, PartialEq, ApiFault, FromFault)]
#[fault(
    format = "aws_json10",
    namespace = "aws.protocoltests.json10",
    query_compatible
)]
pub enum QueryCompatibleError {
    #[fault(code = 400, title = "NoCustomCodeError", message = "{message}")]
    NoCustomCodeError { message: String },
    /// `@awsQueryError(code: "Customized", httpResponseCode: 402)`.
    #[fault(
        code = 400,
        title = "CustomCodeError",
        query_code = "Customized",
        query_status = 402,
        message = "{message}"
    )]
    CustomCodeError { message: String },
}

impl Model for QueryCompatibleError {
    fn build(shape: &str, p: &Params<'_>) -> Option<Self> {
        Some(match shape {
            "NoCustomCodeError" => Self::NoCustomCodeError {
                message: p.message(),
            },
            "CustomCodeError" => Self::CustomCodeError {
                message: p.message(),
            },
            _ => return None,
        })
    }
}

/// `aws.protocoltests.json#JsonProtocol` (awsJson 1.1).
#[derive(Debug, PartialEq, ApiFault, FromFault)]
#[fault(format = "aws_json11")]
pub enum Json11Error {
    #[fault(
        code = 400,
        title = "InvalidGreeting",
        message_member = "Message",
        message = "{message}"
    )]
    InvalidGreeting { message: String },
    #[fault(code = 400, title = "ComplexError", message = "")]
    ComplexError {
        #[fault(member, rename = "TopLevel")]
        top_level: Option<String>,
        #[fault(member, rename = "Nested")]
        nested: Option<JsonNested>,
    },
    /// `@error("server")`, client-only.
    #[fault(code = 500, title = "FooError", message = "")]
    FooError,
}

impl Model for Json11Error {
    fn build(shape: &str, p: &Params<'_>) -> Option<Self> {
        Some(match shape {
            "InvalidGreeting" => Self::InvalidGreeting {
                message: p.message(),
            },
            "ComplexError" => Self::ComplexError {
                top_level: p.text("TopLevel"),
                nested: p.nested(),
            },
            "FooError" => Self::FooError,
            _ => return None,
        })
    }
}

/// `aws.protocoltests.restjson#RestJson` (restJson1).
#[derive(Debug, PartialEq, ApiFault, FromFault)]
#[fault(format = "aws_rest_json")]
pub enum RestJsonError {
    /// `@httpError(400)`.
    #[fault(
        code = 400,
        title = "InvalidGreeting",
        message_member = "Message",
        message = "{message}"
    )]
    InvalidGreeting { message: String },
    /// `@httpError(403)`.
    #[fault(code = 403, title = "ComplexError", message = "")]
    ComplexError {
        #[fault(header = "X-Header", rename = "Header")]
        header: Option<String>,
        #[fault(member, rename = "TopLevel")]
        top_level: Option<String>,
        #[fault(member, rename = "Nested")]
        nested: Option<JsonNested>,
    },
    /// `@httpError(500)`, client-only.
    #[fault(code = 500, title = "FooError", message = "")]
    FooError,
}

impl Model for RestJsonError {
    fn build(shape: &str, p: &Params<'_>) -> Option<Self> {
        Some(match shape {
            "InvalidGreeting" => Self::InvalidGreeting {
                message: p.message(),
            },
            "ComplexError" => Self::ComplexError {
                header: p.text("Header"),
                top_level: p.text("TopLevel"),
                nested: p.nested(),
            },
            "FooError" => Self::FooError,
            _ => return None,
        })
    }
}

/// `aws.protocoltests.restxml#RestXml` (restXml).
#[derive(Debug, PartialEq, ApiFault, FromFault)]
#[fault(format = "aws_rest_xml")]
pub enum RestXmlError {
    /// `@httpError(400)`.
    #[fault(code = 400, title = "InvalidGreeting", message = "{message}")]
    InvalidGreeting { message: String },
    /// `@httpError(403)`.
    #[fault(code = 403, title = "ComplexError", message = "Hi")]
    ComplexError {
        #[fault(header = "X-Header", rename = "Header")]
        header: Option<String>,
        #[fault(member, rename = "TopLevel")]
        top_level: Option<String>,
        #[fault(member, rename = "Nested")]
        nested: Option<XmlNested>,
    },
}

impl Model for RestXmlError {
    fn build(shape: &str, p: &Params<'_>) -> Option<Self> {
        Some(match shape {
            "InvalidGreeting" => Self::InvalidGreeting {
                message: p.message(),
            },
            "ComplexError" => Self::ComplexError {
                header: p.text("Header"),
                top_level: p.text("TopLevel"),
                nested: p.nested(),
            },
            _ => return None,
        })
    }
}

/// `com.amazonaws.s3#AmazonS3` (restXml with `noErrorWrapping`: `<Error>` the root, with
/// `Type`).
#[derive(Debug, PartialEq, ApiFault, FromFault)]
#[fault(format = "aws_rest_xml_unwrapped")]
pub enum S3Error {
    #[fault(code = 400, title = "NoSuchBucket", message = "")]
    NoSuchBucket,
}

impl Model for S3Error {
    fn build(shape: &str, _: &Params<'_>) -> Option<Self> {
        (shape == "NoSuchBucket").then_some(Self::NoSuchBucket)
    }
}
