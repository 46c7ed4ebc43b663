//! History from git on the pages: when an entity was added and each change of
//! an action's status (from → to), with date and commit; and the events of a
//! place (added, decided, started, completed, cancelled) for the feed and the
//! changes page.

use serde_json::{json, Value as Json};

use super::feed::Event;
use super::view::status_label;
use super::Renderer;
use crate::graph::NodeId;
use crate::history::{commit_url, Change};
use crate::model::{Common, EntityKind, Status};

fn change_json(r: &Renderer, p: usize, c: &Change) -> Json {
    let s = &r.strings[p];
    json!({
        "date": c.date,
        "date_text": s.date(&c.date),
        "summary": c.summary,
        "commit": &c.commit[..c.commit.len().min(7)],
        "commit_url": commit_link(r, c),
    })
}

fn commit_link(r: &Renderer, c: &Change) -> Option<String> {
    r.g.site
        .repository
        .as_ref()
        .map(|repo| commit_url(&repo.url, &c.commit))
}

fn label(r: &Renderer, p: usize, status: &str) -> String {
    Status::parse(status)
        .map(|st| status_label(&r.strings[p], st))
        .unwrap_or_else(|| status.to_string())
}

/// The history block of an entity page, when git knows the file.
pub fn entity_history(r: &Renderer, p: usize, c: &Common) -> Option<Json> {
    let h = r.history?.files.get(&c.source)?;
    let changes: Vec<Json> = h
        .status_changes
        .iter()
        .filter(|sc| sc.from.is_some())
        .map(|sc| {
            let mut v = change_json(r, p, &sc.change);
            v["from"] = json!(sc.from.as_deref().map(|f| label(r, p, f)));
            v["to"] = json!(label(r, p, &sc.to));
            v
        })
        .collect();
    Some(json!({
        "added": h.added.as_ref().map(|a| change_json(r, p, a)),
        "first_status": h.status_changes.first().filter(|sc| sc.from.is_none()).map(|sc| label(r, p, &sc.to)),
        "changes": changes,
        "last_changed": h.last_changed.as_ref().map(|a| change_json(r, p, a)),
        "incomplete": r.history.is_some_and(|h| h.shallow),
    }))
}

/// The events of a place's actions from git history; actions git does not know
/// (not committed yet) fall back to the dates in their content.
pub fn history_events(r: &Renderer, p: usize) -> Option<Vec<Event>> {
    let history = r.history?;
    let g = r.g;
    let mut out = Vec::new();
    for i in g.places[p].of_kind(EntityKind::Action) {
        let n = NodeId {
            place: p as u32,
            idx: i,
        };
        let e = g.entity(n);
        let Some(h) = history.files.get(&e.common.source) else {
            out.extend(super::feed::content_events_of(g, n));
            continue;
        };
        if let Some(a) = &h.added {
            out.push(Event {
                node: n,
                what: "added",
                date: a.date.clone(),
                commit_url: commit_link(r, a),
            });
        }
        for sc in h.status_changes.iter().filter(|sc| sc.from.is_some()) {
            let what = match sc.to.as_str() {
                "planned" => "decided",
                "ongoing" => "started",
                "done" => "completed",
                "cancelled" => "cancelled",
                _ => continue,
            };
            out.push(Event {
                node: n,
                what,
                date: sc.change.date.clone(),
                commit_url: commit_link(r, &sc.change),
            });
        }
    }
    Some(out)
}
