//! Integration tests of `ambit build` on the fixture corpora in
//! tests/fixtures/, asserting on the files really written: the output layout
//! of the spec (section 4), links between pages and places, languages,
//! drafts, hostile content, open data, the search index, site terms and the
//! all-or-nothing replacement of the output folder.

use std::collections::{BTreeMap, BTreeSet};

use crate::common::*;

fn multi() -> Site {
    build_fixture("multi", Some(SUB_BASE))
}

fn places(ents: &[Ent]) -> Vec<String> {
    let set: BTreeSet<String> = ents.iter().map(|e| e.place.clone()).collect();
    set.into_iter().collect()
}

fn text_files(site: &Site) -> Vec<(String, String)> {
    site.files()
        .into_iter()
        .filter(|f| !f.starts_with("static/") && !f.starts_with(".ambit"))
        .filter_map(|f| std::fs::read_to_string(site.path(&f)).ok().map(|t| (f, t)))
        .collect()
}

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

#[test]
fn every_page_has_the_language_of_its_place() {
    let site = multi();
    let langs = place_langs("multi");
    assert_eq!(langs["oost"], "nl");
    assert_eq!(langs["kommun"], "sv");
    assert_eq!(langs["brookfield"], "en");
    let mut seen = BTreeMap::new();
    for (f, html) in site.html_files() {
        let first = f.split('/').next().unwrap();
        let want = langs.get(first).map(String::as_str).unwrap_or("en");
        let got = html_lang(&html);
        assert_eq!(
            got.as_deref(),
            Some(want),
            "{f} has <html lang={got:?}>, want {want}"
        );
        *seen.entry(want).or_insert(0) += 1;
    }
    assert!(seen.get("nl").copied().unwrap_or(0) >= 10, "{seen:?}");
    // The Atom feed carries the language too.
    assert!(site.read("oost/feed.xml").contains("xml:lang=\"nl\""));
    assert!(site.read("kommun/feed.xml").contains("xml:lang=\"sv\""));
}

#[test]
fn drafts_are_absent_from_pages_index_data_feed_and_sitemap() {
    let site = multi();
    let drafts: Vec<Ent> = fixture_entities("multi")
        .into_iter()
        .filter(Ent::draft)
        .collect();
    assert_eq!(drafts.len(), 2, "one draft ambition, one draft action");
    for d in &drafts {
        assert!(
            !site.path(&d.folder()).exists(),
            "draft page {} was written",
            d.folder()
        );
    }
    let mut hits = Vec::new();
    for (f, text) in text_files(&site) {
        for needle in ["Qzxdraft", "utkast-mal", "utkast-atgard"] {
            if text.contains(needle) {
                hits.push(format!("{f} contains {needle}"));
            }
        }
    }
    assert!(hits.is_empty(), "drafts leaked:\n{}", hits.join("\n"));
    // Draft actions are not counted either.
    let n_actions = published("multi")
        .iter()
        .filter(|e| e.kind == "actions" && e.place == "kommun")
        .count();
    let v: serde_json::Value =
        serde_json::from_str(&site.read("kommun/data/actions.json")).unwrap();
    assert_eq!(v.as_array().unwrap().len(), n_actions);
}

#[test]
fn open_data_counts_match_the_published_content() {
    let site = multi();
    let ents = published("multi");
    for place in places(&ents) {
        let actions: BTreeSet<String> = ents
            .iter()
            .filter(|e| e.place == place && e.kind == "actions")
            .map(|e| e.id.clone())
            .collect();
        let indicators: Vec<&Ent> = ents
            .iter()
            .filter(|e| e.place == place && e.kind == "indicators")
            .collect();
        let n_values: usize = indicators
            .iter()
            .map(|e| e.fm["values"].as_sequence().map_or(0, Vec::len))
            .sum();

        let aj: serde_json::Value =
            serde_json::from_str(&site.read(&format!("{place}/data/actions.json")))
                .expect("actions.json is JSON");
        let arr = aj.as_array().expect("actions.json is an array");
        assert_eq!(arr.len(), actions.len(), "{place}/data/actions.json");
        let ids: BTreeSet<String> = arr
            .iter()
            .map(|r| r["id"].as_str().expect("row has id").to_string())
            .collect();
        assert_eq!(ids, actions, "{place} action ids");

        let csv_text = site.read(&format!("{place}/data/actions.csv"));
        let mut rdr = csv::Reader::from_reader(csv_text.as_bytes());
        let headers = rdr.headers().expect("csv header").clone();
        let id_col = headers
            .iter()
            .position(|h| h == "id")
            .expect("actions.csv has an id column");
        let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.expect("csv row")).collect();
        assert_eq!(rows.len(), actions.len(), "{place}/data/actions.csv rows");
        let ids: BTreeSet<String> = rows.iter().map(|r| r[id_col].to_string()).collect();
        assert_eq!(ids, actions, "{place} action ids in CSV");

        let ij: serde_json::Value =
            serde_json::from_str(&site.read(&format!("{place}/data/indicators.json")))
                .expect("indicators.json is JSON");
        assert_eq!(
            ij.as_array().expect("array").len(),
            indicators.len(),
            "{place}/data/indicators.json"
        );

        let csv_text = site.read(&format!("{place}/data/indicators.csv"));
        let mut rdr = csv::Reader::from_reader(csv_text.as_bytes());
        let rows = rdr.records().count();
        assert_eq!(
            rows, n_values,
            "{place}/data/indicators.csv has one row per value"
        );
    }
    // Values keep their numbers; the target is present.
    let ij: serde_json::Value =
        serde_json::from_str(&site.read("kommun/data/indicators.json")).unwrap();
    let cyk = ij
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "cykelvag-km")
        .expect("cykelvag-km row");
    let s = cyk.to_string();
    assert!(
        s.contains("8.2") && s.contains("10.1") && s.contains("14"),
        "{s}"
    );
}

