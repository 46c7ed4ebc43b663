//! Markdown bodies: CommonMark with tables, footnotes, strikethrough and task
//! lists, rendered to sanitised HTML (ammonia) with heading anchors, links
//! rewritten to the site's pages, and a plain-text copy for search.

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;
use std::sync::LazyLock;

use super::links::{self, BodyLink};
pub use super::links::{LinkContext, ID_PREFIX};
use crate::diag::Pos;
use crate::load::slugify;

/// A rendered body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub text: String,
    /// Relative links and images, to be checked once every file is known.
    pub links: Vec<BodyLink>,
    /// Images without a text alternative.
    pub missing_alt: Vec<Pos>,
    /// Links and images whose address is not published: where, as written, and why.
    pub refused: Vec<(Pos, String, String)>,
}

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.url_schemes(HashSet::from(["http", "https", "mailto", "tel"]))
        .id_prefix(Some(ID_PREFIX))
        .add_tag_attributes("h2", ["id"])
        .add_tag_attributes("h3", ["id"])
        .add_tag_attributes("h4", ["id"])
        .add_tag_attributes("h5", ["id"])
        .add_tag_attributes("h6", ["id"])
        .add_tag_attributes("div", ["id"])
        .add_tag_attributes("td", ["style"])
        .add_tag_attributes("th", ["style"])
        .filter_style_properties(HashSet::from(["text-align"]))
        // No `target` survives, so `rel=noopener` would protect nothing; on a link whose
        // `javascript:` href was dropped it would even make the HTML invalid.
        .link_rel(None);
    b
});

/// Renders Markdown to sanitised HTML and plain text.
///
/// `first_line` is the line of the file the body starts on, for the positions
/// of links and images.
pub fn render(md: &str, ctx: &LinkContext, first_line: usize) -> Rendered {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let mut body_links = Vec::new();
    let mut missing_alt = Vec::new();
    let mut refused = Vec::new();
    let events = resolve_links(
        md,
        Parser::new_ext(md, opts).into_offset_iter().collect(),
        ctx,
        &Lines::new(md, first_line),
        (&mut body_links, &mut refused),
        &mut missing_alt,
    );
    let min_level = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as usize),
            _ => None,
        })
        .min()
        .unwrap_or(2);
    let shift = 2isize - min_level as isize;

    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut text = String::new();
    let mut used_ids = HashSet::new();
    let mut footnotes: Vec<String> = Vec::new();
    let mut raw_html = false;
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::Heading { level, .. }) => {
                let end = find_end(&events, i);
                let inner = &events[i + 1..end];
                let title: String = inner.iter().filter_map(event_text).collect();
                let mut id = slugify(&title);
                let base = id.clone();
                let mut n = 1;
                while !used_ids.insert(id.clone()) {
                    n += 1;
                    id = format!("{base}-{n}");
                }
                let lvl = (*level as isize + shift).clamp(2, 6) as usize;
                let mut inner_html = String::new();
                pulldown_cmark::html::push_html(&mut inner_html, inner.iter().cloned());
                out.push(Event::Html(
                    format!("<h{lvl} id=\"{ID_PREFIX}{id}\">{inner_html}</h{lvl}>\n").into(),
                ));
                push_text(&mut text, &title);
                text.push('\n');
                i = end + 1;
                continue;
            }
            Event::TaskListMarker(done) => {
                out.push(Event::Text(if *done { "☑ " } else { "☐ " }.into()));
            }
            Event::FootnoteReference(name) => {
                let n = footnote_number(&mut footnotes, name);
                out.push(Event::Html(
                    format!(
                        "<sup><a href=\"#{ID_PREFIX}fn-{}\">{n}</a></sup>",
                        slugify(name)
                    )
                    .into(),
                ));
            }
            Event::Start(Tag::FootnoteDefinition(name)) => {
                let n = footnote_number(&mut footnotes, name);
                out.push(Event::Html(
                    format!("<div id=\"{ID_PREFIX}fn-{}\"><p>{n}.</p>", slugify(name)).into(),
                ));
            }
            Event::End(TagEnd::FootnoteDefinition) => out.push(Event::Html("</div>".into())),
            Event::Html(h) | Event::InlineHtml(h) => {
                raw_html = true;
                out.push(Event::Html(h.clone()));
            }
            e => {
                if let Some(t) = event_text(e) {
                    push_text(&mut text, t);
                }
                if matches!(
                    e,
                    Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell)
                        | Event::SoftBreak
                        | Event::HardBreak
                ) {
                    text.push(' ');
                }
                out.push(e.clone());
            }
        }
        i += 1;
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    // Markdown without raw HTML gives only the HTML pulldown-cmark writes, with every
    // URL already checked above; only raw HTML from content needs the sanitiser.
    if raw_html || inner_headings_have_html(&events) {
        html = CLEANER.clean(&html).to_string();
    }
    Rendered {
        html,
        text: collapse_whitespace(&text),
        links: body_links,
        missing_alt,
        refused,
    }
}

