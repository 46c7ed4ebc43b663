//! The pages of one place: programme, one page per entity, the lists of each
//! kind, the search page and index, open data and the feed.

use rayon::prelude::*;
use serde_json::{json, Value as Json};

use super::view::{self, by_status, kind_label, link, links, place_name, progress, Fact};
use super::{
    chart, data, documents, feed, followup, lists, responsible, sdg, yearly, Crumb, Renderer,
};
use crate::diag::Diagnostic;
use crate::graph::{Graph, NodeId};
use crate::model::{Entity, EntityKind, Fields};
use crate::theme::i18n::Strings;

/// What the header and footer of every page of a place show.
pub fn place_header(g: &Graph, s: &Strings, p: usize) -> Json {
    let place = &g.places[p];
    let prog = place.programme.programme();
    let url = view::place_url(g, p);
    let ideas = prog.and_then(|pr| pr.ideas.as_ref()).and_then(|i| {
        let href = i
            .url
            .clone()
            .or_else(|| i.email.as_ref().map(|e| format!("mailto:{e}")))?;
        Some(json!({"url": href, "text": i.text.clone().unwrap_or_else(|| s.get("ideas_default"))}))
    });
    json!({
        "id": place.id,
        "name": place_name(g, p),
        "kind": prog.map(|pr| pr.place_kind.clone()),
        "kind_label": prog.map(|pr| s.get(&format!("kind_{}", pr.place_kind))),
        "title": place.programme.common.title,
        "url": url,
        "actions_url": format!("{url}actions/"),
        "indicators_url": format!("{url}indicators/"),
        "search_url": format!("{url}search/"),
        "feed_url": format!("{url}feed.xml"),
        "data_url": format!("{url}data/"),
        "ideas": ideas,
        "has_indicators": place.of_kind(EntityKind::Indicator).next().is_some(),
    })
}

/// Which place-level files of a place to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceParts {
    /// Programme page, lists of areas, ambitions, strategies and indicators.
    pub pages: bool,
    /// Follow-up, year, documents and Agenda 2030 pages.
    pub followup: bool,
    /// Action lists, data, feed and changes (only when the place's own entities changed).
    pub lists: bool,
    /// The search index.
    pub index: bool,
}

/// Renders the place-level pages of place `p` and the entity pages `entities` (all when None).
pub fn render_place(
    r: &Renderer,
    p: usize,
    parts: PlaceParts,
    entities: Option<&[u32]>,
) -> Vec<Diagnostic> {
    let g = r.g;
    let place = &g.places[p];
    // One list of events for the programme page, the feed and the changes page.
    let events = if parts.pages || parts.lists || parts.followup {
        feed::place_events(r, p)
    } else {
        Vec::new()
    };
    let events = &events;
    type Job<'a> = Box<dyn Fn() -> Result<(), Diagnostic> + Send + Sync + 'a>;
    let mut jobs: Vec<Job> = Vec::new();
    if parts.pages {
        jobs.push(Box::new(move || programme_page(r, p, events)));
        for kind in [
            EntityKind::Area,
            EntityKind::Ambition,
            EntityKind::Strategy,
            EntityKind::Indicator,
        ] {
            jobs.push(Box::new(move || kind_index(r, p, kind)));
        }
    }
    if parts.followup {
        jobs.push(Box::new(move || followup::follow_up_page(r, p)));
        jobs.push(Box::new(move || yearly::year_pages(r, p, events)));
        jobs.push(Box::new(move || documents::place_page(r, p)));
        jobs.push(Box::new(move || responsible::pages(r, p)));
        jobs.push(Box::new(move || sdg::place_page(r, p)));
    }
    if parts.lists {
        jobs.push(Box::new(move || lists::action_lists(r, p)));
        jobs.push(Box::new(move || lists::search_page(r, p)));
        jobs.push(Box::new(move || data::write_place(r, p)));
        jobs.push(Box::new(move || super::budget::write_place(r, p)));
        jobs.push(Box::new(move || {
            feed::write_place(r, p, events)?;
            followup::changes_page(r, p, events)
        }));
    }
    if parts.index {
        jobs.push(Box::new(move || crate::render::search::place_index(r, p)));
    }
    // The search index is the longest job: start it first.
    jobs.reverse();
    let all: Vec<u32>;
    let list = match entities {
        Some(l) => l,
        None => {
            all = (0..place.entities.len() as u32).collect();
            &all
        }
    };
    // Place-level files and entity pages side by side, so that neither waits for the other.
    let (mut errors, entity_errors) = rayon::join(
        || -> Vec<Diagnostic> { jobs.par_iter().filter_map(|job| job().err()).collect() },
        || -> Vec<Diagnostic> {
            list.par_iter()
                // A report is shown on the follow-up page of its year.
                .filter(|i| place.entities[**i as usize].kind != EntityKind::Report)
                .filter_map(|i| {
                    entity_page(
                        r,
                        NodeId {
                            place: p as u32,
                            idx: *i,
                        },
                    )
                    .err()
                })
                .collect()
        },
    );
    errors.extend(entity_errors);
    errors
}

