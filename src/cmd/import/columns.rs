//! The words of a spreadsheet for `ambit import`: which action key each column header names
//! (the key itself, as `data/actions.csv` writes it, or the label the site shows for it in its
//! language, with the municipality's own terms), and which status a status word is.

use std::collections::BTreeMap;

use crate::model::Status;
use crate::theme::i18n::Strings;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Column {
    /// A front-matter key of an action, or one of the parts of `budget`.
    Key(&'static str),
    /// The file name of the action.
    Id,
    /// The Markdown body.
    Body,
    /// `place` of the open data: must be the place imported into.
    Place,
    /// Columns of the open data that the site derives (`late`, `url`): read and left aside.
    Derived,
}

/// The action keys a column may hold, in the order `ambit new` writes them.
pub const KEYS: &[&str] = &[
    "title",
    "summary",
    "order",
    "tags",
    "draft",
    "ambition",
    "strategy",
    "status",
    "effort",
    "responsible",
    "funded_by",
    "due",
    "listed",
    "completed",
    "decided_by",
    "budget_amount",
    "budget_currency",
    "budget_year",
    "origin",
    "progress",
    "sdg",
    "documents",
];

/// The UI string that labels each key on the site, where one does.
const LABELS: &[(&str, &str)] = &[
    ("title", "action"),
    ("ambition", "ambition"),
    ("strategy", "strategy"),
    ("status", "status"),
    ("effort", "effort"),
    ("responsible", "responsible"),
    ("funded_by", "funded_by"),
    ("due", "due"),
    ("listed", "listed"),
    ("completed", "completed"),
    ("decided_by", "decided_by"),
    ("budget_amount", "budget"),
    ("origin", "origin"),
    ("progress", "progress_pct"),
    ("tags", "tags_label"),
    ("sdg", "sdg_goal"),
    ("documents", "documents"),
];

/// Header words (lower case) → column, for a site's strings.
pub struct Headers {
    map: BTreeMap<String, Column>,
}

/// A header as it is compared: trimmed, lower case, `_` and spaces alike.
fn norm(s: &str) -> String {
    s.trim()
        .to_lowercase()
        .replace('_', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Headers {
    pub fn new(strings: Option<&Strings>) -> Headers {
        let mut map = BTreeMap::new();
        if let Some(s) = strings {
            for (key, label) in LABELS {
                let text = s.get(label);
                if text != *label {
                    map.insert(norm(&text), Column::Key(key));
                }
            }
        }
        // The keys themselves win over labels that happen to spell another key.
        for key in KEYS {
            map.insert(norm(key), Column::Key(key));
        }
        map.insert("id".into(), Column::Id);
        map.insert("body".into(), Column::Body);
        map.insert("place".into(), Column::Place);
        for derived in ["late", "url"] {
            map.insert(derived.into(), Column::Derived);
        }
        Headers { map }
    }

    pub fn get(&self, header: &str) -> Option<Column> {
        self.map.get(&norm(header)).copied()
    }

    /// Every header accepted, for a help line.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.map.keys().map(String::as_str)
    }
}

/// Status words (lower case) → status: the contract's codes and the site's words for them.
pub struct StatusWords {
    map: BTreeMap<String, Status>,
}

impl StatusWords {
    pub fn new(strings: Option<&Strings>) -> StatusWords {
        let mut map = BTreeMap::new();
        for st in Status::ALL {
            if let Some(s) = strings {
                map.insert(norm(&s.get(&format!("status_{}", st.code()))), st);
            }
            map.insert(st.code().to_string(), st);
        }
        StatusWords { map }
    }

    pub fn get(&self, word: &str) -> Option<Status> {
        self.map.get(&norm(word)).copied()
    }

    pub fn names(&self) -> Vec<&str> {
        self.map.keys().map(String::as_str).collect()
    }
}
