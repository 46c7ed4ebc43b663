//! The follow-up pages of a place: `changes/` (what happened in the last
//! twelve months: actions added, decided, started, completed, cancelled) and
//! `follow-up/` (every year's follow-up page, and the gaps a steering group
//! reviews before the yearly update).

use crate::graph::routes::{PlacePage, SitePage};
use serde_json::json;

use crate::diag::Diagnostic;
use crate::graph::warnings::follow_up;
use crate::model::iso;
use crate::render::kit::events::Event;
use crate::render::kit::view::place_name;
use crate::render::kit::Renderer;

/// Writes `<place>/changes/` from `events` (newest first).
pub fn changes_page(r: &Renderer, p: usize, events: &[Event]) -> Result<(), Diagnostic> {
    let g = r.g;
    let s = &r.strings[p];
    let t = g.today;
    // A year back; from 29 February, what follows 28 February.
    let since = t
        .replace_year(t.year() - 1)
        .or_else(|_| crate::model::date(t.year() - 1, 3, 1).ok_or(()))
        .unwrap_or(t);
    let rows: Vec<_> = events
        .iter()
        .filter(|e| e.date >= since)
        .map(|e| {
            json!({
                "date": iso(e.date),
                "date_text": s.date(&iso(e.date)),
                "what": e.what.code(),
                "what_label": s.get(&format!("event_{}", e.what.code())),
                "link": r.links.link(g, s, e.node, p),
                "commit_url": e.commit_url,
            })
        })
        .collect();
    let title = format!("{} – {}", s.get("changes"), place_name(g, p));
    let data =
        json!({"events": rows, "since": s.date(&iso(since)), "incomplete": r.history_incomplete});
    r.page(
        &g.routes.place_page(p, PlacePage::Changes),
        "changes.html",
        Some(p),
        &title,
        r.crumbs(Some(p)),
        None,
        data,
    )
}

/// Writes `<place>/follow-up/`.
pub fn follow_up_page(r: &Renderer, p: usize) -> Result<(), Diagnostic> {
    let g = r.g;
    let s = &r.strings[p];
    let gaps = follow_up(g);
    let sections: Vec<_> = ["no_action", "late", "no_recent_value", "no_target"]
        .iter()
        .map(|code| {
            let items: Vec<_> = gaps
                .iter()
                .filter(|x| x.code == *code && x.node.place as usize == p)
                .map(|x| r.links.link(g, s, x.node, p))
                .collect();
            json!({"code": code, "heading": s.get(&format!("gap_{code}")), "items": items})
        })
        .collect();
    let title = format!("{} – {}", s.get("follow_up"), place_name(g, p));
    r.page(
        &g.routes.place_page(p, PlacePage::FollowUp),
        "follow-up.html",
        Some(p),
        &title,
        r.crumbs(Some(p)),
        None,
        json!({
            "sections": sections,
            "years": crate::render::kit::years::year_links(g, s, p),
            "site_url": g.routes.url(SitePage::FollowUp.dir()),
            "revision": crate::render::pages::revision::of_place(g, s, p),
        }),
    )
}
