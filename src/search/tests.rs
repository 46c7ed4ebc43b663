//! Unit tests of `build_index`: format, fields, boosts, sizes and speed.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

use super::synth::{self, Page};
use super::{build_index, SearchDoc};

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
    }
}

fn parse(json: &str) -> Value {
    serde_json::from_str(json).expect("search-index.json is valid JSON")
}

/// term → (ref → tf) of one field, read back from the serialized trie.
fn postings(index: &Value, field: &str) -> BTreeMap<String, BTreeMap<String, f64>> {
    fn walk(node: &Value, term: &mut String, out: &mut BTreeMap<String, BTreeMap<String, f64>>) {
        let obj = node.as_object().unwrap();
        if let Some(docs) = obj.get("docs").and_then(Value::as_object) {
            if !docs.is_empty() {
                let m = docs
                    .iter()
                    .map(|(r, tf)| (r.clone(), tf["tf"].as_f64().unwrap()));
                out.insert(term.clone(), m.collect());
            }
        }
        for (k, child) in obj {
            if k != "docs" && k != "df" {
                term.push_str(k);
                walk(child, term, out);
                term.truncate(term.len() - k.len());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&index["index"][field]["root"], &mut String::new(), &mut out);
    out
}

/// A plain elasticlunr-style score (boost × tf × idf, exact terms only), for ranking tests.
fn search(index: &Value, term: &str) -> Vec<String> {
    let n = index["documentStore"]["length"].as_f64().unwrap();
    let mut scores: BTreeMap<String, f64> = BTreeMap::new();
    for (field, boost) in index["ambit"]["boost"].as_object().unwrap() {
        if let Some(docs) = postings(index, field).get(term) {
            let idf = 1.0 + (n / (docs.len() as f64 + 1.0)).ln();
            for (r, tf) in docs {
                *scores.entry(r.clone()).or_default() += boost.as_f64().unwrap() * tf * idf;
            }
        }
    }
    let mut v: Vec<_> = scores.into_iter().collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1));
    v.into_iter().map(|(r, _)| r).collect()
}

#[test]
fn is_a_loadable_elasticlunr_index() {
    let docs = [
        doc(
            "Ny lekplats",
            "action",
            "/sub/getinge/actions/ny-lekplats/",
            "En lekplats vid skolan.",
            "Barn leker.",
        ),
        doc(
            "Trygga gator",
            "ambition",
            "/sub/getinge/ambitions/trygga-gator/",
            "",
            "Belysning längs gång- och cykelvägar.",
        ),
    ];
    let v = parse(&build_index("sv", &docs));
    assert_eq!(v["version"], "0.9.5");
    assert_eq!(v["ref"], "id");
    assert_eq!(
        v["fields"],
        serde_json::json!(["title", "tags", "summary", "body"])
    );
    assert_eq!(
        v["pipeline"],
        serde_json::json!(["trimmer-sv", "stopWordFilter-sv", "stemmer-sv"])
    );
    let store = &v["documentStore"];
    assert_eq!(store["save"], false);
    assert_eq!(store["length"], 2);
    assert!(store["docs"].as_object().unwrap().keys().eq(["0", "1"]));
    assert_eq!(store["docInfo"]["0"]["title"], 2);
    for f in ["title", "tags", "summary", "body"] {
        assert!(v["index"][f]["root"].is_object(), "index.{f}.root");
    }
    let title = postings(&v, "title");
    // Snowball Swedish: "lekplats" → "lekplat" (while "lekplatser" → "lekplats")
    assert_eq!(title["lekplat"]["0"], 1.0);
    assert_eq!(postings(&v, "body")["cykelväg"]["1"], 1.0);
    let node = &v["index"]["title"]["root"]["l"]["e"]["k"]["p"]["l"]["a"]["t"];
    assert_eq!(node["df"], 1);
    // nodes on the way to a term carry no empty "docs"/"df"
    assert!(v["index"]["title"]["root"]["l"].get("docs").is_none());
}