/// True when raw HTML stands inside a heading (rendered separately above).
fn inner_headings_have_html(events: &[Event]) -> bool {
    events.iter().any(|e| matches!(e, Event::InlineHtml(_)))
}

fn footnote_number(seen: &mut Vec<String>, name: &str) -> usize {
    match seen.iter().position(|s| s == name) {
        Some(i) => i + 1,
        None => {
            seen.push(name.to_string());
            seen.len()
        }
    }
}

/// `text` with each run of white space made one space, and none at the ends.
fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn push_text(out: &mut String, t: &str) {
    out.push_str(t);
}

fn event_text<'e>(e: &'e Event) -> Option<&'e str> {
    match e {
        Event::Text(t) | Event::Code(t) => Some(t),
        _ => None,
    }
}

fn find_end(events: &[Event], start: usize) -> usize {
    let mut depth = 0;
    for (j, e) in events.iter().enumerate().skip(start) {
        match e {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
    }
    events.len() - 1
}

/// Line starts of a body, to turn byte offsets into file positions.
struct Lines {
    starts: Vec<usize>,
    first_line: usize,
}

impl Lines {
    fn new(md: &str, first_line: usize) -> Lines {
        let starts = std::iter::once(0)
            .chain(md.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { starts, first_line }
    }

    fn pos(&self, md: &str, offset: usize) -> Pos {
        let line = self.starts.partition_point(|&s| s <= offset).max(1) - 1;
        let start = self.starts[line];
        let col = md.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        Pos::new(self.first_line + line, col)
    }
}

/// Rewrites the URL of every link and image (Markdown and raw HTML) to the
/// site's, recording relative targets and images without alt text.
fn resolve_links<'a>(
    md: &'a str,
    events: Vec<(Event<'a>, std::ops::Range<usize>)>,
    ctx: &LinkContext,
    lines: &Lines,
    (found, refused): (&mut Vec<BodyLink>, &mut Vec<(Pos, String, String)>),
    missing_alt: &mut Vec<Pos>,
) -> Vec<Event<'a>> {
    let mut out = Vec::with_capacity(events.len());
    let mut record = |written: &str, offset: usize, image: bool| {
        let r = links::resolve(written, ctx);
        if let Some(why) = r.refused {
            refused.push((lines.pos(md, offset), written.trim().to_string(), why));
        }
        if let Some(target) = r.target {
            found.push(BodyLink {
                written: written.trim().to_string(),
                target,
                pos: lines.pos(md, offset),
                image,
            });
        }
        r.url
    };
    let mut i = 0;
    while i < events.len() {
        let (e, range) = &events[i];
        match e {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = if *link_type == LinkType::Email {
                    dest_url.to_string()
                } else {
                    record(dest_url, range.start, false)
                };
                out.push(Event::Start(Tag::Link {
                    link_type: if dest.is_empty() {
                        LinkType::Inline
                    } else {
                        *link_type
                    },
                    dest_url: dest.into(),
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = record(dest_url, range.start, true);
                let end = find_end_ranged(&events, i);
                let alt: String = events[i + 1..end]
                    .iter()
                    .filter_map(|(e, _)| event_text(e))
                    .collect();
                if alt.trim().is_empty() {
                    missing_alt.push(lines.pos(md, range.start));
                }
                out.push(Event::Start(Tag::Image {
                    link_type: *link_type,
                    dest_url: CowStr::from(dest),
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                let (urls, no_alt) = links::raw_urls(h);
                let mut html = String::with_capacity(h.len());
                let mut last = 0;
                for u in urls {
                    let written = &h[u.value.clone()];
                    let url = record(
                        &decode_entities(written),
                        range.start + u.tag_start,
                        u.image,
                    );
                    html.push_str(&h[last..u.value.start]);
                    html.push_str(&crate::util::escape::html(&url));
                    last = u.value.end;
                }
                html.push_str(&h[last..]);
                for start in no_alt {
                    missing_alt.push(lines.pos(md, range.start + start));
                }
                out.push(if matches!(e, Event::Html(_)) {
                    Event::Html(html.into())
                } else {
                    Event::InlineHtml(html.into())
                });
            }
            e => out.push(e.clone()),
        }
        i += 1;
    }
    out
}

fn find_end_ranged(events: &[(Event, std::ops::Range<usize>)], start: usize) -> usize {
    let mut depth = 0;
    for (j, (e, _)) in events.iter().enumerate().skip(start) {
        match e {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
    }
    events.len() - 1
}

/// The few character references an editor may write in a raw URL.
fn decode_entities(s: &str) -> String {
    s.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(md: &str) -> Rendered {
        render(
            md,
            &LinkContext {
                source_rel: "getinge/actions/x.md",
                prefix: "/sub/",
            },
            1,
        )
    }

    #[test]
    fn raw_html_is_sanitised_and_js_links_dropped() {
        let out = r("<script>alert(1)</script>\n\n[a](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n[b]( JaVaScRiPt:alert(2))");
        assert!(!out.html.contains("<script"), "{}", out.html);
        assert!(
            !out.html.to_lowercase().contains("javascript:"),
            "{}",
            out.html
        );
        assert!(!out.html.contains("onerror"), "{}", out.html);
        // The link whose href was dropped keeps no attribute that needs an href.
        assert!(!out.html.contains("rel="), "{}", out.html);
        assert_eq!(out.missing_alt.len(), 1);
        assert!(r("<img src=x alt=\"Karta\"> ![ok](y.png)")
            .missing_alt
            .is_empty());
    }

    #[test]
    fn headings_shift_below_the_page_title_and_get_anchors() {
        let out = r("# Bakgrund\n\ntext\n\n## Detaljer\n\n# Bakgrund");
        assert!(
            out.html.contains("<h2 id=\"md-bakgrund\">Bakgrund</h2>"),
            "{}",
            out.html
        );
        assert!(out.html.contains("<h3 id=\"md-detaljer\">"), "{}", out.html);
        assert!(out.html.contains("id=\"md-bakgrund-2\""), "{}", out.html);
    }

    #[test]
    fn tables_footnotes_tasks_and_text() {
        let out = r("| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] klar\n- [ ] ej\n\nNot[^1].\n\n[^1]: Fotnot.\n\n~~gammal~~");
        assert!(out.html.contains("<table>"), "{}", out.html);
        assert!(out.html.contains("☑ klar"), "{}", out.html);
        assert!(out.html.contains("<del>gammal</del>"), "{}", out.html);
        assert!(out.html.contains("href=\"#md-fn-1\""), "{}", out.html);
        assert!(out.html.contains("id=\"md-fn-1\""), "{}", out.html);
        assert!(!out.html.contains("<input"), "{}", out.html);
        assert!(out.text.contains("klar"));
    }
}
