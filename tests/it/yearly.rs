//! The yearly follow-up, governing documents and Agenda 2030, checked on the Vaggeryd example
//! (`examples/vaggeryd/`): every expectation (years, completed dates, who was responsible,
//! `listed` years, indicator values, document references, goals) is read from its content
//! files, then looked for in the built pages. Then each kind of mistake in the new keys must
//! stop the build with `path:line:col: error:` naming the file.

use crate::common;
use crate::common::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/vaggeryd")
}

/// (place, kind folder, id, front matter, body) of every content file of the example.
fn files(root: &Path) -> Vec<(String, String, String, serde_yaml::Value)> {
    let mut out = Vec::new();
    let mut places: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .flatten()
        .filter(|e| e.path().join("programme.md").is_file())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    places.sort();
    for place in places {
        let prog = std::fs::read_to_string(root.join(&place).join("programme.md")).unwrap();
        out.push((
            place.clone(),
            "programme".into(),
            place.clone(),
            front_matter(&prog),
        ));
        for kind in [
            "areas",
            "ambitions",
            "strategies",
            "indicators",
            "actions",
            "reports",
        ] {
            let Ok(rd) = std::fs::read_dir(root.join(&place).join(kind)) else {
                continue;
            };
            for f in rd.flatten() {
                let name = f.file_name().to_string_lossy().to_string();
                let Some(id) = name.strip_suffix(".md") else {
                    continue;
                };
                let text = std::fs::read_to_string(f.path()).unwrap();
                out.push((place.clone(), kind.into(), id.into(), front_matter(&text)));
            }
        }
    }
    out
}

