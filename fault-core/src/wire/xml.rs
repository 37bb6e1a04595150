//! Writing XML text and attribute values that are always well-formed, whatever they hold.
//!
//! Hand-written rather than quick-xml's `escape`, which neither streams a `Display` value nor
//! handles characters XML 1.0 forbids. Those (C0 controls other than tab, LF and CR, and
//! U+FFFE, U+FFFF) have no legal spelling in XML 1.0, not even as character references, so
//! they become U+FFFD. A CR is written as `&#13;` so that end-of-line normalisation does not
//! turn it into LF on the way back.

use super::shape::XmlValues;
use super::swar;
use crate::{Member, Text, Value};

/// How one byte of UTF-8 is written in XML text (`ATTR` adds what attributes need).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Plain,
    Escape,
    /// The first byte of a three-byte sequence that may be U+FFFE or U+FFFF.
    MaybeNonChar,
}

const fn classes(attr: bool) -> [Class; 256] {
    let mut table = [Class::Plain; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = Class::Escape;
        b += 1;
    }
    table[b'\t' as usize] = if attr { Class::Escape } else { Class::Plain };
    table[b'\n' as usize] = if attr { Class::Escape } else { Class::Plain };
    table[b'&' as usize] = Class::Escape;
    table[b'<' as usize] = Class::Escape;
    table[b'>' as usize] = Class::Escape;
    if attr {
        table[b'"' as usize] = Class::Escape;
    }
    table[0xEF] = Class::MaybeNonChar;
    table
}

static TEXT: [Class; 256] = classes(false);
static ATTR: [Class; 256] = classes(true);

/// Appends `text` as XML character data.
pub(crate) fn escape_text(out: &mut Vec<u8>, text: &str) {
    escape(out, text, false);
}

/// Appends `text` as the inside of a double-quoted attribute value.
pub(crate) fn escape_attr(out: &mut Vec<u8>, text: &str) {
    escape(out, text, true);
}

/// Whether a word of eight bytes holds one that the escaper must look at: a control character
/// (tab and LF are then let through by the table), markup, a quote in an attribute, or the
/// first byte of what may be U+FFFE or U+FFFF.
#[inline]
fn word_needs_look(x: u64, attr: bool) -> bool {
    // `|`, not `||`: cheap tests beat unpredictable branches.
    swar::has_control(x)
        | swar::has(x, b'&')
        | swar::has(x, b'<')
        | swar::has(x, b'>')
        | swar::has(x, 0xEF)
        | (attr & swar::has(x, b'"'))
}

fn escape(out: &mut Vec<u8>, text: &str, attr: bool) {
    let bytes = text.as_bytes();
    let table = if attr { &ATTR } else { &TEXT };
    let mut start = 0;
    let mut i = 0;
    loop {
        // Skip eight plain bytes at a time (most text has nothing to escape), then walk to
        // the byte a word holds that needs a look, or through the last few bytes.
        while let Some(x) = swar::word(bytes, i)
            && !word_needs_look(x, attr)
        {
            i += 8;
        }
        while i < bytes.len() && table[usize::from(bytes[i])] == Class::Plain {
            i += 1;
        }
        let Some(&byte) = bytes.get(i) else {
            break;
        };
        let replacement: &[u8] = match table[usize::from(byte)] {
            Class::Plain | Class::MaybeNonChar => {
                // U+FFFE and U+FFFF are EF BF BE and EF BF BF; any other EF starts a
                // character XML allows.
                if bytes.get(i + 1) == Some(&0xBF) && matches!(bytes.get(i + 2), Some(0xBE | 0xBF))
                {
                    out.extend_from_slice(&bytes[start..i]);
                    out.extend_from_slice("\u{FFFD}".as_bytes());
                    i += 3;
                    start = i;
                } else {
                    i += 1;
                }
                continue;
            }
            Class::Escape => match byte {
                b'&' => b"&amp;",
                b'<' => b"&lt;",
                b'>' => b"&gt;",
                b'"' => b"&quot;",
                b'\r' => b"&#13;",
                b'\n' => b"&#10;",
                b'\t' => b"&#9;",
                _ => "\u{FFFD}".as_bytes(),
            },
        };
        out.extend_from_slice(&bytes[start..i]);
        out.extend_from_slice(replacement);
        i += 1;
        start = i;
    }
    out.extend_from_slice(&bytes[start..]);
}

