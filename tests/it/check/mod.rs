//! Integration tests of `ambit check` (and the error contract of section 5):
//! each test breaks a copy of tests/fixtures/multi in one way, plus a second,
//! unrelated mistake in another file, and asserts the exit code, the exact
//! `path:line:col: error: message` line and `help:` of both mistakes, and that
//! the report is sorted by file.

use crate::common::{both, code, Content};

mod files;
mod formats;
mod references;
mod syntax;

/// One reported diagnostic, parsed from a contract line and its help lines.
#[derive(Debug, Clone)]
pub(super) struct Diag {
    path: String,
    line: usize,
    col: usize,
    severity: String,
    message: String,
    help: Vec<String>,
}

/// Parses `path:line:col: error: message` and following `  help: …` lines.
pub(super) fn parse_report(text: &str) -> Vec<Diag> {
    let mut out: Vec<Diag> = Vec::new();
    for l in text.lines() {
        if let Some(h) = l.strip_prefix("  help: ") {
            if let Some(d) = out.last_mut() {
                d.help.push(h.to_string());
            }
            continue;
        }
        for sev in ["error", "warning"] {
            let marker = format!(": {sev}: ");
            let Some(i) = l.find(&marker) else { continue };
            let head = &l[..i];
            let message = l[i + marker.len()..].to_string();
            let mut parts = head.rsplitn(3, ':');
            let (c, ln, p) = (parts.next(), parts.next(), parts.next());
            let (path, line, col) = match (
                c.and_then(|c| c.parse().ok()),
                ln.and_then(|l| l.parse().ok()),
                p,
            ) {
                (Some(c), Some(ln), Some(p)) => (p.to_string(), ln, c),
                _ => (head.to_string(), 0, 0),
            };
            out.push(Diag {
                path,
                line,
                col,
                severity: sev.into(),
                message,
                help: Vec::new(),
            });
            break;
        }
    }
    out
}

/// A broken copy of the multi fixture in a temporary folder, checked as
/// `ambit check --content content` from that folder, so that paths are
/// printed as a user types them (`content/kommun/…`).
pub(super) struct Broken(Content);

impl std::ops::Deref for Broken {
    type Target = Content;
    fn deref(&self) -> &Content {
        &self.0
    }
}

impl Broken {
    fn new() -> Broken {
        Broken(Content::fixture("multi"))
    }

    /// The second, unrelated mistake in the village (sorts before kommun/ and oost/):
    /// a status that is not allowed.
    fn village_mistake(&self) -> Expect {
        let rel = "brookfield/actions/village-hall.md";
        self.replace(rel, "status: planned", "status: plannd");
        Expect::new(
            rel,
            self.pos(rel, "plannd"),
            "`plannd` is not a valid status",
            &[
                "did you mean `planned`?",
                "allowed values: idea, prioritised, planned, ongoing, done, cancelled",
            ],
        )
    }

    /// The second mistake in the district (sorts after kommun/): an unknown key.
    fn district_mistake(&self) -> Expect {
        let rel = "oost/ambitions/groen-oost.md";
        self.replace(rel, "order: 1\n", "order: 1\nsumary: Groen\n");
        Expect::new(
            rel,
            self.pos(rel, "sumary"),
            "unknown key `sumary`",
            &["did you mean `summary`?"],
        )
    }

    /// `ambit check --content content <extra>` (where `Content::run` takes all arguments).
    fn run(&self, extra: &[&str]) -> std::process::Output {
        let mut args = vec!["check", "--content", "content"];
        args.extend_from_slice(extra);
        self.0.run(&args)
    }

    /// The parsed report of `ambit check` (where `Content::check` gives the text).
    fn check(&self) -> Report {
        let o = self.run(&[]);
        let text = format!(
            "{}\n{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        Report {
            diags: parse_report(&text),
            code: code(&o),
            raw: both(&o),
        }
    }
}

/// What one mistake must produce.
#[derive(Debug, Clone)]
pub(super) struct Expect {
    path: String,
    line: usize,
    col: usize,
    message: String,
    help: Vec<String>,
}

impl Expect {
    fn new(rel: &str, (line, col): (usize, usize), message: &str, help: &[&str]) -> Expect {
        Expect {
            path: format!("content/{rel}"),
            line,
            col,
            message: message.into(),
            help: help.iter().map(|h| h.to_string()).collect(),
        }
    }
}

pub(super) struct Report {
    diags: Vec<Diag>,
    code: i32,
    raw: String,
}

impl Report {
    fn errors(&self) -> Vec<&Diag> {
        self.diags
            .iter()
            .filter(|d| d.severity == "error")
            .collect()
    }

    /// The run failed with exactly these errors (each at its line:col, with its help), sorted by file.
    fn assert_exactly(&self, expected: &[Expect]) {
        assert_eq!(self.code, 1, "content errors exit 1:\n{}", self.raw);
        for e in expected {
            let found = self.diags.iter().find(|d| {
                d.severity == "error" && d.path == e.path && d.message.contains(&e.message)
            });
            let Some(d) = found else {
                panic!("no error `{}` for {}:\n{}", e.message, e.path, self.raw);
            };
            assert_eq!(
                (d.line, d.col),
                (e.line, e.col),
                "position of `{}` in {}:\n{}",
                e.message,
                e.path,
                self.raw
            );
            for h in &e.help {
                assert!(
                    d.help.iter().any(|x| x.contains(h.as_str())),
                    "help `{h}` missing for `{}`; got {:?}\n{}",
                    e.message,
                    d.help,
                    self.raw
                );
            }
        }
        let errors = self.errors();
        assert_eq!(
            errors.len(),
            expected.len(),
            "exactly the expected errors, no knock-on errors:\n{}",
            self.raw
        );
        self.assert_sorted();
    }

    fn assert_sorted(&self) {
        let keys: Vec<(String, usize, usize)> = self
            .diags
            .iter()
            .map(|d| (d.path.clone(), d.line, d.col))
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(
            keys, sorted,
            "diagnostics are sorted by file and position:\n{}",
            self.raw
        );
    }
}
