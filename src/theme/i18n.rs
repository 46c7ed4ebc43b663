//! UI strings per language, from the theme's `i18n/<lang>.yaml`, with the
//! municipality's own terms from site.yaml laid over them; and formatting of
//! numbers and dates per language.

use std::collections::BTreeMap;

use serde_json::Value as Json;

use crate::diag::Diagnostic;
use crate::model::{Lang, SiteConfig};
use crate::theme::Theme;

pub const TERM_KINDS: [&str; 6] = [
    "area",
    "ambition",
    "strategy",
    "indicator",
    "action",
    "programme",
];

/// The strings of one language, ready for templates.
#[derive(Debug, Clone)]
pub struct Strings {
    pub lang: Lang,
    pub map: BTreeMap<String, Json>,
    months: Vec<String>,
}

impl Strings {
    /// Loads the strings of `lang` from the theme and applies site terms.
    pub fn load(theme: &Theme, lang: Lang, site: &SiteConfig) -> Result<Strings, Diagnostic> {
        let name = format!("i18n/{}.yaml", lang.code());
        let text = theme
            .text(&name)
            .ok_or_else(|| Diagnostic::io(None, format!("theme has no {name}")))?;
        let raw: BTreeMap<String, serde_yaml_compat::Raw> = crate::yaml::from_str(&text)
            .map_err(|e| Diagnostic::io(None, format!("theme file {name}: {e}")))?;
        let mut map = BTreeMap::new();
        let mut months = Vec::new();
        for (k, v) in raw {
            match v {
                serde_yaml_compat::Raw::Text(s) => {
                    map.insert(k, Json::String(s));
                }
                serde_yaml_compat::Raw::List(l) if k == "date_months" => months = l,
                serde_yaml_compat::Raw::List(l) if l.len() == 2 => {
                    insert_term(&mut map, &k, &l[0], &l[1]);
                }
                serde_yaml_compat::Raw::List(_) => {}
            }
        }
        if let Some(terms) = site.terms.get(lang.code()) {
            for (kind, [s, p]) in terms {
                let old = (
                    map.get(kind.as_str()).cloned(),
                    map.get(&format!("{kind}_plural")).cloned(),
                );
                insert_term(&mut map, kind, s, p);
                // The municipality's word replaces the default one in every UI string.
                if let (Some(Json::String(os)), Some(Json::String(op))) = old {
                    let skip: Vec<String> = ["", "_plural", "_cap", "_plural_cap"]
                        .iter()
                        .map(|x| format!("{kind}{x}"))
                        .collect();
                    for (k, v) in map.iter_mut() {
                        if let Json::String(text) = v {
                            if !skip.contains(k) {
                                *text = replace_word(&replace_word(text, &op, p), &os, s);
                            }
                        }
                    }
                }
            }
        }
        Ok(Strings { lang, map, months })
    }

    /// A string by key (the key itself when missing, so a gap is visible).
    pub fn get(&self, key: &str) -> String {
        match self.map.get(key) {
            Some(Json::String(s)) => s.clone(),
            _ => key.to_string(),
        }
    }

    /// A string with `{name}` placeholders filled in.
    pub fn fmt(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut s = self.get(key);
        for (k, v) in args {
            s = s.replace(&format!("{{{k}}}"), v);
        }
        s
    }

