//! Incremental builds for `serve`: keeps the parsed files and the last good
//! graph between builds, so that saving one file re-parses only that file
//! and re-renders only the pages it affects (its own page, the pages that
//! link to it or that it links to, and the place-level pages of those
//! places), written in place into the served folder. Anything larger (a
//! file added or removed, site.yaml, the theme, a draft published) falls
//! back to a full build with the atomic swap.

mod patch;
mod reparse;
mod select;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

use crate::diag::Diagnostic;
use crate::graph::Graph;
use crate::load::SourceFile;
use crate::model::EntityKind;
use crate::output::Staging;
use crate::parse::{ParseCache, Parsed};
use crate::render::{self, Selection};
use crate::theme::Theme;
use crate::{pipeline, BuildOptions, BuildStats};

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
    /// The theme of the last full build, its templates parsed once (a theme change is a full
    /// build).
    theme: Option<Theme>,
    /// Every diagnostic of the last good build, sorted.
    diags: Vec<Diagnostic>,
    /// What the last incremental build left for [`Session::finish`].
    pending: Option<Selection>,
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
            theme: None,
            diags: Vec::new(),
            pending: None,
        }
    }

    /// The content folder.
    pub fn content(&self) -> &std::path::Path {
        &self.opts.content
    }

    /// Builds after `changed` paths changed (none for the first build): incrementally when only
    /// existing entity files changed, else in full. Everything is written when it returns.
    pub fn build(&mut self, changed: &[PathBuf]) -> (Option<(BuildStats, Mode)>, Vec<Diagnostic>) {
        let (stats, mut diags) = self.build_visible(changed);
        diags.extend(self.finish());
        (stats, diags)
    }

    /// Like [`Session::build`], but an incremental build leaves the search indexes of the places
    /// it touched for [`Session::finish`], so that the changed pages are on disk (and can be
    /// reloaded) as soon as possible.
    pub fn build_visible(
        &mut self,
        changed: &[PathBuf],
    ) -> (Option<(BuildStats, Mode)>, Vec<Diagnostic>) {
        if let Some(done) = self.patch(changed) {
            return done;
        }
        // A build supersedes what an earlier one left to do.
        let pending = self.pending.take();
        let start = Instant::now();
        let (parsed, mut diags, hashes) = match self.quick_parse(changed) {
            Some(quick) => quick,
            None => match self.full_parse() {
                Ok(full) => full,
                Err(diags) => {
                    self.pending = pending;
                    return (None, diags);
                }
            },
        };
        let Some(g) = pipeline::graph(parsed, self.opts.today, &mut diags) else {
            self.pending = pending;
            return (None, diags);
        };
        let t = Instant::now();
        let selection = self.selection(&g, &hashes, changed);
        let t = crate::timing::lap("select", t);
        let incremental = selection.is_some();
        let result = match selection {
            Some(sel) => self.render_selection(&g, sel, pending),
            None => self.render_full(&g, &mut diags),
        };
        crate::timing::lap("render", t);
        let pages = match result {
            Ok(pages) => pages,
            Err(e) => {
                diags.extend(e);
                return (None, diags);
            }
        };
        let mode = if incremental {
            Mode::Incremental(pages)
        } else {
            Mode::Full
        };
        let stats = BuildStats {
            places: g.places.len(),
            pages,
            millis: start.elapsed().as_millis(),
        };
        self.last = Some(g);
        self.hashes = hashes;
        self.diags = diags.clone();
        (Some((stats, mode)), diags)
    }

    /// The pages of `g` (with content `hashes`) to render again after `changed`, when the
    /// served folder holds the last good build; None when the build is to be a full one.
    fn selection(
        &self,
        g: &Graph,
        hashes: &HashMap<String, u64>,
        changed: &[PathBuf],
    ) -> Option<Selection> {
        match (
            &self.last,
            self.opts.output.join(crate::output::MARKER).exists(),
        ) {
            (Some(old), true) => {
                select::incremental(old, g, &self.hashes, hashes, &self.opts.content, changed)
            }
            _ => None,
        }
    }

    /// Renders `sel` in place now, leaving what can wait (with what `pending` an earlier build
    /// left) for [`Session::finish`].
    fn render_selection(
        &mut self,
        g: &Graph,
        mut sel: Selection,
        pending: Option<Selection>,
    ) -> Result<usize, Vec<Diagnostic>> {
        let later = defer(&mut sel, pending);
        let r = self.render_in_place(g, &sel);
        self.pending = (!later.indexes.is_empty() || later.site).then_some(later);
        r
    }

    /// Writes all of `g` with the atomic swap, reading the git history and the theme again (a
    /// warning about the history goes to `diags`).
    fn render_full(
        &mut self,
        g: &Graph,
        diags: &mut Vec<Diagnostic>,
    ) -> Result<usize, Vec<Diagnostic>> {
        let content = self.opts.content.clone();
        let (history, warning) = crate::read_history(&content);
        diags.extend(warning);
        self.history = history;
        self.theme = None;
        match Theme::load(g.site.theme.as_deref(), &content) {
            Ok(theme) => {
                let r = pipeline::write(
                    g,
                    &theme,
                    &self.opts.output,
                    self.history.as_ref(),
                    self.opts.gzip,
                );
                self.theme = Some(theme);
                r
            }
            Err(d) => Err(vec![d]),
        }
    }

    /// Writes what the last build left to do (the follow-up, documents and Agenda 2030 pages,
    /// the site-wide pages, and the search indexes of the places it touched and of their
    /// languages).
    pub fn finish(&mut self) -> Vec<Diagnostic> {
        self.finish_unless(&Arc::new(AtomicBool::new(false)))
    }

    /// Like [`Session::finish`], but stops when `stale` is set (a newer change arrived): what is
    /// left stays pending and is done with the next build.
    pub fn finish_unless(&mut self, stale: &Arc<AtomicBool>) -> Vec<Diagnostic> {
        let (Some(mut sel), Some(g)) = (self.pending.take(), self.last.as_ref()) else {
            return Vec::new();
        };
        let t = Instant::now();
        // The pages first, then the indexes.
        let pages = Selection {
            followup: std::mem::take(&mut sel.followup),
            site: std::mem::take(&mut sel.site),
            ..Selection::default()
        };
        if let Err(e) = self.render_in_place(g, &pages) {
            return e;
        }
        let t = crate::timing::lap("later", t);
        if stale.load(Ordering::Relaxed) {
            self.pending = Some(sel);
            return Vec::new();
        }
        sel.cancel = Some(stale.clone());
        let r = self.render_in_place(g, &sel);
        crate::timing::lap("indexes", t);
        if stale.load(Ordering::Relaxed) {
            sel.cancel = None;
            self.pending = Some(sel);
            return Vec::new();
        }
        r.err().unwrap_or_default()
    }

    /// Renders `sel` straight into the served folder, with the theme of the last full build.
    fn render_in_place(&self, g: &Graph, sel: &Selection) -> Result<usize, Vec<Diagnostic>> {
        let loaded;
        let theme = match &self.theme {
            Some(t) => t,
            None => {
                loaded = Theme::load(g.site.theme.as_deref(), &self.opts.content)
                    .map_err(|d| vec![d])?;
                &loaded
            }
        };
        let mut out = Staging::in_place(&self.opts.output);
        out.gzip = self.opts.gzip;
        render::render(g, theme, &out, sel, self.history.as_ref())?;
        Ok(out.page_count())
    }
}

/// Moves out of `sel` what can wait for [`Session::finish`] (the follow-up, documents and Agenda
/// 2030 pages of its places, the site-wide pages, the search indexes), joined with what an
/// earlier build left to do.
/// The real path of a saved file and its path below the content folder `root` (with `/`);
/// None for a file outside it.
pub(super) fn in_content(
    root: &std::path::Path,
    path: &std::path::Path,
) -> Option<(PathBuf, String)> {
    let abs = path.canonicalize().ok()?;
    let rel = abs
        .strip_prefix(root)
        .ok()?
        .to_string_lossy()
        .replace('\\', "/");
    Some((abs, rel))
}

fn defer(sel: &mut Selection, earlier: Option<Selection>) -> Selection {
    let mut later = Selection {
        indexes: std::mem::take(&mut sel.indexes),
        followup: sel.places.clone(),
        site: true,
        ..Selection::default()
    };
    if let Some(e) = earlier {
        later.indexes.extend(e.indexes);
        later.followup.extend(e.followup);
    }
    later
}
