//! Property tests: arbitrary bytes in any content file give diagnostics, never
//! a panic, and every diagnostic points inside the file.

use crate::common;
use ambit::load::SourceFile;
use ambit::model::EntityKind;
use proptest::prelude::*;

const KINDS: [EntityKind; 6] = [
    EntityKind::Programme,
    EntityKind::Area,
    EntityKind::Ambition,
    EntityKind::Strategy,
    EntityKind::Indicator,
    EntityKind::Action,
];

/// Front-matter-like text: fences, keys, YAML punctuation and Markdown mixed at random.
fn content_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "---\n",
        "title: ",
        "status: ",
        "ambition: ",
        "measures: [",
        "]",
        "{",
        "}",
        "values:\n",
        "  - ",
        "year: 2021",
        "value: 4.5",
        "due: 2025-13-40",
        "completed: ",
        "done",
        "idea",
        ": ",
        "\"",
        "'",
        "\t",
        "\n",
        "# Rubrik\n",
        "[länk](javascript:alert(1))",
        "<script>",
        "| a | b |\n|---|---|\n",
        "[^1]",
        "[^1]: x\n",
        "- [x] ",
        "*",
        "`",
        "&amp;",
        "ö",
        "\u{feff}",
        "\r\n",
        "extra:\n  a: [1, {b: c}]\n",
        "order: 1.2\n",
        "…",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn check(kind: EntityKind, text: String) -> Result<(), TestCaseError> {
    let lines = text.lines().count().max(1) + 1;
    let src = SourceFile {
        rel: "p/actions/x.md".into(),
        display: "content/p/actions/x.md".into(),
        text,
    };
    let (entity, diags) =
        ambit::parse::parse_file(kind, &src, "/", ambit::model::date(2026, 12, 7).unwrap());
    prop_assert!(
        entity.is_some() || diags.iter().any(|d| d.is_error()),
        "no entity and no error"
    );
    for d in &diags {
        prop_assert!(
            d.line <= lines,
            "line {} outside a file of {} lines: {}",
            d.line,
            lines,
            d.plain()
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600), k in 0usize..6) {
        check(KINDS[k], String::from_utf8_lossy(&bytes).into_owned())?;
    }

    #[test]
    fn front_matter_like_text_never_panics(text in content_text(), k in 0usize..6) {
        check(KINDS[k], text)?;
    }
}

/// A whole content tree with one file of random bytes: `check` exits 1 (or 0), never crashes.
#[test]
fn a_random_file_in_a_tree_gives_an_error_not_a_crash() {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 12,
        ..ProptestConfig::default()
    });
    runner
        .run(&prop::collection::vec(any::<u8>(), 0..400), |bytes| {
            let tmp = tempfile::tempdir().unwrap();
            let content = tmp.path().join("content");
            common::copy_dir(&common::fixture("multi"), &content);
            std::fs::write(content.join("kommun/actions/belysning.md"), &bytes).unwrap();
            let o = common::ambit(&["check", "--content", content.to_str().unwrap()]);
            let code = common::code(&o);
            prop_assert!(code == 0 || code == 1, "exit {code}: {}", common::both(&o));
            prop_assert!(!common::both(&o).contains("panicked"));
            Ok(())
        })
        .unwrap();
}

/// Inputs the fuzz target (`fuzz/fuzz_targets/parse.rs`) once found troublesome, kept in
/// `fuzz/regressions/parse/` in its format: the first byte picks the kind of file, the rest is
/// the file's text. Each must still give diagnostics or an entity, never a panic.
#[test]
fn fuzz_regressions_parse_without_panic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/parse");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("fuzz/regressions/parse") {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let Some((&selector, rest)) = bytes.split_first() else {
            continue;
        };
        let kind = KINDS[selector as usize % KINDS.len()];
        let text = String::from_utf8_lossy(rest).into_owned();
        if let Err(e) = check(kind, text) {
            panic!("{}: {e}", path.display());
        }
        seen += 1;
    }
    assert!(seen > 0, "no regression inputs in {}", dir.display());
}
