//! The responsible bodies of a place (v3): names whose slugs are equal (the slug rule of tags)
//! are one body, shown in the spelling used most, with the actions it carries out.

use std::collections::BTreeMap;

use crate::graph::{Graph, NodeId};
use crate::model::EntityKind;

/// The slug of a responsible body's page.
pub use crate::util::slug::slug_or_x as slug;

/// A responsible body of a place and the actions it carries out.
#[derive(Debug)]
pub struct Body {
    pub name: String,
    pub slug: String,
    pub actions: Vec<NodeId>,
}

/// The responsible bodies of place `p`, by name (computed once, with the graph).
pub fn bodies(g: &Graph, p: usize) -> &[Body] {
    &g.bodies[p]
}

/// Finds the responsible bodies of place `p` in its actions.
pub(super) fn collect(g: &Graph, p: usize) -> Vec<Body> {
    let mut by_slug: BTreeMap<String, (BTreeMap<&str, usize>, Vec<NodeId>)> = BTreeMap::new();
    for n in g.nodes_of(p, EntityKind::Action) {
        let Some(a) = g.entity(n).action() else {
            continue;
        };
        for who in &a.responsible {
            let who = who.trim();
            let entry = by_slug.entry(slug(who)).or_default();
            *entry.0.entry(who).or_default() += 1;
            if !entry.1.contains(&n) {
                entry.1.push(n);
            }
        }
    }
    let mut out: Vec<Body> = by_slug
        .into_iter()
        .map(|(slug, (names, actions))| {
            let name = names
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(n, _)| n.to_string())
                .unwrap_or_default();
            Body {
                name,
                slug,
                actions,
            }
        })
        .collect();
    out.sort_by(|a, b| (a.name.to_lowercase(), &a.slug).cmp(&(b.name.to_lowercase(), &b.slug)));
    out
}
