//! Links and images in bodies: a URL written in content is resolved against
//! the file it is written in, as a git forge's preview does, and mapped to the
//! URL of the site (a content `.md` file to its entity's page, a `files/` path
//! to the copied file). Relative targets are recorded as [`BodyLink`]s so that
//! the graph stage, which knows every file, can check that they exist and are
//! published. Raw HTML `<a href>` and `<img src>` get the same treatment.

pub use crate::model::BodyLink;
pub use crate::util::paths::{dir_of, encode_path, normalise, page_path, relative_path};

/// Prefix given by the sanitiser to every `id` from content, so that content
/// can never take the id of an element of the page around it.
pub const ID_PREFIX: &str = "md-";

/// Where a body comes from, to resolve its relative links.
pub struct LinkContext<'a> {
    /// The source file relative to the content folder (`getinge/actions/x.md`).
    pub source_rel: &'a str,
    /// The path prefix of every link (base_url's path, ending in `/`).
    pub prefix: &'a str,
}

/// A URL resolved for the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The URL to publish; empty for a dropped (unsafe) URL.
    pub url: String,
    /// For relative paths: the content-relative target (see [`BodyLink::target`]).
    pub target: Option<Option<String>>,
    /// Why an address with a scheme is not published (`javascript:`, `data:`, a space …).
    pub refused: Option<String>,
}

/// Resolves a link written in content to a URL of the site.
pub fn resolve_url(url: &str, ctx: &LinkContext) -> String {
    resolve(url, ctx).url
}

/// Resolves a URL written in a body.
///
/// Links with a scheme are kept when they are http, https, mailto or tel
/// addresses (anything else is dropped, and `refused` says why); `/path` gets the site prefix; `#frag` points at the prefixed
/// heading ids; a relative path is resolved against the source file, and a
/// path to a content file (`../ambitions/x.md`) becomes the URL of that
/// entity's page, its fragment kept (pointing at the prefixed heading id).
pub fn resolve(url: &str, ctx: &LinkContext) -> Resolved {
    let url = url.trim();
    let kept = |u: String| Resolved {
        url: u,
        target: None,
        refused: None,
    };
    let squeezed: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    if url.is_empty() {
        return kept(String::new());
    }
    if let Some(frag) = url.strip_prefix('#') {
        return kept(format!("#{}", heading_fragment(frag)));
    }
    if url.starts_with("//") || has_scheme(&squeezed) {
        let full = match url.strip_prefix("//") {
            Some(rest) => format!("https://{rest}"),
            None => url.to_string(),
        };
        return match super::urls::check(&full, super::urls::Allow::Body) {
            Ok(_) => kept(url.to_string()),
            Err(why) => Resolved {
                refused: Some(why),
                ..kept(String::new())
            },
        };
    }
    let (path, query, fragment) = split_url(url);
    // Decoded before `.` and `..` are taken away: `%2e%2e/` climbs like `../`. A root-relative
    // path (`/x/y`) counts from the content folder, and is checked like a relative one.
    let decoded = decode(path);
    let joined = match decoded.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => format!("{}/{decoded}", dir_of(ctx.source_rel)),
    };
    let (parts, escapes) = normalise(&joined);
    let keep_slash = decoded.ends_with('/') && !parts.is_empty();
    let target_path = parts.join("/");
    let mut published = encode_path(&page_path(&target_path));
    if keep_slash && !published.ends_with('/') {
        published.push('/');
    }
    let fragment = fragment.map(|f| format!("#{}", heading_fragment(f)));
    let url = format!(
        "{}{}{}{}",
        ctx.prefix,
        published,
        query.unwrap_or(""),
        fragment.unwrap_or_default()
    );
    let target = if path.is_empty() {
        None
    } else if escapes {
        Some(None)
    } else {
        Some(Some(target_path))
    };
    Resolved {
        url,
        target,
        refused: None,
    }
}

fn heading_fragment(frag: &str) -> String {
    if frag.is_empty() || frag.starts_with(ID_PREFIX) {
        frag.to_string()
    } else {
        format!("{ID_PREFIX}{frag}")
    }
}

/// Splits a URL into path, `?query` and fragment (without `#`).
fn split_url(url: &str) -> (&str, Option<&str>, Option<&str>) {
    let (rest, fragment) = match url.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (url, None),
    };
    match rest.find('?') {
        Some(i) => (&rest[..i], Some(&rest[i..]), fragment),
        None => (rest, None, fragment),
    }
}

fn decode(path: &str) -> String {
    percent_encoding::percent_decode_str(path)
        .decode_utf8_lossy()
        .into_owned()
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

/// A URL attribute of a raw HTML tag: which tag, where the value stands in the
/// HTML text (byte range), and whether an `<img>` has `alt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawUrl {
    /// Byte offset of the tag's `<`.
    pub tag_start: usize,
    pub image: bool,
    /// Byte range of the attribute value (without quotes).
    pub value: std::ops::Range<usize>,
}

/// The `href` of `<a>` and `src` of `<img>` tags in a piece of raw HTML, and
/// the start of every `<img>` without an `alt` attribute.
pub fn raw_urls(html: &str) -> (Vec<RawUrl>, Vec<usize>) {
    let mut urls = Vec::new();
    let mut no_alt = Vec::new();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let start = i + off;
        let name_end = html[start + 1..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .map_or(html.len(), |e| start + 1 + e);
        let name = html[start + 1..name_end].to_ascii_lowercase();
        i = name_end.max(start + 1);
        let want = match name.as_str() {
            "a" => "href",
            "img" => "src",
            _ => continue,
        };
        let mut has_alt = false;
        let j = each_attribute(html, name_end, |attr, value| {
            if attr == "alt" {
                has_alt = true;
            }
            if attr == want {
                if let Some(v) = value {
                    urls.push(RawUrl {
                        tag_start: start,
                        image: name == "img",
                        value: v,
                    });
                }
            }
        });
        if name == "img" && !has_alt {
            no_alt.push(start);
        }
        i = j.max(i);
    }
    (urls, no_alt)
}

