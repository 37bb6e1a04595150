//! Writing JSON straight into the output buffer, in the byte style of each producer.
//!
//! Hand-written rather than through serde_json's serializer so that a `Display` value
//! streams into the body without an intermediate `String`, and so that each format can match
//! its producer byte for byte: Python's `json.dumps` (`", "` and `": "`, non-ASCII as
//! `\uXXXX`), Flask's `jsonify` (compact, ASCII), or compact UTF-8 as AWS sends. Strings are
//! escaped as serde_json escapes them (`"`, `\` and C0 controls).

use super::swar;
use crate::{Text, Value};
use std::borrow::Cow;

const HEX: &[u8; 16] = b"0123456789abcdef";

/// How a producer lays out its JSON.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Style {
    comma: &'static [u8],
    colon: &'static [u8],
    /// Escape every non-ASCII character as `\uXXXX` (Python's default `ensure_ascii`).
    ascii: bool,
}

impl Style {
    /// The separator between members and items.
    pub(crate) fn comma(self) -> &'static [u8] {
        self.comma
    }

    /// Whether non-ASCII text is escaped.
    pub(crate) const fn ascii(self) -> bool {
        self.ascii
    }
}

/// Python's `json.dumps` defaults (nova, neutron, placement).
pub(crate) const PYTHON: Style = Style {
    comma: b", ",
    colon: b": ",
    ascii: true,
};

/// Flask's `jsonify` outside debug mode (keystone).
pub(crate) const FLASK: Style = Style {
    comma: b",",
    colon: b":",
    ascii: true,
};

/// Compact UTF-8 (AWS services, problem details).
pub(crate) const COMPACT: Style = Style {
    comma: b",",
    colon: b":",
    ascii: false,
};

/// Whether a word of eight bytes holds one that a JSON string must escape.
#[inline]
fn word_needs_escape(x: u64, ascii: bool) -> bool {
    // `|`, not `||`: four cheap tests beat three unpredictable branches.
    swar::has_control(x)
        | swar::has(x, b'"')
        | swar::has(x, b'\\')
        | (ascii & swar::has_non_ascii(x))
}

/// Which bytes a JSON string escapes: `"`, `\` and C0 controls, and with `ascii` every byte
/// of a non-ASCII character.
const fn specials(ascii: bool) -> [bool; 256] {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = b < 0x20 || b == b'"' as usize || b == b'\\' as usize || (ascii && b >= 0x80);
        b += 1;
    }
    table
}

static UTF8_SPECIALS: [bool; 256] = specials(false);
static ASCII_SPECIALS: [bool; 256] = specials(true);

/// Appends the inside of a JSON string (no quotes).
pub(crate) fn escape(out: &mut Vec<u8>, text: &str, ascii: bool) {
    let table = if ascii {
        &ASCII_SPECIALS
    } else {
        &UTF8_SPECIALS
    };
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    loop {
        // Skip eight plain bytes at a time (most text has nothing to escape), then walk to
        // the special byte a word holds, or through the last few bytes.
        while let Some(x) = swar::word(bytes, i)
            && !word_needs_escape(x, ascii)
        {
            i += 8;
        }
        while i < bytes.len() && !table[usize::from(bytes[i])] {
            i += 1;
        }
        let Some(&byte) = bytes.get(i) else {
            break;
        };
        out.extend_from_slice(&bytes[start..i]);
        match byte {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0C => out.extend_from_slice(b"\\f"),
            0x00..=0x1F => unicode_escape(out, u16::from(byte)),
            _ => {
                // A non-ASCII character in ASCII mode; `i` is at a char boundary, since every
                // byte before it was ASCII or a whole character.
                let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    unicode_escape(out, *unit);
                }
                i += c.len_utf8() - 1;
            }
        }
        i += 1;
        start = i;
    }
    out.extend_from_slice(&bytes[start..]);
}

fn unicode_escape(out: &mut Vec<u8>, unit: u16) {
    out.extend_from_slice(b"\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[usize::from((unit >> shift) & 0xF)]);
    }
}

