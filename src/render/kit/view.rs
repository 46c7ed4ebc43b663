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
    /// The list item (`<li>…</li>`), rendered by the theme's `item.html` from the fields above.
    pub html: String,
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

/// A group of links under a heading (status, year, ambition, responsible). Templates get its
/// `key`, `heading`, `count` and `html`: the list items of all its links in one string, each
/// from the theme's `item.html` (lists of actions are long; their links are not serialised
/// again for every page they are on).
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
        m.serialize_field("count", &self.items.len())?;
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

/// The fields of a link to `n` as seen from a page of place `from`, without its list item
/// (see [`LinkCache`](crate::render::kit::links::LinkCache), which renders it).
pub(crate) fn link_fields(g: &Graph, s: &Strings, n: NodeId, from: usize) -> LinkView {
    let e = g.entity(n);
    let action = e.action();
    LinkView {
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
    }
}

/// The fields of a link to the programme of place `p`, from its own place (tag pages list it).
pub(crate) fn programme_fields(g: &Graph, s: &Strings, p: usize) -> LinkView {
    LinkView {
        title: g.places[p].programme.common.title.clone(),
        url: crate::render::kit::urls::place_url(g, p),
        number: None,
        kind: EntityKind::Programme.name(),
        kind_label: kind_label(s, EntityKind::Programme, false),
        summary: None,
        status: None,
        status_label: None,
        late: false,
        due: None,
        place_name: None,
        html: String::new(),
    }
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
