//! Static search: builds the sharded search index of one place, or of all places of a
//! language for the site-wide search, with full text (no truncation) at any size.
//!
//! Files, all under the folder `search-index/` (and each also as a `.gz` copy with `--gzip`):
//!
//! - `search-index/manifest.json`, always fetched by the client (a few KB):
//!   `{"v": 2, "lang": "sv", "pipeline": ["trimmer-sv", …], "boost": {…}, "n": pages,
//!     "base": "/sub/getinge/", "kinds": [["action", "Åtgärd"], …],
//!     "places": [["Getinge", "/sub/getinge/actions/"], …], "docs": {"per": 8, "files": 66},
//!     "t": [prefix keys], "s": [suffix keys]}`
//! - `search-index/t/<n>.json` and `search-index/s/<n>.json`: the term shards of the key at
//!   position n of `t` or `s` (see `shard.rs`): `[[term, [page, weight, Δpage, weight, …]], …]`;
//! - `search-index/d/<n>.json`: the result-list rows of pages `n × per …`: `[title, kind, url
//!   after base, excerpt, status, status label, place]` (trailing empty ones left out).
//!
//! Terms come from elasticlunr-rs' pipeline for the language (trimmer, stop words,
//! Snowball/Porter stemmer; the manifest names it) after our own word splitting (`text.rs`),
//! which `themes/default/static/search/` mirrors exactly, stemmers included, so queries are
//! normalised like the documents. Each posting carries one weight for the page (field boosts,
//! term counts and field lengths, as elasticlunr scores them: `index.rs`); the client applies
//! the term's idf, matches prefixes, compound parts, accents and typos over the terms of the
//! shards it fetched, and fetches the rows of the results it shows.
//!
//! Every word of a page's title, tags, facts (responsible body, effort, …), summary and body is
//! indexed. A query fetches the manifest, for each word one or two prefix shards and one or two
//! suffix shards, and the row chunks of the first results: `search_size` of `bench/corpus/`
//! prints these sizes for places of 500 and 5,000 pages.
//!
//! Next to the folder, `<place>/search-index.json` is the place's index in elasticlunr's own
//! format (`lunr.rs`, no `.gz` copy): built with elasticlunr-rs over the titles, tags and summaries of its
//! published pages, for other tools that read elasticlunr indexes. The site's own client does
//! not fetch it; it uses the shards, which hold the full text.

mod analyzer;
pub mod gz;
mod index;
mod lunr;
mod manifest;
mod shard;
mod text;

#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod tests;

use analyzer::lunr_code;
pub use lunr::{lunr_index, LUNR_FIELDS};

/// One published page to index (drafts are never passed in). Any other document (a report,
/// say) is added the same way: a URL, a title and its text as the body.
pub struct SearchDoc<'a> {
    pub title: &'a str,
    /// "programme" | "area" | "ambition" | "strategy" | "indicator" | "action" | …
    pub kind: &'a str,
    /// localized label, e.g. "Åtgärd"
    pub kind_label: &'a str,
    /// action status code, e.g. "ongoing"
    pub status: Option<&'a str>,
    /// localized, e.g. "Pågår"
    pub status_label: Option<&'a str>,
    /// absolute path incl. base prefix, e.g. "/sub/getinge/actions/ny-lekplats/"
    pub url: &'a str,
    pub summary: &'a str,
    /// plain text of the Markdown body (no markup)
    pub body: &'a str,
    pub tags: &'a [String],
    /// facts in plain words (responsible body, effort, funding, …), indexed like tags
    pub facts: &'a str,
}

/// A place as the results of a site-wide search name it.
pub struct Place {
    pub name: String,
    /// its action list, linked when nothing is found
    pub actions_url: String,
}

/// Indexed fields, in the order they are added, with their query-time boost.
pub(crate) const FIELDS: [(&str, u32); 4] =
    [("title", 4), ("tags", 2), ("summary", 2), ("body", 1)];

/// Characters of the excerpt shown under a result.
pub(crate) const EXCERPT_CHARS: usize = 160;

/// Where the manifest of an index is, under the folder of its place (or of its language).
pub const MANIFEST: &str = "search-index/manifest.json";

/// The files of one sharded index: the manifest and the rest, by path under `search-index/`.
#[derive(Default)]
pub struct IndexFiles {
    pub manifest: String,
    pub files: Vec<(String, String)>,
}

impl IndexFiles {
    /// The text of the file at `rel` below `search-index/` (`t/0.json`).
    pub fn file(&self, rel: &str) -> Option<&str> {
        self.files
            .iter()
            .find(|(p, _)| p == rel)
            .map(|(_, f)| f.as_str())
    }

    /// The shard of family `fam` that holds a term of loose form `loose` (reversed for the
    /// suffix family "s"), as the search script finds it: the longest key `loose` starts with;
    /// its number and text.
    pub fn shard_of(&self, fam: &str, loose: &str) -> Option<(usize, &str)> {
        let m: serde_json::Value = serde_json::from_str(&self.manifest).ok()?;
        let (i, _) = m[fam]
            .as_array()?
            .iter()
            .filter_map(|k| k.as_str())
            .enumerate()
            .filter(|(_, k)| loose.starts_with(k))
            .max_by_key(|(_, k)| k.len())?;
        Some((i, self.file(&format!("{fam}/{i}.json"))?))
    }

