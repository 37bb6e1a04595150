//! The catalogue: every fault a type can send, as static data emitted by the derive, for docs
//! tables, OpenAPI and stability checks.
//!
//! `#[derive(ApiFault)]` emits one `static` table that reads into an array of
//! [`CatalogueEntry`], one per variant, on first use; [`ApiFault::catalogue`] then hands it
//! out without allocating. [`Catalogue`] reads it: it follows
//! `transparent` variants into the catalogues of the types they wrap, so it lists what the
//! type can send, and renders the list as a docs table, an error code list, or an OpenAPI
//! fragment. See "Catalogue" in the [crate docs](crate).

#[cfg(feature = "openapi")]
mod openapi;
#[cfg(feature = "openapi")]
mod schema;
#[cfg(feature = "stability")]
mod stable;
mod table;

#[cfg(feature = "openapi")]
pub use openapi::EXAMPLE_REQUEST_ID;
#[cfg(feature = "stability")]
pub use stable::{
    Change, Checked, StabilityError, UPDATE_VAR, Update, assert_stable, check_stable,
};
pub use table::DEFAULT_CODE_MEANING;

use crate::{ApiFault, Encoding, ErrType, FaultSpec, Format};
use http::StatusCode;
use std::borrow::Cow;

/// One variant of a derived type, as the derive saw it: its facts, its doc comment, its
/// message as written and its fields. Built by the derive only; read through the accessors.
///
/// The derive's one array of these per type is also where the `ApiFault` methods find a
/// value's facts. The derive writes it as one string that is read on first use: far cheaper
/// to compile than a `static` array of entries (see BENCHMARKS.md).
#[derive(Debug, Clone, Copy)]
pub struct CatalogueEntry {
    /// The variant's facts; a placeholder, never read, for a transparent variant.
    pub(crate) spec: FaultSpec,
    pub(crate) type_name: &'static str,
    pub(crate) variant: Option<&'static str>,
    pub(crate) doc: &'static str,
    pub(crate) message: Option<&'static str>,
    pub(crate) fields: &'static [CatalogueField],
    pub(crate) kind: EntryKind,
}

/// What a variant sends: its own fault, or whatever the error it wraps sends.
#[derive(Debug, Clone, Copy)]
pub(crate) enum EntryKind {
    Fault {
        /// Whether the API-WG code is the variant's own rather than the type's default.
        own_error_code: bool,
    },
    Transparent {
        /// The type's `format`, which the wrapped faults are then sent in.
        format: Option<Format>,
        /// The wrapped type's catalogue; `None` when that type is a type parameter, which a
        /// `static` cannot name.
        inner: Option<fn() -> &'static [CatalogueEntry]>,
    },
}

/// A field of a variant: its name (`"0"` for the first of a tuple), its type as written, and
/// what it is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CatalogueField {
    pub(crate) name: &'static str,
    pub(crate) ty: &'static str,
    pub(crate) roles: &'static [FieldRole],
    pub(crate) member: Option<CatalogueMember>,
}

/// The wire names and place of a member field (`#[fault(member)]` and its keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CatalogueMember {
    pub(crate) name: &'static str,
    pub(crate) json_name: Option<&'static str>,
    pub(crate) xml_name: Option<&'static str>,
    pub(crate) xml_item_name: Option<&'static str>,
    pub(crate) header: Option<&'static str>,
    pub(crate) xml_attribute: bool,
    pub(crate) flattened: bool,
}

