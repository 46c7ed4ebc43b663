//! What a small change re-renders: the changed entities' pages, their
//! neighbours two steps out (an action's status shows in its ambition's
//! progress, which shows on the area), the place-level pages of those places,
//! and the lists, feed, data and search index of the places whose own
//! entities changed.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use crate::graph::{self, Graph, NodeId};
use crate::render::Selection;

/// What to re-render when only existing entity files changed between `old` and `g`; None means
/// a full build.
pub(super) fn incremental(
    old: &Graph,
    g: &Graph,
    old_hashes: &HashMap<String, u64>,
    hashes: &HashMap<String, u64>,
    content: &Path,
    changed: &[PathBuf],
) -> Option<Selection> {
    if changed.is_empty() {
        return None;
    }
    let content = content.canonicalize().ok()?;
    // A change outside the content folder (the theme) needs everything.
    if changed.iter().any(|p| {
        p.canonicalize()
            .map(|c| !c.starts_with(&content))
            .unwrap_or(false)
    }) {
        return None;
    }
    if hashes.len() != old_hashes.len() || hashes.keys().any(|k| !old_hashes.contains_key(k)) {
        return None;
    }
    let dirty: Vec<&String> = hashes
        .iter()
        .filter(|(k, h)| old_hashes.get(*k) != Some(h))
        .map(|(k, _)| k)
        .collect();
    if dirty.is_empty() {
        return Some(Selection::default());
    }
    same_entities(old, g)?;
    let mut changed_nodes = Vec::new();
    let mut first: BTreeSet<NodeId> = BTreeSet::new();
    for rel in dirty {
        // The route table knows which entity a file publishes; any other file (a programme,
        // site.yaml) needs a full build.
        let n = g.routes.source(rel)?;
        let on = old.routes.source(rel)?;
        changed_nodes.push(n);
        // Changed tags may add or remove a tag page: a full build leaves no stale one.
        if old.entity(on).common.tags != g.entity(n).common.tags {
            return None;
        }
        // Neighbours in the old graph (links that were removed), found in the new one by file.
        for x in neighbours(old, on) {
            first.insert(g.routes.source(&old.entity(x).common.source)?);
        }
    }
    Some(around(g, &changed_nodes, first))
}

/// The selection for entities `changed` whose links stayed the same (plus `extra` nodes, the
/// neighbours they had before).
pub(super) fn around(g: &Graph, changed: &[NodeId], extra: BTreeSet<NodeId>) -> Selection {
    let mut sel = Selection::default();
    let mut first = extra;
    for n in changed {
        first.insert(*n);
        sel.search.insert(n.place as usize);
        sel.indexes.insert(n.place as usize);
    }
    // Two steps out: an action's status shows in its ambition's progress, which shows on the area.
    let mut nodes = first.clone();
    for n in &first {
        for m in neighbours(g, *n) {
            nodes.insert(m);
            nodes.extend(neighbours(g, m));
        }
    }
    sel.places = nodes.iter().map(|n| n.place as usize).collect();
    sel.nodes = nodes;
    sel
}

/// Some(()) when both graphs publish the same entities in every place.
fn same_entities(a: &Graph, b: &Graph) -> Option<()> {
    if a.places.len() != b.places.len() {
        return None;
    }
    for (pa, pb) in a.places.iter().zip(&b.places) {
        if pa.id != pb.id || pa.entities.len() != pb.entities.len() {
            return None;
        }
        let ids = |p: &graph::Place| {
            p.entities
                .iter()
                .map(|e| (e.kind, e.common.id.clone()))
                .collect::<BTreeSet<_>>()
        };
        if ids(pa) != ids(pb) {
            return None;
        }
    }
    Some(())
}

/// Every entity `n` links to or is linked from.
pub(super) fn neighbours(g: &Graph, n: NodeId) -> Vec<NodeId> {
    let l = g.links(n);
    l.area
        .iter()
        .chain(l.ambition.iter())
        .chain(l.strategy.iter())
        .chain(&l.measures)
        .chain(&l.ambitions)
        .chain(&l.strategies)
        .chain(&l.indicators)
        .chain(&l.actions)
        .copied()
        .collect()
}
