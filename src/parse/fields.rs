//! Typed reading of front-matter keys: each getter checks the key's type and
//! reports a precise diagnostic (with the key's line) when it is wrong.

use std::path::Path;

use crate::diag::{did_you_mean, Diagnostic, Pos};
use crate::model::{PartialDate, Ref};
use crate::yaml::{type_name, Doc, Mapping, Value};

/// Reads keys of one front matter, collecting diagnostics.
pub struct Reader<'a> {
    pub doc: &'a Doc,
    pub path: &'a Path,
    pub diags: Vec<Diagnostic>,
    /// The content folder, when known: `file` paths of documents are checked against it.
    pub root: Option<std::path::PathBuf>,
    empty: Mapping,
}

impl<'a> Reader<'a> {
    pub fn new(doc: &'a Doc, path: &'a Path) -> Self {
        let mut r = Reader {
            doc,
            path,
            diags: Vec::new(),
            root: None,
            empty: Mapping::new(),
        };
        if !matches!(doc.value, Value::Mapping(_)) {
            let found = type_name(&doc.value);
            r.diags.push(
                Diagnostic::error(
                    path,
                    Pos::new(2, 1),
                    format!("front matter must be keys and values, found {found}"),
                )
                .with_help("write one `key: value` per line, e.g. `title: Ny lekplats`"),
            );
        }
        r
    }

    fn map(&self) -> &Mapping {
        match &self.doc.value {
            Value::Mapping(m) => m,
            _ => &self.empty,
        }
    }