fn text(v: &serde_yaml::Value) -> Option<String> {
    match v {
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn list(v: &serde_yaml::Value) -> Vec<String> {
    match v {
        serde_yaml::Value::Sequence(s) => s.iter().filter_map(text).collect(),
        other => text(other).into_iter().collect(),
    }
}

fn built() -> Site {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = build(&example(), &out, Some(SUB_BASE));
    assert_eq!(code(&o), 0, "{}", both(&o));
    Site {
        tmp,
        out,
        prefix: SUB_PREFIX.into(),
        base_url: SUB_BASE.into(),
    }
}

/// The part of `html` from the element with `id` to the end of its section.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id}"));
    let rest = &html[start..];
    let end = rest.find("</section>").unwrap_or(rest.len());
    &rest[..end]
}

#[test]
fn year_pages_hold_what_the_content_says() {
    let site = built();
    let all = files(&example());
    let mut site_years: BTreeSet<i64> = BTreeSet::new();
    let places: BTreeSet<String> = all.iter().map(|f| f.0.clone()).collect();
    for place in &places {
        let mine: Vec<_> = all.iter().filter(|f| &f.0 == place).collect();
        let actions: Vec<_> = mine.iter().filter(|f| f.1 == "actions").collect();
        // Years: a report, an action completed or listed that year.
        let mut years: BTreeSet<i64> = BTreeSet::new();
        for f in mine.iter().filter(|f| f.1 == "reports") {
            years.insert(f.2.parse().unwrap());
        }
        for (_, _, _, fm) in &actions {
            if let Some(c) = text(&fm["completed"]) {
                years.insert(c[..4].parse().unwrap());
            }
            if let Some(l) = fm["listed"].as_i64() {
                years.insert(l);
            }
        }
        assert!(!years.is_empty(), "{place} has years");
        site_years.extend(&years);
        let index = site.page(&format!("{place}/follow-up"));
        for y in &years {
            let url = format!("{SUB_PREFIX}{place}/follow-up/{y}/");
            assert!(hrefs(&index).contains(&url), "{place}/follow-up links {y}");
            let page = site.page(&format!("{place}/follow-up/{y}"));
            assert_eq!(html_lang(&page).as_deref(), Some("sv"));
            let done = section(&page, "completed-heading");
            let listed = section(&page, "listed-heading");
            for (_, _, id, fm) in &actions {
                let a_url = format!("{SUB_PREFIX}{place}/actions/{id}/");
                let completed = text(&fm["completed"]).filter(|c| c.starts_with(&y.to_string()));
                match &completed {
                    Some(date) => {
                        let row_at = done
                            .find(&format!("data-action=\"{a_url}\""))
                            .unwrap_or_else(|| panic!("{place} {y}: {id} completed"));
                        let row = &done[row_at..done[row_at..].find("</tr>").unwrap() + row_at];
                        assert!(row.contains(&format!("datetime=\"{date}\"")), "{id} date");
                        for who in list(&fm["responsible"]) {
                            assert!(row.contains(&who), "{id}: {who} responsible");
                        }
                    }
                    None => assert!(!done.contains(&a_url), "{place} {y}: {id} not completed"),
                }
                let on_list = fm["listed"].as_i64() == Some(*y);
                assert_eq!(listed.contains(&a_url), on_list, "{place} {y}: {id} listed");
            }
            // The report, when there is one.
            if let Some((_, _, _, fm)) = mine
                .iter()
                .find(|f| f.1 == "reports" && f.2 == y.to_string())
            {
                let title = fm["title"].as_str().unwrap();
                assert!(
                    page.contains(&format!("<h1>{title}</h1>")),
                    "{place} {y} report title"
                );
                let published = text(&fm["published"]).unwrap();
                assert!(page.contains(&format!("datetime=\"{published}\"")));
            }
            // Indicators: the value of the year beside the year before and the target.
            for (_, _, id, fm) in mine.iter().filter(|f| f.1 == "indicators") {
                let url = format!("{SUB_PREFIX}{place}/indicators/{id}/");
                let at = page
                    .find(&format!("data-indicator=\"{url}\""))
                    .expect("indicator row");
                let row = &page[at..at + page[at..].find("</tr>").unwrap()];
                let values: BTreeMap<i64, f64> = fm["values"]
                    .as_sequence()
                    .unwrap()
                    .iter()
                    .map(|v| (v["year"].as_i64().unwrap(), v["value"].as_f64().unwrap()))
                    .collect();
                let now = values.get(y);
                let before = values.range(..*y).next_back();
                if let Some(v) = now {
                    assert!(
                        row.contains(&format!("<data value=\"{v}\">")),
                        "{id} {y} value"
                    );
                }
                if let Some((by, bv)) = before {
                    assert!(
                        row.contains(&format!("<data value=\"{bv}\">")),
                        "{id} {by} value"
                    );
                }
                let target = fm["target"]["value"].as_f64().unwrap();
                assert!(
                    row.contains(&format!("<data value=\"{target}\">")),
                    "{id} target"
                );
                if let (Some(a), Some((_, b))) = (now, before) {
                    let up = fm["direction"].as_str() == Some("up");
                    let want = if a == b {
                        "same"
                    } else if (a > b) == up {
                        "better"
                    } else {
                        "worse"
                    };
                    assert!(
                        row.contains(&format!("data-change=\"{want}\"")),
                        "{id} {y}: {want}"
                    );
                }
            }
        }
        // A published report is an entry of the place's feed.
        let feed = site.read(&format!("{place}/feed.xml"));
        for f in mine.iter().filter(|f| f.1 == "reports") {
            let url = format!("http://127.0.0.1:1{SUB_PREFIX}{place}/follow-up/{}/", f.2);
            assert!(feed.contains(&url), "{place} feed has report {}", f.2);
        }
    }
    // Site-wide: every year, each place's completed actions, linked both ways.
    let index = site.page("follow-up");
    for y in &site_years {
        assert!(hrefs(&index).contains(&format!("{SUB_PREFIX}follow-up/{y}/")));
        let page = site.page(&format!("follow-up/{y}"));
        for (place, _, id, fm) in all.iter().filter(|f| f.1 == "actions") {
            let done_then = text(&fm["completed"]).filter(|c| c.starts_with(&y.to_string()));
            let url = format!("{SUB_PREFIX}{place}/actions/{id}/");
            assert_eq!(page.contains(&url), done_then.is_some(), "site {y}: {id}");
            if let Some(date) = done_then {
                assert!(page.contains(&format!("datetime=\"{date}\"")));
                assert!(hrefs(&page).contains(&format!("{SUB_PREFIX}{place}/follow-up/{y}/")));
                let own = site.page(&format!("{place}/follow-up/{y}"));
                assert!(hrefs(&own).contains(&format!("{SUB_PREFIX}follow-up/{y}/")));
            }
        }
    }
}

#[test]
fn documents_and_goals_are_listed_with_what_refers_to_them() {
    let site = built();
    let all = files(&example());
    // Document key (url or file) -> pages referring to it.
    let mut docs: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (place, kind, id, fm) in &all {
        let page = if kind == "programme" {
            format!("{SUB_PREFIX}{place}/")
        } else {
            format!("{SUB_PREFIX}{place}/{kind}/{id}/")
        };
        for d in fm["documents"].as_sequence().into_iter().flatten() {
            let key = text(&d["url"])
                .unwrap_or_else(|| format!("{SUB_PREFIX}{}", text(&d["file"]).unwrap()));
            docs.entry(key.clone()).or_default().insert(page.clone());
            let own = site.page(page.trim_start_matches(SUB_PREFIX));
            assert!(
                hrefs(&own).contains(&key),
                "{page} links its document {key}"
            );
        }
    }
    assert!(docs.len() >= 4);
    let register = site.page("documents");
    for (key, pages) in &docs {
        let n = hrefs(&register).iter().filter(|h| *h == key).count();
        assert_eq!(n, 1, "{key} listed once site-wide");
        let at = register.find(&format!("href=\"{key}\"")).unwrap();
        let entry = &register[at..at + register[at..].find("</ul>\n</li>").unwrap()];
        for p in pages {
            assert!(entry.contains(&format!("href=\"{p}\"")), "{key} names {p}");
        }
    }
    // Goals: each entity naming goal n is listed under it, with the goal's Swedish name.
    let mut goals: BTreeMap<i64, Vec<(String, String)>> = BTreeMap::new();
    for (place, kind, id, fm) in &all {
        for n in fm["sdg"].as_sequence().into_iter().flatten() {
            let url = format!("{SUB_PREFIX}{place}/{kind}/{id}/");
            goals
                .entry(n.as_i64().unwrap())
                .or_default()
                .push((place.clone(), url));
        }
    }
    let site_page = site.page("agenda-2030");
    assert!(site_page.contains("Hållbara städer och samhällen"));
    for (n, items) in &goals {
        let sec = section(&site_page, &format!("goal-{n}"));
        for (place, url) in items {
            assert!(sec.contains(&format!("href=\"{url}\"")), "goal {n}: {url}");
            let own = site.page(&format!("{place}/agenda-2030"));
            assert!(section(&own, &format!("goal-{n}")).contains(url.as_str()));
        }
    }
    // Open data carries both.
    let data = site.read("vaggeryd/data/actions.json");
    let rows: serde_json::Value = serde_json::from_str(&data).unwrap();
    for row in rows.as_array().unwrap() {
        let id = row["id"].as_str().unwrap();
        let (_, _, _, fm) = all.iter().find(|f| f.1 == "actions" && f.2 == id).unwrap();
        let want: Vec<i64> = fm["sdg"]
            .as_sequence()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_i64())
            .collect();
        let got: Vec<i64> = row["sdg"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|v| v.as_i64())
            .collect();
        assert_eq!(got, want, "{id} sdg");
        let n_docs = fm["documents"].as_sequence().map(|s| s.len()).unwrap_or(0);
        assert_eq!(
            row["documents"].as_array().unwrap().len(),
            n_docs,
            "{id} documents"
        );
    }
    let csv = site.read("vaggeryd/data/actions.csv");
    let header = csv.lines().next().unwrap();
    assert!(header.split(',').any(|c| c == "sdg") && header.split(',').any(|c| c == "documents"));
}

