//! Hostile content is inert and its links stay inside the site; the HTML scanner the
//! tests use sees what a browser sees.

use std::collections::BTreeSet;

use crate::common::{build_fixture, decode_entities, ids, links, tags};

use super::text_files;

#[test]
fn hostile_content_is_inert() {
    let site = build_fixture("hostile", None);
    let static_prefix = format!("{}static/", site.prefix);
    let search_pages: BTreeSet<String> = [
        "search/index.html".to_string(),
        "town/search/index.html".to_string(),
    ]
    .into();
    let mut problems = Vec::new();
    for (f, html) in site.html_files() {
        let ts = tags(&html);
        let lower = html.to_ascii_lowercase();
        let script_tags = ts.iter().filter(|t| t.name == "script").count();
        if lower.matches("<script").count() != script_tags {
            problems.push(format!(
                "{f}: `<script` appears outside a script tag of the theme"
            ));
        }
        for t in &ts {
            match t.name.as_str() {
                "script" => {
                    if !t.attr("src").is_some_and(|s| s.starts_with(&static_prefix)) {
                        problems.push(format!("{f}: script without a theme src: {:?}", t.attrs));
                    }
                    // An external theme script has no inline body.
                    if !t.text.trim().is_empty() {
                        problems.push(format!("{f}: inline script body"));
                    }
                }
                "iframe" | "object" | "embed" | "style" | "base" | "frame" | "frameset"
                | "applet" => problems.push(format!("{f}: <{}> from content", t.name)),
                "meta" if t.attr("http-equiv").is_some() => {
                    problems.push(format!("{f}: <meta http-equiv>"))
                }
                "form" => {
                    let action = t.attr("action").unwrap_or("");
                    let ok = action == format!("{}search/", site.prefix)
                        || action == format!("{}town/search/", site.prefix);
                    if !ok
                        || t.attr("method")
                            .is_some_and(|m| !m.eq_ignore_ascii_case("get"))
                    {
                        problems.push(format!(
                            "{f}: form that is not the theme's search form: {:?}",
                            t.attrs
                        ));
                    }
                }
                _ => {}
            }
            for (n, v) in &t.attrs {
                if n.starts_with("on") {
                    problems.push(format!("{f}: event handler attribute {n}= on <{}>", t.name));
                }
                if n == "formaction" {
                    problems.push(format!("{f}: formaction attribute"));
                }
                let squashed: String = v
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                for bad in ["javascript:", "vbscript:", "data:text/html"] {
                    if squashed.contains(bad) {
                        problems.push(format!("{f}: {n}=\"{v}\" on <{}>", t.name));
                    }
                }
                if n == "style" && (squashed.contains("url(") || squashed.contains("expression")) {
                    problems.push(format!("{f}: style with url(): {v}"));
                }
                if n == "id" && v == "search-results" && !search_pages.contains(&f) {
                    problems.push(format!("{f}: content took the id `search-results`"));
                }
            }
        }
        if search_pages.contains(&f) {
            let n = ids(&html).iter().filter(|i| *i == "search-results").count();
            if n != 1 {
                problems.push(format!("{f}: {n} elements with id search-results"));
            }
        }
    }
    for (f, text) in text_files(&site) {
        if text.to_ascii_lowercase().contains("javascript:") {
            problems.push(format!("{f}: contains `javascript:`"));
        }
        if f.ends_with(".xml")
            && (text.contains("<script") || text.contains("<img") || text.contains("<iframe"))
        {
            problems.push(format!("{f}: markup from content is not escaped"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );

    // The hostile text is still shown, as text.
    let action = site.page("town/actions/evil-action");
    assert!(
        action.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "titles are escaped, not dropped"
    );
    let home = site.page("town");
    assert!(
        home.contains("hijacked results"),
        "the hijacking div's text is kept"
    );
}

#[test]
fn hostile_links_stay_inside_the_site() {
    let site = build_fixture("hostile", None);
    let mut problems = Vec::new();
    for (f, html) in site.html_files() {
        for l in links(&html) {
            if l.starts_with('/') && !l.starts_with("//") {
                if !l.starts_with(&site.prefix) {
                    problems.push(format!("{f}: {l} escapes the base path"));
                }
                if l.split(['?', '#'])
                    .next()
                    .unwrap()
                    .split('/')
                    .any(|s| s == ".." || s == ".")
                {
                    problems.push(format!("{f}: {l} has dot segments"));
                }
            } else if l.starts_with("//") {
                problems.push(format!("{f}: protocol-relative {l}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // JSON and CSV outputs stay well-formed with hostile text.
    for (f, text) in text_files(&site) {
        if f.ends_with(".json") {
            serde_json::from_str::<serde_json::Value>(&text).unwrap_or_else(|e| panic!("{f}: {e}"));
        }
        if f.ends_with(".csv") {
            let mut r = csv::Reader::from_reader(text.as_bytes());
            let width = r.headers().unwrap().len();
            for rec in r.records() {
                assert_eq!(rec.unwrap().len(), width, "{f}: ragged CSV row");
            }
        }
    }
}

#[test]
fn the_html_scanner_sees_what_a_browser_sees() {
    let html = r#"<!-- <script>x</script> --><a HREF="/a?x=1&amp;y=2">t</a><img src='&#x2F;b&#47;c' onerror = alert(1)><p title="a>b" data-x=1>
<script src="/s.js"></script><script>var s = "<a href='/nope'>";</script><A href=/d>"#;
    let ts = tags(html);
    assert_eq!(links(html), ["/a?x=1&y=2", "/b/c", "/s.js", "/d"]);
    assert!(ts
        .iter()
        .any(|t| t.name == "img" && t.attr("onerror") == Some("alert(1)")));
    assert_eq!(
        ts.iter().find(|t| t.name == "p").unwrap().attr("title"),
        Some("a>b")
    );
    assert_eq!(
        decode_entities("&lt;&#60;&#x3C;&amp;amp;&unknown;&"),
        "<<<&amp;&unknown;&"
    );
}
