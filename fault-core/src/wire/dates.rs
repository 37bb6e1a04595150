//! Dates on the wire: HTTP dates (RFC 9110 §5.6.7) for `Retry-After` and header members,
//! written as IMF-fixdate and read in the three forms a recipient must accept (IMF-fixdate,
//! RFC 850, asctime), each checked to name a real day and its true weekday; ISO 8601
//! date-times (RFC 3339, UTC), the XML protocols' and OpenStack's form; and epoch seconds,
//! the AWS JSON protocols' form.
//!
//! Our own, rather than a dependency, as it is sixty lines on every clean build's path; a
//! test holds the HTTP dates to the `httpdate` crate's output for the same instants and
//! strings.

use std::time::{SystemTime, UNIX_EPOCH};

/// 9999-12-31 23:59:59: the last instant a four-digit year names.
const LAST: u64 = 253_402_300_799;

/// Weekdays from Monday, as `(days since 1970-01-01 + 3) % 7` counts them.
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `at` as an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), clamped to the years one can
/// name: a moment before 1970 is written as 1970 (retry now), one after 9999 as its last second.
pub(crate) fn format(at: SystemTime) -> String {
    let secs = at
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs().min(LAST));
    let days = secs / 86_400;
    let (year, month, day) = civil_from_days(days);
    let in_day = secs % 86_400;
    format!(
        "{}, {day:02} {} {year:04} {:02}:{:02}:{:02} GMT",
        WEEKDAYS[weekday(days)],
        MONTHS[month - 1],
        in_day / 3600,
        in_day % 3600 / 60,
        in_day % 60,
    )
}

/// `at` as an ISO 8601 date-time in UTC (`2014-04-29T18:30:38Z`), with as many fraction
/// digits as it needs (none, 3, 6 or 9), clamped as [`format`] clamps.
pub(crate) fn iso8601(at: SystemTime) -> String {
    let since = at.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = since.as_secs().min(LAST);
    let nanos = if secs == since.as_secs() {
        since.subsec_nanos()
    } else {
        0
    };
    let days = secs / 86_400;
    let (year, month, day) = civil_from_days(days);
    let in_day = secs % 86_400;
    let mut text = format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}",
        in_day / 3600,
        in_day % 3600 / 60,
        in_day % 60,
    );
    push_fraction(&mut text, nanos);
    text.push('Z');
    text
}

/// `at` as epoch seconds: an integer, or with the fraction it has (`1398796238.123`).
pub(crate) fn epoch_seconds(at: SystemTime) -> String {
    let since = at.duration_since(UNIX_EPOCH).unwrap_or_default();
    let mut text = since.as_secs().to_string();
    push_fraction(&mut text, since.subsec_nanos());
    text
}

/// `.123`, `.123456` or `.123456789`: the fewest of those that hold `nanos` exactly.
fn push_fraction(text: &mut String, nanos: u32) {
    use std::fmt::Write as _;
    let _ = match nanos {
        0 => Ok(()),
        n if n % 1_000_000 == 0 => write!(text, ".{:03}", n / 1_000_000),
        n if n % 1_000 == 0 => write!(text, ".{:06}", n / 1_000),
        n => write!(text, ".{n:09}"),
    };
}

/// The weekday of a day counted from 1970-01-01 (a Thursday), Monday being 0.
fn weekday(days: u64) -> usize {
    usize::try_from((days + 3) % 7).unwrap_or(0)
}

/// Year, month (1–12) and day of a day counted from 1970-01-01, by Howard Hinnant's
/// `civil_from_days` (shifted so that every quantity stays unsigned from 1970 on).
fn civil_from_days(days: u64) -> (u64, usize, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, usize::try_from(month).unwrap_or(1), day)
}

pub(crate) use reading::from_epoch_seconds;
#[cfg(feature = "parse")]
pub(crate) use reading::parse;
pub(crate) use reading::parse_any;

