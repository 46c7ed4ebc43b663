//! The reader on a large history: ten thousand files and two thousand commits.

use std::io::Write;
use std::process::Stdio;

use ambit::history::History;

use crate::common::git_command;

use super::{action, Repo, NO_COMMIT};

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
