//! Markdown bodies: CommonMark with tables, footnotes, strikethrough and task
//! lists, rendered to sanitised HTML (ammonia) with heading anchors, links
//! rewritten to the site's pages, and a plain-text copy for search.

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;
use std::sync::LazyLock;

use crate::load::slugify;

/// A rendered body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub text: String,
    /// Images from raw HTML without an `alt` attribute (Markdown images always have one).
    pub images_without_alt: usize,
}

/// Where a body comes from, to resolve its relative links.
pub struct LinkContext<'a> {
    /// The source file relative to the content folder (`getinge/actions/x.md`).
    pub source_rel: &'a str,
    /// The path prefix of every link (base_url's path, ending in `/`).
    pub prefix: &'a str,
}

/// Prefix given by the sanitiser to every `id` from content, so that content
/// can never take the id of an element of the page around it.
pub const ID_PREFIX: &str = "md-";

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
pub fn render(md: &str, ctx: &LinkContext) -> Rendered {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let events: Vec<Event> = Parser::new_ext(md, opts).collect();
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
                pulldown_cmark::html::push_html(
                    &mut inner_html,
                    inner.iter().cloned().map(|e| rewrite_link(e, ctx)),
                );
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
                    push_text(&mut text, &t);
                }
                if matches!(
                    e,
                    Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell)
                        | Event::SoftBreak
                        | Event::HardBreak
                ) {
                    text.push(' ');
                }
                out.push(rewrite_link(e.clone(), ctx));
            }
        }
        i += 1;
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    // Markdown without raw HTML gives only the HTML pulldown-cmark writes, with every
    // URL already checked above; only raw HTML from content needs the sanitiser.
    let mut images_without_alt = 0;
    if raw_html || inner_headings_have_html(&events) {
        html = CLEANER.clean(&html).to_string();
        images_without_alt = html
            .split("<img")
            .skip(1)
            .filter(|tag| !tag[..tag.find('>').unwrap_or(tag.len())].contains(" alt="))
            .count();
    }
    Rendered {
        html,
        text: text.split_whitespace().collect::<Vec<_>>().join(" "),
        images_without_alt,
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

fn push_text(out: &mut String, t: &str) {
    out.push_str(t);
}

fn event_text(e: &Event) -> Option<String> {
    match e {
        Event::Text(t) | Event::Code(t) => Some(t.to_string()),
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

fn rewrite_link<'a>(e: Event<'a>, ctx: &LinkContext) -> Event<'a> {
    match e {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let dest = resolve_url(&dest_url, ctx);
            Event::Start(Tag::Link {
                link_type: if dest.is_empty() {
                    LinkType::Inline
                } else {
                    link_type
                },
                dest_url: dest.into(),
                title,
                id,
            })
        }
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: CowStr::from(resolve_url(&dest_url, ctx)),
            title,
            id,
        }),
        e => e,
    }
}

/// Resolves a link written in content to a URL of the site.
///
/// Links with a scheme are kept (the sanitiser drops unsafe schemes such as
/// `javascript:`); `/path` gets the site prefix; `#frag` points at the
/// prefixed heading ids; a relative path is resolved against the source
/// file, and a path to a content file (`../ambitions/x.md`) becomes the URL of
/// that entity's page.
pub fn resolve_url(url: &str, ctx: &LinkContext) -> String {
    let url = url.trim();
    let lower: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    if lower.starts_with("javascript:")
        || lower.starts_with("vbscript:")
        || lower.starts_with("data:")
    {
        return String::new();
    }
    if let Some(frag) = url.strip_prefix('#') {
        return format!("#{ID_PREFIX}{frag}");
    }
    if url.starts_with("//") || has_scheme(url) {
        return url.to_string();
    }
    let (path, suffix) = match url.find(['#', '?']) {
        Some(i) => (&url[..i], &url[i..]),
        None => (url, ""),
    };
    let joined = match path.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => {
            let dir = ctx
                .source_rel
                .rsplit_once('/')
                .map(|(d, _)| d)
                .unwrap_or("");
            format!("{dir}/{path}")
        }
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let keep_slash = path.ends_with('/') && !parts.is_empty();
    let mut target = parts.join("/");
    if let Some(stem) = target.strip_suffix(".md") {
        target = match stem.strip_suffix("/programme") {
            Some(place) => format!("{place}/"),
            None => format!("{stem}/"),
        };
    } else if keep_slash {
        target.push('/');
    }
    format!("{}{}{}", ctx.prefix, target, suffix)
}

fn has_scheme(url: &str) -> bool {
    match url.find(':') {
        Some(i) => {
            url[..i]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                && i > 0
        }
        None => false,
    }
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
        assert_eq!(out.images_without_alt, 1);
        assert_eq!(
            r("<img src=x alt=\"Karta\"> ![ok](y.png)").images_without_alt,
            0
        );
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
    fn content_links_resolve_to_pages() {
        let ctx = LinkContext {
            source_rel: "getinge/actions/x.md",
            prefix: "/sub/",
        };
        assert_eq!(
            resolve_url("../ambitions/skola.md", &ctx),
            "/sub/getinge/ambitions/skola/"
        );
        assert_eq!(
            resolve_url("../../halmstad/programme.md#mal", &ctx),
            "/sub/halmstad/#mal"
        );
        assert_eq!(
            resolve_url("../files/karta.pdf", &ctx),
            "/sub/getinge/files/karta.pdf"
        );
        assert_eq!(
            resolve_url("/getinge/actions/", &ctx),
            "/sub/getinge/actions/"
        );
        assert_eq!(
            resolve_url("../../../../etc/passwd", &ctx),
            "/sub/etc/passwd"
        );
        assert_eq!(
            resolve_url("https://halmstad.se", &ctx),
            "https://halmstad.se"
        );
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
