//! Links to entities as lists show them: each link's fields, and its list item (`<li>…</li>`)
//! rendered by the theme's `item.html` template — once per entity and place, since action
//! lists, year pages and the pages of ambitions and strategies repeat every action. A theme
//! restyles every list of the site by overriding that one template.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

use crate::diag::Diagnostic;
use crate::graph::{Graph, NodeId};
use crate::model::{Lang, Status};
use crate::render::kit::view::{link_fields, programme_fields, Group, LinkView};
use crate::theme::i18n::Strings;

/// The template every list item is rendered with.
pub const ITEM_TEMPLATE: &str = "item.html";

static NEXT_CACHE: AtomicU64 = AtomicU64::new(0);

thread_local! {
    /// Per worker thread and language, the context list items are rendered in (`lang`, `t`),
    /// made once: an item only replaces `l`.
    static CONTEXTS: RefCell<Vec<(u64, Lang, tera::Context)>> = const { RefCell::new(Vec::new()) };
}

/// The links of one render. The link to an entity from its own place is made on first use and
/// copied after; links from another place (which name the entity's place) are made each time.
pub struct LinkCache<'a> {
    tera: &'a tera::Tera,
    /// Tells this cache's contexts apart from an earlier one's in [`CONTEXTS`].
    id: u64,
    own: Vec<Vec<OnceLock<LinkView>>>,
    /// The first error of the item template, reported when the render ends.
    error: Mutex<Option<String>>,
}

impl<'a> LinkCache<'a> {
    pub fn new(g: &Graph, tera: &'a tera::Tera) -> LinkCache<'a> {
        LinkCache {
            tera,
            id: NEXT_CACHE.fetch_add(1, Ordering::Relaxed),
            own: g
                .places
                .iter()
                .map(|p| p.entities.iter().map(|_| Default::default()).collect())
                .collect(),
            error: Mutex::new(None),
        }
    }

    /// The link to `n` as seen from a page of place `from` (`s`: the page's strings).
    pub fn link(&self, g: &Graph, s: &Strings, n: NodeId, from: usize) -> LinkView {
        let make = || {
            let mut l = link_fields(g, s, n, from);
            self.render_item(s, &mut l);
            l
        };
        match self
            .own
            .get(n.place as usize)
            .and_then(|p| p.get(n.idx as usize))
        {
            Some(cell) if n.place as usize == from => cell.get_or_init(make).clone(),
            _ => make(),
        }
    }

    /// The link to the programme of place `p` (`s`: its strings).
    pub fn programme(&self, g: &Graph, s: &Strings, p: usize) -> LinkView {
        let mut l = programme_fields(g, s, p);
        self.render_item(s, &mut l);
        l
    }

    /// The links to `nodes`, in their order.
    pub fn links(&self, g: &Graph, s: &Strings, nodes: &[NodeId], from: usize) -> Vec<LinkView> {
        nodes.iter().map(|n| self.link(g, s, *n, from)).collect()
    }

    /// The link to `n` with another status `(code, label)` (e.g. the one it had at the end of a
    /// past year), never late.
    pub fn with_status(
        &self,
        g: &Graph,
        s: &Strings,
        n: NodeId,
        from: usize,
        (code, label): (&'static str, String),
    ) -> LinkView {
        let mut l = self.link(g, s, n, from);
        if l.status == Some(code) && !l.late {
            // The same item as the link's own.
            return l;
        }
        l.status = Some(code);
        l.status_label = Some(label);
        l.late = false;
        l.html.clear();
        self.render_item(s, &mut l);
        l
    }

    /// Actions grouped by status, in the order of the process.
    pub fn by_status(&self, g: &Graph, s: &Strings, actions: &[NodeId], from: usize) -> Vec<Group> {
        Status::ALL
            .iter()
            .filter_map(|st| {
                let items: Vec<LinkView> = actions
                    .iter()
                    .filter(|n| g.entity(**n).action().is_some_and(|a| a.status == *st))
                    .map(|n| self.link(g, s, *n, from))
                    .collect();
                (!items.is_empty()).then(|| Group {
                    key: st.code().to_string(),
                    heading: s.get(&format!("status_heading_{}", st.code())),
                    items,
                })
            })
            .collect()
    }

    /// The item template's first error in this render, if it failed.
    pub fn error(&self) -> Option<Diagnostic> {
        let e = self
            .error
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()?;
        Some(Diagnostic::io(
            None,
            format!("rendering {ITEM_TEMPLATE} for a list item: {e}"),
        ))
    }

    /// Fills `l.html` from the item template, in the context of the language of `s`.
    fn render_item(&self, s: &Strings, l: &mut LinkView) {
        let cached = CONTEXTS.with(|c| {
            let mut c = c.borrow_mut();
            c.retain(|(id, _, _)| *id == self.id);
            let i = c.iter().position(|(_, lang, _)| *lang == s.lang)?;
            Some(c.swap_remove(i).2)
        });
        let mut ctx = cached.unwrap_or_else(|| {
            let mut c = tera::Context::new();
            c.insert("lang", s.lang.code());
            c.insert("t", &s.map);
            c
        });
        ctx.insert("l", &*l);
        let mut html = Vec::with_capacity(256);
        match self.tera.render_to(ITEM_TEMPLATE, &ctx, &mut html) {
            // Bytes as tera writes them, from UTF-8 templates and strings.
            Ok(()) => {
                // Kept for the whole render, once per entity: no spare capacity.
                html.shrink_to_fit();
                l.html = String::from_utf8(html).unwrap_or_default();
            }
            Err(e) => {
                let mut first = self.error.lock().unwrap_or_else(|e| e.into_inner());
                first.get_or_insert_with(|| crate::theme::error_chain(&e));
                l.html = String::new();
            }
        }
        CONTEXTS.with(|c| c.borrow_mut().push((self.id, s.lang, ctx)));
    }
}
