//! Tests of the git-history reader (`ambit::history`) on fixture repositories that the tests
//! make with the `git` command-line tool, with commits at fixed dates.

use std::path::PathBuf;

use ambit::history::{self, Change, FileHistory, History};

use crate::common::{git_at, git_command, run_git};

mod edges;
mod reading;
mod scale;

/// A repository in a temporary folder.
pub(super) struct Repo {
    _tmp: tempfile::TempDir,
    root: PathBuf,
}

/// The date of git commands that make no commit (the date of every commit is given).
pub(super) const NO_COMMIT: &str = "2024-01-01";

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

pub(super) fn action(status: &str, body: &str) -> String {
    format!("---\ntitle: Nytt torg\nambition: levande-centrum\nstatus: {status}\n---\n{body}\n")
}

pub(super) fn change(commit: &str, date: &str, summary: &str) -> Change {
    Change {
        commit: commit.into(),
        date: day(date),
        summary: summary.into(),
    }
}

/// The date of `YYYY-MM-DD`.
pub(super) fn day(iso: &str) -> ambit::model::Date {
    let n = |r: std::ops::Range<usize>| iso[r].parse::<u16>().unwrap();
    ambit::model::date(i32::from(n(0..4)), n(5..7) as u8, n(8..10) as u8).unwrap()
}

/// (from, to, date) of each status change.
pub(super) fn transitions(f: &FileHistory) -> Vec<(Option<&str>, &str, ambit::model::Date)> {
    f.status_changes
        .iter()
        .map(|s| (s.from.as_deref(), s.to.as_str(), s.change.date))
        .collect()
}
