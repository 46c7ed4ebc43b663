//! The public contract of `ambit::search::build_index` and `build_site_index`: a manifest
//! (`search-index/manifest.json`) in the place's language that names its term shards and result-list
//! chunks, every term of every page in the shards, and the rows the result list shows.

use ambit::search::{build_index, build_site_index, IndexFiles, Place, SearchDoc};
use serde_json::Value;

fn page<'a>(
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
    serde_json::from_str(&files.manifest).expect("valid JSON")
}

/// term → page numbers, over every prefix shard; checks that the suffix shards agree.
fn terms(files: &IndexFiles) -> std::collections::BTreeMap<String, Vec<u64>> {
    let mut out = std::collections::BTreeMap::new();
    let mut suffix = std::collections::BTreeMap::new();
    for (path, text) in &files.files {
        let target = if path.starts_with("t/") {
            &mut out
        } else if path.starts_with("s/") {
            &mut suffix
        } else {
            continue;
        };
        let v: Value = serde_json::from_str(text).expect("shard is JSON");
        for e in v.as_array().unwrap() {
            let mut page = 0;
            let pages = e[1].as_array().unwrap().chunks(2).map(|c| {
                page += c[0].as_u64().unwrap();
                assert!(c[1].as_u64().unwrap() >= 1, "weights are positive");
                page
            });
            let pages: Vec<u64> = pages.collect();
            assert!(
                target
                    .insert(e[0].as_str().unwrap().to_string(), pages)
                    .is_none(),
                "{path}: {e} twice"
            );
        }
    }
    for (t, pages) in &suffix {
        assert_eq!(out.get(t), Some(pages), "suffix shard of {t} agrees");
    }
    out
}

/// The result-list rows, in page order.
fn rows(files: &IndexFiles) -> Vec<Value> {
    let n = manifest(files)["docs"]["files"].as_u64().unwrap();
    (0..n)
        .flat_map(|i| {
            let text = &files
                .files
                .iter()
                .find(|(p, _)| *p == format!("d/{i}.json"))
                .unwrap()
                .1;
            let v: Value = serde_json::from_str(text).unwrap();
            v.as_array().unwrap().clone()
        })
        .collect()
}

#[test]
fn the_manifest_names_every_file() {
    let docs = [page(
        "Ny lekplats",
        "action",
        "/p/getinge/actions/ny-lekplats/",
        "Gungor.",
        "Vid skolan.",
    )];
    let files = build_index("sv", &docs);
    let m = manifest(&files);
    assert_eq!(m["n"], 1);
    for fam in ["t", "s"] {
        let keys = m[fam].as_array().unwrap().len();
        let n = files
            .files
            .iter()
            .filter(|(p, _)| p.starts_with(&format!("{fam}/")))
            .count();
        assert_eq!(keys, n, "{fam}: a file per key");
    }
    let paths: Vec<String> = files.paths("getinge/").map(|(p, _)| p).collect();
    assert!(paths.contains(&"getinge/search-index/manifest.json".to_string()));
    assert!(paths.contains(&"getinge/search-index/t/0.json".to_string()));
    assert!(paths.contains(&"getinge/search-index/d/0.json".to_string()));
}

#[test]
fn each_language_has_its_pipeline_and_stemmer() {
    let sv = build_index("sv", &[page("Lekplatserna", "action", "/a/", "", "")]);
    assert_eq!(
        manifest(&sv)["pipeline"],
        serde_json::json!(["trimmer-sv", "stopWordFilter-sv", "stemmer-sv"])
    );
    assert!(terms(&sv).contains_key("lekplats"));
    let nl = build_index("nl", &[page("De speeltuinen", "action", "/a/", "", "")]);
    assert_eq!(
        manifest(&nl)["pipeline"],
        serde_json::json!(["trimmer-du", "stopWordFilter-du", "stemmer-du"])
    );
    assert!(terms(&nl).contains_key("speeltuin"));
    assert!(!terms(&nl).contains_key("de"), "stop words are left out");
    let en = build_index("en", &[page("The playgrounds", "action", "/a/", "", "")]);
    assert_eq!(
        manifest(&en)["pipeline"],
        serde_json::json!(["trimmer", "stopWordFilter", "stemmer"])
    );
    assert!(terms(&en).contains_key("playground"));
}

