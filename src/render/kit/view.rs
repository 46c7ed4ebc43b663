//! View models: the small serialisable values templates receive (links with
//! status, progress, facts), computed once in Rust so that templates stay
//! simple and per-page work stays proportional to the page.

use crate::render::kit::urls::entity_url;
use serde::Serialize;

use crate::graph::{warnings::is_late, Graph, NodeId};
use crate::model::{EntityKind, Status};
use crate::theme::i18n::Strings;

/// A link to an entity page with what lists show of it.
#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    pub title: String,
    pub url: String,
    pub number: Option<String>,
    pub kind: &'static str,
    pub kind_label: String,
    pub summary: Option<String>,
    pub status: Option<&'static str>,
    pub status_label: Option<String>,
    pub late: bool,
    pub due: Option<String>,
    /// The place's name when the entity is in another place than the page.
    pub place_name: Option<String>,
    /// The list item (`<li>…</li>`) of the default theme, rendered once here because
    /// lists repeat it thousands of times; a theme may build its own from the fields.
    pub html: String,
}

/// The default theme's list item for a link, escaped.
fn item_html(s: &Strings, l: &LinkView) -> String {
    use crate::util::escape::html as e;
    let mut h = String::with_capacity(256);
    h.push_str("<li class=\"item");
    if let Some(st) = l.status {
        h.push_str(" item-");
        h.push_str(st);
    }
    h.push_str("\" data-status=\"");
    h.push_str(l.status.unwrap_or(""));
    h.push_str("\">\n  <a href=\"");
    h.push_str(&e(&l.url));
    h.push_str("\">");
    if let Some(n) = &l.number {
        h.push_str("<span class=\"num\">");
        h.push_str(&e(n));
        h.push_str("</span> ");
    }
    h.push_str(&e(&l.title));
    h.push_str("</a>");
    if let Some(p) = &l.place_name {
        h.push_str(" <span class=\"place-name\">(");
        h.push_str(&e(p));
        h.push_str(")</span>");
    }
    if let (Some(st), Some(label)) = (l.status, &l.status_label) {
        h.push_str("\n  <span class=\"meta\"><span class=\"status status-");
        h.push_str(st);
        h.push_str("\">");
        h.push_str(&e(label));
        h.push_str("</span>");
        if l.late {
            h.push_str(" <strong class=\"late\">");
            h.push_str(&e(&s.get("late")));
            h.push_str("</strong>");
        }
        if let Some(d) = &l.due {
            h.push_str(" <span class=\"due\">");
            h.push_str(&e(&s.get("due")));
            h.push_str(": ");
            h.push_str(&e(d));
            h.push_str("</span>");
        }
        h.push_str("</span>");
    }
    if let Some(sum) = &l.summary {
        h.push_str("\n  <span class=\"summary\">");
        h.push_str(&e(sum));
        h.push_str("</span>");
    }
    h.push_str("\n</li>\n");
    h
}

/// Actions by status and the share done.
#[derive(Debug, Clone, Serialize)]
pub struct ProgressView {
    pub total: usize,
    pub done: usize,
    pub pct: u32,
    pub text: String,
    pub by_status: Vec<StatusCount>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusCount {
    pub status: &'static str,
    pub label: String,
    pub count: usize,
    /// Share of all actions, for the bar (0-100).
    pub pct: f64,
}

/// A group of links under a heading (status, year, ambition, responsible). Templates also get
/// `html`, the list items of all its links in one string (lists of actions are long).
#[derive(Debug, Clone)]
pub struct Group {
    pub key: String,
    pub heading: String,
    pub items: Vec<LinkView>,
}

impl Serialize for Group {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut html = String::with_capacity(self.items.iter().map(|l| l.html.len()).sum());
        for l in &self.items {
            html.push_str(&l.html);
        }
        let mut m = s.serialize_struct("Group", 4)?;
        m.serialize_field("key", &self.key)?;
        m.serialize_field("heading", &self.heading)?;
        m.serialize_field("items", &self.items)?;
        m.serialize_field("html", &html)?;
        m.end()
    }
}

/// A labelled fact ("Ansvarig: Tekniska förvaltningen"); `url` makes it a link.
#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    pub label: String,
    pub value: String,
    pub url: Option<String>,
    /// Machine-readable date for a <time> element.
    pub datetime: Option<String>,
    /// Several values, each a link (the value is then their text, joined).
    pub links: Vec<FactLink>,
}

/// One linked value of a [`Fact`].
#[derive(Debug, Clone, Serialize)]
pub struct FactLink {
    pub text: String,
    pub url: String,
}

impl Fact {
    pub fn text(label: String, value: String) -> Fact {
        Fact {
            label,
            value,
            url: None,
            datetime: None,
            links: Vec::new(),
        }
    }
}

/// The name of a kind in a language (with site terms), singular or plural, capitalised.
pub fn kind_label(s: &Strings, kind: EntityKind, plural: bool) -> String {
    s.get(&format!(
        "{}{}_cap",
        kind.name(),
        if plural { "_plural" } else { "" }
    ))
}

