//! Trust: bad input that would lose data, let script into the site, or give silently wrong
//! output. Each test plants one class of such input (see the README's reliability section) and
//! asserts the precise refusal or error, and that nothing was lost.

mod body_files;
mod check_build;
mod controls;
mod csv_cells;
mod dates;
mod folders;
mod linear;
mod money;
mod new_ids;
mod urls;

use crate::common::*;

/// A copy of tests/fixtures/multi in a temporary folder, run from that folder as
/// `--content content`, so that paths are printed as a user types them.
pub struct Planted {
    pub tmp: tempfile::TempDir,
}

impl Default for Planted {
    fn default() -> Planted {
        Planted::new()
    }
}

impl Planted {
    pub fn new() -> Planted {
        let tmp = tempfile::tempdir().unwrap();
        copy_dir(&fixture("multi"), &tmp.path().join("content"));
        Planted { tmp }
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.tmp.path().join("content").join(rel)).unwrap()
    }

    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) {
        let p = self.tmp.path().join("content").join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    /// Replaces the one occurrence of `from` in `rel`.
    pub fn replace(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert_eq!(text.matches(from).count(), 1, "`{from}` once in {rel}");
        self.write(rel, text.replacen(from, to, 1));
    }

    /// Runs `ambit <args>` in the folder.
    pub fn run(&self, args: &[&str]) -> std::process::Output {
        ambit_in(self.tmp.path(), args)
    }

    /// `ambit check --content content`: exit code and both streams.
    pub fn check(&self) -> (i32, String) {
        let o = self.run(&["check", "--content", "content"]);
        (code(&o), both(&o))
    }

    /// The 1-based line and column of the first `needle` in `rel`.
    pub fn pos(&self, rel: &str, needle: &str) -> (usize, usize) {
        let text = self.read(rel);
        let i = text
            .find(needle)
            .unwrap_or_else(|| panic!("`{needle}` not in {rel}"));
        let line = text[..i].matches('\n').count() + 1;
        let col = text[..i].rsplit('\n').next().unwrap_or("").chars().count() + 1;
        (line, col)
    }
}

/// Asserts that `report` has a diagnostic of `severity` at the line of `needle` in `rel`
/// whose message contains `words`.
pub fn assert_at(p: &Planted, report: &str, severity: &str, rel: &str, needle: &str, words: &str) {
    let (line, _) = p.pos(rel, needle);
    let head = format!("content/{rel}:{line}:");
    let found = report.lines().any(|l| {
        l.starts_with(&head) && l.contains(&format!(": {severity}: ")) && l.contains(words)
    });
    assert!(found, "no {severity} `{words}` at {head}\n{report}");
}