/// Calls `f` with the lower-cased name and the value's byte range of each attribute of the
/// tag whose name ends at byte `j`, up to its closing `>`; returns where reading stopped.
fn each_attribute(
    html: &str,
    mut j: usize,
    mut f: impl FnMut(&str, Option<std::ops::Range<usize>>),
) -> usize {
    let bytes = html.as_bytes();
    loop {
        while j < bytes.len() && (bytes[j].is_ascii_whitespace() || bytes[j] == b'/') {
            j += 1;
        }
        if j >= bytes.len() || bytes[j] == b'>' {
            break;
        }
        let an_start = j;
        while j < bytes.len()
            && !bytes[j].is_ascii_whitespace()
            && !matches!(bytes[j], b'=' | b'>' | b'/')
        {
            j += 1;
        }
        let attr = html[an_start..j].to_ascii_lowercase();
        if j == an_start {
            j += 1;
            continue;
        }
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        let mut value = None;
        if j < bytes.len() && bytes[j] == b'=' {
            let (v, end) = attribute_value(html, j + 1);
            value = Some(v);
            j = end;
        }
        f(&attr, value);
    }
    j
}

/// The byte range of an attribute's value that starts (after `=`) at byte `j`, quoted or not,
/// and the offset after it.
fn attribute_value(html: &str, mut j: usize) -> (std::ops::Range<usize>, usize) {
    let bytes = html.as_bytes();
    while j < bytes.len() && bytes[j].is_ascii_whitespace() {
        j += 1;
    }
    if j < bytes.len() && matches!(bytes[j], b'"' | b'\'') {
        let q = bytes[j];
        let vs = j + 1;
        let ve = html[vs..].find(q as char).map_or(html.len(), |e| vs + e);
        (vs..ve, (ve + 1).min(html.len()))
    } else {
        let vs = j;
        while j < bytes.len() && !bytes[j].is_ascii_whitespace() && bytes[j] != b'>' {
            j += 1;
        }
        (vs..j, j)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CTX: LinkContext = LinkContext {
        source_rel: "getinge/actions/x.md",
        prefix: "/sub/",
    };

    #[test]
    fn content_links_resolve_to_pages() {
        let r = |u: &str| resolve_url(u, &CTX);
        assert_eq!(r("../ambitions/skola.md"), "/sub/getinge/ambitions/skola/");
        assert_eq!(
            r("../../halmstad/programme.md#mal"),
            "/sub/halmstad/#md-mal"
        );
        assert_eq!(r("../files/karta.pdf"), "/sub/getinge/files/karta.pdf");
        assert_eq!(r("../../files/logo.png"), "/sub/files/logo.png");
        assert_eq!(r("/getinge/actions/"), "/sub/getinge/actions/");
        assert_eq!(r("../../../../etc/passwd"), "/sub/etc/passwd");
        assert_eq!(r("https://halmstad.se"), "https://halmstad.se");
        assert_eq!(r("../reports/2024.md"), "/sub/getinge/follow-up/2024/");
        assert_eq!(r("#varfor"), "#md-varfor");
    }

    #[test]
    fn relative_targets_are_recorded_decoded_and_escapes_flagged() {
        let t = |u: &str| resolve(u, &CTX).target;
        assert_eq!(
            t("../files/min%20karta.pdf?v=2#s"),
            Some(Some("getinge/files/min karta.pdf".into()))
        );
        assert_eq!(t("../../../x.md"), Some(None));
        assert_eq!(t("/files/logo.png"), Some(Some("files/logo.png".into())));
        assert_eq!(t("../%2e%2e/%2E%2E%2Fx.md"), Some(None));
        assert_eq!(t("..%2F..%2F..%2Fetc/passwd"), Some(None));
        assert_eq!(
            resolve_url("../files/plan%202024%20%231.pdf", &CTX),
            "/sub/getinge/files/plan%202024%20%231.pdf"
        );
        assert_eq!(t("mailto:a@b.se"), None);
        assert_eq!(t("#top"), None);
    }

    #[test]
    fn relative_paths_between_folders() {
        assert_eq!(
            relative_path("getinge/actions", "getinge/files/a.jpg"),
            "../files/a.jpg"
        );
        assert_eq!(
            relative_path("getinge", "getinge/files/a.jpg"),
            "files/a.jpg"
        );
        assert_eq!(
            relative_path("getinge/actions", "files/a.jpg"),
            "../../files/a.jpg"
        );
    }

    #[test]
    fn raw_html_urls_and_missing_alt() {
        let html =
            r#"<p><a class=x href="../a.md">a</a> <IMG SRC='b.png'> <img alt="" src=c.png /></p>"#;
        let (urls, no_alt) = raw_urls(html);
        let vals: Vec<&str> = urls.iter().map(|u| &html[u.value.clone()]).collect();
        assert_eq!(vals, ["../a.md", "b.png", "c.png"]);
        assert_eq!(no_alt, [html.find("<IMG").unwrap()]);
        assert!(urls[1].image && !urls[0].image);
    }
}
