//! The catalogue as the derive writes it: one string per type, read into static entries on
//! first use.
//!
//! A `static` array of per-variant values cost rustc about 2 ms per variant to check, evaluate
//! and emit (each entry's strings and slices are values of their own); one string literal
//! costs next to nothing. So the derive writes every variant's facts into one string, in the
//! small format [`Reader`] reads, and [`Table`] turns it into `CatalogueEntry`s once, leaking
//! them as the `'static` data they were before. Their strings borrow from the literal.

use crate::catalogue::{CatalogueEntry, CatalogueField, CatalogueMember, EntryKind, FieldRole};
use crate::{ApiFault, Dialect, ErrType, FaultSpec, Format};
use core::marker::PhantomData;
use http::StatusCode;
use std::sync::OnceLock;

/// A wrapped type's catalogue, for a `transparent` variant; `None` when the type is a type
/// parameter, which a `static` cannot name.
pub type Inner = Option<fn() -> &'static [CatalogueEntry]>;

/// A derived type's catalogue: the derive's string, the wrapped catalogues of its
/// `transparent` variants in order, and the entries read from them.
pub struct Table {
    text: &'static str,
    inner: &'static [Inner],
    entries: OnceLock<&'static [CatalogueEntry]>,
}

impl Table {
    /// The table of the string `text` (see `fault-derive/src/catalogue.rs` for its format).
    #[must_use]
    pub const fn new(text: &'static str, inner: &'static [Inner]) -> Self {
        Table {
            text,
            inner,
            entries: OnceLock::new(),
        }
    }

    /// Every variant's entry, read on first use.
    #[inline]
    pub fn entries(&'static self) -> &'static [CatalogueEntry] {
        self.entries
            .get_or_init(|| Box::leak(read(self.text, self.inner).into_boxed_slice()))
    }

    /// The spec of the variant at `index` (one that is not transparent).
    #[inline]
    #[must_use]
    pub fn spec(&'static self, index: usize) -> &'static FaultSpec {
        &self.entries()[index].spec
    }
}

/// Reads the derive's string. The derive writes it and the two change together, so a
/// malformed string is a bug; it still never panics here, and reads as what was read so far.
fn read(text: &'static str, inner: &'static [Inner]) -> Vec<CatalogueEntry> {
    let mut r = Reader { rest: text };
    let mut entries = Vec::new();
    let mut inner = inner.iter().copied();
    let (Some(type_name), Some(format), Some(dialect)) = (r.str(), r.opt(), r.opt()) else {
        return entries;
    };
    let format = format.and_then(Format::from_name);
    let dialect = dialect.and_then(|name| name.parse::<Dialect>().ok());
    while let Some(kind) = r.byte() {
        let entry = match kind {
            b'F' => r.fault(type_name, format, dialect),
            b'T' => r.transparent(type_name, format, inner.next().flatten()),
            _ => None,
        };
        match entry {
            Some(entry) => entries.push(entry),
            None => break,
        }
    }
    entries
}

/// A cursor over the string: strings are `<byte length>:<bytes>`, absent ones `~`, numbers
/// `<decimal>;`.
struct Reader {
    rest: &'static str,
}

impl Reader {
    fn byte(&mut self) -> Option<u8> {
        let byte = *self.rest.as_bytes().first()?;
        self.rest = self.rest.get(1..)?;
        Some(byte)
    }

    fn num(&mut self, end: char) -> Option<usize> {
        let (digits, rest) = self.rest.split_once(end)?;
        self.rest = rest;
        digits.parse().ok()
    }

    fn str(&mut self) -> Option<&'static str> {
        let len = self.num(':')?;
        let value = self.rest.get(..len)?;
        self.rest = self.rest.get(len..)?;
        Some(value)
    }

    fn opt(&mut self) -> Option<Option<&'static str>> {
        match self.rest.strip_prefix('~') {
            Some(rest) => {
                self.rest = rest;
                Some(None)
            }
            None => self.str().map(Some),
        }
    }

