//! Diagnostics: the one error and warning type used by every stage of ambit.
//!
//! A [`Diagnostic`] names a file, a 1-based line and column, a message and
//! `help:` lines. The loader, parser, validator, renderer and writer all report
//! problems with it, so that a run can collect every problem and print them
//! together: as `path:line:col: error: message` lines (the contract of the
//! content format), with source snippets in a terminal, as GitHub Actions
//! annotations, or as JSON.

use serde::Serialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// What went wrong at the level of the process: decides the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The content has a mistake (exit code 1).
    Content,
    /// Reading or writing files failed, or the command was misused (exit code 2).
    Io,
}

/// One problem found in a run.
#[derive(Debug, Clone, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub kind: Kind,
    /// The file as the user would type it (content dir joined with the relative path).
    pub path: Option<PathBuf>,
    /// 1-based line; 0 when unknown.
    pub line: usize,
    /// 1-based column; 0 when unknown.
    pub col: usize,
    pub message: String,
    pub help: Vec<String>,
}

/// A 1-based position in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

impl Pos {
    pub fn new(line: usize, col: usize) -> Pos {
        Pos { line, col }
    }
}

impl Diagnostic {
    /// A content error in `path` at `pos`.
    pub fn error(path: impl Into<PathBuf>, pos: Pos, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            kind: Kind::Content,
            path: Some(path.into()),
            line: pos.line,
            col: pos.col,
            message: message.into(),
            help: Vec::new(),
        }
    }

    /// A warning: legal but suspicious content.
    pub fn warning(path: impl Into<PathBuf>, pos: Pos, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, pos, message)
        }
    }

    /// An I/O or usage error, optionally about a path.
    pub fn io(path: Option<&Path>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            kind: Kind::Io,
            path: path.map(Path::to_path_buf),
            line: 0,
            col: 0,
            message: message.into(),
            help: Vec::new(),
        }
    }

    /// Adds a `help:` line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help.push(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The path with forward slashes, as printed.
    pub fn path_display(&self) -> Option<String> {
        self.path
            .as_ref()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
    }

    /// The contract line: `path:line:col: error: message` and indented `help:` lines. Control
    /// characters from content are escaped (see [`escape_controls`]), so that a message can
    /// neither drive the terminal nor fake a line of its own.
    pub fn plain(&self) -> String {
        let mut out = String::new();
        if let Some(path) = self.path_display() {
            out.push_str(&escape_controls(&path));
            if self.line > 0 {
                let _ = write!(out, ":{}:{}", self.line, self.col.max(1));
            }
            out.push_str(": ");
        }
        let _ = write!(
            out,
            "{}: {}",
            self.severity_word(),
            escape_controls(&self.message)
        );
        for help in &self.help {
            let _ = write!(out, "\n  help: {}", escape_controls(help));
        }
        out
    }

    /// A GitHub Actions workflow command.
    pub fn github(&self) -> String {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut props = Vec::new();
        if let Some(path) = self.path_display() {
            props.push(format!("file={}", gh_escape_prop(&escape_controls(&path))));
            if self.line > 0 {
                props.push(format!("line={}", self.line));
                props.push(format!("col={}", self.col.max(1)));
            }
        }
        let mut msg = escape_controls(&self.message).into_owned();
        for help in &self.help {
            msg.push_str("\nhelp: ");
            msg.push_str(&escape_controls(help));
        }
        let props = if props.is_empty() {
            String::new()
        } else {
            format!(" {}", props.join(","))
        };
        format!("::{level}{props}::{}", gh_escape_data(&msg))
    }

    fn severity_word(&self) -> &'static str {
        match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    /// Sort key: by file, then position, errors before warnings on the same spot.
    pub fn sort_key(&self) -> (String, usize, usize, Severity) {
        (
            self.path_display().unwrap_or_default(),
            self.line,
            self.col,
            self.severity,
        )
    }
}

/// True for characters that must not reach a terminal raw: C0 controls but tab, DEL, C1
/// controls, and the bidirectional overrides and isolates that reorder what a line shows.
pub fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\t') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every [unsafe character](is_unsafe_char) written as a Rust escape (`\u{1b}`),
/// for messages that quote content.
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe_char(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

fn gh_escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn gh_escape_prop(s: &str) -> String {
    gh_escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Sorts diagnostics by file and position and removes exact repeats.
pub fn sort(diags: &mut Vec<Diagnostic>) {
    diags.sort_by_key(|d| d.sort_key());
    diags.dedup_by(|a, b| a.plain() == b.plain());
}

/// True if any diagnostic is an error.
pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(Diagnostic::is_error)
}

/// The process exit code for a set of diagnostics: 0, 1 (content) or 2 (I/O).
pub fn exit_code(diags: &[Diagnostic]) -> i32 {
    if diags.iter().any(|d| d.is_error() && d.kind == Kind::Io) {
        2
    } else if has_errors(diags) {
        1
    } else {
        0
    }
}

/// Suggests the closest candidate to `word`, if one is close enough.
pub fn did_you_mean<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    closest(word, candidates, 1).into_iter().next()
}

/// Up to `n` candidates close to `word`, best first.
pub fn closest<'a, I>(word: &str, candidates: I, n: usize) -> Vec<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let word_l = word.to_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&word_l, &c.to_lowercase()), c))
        .filter(|(s, c)| *s >= 0.75 || c.contains(word_l.as_str()) || word_l.contains(*c))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(n).map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_line_has_contract_shape() {
        let d = Diagnostic::error(
            "content/a/actions/x.md",
            Pos::new(4, 9),
            "unknown key `statu`",
        )
        .with_help("did you mean `status`?");
        assert_eq!(
            d.plain(),
            "content/a/actions/x.md:4:9: error: unknown key `statu`\n  help: did you mean `status`?"
        );
    }

    #[test]
    fn control_characters_are_escaped() {
        let d = Diagnostic::error("c/x\u{7}.md", Pos::new(2, 1), "bad `\u{1b}[31mred\r\n`")
            .with_help("a\u{0}b\tc\u{202e}");
        assert_eq!(
            d.plain(),
            "c/x\\u{7}.md:2:1: error: bad `\\u{1b}[31mred\\u{d}\\u{a}`\n  help: a\\u{0}b\tc\\u{202e}"
        );
        assert!(!d.github().contains('\u{1b}'));
    }

    #[test]
    fn github_annotation_escapes() {
        let d = Diagnostic::error("c/x.md", Pos::new(2, 1), "bad: 50%").with_help("fix it");
        assert_eq!(
            d.github(),
            "::error file=c/x.md,line=2,col=1::bad: 50%25%0Ahelp: fix it"
        );
    }

    #[test]
    fn suggestions_are_close_words_only() {
        let keys = ["status", "strategy", "summary", "title"];
        assert_eq!(did_you_mean("statu", keys), Some("status"));
        assert_eq!(did_you_mean("zzzz", keys), None);
    }

    #[test]
    fn exit_codes_follow_the_spec() {
        let content = Diagnostic::error("x", Pos::new(1, 1), "m");
        let io = Diagnostic::io(None, "disk full");
        let warn = Diagnostic::warning("x", Pos::new(1, 1), "m");
        assert_eq!(exit_code(std::slice::from_ref(&warn)), 0);
        assert_eq!(exit_code(&[warn, content.clone()]), 1);
        assert_eq!(exit_code(&[content, io]), 2);
    }
}