/// Whether any byte of `bytes` must be escaped.
fn needs_escape(bytes: &[u8], ascii: bool) -> bool {
    let table = if ascii {
        &ASCII_SPECIALS
    } else {
        &UTF8_SPECIALS
    };
    let mut i = 0;
    while let Some(x) = swar::word(bytes, i) {
        if word_needs_escape(x, ascii) {
            return true;
        }
        i += 8;
    }
    bytes[i..].iter().any(|&b| table[usize::from(b)])
}

/// Appends a [`Text`] as a quoted JSON string.
pub(crate) fn string(out: &mut Vec<u8>, value: &Text<'_>, ascii: bool) {
    out.push(b'"');
    text(out, value, ascii);
    out.push(b'"');
}

/// Appends the inside of a JSON string holding a [`Text`] (no quotes).
pub(crate) fn text(out: &mut Vec<u8>, value: &Text<'_>, ascii: bool) {
    match value.as_str() {
        Some(s) => escape(out, s, ascii),
        None => {
            // A `Display` writes in pieces (each literal, each argument): appending them as
            // they come and scanning the whole once costs less than escaping piece by piece.
            // The rare text that needs escaping is taken back out and escaped.
            let start = out.len();
            let _ = value.write_to(&mut super::RawWriter(out));
            if needs_escape(&out[start..], ascii) {
                let written = out.split_off(start);
                // Whole `str`s were appended, so this is UTF-8; lossy only to never panic.
                escape(out, &String::from_utf8_lossy(&written), ascii);
            }
        }
    }
}

/// A float as the writers put it: the shortest text that reads back as the same number
/// (`1.5`, `1.0`, `1e16`), and NaN and the infinities as Smithy spells them.
pub(crate) fn float_text(f: f64) -> Cow<'static, str> {
    if f.is_nan() {
        Cow::Borrowed("NaN")
    } else if f == f64::INFINITY {
        Cow::Borrowed("Infinity")
    } else if f == f64::NEG_INFINITY {
        Cow::Borrowed("-Infinity")
    } else {
        Cow::Owned(format!("{f:?}"))
    }
}

/// How member values are written: the producer's style, whether nested members go under
/// their JSON names, and whether timestamps are epoch seconds (AWS) or ISO 8601 strings.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Values {
    pub(crate) style: Style,
    pub(crate) json_names: bool,
    pub(crate) epoch_seconds: bool,
}

/// Appends a member's value as JSON.
pub(crate) fn value(out: &mut Vec<u8>, value: &Value<'_>, how: Values) {
    let ascii = how.style.ascii;
    match value {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Value::Integer(n) => out.extend_from_slice(itoa::Buffer::new().format(*n).as_bytes()),
        Value::Float(f) if f.is_finite() => out.extend_from_slice(float_text(*f).as_bytes()),
        Value::Float(f) => {
            // JSON has no NaN or infinity: Smithy's protocols send them as strings.
            out.push(b'"');
            out.extend_from_slice(float_text(*f).as_bytes());
            out.push(b'"');
        }
        Value::Str(text) => string(out, text, ascii),
        Value::Timestamp(at) if how.epoch_seconds => {
            out.extend_from_slice(super::dates::epoch_seconds(*at).as_bytes());
        }
        Value::Timestamp(at) => {
            out.push(b'"');
            out.extend_from_slice(super::dates::iso8601(*at).as_bytes());
            out.push(b'"');
        }
        Value::List(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.extend_from_slice(how.style.comma);
                }
                self::value(out, item, how);
            }
            out.push(b']');
        }
        Value::Structure(members) => {
            let mut object = Object::open(out, how.style);
            for member in members {
                let name = if how.json_names {
                    member.json_name()
                } else {
                    member.name()
                };
                self::value(object.data_key(name), &member.value, how);
            }
            object.close();
        }
        Value::Map(entries) => {
            let mut object = Object::open(out, how.style);
            for (key, entry) in entries {
                self::value(object.data_key(key), entry, how);
            }
            object.close();
        }
    }
}

/// Writes one JSON object's members in a producer's style.
pub(crate) struct Object<'o> {
    out: &'o mut Vec<u8>,
    style: Style,
    empty: bool,
}

impl<'o> Object<'o> {
    /// Opens an object.
    pub(crate) fn open(out: &'o mut Vec<u8>, style: Style) -> Self {
        out.push(b'{');
        Object {
            out,
            style,
            empty: true,
        }
    }