/// Whether any byte of `bytes` needs the escaper's look (see [`word_needs_look`]).
fn needs_look(bytes: &[u8], attr: bool) -> bool {
    let table = if attr { &ATTR } else { &TEXT };
    let mut i = 0;
    while let Some(x) = swar::word(bytes, i) {
        if word_needs_look(x, attr) {
            return true;
        }
        i += 8;
    }
    bytes[i..]
        .iter()
        .any(|&b| table[usize::from(b)] != Class::Plain)
}

/// Appends a displayed value, escaped. A `Display` writes in pieces (each literal, each
/// argument): appending them as they come and scanning the whole once costs less than
/// escaping piece by piece; the rare text that needs a look is taken back out and escaped.
/// A `Display` that fails midway leaves what it wrote, escaped like the rest.
fn display(out: &mut Vec<u8>, value: &Text<'_>, attr: bool) {
    let start = out.len();
    let _ = value.write_to(&mut super::RawWriter(out));
    if needs_look(&out[start..], attr) {
        let written = out.split_off(start);
        // Whole `str`s were appended, so this is UTF-8; lossy only to never panic.
        escape(out, &String::from_utf8_lossy(&written), attr);
    }
}

/// Appends a [`Text`] as XML character data.
pub(crate) fn text(out: &mut Vec<u8>, value: &Text<'_>) {
    match value.as_str() {
        Some(s) => escape_text(out, s),
        None => display(out, value, false),
    }
}

/// Appends a [`Text`] as an attribute value's inside.
pub(crate) fn attr(out: &mut Vec<u8>, value: &Text<'_>) {
    match value.as_str() {
        Some(s) => escape_attr(out, s),
        None => display(out, value, true),
    }
}

/// Appends `<name>text</name>`.
pub(crate) fn element(out: &mut Vec<u8>, name: &str, value: &Text<'_>) {
    out.push(b'<');
    out.extend_from_slice(name.as_bytes());
    out.push(b'>');
    text(out, value);
    out.extend_from_slice(b"</");
    out.extend_from_slice(name.as_bytes());
    out.push(b'>');
}

/// Appends `<name>text</name>` for plain text.
pub(crate) fn element_str(out: &mut Vec<u8>, name: &str, value: &str) {
    element(out, name, &Text::from(value));
}

/// Appends a member as XML in the producer's value style: `<name>value</name>` for a scalar
/// (nothing for null in Smithy's binding), nested elements for a structure, a list's items
/// wrapped (`<member>` in Smithy's binding, the name less its `s` in nova's, `<i>` in RFC
/// 9457's; or the item name the member gives) or, flattened, each under the member's name;
/// a map's entries as
/// `<entry><key/><value/></entry>` (Smithy's) or elements named for their keys.
pub(crate) fn member(out: &mut Vec<u8>, member: &Member<'_>, values: XmlValues) {
    let name = element_name(member.xml_name());
    let list = List {
        flattened: member.flattened,
        item_name: member.xml_item_name.as_deref(),
    };
    named_value(out, &name, &member.value, list, values);
}

/// How a member's list is written: flattened, or wrapped with items under `item_name` (the
/// producer's own name when `None`). Nested values use the producer's rules.
#[derive(Clone, Copy, Default)]
struct List<'n> {
    flattened: bool,
    item_name: Option<&'n str>,
}