impl CatalogueMember {
    /// The model's name.
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The name in JSON bodies that honour `@jsonName`.
    #[must_use]
    pub const fn json_name(&self) -> &'static str {
        match self.json_name {
            Some(name) => name,
            None => self.name,
        }
    }

    /// The name in XML bodies.
    #[must_use]
    pub const fn xml_name(&self) -> &'static str {
        match self.xml_name {
            Some(name) => name,
            None => self.name,
        }
    }

    /// The element name of a wrapped list's items in XML, when the model gives one.
    #[must_use]
    pub const fn xml_item_name(&self) -> Option<&'static str> {
        self.xml_item_name
    }

    /// The response header it is bound to, if any.
    #[must_use]
    pub const fn header(&self) -> Option<&'static str> {
        self.header
    }

    /// Whether it is an XML attribute.
    #[must_use]
    pub const fn is_xml_attribute(&self) -> bool {
        self.xml_attribute
    }

    /// Whether a list or map member is flattened in XML.
    #[must_use]
    pub const fn is_flattened(&self) -> bool {
        self.flattened
    }
}

/// What a field does in the fault: the keys written on it, and whether the message reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FieldRole {
    /// The message reads it, through a placeholder or `args(...)`.
    Message,
    /// It is the `source()` (`#[fault(source)]`, `from`, or a field named `source`).
    Source,
    /// `#[fault(from)]`: `From` builds the variant from it.
    From,
    /// The error a `transparent` variant delegates to.
    Transparent,
    /// `#[fault(details)]`.
    Details,
    /// `#[fault(retry_after)]`.
    RetryAfter,
    /// `#[fault(request_id)]`.
    RequestId,
    /// `#[fault(validation_errors)]`.
    ValidationErrors,
    /// `#[fault(created)]`.
    Created,
    /// `#[fault(instance)]`: RFC 9457's `instance`.
    Instance,
    /// `#[fault(member)]` (or `member = "Name"`, or `header = "X-Name"`), with the model's
    /// name of the member; [`CatalogueField::member`] has its wire names.
    Member(&'static str),
}

impl CatalogueEntry {
    /// The name of the type that declares the variant.
    #[must_use]
    pub const fn type_name(&self) -> &'static str {
        self.type_name
    }

    /// The variant's name; `None` for a struct.
    #[must_use]
    pub const fn variant(&self) -> Option<&'static str> {
        self.variant
    }

    /// `Type::Variant`, or `Type` for a struct: the name the stability check keys faults by.
    #[must_use]
    pub fn path(&self) -> String {
        match self.variant {
            Some(variant) => format!("{}::{variant}", self.type_name),
            None => self.type_name.to_owned(),
        }
    }

    /// The variant's doc comment (the struct's, for a struct), one leading space stripped
    /// from each line as rustdoc does; empty when it has none.
    #[must_use]
    pub const fn doc(&self) -> &'static str {
        self.doc
    }

    /// The first paragraph of the doc comment on one line, as rustdoc's summary.
    #[must_use]
    pub fn summary(&self) -> Cow<'static, str> {
        let paragraph = self.doc.split("\n\n").next().unwrap_or("").trim();
        if paragraph.contains('\n') {
            Cow::Owned(paragraph.split_whitespace().collect::<Vec<_>>().join(" "))
        } else {
            Cow::Borrowed(paragraph)
        }
    }

    /// The `message = "..."` format string as written, if the variant has one.
    #[must_use]
    pub const fn message(&self) -> Option<&'static str> {
        self.message
    }

    /// The variant's fields, in declaration order.
    #[must_use]
    pub const fn fields(&self) -> &'static [CatalogueField] {
        self.fields
    }

    /// The variant's own facts; `None` for a `transparent` variant.
    #[must_use]
    pub const fn spec(&self) -> Option<&FaultSpec> {
        match self.kind {
            EntryKind::Fault { .. } => Some(&self.spec),
            EntryKind::Transparent { .. } => None,
        }
    }

    /// Whether the variant's API-WG code is its own `error_code`, rather than the type's
    /// default (Placement's `placement.undefined_code`) or none.
    #[must_use]
    pub const fn error_code_is_own(&self) -> bool {
        matches!(
            self.kind,
            EntryKind::Fault {
                own_error_code: true,
                ..
            }
        )
    }

    /// Whether the variant is `transparent`.
    #[must_use]
    pub const fn is_transparent(&self) -> bool {
        matches!(self.kind, EntryKind::Transparent { .. })
    }

    /// The catalogue of the type a `transparent` variant wraps; `None` for other variants,
    /// and for a wrapped type that is a type parameter (a `static` cannot name one).
    #[must_use]
    pub fn inner(&self) -> Option<&'static [CatalogueEntry]> {
        match self.kind {
            EntryKind::Transparent {
                inner: Some(inner), ..
            } => Some(inner()),
            _ => None,
        }
    }

    /// The format the declaring type sets (`format = "..."`), if any.
    #[must_use]
    pub const fn type_format(&self) -> Option<Format> {
        match self.kind {
            EntryKind::Fault { .. } => self.spec.format,
            EntryKind::Transparent { format, .. } => format,
        }
    }
}

