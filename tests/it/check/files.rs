//! Mistakes in file names, in the status and completion of actions, unknown files and folders
//! in a place, and several errors in one file reported in line order.

use super::{Broken, Diag, Expect};

#[test]
fn bad_file_name_suggests_a_slug() {
    let b = Broken::new();
    let rel = "kommun/actions/Öster.md";
    b.write(
        rel,
        "---\ntitle: Öster\nambition: trygghet\nstatus: idea\n---\n",
    );
    let e = Expect::new(
        rel,
        (1, 1),
        "`Öster.md` is not a valid id",
        &["rename it to `oster.md`"],
    );
    let second = b.district_mistake();
    b.check().assert_exactly(&[e, second]);

    let b = Broken::new();
    let rel = "oost/actions/my action.md";
    b.write(
        rel,
        "---\ntitle: Mijn\nambition: groen-oost\nstatus: idea\n---\n",
    );
    let e = Expect::new(
        rel,
        (1, 1),
        "`my action.md` is not a valid id",
        &["rename it to `my-action.md`"],
    );
    let second = b.village_mistake();
    b.check().assert_exactly(&[second, e]);
}

#[test]
fn done_without_completed() {
    let b = Broken::new();
    let rel = "kommun/actions/skolgard.md";
    b.replace(rel, "completed: 2023-09-15\n", "");
    let e = Expect::new(
        rel,
        b.pos(rel, "done"),
        "a done action needs `completed`",
        &["completed: YYYY-MM-DD"],
    );
    let second = b.district_mistake();
    b.check().assert_exactly(&[e, second]);
}

#[test]
fn completed_with_a_status_other_than_done() {
    let b = Broken::new();
    let rel = "kommun/actions/belysning.md";
    b.replace(
        rel,
        "listed: 2024\n",
        "listed: 2024\ncompleted: 2025-03-01\n",
    );
    let e = Expect::new(
        rel,
        b.pos(rel, "completed:"),
        "`completed` is only allowed when status is `done`",
        &["set `status: done`"],
    );
    let second = b.district_mistake();
    b.check().assert_exactly(&[e, second]);
}

#[test]
fn unknown_file_and_folder_in_a_place() {
    let b = Broken::new();
    b.write("kommun/notes.txt", "anteckningar");
    b.write("kommun/action/extra.md", "---\ntitle: x\n---\n");
    let file = Expect::new(
        "kommun/notes.txt",
        (1, 1),
        "unknown file `notes.txt` in place `kommun`",
        &["programme.md, files/, areas/, ambitions/, strategies/, indicators/, actions/"],
    );
    let folder = Expect::new(
        "kommun/action",
        (1, 1),
        "unknown folder `action` in place `kommun`",
        &["did you mean `actions`?"],
    );
    let second = b.district_mistake();
    b.check().assert_exactly(&[folder, file, second]);
}

#[test]
fn several_errors_in_one_file_are_all_reported_in_line_order() {
    let b = Broken::new();
    let rel = "kommun/actions/ny-cykelbana.md";
    b.replace(rel, "progress: 40", "progress: 140");
    b.replace(rel, "due: 2026-10", "due: 2026-13");
    b.replace(rel, "responsible: Tekniska", "responsibel: Tekniska");
    let r = b.check();
    let mine: Vec<&Diag> = r
        .errors()
        .into_iter()
        .filter(|d| d.path.ends_with("ny-cykelbana.md"))
        .collect();
    assert_eq!(mine.len(), 3, "{}", r.raw);
    assert!(mine.windows(2).all(|w| w[0].line < w[1].line), "{}", r.raw);
    let (l, c) = b.pos(rel, "2026-13");
    assert!(
        mine.iter()
            .any(|d| d.line == l && d.col == c && d.message.contains("not a valid date")),
        "{}",
        r.raw
    );
    let (l, c) = b.pos(rel, "140");
    assert!(
        mine.iter()
            .any(|d| d.line == l && d.col == c && d.message.contains("between 0 and 100")),
        "{}",
        r.raw
    );
    r.assert_sorted();
}
