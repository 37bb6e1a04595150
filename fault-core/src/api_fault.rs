//! [`ApiFault`]: the trait every derived error implements.

use crate::{CatalogueEntry, Context, ErrType, Fault, FaultSpec, Format};
use bytes::Bytes;
use http::{Response, StatusCode};
use std::error::Error;

/// An error that knows its HTTP status, its wire name and the fault it sends.
///
/// `#[derive(ApiFault)]` implements it (see the [crate docs](crate) for the attributes). The
/// trait is object safe: handlers and middleware can hold a `&dyn ApiFault` or a
/// `Box<dyn ApiFault>`.
///
/// Implementing it by hand, for a type the derive cannot annotate:
///
/// ```
/// use fault_core::{ApiFault, Fault, http::StatusCode};
/// use std::fmt;
///
/// #[derive(Debug)]
/// struct Teapot;
///
/// impl fmt::Display for Teapot {
///     fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
///         f.write_str("short and stout")
///     }
/// }
///
/// impl std::error::Error for Teapot {}
///
/// impl ApiFault for Teapot {
///     fn status(&self) -> StatusCode {
///         StatusCode::IM_A_TEAPOT
///     }
///     fn title(&self) -> &str {
///         "Teapot"
///     }
///     fn fault(&self) -> Fault<'_> {
///         Fault::new(self.status(), self.title()).with_message("short and stout")
///     }
/// }
///
/// let err: &dyn ApiFault = &Teapot;
/// assert_eq!(err.status().as_u16(), 418);
/// assert_eq!(err.err_type().as_str(), "Sender");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an `ApiFault`",
    label = "this type does not implement `ApiFault`",
    note = "derive it with `#[derive(ApiFault)]`, or implement `fault_core::ApiFault` by hand"
)]
pub trait ApiFault: Error {
    /// The HTTP status of the response.
    fn status(&self) -> StatusCode;

    /// The wire name: AWS `Code`, OpenStack root element, API-WG `title`.
    fn title(&self) -> &str;

    /// Which side is at fault; by default `Server` for 5xx and `Sender` otherwise.
    fn err_type(&self) -> ErrType {
        ErrType::for_status(self.status())
    }

    /// The fault this value sends: status, title, the safe message and the rest of the record,
    /// borrowing from `self`.
    fn fault(&self) -> Fault<'_>;

    /// The fixed facts of this value's variant (through `transparent` wrappers), for a derived
    /// type; `None` for a hand-written implementation. Rendering serves a variant whose
    /// spec keeps finished bodies from them, so a spec handed out must be the one
    /// [`fault`](ApiFault::fault) is made from.
    fn spec(&self) -> Option<&'static FaultSpec> {
        None
    }

    /// Every variant of the type, as static data: what a docs table, an OpenAPI fragment or
    /// a stability check reads (see [`Catalogue`](crate::Catalogue)). The derive fills it;
    /// a hand-written implementation lists nothing. Not part of the object-safe surface: call
    /// it on the type, `MyError::catalogue()`.
    #[must_use]
    fn catalogue() -> &'static [CatalogueEntry]
    where
        Self: Sized,
    {
        &[]
    }

    /// The wire format the type declares (`format = "..."`), else RFC 9457 problem details.
    fn default_format(&self) -> Format {
        self.spec()
            .and_then(FaultSpec::format)
            .unwrap_or(Format::Problem)
    }

    /// The response `format` sends for this error, for the request `cx` describes.
    fn to_response(&self, format: Format, cx: &Context<'_>) -> Response<Bytes> {
        // A variant whose fault is fixed is served from the finished bodies kept beside its
        // spec.
        match self.spec() {
            Some(spec) if spec.bodies.is_some() => {
                crate::wire::render_kept(spec, || self.fault(), format, cx)
            }
            _ => self.fault().render(format, cx),
        }
    }

    /// Appends the body `format` sends for this error to `buf`, without building headers: the
    /// body of [`to_response`](ApiFault::to_response), for a caller that owns the buffer.
    fn write_body(&self, format: Format, cx: &Context<'_>, buf: &mut Vec<u8>) {
        // A variant whose fault is fixed is served from the cache of finished bodies without
        // building its fault record.
        match self.spec() {
            Some(spec) if spec.bodies.is_some() => {
                crate::wire::write_kept_body(spec, || self.fault(), format, cx, buf);
            }
            _ => self.fault().write_body(format, cx, buf),
        }
    }

    /// The response in the type's own format; for a derived type that names none, the
    /// context's [default format](Context::with_default_format) (a service profile's), else
    /// [`default_format`](ApiFault::default_format).
    fn response(&self, cx: &Context<'_>) -> Response<Bytes> {
        let format = match self.spec() {
            Some(spec) => spec.format().or(cx.format),
            None => None,
        };
        self.to_response(format.unwrap_or_else(|| self.default_format()), cx)
    }
}

impl<T: ApiFault + ?Sized> ApiFault for Box<T>
where
    Box<T>: Error,
{
    fn status(&self) -> StatusCode {
        (**self).status()
    }
    fn title(&self) -> &str {
        (**self).title()
    }
    fn err_type(&self) -> ErrType {
        (**self).err_type()
    }
    fn fault(&self) -> Fault<'_> {
        (**self).fault()
    }
    fn spec(&self) -> Option<&'static FaultSpec> {
        (**self).spec()
    }
    fn default_format(&self) -> Format {
        (**self).default_format()
    }
}
