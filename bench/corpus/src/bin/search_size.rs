//! What a search query fetches, gzipped, from the index of a synthetic place of 500 and of
//! 5,000 pages with 700-word bodies, and what building the index costs.
//!
//!     cargo run --release -p ambit-corpus --bin search_size [PAGES…]
//!
//! For words drawn from the start, middle and end of bodies, it adds up what the search page
//! fetches for a one-word query: its scripts, the manifest, the word's prefix and suffix shards
//! (the keys its loose form starts and ends with) and the result-list chunks of its first 20
//! results, each file gzipped as the `.gz` copies are. Prints the median and the largest.

use std::collections::{BTreeSet, HashMap};
use std::time::Instant;

use ambit::search::{build_index, gz, loose_form, terms_of, IndexFiles};
use ambit_corpus::zipf;
use serde_json::Value;

const SCRIPTS: [&str; 8] = [
    "search/snowball.js",
    "search/stem-sv.js",
    "search/stem-nl.js",
    "search/stem-en.js",
    "search/text.js",
    "search/index.js",
    "search/match.js",
    "search.js",
];
const FIRST_RESULTS: usize = 20;

fn keys(m: &Value, fam: &str) -> Vec<String> {
    m[fam]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap().to_string())
        .collect()
}

/// Shards of family keys for form `f`: the keys it starts with, and up to 4 under it.
fn shards_for(keys: &[String], f: &str, out: &mut BTreeSet<usize>) {
    for (i, k) in keys.iter().enumerate() {
        if f.starts_with(k.as_str()) {
            out.insert(i);
        }
    }
    let under: Vec<usize> = (0..keys.len())
        .filter(|&i| keys[i].len() > f.len() && keys[i].starts_with(f))
        .collect();
    if under.len() <= 4 {
        out.extend(under);
    }
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![500, 5000]
    } else {
        sizes
    };
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../themes/default/static/");
    let scripts: usize = SCRIPTS
        .iter()
        .map(|s| {
            gz::gzip(&std::fs::read(format!("{root}{s}")).expect("script")).map_or(0, |z| z.len())
        })
        .sum();
    println!("search scripts: {scripts} bytes gzipped");
    for n in sizes {
        let pages = zipf::place(11, "/ort/", n, 700);
        let docs = zipf::docs(&pages);
        let t0 = Instant::now();
        let files = build_index("sv", &docs);
        let build = t0.elapsed();
        let t0 = Instant::now();
        let gzipped: HashMap<&str, usize> = files
            .files
            .iter()
            .map(|(p, f)| (p.as_str(), gz::gzip(f.as_bytes()).map_or(0, |z| z.len())))
            .collect();
        let gzip_time = t0.elapsed();
        report(n, &files, &gzipped, &pages, scripts);
        let raw: usize = files.files.iter().map(|(_, f)| f.len()).sum();
        let total: usize = gzipped.values().sum();
        println!(
            "  build {:.0} ms, gzip {:.0} ms; {} files, {:.1} MB ({:.1} MB gzipped)",
            build.as_secs_f64() * 1e3,
            gzip_time.as_secs_f64() * 1e3,
            files.files.len() + 1,
            raw as f64 / 1e6,
            total as f64 / 1e6
        );
    }
}

fn report(
    n: usize,
    files: &IndexFiles,
    gzipped: &HashMap<&str, usize>,
    pages: &[zipf::Page],
    scripts: usize,
) {
    let m: Value = serde_json::from_str(&files.manifest).unwrap();
    let (t, s) = (keys(&m, "t"), keys(&m, "s"));
    let per = m["docs"]["per"].as_u64().unwrap() as usize;
    let manifest = gz::gzip(files.manifest.as_bytes()).map_or(0, |z| z.len());
    let shard = |p: &str| -> Vec<Value> {
        let text = &files.files.iter().find(|(q, _)| q == p).unwrap().1;
        serde_json::from_str::<Value>(text)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    };
    let mut per_query = Vec::new();
    for page in pages.iter().step_by((n / 25).max(1)) {
        let words = terms_of("sv", &page.body);
        for at in [0, words.len() / 2, words.len() - 1] {
            let term = &words[at];
            let f = loose_form("sv", term);
            let back: String = f.chars().rev().collect();
            let (mut ts, mut ss) = (BTreeSet::new(), BTreeSet::new());
            shards_for(&t, &f, &mut ts);
            if f.chars().count() >= 3 {
                shards_for(&s, &back, &mut ss);
            }
            let mut bytes = scripts + manifest;
            let mut postings: Vec<(u64, u64)> = Vec::new();
            for (fam, set) in [("t", &ts), ("s", &ss)] {
                for i in set {
                    let p = format!("{fam}/{i}.json");
                    bytes += gzipped[p.as_str()];
                    if fam == "t" {
                        for e in shard(&p) {
                            if e[0] == term.as_str() {
                                let mut d = 0;
                                for c in e[1].as_array().unwrap().chunks(2) {
                                    d += c[0].as_u64().unwrap();
                                    postings.push((c[1].as_u64().unwrap(), d));
                                }
                            }
                        }
                    }
                }
            }
            postings.sort_by(|a, b| b.cmp(a));
            let chunks: BTreeSet<usize> = postings
                .iter()
                .take(FIRST_RESULTS)
                .map(|(_, d)| *d as usize / per)
                .collect();
            bytes += chunks
                .iter()
                .map(|c| gzipped[format!("d/{c}.json").as_str()])
                .sum::<usize>();
            per_query.push(bytes);
        }
    }
    per_query.sort();
    println!(
        "{n} pages: manifest {manifest} B; one-word query fetches median {:.1} KB, max {:.1} KB gzipped (scripts included, {} words)",
        per_query[per_query.len() / 2] as f64 / 1e3,
        per_query[per_query.len() - 1] as f64 / 1e3,
        per_query.len()
    );
}
