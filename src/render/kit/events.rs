//! History from git on the pages: when an entity was added and each change of
//! an action's status (from → to), with date and commit; and the events of a
//! place (added, decided, started, completed, cancelled) for the feed and the
//! changes page.

use serde_json::{json, Value as Json};

use crate::graph::NodeId;
use crate::history::{commit_url, Change};
use crate::model::{iso, Common, Date, EntityKind, Status};
use crate::render::kit::view::status_label;
use crate::render::kit::Renderer;

fn change_json(r: &Renderer, p: usize, c: &Change) -> Json {
    let s = &r.strings[p];
    json!({
        "date": iso(c.date),
        "date_text": s.date(&iso(c.date)),
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
    for n in g.nodes_of(p, EntityKind::Action) {
        let e = g.entity(n);
        let Some(h) = history.files.get(&e.common.source) else {
            out.extend(crate::render::kit::events::content_events_of(g, n));
            continue;
        };
        if let Some(a) = &h.added {
            out.push(Event {
                node: n,
                what: What::Added,
                date: a.date,
                commit_url: commit_link(r, a),
            });
        }
        for sc in h.status_changes.iter().filter(|sc| sc.from.is_some()) {
            let Some(what) = What::of_status(&sc.to) else {
                continue;
            };
            out.push(Event {
                node: n,
                what,
                date: sc.change.date,
                commit_url: commit_link(r, &sc.change),
            });
        }
    }
    Some(out)
}
/// What happened to an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    Added,
    Decided,
    Started,
    Completed,
    Cancelled,
    /// A yearly report published.
    Report,
}

impl What {
    /// The code templates and UI strings (`event_<code>`) know it by.
    pub fn code(self) -> &'static str {
        match self {
            What::Added => "added",
            What::Decided => "decided",
            What::Started => "started",
            What::Completed => "completed",
            What::Cancelled => "cancelled",
            What::Report => "report",
        }
    }

    /// The event of an action's status becoming `to` (none for other values).
    fn of_status(to: &str) -> Option<What> {
        Some(match to {
            "planned" => What::Decided,
            "ongoing" => What::Started,
            "done" => What::Completed,
            "cancelled" => What::Cancelled,
            _ => return None,
        })
    }
}

/// One event of the feed, the changes page and the year pages.
pub struct Event {
    pub node: NodeId,
    pub what: What,
    pub date: Date,
    /// Link to the commit on the forge, when known from git history.
    pub commit_url: Option<String>,
}

/// Events known from the content itself (the year listed and the completion date).
pub fn content_events(r: &Renderer, p: usize) -> Vec<Event> {
    let g = r.g;
    g.places[p]
        .of_kind(EntityKind::Action)
        .flat_map(|i| {
            content_events_of(
                g,
                NodeId {
                    place: p as u32,
                    idx: i,
                },
            )
        })
        .collect()
}

/// The content's own dates of one action.
pub fn content_events_of(g: &crate::graph::Graph, n: NodeId) -> Vec<Event> {
    let mut out = Vec::new();
    let Some(a) = g.entity(n).action() else {
        return out;
    };
    if let Some(y) = a.listed {
        out.push(Event {
            node: n,
            what: What::Added,
            date: i32::try_from(y)
                .ok()
                .and_then(|y| crate::model::date(y, 1, 1))
                .unwrap_or(if y > 0 { Date::MAX } else { Date::MIN }),
            commit_url: None,
        });
    }
    if let (Status::Done, Some(c)) = (a.status, a.completed) {
        out.push(Event {
            node: n,
            what: What::Completed,
            date: c.first_day(),
            commit_url: None,
        });
    }
    out
}

/// The events of a place, newest first: from git history when there is one, else from the content.
pub fn place_events(r: &Renderer, p: usize) -> Vec<Event> {
    let mut events =
        crate::render::kit::events::history_events(r, p).unwrap_or_else(|| content_events(r, p));
    events.extend(report_events(r.g, p));
    events.sort_by(|a, b| b.date.cmp(&a.date).then(a.node.cmp(&b.node)));
    events
}

/// A yearly report of place `p` is published on the date it gives.
fn report_events(g: &crate::graph::Graph, p: usize) -> impl Iterator<Item = Event> + '_ {
    g.nodes_of(p, EntityKind::Report).filter_map(move |n| {
        let published = g.entity(n).report()?.published.first_day();
        Some(Event {
            node: n,
            what: What::Report,
            date: published,
            commit_url: None,
        })
    })
}