    /// A number formatted for the language (decimal comma, grouped thousands).
    pub fn number(&self, n: f64) -> String {
        let (dec, group) = match self.lang {
            Lang::Sv => (',', '\u{a0}'),
            Lang::Nl => (',', '.'),
            Lang::En => ('.', ','),
        };
        let neg = n < 0.0;
        let rounded = (n.abs() * 100.0).round() / 100.0;
        let int = rounded.trunc() as u64;
        let frac = ((rounded - rounded.trunc()) * 100.0).round() as u64;
        let digits = int.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 && digits.len() > 4 {
                grouped.push(group);
            }
            grouped.push(c);
        }
        if frac > 0 {
            grouped.push(dec);
            let f = format!("{frac:02}");
            grouped.push_str(f.trim_end_matches('0'));
        }
        if neg {
            format!("−{grouped}")
        } else {
            grouped
        }
    }

    /// An exact amount in hundredths with its currency, for the language: `1 250 000 kr`
    /// (sv, with the theme's `currency_SEK` word), `1,250,000.50 SEK` (en). Two decimals only
    /// when there are öre or cents.
    pub fn money(&self, hundredths: i64, currency: &str) -> String {
        let (dec, group) = match self.lang {
            Lang::Sv => (',', '\u{a0}'),
            Lang::Nl => (',', '.'),
            Lang::En => ('.', ','),
        };
        let a = hundredths.unsigned_abs();
        let digits = (a / 100).to_string();
        let mut out = String::new();
        if hundredths < 0 {
            out.push('−');
        }
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 && digits.len() > 4 {
                out.push(group);
            }
            out.push(c);
        }
        if a % 100 != 0 {
            out.push(dec);
            out.push_str(&format!("{:02}", a % 100));
        }
        let code = currency.trim();
        if !code.is_empty() {
            let word = match self.map.get(&format!("currency_{code}")) {
                Some(Json::String(w)) => w.clone(),
                _ => code.to_string(),
            };
            out.push('\u{a0}');
            out.push_str(&word);
        }
        out
    }

    /// A date `YYYY`, `YYYY-MM` or `YYYY-MM-DD` in words ("4 maj 2021").
    pub fn date(&self, iso: &str) -> String {
        let parts: Vec<&str> = iso.trim().split('-').collect();
        let month = |m: &str| -> Option<String> {
            let i: usize = m.parse().ok()?;
            self.months.get(i.checked_sub(1)?).cloned()
        };
        match parts.as_slice() {
            [y, m, d] => match (month(m), d.parse::<u8>()) {
                (Some(mn), Ok(d)) => format!("{d} {mn} {y}"),
                _ => iso.to_string(),
            },
            [y, m] => match month(m) {
                Some(mn) => format!("{mn} {y}"),
                None => iso.to_string(),
            },
            _ => iso.to_string(),
        }
    }
}

fn insert_term(map: &mut BTreeMap<String, Json>, kind: &str, singular: &str, plural: &str) {
    map.insert(kind.to_string(), Json::String(singular.to_string()));
    map.insert(format!("{kind}_plural"), Json::String(plural.to_string()));
    map.insert(format!("{kind}_cap"), Json::String(capitalize(singular)));
    map.insert(
        format!("{kind}_plural_cap"),
        Json::String(capitalize(plural)),
    );
}

/// Replaces `from` by `to` where it stands as a whole word, in lower case or capitalised.
fn replace_word(text: &str, from: &str, to: &str) -> String {
    if from.is_empty() || from == to {
        return text.to_string();
    }
    let mut out = text.to_string();
    for (f, t) in [
        (from.to_string(), to.to_string()),
        (capitalize(from), capitalize(to)),
    ] {
        let mut result = String::with_capacity(out.len());
        let mut rest = out.as_str();
        while let Some(i) = rest.find(&f) {
            let before = rest[..i].chars().next_back();
            let after = rest[i + f.len()..].chars().next();
            let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
            result.push_str(&rest[..i]);
            if boundary(before)
                && boundary(after)
                && (i > 0 || result.is_empty() || boundary(result.chars().next_back()))
            {
                result.push_str(&t);
            } else {
                result.push_str(&f);
            }
            rest = &rest[i + f.len()..];
        }
        result.push_str(rest);
        out = result;
    }
    out
}

/// First letter in upper case.
pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::replace_word;

    #[test]
    fn words_are_replaced_whole() {
        assert_eq!(
            replace_word("Acties filteren: 3 acties", "acties", "inspanningen"),
            "Inspanningen filteren: 3 inspanningen"
        );
        assert_eq!(
            replace_word("Actielijst", "actie", "inspanning"),
            "Actielijst"
        );
        assert_eq!(
            replace_word("Per ambitie", "ambitie", "strategisch doel"),
            "Per strategisch doel"
        );
    }
}

mod serde_yaml_compat {
    use serde::Deserialize;

    /// A theme string: text, or a list of text (terms, month names).
    #[derive(Deserialize)]
    #[serde(untagged)]
    pub enum Raw {
        Text(String),
        List(Vec<String>),
    }
}
