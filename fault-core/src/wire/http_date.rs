//! HTTP dates (RFC 9110 §5.6.7) for `Retry-After`: written as IMF-fixdate, read in the three
//! forms a recipient must accept (IMF-fixdate, RFC 850, asctime), each checked to name a real
//! day and its true weekday.
//!
//! Our own, rather than a dependency, as it is sixty lines on every clean build's path; a
//! test holds it to the `httpdate` crate's output for the same instants and strings.

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

#[cfg(feature = "parse")]
pub(crate) use reading::parse;

/// Reading dates back: only the parser needs it.
#[cfg(feature = "parse")]
mod reading {
    use super::{MONTHS, WEEKDAYS, civil_from_days, weekday};
    use std::time::{Duration, SystemTime, UNIX_EPOCH};

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