    /// Every file by its path under `dir` (`dir` + "search-index/manifest.json",
    /// `dir` + "search-index/t/0.json", …).
    pub fn paths<'a>(&'a self, dir: &'a str) -> impl Iterator<Item = (String, &'a str)> + 'a {
        std::iter::once((format!("{dir}{MANIFEST}"), self.manifest.as_str())).chain(
            self.files
                .iter()
                .map(move |(p, f)| (format!("{dir}search-index/{p}"), f.as_str())),
        )
    }
}

/// The analysed text of one set of pages (a place's): every term with its postings. A place's
/// index and the site-wide index of its language are built from the same analysis.
pub struct Analysed {
    terms: index::Terms,
    pages: u32,
}

/// Analyses the text of `docs` (in language `lang`).
pub fn analyse(lang: &str, docs: &[SearchDoc]) -> Analysed {
    let refs: Vec<&SearchDoc> = docs.iter().collect();
    Analysed {
        terms: index::build(lunr_code(lang), &refs),
        pages: docs.len() as u32,
    }
}

/// The index of one place. lang is "sv", "en" or "nl".
pub fn build_index(lang: &str, docs: &[SearchDoc]) -> IndexFiles {
    build_index_from(lang, docs, &analyse(lang, docs))
}

/// The index of one place from its analysed text (`analysed` must come from `docs`).
pub fn build_index_from(lang: &str, docs: &[SearchDoc], analysed: &Analysed) -> IndexFiles {
    let refs: Vec<&SearchDoc> = docs.iter().collect();
    build(
        lang,
        &[],
        &refs,
        &vec![0; refs.len()],
        &analysed.terms,
        shard::SHARD_BYTES,
        &|| false,
    )
    .unwrap_or_default()
}

/// The site-wide index of the places of one language: each result names its place.
pub fn build_site_index(lang: &str, places: &[(Place, Vec<SearchDoc>)]) -> IndexFiles {
    let analysed: Vec<Analysed> = places.iter().map(|(_, d)| analyse(lang, d)).collect();
    let with: Vec<(&Place, &[SearchDoc], &Analysed)> = places
        .iter()
        .zip(&analysed)
        .map(|((p, d), a)| (p, d.as_slice(), a))
        .collect();
    build_site_index_unless(lang, &with, &|| false).unwrap_or_default()
}

/// Like [`build_site_index`], from each place's analysed text; gives up (None) as soon as
/// `stale` says the result is no longer wanted.
pub fn build_site_index_unless(
    lang: &str,
    places: &[(&Place, &[SearchDoc], &Analysed)],
    stale: &(dyn Fn() -> bool + Sync),
) -> Option<IndexFiles> {
    let mut refs = Vec::new();
    let mut place_of = Vec::new();
    for (p, (_, docs, _)) in places.iter().enumerate() {
        refs.extend(docs.iter());
        place_of.extend(std::iter::repeat_n(p + 1, docs.len()));
    }
    let parts: Vec<(&[index::Term], u32)> = places
        .iter()
        .map(|(_, _, a)| (a.terms.as_slice(), a.pages))
        .collect();
    let terms = index::merge(&parts);
    if stale() {
        return None;
    }
    let names: Vec<&Place> = places.iter().map(|(p, _, _)| *p).collect();
    build(
        lang,
        &names,
        &refs,
        &place_of,
        &terms,
        shard::SHARD_BYTES,
        stale,
    )
}

/// `place_of[i]`: 0 for an index of one place, else 1 + the place of `docs[i]` in `places`;
/// `terms`: the analysed text of `docs`.
fn build(
    lang: &str,
    places: &[&Place],
    docs: &[&SearchDoc],
    place_of: &[usize],
    terms: &[index::Term],
    bytes: usize,
    stale: &(dyn Fn() -> bool + Sync),
) -> Option<IndexFiles> {
    let code = lunr_code(lang);
    let fams = shard::families(code, terms, bytes);
    if stale() {
        return None;
    }
    let rows = manifest::rows(docs, place_of);
    let (per, chunks) = manifest::chunks(&rows.rows);
    let places: Vec<Place> = places
        .iter()
        .map(|p| Place {
            name: p.name.clone(),
            actions_url: p.actions_url.clone(),
        })
        .collect();
    let manifest = manifest::manifest(code, &places, &rows, per, chunks.len(), &fams);
    let mut files = Vec::new();
    for (fam, name) in fams.into_iter().zip(["t", "s"]) {
        for (i, f) in fam.files.into_iter().enumerate() {
            files.push((format!("{name}/{i}.json"), f));
        }
    }
    for (i, f) in chunks.into_iter().enumerate() {
        files.push((format!("d/{i}.json"), f));
    }
    Some(IndexFiles { manifest, files })
}

/// The index of one place with shards split above `bytes` (the fixtures use small shards).
#[cfg(test)]
pub(crate) fn build_index_with(lang: &str, docs: &[SearchDoc], bytes: usize) -> IndexFiles {
    let refs: Vec<&SearchDoc> = docs.iter().collect();
    let terms = index::build(lunr_code(lang), &refs);
    build(
        lang,
        &[],
        &refs,
        &vec![0; refs.len()],
        &terms,
        bytes,
        &|| false,
    )
    .unwrap_or_default()
}

/// The index terms of `text` in language `lang`, in order (for measurements and tools).
pub fn terms_of(lang: &str, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    analyzer::Analyzer::new(lunr_code(lang)).each_term(text, |t| out.push(t.to_string()));
    out
}

/// The loose form a term is filed under in the shards (see `shard.rs`).
pub fn loose_form(lang: &str, term: &str) -> String {
    text::loose(lunr_code(lang), term)
}
