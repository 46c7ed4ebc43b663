//! The Atom feed of a place, `<place>/feed.xml`: actions added to the action list, decided and
//! completed, and yearly reports published, newest first (at most 100). The XML comes from the
//! theme's `feed.xml` template, which a site's theme may override.

use serde_json::json;

use crate::diag::Diagnostic;
use crate::graph::routes::PlacePage;
use crate::model::{iso, Status};
use crate::render::kit::events::{Event, What};
use crate::render::kit::urls::absolute;
use crate::render::kit::view::{place_name, status_label};
use crate::render::kit::Renderer;
use crate::util::escape::xml_chars;

/// Writes the feed of place `p` from its `events`.
pub fn write_place(r: &Renderer, p: usize, events: &[Event]) -> Result<(), Diagnostic> {
    let g = r.g;
    let s = &r.strings[p];
    let place = &g.places[p];
    let events = &events[..events.len().min(100)];
    let feed_url = absolute(r, &g.routes.file_url(&g.routes.feed(p)));
    let updated = events
        .first()
        .map(|e| iso(e.date))
        .unwrap_or_else(|| "2000-01-01".into());
    let entries: Vec<_> = events
        .iter()
        .map(|ev| {
            let e = g.entity(ev.node);
            let label = match ev.what {
                What::Added => s.get("added"),
                What::Completed => status_label(s, Status::Done),
                What::Decided => status_label(s, Status::Planned),
                What::Started => status_label(s, Status::Ongoing),
                What::Report => s.get("event_report"),
                What::Cancelled => status_label(s, Status::Cancelled),
            };
            json!({
                "title": xml_chars(&format!("{label}: {}", e.common.title)),
                "url": xml_chars(&absolute(r, &g.routes.entity_url(ev.node))),
                "what": ev.what.code(),
                "date": iso(ev.date),
                "summary": xml_chars(e.common.summary.as_deref().unwrap_or(&e.common.title)),
            })
        })
        .collect();
    let data = json!({
        "lang": place.lang.code(),
        "title": xml_chars(&format!("{} – {}", place.programme.common.title, s.get("latest_changes"))),
        "id": xml_chars(&feed_url),
        "home": xml_chars(&absolute(r, &g.routes.place_url(p, PlacePage::Home))),
        "updated": updated,
        "author": xml_chars(&place_name(g, p)),
        "entries": entries,
    });
    r.file(&g.routes.feed(p), "feed.xml", "", data)
}
