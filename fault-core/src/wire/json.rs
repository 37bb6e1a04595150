//! Writing JSON strings straight into the output buffer.
//!
//! Hand-written rather than through serde_json's serializer so that a `Display` value
//! streams into the body without an intermediate `String`; the output is what serde_json
//! writes for the same string (`"`, `\` and C0 controls escaped, the rest as UTF-8).

use crate::Text;
use core::fmt;

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Appends the inside of a JSON string (no quotes).
pub(crate) fn escape(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        let short: &[u8] = match byte {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0C => b"\\f",
            0x00..=0x1F => {
                out.extend_from_slice(&bytes[start..i]);
                out.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(byte >> 4)],
                    HEX[usize::from(byte & 0xF)],
                ]);
                start = i + 1;
                continue;
            }
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..i]);
        out.extend_from_slice(short);
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

struct Writer<'o>(&'o mut Vec<u8>);

impl fmt::Write for Writer<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        escape(self.0, s);
        Ok(())
    }
}

/// Appends a [`Text`] as a quoted JSON string.
pub(crate) fn string(out: &mut Vec<u8>, value: &Text<'_>) {
    out.push(b'"');
    match value.as_str() {
        Some(s) => escape(out, s),
        None => {
            let _ = value.write_to(&mut Writer(out));
        }
    }
    out.push(b'"');
}

/// Appends a plain string as a quoted JSON string.
pub(crate) fn string_str(out: &mut Vec<u8>, value: &str) {
    out.push(b'"');
    escape(out, value);
    out.push(b'"');
}

/// Appends `"key": ` (the key is one of ours, or escaped when it is not).
pub(crate) fn key(out: &mut Vec<u8>, key: &str, separator: &[u8]) {
    string_str(out, key);
    out.extend_from_slice(separator);
}

/// Appends an unsigned number.
pub(crate) fn number(out: &mut Vec<u8>, value: u64) {
    out.extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_serde_json_for_every_ascii_and_some_unicode() {
        let mut all: String = (0u8..=127).map(char::from).collect();
        all.push_str("ü ✓ 𝄞 \u{2028}\u{2029}\u{7F}\u{FFFF}");
        let mut out = Vec::new();
        string_str(&mut out, &all);
        assert_eq!(out, serde_json::to_vec(&all).unwrap());
    }
}
