//! The YAML boundary: the only module that names the YAML crate.
//!
//! Front matter is parsed here into a [`Value`] tree, and the positions of its
//! keys and values are found by a light scan of the text, so that later stages
//! can point an editor at the exact line of a key. Swapping serde_yaml for a
//! maintained fork (serde_norway has the same API) touches only this file.

mod pos;

pub use serde_yaml::{Mapping, Value};

use crate::diag::Pos;

/// Parsed front matter with a map of where its keys stand in the file.
#[derive(Debug, Clone)]
pub struct Doc {
    pub value: Value,
    /// The front matter text (without the `---` lines).
    text: String,
    /// File line of the front matter's first line (1-based).
    first_line: usize,
    /// Top-level keys with their position in the file, in order of appearance.
    keys: Vec<(String, Pos)>,
    /// Where each line starts, and what was looked up already (see [`pos`]).
    index: pos::Index,
}

/// A YAML syntax error with its position in the file.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    pub pos: Pos,
    pub message: String,
}

/// Parses YAML `text` whose first line is line `first_line` of its file.
pub fn parse(text: &str, first_line: usize) -> Result<Doc, SyntaxError> {
    if let Some((line, col)) = too_deep(text) {
        return Err(SyntaxError {
            pos: Pos::new(first_line + line, col),
            message: format!("lists or maps nested more than {MAX_FLOW_DEPTH} levels deep"),
        });
    }
    let value: Value = if text.trim().is_empty() {
        Value::Mapping(Mapping::new())
    } else {
        serde_yaml::from_str(text).map_err(|e| {
            let (line, col) = e
                .location()
                .map(|l| (l.line(), l.column()))
                .unwrap_or((1, 1));
            let message = clean_message(&e.to_string());
            let pos = duplicate_key_pos(text, first_line, &message)
                .unwrap_or(Pos::new(first_line + line - 1, col));
            SyntaxError { pos, message }
        })?
    };
    let keys = scan_top_level_keys(text, first_line);
    Ok(Doc {
        value,
        index: pos::Index::new(text),
        text: text.to_string(),
        first_line,
        keys,
    })
}

/// Parses a standalone YAML file (site.yaml, theme strings) into a value.
pub fn parse_file(text: &str) -> Result<Doc, SyntaxError> {
    parse(text, 1)
}

/// Parses YAML into any deserializable type (used for theme data).
pub fn from_str<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    if let Some((line, col)) = too_deep(text) {
        return Err(format!(
            "lists or maps nested more than {MAX_FLOW_DEPTH} levels deep at line {} column {col}",
            line + 1
        ));
    }
    serde_yaml::from_str(text).map_err(|e| clean_message(&e.to_string()))
}

/// The deepest nesting of flow lists and maps (`[…]`, `{…}`) accepted.
pub const MAX_FLOW_DEPTH: usize = 100;

/// Where a `[` or `{` opens a flow collection deeper than [`MAX_FLOW_DEPTH`]: (0-based line,
/// 1-based column), found in one pass over the text. The YAML scanner takes time quadratic in
/// the flow depth (100,000 brackets would take half a minute), so such text is refused before
/// it is parsed. Quoted scalars and comments are skipped; a bracket inside a block-context plain
/// scalar (`title: a [b`) does not open anything and is not counted.
fn too_deep(text: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let (mut depth, mut line, mut line_start) = (0usize, 0usize, 0usize);
    // Whether a node may begin here (after an indicator, a comma or at a line's start).
    let mut node_start = true;
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let next_blank = matches!(bytes.get(i + 1), None | Some(b' ' | b'\t' | b'\r' | b'\n'));
        if b == b'\n' {
            line += 1;
            line_start = i + 1;
            node_start |= quote.is_none();
        } else if let Some(q) = quote {
            // An escape (`\"`) or a doubled quote (`''`) skips the next byte.
            let escaped = (q == b'"' && b == b'\\' && bytes.get(i + 1) != Some(&b'\n'))
                || (b == q && q == b'\'' && bytes.get(i + 1) == Some(&b'\''));
            if escaped {
                i += 1;
            } else if b == q {
                quote = None;
                node_start = false;
            }
        } else {
            match b {
                b' ' | b'\t' | b'\r' => {}
                b'#' if i == line_start || matches!(bytes[i - 1], b' ' | b'\t') => {
                    while i + 1 < bytes.len() && bytes[i + 1] != b'\n' {
                        i += 1;
                    }
                }
                b'[' | b'{' if node_start || depth > 0 => {
                    depth += 1;
                    if depth > MAX_FLOW_DEPTH {
                        return Some((line, text[line_start..i].chars().count() + 1));
                    }
                    node_start = true;
                }
                b']' | b'}' if depth > 0 => {
                    depth -= 1;
                    node_start = false;
                }
                b',' if depth > 0 => node_start = true,
                b':' | b'-' | b'?' => node_start = next_blank || (b == b':' && depth > 0),
                b'\'' | b'"' if node_start => quote = Some(b),
                _ => node_start = false,
            }
        }
        i += 1;
    }
    None
}

/// serde_yaml places a duplicate key at the start of its map; find the second occurrence instead.
fn duplicate_key_pos(text: &str, first_line: usize, message: &str) -> Option<Pos> {
    let key = message
        .split("duplicate entry with key")
        .nth(1)?
        .trim()
        .trim_matches('"');
    let mut seen = 0;
    for (i, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start().len();
        if key_of_line(line).as_deref() == Some(key) && !line.trim_start().starts_with('-') {
            seen += 1;
            if seen == 2 {
                return Some(Pos::new(first_line + i, indent + 1));
            }
        }
    }
    None
}