/// Copies the example, applies `edit` to one file, and returns check's output.
fn check_with(rel: &str, edit: impl Fn(&str) -> String) -> (String, String) {
    let c = Content::copy_of(&example());
    let new = edit(&std::fs::read_to_string(c.file(rel)).unwrap_or_default());
    c.write(rel, &new);
    let o = c.run(&["check", "--content", "content"]);
    assert_eq!(code(&o), 1, "{rel}: {}", both(&o));
    (
        String::from_utf8_lossy(&o.stderr).to_string() + &String::from_utf8_lossy(&o.stdout),
        new,
    )
}

fn expect_error(out: &str, rel: &str, line: usize, what: &str) {
    let prefix = format!("content/{rel}:{line}:");
    let hit = out
        .lines()
        .find(|l| l.contains(&prefix) && l.contains(": error: ") && l.contains(what));
    assert!(hit.is_some(), "want `{prefix}… error: …{what}` in:\n{out}");
    let after = out
        .split(hit.unwrap())
        .nth(1)
        .unwrap_or("")
        .trim_start_matches('\n');
    assert!(
        after
            .lines()
            .next()
            .unwrap_or("")
            .trim_start()
            .starts_with("help:"),
        "help after the error:\n{out}"
    );
}

#[test]
fn mistakes_in_reports_goals_and_documents_are_errors_at_their_line() {
    // A report for a year after the current one (tests build for 2026).
    let (out, new) = check_with("vaggeryd/reports/2031.md", |_| {
        "---\ntitle: Uppföljning 2031\npublished: 2026-03-01\n---\nText.\n".into()
    });
    expect_error(
        &out,
        "vaggeryd/reports/2031.md",
        pos_of(&new, "title:").0,
        "2031",
    );
    // A goal number that does not exist.
    let rel = "vaggeryd/ambitions/attraktiv-trygg-tillganglig.md";
    let (out, new) = check_with(rel, |t| t.replace("sdg: [5, 10, 11, 16]", "sdg: [5, 18]"));
    let (line, col) = pos_of(&new, "18]");
    assert!(
        out.contains(&format!("content/{rel}:{line}:{col}: error:")),
        "{out}"
    );
    expect_error(&out, rel, line, "18");
    // A document with neither url nor file.
    let rel = "vaggeryd/ambitions/sysselsattning-och-utbildning.md";
    let (out, new) = check_with(rel, |t| {
        t.replace(
            "    url: https://example.org/vaggeryd/dokument/naringslivsstrategi.pdf\n",
            "",
        )
    });
    expect_error(
        &out,
        rel,
        pos_of(&new, "- title: Näringslivsstrategi").0,
        "`url` or `file`",
    );
    // A file that does not exist.
    let rel = "vaggeryd/ambitions/hallbar-tillvaxt.md";
    let (out, new) = check_with(rel, |t| {
        t.replace("files/gronstrukturplan.txt", "files/gronplan.txt")
    });
    expect_error(
        &out,
        rel,
        pos_of(&new, "file: vaggeryd/files/gronplan.txt").0,
        "gronplan.txt",
    );
    assert!(
        out.contains("did you mean `vaggeryd/files/gronstrukturplan.txt`?"),
        "{out}"
    );
}

