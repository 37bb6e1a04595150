//! The catalogue as docs: the fault table of the OpenStack API references (fault type,
//! associated error code, description) and Placement's list of API-WG error codes, in
//! Markdown and in reStructuredText.

use super::Catalogue;
use std::borrow::Cow;
use std::fmt::Write as _;

/// What an API-WG code without a variant of its own means: the type's default code, as the
/// errors guideline and Placement word it.
pub const DEFAULT_CODE_MEANING: &str =
    "The default code used when a specific code has not been defined or is not required.";

const FAULT_HEADER: [&str; 3] = ["Fault type", "Associated error code", "Description"];
const CODE_HEADER: [&str; 2] = ["Code", "Meaning"];

impl Catalogue {
    /// The fault table in Markdown: one row per fault, its title, its status and its
    /// [`description`](crate::CatalogueFault::description).
    ///
    /// ```
    /// use fault_core::{ApiFault, Catalogue};
    ///
    /// #[derive(Debug, ApiFault)]
    /// #[fault(format = "openstack", rename_all = "camelCase")]
    /// enum VolumeFault {
    ///     /// The user request contains one or more errors.
    ///     #[fault(code = 400, message = "{0}")]
    ///     BadRequest(String),
    ///     /// Block Storage is not available.
    ///     #[fault(code = 503)]
    ///     ServiceUnavailable,
    /// }
    ///
    /// assert_eq!(
    ///     Catalogue::of::<VolumeFault>().markdown_table(),
    ///     "| Fault type | Associated error code | Description |\n\
    ///      | --- | --- | --- |\n\
    ///      | `badRequest` | 400 | The user request contains one or more errors. |\n\
    ///      | `serviceUnavailable` | 503 | Block Storage is not available. |\n"
    /// );
    /// ```
    #[must_use]
    pub fn markdown_table(&self) -> String {
        let rows = self.iter().map(|fault| {
            [
                md_code(fault.title()),
                Cow::Owned(fault.status().as_u16().to_string()),
                md_text(&fault.description()),
            ]
        });
        markdown(FAULT_HEADER, rows)
    }

    /// The fault table as a reStructuredText `list-table`, as the OpenStack API references
    /// write theirs; the doc comments' `` `code` `` becomes ``` ``code`` ```.
    #[must_use]
    pub fn rst_table(&self) -> String {
        let rows = self.iter().map(|fault| {
            [
                rst_code(fault.title()),
                fault.status().as_u16().to_string(),
                rst_text(&fault.description()),
            ]
        });
        rst(FAULT_HEADER, rows)
    }

    /// The API-WG error codes the type sends, each once, with what it means: first the
    /// type's default code (a variant without a code of its own sends it) with
    /// [`DEFAULT_CODE_MEANING`], then each variant's own code, in declaration order, with the
    /// first such variant's description. Placement's "Error Codes" list.
    #[must_use]
    pub fn error_codes(&self) -> Vec<(&'static str, Cow<'static, str>)> {
        let mut codes: Vec<(&'static str, Cow<'static, str>)> = Vec::new();
        let defaults = self
            .iter()
            .filter(|f| !f.entry().error_code_is_own())
            .filter_map(|f| Some((f.error_code()?, Cow::Borrowed(DEFAULT_CODE_MEANING))));
        let own = self
            .iter()
            .filter(|f| f.entry().error_code_is_own())
            .filter_map(|f| Some((f.error_code()?, f.description())));
        for (code, meaning) in defaults.chain(own) {
            if !codes.iter().any(|(seen, _)| *seen == code) {
                codes.push((code, meaning));
            }
        }
        codes
    }

