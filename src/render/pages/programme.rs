//! The pages of one place: programme, one page per entity, the lists of each
//! kind, the search page and index, open data and the feed.

use crate::graph::routes::{PlacePage, SitePage};
use serde_json::{json, Value as Json};

use crate::diag::Diagnostic;
use crate::graph::{Graph, NodeId};
use crate::model::{iso, Entity, EntityKind, Fields};
use crate::render::kit::chart;
use crate::render::kit::view::kind_label;
use crate::render::kit::view::place_name;
use crate::render::kit::view::progress;
use crate::render::kit::view::Fact;
use crate::render::kit::Crumb;
use crate::render::kit::Renderer;
use crate::render::pages::documents;
use crate::render::pages::responsible;
use crate::render::pages::sdg;
use crate::theme::i18n::Strings;

pub fn programme_page(
    r: &Renderer,
    p: usize,
    events: &[crate::render::kit::events::Event],
) -> Result<(), Diagnostic> {
    let g = r.g;
    let s = &r.strings[p];
    let place = &g.places[p];
    let facts = match place.programme.programme() {
        Some(pr) => programme_facts(g, s, pr),
        None => Vec::new(),
    };
    let own_actions: Vec<NodeId> = place
        .of_kind(EntityKind::Action)
        .map(|i| NodeId {
            place: p as u32,
            idx: i,
        })
        .collect();
    let (areas, loose) = ambition_tree(r, s, p);
    let indicators: Vec<Json> = place
        .of_kind(EntityKind::Indicator)
        .map(|i| {
            indicator_summary(
                r,
                s,
                NodeId {
                    place: p as u32,
                    idx: i,
                },
                p,
            )
        })
        .collect();
    let data = json!({
        "vision": place.programme.common.body_html,
        "summary": place.programme.common.summary,
        "facts": facts,
        "areas": areas,
        "ambitions": loose,
        "indicators": indicators,
        "latest": latest_changes(r, s, p, events),
        "progress": progress(g, s, &own_actions),
        "documents": documents::doc_views(g, s, &place.programme.common.documents),
        "more": more_links(g, s, p),
        "revision": crate::render::pages::revision::of_place(g, s, p),
        "tags": crate::render::pages::tags::tag_links(g, &place.programme.common.tags),
        "budget_url": crate::render::pages::budget::has_budgets(g, p).then(|| g.routes.place_url(p, PlacePage::Budget)),
        "tags_url": g.routes.url(SitePage::Tags.dir()),
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

/// The facts of a programme: adoption, period, municipality, review, revision, partners and
/// contact.
fn programme_facts(g: &Graph, s: &Strings, pr: &crate::model::Programme) -> Vec<Fact> {
    let mut facts = Vec::new();
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
    if let Some(rev) = crate::render::pages::revision::of_programme(s, pr, g.today) {
        facts.extend(crate::render::pages::revision::facts(s, &rev));
    }
    if !pr.partners.is_empty() {
        facts.push(Fact::text(s.get("partners"), pr.partners.join(", ")));
    }
    if let Some(c) = &pr.contact {
        facts.extend(contact_facts(s, c));
    }
    facts
}

/// The contact of a programme: name, mail address and web address, each a fact.
fn contact_facts(s: &Strings, c: &crate::model::Contact) -> Vec<Fact> {
    let mut facts = Vec::new();
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
    facts
}

/// The areas of place `p` with their ambitions, and the ambitions in no area.
fn ambition_tree(r: &Renderer, s: &Strings, p: usize) -> (Vec<Json>, Vec<Json>) {
    let g = r.g;
    let place = &g.places[p];
    let ambition_item = |n: NodeId| json!({"link": r.links.link(g, s, n, p), "progress": progress(g, s, &g.links(n).actions), "will": documents::will_view(s, g.entity(n))});
    let areas: Vec<Json> = place
        .of_kind(EntityKind::Area)
        .map(|i| {
            let n = NodeId { place: p as u32, idx: i };
            json!({"link": r.links.link(g, s, n, p), "ambitions": g.links(n).ambitions.iter().map(|a| ambition_item(*a)).collect::<Vec<_>>()})
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
    (areas, loose)
}

/// What changed lately: the same events as the changes page and the feed (git history when
/// there is one, else the dates in the content).
fn latest_changes(
    r: &Renderer,
    s: &Strings,
    p: usize,
    events: &[crate::render::kit::events::Event],
) -> Vec<Json> {
    let g = r.g;
    events
        .iter()
        .take(6)
        .map(|e| {
            json!({
                "link": r.links.link(g, s, e.node, p),
                "label": s.get(&format!("event_{}", e.what.code())),
                "when": s.date(&iso(e.date)),
                "datetime": iso(e.date),
            })
        })
        .collect()
}

/// Links from the programme page to the place's follow-up, documents and Agenda 2030 pages.
fn more_links(g: &Graph, s: &Strings, p: usize) -> Vec<Json> {
    let url = |page| g.routes.place_url(p, page);
    let mut v = vec![json!({"url": url(PlacePage::FollowUp), "text": s.get("follow_up")})];
    let place = &g.places[p];
    let docs = !place.programme.common.documents.is_empty()
        || place
            .entities
            .iter()
            .any(|e| !e.common.documents.is_empty());
    if docs {
        v.push(json!({"url": url(PlacePage::Documents), "text": s.get("documents")}));
    }
    if place.entities.iter().any(|e| !e.common.sdg.is_empty()) {
        v.push(json!({"url": url(PlacePage::Sdg), "text": s.get("agenda_2030")}));
    }
    v
}

/// Latest value of an indicator against its target, for lists.
pub fn indicator_summary(r: &Renderer, s: &Strings, n: NodeId, from: usize) -> Json {
    let g = r.g;
    let e = g.entity(n);
    let text = e
        .indicator()
        .map(|i| chart::summary_text(s, i))
        .unwrap_or_default();
    json!({"link": r.links.link(g, s, n, from), "text": text})
}

pub fn kind_index(r: &Renderer, p: usize, kind: EntityKind) -> Result<(), Diagnostic> {
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
            EntityKind::Indicator => indicator_summary(r, s, *n, p),
            EntityKind::Ambition | EntityKind::Strategy => {
                json!({"link": r.links.link(g, s, *n, p), "progress": progress(g, s, &g.links(*n).actions)})
            }
            _ => json!({"link": r.links.link(g, s, *n, p)}),
        })
        .collect();
    let title = format!("{} – {}", kind_label(s, kind, true), place_name(g, p));
    let data = json!({"kind": kind.name(), "heading": kind_label(s, kind, true), "items": items});
    r.page(
        &g.routes.place_page(p, PlacePage::Kind(kind)),
        "list.html",
        Some(p),
        &title,
        r.crumbs(Some(p)),
        None,
        data,
    )
}

pub fn entity_page(r: &Renderer, n: NodeId) -> Result<(), Diagnostic> {
    let g = r.g;
    let p = n.place as usize;
    let s = &r.strings[p];
    let e: &Entity = g.entity(n);
    let l = g.links(n);
    let one = |x: Option<NodeId>| x.map(|x| r.links.link(g, s, x, p));
    let mut data = json!({
        "id": e.common.id,
        "kind": e.kind.name(),
        "kind_label": kind_label(s, e.kind, false),
        "number": e.common.order.as_ref().map(|o| o.display.clone()),
        "summary": e.common.summary,
        "body": e.common.body_html,
        "tags": crate::render::pages::tags::tag_links(g, &e.common.tags),
        "extra": e.common.extra,
        "area": one(l.area),
        "ambition": one(l.ambition),
        "strategy": one(l.strategy),
        "measures": r.links.links(g, s, &l.measures, p),
        "ambitions": l.ambitions.iter().map(|a| json!({"link": r.links.link(g, s, *a, p), "progress": progress(g, s, &g.links(*a).actions)})).collect::<Vec<_>>(),
        "strategies": r.links.links(g, s, &l.strategies, p),
        "indicators": l.indicators.iter().map(|i| indicator_summary(r, s, *i, p)).collect::<Vec<_>>(),
        "action_groups": r.links.by_status(g, s, &l.actions, p),
        "progress": progress(g, s, &l.actions),
        "documents": documents::doc_views(g, s, &e.common.documents),
        "sdg": sdg::goal_views(g, s, p, &e.common.sdg),
        "political_will": documents::will_view(s, e),
    });
    data["history"] = json!(crate::render::kit::events::entity_history(r, p, &e.common));
    match &e.fields {
        Fields::Action(a) => {
            let me = r.links.link(g, s, n, p);
            data["status"] = json!(me.status);
            data["status_label"] = json!(me.status_label);
            data["late"] = json!(me.late);
            data["late_text"] = json!(a
                .due
                .map(|d| s.fmt("late_text", &[("due", &s.date(&d.iso()))])));
            let mut facts = crate::render::kit::facts::action_facts(s, a);
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
    let mut crumbs = r.crumbs(Some(p));
    crumbs.push(Crumb {
        title: kind_label(s, e.kind, true),
        url: g.routes.place_url(p, PlacePage::Kind(e.kind)),
    });
    let rel = g.routes.entity(n);
    let template = format!("{}.html", e.kind.name());
    r.page(
        rel,
        &template,
        Some(p),
        &e.common.title,
        crumbs,
        Some(&e.common),
        data,
    )
}
