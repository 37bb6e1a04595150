//! The typed enums the OpenStack cases render from: one per service release, as that
//! service would declare its faults (its dialect, the XML namespace of its release), and the
//! facts a case's body shows, read with serde_json and an XML tree (not with fault-core).

use crate::conformance_cases::{Tree, expect_header, retry_after};
use fault_core::{ApiFault, FromFault, FromValue, Member, RetryAfter, ToValue, Value};
use serde_json::Value as Json;

/// The fault a case shows: what its body (or, for a case without one, its source) says.
#[derive(Debug, Default)]
pub struct Facts {
    pub status: u16,
    pub title: String,
    pub message: String,
    pub details: Option<String>,
    pub retry: Option<RetryAfter>,
    pub created: Option<String>,
    /// Members beyond those the compute faults declare.
    pub extra: Vec<String>,
}

impl Facts {
    /// From the inner object of `{"name": {…}}`.
    pub fn from_json(status: u16, title: &str, inner: &Json) -> Self {
        let mut facts = Facts {
            status,
            title: title.to_owned(),
            ..Facts::default()
        };
        for (key, value) in inner.as_object().expect("a fault object") {
            let text = || value.as_str().map(str::to_owned);
            match key.as_str() {
                "code" => {}
                "message" => facts.message = text().expect("a message string"),
                "details" => facts.details = text(),
                "retryAfter" | "retryAt" => facts.retry = retry_after(value),
                "created" => facts.created = text(),
                other => facts.extra.push(other.to_owned()),
            }
        }
        facts
    }

    /// From a fault element.
    pub fn from_xml(status: u16, root: &Tree) -> Self {
        let mut facts = Facts {
            status,
            title: root.name.1.clone(),
            ..Facts::default()
        };
        for (name, value) in &root.attrs {
            match name.as_str() {
                "code" => {}
                "retryAfter" | "retryAt" => facts.retry = retry_after(&Json::from(value.clone())),
                "created" => facts.created = Some(value.clone()),
                other => facts.extra.push(other.to_owned()),
            }
        }
        for child in &root.children {
            match child.name.1.as_str() {
                "message" => facts.message.clone_from(&child.text),
                "details" if child.children.is_empty() => facts.details = Some(child.text.clone()),
                "retryAfter" => facts.retry = retry_after(&Json::from(child.text.clone())),
                other => facts.extra.push(other.to_owned()),
            }
        }
        facts
    }

    /// `Retry-After`, where the body says nothing of it.
    pub fn with_header(mut self, case: &Json) -> Self {
        if self.retry.is_none() {
            self.retry = expect_header(case, "Retry-After").and_then(|v| retry_after(&v.into()));
        }
        self
    }
}

/// WebOb's explanation of a 500, which nova and cinder send for an error that is not safe to
/// describe.
pub const WEBOB_500: &str =
    "The server has either erred or is incapable of performing the requested operation.";

