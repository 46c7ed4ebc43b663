//! Tests of the git-history reader (`ambit::history`) on fixture repositories that the tests
//! make with the `git` command-line tool, with commits at fixed dates.

use std::io::Write;
use std::path::PathBuf;
use std::process::Stdio;

use ambit::history::{self, Change, FileHistory, History};

use crate::common::{git_at, git_command, run_git};

/// A repository in a temporary folder.
struct Repo {
    _tmp: tempfile::TempDir,
    root: PathBuf,
}

/// The date of git commands that make no commit (the date of every commit is given).
const NO_COMMIT: &str = "2024-01-01";

impl Repo {
    fn new() -> Repo {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("repo");
        std::fs::create_dir(&root).unwrap();
        let repo = Repo { _tmp: tmp, root };
        repo.git(&["init", "-q"]);
        repo
    }

    fn git(&self, args: &[&str]) -> String {
        git_at(&self.root, NO_COMMIT, args)
    }

    fn write(&self, path: &str, text: &str) {
        let p = self.root.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    /// Commits everything at `date` ("2024-01-15 12:00:00 +0000") and returns the commit id.
    fn commit(&self, message: &str, date: &str) -> String {
        self.commit_dates(message, date, date)
    }

    fn commit_dates(&self, message: &str, author: &str, committer: &str) -> String {
        self.git(&["add", "-A"]);
        let mut cmd = git_command(&self.root, author);
        cmd.env("GIT_COMMITTER_DATE", committer).args([
            "commit",
            "-q",
            "--allow-empty",
            "-m",
            message,
        ]);
        run_git(cmd);
        self.git(&["rev-parse", "HEAD"])
    }

    fn read(&self, content: &str) -> History {
        history::read(&self.root.join(content))
            .expect("history reads")
            .expect("inside git")
    }
}

fn action(status: &str, body: &str) -> String {
    format!("---\ntitle: Nytt torg\nambition: levande-centrum\nstatus: {status}\n---\n{body}\n")
}

fn change(commit: &str, date: &str, summary: &str) -> Change {
    Change {
        commit: commit.into(),
        date: day(date),
        summary: summary.into(),
    }
}

/// The date of `YYYY-MM-DD`.
fn day(iso: &str) -> ambit::model::Date {
    let n = |r: std::ops::Range<usize>| iso[r].parse::<u16>().unwrap();
    ambit::model::date(i32::from(n(0..4)), n(5..7) as u8, n(8..10) as u8).unwrap()
}

/// (from, to, date) of each status change.
fn transitions(f: &FileHistory) -> Vec<(Option<&str>, &str, ambit::model::Date)> {
    f.status_changes
        .iter()
        .map(|s| (s.from.as_deref(), s.to.as_str(), s.change.date))
        .collect()
}

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

/// 10,000 files in 20 places and 2,000 commits, made with `git fast-import`. Run with
/// `cargo test --release --test history -- --ignored --nocapture` to see the time.
#[test]
#[ignore = "performance measurement; run in release"]
fn ten_thousand_files_and_two_thousand_commits() {
    const PLACES: usize = 20;
    const PER_PLACE: usize = 500;
    const COMMITS: usize = 2_000;
    const STATUSES: [&str; 6] = [
        "idea",
        "prioritised",
        "planned",
        "ongoing",
        "done",
        "cancelled",
    ];
    let r = Repo::new();
    let path = |i: usize| {
        format!(
            "content/place-{:02}/actions/action-{:04}.md",
            i / PER_PLACE,
            i % PER_PLACE
        )
    };
    let mut status = vec![0usize; PLACES * PER_PLACE];
    let mut expected_changes = PLACES * PER_PLACE;
    let mut stream = Vec::new();
    let blob = |stream: &mut Vec<u8>, p: &str, text: &str| {
        writeln!(stream, "M 100644 inline {p}\ndata {}\n{text}", text.len()).unwrap();
    };
    let start = 1_704_067_200i64; // 2024-01-01
    let mut seed = 12_345u64;
    for c in 0..COMMITS {
        let msg = format!("Commit {c}");
        writeln!(
            stream,
            "commit refs/heads/main\nmark :{}\ncommitter E <e@example.org> {} +0000",
            c + 1,
            start + c as i64 * 3_600
        )
        .unwrap();
        writeln!(stream, "data {}\n{msg}", msg.len()).unwrap();
        if c > 0 {
            writeln!(stream, "from :{c}").unwrap();
        }
        if c == 0 {
            for (i, _) in status.iter().enumerate() {
                blob(
                    &mut stream,
                    &path(i),
                    &action("idea", &format!("Action {i}.")),
                );
            }
            blob(&mut stream, "README.md", "readme");
        } else {
            for k in 0..3 {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let i = (seed >> 33) as usize % status.len();
                if (seed >> 20) % 2 == 0 {
                    status[i] = (status[i] + 1) % STATUSES.len();
                    expected_changes += 1;
                }
                blob(
                    &mut stream,
                    &path(i),
                    &action(STATUSES[status[i]], &format!("Action {i}, edit {c}.{k}.")),
                );
            }
            blob(&mut stream, "README.md", &format!("readme {c}"));
        }
        stream.push(b'\n');
    }
    let mut cmd = git_command(&r.root, NO_COMMIT);
    let mut child = cmd
        .args(["fast-import", "--quiet"])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&stream).unwrap();
    assert!(child.wait().unwrap().success());
    r.git(&["reset", "-q", "--hard"]);

    let _alone = crate::common::alone();
    let measure = |label: &str| {
        // The best of three, as other processes share the machine.
        let mut took = std::time::Duration::MAX;
        let mut h = History::default();
        for _ in 0..3 {
            let t = std::time::Instant::now();
            h = r.read("content");
            took = took.min(t.elapsed());
        }
        eprintln!("history of 10,000 files and 2,000 commits ({label}): {took:?}");
        assert_eq!(h.files.len(), PLACES * PER_PLACE);
        assert_eq!(
            h.files
                .values()
                .map(|f| f.status_changes.len())
                .sum::<usize>(),
            expected_changes
        );
        took
    };
    let fast_import = measure("fast-import pack");
    r.git(&[
        "repack",
        "-q",
        "-a",
        "-d",
        "-f",
        "--depth=50",
        "--window=50",
    ]);
    let repacked = measure("after repack -adf --depth=50");
    if !cfg!(debug_assertions) {
        assert!(fast_import.max(repacked) < std::time::Duration::from_secs(1));
    }
}
