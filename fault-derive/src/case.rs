//! `rename_all` and `rename_all_fields`: serde's case conversions, applied to variant names
//! to make default titles and to field names to make default member names.

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

/// Applies the rule named `rule` (one of [`RULES`]) to a snake_case field name, as serde
/// renames fields.
pub fn rename_field(rule: &str, name: &str) -> String {
    match rule {
        "UPPERCASE" | "SCREAMING_SNAKE_CASE" => name.to_ascii_uppercase(),
        "PascalCase" | "camelCase" => {
            let mut out = String::with_capacity(name.len());
            let mut capitalize = rule == "PascalCase";
            for c in name.chars() {
                if c == '_' {
                    capitalize = true;
                } else if capitalize {
                    out.push(c.to_ascii_uppercase());
                    capitalize = false;
                } else {
                    out.push(c);
                }
            }
            out
        }
        "kebab-case" => name.replace('_', "-"),
        "SCREAMING-KEBAB-CASE" => name.replace('_', "-").to_ascii_uppercase(),
        _ => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::rename_field;

    /// serde's own cases (serde_derive's `internals/case.rs`).
    #[test]
    fn fields_are_renamed_as_serde_renames_them() {
        for (original, pascal, camel, screaming, kebab) in [
            ("outcome", "Outcome", "outcome", "OUTCOME", "outcome"),
            (
                "very_tasty",
                "VeryTasty",
                "veryTasty",
                "VERY_TASTY",
                "very-tasty",
            ),
            ("a", "A", "a", "A", "a"),
            ("z42", "Z42", "z42", "Z42", "z42"),
        ] {
            assert_eq!(rename_field("PascalCase", original), pascal);
            assert_eq!(rename_field("camelCase", original), camel);
            assert_eq!(rename_field("SCREAMING_SNAKE_CASE", original), screaming);
            assert_eq!(rename_field("kebab-case", original), kebab);
            assert_eq!(rename_field("snake_case", original), original);
        }
    }
}
