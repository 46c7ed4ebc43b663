//! One save at a time: an incremental rebuild equals a full build, a new file falls back to a
//! full build, a broken save writes nothing until fixed, stale work is done with the next save.

use std::path::PathBuf;

use ambit::session::Mode;

use crate::common;

use super::{assert_same, edit, full, opts, started, tree};

#[test]
fn an_incremental_rebuild_equals_a_full_build() {
    let (_turn, c, content, served, mut session) = started();

    // Change the title and status of one action that serves another place's ambition.
    let action: PathBuf = std::fs::read_dir(content.join("oost/actions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .contains("ambition: kommun/")
        })
        .expect("a cross-place action in the fixture");
    let text = std::fs::read_to_string(&action).unwrap();
    let title_line = text
        .lines()
        .find(|l| l.starts_with("title:"))
        .unwrap()
        .to_string();
    edit(&action, &title_line, "title: Nieuwe titel na bewerking");
    let status_line = text
        .lines()
        .find(|l| l.starts_with("status:"))
        .unwrap()
        .to_string();
    if status_line.trim() != "status: ongoing" {
        edit(&action, &status_line, "status: ongoing");
    }
    let text = std::fs::read_to_string(&action).unwrap();
    if let Some(c) = text.lines().find(|l| l.starts_with("completed:")) {
        edit(&action, &format!("{c}\n"), "");
    }
    let (second, diags) = session.build(std::slice::from_ref(&action));
    let (_, mode) = second.unwrap_or_else(|| panic!("rebuild failed: {diags:?}"));
    let Mode::Incremental(pages) = mode else {
        panic!("expected an incremental rebuild, got {mode:?}")
    };
    let total = common::list_files(&served)
        .iter()
        .filter(|f| f.ends_with(".html"))
        .count();
    assert!(pages < total / 2, "re-rendered {pages} of {total} pages");

    let fresh = c.root().join("fresh");
    let (full, diags) = ambit::build(&opts(&content, &fresh));
    assert!(full.is_some(), "{diags:?}");
    let (a, b) = (tree(&served), tree(&fresh));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(
            bytes == &b[name],
            "{name} differs between the incremental and the full build"
        );
    }
    assert!(std::fs::read_to_string(served.join("kommun/index.html")).is_ok());
    let ambition_pages: Vec<_> = a
        .iter()
        .filter(|(k, v)| {
            k.starts_with("kommun/ambitions/")
                && String::from_utf8_lossy(v).contains("Nieuwe titel na bewerking")
        })
        .collect();
    assert!(
        !ambition_pages.is_empty(),
        "the municipality's ambition page shows the new title"
    );
}

#[test]
fn a_new_file_falls_back_to_a_full_build() {
    let (_turn, _c, content, served, mut session) = started();
    let id = "trygghet";
    let new = content.join(format!("kommun/actions/nieuw-{id}.md"));
    std::fs::write(
        &new,
        format!("---\ntitle: Ny åtgärd\nambition: {id}\nstatus: idea\n---\nText.\n"),
    )
    .unwrap();
    let (res, diags) = session.build(std::slice::from_ref(&new));
    assert!(matches!(res, Some((_, Mode::Full))), "{diags:?}");
    assert!(served
        .join(format!("kommun/actions/nieuw-{id}/index.html"))
        .is_file());
}

#[test]
fn a_broken_save_writes_nothing_and_the_fix_recovers() {
    let (_turn, _c, content, served, mut session) = started();
    let before = tree(&served);
    let ambition = content.join("kommun/ambitions/trygghet.md");
    let good = std::fs::read_to_string(&ambition).unwrap();
    std::fs::write(&ambition, "---\ntitle: [unclosed\n---\n").unwrap();
    let (res, diags) = session.build(std::slice::from_ref(&ambition));
    assert!(res.is_none());
    assert!(diags
        .iter()
        .any(|d| d.is_error() && d.path.as_deref() == Some(ambition.as_path())));
    assert_eq!(
        tree(&served),
        before,
        "a failed build leaves the served site as it was"
    );
    std::fs::write(&ambition, good).unwrap();
    assert!(session.build(std::slice::from_ref(&ambition)).0.is_some());
}

#[test]
fn stale_work_after_a_save_is_done_with_the_next_one() {
    let (_turn, c, content, served, mut session) = started();
    let action = content.join("kommun/actions/laxhjalp.md");
    let other = content.join("oost/actions/buurtfeest.md");
    edit(
        &action,
        "title: Läxhjälp på biblioteket",
        "title: Läxhjälp i skolan",
    );
    assert!(session
        .build_visible(std::slice::from_ref(&action))
        .0
        .is_some());
    // A newer save arrived: the indexes of the first are left for the next build.
    let stale = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    assert!(session.finish_unless(&stale).is_empty());
    let (fresh, _) = full(&content, c.root());
    assert_ne!(
        tree(&served),
        fresh,
        "the first save's indexes are not written yet"
    );
    let text = std::fs::read_to_string(&other).unwrap();
    let new = text.replacen("title: ", "title: Groot ", 1);
    std::fs::write(&other, new).unwrap();
    let (built, diags) = session.build(std::slice::from_ref(&other));
    assert!(built.is_some(), "{diags:?}");
    let (fresh, _) = full(&content, c.root());
    assert_same(&tree(&served), &fresh, "after the second save");
}
