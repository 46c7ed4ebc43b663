//! Stage 2, parse: turns every loaded file into a typed entity. Front matter
//! is split off and read key by key (see [`fields`] and [`entity`]), the
//! Markdown body is rendered to sanitised HTML ([`markdown`]). Files are
//! parsed in parallel; every problem of every file is collected.

mod budget;
pub mod entity;
pub mod fields;
pub mod frontmatter;
pub mod governing;
pub mod html_depth;
pub mod links;
pub mod markdown;
mod past;
mod routes;
mod scalar;
pub mod site;
pub mod urls;
mod will;

use rayon::prelude::*;

use crate::diag::Diagnostic;
use crate::load::{SourceFile, Sources};
use crate::model::{Entity, EntityKind, Fields, SiteConfig};
use crate::yaml;

/// The parsed files of one place.
#[derive(Debug)]
pub struct ParsedPlace {
    pub id: String,
    pub programme: Option<Entity>,
    pub entities: Vec<Entity>,
    pub files_dir: Option<std::path::PathBuf>,
}

/// Everything parsed from a content tree.
#[derive(Debug)]
pub struct Parsed {
    pub site: SiteConfig,
    /// Link prefix: the path of base_url, starting and ending with `/`.
    pub prefix: String,
    pub places: Vec<ParsedPlace>,
    pub files_dir: Option<std::path::PathBuf>,
    /// The content folder, to check the targets of body links.
    pub content_dir: std::path::PathBuf,
    /// (place id, entity id) of files that exist but could not be read; references
    /// to them are not reported again.
    pub unreadable: Vec<(String, String)>,
}

/// Parses all sources. Returns None when site.yaml cannot be used.
pub fn parse(
    sources: &Sources,
    base_url_override: Option<&str>,
    today: Today,
) -> (Option<Parsed>, Vec<Diagnostic>) {
    parse_cached(sources, base_url_override, None, today)
}

/// The date a build is made for, as (year, month, day): dates that only make sense in the
/// past are checked against it.
pub type Today = crate::model::Date;

/// Parse results kept between builds: source path → (hash of text and prefix, result).
pub type ParseCache = std::collections::HashMap<String, (u64, Option<Entity>, Vec<Diagnostic>)>;

/// Hash of a source text as parsed with a link prefix.
pub fn text_hash(text: &str, prefix: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    prefix.hash(&mut h);
    h.finish()
}

/// Like [`parse`], reusing (and refreshing) `cache` for files whose text did not change.
pub fn parse_cached(
    sources: &Sources,
    base_url_override: Option<&str>,
    cache: Option<&mut ParseCache>,
    today: Today,
) -> (Option<Parsed>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let site = match &sources.site {
        Some(src) => {
            let (cfg, d) = site::parse(src, base_url_override);
            diags.extend(d);
            cfg
        }
        None => None,
    };
    let prefix = site
        .as_ref()
        .and_then(|s| site::base_path(&s.base_url))
        .unwrap_or_else(|| "/".to_string());
    let jobs = jobs(sources);
    let results = parse_jobs(&jobs, &prefix, cache.as_deref(), today);
    if let Some(c) = cache {
        refresh_cache(c, &jobs, &results, &prefix);
    }
    let (places, unreadable) = gather_places(sources, &jobs, results, &mut diags);
    let parsed = site.map(|site| Parsed {
        site,
        prefix,
        places,
        files_dir: sources.files_dir.clone(),
        content_dir: sources.content_dir.clone(),
        unreadable,
    });
    (parsed, diags)
}

/// A content file to parse: the index of its place, its kind and the file.
type Job<'a> = (usize, EntityKind, &'a SourceFile);

/// What parsing a file gave: the index of its place, the entity and the diagnostics.
type JobResult = (usize, Option<Entity>, Vec<Diagnostic>);

