//! Post-processing of the serialized index (a leaner trie, shorter term frequencies) and the
//! result-list data.

use std::fmt::Write as _;

use serde_json::{json, Value};

use super::{text, SearchDoc, FIELDS};

/// Drops `"docs":{},"df":0` from the trie nodes that only lead to longer terms (elasticlunr.js
/// reads such a node's missing `docs` as no documents), keeping the root's.
pub(crate) fn strip_empty_nodes(json: &str) -> String {
    const EMPTY: &str = "{\"docs\":{},\"df\":0,";
    const ROOT: &str = "\"root\":";
    let mut out = String::with_capacity(json.len());
    let mut last = 0;
    for (pos, _) in json.match_indices(EMPTY) {
        out.push_str(&json[last..pos]);
        out.push_str(if json[..pos].ends_with(ROOT) {
            EMPTY
        } else {
            "{"
        });
        last = pos + EMPTY.len();
    }
    out.push_str(&json[last..]);
    out
}

/// Rounds every `"tf":` value to one decimal ("1.4142135623730951" → "1.4", "2.0" → "2").
/// The index stays an elasticlunr index; scores barely change and the file gets much smaller.
pub(crate) fn round_tf(json: &str) -> String {
    const KEY: &str = "\"tf\":";
    let mut out = String::with_capacity(json.len());
    let mut last = 0;
    for (pos, _) in json.match_indices(KEY) {
        let start = pos + KEY.len();
        if start < last {
            continue;
        }
        out.push_str(&json[last..start]);
        let tail = &json[start..];
        let end = tail
            .find(|c: char| !matches!(c, '0'..='9' | '.' | 'e' | 'E' | '+' | '-'))
            .unwrap_or(tail.len());
        let num = &tail[..end];
        match num.parse::<f64>() {
            Ok(v) => {
                let r = (v * 10.0).round() / 10.0;
                if r.fract() == 0.0 {
                    write!(out, "{}", r as i64).unwrap();
                } else {
                    write!(out, "{r:.1}").unwrap();
                }
            }
            Err(_) => out.push_str(num),
        }
        last = start + end;
    }
    out.push_str(&json[last..]);
    out
}

/// The longest prefix of all URLs that ends with '/'.
fn common_base<'a>(docs: &[SearchDoc<'a>]) -> &'a str {
    let Some(first) = docs.first() else { return "" };
    let mut len = first.url.len();
    for d in &docs[1..] {
        len = first.url[..len]
            .char_indices()
            .zip(d.url.chars())
            .find(|((_, a), b)| a != b)
            .map_or(len.min(d.url.len()), |((i, _), _)| i);
    }
    match first.url[..len].rfind('/') {
        Some(i) => &first.url[..=i],
        None => "",
    }
}

/// Adds `"ambit": {...}` (see the module documentation) before the closing brace of `out`.
pub(crate) fn append_extra(out: &mut String, code: &str, docs: &[SearchDoc], excerpt: usize) {
    let base = common_base(docs);
    let mut kinds: Vec<(&str, &str)> = Vec::new();
    let mut rows = Vec::with_capacity(docs.len());
    for d in docs {
        let k = match kinds
            .iter()
            .position(|k| k.0 == d.kind && k.1 == d.kind_label)
        {
            Some(k) => k,
            None => {
                kinds.push((d.kind, d.kind_label));
                kinds.len() - 1
            }
        };
        let source = if d.summary.trim().is_empty() {
            d.body
        } else {
            d.summary
        };
        let mut row = vec![
            json!(d.title),
            json!(k),
            json!(&d.url[base.len()..]),
            json!(text::excerpt(source, excerpt)),
        ];
        if let Some(status) = d.status {
            row.push(json!(status));
            row.push(json!(d.status_label.unwrap_or(status)));
        }
        rows.push(Value::Array(row));
    }
    let boost: serde_json::Map<String, Value> = FIELDS
        .iter()
        .map(|(f, b)| (f.to_string(), json!(b)))
        .collect();
    let extra = json!({
        "v": 1,
        "lang": code,
        "boost": boost,
        "base": base,
        "kinds": kinds.iter().map(|(k, l)| json!([k, l])).collect::<Vec<_>>(),
        "docs": rows,
    });
    debug_assert!(out.ends_with('}'));
    out.pop();
    out.push_str(",\"ambit\":");
    out.push_str(&extra.to_string());
    out.push('}');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_tf() {
        assert_eq!(
            round_tf(
                r#"{"a":{"docs":{"1":{"tf":1.4142135623730951},"2":{"tf":2.0},"3":{"tf":1}}}}"#
            ),
            r#"{"a":{"docs":{"1":{"tf":1.4},"2":{"tf":2},"3":{"tf":1}}}}"#
        );
    }
}
