//! Files under `files/` that would run script on the site's own origin: an `.html`, `.htm`,
//! `.svg` or `.xml` file with a `<script>` element, an `on…=` event handler or a
//! `javascript:` address is copied as is, so each is a warning at the first such place.

use std::path::Path;
use std::sync::OnceLock;

use regex::bytes::Regex;

use crate::diag::{Diagnostic, Pos};

/// Extensions of files a browser may run script in when they are opened from the site.
const ACTIVE: [&str; 5] = ["html", "htm", "svg", "xml", "xhtml"];

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r#"(?i)<script\b|<[a-z][^<>]*?[\s"'/]on[a-z]+\s*=|javascript\s*:"#)
            .expect("the pattern is valid")
    })
}

/// A warning when the file at `path` is of a kind a browser runs and has script in it.
pub(super) fn check(path: &Path) -> Option<Diagnostic> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    if !ACTIVE.contains(&ext.as_str()) {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    let m = pattern().find(&bytes)?;
    let before = &bytes[..m.start()];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    let found = String::from_utf8_lossy(m.as_bytes()).to_string();
    let what = if found.to_ascii_lowercase().starts_with("<script") {
        "a `<script>` element".to_string()
    } else if found.to_ascii_lowercase().starts_with("javascript") {
        "a `javascript:` address".to_string()
    } else {
        "an event handler attribute (`on…=`)".to_string()
    };
    Some(
        Diagnostic::warning(
            path,
            Pos::new(line, col),
            format!("this .{ext} file has {what}: published as is, it would run on the site's own address"),
        )
        .with_help("remove the script, or publish the file as a PDF or an image without script")
        .with_help("to show a document from another site, link to it with `https://…` instead"),
    )
}