    /// Writes `"name": ` for a member name that is a literal of this crate, which needs no
    /// escaping, and hands out the buffer for the value.
    pub(crate) fn key(&mut self, name: &'static str) -> &mut Vec<u8> {
        self.separator();
        self.out.push(b'"');
        self.out.extend_from_slice(name.as_bytes());
        self.out.push(b'"');
        self.out.extend_from_slice(self.style.colon);
        self.out
    }

    /// Writes `"name": ` for a member name that comes from data, escaped.
    pub(crate) fn data_key(&mut self, name: &str) -> &mut Vec<u8> {
        self.separator();
        self.out.push(b'"');
        escape(self.out, name, self.style.ascii);
        self.out.push(b'"');
        self.out.extend_from_slice(self.style.colon);
        self.out
    }

    fn separator(&mut self) {
        if !self.empty {
            self.out.extend_from_slice(self.style.comma);
        }
        self.empty = false;
    }

    pub(crate) fn text(&mut self, name: &'static str, value: &Text<'_>) {
        let ascii = self.style.ascii;
        string(self.key(name), value, ascii);
    }

    pub(crate) fn str(&mut self, name: &'static str, value: &str) {
        self.text(name, &Text::from(value));
    }

    /// Closes the object.
    pub(crate) fn close(self) {
        self.out.push(b'}');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::fmt;

    fn all_chars() -> String {
        let mut all: String = (0u8..=127).map(char::from).collect();
        all.push_str("ü ✓ 𝄞 \u{2028}\u{2029}\u{7F}\u{FFFF}");
        all
    }

    /// A `Display` that writes its text one character at a time, so escapes fall across
    /// pieces.
    struct Pieces(String);

    impl fmt::Display for Pieces {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.0
                .chars()
                .try_for_each(|c| fmt::Write::write_char(f, c))
        }
    }

    #[test]
    fn displayed_text_is_escaped_as_the_same_str() {
        for text in [
            all_chars(),
            "plain text, nothing to escape".to_owned(),
            String::new(),
        ] {
            for ascii in [false, true] {
                let (mut shown, mut given) = (Vec::new(), Vec::new());
                string(&mut shown, &Text::display(&Pieces(text.clone())), ascii);
                string(&mut given, &Text::from(text.as_str()), ascii);
                assert_eq!(shown, given, "{text:?}, ascii: {ascii}");
            }
        }
    }

    #[test]
    fn compact_strings_are_what_serde_json_writes() {
        let all = all_chars();
        let mut out = Vec::new();
        string(&mut out, &Text::from(all.as_str()), false);
        assert_eq!(out, serde_json::to_vec(&all).unwrap());
    }

    #[test]
    fn ascii_strings_escape_non_ascii_as_python_does() {
        let mut out = Vec::new();
        string(&mut out, &Text::from("é ✓ 𝄞"), true);
        // json.dumps("é ✓ 𝄞") == '"\\u00e9 \\u2713 \\ud834\\udd1e"'
        assert_eq!(out, b"\"\\u00e9 \\u2713 \\ud834\\udd1e\"");
        let all = all_chars();
        let mut out = Vec::new();
        string(&mut out, &Text::from(all.as_str()), true);
        assert!(out.is_ascii());
        assert_eq!(serde_json::from_slice::<String>(&out).unwrap(), all);
    }

    #[test]
    fn values_in_each_style() {
        use crate::Member;
        let value = Value::structure([
            Member::new("code", 404),
            Member::new("tags", Value::list(["a", "é"])),
            Member::new("ok", true),
            Member::new("none", Value::Null),
            Member::new("ratio", 0.5),
        ]);
        let how = |style| Values {
            style,
            json_names: false,
            epoch_seconds: false,
        };
        let mut out = Vec::new();
        self::value(&mut out, &value, how(PYTHON));
        assert_eq!(
            out,
            br#"{"code": 404, "tags": ["a", "\u00e9"], "ok": true, "none": null, "ratio": 0.5}"#
        );
        let mut out = Vec::new();
        self::value(&mut out, &value, how(COMPACT));
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"{"code":404,"tags":["a","é"],"ok":true,"none":null,"ratio":0.5}"#
        );
    }
}
