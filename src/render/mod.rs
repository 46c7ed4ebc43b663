//! Stage 4, render: turns the programme graph into the files of the site —
//! one page per place, area, ambition, strategy, indicator and action, the
//! action lists, search pages and indexes, open data, feeds, the sitemap, the
//! 404 and accessibility pages, and the theme's static files. Places and
//! pages render in parallel; every file goes straight to the staging folder.

mod asof;
mod budget;
pub mod chart;
mod cms;
mod cms_fields;
pub mod data;
mod documents;
pub mod feed;
mod followup;
mod lists;
mod pages;
mod responsible;
mod revision;
pub mod sdg;
mod search;
mod site_pages;
mod tags;
mod timeline;
pub mod view;
mod yearly;
mod yearly_site;

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;
use serde::Serialize;
use serde_json::json;

use crate::diag::Diagnostic;
use crate::graph::Graph;
use crate::model::{Common, Lang};
use crate::output::Staging;
use crate::theme::i18n::Strings;
use crate::theme::Theme;

/// A step in the breadcrumb trail.
#[derive(Debug, Clone, Serialize)]
pub struct Crumb {
    pub title: String,
    pub url: String,
}

/// What every page template receives besides its own data.
pub struct Renderer<'a> {
    pub g: &'a Graph,
    pub tera: &'a tera::Tera,
    /// Strings per place (by place index).
    pub strings: Vec<Strings>,
    /// Strings of the site language, for site-wide pages.
    pub site_strings: Strings,
    pub out: &'a Staging,
    /// Git history of the content files, when the content is in a repository.
    pub history: Option<&'a crate::history::History>,
    /// True when the git history behind the content is incomplete (shallow clone).
    pub history_incomplete: bool,
    base: Vec<tera::Context>,
    site_base: tera::Context,
    /// Tells this renderer's contexts apart from an earlier one's in [`CONTEXTS`].
    id: u64,
    /// Places whose search indexes are written (None: every place); the site-wide index of a
    /// language is written when one of its places is.
    pub indexed: Option<std::collections::BTreeSet<usize>>,
    /// Set when the indexes being built are stale: they are then not written.
    pub cancel: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
    /// Per place, the text its search indexes are built from, once analysed.
    search_text: search::TextCache<'a>,
    /// Links to entities, made once each.
    pub links: view::LinkCache,
}

static NEXT_RENDERER: AtomicU64 = AtomicU64::new(0);

thread_local! {
    /// Per worker thread, the shared part of a page's context (strings, site, place) copied
    /// once per renderer and place, not once per page: a page only replaces `page` and `data`.
    static CONTEXTS: RefCell<Vec<(u64, Option<usize>, tera::Context)>> = const { RefCell::new(Vec::new()) };
}

impl<'a> Renderer<'a> {
    pub fn new(
        g: &'a Graph,
        theme: &'a Theme,
        out: &'a Staging,
        history: Option<&'a crate::history::History>,
    ) -> Result<Self, Diagnostic> {
        let tera = theme.tera()?;
        let site_lang = g.site.language.unwrap_or(Lang::Sv);
        let mut cache: Vec<(Lang, Strings)> = Vec::new();
        let mut get = |lang: Lang| -> Result<Strings, Diagnostic> {
            if let Some((_, s)) = cache.iter().find(|(l, _)| *l == lang) {
                return Ok(s.clone());
            }
            let s = Strings::load(theme, lang, &g.site)?;
            cache.push((lang, s.clone()));
            Ok(s)
        };
        let site_strings = get(site_lang)?;
        let strings = g
            .places
            .iter()
            .map(|p| get(p.lang))
            .collect::<Result<Vec<_>, _>>()?;
        let site = json!({
            "title": g.site.title,
            "description": g.site.description,
            "prefix": g.prefix,
            "static": format!("{}static/", g.prefix),
            "has_places": !g.places.is_empty(),
        });
        let mk = |s: &Strings, place: serde_json::Value| {
            let mut c = tera::Context::new();
            c.insert("lang", s.lang.code());
            c.insert("t", &s.map);
            c.insert("site", &site);
            c.insert("place", &place);
            c
        };
        let base = g
            .places
            .iter()
            .enumerate()
            .map(|(i, _)| mk(&strings[i], pages::place_header(g, &strings[i], i)))
            .collect();
        let site_base = mk(&site_strings, serde_json::Value::Null);
        Ok(Renderer {
            g,
            tera,
            strings,
            site_strings,
            out,
            history,
            history_incomplete: history.is_some_and(|h| h.shallow),
            base,
            site_base,
            id: NEXT_RENDERER.fetch_add(1, Ordering::Relaxed),
            indexed: None,
            cancel: None,
            search_text: g.places.iter().map(|_| Default::default()).collect(),
            links: view::LinkCache::new(g),
        })
    }

    /// Renders `template` with the shared context of `place` (the site's when None) plus the
    /// page's own `page` and `data`, moved in without a copy.
    fn render(
        &self,
        template: &str,
        place: Option<usize>,
        page: serde_json::Value,
        data: serde_json::Value,
    ) -> tera::Result<Vec<u8>> {
        let cached = CONTEXTS.with(|c| {
            let mut c = c.borrow_mut();
            c.retain(|(id, _, _)| *id == self.id);
            let i = c.iter().position(|(_, p, _)| *p == place)?;
            Some(c.swap_remove(i).2)
        });
        let mut ctx = cached.unwrap_or_else(|| match place {
            Some(p) => self.base[p].clone(),
            None => self.site_base.clone(),
        });
        let mut own = serde_json::Map::new();
        own.insert("page".into(), page);
        own.insert("data".into(), data);
        ctx.extend(tera::Context::from_value(serde_json::Value::Object(own))?);
        // Bytes as tera writes them: the file needs no check that they are UTF-8.
        let mut html = Vec::with_capacity(16 * 1024);
        let html = self
            .tera
            .render_to(template, &ctx, &mut html)
            .map(|()| html);
        CONTEXTS.with(|c| c.borrow_mut().push((self.id, place, ctx)));
        html
    }

