//! Incremental builds for `serve`: keeps the parsed files and the last good
//! graph between builds, so that saving one file re-parses only that file
//! and re-renders only the pages it affects (its own page, the pages that
//! link to it or that it links to, and the place-level pages of those
//! places), written in place into the served folder. Anything larger (a
//! file added or removed, site.yaml, the theme, a draft published) falls
//! back to a full build with the atomic swap.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::time::Instant;

use crate::diag::{self, Diagnostic};
use crate::graph::{self, Graph, NodeId};
use crate::output::Staging;
use crate::parse::{self, ParseCache};
use crate::render::{self, theme::Theme, Selection};
use crate::{BuildOptions, BuildStats};

/// State kept between the builds of one `serve` run.
pub struct Session {
    opts: BuildOptions,
    cache: ParseCache,
    last: Option<Graph>,
    /// Hash of every content file of the last good build, by path relative to the content folder.
    hashes: HashMap<String, u64>,
    /// Git history, read on full builds (saves do not change it; commits do).
    history: Option<crate::history::History>,
}

/// How a build went about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Full,
    /// Only this many entity pages (plus place-level pages) were rendered.
    Incremental(usize),
}

impl Session {
    pub fn new(opts: BuildOptions) -> Session {
        Session {
            opts,
            cache: ParseCache::new(),
            last: None,
            hashes: HashMap::new(),
            history: None,
        }
    }

    /// The mode of the last successful build.
    pub fn build(&mut self, changed: &[PathBuf]) -> (Option<(BuildStats, Mode)>, Vec<Diagnostic>) {
        let start = Instant::now();
        let content = self.opts.content.clone();
        let (sources, mut diags) = crate::load::load(&content);
        if diags
            .iter()
            .any(|d| d.is_error() && d.kind == diag::Kind::Io)
        {
            return (None, diags);
        }
        let (parsed, d) = parse::parse_cached(
            &sources,
            self.opts.base_url.as_deref(),
            Some(&mut self.cache),
        );
        diags.extend(d);
        let Some(parsed) = parsed else {
            diag::sort(&mut diags);
            return (None, diags);
        };
        let prefix = parsed.prefix.clone();
        let (g, d) = graph::build(parsed, graph::today());
        diags.extend(d);
        let g = match g {
            Some(g) if !diag::has_errors(&diags) => g,
            _ => {
                diag::sort(&mut diags);
                return (None, diags);
            }
        };
        diags.extend(graph::warnings::collect(&g));
        diag::sort(&mut diags);
        let hashes: HashMap<String, u64> = sources
            .places
            .iter()
            .flat_map(|p| p.programme.iter().chain(p.entities.iter().map(|(_, s)| s)))
            .chain(sources.site.iter())
            .map(|s| (s.rel.clone(), parse::text_hash(&s.text, &prefix)))
            .collect();
        let selection = self.incremental_selection(&g, &hashes, changed);
        let result = match &selection {
            Some(sel) => Theme::load(g.site.theme.as_deref(), &content)
                .map_err(|d| vec![d])
                .and_then(|theme| {
                    render::render(
                        &g,
                        &theme,
                        &Staging::in_place(&self.opts.output),
                        sel,
                        self.history.as_ref(),
                    )
                }),
            None => {
                let (history, warning) = crate::read_history(&content);
                diags.extend(warning);
                self.history = history;
                crate::write_site(&g, &content, &self.opts.output, self.history.as_ref())
            }
        };
        if let Err(e) = result {
            diags.extend(e);
            return (None, diags);
        }
        let mode = match &selection {
            Some(sel) => Mode::Incremental(sel.nodes.len()),
            None => Mode::Full,
        };
        let stats = BuildStats {
            places: g.places.len(),
            pages: g
                .places
                .iter()
                .map(|p| p.entities.len() + 12)
                .sum::<usize>()
                + 4,
            millis: start.elapsed().as_millis(),
        };
        self.last = Some(g);
        self.hashes = hashes;
        (Some((stats, mode)), diags)
    }

    /// What to re-render when only existing entity files changed; None means a full build.
    fn incremental_selection(
        &self,
        g: &Graph,
        hashes: &HashMap<String, u64>,
        changed: &[PathBuf],
    ) -> Option<Selection> {
        let old = self.last.as_ref()?;
        if changed.is_empty() || !self.opts.output.join(crate::output::MARKER).exists() {
            return None;
        }
        let content = self.opts.content.canonicalize().ok()?;
        // A change outside the content folder (the theme) needs everything.
        if changed.iter().any(|p| {
            p.canonicalize()
                .map(|c| !c.starts_with(&content))
                .unwrap_or(false)
        }) {
            return None;
        }
        if hashes.len() != self.hashes.len() || hashes.keys().any(|k| !self.hashes.contains_key(k))
        {
            return None;
        }
        let dirty: Vec<&String> = hashes
            .iter()
            .filter(|(k, h)| self.hashes.get(*k) != Some(h))
            .map(|(k, _)| k)
            .collect();
        if dirty.is_empty() {
            return Some(Selection::default());
        }
        same_entities(old, g)?;
        let mut sel = Selection::default();
        let mut first: BTreeSet<NodeId> = BTreeSet::new();
        for rel in dirty {
            let (place_id, rest) = rel.split_once('/')?;
            if rest == "programme.md" || !rest.contains('/') {
                return None;
            }
            let id = rest.rsplit('/').next()?.strip_suffix(".md")?;
            let p = g.places.iter().position(|pl| pl.id == place_id)?;
            let idx = g.places[p].get(id)?;
            let n = NodeId {
                place: p as u32,
                idx,
            };
            first.insert(n);
            sel.search.insert(p);
            // Neighbours in the old graph, mapped to the new one (links that were removed).
            let op = old.places.iter().position(|pl| pl.id == place_id)?;
            let oidx = old.places[op].get(id)?;
            for on in neighbours(
                old,
                NodeId {
                    place: op as u32,
                    idx: oidx,
                },
            ) {
                let oe = old.entity(on);
                let np = g.places.iter().position(|pl| pl.id == old.place(on).id)?;
                first.insert(NodeId {
                    place: np as u32,
                    idx: g.places[np].get(&oe.common.id)?,
                });
            }
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
        Some(sel)
    }
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
fn neighbours(g: &Graph, n: NodeId) -> Vec<NodeId> {
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