#[test]
fn result_list_data_has_title_kind_status_and_url() {
    let mut a = page(
        "Ny lekplats",
        "action",
        "/sub/getinge/actions/ny-lekplats/",
        "En lekplats.",
        "",
    );
    a.kind_label = "Åtgärd";
    a.status = Some("ongoing");
    a.status_label = Some("Pågår");
    let b = page("Getinge", "programme", "/sub/getinge/", "", "Visionen.");
    let files = build_index("sv", &[a, b]);
    let m = manifest(&files);
    let base = m["base"].as_str().unwrap();
    let rows = rows(&files);
    let doc = &rows[0];
    assert_eq!(doc[0], "Ny lekplats");
    assert_eq!(
        m["kinds"][doc[1].as_u64().unwrap() as usize],
        serde_json::json!(["action", "Åtgärd"])
    );
    assert_eq!(
        format!("{base}{}", doc[2].as_str().unwrap()),
        "/sub/getinge/actions/ny-lekplats/"
    );
    assert_eq!(doc[3], "En lekplats.");
    assert_eq!(
        (&doc[4], &doc[5]),
        (&serde_json::json!("ongoing"), &serde_json::json!("Pågår"))
    );
    assert_eq!(
        format!("{base}{}", rows[1][2].as_str().unwrap()),
        "/sub/getinge/"
    );
    assert_eq!(
        rows[1][3], "Visionen.",
        "the body stands in for a missing summary"
    );
}

#[test]
fn words_are_split_at_punctuation_and_compounds_kept_whole_too() {
    let files = build_index(
        "nl",
        &[page(
            "Speeltuin",
            "action",
            "/a/",
            "",
            "Uit de (wijk)begroting betaald.",
        )],
    );
    let t = terms(&files);
    for w in ["wijk", "begrot", "wijkbegrot"] {
        assert!(t.contains_key(w), "{w}");
    }
}

#[test]
fn every_word_of_a_long_body_is_indexed() {
    // 2,000 distinct words: the last ones as well as the first
    let words: Vec<String> = (0..2000).map(|i| format!("ord{i}x")).collect();
    let body = words.join(" ");
    let docs: Vec<SearchDoc> = (0..50)
        .map(|_| page("Sida", "action", "/a/", "", &body))
        .collect();
    let t = terms(&build_index("sv", &docs));
    for w in [&words[0], &words[1000], &words[1999]] {
        assert_eq!(t.get(w.as_str()).map(Vec::len), Some(50), "{w}");
    }
}

#[test]
fn the_site_wide_index_names_the_place_of_each_result() {
    let a = [page("Ny lekplats", "action", "/getinge/actions/a/", "", "")];
    let b = [page(
        "Ny badplats",
        "action",
        "/halmstad/actions/b/",
        "",
        "",
    )];
    let place = |name: &str, id: &str| Place {
        name: name.into(),
        actions_url: format!("/{id}/actions/"),
    };
    let files = build_site_index(
        "sv",
        &[
            (place("Getinge", "getinge"), a.into_iter().collect()),
            (place("Halmstad", "halmstad"), b.into_iter().collect()),
        ],
    );
    let m = manifest(&files);
    assert_eq!(
        m["places"],
        serde_json::json!([
            ["Getinge", "/getinge/actions/"],
            ["Halmstad", "/halmstad/actions/"]
        ])
    );
    let rows = rows(&files);
    assert_eq!(
        (rows[0][6].as_u64(), rows[1][6].as_u64()),
        (Some(1), Some(2))
    );
    let t = terms(&files);
    assert_eq!(t["lekplat"], [0]);
    assert_eq!(t["badplat"], [1]);
}