fn named_value(
    out: &mut Vec<u8>,
    name: &str,
    value: &Value<'_>,
    list: List<'_>,
    values: XmlValues,
) {
    let flattened = list.flattened;
    match value {
        Value::Null if values == XmlValues::Smithy => {}
        Value::List(items) if flattened => {
            for item in items {
                named_value(out, name, item, List::default(), values);
            }
        }
        Value::Map(entries) if flattened => {
            for (key, entry) in entries {
                open(out, name, &[]);
                element_str(out, "key", key);
                named_value(out, "value", entry, List::default(), values);
                close(out, name);
            }
        }
        Value::Structure(members) => {
            let attrs: Vec<&Member<'_>> = members.iter().filter(|m| m.xml_attribute).collect();
            open(out, name, &attrs);
            for nested in members.iter().filter(|m| !m.xml_attribute) {
                member(out, nested, values);
            }
            close(out, name);
        }
        Value::List(items) => {
            open(out, name, &[]);
            let item_name = match (list.item_name, values) {
                (Some(item_name), _) => element_name(item_name),
                (None, XmlValues::Smithy) => std::borrow::Cow::Borrowed("member"),
                (None, XmlValues::Problem) => std::borrow::Cow::Borrowed("i"),
                (None, XmlValues::Nova) => match name.strip_suffix('s') {
                    Some(singular) if !singular.is_empty() => {
                        std::borrow::Cow::Owned(singular.to_owned())
                    }
                    _ => std::borrow::Cow::Borrowed("item"),
                },
            };
            for item in items {
                named_value(out, &item_name, item, List::default(), values);
            }
            close(out, name);
        }
        Value::Map(entries) => {
            open(out, name, &[]);
            for (key, entry) in entries {
                match values {
                    XmlValues::Smithy => {
                        out.extend_from_slice(b"<entry>");
                        element_str(out, "key", key);
                        named_value(out, "value", entry, List::default(), values);
                        out.extend_from_slice(b"</entry>");
                    }
                    // A dict's keys are element names in nova's serializer and RFC 9457's.
                    XmlValues::Nova | XmlValues::Problem => {
                        named_value(out, &element_name(key), entry, List::default(), values);
                    }
                }
            }
            close(out, name);
        }
        scalar => {
            open(out, name, &[]);
            scalar_text(out, scalar, values, false);
            close(out, name);
        }
    }
}

/// Appends a scalar as XML text (or, with `attr`, an attribute value's inside).
pub(crate) fn scalar_text(out: &mut Vec<u8>, value: &Value<'_>, values: XmlValues, attr: bool) {
    let python = values == XmlValues::Nova;
    match value {
        Value::Null if python => out.extend_from_slice(b"None"),
        Value::Bool(b) => out.extend_from_slice(match (*b, python) {
            (true, false) => b"true",
            (false, false) => b"false",
            (true, true) => b"True",
            (false, true) => b"False",
        }),
        Value::Integer(n) => out.extend_from_slice(itoa::Buffer::new().format(*n).as_bytes()),
        Value::Float(f) => out.extend_from_slice(super::json::float_text(*f).as_bytes()),
        Value::Str(text) if attr => self::attr(out, text),
        Value::Str(text) => self::text(out, text),
        Value::Timestamp(at) => out.extend_from_slice(super::dates::iso8601(*at).as_bytes()),
        _ => {}
    }
}

/// `<name` and the attribute members, then `>`.
fn open(out: &mut Vec<u8>, name: &str, attrs: &[&Member<'_>]) {
    out.push(b'<');
    out.extend_from_slice(name.as_bytes());
    for member in attrs {
        attribute_member(out, member);
    }
    out.push(b'>');
}

/// ` name="value"` for a member written as an attribute.
pub(crate) fn attribute_member(out: &mut Vec<u8>, member: &Member<'_>) {
    out.push(b' ');
    out.extend_from_slice(element_name(member.xml_name()).as_bytes());
    out.extend_from_slice(b"=\"");
    scalar_text(out, &member.value, XmlValues::Smithy, true);
    out.push(b'"');
}

fn close(out: &mut Vec<u8>, name: &str) {
    out.extend_from_slice(b"</");
    out.extend_from_slice(name.as_bytes());
    out.push(b'>');
}

/// Whether `name` is an XML NCName: usable as an element name without a prefix.
pub(crate) fn is_ncname(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(is_name_start_char)
        && chars.all(|c| {
            is_name_start_char(c)
                || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
        })
}

fn is_name_start_char(c: char) -> bool {
    matches!(c,
        'A'..='Z' | '_' | 'a'..='z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}'
        | '\u{F8}'..='\u{2FF}' | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}'
        | '\u{200C}'..='\u{200D}' | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}'
        | '\u{3001}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}'
        | '\u{10000}'..='\u{EFFFF}')
}

