//! The search pages: each place's, and the search across all places at the site's root.

use crate::graph::routes::{PlacePage, SitePage};
use crate::render::kit::view::place_name;
use serde_json::json;

use crate::diag::Diagnostic;
use crate::render::kit::Renderer;
use crate::theme::i18n::Strings;

/// The search page of place `p`.
pub fn search_page(r: &Renderer, p: usize) -> Result<(), Diagnostic> {
    let g = r.g;
    let s = &r.strings[p];
    let _place = &g.places[p];
    let indexes = vec![crate::render::kit::urls::place_entry(r, p)];
    let config = search_config(s, indexes, &g.routes.place_url(p, PlacePage::Actions));
    let title = format!("{} – {}", s.get("search_title"), place_name(g, p));
    r.page(
        &g.routes.place_page(p, PlacePage::Search),
        "search.html",
        Some(p),
        &title,
        r.crumbs(Some(p)),
        None,
        json!({"config": config, "scope": place_name(g, p)}),
    )
}

/// The configuration the search script reads from `data-search`.
pub fn search_config(s: &Strings, indexes: Vec<serde_json::Value>, actions_url: &str) -> String {
    let keys = [
        "search_results_one",
        "search_results_many",
        "search_no_results",
        "search_try_actions",
        "search_loading",
        "search_error",
        "search_more",
    ];
    let strings: serde_json::Map<String, serde_json::Value> = keys
        .iter()
        .map(|k| (k.to_string(), json!(s.get(k))))
        .collect();
    json!({"indexes": indexes, "actions_url": actions_url, "lang": s.lang.code(), "strings": strings}).to_string()
}
pub fn all_indexes(r: &Renderer) -> Vec<serde_json::Value> {
    crate::render::kit::urls::site_entries(r)
}

pub fn root_search(r: &Renderer) -> Result<(), Diagnostic> {
    let s = &r.site_strings;
    let config = crate::render::pages::search::search_config(s, all_indexes(r), "");
    let title = s.get("search_title");
    r.page(
        SitePage::Search.dir(),
        "search.html",
        None,
        &title,
        r.crumbs(None),
        None,
        json!({"config": config, "scope": r.g.site.title}),
    )
}
