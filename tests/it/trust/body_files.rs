//! Links and files: root-relative links (`/x/y`) count from the content folder and are checked
//! like relative ones; percent-encoded dots climb like `../` and get the same "outside the
//! content folder" error, whether or not the file outside exists; file names with spaces and
//! `#` are percent-encoded in hrefs and reach the copied file; `.html`/`.svg`/`.xml` files
//! under `files/` with script are a warning at their path.

use super::assert_at;
use crate::common::Content;
use crate::common::{both, code, decode_entities, hrefs, percent_decode};

const ACTION: &str = "kommun/actions/belysning.md";

fn with_body(p: &Content, body: &str) {
    p.replace(ACTION, "Se även", &format!("{body}\n\nSe även"));
}

#[test]
fn root_relative_links_are_checked_against_the_content_folder() {
    let p = Content::fixture("multi");
    with_body(
        &p,
        "[karta](/kommun/files/karta.txt)\n\n[dubbel](/progs/kommun/files/karta.txt)\n\n\
         ![bild](/kommun/files/saknas.png)\n\n[mål](/kommun/ambitions/trygghet.md#x)",
    );
    let (status, report) = p.check();
    assert_eq!(status, 1, "{report}");
    assert_at(
        &p,
        &report,
        "error",
        ACTION,
        "[dubbel]",
        "`progs/kommun/files/karta.txt` does not exist",
    );
    assert_at(
        &p,
        &report,
        "error",
        ACTION,
        "![bild]",
        "`kommun/files/saknas.png` does not exist",
    );
    assert_eq!(report.matches(": error: ").count(), 2, "{report}");

    let p = Content::fixture("multi");
    with_body(
        &p,
        "[karta](/kommun/files/karta.txt) [mål](/kommun/ambitions/trygghet.md#x)",
    );
    let o = p.run(&["build", "--content", "content", "--output", "out"]);
    assert_eq!(code(&o), 0, "{}", both(&o));
    let page =
        std::fs::read_to_string(p.tmp.path().join("out/kommun/actions/belysning/index.html"))
            .unwrap();
    let links = hrefs(&page);
    assert!(
        links.iter().any(|h| h == "/progs/kommun/files/karta.txt"),
        "{links:?}"
    );
    assert!(
        links
            .iter()
            .any(|h| h == "/progs/kommun/ambitions/trygghet/#md-x"),
        "{links:?}"
    );
}

#[test]
fn percent_encoded_dots_climb_like_dots_and_reveal_nothing() {
    let p = Content::fixture("multi");
    std::fs::write(p.tmp.path().join("secret.txt"), "s").unwrap();
    let written = [
        "../../../secret.txt",
        "%2e%2e/%2e%2e/%2e%2e/secret.txt",
        "..%2F..%2F%2E%2E%2Fsecret.txt",
        "%2e%2e/%2e%2e/%2e%2e/nothing.txt",
        "/%2e%2e/secret.txt",
    ];
    let body: Vec<String> = written.iter().map(|w| format!("[s]({w})")).collect();
    with_body(&p, &body.join("\n\n"));
    let (status, report) = p.check();
    assert_eq!(status, 1, "{report}");
    for w in written {
        assert!(
            report.contains(&format!(
                "error: link `{w}` points outside the content folder"
            )),
            "{w}:\n{report}"
        );
    }
    assert!(!report.contains("secret.txt`:"), "{report}");
}

#[test]
fn file_names_with_spaces_and_hashes_are_reachable() {
    let p = Content::fixture("multi");
    p.write("kommun/files/plan 2024 #1.pdf", "%PDF-1.4");
    p.replace(
        ACTION,
        "effort: investering",
        "effort: investering\ndocuments:\n  - title: Plan 2024\n    file: \"kommun/files/plan 2024 #1.pdf\"",
    );
    with_body(&p, "[planen](../files/plan%202024%20%231.pdf)");
    let o = p.run(&["build", "--content", "content", "--output", "out"]);
    assert_eq!(code(&o), 0, "{}", both(&o));
    let out = p.tmp.path().join("out");
    let page = std::fs::read_to_string(out.join("kommun/actions/belysning/index.html")).unwrap();
    let plan: Vec<String> = hrefs(&page)
        .into_iter()
        .map(|h| decode_entities(&h))
        .filter(|h| h.contains("plan"))
        .collect();
    assert!(plan.len() >= 2, "the document and the body link: {plan:?}");
    for h in &plan {
        assert!(!h.contains(' ') && !h.contains("#1"), "not encoded: {h}");
        let rel = percent_decode(h.strip_prefix("/progs/").expect("prefixed"));
        assert_eq!(rel, "kommun/files/plan 2024 #1.pdf");
        assert!(out.join(&rel).is_file(), "{h} names no file");
    }
}

#[test]
fn script_in_copied_files_is_a_warning_at_its_path() {
    let p = Content::fixture("multi");
    p.write(
        "files/karta.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <rect ONLOAD =\"alert(1)\"/></svg>",
    );
    p.write(
        "kommun/files/sida.html",
        "<!doctype html>\n<p>Hej</p>\n<SCRIPT>alert(1)</script>",
    );
    p.write(
        "kommun/files/feed.xml",
        "<a xlink:href=\"javascript:alert(1)\">x</a>",
    );
    p.write(
        "kommun/files/ren.svg",
        "<svg><text>online=yes, onion</text></svg>",
    );
    p.write(
        "kommun/files/script.txt",
        "<script>not run: a text file</script>",
    );
    let (status, report) = p.check();
    assert_eq!(status, 0, "warnings only:\n{report}");
    assert!(
        report
            .contains("content/files/karta.svg:2:3: warning: this .svg file has an event handler"),
        "{report}"
    );
    assert!(
        report.contains(
            "content/kommun/files/sida.html:3:1: warning: this .html file has a `<script>` element"
        ),
        "{report}"
    );
    assert!(report.contains("content/kommun/files/feed.xml:1:16: warning: this .xml file has a `javascript:` address"), "{report}");
    assert!(
        !report.contains("ren.svg") && !report.contains("script.txt"),
        "{report}"
    );
}
