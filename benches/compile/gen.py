"""Writes the compile-time benchmark's throwaway crates (see compile_bench.py).

One N-variant error enum, written three ways:

- `thiserror_only`: `#[derive(thiserror::Error)]`, what a crate has before it sends faults;
- `handwritten`: the same, plus the `match`es a user writes to send them: status, title,
  err_type, the safe message of a 5xx, and an AWS-query body with hand-escaped XML;
- `apifault`: `#[derive(fault_core::ApiFault)]`, which gives all of the above.

Variants cycle through a unit variant with a fixed message, a tuple variant and a struct
variant with interpolated messages, over six statuses (two of them 5xx).
"""

from pathlib import Path

STATUSES = [
    (400, "BAD_REQUEST"),
    (403, "FORBIDDEN"),
    (404, "NOT_FOUND"),
    (409, "CONFLICT"),
    (500, "INTERNAL_SERVER_ERROR"),
    (503, "SERVICE_UNAVAILABLE"),
]


def variants(n):
    """(name, shape, status, const, message) for each variant; shape is unit, tuple or struct."""
    out = []
    for i in range(n):
        status, const = STATUSES[i % len(STATUSES)]
        shape = ("unit", "tuple", "struct")[i % 3]
        name = f"Fault{i}Happened"
        message = {
            "unit": f"Fault number {i} happened",
            "tuple": f"Fault number {i} happened to {{0}}",
            "struct": f"Fault number {i}: {{name}} has {{count}} items",
        }[shape]
        out.append((name, shape, status, const, message))
    return out


def fields(shape):
    return {"unit": "", "tuple": "(String)", "struct": " { name: String, count: u32 }"}[shape]


def pattern(name, shape):
    return {"unit": f"Self::{name}", "tuple": f"Self::{name}(..)", "struct": f"Self::{name} {{ .. }}"}[shape]