    /// Renders `template` into `<rel_dir>/index.html`.
    #[allow(clippy::too_many_arguments)]
    pub fn page(
        &self,
        rel_dir: &str,
        template: &str,
        place: Option<usize>,
        title: &str,
        crumbs: Vec<Crumb>,
        source: Option<&Common>,
        data: serde_json::Value,
    ) -> Result<(), Diagnostic> {
        let url = format!(
            "{}{}",
            self.g.prefix,
            if rel_dir.is_empty() {
                String::new()
            } else {
                format!("{rel_dir}/")
            }
        );
        let page = json!({
            "title": title,
            "url": url,
            "crumbs": crumbs,
            "edit_url": source.and_then(|c| self.edit_url(c)),
        });
        let html = self.render(template, place, page, data).map_err(|e| {
            Diagnostic::io(
                None,
                format!(
                    "rendering {template} for {url}: {}",
                    crate::theme::error_chain(&e)
                ),
            )
        })?;
        let path = if rel_dir.is_empty() {
            "index.html".to_string()
        } else {
            format!("{rel_dir}/index.html")
        };
        self.out.write(&path, &html)
    }

    /// Renders a template to a file with no page around it (404.html).
    pub fn file(
        &self,
        path: &str,
        template: &str,
        title: &str,
        data: serde_json::Value,
    ) -> Result<(), Diagnostic> {
        let page = json!({"title": title, "url": format!("{}{path}", self.g.prefix), "crumbs": []});
        let html = self.render(template, None, page, data).map_err(|e| {
            Diagnostic::io(
                None,
                format!("rendering {template}: {}", crate::theme::error_chain(&e)),
            )
        })?;
        self.out.write(path, &html)
    }

    /// True when a newer change has made the work of this renderer stale.
    pub fn cancelled(&self) -> bool {
        self.cancel
            .as_ref()
            .is_some_and(|c| c.load(Ordering::Relaxed))
    }

    /// "Suggest a change" link to the source file, when site.yaml has `repository`.
    fn edit_url(&self, c: &Common) -> Option<String> {
        let r = self.g.site.repository.as_ref()?;
        let dir = if r.content_dir.is_empty() {
            String::new()
        } else {
            format!("{}/", r.content_dir)
        };
        Some(format!("{}/edit/{}/{}{}", r.url, r.branch, dir, c.source))
    }

    /// The home crumb and the place crumb.
    pub fn crumbs(&self, place: Option<usize>) -> Vec<Crumb> {
        let s = place
            .map(|p| &self.strings[p])
            .unwrap_or(&self.site_strings);
        let mut v = vec![Crumb {
            title: s.get("home"),
            url: self.g.prefix.clone(),
        }];
        if let Some(p) = place {
            v.push(Crumb {
                title: view::place_name(self.g, p),
                url: view::place_url(self.g, p),
            });
        }
        v
    }
}

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
    let mut site_jobs: Vec<SiteJob> = Vec::new();
    if sel.all || sel.site {
        site_jobs.extend([
            site_pages::root_index as SiteJob,
            site_pages::sitemap,
            yearly_site::pages,
            documents::site_page,
            sdg::site_page,
            budget::write_site,
        ]);
    }
    if sel.all {
        for (rel, bytes) in theme.statics() {
            errors.extend(out.write(&format!("static/{rel}"), bytes).err());
            // Browsers ask for /favicon.ico of a site at the root of its host.
            if rel == "favicon.ico" {
                errors.extend(out.write(rel, bytes).err());
            }
        }
        if let Some(dir) = &g.site_files_dir {
            errors.extend(out.copy_dir(dir, "files"));
        }
        for p in &g.places {
            if let Some(dir) = &p.files_dir {
                errors.extend(out.copy_dir(dir, &format!("{}/files", p.id)));
            }
        }
        site_jobs.extend([
            site_pages::not_found as SiteJob,
            site_pages::accessibility,
            site_pages::root_search,
            cms::admin,
        ]);
    }
    if sel.all || !sel.indexes.is_empty() {
        site_jobs.push(search::site_indexes);
    }
    // Tag pages: all of them on a full build, else those of the re-rendered entities.
    errors.extend(tags::write(&r, (!sel.all).then_some(&sel.nodes)).err());
    // Per place: which place-level files, and which entity pages (None: all of them).
    let jobs: Vec<(usize, pages::PlaceParts, Option<Vec<u32>>)> = (0..g.places.len())
        .filter_map(|p| {
            if sel.all {
                return Some((
                    p,
                    pages::PlaceParts {
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
            let parts = pages::PlaceParts {
                pages: sel.places.contains(&p),
                lists: sel.search.contains(&p),
                index: sel.indexes.contains(&p),
                followup: sel.followup.contains(&p),
            };
            (parts.pages || parts.lists || parts.index || parts.followup || !nodes.is_empty())
                .then_some((p, parts, Some(nodes)))
        })
        .collect();
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
                .flat_map(|(p, parts, nodes)| pages::render_place(&r, *p, *parts, nodes.as_deref()))
                .collect()
        },
    );
    errors.extend(site_errors);
    errors.extend(place_errors);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}
