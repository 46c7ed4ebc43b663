//! Follow-up from git: a corpus committed at known dates shows each action's
//! status transitions with those dates, the changes page and feed list them,
//! and the follow-up page and `check --gaps` list the planted gaps.

use crate::common;
use crate::common::Content;
use std::path::Path;

fn set_status(file: &Path, status: &str, completed: Option<&str>) {
    let text = std::fs::read_to_string(file).unwrap();
    let mut out = String::new();
    for line in text.lines() {
        if line.starts_with("status:") {
            out.push_str(&format!("status: {status}\n"));
            if let Some(c) = completed {
                out.push_str(&format!("completed: {c}\n"));
            }
        } else if !line.starts_with("completed:") {
            out.push_str(line);
            out.push('\n');
        }
    }
    std::fs::write(file, out).unwrap();
}

#[test]
fn transitions_from_git_appear_with_their_dates() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("repo");
    let content = repo.join("content");
    common::copy_dir(&common::fixture("multi"), &content);
    let action = content.join("kommun/actions/belysning.md");
    set_status(&action, "idea", None);
    common::git_at(&repo, "2024-01-15", &["init", "-q"]);
    common::git_at(&repo, "2024-01-15", &["add", "-A"]);
    common::git_at(&repo, "2024-01-15", &["commit", "-qm", "Programme added"]);
    set_status(&action, "planned", None);
    common::git_at(
        &repo,
        "2024-03-01",
        &["commit", "-qam", "Belysning decided"],
    );
    set_status(&action, "ongoing", None);
    common::git_at(
        &repo,
        "2026-02-10",
        &["commit", "-qam", "Belysning started"],
    );
    set_status(&action, "done", Some("2026-04-30"));
    common::git_at(
        &repo,
        "2026-05-02",
        &["commit", "-qam", "Belysning completed"],
    );

    let out = tmp.path().join("out");
    let o = common::build(&content, &out, Some("http://127.0.0.1:1/sub/"));
    assert_eq!(common::code(&o), 0, "{}", common::both(&o));
    let page = std::fs::read_to_string(out.join("kommun/actions/belysning/index.html")).unwrap();
    let history = &page[page.find("class=\"history\"").expect("a history section")..];
    for date in ["2024-01-15", "2024-03-01", "2026-02-10", "2026-05-02"] {
        assert!(
            history.contains(&format!("<time datetime=\"{date}\">")),
            "{date} missing in {history}"
        );
    }
    let pos = |s: &str| history.find(s).unwrap_or_else(|| panic!("{s} missing"));
    assert!(
        pos("2024-03-01") < pos("2026-02-10") && pos("2026-02-10") < pos("2026-05-02"),
        "oldest first"
    );
    assert!(history.contains("Idé → Planerad"), "{history}");
    assert!(history.contains("Planerad → Pågår"), "{history}");
    assert!(history.contains("Pågår → Genomförd"), "{history}");

    // The changes page (last 12 months before AMBIT_TODAY=2026-06-01) and the feed use the same dates.
    let changes = std::fs::read_to_string(out.join("kommun/changes/index.html")).unwrap();
    assert!(
        changes.contains("<time datetime=\"2026-05-02\">"),
        "{changes}"
    );
    assert!(changes.contains("<time datetime=\"2026-02-10\">"));
    assert!(
        !changes.contains("<time datetime=\"2024-03-01\">"),
        "older than twelve months"
    );
    let feed = std::fs::read_to_string(out.join("kommun/feed.xml")).unwrap();
    assert!(
        feed.contains("<updated>2026-05-02T00:00:00Z</updated>"),
        "{feed}"
    );
    assert!(feed.contains("belysning/#completed-2026-05-02"));
    assert!(feed.contains("belysning/#decided-2024-03-01"));
}