#[test]
fn pipeline_names_follow_the_language() {
    let docs = [doc("Speeltuinen", "action", "/a/", "", "")];
    let du = parse(&build_index("nl", &docs));
    assert_eq!(
        du["pipeline"],
        serde_json::json!(["trimmer-du", "stopWordFilter-du", "stemmer-du"])
    );
    assert_eq!(du["lang"], "Dutch");
    assert_eq!(du["ambit"]["lang"], "du");
    assert!(postings(&du, "title").contains_key("speeltuin"));
    let en = parse(&build_index(
        "en",
        &[doc("Playgrounds", "action", "/a/", "", "")],
    ));
    assert_eq!(
        en["pipeline"],
        serde_json::json!(["trimmer", "stopWordFilter", "stemmer"])
    );
    assert!(postings(&en, "title").contains_key("playground"));
}

#[test]
fn result_list_data_is_compact() {
    let tags = vec!["lek".to_string()];
    let mut a = doc(
        "Ny lekplats",
        "action",
        "/sub/getinge/actions/ny-lekplats/",
        "Kort.",
        "",
    );
    a.status = Some("ongoing");
    a.status_label = Some("Pågår");
    a.tags = &tags;
    a.kind_label = "Åtgärd";
    let long = "ord ".repeat(100);
    let b = doc(
        "Trygghet",
        "ambition",
        "/sub/getinge/ambitions/trygghet/",
        "",
        &long,
    );
    let v = parse(&build_index("sv", &[a, b]));
    let x = &v["ambit"];
    assert_eq!(x["base"], "/sub/getinge/");
    assert_eq!(
        x["kinds"],
        serde_json::json!([["action", "Åtgärd"], ["ambition", "ambition"]])
    );
    assert_eq!(
        x["docs"][0],
        serde_json::json!([
            "Ny lekplats",
            0,
            "actions/ny-lekplats/",
            "Kort.",
            "ongoing",
            "Pågår"
        ])
    );
    let excerpt = x["docs"][1][3].as_str().unwrap();
    assert!(
        excerpt.ends_with('…') && excerpt.chars().count() <= 161,
        "{excerpt}"
    );
    // tags, kind and status labels are searchable
    assert!(postings(&v, "tags")["pågår"].contains_key("0"));
}

#[test]
fn title_is_boosted_over_summary_and_body() {
    let docs = [
        doc(
            "Belysning",
            "action",
            "/p/a/",
            "",
            "Vi bygger nya cykelvägar vid skolan.",
        ),
        doc(
            "Cykelvägar",
            "action",
            "/p/b/",
            "",
            "Fler platser för barn.",
        ),
        doc("Parken", "action", "/p/c/", "Cykelvägen rustas upp.", ""),
    ];
    let v = parse(&build_index("sv", &docs));
    let boost = &v["ambit"]["boost"];
    assert!(boost["title"].as_f64() > boost["summary"].as_f64());
    assert!(boost["summary"].as_f64() > boost["body"].as_f64());
    assert_eq!(search(&v, "cykelväg"), ["1", "2", "0"]);
}

#[test]
fn empty_place_gives_an_empty_index() {
    let v = parse(&build_index("sv", &[]));
    assert_eq!(v["documentStore"]["length"], 0);
    assert_eq!(v["ambit"]["docs"], serde_json::json!([]));
}