impl CatalogueField {
    /// The field's name, or its index for a tuple field.
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The field's type, as written.
    #[must_use]
    pub const fn type_name(&self) -> &'static str {
        self.ty
    }

    /// The member's names and place, for a member field.
    #[must_use]
    pub const fn member(&self) -> Option<&CatalogueMember> {
        self.member.as_ref()
    }

    /// What the field does, in the order the keys were written (`Message` first when the
    /// message reads it); empty when it does nothing in the fault.
    #[must_use]
    pub const fn roles(&self) -> &'static [FieldRole] {
        self.roles
    }

    /// Whether the field has `role`.
    #[must_use]
    pub fn has(&self, role: FieldRole) -> bool {
        self.roles.contains(&role)
    }
}

/// The faults a type can send, in declaration order, with `transparent` variants replaced by
/// the faults of the types they wrap.
///
/// ```
/// use fault_core::{ApiFault, Catalogue, Format};
///
/// #[derive(Debug, ApiFault)]
/// #[fault(rename_all = "camelCase")]
/// enum StorageError {
///     /// The volume does not exist.
///     #[fault(code = 404, message = "Volume {0} could not be found.")]
///     ItemNotFound(String),
/// }
///
/// #[derive(Debug, ApiFault)]
/// #[fault(format = "openstack", rename_all = "camelCase")]
/// enum ApiError {
///     /// The request is malformed.
///     #[fault(code = 400, message = "{0}")]
///     BadRequest(String),
///     #[fault(transparent)]
///     Storage(StorageError),
/// }
///
/// let catalogue = Catalogue::of::<ApiError>();
/// let titles: Vec<&str> = catalogue.iter().map(|f| f.title()).collect();
/// assert_eq!(titles, ["badRequest", "itemNotFound"]);
/// // The wrapped fault is sent in the outer type's format, as `ApiFault::response` does.
/// assert!(catalogue.iter().all(|f| f.format() == Format::OpenStack));
/// assert_eq!(catalogue.iter().nth(1).unwrap().description(), "The volume does not exist.");
/// ```
#[derive(Debug, Clone)]
pub struct Catalogue {
    faults: Vec<CatalogueFault>,
}

/// One fault of a [`Catalogue`]: a variant's entry and facts, and the format it is sent in.
#[derive(Debug, Clone, Copy)]
pub struct CatalogueFault {
    entry: &'static CatalogueEntry,
    spec: &'static FaultSpec,
    format: Format,
}

/// How deep `transparent` wrappers are followed; deeper nesting is a cycle in practice.
const MAX_DEPTH: usize = 16;

impl Catalogue {
    /// The catalogue of a derived type.
    #[must_use]
    pub fn of<T: ApiFault>() -> Self {
        Catalogue::new(T::catalogue())
    }

    /// The catalogue of these entries (a type's [`ApiFault::catalogue`]).
    #[must_use]
    pub fn new(entries: &'static [CatalogueEntry]) -> Self {
        let root_format = entries.first().and_then(CatalogueEntry::type_format);
        let mut faults = Vec::with_capacity(entries.len());
        let mut seen = Vec::new();
        collect(entries, root_format, 0, &mut seen, &mut faults);
        Catalogue { faults }
    }

