//! What the search indexes of a place are built from: its published pages, their owned texts
//! and their analysed text, made once per place and shared by the place's index and the
//! site-wide index of its language.

use crate::graph::NodeId;
use std::sync::OnceLock;

use crate::render::kit::view;
use crate::render::kit::Renderer;
use crate::search::{analyse, Analysed, SearchDoc};

/// Owned text of one page to index.
pub struct Row {
    kind_label: String,
    status_label: Option<String>,
    url: String,
    facts: String,
}

/// What the search indexes of one place are built from: its published pages, their owned
/// texts, and their analysed text.
pub struct PlaceText<'a> {
    pub ents: Vec<&'a crate::model::Entity>,
    pub rows: Vec<Row>,
    pub analysed: Analysed,
}

impl PlaceText<'_> {
    pub fn docs(&self) -> Vec<SearchDoc<'_>> {
        docs(&self.ents, &self.rows)
    }
}

/// Per place, its [`PlaceText`] once something asked for it: the place's index and the
/// site-wide index of its language share one analysis.
pub type TextCache<'a> = Vec<OnceLock<PlaceText<'a>>>;

/// The [`PlaceText`] of place `p`, analysed on the first call.
pub fn place_text<'r, 'a>(r: &'r Renderer<'a>, p: usize) -> &'r PlaceText<'a> {
    r.search_text[p].get_or_init(|| {
        let (ents, rows) = place_rows(r, p);
        let analysed = analyse(r.g.places[p].lang.code(), &docs(&ents, &rows));
        PlaceText {
            ents,
            rows,
            analysed,
        }
    })
}

/// The published pages of place `p`, and their owned texts.
fn place_rows<'a>(r: &Renderer<'a>, p: usize) -> (Vec<&'a crate::model::Entity>, Vec<Row>) {
    let g = r.g;
    let s = &r.strings[p];
    let place = &g.places[p];
    let mut rows = vec![Row {
        kind_label: s.get("programme_cap"),
        status_label: None,
        url: crate::render::kit::urls::place_url(g, p),
        facts: String::new(),
    }];
    let mut ents = vec![&place.programme];
    for (i, e) in place.entities.iter().enumerate() {
        let n = NodeId {
            place: p as u32,
            idx: i as u32,
        };
        let facts = e.action().map_or_else(String::new, |a| {
            let values: Vec<String> = crate::render::kit::facts::action_facts(s, a)
                .into_iter()
                .map(|f| f.value)
                .collect();
            values.join(". ")
        });
        rows.push(Row {
            kind_label: view::kind_label(s, e.kind, false),
            status_label: e.action().map(|a| view::status_label(s, a.status)),
            url: crate::render::kit::urls::entity_url(g, n),
            facts,
        });
        ents.push(e);
    }
    (ents, rows)
}

fn docs<'a>(ents: &[&'a crate::model::Entity], rows: &'a [Row]) -> Vec<SearchDoc<'a>> {
    ents.iter()
        .zip(rows)
        .map(|(e, row)| SearchDoc {
            title: &e.common.title,
            kind: e.kind.name(),
            kind_label: &row.kind_label,
            status: e.action().map(|a| a.status.code()),
            status_label: row.status_label.as_deref(),
            url: &row.url,
            summary: e.common.summary.as_deref().unwrap_or(""),
            body: &e.common.body_text,
            tags: &e.common.tags,
            facts: &row.facts,
        })
        .collect()
}
