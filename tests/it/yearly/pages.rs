//! The built pages of the Vaggeryd example hold what its content says: the year pages, and
//! the documents and goals with what refers to them.

use std::collections::{BTreeMap, BTreeSet};

use crate::common::{hrefs, html_lang, SUB_PREFIX};

use super::{built, example, files, list, section, text};

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
