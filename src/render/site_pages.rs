//! Site-wide pages and files: the root index of all places, the search across
//! all places, 404.html, the accessibility statement and sitemap.xml.

use serde_json::json;

use super::view::{self, place_name, progress};
use super::{lists, Renderer};
use crate::diag::Diagnostic;
use crate::graph::NodeId;
use crate::model::EntityKind;

pub fn root_index(r: &Renderer) -> Result<(), Diagnostic> {
    let g = r.g;
    let s = &r.site_strings;
    let places: Vec<_> = g
        .places
        .iter()
        .enumerate()
        .map(|(p, place)| {
            let ps = &r.strings[p];
            let actions: Vec<NodeId> = place.of_kind(EntityKind::Action).map(|i| NodeId { place: p as u32, idx: i }).collect();
            let pr = place.programme.programme();
            let revision = super::revision::of_place(g, ps, p);
            let year = g.today.0;
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
                "done_url": format!("{}actions/by-year/#g-{year}", view::place_url(g, p)),
                "name": place_name(g, p),
                "url": view::place_url(g, p),
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
            let rev = super::revision::of_place(g, &r.strings[p], p).filter(|x| x.overdue)?;
            Some(json!({
                "title": g.places[p].programme.common.title,
                "url": view::place_url(g, p),
                "lang": g.places[p].lang.code(),
                "text": rev.text,
            }))
        })
        .collect();
    let indexes = all_indexes(r);
    let config = lists::search_config(s, indexes, "");
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
            "has_years": !super::yearly_site::site_years(g).is_empty(),
            "has_documents": super::documents::site_has_documents(g),
            "has_goals": super::sdg::site_has_goals(g),
            "overdue": overdue,
        }),
    )
}

fn all_indexes(r: &Renderer) -> Vec<serde_json::Value> {
    super::search::site_entries(r)
}

pub fn root_search(r: &Renderer) -> Result<(), Diagnostic> {
    let s = &r.site_strings;
    let config = lists::search_config(s, all_indexes(r), "");
    let title = s.get("search_title");
    r.page(
        "search",
        "search.html",
        None,
        &title,
        r.crumbs(None),
        None,
        json!({"config": config, "scope": r.g.site.title}),
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
        "accessibility",
        "accessibility.html",
        None,
        &title,
        r.crumbs(None),
        None,
        data,
    )
}

/// Absolute URL of a site path.
pub fn absolute(r: &Renderer, path_with_prefix: &str) -> String {
    let base = r.g.site.base_url.trim_end_matches('/');
    let origin = match base.find("://") {
        Some(i) => match base[i + 3..].find('/') {
            Some(j) => &base[..i + 3 + j],
            None => base,
        },
        None => "",
    };
    format!("{origin}{path_with_prefix}")
}

pub fn sitemap(r: &Renderer) -> Result<(), Diagnostic> {
    let g = r.g;
    let mut urls = vec![
        g.prefix.clone(),
        format!("{}accessibility/", g.prefix),
        format!("{}follow-up/", g.prefix),
        format!("{}documents/", g.prefix),
        format!("{}agenda-2030/", g.prefix),
    ];
    for y in super::yearly_site::site_years(g) {
        urls.push(format!("{}follow-up/{y}/", g.prefix));
    }
    urls.push(format!("{}budget/", g.prefix));
    urls.push(format!("{}tags/", g.prefix));
    urls.extend(
        super::tags::collect(g)
            .iter()
            .map(|t| super::tags::tag_url(g, &t.slug)),
    );
    for (p, place) in g.places.iter().enumerate() {
        let base = view::place_url(g, p);
        urls.push(base.clone());
        for sub in [
            "actions/",
            "actions/by-year/",
            "actions/by-ambition/",
            "actions/by-responsible/",
            "responsible/",
            "changes/",
            "follow-up/",
            "documents/",
            "agenda-2030/",
            "budget/",
            "data/",
            "search/",
        ] {
            urls.push(format!("{base}{sub}"));
        }
        for kind in [
            EntityKind::Area,
            EntityKind::Ambition,
            EntityKind::Strategy,
            EntityKind::Indicator,
        ] {
            urls.push(format!("{base}{}/", kind.folder()));
        }
        for b in super::responsible::bodies(g, p) {
            urls.push(super::responsible::url(g, p, Some(&b.slug)));
        }
        for y in super::yearly::years(g, p) {
            let url = super::yearly::year_url(g, p, y);
            if super::yearly::report_of(g, p, y).is_none() {
                urls.push(url);
            }
        }
        for i in 0..place.entities.len() {
            urls.push(view::entity_url(
                g,
                NodeId {
                    place: p as u32,
                    idx: i as u32,
                },
            ));
        }
    }
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for u in urls {
        xml.push_str("  <url><loc>");
        xml.push_str(&crate::util::escape::xml(&absolute(r, &u)));
        xml.push_str("</loc></url>\n");
    }
    xml.push_str("</urlset>\n");
    r.out.write("sitemap.xml", xml.as_bytes())
}