fn programme_page(r: &Renderer, p: usize, events: &[feed::Event]) -> Result<(), Diagnostic> {
    let g = r.g;
    let s = &r.strings[p];
    let place = &g.places[p];
    let pr = place.programme.programme();
    let mut facts = Vec::new();
    if let Some(pr) = pr {
        if let Some(a) = &pr.adopted {
            let value = match (&a.by, &a.on) {
                (Some(by), Some(on)) => s.fmt("adopted_by_on", &[("by", by), ("on", &s.date(on))]),
                (Some(by), None) => by.clone(),
                (None, Some(on)) => s.date(on),
                _ => String::new(),
            };
            facts.push(Fact {
                datetime: a.on.clone(),
                ..Fact::text(s.get("adopted"), value)
            });
        }
        if let Some(per) = &pr.period {
            let v = match (per.from, per.to) {
                (Some(f), Some(t)) => format!("{f}–{t}"),
                (Some(f), None) => format!("{f}–"),
                (None, Some(t)) => format!("–{t}"),
                _ => String::new(),
            };
            facts.push(Fact::text(s.get("period"), v));
        }
        if let Some(m) = &pr.municipality {
            facts.push(Fact::text(s.get("kind_municipality"), m.clone()));
        }
        if let Some(rv) = &pr.review {
            facts.push(Fact::text(s.get("review"), rv.clone()));
        }
        if let Some(rev) = super::revision::of_programme(s, pr, g.today) {
            facts.extend(super::revision::facts(s, &rev));
        }
        if !pr.partners.is_empty() {
            facts.push(Fact::text(s.get("partners"), pr.partners.join(", ")));
        }
        if let Some(c) = &pr.contact {
            if let Some(n) = &c.name {
                facts.push(Fact::text(s.get("contact"), n.clone()));
            }
            if let Some(e) = &c.email {
                facts.push(Fact {
                    url: Some(format!("mailto:{e}")),
                    ..Fact::text(s.get("contact"), e.clone())
                });
            }
            if let Some(u) = &c.url {
                facts.push(Fact {
                    url: Some(u.clone()),
                    ..Fact::text(s.get("contact"), u.clone())
                });
            }
        }
    }
    let own_actions: Vec<NodeId> = place
        .of_kind(EntityKind::Action)
        .map(|i| NodeId {
            place: p as u32,
            idx: i,
        })
        .collect();
    let ambition_item = |n: NodeId| json!({"link": link(g, s, n, p), "progress": progress(g, s, &g.links(n).actions), "will": documents::will_view(s, g.entity(n))});
    let areas: Vec<Json> = place
        .of_kind(EntityKind::Area)
        .map(|i| {
            let n = NodeId { place: p as u32, idx: i };
            json!({"link": link(g, s, n, p), "ambitions": g.links(n).ambitions.iter().map(|a| ambition_item(*a)).collect::<Vec<_>>()})
        })
        .collect();
    let loose: Vec<Json> = place
        .of_kind(EntityKind::Ambition)
        .map(|i| NodeId {
            place: p as u32,
            idx: i,
        })
        .filter(|n| g.links(*n).area.is_none())
        .map(ambition_item)
        .collect();
    let indicators: Vec<Json> = place
        .of_kind(EntityKind::Indicator)
        .map(|i| {
            indicator_summary(
                g,
                s,
                NodeId {
                    place: p as u32,
                    idx: i,
                },
                p,
            )
        })
        .collect();
    // What changed lately: the same events as the changes page and the feed (git history when
    // there is one, else the dates in the content).
    let latest: Vec<Json> = events
        .iter()
        .take(6)
        .map(|e| {
            json!({
                "link": link(g, s, e.node, p),
                "label": s.get(&format!("event_{}", e.what)),
                "when": s.date(&e.date),
                "datetime": e.date,
            })
        })
        .collect();
    let data = json!({
        "vision": place.programme.common.body_html,
        "summary": place.programme.common.summary,
        "facts": facts,
        "areas": areas,
        "ambitions": loose,
        "indicators": indicators,
        "latest": latest,
        "progress": progress(g, s, &own_actions),
        "documents": documents::doc_views(g, s, &place.programme.common.documents),
        "more": more_links(g, s, p),
        "revision": super::revision::of_place(g, s, p),
        "tags": super::tags::tag_links(g, &place.programme.common.tags),
        "budget_url": super::budget::has_budgets(g, p).then(|| format!("{}budget/", view::place_url(g, p))),
        "tags_url": format!("{}tags/", g.prefix),
    });
    r.page(
        &place.id,
        "programme.html",
        Some(p),
        &place.programme.common.title,
        r.crumbs(None),
        Some(&place.programme.common),
        data,
    )
}

/// Links from the programme page to the place's follow-up, documents and Agenda 2030 pages.
fn more_links(g: &Graph, s: &Strings, p: usize) -> Vec<Json> {
    let url = view::place_url(g, p);
    let mut v = vec![json!({"url": format!("{url}follow-up/"), "text": s.get("follow_up")})];
    let place = &g.places[p];
    let docs = !place.programme.common.documents.is_empty()
        || place
            .entities
            .iter()
            .any(|e| !e.common.documents.is_empty());
    if docs {
        v.push(json!({"url": format!("{url}documents/"), "text": s.get("documents")}));
    }
    if place.entities.iter().any(|e| !e.common.sdg.is_empty()) {
        v.push(json!({"url": format!("{url}agenda-2030/"), "text": s.get("agenda_2030")}));
    }
    v
}

