//! Fuzzes the parse path of a content file: front matter split, YAML, key
//! checks and Markdown rendering, for every kind of file. Any input must give
//! an entity or diagnostics, never a panic.
//!
//! Run with `cargo fuzz run parse` from the repository root (needs nightly and cargo-fuzz).

#![no_main]

use ambit::load::SourceFile;
use ambit::model::EntityKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest).into_owned();
    let kinds = [
        EntityKind::Programme,
        EntityKind::Area,
        EntityKind::Ambition,
        EntityKind::Strategy,
        EntityKind::Indicator,
        EntityKind::Action,
    ];
    let kind = kinds[selector as usize % kinds.len()];
    let src = SourceFile { rel: "place/actions/x.md".into(), display: "content/place/actions/x.md".into(), text };
    let _ = ambit::parse::parse_file(kind, &src, "/sub/", ambit::model::date(2026, 12, 7).unwrap());
});
