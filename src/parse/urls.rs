//! Addresses written in content and site.yaml: every URL is parsed with the
//! `url` crate and only `http`, `https` and `mailto` (with a mail address)
//! are published; a URL with whitespace, control characters or characters
//! that would end an HTML attribute is refused, so that no address from
//! content can run script on the site or break the page around it.

/// Which addresses a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allow {
    /// `http` and `https` only (a repository, a published document).
    Web,
    /// `http`, `https` and `mailto:` with an address (contact and ideas links).
    WebOrMail,
    /// A link with a scheme in a body: as `WebOrMail`, and `tel:` numbers.
    Body,
}

/// Checks `raw` (trimmed); returns the address to publish, or why it is refused.
pub fn check(raw: &str, allow: Allow) -> Result<String, String> {
    let u = raw.trim();
    if u.chars().any(unsafe_char) {
        return Err("it contains a space, a control character or one of \" < > \\ `".into());
    }
    let parsed = url::Url::parse(u).map_err(|e| format!("it is not a valid address ({e})"))?;
    match parsed.scheme() {
        "http" | "https" if parsed.host_str().is_some_and(|h| !h.is_empty()) => Ok(u.to_string()),
        "http" | "https" => Err("it names no host".into()),
        "mailto" if allow != Allow::Web => {
            let to = percent_encoding::percent_decode_str(parsed.path()).decode_utf8_lossy();
            if to.split(',').all(is_email) {
                Ok(u.to_string())
            } else {
                Err(format!("`{to}` is not a mail address"))
            }
        }
        "tel" if allow == Allow::Body => Ok(u.to_string()),
        s => Err(format!(
            "only {} addresses are published, not `{s}:`",
            match allow {
                Allow::Web => "http and https",
                _ => "http, https and mailto",
            }
        )),
    }
}

/// True for an address that can stand in a `mailto:` link: `name@example.org`.
pub fn is_email(s: &str) -> bool {
    let s = s.trim();
    matches!(s.split_once('@'), Some((a, b)) if !a.is_empty() && b.contains('.') && !b.contains('@') && !b.starts_with('.') && !b.ends_with('.'))
        && !s
            .chars()
            .any(|c| unsafe_char(c) || matches!(c, '?' | '&' | ',' | ':' | '/'))
}

/// True for characters no published address may hold.
fn unsafe_char(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\' | '`' | '\'')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_and_mail_addresses_pass() {
        for u in [
            "https://example.org/a?b=1#c",
            "http://127.0.0.1:8080/",
            " https://x.se ",
        ] {
            assert_eq!(check(u, Allow::Web).as_deref(), Ok(u.trim()), "{u}");
        }
        assert!(check("mailto:ideer@example.org", Allow::WebOrMail).is_ok());
        assert!(check("mailto:ideer@example.org?subject=Hej", Allow::WebOrMail).is_ok());
        assert!(check("tel:+4635137000", Allow::Body).is_ok());
    }

    #[test]
    fn script_and_odd_addresses_are_refused() {
        for u in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>",
            "vbscript:x",
            "https://example.org/\"onmouseover=x",
            "https://exa mple.org/",
            "https://example.org/\u{1b}[31m",
            "https://",
            "example.org",
            "ftp://example.org/",
            "",
        ] {
            assert!(check(u, Allow::Body).is_err(), "{u:?} passed");
        }
        assert!(check("mailto:ideer@example.org", Allow::Web).is_err());
        assert!(check("mailto:javascript:alert(1)", Allow::WebOrMail).is_err());
        assert!(check("mailto:", Allow::WebOrMail).is_err());
        assert!(check("tel:123", Allow::WebOrMail).is_err());
    }
}
