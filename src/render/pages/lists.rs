//! The action lists of a place (by status, year, ambition and responsible
//! body, each a static page), the latest actions, the facts of an action,
//! and the place's search page.

use crate::graph::routes::PlacePage;
use std::collections::BTreeMap;

use serde_json::json;

use crate::diag::Diagnostic;
use crate::graph::NodeId;
use crate::model::{Action, EntityKind, Status};
use crate::render::kit::view;
use crate::render::kit::view::kind_label;
use crate::render::kit::view::place_name;
use crate::render::kit::view::Group;
use crate::render::kit::view::LinkView;
use crate::render::kit::Crumb;
use crate::render::kit::Renderer;

/// The views of the action list with the key of their label (and of their grouping).
const VIEWS: [(PlacePage, &str); 4] = [
    (PlacePage::Actions, "by_status"),
    (PlacePage::ActionsByYear, "by_year"),
    (PlacePage::ActionsByAmbition, "by_ambition"),
    (PlacePage::ActionsByResponsible, "by_responsible"),
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
    let base = g.routes.place_url(p, PlacePage::Actions);
    for (page, key) in VIEWS {
        let groups = match key {
            "by_status" => r.links.by_status(g, s, &nodes, p),
            "by_year" => by_year(r, &nodes, p),
            "by_ambition" => by_ambition(r, &nodes, p),
            _ => by_responsible(r, &nodes, p),
        };
        let views: Vec<_> = VIEWS
            .iter()
            .map(|(v, k)| {
                json!({"label": s.get(k), "url": g.routes.place_url(p, *v), "current": *k == key})
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
            "responsible_url": crate::render::kit::urls::responsible_url(g, p, None),
        });
        let rel = g.routes.place_page(p, page);
        let mut crumbs = r.crumbs(Some(p));
        if page != PlacePage::Actions {
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
            let l = r.links.link(g, s, amb, p);
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
    let mut groups: Vec<Group> = crate::graph::bodies::bodies(g, p)
        .iter()
        .map(|b| Group {
            key: b.slug.clone(),
            heading: b.name.clone(),
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