/// Size of `data` compressed by the `gzip` program at `level` ("-6" is gzip's and most web
/// servers' default), or None without the program.
fn gzip_len(data: &[u8], level: &str) -> Option<usize> {
    let mut child = Command::new("gzip")
        .args([level, "-c"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let data = data.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child.wait_with_output().ok()?;
    writer.join().ok()?.ok()?;
    Some(out.stdout.len())
}

fn synthetic(pages: usize, body_words: usize) -> String {
    let place: Vec<Page> = synth::place(7, "/sub/getinge/", pages, body_words);
    build_index("sv", &synth::docs(&place))
}

/// Body postings per page: (fewest, most).
fn body_postings(v: &Value) -> (usize, usize) {
    let mut per: BTreeMap<String, usize> = BTreeMap::new();
    for docs in postings(v, "body").values() {
        for r in docs.keys() {
            *per.entry(r.clone()).or_default() += 1;
        }
    }
    let n = v["documentStore"]["length"].as_u64().unwrap() as usize;
    let min = if per.len() < n {
        0
    } else {
        per.values().copied().min().unwrap_or(0)
    };
    (min, per.values().copied().max().unwrap_or(0))
}

#[test]
fn a_place_of_500_pages_stays_under_100_kb_gzipped() {
    let json = synthetic(500, 300);
    let est = super::size::gzip_estimate(json.as_bytes());
    assert!(est <= super::GZIP_BUDGET, "estimated {est}");
    let v = parse(&json);
    let (min, max) = body_postings(&v);
    assert!(max >= 1, "some body terms are indexed");
    assert!(
        max < 100,
        "bodies are bounded: {min}..{max} body terms per page"
    );
    assert_eq!(v["ambit"]["docs"].as_array().unwrap().len(), 500);
    if let Some(gz) = gzip_len(json.as_bytes(), "-6") {
        assert!(gz <= 100 * 1024, "{gz} bytes gzipped");
    }
}

#[test]
fn a_small_place_keeps_whole_bodies() {
    let body = format!("{} slutord", "inledning ".repeat(2000));
    let docs: Vec<SearchDoc> = (0..20)
        .map(|_| doc("Sida", "area", "/p/a/", "", &body))
        .collect();
    let v = parse(&build_index("sv", &docs));
    assert_eq!(postings(&v, "body")["slutord"].len(), 20);
    assert_eq!(
        postings(&v, "body")["inledning"]["3"],
        44.7,
        "tf is √2000, rounded"
    );
}

#[test]
fn body_terms_already_in_title_or_summary_are_left_out_of_the_body() {
    let docs = [doc(
        "Lekplats",
        "action",
        "/p/a/",
        "Gungor.",
        "En lekplats med gungor och sandlåda.",
    )];
    let v = parse(&build_index("sv", &docs));
    let body = postings(&v, "body");
    assert!(!body.contains_key("lekplat") && !body.contains_key("gung"));
    assert!(body.contains_key("sandlåd"));
}

#[test]
fn the_same_input_gives_the_same_file() {
    assert_eq!(synthetic(60, 100), synthetic(60, 100));
}

#[test]
fn the_size_estimate_is_above_real_gzip() {
    for (pages, words) in [(30, 300), (200, 300), (500, 300)] {
        let json = synthetic(pages, words);
        let est = super::size::gzip_estimate(json.as_bytes());
        let (Some(gz6), Some(gz9)) = (
            gzip_len(json.as_bytes(), "-6"),
            gzip_len(json.as_bytes(), "-9"),
        ) else {
            return;
        };
        assert!(
            est >= gz6 && est >= gz9,
            "{pages} pages: estimate {est}, gzip -6 {gz6}"
        );
        assert!(
            est * 100 <= gz9 * 125,
            "{pages} pages: estimate {est}, gzip -9 {gz9}"
        );
    }
}

/// `cargo test --release search::tests::sizes -- --ignored --nocapture`
#[test]
#[ignore]
fn sizes() {
    for n in [100, 500, 1000] {
        let json = synthetic(n, 300);
        let (min, max) = body_postings(&parse(&json));
        let gz = |l| gzip_len(json.as_bytes(), l).unwrap_or(0);
        eprintln!(
            "{n:>5} pages of 300 words: {:>9} bytes, gzip -6 {:>7}, -9 {:>7}; body terms per page {min}..{max}",
            json.len(),
            gz("-6"),
            gz("-9")
        );
    }
}

/// `cargo test --release search::tests::speed -- --ignored --nocapture`
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
                        .map(|p| build_index("sv", &synth::docs(p)).len())
                        .sum::<usize>()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    });
    eprintln!("20 places x 500 pages: {:?}, {total} bytes", t.elapsed());
}
