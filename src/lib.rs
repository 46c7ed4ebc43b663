//! ambit: a static-site generator for published development programmes.
//!
//! The pipeline is the architecture, one module per stage:
//! [`load`] (read the content tree) → [`parse`] (front matter and Markdown)
//! → [`graph`] (validate and resolve references into one programme graph, with the route
//! table of every page) → [`render`] (pages, search index, data, feeds) → [`output`] (atomic
//! write). [`pipeline`] runs the stages, the same way for every command. [`diag`] is the one
//! diagnostic type every stage reports with; [`yaml`] is the only module that knows the YAML
//! crate; [`theme`] holds the templates and UI strings, [`util`] the slug, escape and path
//! rules.

pub mod cli;
pub mod cmd;
pub mod diag;
pub mod graph;
pub mod history;
pub mod load;
pub mod model;
pub mod output;
pub mod parse;
pub mod pipeline;
pub mod render;
pub mod search;
pub mod serve;
pub mod session;
pub mod stdio;
pub mod theme;
pub mod timing;
pub mod util;
pub mod yaml;

use std::path::{Path, PathBuf};
use std::time::Instant;

use diag::Diagnostic;
use graph::Graph;

/// What a build needs to know.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub content: PathBuf,
    pub output: PathBuf,
    pub base_url: Option<String>,
    /// Also write a gzipped copy (`.gz`) of each search index file, for hosts that serve
    /// precompressed files (`ambit build --gzip`).
    pub gzip: bool,
    /// The date the site is built for (late actions, dates that should lie in the past).
    pub today: parse::Today,
}

impl BuildOptions {
    /// Options to build `content` into `output` for today ([`graph::today`]).
    pub fn new(content: impl Into<PathBuf>, output: impl Into<PathBuf>) -> BuildOptions {
        BuildOptions {
            content: content.into(),
            output: output.into(),
            base_url: None,
            gzip: false,
            today: graph::today(),
        }
    }
}

/// Figures of a finished build.
#[derive(Debug, Clone, Default)]
pub struct BuildStats {
    pub places: usize,
    pub pages: usize,
    pub millis: u128,
}

/// Stages 1 to 3: load, parse and resolve. Returns the graph when the content has no errors,
/// and every diagnostic (errors and warnings), sorted by file.
pub fn load_graph(
    content: &Path,
    base_url: Option<&str>,
    today: parse::Today,
) -> (Option<Graph>, Vec<Diagnostic>) {
    match pipeline::load(content) {
        Ok((sources, diags)) => resolve(&sources, diags, base_url, today),
        Err(diags) => (None, diags),
    }
}

/// Stages 2 and 3 over sources already read (`ambit import` adds the files it would write):
/// parse and resolve, with the diagnostics of loading in `diags`.
pub fn resolve(
    sources: &load::Sources,
    mut diags: Vec<Diagnostic>,
    base_url: Option<&str>,
    today: parse::Today,
) -> (Option<Graph>, Vec<Diagnostic>) {
    let parsed = pipeline::parse(sources, base_url, today, None, &mut diags);
    let graph = pipeline::graph(parsed, today, &mut diags);
    (graph, diags)
}

/// The whole pipeline: on any error nothing is written and the previous output stays as it was.
pub fn build(opts: &BuildOptions) -> (Option<BuildStats>, Vec<Diagnostic>) {
    let start = Instant::now();
    if let Err(d) = output::guard::check_apart(&opts.content, &opts.output) {
        return (None, vec![d]);
    }
    // The git history is read, and the theme's templates parsed, while the content is parsed.
    let ((graph, mut diags), history, theme) = std::thread::scope(|s| {
        let history = s.spawn(|| read_history(&opts.content));
        let theme = s.spawn(|| prepare_theme(&opts.content));
        let graph = load_graph(&opts.content, opts.base_url.as_deref(), opts.today);
        (
            graph,
            history.join().unwrap_or((None, None)),
            theme.join().ok().flatten(),
        )
    });
    let (history, warning) = history;
    diags.extend(warning);
    let Some(g) = graph else { return (None, diags) };
    let written = match theme {
        // The theme site.yaml names is the one prepared.
        Some((name, theme)) if name == g.site.theme => {
            write_site_with(&g, &theme, &opts.output, history.as_ref(), opts.gzip)
        }
        _ => write_site(&g, &opts.content, &opts.output, history.as_ref(), opts.gzip),
    };
    match written {
        Ok(pages) => {
            let stats = BuildStats {
                places: g.places.len(),
                pages,
                millis: start.elapsed().as_millis(),
            };
            (Some(stats), diags)
        }
        Err(e) => {
            diags.extend(e);
            (None, diags)
        }
    }
}

/// The theme that `content/site.yaml` names, loaded and its templates parsed, with that name;
/// None when site.yaml or the theme has a problem (the build then reports it in order).
fn prepare_theme(content: &Path) -> Option<(Option<String>, theme::Theme)> {
    let text = std::fs::read_to_string(content.join("site.yaml")).ok()?;
    let src = load::SourceFile {
        rel: "site.yaml".into(),
        display: content.join("site.yaml"),
        text,
    };
    let site = parse::site::parse(&src, None).0?;
    let theme = theme::Theme::load(site.theme.as_deref(), content).ok()?;
    theme.tera().ok()?;
    Some((site.theme, theme))
}

/// The git history of the content folder, if it is in a repository; a failure
/// to read it is a warning, never a failed build.
pub fn read_history(content: &Path) -> (Option<history::History>, Option<Diagnostic>) {
    match history::read(content) {
        Ok(h) => (h, None),
        Err(e) => (
            None,
            Some(Diagnostic::warning(
                content,
                diag::Pos::default(),
                format!("git history not shown: {e}"),
            )),
        ),
    }
}

/// Stages 4 and 5 for a resolved graph; returns the number of pages written. `gzip`: also
/// write `.gz` copies of the search index files.
pub fn write_site(
    g: &Graph,
    content: &Path,
    output: &Path,
    history: Option<&history::History>,
    gzip: bool,
) -> Result<usize, Vec<Diagnostic>> {
    let theme = theme::Theme::load(g.site.theme.as_deref(), content).map_err(|d| vec![d])?;
    write_site_with(g, &theme, output, history, gzip)
}

/// Stages 4 and 5 with a loaded theme; returns the number of pages written.
pub use pipeline::write as write_site_with;