    /// The faults, in declaration order, wrapped types' faults where their variant stands.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &CatalogueFault> {
        self.faults.iter()
    }

    /// The number of faults.
    #[must_use]
    pub fn len(&self) -> usize {
        self.faults.len()
    }

    /// Whether the type has no faults (an empty enum).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.faults.is_empty()
    }
}

impl<'c> IntoIterator for &'c Catalogue {
    type Item = &'c CatalogueFault;
    type IntoIter = std::slice::Iter<'c, CatalogueFault>;

    fn into_iter(self) -> Self::IntoIter {
        self.faults.iter()
    }
}

/// Appends the faults of `entries`, following each transparent variant once: a catalogue
/// reached twice (two variants wrapping one type) lists its faults once.
fn collect(
    entries: &'static [CatalogueEntry],
    root_format: Option<Format>,
    depth: usize,
    seen: &mut Vec<*const CatalogueEntry>,
    out: &mut Vec<CatalogueFault>,
) {
    if depth > MAX_DEPTH || seen.contains(&entries.as_ptr()) {
        return;
    }
    if !entries.is_empty() {
        seen.push(entries.as_ptr());
    }
    for entry in entries {
        match entry.kind {
            EntryKind::Fault { .. } => out.push(CatalogueFault {
                entry,
                spec: &entry.spec,
                format: root_format.or(entry.spec.format).unwrap_or(Format::Problem),
            }),
            EntryKind::Transparent { inner, .. } => {
                if let Some(inner) = inner {
                    collect(inner(), root_format, depth + 1, seen, out);
                }
            }
        }
    }
}

impl CatalogueFault {
    /// The variant's entry: doc comment, message as written, fields.
    #[must_use]
    pub const fn entry(&self) -> &'static CatalogueEntry {
        self.entry
    }

    /// The variant's facts.
    #[must_use]
    pub const fn spec(&self) -> &'static FaultSpec {
        self.spec
    }

    /// The HTTP status.
    #[must_use]
    pub const fn status(&self) -> StatusCode {
        self.spec.status
    }

    /// The wire name: AWS `Code`, OpenStack element, API-WG `title`.
    #[must_use]
    pub const fn title(&self) -> &'static str {
        self.spec.title
    }

    /// Which side is at fault (see [`FaultSpec::err_type`]).
    #[must_use]
    pub const fn err_type(&self) -> ErrType {
        self.spec.err_type()
    }

    /// The API-WG code, the variant's own or the type's default.
    #[must_use]
    pub const fn error_code(&self) -> Option<&'static str> {
        self.spec.error_code
    }

    /// The fixed text the fault sends when its message is not sent (see
    /// [`FaultSpec::explanation`]).
    #[must_use]
    pub fn explanation(&self) -> &'static str {
        self.spec.explanation()
    }

    /// What a docs table says of the fault: the doc comment's summary, else its explanation.
    #[must_use]
    pub fn description(&self) -> Cow<'static, str> {
        let summary = self.entry.summary();
        if summary.is_empty() {
            Cow::Borrowed(self.explanation())
        } else {
            summary
        }
    }

    /// The wire format the fault is sent in: the root type's `format`, else the declaring
    /// type's, else RFC 9457 problem details, as [`ApiFault::response`] chooses.
    #[must_use]
    pub const fn format(&self) -> Format {
        self.format
    }

    /// The encodings the fault is sent in, its format's default first.
    #[must_use]
    pub const fn encodings(&self) -> &'static [Encoding] {
        self.format.encodings()
    }

    /// Whether a field of the variant has `role`.
    #[must_use]
    pub fn has_field(&self, role: FieldRole) -> bool {
        self.entry.fields.iter().any(|f| f.has(role))
    }
}
