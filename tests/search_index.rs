//! The public contract of `ambit::search::build_index`: a `search-index.json` that
//! elasticlunr.js `Index.load` reads (version, fields, ref, documentStore, index, pipeline),
//! in the place's language, plus the result-list data under "ambit".

use ambit::search::{build_index, SearchDoc};
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
    }
}

fn index(lang: &str, docs: &[SearchDoc]) -> Value {
    serde_json::from_str(&build_index(lang, docs)).expect("valid JSON")
}

/// Whether `term` is a key path in the field's trie with documents.
fn has_term(v: &Value, field: &str, term: &str) -> bool {
    let mut node = &v["index"][field]["root"];
    for c in term.chars() {
        node = &node[c.to_string().as_str()];
    }
    node["docs"].as_object().is_some_and(|d| !d.is_empty())
}

#[test]
fn keys_that_elasticlunr_js_reads() {
    let docs = [page(
        "Ny lekplats",
        "action",
        "/p/getinge/actions/ny-lekplats/",
        "Gungor.",
        "Vid skolan.",
    )];
    let v = index("sv", &docs);
    for key in [
        "version",
        "fields",
        "ref",
        "documentStore",
        "index",
        "pipeline",
    ] {
        assert!(v.get(key).is_some(), "{key}");
    }
    assert_eq!(
        v["documentStore"]["save"], false,
        "documents are not stored"
    );
    assert_eq!(
        v["documentStore"]["docs"]["0"],
        serde_json::json!({}),
        "refs are numbers"
    );
    let fields: Vec<&str> = v["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert!(fields.contains(&"title") && fields.contains(&"summary") && fields.contains(&"body"));
    for f in &fields {
        assert!(v["index"][f]["root"].is_object(), "index.{f}.root");
    }
}

#[test]
fn each_language_has_its_pipeline_and_stemmer() {
    let sv = index("sv", &[page("Lekplatserna", "action", "/a/", "", "")]);
    assert_eq!(
        sv["pipeline"],
        serde_json::json!(["trimmer-sv", "stopWordFilter-sv", "stemmer-sv"])
    );
    assert!(has_term(&sv, "title", "lekplats"));
    let nl = index("nl", &[page("De speeltuinen", "action", "/a/", "", "")]);
    assert_eq!(
        nl["pipeline"],
        serde_json::json!(["trimmer-du", "stopWordFilter-du", "stemmer-du"])
    );
    assert!(has_term(&nl, "title", "speeltuin"));
    assert!(!has_term(&nl, "title", "de"), "stop words are left out");
    let en = index("en", &[page("The playgrounds", "action", "/a/", "", "")]);
    assert_eq!(
        en["pipeline"],
        serde_json::json!(["trimmer", "stopWordFilter", "stemmer"])
    );
    assert!(has_term(&en, "title", "playground"));
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
    let v = index("sv", &[a, b]);
    let x = &v["ambit"];
    let base = x["base"].as_str().unwrap();
    let doc = &x["docs"][0];
    assert_eq!(doc[0], "Ny lekplats");
    assert_eq!(
        x["kinds"][doc[1].as_u64().unwrap() as usize],
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
        format!("{base}{}", x["docs"][1][2].as_str().unwrap()),
        "/sub/getinge/"
    );
    assert_eq!(
        x["docs"][1][3], "Visionen.",
        "the body stands in for a missing summary"
    );
}

#[test]
fn words_are_split_at_punctuation_and_compounds_kept_whole_too() {
    let v = index(
        "nl",
        &[page(
            "Speeltuin",
            "action",
            "/a/",
            "",
            "Uit de (wijk)begroting betaald.",
        )],
    );
    for t in ["wijk", "begrot", "wijkbegrot"] {
        assert!(has_term(&v, "body", t), "{t}");
    }
}
