//! What follows from the declarations without writing a body: what a format carries (the
//! derive's compile-time check, `Fault::unsent`), what of a request a body reads (which
//! decides whether a body can be kept), and which names a member may not take.

use super::{Fact, Item, Json, Key, Name, Shape, When, Xml};

/// What a fault can hold that a format may have no place for: what
/// [`Fault::unsent`](crate::Fault::unsent) and the derive's compile-time check look for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[doc(hidden)]
pub enum Carried {
    /// `details`.
    Details,
    /// `validation_errors`.
    ValidationErrors,
    /// `created`.
    Created,
    /// The API-WG `code`.
    Code,
    /// Body members.
    Members,
    /// Members bound to headers.
    HeaderMembers,
    /// API-WG `links`.
    Links,
    /// Errors after the first.
    MoreErrors,
    /// RFC 9457's `instance`.
    Instance,
}

impl Carried {
    /// Every kind, in the order reports list them.
    pub(crate) const ALL: [Carried; 9] = [
        Carried::Details,
        Carried::ValidationErrors,
        Carried::Created,
        Carried::Code,
        Carried::Members,
        Carried::HeaderMembers,
        Carried::Links,
        Carried::MoreErrors,
        Carried::Instance,
    ];

    /// The word reports use.
    pub(crate) const fn name(self) -> &'static str {
        match self {
            Carried::Details => "details",
            Carried::ValidationErrors => "validation_errors",
            Carried::Created => "created",
            Carried::Code => "error_code",
            Carried::Members => "member",
            Carried::HeaderMembers => "header member",
            Carried::Links => "links",
            Carried::MoreErrors => "further errors",
            Carried::Instance => "instance",
        }
    }

    /// What the derive's compile-time check says when a type's format has no place for it:
    /// the formats that do (held to [`carries`] by a test).
    pub(crate) const fn unsent_message(self) -> &'static str {
        match self {
            Carried::Details => {
                "this type's `format` has no place for `details`; the formats that carry details are aws_query, heat, aws_rest_xml, aws_rest_xml_unwrapped, openstack, load_balancer, neutron and problem (or make the field a `member`)"
            }
            Carried::ValidationErrors => {
                "this type's `format` has no place for `validation_errors`; the format that carries them is load_balancer (or make the field a `member`)"
            }
            Carried::Created => {
                "this type's `format` has no place for `created`; the format that carries it is openstack (or make the field a `member`)"
            }
            Carried::Members => {
                "this type's `format` has no place for a member; every format carries members but heat"
            }
            Carried::HeaderMembers => {
                "this type's `format` has no place for a header member; every format carries them but heat"
            }
            Carried::Instance => {
                "this type's `format` has no place for `instance`; the format that carries it is problem (or make the field a `member`)"
            }
            Carried::Code | Carried::Links | Carried::MoreErrors => {
                "this type's `format` has no place for this field"
            }
        }
    }
}

/// Whether a body place holding `fact` carries `what`.
const fn fact_carries(what: Carried, fact: Fact) -> bool {
    match what {
        Carried::Details => matches!(fact, Fact::Details | Fact::HeatMessage),
        Carried::ValidationErrors => matches!(fact, Fact::ValidationErrors),
        Carried::Created => matches!(fact, Fact::Created),
        Carried::Code => matches!(fact, Fact::Code | Fact::PlacementCode),
        Carried::Instance => matches!(fact, Fact::Instance),
        _ => false,
    }
}

/// Whether `shape` has a place for `what` in every encoding it writes.
pub(crate) const fn carries(shape: &Shape, what: Carried) -> bool {
    if let Carried::HeaderMembers = what
        && shape.header_members
    {
        return true;
    }
    let in_json = match &shape.json {
        Some(body) => json_carries(&body.root, what),
        None => true,
    };
    let in_xml = match &shape.xml {
        Some(body) => xml_carries(&body.root, what),
        None => true,
    };
    in_json && in_xml
}

const fn json_carries(node: &Json, what: Carried) -> bool {
    match node {
        Json::Object { items, .. } => {
            let mut i = 0;
            while i < items.len() {
                let found = match &items[i] {
                    Item::Members => matches!(what, Carried::Members | Carried::HeaderMembers),
                    // A place only read back is no place to send anything.
                    Item::Pair {
                        when: When::ReadOnly,
                        ..
                    } => false,
                    Item::Pair { value, .. } => json_carries(value, what),
                };
                if found {
                    return true;
                }
                i += 1;
            }
            false
        }
        Json::Text(fact) | Json::Number(fact) | Json::Texts(fact) => fact_carries(what, *fact),
        Json::Links => matches!(what, Carried::Links),
        Json::Errors(inner) => matches!(what, Carried::MoreErrors) || json_carries(inner, what),
    }
}

const fn xml_carries(node: &Xml, what: Carried) -> bool {
    match node {
        Xml::Element {
            attrs, children, ..
        } => {
            let mut i = 0;
            while i < attrs.len() {
                if fact_carries(what, attrs[i].fact) {
                    return true;
                }
                i += 1;
            }
            let mut i = 0;
            while i < children.len() {
                if xml_carries(&children[i], what) {
                    return true;
                }
                i += 1;
            }
            false
        }
        Xml::Leaf { fact, .. } | Xml::List { fact, .. } => fact_carries(what, *fact),
        Xml::Members => matches!(what, Carried::Members | Carried::HeaderMembers),
    }
}

/// What of a request a body reads, as bits (see [`reads`]).
pub(crate) mod reads {
    /// The request id.
    pub(crate) const REQUEST_ID: u16 = 1;
    /// The context's namespace override.
    pub(crate) const NAMESPACE: u16 = 2;
    /// S3's host id.
    pub(crate) const HOST_ID: u16 = 4;
    /// RFC 9457's instance.
    pub(crate) const INSTANCE: u16 = 8;
    /// The microversion, the method or `Accept` (Placement).
    pub(crate) const REQUEST: u16 = 16;
}

