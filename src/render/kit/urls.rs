//! The URLs of the site's pages and files, made in one place: absolute addresses, places and
//! entities, tags, responsible bodies, year pages, documents, and the search indexes the
//! search pages name.

use serde_json::json;

use crate::graph::routes::PlacePage;
use crate::graph::{Graph, NodeId};
use crate::model::Document;
use crate::render::kit::view::place_name;
use crate::render::kit::Renderer;
use crate::search::MANIFEST;

/// Absolute URL of a site path (the origin of `base_url` before it; none for a base URL that
/// is only a path).
pub fn absolute(r: &Renderer, path_with_prefix: &str) -> String {
    r.g.routes.absolute(path_with_prefix)
}
/// Where a document is opened: its web address or the published copy of its file.
pub fn href(g: &Graph, d: &Document) -> String {
    match (&d.url, &d.file) {
        (Some(u), _) => u.clone(),
        (None, Some(f)) => format!("{}{}", g.prefix, crate::util::paths::encode_path(f)),
        _ => String::new(),
    }
}
/// URL of `<place>/responsible/` (`slug`: None) or of one body's page.
pub fn responsible_url(g: &Graph, p: usize, slug: Option<&str>) -> String {
    match slug {
        Some(s) => g.routes.url(&g.routes.body(p, s)),
        None => g.routes.place_url(p, PlacePage::Responsible),
    }
}
/// URL of a tag's page.
pub fn tag_url(g: &Graph, slug: &str) -> String {
    g.routes.url(&g.routes.tag(slug))
}
/// URL of a place's page.
pub fn place_url(g: &Graph, place: usize) -> String {
    g.routes.place_url(place, PlacePage::Home)
}

/// URL of an entity page.
pub fn entity_url(g: &Graph, n: NodeId) -> String {
    g.routes.entity_url(n)
}
/// The index of place `p` as the search script reads it from `data-search`.
pub fn place_entry(r: &Renderer, p: usize) -> serde_json::Value {
    let place = &r.g.places[p];
    json!({"url": r.g.routes.file_url(&format!("{}{MANIFEST}", r.g.routes.search_index(p))), "lang": place.lang.code(),
           "place": place_name(r.g, p), "actions": actions_url(r, p)})
}

/// The indexes the site-wide search fetches: one per language.
pub fn site_entries(r: &Renderer) -> Vec<serde_json::Value> {
    languages(r)
        .into_iter()
        .map(|(code, ps)| {
            if ps.len() == 1 {
                place_entry(r, ps[0])
            } else {
                json!({"url": r.g.routes.file_url(&format!("{}{MANIFEST}", r.g.routes.site_search_index(code))), "lang": code})
            }
        })
        .collect()
}

/// Languages of the places, in order of first place, each with its places.
pub fn languages(r: &Renderer) -> Vec<(&'static str, Vec<usize>)> {
    let mut out: Vec<(&'static str, Vec<usize>)> = Vec::new();
    for (p, place) in r.g.places.iter().enumerate() {
        let code = place.lang.code();
        match out.iter_mut().find(|(c, _)| *c == code) {
            Some((_, ps)) => ps.push(p),
            None => out.push((code, vec![p])),
        }
    }
    out
}

pub fn actions_url(r: &Renderer, p: usize) -> String {
    r.g.routes.place_url(p, PlacePage::Actions)
}

/// URL of the follow-up page of place `p` for `year`.
pub fn year_url(g: &Graph, p: usize, year: i32) -> String {
    g.routes.url(&g.routes.year(p, year))
}
