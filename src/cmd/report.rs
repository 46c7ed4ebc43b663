//! Printing diagnostics: contract lines, source snippets in a terminal
//! (codespan-reporting), GitHub Actions annotations or JSON.

use std::io::{IsTerminal, Write};
use std::path::Path;

use codespan_reporting::diagnostic::{Diagnostic as CsDiag, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{
    self,
    termcolor::{ColorChoice, StandardStream},
};

use crate::cli::Format;
use crate::diag::{escape_controls, is_unsafe_char, Diagnostic, Severity};

/// Where a report goes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// How many warnings `build` and `serve` print in full before summing up the rest.
pub const WARNINGS_SHOWN: usize = 5;

/// Prints a build's diagnostics: in the human format every error but only the first
/// [`WARNINGS_SHOWN`] warnings, then what the others are about and how to see them all
/// (`ambit check`); the GitHub and JSON formats get every diagnostic.
pub fn print_build(diags: &[Diagnostic], format: Format, stream: Stream, content: &Path) {
    let warnings = diags.iter().filter(|d| !d.is_error()).count();
    if format != Format::Human || warnings <= WARNINGS_SHOWN {
        return print(diags, format, stream);
    }
    let mut shown = 0;
    let mut rest: Vec<&Diagnostic> = Vec::new();
    let kept: Vec<Diagnostic> = diags
        .iter()
        .filter(|d| {
            if d.is_error() {
                return true;
            }
            shown += 1;
            if shown > WARNINGS_SHOWN {
                rest.push(d);
            }
            shown <= WARNINGS_SHOWN
        })
        .cloned()
        .collect();
    print_list(&kept, stream);
    let mut out: Box<dyn Write> = match stream {
        Stream::Stdout => Box::new(std::io::stdout().lock()),
        Stream::Stderr => Box::new(std::io::stderr().lock()),
    };
    crate::stdio::ended_on_broken_pipe(writeln!(out, "{}", not_shown(&rest, content)));
    drop(out);
    summary(diags, stream);
}

/// "… and 2995 more warnings (2990 × action is past its due date … ); `ambit check` lists them all".
fn not_shown(rest: &[&Diagnostic], content: &Path) -> String {
    let mut kinds: Vec<(String, usize)> = Vec::new();
    for d in rest {
        let k = message_kind(&escape_controls(&d.message));
        match kinds.iter_mut().find(|(m, _)| *m == k) {
            Some((_, n)) => *n += 1,
            None => kinds.push((k, 1)),
        }
    }
    kinds.sort_by_key(|k| std::cmp::Reverse(k.1));
    let mut about: Vec<String> = kinds
        .iter()
        .take(3)
        .map(|(m, n)| format!("{n} × {m}"))
        .collect();
    if kinds.len() > 3 {
        about.push(format!(
            "{} of other kinds",
            kinds[3..].iter().map(|(_, n)| n).sum::<usize>()
        ));
    }
    let content = content.to_string_lossy().replace('\\', "/");
    let check = if content == "content" {
        "ambit check".to_string()
    } else {
        format!("ambit check --content {content}")
    };
    format!(
        "... and {} more warnings not shown ({}); `{check}` lists every one",
        rest.len(),
        about.join(", ")
    )
}

/// A message with its particulars (quoted names, numbers) left out, to count alike warnings.
fn message_kind(message: &str) -> String {
    let mut out = String::new();
    let mut quoted = false;
    for c in message.chars() {
        if c == '`' {
            quoted = !quoted;
            if quoted {
                out.push('…');
            }
        } else if quoted {
            continue;
        } else if c.is_ascii_digit() {
            if !out.ends_with('…') {
                out.push('…');
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Prints all diagnostics in `format` and a one-line summary.
pub fn print(diags: &[Diagnostic], format: Format, stream: Stream) {
    match format {
        Format::Json => {
            let text = serde_json::to_string_pretty(diags).unwrap_or_else(|_| "[]".into());
            crate::outln!("{}", json_ascii_controls(&text));
        }
        Format::Github => {
            for d in diags {
                crate::outln!("{}", d.github());
            }
            summary(diags, Stream::Stderr);
        }
        Format::Human => {
            print_list(diags, stream);
            summary(diags, stream);
        }
    }
}

/// JSON text with the characters serde_json leaves raw in strings (DEL, C1 controls,
/// bidirectional overrides) written as `\uXXXX` escapes too; outside strings there are none.
fn json_ascii_controls(json: &str) -> std::borrow::Cow<'_, str> {
    if !json.chars().any(|c| c != '\n' && is_unsafe_char(c)) {
        return std::borrow::Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 8);
    for c in json.chars() {
        if c != '\n' && is_unsafe_char(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The diagnostics in the human format, without the summary line.
fn print_list(diags: &[Diagnostic], stream: Stream) {
    let tty = match stream {
        Stream::Stdout => std::io::stdout().is_terminal(),
        Stream::Stderr => std::io::stderr().is_terminal(),
    };
    if tty && std::env::var_os("NO_COLOR").is_none() {
        rich(diags, stream);
    } else {
        let mut out: Box<dyn Write> = match stream {
            Stream::Stdout => Box::new(std::io::stdout().lock()),
            Stream::Stderr => Box::new(std::io::stderr().lock()),
        };
        for d in diags {
            crate::stdio::ended_on_broken_pipe(writeln!(out, "{}", d.plain()));
        }
    }
}

fn summary(diags: &[Diagnostic], stream: Stream) {
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags.len() - errors;
    if diags.is_empty() {
        return;
    }
    let mut files: Vec<_> = diags.iter().filter_map(|d| d.path_display()).collect();
    files.sort();
    files.dedup();
    let plural = |n: usize, w: &str| {
        if n == 1 {
            format!("{n} {w}")
        } else {
            format!("{n} {w}s")
        }
    };
    let line = format!(
        "{}, {} in {}",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(files.len(), "file")
    );
    match stream {
        Stream::Stdout => crate::outln!("{line}"),
        Stream::Stderr => crate::errln!("{line}"),
    }
}

/// Rich output with the offending line shown, for people at a terminal.
fn rich(diags: &[Diagnostic], stream: Stream) {
    let writer = match stream {
        Stream::Stdout => StandardStream::stdout(ColorChoice::Auto),
        Stream::Stderr => StandardStream::stderr(ColorChoice::Auto),
    };
    let config = term::Config::default();
    let mut files = SimpleFiles::new();
    let mut lock = writer.lock();
    for d in diags {
        let mut cs = match d.severity {
            Severity::Error => CsDiag::error(),
            Severity::Warning => CsDiag::warning(),
        }
        .with_message(escape_controls(&d.message))
        .with_notes(
            d.help
                .iter()
                .map(|h| format!("help: {}", escape_controls(h)))
                .collect(),
        );
        if let Some(path) = &d.path {
            let source = std::fs::read(path)
                .map(|b| shown_source(&String::from_utf8_lossy(&b)))
                .unwrap_or_default();
            let start = byte_offset(&source, d.line, d.col);
            let end = source[start..]
                .find('\n')
                .map(|i| start + i)
                .unwrap_or(source.len())
                .max(start);
            let end = if end == start {
                (start + 1).min(source.len())
            } else {
                end
            };
            let shown = escape_controls(&d.path_display().unwrap_or_default()).into_owned();
            let id = files.add(shown, source);
            cs = cs.with_labels(vec![Label::primary(id, start..end)]);
        }
        if term::emit(&mut lock, &config, &files, &cs).is_err() {
            let _ = writeln!(lock, "{}", d.plain());
        }
    }
}

/// A source file as the terminal is shown it: each unsafe character (see
/// [`crate::diag::is_unsafe_char`]) but the line ends replaced by one visible character, so
/// that columns still count the same.
fn shown_source(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        let line_end = c == '\n' || (c == '\r' && chars.peek() == Some(&'\n'));
        if line_end || !is_unsafe_char(c) {
            out.push(c);
        } else if (c as u32) < 0x20 {
            // The Control Pictures block: ␀ ␇ ␛ …
            out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'));
        } else {
            out.push('\u{fffd}');
        }
    }
    out
}

fn byte_offset(source: &str, line: usize, col: usize) -> usize {
    if line == 0 {
        return 0;
    }
    let mut offset = 0;
    for (i, l) in source.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            let c = l
                .char_indices()
                .nth(col.saturating_sub(1))
                .map(|(b, _)| b)
                .unwrap_or(0);
            return offset + c;
        }
        offset += l.len();
    }
    source.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Pos;

    #[test]
    fn source_lines_show_controls_as_pictures() {
        let shown = shown_source("a\u{1b}[2Jb\r\nc\u{0}\td\r");
        assert_eq!(shown, "a\u{241b}[2Jb\r\nc\u{2400}\td\u{240d}");
        assert_eq!(
            shown.chars().count(),
            "a\u{1b}[2Jb\r\nc\u{0}\td\r".chars().count()
        );
    }

    #[test]
    fn alike_warnings_are_counted_together() {
        let w = |m: &str| Diagnostic::warning("c/a.md", Pos::new(1, 1), m);
        let ds = [
            w("action is past its due date 2024 and not done (status `planned`)"),
            w("action is past its due date 2025 and not done (status `idea`)"),
            w("no action serves ambition `a1`"),
        ];
        let refs: Vec<&Diagnostic> = ds.iter().collect();
        let line = not_shown(&refs, Path::new("site/content"));
        assert!(line.contains("3 more warnings"), "{line}");
        assert!(
            line.contains("2 × action is past its due date … and not done (status …)"),
            "{line}"
        );
        assert!(line.contains("1 × no action serves ambition …"), "{line}");
        assert!(
            line.contains("`ambit check --content site/content`"),
            "{line}"
        );
    }
}
