//! The one escape module: text into HTML and XML. Templates escape through [`html`] (tera's
//! escape function); Rust code that writes markup (feeds, the sitemap, SVG charts, the admin
//! page, Markdown attributes, `serve`'s error page) uses the same functions.

/// Escapes text for HTML text and quoted attributes: `& < > " '` (`/` stays readable in URLs).
pub fn html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    let mut last = 0;
    for (i, b) in input.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&input[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&input[last..]);
    out
}

/// Escapes text for XML (feeds, the sitemap, SVG) as [`html`] does, first dropping the control
/// characters XML forbids ([`xml_chars`]).
pub fn xml(s: &str) -> String {
    html(&xml_chars(s))
}

/// Text without the control characters XML forbids (all below U+0020 but tab, line feed and
/// carriage return), for text that a template then escapes.
pub fn xml_chars(s: &str) -> std::borrow::Cow<'_, str> {
    let allowed = |c: &char| (*c as u32) >= 0x20 || matches!(c, '\n' | '\t' | '\r');
    if s.chars().all(|c| allowed(&c)) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.chars().filter(allowed).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_special_character() {
        assert_eq!(
            html(r#"<a href="x">Tom & 'Jerry'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
        assert_eq!(html("a/b"), "a/b");
        assert_eq!(xml("bell\u{7}\tok\u{1b}"), "bell\tok");
        assert_eq!(xml("<x>"), "&lt;x&gt;");
    }
}