/// What of the request a fact reads.
const fn fact_reads(fact: Fact) -> u16 {
    match fact {
        Fact::RequestId => reads::REQUEST_ID,
        Fact::Namespace | Fact::LoadBalancerNamespace | Fact::TypeName | Fact::ProblemType => {
            reads::NAMESPACE
        }
        Fact::HostId => reads::HOST_ID,
        Fact::Instance => reads::INSTANCE,
        Fact::WebObDetail | Fact::PlacementCode => reads::REQUEST,
        _ => 0,
    }
}

const fn when_reads(when: When) -> u16 {
    match when {
        When::Microversion(_) => reads::REQUEST,
        When::Has(fact) => fact_reads(fact),
        _ => 0,
    }
}

/// What of the request a JSON body reads.
pub(crate) const fn json_reads(node: &Json) -> u16 {
    match node {
        Json::Object { items, .. } => {
            let mut bits = 0;
            let mut i = 0;
            while i < items.len() {
                if let Item::Pair { value, when, .. } = &items[i] {
                    bits |= json_reads(value) | when_reads(*when);
                }
                i += 1;
            }
            bits
        }
        Json::Text(fact) | Json::Number(fact) | Json::Texts(fact) => fact_reads(*fact),
        Json::Links => 0,
        Json::Errors(inner) => json_reads(inner),
    }
}

/// What of the request an XML body reads.
pub(crate) const fn xml_reads(node: &Xml) -> u16 {
    match node {
        Xml::Element {
            attrs, children, ..
        } => {
            let mut bits = 0;
            let mut i = 0;
            while i < attrs.len() {
                bits |= fact_reads(attrs[i].fact) | when_reads(attrs[i].when);
                i += 1;
            }
            let mut i = 0;
            while i < children.len() {
                bits |= xml_reads(&children[i]);
                i += 1;
            }
            bits
        }
        Xml::Leaf { fact, when, .. } => fact_reads(*fact) | when_reads(*when),
        Xml::List { fact, .. } => fact_reads(*fact),
        Xml::Members => 0,
    }
}

/// Whether a member named `name` would repeat a name the declaration writes beside it in a
/// JSON object (`message_member` the fault's spelling of the message).
pub(crate) fn json_reserved(items: &[Item], name: &str, message_member: Option<&str>) -> bool {
    items.iter().any(|item| match item {
        Item::Pair {
            when: When::ReadOnly,
            ..
        }
        | Item::Members => false,
        Item::Pair { key, .. } => match key {
            Key::Lit(lit) => *lit == name,
            Key::Any(names) => names.first() == Some(&name),
            Key::Message(default) => message_member.unwrap_or(default) == name,
            Key::Title => false,
        },
    })
}

/// Whether a member named `name` would repeat an element the declaration writes beside it.
pub(crate) fn xml_reserved(children: &[Xml], name: &str, message_member: Option<&str>) -> bool {
    children.iter().any(|child| match child {
        Xml::Element {
            name: Name::Lit(lit),
            ..
        }
        | Xml::Leaf {
            name: Name::Lit(lit),
            ..
        }
        | Xml::List { name: lit, .. } => *lit == name,
        Xml::Leaf {
            name: Name::Message(default),
            ..
        } => message_member.unwrap_or(default) == name,
        _ => false,
    })
}

/// The items of the JSON object that holds the fault's members, if the body has one.
pub(crate) fn json_members_container(node: &Json) -> Option<&'static [Item]> {
    match node {
        Json::Object { items, .. } => {
            if items.iter().any(|i| matches!(i, Item::Members)) {
                return Some(items);
            }
            items.iter().find_map(|item| match item {
                Item::Pair { value, .. } => json_members_container(value),
                Item::Members => None,
            })
        }
        Json::Errors(inner) => json_members_container(inner),
        _ => None,
    }
}

/// The children of the XML element that holds the fault's members, if the body has one.
pub(crate) fn xml_members_container(node: &Xml) -> Option<&'static [Xml]> {
    match node {
        Xml::Element { children, .. } => {
            if children.iter().any(|c| matches!(c, Xml::Members)) {
                return Some(children);
            }
            children.iter().find_map(xml_members_container)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::shape;
    use super::*;
    use crate::Format;

    /// The derive's compile-time message names exactly the formats that carry each kind.
    #[test]
    fn each_unsent_message_names_the_formats_that_carry_it() {
        for what in [
            Carried::Details,
            Carried::ValidationErrors,
            Carried::Created,
            Carried::Instance,
        ] {
            let carrying: Vec<&str> = Format::ALL
                .into_iter()
                .filter(|f| carries(shape(*f, crate::Dialect::Nova), what))
                .map(Format::name)
                .collect();
            let message = what.unsent_message();
            let list = message
                .split_once(" are ")
                .or_else(|| message.split_once(" is "))
                .map(|(_, list)| list.split(" (").next().unwrap_or(list))
                .unwrap();
            let named: Vec<&str> = list
                .split([',', ' '])
                .filter(|w| !w.is_empty() && *w != "and")
                .collect();
            assert_eq!(named, carrying, "{what:?}");
        }
        for what in [Carried::Members, Carried::HeaderMembers] {
            let missing: Vec<&str> = Format::ALL
                .into_iter()
                .filter(|f| !carries(shape(*f, crate::Dialect::Nova), what))
                .map(Format::name)
                .collect();
            assert_eq!(missing, ["heat"], "{what:?}");
            assert!(what.unsent_message().ends_with("but heat"));
        }
    }
}
