//! The search index: sharded JSON and elasticlunr JSON without drafts, and gzip copies
//! only when asked for.

use crate::common::{ambit, both, code, fixture, ids, list_files, published, Ent, Site, SUB_BASE};

use super::{multi, places};

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