/// Every file of a place's sharded search index (`search-index/…`), parsed.
fn search_files(site: &Site, dir: &str) -> Vec<(String, serde_json::Value)> {
    site.files()
        .into_iter()
        .filter(|f| f.ends_with(".json") && f.starts_with(&format!("{dir}search-index/")))
        .map(|f| {
            let v = serde_json::from_str(&site.read(&f)).unwrap_or_else(|e| panic!("{f}: {e}"));
            (f, v)
        })
        .collect()
}

#[test]
fn search_index_is_sharded_json_without_drafts() {
    let site = multi();
    let ents = published("multi");
    for place in places(&ents) {
        let files = search_files(&site, &format!("{place}/"));
        let manifest = &files
            .iter()
            .find(|(f, _)| f.ends_with("search-index/manifest.json"))
            .unwrap_or_else(|| panic!("{place}/search-index/manifest.json"))
            .1;
        for key in ["lang", "pipeline", "n", "base", "kinds", "docs", "t", "s"] {
            assert!(
                manifest.get(key).is_some(),
                "{place}/search-index/manifest.json lacks `{key}`"
            );
        }
        let n = ents.iter().filter(|e| e.place == place).count();
        let docs = manifest["n"].as_u64().expect("n") as usize;
        assert!(
            docs >= n - 1,
            "{place}: {docs} documents indexed for {n} published files"
        );
        let t = manifest["t"].as_array().unwrap().len();
        assert_eq!(
            files
                .iter()
                .filter(|(f, _)| f.contains("search-index/t/"))
                .count(),
            t,
            "{place}: one file per prefix key"
        );
        for (f, _) in &files {
            assert!(!site.read(f).contains("Qzxdraft"), "{f} has a draft");
        }
        // The search page names its results element.
        assert_eq!(
            ids(&site.page(&format!("{place}/search")))
                .iter()
                .filter(|i| *i == "search-results")
                .count(),
            1
        );
    }
    // A word of an action's title is in the index of its place.
    let text: String = search_files(&site, "brookfield/")
        .iter()
        .map(|(_, v)| v.to_string())
        .collect();
    assert!(
        text.contains("\"footpath\""),
        "brookfield index has `footpath`"
    );
}

/// The pages an elasticlunr inverted index (`index.<field>.root`, a trie by character) files
/// under `term`.
fn lunr_docs<'a>(
    v: &'a serde_json::Value,
    field: &str,
    term: &str,
) -> Option<&'a serde_json::Map<String, serde_json::Value>> {
    let mut node = &v["index"][field]["root"];
    for c in term.chars() {
        node = node.get(c.to_string())?;
    }
    node["docs"].as_object()
}

