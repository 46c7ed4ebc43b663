//! What the reader finds in ordinary histories: the status changes of an action in a content
//! subfolder, committer dates in UTC, merges followed by their first parent, and files deleted,
//! renamed and added again.

use crate::common::git_at;

use super::{action, change, day, transitions, Repo};

#[test]
fn status_changes_of_an_action_in_a_content_subfolder() {
    let r = Repo::new();
    r.write("README.md", "# Programme\n");
    r.write(
        "content/site.yaml",
        "title: T\nlanguage: sv\nbase_url: https://example.org/\n",
    );
    r.write(
        "content/getinge/ambitions/levande-centrum.md",
        "---\ntitle: Levande centrum\n---\nText\n",
    );
    r.write(
        "content/getinge/actions/nytt-torg.md",
        &action("idea", "Ett torg."),
    );
    let c1 = r.commit(
        "Add the square as an idea\n\nFrom the dialogue.",
        "2024-01-15 10:00:00 +0000",
    );
    r.write(
        "content/getinge/actions/nytt-torg.md",
        &action("idea", "Ett torg med träd."),
    );
    let c2 = r.commit("Describe the square", "2024-02-10 10:00:00 +0000");
    r.write(
        "content/getinge/actions/nytt-torg.md",
        &action("planned", "Ett torg med träd."),
    );
    let c3 = r.commit("Plan the square", "2024-03-01 10:00:00 +0000");
    r.write("README.md", "# Programme of Getinge\n");
    r.commit("Outside the content folder", "2024-04-01 10:00:00 +0000");
    r.write(
        "content/getinge/actions/nytt-torg.md",
        &action("\"ongoing\"", "Ett torg med träd."),
    );
    let c5 = r.commit("Start the square", "2024-06-10 10:00:00 +0000");
    r.write(
        "content/getinge/actions/nytt-torg.md",
        &action("done", "Ett torg med träd.")
            .replace("status: done", "status: done\ncompleted: 2025-01-31"),
    );
    let c6 = r.commit("The square is done", "2025-02-01 10:00:00 +0000");
    // Uncommitted work is not history.
    r.write(
        "content/getinge/actions/nytt-torg.md",
        &action("cancelled", "x"),
    );
    r.write(
        "content/getinge/actions/uncommitted.md",
        &action("idea", "x"),
    );

    let h = r.read("content");
    assert!(!h.shallow);
    let mut keys: Vec<_> = h.files.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "getinge/actions/nytt-torg.md",
            "getinge/ambitions/levande-centrum.md",
            "site.yaml"
        ]
    );

    let torg = &h.files["getinge/actions/nytt-torg.md"];
    assert_eq!(
        torg.added,
        Some(change(&c1, "2024-01-15", "Add the square as an idea"))
    );
    assert_eq!(
        torg.last_changed,
        Some(change(&c6, "2025-02-01", "The square is done"))
    );
    assert_eq!(
        transitions(torg),
        [
            (None, "idea", day("2024-01-15")),
            (Some("idea"), "planned", day("2024-03-01")),
            (Some("planned"), "ongoing", day("2024-06-10")),
            (Some("ongoing"), "done", day("2025-02-01")),
        ]
    );
    let commits: Vec<_> = torg
        .status_changes
        .iter()
        .map(|s| s.change.commit.as_str())
        .collect();
    assert_eq!(commits, [&c1, &c3, &c5, &c6]);
    assert!(!commits.contains(&c2.as_str()));

    let ambition = &h.files["getinge/ambitions/levande-centrum.md"];
    assert_eq!(
        ambition.added,
        Some(change(&c1, "2024-01-15", "Add the square as an idea"))
    );
    assert!(ambition.status_changes.is_empty());
    assert_eq!(ambition.last_changed, ambition.added);

    // Reading from a place folder gives paths relative to it.
    let place = r.read("content/getinge");
    assert_eq!(place.files["actions/nytt-torg.md"], *torg);

    // The same from packs.
    r.git(&["gc", "-q"]);
    assert_eq!(r.read("content"), h);
}

#[test]
fn committer_date_in_utc() {
    let r = Repo::new();
    r.write("a/actions/x.md", &action("idea", ""));
    // Authored on 2024-06-09, committed on 2024-06-10 at 23:30 in UTC-2, which is 2024-06-11 in UTC.
    let c = r.commit_dates(
        "Late commit",
        "2024-06-09 12:00:00 +0000",
        "2024-06-10 23:30:00 -0200",
    );
    let h = r.read(".");
    assert_eq!(
        h.files["a/actions/x.md"].added,
        Some(change(&c, "2024-06-11", "Late commit"))
    );
}

#[test]
fn merges_follow_the_first_parent() {
    let r = Repo::new();
    r.write("p/actions/x.md", &action("idea", ""));
    let c1 = r.commit("Idea", "2024-01-01 12:00:00 +0000");
    r.git(&["checkout", "-q", "-b", "feature"]);
    r.write("p/actions/x.md", &action("planned", ""));
    r.commit("Planned on a branch", "2024-02-01 12:00:00 +0000");
    r.write("p/actions/x.md", &action("ongoing", ""));
    r.commit("Ongoing on a branch", "2024-02-15 12:00:00 +0000");
    r.git(&["checkout", "-q", "main"]);
    r.write("p/actions/y.md", &action("done", ""));
    r.commit("Another action", "2024-02-10 12:00:00 +0000");
    git_at(
        &r.root,
        "2024-03-01 12:00:00 +0000",
        &["merge", "-q", "--no-ff", "-m", "Merge feature", "feature"],
    );
    let merge = r.git(&["rev-parse", "HEAD"]);

    let h = r.read(".");
    let x = &h.files["p/actions/x.md"];
    assert_eq!(x.added, Some(change(&c1, "2024-01-01", "Idea")));
    assert_eq!(
        transitions(x),
        [
            (None, "idea", day("2024-01-01")),
            (Some("idea"), "ongoing", day("2024-03-01"))
        ]
    );
    assert_eq!(x.status_changes[1].change.commit, merge);
    assert_eq!(
        transitions(&h.files["p/actions/y.md"]),
        [(None, "done", day("2024-02-10"))]
    );
}

#[test]
fn deleted_renamed_and_readded_files() {
    let r = Repo::new();
    r.write("c/p/actions/old.md", &action("idea", ""));
    r.write("c/p/actions/gone.md", &action("idea", ""));
    r.commit("Two ideas", "2024-01-01 12:00:00 +0000");
    r.git(&["mv", "c/p/actions/old.md", "c/p/actions/new.md"]);
    r.git(&["rm", "-q", "c/p/actions/gone.md"]);
    let c2 = r.commit("Rename one, drop one", "2024-02-01 12:00:00 +0000");
    r.write("c/p/actions/gone.md", &action("planned", ""));
    r.commit("Bring it back", "2024-03-01 12:00:00 +0000");

    let h = r.read("c");
    let new = &h.files["p/actions/new.md"];
    assert_eq!(
        new.added,
        Some(change(&c2, "2024-02-01", "Rename one, drop one"))
    );
    assert_eq!(transitions(new), [(None, "idea", day("2024-02-01"))]);
    assert!(!h.files.contains_key("p/actions/old.md"));
    let back = &h.files["p/actions/gone.md"];
    assert_eq!(back.added.as_ref().unwrap().date, day("2024-01-01"));
    assert_eq!(
        transitions(back),
        [
            (None, "idea", day("2024-01-01")),
            (Some("idea"), "planned", day("2024-03-01"))
        ]
    );
}
