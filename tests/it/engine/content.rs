//! What the built pages contain: the language of each place, no drafts anywhere, open data
//! counts that match the content, and site terms on Dutch pages.

use std::collections::{BTreeMap, BTreeSet};

use crate::common::{fixture_entities, html_lang, place_langs, published, visible_text, Ent};

use super::{multi, places, text_files};

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