def thiserror_enum(n):
    lines = ["#[derive(Debug, thiserror::Error)]", "pub enum BenchError {"]
    for name, shape, _, _, message in variants(n):
        lines.append(f'    #[error("{message}")]')
        lines.append(f"    {name}{fields(shape)},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def apifault_enum(n):
    lines = [
        "#[derive(Debug, fault_core::ApiFault)]",
        '#[fault(format = "aws_query")]',
        "pub enum BenchError {",
    ]
    for name, shape, status, _, message in variants(n):
        lines.append(f'    #[fault(code = {status}, message = "{message}")]')
        lines.append(f"    {name}{fields(shape)},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def apifault_members_enum(n):
    """The ApiFault enum with a member on every struct variant (`count`) and a typed list on
    every tuple variant: what members add to a build."""
    lines = [
        "#[derive(Debug, fault_core::ApiFault)]",
        '#[fault(format = "aws_query", rename_all_fields = "PascalCase")]',
        "pub enum BenchError {",
    ]
    for name, shape, status, _, message in variants(n):
        lines.append(f'    #[fault(code = {status}, message = "{message}")]')
        if shape == "struct":
            lines.append(f"    {name} {{ name: String, #[fault(member)] count: u32 }},")
        elif shape == "tuple":
            lines.append(f'    {name}(String, #[fault(member, rename = "Items")] Vec<String>),')
        else:
            lines.append(f"    {name},")
    lines.append("}")
    return "\n".join(lines) + "\n"


HANDWRITTEN_SHARED = r'''
/// Hand-escaped XML text, as a user writes it for an AWS-query body.
fn escape_xml(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
}

impl BenchError {
    /// The AWS-query body, as a user writes it with `write!` and manual escaping.
    pub fn body(&self, request_id: &str) -> Vec<u8> {
        use std::fmt::Write as _;
        let mut out = String::with_capacity(256);
        out.push_str("<ErrorResponse><Error><Type>");
        out.push_str(self.err_type());
        out.push_str("</Type><Code>");
        out.push_str(self.title());
        out.push_str("</Code><Message>");
        escape_xml(&self.message(), &mut out);
        let _ = write!(out, "</Message></Error><RequestId>{request_id}</RequestId></ErrorResponse>");
        out.into_bytes()
    }

    /// The response a handler returns.
    pub fn to_response(&self, request_id: &str) -> http::Response<Vec<u8>> {
        let mut response = http::Response::new(self.body(request_id));
        *response.status_mut() = self.status();
        response.headers_mut().insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static("text/xml"),
        );
        response
    }
}
'''


def handwritten(n):
    vs = variants(n)
    status = [f"            {pattern(nm, sh)} => http::StatusCode::{const}," for nm, sh, _, const, _ in vs]
    title = [f'            {pattern(nm, sh)} => "{nm}",' for nm, sh, _, _, _ in vs]
    err_type = [
        f'            {pattern(nm, sh)} => "{"Server" if st >= 500 else "Sender"}",'
        for nm, sh, st, _, _ in vs
    ]
    message = [
        f'            {pattern(nm, sh)} => std::borrow::Cow::Borrowed("{ "Internal Server Error" if st == 500 else "Service Unavailable"}"),'
        for nm, sh, st, _, _ in vs
        if st >= 500
    ]
    return (
        thiserror_enum(n)
        + "\nimpl BenchError {\n"
        + "    /// The HTTP status.\n    pub fn status(&self) -> http::StatusCode {\n        match self {\n"
        + "\n".join(status)
        + "\n        }\n    }\n\n"
        + "    /// The wire name.\n    pub fn title(&self) -> &'static str {\n        match self {\n"
        + "\n".join(title)
        + "\n        }\n    }\n\n"
        + "    /// Which side is at fault.\n    pub fn err_type(&self) -> &'static str {\n        match self {\n"
        + "\n".join(err_type)
        + "\n        }\n    }\n\n"
        + "    /// The message safe to send: a 5xx sends its fixed text.\n"
        + "    pub fn message(&self) -> std::borrow::Cow<'_, str> {\n        match self {\n"
        + "\n".join(message)
        + "\n            _ => std::borrow::Cow::Owned(self.to_string()),\n        }\n    }\n}\n"
        + HANDWRITTEN_SHARED
    )


KINDS = {
    "thiserror_only": (thiserror_enum, ['thiserror = "2"']),
    "handwritten": (handwritten, ['thiserror = "2"', 'http = "1"']),
    "apifault": (apifault_enum, ['fault-core = { path = "{core}" }']),
    "apifault_members": (apifault_members_enum, ['fault-core = { path = "{core}" }']),
}

# The clean-build comparison: a crate depending on each set, nothing else.
CLEAN = {
    "deps_baseline": ['thiserror = "2"', 'serde_json = "1"', 'http = "1"'],
    "deps_fault_core": ['fault-core = { path = "{core}" }'],
    "deps_fault_core_lean": ['fault-core = { path = "{core}", default-features = false }'],
}


def manifest(name, deps, core):
    deps = "\n".join(d.replace("{core}", str(core)) for d in deps)
    return f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n[lib]\npath = "lib.rs"\n\n[dependencies]\n{deps}\n'


def write_workspace(root: Path, core: Path, n: int):
    """Writes (or rewrites) the workspace at `root` with N-variant enums."""
    root.mkdir(parents=True, exist_ok=True)
    members = list(KINDS) + list(CLEAN)
    (root / "Cargo.toml").write_text(
        '[workspace]\nresolver = "3"\nmembers = [' + ", ".join(f'"{m}"' for m in members) + "]\n"
    )
    for kind, (gen, deps) in KINDS.items():
        crate = root / kind
        crate.mkdir(exist_ok=True)
        (crate / "Cargo.toml").write_text(manifest(kind, deps, core))
        source = "//! Generated by benches/compile/gen.py.\n#![allow(missing_docs)]\n\n" + gen(n)
        path = crate / "lib.rs"
        if not path.exists() or path.read_text() != source:
            path.write_text(source)
    for name, deps in CLEAN.items():
        crate = root / name
        crate.mkdir(exist_ok=True)
        (crate / "Cargo.toml").write_text(manifest(name, deps, core))
        (crate / "lib.rs").write_text("//! Generated by benches/compile/gen.py: dependencies only.\n")
