//! The yearly follow-up of a place, `<place>/follow-up/<year>/`: the year's
//! report with its feedback to residents, the actions completed that year
//! (date, who was responsible), the actions put on the action list, the status
//! changes git recorded during the year, each ambition with its actions by
//! status, and each indicator's value beside the year before and the target,
//! with whether it moved the right way. Made to be printed as the yearly report.

use crate::graph::routes::PlacePage;
use crate::graph::years::{completed_in, report_of, years};
use crate::render::kit::urls::year_url;

use serde_json::{json, Value as Json};

use crate::diag::Diagnostic;
use crate::graph::{Graph, NodeId};
use crate::model::{iso, EntityKind, Indicator};
use crate::render::kit::asof;
use crate::render::kit::asof::AsOf;
use crate::render::kit::chart::with_unit;
use crate::render::kit::events::{Event, What};
use crate::render::kit::view::{place_name, LinkView};
use crate::render::kit::Crumb;
use crate::render::kit::Renderer;
use crate::theme::i18n::Strings;

/// A completed action as a row: link, date and who was responsible.
pub fn completed_row(r: &Renderer, s: &Strings, n: NodeId, from: usize) -> Json {
    let g = r.g;
    let a = g.entity(n).action();
    let date = a.and_then(|a| a.completed).map(|c| c.iso());
    let responsible = a.map(|a| a.responsible.join(", ")).unwrap_or_default();
    json!({
        "link": r.links.link(g, s, n, from),
        "date": date,
        "date_text": date.as_deref().map(|d| s.date(d)),
        "responsible": (!responsible.is_empty()).then_some(responsible),
        "ambition": g.links(n).ambition.map(|x| r.links.link(g, s, x, from)),
    })
}

fn report_view(g: &Graph, s: &Strings, n: NodeId) -> Json {
    let e = g.entity(n);
    let rep = e.report();
    let published = rep.map(|r| r.published.iso());
    let adopted = rep.and_then(|r| r.adopted.as_ref()).map(|a| {
        let on = a.on.as_deref().map(|d| s.date(d));
        match (&a.by, on) {
            (Some(by), Some(on)) => s.fmt("adopted_by_on", &[("by", by), ("on", &on)]),
            (Some(by), None) => by.clone(),
            (None, Some(on)) => on,
            _ => String::new(),
        }
    });
    json!({
        "title": e.common.title,
        "summary": e.common.summary,
        "published": published,
        "published_text": published.as_deref().map(|d| s.date(d)),
        "adopted_text": adopted,
        "adopted_on": rep.and_then(|r| r.adopted.as_ref()).and_then(|a| a.on.clone()),
        "body": e.common.body_html,
    })
}

/// How an indicator did in `year`: its value, the year before, the target, and the verdict.
fn indicator_row(
    r: &Renderer,
    s: &Strings,
    n: NodeId,
    i: &Indicator,
    year: i32,
    from: usize,
) -> Json {
    let g = r.g;
    let unit = i.unit.as_deref();
    let y = i64::from(year);
    let now = i.values.iter().find(|v| v.year == y);
    // The year before; when it has no value, the latest earlier one.
    let before = i.values.iter().rev().find(|v| v.year < y);
    let change = match (now, before) {
        (Some(a), Some(b)) => {
            let key = match (i.direction.as_deref(), a.value.partial_cmp(&b.value)) {
                (_, Some(std::cmp::Ordering::Equal)) => "change_same",
                (Some("up"), Some(std::cmp::Ordering::Greater))
                | (Some("down"), Some(std::cmp::Ordering::Less)) => "change_better",
                (Some(_), _) => "change_worse",
                (None, Some(std::cmp::Ordering::Greater)) => "change_up",
                _ => "change_down",
            };
            Some(json!({"code": key.trim_start_matches("change_"), "label": s.get(key)}))
        }
        _ => None,
    };
    let target = i.target.as_ref().map(|t| {
        let v = with_unit(s, t.value, unit);
        json!({"value": t.value, "text": v, "year": t.year})
    });
    let value = |v: Option<&crate::model::Value>| {
        v.map(|v| json!({"year": v.year, "value": v.value, "text": with_unit(s, v.value, unit), "note": v.note}))
    };
    json!({
        "link": r.links.link(g, s, n, from),
        "now": value(now),
        "before": value(before),
        "target": target,
        "change": change,
        "direction": i.direction.as_deref().map(|d| s.get(&format!("direction_{d}"))),
    })
}

/// The ambitions the page covers: the place's own (with every action serving them), then
/// other places' ambitions its actions serve (with those actions only), each with its actions
/// as they stood at the end of `year` and the share of them done then.
fn ambition_sections(r: &Renderer, asof: &AsOf, p: usize, year: i32) -> Vec<Json> {
    let g = r.g;
    let s = &r.strings[p];
    let place = &g.places[p];
    let section = |n: NodeId, actions: &[NodeId]| {
        let (groups, progress) = asof::groups(asof, &r.links, s, actions, p, year);
        json!({"link": r.links.link(g, s, n, p), "groups": groups, "progress": progress})
    };
    let mut out = Vec::new();
    for i in place.of_kind(EntityKind::Ambition) {
        let n = NodeId {
            place: p as u32,
            idx: i,
        };
        out.push(section(n, &g.links(n).actions));
    }
    let mut foreign: Vec<(NodeId, Vec<NodeId>)> = Vec::new();
    for i in place.of_kind(EntityKind::Action) {
        let n = NodeId {
            place: p as u32,
            idx: i,
        };
        if let Some(amb) = g.links(n).ambition.filter(|a| a.place as usize != p) {
            match foreign.iter_mut().find(|(a, _)| *a == amb) {
                Some((_, v)) => v.push(n),
                None => foreign.push((amb, vec![n])),
            }
        }
    }
    foreign.sort_by_key(|(a, _)| *a);
    for (amb, actions) in foreign {
        out.push(section(amb, &actions));
    }
    out
}