#[test]
fn a_build_outside_git_and_a_shallow_clone_both_work() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("repo");
    let content = repo.join("content");
    common::copy_dir(&common::fixture("multi"), &content);
    // Outside git: no history section, no failure.
    let out = tmp.path().join("out1");
    let o = common::build(&content, &out, None);
    assert_eq!(common::code(&o), 0, "{}", common::both(&o));
    assert!(
        !std::fs::read_to_string(out.join("kommun/actions/belysning/index.html"))
            .unwrap()
            .contains("class=\"history\"")
    );

    common::git_at(&repo, "2024-01-15", &["init", "-q"]);
    common::git_at(&repo, "2024-01-15", &["add", "-A"]);
    common::git_at(&repo, "2024-01-15", &["commit", "-qm", "one"]);
    set_status(
        &content.join("kommun/actions/belysning.md"),
        "ongoing",
        None,
    );
    common::git_at(&repo, "2025-01-15", &["commit", "-qam", "two"]);
    let clone = tmp.path().join("clone");
    let url = format!("file://{}", repo.display());
    common::git_at(
        tmp.path(),
        "2025-01-15",
        &["clone", "-q", "--depth", "1", &url, "clone"],
    );
    let out = tmp.path().join("out2");
    let o = common::build(&clone.join("content"), &out, None);
    assert_eq!(common::code(&o), 0, "{}", common::both(&o));
    let changes = std::fs::read_to_string(out.join("kommun/changes/index.html")).unwrap();
    assert!(
        changes.contains("class=\"notice\""),
        "a shallow clone says the history is incomplete"
    );
}

#[test]
fn the_follow_up_page_and_check_gaps_list_the_planted_gaps() {
    let c = Content::fixture("multi");
    let area = std::fs::read_dir(c.file("kommun/areas"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let area = area.file_stem().unwrap().to_string_lossy().to_string();
    // Planted: an ambition no action serves, an indicator without target and old values, a late action.
    let c = c
        .with(
            "kommun/ambitions/glomd.md",
            format!("---\ntitle: Glömd ambition\narea: {area}\n---\nIngen åtgärd ännu.\n"),
        )
        .with(
            "kommun/indicators/gammal.md",
            "---\ntitle: Gammal mätning\nmeasures: [trygghet]\nvalues:\n  - {year: 2019, value: 3}\n---\n",
        )
        .with(
            "kommun/actions/sen.md",
            "---\ntitle: Sen åtgärd\nambition: trygghet\nstatus: ongoing\ndue: 2025-03\n---\n",
        );
    let content = c.dir();
    let out = c.root().join("out");
    let o = common::build(&content, &out, None);
    assert_eq!(common::code(&o), 0, "{}", common::both(&o));
    let page = std::fs::read_to_string(out.join("kommun/follow-up/index.html")).unwrap();
    let section = |code: &str| {
        let start = page
            .find(&format!("id=\"gap-{code}\""))
            .unwrap_or_else(|| panic!("section {code}"));
        let end = page[start..].find("</section>").unwrap() + start;
        page[start..end].to_string()
    };
    assert!(section("no_action").contains("ambitions/glomd/"));
    assert!(section("late").contains("actions/sen/"));
    assert!(section("no_recent_value").contains("indicators/gammal/"));
    assert!(section("no_target").contains("indicators/gammal/"));
    assert!(!section("late").contains("actions/belysning/") || page.contains("belysning"));

    let o = common::ambit(&["check", "--gaps", "--content", content.to_str().unwrap()]);
    let text = common::both(&o);
    assert_eq!(common::code(&o), 0, "gaps are warnings: {text}");
    assert!(
        text.contains(
            "kommun/ambitions/glomd.md:2:1: warning: gap: no action serves ambition `glomd`"
        ),
        "{text}"
    );
    assert!(
        text.contains("kommun/actions/sen.md:5:1: warning: gap: action `sen` is late"),
        "{text}"
    );
    assert!(text.contains("kommun/indicators/gammal.md:4:1: warning: gap: indicator `gammal` has no value from the last two years"), "{text}");
}
