//! Governing documents: how the documents an entity builds on show on its page,
//! and the registers `<place>/documents/` and `documents/`, where each document
//! is listed once, linked, with every entity that refers to it; and the political will
//! of a goal (v3), shown on its ambition's page, with its decision in the registers.

use crate::graph::routes::{PlacePage, SitePage};
use crate::render::kit::urls::href;
use std::collections::BTreeMap;

use serde_json::{json, Value as Json};

use crate::diag::Diagnostic;
use crate::graph::{Graph, NodeId};
use crate::model::{Document, Entity, Fields, PoliticalWill};
use crate::render::kit::view::kind_label;
use crate::render::kit::view::place_name;
use crate::render::kit::Renderer;
use crate::theme::i18n::Strings;

/// One document as pages show it.
pub fn doc_view(g: &Graph, s: &Strings, d: &Document) -> Json {
    json!({
        "title": d.title,
        "url": href(g, d),
        "kind": d.kind,
        "adopted": d.adopted,
        "adopted_text": d.adopted.as_deref().map(|a| s.date(a)),
        "file": d.file.is_some(),
    })
}

/// The documents of one entity, for its page.
pub fn doc_views(g: &Graph, s: &Strings, docs: &[Document]) -> Vec<Json> {
    docs.iter().map(|d| doc_view(g, s, d)).collect()
}

/// Something that refers to a document: a place's programme (None) or one of its entities.
type Referrer = (usize, Option<NodeId>);

/// The entities of `places` that refer to documents, each document once (by address or file),
/// in order of title; the decision on each goal's political will is one too, opened on its
/// ambition's page.
fn register(g: &Graph, s: &Strings, places: &[usize]) -> Vec<(Document, Vec<Referrer>)> {
    let mut by_key: BTreeMap<String, (Document, Vec<Referrer>)> = BTreeMap::new();
    let mut add = |d: &Document, who: Referrer| {
        let entry = by_key
            .entry(d.key().to_string())
            .or_insert_with(|| (d.clone(), Vec::new()));
        if !entry.1.contains(&who) {
            entry.1.push(who);
        }
    };
    for &p in places {
        let place = &g.places[p];
        for d in &place.programme.common.documents {
            add(d, (p, None));
        }
        for (i, e) in place.entities.iter().enumerate() {
            let n = NodeId {
                place: p as u32,
                idx: i as u32,
            };
            for d in &e.common.documents {
                add(d, (p, Some(n)));
            }
            if let Some(d) = will_decision(g, s, n) {
                add(&d, (p, Some(n)));
            }
        }
    }
    let mut v: Vec<_> = by_key.into_values().collect();
    v.sort_by(|a, b| {
        (a.0.title.to_lowercase(), a.0.key()).cmp(&(b.0.title.to_lowercase(), b.0.key()))
    });
    v
}

/// The decision on the political will of ambition `n`, as a document of the registers.
fn will_decision(g: &Graph, s: &Strings, n: NodeId) -> Option<Document> {
    let e = g.entity(n);
    let will = political_will(e)?;
    Some(Document {
        title: s.fmt("political_will_document", &[("title", &e.common.title)]),
        url: Some(format!(
            "{}#{WILL_ID}",
            crate::render::kit::urls::entity_url(g, n)
        )),
        file: None,
        kind: Some(match &will.by {
            Some(by) => format!("{} ({by})", s.get("political_will")),
            None => s.get("political_will"),
        }),
        adopted: Some(will.on.clone()),
    })
}

/// The `id` of the political will's section on an ambition page.
pub const WILL_ID: &str = "political-will";

/// The political will of an ambition, if it has one.
pub fn political_will(e: &Entity) -> Option<&PoliticalWill> {
    match &e.fields {
        Fields::Ambition {
            political_will: Some(w),
            ..
        } => Some(w),
        _ => None,
    }
}

/// The political will of an ambition as its page and the programme page show it.
pub fn will_view(s: &Strings, e: &Entity) -> Option<Json> {
    let w = political_will(e)?;
    let on_text = s.date(&w.on);
    let adopted_text = match &w.by {
        Some(by) => s.fmt("adopted_by_on", &[("by", by), ("on", &on_text)]),
        None => on_text.clone(),
    };
    Some(json!({
        "id": WILL_ID,
        "html": w.html,
        "by": w.by,
        "on": w.on,
        "adopted_text": adopted_text,
        "label": s.get("political_will"),
    }))
}

/// True when any place or entity names a document, or a goal has an adopted political will.
pub fn site_has_documents(g: &Graph) -> bool {
    g.places.iter().any(|p| {
        !p.programme.common.documents.is_empty()
            || p.entities
                .iter()
                .any(|e| !e.common.documents.is_empty() || political_will(e).is_some())
    })
}

fn referrer_view(g: &Graph, s: &Strings, (p, n): Referrer, from: Option<usize>) -> Json {
    let (title, url, kind) = match n {
        None => (
            g.places[p].programme.common.title.clone(),
            crate::render::kit::urls::place_url(g, p),
            s.get("programme_cap"),
        ),
        Some(n) => {
            let e = g.entity(n);
            (
                e.common.title.clone(),
                crate::render::kit::urls::entity_url(g, n),
                kind_label(s, e.kind, false),
            )
        }
    };
    json!({
        "title": title,
        "url": url,
        "kind_label": kind,
        "place_name": (from != Some(p)).then(|| place_name(g, p)),
    })
}

fn rows(r: &Renderer, places: &[usize], s: &Strings, from: Option<usize>) -> Vec<Json> {
    let g = r.g;
    register(g, s, places)
        .into_iter()
        .map(|(d, who)| {
            let mut v = doc_view(g, s, &d);
            v["referrers"] = json!(who
                .into_iter()
                .map(|w| referrer_view(g, &r.strings[w.0], w, from))
                .collect::<Vec<_>>());
            v
        })
        .collect()
}

/// Writes `<place>/documents/`.
pub fn place_page(r: &Renderer, p: usize) -> Result<(), Diagnostic> {
    let g = r.g;
    let s = &r.strings[p];
    let title = format!("{} – {}", s.get("documents"), place_name(g, p));
    let data = json!({
        "documents": rows(r, &[p], s, Some(p)),
        "site_url": g.routes.url(SitePage::Documents.dir()),
    });
    r.page(
        &g.routes.place_page(p, PlacePage::Documents),
        "documents.html",
        Some(p),
        &title,
        r.crumbs(Some(p)),
        None,
        data,
    )
}

/// Writes `documents/`: the documents of every place.
pub fn site_page(r: &Renderer) -> Result<(), Diagnostic> {
    let g = r.g;
    let s = &r.site_strings;
    let all: Vec<usize> = (0..g.places.len()).collect();
    let data = json!({"documents": rows(r, &all, s, None), "site_url": null});
    r.page(
        SitePage::Documents.dir(),
        "documents.html",
        None,
        &s.get("documents"),
        r.crumbs(None),
        None,
        data,
    )
}
