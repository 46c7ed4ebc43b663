//! Links between pages and places: the pages of an action and an ambition link to what
//! they serve, and every internal link (HTML, JSON, Markdown) resolves under a sub-path base URL.

use crate::common::{hrefs, ids, links, published, tags, xml_urls, Site, SUB_BASE, SUB_PREFIX};

use super::{multi, places, text_files};

fn page_url(site: &Site, place: &str, kind: &str, id: &str) -> String {
    site.url(&format!("{place}/{kind}/{id}"))
}

#[test]
fn action_pages_link_to_their_ambition_and_strategy_across_places() {
    let site = multi();
    let mut cross = 0;
    for a in published("multi").iter().filter(|e| e.kind == "actions") {
        let html = site.page(&a.folder());
        let hrefs = hrefs(&html);
        let (ap, aid) = a.refs("ambition").pop().expect("action has an ambition");
        let want = page_url(&site, &ap, "ambitions", &aid);
        assert!(
            hrefs.contains(&want),
            "{} does not link to its ambition {want}; links: {hrefs:?}",
            a.folder()
        );
        if ap != a.place {
            cross += 1;
        }
        if let Some((sp, sid)) = a.refs("strategy").pop() {
            let want = page_url(&site, &sp, "strategies", &sid);
            assert!(
                hrefs.contains(&want),
                "{} does not link to its strategy {want}",
                a.folder()
            );
        }
    }
    assert!(
        cross >= 4,
        "the fixture has actions serving another place's ambition"
    );
}

#[test]
fn ambition_pages_link_to_strategies_indicators_and_every_serving_action() {
    let site = multi();
    let ents = published("multi");
    for amb in ents.iter().filter(|e| e.kind == "ambitions") {
        let key = (amb.place.clone(), amb.id.clone());
        let html = site.page(&amb.folder());
        let hrefs = hrefs(&html);
        let mut expected = Vec::new();
        for e in &ents {
            let serves = match e.kind.as_str() {
                "actions" | "strategies" => e.refs("ambition").contains(&key),
                "indicators" => e.refs("measures").contains(&key),
                _ => false,
            };
            if serves {
                expected.push(page_url(&site, &e.place, &e.kind, &e.id));
            }
        }
        for want in &expected {
            assert!(
                hrefs.contains(want),
                "{} does not link to {want}",
                amb.folder()
            );
        }
    }
    // The municipality's ambition lists the district's and the village's actions.
    let html = site.page("kommun/ambitions/hallbara-resor");
    for want in [
        "oost/actions/fietsenstalling",
        "brookfield/actions/footpath",
        "brookfield/actions/bus-shelter",
        "kommun/actions/ny-cykelbana",
    ] {
        assert!(
            hrefs(&html).contains(&site.url(want)),
            "hallbara-resor lists {want}"
        );
    }
}

/// Checks one link found in `from`; returns a problem, if any.
fn check_link(
    site: &Site,
    from: &str,
    from_ids: &[String],
    link: &str,
    html_target: bool,
) -> Option<String> {
    let origin_base = site.base_url.trim_end_matches('/').to_string() + "/";
    let l = link.trim();
    if l.is_empty() {
        return Some(format!("{from}: empty link"));
    }
    if let Some(frag) = l.strip_prefix('#') {
        if !frag.is_empty() && !from_ids.iter().any(|i| i == frag) {
            return Some(format!("{from}: fragment {l} has no element with that id"));
        }
        return None;
    }
    let path = if let Some(rest) = l.strip_prefix(&origin_base) {
        format!("{}{rest}", site.prefix)
    } else if l.starts_with("http://127.0.0.1:1") {
        return Some(format!("{from}: absolute link {l} outside the base URL"));
    } else if l.starts_with("//") {
        return Some(format!("{from}: protocol-relative link {l}"));
    } else if l.starts_with('/') {
        l.to_string()
    } else if l.contains(':')
        && l.split(':')
            .next()
            .unwrap()
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    {
        return None; // https:, mailto:, tel: … — external
    } else {
        return Some(format!(
            "{from}: relative link {l} (links must carry the base path {})",
            site.prefix
        ));
    };
    if !path.starts_with(&site.prefix) {
        return Some(format!(
            "{from}: link {l} does not start with the base path {}",
            site.prefix
        ));
    }
    let target = site.target_of(&path)?;
    if !target.is_file() {
        return Some(format!(
            "{from}: link {l} → {} does not exist",
            target.display()
        ));
    }
    if html_target {
        if let Some((_, frag)) = path.split_once('#') {
            if !frag.is_empty() && target.extension().is_some_and(|e| e == "html") {
                let t = std::fs::read_to_string(&target).unwrap();
                if !ids(&t).iter().any(|i| i == frag) {
                    return Some(format!("{from}: link {l} points at a missing id"));
                }
            }
        }
    }
    None
}

