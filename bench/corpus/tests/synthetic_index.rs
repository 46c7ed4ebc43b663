//! The sharded search index of ambit on the synthetic Swedish-like corpus of [`zipf`]: full text
//! at any size, the sizes a query fetches, the same files for the same input, a site-wide index
//! merged from places, and the cost of building.

use ambit::search::{
    build_index, build_site_index, gz, loose_form, terms_of, IndexFiles, Place, SearchDoc,
};
use ambit_corpus::zipf::{self, Page};
use serde_json::Value;

fn shard_of<'a>(files: &'a IndexFiles, fam: &str, f: &str) -> (usize, &'a str) {
    files.shard_of(fam, f).expect("a shard")
}

/// The pages (numbers) of a flat posting list `[Δpage, weight, Δpage, weight, …]`.
fn posted_pages(flat: &Value) -> Vec<u64> {
    let mut page = 0;
    flat.as_array()
        .unwrap()
        .chunks(2)
        .map(|c| {
            page += c[0].as_u64().unwrap();
            page
        })
        .collect()
}

/// The pages (numbers) a term is posted for, read from its prefix shard.
fn pages_of(files: &IndexFiles, term: &str) -> Vec<u64> {
    let (_, text) = shard_of(files, "t", &loose_form("sv", term));
    let v: Value = serde_json::from_str(text).unwrap();
    let Some(e) = v.as_array().unwrap().iter().find(|e| e[0] == term) else {
        return vec![];
    };
    posted_pages(&e[1])
}

/// The term a lower-cased word is indexed as (None: a stop word).
fn term_of(word: &str) -> Option<String> {
    terms_of("sv", word).into_iter().next()
}

fn synthetic(pages: usize, body_words: usize) -> Vec<Page> {
    zipf::place(7, "/p/ort/", pages, body_words)
}

/// Every body word of a large place, wherever it stands in the body, is posted for its page.
#[test]
fn every_word_of_every_body_is_indexed_at_500_pages() {
    let pages = synthetic(500, 700);
    let docs = zipf::docs(&pages);
    let files = build_index("sv", &docs);
    for n in [0usize, 137, 499] {
        let words: Vec<&str> = pages[n].body.split_whitespace().collect();
        for at in [0, words.len() / 2, words.len() - 1] {
            let w = words[at].trim_matches('.').to_lowercase();
            let Some(term) = term_of(&w) else {
                continue;
            };
            assert!(
                pages_of(&files, &term).contains(&(n as u64)),
                "page {n}: {w} ({term})"
            );
        }
    }
}

/// gzipped bytes of the manifest and, for a word, its prefix and suffix shards.
fn word_bytes(files: &IndexFiles, term: &str) -> usize {
    let f = loose_form("sv", term);
    let back: String = f.chars().rev().collect();
    let (_, t) = shard_of(files, "t", &f);
    let s = if f.chars().count() >= 3 {
        gz_len(shard_of(files, "s", &back).1)
    } else {
        0
    };
    gz_len(&files.manifest) + gz_len(t) + s
}

#[test]
fn a_word_fetches_little_at_500_and_5000_pages() {
    for n in [500, 5000] {
        let pages = synthetic(n, 700);
        let docs = zipf::docs(&pages);
        let files = build_index("sv", &docs);
        let mut worst = 0;
        for p in (0..n).step_by(n / 20) {
            for w in pages[p].body.split_whitespace().step_by(97) {
                if let Some(t) = term_of(&w.trim_matches('.').to_lowercase()) {
                    worst = worst.max(word_bytes(&files, &t));
                }
            }
        }
        assert!(
            worst < 45_000,
            "{n} pages: a word fetches {worst} bytes gzipped"
        );
    }
}

#[test]
fn the_same_input_gives_the_same_files() {
    let pages = synthetic(60, 100);
    let a = build_index("sv", &zipf::docs(&pages));
    let b = build_index("sv", &zipf::docs(&pages));
    assert_eq!(a.manifest, b.manifest);
    assert_eq!(a.files, b.files);
}

/// The cost of building (and gzipping) the indexes of 20 places of 500 pages:
/// `cargo test --release -p ambit-corpus --test synthetic_index speed -- --ignored --nocapture`
#[test]
#[ignore]
fn speed() {
    let places: Vec<Vec<Page>> = (0..20)
        .map(|p| zipf::place(p, &format!("/sub/p{p}/"), 500, 300))
        .collect();
    let t = std::time::Instant::now();
    let total: usize = std::thread::scope(|s| {
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
        let chunks: Vec<_> = places.chunks(places.len().div_ceil(threads)).collect();
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|c| {
                s.spawn(move || {
                    c.iter()
                        .map(|p| {
                            let files = build_index("sv", &zipf::docs(p));
                            files
                                .paths("")
                                .map(|(_, f)| f.len() + gz_len(f))
                                .sum::<usize>()
                        })
                        .sum::<usize>()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    });
    eprintln!(
        "20 places x 500 pages: {:?}, {total} bytes with the .gz copies",
        t.elapsed()
    );
}

/// Size of `text` gzipped.
fn gz_len(text: &str) -> usize {
    gz::gzip(text.as_bytes()).map_or(0, |z| z.len())
}

/// The term shards (prefix and suffix families) of an index, by path.
fn term_shards(files: &IndexFiles) -> Vec<&(String, String)> {
    files
        .files
        .iter()
        .filter(|(p, _)| !p.starts_with("d/"))
        .collect()
}

/// The terms of the site-wide index, whose analysis is merged from each place's, are those of
/// one index built over all pages: the same term shards, page numbers running over the places.
#[test]
fn a_site_index_merged_from_places_equals_one_built_over_all_pages() {
    let places: Vec<Vec<Page>> = (0..3)
        .map(|k| zipf::place(k + 7, &format!("/p{k}/"), 40 + 15 * k as usize, 60))
        .collect();
    let all: Vec<SearchDoc> = places.iter().flat_map(|p| zipf::docs(p)).collect();
    let whole = build_index("sv", &all);
    let site: Vec<(Place, Vec<SearchDoc>)> = places
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let place = Place {
                name: format!("Ort {k}"),
                actions_url: format!("/p{k}/actions/"),
            };
            (place, zipf::docs(p))
        })
        .collect();
    let merged = build_site_index("sv", &site);
    let terms: Vec<Value> = term_shards(&whole)
        .iter()
        .filter(|(p, _)| p.starts_with("t/"))
        .flat_map(|(_, f)| serde_json::from_str::<Vec<Value>>(f).unwrap())
        .collect();
    assert!(terms.len() > 500, "{} terms", terms.len());
    // Some terms occur in more than one place, so that their postings were joined.
    assert!(terms.iter().any(|e| {
        let p = posted_pages(&e[1]);
        p[0] < 40 && *p.last().unwrap() >= 95
    }));
    assert_eq!(term_shards(&merged), term_shards(&whole));
}
