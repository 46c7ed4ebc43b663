//! The quickest rebuild, for the most common save: an entity's text, title,
//! status or dates changed, but not what it refers to (its references and
//! the targets of its body links), whether it is a draft, nor its place in the
//! sorted lists. Then the links of the last graph
//! still hold: the new entity replaces the old one in place, only its own
//! warnings are worked out again, and the pages around it are rendered
//! (search indexes left for [`Session::finish`]). Any other save takes the
//! longer way, where the whole graph is resolved again.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Instant;

use super::{in_content, select, Mode, Session};
use crate::diag::{self, Diagnostic};
use crate::graph::{self, NodeId};
use crate::load::SourceFile;
use crate::model::{Entity, EntityKind};
use crate::parse;
use crate::BuildStats;

/// A result of [`Session::build_visible`].
type Built = (Option<(BuildStats, Mode)>, Vec<Diagnostic>);

/// One changed file that can be swapped in.
struct Edit {
    rel: String,
    hash: u64,
    node: NodeId,
    entity: Entity,
    diags: Vec<Diagnostic>,
}

impl Session {
    /// Rebuilds by swapping the changed entities into the last graph, when every changed file
    /// allows it; None when the longer way is needed.
    pub(super) fn patch(&mut self, changed: &[PathBuf]) -> Option<Built> {
        let start = Instant::now();
        let edits = self.edits(changed)?;
        let t = crate::timing::lap("parse", start);
        let g = self.last.as_mut()?;
        let paths: BTreeSet<PathBuf> = edits
            .iter()
            .map(|e| self.opts.content.join(&e.rel))
            .collect();
        let mut diags = std::mem::take(&mut self.diags);
        diags.retain(|d| d.path.as_ref().is_none_or(|p| !paths.contains(p)));
        let mut nodes = Vec::new();
        for e in edits {
            self.cache.insert(
                e.rel.clone(),
                (e.hash, Some(e.entity.clone()), e.diags.clone()),
            );
            self.hashes.insert(e.rel, e.hash);
            diags.extend(e.diags);
            g.places[e.node.place as usize].entities[e.node.idx as usize] = e.entity;
            nodes.push(e.node);
        }
        let g = self.last.as_ref()?;
        diags.extend(
            nodes
                .iter()
                .filter_map(|n| graph::warnings::of_entity(g, *n)),
        );
        diag::sort(&mut diags);
        // The same pages as the longer way renders: its neighbours, and two steps out from them.
        let near: BTreeSet<NodeId> = nodes
            .iter()
            .flat_map(|n| select::neighbours(g, *n))
            .collect();
        let mut sel = select::around(g, &nodes, near);
        let later = super::defer(&mut sel, self.pending.take());
        let t = crate::timing::lap("graph", t);
        let result = self.render_in_place(g, &sel);
        crate::timing::lap("render", t);
        self.pending = Some(later);
        let places = g.places.len();
        self.diags = diags.clone();
        match result {
            Ok(pages) => {
                let stats = BuildStats {
                    places,
                    pages,
                    millis: start.elapsed().as_millis(),
                };
                Some((Some((stats, Mode::Incremental(pages))), diags))
            }
            Err(e) => {
                // Writing failed half-way: the next build starts afresh.
                self.last = None;
                self.pending = None;
                diags.extend(e);
                Some((None, diags))
            }
        }
    }

    /// The changed files as edits that can be swapped in; None if any cannot.
    fn edits(&self, changed: &[PathBuf]) -> Option<Vec<Edit>> {
        let sk = self.skeleton.as_ref()?;
        let g = self.last.as_ref()?;
        if changed.is_empty()
            || self.theme.is_none()
            || !self.opts.output.join(crate::output::MARKER).exists()
        {
            return None;
        }
        let root = self.opts.content.canonicalize().ok()?;
        let mut edits = Vec::new();
        for path in changed {
            let (abs, rel) = in_content(&root, path)?;
            let kind = *sk.kinds.get(&rel)?;
            if kind == EntityKind::Programme {
                return None;
            }
            let text = std::fs::read_to_string(&abs).ok()?;
            let text = text
                .strip_prefix('\u{feff}')
                .map(str::to_string)
                .unwrap_or(text);
            let hash = parse::text_hash(&text, &g.prefix);
            if self.hashes.get(&rel) == Some(&hash) {
                continue;
            }
            let src = SourceFile {
                rel: rel.clone(),
                display: self.opts.content.join(&rel),
                text,
            };
            let (entity, diags) = parse::parse_file(kind, &src, &g.prefix, self.opts.today);
            if diags.iter().any(Diagnostic::is_error) {
                return None;
            }
            let entity = entity?;
            let place_id = rel.split('/').next()?;
            let p = g.places.iter().position(|pl| pl.id == place_id)?;
            let idx = g.places[p].get(&entity.common.id)?;
            if !fits(&g.places[p].entities, idx as usize, &entity) {
                return None;
            }
            edits.push(Edit {
                rel,
                hash,
                node: NodeId {
                    place: p as u32,
                    idx,
                },
                entity,
                diags,
            });
        }
        (!edits.is_empty()).then_some(edits)
    }
}

/// True when `new` can take the place of entity `i` of a place's sorted `entities` without
/// changing any link or the order. Body links count: their targets were checked against the
/// content tree when the graph was built, which this way does not do again.
fn fits(entities: &[Entity], i: usize, new: &Entity) -> bool {
    let old = &entities[i];
    let body_links = |e: &Entity| {
        e.common
            .body_links
            .iter()
            .map(|l| (l.image, l.target.clone()))
            .collect::<Vec<_>>()
    };
    let refs = |e: &Entity| {
        graph::refs_of(e)
            .into_iter()
            .map(|r| (r.place.clone(), r.id.clone()))
            .collect::<Vec<_>>()
    };
    old.kind == new.kind
        && old.common.id == new.common.id
        && old.common.source == new.common.source
        && !new.common.draft
        // Changed tags may add or remove a tag page: the longer way leaves no stale one.
        && old.common.tags == new.common.tags
        && refs(old) == refs(new)
        && body_links(old) == body_links(new)
        && (i == 0 || sort_key(&entities[i - 1]) < sort_key(new))
        && entities
            .get(i + 1)
            .is_none_or(|next| sort_key(new) < sort_key(next))
}

/// The order of a place's entities in the graph (as the graph sorts them).
fn sort_key(e: &Entity) -> (EntityKind, &Option<crate::model::Order>, &str, &str) {
    (e.kind, &e.common.order, &e.common.title, &e.common.id)
}
