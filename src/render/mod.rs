//! Stage 4, render: turns the programme graph into the files of the site —
//! one page per place, area, ambition, strategy, indicator and action, the
//! action lists, search pages and indexes, open data, feeds, the sitemap, the
//! 404 and accessibility pages, and the theme's static files. Places and
//! pages render in parallel; every file goes straight to the staging folder.
//!
//! This file is the plan: which page and file jobs run for a selection. The jobs live in
//! `pages/` (HTML pages, one file per kind), `files/` (feeds, open data, search indexes,
//! sitemap) and `admin/` (the browser editor), all made with the shared `kit/`.

pub mod admin;
pub mod files;
pub mod kit;
pub mod pages;

use rayon::prelude::*;

use crate::diag::Diagnostic;
use crate::graph::routes::Routes;
use crate::graph::{Graph, NodeId};
use crate::model::EntityKind;
use crate::output::Staging;
use crate::theme::Theme;
use admin::cms;
use files::{data, feed, search, sitemap};
pub use kit::{Crumb, Renderer};
use pages::{budget, documents, followup, lists, programme, responsible, sdg, site, tags};
use pages::{yearly, yearly_site};

/// What to render: everything, or the parts a small change affects.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Render every file (theme assets and copied files included).
    pub all: bool,
    /// Places whose place-level pages change.
    pub places: std::collections::BTreeSet<usize>,
    /// Places whose action lists, data and feed change (their own actions changed).
    pub search: std::collections::BTreeSet<usize>,
    /// Places whose search index is written (`serve` writes the pages of a change first and
    /// the indexes right after).
    pub indexes: std::collections::BTreeSet<usize>,
    /// Entity pages to render.
    pub nodes: std::collections::BTreeSet<crate::graph::NodeId>,
    /// Places whose follow-up, year, documents and Agenda 2030 pages are rendered.
    pub followup: std::collections::BTreeSet<usize>,
    /// Render the site-wide pages (root index, sitemap, follow-up, documents, Agenda 2030).
    pub site: bool,
    /// When set, the search indexes are not written (work a newer change makes stale).
    pub cancel: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
}

impl Selection {
    pub fn all() -> Selection {
        Selection {
            all: true,
            ..Selection::default()
        }
    }
}

/// Renders the whole site into `out`.
pub fn render_site(
    g: &Graph,
    theme: &Theme,
    out: &Staging,
    history: Option<&crate::history::History>,
) -> Result<(), Vec<Diagnostic>> {
    render(g, theme, out, &Selection::all(), history)
}

/// A site-wide page or file.
type SiteJob = fn(&Renderer) -> Result<(), Diagnostic>;

/// Renders the selected files into `out`.
pub fn render(
    g: &Graph,
    theme: &Theme,
    out: &Staging,
    sel: &Selection,
    history: Option<&crate::history::History>,
) -> Result<(), Vec<Diagnostic>> {
    let mut r = Renderer::new(g, theme, out, history).map_err(|d| vec![d])?;
    if !sel.all {
        r.indexed = Some(sel.indexes.clone());
    }
    r.cancel = sel.cancel.clone();
    let r = r;
    let mut errors: Vec<Diagnostic> = Vec::new();
    if sel.all {
        errors.extend(copy_files(g, theme, out));
    }
    let site_jobs = site_jobs(sel);
    // Tag pages: all of them on a full build, else those of the re-rendered entities.
    errors.extend(tags::write(&r, (!sel.all).then_some(&sel.nodes)).err());
    let jobs = place_jobs(g, sel);
    // Site-wide files (the site-wide search indexes are long) beside the places' files.
    let (site_errors, place_errors) = rayon::join(
        || -> Vec<Diagnostic> {
            site_jobs
                .par_iter()
                .filter_map(|job| job(&r).err())
                .collect()
        },
        || -> Vec<Diagnostic> {
            jobs.par_iter()
                .flat_map(|(p, parts, nodes)| render_place(&r, *p, *parts, nodes.as_deref()))
                .collect()
        },
    );
    errors.extend(site_errors);
    errors.extend(place_errors);
    errors.extend(r.links.error());
    // The sitemap of a full build lists what was written, once everything is.
    if sel.all && errors.is_empty() && !r.cancelled() {
        errors.extend(sitemap::from_written(&r).err());
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// The site-wide pages and files a selection renders.
fn site_jobs(sel: &Selection) -> Vec<SiteJob> {
    let mut jobs: Vec<SiteJob> = Vec::new();
    if sel.all || sel.site {
        jobs.extend([
            site::root_index as SiteJob,
            yearly_site::pages,
            documents::site_page,
            sdg::site_page,
            budget::write_site,
        ]);
    }
    if sel.site && !sel.all {
        jobs.push(sitemap::sitemap);
    }
    if sel.all {
        jobs.extend([
            site::not_found as SiteJob,
            site::accessibility,
            pages::search::root_search,
            cms::admin,
        ]);
    }
    if sel.all || !sel.indexes.is_empty() {
        jobs.push(search::site_indexes);
    }
    jobs
}

/// The theme's static files and the `files/` folders of the site and of each place, copied.
fn copy_files(g: &Graph, theme: &Theme, out: &Staging) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for (rel, bytes) in theme.statics() {
        errors.extend(out.write(&Routes::static_file(rel), bytes).err());
        // Browsers ask for /favicon.ico of a site at the root of its host.
        if rel == "favicon.ico" {
            errors.extend(out.write(rel, bytes).err());
        }
    }
    if let Some(dir) = &g.site_files_dir {
        errors.extend(out.copy_dir(dir, "files"));
    }
    for (i, p) in g.places.iter().enumerate() {
        if let Some(dir) = &p.files_dir {
            errors.extend(out.copy_dir(dir, &g.routes.place_files(i)));
        }
    }
    errors
}

/// Per place of a selection: which place-level files, and which entity pages (None: all).
fn place_jobs(g: &Graph, sel: &Selection) -> Vec<(usize, PlaceParts, Option<Vec<u32>>)> {
    (0..g.places.len())
        .filter_map(|p| {
            if sel.all {
                return Some((
                    p,
                    PlaceParts {
                        pages: true,
                        lists: true,
                        index: true,
                        followup: true,
                    },
                    None,
                ));
            }
            let nodes: Vec<u32> = sel
                .nodes
                .iter()
                .filter(|n| n.place as usize == p)
                .map(|n| n.idx)
                .collect();
            let parts = PlaceParts {
                pages: sel.places.contains(&p),
                lists: sel.search.contains(&p),
                index: sel.indexes.contains(&p),
                followup: sel.followup.contains(&p),
            };
            (parts.pages || parts.lists || parts.index || parts.followup || !nodes.is_empty())
                .then_some((p, parts, Some(nodes)))
        })
        .collect()
}

/// Which place-level files of a place to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceParts {
    /// Programme page, lists of areas, ambitions, strategies and indicators.
    pub pages: bool,
    /// Follow-up, year, documents and Agenda 2030 pages.
    pub followup: bool,
    /// Action lists, data, feed and changes (only when the place's own entities changed).
    pub lists: bool,
    /// The search index.
    pub index: bool,
}