pub fn status_label(s: &Strings, st: Status) -> String {
    s.get(&format!("status_{}", st.code()))
}

/// The link to each entity as seen from its own place, made on first use and copied after:
/// the action lists, year pages and the pages of ambitions and strategies show every action
/// several times. One cache serves one render (the strings are those of the entity's place).
pub struct LinkCache {
    own: Vec<Vec<std::sync::OnceLock<LinkView>>>,
}

impl LinkCache {
    pub fn new(g: &Graph) -> LinkCache {
        LinkCache {
            own: g
                .places
                .iter()
                .map(|p| p.entities.iter().map(|_| Default::default()).collect())
                .collect(),
        }
    }

    /// [`link`]`(g, s, n, from)`, made once when `from` is `n`'s own place (`s`: its strings).
    pub fn link(&self, g: &Graph, s: &Strings, n: NodeId, from: usize) -> LinkView {
        match self
            .own
            .get(n.place as usize)
            .and_then(|p| p.get(n.idx as usize))
        {
            Some(cell) if n.place as usize == from => {
                cell.get_or_init(|| link(g, s, n, from)).clone()
            }
            _ => link(g, s, n, from),
        }
    }
}

/// A link to `n` as seen from a page of place `from`.
pub fn link(g: &Graph, s: &Strings, n: NodeId, from: usize) -> LinkView {
    let e = g.entity(n);
    let action = e.action();
    let mut l = LinkView {
        title: e.common.title.clone(),
        url: entity_url(g, n),
        number: e.common.order.as_ref().map(|o| o.display.clone()),
        kind: e.kind.name(),
        kind_label: kind_label(s, e.kind, false),
        summary: e.common.summary.clone(),
        status: action.map(|a| a.status.code()),
        status_label: action.map(|a| status_label(s, a.status)),
        late: action.is_some_and(|a| is_late(a, g.today)),
        due: action.and_then(|a| a.due).map(|d| s.date(&d.iso())),
        place_name: (n.place as usize != from).then(|| place_name(g, n.place as usize)),
        html: String::new(),
    };
    l.html = item_html(s, &l);
    l
}

/// `l` with another status (e.g. the one it had at the end of a past year), never late.
pub fn with_status(s: &Strings, mut l: LinkView, code: &'static str, label: String) -> LinkView {
    l.status = Some(code);
    l.status_label = Some(label);
    l.late = false;
    l.html = item_html(s, &l);
    l
}

pub fn place_name(g: &Graph, place: usize) -> String {
    g.places[place]
        .programme
        .programme()
        .map(|p| p.place.clone())
        .unwrap_or_default()
}

/// The share done (cancelled actions not counted) and the sentence that says it: `done` of
/// `counted` actions, out of `total` with the cancelled ones.
pub fn share_done(s: &Strings, total: usize, done: usize, counted: usize) -> (u32, String) {
    let pct = if counted == 0 {
        0
    } else {
        ((done as f64 / counted as f64) * 100.0).round() as u32
    };
    let text = if total == 0 {
        s.get("progress_none")
    } else {
        s.fmt(
            "progress_text",
            &[
                ("done", &done.to_string()),
                ("total", &counted.to_string()),
                ("pct", &pct.to_string()),
            ],
        )
    };
    (pct, text)
}

/// Progress over a set of actions.
pub fn progress(g: &Graph, s: &Strings, actions: &[NodeId]) -> ProgressView {
    let mut counts = [0usize; 6];
    for n in actions {
        if let Some(a) = g.entity(*n).action() {
            counts[a.status as usize] += 1;
        }
    }
    let total = actions.len();
    let done = counts[Status::Done as usize];
    let counted = total - counts[Status::Cancelled as usize];
    let (pct, text) = share_done(s, total, done, counted);
    let by_status = Status::ALL
        .iter()
        .filter(|st| counts[**st as usize] > 0)
        .map(|st| StatusCount {
            status: st.code(),
            label: status_label(s, *st),
            count: counts[*st as usize],
            pct: counts[*st as usize] as f64 * 100.0 / total.max(1) as f64,
        })
        .collect();
    ProgressView {
        total,
        done,
        pct,
        text,
        by_status,
    }
}

/// Actions grouped by status, in the order of the process.
pub fn by_status(
    links: &LinkCache,
    g: &Graph,
    s: &Strings,
    actions: &[NodeId],
    from: usize,
) -> Vec<Group> {
    Status::ALL
        .iter()
        .filter_map(|st| {
            let items: Vec<LinkView> = actions
                .iter()
                .filter(|n| g.entity(**n).action().is_some_and(|a| a.status == *st))
                .map(|n| links.link(g, s, *n, from))
                .collect();
            (!items.is_empty()).then(|| Group {
                key: st.code().to_string(),
                heading: s.get(&format!("status_heading_{}", st.code())),
                items,
            })
        })
        .collect()
}

/// Links to a list of nodes.
pub fn links(g: &Graph, s: &Strings, nodes: &[NodeId], from: usize) -> Vec<LinkView> {
    nodes.iter().map(|n| link(g, s, *n, from)).collect()
}
