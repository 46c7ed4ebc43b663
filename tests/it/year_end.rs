//! Year pages tell the truth about the past: one action moved planned → ongoing → done over
//! three years in commits at fixed dates shows, on each year's page, the status it had on
//! 31 December of that year; an action added later is not on the earlier pages; the same
//! content outside git shows what the front matter knows and says so.

use crate::common;
use std::collections::BTreeMap;
use std::path::Path;

/// Rewrites the front-matter line of `key` (dropping it when `value` is None, adding it after
/// `status:` when absent).
fn set(file: &Path, key: &str, value: Option<&str>) {
    let text = std::fs::read_to_string(file).unwrap();
    let prefix = format!("{key}:");
    let present = text.lines().any(|l| l.starts_with(&prefix));
    let mut out = String::new();
    for line in text.lines() {
        if line.starts_with(&prefix) {
            if let Some(v) = value {
                out.push_str(&format!("{key}: {v}\n"));
            }
            continue;
        }
        out.push_str(line);
        out.push('\n');
        if !present && line.starts_with("status:") {
            if let Some(v) = value {
                out.push_str(&format!("{key}: {v}\n"));
            }
        }
    }
    std::fs::write(file, out).unwrap();
}

/// The `data-status` of each action listed under the ambitions of a year page, by
/// `place/id`.
fn year_end_statuses(html: &str) -> BTreeMap<String, String> {
    let section = &html[html
        .find("id=\"ambitions-heading\"")
        .expect("ambitions section")..];
    let re = regex::Regex::new(
        r#"data-status="([a-z]*)">\s*<a href="[^"]*/([^/"]+)/actions/([^/"]+)/""#,
    )
    .unwrap();
    re.captures_iter(section)
        .map(|c| (format!("{}/{}", &c[2], &c[3]), c[1].to_string()))
        .collect()
}

fn build(content: &Path, out: &Path) {
    let o = common::build(content, out, None);
    assert_eq!(common::code(&o), 0, "{}", common::both(&o));
}

fn page(out: &Path, year: i32) -> String {
    std::fs::read_to_string(out.join(format!("kommun/follow-up/{year}/index.html")))
        .unwrap_or_else(|e| panic!("no year page {year}: {e}"))
}

/// The timeline the tests plant: (commit date, status of `belysning`).
const STEPS: [(&str, &str); 3] = [
    ("2021-03-01", "planned"),
    ("2022-06-01", "ongoing"),
    ("2023-05-10", "done"),
];

#[test]
fn git_history_gives_each_year_its_own_status() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("repo");
    let content = repo.join("content");
    common::copy_dir(&common::fixture("multi"), &content);
    let action = content.join("kommun/actions/belysning.md");
    set(&action, "listed", Some("2021"));
    // Added to git in 2023: not on the pages of 2021 and 2022.
    let late = content.join("kommun/actions/sent-tillagd.md");
    std::fs::remove_file(content.join("kommun/actions/laxhjalp.md")).unwrap();
    common::git_at(&repo, "2021-03-01", &["init", "-q"]);
    for (k, (date, status)) in STEPS.iter().enumerate() {
        set(&action, "status", Some(status));
        if *status == "done" {
            set(&action, "completed", Some(date));
        }
        if k == 2 {
            std::fs::write(
                &late,
                "---\ntitle: Sent tillagd\nambition: trygghet\nstatus: ongoing\n---\n",
            )
            .unwrap();
        }
        common::git_at(&repo, date, &["add", "-A"]);
        common::git_at(
            &repo,
            date,
            &["commit", "-qm", &format!("belysning: {status}")],
        );
    }
    let out = tmp.path().join("out");
    build(&content, &out);
    let done_re = regex::Regex::new(r#"data-done="(\d+)""#).unwrap();
    for (date, status) in STEPS {
        let year: i32 = date[..4].parse().unwrap();
        let html = page(&out, year);
        let st = year_end_statuses(&html);
        assert_eq!(
            st.get("kommun/belysning").map(String::as_str),
            Some(status),
            "{year}: {st:?}"
        );
        assert_eq!(
            st.contains_key("kommun/sent-tillagd"),
            year >= 2023,
            "{year}: {st:?}"
        );
        assert!(
            html.contains("data-status-recorded=\"true\""),
            "{year}: git knows"
        );
        assert!(
            html.contains(&format!("31 december {year}")),
            "{year}: the page says when"
        );
        // The share done counts the year-end statuses: belysning is done from 2023 on.
        let done: usize = done_re
            .captures_iter(&html)
            .map(|c| c[1].parse::<usize>().unwrap())
            .sum();
        let done_on_page = st.values().filter(|s| *s == "done").count();
        assert_eq!(
            done, done_on_page,
            "{year}: progress from the year-end statuses"
        );
    }
    // Today's year shows today's status.
    let now = year_end_statuses(&page(&out, 2025));
    assert_eq!(
        now.get("kommun/belysning").map(String::as_str),
        Some("done")
    );
}

#[test]
fn outside_git_the_front_matter_decides_and_the_page_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    common::copy_dir(&common::fixture("multi"), &content);
    let action = content.join("kommun/actions/belysning.md");
    set(&action, "listed", Some("2021"));
    set(&action, "status", Some("done"));
    set(&action, "completed", Some("2023-05-10"));
    let out = tmp.path().join("out");
    build(&content, &out);
    let text = |p: &Path| std::fs::read_to_string(p).unwrap();
    let listed_of = |key: &str| {
        let (place, id) = key.split_once('/').unwrap();
        let fm = common::front_matter(&text(&content.join(format!("{place}/actions/{id}.md"))));
        fm.get("listed").and_then(serde_yaml::Value::as_i64)
    };
    for year in [2021, 2022, 2023] {
        let html = page(&out, year);
        let st = year_end_statuses(&html);
        let expected = if year >= 2023 { "done" } else { "listed" };
        assert_eq!(
            st.get("kommun/belysning").map(String::as_str),
            Some(expected),
            "{year}"
        );
        assert!(
            html.contains("data-status-recorded=\"false\""),
            "{year}: says it is the front matter"
        );
        // Nothing on a page before the year it was put on the list.
        for id in st.keys() {
            if let Some(l) = listed_of(id) {
                assert!(
                    l <= i64::from(year),
                    "{id} listed {l} is on the page of {year}"
                );
            }
        }
        // No status of a later year is projected back.
        assert!(
            st.values().all(|s| s == "listed" || s == "done"),
            "{year}: {st:?}"
        );
    }
    let busslinje = listed_of("kommun/busslinje").unwrap();
    let st = year_end_statuses(&page(&out, 2023));
    assert_eq!(st.contains_key("kommun/busslinje"), busslinje <= 2023);
}
