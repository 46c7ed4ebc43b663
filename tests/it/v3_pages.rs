//! The pages of contract v3, checked against the files they come from: each goal's political
//! will (Vaggeryd's example) on its ambition page, on the programme page and in the document
//! registers, with its mistakes reported at their lines; and what every responsible body
//! contributes (the default site): the responsible × ambition table and a page per body.

use crate::common;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::common::{Ent, Site};

/// Builds `rel` (a content folder under the crate root) into a temporary folder.
fn build_root(rel: &str) -> (Site, Vec<Ent>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = common::build(&root, &out, None);
    assert_eq!(common::code(&o), 0, "{}", common::both(&o));
    let site_yaml: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(root.join("site.yaml")).unwrap()).unwrap();
    let base_url = site_yaml["base_url"].as_str().unwrap_or("/").to_string();
    let site = Site {
        tmp,
        out,
        prefix: common::url_path(&base_url),
        base_url,
    };
    (site, common::fixture_entities(&format!("../../{rel}")))
}

#[test]
fn political_will_is_shown_where_the_contract_says() {
    let (site, ents) = build_root("examples/vaggeryd");
    let with_will: Vec<&Ent> = ents
        .iter()
        .filter(|e| e.kind == "ambitions" && e.fm["political_will"].is_mapping())
        .collect();
    assert!(
        with_will.len() >= 4,
        "the example has a political will for each goal"
    );
    let register = site.page(&format!("{}/documents", with_will[0].place));
    let site_register = site.page("documents");
    for e in with_will {
        let will = &e.fm["political_will"];
        let on = will["adopted"]["on"]
            .as_str()
            .map(str::to_string)
            .unwrap_or_else(|| {
                serde_yaml::to_string(&will["adopted"]["on"])
                    .unwrap()
                    .trim()
                    .to_string()
            });
        let first_words: String = will["text"]
            .as_str()
            .unwrap()
            .split_whitespace()
            .take(6)
            .collect::<Vec<_>>()
            .join(" ");
        let page = site.page(&e.folder());
        let section = &page[page
            .find("class=\"political-will\"")
            .expect("a section of its own")..];
        let section = &section[..section.find("</section>").unwrap()];
        assert!(
            section.contains(&format!("<time datetime=\"{on}\">")),
            "{}: adopted on",
            e.id
        );
        if let Some(by) = will["adopted"]["by"].as_str() {
            assert!(section.contains(by), "{}: who adopted it", e.id);
        }
        let plain =
            common::decode_entities(&section.split_whitespace().collect::<Vec<_>>().join(" "));
        assert!(plain.contains(&first_words), "{}: its text", e.id);
        // Beside the goal on the programme page.
        let programme = common::decode_entities(
            &site
                .page(&e.place)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        );
        assert!(
            programme.contains(&first_words),
            "{}: on the programme page",
            e.id
        );
        // Its decision in both registers, linked to the section.
        let link = format!("{}#political-will", site.url(&e.folder()));
        assert!(
            register.contains(&link),
            "{}: place register links {link}",
            e.id
        );
        assert!(site_register.contains(&link), "{}: site register", e.id);
    }
}

#[test]
fn a_political_will_without_text_or_date_is_an_error_at_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    common::copy_dir(&common::fixture("multi"), &content);
    let amb = content.join("kommun/ambitions/trygghet.md");
    let text = std::fs::read_to_string(&amb).unwrap();
    let planted = text.replacen(
        "---\n",
        "---\npolitical_will:\n  adopted: {by: Kommunfullmäktige}\n",
        1,
    );
    std::fs::write(&amb, &planted).unwrap();
    let other = content.join("kommun/ambitions/utbildning.md");
    let text = std::fs::read_to_string(&other).unwrap();
    std::fs::write(
        &other,
        text.replacen(
            "---\n",
            "---\npolitical_will:\n  text: Fler lärare.\n  adopted: {on: 2021-13-40}\n",
            1,
        ),
    )
    .unwrap();
    let o = common::ambit(&["check", "--content", content.to_str().unwrap()]);
    assert_eq!(common::code(&o), 1, "{}", common::both(&o));
    let err = String::from_utf8_lossy(&o.stdout);
    let shown = |p: &Path| p.display().to_string();
    assert!(
        err.contains(&format!(
            "{}:2:1: error: `political_will` needs a `text`",
            shown(&amb)
        )),
        "{err}"
    );
    assert!(err.contains("needs `adopted.on`"), "{err}");
    assert!(
        err.contains(&format!("{}:4:", shown(&other)))
            && err.contains("`2021-13-40` is not a valid date for `political_will.adopted.on`"),
        "{err}"
    );
}

