//! Checks the shared fixtures in `tests/js/fixtures/` against the Rust side; `tests/js/` checks
//! the same files against `search.js`, so the browser normalises and stems queries exactly
//! like the index. `AMBIT_UPDATE_FIXTURES=1 cargo test search::fixtures` rewrites the expected
//! columns (after a change of the word splitting or of elasticlunr-rs / rust-stemmers); with
//! `AMBIT_FIXTURE_WORDS=DIR` it first takes the input words from `DIR/{sv,du,en}.words`.

use std::fmt::Write as _;
use std::path::PathBuf;

use serde_json::{json, Value};

use super::analyzer::Analyzer;
use super::text::Splitter;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/js/fixtures")
}

fn updating() -> bool {
    std::env::var_os("AMBIT_UPDATE_FIXTURES").is_some()
}

/// `pipeline-{code}.tsv`: a lower-cased word, a tab, and its index term (empty when the
/// trimmer or the stop-word filter drops it).
#[test]
fn pipeline_fixtures_match() {
    for code in ["sv", "du", "en"] {
        let path = dir().join(format!("pipeline-{code}.tsv"));
        let inputs: Vec<String> = match std::env::var_os("AMBIT_FIXTURE_WORDS") {
            Some(d) if updating() => {
                let words = std::fs::read_to_string(PathBuf::from(d).join(format!("{code}.words")));
                words.unwrap().lines().map(String::from).collect()
            }
            _ => {
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                text.lines()
                    .map(|l| l.split('\t').next().unwrap().to_string())
                    .collect()
            }
        };
        let mut analyzer = Analyzer::new(code);
        let mut out = String::new();
        for w in inputs.iter().filter(|w| !w.is_empty()) {
            let term = analyzer.term(w);
            writeln!(out, "{w}\t{}", term.as_deref().unwrap_or("")).unwrap();
        }
        if updating() {
            std::fs::create_dir_all(dir()).unwrap();
            std::fs::write(&path, out).unwrap();
        } else {
            let expected = std::fs::read_to_string(&path).unwrap();
            for (want, got) in expected.lines().zip(out.lines()) {
                assert_eq!(want, got, "{}", path.display());
            }
            assert_eq!(expected.lines().count(), out.lines().count());
        }
    }
}

const TEXTS: &[&str] = &[
    "Ny (wijk)begroting!",
    "e-tjänster, 2020-2024 och gång- och cykelväg",
    "auto's en foto’s; rock'n'roll 'citaat' l'été",
    "ÖSTER/väster 1.2 t.ex. Halmstad–Getinge",
    "Lo\u{308}ne cafe\u{301} ﬁka ǅemal İstanbul ΣΟΦΟΣ",
    "snake_case a+b x=1 #tag @user 50% 3,5 km² ½",
    "  tabs\tand\nnewlines\u{a0}nbsp\u{2009}thin\u{200b}zwsp  ",
    "(a)(b)(c)(d) a-b-c-d x--y -lead trail- ((deep))",
    "日本語のテキスト, русский текст, ελληνικά",
    "Getinges utvecklingsprogram: Trygghet & trivsel (2021–2024)",
    "Speeltuinen, fietspaden en de (wijk)begroting van 2025",
    "The municipality's playgrounds & cycle-paths",
];

/// `words.json`: texts and the lower-cased words the splitter makes of them.
#[test]
fn splitter_fixtures_match() {
    let path = dir().join("words.json");
    let mut splitter = Splitter::default();
    let cases: Vec<Value> = TEXTS
        .iter()
        .map(|t| {
            let mut words = Vec::new();
            splitter.words(t, |w| words.push(w.to_string()));
            json!([t, words])
        })
        .collect();
    if updating() {
        let text = serde_json::to_string_pretty(&cases).unwrap();
        std::fs::create_dir_all(dir()).unwrap();
        std::fs::write(&path, text + "\n").unwrap();
    } else {
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(expected, Value::Array(cases), "{}", path.display());
    }
}

/// (kind, status, id, title, summary, body, tags) of a few pages per language, for
/// `index-{sv,nl,en}/`, which `tests/js/search.test.mjs` queries like a resident would.
type Page = (
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
);

