//! The output layout of the spec (section 4): every file is written, the feed and the
//! sitemap, and the same site with or without a trailing slash on the base URL.

use std::collections::BTreeSet;

use crate::common::{ambit, both, build_fixture, code, fixture, published, xml_urls, SUB_BASE};

use super::{multi, places};

#[test]
fn valid_fixtures_check_and_build_cleanly() {
    for name in ["multi", "hostile"] {
        let o = ambit(&["check", "--content", &fixture(name).display().to_string()]);
        assert_eq!(code(&o), 0, "check {name}:\n{}", both(&o));
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(
            !all.contains(": error:"),
            "check {name} reported errors:\n{all}"
        );
        let site = build_fixture(name, None);
        assert!(site.exists("index.html"));
        assert!(
            site.path(".ambit-output").exists(),
            "the output is marked as written by ambit"
        );
    }
}

#[test]
fn every_file_of_the_output_layout_exists() {
    let site = multi();
    for f in [
        "index.html",
        "sitemap.xml",
        "404.html",
        "accessibility/index.html",
    ] {
        assert!(site.exists(f), "missing site-wide {f}");
    }
    let ents = published("multi");
    for place in places(&ents) {
        for f in [
            "index.html",
            "actions/index.html",
            "search/index.html",
            "search-index.json",
            "search-index/manifest.json",
            "data/actions.json",
            "data/actions.csv",
            "data/indicators.json",
            "data/indicators.csv",
            "feed.xml",
        ] {
            assert!(site.exists(&format!("{place}/{f}")), "missing {place}/{f}");
        }
    }
    let mut n = 0;
    for e in ents.iter().filter(|e| e.kind != "programme") {
        let f = format!("{}/index.html", e.folder());
        assert!(
            site.exists(&f),
            "missing page of {} {}/{}: {f}",
            e.kind,
            e.place,
            e.id
        );
        assert!(
            site.page(&e.folder()).contains(&escape(&e.title())),
            "page {f} shows its title"
        );
        n += 1;
    }
    assert!(n > 25, "the fixture has many entities ({n})");
    // The place's files/ folder and the site's are copied as they are.
    assert_eq!(
        site.read("kommun/files/karta.txt"),
        std::fs::read_to_string(fixture("multi/kommun/files/karta.txt")).unwrap()
    );
    assert_eq!(
        site.read("files/logo.txt"),
        std::fs::read_to_string(fixture("multi/files/logo.txt")).unwrap()
    );
}

/// Text as the theme escapes it in HTML.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn feed_lists_completed_actions_and_sitemap_lists_every_page() {
    let site = multi();
    let feed = site.read("oost/feed.xml");
    assert!(feed.contains("<feed") && feed.contains("http://www.w3.org/2005/Atom"));
    assert!(
        feed.contains(&format!("{SUB_BASE}oost/actions/buurtfeest/")),
        "done action is in the feed"
    );
    let sitemap = site.read("sitemap.xml");
    let locs: BTreeSet<String> = xml_urls(&sitemap).into_iter().collect();
    for e in published("multi") {
        let url = format!("{}{}/", SUB_BASE, e.folder());
        assert!(locs.contains(&url), "sitemap lacks {url}");
    }
    // Every URL in the sitemap is a page of the site.
    for u in &locs {
        let t = site
            .target_of(&u.replacen("http://127.0.0.1:1", "", 1))
            .unwrap();
        assert!(t.is_file(), "sitemap lists {u}, which does not exist");
    }
}

#[test]
fn a_base_url_without_trailing_slash_builds_the_same_site() {
    let with = build_fixture("multi", Some(SUB_BASE));
    let without = build_fixture("multi", Some(SUB_BASE.trim_end_matches('/')));
    let a = with.files();
    assert_eq!(a, without.files());
    for f in a.iter().filter(|f| !f.starts_with(".ambit")) {
        assert!(
            std::fs::read(with.path(f)).unwrap() == std::fs::read(without.path(f)).unwrap(),
            "{f} differs"
        );
    }
}
