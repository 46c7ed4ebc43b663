//! The action lists of a place (by status, year, ambition and responsible
//! body, each a static page), the latest actions, the facts of an action,
//! and the place's search page.

use std::collections::BTreeMap;

use serde_json::json;

use super::view::{self, kind_label, link, place_name, Fact, Group, LinkView};
use super::{Crumb, Renderer};
use crate::diag::Diagnostic;
use crate::graph::NodeId;
use crate::model::{Action, EntityKind, Status};
use crate::theme::i18n::Strings;

const VIEWS: [(&str, &str); 4] = [
    ("", "by_status"),
    ("by-year", "by_year"),
    ("by-ambition", "by_ambition"),
    ("by-responsible", "by_responsible"),
];

/// Writes `actions/` and its three other views.
pub fn action_lists(r: &Renderer, p: usize) -> Result<(), Diagnostic> {
    let g = r.g;
    let s = &r.strings[p];
    let place = &g.places[p];
    let nodes: Vec<NodeId> = place
        .of_kind(EntityKind::Action)
        .map(|i| NodeId {
            place: p as u32,
            idx: i,
        })
        .collect();
    let base = format!("{}{}/actions/", g.prefix, place.id);
    for (slug, key) in VIEWS {
        let groups = match key {
            "by_status" => view::by_status(&r.links, g, s, &nodes, p),
            "by_year" => by_year(r, &nodes, p),
            "by_ambition" => by_ambition(r, &nodes, p),
            _ => by_responsible(r, &nodes, p),
        };
        let views: Vec<_> = VIEWS
            .iter()
            .map(|(sl, k)| {
                json!({"label": s.get(k), "url": if sl.is_empty() { base.clone() } else { format!("{base}{sl}/") }, "current": *k == key})
            })
            .collect();
        let heading = kind_label(s, EntityKind::Action, true);
        let title = format!("{} – {}", s.get("action_list"), place_name(g, p));
        let data = json!({
            "heading": s.get("action_list"),
            "view": key,
            "view_label": s.get(key),
            "views": views,
            "groups": groups,
            "total": nodes.len(),
            "kind_plural": heading,
            "progress": view::progress(g, s, &nodes),
            "responsible_url": super::responsible::url(g, p, None),
        });
        let rel = if slug.is_empty() {
            format!("{}/actions", place.id)
        } else {
            format!("{}/actions/{slug}", place.id)
        };
        let mut crumbs = r.crumbs(Some(p));
        if !slug.is_empty() {
            crumbs.push(Crumb {
                title: s.get("action_list"),
                url: base.clone(),
            });
        }
        r.page(&rel, "actions.html", Some(p), &title, crumbs, None, data)?;
    }
    Ok(())
}

/// The year an action belongs to in the list by year.
fn year_of(a: &Action) -> Option<i32> {
    match (a.status, a.completed, a.due) {
        (Status::Done, Some(c), _) => Some(c.year),
        (_, _, Some(d)) => Some(d.year),
        _ => a.listed.map(|y| y as i32),
    }
}

fn by_year(r: &Renderer, nodes: &[NodeId], p: usize) -> Vec<Group> {
    let (g, s, links) = (r.g, &r.strings[p], &r.links);
    let mut map: BTreeMap<Option<i32>, Vec<LinkView>> = BTreeMap::new();
    for n in nodes {
        if let Some(a) = g.entity(*n).action() {
            map.entry(year_of(a))
                .or_default()
                .push(links.link(g, s, *n, p));
        }
    }
    let mut groups: Vec<Group> = map
        .into_iter()
        .map(|(y, items)| Group {
            key: y.map(|y| y.to_string()).unwrap_or_else(|| "none".into()),
            heading: y.map(|y| y.to_string()).unwrap_or_else(|| s.get("no_year")),
            items,
        })
        .collect();
    // Years first, ascending; actions without a year last.
    let none_first = usize::from(groups.first().is_some_and(|g| g.key == "none"));
    groups.rotate_left(none_first);
    groups
}

