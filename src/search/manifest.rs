//! The result-list data (title, kind, URL, excerpt, status and place of each page, in chunks of
//! a few pages) and the manifest `search-index/manifest.json` that names everything else.

use serde_json::json;

use super::shard::{json_str, Family};
use super::{text, Place, SearchDoc, EXCERPT_CHARS, FIELDS};

/// A place's whole result list in one chunk up to this many bytes of JSON; above it, chunks of
/// about [`CHUNK_BYTES`], so that a page of results fetches a few small files.
const ONE_CHUNK_BYTES: usize = 24_000;
const CHUNK_BYTES: usize = 2_400;

/// The longest prefix of all URLs that ends with '/'.
fn common_base<'a>(docs: &[&SearchDoc<'a>]) -> &'a str {
    let Some(first) = docs.first() else { return "" };
    let mut len = first.url.len();
    for d in &docs[1..] {
        len = first.url[..len]
            .char_indices()
            .zip(d.url.chars())
            .find(|((_, a), b)| a != b)
            .map_or(len.min(d.url.len()), |((i, _), _)| i);
    }
    match first.url[..len].rfind('/') {
        Some(i) => &first.url[..=i],
        None => "",
    }
}

/// The result-list rows of `docs`: `[title, kind, url after base, excerpt, status, status
/// label, place]`, the last three left out from the end when empty (place 0).
pub(crate) struct Rows {
    pub base: String,
    pub kinds: Vec<(String, String)>,
    pub rows: Vec<String>,
}

pub(crate) fn rows(docs: &[&SearchDoc], place_of: &[usize]) -> Rows {
    let base = common_base(docs);
    let mut kinds: Vec<(String, String)> = Vec::new();
    let mut rows = Vec::with_capacity(docs.len());
    for (d, &place) in docs.iter().zip(place_of) {
        let k = match kinds
            .iter()
            .position(|k| k.0 == d.kind && k.1 == d.kind_label)
        {
            Some(k) => k,
            None => {
                kinds.push((d.kind.to_string(), d.kind_label.to_string()));
                kinds.len() - 1
            }
        };
        let source = if d.summary.trim().is_empty() {
            d.body
        } else {
            d.summary
        };
        let mut row = String::with_capacity(64 + d.title.len() + EXCERPT_CHARS * 2);
        row.push('[');
        json_str(&mut row, d.title);
        row.push_str(&format!(",{k},"));
        json_str(&mut row, &d.url[base.len()..]);
        row.push(',');
        json_str(&mut row, &text::excerpt(source, EXCERPT_CHARS));
        if d.status.is_some() || place > 0 {
            row.push(',');
            json_str(&mut row, d.status.unwrap_or(""));
            row.push(',');
            json_str(&mut row, d.status_label.or(d.status).unwrap_or(""));
        }
        if place > 0 {
            row.push_str(&format!(",{place}"));
        }
        row.push(']');
        rows.push(row);
    }
    Rows {
        base: base.to_string(),
        kinds,
        rows,
    }
}

/// Groups the rows into chunk files: (rows per chunk, files).
pub(crate) fn chunks(rows: &[String]) -> (usize, Vec<String>) {
    let total: usize = rows.iter().map(|r| r.len() + 1).sum();
    let per = if total <= ONE_CHUNK_BYTES {
        rows.len().max(1)
    } else {
        (CHUNK_BYTES * rows.len() / total).max(1)
    };
    let files = rows
        .chunks(per)
        .map(|c| format!("[{}]", c.join(",")))
        .collect();
    (per, files)
}

/// The manifest (see the module documentation of `search`).
pub(crate) fn manifest(
    code: &str,
    places: &[Place],
    rows: &Rows,
    per: usize,
    chunks: usize,
    fams: &[Family; 2],
) -> String {
    let pipeline: Vec<String> = super::analyzer::language(code)
        .make_pipeline()
        .queue
        .iter()
        .map(|f| f.name())
        .collect();
    let boost: serde_json::Map<String, serde_json::Value> = FIELDS
        .iter()
        .map(|(f, b)| (f.to_string(), json!(b)))
        .collect();
    json!({
        "v": 2,
        "lang": code,
        "pipeline": pipeline,
        "boost": boost,
        "n": rows.rows.len(),
        "base": rows.base,
        "kinds": rows.kinds.iter().map(|(k, l)| json!([k, l])).collect::<Vec<_>>(),
        "places": places.iter().map(|p| json!([p.name, p.actions_url])).collect::<Vec<_>>(),
        "docs": {"per": per, "files": chunks},
        "t": fams[0].keys,
        "s": fams[1].keys,
    })
    .to_string()
}
