//! Printing diagnostics: contract lines, source snippets in a terminal
//! (codespan-reporting), GitHub Actions annotations or JSON.

use std::io::{IsTerminal, Write};

use codespan_reporting::diagnostic::{Diagnostic as CsDiag, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{
    self,
    termcolor::{ColorChoice, StandardStream},
};

use crate::cli::Format;
use crate::diag::{Diagnostic, Severity};

/// Where a report goes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// Prints all diagnostics in `format` and a one-line summary.
pub fn print(diags: &[Diagnostic], format: Format, stream: Stream) {
    match format {
        Format::Json => {
            let text = serde_json::to_string_pretty(diags).unwrap_or_else(|_| "[]".into());
            println!("{text}");
        }
        Format::Github => {
            for d in diags {
                println!("{}", d.github());
            }
            summary(diags, Stream::Stderr);
        }
        Format::Human => {
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
                    let _ = writeln!(out, "{}", d.plain());
                }
            }
            summary(diags, stream);
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
        Stream::Stdout => println!("{line}"),
        Stream::Stderr => eprintln!("{line}"),
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
        .with_message(&d.message)
        .with_notes(d.help.iter().map(|h| format!("help: {h}")).collect());
        if let Some(path) = &d.path {
            let source = std::fs::read(path)
                .map(|b| String::from_utf8_lossy(&b).into_owned())
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
            let id = files.add(d.path_display().unwrap_or_default(), source);
            cs = cs.with_labels(vec![Label::primary(id, start..end)]);
        }
        if term::emit(&mut lock, &config, &files, &cs).is_err() {
            let _ = writeln!(lock, "{}", d.plain());
        }
    }
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
