//! What places have in common: the site-wide `tags/` page (a tag × place
//! table with the number of entities carrying each tag in each place) and one
//! `tags/<slug>/` page per tag with those entities, grouped by place. Tags
//! whose slugs are equal are one tag, shown in their most used spelling (a tie
//! goes to the spelling that sorts first).

use crate::graph::routes::SitePage;
use crate::graph::tags::{collect, Tag, Tagged};
use crate::render::kit::urls::tag_url;

use serde_json::{json, Value as Json};

use crate::diag::Diagnostic;
use crate::graph::{Graph, NodeId};
use crate::model::tag_slug;
use crate::render::kit::view::place_name;
use crate::render::kit::Crumb;
use crate::render::kit::Renderer;

/// Tags of an entity as links, each once per slug, for entity pages.
pub fn tag_links(g: &Graph, tags: &[String]) -> Vec<Json> {
    let mut seen = Vec::new();
    tags.iter()
        .filter_map(|t| {
            let slug = tag_slug(t)?;
            if seen.contains(&slug) {
                return None;
            }
            let url = tag_url(g, &slug);
            seen.push(slug);
            Some(json!({"name": t.trim(), "url": url}))
        })
        .collect()
}

/// Writes `tags/` and every `tags/<slug>/`, or only the tag pages listing one of `only`.
pub fn write(
    r: &Renderer,
    only: Option<&std::collections::BTreeSet<NodeId>>,
) -> Result<(), Diagnostic> {
    let g = r.g;
    let s = &r.site_strings;
    let tags = collect(g);
    let places: Vec<Json> = (0..g.places.len())
        .map(|p| json!({"name": place_name(g, p), "url": crate::render::kit::urls::place_url(g, p), "lang": g.places[p].lang.code()}))
        .collect();
    let rows: Vec<Json> = tags
        .iter()
        .map(|t| {
            let counts: Vec<usize> = (0..g.places.len()).map(|p| t.count_in(p)).collect();
            json!({
                "name": t.name, "slug": t.slug, "url": tag_url(g, &t.slug),
                "counts": counts, "places": t.place_count(), "total": t.members.len(),
            })
        })
        .collect();
    let title = s.get("tags_title");
    if only.is_some_and(|o| o.iter().all(|n| g.entity(*n).common.tags.is_empty())) {
        return Ok(());
    }
    // The table counts tags per place: a save that keeps every entity's tags (an incremental
    // build) leaves it as it was.
    if only.is_none() {
        r.page(
            SitePage::Tags.dir(),
            "tags.html",
            None,
            &title,
            r.crumbs(None),
            None,
            json!({"places": places, "rows": rows}),
        )?;
    }
    let mut crumbs = r.crumbs(None);
    crumbs.push(Crumb {
        title: title.clone(),
        url: g.routes.url(SitePage::Tags.dir()),
    });
    for t in &tags {
        let wanted = only.is_none_or(|o| {
            t.members
                .iter()
                .any(|m| matches!(m, Tagged::Entity(n) if o.contains(n)))
        });
        if wanted {
            tag_page(r, t, crumbs.clone())?;
        }
    }
    Ok(())
}

fn tag_page(r: &Renderer, t: &Tag, crumbs: Vec<Crumb>) -> Result<(), Diagnostic> {
    let g = r.g;
    let s = &r.site_strings;
    let mut groups: Vec<Json> = Vec::new();
    for p in 0..g.places.len() {
        let ps = &r.strings[p];
        let items: Vec<String> = t
            .members
            .iter()
            .filter(|m| m.place() == p)
            .map(|m| match m {
                Tagged::Entity(n) => r.links.link(g, ps, *n, p).html,
                Tagged::Programme(p) => r.links.programme(g, ps, *p).html,
            })
            .collect();
        if items.is_empty() {
            continue;
        }
        groups.push(json!({
            "place": place_name(g, p), "url": crate::render::kit::urls::place_url(g, p), "id": g.places[p].id,
            "lang": g.places[p].lang.code(), "items": items,
        }));
    }
    let title = s.fmt("tag_title", &[("tag", &t.name)]);
    let summary = s.fmt(
        "tag_summary",
        &[
            ("n", &t.members.len().to_string()),
            ("places", &t.place_count().to_string()),
        ],
    );
    r.page(
        &g.routes.tag(&t.slug),
        "tag.html",
        None,
        &title,
        crumbs,
        None,
        json!({"name": t.name, "slug": t.slug, "summary_text": summary, "groups": groups}),
    )
}
