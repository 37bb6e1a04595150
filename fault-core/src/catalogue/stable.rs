//! Keeping a published API stable: the catalogue compared with a committed snapshot, failing
//! on a changed title, status or API-WG code (clients match on them; the API-WG errors
//! guideline says a published code must not change) and on a removed fault, while new faults
//! pass. Snapshots are written as insta writes its own: when missing (but not on CI), or when
//! `FAULT_CATALOGUE_UPDATE=always` says so.

use super::Catalogue;
use crate::ApiFault;
use serde_json::{Value, json};
use std::fmt;
use std::path::{Path, PathBuf};

/// The environment variable that says when [`assert_stable`] writes the snapshot: `auto`
/// (the default: when it is missing, unless the `CI` variable is set), `always` (accept the
/// current catalogue), or `no` (never).
pub const UPDATE_VAR: &str = "FAULT_CATALOGUE_UPDATE";

/// A difference between a snapshot and the current catalogue, for the fault of one variant
/// (`Type::Variant`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Change {
    /// The title changed: clients that match on the name no longer recognise the fault.
    Title {
        /// The variant.
        variant: String,
        /// The published title.
        was: String,
        /// The current title.
        now: String,
    },
    /// The HTTP status changed.
    Status {
        /// The variant.
        variant: String,
        /// The published status.
        was: u16,
        /// The current status.
        now: u16,
    },
    /// The API-WG code changed, appeared or went away.
    Code {
        /// The variant.
        variant: String,
        /// The published code.
        was: Option<String>,
        /// The current code.
        now: Option<String>,
    },
    /// The fault is gone (or its variant was renamed): clients may still expect it.
    Removed {
        /// The variant.
        variant: String,
    },
    /// A new fault: not a break.
    Added {
        /// The variant.
        variant: String,
    },
}

impl Change {
    /// Whether the change breaks clients of the published API: anything but an addition.
    #[must_use]
    pub fn is_breaking(&self) -> bool {
        !matches!(self, Change::Added { .. })
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = |c: &Option<String>| c.clone().unwrap_or_else(|| "no code".to_owned());
        match self {
            Change::Title { variant, was, now } => {
                write!(f, "{variant}: title changed from `{was}` to `{now}`")
            }
            Change::Status { variant, was, now } => {
                write!(f, "{variant}: status changed from {was} to {now}")
            }
            Change::Code { variant, was, now } => write!(
                f,
                "{variant}: API-WG code changed from `{}` to `{}`",
                code(was),
                code(now)
            ),
            Change::Removed { variant } => write!(f, "{variant}: removed"),
            Change::Added { variant } => write!(f, "{variant}: added"),
        }
    }
}

impl Catalogue {
    /// The snapshot of the catalogue: for each fault, its variant, title, status and API-WG
    /// code, the facts clients rely on.
    #[must_use]
    pub fn snapshot(&self) -> Value {
        let faults: Vec<Value> = self
            .iter()
            .map(|f| {
                json!({
                    "variant": f.entry().path(),
                    "title": f.title(),
                    "status": f.status().as_u16(),
                    "code": f.error_code(),
                })
            })
            .collect();
        json!({ "faults": faults })
    }

    /// The changes from `published` (a [`snapshot`](Catalogue::snapshot)) to this catalogue:
    /// the published faults' changes in their order, then the additions. Faults are matched
    /// by variant (`Type::Variant`; two wrapped types of one name, in order of appearance).
    ///
    /// # Errors
    ///
    /// When `published` is not a snapshot, saying what is wrong.
    pub fn compare(&self, published: &Value) -> Result<Vec<Change>, String> {
        let current: Vec<Value> = match self.snapshot()["faults"].take() {
            Value::Array(faults) => faults,
            _ => Vec::new(),
        };
        let Some(old) = published["faults"].as_array() else {
            return Err("expected an object with a `faults` array".to_owned());
        };
        let variant_of = |fault: &Value| -> Result<String, String> {
            fault["variant"]
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| format!("a fault without a `variant`: {fault}"))
        };
        let mut changes = Vec::new();
        let mut matched = vec![false; current.len()];
        for was in old {
            let variant = variant_of(was)?;
            let found = current
                .iter()
                .zip(&mut matched)
                .find(|(f, matched)| !**matched && f["variant"] == variant.as_str());
            let Some((now, matched)) = found else {
                changes.push(Change::Removed { variant });
                continue;
            };
            *matched = true;
            if was["title"] != now["title"] {
                changes.push(Change::Title {
                    variant: variant.clone(),
                    was: text(&was["title"]),
                    now: text(&now["title"]),
                });
            }
            if was["status"] != now["status"] {
                let status = |v: &Value| v.as_u64().and_then(|s| u16::try_from(s).ok());
                changes.push(Change::Status {
                    variant: variant.clone(),
                    was: status(&was["status"]).unwrap_or(0),
                    now: status(&now["status"]).unwrap_or(0),
                });
            }
            if was["code"] != now["code"] {
                let code = |v: &Value| v.as_str().map(str::to_owned);
                changes.push(Change::Code {
                    variant: variant.clone(),
                    was: code(&was["code"]),
                    now: code(&now["code"]),
                });
            }
        }
        for (now, matched) in current.iter().zip(matched) {
            if !matched {
                changes.push(Change::Added {
                    variant: variant_of(now)?,
                });
            }
        }
        Ok(changes)
    }
}

fn text(value: &Value) -> String {
    value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_owned)
}

/// When [`check_stable`] writes the snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Update {
    /// When it is missing, unless on CI (the `CI` variable is set), where a missing snapshot
    /// fails: it should have been committed.
    Auto,
    /// Always: the current catalogue becomes the published one.
    Always,
    /// Never: a missing snapshot fails.
    Never,
}

