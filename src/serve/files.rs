//! Mapping a request path to a file of the output folder, safely: the path
//! is percent-decoded first, then any `..` segment, backslash or NUL is
//! refused, hidden names are not served, and the file found must lie inside
//! the output folder after symbolic links are resolved. Also the content
//! types of the files a site holds.

use std::path::{Path, PathBuf};

/// Where a request path leads.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// A file to send.
    File(PathBuf),
    /// A folder asked for without its trailing slash: redirect here.
    Redirect(String),
    /// Nothing there (answer with the site's 404 page).
    NotFound,
    /// A path that tries to leave the output folder, or cannot be decoded.
    Bad,
}

/// Resolves the raw (still percent-encoded) path of a request inside `root`.
pub fn resolve(root: &Path, raw_path: &str) -> Resolved {
    let Some(decoded) = percent_decode(raw_path) else {
        return Resolved::Bad;
    };
    if decoded.contains(['\0', '\\']) {
        return Resolved::Bad;
    }
    let mut segments = Vec::new();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => return Resolved::Bad,
            s if s.starts_with('.') => return Resolved::NotFound,
            s => segments.push(s),
        }
    }
    let mut path = root.to_path_buf();
    path.extend(&segments);
    if path.is_dir() {
        if !raw_path.ends_with('/') {
            return Resolved::Redirect(format!("/{}/", raw_path.trim_start_matches('/')));
        }
        path.push("index.html");
    }
    if !path.is_file() || !inside(root, &path) {
        return Resolved::NotFound;
    }
    Resolved::File(path)
}

/// True if `path`, with links resolved, lies inside `root`.
fn inside(root: &Path, path: &Path) -> bool {
    match (root.canonicalize(), path.canonicalize()) {
        (Ok(r), Ok(p)) => p.starts_with(r),
        _ => false,
    }
}

/// Decodes `%XX` escapes; `None` for a `%` without two hex digits or a result that is not
/// UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let bad = b.iter().enumerate().any(|(i, &c)| {
        c == b'%'
            && !b
                .get(i + 1..i + 3)
                .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit))
    });
    if bad {
        return None;
    }
    percent_encoding::percent_decode_str(s)
        .decode_utf8()
        .ok()
        .map(|c| c.into_owned())
}

/// The `Content-Type` of a file, by its extension (text with its charset).
pub fn content_type(path: &Path) -> String {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let text =
        mime.type_() == mime_guess::mime::TEXT || mime.essence_str() == "application/javascript";
    if text && mime.get_param(mime_guess::mime::CHARSET).is_none() {
        format!("{}; charset=utf-8", mime.essence_str())
    } else {
        mime.essence_str().to_string()
    }
}

/// True for HTML files, which get the live-reload script.
pub fn is_html(path: &Path) -> bool {
    content_type(path).starts_with("text/html")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("out");
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        std::fs::write(root.join("index.html"), "home").unwrap();
        std::fs::write(root.join("a/b/index.html"), "b").unwrap();
        std::fs::write(root.join("a/x y.css"), "css").unwrap();
        std::fs::write(root.join(".ambit-output"), "").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        dir
    }

    #[test]
    fn folders_serve_their_index() {
        let dir = site();
        let root = dir.path().join("out");
        assert_eq!(resolve(&root, "/"), Resolved::File(root.join("index.html")));
        assert_eq!(
            resolve(&root, "/a/b/"),
            Resolved::File(root.join("a/b/index.html"))
        );
        assert_eq!(resolve(&root, "/a/b"), Resolved::Redirect("/a/b/".into()));
        assert_eq!(resolve(&root, "//a/b"), Resolved::Redirect("/a/b/".into()));
        assert_eq!(
            resolve(&root, "/a/x%20y.css"),
            Resolved::File(root.join("a/x y.css"))
        );
        assert_eq!(resolve(&root, "/a/nothing"), Resolved::NotFound);
    }

    #[test]
    fn traversal_is_refused() {
        let dir = site();
        let root = dir.path().join("out");
        for p in [
            "/../secret.txt",
            "/a/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/a/%2E%2E%2F%2e%2e/secret.txt",
            "/..%5csecret.txt",
            "/a%00",
            "/%zz",
            "/%ff",
        ] {
            assert_eq!(resolve(&root, p), Resolved::Bad, "{p}");
        }
        assert_eq!(resolve(&root, "/.ambit-output"), Resolved::NotFound);
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_folder_are_not_followed() {
        let dir = site();
        let root = dir.path().join("out");
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), root.join("link.txt")).unwrap();
        assert_eq!(resolve(&root, "/link.txt"), Resolved::NotFound);
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type(Path::new("a/b.WOFF2")), "font/woff2");
        assert_eq!(
            content_type(Path::new("index.html")),
            "text/html; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("data.csv")),
            "text/csv; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("noext")), "application/octet-stream");
        assert_eq!(
            content_type(Path::new("app.js")),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("feed.xml")),
            "text/xml; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("logo.svg")), "image/svg+xml");
        assert!(is_html(Path::new("a/index.HTML")));
    }
}
