//! [`FaultSpec`]: the fixed facts of one variant, emitted by the derive as static data.

use crate::wire::cache::FixedBodies;
use crate::{ErrType, Format};
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
    pub(crate) err_type: ErrType,
    pub(crate) explanation: Option<&'static str>,
    pub(crate) message_is_fixed: bool,
    pub(crate) exposed: bool,
    pub(crate) error_code: Option<&'static str>,
    pub(crate) namespace: Option<&'static str>,
    pub(crate) format: Option<Format>,
    /// The finished bodies of the variant's fault, when it is the same for every value: a
    /// fixed message and no field that puts data into the fault (details, extras, …).
    pub(crate) bodies: Option<&'static FixedBodies>,
}

/// The facts, without the bodies kept beside them (which follow from the facts).
impl PartialEq for FaultSpec {
    fn eq(&self, other: &Self) -> bool {
        let facts = |spec: &Self| {
            (
                spec.status,
                spec.title,
                spec.err_type,
                spec.explanation,
                spec.message_is_fixed,
                spec.exposed,
                spec.error_code,
                spec.namespace,
                spec.format,
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

    /// Which side is at fault.
    #[must_use]
    pub const fn err_type(&self) -> ErrType {
        self.err_type
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
}
