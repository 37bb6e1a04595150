//! [`Text`]: a message that is either a string or a value written on demand.

use core::fmt::{self, Write as _};
use std::borrow::Cow;

/// A piece of fault text: a borrowed or owned string, or a [`Display`](fmt::Display) value
/// that is formatted only when the text is written.
///
/// Interpolated messages stay as the error value itself until a renderer writes them into its
/// output buffer, so building a [`Fault`](crate::Fault) never allocates an intermediate
/// `String`. Compare a `Text` with a `&str` directly, or call [`Text::to_cow`].
///
/// ```
/// use fault_core::Text;
///
/// let fixed = Text::from("Object not Found");
/// let id = 42;
/// let lazy = Text::display(&id);
/// assert_eq!(fixed, "Object not Found");
/// assert_eq!(lazy, "42");
/// assert_eq!(lazy.to_string(), "42");
/// ```
#[derive(Clone)]
pub struct Text<'a>(Repr<'a>);

#[derive(Clone)]
enum Repr<'a> {
    Str(Cow<'a, str>),
    Display(&'a (dyn fmt::Display + 'a)),
}

impl<'a> Text<'a> {
    /// A text that formats `value` each time it is written.
    pub fn display(value: &'a (dyn fmt::Display + 'a)) -> Self {
        Text(Repr::Display(value))
    }

    /// The text as a string slice, if it is held as one (no formatting needed).
    pub fn as_str(&self) -> Option<&str> {
        match &self.0 {
            Repr::Str(s) => Some(s),
            Repr::Display(_) => None,
        }
    }

    /// The text as a string, formatting it only if it is not held as one.
    pub fn to_cow(&self) -> Cow<'_, str> {
        match &self.0 {
            Repr::Str(s) => Cow::Borrowed(s),
            Repr::Display(d) => Cow::Owned(d.to_string()),
        }
    }

    /// A `Text` that owns its string, formatting a displayed value once.
    pub fn into_owned(self) -> Text<'static> {
        match self.0 {
            Repr::Str(s) => Text(Repr::Str(Cow::Owned(s.into_owned()))),
            Repr::Display(d) => Text(Repr::Str(Cow::Owned(d.to_string()))),
        }
    }

    /// A `Text` borrowing from this one, for handing out without cloning the string.
    pub fn reborrow(&self) -> Text<'_> {
        match &self.0 {
            Repr::Str(s) => Text(Repr::Str(Cow::Borrowed(s))),
            Repr::Display(d) => Text(Repr::Display(*d)),
        }
    }

    /// Writes the text into `out` (a `String`, a `Formatter`, or an escaping writer).
    ///
    /// # Errors
    /// Whatever `out` or the displayed value's `Display` returns.
    pub fn write_to<W: fmt::Write + ?Sized>(&self, out: &mut W) -> fmt::Result {
        match &self.0 {
            Repr::Str(s) => out.write_str(s),
            Repr::Display(d) => write!(out, "{d}"),
        }
    }
}

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Str(s) => f.write_str(s),
            Repr::Display(d) => fmt::Display::fmt(d, f),
        }
    }
}

impl fmt::Debug for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.to_cow(), f)
    }
}

impl Default for Text<'_> {
    fn default() -> Self {
        Text(Repr::Str(Cow::Borrowed("")))
    }
}

impl<'a> From<&'a str> for Text<'a> {
    fn from(s: &'a str) -> Self {
        Text(Repr::Str(Cow::Borrowed(s)))
    }
}

impl From<String> for Text<'_> {
    fn from(s: String) -> Self {
        Text(Repr::Str(Cow::Owned(s)))
    }
}

impl<'a> From<Cow<'a, str>> for Text<'a> {
    fn from(s: Cow<'a, str>) -> Self {
        Text(Repr::Str(s))
    }
}

impl PartialEq<str> for Text<'_> {
    fn eq(&self, other: &str) -> bool {
        match &self.0 {
            Repr::Str(s) => s == other,
            Repr::Display(d) => {
                // Compare while formatting, so a displayed value is never collected.
                let mut rest = other;
                let mut cmp = Matcher { rest: &mut rest };
                write!(cmp, "{d}").is_ok() && rest.is_empty()
            }
        }
    }
}

impl PartialEq<&str> for Text<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

impl PartialEq for Text<'_> {
    fn eq(&self, other: &Text<'_>) -> bool {
        match other.as_str() {
            Some(s) => self == s,
            None => *self == *other.to_cow(),
        }
    }
}

impl Eq for Text<'_> {}

/// A `fmt::Write` that fails as soon as the written text departs from the expected text.
struct Matcher<'r, 's> {
    rest: &'r mut &'s str,
}

impl fmt::Write for Matcher<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        match self.rest.strip_prefix(s) {
            Some(rest) => {
                *self.rest = rest;
                Ok(())
            }
            None => Err(fmt::Error),
        }
    }
}