    /// `F<status>;<flags>;<title><explanation?><error_code?><namespace?><message_member?>
    /// <query_code?><query_status?><problem_type?><language?><help_link?>` and the rest.
    fn fault(
        &mut self,
        type_name: &'static str,
        format: Option<Format>,
        dialect: Option<Dialect>,
    ) -> Option<CatalogueEntry> {
        let status = u16::try_from(self.num(';')?).ok()?;
        let flags = self.num(';')?;
        let title = self.str()?;
        let (explanation, error_code, namespace) = (self.opt()?, self.opt()?, self.opt()?);
        let (message_member, query_code, query_status) = (self.opt()?, self.opt()?, self.opt()?);
        let (problem_type, language, help_link) = (self.opt()?, self.opt()?, self.opt()?);
        let status_of =
            |code: u16| StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let spec = FaultSpec {
            status: status_of(status),
            title,
            err_type: match flags & 3 {
                0 => Some(ErrType::Sender),
                1 => Some(ErrType::Receiver),
                2 => Some(ErrType::Server),
                _ => None,
            },
            explanation,
            message_is_fixed: flags & 4 != 0,
            exposed: flags & 8 != 0,
            error_code,
            namespace,
            format,
            dialect,
            message_member,
            query_code,
            query_status: query_status.and_then(|s| s.parse().ok()).map(status_of),
            query_compatible: flags & 32 != 0,
            problem_type,
            language,
            help_link,
            bodies: None,
        };
        let kind = EntryKind::Fault {
            own_error_code: flags & 16 != 0,
        };
        self.rest_of_entry(spec, type_name, kind)
    }

    /// `T` and the rest: a transparent variant, its facts those of the error it wraps.
    fn transparent(
        &mut self,
        type_name: &'static str,
        format: Option<Format>,
        inner: Inner,
    ) -> Option<CatalogueEntry> {
        // Never read: `CatalogueEntry::spec` is `None` for a transparent variant.
        let spec = FaultSpec {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            title: "",
            err_type: None,
            explanation: None,
            message_is_fixed: true,
            exposed: false,
            error_code: None,
            namespace: None,
            format: None,
            dialect: None,
            message_member: None,
            query_code: None,
            query_status: None,
            query_compatible: false,
            problem_type: None,
            language: None,
            help_link: None,
            bodies: None,
        };
        self.rest_of_entry(spec, type_name, EntryKind::Transparent { format, inner })
    }

    /// `<variant?><doc><message?><field count>;` and each field: `<name><type><role count>;`
    /// and each role, a letter (`M` followed by the member's names and flags).
    fn rest_of_entry(
        &mut self,
        mut spec: FaultSpec,
        type_name: &'static str,
        kind: EntryKind,
    ) -> Option<CatalogueEntry> {
        let (variant, doc, message) = (self.opt()?, self.str()?, self.opt()?);
        let count = self.num(';')?;
        let mut fields = Vec::with_capacity(count);
        for _ in 0..count {
            let (name, ty) = (self.str()?, self.str()?);
            let mut member = None;
            let roles = (0..self.num(';')?)
                .map(|_| self.role(&mut member))
                .collect::<Option<Vec<_>>>()?;
            let roles: &'static [FieldRole] = Box::leak(roles.into_boxed_slice());
            fields.push(CatalogueField {
                name,
                ty,
                roles,
                member,
            });
        }
        let plain = fields.iter().flat_map(|f| f.roles).all(|role| {
            matches!(
                role,
                FieldRole::Message | FieldRole::Source | FieldRole::From | FieldRole::Transparent
            )
        });
        // A variant whose fields give its fault nothing but its message has one body per
        // format up to that message: kept, with a hole for an interpolated one.
        if plain && matches!(kind, EntryKind::Fault { .. }) {
            // Leaked like the entry itself: one pointer until the variant is first rendered.
            spec.bodies = Some(Box::leak(Box::default()));
        }
        Some(CatalogueEntry {
            spec,
            type_name,
            variant,
            doc,
            message: message.filter(|_| matches!(kind, EntryKind::Fault { .. })),
            fields: Box::leak(fields.into_boxed_slice()),
            kind,
        })
    }

