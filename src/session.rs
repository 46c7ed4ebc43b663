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
use crate::load::SourceFile;
use crate::model::EntityKind;
use crate::output::Staging;
use crate::parse::{self, ParseCache, Parsed, ParsedPlace};
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
    /// The shape of the content tree at the last full read.
    skeleton: Option<Skeleton>,
}

/// What a quick rebuild needs to know of the tree without reading it again.
struct Skeleton {
    site: SourceFile,
    load_diags: Vec<Diagnostic>,
    files_dir: Option<PathBuf>,
    /// Place id, its files folder, and its content files with their kind.
    places: Vec<PlaceFiles>,
    kinds: HashMap<String, EntityKind>,
}

/// A place id, its `files/` folder, and its content files with their kind.
type PlaceFiles = (String, Option<PathBuf>, Vec<(EntityKind, String)>);

type Prepared = (Option<Parsed>, Vec<Diagnostic>, HashMap<String, u64>);

/// How a build went about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Full,
    /// Only this many pages were rendered.
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
            skeleton: None,
        }
    }

    /// The content folder.
    pub fn content(&self) -> &std::path::Path {
        &self.opts.content
    }

    /// Reads and parses the whole tree (reusing parse results of unchanged files).
    fn full_parse(&mut self) -> Result<Prepared, Vec<Diagnostic>> {
        let (sources, load_diags) = crate::load::load(&self.opts.content);
        if load_diags
            .iter()
            .any(|d| d.is_error() && d.kind == diag::Kind::Io)
        {
            return Err(load_diags);
        }
        let mut diags = load_diags.clone();
        let (parsed, d) = parse::parse_cached(
            &sources,
            self.opts.base_url.as_deref(),
            Some(&mut self.cache),
        );
        diags.extend(d);
        let prefix = parsed
            .as_ref()
            .map(|p| p.prefix.clone())
            .unwrap_or_default();
        let hashes = sources
            .places
            .iter()
            .flat_map(|p| p.programme.iter().chain(p.entities.iter().map(|(_, s)| s)))
            .chain(sources.site.iter())
            .map(|s| (s.rel.clone(), parse::text_hash(&s.text, &prefix)))
            .collect();
        self.skeleton = sources.site.clone().map(|site| {
            let places: Vec<_> = sources
                .places
                .iter()
                .map(|p| {
                    let files = p
                        .programme
                        .iter()
                        .map(|s| (EntityKind::Programme, s.rel.clone()))
                        .chain(p.entities.iter().map(|(k, s)| (*k, s.rel.clone())))
                        .collect::<Vec<_>>();
                    (p.id.clone(), p.files_dir.clone(), files)
                })
                .collect();
            let kinds = places
                .iter()
                .flat_map(|(_, _, f)| f.iter().map(|(k, r)| (r.clone(), *k)))
                .collect();
            Skeleton {
                site,
                load_diags,
                files_dir: sources.files_dir.clone(),
                places,
                kinds,
            }
        });
        Ok((parsed, diags, hashes))
    }

    /// Re-reads only the changed files when every one is a content file known from the last
    /// build; None when anything else changed (then the tree is read again).
    fn quick_parse(&mut self, changed: &[PathBuf]) -> Option<Prepared> {
        let sk = self.skeleton.as_ref()?;
        self.last.as_ref()?;
        if changed.is_empty() {
            return None;
        }
        let root = self.opts.content.canonicalize().ok()?;
        let (site, site_diags) = parse::site::parse(&sk.site, self.opts.base_url.as_deref());
        let site = site?;
        let prefix = parse::site::base_path(&site.base_url)?;
        let mut hashes = self.hashes.clone();
        let mut fresh = Vec::new();
        for path in changed {
            let abs = path.canonicalize().ok()?;
            let rel = abs
                .strip_prefix(&root)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            let kind = *sk.kinds.get(&rel)?;
            let text = std::fs::read_to_string(&abs).ok()?;
            let text = text
                .strip_prefix('\u{feff}')
                .map(str::to_string)
                .unwrap_or(text);
            let src = SourceFile {
                rel: rel.clone(),
                display: self.opts.content.join(&rel),
                text,
            };
            let h = parse::text_hash(&src.text, &prefix);
            let (e, d) = parse::parse_file(kind, &src, &prefix);
            fresh.push((rel.clone(), (h, e, d)));
            hashes.insert(rel, h);
        }
        self.cache.extend(fresh);
        let mut diags = sk.load_diags.clone();
        diags.extend(site_diags);
        let mut places = Vec::new();
        let mut unreadable = Vec::new();
        for (id, files_dir, files) in &sk.places {
            let mut place = ParsedPlace {
                id: id.clone(),
                programme: None,
                entities: Vec::new(),
                files_dir: files_dir.clone(),
            };
            for (kind, rel) in files {
                let (_, entity, d) = self.cache.get(rel)?;
                diags.extend(d.iter().cloned());
                match (entity, kind) {
                    (Some(e), EntityKind::Programme) => place.programme = Some(e.clone()),
                    (Some(e), _) => place.entities.push(e.clone()),
                    (None, EntityKind::Programme) => unreadable.push((id.clone(), id.clone())),
                    (None, _) => {
                        let stem = rel
                            .rsplit('/')
                            .next()
                            .unwrap_or_default()
                            .trim_end_matches(".md");
                        unreadable.push((id.clone(), stem.to_string()));
                    }
                }
            }
            places.push(place);
        }
        let parsed = Parsed {
            site,
            prefix,
            places,
            files_dir: sk.files_dir.clone(),
            unreadable,
        };
        Some((Some(parsed), diags, hashes))
    }

    /// Builds after `changed` paths changed (none for the first build): incrementally when only
    /// existing entity files changed, else in full.
    pub fn build(&mut self, changed: &[PathBuf]) -> (Option<(BuildStats, Mode)>, Vec<Diagnostic>) {
        let start = Instant::now();
        let content = self.opts.content.clone();
        let (parsed, mut diags, hashes) = match self.quick_parse(changed) {
            Some(quick) => quick,
            None => match self.full_parse() {
                Ok(full) => full,
                Err(diags) => return (None, diags),
            },
        };
        let t = crate::timing::lap("parse", start);
        let Some(parsed) = parsed else {
            diag::sort(&mut diags);
            return (None, diags);
        };
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
        let t = crate::timing::lap("graph", t);
        let selection = self.incremental_selection(&g, &hashes, changed);
        let t = crate::timing::lap("select", t);
        let result = match &selection {
            Some(sel) => Theme::load(g.site.theme.as_deref(), &content)
                .map_err(|d| vec![d])
                .and_then(|theme| {
                    let out = Staging::in_place(&self.opts.output);
                    render::render(&g, &theme, &out, sel, self.history.as_ref())?;
                    Ok(out.page_count())
                }),
            None => {
                let (history, warning) = crate::read_history(&content);
                diags.extend(warning);
                self.history = history;
                crate::write_site(&g, &content, &self.opts.output, self.history.as_ref())
            }
        };
        crate::timing::lap("render", t);
        let pages = match result {
            Ok(pages) => pages,
            Err(e) => {
                diags.extend(e);
                return (None, diags);
            }
        };
        let mode = match &selection {
            Some(_) => Mode::Incremental(pages),
            None => Mode::Full,
        };
        let stats = BuildStats {
            places: g.places.len(),
            pages,
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
