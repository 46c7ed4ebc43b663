//! The status changes of the year, read from git history.

use crate::common;
use crate::common::{both, build, code};

use super::section;

#[test]
fn status_changes_of_the_year_come_from_git_history() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("repo");
    let content = root.join("content");
    std::fs::create_dir_all(content.join("by/ambitions")).unwrap();
    std::fs::create_dir_all(content.join("by/actions")).unwrap();
    std::fs::write(
        content.join("site.yaml"),
        "title: Byar\nlanguage: sv\nbase_url: https://example.org/\n",
    )
    .unwrap();
    std::fs::write(
        content.join("by/programme.md"),
        "---\ntitle: Program för Byn\nplace: Byn\nplace_kind: village\n---\nText.\n",
    )
    .unwrap();
    std::fs::write(
        content.join("by/ambitions/torg.md"),
        "---\ntitle: Ett levande torg\n---\nText.\n",
    )
    .unwrap();
    let action = |status: &str, extra: &str| {
        format!("---\ntitle: Nya bänkar\nambition: torg\nstatus: {status}\nlisted: 2023\n{extra}---\nText.\n")
    };
    let path = content.join("by/actions/bankar.md");
    // (commit date, status written, the event the year page names, or None for the first commit)
    let steps = [
        ("2023-02-01", action("planned", ""), None),
        (
            "2023-06-10",
            action("ongoing", ""),
            Some(("2023-06-10", "Startad")),
        ),
        (
            "2023-11-21",
            action("done", "completed: 2023-11-20\n"),
            Some(("2023-11-21", "Genomförd")),
        ),
    ];
    common::git_at(&root, steps[0].0, &["init", "-q"]);
    for (date, text, _) in &steps {
        std::fs::write(&path, text).unwrap();
        common::git_at(&root, date, &["add", "-A"]);
        common::git_at(&root, date, &["commit", "-q", "-m", "Bänkarna"]);
    }
    let out = tmp.path().join("out");
    let o = build(&content, &out, None);
    assert_eq!(code(&o), 0, "{}", both(&o));
    let page = std::fs::read_to_string(out.join("by/follow-up/2023/index.html")).unwrap();
    let changes = section(&page, "changes-heading");
    for (_, _, event) in &steps {
        if let Some((date, label)) = event {
            let at = changes
                .find(&format!("datetime=\"{date}\""))
                .unwrap_or_else(|| panic!("{date} in:\n{changes}"));
            let item = &changes[at..at + changes[at..].find("</li>").unwrap()];
            assert!(
                item.contains(label) && item.contains("Nya bänkar"),
                "{item}"
            );
        }
    }
    // The completion the content gives stays the date of the completed list.
    let done = section(&page, "completed-heading");
    assert!(done.contains("datetime=\"2023-11-20\""), "{done}");
}
