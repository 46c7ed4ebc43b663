//! Tests of the route table against the spec's output layout and the rule body links are
//! resolved with.

use super::*;

fn default_site() -> Graph {
    let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    crate::load_graph(
        &content,
        Some("https://example.org/sub/"),
        crate::model::date(2026, 12, 7).unwrap(),
    )
    .0
    .expect("the default site checks")
}

/// The spec's output layout: `<place>/<kind folder>/<id>/`, a report on its year's page.
#[test]
fn every_entity_page_is_in_its_kind_folder() {
    let g = default_site();
    for (p, place) in g.places.iter().enumerate() {
        for (i, e) in place.entities.iter().enumerate() {
            let n = NodeId {
                place: p as u32,
                idx: i as u32,
            };
            let folder = match e.kind {
                EntityKind::Report => "follow-up",
                kind => kind.folder(),
            };
            let dir = format!("{}/{folder}/{}", place.id, e.common.id);
            assert_eq!(g.routes.entity(n), dir, "{}", e.common.source);
            assert_eq!(g.routes.entity_url(n), format!("/sub/{dir}/"));
            assert_eq!(g.routes.source(&e.common.source), Some(n));
        }
    }
}

/// Body links are resolved while files are parsed, before the table exists, by the rule
/// the table's entity folders come from: a link to an entity's file from anywhere in the
/// content, and every link of the default site's bodies to an entity, points at the page
/// the table gives that entity.
#[test]
fn body_links_point_where_the_table_puts_each_entity() {
    use crate::parse::links::{dir_of, relative_path, resolve_url, LinkContext};
    let g = default_site();
    let mut linked = 0;
    for (p, place) in g.places.iter().enumerate() {
        for n in (0..place.entities.len()).map(|i| NodeId {
            place: p as u32,
            idx: i as u32,
        }) {
            let source = &g.entity(n).common.source;
            for from in ["site.md", "x/programme.md", "x/actions/y.md"] {
                let written = relative_path(dir_of(from), source);
                let ctx = LinkContext {
                    source_rel: from,
                    prefix: "/sub/",
                };
                assert_eq!(
                    resolve_url(&written, &ctx),
                    g.routes.entity_url(n),
                    "{written}"
                );
            }
            for link in &g.entity(n).common.body_links {
                let Some(to) = link.target.as_deref().and_then(|t| g.routes.source(t)) else {
                    continue;
                };
                let path = link.written.split(['#', '?']).next().unwrap_or_default();
                let ctx = LinkContext {
                    source_rel: source,
                    prefix: "/sub/",
                };
                assert_eq!(resolve_url(path, &ctx), g.routes.entity_url(to), "{source}");
                let href = format!("href=\"{}", g.routes.entity_url(to));
                assert!(
                    g.entity(n).common.body_html.contains(&href),
                    "{source}: {href}"
                );
                linked += 1;
            }
        }
    }
    assert!(linked > 0, "the default site's bodies link to no entity");
}

#[test]
fn pages_are_unique_and_urls_carry_the_prefix() {
    let g = default_site();
    let pages = g.routes.pages(&g);
    let unique: std::collections::HashSet<&String> = pages.iter().collect();
    assert_eq!(unique.len(), pages.len(), "a page is listed twice");
    assert_eq!(pages[0], "");
    assert_eq!(g.routes.url(""), "/sub/");
    assert_eq!(g.routes.absolute("/sub/x/"), "https://example.org/sub/x/");
    let p = 0;
    assert_eq!(
        g.routes.place_url(p, PlacePage::ActionsByYear),
        format!("/sub/{}/actions/by-year/", g.places[p].id)
    );
    assert!(pages.contains(&g.routes.place_page(p, PlacePage::Kind(EntityKind::Area))));
    assert_eq!(
        g.routes.source(&format!("{}/programme.md", g.places[p].id)),
        None
    );
    assert_eq!(Routes::page_file(""), "index.html");
    assert_eq!(Routes::page_file("a/b"), "a/b/index.html");
}
