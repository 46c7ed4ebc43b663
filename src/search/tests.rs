//! Unit tests of the sharded index: files, full text at any size, result rows, the sizes a
//! query fetches, and the cost of building.

use serde_json::Value;

use super::synth::{self, Page};
use super::text::loose;
use super::{build_index, gz, IndexFiles, SearchDoc};

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
    &files
        .files
        .iter()
        .find(|(p, _)| p == rel)
        .unwrap_or_else(|| panic!("{rel}"))
        .1
}

/// The shard of family `fam` that holds a term of loose form `f` (reversed for "s"), as the
/// client finds it: the longest key `f` starts with.
fn shard_of<'a>(files: &'a IndexFiles, fam: &str, f: &str) -> (usize, &'a str) {
    let m = manifest(files);
    let keys: Vec<&str> = m[fam]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap())
        .collect();
    let (i, _) = keys
        .iter()
        .enumerate()
        .filter(|(_, k)| f.starts_with(**k))
        .max_by_key(|(_, k)| k.len())
        .expect("a key");
    (i, file(files, &format!("{fam}/{i}.json")))
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

fn synthetic(pages: usize, body_words: usize) -> Vec<Page> {
    synth::place(7, "/p/ort/", pages, body_words)
}

/// Every body word of a large place, wherever it stands in the body, is posted for its page.
#[test]
fn every_word_of_every_body_is_indexed_at_500_pages() {
    let pages = synthetic(500, 700);
    let docs = synth::docs(&pages);
    let files = build_index("sv", &docs);
    let mut analyzer = super::analyzer::Analyzer::new("sv");
    for n in [0usize, 137, 499] {
        let words: Vec<&str> = pages[n].body.split_whitespace().collect();
        for at in [0, words.len() / 2, words.len() - 1] {
            let w = words[at].trim_matches('.').to_lowercase();
            let Some(term) = analyzer.term(&w) else {
                continue;
            };
            assert!(
                pages_of(&files, "sv", &term).contains(&(n as u64)),
                "page {n}: {w} ({term})"
            );
        }
    }
}

/// gzipped bytes of the manifest and, for a word, its prefix and suffix shards.
fn word_bytes(files: &IndexFiles, term: &str) -> usize {
    let f = loose("sv", term);
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
        let docs = synth::docs(&pages);
        let files = build_index("sv", &docs);
        let mut analyzer = super::analyzer::Analyzer::new("sv");
        let mut worst = 0;
        for p in (0..n).step_by(n / 20) {
            for w in pages[p].body.split_whitespace().step_by(97) {
                if let Some(t) = analyzer.term(&w.trim_matches('.').to_lowercase()) {
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
    let a = build_index("sv", &synth::docs(&pages));
    let b = build_index("sv", &synth::docs(&pages));
    assert_eq!(a.manifest, b.manifest);
    assert_eq!(a.files, b.files);
}

/// The cost of building (and gzipping) the indexes of 20 places of 500 pages:
/// `cargo test --release --lib search::tests::speed -- --ignored --nocapture`
#[test]
#[ignore]
fn speed() {
    let places: Vec<Vec<Page>> = (0..20)
        .map(|p| synth::place(p, &format!("/sub/p{p}/"), 500, 300))
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
                            let files = build_index("sv", &synth::docs(p));
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

#[test]
fn a_site_index_merged_from_places_equals_one_built_over_all_pages() {
    let places: Vec<Vec<Page>> = (0..3)
        .map(|k| synth::place(k + 7, &format!("/p{k}/"), 40 + 15 * k as usize, 60))
        .collect();
    let docs: Vec<Vec<SearchDoc>> = places.iter().map(|p| synth::docs(p)).collect();
    let all: Vec<&SearchDoc> = docs.iter().flatten().collect();
    let whole = super::index::build("sv", &all);
    let parts: Vec<super::index::Terms> = docs
        .iter()
        .map(|d| super::index::build("sv", &d.iter().collect::<Vec<_>>()))
        .collect();
    let merged = super::index::merge(
        &parts
            .iter()
            .zip(&docs)
            .map(|(t, d)| (t.as_slice(), d.len() as u32))
            .collect::<Vec<_>>(),
    );
    assert!(whole.len() > 500, "{} terms", whole.len());
    // Some terms occur in more than one place, so that their postings were joined.
    assert!(whole
        .iter()
        .any(|(_, p)| p.first().unwrap().0 < 40 && p.last().unwrap().0 >= 95));
    assert_eq!(merged, whole);
}
