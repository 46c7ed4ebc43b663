//! The renderer every page and file is made with: the graph, the templates, the UI strings
//! of each place, the staging folder, and the shared part of each page's context.

use crate::graph::routes::{PlacePage, Routes};
use crate::model::EntityKind;
use crate::render::kit::view::place_name;
use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::Serialize;
use serde_json::{json, Value as Json};

use crate::diag::Diagnostic;
use crate::graph::Graph;
use crate::model::{Common, Lang};
use crate::output::Staging;
use crate::render::kit::links::LinkCache;
use crate::render::kit::search_text::TextCache;
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
    pub(crate) search_text: TextCache<'a>,
    /// Links to entities, made once each.
    pub links: LinkCache<'a>,
    /// The folder of every page written, for the sitemap and the check against the routes.
    pub written: std::sync::Mutex<Vec<String>>,
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
            "static": g.routes.file_url(&Routes::static_file("")),
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
            .map(|(i, _)| mk(&strings[i], place_header(g, &strings[i], i)))
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
            links: LinkCache::new(g, tera),
            written: Default::default(),
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
        let url = self.g.routes.url(rel_dir);
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
        self.out.write(&Routes::page_file(rel_dir), &html)?;
        self.written
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(rel_dir.to_string());
        Ok(())
    }

    /// Renders a template to a file with no page around it (404.html).
    pub fn file(
        &self,
        path: &str,
        template: &str,
        title: &str,
        data: serde_json::Value,
    ) -> Result<(), Diagnostic> {
        let page = json!({"title": title, "url": self.g.routes.file_url(path), "crumbs": []});
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
            url: self.g.routes.url(""),
        }];
        if let Some(p) = place {
            v.push(Crumb {
                title: place_name(self.g, p),
                url: crate::render::kit::urls::place_url(self.g, p),
            });
        }
        v
    }
}
/// What the header and footer of every page of a place show.
pub fn place_header(g: &Graph, s: &Strings, p: usize) -> Json {
    let place = &g.places[p];
    let prog = place.programme.programme();
    let url = crate::render::kit::urls::place_url(g, p);
    let page = |page: PlacePage| g.routes.place_url(p, page);
    let ideas = prog.and_then(|pr| pr.ideas.as_ref()).and_then(|i| {
        let href = i
            .url
            .clone()
            .or_else(|| i.email.as_ref().map(|e| format!("mailto:{e}")))?;
        Some(json!({"url": href, "text": i.text.clone().unwrap_or_else(|| s.get("ideas_default"))}))
    });
    json!({
        "id": place.id,
        "name": place_name(g, p),
        "kind": prog.map(|pr| pr.place_kind.clone()),
        "kind_label": prog.map(|pr| s.get(&format!("kind_{}", pr.place_kind))),
        "title": place.programme.common.title,
        "url": url,
        "actions_url": page(PlacePage::Actions),
        "indicators_url": page(PlacePage::Kind(EntityKind::Indicator)),
        "search_url": page(PlacePage::Search),
        "feed_url": g.routes.file_url(&g.routes.feed(p)),
        "data_url": page(PlacePage::Data),
        "ideas": ideas,
        "has_indicators": place.of_kind(EntityKind::Indicator).next().is_some(),
    })
}
