//! `ambit new` writes only what `check` accepts: a duplicate id (of any kind in the place), an
//! id the site's own pages take, an id with nothing to make a slug of, and a report for a year
//! that has not come are refused with exit 2 and nothing written; `check` reports a content
//! file with a reserved id at 1:1.

use crate::common::Content;
use crate::common::{both, code, list_files};

/// Runs `ambit new <args>` and asserts exit 2, that no file was written or changed, and that
/// the report has `words`.
fn refused(p: &Content, args: &[&str], words: &str) {
    let before = crate::common::snapshot(&p.tmp.path().join("content"));
    let mut all = vec!["new"];
    all.extend(args);
    all.extend(["--content", "content"]);
    let o = p.run(&all);
    let out = both(&o);
    assert_eq!(code(&o), 2, "ambit {all:?}\n{out}");
    assert!(out.contains(words), "`{words}` in\n{out}");
    assert!(!out.contains("created"), "{out}");
    let after = crate::common::snapshot(&p.tmp.path().join("content"));
    assert!(before == after, "ambit {all:?} changed the content folder");
}

#[test]
fn duplicate_reserved_and_empty_ids_are_refused() {
    let p = Content::fixture("multi");
    // The same id as a file of the same kind, and as an entity of another kind.
    refused(
        &p,
        &["action", "kommun/belysning"],
        "id `belysning` is already used in place `kommun`",
    );
    refused(
        &p,
        &["ambition", "kommun/belysning"],
        "id `belysning` is already used in place `kommun`",
    );
    refused(
        &p,
        &["indicator", "kommun/trygghet"],
        "kommun/ambitions/trygghet.md already uses it",
    );
    refused(&p, &["place", "kommun"], "place `kommun` already exists");
    // Ids that the site's own pages take.
    for view in ["by-year", "by-ambition", "by-responsible"] {
        refused(
            &p,
            &["action", &format!("kommun/{view}")],
            &format!("`{view}` is reserved for a view of the action list"),
        );
    }
    for name in ["tags", "files", "search", "follow-up"] {
        refused(
            &p,
            &["place", name],
            &format!("`{name}` is reserved and cannot be a place id"),
        );
    }
    // Nothing to make an id of.
    refused(
        &p,
        &["action", "kommun/!!!"],
        "an id needs at least one letter or digit",
    );
    refused(
        &p,
        &["action", "kommun/"],
        "an id needs at least one letter or digit",
    );
    refused(
        &p,
        &["place", "—"],
        "an id needs at least one letter or digit",
    );
    // A name with a slug is refused with the slug to use.
    refused(&p, &["action", "kommun/Ny Väg"], "use `ny-vag`");
}

#[test]
fn a_report_for_a_year_to_come_is_refused() {
    // The tests build for 2026-06-01.
    let p = Content::fixture("multi");
    refused(
        &p,
        &["report", "kommun/2027"],
        "report for 2027 is for a year that has not come yet (it is 2026 now)",
    );
    let o = p.run(&["new", "report", "kommun/2026", "--content", "content"]);
    assert_eq!(code(&o), 0, "{}", both(&o));
    assert!(p
        .tmp
        .path()
        .join("content/kommun/reports/2026.md")
        .is_file());
}

#[test]
fn a_new_place_and_report_check() {
    let p = Content::fixture("multi");
    for args in [["place", "ny-ort"], ["report", "ny-ort/2026"]] {
        let o = p.run(&["new", args[0], args[1], "--content", "content"]);
        assert_eq!(code(&o), 0, "{}", both(&o));
    }
    let files = list_files(&p.tmp.path().join("content"));
    assert!(
        files.iter().any(|f| f == "ny-ort/reports/2026.md"),
        "{files:?}"
    );
    let (code, report) = p.check();
    assert_eq!(code, 0, "{report}");
}

#[test]
fn check_reports_a_reserved_id_at_its_file() {
    let p = Content::fixture("multi");
    let text = p.read("kommun/actions/belysning.md");
    p.write("kommun/actions/by-year.md", &text);
    p.write("kommun/actions/by-responsible.md", &text);
    let (code, report) = p.check();
    assert_eq!(code, 1, "{report}");
    for view in ["by-year", "by-responsible"] {
        assert!(
            report.contains(&format!(
                "content/kommun/actions/{view}.md:1:1: error: `{view}` is reserved for a view of the action list"
            )),
            "{report}"
        );
    }
    // A place folder that the site-wide pages use.
    p.write("tags/programme.md", p.read("oost/programme.md"));
    let (code, report) = p.check();
    assert_eq!(code, 1, "{report}");
    assert!(
        report.contains("content/tags:1:1: error: `tags` is reserved and cannot be a place id"),
        "{report}"
    );
}

#[test]
fn an_action_named_index_has_its_own_page_beside_the_list() {
    // `actions/index/index.html` stands beside `actions/index.html`: no page is overwritten.
    let p = Content::fixture("multi");
    let text = p.read("kommun/actions/belysning.md");
    p.write(
        "kommun/actions/index.md",
        text.replacen("title: Belysning i stadsparken", "title: Indexåtgärd", 1),
    );
    let o = p.run(&["build", "--content", "content", "--output", "out"]);
    assert_eq!(code(&o), 0, "{}", both(&o));
    let list = std::fs::read_to_string(p.tmp.path().join("out/kommun/actions/index.html")).unwrap();
    let page =
        std::fs::read_to_string(p.tmp.path().join("out/kommun/actions/index/index.html")).unwrap();
    assert!(page.contains("Indexåtgärd"), "the action's page");
    assert!(list.contains("Indexåtgärd") && list.contains("Belysning i stadsparken"));
}
