//! The one slug function: the ASCII name that ids, tag pages, responsible bodies' pages and
//! heading anchors are made of.

/// The ASCII slug of a name: lowercased, accents dropped (`Öster` → `oster`), runs of other
/// characters turned into one `-`, `-` trimmed at both ends. None when the name has no letter
/// or digit to make one of (`!!!`, `—`).
pub fn slug(name: &str) -> Option<String> {
    let ascii = deunicode::deunicode(name).to_lowercase();
    let mut out = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let slug = out.trim_end_matches('-');
    (!slug.is_empty()).then(|| slug.to_string())
}

/// The slug of a name, `x` when it has none (a file name or anchor must have one).
pub fn slug_or_x(name: &str) -> String {
    slug(name).unwrap_or_else(|| "x".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug_or_x("Öster"), "oster");
        assert_eq!(slug_or_x("my action"), "my-action");
        assert_eq!(slug_or_x("Ny lekplats (2025)!"), "ny-lekplats-2025");
        assert_eq!(
            slug("  -Trygghet & miljö-  ").as_deref(),
            Some("trygghet-miljo")
        );
        assert_eq!(slug("!!!"), None);
        assert_eq!(slug("—"), None);
        assert_eq!(slug_or_x("—"), "x");
    }
}