/// Renders the place-level pages of place `p` and the entity pages `entities` (all when None).
pub fn render_place(
    r: &Renderer,
    p: usize,
    parts: PlaceParts,
    entities: Option<&[u32]>,
) -> Vec<Diagnostic> {
    let g = r.g;
    let place = &g.places[p];
    // One list of events for the programme page, the feed and the changes page.
    let events = if parts.pages || parts.lists || parts.followup {
        crate::render::kit::events::place_events(r, p)
    } else {
        Vec::new()
    };
    let jobs = place_level_jobs(r, p, parts, &events);
    let all: Vec<u32>;
    let list = match entities {
        Some(l) => l,
        None => {
            all = (0..place.entities.len() as u32).collect();
            &all
        }
    };
    // Place-level files and entity pages side by side, so that neither waits for the other.
    let (mut errors, entity_errors) = rayon::join(
        || -> Vec<Diagnostic> { jobs.par_iter().filter_map(|job| job().err()).collect() },
        || -> Vec<Diagnostic> {
            list.par_iter()
                // A report is shown on the follow-up page of its year.
                .filter(|i| place.entities[**i as usize].kind != EntityKind::Report)
                .filter_map(|i| {
                    programme::entity_page(
                        r,
                        NodeId {
                            place: p as u32,
                            idx: *i,
                        },
                    )
                    .err()
                })
                .collect()
        },
    );
    errors.extend(entity_errors);
    errors
}

/// A place-level page or file to write.
type Job<'a> = Box<dyn Fn() -> Result<(), Diagnostic> + Send + Sync + 'a>;

/// The place-level pages and files of place `p` that `parts` names, longest first.
fn place_level_jobs<'a>(
    r: &'a Renderer,
    p: usize,
    parts: PlaceParts,
    events: &'a [crate::render::kit::events::Event],
) -> Vec<Job<'a>> {
    let mut jobs: Vec<Job> = Vec::new();
    if parts.pages {
        jobs.push(Box::new(move || programme::programme_page(r, p, events)));
        for kind in [
            EntityKind::Area,
            EntityKind::Ambition,
            EntityKind::Strategy,
            EntityKind::Indicator,
        ] {
            jobs.push(Box::new(move || programme::kind_index(r, p, kind)));
        }
    }
    if parts.followup {
        jobs.push(Box::new(move || followup::follow_up_page(r, p)));
        jobs.push(Box::new(move || yearly::year_pages(r, p, events)));
        jobs.push(Box::new(move || documents::place_page(r, p)));
        jobs.push(Box::new(move || responsible::pages(r, p)));
        jobs.push(Box::new(move || sdg::place_page(r, p)));
    }
    if parts.lists {
        jobs.push(Box::new(move || lists::action_lists(r, p)));
        jobs.push(Box::new(move || {
            crate::render::pages::search::search_page(r, p)
        }));
        jobs.push(Box::new(move || data::write_place(r, p)));
        jobs.push(Box::new(move || {
            crate::render::pages::budget::write_place(r, p)
        }));
        jobs.push(Box::new(move || {
            feed::write_place(r, p, events)?;
            followup::changes_page(r, p, events)
        }));
    }
    if parts.index {
        jobs.push(Box::new(move || {
            crate::render::files::search::place_index(r, p)
        }));
    }
    // The search index is the longest job: start it first.
    jobs.reverse();
    jobs
}
