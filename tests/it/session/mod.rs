//! Incremental rebuilds (the `serve` session) must produce exactly the site a
//! full build produces, while rendering only the affected pages.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ambit::session::{Mode, Session};
use ambit::BuildOptions;

use crate::common;
use crate::common::{Content, Turn};

mod rebuilds;
mod saves;

/// A session over a fresh copy of the `multi` fixture, after its first build (a full one):
/// the test's turn and the copy (both kept for the whole test), the content folder, the served
/// folder and the session.
pub(super) fn started() -> (Turn, Content, PathBuf, PathBuf, Session) {
    common::fixed_today();
    let turn = common::shared();
    let c = Content::fixture("multi");
    let content = c.dir();
    let served = c.root().join("served");
    let mut session = Session::new(opts(&content, &served));
    let (first, diags) = session.build(&[]);
    assert!(matches!(first, Some((_, Mode::Full))), "{diags:?}");
    (turn, c, content, served, session)
}

pub(super) fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    common::list_files(dir)
        .into_iter()
        .filter(|f| !f.starts_with(".ambit"))
        .map(|f| {
            let bytes = std::fs::read(dir.join(&f)).unwrap();
            (f, bytes)
        })
        .collect()
}

pub(super) fn opts(content: &Path, output: &Path) -> BuildOptions {
    BuildOptions {
        base_url: Some("http://127.0.0.1:1/sub/".into()),
        ..BuildOptions::new(content, output)
    }
}

pub(super) fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks {from}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// Every diagnostic as its contract line, for comparing two builds.
pub(super) fn lines(diags: &[ambit::diag::Diagnostic]) -> Vec<String> {
    diags.iter().map(|d| d.plain()).collect()
}

/// A full build of `content` into a fresh folder: its tree and diagnostics.
pub(super) fn full(content: &Path, dir: &Path) -> (BTreeMap<String, Vec<u8>>, Vec<String>) {
    let out = dir.join(format!("full-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let (built, diags) = ambit::build(&opts(content, &out));
    assert!(built.is_some(), "{diags:?}");
    let t = tree(&out);
    std::fs::remove_dir_all(&out).unwrap();
    (t, lines(&diags))
}

pub(super) fn assert_same(
    served: &BTreeMap<String, Vec<u8>>,
    fresh: &BTreeMap<String, Vec<u8>>,
    step: &str,
) {
    assert_eq!(
        served.keys().collect::<Vec<_>>(),
        fresh.keys().collect::<Vec<_>>(),
        "{step}: files"
    );
    for (name, bytes) in served {
        assert!(
            bytes == &fresh[name],
            "{step}: {name} differs between the incremental and the full build"
        );
    }
}