fn json_strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| json_strings(x, out)),
        serde_json::Value::Object(m) => m.values().for_each(|x| json_strings(x, out)),
        _ => {}
    }
}

#[test]
fn every_internal_link_resolves_under_a_sub_path_base_url() {
    let site = multi();
    assert_eq!(site.prefix, SUB_PREFIX);
    let mut problems = Vec::new();
    let mut checked = 0;
    for (f, html) in site.html_files() {
        let page_ids = ids(&html);
        for l in links(&html) {
            checked += 1;
            problems.extend(check_link(&site, &f, &page_ids, &l, true));
        }
        // URLs the search script reads (indexes, the action list).
        for t in tags(&html) {
            if let Some(cfg) = t.attr("data-search") {
                let v: serde_json::Value = serde_json::from_str(cfg)
                    .unwrap_or_else(|e| panic!("{f}: data-search is not JSON: {e}"));
                let mut s = Vec::new();
                json_strings(&v, &mut s);
                for u in s
                    .iter()
                    .filter(|u| u.starts_with('/') || u.starts_with("http://127.0.0.1"))
                {
                    checked += 1;
                    problems.extend(check_link(&site, &f, &page_ids, u, false));
                }
            }
        }
    }
    // Feeds and the sitemap use absolute URLs under base_url.
    let mut xml_files = vec!["sitemap.xml".to_string()];
    xml_files.extend(
        places(&published("multi"))
            .iter()
            .map(|p| format!("{p}/feed.xml")),
    );
    for f in &xml_files {
        let xml = site.read(f);
        let urls = xml_urls(&xml);
        assert!(!urls.is_empty(), "{f} has URLs");
        for u in urls.iter().filter(|u| u.starts_with("http")) {
            checked += 1;
            assert!(u.starts_with(SUB_BASE), "{f}: {u} is not under {SUB_BASE}");
            problems.extend(check_link(&site, f, &[], u, false));
        }
    }
    // URLs inside the search indexes and open data.
    for (f, text) in text_files(&site)
        .into_iter()
        .filter(|(f, _)| f.ends_with(".json"))
    {
        let v: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{f} is not JSON: {e}"));
        let mut s = Vec::new();
        json_strings(&v, &mut s);
        for u in s.iter().filter(|u| {
            (u.starts_with(SUB_PREFIX) || u.starts_with(SUB_BASE))
                && !u.contains(char::is_whitespace)
        }) {
            checked += 1;
            problems.extend(check_link(&site, &f, &[], u, false));
        }
    }
    assert!(checked > 500, "checked {checked} links");
    assert!(
        problems.is_empty(),
        "{} broken links:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn links_written_in_markdown_resolve_to_pages_and_files() {
    let site = multi();
    let h = hrefs(&site.page("kommun"));
    for want in [
        "kommun/ambitions/utbildning/",
        "oost/",
        "kommun/files/karta.txt",
        "files/logo.txt",
    ] {
        let url = format!("{}{want}", site.prefix);
        assert!(
            h.contains(&url),
            "programme body links to {url}; links: {h:?}"
        );
    }
    assert!(
        h.iter()
            .any(|l| l.starts_with('#') && l.contains("framtidsbild")),
        "heading link kept"
    );
}
