//! Git at fixed dates, as a fixed editor, for the tests of history read from a repository.

use std::path::Path;
use std::process::Command;

/// A git command in `repo` as a fixed editor at `when`, with no user or system configuration
/// and none of the caller's `GIT_*` variables. `when` is a day, `YYYY-MM-DD` (09:00 UTC), or a
/// full git date such as `2024-06-10 23:30:00 -0200`; it is both the author and the committer
/// date (a test that needs them apart sets `GIT_COMMITTER_DATE` on the command).
pub fn git_command(repo: &Path, when: &str) -> Command {
    let date = if when.len() == 10 {
        format!("{when}T09:00:00Z")
    } else {
        when.to_string()
    };
    let mut cmd = Command::new("git");
    cmd.current_dir(repo);
    for var in [
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_INDEX_FILE",
        "GIT_OBJECT_DIRECTORY",
        "GIT_CEILING_DIRECTORIES",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Redaktör")
        .env("GIT_AUTHOR_EMAIL", "red@example.org")
        .env("GIT_COMMITTER_NAME", "Redaktör")
        .env("GIT_COMMITTER_EMAIL", "red@example.org")
        .env("GIT_AUTHOR_DATE", &date)
        .env("GIT_COMMITTER_DATE", &date)
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
            "-c",
            "protocol.file.allow=always",
        ]);
    cmd
}

/// Runs a command made by [`git_command`]; panics unless it succeeds. Returns its stdout, trimmed.
pub fn run_git(mut cmd: Command) -> String {
    let out = cmd.output().expect("git runs");
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("git prints UTF-8")
        .trim()
        .to_owned()
}

/// Runs `git <args>` in `repo` at `when` (see [`git_command`]); panics unless it succeeds.
/// Returns its stdout, trimmed.
pub fn git_at(repo: &Path, when: &str, args: &[&str]) -> String {
    let mut cmd = git_command(repo, when);
    cmd.args(args);
    run_git(cmd)
}
