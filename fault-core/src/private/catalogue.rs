//! Constructors of the catalogue's static data, for the derive's generated `static`.

use crate::catalogue::{CatalogueEntry, CatalogueField, EntryKind, FieldRole};
use crate::{ApiFault, FaultSpec, Format};
use core::marker::PhantomData;

/// The entry of a variant with its own fault, `spec`.
#[must_use]
pub const fn entry(
    spec: FaultSpec,
    type_name: &'static str,
    variant: Option<&'static str>,
    doc: &'static str,
    message: Option<&'static str>,
    fields: &'static [CatalogueField],
    own_error_code: bool,
) -> CatalogueEntry {
    CatalogueEntry {
        spec,
        type_name,
        variant,
        doc,
        message,
        fields,
        kind: EntryKind::Fault { own_error_code },
    }
}

/// The entry of a `transparent` variant, pointing at the wrapped type's catalogue.
#[must_use]
pub const fn transparent(
    type_name: &'static str,
    variant: Option<&'static str>,
    doc: &'static str,
    fields: &'static [CatalogueField],
    format: Option<Format>,
    inner: Option<fn() -> &'static [CatalogueEntry]>,
) -> CatalogueEntry {
    CatalogueEntry {
        // Never read: `CatalogueEntry::spec` is `None` for a transparent variant, and the
        // value's facts come from the error it wraps.
        spec: super::spec(
            500,
            "",
            crate::ErrType::Server,
            None,
            true,
            false,
            None,
            None,
            None,
        ),
        type_name,
        variant,
        doc,
        message: None,
        fields,
        kind: EntryKind::Transparent { format, inner },
    }
}

/// The spec in the entry of a variant with its own fault: what `ApiFault`'s methods read.
#[inline]
#[must_use]
pub const fn spec_of(entry: &'static CatalogueEntry) -> &'static FaultSpec {
    &entry.spec
}

/// A field and its roles.
#[must_use]
pub const fn field(name: &'static str, roles: &'static [FieldRole]) -> CatalogueField {
    CatalogueField { name, roles }
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