/// Every content file of `sources`, place by place, the programme first.
fn jobs(sources: &Sources) -> Vec<Job<'_>> {
    sources
        .places
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            p.programme
                .iter()
                .map(move |s| (i, EntityKind::Programme, s))
                .chain(p.entities.iter().map(move |(k, s)| (i, *k, s)))
        })
        .collect()
}

/// Parses `jobs` in parallel, taking from `cached` the result of each file whose text did not
/// change.
fn parse_jobs(
    jobs: &[Job],
    prefix: &str,
    cached: Option<&ParseCache>,
    today: Today,
) -> Vec<JobResult> {
    jobs.par_iter()
        .map(|(i, kind, src)| {
            if let Some(c) = cached {
                let h = text_hash(&src.text, prefix);
                if let Some((ch, e, d)) = c.get(&src.rel).filter(|(ch, _, _)| *ch == h) {
                    let _ = ch;
                    return (*i, e.clone(), d.clone());
                }
            }
            let (e, d) = parse_file(*kind, src, prefix, today);
            (*i, e, d)
        })
        .collect()
}

/// Replaces the contents of `cache` with the `results` of `jobs`.
fn refresh_cache(cache: &mut ParseCache, jobs: &[Job], results: &[JobResult], prefix: &str) {
    cache.clear();
    for ((_, _, src), (_, e, d)) in jobs.iter().zip(results) {
        cache.insert(
            src.rel.clone(),
            (text_hash(&src.text, prefix), e.clone(), d.clone()),
        );
    }
}

/// The parsed places, each with its entities, and the (place, id) of every file that did not
/// parse; the diagnostics of every file are added to `diags`, in file order.
fn gather_places(
    sources: &Sources,
    jobs: &[Job],
    results: Vec<JobResult>,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<ParsedPlace>, Vec<(String, String)>) {
    let mut places: Vec<ParsedPlace> = sources
        .places
        .iter()
        .map(|p| ParsedPlace {
            id: p.id.clone(),
            programme: None,
            entities: Vec::new(),
            files_dir: p.files_dir.clone(),
        })
        .collect();
    let mut unreadable = Vec::new();
    for ((i, kind, src), (_, entity, d)) in jobs.iter().zip(results) {
        let i = *i;
        diags.extend(d);
        if entity.is_none() {
            unreadable.push((sources.places[i].id.clone(), entity_id(*kind, &src.rel)));
        }
        if let Some(e) = entity {
            if e.kind == EntityKind::Programme {
                places[i].programme = Some(e);
            } else {
                places[i].entities.push(e);
            }
        }
    }
    (places, unreadable)
}

/// The line and column in `src` of byte `at` of its Markdown `body`.
fn body_pos(src: &SourceFile, body: &str, at: usize) -> crate::diag::Pos {
    let offset = body.as_ptr() as usize - src.text.as_ptr() as usize + at;
    let before = &src.text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    crate::diag::Pos::new(line, col)
}

/// Parses one content file of `kind`.
pub fn parse_file(
    kind: EntityKind,
    src: &SourceFile,
    prefix: &str,
    today: Today,
) -> (Option<Entity>, Vec<Diagnostic>) {
    let (split, doc) = match front_matter(src) {
        Ok(s) => s,
        Err(d) => return (None, vec![d]),
    };
    let nul = split.body.find('\0').map(|at| {
        Diagnostic::error(
            &src.display,
            body_pos(src, split.body, at),
            "NUL character (`\\u{0}`) in the text",
        )
        .with_help("remove it: a text file has no NUL bytes (it may have been pasted from another program)")
    });
    let id = entity_id(kind, &src.rel);
    let mut reader = fields::Reader::new(&doc, &src.display);
    reader.root = content_root(src);
    let entity = if matches!(doc.value, yaml::Value::Mapping(_)) {
        past::check(kind, &mut reader, today);
        routes::check(&mut reader);
        entity::read(kind, &mut reader, &id)
    } else {
        None
    };
    let mut diags = reader.diags;
    diags.extend(nul);
    let entity = entity.map(|mut e| {
        let body = render_body(src, split.body, prefix, &mut e, &mut diags);
        // Kept for the whole build: without the room the writers grew them with.
        e.common.body_html = body.html;
        e.common.body_html.shrink_to_fit();
        e.common.body_text = body.text;
        e.common.body_text.shrink_to_fit();
        e.common.body_links = body.links;
        e.common.source = src.rel.clone();
        e.common.display_path = src.display.clone();
        e.common.key_lines = doc
            .keys()
            .map(|k| (k.to_string(), doc.key_pos(k).line))
            .collect();
        e
    });
    (entity, diags)
}

