//! A linear guard for raw HTML in a Markdown body: finds where elements are
//! nested deeper than the sanitiser can handle in reasonable time. The HTML
//! parser behind the sanitiser takes time quadratic in the nesting depth
//! (100,000 `<div>` take a minute), so such a body is refused before it is
//! rendered.

/// The deepest nesting of raw HTML elements accepted in a body.
pub const MAX_HTML_DEPTH: usize = 256;

/// Elements that never hold content, or whose end tag may be left out (the parser closes
/// them itself, so they do not pile up).
const NOT_NESTING: [&str; 30] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option",
    "optgroup", "rb", "rt", "rp", "colgroup", "caption",
];

/// Byte offset in `body` of the start tag that opens an element deeper than
/// [`MAX_HTML_DEPTH`], counting start tags against end tags in one pass; None when the body
/// stays within the limit. Text that merely looks like tags (in code) counts too: the bound
/// is far above what any real page nests.
pub fn too_deep(body: &str) -> Option<usize> {
    let bytes = body.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        let at = i + off;
        let rest = &bytes[at + 1..];
        if rest.starts_with(b"!--") {
            // A comment: skip to its end (or to the end of the body).
            i = find(&rest[3..], b"-->").map_or(bytes.len(), |e| at + 4 + e + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = at + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        i = name_start + name_len;
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = body[name_start..name_start + name_len].to_ascii_lowercase();
        if NOT_NESTING.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        // `<x … />` closes itself.
        let end = bytes[i..].iter().position(|b| *b == b'>' || *b == b'<');
        if let Some(e) = end {
            if bytes[i + e] == b'>' && e > 0 && bytes[i + e - 1] == b'/' {
                continue;
            }
        }
        depth += 1;
        if depth > MAX_HTML_DEPTH {
            return Some(at);
        }
    }
    None
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|b| *b == b'<')
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_found_at_the_tag_past_the_limit() {
        let body = format!("Text\n\n{}", "<div>".repeat(MAX_HTML_DEPTH + 10));
        let at = too_deep(&body).expect("too deep");
        assert_eq!(at, "Text\n\n".len() + MAX_HTML_DEPTH * "<div>".len());
    }

    #[test]
    fn closed_void_and_self_closing_elements_do_not_pile_up() {
        let n = MAX_HTML_DEPTH * 4;
        for body in [
            "<div>a</div>".repeat(n),
            "<br><img src=x><hr/>".repeat(n),
            "<p>a<li>b<td>c".repeat(n),
            "<span/>".repeat(n),
            "<!-- <div> -->".repeat(n),
            "a < b and 3<4 ".repeat(n),
        ] {
            assert_eq!(too_deep(&body), None, "{}", &body[..40]);
        }
        let within = format!(
            "{}{}",
            "<section>".repeat(MAX_HTML_DEPTH),
            "</section>".repeat(MAX_HTML_DEPTH)
        );
        assert_eq!(too_deep(&within), None);
        assert!(too_deep(&"<B>".repeat(MAX_HTML_DEPTH + 1)).is_some());
    }
}
