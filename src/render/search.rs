//! The search indexes: each place's (the sharded `<place>/search-index/`, and the elasticlunr
//! index `<place>/search-index.json`), and for the site-wide search one per language over all
//! its places (`search/<lang>/search-index/`), each file of the shards also gzipped with `--gzip`; and the
//! list of indexes the search pages name.

use rayon::prelude::*;
use serde_json::json;

use super::view::{self, place_name};
use super::{lists, Renderer};
use crate::diag::Diagnostic;
use crate::graph::NodeId;
use crate::search::{
    analyse, build_index_from, build_site_index_unless, gz, lunr_index, Analysed, IndexFiles,
    Place, SearchDoc, MANIFEST,
};
use std::sync::OnceLock;

/// Owned text of one page to index.
struct Row {
    kind_label: String,
    status_label: Option<String>,
    url: String,
    facts: String,
}

/// What the search indexes of one place are built from: its published pages, their owned
/// texts, and their analysed text.
pub(super) struct PlaceText<'a> {
    ents: Vec<&'a crate::model::Entity>,
    rows: Vec<Row>,
    analysed: Analysed,
}

impl PlaceText<'_> {
    fn docs(&self) -> Vec<SearchDoc<'_>> {
        docs(&self.ents, &self.rows)
    }
}

/// Per place, its [`PlaceText`] once something asked for it: the place's index and the
/// site-wide index of its language share one analysis.
pub(super) type TextCache<'a> = Vec<OnceLock<PlaceText<'a>>>;

/// The [`PlaceText`] of place `p`, analysed on the first call.
fn place_text<'r, 'a>(r: &'r Renderer<'a>, p: usize) -> &'r PlaceText<'a> {
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
        url: view::place_url(g, p),
        facts: String::new(),
    }];
    let mut ents = vec![&place.programme];
    for (i, e) in place.entities.iter().enumerate() {
        let n = NodeId {
            place: p as u32,
            idx: i as u32,
        };
        let facts = e.action().map_or_else(String::new, |a| {
            let values: Vec<String> = lists::action_facts(s, a)
                .into_iter()
                .map(|f| f.value)
                .collect();
            values.join(". ")
        });
        rows.push(Row {
            kind_label: view::kind_label(s, e.kind, false),
            status_label: e.action().map(|a| view::status_label(s, a.status)),
            url: view::entity_url(g, n),
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

/// Writes each file of `files` under `dir`, and its `.gz` copy when the build asks for them.
fn write(r: &Renderer, dir: &str, files: &IndexFiles) -> Result<(), Diagnostic> {
    let paths: Vec<(String, &str)> = files.paths(dir).collect();
    paths.par_iter().try_for_each(|(path, text)| {
        // A stale index is left half-written; the next build writes it again in full.
        if r.cancelled() {
            return Ok(());
        }
        r.out.write(path, text.as_bytes())?;
        if !r.out.gzip {
            return Ok(());
        }
        match gz::gzip(text.as_bytes()) {
            Some(gz) => r.out.write(&format!("{path}.gz"), &gz),
            None => Ok(()),
        }
    })
}

/// Writes the sharded index `<place>/search-index/` and the elasticlunr index
/// `<place>/search-index.json`.
pub fn place_index(r: &Renderer, p: usize) -> Result<(), Diagnostic> {
    let text = place_text(r, p);
    let docs = text.docs();
    if r.cancelled() {
        return Ok(());
    }
    let place = &r.g.places[p];
    let dir = format!("{}/", place.id);
    let (sharded, lunr) = rayon::join(
        || {
            let files = build_index_from(place.lang.code(), &docs, &text.analysed);
            write(r, &dir, &files)
        },
        // No `.gz` copy: the site's client never fetches this file, and gzipping it would
        // cost a build of 10,000 pages about a tenth of its CPU time.
        || {
            r.out.write(
                &format!("{dir}search-index.json"),
                &lunr_index(place.lang.code(), &docs),
            )
        },
    );
    sharded.and(lunr)
}

/// Languages of the places, in order of first place, each with its places.
fn languages(r: &Renderer) -> Vec<(&'static str, Vec<usize>)> {
    let mut out: Vec<(&'static str, Vec<usize>)> = Vec::new();
    for (p, place) in r.g.places.iter().enumerate() {
        let code = place.lang.code();
        match out.iter_mut().find(|(c, _)| *c == code) {
            Some((_, ps)) => ps.push(p),
            None => out.push((code, vec![p])),
        }
    }
    out
}

fn actions_url(r: &Renderer, p: usize) -> String {
    format!("{}{}/actions/", r.g.prefix, r.g.places[p].id)
}

/// Writes `search/<lang>/search-index/` for each language with more than one place (a
/// language of one place searches that place's index).
pub fn site_indexes(r: &Renderer) -> Result<(), Diagnostic> {
    languages(r)
        .into_par_iter()
        .filter(|(_, ps)| ps.len() > 1)
        .filter(|(_, ps)| {
            r.indexed
                .as_ref()
                .is_none_or(|i| ps.iter().any(|p| i.contains(p)))
        })
        .try_for_each(|(code, ps)| {
            if r.cancelled() {
                return Ok(());
            }
            // A newer change stops the analysis of the places not yet analysed.
            let texts: Option<Vec<(Place, &PlaceText)>> = ps
                .par_iter()
                .map(|&p| {
                    let place = Place {
                        name: place_name(r.g, p),
                        actions_url: actions_url(r, p),
                    };
                    (!r.cancelled()).then(|| (place, place_text(r, p)))
                })
                .collect();
            let Some(texts) = texts.filter(|_| !r.cancelled()) else {
                return Ok(());
            };
            let docs: Vec<Vec<SearchDoc>> = texts.iter().map(|(_, t)| t.docs()).collect();
            let places: Vec<(&Place, &[SearchDoc], &Analysed)> = texts
                .iter()
                .zip(&docs)
                .map(|((place, t), d)| (place, d.as_slice(), &t.analysed))
                .collect();
            let Some(files) = build_site_index_unless(code, &places, &|| r.cancelled()) else {
                return Ok(());
            };
            if r.cancelled() {
                return Ok(());
            }
            write(r, &format!("search/{code}/"), &files)
        })
}

/// The index of place `p` as the search script reads it from `data-search`.
pub fn place_entry(r: &Renderer, p: usize) -> serde_json::Value {
    let place = &r.g.places[p];
    json!({"url": format!("{}{}/{MANIFEST}", r.g.prefix, place.id), "lang": place.lang.code(),
           "place": place_name(r.g, p), "actions": actions_url(r, p)})
}

/// The indexes the site-wide search fetches: one per language.
pub fn site_entries(r: &Renderer) -> Vec<serde_json::Value> {
    languages(r)
        .into_iter()
        .map(|(code, ps)| {
            if ps.len() == 1 {
                place_entry(r, ps[0])
            } else {
                json!({"url": format!("{}search/{code}/{MANIFEST}", r.g.prefix), "lang": code})
            }
        })
        .collect()
}
