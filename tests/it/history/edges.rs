//! Repositories of unusual shapes: a folder outside git, a missing folder, an empty repository,
//! a content folder not yet committed, a shallow clone; and commit links on the forge.

use ambit::history::{self, FileHistory, History};

use crate::common::git_at;

use super::{action, change, day, transitions, Repo, NO_COMMIT};

#[test]
fn a_folder_outside_git_has_no_history() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("content")).unwrap();
    assert_eq!(history::read(&tmp.path().join("content")), Ok(None));
}

#[test]
fn a_missing_folder_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    assert!(history::read(&tmp.path().join("nowhere")).is_err());
}

#[test]
fn an_empty_repository_has_an_empty_history() {
    let r = Repo::new();
    r.write("content/site.yaml", "title: T\n");
    assert_eq!(r.read("content"), History::default());
}

#[test]
fn a_content_folder_added_late_and_not_yet_committed() {
    let r = Repo::new();
    r.write("README.md", "x\n");
    r.commit("Start", "2024-01-01 12:00:00 +0000");
    r.write("content/p/actions/x.md", &action("idea", ""));
    assert!(r.read("content").files.is_empty());
    let c = r.commit("Content", "2024-01-02 12:00:00 +0000");
    assert_eq!(
        r.read("content").files["p/actions/x.md"].added,
        Some(change(&c, "2024-01-02", "Content"))
    );
}

#[test]
fn a_shallow_clone_says_history_is_incomplete() {
    let origin = Repo::new();
    origin.write("content/p/actions/x.md", &action("idea", ""));
    origin.commit("Idea", "2024-01-01 12:00:00 +0000");
    origin.write("content/p/actions/x.md", &action("planned", ""));
    origin.commit("Planned", "2024-02-01 12:00:00 +0000");
    origin.write("content/p/actions/y.md", &action("idea", ""));
    let c3 = origin.commit("Another idea", "2024-03-01 12:00:00 +0000");

    let tmp = tempfile::tempdir().unwrap();
    let url = format!("file://{}", origin.root.display());
    git_at(
        tmp.path(),
        NO_COMMIT,
        &["clone", "-q", "--depth", "1", &url, "clone"],
    );
    let clone = Repo {
        root: tmp.path().join("clone"),
        _tmp: tmp,
    };

    let h = clone.read("content");
    assert!(h.shallow);
    // Both files were there before the history this clone holds begins.
    assert_eq!(h.files["p/actions/x.md"], FileHistory::default());
    assert_eq!(h.files["p/actions/y.md"], FileHistory::default());

    // Commits made in the clone are history again, starting from the status the clone had.
    clone.write("content/p/actions/x.md", &action("ongoing", ""));
    let c4 = clone.commit("Ongoing", "2024-04-01 12:00:00 +0000");
    let h = clone.read("content");
    assert!(h.shallow);
    let x = &h.files["p/actions/x.md"];
    assert_eq!(x.added, None);
    assert_eq!(
        transitions(x),
        [(Some("planned"), "ongoing", day("2024-04-01"))]
    );
    assert_eq!(x.last_changed, Some(change(&c4, "2024-04-01", "Ongoing")));

    // A deeper clone knows more.
    let tmp = tempfile::tempdir().unwrap();
    git_at(
        tmp.path(),
        NO_COMMIT,
        &["clone", "-q", "--depth", "2", &url, "clone"],
    );
    let h = history::read(&tmp.path().join("clone/content"))
        .unwrap()
        .unwrap();
    assert!(h.shallow);
    assert_eq!(h.files["p/actions/x.md"], FileHistory::default());
    assert_eq!(
        transitions(&h.files["p/actions/y.md"]),
        [(None, "idea", day("2024-03-01"))]
    );
    assert_eq!(
        h.files["p/actions/y.md"].added,
        Some(change(&c3, "2024-03-01", "Another idea"))
    );
}

#[test]
fn commit_links_on_the_forge() {
    assert_eq!(
        history::commit_url("https://github.com/example/program", "abc"),
        "https://github.com/example/program/commit/abc"
    );
    assert_eq!(
        history::commit_url("https://git.example.org/p.git/", "abc"),
        "https://git.example.org/p/commit/abc"
    );
}
