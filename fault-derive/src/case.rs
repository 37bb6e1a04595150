//! `rename_all`: serde's case conversions, applied to variant names to make default titles.

/// The rules serde accepts for `rename_all`, by name.
pub const RULES: &[&str] = &[
    "lowercase",
    "UPPERCASE",
    "PascalCase",
    "camelCase",
    "snake_case",
    "SCREAMING_SNAKE_CASE",
    "kebab-case",
    "SCREAMING-KEBAB-CASE",
];

/// Applies the rule named `rule` (one of [`RULES`]) to a PascalCase Rust name.
pub fn rename(rule: &str, name: &str) -> String {
    match rule {
        "lowercase" => name.to_ascii_lowercase(),
        "UPPERCASE" => name.to_ascii_uppercase(),
        "camelCase" => {
            let mut chars = name.chars();
            match chars.next() {
                Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        }
        "snake_case" => words(name, '_'),
        "SCREAMING_SNAKE_CASE" => words(name, '_').to_ascii_uppercase(),
        "kebab-case" => words(name, '-'),
        "SCREAMING-KEBAB-CASE" => words(name, '-').to_ascii_uppercase(),
        _ => name.to_owned(),
    }
}

/// Lowercases `name`, putting `separator` before each uppercase letter but the first.
fn words(name: &str, separator: char) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.char_indices() {
        if c.is_uppercase() && i > 0 {
            out.push(separator);
        }
        out.extend(c.to_lowercase());
    }
    out
}
