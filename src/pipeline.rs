//! One pipeline for `build`, `check`, `import` and `serve`: the stage functions every command
//! runs, in order — [`load`] the content tree, [`parse`] its files, [`graph`] (resolve the
//! references into one programme graph and collect the warnings), [`write`] (render into a
//! staging folder and swap it in). `serve`'s session keeps their results between saves and
//! calls the same functions; nothing here reads the environment: the date a build is made for
//! comes in with the options.

use std::path::Path;
use std::time::Instant;

use crate::diag::{self, Diagnostic};
use crate::graph::{self, Graph};
use crate::load::Sources;
use crate::parse::{self, ParseCache, Parsed, Today};
use crate::{history, output, render, theme, timing};

/// Stage 1: reads the content tree. An I/O error (no content folder, an unreadable file) stops
/// the pipeline here, with every diagnostic of loading.
pub fn load(content: &Path) -> Result<(Sources, Vec<Diagnostic>), Vec<Diagnostic>> {
    let t = Instant::now();
    let (sources, diags) = crate::load::load(content);
    timing::lap("load", t);
    if diags
        .iter()
        .any(|d| d.is_error() && d.kind == diag::Kind::Io)
    {
        return Err(diags);
    }
    Ok((sources, diags))
}

/// Stage 2: parses every file of `sources` (reusing `cache` for files whose text did not
/// change), adding its diagnostics to `diags`.
pub fn parse(
    sources: &Sources,
    base_url: Option<&str>,
    today: Today,
    cache: Option<&mut ParseCache>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Parsed> {
    let t = Instant::now();
    let (parsed, d) = parse::parse_cached(sources, base_url, cache, today);
    timing::lap("parse", t);
    diags.extend(d);
    parsed
}

/// Stage 3: resolves the references of `parsed` into the graph and collects the warnings of
/// the whole programme; None when there is any error (reference errors are reported even when
/// files have other errors). `diags` ends sorted by file.
pub fn graph(parsed: Option<Parsed>, today: Today, diags: &mut Vec<Diagnostic>) -> Option<Graph> {
    let t = Instant::now();
    let graph = parsed.and_then(|parsed| {
        let clean = !diag::has_errors(diags);
        let (g, d) = graph::build(parsed, today);
        diags.extend(d);
        g.filter(|_| clean && !diag::has_errors(diags))
    });
    if let Some(g) = &graph {
        diags.extend(graph::warnings::collect(g));
    }
    diag::sort(diags);
    timing::lap("graph", t);
    graph
}

/// Stages 4 and 5: renders the whole site into a staging folder beside `output` and swaps it
/// in; on any error the previous output stays as it was. Returns the number of pages written.
pub fn write(
    g: &Graph,
    theme: &theme::Theme,
    output: &Path,
    history: Option<&history::History>,
    gzip: bool,
) -> Result<usize, Vec<Diagnostic>> {
    let t = Instant::now();
    let mut staging = output::Staging::new(output).map_err(|d| vec![d])?;
    staging.gzip = gzip;
    render::render_site(g, theme, &staging, history)?;
    let pages = staging.page_count();
    let t = timing::lap("render", t);
    staging.commit(output).map_err(|d| vec![d])?;
    timing::lap("swap", t);
    Ok(pages)
}
