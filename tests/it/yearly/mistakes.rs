//! Mistakes in the new keys (reports, goals, documents) stop the build at their line;
//! `ambit new report` writes a report that checks clean; site-wide page names are reserved.

use crate::common::{both, code, copy_dir, front_matter, pos_of, Content};

use super::example;

/// Copies the example, applies `edit` to one file, and returns check's output.
fn check_with(rel: &str, edit: impl Fn(&str) -> String) -> (String, String) {
    let c = Content::copy_of(&example());
    let new = edit(&std::fs::read_to_string(c.file(rel)).unwrap_or_default());
    c.write(rel, &new);
    let o = c.run(&["check", "--content", "content"]);
    assert_eq!(code(&o), 1, "{rel}: {}", both(&o));
    (
        String::from_utf8_lossy(&o.stderr).to_string() + &String::from_utf8_lossy(&o.stdout),
        new,
    )
}

fn expect_error(out: &str, rel: &str, line: usize, what: &str) {
    let prefix = format!("content/{rel}:{line}:");
    let hit = out
        .lines()
        .find(|l| l.contains(&prefix) && l.contains(": error: ") && l.contains(what));
    assert!(hit.is_some(), "want `{prefix}… error: …{what}` in:\n{out}");
    let after = out
        .split(hit.unwrap())
        .nth(1)
        .unwrap_or("")
        .trim_start_matches('\n');
    assert!(
        after
            .lines()
            .next()
            .unwrap_or("")
            .trim_start()
            .starts_with("help:"),
        "help after the error:\n{out}"
    );
}

#[test]
fn mistakes_in_reports_goals_and_documents_are_errors_at_their_line() {
    // A report for a year after the current one (tests build for 2026).
    let (out, new) = check_with("vaggeryd/reports/2031.md", |_| {
        "---\ntitle: Uppföljning 2031\npublished: 2026-03-01\n---\nText.\n".into()
    });
    expect_error(
        &out,
        "vaggeryd/reports/2031.md",
        pos_of(&new, "title:").0,
        "2031",
    );
    // A goal number that does not exist.
    let rel = "vaggeryd/ambitions/attraktiv-trygg-tillganglig.md";
    let (out, new) = check_with(rel, |t| t.replace("sdg: [5, 10, 11, 16]", "sdg: [5, 18]"));
    let (line, col) = pos_of(&new, "18]");
    assert!(
        out.contains(&format!("content/{rel}:{line}:{col}: error:")),
        "{out}"
    );
    expect_error(&out, rel, line, "18");
    // A document with neither url nor file.
    let rel = "vaggeryd/ambitions/sysselsattning-och-utbildning.md";
    let (out, new) = check_with(rel, |t| {
        t.replace(
            "    url: https://example.org/vaggeryd/dokument/naringslivsstrategi.pdf\n",
            "",
        )
    });
    expect_error(
        &out,
        rel,
        pos_of(&new, "- title: Näringslivsstrategi").0,
        "`url` or `file`",
    );
    // A file that does not exist.
    let rel = "vaggeryd/ambitions/hallbar-tillvaxt.md";
    let (out, new) = check_with(rel, |t| {
        t.replace("files/gronstrukturplan.txt", "files/gronplan.txt")
    });
    expect_error(
        &out,
        rel,
        pos_of(&new, "file: vaggeryd/files/gronplan.txt").0,
        "gronplan.txt",
    );
    assert!(
        out.contains("did you mean `vaggeryd/files/gronstrukturplan.txt`?"),
        "{out}"
    );
}

#[test]
fn new_report_writes_a_report_that_checks_clean() {
    let c = Content::copy_of(&example());
    let o = c.run(&["new", "report", "skillingaryd/2022", "--content", "content"]);
    assert_eq!(code(&o), 0, "{}", both(&o));
    let text = c.read("skillingaryd/reports/2022.md");
    assert_eq!(
        front_matter(&text)["title"].as_str(),
        Some("Uppföljning 2022")
    );
    let (status, report) = c.check();
    assert_eq!(status, 0, "{report}");
    let o = c.run(&[
        "new",
        "report",
        "skillingaryd/tjugo",
        "--content",
        "content",
    ]);
    assert_eq!(code(&o), 2, "{}", both(&o));
}

#[test]
fn site_wide_page_names_are_reserved_place_ids() {
    for name in ["follow-up", "documents", "agenda-2030"] {
        let c = Content::copy_of(&example());
        copy_dir(&c.file("skillingaryd"), &c.file(name));
        let (status, out) = c.check();
        assert_eq!(status, 1, "{name}: {out}");
        let want = format!("content/{name}:1:1: error: `{name}` is reserved");
        assert!(out.contains(&want), "{name}: {out}");
        assert!(
            out.contains(&format!("help: rename the folder, e.g. to `{name}-1`")),
            "{out}"
        );
    }
}