impl Update {
    /// The mode [`UPDATE_VAR`] asks for: `always` (or `1`), `no` (or `0`), else `auto`.
    #[must_use]
    pub fn from_env() -> Self {
        match std::env::var(UPDATE_VAR).as_deref() {
            Ok("always" | "1") => Update::Always,
            Ok("no" | "0") => Update::Never,
            _ => Update::Auto,
        }
    }
}

/// What [`check_stable`] found: the changes (additions only, unless the snapshot was
/// rewritten) and whether it wrote the snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// The changes from the snapshot to the catalogue.
    pub changes: Vec<Change>,
    /// Whether the snapshot was written.
    pub written: bool,
}

/// Why a catalogue is not stable, or could not be checked.
#[derive(Debug)]
#[non_exhaustive]
pub enum StabilityError {
    /// Changes that break clients; the snapshot was left as it was.
    Breaking(PathBuf, Vec<Change>),
    /// No snapshot, and the mode does not write one.
    Missing(PathBuf),
    /// The snapshot could not be read or written.
    Io(PathBuf, std::io::Error),
    /// The snapshot is not one.
    Malformed(PathBuf, String),
}

impl fmt::Display for StabilityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StabilityError::Breaking(path, changes) => {
                writeln!(f, "the catalogue no longer matches {}:", path.display())?;
                for change in changes {
                    writeln!(f, "  {change}")?;
                }
                write!(
                    f,
                    "if the change is intended, accept it with {UPDATE_VAR}=always"
                )
            }
            StabilityError::Missing(path) => write!(
                f,
                "no catalogue snapshot at {}: write it with {UPDATE_VAR}=always and commit it",
                path.display()
            ),
            StabilityError::Io(path, error) => write!(f, "{}: {error}", path.display()),
            StabilityError::Malformed(path, why) => {
                write!(f, "{} is not a catalogue snapshot: {why}", path.display())
            }
        }
    }
}

impl std::error::Error for StabilityError {}

/// Compares `catalogue` with the snapshot at `path`, writing it as `update` says.
///
/// # Errors
///
/// On a breaking change (unless `update` is [`Update::Always`]), a snapshot that is missing
/// and may not be written, or one that cannot be read, parsed or written.
pub fn check_stable(
    catalogue: &Catalogue,
    path: &Path,
    update: Update,
) -> Result<Checked, StabilityError> {
    let io = |e| StabilityError::Io(path.to_owned(), e);
    let published = match std::fs::read_to_string(path) {
        Ok(text) => Some(
            serde_json::from_str::<Value>(&text)
                .map_err(|e| StabilityError::Malformed(path.to_owned(), e.to_string()))?,
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(e)),
    };
    let changes = match &published {
        Some(published) => catalogue
            .compare(published)
            .map_err(|why| StabilityError::Malformed(path.to_owned(), why))?,
        None => Vec::new(),
    };
    let on_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false");
    let write = match (update, &published) {
        (Update::Always, _) => true,
        (Update::Auto, None) if !on_ci => true,
        (_, None) => return Err(StabilityError::Missing(path.to_owned())),
        _ => false,
    };
    if !write && changes.iter().any(Change::is_breaking) {
        let breaking = changes.into_iter().filter(Change::is_breaking).collect();
        return Err(StabilityError::Breaking(path.to_owned(), breaking));
    }
    if write {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        let mut text = serde_json::to_string_pretty(&catalogue.snapshot()).unwrap_or_default();
        text.push('\n');
        std::fs::write(path, text).map_err(io)?;
    }
    Ok(Checked {
        changes,
        written: write,
    })
}

/// Fails (panics, for a test) when `T`'s catalogue breaks the snapshot at `path`: a changed
/// title, status or API-WG code, or a removed fault. New faults pass, with a note. The
/// snapshot is written when missing (not on CI) or when `FAULT_CATALOGUE_UPDATE=always`.
///
/// ```
/// use fault_core::catalogue::{Update, assert_stable, check_stable};
/// use fault_core::{ApiFault, Catalogue};
///
/// #[derive(Debug, ApiFault)]
/// #[fault(format = "placement")]
/// enum PlacementError {
///     #[fault(code = 409, title = "Conflict", error_code = "placement.concurrent_update")]
///     ConcurrentUpdate,
/// }
///
/// // In a test: assert_stable::<PlacementError>("tests/data/placement-errors.json"), with
/// // the snapshot it wrote on the first run committed. Here, in a scratch file:
/// let path = std::env::temp_dir().join(format!("placement-{}.json", std::process::id()));
/// check_stable(&Catalogue::of::<PlacementError>(), &path, Update::Always).unwrap();
/// assert_stable::<PlacementError>(&path);
/// # std::fs::remove_file(&path).unwrap();
/// ```
///
/// # Panics
///
/// On a breaking change, a missing snapshot on CI, or a snapshot that cannot be read.
#[track_caller]
pub fn assert_stable<T: ApiFault>(path: impl AsRef<Path>) {
    let catalogue = Catalogue::of::<T>();
    match check_stable(&catalogue, path.as_ref(), Update::from_env()) {
        Ok(checked) => {
            let added: Vec<String> = checked.changes.iter().map(ToString::to_string).collect();
            if !checked.written && !added.is_empty() {
                eprintln!(
                    "note: faults not in {} yet (record them with {UPDATE_VAR}=always): {}",
                    path.as_ref().display(),
                    added.join(", ")
                );
            }
        }
        Err(error) => panic!("{error}"),
    }
}
