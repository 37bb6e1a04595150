//! Eight bytes at a time: finding the bytes an escaper must look at without a branch per byte.
//!
//! Most fault text needs no escaping at all, so the escapers in `json.rs` and `xml.rs` skip
//! whole words that hold none of their special bytes and look at single bytes only near one.
//! The tests below are exact for "does any byte of the word match" (the classic bit tricks
//! may misreport which byte, but never whether one does), which is all the skip needs.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The word at `i`, if eight bytes remain there.
#[inline]
pub(crate) fn word(bytes: &[u8], i: usize) -> Option<u64> {
    let chunk: [u8; 8] = bytes.get(i..i + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

/// Whether any byte of `x` is `b`.
#[inline]
pub(crate) const fn has(x: u64, b: u8) -> bool {
    let y = x ^ (ONES * b as u64);
    y.wrapping_sub(ONES) & !y & HIGHS != 0
}

/// Whether any byte of `x` is below 0x20 (a C0 control character).
#[inline]
pub(crate) const fn has_control(x: u64) -> bool {
    x.wrapping_sub(ONES * 0x20) & !x & HIGHS != 0
}

/// Whether any byte of `x` is 0x80 or above (part of a non-ASCII character).
#[inline]
pub(crate) const fn has_non_ascii(x: u64) -> bool {
    x & HIGHS != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every single byte, in every position of a word of otherwise plain text.
    #[test]
    fn each_test_finds_exactly_its_bytes() {
        for b in 0..=255u8 {
            for pos in 0..8 {
                let mut bytes = *b"abcdefgh";
                bytes[pos] = b;
                let x = u64::from_le_bytes(bytes);
                assert_eq!(has(x, b'"'), b == b'"', "{b:#x} at {pos}");
                assert_eq!(has(x, 0xEF), b == 0xEF, "{b:#x} at {pos}");
                assert_eq!(has_control(x), b < 0x20, "{b:#x} at {pos}");
                assert_eq!(has_non_ascii(x), b >= 0x80, "{b:#x} at {pos}");
            }
        }
    }

    #[test]
    fn words_are_read_only_where_eight_bytes_remain() {
        assert_eq!(word(b"12345678", 0), Some(u64::from_le_bytes(*b"12345678")));
        assert_eq!(word(b"12345678", 1), None);
    }
}
