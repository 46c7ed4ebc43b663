//! The links and images of a Markdown body, in Markdown and in raw HTML:
//! each address rewritten to the site's, relative targets recorded for
//! checking, refused addresses and images without alt text noted.

use pulldown_cmark::{CowStr, Event, LinkType, Tag};

use super::event_text;
use crate::diag::Pos;
use crate::parse::links::{self, BodyLink, LinkContext};

/// Line starts of a body, to turn byte offsets into file positions.
pub(super) struct Lines {
    starts: Vec<usize>,
    first_line: usize,
}

impl Lines {
    pub(super) fn new(md: &str, first_line: usize) -> Lines {
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
pub(super) fn resolve_links<'a>(
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
                out.push(link_start(dest, *link_type, title, id));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = record(dest_url, range.start, true);
                if image_alt(&events, i).trim().is_empty() {
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
                let (html, no_alt) = rewrite_raw_html(h, range.start, &mut record);
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

/// The start of a link to `dest`; a link whose address was dropped is an inline one.
fn link_start<'a>(
    dest: String,
    link_type: LinkType,
    title: &CowStr<'a>,
    id: &CowStr<'a>,
) -> Event<'a> {
    Event::Start(Tag::Link {
        link_type: if dest.is_empty() {
            LinkType::Inline
        } else {
            link_type
        },
        dest_url: dest.into(),
        title: title.clone(),
        id: id.clone(),
    })
}

/// The text alternative of the image that starts at `start`: the text up to its end.
fn image_alt(events: &[(Event, std::ops::Range<usize>)], start: usize) -> String {
    let end = find_end_ranged(events, start);
    events[start + 1..end]
        .iter()
        .filter_map(|(e, _)| event_text(e))
        .collect()
}

/// Raw HTML at `offset` with each URL in it rewritten by `record`, and the offsets (in `h`)
/// of its images without alt text.
fn rewrite_raw_html(
    h: &str,
    offset: usize,
    record: &mut impl FnMut(&str, usize, bool) -> String,
) -> (String, Vec<usize>) {
    let (urls, no_alt) = links::raw_urls(h);
    let mut html = String::with_capacity(h.len());
    let mut last = 0;
    for u in urls {
        let written = &h[u.value.clone()];
        let url = record(&decode_entities(written), offset + u.tag_start, u.image);
        html.push_str(&h[last..u.value.start]);
        html.push_str(&crate::util::escape::html(&url));
        last = u.value.end;
    }
    html.push_str(&h[last..]);
    (html, no_alt)
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
