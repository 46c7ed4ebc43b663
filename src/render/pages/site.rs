//! Site-wide pages and files: the root index of all places, the search across
//! all places, 404.html, the accessibility statement and sitemap.xml.

use crate::graph::routes::{PlacePage, SitePage};
use crate::render::pages::search::all_indexes;
use serde_json::json;

use crate::diag::Diagnostic;
use crate::graph::NodeId;
use crate::model::EntityKind;
use crate::render::kit::view::place_name;
use crate::render::kit::view::progress;
use crate::render::kit::Renderer;

pub fn root_index(r: &Renderer) -> Result<(), Diagnostic> {
    let g = r.g;
    let s = &r.site_strings;
    let places: Vec<_> = g
        .places
        .iter()
        .enumerate()
        .map(|(p, place)| {
            let ps = &r.strings[p];
            let actions: Vec<NodeId> = g.nodes_of(p, EntityKind::Action).collect();
            let pr = place.programme.programme();
            let revision = crate::render::pages::revision::of_place(g, ps, p);
            let year = g.today.year();
            let done_this_year = actions
                .iter()
                .filter(|n| {
                    g.entity(**n).action().is_some_and(|a| {
                        a.status == crate::model::Status::Done
                            && a.completed.is_some_and(|c| c.year == year)
                    })
                })
                .count();
            json!({
                "revision": revision,
                "revision_label": ps.get("revision_overdue_label"),
                "done_this_year": done_this_year,
                "done_text": ps.fmt(if done_this_year == 1 { "done_in_year_one" } else { "done_in_year" }, &[("n", &done_this_year.to_string()), ("year", &year.to_string())]),
                "done_url": format!("{}#g-{year}", g.routes.place_url(p, PlacePage::ActionsByYear)),
                "name": place_name(g, p),
                "url": crate::render::kit::urls::place_url(g, p),
                "lang": place.lang.code(),
                "kind_label": pr.map(|x| ps.get(&format!("kind_{}", x.place_kind))),
                "kind": pr.map(|x| x.place_kind.clone()),
                "title": place.programme.common.title,
                "summary": place.programme.common.summary,
                "period": pr.and_then(|x| x.period.as_ref()).map(|x| format!("{}–{}", x.from.map(|f| f.to_string()).unwrap_or_default(), x.to.map(|f| f.to_string()).unwrap_or_default())),
                "progress": progress(g, s, &actions),
                "counts": {
                    "ambitions": place.of_kind(EntityKind::Ambition).count(),
                    "actions": actions.len(),
                },
            })
        })
        .collect();
    let overdue: Vec<_> = (0..g.places.len())
        .filter_map(|p| {
            let rev = crate::render::pages::revision::of_place(g, &r.strings[p], p)
                .filter(|x| x.overdue)?;
            Some(json!({
                "title": g.places[p].programme.common.title,
                "url": crate::render::kit::urls::place_url(g, p),
                "lang": g.places[p].lang.code(),
                "text": rev.text,
            }))
        })
        .collect();
    let indexes = all_indexes(r);
    let config = crate::render::pages::search::search_config(s, indexes, "");
    r.page(
        "",
        "index.html",
        None,
        &g.site.title,
        Vec::new(),
        None,
        json!({
            "places": places,
            "search_config": config,
            "has_years": !crate::graph::years::site_years(g).is_empty(),
            "has_documents": crate::render::pages::documents::site_has_documents(g),
            "has_goals": crate::render::pages::sdg::site_has_goals(g),
            "overdue": overdue,
        }),
    )
}

pub fn not_found(r: &Renderer) -> Result<(), Diagnostic> {
    let title = r.site_strings.get("not_found_title");
    r.file("404.html", "404.html", &title, json!({}))
}

pub fn accessibility(r: &Renderer) -> Result<(), Diagnostic> {
    let g = r.g;
    let title = r.site_strings.get("accessibility_title");
    let data = json!({
        "contact": g.site.accessibility_contact,
        "reviewed": g.site.accessibility_reviewed,
        "reviewed_text": g.site.accessibility_reviewed.as_deref().map(|d| r.site_strings.date(d)),
    });
    r.page(
        SitePage::Accessibility.dir(),
        "accessibility.html",
        None,
        &title,
        r.crumbs(None),
        None,
        data,
    )
}