const SV: &[Page] = &[
    ("action", Some("ongoing"), "ny-lekplats", "Ny lekplats i Getinge centrum",
     "En tillgänglig lekplats med gungor och klätterställning byggs vid skolan.",
     "Samhällsföreningen har länge önskat en lekplats. Kommunen bygger den under 2025 tillsammans med föräldrar och barn.",
     &["barn", "fritid"]),
    ("ambition", None, "trygga-vagar", "Trygga gång- och cykelvägar",
     "Det ska vara tryggt att gå och cykla mellan byarna.",
     "Belysning, breddade vägrenar och säkra passager över Lagavägen.", &[]),
    ("action", Some("planned"), "belysning-ravinge", "Belysning längs cykelvägen till Rävinge",
     "Cykelvägen får belysning hela vägen.", "Tekniska nämnden finansierar. Utförs av kommunens driftavdelning.", &[]),
    ("area", None, "oster", "Öster om järnvägen",
     "Nya bostäder och en park öster om järnvägen.", "Området ska bebyggas med småhus och radhus.", &[]),
    ("action", Some("done"), "medborgardialog", "Medborgardialog om utvecklingsprogrammet",
     "Invånarna lämnade idéer på tre träffar.", "Över 200 idéer samlades in och prioriterades av styrgruppen.", &[]),
    ("action", Some("idea"), "bredband", "Bredband till alla hushåll",
     "Fiber på landsbygden.", "Bredbandsutbyggnaden görs av ett kommunalt bolag.", &[]),
    ("ambition", None, "motesplatser", "Attraktiva mötesplatser",
     "Platser där människor möts året runt.", "Torget, biblioteket och idrottshallen.", &[]),
    ("indicator", None, "nojda-invanare", "Andel invånare som är nöjda med sin ort",
     "Ur medborgarundersökningen.", "", &[]),
    ("action", Some("prioritised"), "badplats", "Badplatsen vid Femsjön rustas upp",
     "Ny brygga och grillplats.", "", &[]),
];

const DU: &[Page] = &[
    (
        "action",
        Some("ongoing"),
        "speeltuin",
        "Nieuwe speeltuin in de Schildersbuurt",
        "Een speeltuin voor kinderen tot twaalf jaar.",
        "Betaald uit de (wijk)begroting van 2025. Bewoners kozen de toestellen.",
        &[],
    ),
    (
        "ambition",
        None,
        "fietspaden",
        "Veilige fietspaden naar school",
        "Kinderen fietsen veilig naar de basisschool.",
        "Drempels, verlichting en een oversteekplaats.",
        &[],
    ),
    (
        "action",
        Some("planned"),
        "groen",
        "Meer groen in de buurt",
        "Bomen en geveltuinen in alle straten.",
        "",
        &[],
    ),
    (
        "strategy",
        None,
        "vrijwilligers",
        "Coördinatie van vrijwilligers",
        "Eén loket voor alle vrijwilligers.",
        "",
        &[],
    ),
    (
        "action",
        Some("idea"),
        "cafe",
        "Café op het dorpsplein",
        "Een ontmoetingsplek voor jong en oud.",
        "",
        &[],
    ),
    (
        "action",
        Some("done"),
        "bushaltes",
        "Toegankelijke bushaltes",
        "Alle haltes zijn verhoogd voor rolstoelen.",
        "",
        &[],
    ),
];

const EN: &[Page] = &[
    (
        "action",
        Some("ongoing"),
        "playground",
        "New playground in the park",
        "Swings and a climbing frame for young children.",
        "Built by the municipality with parents.",
        &[],
    ),
    (
        "ambition",
        None,
        "cycle-paths",
        "Safer cycle paths",
        "Cycling to school should be safe.",
        "Crossings, lighting and wider paths.",
        &[],
    ),
    (
        "action",
        Some("planned"),
        "street-lighting",
        "Street lighting on Mill Road",
        "LED lights along the whole street.",
        "",
        &[],
    ),
    (
        "action",
        Some("done"),
        "library",
        "Longer library opening hours",
        "The municipality's libraries open on Sundays.",
        "",
        &[],
    ),
];

fn fixture_index(code: &str, pages: &[Page]) -> super::IndexFiles {
    let tags: Vec<Vec<String>> = pages
        .iter()
        .map(|p| p.6.iter().map(|t| t.to_string()).collect())
        .collect();
    let urls: Vec<String> = pages
        .iter()
        .map(|p| format!("/sub/place-{code}/{}s/{}/", p.0, p.2))
        .collect();
    let docs: Vec<super::SearchDoc> = pages
        .iter()
        .zip(&tags)
        .zip(&urls)
        .map(|((p, tags), url)| super::SearchDoc {
            title: p.3,
            kind: p.0,
            kind_label: p.0,
            status: p.1,
            status_label: p.1,
            url,
            summary: p.4,
            body: p.5,
            tags,
            facts: "",
        })
        .collect();
    // small shards, so that the client's tests fetch several of each family
    super::build_index_with(code, &docs, FIXTURE_SHARD_BYTES)
}

const FIXTURE_SHARD_BYTES: usize = 200;

/// `index-{sv,nl,en}/`: indexes of the pages above (`search-index/manifest.json` and its shards),
/// queried by `tests/js/search.test.mjs`.
#[test]
fn index_fixtures_match() {
    for (code, pages) in [("sv", SV), ("nl", DU), ("en", EN)] {
        let root = dir().join(format!("index-{code}"));
        let files = fixture_index(code, pages);
        if updating() {
            let _ = std::fs::remove_dir_all(&root);
        }
        let mut names = Vec::new();
        for (rel, text) in files.paths("") {
            let path = root.join(&rel);
            names.push(rel);
            if updating() {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, format!("{text}\n")).unwrap();
            } else {
                let expected = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                assert_eq!(expected.trim_end(), text, "{}", path.display());
            }
        }
        assert!(
            names.iter().filter(|n| n.contains("/t/")).count() > 2,
            "{code}: {names:?}"
        );
        assert!(
            names.iter().filter(|n| n.contains("/s/")).count() > 2,
            "{code}: {names:?}"
        );
    }
}