#[test]
fn search_index_is_elasticlunr_json_without_drafts() {
    let site = multi();
    let ents = published("multi");
    for place in places(&ents) {
        let text = site.read(&format!("{place}/search-index.json"));
        let v: serde_json::Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{place}/search-index.json: {e}"));
        for key in ["fields", "ref", "index", "documentStore", "pipeline"] {
            assert!(
                v.get(key).is_some(),
                "{place}/search-index.json lacks `{key}`"
            );
        }
        let fields: Vec<&str> = v["fields"]
            .as_array()
            .expect("fields array")
            .iter()
            .filter_map(|f| f.as_str())
            .collect();
        assert!(fields.contains(&"title"), "{fields:?}");
        let mine: Vec<&Ent> = ents.iter().filter(|e| e.place == place).collect();
        let docs = v["documentStore"]["length"]
            .as_u64()
            .expect("documentStore.length") as usize;
        assert!(
            docs >= mine.len() - 1,
            "{place}: {docs} documents indexed for {} published files",
            mine.len()
        );
        assert!(!text.contains("Qzxdraft"), "{place}: a draft is indexed");
        // Each page is found by a word of its title, under its URL.
        let lang = site.read(&format!("{place}/search-index/manifest.json"));
        let lang: serde_json::Value = serde_json::from_str(&lang).unwrap();
        let lang = lang["lang"].as_str().unwrap();
        for e in &mine {
            let url = site.url(&e.folder());
            let found = ambit::search::terms_of(lang, &e.title())
                .iter()
                .any(|t| lunr_docs(&v, "title", t).is_some_and(|d| d.contains_key(&url)));
            assert!(
                found,
                "{place}: `{}` not found by its title at {url}",
                e.title()
            );
        }
    }
    // A word of an action's title is in the index of its place.
    let v: serde_json::Value =
        serde_json::from_str(&site.read("brookfield/search-index.json")).unwrap();
    assert!(
        lunr_docs(&v, "title", "footpath").is_some_and(|d| !d.is_empty()),
        "brookfield index has `footpath`"
    );
}

#[test]
fn site_terms_name_things_on_dutch_pages() {
    let site = multi();
    let action = site.page("oost/actions/fietsenstalling");
    assert!(
        action.contains("Strategisch doel"),
        "an nl action page names its ambition `Strategisch doel`"
    );
    assert!(
        action.contains("Inspanning"),
        "an nl action page is an `Inspanning`"
    );
    let amb = site.page("oost/ambitions/groen-oost");
    assert!(
        amb.contains("Strategisch doel"),
        "nl ambition page kind label"
    );
    assert!(
        amb.contains("Inspanningen"),
        "nl ambition page heads its actions `Inspanningen`"
    );
    let home = site.page("oost");
    assert!(
        home.contains("Strategische doelen"),
        "nl navigation names the ambitions"
    );
    // Terms are per language: Swedish and English pages keep their words.
    for f in [
        "kommun/ambitions/trygghet",
        "kommun/actions/belysning",
        "brookfield/actions/footpath",
        "kommun/ambitions/hallbara-resor",
    ] {
        let html = site.page(f);
        assert!(
            !html.contains("Strategisch doel") && !html.contains("nspanning"),
            "{f} uses nl terms"
        );
    }
}

#[test]
fn site_terms_replace_the_default_words_everywhere_on_dutch_pages() {
    let site = multi();
    let mut hits = Vec::new();
    for (f, html) in site
        .html_files()
        .into_iter()
        .filter(|(f, _)| f.starts_with("oost/"))
    {
        let text = visible_text(&html).to_lowercase();
        for w in text.split(|c: char| !c.is_alphanumeric()) {
            if ["ambitie", "ambities", "actie", "acties"].contains(&w) {
                hits.push(format!("{f}: `{w}`"));
            }
        }
    }
    hits.dedup();
    assert!(
        hits.is_empty(),
        "the default nl words remain although site.yaml renames them:\n{}",
        hits.join("\n")
    );
}

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
fn a_build_with_errors_leaves_the_previous_output_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    let out = tmp.path().join("out");
    copy_dir(&fixture("multi"), &content);
    let o = build(&content, &out, None);
    assert_eq!(code(&o), 0, "{}", both(&o));
    let before = snapshot(&out);
    assert!(before.len() > 50);

    let f = content.join("kommun/actions/belysning.md");
    let text = std::fs::read_to_string(&f)
        .unwrap()
        .replace("status: planned", "status: plannd");
    std::fs::write(&f, text).unwrap();
    std::fs::write(
        content.join("oost/actions/new-action.md"),
        "---\ntitle: Nieuw\nambition: kommun/nope\nstatus: idea\n---\n",
    )
    .unwrap();
    let o = build(&content, &out, None);
    assert_eq!(code(&o), 1, "content errors exit 1:\n{}", both(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("belysning.md") && err.contains("new-action.md"),
        "both errors are reported:\n{err}"
    );
    let after = snapshot(&out);
    assert!(before == after, "the previous output changed");
    let mut entries: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    entries.sort();
    assert_eq!(
        entries,
        ["content", "out"],
        "no staging folder is left behind"
    );
}

