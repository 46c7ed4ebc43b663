//! The search pages: each place's, and the search across all places at the site's root.

use serde_json::json;

use crate::diag::Diagnostic;
use crate::graph::routes::{PlacePage, SitePage};
use crate::render::kit::urls::{languages, place_entry, site_entries};
use crate::render::kit::view::place_name;
use crate::render::kit::Renderer;
use crate::theme::i18n::Strings;

/// The search page of place `p`: it loads only the stemmer of the place's language.
pub fn search_page(r: &Renderer, p: usize) -> Result<(), Diagnostic> {
    let g = r.g;
    let s = &r.strings[p];
    let indexes = vec![place_entry(r, p)];
    let config = search_config(s, indexes, &g.routes.place_url(p, PlacePage::Actions));
    let title = format!("{} – {}", s.get("search_title"), place_name(g, p));
    r.page(
        &g.routes.place_page(p, PlacePage::Search),
        "search.html",
        Some(p),
        &title,
        r.crumbs(Some(p)),
        None,
        json!({"config": config, "scope": place_name(g, p), "stems": [g.places[p].lang.code()]}),
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

/// The indexes the site-wide search fetches (also named by the root page's search form).
pub fn all_indexes(r: &Renderer) -> Vec<serde_json::Value> {
    site_entries(r)
}

/// The search across all places, `search/`: it loads the stemmer of each language the places
/// are written in.
pub fn root_search(r: &Renderer) -> Result<(), Diagnostic> {
    let s = &r.site_strings;
    let config = search_config(s, all_indexes(r), "");
    let stems: Vec<&str> = languages(r).into_iter().map(|(code, _)| code).collect();
    let title = s.get("search_title");
    r.page(
        SitePage::Search.dir(),
        "search.html",
        None,
        &title,
        r.crumbs(None),
        None,
        json!({"config": config, "scope": r.g.site.title, "stems": stems}),
    )
}
