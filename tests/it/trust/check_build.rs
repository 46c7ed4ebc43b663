//! `check` promises what `build` does: output names that no file system can hold (a tag's or
//! responsible body's slug longer than a file name may be) and a theme that site.yaml names
//! but that is missing or broken are content errors at their key's line, found by `check` as
//! well as `build`. For each planted case `check` and `build` exit alike, and `build` never
//! fails with an I/O error where `check` passed.

use super::assert_at;
use crate::common::Content;
use crate::common::{both, code};

const ACTION: &str = "kommun/actions/belysning.md";

/// `check` and `build` of the planted content: both exit codes, and the check report.
fn check_and_build(p: &Content) -> (i32, i32, String) {
    let (check, report) = p.check();
    let o = p.run(&["build", "--content", "content", "--output", "out"]);
    let build = code(&o);
    assert_eq!(
        check,
        build,
        "check {check}, build {build}:\n{report}\n{}",
        both(&o)
    );
    assert!(!(check == 0 && build == 2), "{}", both(&o));
    (check, build, report)
}

#[test]
fn a_slug_longer_than_a_file_name_is_an_error_at_its_line() {
    let p = Content::fixture("multi");
    let long = "Lång".repeat(64); // 256 bytes as a slug: `lang` × 64
    p.replace(
        ACTION,
        "effort: investering",
        &format!("effort: investering\ntags: [Trygghet, {long}]"),
    );
    let (check, _, report) = check_and_build(&p);
    assert_eq!(check, 1, "{report}");
    assert_at(
        &p,
        &report,
        "error",
        ACTION,
        "tags:",
        "its slug has 256 bytes, a file name at most 255",
    );

    let p = Content::fixture("multi");
    p.replace(
        ACTION,
        "responsible: [Tekniska förvaltningen]",
        &format!(
            "responsible:\n  - Tekniska förvaltningen\n  - {}",
            "x".repeat(300)
        ),
    );
    let (check, _, report) = check_and_build(&p);
    assert_eq!(check, 1, "{report}");
    assert_at(
        &p,
        &report,
        "error",
        ACTION,
        "  - xxx",
        "responsible body `xxxx",
    );

    let p = Content::fixture("multi");
    p.replace(
        ACTION,
        "responsible: [Tekniska förvaltningen]",
        "responsible: \"—\"",
    );
    let (check, _, report) = check_and_build(&p);
    assert_eq!(check, 1, "{report}");
    assert_at(
        &p,
        &report,
        "error",
        ACTION,
        "responsible:",
        "has no letter or digit",
    );
}

#[test]
fn a_slug_of_255_bytes_builds() {
    let p = Content::fixture("multi");
    let tag = "a".repeat(255);
    p.replace(
        ACTION,
        "effort: investering",
        &format!("effort: investering\ntags: [{tag}]"),
    );
    let (check, _, report) = check_and_build(&p);
    assert_eq!(check, 0, "{report}");
    assert!(p
        .tmp
        .path()
        .join(format!("out/tags/{tag}/index.html"))
        .is_file());
}

#[test]
fn a_missing_or_broken_theme_is_an_error_of_check_too() {
    let p = Content::fixture("multi");
    p.replace(
        "site.yaml",
        "description:",
        "theme: municipal\ndescription:",
    );
    let (check, _, report) = check_and_build(&p);
    assert_eq!(check, 1, "{report}");
    assert_at(
        &p,
        &report,
        "error",
        "site.yaml",
        "theme:",
        "theme `municipal` not found",
    );

    // A theme whose template does not parse.
    let templates = p.tmp.path().join("themes/municipal/templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(templates.join("tag.html"), "{% if %}broken").unwrap();
    let (check, _, report) = check_and_build(&p);
    assert_eq!(check, 1, "{report}");
    assert_at(
        &p,
        &report,
        "error",
        "site.yaml",
        "theme:",
        "theme `municipal` cannot be used",
    );

    // A good one builds, and so does `default` without a folder of its own.
    std::fs::remove_file(templates.join("tag.html")).unwrap();
    std::fs::write(p.tmp.path().join("themes/municipal/extra.css"), "a{}").unwrap();
    let (check, _, report) = check_and_build(&p);
    assert_eq!(check, 0, "{report}");
    p.replace("site.yaml", "theme: municipal", "theme: default");
    let (check, _, report) = check_and_build(&p);
    assert_eq!(check, 0, "{report}");
}