#[test]
fn new_report_writes_a_report_that_checks_clean() {
    let c = Content::copy_of(&example());
    let o = c.run(&["new", "report", "skillingaryd/2022", "--content", "content"]);
    assert_eq!(code(&o), 0, "{}", both(&o));
    let text = c.read("skillingaryd/reports/2022.md");
    assert_eq!(
        front_matter(&text)["title"].as_str(),
        Some("Uppföljning 2022")
    );
    let (status, report) = c.check();
    assert_eq!(status, 0, "{report}");
    let o = c.run(&[
        "new",
        "report",
        "skillingaryd/tjugo",
        "--content",
        "content",
    ]);
    assert_eq!(code(&o), 2, "{}", both(&o));
}

#[test]
fn site_wide_page_names_are_reserved_place_ids() {
    for name in ["follow-up", "documents", "agenda-2030"] {
        let c = Content::copy_of(&example());
        copy_dir(&c.file("skillingaryd"), &c.file(name));
        let (status, out) = c.check();
        assert_eq!(status, 1, "{name}: {out}");
        let want = format!("content/{name}:1:1: error: `{name}` is reserved");
        assert!(out.contains(&want), "{name}: {out}");
        assert!(
            out.contains(&format!("help: rename the folder, e.g. to `{name}-1`")),
            "{out}"
        );
    }
}

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