    fn role(&mut self, member: &mut Option<CatalogueMember>) -> Option<FieldRole> {
        Some(match self.byte()? {
            b'm' => FieldRole::Message,
            b's' => FieldRole::Source,
            b'f' => FieldRole::From,
            b't' => FieldRole::Transparent,
            b'd' => FieldRole::Details,
            b'r' => FieldRole::RetryAfter,
            b'i' => FieldRole::RequestId,
            b'v' => FieldRole::ValidationErrors,
            b'c' => FieldRole::Created,
            b'n' => FieldRole::Instance,
            b'M' => {
                let name = self.str()?;
                let (json_name, xml_name, header) = (self.opt()?, self.opt()?, self.opt()?);
                let xml_item_name = self.opt()?;
                let flags = self.num(';')?;
                *member = Some(CatalogueMember {
                    name,
                    json_name,
                    xml_name,
                    xml_item_name,
                    header,
                    xml_attribute: flags & 1 != 0,
                    flattened: flags & 2 != 0,
                });
                FieldRole::Member(name)
            }
            _ => return None,
        })
    }
}

/// The catalogue of a wrapped type `T`, found by autoref specialization so that naming it
/// adds no error of its own when `T` is not an `ApiFault`: the `match` on the value already
/// reports that, once. The generated code calls `(&&Probe::<T>::NEW).inner_catalogue()`.
pub struct Probe<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized> Probe<T> {
    /// The probe of `T`.
    pub const NEW: Self = Probe(PhantomData);
}

/// Chosen when `T: ApiFault`: its catalogue.
pub trait ViaApiFault {
    fn inner_catalogue(&self) -> &'static [CatalogueEntry];
}

impl<T: ApiFault> ViaApiFault for &Probe<T> {
    #[inline]
    fn inner_catalogue(&self) -> &'static [CatalogueEntry] {
        T::catalogue()
    }
}

/// Chosen otherwise, in a program that does not compile anyway: nothing.
pub trait ViaNothing {
    fn inner_catalogue(&self) -> &'static [CatalogueEntry];
}

impl<T: ?Sized> ViaNothing for Probe<T> {
    #[inline]
    fn inner_catalogue(&self) -> &'static [CatalogueEntry] {
        &[]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static TABLE: Table = Table::new(
        "9:VolumeErr9:openstack~F404;16;12:itemNotFound~11:volume.gone~~~~~~~12:ItemNotFound\
         5:Gone.15:Volume {0} gone2;1:06:String1;m2:id6:String1;M4:Host~7:HostXml~4:Item2;\
         T~0:~1;1:07:Storage1;t",
        &[None],
    );

    #[test]
    fn reads_every_part_of_an_entry() {
        let [fault, wrapped] = TABLE.entries() else {
            panic!("two entries");
        };
        let spec = fault.spec().unwrap();
        assert_eq!(
            (spec.status().as_u16(), spec.title()),
            (404, "itemNotFound")
        );
        assert_eq!(spec.err_type(), ErrType::Sender);
        assert_eq!(spec.error_code(), Some("volume.gone"));
        assert_eq!(spec.format(), Some(Format::OpenStack));
        assert!(fault.error_code_is_own());
        assert_eq!(fault.variant(), Some("ItemNotFound"));
        assert_eq!(
            (fault.doc(), fault.message()),
            ("Gone.", Some("Volume {0} gone"))
        );
        assert_eq!(fault.fields()[0].roles(), [FieldRole::Message]);
        assert_eq!(fault.fields()[1].roles(), [FieldRole::Member("Host")]);
        let member = fault.fields()[1].member().unwrap();
        assert_eq!((member.xml_name(), member.json_name()), ("HostXml", "Host"));
        assert_eq!(member.xml_item_name(), Some("Item"));
        assert!(member.is_flattened() && !member.is_xml_attribute());
        assert_eq!(fault.fields()[1].type_name(), "String");
        assert!(wrapped.is_transparent() && wrapped.variant().is_none());
        assert_eq!(wrapped.fields()[0].roles(), [FieldRole::Transparent]);
        assert!(std::ptr::eq(TABLE.spec(0), spec));
    }

    #[test]
    fn a_malformed_string_reads_as_far_as_it_goes() {
        static BAD: Table = Table::new("1:E~F404;0;", &[]);
        assert!(BAD.entries().is_empty());
    }
}