/// Reading dates back: the parser's `Retry-After`, and `FromFault`'s timestamp members.
mod reading {
    use super::{MONTHS, WEEKDAYS, civil_from_days, weekday};
    use std::time::{Duration, SystemTime, UNIX_EPOCH};

    /// The instant any form this crate reads names: an ISO 8601 date-time, an HTTP date, or
    /// epoch seconds.
    pub(crate) fn parse_any(text: &str) -> Option<SystemTime> {
        let text = text.trim();
        iso8601(text)
            .or_else(|| parse(text))
            .or_else(|| from_epoch_seconds(text.parse().ok()?))
    }

    /// The instant `seconds` after the epoch; `None` for a negative, non-finite or
    /// unrepresentable count, which a hostile body may send (`1e300`).
    pub(crate) fn from_epoch_seconds(seconds: f64) -> Option<SystemTime> {
        UNIX_EPOCH.checked_add(Duration::try_from_secs_f64(seconds).ok()?)
    }

    /// `2014-04-29T18:30:38Z`, with an optional fraction, `Z` or a numeric offset.
    fn iso8601(s: &str) -> Option<SystemTime> {
        let b = s.as_bytes();
        if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't') {
            return None;
        }
        let year = digits(&s[..4])?;
        let month = usize::try_from(digits(&s[5..7])?).ok()?;
        let day = digits(&s[8..10])?;
        let Fields {
            hour,
            minute,
            second,
            ..
        } = time(&s[11..19], "")?;
        let mut rest = &s[19..];
        let mut nanos = 0u32;
        if let Some(fraction) = rest.strip_prefix('.') {
            let end = fraction
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(fraction.len());
            if end == 0 {
                return None;
            }
            let digits_nine: String = fraction[..end]
                .chars()
                .chain("000000000".chars())
                .take(9)
                .collect();
            nanos = digits_nine.parse().ok()?;
            rest = &fraction[end..];
        }
        let offset: i64 = match rest.as_bytes() {
            [b'Z' | b'z'] => 0,
            [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
                let hours = i64::try_from(digits(std::str::from_utf8(&[*h1, *h2]).ok()?)?).ok()?;
                let minutes =
                    i64::try_from(digits(std::str::from_utf8(&[*m1, *m2]).ok()?)?).ok()?;
                let total = hours * 3600 + minutes * 60;
                if *sign == b'+' { total } else { -total }
            }
            _ => return None,
        };
        let in_range = (1970..=9999).contains(&year)
            && (1..=12).contains(&month)
            && (1..=31).contains(&day)
            && hour < 24
            && minute < 60
            && second < 60;
        if !in_range {
            return None;
        }
        let days = days_from_civil(year, month, day);
        if civil_from_days(days) != (year, month, day) {
            return None;
        }
        let local = i64::try_from(days * 86_400 + hour * 3600 + minute * 60 + second).ok()?;
        let secs = u64::try_from(local - offset).ok()?;
        UNIX_EPOCH.checked_add(Duration::new(secs, nanos))
    }

    const LONG_WEEKDAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];

    /// The instant an HTTP date in any of its three forms names, if it names a real one.
    pub(crate) fn parse(text: &str) -> Option<SystemTime> {
        if !text.is_ascii() {
            return None;
        }
        let text = text.trim();
        let fields = imf_fixdate(text)
            .or_else(|| rfc850(text))
            .or_else(|| asctime(text))?;
        fields.instant()
    }

    /// What a date string says, before it is checked.
    struct Fields {
        weekday: usize,
        year: u64,
        month: usize,
        day: u64,
        hour: u64,
        minute: u64,
        second: u64,
    }

    impl Fields {
        fn instant(&self) -> Option<SystemTime> {
            let in_range = (1970..=9999).contains(&self.year)
                && (1..=31).contains(&self.day)
                && self.hour < 24
                && self.minute < 60
                && self.second < 60;
            if !in_range {
                return None;
            }
            let days = days_from_civil(self.year, self.month, self.day);
            // Only a real day (not 30 February) with its true weekday.
            let real = civil_from_days(days) == (self.year, self.month, self.day)
                && weekday(days) == self.weekday;
            let secs = days * 86_400 + self.hour * 3600 + self.minute * 60 + self.second;
            real.then(|| UNIX_EPOCH + Duration::from_secs(secs))
        }
    }

    /// `Sun, 06 Nov 1994 08:49:37 GMT`.
    fn imf_fixdate(s: &str) -> Option<Fields> {
        let b = s.as_bytes();
        if b.len() != 29 || &s[3..5] != ", " || b[7] != b' ' || b[11] != b' ' || b[16] != b' ' {
            return None;
        }
        Some(Fields {
            weekday: position(&WEEKDAYS, &s[..3])?,
            day: digits(&s[5..7])?,
            month: position(&MONTHS, &s[8..11])? + 1,
            year: digits(&s[12..16])?,
            ..time(&s[17..], " GMT")?
        })
    }

    /// `Sunday, 06-Nov-94 08:49:37 GMT`: a two-digit year below 70 is 20xx, and the byte between
    /// year and time goes unread, as `httpdate` reads it.
    fn rfc850(s: &str) -> Option<Fields> {
        let (name, rest) = s.split_once(", ")?;
        let b = rest.as_bytes();
        if b.len() != 22 || b[2] != b'-' || b[6] != b'-' {
            return None;
        }
        let short = digits(&rest[7..9])?;
        Some(Fields {
            weekday: position(&LONG_WEEKDAYS, name)?,
            day: digits(&rest[..2])?,
            month: position(&MONTHS, &rest[3..6])? + 1,
            year: if short < 70 {
                2000 + short
            } else {
                1900 + short
            },
            ..time(&rest[10..], " GMT")?
        })
    }

    /// `Sun Nov  6 08:49:37 1994`.
    fn asctime(s: &str) -> Option<Fields> {
        let b = s.as_bytes();
        if b.len() != 24 || b[3] != b' ' || b[7] != b' ' || b[10] != b' ' || b[19] != b' ' {
            return None;
        }
        let day = s[8..10].strip_prefix(' ').unwrap_or(&s[8..10]);
        Some(Fields {
            weekday: position(&WEEKDAYS, &s[..3])?,
            day: digits(day)?,
            month: position(&MONTHS, &s[4..7])? + 1,
            year: digits(&s[20..24])?,
            ..time(&s[11..19], "")?
        })
    }

    /// `08:49:37` followed by exactly `tail`, into the time fields (the date ones left at zero).
    fn time(s: &str, tail: &str) -> Option<Fields> {
        let b = s.as_bytes();
        if s.len() != 8 + tail.len() || b[2] != b':' || b[5] != b':' || &s[8..] != tail {
            return None;
        }
        Some(Fields {
            weekday: 0,
            year: 0,
            month: 0,
            day: 0,
            hour: digits(&s[..2])?,
            minute: digits(&s[3..5])?,
            second: digits(&s[6..8])?,
        })
    }

    fn digits(s: &str) -> Option<u64> {
        s.bytes().try_fold(0, |n, b| {
            b.is_ascii_digit().then(|| n * 10 + u64::from(b - b'0'))
        })
    }

    fn position(names: &[&str], name: &str) -> Option<usize> {
        names.iter().position(|candidate| *candidate == name)
    }

    /// The inverse of [`civil_from_days`] for years from 1970 on.
    fn days_from_civil(year: u64, month: usize, day: u64) -> u64 {
        let year = if month <= 2 { year - 1 } else { year };
        let era = year / 400;
        let yoe = year % 400;
        let mp = ((month + 9) % 12) as u64;
        let doy = (153 * mp + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    #[cfg(test)]
    mod tests {
        use super::super::tests::instants;
        use super::*;

        #[test]
        fn reads_what_httpdate_reads() {
            let mut texts = vec![
                "Sun, 06 Nov 1994 08:49:37 GMT".to_owned(),
                "Sunday, 06-Nov-94 08:49:37 GMT".to_owned(),
                "Sun Nov  6 08:49:37 1994".to_owned(),
                "Thursday, 01-Jan-70 00:00:00 GMT".to_owned(),
                "Friday, 31-Dec-69 00:00:00 GMT".to_owned(),
                "Mon, 30 Feb 2015 00:00:00 GMT".to_owned(),
                "Mon, 06 Nov 1994 08:49:37 GMT".to_owned(),
                "  Sun, 06 Nov 1994 08:49:37 GMT  ".to_owned(),
                "Sun, 06 Nov 1994 08:49:60 GMT".to_owned(),
                "Sun, 06 Nov 1994 24:00:00 GMT".to_owned(),
                "Sun, 06 Nov 1994 08:49:37 UTC".to_owned(),
                "Sun, 6 Nov 1994 08:49:37 GMT".to_owned(),
                "Sun Nov 06 08:49:37 1994".to_owned(),
                "Sun, 06 Nov 1969 08:49:37 GMT".to_owned(),
                "Sun, 06 Nov +994 08:49:37 GMT".to_owned(),
                "Sun, 06 Nov 1994 08:4é:37 GMT".to_owned(),
                "\u{3000}Sun, 06 Nov 1994 08:49:37 GMT".to_owned(),
                String::new(),
            ];
            for secs in instants() {
                let text = httpdate::fmt_http_date(UNIX_EPOCH + Duration::from_secs(secs));
                // The same instant in the other two forms, and each with one byte changed.
                let b = text.as_bytes();
                let long = LONG_WEEKDAYS[position(&WEEKDAYS, &text[..3]).unwrap()];
                let rfc850 = format!(
                    "{long}, {}-{}-{} {}",
                    &text[5..7],
                    &text[8..11],
                    &text[14..16],
                    &text[17..]
                );
                let day = if b[5] == b'0' {
                    format!(" {}", &text[6..7])
                } else {
                    text[5..7].to_owned()
                };
                let asctime = format!(
                    "{} {} {day} {} {}",
                    &text[..3],
                    &text[8..11],
                    &text[17..25],
                    &text[12..16]
                );
                for form in [text, rfc850, asctime] {
                    let at = usize::try_from(secs % form.len() as u64).unwrap();
                    let mut changed = form.clone().into_bytes();
                    changed[at] = b"0123456789 ,:-"[usize::try_from(secs % 14).unwrap()];
                    texts.push(String::from_utf8(changed).unwrap());
                    texts.push(form);
                }
            }
            for text in &texts {
                assert_eq!(
                    parse(text),
                    httpdate::parse_http_date(text).ok(),
                    "{text:?}"
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// A cheap deterministic spread of values (no randomness crate in the runtime's tests).
    pub(super) fn spread(count: u64, max: u64) -> impl Iterator<Item = u64> {
        let mut x = 0x9E37_79B9_7F4A_7C15_u64;
        (0..count).map(move |_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % (max + 1)
        })
    }

    pub(super) fn instants() -> impl Iterator<Item = u64> {
        let edges = [
            0,
            59,
            86_399,
            86_400,
            951_782_400,
            951_868_800,
            4_107_542_400,
            LAST,
        ];
        edges.into_iter().chain(spread(20_000, LAST))
    }

    #[test]
    fn writes_what_httpdate_writes() {
        for secs in instants() {
            let at = UNIX_EPOCH + Duration::from_secs(secs);
            assert_eq!(format(at), httpdate::fmt_http_date(at), "{secs}");
        }
        assert_eq!(
            format(UNIX_EPOCH - Duration::from_secs(1)),
            "Thu, 01 Jan 1970 00:00:00 GMT"
        );
        let after = UNIX_EPOCH + Duration::from_secs(LAST + 86_400);
        assert_eq!(format(after), "Fri, 31 Dec 9999 23:59:59 GMT");
    }
}