fn clean_message(msg: &str) -> String {
    // serde_yaml appends " at line X column Y"; the position is printed separately.
    match msg.find(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

fn scan_top_level_keys(text: &str, first_line: usize) -> Vec<(String, Pos)> {
    let mut keys = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let Some(first) = line.chars().next() else {
            continue;
        };
        if first.is_whitespace() || matches!(first, '-' | '#' | '[' | '{' | '}' | ']') {
            continue;
        }
        if let Some(key) = key_of_line(line) {
            keys.push((key, Pos::new(first_line + i, 1)));
        }
    }
    keys
}

fn key_of_line(line: &str) -> Option<String> {
    let line = line.trim_start();
    let (raw, _) = line.split_once(':')?;
    let key = raw.trim().trim_matches(|c| c == '"' || c == '\'');
    if key.is_empty() || key.contains(' ') && !raw.starts_with(['"', '\'']) {
        return None;
    }
    Some(key.to_string())
}

fn char_col(line: &str, byte_idx: usize) -> usize {
    line[..byte_idx.min(line.len())].chars().count() + 1
}

/// Text as a YAML scalar: plain where YAML reads it back as the same text, else double quoted
/// (JSON's string escapes are YAML's). `in_flow`: inside `[…]` or `{…}`, where `,` ends it.
pub fn scalar_text(s: &str, in_flow: bool) -> String {
    let first_ok = s.chars().next().is_some_and(|c| c.is_alphabetic());
    let reserved = matches!(
        s.to_lowercase().as_str(),
        "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "y" | "n"
    );
    let plain = first_ok
        && !reserved
        && s == s.trim()
        && s.chars().all(|c| {
            c.is_alphanumeric()
                || matches!(
                    c,
                    ' ' | '.' | '-' | '(' | ')' | '/' | '&' | '\'' | '%' | '–' | '+'
                )
                || (c == ',' && !in_flow)
        });
    if plain {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
    }
}

/// A short English name of a value's type, for error messages.
pub fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a map of keys",
        Value::Tagged(_) => "a tagged value",
    }
}

/// Writes a value as YAML (generated files such as the editor's configuration).
pub fn to_string<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_yaml::to_string(value).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_quoted_only_where_yaml_would_read_it_otherwise() {
        assert_eq!(
            scalar_text("Ny lekplats vid skolan", false),
            "Ny lekplats vid skolan"
        );
        assert_eq!(scalar_text("Mål: 50 %", false), "\"Mål: 50 %\"");
        assert_eq!(scalar_text("yes", false), "\"yes\"");
        assert_eq!(scalar_text("2024", false), "\"2024\"");
        assert_eq!(scalar_text("a, b", true), "\"a, b\"");
        assert_eq!(
            scalar_text("# inte en kommentar", false),
            "\"# inte en kommentar\""
        );
        for s in ["Mål: 50 %", "yes", "a \"b\"", "x\ny", " kant"] {
            let back: String = from_str(&scalar_text(s, false)).unwrap();
            assert_eq!(back, s);
        }
    }

    #[test]
    fn key_positions_are_file_lines() {
        let doc = parse(
            "title: A\nstatus: done\nvalues:\n  - {year: 2021, value: 3}\n",
            2,
        )
        .unwrap();
        assert_eq!(doc.key_pos("title"), Pos::new(2, 1));
        assert_eq!(doc.key_pos("status"), Pos::new(3, 1));
        assert_eq!(doc.scalar_pos("status"), Pos::new(3, 9));
        assert_eq!(doc.value_pos("values", "year: 2021"), Pos::new(5, 6));
        assert_eq!(doc.item_pos("values", 0), Pos::new(5, 3));
    }

    #[test]
    fn syntax_errors_map_to_file_lines() {
        let err = parse("title: A\nstatus: [open\n", 2).unwrap_err();
        assert!(err.pos.line >= 3, "{:?}", err.pos);
        assert!(!err.message.contains(" at line "));
    }

    #[test]
    fn deep_flow_nesting_is_refused_where_it_gets_too_deep() {
        let deep = format!("title: A\nvalues: {}\n", "[".repeat(MAX_FLOW_DEPTH + 5));
        let err = parse(&deep, 2).unwrap_err();
        // The bracket one past the limit: after `values: ` and MAX_FLOW_DEPTH brackets.
        assert_eq!(err.pos, Pos::new(3, "values: ".len() + MAX_FLOW_DEPTH + 1));
        assert!(err.message.contains("nested"), "{}", err.message);
        let ok = format!(
            "values: {}1{}\n",
            "[".repeat(MAX_FLOW_DEPTH - 1),
            "]".repeat(MAX_FLOW_DEPTH - 1)
        );
        assert!(too_deep(&ok).is_none());
    }

    #[test]
    fn brackets_in_text_quotes_and_comments_do_not_count() {
        let many = "[".repeat(MAX_FLOW_DEPTH * 2);
        for text in [
            format!("title: a {many}\n"),
            format!("title: \"{many}\"\nsummary: 'it''s {many}'\n"),
            format!("title: A # {many}\n"),
            format!("title: it's {many}\n"),
        ] {
            assert!(too_deep(&text).is_none(), "{text}");
        }
        assert!(too_deep(&format!("title: it's\nv: {many}\n")).is_some());
    }

    #[test]
    fn flow_list_item_positions() {
        let doc = parse("measures: [a, bee]\n", 2).unwrap();
        assert_eq!(doc.value_pos("measures", "bee"), Pos::new(2, 15));
    }
}
