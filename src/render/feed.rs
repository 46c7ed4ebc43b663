//! The Atom feed of a place: actions added to the action list, decided and
//! completed, and yearly reports published, newest first.

use std::fmt::Write as _;

use super::site_pages::absolute;
use super::view::{self, place_name, status_label};
use super::Renderer;
use crate::diag::Diagnostic;
use crate::graph::NodeId;
use crate::model::{EntityKind, Status};
use crate::util::escape::xml;

/// One event of the feed.
pub struct Event {
    pub node: NodeId,
    /// `added`, `decided`, `started`, `completed`, `cancelled` or `report` (a yearly report
    /// published).
    pub what: &'static str,
    pub date: String,
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
            what: "added",
            date: format!("{y:04}-01-01"),
            commit_url: None,
        });
    }
    if let (Status::Done, Some(c)) = (a.status, a.completed) {
        let (y, m, d) = c.first_day();
        out.push(Event {
            node: n,
            what: "completed",
            date: format!("{y:04}-{m:02}-{d:02}"),
            commit_url: None,
        });
    }
    out
}

/// The events of a place, newest first: from git history when there is one, else from the content.
pub fn place_events(r: &Renderer, p: usize) -> Vec<Event> {
    let mut events = super::timeline::history_events(r, p).unwrap_or_else(|| content_events(r, p));
    events.extend(report_events(r.g, p));
    events.sort_by(|a, b| b.date.cmp(&a.date).then(a.node.cmp(&b.node)));
    events
}

/// A yearly report of place `p` is published on the date it gives.
fn report_events(g: &crate::graph::Graph, p: usize) -> impl Iterator<Item = Event> + '_ {
    g.places[p]
        .of_kind(EntityKind::Report)
        .filter_map(move |i| {
            let n = NodeId {
                place: p as u32,
                idx: i,
            };
            let (y, m, d) = g.entity(n).report()?.published.first_day();
            Some(Event {
                node: n,
                what: "report",
                date: format!("{y:04}-{m:02}-{d:02}"),
                commit_url: None,
            })
        })
}

pub fn write_place(r: &Renderer, p: usize, events: &[Event]) -> Result<(), Diagnostic> {
    let g = r.g;
    let s = &r.strings[p];
    let place = &g.places[p];
    let events = &events[..events.len().min(100)];
    let feed_url = absolute(r, &format!("{}{}/feed.xml", g.prefix, place.id));
    let updated = events
        .first()
        .map(|e| e.date.clone())
        .unwrap_or_else(|| "2000-01-01".into());
    let mut x = String::new();
    let _ = write!(
        x,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n<title>{}</title>\n<id>{}</id>\n<link rel=\"self\" href=\"{}\"/>\n<link href=\"{}\"/>\n<updated>{updated}T00:00:00Z</updated>\n",
        place.lang.code(),
        xml(&format!("{} – {}", place.programme.common.title, s.get("latest_changes"))),
        xml(&feed_url),
        xml(&feed_url),
        xml(&absolute(r, &view::place_url(g, p))),
    );
    for ev in events {
        let e = g.entity(ev.node);
        let url = absolute(r, &view::entity_url(g, ev.node));
        let label = match ev.what {
            "added" => s.get("added"),
            "completed" => status_label(s, Status::Done),
            "decided" => status_label(s, Status::Planned),
            "started" => status_label(s, Status::Ongoing),
            "report" => s.get("event_report"),
            _ => status_label(s, Status::Cancelled),
        };
        let _ = write!(
            x,
            "<entry>\n<title>{}</title>\n<id>{}#{}-{}</id>\n<link href=\"{}\"/>\n<updated>{}T00:00:00Z</updated>\n<author><name>{}</name></author>\n<summary>{}</summary>\n</entry>\n",
            xml(&format!("{label}: {}", e.common.title)),
            xml(&url),
            ev.what,
            ev.date,
            xml(&url),
            ev.date,
            xml(&place_name(g, p)),
            xml(e.common.summary.as_deref().unwrap_or(&e.common.title)),
        );
    }
    x.push_str("</feed>\n");
    r.out.write(&format!("{}/feed.xml", place.id), x.as_bytes())
}
