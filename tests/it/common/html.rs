//! HTML read with an HTML5 parser (`scraper`, html5ever), as a browser reads it: elements by
//! CSS selector, attributes, texts, links, ids, and the URLs of XML files.

/// One element.
#[derive(Debug, Clone)]
pub struct Tag {
    /// Lower-case name.
    pub name: String,
    /// Lower-case attribute names (`xlink:href` with its prefix) with their decoded values,
    /// as the parser keeps them (of a repeated attribute, the first).
    pub attrs: Vec<(String, String)>,
    /// The text inside the element (of a `<script>`, its inline body).
    pub text: String,
}

impl Tag {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

fn tag_of(e: scraper::ElementRef) -> Tag {
    let v = e.value();
    Tag {
        name: v.name().to_string(),
        attrs: v
            .attrs
            .iter()
            .map(|(q, val)| {
                let name = match &q.prefix {
                    Some(p) => format!("{p}:{}", q.local),
                    None => q.local.to_string(),
                };
                (name, val.to_string())
            })
            .collect(),
        text: e.text().collect(),
    }
}

/// The elements of `html` (a whole document, or part of one) that match the CSS selector
/// `css`, in document order. A document is parsed as a browser parses it: comments, the
/// contents of `<script>`, `<style>`, `<textarea>` and `<title>` hold no elements, and
/// `<html>`, `<head>` and `<body>` exist even where the text leaves them out.
pub fn select(html: &str, css: &str) -> Vec<Tag> {
    let selector =
        scraper::Selector::parse(css).unwrap_or_else(|e| panic!("selector `{css}`: {e:?}"));
    scraper::Html::parse_document(html)
        .select(&selector)
        .map(tag_of)
        .collect()
}

/// The values of attribute `attr` of the elements matching `css` that have it.
pub fn attrs(html: &str, css: &str, attr: &str) -> Vec<String> {
    select(html, css)
        .into_iter()
        .filter_map(|t| t.attr(attr).map(str::to_string))
        .collect()
}

/// The text of each element matching `css`, with runs of white space made one space.
pub fn texts(html: &str, css: &str) -> Vec<String> {
    select(html, css)
        .into_iter()
        .map(|t| t.text.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// Every element of a document (or part of one), in document order.
pub fn tags(html: &str) -> Vec<Tag> {
    select(html, "*")
}

/// The text a reader sees: every text of the document (the `<title>` included) outside
/// `<script>`, `<style>` and `<template>`, each text followed by a space.
pub fn visible_text(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let mut out = String::new();
    for node in doc.tree.nodes() {
        let Some(text) = node.value().as_text() else {
            continue;
        };
        let hidden = node.ancestors().any(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| matches!(e.name(), "script" | "style" | "template"))
        });
        if !hidden {
            out.push_str(text);
            out.push(' ');
        }
    }
    out
}

/// The decoded values of every `href` and `src` (and `action`, `poster`,
/// `data`, `formaction`, `srcset` entries) of a document.
pub fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for t in tags(html) {
        for (n, v) in &t.attrs {
            match n.as_str() {
                "href" | "src" | "action" | "formaction" | "poster" | "data" | "xlink:href" => {
                    out.push(v.clone())
                }
                "srcset" => out.extend(
                    v.split(',')
                        .filter_map(|s| s.split_whitespace().next())
                        .map(str::to_string),
                ),
                _ => {}
            }
        }
    }
    out
}

/// Only `href` values (what a reader clicks).
pub fn hrefs(html: &str) -> Vec<String> {
    attrs(html, "[href]", "href")
}

/// Decodes the character references a generator may write: named `&amp;`
/// `&lt;` `&gt;` `&quot;` `&apos;` `&nbsp;`, decimal `&#47;` and hex `&#x2F;`.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|j| j + 1);
        let (entity, consumed) = match end {
            Some(e) if tail[e..].starts_with(';') => (&tail[1..e], e + 1),
            Some(e) => (&tail[1..e], e),
            None => (&tail[1..], tail.len()),
        };
        let decoded = if let Some(num) = entity
            .strip_prefix("#x")
            .or_else(|| entity.strip_prefix("#X"))
        {
            u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
        } else if let Some(num) = entity.strip_prefix('#') {
            num.parse::<u32>().ok().and_then(char::from_u32)
        } else {
            match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                "Tab" => Some('\t'),
                "NewLine" => Some('\n'),
                "colon" => Some(':'),
                _ => None,
            }
        };
        match decoded {
            Some(c) if consumed > 1 => {
                out.push(c);
                rest = &tail[consumed..];
            }
            _ => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `<html lang="…">` of a page.
pub fn html_lang(html: &str) -> Option<String> {
    attrs(html, "html", "lang").into_iter().next()
}

/// All `id` values of a page.
pub fn ids(html: &str) -> Vec<String> {
    attrs(html, "[id]", "id")
}

/// `<loc>` / `<link href>` / `<id>` URLs of an XML file (sitemap, feed).
pub fn xml_urls(xml: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tag in ["loc", "id"] {
        let open = format!("<{tag}>");
        let close = format!("</{tag}>");
        let mut rest = xml;
        while let Some(i) = rest.find(&open) {
            let after = &rest[i + open.len()..];
            let Some(j) = after.find(&close) else { break };
            out.push(decode_entities(after[..j].trim()));
            rest = &after[j..];
        }
    }
    out.extend(attrs(xml, "link", "href"));
    out
}
