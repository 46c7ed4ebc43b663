//! Output for terminals: control characters from content (ESC, CR, BEL, NUL and the other C0
//! controls but tab) are never printed raw in a report, in any format, but escaped as
//! `\u{1b}`; a NUL byte in a body is an error at its line and column.

use super::assert_at;
use crate::common::Content;
use crate::common::{both, code};

const RAW: [char; 6] = ['\u{1b}', '\u{7}', '\r', '\0', '\u{8}', '\u{9b}'];

fn assert_no_raw(report: &str) {
    for c in RAW {
        assert!(
            !report.contains(c),
            "raw {:?} in the report:\n{}",
            c,
            report.escape_debug()
        );
    }
}

#[test]
fn control_characters_in_messages_are_escaped() {
    let p = Content::fixture("multi");
    let action = "kommun/actions/belysning.md";
    // YAML escapes put ESC, BEL, CR, NUL, backspace and CSI into values that messages quote.
    p.replace(
        action,
        "status: planned",
        "status: \"\\e[2J\\a\\r\\0\\b\\u009bdone\"",
    );
    p.replace(action, "effort: investering", "\"eff\\e]0;owned\\aort\": x");
    let (status, report) = p.check();
    assert_eq!(status, 1, "{report}");
    assert_no_raw(&report);
    assert!(
        report.contains("\\u{1b}[2J\\u{7}\\u{d}\\u{0}\\u{8}\\u{9b}done"),
        "{report}"
    );
    assert!(report.contains("eff\\u{1b}]0;owned\\u{7}ort"), "{report}");
    assert_at(&p, &report, "error", action, "status:", "\\u{1b}[2J");

    for format in ["github", "json"] {
        let o = p.run(&["check", "--content", "content", "--format", format]);
        assert_eq!(code(&o), 1);
        assert_no_raw(&both(&o));
    }
    let o = p.run(&["build", "--content", "content", "--output", "out"]);
    assert_eq!(code(&o), 1);
    assert_no_raw(&both(&o));
}

#[test]
fn a_nul_byte_in_a_body_is_an_error_at_its_place() {
    let p = Content::fixture("multi");
    let action = "kommun/actions/belysning.md";
    p.replace(action, "Se även", "Se\0 även");
    let (status, report) = p.check();
    assert_eq!(status, 1, "{report}");
    assert_no_raw(&report);
    let (line, col) = p.pos(action, "\0");
    assert!(
        report.contains(&format!(
            "content/{action}:{line}:{col}: error: NUL character (`\\u{{0}}`) in the text"
        )),
        "{report}"
    );
    // The same in a programme's body, and the build writes nothing.
    p.replace(action, "Se\0 även", "Se även");
    p.replace("oost/programme.md", "\n---\n", "\n---\n\nIntro\0\n");
    let (status, report) = p.check();
    assert_eq!(status, 1, "{report}");
    assert!(report.contains("content/oost/programme.md:"), "{report}");
    let o = p.run(&["build", "--content", "content", "--output", "out"]);
    assert_eq!(code(&o), 1, "{}", both(&o));
    assert!(!p.tmp.path().join("out").exists());
}
