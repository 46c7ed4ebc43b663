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

/// Asserts that `report` has a diagnostic of `severity` at the line of `needle` in `rel`
/// whose message contains `words`.
pub fn assert_at(p: &Content, report: &str, severity: &str, rel: &str, needle: &str, words: &str) {
    let (line, _) = p.pos(rel, needle);
    let head = format!("content/{rel}:{line}:");
    let found = report.lines().any(|l| {
        l.starts_with(&head) && l.contains(&format!(": {severity}: ")) && l.contains(words)
    });
    assert!(found, "no {severity} `{words}` at {head}\n{report}");
}
