//! Paths inside the content folder and the published site: joining and normalising `/`
//! paths, relative paths between folders, percent-encoding of published file paths, and the
//! published folder of a content file (the rule the route table applies to entities).

/// Characters of a path segment that are written as `%XX` in a published URL: controls,
/// space and the characters that end or quote a URL part (`#`, `?`, `%` …); non-ASCII too.
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'\\')
    .add(b'^')
    .add(b'|')
    .add(b'[')
    .add(b']')
    .add(b'\'');

/// A content-relative path as it is published in a URL: each segment percent-encoded
/// (`files/plan 2024 #1.pdf` → `files/plan%202024%20%231.pdf`).
pub fn encode_path(path: &str) -> String {
    path.split('/')
        .map(|seg| percent_encoding::utf8_percent_encode(seg, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

/// The published path (below the prefix) of a content-relative path.
pub fn page_path(target: &str) -> String {
    let Some(stem) = target.strip_suffix(".md") else {
        return target.to_string();
    };
    let parts: Vec<&str> = stem.split('/').collect();
    match parts.as_slice() {
        [place, "programme"] => format!("{place}/"),
        [place, "reports", year] => format!("{place}/follow-up/{year}/"),
        _ => format!("{stem}/"),
    }
}

/// The folder of a content-relative file path.
pub fn dir_of(rel: &str) -> &str {
    rel.rsplit_once('/').map(|(d, _)| d).unwrap_or("")
}

/// Joins `path` to `dir` and removes `.` and `..`; true when `..` climbed
/// above the top.
pub fn normalise(joined: &str) -> (Vec<&str>, bool) {
    let mut parts: Vec<&str> = Vec::new();
    let mut escapes = false;
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    escapes = true;
                }
            }
            s => parts.push(s),
        }
    }
    (parts, escapes)
}

/// A relative path from the folder `from_dir` to `to` (both content-relative).
pub fn relative_path(from_dir: &str, to: &str) -> String {
    let from: Vec<&str> = from_dir.split('/').filter(|s| !s.is_empty()).collect();
    let to_parts: Vec<&str> = to.split('/').filter(|s| !s.is_empty()).collect();
    let common = from
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut out: Vec<&str> = vec![".."; from.len() - common];
    out.extend(&to_parts[common..]);
    out.join("/")
}