    /// [`error_codes`](Catalogue::error_codes) as Placement's reStructuredText `list-table`
    /// (Code, Meaning).
    ///
    /// ```
    /// use fault_core::{ApiFault, Catalogue};
    ///
    /// #[derive(Debug, ApiFault)]
    /// #[fault(format = "placement", error_code = "placement.undefined_code")]
    /// enum PlacementError {
    ///     /// Another operation has concurrently made a request that involves one or more of
    ///     /// the same resources referenced in this request, changing state.
    ///     #[fault(code = 409, title = "Conflict", error_code = "placement.concurrent_update")]
    ///     ConcurrentUpdate,
    ///     /// A conflict with no specific code.
    ///     #[fault(code = 409, title = "Conflict")]
    ///     Conflict,
    /// }
    ///
    /// let list = Catalogue::of::<PlacementError>().error_codes_rst();
    /// assert_eq!(list, "\
    /// .. list-table::
    ///    :header-rows: 1
    ///
    ///    * - Code
    ///      - Meaning
    ///    * - ``placement.undefined_code``
    ///      - The default code used when a specific code has not been defined or is not required.
    ///    * - ``placement.concurrent_update``
    ///      - Another operation has concurrently made a request that involves one or more of the same resources referenced in this request, changing state.
    /// ");
    /// ```
    #[must_use]
    pub fn error_codes_rst(&self) -> String {
        let rows = self
            .error_codes()
            .into_iter()
            .map(|(code, meaning)| [rst_code(code), rst_text(&meaning)]);
        rst(CODE_HEADER, rows)
    }

    /// [`error_codes`](Catalogue::error_codes) as a Markdown table (Code, Meaning).
    #[must_use]
    pub fn error_codes_markdown(&self) -> String {
        let rows = self
            .error_codes()
            .into_iter()
            .map(|(code, meaning)| [md_code(code), md_text(&meaning)]);
        markdown(CODE_HEADER, rows)
    }
}

fn markdown<const N: usize, C: AsRef<str>>(
    header: [&str; N],
    rows: impl Iterator<Item = [C; N]>,
) -> String {
    let mut out = String::new();
    let line = |out: &mut String, cells: &mut dyn Iterator<Item = &str>| {
        out.push('|');
        for cell in cells {
            let _ = write!(out, " {cell} |");
        }
        out.push('\n');
    };
    line(&mut out, &mut header.iter().copied());
    line(&mut out, &mut header.iter().map(|_| "---"));
    for row in rows {
        line(&mut out, &mut row.iter().map(AsRef::as_ref));
    }
    out
}

fn rst<const N: usize, C: AsRef<str>>(
    header: [&str; N],
    rows: impl Iterator<Item = [C; N]>,
) -> String {
    let mut out = String::from(".. list-table::\n   :header-rows: 1\n\n");
    let row = |out: &mut String, cells: &mut dyn Iterator<Item = &str>| {
        for (i, cell) in cells.enumerate() {
            let bullet = if i == 0 { "   * - " } else { "     - " };
            let _ = writeln!(out, "{bullet}{cell}");
        }
    };
    row(&mut out, &mut header.iter().copied());
    for cells in rows {
        row(&mut out, &mut cells.iter().map(AsRef::as_ref));
    }
    out
}

/// Inline code in a Markdown cell: backticks unless the text holds one, `|` escaped.
fn md_code(text: &str) -> Cow<'static, str> {
    if text.contains('`') {
        md_text(text)
    } else {
        Cow::Owned(format!("`{}`", text.replace('|', "\\|")))
    }
}

/// Text in a Markdown cell: one line, `|` escaped.
fn md_text(text: &str) -> Cow<'static, str> {
    Cow::Owned(one_line(text).replace('|', "\\|"))
}

/// Inline literal in reStructuredText.
fn rst_code(text: &str) -> String {
    if text.contains("``") {
        rst_text(text)
    } else {
        format!("``{text}``")
    }
}

/// Doc text (Markdown) as one line of reStructuredText: `` `code` `` becomes ``` ``code`` ```
/// and the characters RST gives a meaning to elsewhere are escaped.
fn rst_text(text: &str) -> String {
    let text = one_line(text);
    let mut out = String::with_capacity(text.len() + 8);
    let mut in_code = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '`' => {
                in_code = !in_code;
                out.push_str("``");
            }
            _ if in_code => out.push(c),
            '\\' | '*' | '|' => {
                out.push('\\');
                out.push(c);
            }
            // `word_` is a hyperlink reference in RST.
            '_' if chars.peek().is_none_or(|next| !next.is_alphanumeric()) => out.push_str("\\_"),
            _ => out.push(c),
        }
    }
    if in_code {
        out.push_str("``");
    }
    out
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
