//! Static search: builds the `search-index.json` of one place with elasticlunr-rs.

use elasticlunr::{Index, IndexBuilder};

/// One published page to index.
pub struct SearchDoc<'a> {
    pub title: &'a str,
    pub kind: &'a str,
    pub kind_label: &'a str,
    pub status: Option<&'a str>,
    pub status_label: Option<&'a str>,
    pub url: &'a str,
    pub summary: &'a str,
    pub body: &'a str,
    pub tags: &'a [String],
}

/// Returns the JSON text of `search-index.json` for one place.
pub fn build_index(lang: &str, docs: &[SearchDoc]) -> String {
    let code = if lang == "nl" { "du" } else { lang };
    let language = elasticlunr::lang::from_code(code).unwrap_or_else(|| Box::new(elasticlunr::lang::English::new()));
    let mut index: Index = IndexBuilder::with_language(language).save_docs(false).add_fields(&["title", "summary", "body"]).build();
    for (i, d) in docs.iter().enumerate() {
        index.add_doc(&i.to_string(), [d.title, d.summary, d.body]);
    }
    let mut v: serde_json::Value = serde_json::from_str(&index.to_json()).unwrap_or_default();
    v["ambit"] = serde_json::json!({"docs": docs.iter().map(|d| serde_json::json!([d.title, d.kind_label, d.url, d.summary, d.status_label])).collect::<Vec<_>>()});
    v.to_string()
}
