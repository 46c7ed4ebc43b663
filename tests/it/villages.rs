//! A municipality of villages (the Vingåker example): tags shared across
//! places, budgets and the village fund, and plans overdue for revision. Every
//! expectation is computed from the example's own content files and compared
//! with the pages, the open data and `ambit check --gaps`.

use crate::common::*;
use std::collections::{BTreeMap, BTreeSet};

/// The example site, as a path below `tests/fixtures/` (what the helpers take).
const VINGAKER: &str = "../../examples/vingaker";

/// The contract's slug rule, written out independently: lowercase, accents dropped, runs of
/// other characters turned into `-`, `-` trimmed.
fn slug(tag: &str) -> String {
    let mut out = String::new();
    for c in tag.to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' | 'à' | 'á' | 'â' => 'a',
            'ö' | 'ø' | 'ó' | 'ô' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

fn tags_of(e: &Ent) -> Vec<String> {
    match &e.fm["tags"] {
        serde_yaml::Value::Sequence(v) => v
            .iter()
            .filter_map(|x| x.as_str())
            .map(str::to_string)
            .collect(),
        serde_yaml::Value::String(s) => vec![s.clone()],
        _ => Vec::new(),
    }
}

/// An amount as written, in hundredths.
fn hundredths(v: &serde_yaml::Value) -> i64 {
    let text = match v {
        serde_yaml::Value::Number(n) => n.to_string(),
        serde_yaml::Value::String(s) => s.clone(),
        _ => panic!("amount {v:?}"),
    };
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let frac = format!("{:0<2}", frac.trim_end_matches('0'));
    int.parse::<i64>().unwrap() * 100 + frac.parse::<i64>().unwrap()
}

fn plain(h: i64) -> String {
    if h % 100 == 0 {
        format!("{}", h / 100)
    } else {
        format!("{}.{:02}", h / 100, h % 100)
    }
}

/// The text of each `<td>` of the table row holding `needle`.
fn row_cells(html: &str, needle: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let tr = scraper::Selector::parse("tr").unwrap();
    let td = scraper::Selector::parse("td").unwrap();
    let row = doc
        .select(&tr)
        .find(|r| r.inner_html().contains(needle))
        .unwrap_or_else(|| panic!("no table row with {needle}"));
    row.select(&td).map(|c| c.inner_html()).collect()
}

/// The `value` of the first `<data>` in `html`.
fn data_value(html: &str) -> Option<String> {
    select(html, "data")
        .into_iter()
        .next()
        .and_then(|t| t.attr("value").map(str::to_string))
}

/// The text of a piece of HTML, trimmed.
fn strip(html: &str) -> String {
    select(html, "body")[0].text.trim().to_string()
}

#[test]
fn tags_table_counts_every_place_and_one_slug_is_one_tag() {
    let ents = published(VINGAKER);
    let site = build_fixture(VINGAKER, Some(SUB_BASE));
    let places: Vec<String> = ents
        .iter()
        .filter(|e| e.kind == "programme")
        .map(|e| e.place.clone())
        .collect();
    // slug → place → entities carrying it; slug → spelling → uses.
    let mut carriers: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    let mut spellings: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for e in &ents {
        for t in tags_of(e) {
            let s = slug(&t);
            carriers
                .entry(s.clone())
                .or_default()
                .entry(e.place.clone())
                .or_default()
                .insert(e.folder());
            *spellings
                .entry(s)
                .or_default()
                .entry(t.trim().to_string())
                .or_default() += 1;
        }
    }
    // The example spells one tag three ways; they must be one tag.
    let variants = &spellings["motesplats"];
    assert!(variants.len() >= 3, "spellings of motesplats: {variants:?}");
    let index = site.page("tags");
    let rows = select(&index, "tr").len();
    assert_eq!(rows, carriers.len() + 1, "one row per slug plus the header");
    for (s, by_place) in &carriers {
        let url = format!("{SUB_PREFIX}tags/{s}/");
        let cells = row_cells(&index, &format!("href=\"{url}\""));
        // Cells: number of places, one count per place (in content order), total.
        assert_eq!(
            strip(&cells[0]),
            by_place.len().to_string(),
            "places with {s}"
        );
        for (i, p) in places.iter().enumerate() {
            let n = by_place.get(p).map(|x| x.len()).unwrap_or(0);
            assert_eq!(strip(&cells[i + 1]), n.to_string(), "{s} in {p}");
        }
        // The most used spelling names the tag (ties: the one that sorts first).
        let best = spellings[s]
            .iter()
            .fold(
                ("", 0),
                |b, (k, n)| if *n > b.1 { (k.as_str(), *n) } else { b },
            )
            .0;
        assert!(
            index.contains(&format!("<a href=\"{url}\">{best}</a>")),
            "{s} shown as {best}"
        );
        let page = site.page(&format!("tags/{s}"));
        for (p, folders) in by_place {
            assert!(
                page.contains(&format!("id=\"tag-place-{p}\"")),
                "{s}: section for {p}"
            );
            for f in folders {
                assert!(
                    page.contains(&format!("href=\"{SUB_PREFIX}{f}/\"")),
                    "{s}: link to {f}"
                );
            }
        }
    }
}

#[test]
fn entity_pages_link_their_tags() {
    let site = build_fixture(VINGAKER, Some(SUB_BASE));
    let mut checked = 0;
    for e in published(VINGAKER) {
        let html = site.page(&e.folder());
        for t in tags_of(&e) {
            let href = format!("{SUB_PREFIX}tags/{}/", slug(&t));
            assert!(
                hrefs(&html).contains(&href),
                "{}: tag link {href}",
                e.folder()
            );
            assert!(site.exists(&format!("tags/{}/index.html", slug(&t))));
            checked += 1;
        }
    }
    assert!(checked > 20, "only {checked} tags checked");
}

#[test]
fn budget_totals_and_village_fund_are_exact_per_place_and_site_wide() {
    let ents = published(VINGAKER);
    let site = build_fixture(VINGAKER, Some(SUB_BASE));
    let mut total: BTreeMap<String, i64> = BTreeMap::new();
    let mut fund: BTreeMap<String, i64> = BTreeMap::new();
    let mut with_decimals = 0;
    for e in ents.iter().filter(|e| e.kind == "actions") {
        let b = &e.fm["budget"];
        if b.is_null() {
            continue;
        }
        assert_eq!(
            b["currency"].as_str(),
            Some("SEK"),
            "the example is in one currency"
        );
        let a = hundredths(&b["amount"]);
        with_decimals += usize::from(a % 100 != 0);
        *total.entry(e.place.clone()).or_default() += a;
        let funders: Vec<String> = match &e.fm["funded_by"] {
            serde_yaml::Value::Sequence(v) => v
                .iter()
                .filter_map(|x| x.as_str())
                .map(str::to_lowercase)
                .collect(),
            serde_yaml::Value::String(s) => vec![s.to_lowercase()],
            _ => Vec::new(),
        };
        if funders.iter().any(|f| f == "bygdepeng") {
            *fund.entry(e.place.clone()).or_default() += a;
        }
    }
    assert!(with_decimals > 0, "the example has an amount with öre");
    assert!(
        fund.len() >= 4,
        "the village fund pays in at least four villages"
    );
    let overview = site.page("budget");
    for (p, t) in &total {
        let page = site.page(&format!("{p}/budget"));
        let at = page.find("budget-total").expect("total on the page");
        assert_eq!(
            data_value(&page[at..]).as_deref(),
            Some(plain(*t).as_str()),
            "total of {p}"
        );
        let cells = row_cells(&overview, &format!("href=\"{SUB_PREFIX}{p}/budget/\""));
        assert_eq!(
            data_value(&cells[0]).as_deref(),
            Some(plain(*t).as_str()),
            "site-wide total of {p}"
        );
        // Swedish formatting: grouped thousands, decimal comma, "kr".
        let shown = strip(&cells[0]).replace('\u{a0}', " ");
        assert!(shown.ends_with(" kr"), "{p}: {shown}");
        if let Some(f) = fund.get(p) {
            let cells = row_cells(&page, "<th scope=\"row\">Bygdepeng</th>");
            assert_eq!(
                data_value(&cells[0]).as_deref(),
                Some(plain(*f).as_str()),
                "village fund of {p}"
            );
        }
    }
    // The site-wide funder table: the village fund per place and in total.
    let cells = row_cells(&overview, "<th scope=\"row\">Bygdepeng</th>");
    let sum: i64 = fund.values().sum();
    assert_eq!(
        data_value(cells.last().unwrap()).as_deref(),
        Some(plain(sum).as_str())
    );
    // Open data: budget.csv per place with the total, and the budget year in actions.csv.
    for (p, t) in &total {
        let csv = site.read(&format!("{p}/data/budget.csv"));
        assert!(
            csv.lines()
                .any(|l| l == format!("total,,SEK,{},", plain(*t)).as_str()
                    || l.starts_with(&format!("total,,SEK,{},", plain(*t)))),
            "{p}: {csv}"
        );
        let actions = site.read(&format!("{p}/data/actions.csv"));
        assert!(actions.lines().next().unwrap().contains("budget_year"));
    }
}

#[test]
fn overdue_plans_are_gaps_at_their_revised_line_and_on_the_pages() {
    let ents = published(VINGAKER);
    let mut overdue = BTreeSet::new();
    let mut current = BTreeSet::new();
    for e in ents.iter().filter(|e| e.kind == "programme") {
        let (Some(rev), Some(every)) = (e.str("revised"), e.fm["revise_every"].as_i64()) else {
            continue;
        };
        let due = format!(
            "{:04}{}",
            rev[..4].parse::<i64>().unwrap() + every,
            &rev[4..]
        );
        if due.as_str() < TODAY {
            overdue.insert(e.place.clone());
        } else {
            current.insert(e.place.clone());
        }
    }
    assert_eq!(overdue.len(), 1, "the example has one overdue plan");
    assert!(current.len() >= 4);
    let dir = "examples/vingaker".to_string();
    let o = ambit(&["check", "--gaps", "--content", &dir]);
    assert_eq!(code(&o), 0, "{}", both(&o));
    let out = both(&o);
    for p in overdue.iter().chain(&current) {
        let file = format!("{dir}/{p}/programme.md");
        let text = std::fs::read_to_string(&file).unwrap();
        let (line, _) = pos_of(&text, "\nrevised:");
        let at = format!("{file}:{}:1: warning: gap:", line + 1);
        let found = out
            .lines()
            .any(|l| l.starts_with(&at) && l.contains("overdue"));
        assert_eq!(found, overdue.contains(p), "{p}: {at}\n{out}");
    }
    let site = build_fixture(VINGAKER, Some(SUB_BASE));
    let index = site.page("");
    let section = &index[index
        .find("id=\"overdue-heading\"")
        .expect("overdue section")..];
    let section = &section[..section.find("</section>").unwrap()];
    for p in &overdue {
        assert!(section.contains(&format!("href=\"{SUB_PREFIX}{p}/\"")));
        assert!(site
            .page(&format!("{p}/follow-up"))
            .contains("revision-overdue"));
        assert!(site.page(p).contains("revision-overdue"));
    }
    for p in &current {
        assert!(!section.contains(&format!("href=\"{SUB_PREFIX}{p}/\"")));
        assert!(!site
            .page(&format!("{p}/follow-up"))
            .contains("revision-overdue"));
    }
}

/// Replaces the first line starting with `key` in `file` by `line`, returning (line, col) of
/// `needle` in the new text.
fn set_line(file: &std::path::Path, key: &str, line: &str, needle: &str) -> (usize, usize) {
    let text = std::fs::read_to_string(file).unwrap();
    let mut done = false;
    let new: Vec<String> = text
        .lines()
        .map(|l| {
            if !done && l.starts_with(key) {
                done = true;
                line.to_string()
            } else {
                l.to_string()
            }
        })
        .collect();
    assert!(done, "{key} in {}", file.display());
    let new = new.join("\n") + "\n";
    std::fs::write(file, &new).unwrap();
    pos_of(&new, needle)
}

#[test]
fn revision_and_budget_mistakes_are_errors_at_their_line() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&fixture(VINGAKER), &content);
    let prog = content.join("baggetorp/programme.md");
    let (l, c) = set_line(&prog, "revise_every:", "revise_every: 0", "revise_every: 0");
    let every = (l, c + "revise_every: ".len()); // at the value
    let kok = content.join("baggetorp/actions/nytt-kok-bygdegarden.md");
    let neg = set_line(
        &kok,
        "budget:",
        "budget: {amount: -65000, currency: SEK}",
        "amount:",
    );
    let brygga = content.join("hogsjo/actions/brygga-badplatsen.md");
    let year = set_line(
        &brygga,
        "budget:",
        "budget: {amount: 180000, currency: SEK, year: snart}",
        "year:",
    );
    let led = content.join("hogsjo/actions/vandringsled-sjon.md");
    let dec = set_line(
        &led,
        "budget:",
        "budget: {amount: 95000.505, currency: SEK}",
        "amount:",
    );
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("keep.txt"), "previous").unwrap();
    let o = build(&content, &out, None);
    assert_eq!(code(&o), 1, "{}", both(&o));
    let text = both(&o);
    for (file, (line, col), what) in [
        (&prog, every, "revise_every"),
        (&kok, neg, "negative"),
        (&brygga, year, "not a year"),
        (&led, dec, "two decimals"),
    ] {
        let at = format!("{}:{line}:{col}: error:", file.display());
        assert!(
            text.lines().any(|l| l.starts_with(&at) && l.contains(what)),
            "{at} … {what}\n{text}"
        );
    }
    assert_eq!(text.matches(": error:").count(), 4, "{text}");
    assert!(text.contains("help:"));
    assert_eq!(
        std::fs::read_to_string(out.join("keep.txt")).unwrap(),
        "previous"
    );
}
