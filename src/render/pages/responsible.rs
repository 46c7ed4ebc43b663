//! What each responsible body contributes (v3): `<place>/responsible/`, a responsible ×
//! ambition table with the number of actions in each cell by status, and
//! `<place>/responsible/<slug>/` per body, its actions grouped by the ambition they serve.
//! Names whose slugs are equal (the slug rule of tags) are one body, shown in the spelling
//! used most.

use crate::graph::bodies::{bodies, slug, Body};
use crate::graph::routes::PlacePage;
use crate::render::kit::urls::responsible_url;

use serde_json::{json, Value as Json};

use crate::diag::Diagnostic;
use crate::graph::{Graph, NodeId};
use crate::model::{Action, Status};
use crate::render::kit::view::place_name;
use crate::render::kit::view::progress;
use crate::render::kit::view::status_label;
use crate::render::kit::view::Fact;
use crate::render::kit::view::FactLink;
use crate::render::kit::view::Group;
use crate::render::kit::Crumb;
use crate::render::kit::Renderer;

/// The responsible fact of an action's page, each body linked to its page.
pub fn fact(g: &Graph, p: usize, label: String, a: &Action) -> Option<Fact> {
    if a.responsible.is_empty() {
        return None;
    }
    let links = a
        .responsible
        .iter()
        .map(|who| FactLink {
            text: who.trim().to_string(),
            url: responsible_url(g, p, Some(&slug(who.trim()))),
        })
        .collect();
    Some(Fact {
        links,
        ..Fact::text(label, a.responsible.join(", "))
    })
}

/// The ambitions the actions of `actions` serve, own place first, in the place's order.
fn ambitions_of(g: &Graph, actions: &[NodeId]) -> Vec<NodeId> {
    let mut v: Vec<NodeId> = actions
        .iter()
        .filter_map(|n| g.links(*n).ambition)
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Writes `<place>/responsible/` and a page per body.
pub fn pages(r: &Renderer, p: usize) -> Result<(), Diagnostic> {
    let g = r.g;
    let s = &r.strings[p];
    let list = bodies(g, p);
    let all: Vec<NodeId> = list
        .iter()
        .flat_map(|b| b.actions.iter().copied())
        .collect();
    let columns = ambitions_of(g, &all);
    let cell = |b: &Body, amb: Option<NodeId>| {
        let mine: Vec<NodeId> = b
            .actions
            .iter()
            .copied()
            .filter(|n| amb.is_none() || g.links(*n).ambition == amb)
            .collect();
        let by_status: Vec<Json> = Status::ALL
            .iter()
            .filter_map(|st| {
                let k = mine
                    .iter()
                    .filter(|n| g.entity(**n).action().is_some_and(|a| a.status == *st))
                    .count();
                (k > 0).then(
                    || json!({"status": st.code(), "label": status_label(s, *st), "count": k}),
                )
            })
            .collect();
        let anchor = amb.map(|a| {
            format!(
                "#amb-{}-{}",
                g.places[a.place as usize].id,
                g.entity(a).common.id
            )
        });
        json!({
            "count": mine.len(),
            "by_status": by_status,
            "url": format!("{}{}", responsible_url(g, p, Some(&b.slug)), anchor.unwrap_or_default()),
        })
    };
    let rows: Vec<Json> = list
        .iter()
        .map(|b| {
            let cells: Vec<Json> = columns.iter().map(|a| cell(b, Some(*a))).collect();
            json!({"name": b.name, "url": responsible_url(g, p, Some(&b.slug)), "cells": cells, "total": cell(b, None)})
        })
        .collect();
    let heads: Vec<Json> = columns
        .iter()
        .map(|a| json!(r.links.link(g, s, *a, p)))
        .collect();
    let title = format!("{} – {}", s.get("responsible_page"), place_name(g, p));
    let index_url = responsible_url(g, p, None);
    r.page(
        &g.routes.place_page(p, PlacePage::Responsible),
        "responsible.html",
        Some(p),
        &title,
        r.crumbs(Some(p)),
        None,
        json!({"ambitions": heads, "rows": rows, "body": null, "index_url": index_url}),
    )?;
    for b in list {
        body_page(r, p, b)?;
    }
    Ok(())
}

fn body_page(r: &Renderer, p: usize, b: &Body) -> Result<(), Diagnostic> {
    let g = r.g;
    let s = &r.strings[p];
    let groups: Vec<Json> = ambitions_of(g, &b.actions)
        .into_iter()
        .map(|amb| {
            let actions: Vec<NodeId> = b
                .actions
                .iter()
                .copied()
                .filter(|n| g.links(*n).ambition == Some(amb))
                .collect();
            let group = Group {
                key: format!("amb-{}-{}", g.places[amb.place as usize].id, g.entity(amb).common.id),
                heading: g.entity(amb).common.title.clone(),
                items: actions.iter().map(|n| r.links.link(g, s, *n, p)).collect(),
            };
            json!({"group": group, "ambition": r.links.link(g, s, amb, p), "progress": progress(g, s, &actions)})
        })
        .collect();
    let mut crumbs = r.crumbs(Some(p));
    crumbs.push(Crumb {
        title: s.get("responsible_page"),
        url: responsible_url(g, p, None),
    });
    let heading = s.fmt("responsible_of", &[("name", &b.name)]);
    r.page(
        &g.routes.body(p, &b.slug),
        "responsible.html",
        Some(p),
        &format!("{} – {}", b.name, place_name(g, p)),
        crumbs,
        None,
        json!({
            "body": {"name": b.name, "heading": heading, "groups": groups, "progress": progress(g, s, &b.actions)},
            "index_url": responsible_url(g, p, None),
        }),
    )
}
