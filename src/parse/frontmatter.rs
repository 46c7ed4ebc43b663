//! Splits a content file into its YAML front matter and Markdown body.

use crate::diag::{Diagnostic, Pos};
use std::path::Path;

/// The two parts of a content file.
#[derive(Debug)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// File line of the first YAML line.
    pub yaml_first_line: usize,
    pub body: &'a str,
}

/// Splits `text` at its `---` fences.
pub fn split<'a>(text: &'a str, path: &Path) -> Result<Split<'a>, Diagnostic> {
    let mut offset = 0;
    let mut fence_open = None;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let t = line.trim_end();
        if fence_open.is_none() {
            if t == "---" {
                fence_open = Some(offset + line.len());
            } else if !t.is_empty() || i > 0 {
                return Err(missing(path));
            }
        } else if t == "---" || t == "..." {
            let start = fence_open.unwrap_or(0);
            return Ok(Split {
                yaml: &text[start..offset],
                yaml_first_line: first_yaml_line(text),
                body: &text[offset + line.len()..],
            });
        }
        offset += line.len();
    }
    match fence_open {
        None => Err(missing(path)),
        Some(_) => Err(Diagnostic::error(
            path,
            Pos::new(first_yaml_line(text) - 1, 1),
            "front matter is not closed",
        )
        .with_help(
            "end the front matter with a line of three dashes `---`, followed by the Markdown body",
        )),
    }
}

fn first_yaml_line(text: &str) -> usize {
    // The opening fence is the first line, or the second after one blank line.
    if text.starts_with("---") {
        2
    } else {
        3
    }
}

fn missing(path: &Path) -> Diagnostic {
    Diagnostic::error(path, Pos::new(1, 1), "missing front matter")
        .with_help("start the file with a line `---`, then the keys (such as `title: …`), then another `---` line")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_reports_lines() {
        let s = split("---\ntitle: A\n---\nBody\n", Path::new("x.md")).unwrap();
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.yaml_first_line, 2);
        assert_eq!(s.body, "Body\n");
        let crlf = split("---\r\ntitle: A\r\n---\r\nBody", Path::new("x.md")).unwrap();
        assert_eq!(crlf.yaml, "title: A\r\n");
    }

    #[test]
    fn missing_and_unclosed() {
        assert!(split("title: A\n", Path::new("x.md"))
            .unwrap_err()
            .message
            .contains("missing"));
        assert!(split("---\ntitle: A\n", Path::new("x.md"))
            .unwrap_err()
            .message
            .contains("not closed"));
        assert!(split("", Path::new("x.md")).is_err());
    }
}