/// The action ids linked from the list items of a page, by `place/id`.
fn action_links(html: &str) -> BTreeSet<String> {
    let re = regex::Regex::new(r#"<li class="item[^"]*" data-status="[a-z]*">\s*<a href="[^"]*/([^/"]+)/actions/([^/"]+)/""#).unwrap();
    re.captures_iter(html)
        .map(|c| format!("{}/{}", &c[1], &c[2]))
        .collect()
}

#[test]
fn responsible_pages_count_what_each_body_carries_out() {
    let (site, ents) = build_root("content");
    let mut places: BTreeMap<&str, BTreeMap<String, (String, BTreeSet<String>)>> = BTreeMap::new();
    for e in ents.iter().filter(|e| e.kind == "actions" && !e.draft()) {
        let names: Vec<String> = match &e.fm["responsible"] {
            serde_yaml::Value::String(s) => vec![s.clone()],
            serde_yaml::Value::Sequence(v) => v
                .iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect(),
            _ => Vec::new(),
        };
        for n in names {
            let slug = ambit::model::tag_slug(n.trim()).unwrap();
            places
                .entry(e.place.as_str())
                .or_default()
                .entry(slug)
                .or_insert_with(|| (n.trim().to_string(), BTreeSet::new()))
                .1
                .insert(format!("{}/{}", e.place, e.id));
        }
    }
    assert!(
        !places.is_empty(),
        "the default site names who is responsible"
    );
    let cell_re = regex::Regex::new(r#"<td class="num-cell[^"]*" data-count="(\d+)""#).unwrap();
    for (place, bodies) in &places {
        let index = site.page(&format!("{place}/responsible"));
        for (slug, (name, actions)) in bodies {
            let page = site.page(&format!("{place}/responsible/{slug}"));
            assert_eq!(&action_links(&page), actions, "{place}/{slug}: its actions");
            assert!(
                page.contains(&common::decode_entities(name))
                    || common::decode_entities(&page).contains(name.as_str())
            );
            // The row's total is the number of its actions; the cells add up to it.
            let url = site.url(&format!("{place}/responsible/{slug}"));
            let row_start = index
                .find(&format!("<tr data-responsible=\"{url}\">"))
                .expect("a row per body");
            let row = &index[row_start..];
            let row = &row[..row.find("</tr>").unwrap()];
            let counts: Vec<usize> = cell_re
                .captures_iter(row)
                .map(|c| c[1].parse().unwrap())
                .collect();
            let (total, cells) = counts.split_last().unwrap();
            assert_eq!(*total, actions.len(), "{place}/{slug}: total");
            assert_eq!(
                cells.iter().sum::<usize>(),
                actions.len(),
                "{place}/{slug}: one ambition each"
            );
            // Each action's page links its body; the list by responsible links the page.
            for a in actions {
                let (p, id) = a.split_once('/').unwrap();
                let action_page = site.page(&format!("{p}/actions/{id}"));
                assert!(
                    action_page.contains(&format!("href=\"{url}\"")),
                    "{a} links {url}"
                );
            }
            let by = site.page(&format!("{place}/actions/by-responsible"));
            assert!(
                by.contains(&format!("href=\"{url}\"")),
                "by-responsible links {url}"
            );
        }
    }
}