/// Latest value of an indicator against its target, for lists.
pub fn indicator_summary(g: &Graph, s: &Strings, n: NodeId, from: usize) -> Json {
    let e = g.entity(n);
    let text = e
        .indicator()
        .map(|i| chart::summary_text(s, i))
        .unwrap_or_default();
    json!({"link": link(g, s, n, from), "text": text})
}

fn kind_index(r: &Renderer, p: usize, kind: EntityKind) -> Result<(), Diagnostic> {
    let g = r.g;
    let s = &r.strings[p];
    let place = &g.places[p];
    let nodes: Vec<NodeId> = place
        .of_kind(kind)
        .map(|i| NodeId {
            place: p as u32,
            idx: i,
        })
        .collect();
    let items: Vec<Json> = nodes
        .iter()
        .map(|n| match kind {
            EntityKind::Indicator => indicator_summary(g, s, *n, p),
            EntityKind::Ambition | EntityKind::Strategy => {
                json!({"link": link(g, s, *n, p), "progress": progress(g, s, &g.links(*n).actions)})
            }
            _ => json!({"link": link(g, s, *n, p)}),
        })
        .collect();
    let title = format!("{} – {}", kind_label(s, kind, true), place_name(g, p));
    let data = json!({"kind": kind.name(), "heading": kind_label(s, kind, true), "items": items});
    r.page(
        &format!("{}/{}", place.id, kind.folder()),
        "list.html",
        Some(p),
        &title,
        r.crumbs(Some(p)),
        None,
        data,
    )
}

fn entity_page(r: &Renderer, n: NodeId) -> Result<(), Diagnostic> {
    let g = r.g;
    let p = n.place as usize;
    let s = &r.strings[p];
    let e: &Entity = g.entity(n);
    let l = g.links(n);
    let one = |x: Option<NodeId>| x.map(|x| link(g, s, x, p));
    let mut data = json!({
        "id": e.common.id,
        "kind": e.kind.name(),
        "kind_label": kind_label(s, e.kind, false),
        "number": e.common.order.as_ref().map(|o| o.display.clone()),
        "summary": e.common.summary,
        "body": e.common.body_html,
        "tags": super::tags::tag_links(g, &e.common.tags),
        "extra": e.common.extra,
        "area": one(l.area),
        "ambition": one(l.ambition),
        "strategy": one(l.strategy),
        "measures": links(g, s, &l.measures, p),
        "ambitions": l.ambitions.iter().map(|a| json!({"link": link(g, s, *a, p), "progress": progress(g, s, &g.links(*a).actions)})).collect::<Vec<_>>(),
        "strategies": links(g, s, &l.strategies, p),
        "indicators": l.indicators.iter().map(|i| indicator_summary(g, s, *i, p)).collect::<Vec<_>>(),
        "action_groups": by_status(&r.links, g, s, &l.actions, p),
        "progress": progress(g, s, &l.actions),
        "documents": documents::doc_views(g, s, &e.common.documents),
        "sdg": sdg::goal_views(g, s, p, &e.common.sdg),
        "political_will": documents::will_view(s, e),
    });
    data["history"] = json!(super::timeline::entity_history(r, p, &e.common));
    match &e.fields {
        Fields::Action(a) => {
            let me = link(g, s, n, p);
            data["status"] = json!(me.status);
            data["status_label"] = json!(me.status_label);
            data["late"] = json!(me.late);
            data["late_text"] = json!(a
                .due
                .map(|d| s.fmt("late_text", &[("due", &s.date(&d.iso()))])));
            let mut facts = lists::action_facts(s, a);
            let label = s.get("responsible");
            if let Some(f) = facts.iter_mut().find(|f| f.label == label) {
                if let Some(linked) = responsible::fact(g, p, label, a) {
                    *f = linked;
                }
            }
            data["facts"] = json!(facts);
            data["progress_pct"] = json!(a.progress);
        }
        Fields::Indicator(i) => {
            data["facts"] = json!(chart::indicator_facts(s, i));
            data["chart"] = json!(chart::svg(s, i, &e.common.title));
            data["summary_text"] = json!(chart::summary_text(s, i));
            data["values"] = json!(chart::value_rows(s, i));
        }
        _ => {}
    }
    let place = g.place(n);
    let mut crumbs = r.crumbs(Some(p));
    crumbs.push(Crumb {
        title: kind_label(s, e.kind, true),
        url: format!("{}{}/{}/", g.prefix, place.id, e.kind.folder()),
    });
    let rel = format!("{}/{}/{}", place.id, e.kind.folder(), e.common.id);
    let template = format!("{}.html", e.kind.name());
    r.page(
        &rel,
        &template,
        Some(p),
        &e.common.title,
        crumbs,
        Some(&e.common),
        data,
    )
}