#[test]
fn a_successful_rebuild_replaces_the_whole_output() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    let out = tmp.path().join("out");
    copy_dir(&fixture("multi"), &content);
    let o = build(&content, &out, None);
    assert_eq!(code(&o), 0, "{}", both(&o));
    assert!(out.join("kommun/actions/kulturnatt/index.html").is_file());
    std::fs::write(out.join("stale.html"), "old").unwrap();
    std::fs::create_dir_all(out.join("kommun/actions/ghost")).unwrap();
    std::fs::write(out.join("kommun/actions/ghost/index.html"), "old").unwrap();
    std::fs::remove_file(content.join("kommun/actions/kulturnatt.md")).unwrap();

    let o = build(&content, &out, None);
    assert_eq!(code(&o), 0, "{}", both(&o));
    assert!(
        !out.join("stale.html").exists(),
        "stale file survived the rebuild"
    );
    assert!(
        !out.join("kommun/actions/ghost").exists(),
        "stale folder survived the rebuild"
    );
    assert!(
        !out.join("kommun/actions/kulturnatt").exists(),
        "page of a removed action survived"
    );
    assert!(out.join("kommun/actions/belysning/index.html").is_file());
    assert!(out.join(".ambit-output").is_file());
    let v: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("kommun/data/actions.json")).unwrap(),
    )
    .unwrap();
    assert!(!v.to_string().contains("kulturnatt"));
    // The old tree is kept as `.out.ambit-prev` for the next build to overwrite in place
    // (never served, never half-written); nothing else remains beside the output.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let mut entries: Vec<String> = std::fs::read_dir(tmp.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .collect();
        entries.sort();
        if entries == [".out.ambit-prev", "content", "out"] {
            assert!(tmp.path().join(".out.ambit-prev/.ambit-output").is_file());
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "leftovers beside the output: {entries:?}"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

#[test]
fn an_output_folder_not_written_by_ambit_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("precious");
    std::fs::create_dir_all(out.join("sub")).unwrap();
    std::fs::write(out.join("thesis.txt"), "do not delete").unwrap();
    std::fs::write(out.join("sub/notes.md"), "mine").unwrap();
    let before = snapshot(&out);
    let o = build(&fixture("multi"), &out, None);
    assert_eq!(
        code(&o),
        2,
        "refusing a foreign folder is an I/O error:\n{}",
        both(&o)
    );
    assert!(snapshot(&out) == before, "the foreign folder was changed");
    assert!(!out.join(".ambit-output").exists());
    let entries: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(entries.len(), 1, "nothing written beside it: {entries:?}");

    // An output path that is a file is refused too.
    let file = tmp.path().join("file-out");
    std::fs::write(&file, "x").unwrap();
    let o = build(&fixture("multi"), &file, None);
    assert_eq!(code(&o), 2, "{}", both(&o));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");

    // An empty existing folder may be used.
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let o = build(&fixture("multi"), &empty, None);
    assert_eq!(code(&o), 0, "{}", both(&o));
    assert!(empty.join("index.html").is_file());
}

#[test]
fn usage_errors_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let o = build(
        &tmp.path().join("no-such-content"),
        &tmp.path().join("out"),
        None,
    );
    assert_eq!(code(&o), 2, "{}", both(&o));
    assert!(!tmp.path().join("out").exists());
    let o = ambit(&[
        "check",
        "--content",
        &tmp.path().join("nope").display().to_string(),
    ]);
    assert_eq!(code(&o), 2, "{}", both(&o));
    let o = ambit(&["build", "--no-such-flag"]);
    assert_eq!(code(&o), 2, "{}", both(&o));
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

#[test]
fn gzip_copies_of_the_search_files_only_when_asked_for() {
    use std::io::Read;
    let plain = multi();
    assert!(
        !plain.files().iter().any(|f| f.ends_with(".gz")),
        "a build without --gzip writes no .gz files"
    );
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = ambit(&[
        "build",
        "--content",
        &fixture("multi").display().to_string(),
        "--output",
        &out.display().to_string(),
        "--base-url",
        SUB_BASE,
        "--gzip",
    ]);
    assert_eq!(code(&o), 0, "{}", both(&o));
    let files = list_files(&out);
    let json: Vec<&String> = files
        .iter()
        .filter(|f| f.contains("search-index/") && f.ends_with(".json"))
        .collect();
    assert!(json.len() > 10, "{} search files", json.len());
    for f in json {
        let gz =
            std::fs::read(out.join(format!("{f}.gz"))).unwrap_or_else(|e| panic!("{f}.gz: {e}"));
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut back)
            .unwrap_or_else(|e| panic!("{f}.gz: {e}"));
        assert_eq!(
            back,
            std::fs::read(out.join(f)).unwrap(),
            "{f}.gz holds {f}"
        );
    }
    // Nothing else is compressed, and the pages are the same as without --gzip.
    let gz: Vec<&String> = files.iter().filter(|f| f.ends_with(".gz")).collect();
    assert!(gz.iter().all(|f| f.contains("search-index/")), "{gz:?}");
    assert_eq!(
        std::fs::read(out.join("index.html")).unwrap(),
        std::fs::read(plain.path("index.html")).unwrap()
    );
}
