//! [`ErrType`]: which side of the exchange is at fault, as AWS's `<Type>` element says it.

use core::fmt;
use http::StatusCode;

/// Which side of the exchange caused a fault: the word AWS-style bodies carry in `<Type>`.
///
/// The derive accepts `Sender`, `Receiver` and `Server` and keeps the word written, so each
/// renders byte-exact (Heat writes `Server`, the AWS query protocol writes `Receiver`). Parsed
/// bodies may also say `Client` or `User`, which some services send.
///
/// ```
/// use fault_core::{ErrType, http::StatusCode};
///
/// assert_eq!(ErrType::for_status(StatusCode::NOT_FOUND), ErrType::Sender);
/// assert_eq!(ErrType::for_status(StatusCode::SERVICE_UNAVAILABLE), ErrType::Server);
/// assert_eq!(ErrType::from_word("Receiver"), Some(ErrType::Receiver));
/// assert!(ErrType::Receiver.is_server_side());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrType {
    /// The request was at fault (AWS, Heat: `Sender`).
    Sender,
    /// The service was at fault (the AWS query protocol's word: `Receiver`).
    Receiver,
    /// The service was at fault (Heat's word: `Server`).
    Server,
    /// The request was at fault (`Client`, as some services spell it).
    Client,
    /// The request was at fault (`User`, as some services spell it).
    User,
}

impl ErrType {
    /// Heat's rule for a fault that names no type: `Server` for 5xx, `Sender` otherwise.
    #[must_use]
    pub const fn for_status(status: StatusCode) -> Self {
        if status.as_u16() >= 500 {
            ErrType::Server
        } else {
            ErrType::Sender
        }
    }

    /// The word as it appears on the wire.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrType::Sender => "Sender",
            ErrType::Receiver => "Receiver",
            ErrType::Server => "Server",
            ErrType::Client => "Client",
            ErrType::User => "User",
        }
    }

    /// Reads a wire word, ignoring ASCII case; `None` for a word no service uses.
    #[must_use]
    pub fn from_word(word: &str) -> Option<Self> {
        [
            ErrType::Sender,
            ErrType::Receiver,
            ErrType::Server,
            ErrType::Client,
            ErrType::User,
        ]
        .into_iter()
        .find(|t| t.as_str().eq_ignore_ascii_case(word))
    }

    /// Whether the service, not the request, is at fault (`Receiver` or `Server`).
    #[must_use]
    pub const fn is_server_side(self) -> bool {
        matches!(self, ErrType::Receiver | ErrType::Server)
    }
}

impl fmt::Display for ErrType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}
