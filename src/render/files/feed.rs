//! The Atom feed of a place: actions added to the action list, decided and
//! completed, and yearly reports published, newest first.

use crate::render::kit::events::Event;
use std::fmt::Write as _;

use crate::diag::Diagnostic;
use crate::model::Status;
use crate::render::kit::urls::absolute;
use crate::render::kit::view::place_name;
use crate::render::kit::view::status_label;
use crate::render::kit::Renderer;
use crate::util::escape::xml;

pub fn write_place(r: &Renderer, p: usize, events: &[Event]) -> Result<(), Diagnostic> {
    let g = r.g;
    let s = &r.strings[p];
    let place = &g.places[p];
    let events = &events[..events.len().min(100)];
    let feed_url = absolute(r, &g.routes.file_url(&g.routes.feed(p)));
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
        xml(&absolute(r, &crate::render::kit::urls::place_url(g, p))),
    );
    for ev in events {
        let e = g.entity(ev.node);
        let url = absolute(r, &crate::render::kit::urls::entity_url(g, ev.node));
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
    r.out.write(&g.routes.feed(p), x.as_bytes())
}
