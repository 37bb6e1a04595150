//! [`FaultSpec`]: the fixed facts of one variant, emitted by the derive as static data.

use crate::wire::cache::FixedBodies;
use crate::{Dialect, ErrType, Format};
use http::StatusCode;

/// The fixed facts of one fault variant: what the annotations say, known at compile time.
///
/// `#[derive(ApiFault)]` emits one `FaultSpec` per variant in its `static` catalogue, so asking a
/// value for its status or title is one `match` to find its spec and a field read.
/// [`ApiFault::spec`](crate::ApiFault::spec) hands out the spec of a value.
///
/// ```
/// use fault_core::ApiFault;
///
/// #[derive(Debug, ApiFault)]
/// enum VolumeError {
///     #[fault(code = 404, title = "itemNotFound", message = "The resource could not be found.")]
///     NotFound,
/// }
///
/// let spec = VolumeError::NotFound.spec().expect("not transparent");
/// assert_eq!(spec.status().as_u16(), 404);
/// assert_eq!(spec.explanation(), "The resource could not be found.");
/// assert!(spec.message_is_fixed());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct FaultSpec {
    pub(crate) status: StatusCode,
    pub(crate) title: &'static str,
    /// The side at fault as written; `None` leaves it to each family's word.
    pub(crate) err_type: Option<ErrType>,
    pub(crate) explanation: Option<&'static str>,
    pub(crate) message_is_fixed: bool,
    pub(crate) exposed: bool,
    pub(crate) error_code: Option<&'static str>,
    pub(crate) namespace: Option<&'static str>,
    pub(crate) format: Option<Format>,
    pub(crate) dialect: Option<Dialect>,
    pub(crate) message_member: Option<&'static str>,
    pub(crate) query_code: Option<&'static str>,
    pub(crate) query_status: Option<StatusCode>,
    pub(crate) query_compatible: bool,
    pub(crate) problem_type: Option<&'static str>,
    pub(crate) language: Option<&'static str>,
    pub(crate) help_link: Option<&'static str>,
    /// The finished bodies of the variant's fault, when it is the same for every value: a
    /// fixed message and no field that puts data into the fault (details, members, …). Only
    /// `ApiFault`'s rendering reads them, for a value whose fault is its spec's unchanged.
    pub(crate) bodies: Option<&'static FixedBodies>,
}

/// The facts, without the bodies kept beside them (which follow from the facts).
impl PartialEq for FaultSpec {
    fn eq(&self, other: &Self) -> bool {
        let facts = |spec: &Self| {
            (
                (
                    spec.status,
                    spec.title,
                    spec.err_type,
                    spec.explanation,
                    spec.message_is_fixed,
                    spec.exposed,
                    spec.error_code,
                    spec.namespace,
                ),
                (
                    spec.format,
                    spec.dialect,
                    spec.message_member,
                    spec.query_code,
                    spec.query_status,
                    spec.query_compatible,
                    spec.problem_type,
                    spec.language,
                    spec.help_link,
                ),
            )
        };
        facts(self) == facts(other)
    }
}

impl Eq for FaultSpec {}

impl FaultSpec {
    /// The HTTP status.
    #[must_use]
    pub const fn status(&self) -> StatusCode {
        self.status
    }

    /// The wire name: AWS `Code`, OpenStack root element, API-WG `title`.
    #[must_use]
    pub const fn title(&self) -> &'static str {
        self.title
    }

    /// Which side is at fault: as written, else Heat's rule for the status (`Server` for 5xx,
    /// `Sender` otherwise). The AWS query and restXml shapes send `Receiver` for a 5xx that
    /// names none.
    #[must_use]
    pub const fn err_type(&self) -> ErrType {
        match self.err_type {
            Some(err_type) => err_type,
            None => ErrType::for_status(self.status),
        }
    }

    /// Whether the variant names its side at fault.
    #[must_use]
    pub const fn err_type_is_set(&self) -> bool {
        self.err_type.is_some()
    }

    /// The fixed, safe-to-send text of the fault: the message when it has no placeholders,
    /// else the `explanation` key, else the status's reason phrase (else the title).
    #[must_use]
    pub fn explanation(&self) -> &'static str {
        match self.explanation {
            Some(text) => text,
            None => self.status.canonical_reason().unwrap_or(self.title),
        }
    }

    /// Whether the fault sends [`explanation`](FaultSpec::explanation) as its message rather
    /// than the value's `Display` (a fixed message, or a 5xx that is not `expose`d).
    #[must_use]
    pub const fn message_is_fixed(&self) -> bool {
        self.message_is_fixed
    }

    /// Whether the variant is marked `expose`: its `Display` may be sent even though it is 5xx.
    #[must_use]
    pub const fn exposed(&self) -> bool {
        self.exposed
    }

    /// The API-WG `error_code` (`placement.concurrent_update`), if one is set.
    #[must_use]
    pub const fn error_code(&self) -> Option<&'static str> {
        self.error_code
    }

    /// The XML namespace the fault's element is written in, if one is set.
    #[must_use]
    pub const fn namespace(&self) -> Option<&'static str> {
        self.namespace
    }

    /// The type's default wire format, if the container sets one.
    #[must_use]
    pub const fn format(&self) -> Option<Format> {
        self.format
    }

    /// The type's dialect, if it chooses one.
    #[must_use]
    pub const fn dialect(&self) -> Option<Dialect> {
        self.dialect
    }

    /// The message member's name where the model spells it (`message_member = "..."`).
    #[must_use]
    pub const fn message_member(&self) -> Option<&'static str> {
        self.message_member
    }

    /// The legacy awsQuery code (`query_code = "..."`), if any.
    #[must_use]
    pub const fn query_code(&self) -> Option<&'static str> {
        self.query_code
    }

    /// The awsQuery status (`query_status = 402`), if it differs.
    #[must_use]
    pub const fn query_status(&self) -> Option<StatusCode> {
        self.query_status
    }

    /// Whether the type is query-compatible (`query_compatible`).
    #[must_use]
    pub const fn query_compatible(&self) -> bool {
        self.query_compatible
    }

    /// RFC 9457's `type` URI of the variant (`problem_type = "..."`), if any.
    #[must_use]
    pub const fn problem_type(&self) -> Option<&'static str> {
        self.problem_type
    }

    /// The variant's documentation (`help_link = "..."`), sent as API-WG's help link.
    #[must_use]
    pub const fn help_link(&self) -> Option<&'static str> {
        self.help_link
    }

    /// The language of the variant's messages (`language = "..."`), if known.
    #[must_use]
    pub const fn language(&self) -> Option<&'static str> {
        self.language
    }
}
