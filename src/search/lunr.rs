//! `<place>/search-index.json`: the place's index in elasticlunr's own format, built with
//! elasticlunr-rs over the title, tags and summary of every published page (`ref` = the page
//! URL), for other tools that read elasticlunr indexes. The site's own search client reads the
//! sharded full-text index instead (`search-index/manifest.json`, see the module `search`).

use elasticlunr::IndexBuilder;

use super::analyzer::{language, lunr_code};
use super::SearchDoc;

/// The fields of the elasticlunr index, in the order each page's values are added.
pub const LUNR_FIELDS: [&str; 3] = ["title", "tags", "summary"];

/// The elasticlunr index of `docs` in language `lang` ("sv", "nl" or "en"), as JSON bytes.
/// Pages are stored without their texts (the shards hold those), so only the terms, the field
/// lengths and the references are written.
pub fn lunr_index(lang: &str, docs: &[SearchDoc]) -> Vec<u8> {
    let mut index = IndexBuilder::with_language(language(lunr_code(lang)))
        .save_docs(false)
        .add_fields(LUNR_FIELDS)
        .set_ref("url")
        .build();
    for d in docs {
        let tags = d.tags.join(", ");
        index.add_doc(d.url, [d.title, tags.as_str(), d.summary]);
    }
    let mut out = Vec::with_capacity(256 * docs.len() + 1024);
    // Serialising plain maps, strings and numbers into memory cannot fail.
    serde_json::to_writer(&mut out, &index).expect("elasticlunr index serialises");
    out
}