/// Writes `<place>/follow-up/<year>/` for every year of the place.
pub fn year_pages(r: &Renderer, p: usize, events: &[Event]) -> Result<(), Diagnostic> {
    let list: Vec<i32> = years(r.g, p).into_iter().collect();
    let asof = AsOf::new(r.g, r.history);
    for (k, &year) in list.iter().enumerate() {
        let ambitions = Json::Array(ambition_sections(r, &asof, p, year));
        let s = &r.strings[p];
        let y = [("year", year.to_string())];
        let y = [("year", y[0].1.as_str())];
        let (known, note) = if year >= r.g.today.year() {
            (true, s.get("year_status_today"))
        } else if asof.git_knows(year) {
            (true, s.fmt("year_status_asof", &y))
        } else {
            let why = s.fmt("year_status_front_matter", &y);
            (false, format!("{} {why}", s.fmt("year_status_asof", &y)))
        };
        year_page(
            r,
            p,
            year,
            (ambitions, known, &note),
            events,
            list.get(k.wrapping_sub(1)).copied(),
            list.get(k + 1).copied(),
        )?;
    }
    Ok(())
}

fn year_page(
    r: &Renderer,
    p: usize,
    year: i32,
    (ambitions, recorded, note): (Json, bool, &str),
    events: &[Event],
    prev: Option<i32>,
    next: Option<i32>,
) -> Result<(), Diagnostic> {
    let g = r.g;
    let s = &r.strings[p];
    let y = year.to_string();
    let report = report_of(g, p, year);
    let completed: Vec<Json> = completed_in(g, p, year)
        .into_iter()
        .map(|n| completed_row(r, s, n, p))
        .collect();
    let listed = listed_in(r, p, year);
    let changes = changes_in(r, p, year, events);
    let indicators = indicator_rows(r, p, year);
    let nav = |yr: Option<i32>| yr.map(|yr| json!({"year": yr, "url": year_url(g, p, yr)}));
    let heading = s.fmt("follow_up_year", &[("year", &y)]);
    let mut data = json!({
        "year": year,
        "heading": heading,
        "report": report.map(|n| report_view(g, s, n)),
        "listed": listed,
        "history": r.history.is_some(),
        "status_recorded": recorded,
        "status_note": note,
        "prev": nav(prev),
        "next": nav(next),
        "index_url": g.routes.place_url(p, PlacePage::FollowUp),
        "site_url": g.routes.url(&g.routes.site_year(year)),
        "place_name": place_name(g, p),
        "summary": report.and_then(|n| g.entity(n).common.summary.clone()),
    });
    // Moved in, not copied: these are the page's long lists.
    data["completed"] = Json::Array(completed);
    data["changes"] = Json::Array(changes);
    data["ambitions"] = ambitions;
    data["indicators"] = Json::Array(indicators);
    let title = report
        .map(|n| g.entity(n).common.title.clone())
        .unwrap_or_else(|| heading.clone());
    let mut crumbs = r.crumbs(Some(p));
    crumbs.push(Crumb {
        title: s.get("follow_up"),
        url: g.routes.place_url(p, PlacePage::FollowUp),
    });
    r.page(
        &g.routes.year(p, year),
        "follow-up-year.html",
        Some(p),
        &format!("{title} – {}", place_name(g, p)),
        crumbs,
        report.map(|n| &g.entity(n).common),
        data,
    )
}

/// Links to the actions of place `p` listed in `year`.
fn listed_in(r: &Renderer, p: usize, year: i32) -> Vec<LinkView> {
    let (g, s) = (r.g, &r.strings[p]);
    g.nodes_of(p, EntityKind::Action)
        .filter(|n| g.entity(*n).action().and_then(|a| a.listed) == Some(i64::from(year)))
        .map(|n| r.links.link(g, s, n, p))
        .collect()
}

/// The status changes of place `p` during `year`, oldest first, when git knows them.
fn changes_in(r: &Renderer, p: usize, year: i32, events: &[Event]) -> Vec<Json> {
    let (g, s) = (r.g, &r.strings[p]);
    if r.history.is_none() {
        return Vec::new();
    }
    let mut v: Vec<&Event> = events
        .iter()
        .filter(|e| e.what != What::Report && e.date.year() == year)
        .collect();
    v.sort_by(|a, b| a.date.cmp(&b.date).then(a.node.cmp(&b.node)));
    v.into_iter()
        .map(|e| {
            json!({
                "date": iso(e.date), "date_text": s.date(&iso(e.date)),
                "what_label": s.get(&format!("event_{}", e.what.code())),
                "link": r.links.link(g, s, e.node, p), "commit_url": e.commit_url,
            })
        })
        .collect()
}

/// Each indicator of place `p` with its value in `year`.
fn indicator_rows(r: &Renderer, p: usize, year: i32) -> Vec<Json> {
    let (g, s) = (r.g, &r.strings[p]);
    g.nodes_of(p, EntityKind::Indicator)
        .filter_map(|n| {
            let ind = g.entity(n).indicator()?;
            Some(indicator_row(r, s, n, ind, year, p))
        })
        .collect()
}
