//! Cheap extraction of an entity's `status:` from the raw text of a Markdown file.
//!
//! The history reader looks at every version of every action that git holds, so it does not
//! run a YAML parser: it reads the front matter (the lines between the first two `---` lines)
//! and takes the value of the first top-level `status:` line. Quotes and a trailing `# comment`
//! are allowed; anything more exotic (a multi-line value, a flow map) yields `None`, which the
//! history treats as "no status".

/// The status word of a file's front matter, or `None` when there is no front matter or no
/// top-level `status:` line with a plain value.
pub fn status_of(text: &[u8]) -> Option<String> {
    let text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
    let mut lines = text.split(|&b| b == b'\n').map(trim_end);
    if lines.next()? != b"---" {
        return None;
    }
    for line in lines {
        if line == b"---" || line == b"..." {
            return None;
        }
        if let Some(rest) = line.strip_prefix(b"status:") {
            return value(rest);
        }
    }
    None
}

/// The scalar after `key:`: trimmed, unquoted, without a trailing comment.
fn value(rest: &[u8]) -> Option<String> {
    let rest = trim_start(rest);
    let word = match rest.first() {
        Some(&q @ (b'"' | b'\'')) => {
            let inner = &rest[1..];
            let end = inner.iter().position(|&b| b == q)?;
            &inner[..end]
        }
        _ => {
            let end = rest
                .windows(2)
                .position(|w| (w[0] == b' ' || w[0] == b'\t') && w[1] == b'#')
                .unwrap_or(rest.len());
            let v = trim_end(&rest[..end]);
            if v.starts_with(b"#") {
                return None;
            }
            v
        }
    };
    let word = trim_end(trim_start(word));
    if word.is_empty()
        || word.starts_with(b"|")
        || word.starts_with(b">")
        || word.starts_with(b"{")
        || word.starts_with(b"[")
    {
        return None;
    }
    std::str::from_utf8(word).ok().map(str::to_owned)
}

fn trim_end(s: &[u8]) -> &[u8] {
    let n = s
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    &s[..n]
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(s.len());
    &s[n..]
}

#[cfg(test)]
mod tests {
    use super::status_of;

    fn s(text: &str) -> Option<String> {
        status_of(text.as_bytes())
    }

    #[test]
    fn plain_quoted_and_commented_values() {
        assert_eq!(
            s("---\ntitle: X\nstatus: idea\n---\nbody"),
            Some("idea".into())
        );
        assert_eq!(s("---\nstatus: \"planned\"\n---\n"), Some("planned".into()));
        assert_eq!(s("---\nstatus: 'done'   \n---\n"), Some("done".into()));
        assert_eq!(
            s("---\nstatus: ongoing # since May\n---\n"),
            Some("ongoing".into())
        );
        assert_eq!(
            s("\u{feff}---\r\nstatus: done\r\n---\r\n"),
            Some("done".into())
        );
        assert_eq!(s("---\nstatus:done\n---\n"), Some("done".into()));
    }

    #[test]
    fn only_top_level_lines_inside_the_front_matter() {
        assert_eq!(s("---\nextra:\n  status: idea\n---\n"), None);
        assert_eq!(s("---\ntitle: X\n---\nstatus: idea\n"), None);
        assert_eq!(s("title: X\nstatus: idea\n"), None);
        assert_eq!(s("---\nstatus:\n---\n"), None);
        assert_eq!(s("---\nstatus: # none\n---\n"), None);
        assert_eq!(s(""), None);
    }
}