/// The front matter of `src` split from its body and read as YAML; an error when either fails
/// or the body's HTML is nested too deep.
fn front_matter(src: &SourceFile) -> Result<(frontmatter::Split<'_>, yaml::Doc), Diagnostic> {
    let split = frontmatter::split(&src.text, &src.display)?;
    let doc = match yaml::parse(split.yaml, split.yaml_first_line) {
        Ok(d) => d,
        Err(e) => {
            let d = Diagnostic::error(&src.display, e.pos, format!("invalid YAML in front matter: {}", e.message))
                .with_help("check the indentation, and put text containing `: ` or starting with a special character in quotes");
            return Err(d);
        }
    };
    if let Some(at) = html_depth::too_deep(split.body) {
        let d = Diagnostic::error(
            &src.display,
            body_pos(src, split.body, at),
            format!(
                "HTML elements nested more than {} levels deep",
                html_depth::MAX_HTML_DEPTH
            ),
        )
        .with_help("close each HTML element you open, or write the text in Markdown instead");
        return Err(d);
    }
    Ok((split, doc))
}

/// Renders `body` of `src` (and the political will of an ambition `e`, into `e`), adding to
/// `diags` a warning for each image without alt text and an error for each refused link.
fn render_body(
    src: &SourceFile,
    body: &str,
    prefix: &str,
    e: &mut Entity,
    diags: &mut Vec<Diagnostic>,
) -> markdown::Rendered {
    let body_start = src.text.len() - body.len();
    let first_line = 1 + src.text[..body_start].matches('\n').count();
    let ctx = markdown::LinkContext {
        source_rel: &src.rel,
        prefix,
    };
    let mut body = markdown::render(body, &ctx, first_line);
    for pos in std::mem::take(&mut body.missing_alt) {
        diags.push(
            Diagnostic::warning(&src.display, pos, "image without a text alternative")
                .with_help("describe what the image shows between the brackets: `![Sketch of the new playground](../files/lekplats.jpg)`")
                .with_help("in raw HTML, add `alt=\"…\"` to the `<img>` (`alt=\"\"` if it is only decoration)"),
        );
    }
    if let Fields::Ambition {
        political_will: Some(will),
        ..
    } = &mut e.fields
    {
        let text = markdown::render(&will.text, &ctx, will.text_line + 1);
        will.html = text.html;
        body.links.extend(text.links);
        body.text.push('\n');
        body.text.push_str(&text.text);
        body.refused.extend(text.refused);
    }
    for (pos, written, why) in std::mem::take(&mut body.refused) {
        diags.push(
            Diagnostic::error(&src.display, pos, format!("link `{written}`: {why}"))
                .with_help("link to a web page with `https://…`, to a mail address with `mailto:…`, or to a file of the content by its relative path"),
        );
    }
    body
}

/// The content folder a source file was read from (its display path less its relative path).
fn content_root(src: &SourceFile) -> Option<std::path::PathBuf> {
    let depth = src.rel.split('/').count();
    src.display
        .ancestors()
        .nth(depth)
        .map(std::path::Path::to_path_buf)
}

/// The id of an entity from its path: the file stem, or the place for programme.md.
fn entity_id(kind: EntityKind, rel: &str) -> String {
    match kind {
        EntityKind::Programme => rel.split('/').next().unwrap_or_default().to_string(),
        _ => rel
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .trim_end_matches(".md")
            .to_string(),
    }
}