/// `name` as an element name: itself when it is an NCName, else with every character that
/// may not appear replaced by `_` (a title built in code, or read from another service, may
/// be anything; the output stays well-formed).
pub(crate) fn element_name(name: &str) -> std::borrow::Cow<'_, str> {
    if is_ncname(name) {
        return std::borrow::Cow::Borrowed(name);
    }
    let mut fixed = String::with_capacity(name.len() + 1);
    for (i, c) in name.chars().enumerate() {
        let ok = if i == 0 {
            is_name_start_char(c)
        } else {
            is_name_start_char(c) || c.is_ascii_digit() || matches!(c, '-' | '.')
        };
        if ok {
            fixed.push(c);
        } else if i == 0 && (c.is_ascii_digit() || matches!(c, '-' | '.')) {
            fixed.push('_');
            fixed.push(c);
        } else {
            fixed.push('_');
        }
    }
    if fixed.is_empty() {
        fixed.push_str("fault");
    }
    std::borrow::Cow::Owned(fixed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::fmt;

    fn text_of(s: &str) -> String {
        let mut out = Vec::new();
        escape_text(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    /// A `Display` that writes its text one character at a time, so escapes fall across
    /// pieces.
    struct Pieces(&'static str);

    impl fmt::Display for Pieces {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.0
                .chars()
                .try_for_each(|c| fmt::Write::write_char(f, c))
        }
    }

    #[test]
    fn displayed_text_is_escaped_as_the_same_str() {
        let texts = [
            "a <b> & \"c\" ]]> \r\n\t \u{0} \u{FFFE} \u{FFFF} \u{EFFF} ü ✓",
            "plain text, nothing to escape",
            "",
        ];
        for text in texts {
            let (mut shown, mut given) = (Vec::new(), Vec::new());
            super::text(&mut shown, &Text::display(&Pieces(text)));
            escape_text(&mut given, text);
            assert_eq!(shown, given, "{text:?}");
            let (mut shown, mut given) = (Vec::new(), Vec::new());
            attr(&mut shown, &Text::display(&Pieces(text)));
            escape_attr(&mut given, text);
            assert_eq!(shown, given, "{text:?} in an attribute");
        }
    }

    #[test]
    fn escapes_markup_and_keeps_the_rest() {
        assert_eq!(
            text_of("a < b && c > d ]]> \"q\" 'x'"),
            "a &lt; b &amp;&amp; c &gt; d ]]&gt; \"q\" 'x'"
        );
        assert_eq!(text_of("tab\tline\ncr\r"), "tab\tline\ncr&#13;");
        assert_eq!(text_of("ünïcödé ✓ 𝄞"), "ünïcödé ✓ 𝄞");
    }

    #[test]
    fn forbidden_characters_become_replacement_characters() {
        assert_eq!(
            text_of("a\u{0}b\u{1B}c\u{FFFE}d\u{FFFF}e\u{FFFD}"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}"
        );
        assert_eq!(text_of("\u{EFFF}\u{FEFF}"), "\u{EFFF}\u{FEFF}");
    }

    #[test]
    fn attributes_escape_quotes_and_whitespace() {
        let mut out = Vec::new();
        escape_attr(&mut out, "a\"b\tc\nd");
        assert_eq!(out, b"a&quot;b&#9;c&#10;d");
    }

    #[test]
    fn element_names_are_repaired() {
        assert_eq!(element_name("itemNotFound"), "itemNotFound");
        assert_eq!(element_name("Bad Request"), "Bad_Request");
        assert_eq!(element_name("1st"), "_1st");
        assert_eq!(element_name("a:b"), "a_b");
        assert_eq!(element_name(""), "fault");
    }
}
