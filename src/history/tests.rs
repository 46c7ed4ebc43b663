//! Reading newest first and oldest first must give the same history: fixture repositories made
//! with the `git` command-line tool, read both ways.

use std::path::Path;
use std::process::Command;

use super::{read_in, History};

fn git(dir: &Path, args: &[&str], date: &str) {
    let mut cmd = Command::new("git");
    for var in [
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_INDEX_FILE",
        "GIT_OBJECT_DIRECTORY",
    ] {
        cmd.env_remove(var);
    }
    let out = cmd
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "E")
        .env("GIT_AUTHOR_EMAIL", "e@example.org")
        .env("GIT_COMMITTER_NAME", "E")
        .env("GIT_COMMITTER_EMAIL", "e@example.org")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
            "-c",
            "protocol.file.allow=always",
        ])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn write(root: &Path, path: &str, status: Option<&str>) {
    let p = root.join(path);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    let status = status.map(|s| format!("status: {s}\n")).unwrap_or_default();
    std::fs::write(
        p,
        format!("---\ntitle: {path}\n{status}---\nBody of {path}.\n"),
    )
    .unwrap();
}

fn commit(root: &Path, message: &str, date: &str) {
    git(root, &["add", "-A"], date);
    git(
        root,
        &["commit", "-q", "--allow-empty", "-m", message],
        date,
    );
}

fn both_ways(content: &Path) -> History {
    let newest = read_in(content, Some(true)).unwrap().unwrap();
    let oldest = read_in(content, Some(false)).unwrap().unwrap();
    assert_eq!(newest, oldest);
    assert_eq!(read_in(content, None).unwrap().unwrap(), newest);
    newest
}

#[test]
fn both_directions_agree() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("repo");
    std::fs::create_dir(&root).unwrap();
    make_history(&root);
    let h = both_ways(&root.join("content"));
    check_history(&h);

    // The same from packs, and from a shallow clone.
    git(
        &root,
        &["gc", "-q", "--aggressive"],
        "2024-07-01 12:00:00 +0000",
    );
    assert_eq!(both_ways(&root.join("content")), h);
    let url = format!("file://{}", root.display());
    git(
        tmp.path(),
        &["clone", "-q", "--depth", "3", &url, "shallow"],
        "2024-07-01 12:00:00 +0000",
    );
    let s = both_ways(&tmp.path().join("shallow/content"));
    assert!(s.shallow);
    assert_eq!(s.files["b/actions/z.md"].status_changes.len(), 1);
}

/// Makes a repository at `root` whose content folder has added, changed, renamed, removed and
/// merged files, and a file replaced by a folder.
fn make_history(root: &Path) {
    git(root, &["init", "-q"], "2024-01-01 00:00:00 +0000");
    std::fs::write(root.join("README.md"), "readme").unwrap();
    write(root, "content/a/programme.md", None);
    write(root, "content/a/actions/x.md", Some("idea"));
    write(root, "content/a/actions/y.md", Some("planned"));
    write(root, "content/a/extra", None);
    commit(root, "One", "2024-01-01 12:00:00 +0000");
    write(root, "content/a/actions/x.md", Some("planned"));
    std::fs::remove_file(root.join("content/a/actions/y.md")).unwrap();
    write(root, "content/b/actions/z.md", Some("idea"));
    commit(root, "Two", "2024-02-01 12:00:00 +0000");
    git(
        root,
        &["mv", "content/a/actions/x.md", "content/a/actions/w.md"],
        "2024-03-01 12:00:00 +0000",
    );
    std::fs::remove_file(root.join("content/a/extra")).unwrap();
    write(root, "content/a/extra/inside.md", Some("ongoing"));
    commit(root, "Three", "2024-03-01 12:00:00 +0000");
    write(root, "content/a/actions/y.md", Some("done"));
    commit(root, "Four", "2024-04-01 12:00:00 +0000");
    std::fs::write(root.join("README.md"), "readme 2").unwrap();
    commit(root, "Five", "2024-05-01 12:00:00 +0000");
    git(
        root,
        &["checkout", "-q", "-b", "side"],
        "2024-05-02 12:00:00 +0000",
    );
    write(root, "content/b/actions/z.md", Some("cancelled"));
    commit(root, "Side", "2024-05-02 12:00:00 +0000");
    git(
        root,
        &["checkout", "-q", "main"],
        "2024-05-03 12:00:00 +0000",
    );
    write(root, "content/a/programme.md", Some("idea"));
    commit(root, "Six", "2024-05-03 12:00:00 +0000");
    git(
        root,
        &["merge", "-q", "--no-ff", "-m", "Merge", "side"],
        "2024-06-01 12:00:00 +0000",
    );
}

/// Checks the history of the repository [`make_history`] makes.
fn check_history(h: &History) {
    let mut paths: Vec<_> = h.files.keys().cloned().collect();
    paths.sort();
    assert_eq!(
        paths,
        [
            "a/actions/w.md",
            "a/actions/y.md",
            "a/extra/inside.md",
            "a/programme.md",
            "b/actions/z.md"
        ]
    );
    let y = &h.files["a/actions/y.md"];
    assert_eq!(
        crate::model::iso(y.added.as_ref().unwrap().date),
        "2024-01-01"
    );
    let y: Vec<_> = y
        .status_changes
        .iter()
        .map(|s| {
            (
                s.from.as_deref(),
                s.to.as_str(),
                crate::model::iso(s.change.date),
            )
        })
        .collect();
    assert_eq!(
        y,
        [
            (None, "planned", "2024-01-01".to_string()),
            (Some("planned"), "done", "2024-04-01".to_string())
        ]
    );
    let z: Vec<_> = h.files["b/actions/z.md"]
        .status_changes
        .iter()
        .map(|s| s.change.summary.as_str())
        .collect();
    assert_eq!(z, ["Two", "Merge"]);
}