fn by_ambition(r: &Renderer, nodes: &[NodeId], p: usize) -> Vec<Group> {
    let (g, s, links) = (r.g, &r.strings[p], &r.links);
    let mut order: Vec<NodeId> = Vec::new();
    let mut map: BTreeMap<NodeId, Vec<LinkView>> = BTreeMap::new();
    for n in nodes {
        if let Some(amb) = g.links(*n).ambition {
            if !map.contains_key(&amb) {
                order.push(amb);
            }
            map.entry(amb).or_default().push(links.link(g, s, *n, p));
        }
    }
    order.sort();
    order
        .into_iter()
        .map(|amb| {
            let l = link(g, s, amb, p);
            let heading = match (&l.number, &l.place_name) {
                (Some(num), Some(pl)) => format!("{num} {} ({pl})", l.title),
                (Some(num), None) => format!("{num} {}", l.title),
                (None, Some(pl)) => format!("{} ({pl})", l.title),
                (None, None) => l.title.clone(),
            };
            Group {
                key: g.entity(amb).common.id.clone(),
                heading,
                items: map.remove(&amb).unwrap_or_default(),
            }
        })
        .collect()
}

fn by_responsible(r: &Renderer, nodes: &[NodeId], p: usize) -> Vec<Group> {
    let (g, s, links) = (r.g, &r.strings[p], &r.links);
    // One group per body (as on its page, `responsible/<key>/`), then the actions without one.
    let mut groups: Vec<Group> = super::responsible::bodies(g, p)
        .into_iter()
        .map(|b| Group {
            key: b.slug,
            heading: b.name,
            items: b.actions.iter().map(|n| links.link(g, s, *n, p)).collect(),
        })
        .collect();
    let none: Vec<LinkView> = nodes
        .iter()
        .filter(|n| {
            g.entity(**n)
                .action()
                .is_some_and(|a| a.responsible.is_empty())
        })
        .map(|n| links.link(g, s, *n, p))
        .collect();
    if !none.is_empty() {
        groups.push(Group {
            key: "none".into(),
            heading: s.get("no_responsible"),
            items: none,
        });
    }
    groups
}

/// Every field of an action in plain words.
pub fn action_facts(s: &Strings, a: &Action) -> Vec<Fact> {
    let mut f = Vec::new();
    if let Some(e) = &a.effort {
        f.push(Fact::text(s.get("effort"), e.clone()));
    }
    if !a.responsible.is_empty() {
        f.push(Fact::text(s.get("responsible"), a.responsible.join(", ")));
    }
    if !a.funded_by.is_empty() {
        f.push(Fact::text(s.get("funded_by"), a.funded_by.join(", ")));
    }
    if let Some(d) = a.due {
        f.push(Fact {
            datetime: Some(d.iso()),
            ..Fact::text(s.get("due"), s.date(&d.iso()))
        });
    }
    if let Some(d) = a.decided_by.as_ref() {
        f.push(Fact::text(s.get("decided_by"), d.clone()));
    }
    if let Some(b) = &a.budget {
        let mut text = s.money(b.amount, b.currency.as_deref().unwrap_or(""));
        if let Some(y) = b.year {
            text = s.fmt(
                "budget_for_year",
                &[("amount", &text), ("year", &y.to_string())],
            );
        }
        f.push(Fact::text(s.get("budget"), text));
    }
    if let Some(y) = a.listed {
        f.push(Fact::text(s.get("listed"), y.to_string()));
    }
    if let Some(c) = a.completed {
        f.push(Fact {
            datetime: Some(c.iso()),
            ..Fact::text(s.get("completed"), s.date(&c.iso()))
        });
    }
    if let Some(o) = &a.origin {
        f.push(Fact::text(s.get("origin"), o.clone()));
    }
    f
}

/// The search page of place `p`.
pub fn search_page(r: &Renderer, p: usize) -> Result<(), Diagnostic> {
    let g = r.g;
    let s = &r.strings[p];
    let place = &g.places[p];
    let indexes = vec![super::search::place_entry(r, p)];
    let config = search_config(s, indexes, &format!("{}{}/actions/", g.prefix, place.id));
    let title = format!("{} – {}", s.get("search_title"), place_name(g, p));
    r.page(
        &format!("{}/search", place.id),
        "search.html",
        Some(p),
        &title,
        r.crumbs(Some(p)),
        None,
        json!({"config": config, "scope": place_name(g, p)}),
    )
}

/// The configuration the search script reads from `data-search`.
pub fn search_config(s: &Strings, indexes: Vec<serde_json::Value>, actions_url: &str) -> String {
    let keys = [
        "search_results_one",
        "search_results_many",
        "search_no_results",
        "search_try_actions",
        "search_loading",
        "search_error",
        "search_more",
    ];
    let strings: serde_json::Map<String, serde_json::Value> = keys
        .iter()
        .map(|k| (k.to_string(), json!(s.get(k))))
        .collect();
    json!({"indexes": indexes, "actions_url": actions_url, "lang": s.lang.code(), "strings": strings}).to_string()
}