/// A compute-family fault type: every fault the nova and cinder cases show, named as the
/// service names them (`computeFault` for a status without a name of its own), with
/// `from_facts` choosing the variant a service raises for a case's fault.
macro_rules! compute_faults {
    ($(#[$doc:meta])* $name:ident, $dialect:literal $(, $ns:literal)?) => {
        $(#[$doc])*
        #[derive(Debug, PartialEq, ApiFault, FromFault)]
        #[fault(format = "openstack", dialect = $dialect $(, namespace = $ns)?)]
        pub enum $name {
            #[fault(code = 400, title = "badRequest", message = "{message}")]
            BadRequest { message: String, #[fault(details)] details: Option<String> },
            #[fault(code = 403, title = "forbidden", message = "{message}")]
            Forbidden { message: String, #[fault(details)] details: Option<String> },
            #[fault(code = 404, title = "itemNotFound", message = "{message}")]
            ItemNotFound { message: String, #[fault(details)] details: Option<String> },
            /// nova names no 406: `computeFault`.
            #[fault(code = 406, title = "computeFault", message = "{message}")]
            NotAcceptable { message: String, #[fault(details)] details: Option<String> },
            #[fault(code = 413, title = "overLimit", message = "{message}", parse_target)]
            OverLimit {
                message: String,
                #[fault(details)]
                details: Option<String>,
                #[fault(retry_after)]
                retry: Option<RetryAfter>,
            },
            /// cinder's rate-limit fault (`OverLimitFault`).
            #[fault(code = 413, title = "overLimitFault", message = "{message}")]
            OverLimitFault {
                message: String,
                #[fault(details)]
                details: Option<String>,
                #[fault(retry_after)]
                retry: Option<RetryAfter>,
            },
            #[fault(code = 415, title = "badMediaType", message = "{message}")]
            BadMediaType { message: String, #[fault(details)] details: Option<String> },
            #[fault(code = 417, title = "computeFault", message = "{message}")]
            ExpectationFailed { message: String, #[fault(details)] details: Option<String> },
            /// nova's 429 shares `overLimit` with its 413.
            #[fault(code = 429, title = "overLimit", message = "{message}")]
            RateLimited {
                message: String,
                #[fault(details)]
                details: Option<String>,
                #[fault(retry_after)]
                retry: Option<RetryAfter>,
            },
            /// cinder names no 429: `computeFault`.
            #[fault(code = 429, title = "computeFault", message = "{message}")]
            TooManyRequests {
                message: String,
                #[fault(details)]
                details: Option<String>,
                #[fault(retry_after)]
                retry: Option<RetryAfter>,
            },
            /// A safe exception: its text is sent.
            #[fault(
                code = 500,
                title = "computeFault",
                message = "{message}",
                expose,
                parse_target
            )]
            Compute { message: String, #[fault(details)] details: Option<String> },
            /// Any other exception: WebOb's explanation is sent.
            #[fault(
                code = 500,
                title = "computeFault",
                message = "The server has either erred or is incapable of performing the requested operation."
            )]
            Internal,
            /// The Cloud Servers API v1.0's generic fault.
            #[fault(code = 500, title = "cloudServersFault", message = "{message}", expose)]
            CloudServers { message: String, #[fault(details)] details: Option<String> },
            /// An asynchronous fault (`AsyncAPIFault`), embedded in a server or an image.
            #[fault(code = 404, title = "fault", message = "{message}", parse_target)]
            AsyncNotFound {
                message: String,
                #[fault(details)]
                details: Option<String>,
                #[fault(created)]
                created: Option<String>,
            },
            #[fault(code = 500, title = "fault", message = "{message}", expose)]
            AsyncCompute {
                message: String,
                #[fault(details)]
                details: Option<String>,
                #[fault(created)]
                created: Option<String>,
            },
        }

        impl $name {
            /// The variant a service raises for the fault `f` shows, and the one it reads
            /// back as where no reader could tell it from another: `Internal` is
            /// `Compute` on the wire (`computeFault`, 500), with the text it sends.
            pub fn from_facts(f: &Facts) -> Option<(Self, Option<Self>)> {
                let raised = Self::raised(f)?;
                let reads_as = matches!(raised, Self::Internal).then(|| Self::Compute {
                    message: WEBOB_500.to_owned(),
                    details: None,
                });
                Some((raised, reads_as))
            }

            fn raised(f: &Facts) -> Option<Self> {
                let (message, details) = (f.message.clone(), f.details.clone());
                let (retry, created) = (f.retry, f.created.clone());
                Some(match (f.title.as_str(), f.status) {
                    ("badRequest", 400) => Self::BadRequest { message, details },
                    ("forbidden", 403) => Self::Forbidden { message, details },
                    ("itemNotFound", 404) => Self::ItemNotFound { message, details },
                    ("computeFault", 406) => Self::NotAcceptable { message, details },
                    ("overLimit", 413) => Self::OverLimit { message, details, retry },
                    ("overLimitFault", 413) => Self::OverLimitFault { message, details, retry },
                    ("badMediaType", 415) => Self::BadMediaType { message, details },
                    ("computeFault", 417) => Self::ExpectationFailed { message, details },
                    ("overLimit", 429) => Self::RateLimited { message, details, retry },
                    ("computeFault", 429) => Self::TooManyRequests { message, details, retry },
                    ("computeFault", 500) if message == WEBOB_500 && details.is_none() => {
                        Self::Internal
                    }
                    ("computeFault", 500) => Self::Compute { message, details },
                    ("cloudServersFault", 500) => Self::CloudServers { message, details },
                    ("fault", 404) => Self::AsyncNotFound { message, details, created },
                    ("fault", 500) => Self::AsyncCompute { message, details, created },
                    _ => return None,
                })
            }
        }
    };
}

compute_faults!(
    /// nova today: JSON only.
    NovaMaster, "nova"
);
compute_faults!(
    /// nova 2014.1 (icehouse): JSON, and XML in the Compute API v1.1 namespace.
    NovaIcehouse, "nova", "http://docs.openstack.org/compute/api/v1.1"
);
compute_faults!(
    /// cinder today: JSON only.
    CinderMaster, "cinder"
);
compute_faults!(
    /// cinder mitaka, its v2 API (`XML_NS_V2`, since Juno).
    CinderMitakaV2, "cinder", "http://docs.openstack.org/api/openstack-block-storage/2.0/content"
);
compute_faults!(
    /// cinder mitaka, its v1 API (`XML_NS_V1`).
    CinderMitakaV1, "cinder", "http://docs.openstack.org/api/openstack-block-storage/1.0/content"
);
compute_faults!(
    /// cinder 2014.1 (icehouse): `XMLNS_V1`.
    CinderIcehouse, "cinder", "http://docs.openstack.org/volume/api/v1"
);
compute_faults!(
    /// The Compute API v1.1 schema and its v2 documentation samples.
    ComputeApiV11, "compute_schema", "http://docs.openstack.org/compute/api/v1.1"
);
compute_faults!(
    /// The Rackspace Cloud Servers API v1.0.
    CloudServersV10, "compute_schema", "http://docs.rackspacecloud.com/servers/api/v1.0"
);

/// The nested `extra` member of the serializer case: `{"x": true, "y": null}`, written `y`
/// first (Python 2's order).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Extra {
    pub x: bool,
    pub y: Option<String>,
}

impl ToValue for Extra {
    fn to_value(&self) -> Value<'_> {
        Value::Structure(vec![
            Member::new("y", self.y.as_deref().map_or(Value::Null, Value::from)),
            Member::new("x", self.x),
        ])
    }
}

impl FromValue for Extra {
    fn from_value(value: &Value<'_>) -> Option<Self> {
        Some(Extra {
            x: bool::from_member(value.get("x")),
            y: Option::from_member(value.get("y")),
        })
    }
    fn missing() -> Self {
        Extra::default()
    }
}

/// icehouse nova's serializer given nested shapes (a case of the file, not a nova test): a
/// dict, a flag, lists.
#[derive(Debug, PartialEq, ApiFault, FromFault)]
#[fault(
    format = "openstack",
    dialect = "nova",
    namespace = "http://docs.openstack.org/compute/api/v1.1"
)]
pub enum NovaShapes {
    #[fault(code = 500, title = "computeFault", message = "{message}", expose)]
    Compute {
        message: String,
        #[fault(member)]
        extra: Extra,
        #[fault(member)]
        deleted: bool,
        #[fault(member)]
        items: Vec<u32>,
        /// A list under `details`: only a member can hold one.
        #[fault(member, rename = "details")]
        details: Vec<String>,
    },
}
