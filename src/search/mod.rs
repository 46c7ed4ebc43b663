//! Static search: builds the `search-index.json` of one place.
//!
//! The file is an elasticlunr index made with elasticlunr-rs (fields `title`, `tags`, `summary`,
//! `body`; numeric refs "0", "1", …; no stored documents) that elasticlunr.js `Index.load` can
//! read, plus one extra top-level key `"ambit"` with what the result list shows:
//!
//! ```json
//! "ambit": {"v": 1, "lang": "sv", "boost": {"title": 4, "tags": 2, "summary": 2, "body": 1},
//!           "base": "/sub/getinge/", "kinds": [["action", "Åtgärd"], …],
//!           "docs": [[title, kind index, url after base, excerpt, status?, status label?], …]}
//! ```
//!
//! `docs[n]` belongs to ref `"n"`. Terms come from the crate's pipeline for the language
//! (trimmer, stop words, Snowball/Porter stemmer; names `trimmer-sv`, `stemmer-du`, …) after
//! our own word splitting (see `text.rs`), which `themes/default/static/search.js` mirrors
//! exactly, stemmers included, so queries are normalised like the documents. Prefix, compound
//! part and accent-insensitive matching happen in the browser over the index's term list.
//!
//! Size: the serialized index is post-processed (term frequencies rounded to one decimal,
//! trie nodes that only lead to longer terms written without their empty `docs`/`df`, which
//! elasticlunr.js reads as no documents), and a place is kept under 100 KB gzipped: titles,
//! tags and summaries are always indexed, bodies in full when they fit, else each page's first
//! distinct body terms up to a cap chosen from the measured size (see [`build_index`]).

mod analyzer;
mod index;
mod json;
mod size;
mod text;

#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod synth;
#[cfg(test)]
mod tests;

use analyzer::lunr_code;

/// One published page to index (drafts are never passed in).
pub struct SearchDoc<'a> {
    pub title: &'a str,
    /// "programme" | "area" | "ambition" | "strategy" | "indicator" | "action"
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
}

/// Indexed fields, in the order they are added, with their query-time boost.
pub(crate) const FIELDS: [(&str, u32); 4] =
    [("title", 4), ("tags", 2), ("summary", 2), ("body", 1)];

/// Upper bound for the gzipped index of one place, as estimated by [`size::gzip_estimate`]
/// (which comes out 4–10 % above `gzip -6`): keeps the file under 100 KB gzipped.
pub(crate) const GZIP_BUDGET: usize = 102_000;

/// Body postings (page, distinct body term) of the first try: all of a small place's; a larger
/// place's first build keeps about this many, and its size decides the final cap.
const BODY_POSTINGS: usize = 16_000;

/// Characters of the excerpt shown under a result, and the shorter one used when even an
/// index without bodies is over budget.
pub(crate) const EXCERPT_CHARS: usize = 160;
const SHORT_EXCERPT_CHARS: usize = 80;

/// Returns the JSON text of `search-index.json` for one place. lang is "sv", "en" or "nl".
///
/// Title, tags (with the kind and status labels) and summary are always indexed in full. Of
/// each body, the distinct terms not already in those fields are indexed in order of first
/// occurrence: all of them unless the place would exceed [`GZIP_BUDGET`]; then each page keeps
/// its first `cap` such terms, with `cap` chosen from the measured size of a first build (its
/// body field and the rest). Text is split and stemmed once; the index is serialized once
/// for a small place, usually twice for a large one.
pub fn build_index(lang: &str, docs: &[SearchDoc]) -> String {
    let code = lunr_code(lang);
    let pages = index::analyze(code, docs);
    let lens: Vec<usize> = pages.iter().map(|p| p.body.len()).collect();
    let postings = |cap: usize| lens.iter().map(|&l| l.min(cap)).sum::<usize>();
    let all = lens.iter().copied().max().unwrap_or(0);

    let mut cap = body_cap(&lens, BODY_POSTINGS);
    let mut best: Option<(String, usize)> = None; // the largest cap under budget so far
    let mut over = usize::MAX; // the smallest cap over budget so far
    for _ in 0..4 {
        let out = index::serialize(code, docs, &pages, cap, EXCERPT_CHARS);
        let (est, body_est) = estimate(&out);
        let fits = est <= GZIP_BUDGET;
        if fits && (cap == all || est * 100 >= GZIP_BUDGET * 92) {
            return out;
        }
        if !fits && cap == 0 {
            break;
        }
        // The rest of the index stays; the body field shrinks with its postings, a little
        // less than in proportion (measured: as postings^0.73 to ^0.8) as the trie's shared
        // paths thin out.
        let room = GZIP_BUDGET.saturating_sub(est.saturating_sub(body_est)) as f64 * 0.96;
        let scale = (room / body_est.max(1) as f64).powf(1.35);
        if fits {
            best = Some((out, cap));
        } else {
            over = cap;
        }
        let next = body_cap(&lens, (postings(cap) as f64 * scale) as usize).min(over - 1);
        if next == cap || best.as_ref().is_some_and(|b| next <= b.1) {
            break;
        }
        cap = next;
    }
    match best {
        Some((out, _)) => out,
        None => index::serialize(code, docs, &pages, 0, SHORT_EXCERPT_CHARS),
    }
}

/// Estimated gzipped size of a serialized index, and of its body field: the body field and
/// what comes before and after it are estimated apart (which only adds a little).
fn estimate(json: &str) -> (usize, usize) {
    let (before, body, after) = index::split_at_body(json);
    let body_est = size::gzip_estimate(body.as_bytes());
    let rest = size::gzip_estimate(before.as_bytes()) + size::gzip_estimate(after.as_bytes());
    (rest + body_est, body_est)
}

/// The largest per-page cap whose postings (`Σ min(len, cap)`) stay within `budget`.
fn body_cap(lens: &[usize], budget: usize) -> usize {
    let total = |cap: usize| lens.iter().map(|&l| l.min(cap)).sum::<usize>();
    let (mut lo, mut hi) = (0, lens.iter().copied().max().unwrap_or(0));
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if total(mid) <= budget {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    lo
}
