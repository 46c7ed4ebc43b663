//! Unit tests of the sharded index: files, pipelines and result rows. Full text at any size,
//! the sizes a query fetches and the cost of building are measured on a synthetic corpus in
//! `bench/corpus/tests/`.

use serde_json::Value;

use super::text::loose;
use super::{build_index, IndexFiles, SearchDoc};

fn doc<'a>(
    title: &'a str,
    kind: &'a str,
    url: &'a str,
    summary: &'a str,
    body: &'a str,
) -> SearchDoc<'a> {
    SearchDoc {
        title,
        kind,
        kind_label: kind,
        status: None,
        status_label: None,
        url,
        summary,
        body,
        tags: &[],
        facts: "",
    }
}

fn manifest(files: &IndexFiles) -> Value {
    serde_json::from_str(&files.manifest).expect("the manifest is JSON")
}

fn file<'a>(files: &'a IndexFiles, rel: &str) -> &'a str {
    files.file(rel).unwrap_or_else(|| panic!("{rel}"))
}

fn shard_of<'a>(files: &'a IndexFiles, fam: &str, f: &str) -> (usize, &'a str) {
    files.shard_of(fam, f).expect("a shard")
}

/// The pages (numbers) a term is posted for, read from its prefix shard.
fn pages_of(files: &IndexFiles, code: &str, term: &str) -> Vec<u64> {
    let (_, text) = shard_of(files, "t", &loose(code, term));
    let v: Value = serde_json::from_str(text).unwrap();
    let Some(e) = v.as_array().unwrap().iter().find(|e| e[0] == term) else {
        return vec![];
    };
    let flat = e[1].as_array().unwrap();
    let mut page = 0;
    flat.chunks(2)
        .map(|c| {
            page += c[0].as_u64().unwrap();
            page
        })
        .collect()
}

#[test]
fn the_manifest_names_language_pipeline_and_files() {
    let docs = [doc(
        "Ny lekplats",
        "action",
        "/p/getinge/actions/ny-lekplats/",
        "Gungor.",
        "Vid skolan.",
    )];
    let files = build_index("sv", &docs);
    let m = manifest(&files);
    assert_eq!(m["lang"], "sv");
    assert_eq!(m["n"], 1);
    assert_eq!(m["base"], "/p/getinge/actions/ny-lekplats/");
    assert_eq!(
        m["pipeline"],
        serde_json::json!(["trimmer-sv", "stopWordFilter-sv", "stemmer-sv"])
    );
    for (fam, n) in [("t", 0), ("s", 0), ("d", 0)] {
        let text = file(&files, &format!("{fam}/{n}.json"));
        assert!(
            serde_json::from_str::<Value>(text).is_ok(),
            "{fam}/{n}.json is JSON"
        );
    }
    let rows: Value = serde_json::from_str(file(&files, "d/0.json")).unwrap();
    assert_eq!(rows[0][0], "Ny lekplats");
    assert_eq!(rows[0][3], "Gungor.");
    assert_eq!(pages_of(&files, "sv", "lekplat"), [0]);
    assert_eq!(
        pages_of(&files, "sv", "skolan"),
        [0],
        "body words are indexed"
    );
}

#[test]
fn dutch_and_english_use_their_pipelines() {
    let docs = [doc("Nieuwe speeltuinen", "action", "/a/", "", "")];
    let files = build_index("nl", &docs);
    assert_eq!(manifest(&files)["lang"], "du");
    assert_eq!(pages_of(&files, "du", "speeltuin"), [0]);
    let files = build_index("en", &[doc("New playgrounds", "action", "/a/", "", "")]);
    assert_eq!(pages_of(&files, "en", "playground"), [0]);
}

#[test]
fn facts_are_indexed() {
    let mut d = doc("Ny lekplats", "action", "/a/", "", "");
    d.facts = "Tekniska nämnden. Investering";
    let files = build_index("sv", &[d]);
    assert_eq!(pages_of(&files, "sv", "investering"), [0]);
}

#[test]
fn an_empty_place_gives_an_empty_index() {
    let files = build_index("sv", &[]);
    assert_eq!(manifest(&files)["n"], 0);
}
