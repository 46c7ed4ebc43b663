//! The search indexes: each place's (the sharded `<place>/search-index/`, and the elasticlunr
//! index `<place>/search-index.json`), and for the site-wide search one per language over all
//! its places (`search/<lang>/search-index/`), each file of the shards also gzipped with `--gzip`; and the
//! list of indexes the search pages name.

use crate::render::kit::search_text::{place_text, PlaceText};
use crate::render::kit::urls::{actions_url, languages};
use rayon::prelude::*;

use crate::diag::Diagnostic;
use crate::render::kit::view::place_name;
use crate::render::kit::Renderer;
use crate::search::{
    build_index_from, build_site_index_unless, gz, lunr_index, Analysed, IndexFiles, Place,
    SearchDoc,
};

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
    let dir = r.g.routes.search_index(p);
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
            write(r, &r.g.routes.site_search_index(code), &files)
        })
}
