//! Markdown bodies: CommonMark with tables, footnotes, strikethrough and task
//! lists, rendered to sanitised HTML (ammonia) with heading anchors, links
//! rewritten to the site's pages, and a plain-text copy for search.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;
use std::sync::LazyLock;

use super::links::BodyLink;
pub use super::links::{LinkContext, ID_PREFIX};
use crate::diag::Pos;
use crate::load::slugify;

mod resolve;
use resolve::{resolve_links, Lines};

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
    let shift = heading_shift(&events);
    let (out, text, raw_html) = rewrite_events(&events, shift);
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

/// How many levels headings move so that the highest stands at `<h2>`, below the page title.
fn heading_shift(events: &[Event]) -> isize {
    let min_level = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as usize),
            _ => None,
        })
        .min()
        .unwrap_or(2);
    2isize - min_level as isize
}

/// The events to write as HTML: headings with anchors, task markers and footnotes in the
/// site's form; with the plain text for search and whether raw HTML occurs.
fn rewrite_events<'a>(events: &[Event<'a>], shift: isize) -> (Vec<Event<'a>>, String, bool) {
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut text = String::new();
    let mut used_ids = HashSet::new();
    let mut footnotes: Vec<String> = Vec::new();
    let mut raw_html = false;
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::Heading { level, .. }) => {
                let end = find_end(events, i);
                let inner = &events[i + 1..end];
                let lvl = (*level as isize + shift).clamp(2, 6) as usize;
                out.push(heading(inner, lvl, &mut used_ids, &mut text));
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
    (out, text, raw_html)
}

/// A heading at level `lvl` with an anchor not yet in `used_ids`; its title joins `text`.
fn heading(
    inner: &[Event],
    lvl: usize,
    used_ids: &mut HashSet<String>,
    text: &mut String,
) -> Event<'static> {
    let title: String = inner.iter().filter_map(event_text).collect();
    let mut id = slugify(&title);
    let base = id.clone();
    let mut n = 1;
    while !used_ids.insert(id.clone()) {
        n += 1;
        id = format!("{base}-{n}");
    }
    let mut inner_html = String::new();
    pulldown_cmark::html::push_html(&mut inner_html, inner.iter().cloned());
    push_text(text, &title);
    text.push('\n');
    Event::Html(format!("<h{lvl} id=\"{ID_PREFIX}{id}\">{inner_html}</h{lvl}>\n").into())
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
