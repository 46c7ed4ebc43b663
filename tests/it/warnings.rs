//! `build` sums up long lists of warnings (the first few in full, what the rest are about, and
//! how to see them all), while `check` prints every one.

use crate::common::*;

/// Copies the multi fixture and adds `n` actions that are past their due date and not done.
fn with_late_actions(n: usize) -> (Content, std::path::PathBuf) {
    let c = Content::fixture("multi");
    let template = c.read("kommun/actions/belysning.md");
    for i in 0..n {
        let text = template
            .replace(
                "title: Belysning i stadsparken",
                &format!("title: Sen åtgärd {i}"),
            )
            .replace("due: 2025", "due: 2020")
            .replace("status: planned", "status: ongoing");
        c.write(&format!("kommun/actions/sen-{i:02}.md"), text);
    }
    let content = c.dir();
    (c, content)
}

fn warning_lines(text: &str) -> Vec<&str> {
    text.lines().filter(|l| l.contains(": warning: ")).collect()
}

#[test]
fn build_shows_a_few_warnings_and_check_shows_all() {
    let (tmp, content) = with_late_actions(30);
    let checked = ambit(&["check", "--content", content.to_str().unwrap()]);
    assert_eq!(code(&checked), 0, "{}", both(&checked));
    let all = String::from_utf8_lossy(&checked.stdout).to_string();
    let every = warning_lines(&all);
    let late = every
        .iter()
        .filter(|l| l.contains("past its due date"))
        .count();
    assert!(late >= 30, "check lists every late action:\n{all}");
    for i in 0..30 {
        assert!(
            all.contains(&format!("sen-{i:02}.md:")),
            "sen-{i:02} missing:\n{all}"
        );
    }

    let out = tmp.root().join("out");
    let built = build(&content, &out, None);
    assert_eq!(code(&built), 0, "{}", both(&built));
    let err = String::from_utf8_lossy(&built.stderr).to_string();
    let shown = warning_lines(&err);
    assert!(
        !shown.is_empty() && shown.len() < every.len() && shown.len() <= 10,
        "build prints only the first warnings ({} of {}):\n{err}",
        shown.len(),
        every.len()
    );
    // The first ones are the same as check's, in the same order.
    assert_eq!(shown[..], every[..shown.len()], "{err}");
    let rest = every.len() - shown.len();
    let note = err
        .lines()
        .find(|l| l.contains("more warnings not shown"))
        .unwrap_or_else(|| panic!("no summary line:\n{err}"));
    assert!(note.contains(&format!("{rest} more warnings")), "{note}");
    assert!(
        note.contains("past its due date"),
        "says what they are about: {note}"
    );
    assert!(
        note.contains("ambit check --content"),
        "says how to see all: {note}"
    );
    // The count line still counts every warning.
    assert!(
        err.contains(&format!("0 errors, {} warnings", every.len())),
        "{err}"
    );
}

#[test]
fn build_prints_every_warning_when_there_are_few() {
    let (tmp, content) = with_late_actions(1);
    let checked = ambit(&["check", "--content", content.to_str().unwrap()]);
    let every = String::from_utf8_lossy(&checked.stdout).to_string();
    let built = build(&content, &tmp.root().join("out"), None);
    assert_eq!(code(&built), 0, "{}", both(&built));
    let err = String::from_utf8_lossy(&built.stderr).to_string();
    assert_eq!(warning_lines(&err), warning_lines(&every), "{err}");
    assert!(!err.contains("not shown"), "{err}");
}

#[test]
fn machine_formats_keep_every_warning() {
    let (tmp, content) = with_late_actions(12);
    let built = ambit(&[
        "build",
        "--content",
        content.to_str().unwrap(),
        "--output",
        tmp.root().join("out").to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code(&built), 0, "{}", both(&built));
    let v: serde_json::Value = serde_json::from_slice(&built.stdout).unwrap();
    let late = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            d["message"]
                .as_str()
                .unwrap_or("")
                .contains("past its due date")
        })
        .count();
    assert!(late >= 12, "{}", both(&built));
}