    pub fn get(&self, key: &str) -> Option<&'a Value> {
        let Value::Mapping(m) = &self.doc.value else {
            return None;
        };
        m.get(key).filter(|v| !v.is_null())
    }

    pub fn error(&mut self, pos: Pos, msg: impl Into<String>) -> &mut Diagnostic {
        self.diags.push(Diagnostic::error(self.path, pos, msg));
        self.diags.last_mut().expect("just pushed")
    }

    /// Reports keys not in `allowed`, with a suggestion.
    pub fn check_keys(&mut self, allowed: &[&str], what: &str) {
        let keys: Vec<(String, Pos)> = self
            .map()
            .keys()
            .map(|k| {
                let name = key_text(k);
                let pos = self.doc.key_pos(&name);
                (name, pos)
            })
            .collect();
        for (key, pos) in keys {
            if allowed.contains(&key.as_str()) {
                continue;
            }
            let d = self.error(pos, format!("unknown key `{key}` in {what}"));
            match did_you_mean(&key, allowed.iter().copied()) {
                Some(s) => d.help.push(format!("did you mean `{s}`?")),
                None => d.help.push(format!("allowed keys: {}", allowed.join(", "))),
            }
            d.help
                .push("free data for themes goes under `extra:`".into());
        }
    }

    fn missing(&mut self, key: &str, example: &str) {
        let d = self.error(Pos::new(1, 1), format!("missing required key `{key}`"));
        d.help.push(format!(
            "add a line such as `{key}: {example}` to the front matter"
        ));
    }

    fn wrong_type(&mut self, key: &str, expected: &str, found: &Value) {
        let pos = self.doc.scalar_pos(key);
        let found = type_name(found);
        self.error(pos, format!("`{key}` must be {expected}, found {found}"));
    }

    /// Text value; numbers and booleans are taken as their text.
    pub fn text(&mut self, key: &str, required: Option<&str>) -> Option<String> {
        match self.get(key) {
            None => {
                if let Some(example) = required {
                    self.missing(key, example);
                }
                None
            }
            Some(v) => match scalar_text(v) {
                Some(s) if s.trim().is_empty() && required.is_some() => {
                    let pos = self.doc.key_pos(key);
                    self.error(pos, format!("`{key}` is empty"))
                        .help
                        .push("write the text after the colon".into());
                    None
                }
                Some(s) => Some(s),
                None => {
                    self.wrong_type(key, "text", v);
                    None
                }
            },
        }
    }

    /// Text or a list of text.
    pub fn text_list(&mut self, key: &str) -> Vec<String> {
        match self.get(key) {
            None => Vec::new(),
            Some(Value::Sequence(items)) => {
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match scalar_text(item) {
                        Some(s) => out.push(s),
                        None => {
                            let pos = self.doc.item_pos(key, i);
                            let found = type_name(item);
                            self.error(
                                pos,
                                format!("items of `{key}` must be text, found {found}"),
                            );
                        }
                    }
                }
                out
            }
            Some(v) => match scalar_text(v) {
                Some(s) => vec![s],
                None => {
                    self.wrong_type(key, "text or a list of text", v);
                    Vec::new()
                }
            },
        }
    }

    pub fn bool(&mut self, key: &str) -> Option<bool> {
        match self.get(key)? {
            Value::Bool(b) => Some(*b),
            v => {
                self.wrong_type(key, "true or false", v);
                None
            }
        }
    }

    pub fn number(&mut self, key: &str) -> Option<f64> {
        let v = self.get(key)?;
        match v.as_f64() {
            Some(n) if n.is_finite() => Some(n),
            _ => {
                self.wrong_type(key, "a number", v);
                None
            }
        }
    }

    pub fn int(&mut self, key: &str) -> Option<i64> {
        let v = self.get(key)?;
        match as_int(v) {
            Some(n) => Some(n),
            None => {
                self.wrong_type(key, "a whole number (a year such as 2024)", v);
                None
            }
        }
    }

    /// One of `allowed`.
    pub fn choice(&mut self, key: &str, allowed: &[&str], required: bool) -> Option<String> {
        let example = allowed.first().copied().unwrap_or("");
        let s = self.text(key, required.then_some(example))?;
        if allowed.contains(&s.as_str()) {
            return Some(s);
        }
        let pos = self.doc.scalar_pos(key);
        let suggestion = did_you_mean(&s, allowed.iter().copied());
        let d = self.error(pos, format!("`{s}` is not a valid {key}"));
        if let Some(sug) = suggestion {
            d.help.push(format!("did you mean `{sug}`?"));
        }
        d.help
            .push(format!("allowed values: {}", allowed.join(", ")));
        None
    }

    /// A reference `id` or `place/id`.
    pub fn reference(&mut self, key: &str, required: bool) -> Option<Ref> {
        let raw = self.text(key, required.then_some("<id>"))?;
        let pos = self.doc.scalar_pos(key);
        self.parse_ref(key, &raw, pos)
    }

    /// A list of references (a single reference is accepted too).
    pub fn ref_list(&mut self, key: &str) -> Vec<Ref> {
        let mut seen: std::collections::HashMap<String, usize> = Default::default();
        let items: Vec<(String, Pos)> = match self.get(key) {
            None => return Vec::new(),
            Some(Value::Sequence(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| match scalar_text(item) {
                    Some(s) => {
                        let nth = {
                            let n = seen.entry(s.clone()).or_default();
                            *n += 1;
                            *n - 1
                        };
                        let pos = self
                            .doc
                            .item_token_pos(key, &s, nth)
                            .unwrap_or_else(|| self.doc.item_pos(key, i));
                        Some((s, pos))
                    }
                    None => {
                        let pos = self.doc.item_pos(key, i);
                        let found = type_name(item);
                        self.error(pos, format!("items of `{key}` must be ids, found {found}"));
                        None
                    }
                })
                .collect(),
            Some(v) => match scalar_text(v) {
                Some(s) => vec![(s, self.doc.scalar_pos(key))],
                None => {
                    self.wrong_type(key, "a list of ids", v);
                    return Vec::new();
                }
            },
        };
        items
            .into_iter()
            .filter_map(|(raw, pos)| self.parse_ref(key, &raw, pos))
            .collect()
    }

    fn parse_ref(&mut self, key: &str, raw: &str, pos: Pos) -> Option<Ref> {
        let raw = raw.trim();
        let (place, id) = match raw.split_once('/') {
            Some((p, i)) => (Some(p), i),
            None => (None, raw),
        };
        let ok = place.is_none_or(crate::load::is_valid_id) && crate::load::is_valid_id(id);
        if !ok {
            let slug = raw
                .split('/')
                .map(crate::load::slugify)
                .collect::<Vec<_>>()
                .join("/");
            let d = self.error(pos, format!("`{raw}` in `{key}` is not a valid reference"));
            d.help.push(format!(
                "a reference is an id (`{slug}`) or `place/id`, using a-z, 0-9 and `-`"
            ));
            return None;
        }
        Some(Ref {
            place: place.map(str::to_string),
            id: id.to_string(),
            raw: raw.to_string(),
            pos,
        })
    }

    /// A date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn date(&mut self, key: &str) -> Option<PartialDate> {
        let v = self.get(key)?;
        let text = scalar_text(v);
        match text.as_deref().and_then(parse_partial_date) {
            Some(d) => Some(d),
            None => {
                let pos = self.doc.scalar_pos(key);
                let shown = text.unwrap_or_else(|| type_name(v).to_string());
                let d = self.error(pos, format!("`{shown}` is not a valid date for `{key}`"));
                d.help.push(
                    "write a year (`2025`), a month (`\"2025-06\"`) or a day (`2025-06-30`)".into(),
                );
                None
            }
        }
    }

    /// A nested map with known keys; reports unknown sub-keys.
    pub fn sub_map(&mut self, key: &str, allowed: &[&str]) -> Option<&'a Mapping> {
        let v = self.get(key)?;
        let Value::Mapping(m) = v else {
            let example = allowed
                .iter()
                .map(|k| format!("{k}: …"))
                .collect::<Vec<_>>()
                .join(", ");
            self.wrong_type(key, "a map of keys", v);
            if let Some(d) = self.diags.last_mut() {
                d.help.push(format!("write it as `{key}: {{{example}}}`"));
            }
            return None;
        };
        for k in m.keys() {
            let name = key_text(k);
            if !allowed.contains(&name.as_str()) {
                let pos = self.doc.value_pos(key, &format!("{name}:"));
                let sug = did_you_mean(&name, allowed.iter().copied());
                let d = self.error(pos, format!("unknown key `{name}` in `{key}`"));
                if let Some(s) = sug {
                    d.help.push(format!("did you mean `{s}`?"));
                }
                d.help
                    .push(format!("`{key}` takes: {}", allowed.join(", ")));
            }
        }
        Some(m)
    }

    /// Text of a sub-key of a nested map.
    pub fn sub_text(&mut self, key: &str, map: &Mapping, sub: &str) -> Option<String> {
        let v = map.get(sub).filter(|v| !v.is_null())?;
        match scalar_text(v) {
            Some(s) => Some(s),
            None => {
                let pos = self.doc.value_pos(key, &format!("{sub}:"));
                let found = type_name(v);
                self.error(pos, format!("`{key}.{sub}` must be text, found {found}"));
                None
            }
        }
    }

    /// Number of a sub-key of a nested map.
    pub fn sub_number(
        &mut self,
        key: &str,
        map: &Mapping,
        sub: &str,
        required: bool,
    ) -> Option<f64> {
        let v = map.get(sub).filter(|v| !v.is_null());
        match v.map(|v| (v, v.as_f64())) {
            Some((_, Some(n))) if n.is_finite() => Some(n),
            Some((v, _)) => {
                let pos = self.doc.value_pos(key, &format!("{sub}:"));
                let found = type_name(v);
                self.error(
                    pos,
                    format!("`{key}.{sub}` must be a number, found {found}"),
                );
                None
            }
            None => {
                if required {
                    let pos = self.doc.key_pos(key);
                    self.error(pos, format!("`{key}` needs `{sub}`"))
                        .help
                        .push(format!("add `{sub}: <number>` to `{key}`"));
                }
                None
            }
        }
    }
}

pub use super::scalar::{as_int, key_text, parse_partial_date, scalar_text};
