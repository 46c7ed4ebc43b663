//! Dates that only make sense in the past: when a report was published, a plan revised, an
//! action completed, or a decision taken (`adopted.on`, a document's `adopted`). Such a date
//! after the day the site is built for (the build's `today`) is a warning at its line.

use super::fields::Reader;
use super::scalar::{parse_partial_date, scalar_text};
use crate::diag::{Diagnostic, Pos};
use crate::model::EntityKind;
use crate::yaml::Value;

/// Warns about each date of `kind`'s front matter that should lie in the past but does not.
pub fn check(kind: EntityKind, r: &mut Reader, today: super::Today) {
    let mut dates = kind_dates(kind, r);
    dates.extend(document_dates(r));
    for (key, value, pos) in dates {
        let Some(date) = value
            .and_then(scalar_text)
            .and_then(|t| parse_partial_date(&t))
        else {
            continue;
        };
        if date.first_day() <= today {
            continue;
        }
        r.diags.push(future_date(r.path, key, date, pos, today));
    }
}

/// A date of the front matter: its key as written in messages, its value and position.
type Dated<'a> = (&'static str, Option<&'a Value>, Pos);

/// The dates of `kind`'s own keys that should lie in the past.
fn kind_dates<'a>(kind: EntityKind, r: &Reader<'a>) -> Vec<Dated<'a>> {
    let mut dates: Vec<Dated> = Vec::new();
    match kind {
        EntityKind::Programme => {
            dates.push(("revised", r.get("revised"), r.doc.scalar_pos("revised")));
            dates.push((
                "adopted.on",
                sub(r, "adopted", "on"),
                r.doc.value_pos("adopted", "on:"),
            ));
        }
        EntityKind::Action => {
            dates.push((
                "completed",
                r.get("completed"),
                r.doc.scalar_pos("completed"),
            ));
        }
        EntityKind::Report => {
            dates.push((
                "published",
                r.get("published"),
                r.doc.scalar_pos("published"),
            ));
            dates.push((
                "adopted.on",
                sub(r, "adopted", "on"),
                r.doc.value_pos("adopted", "on:"),
            ));
        }
        EntityKind::Ambition => {
            let on = match sub(r, "political_will", "adopted") {
                Some(Value::Mapping(a)) => a.get("on").filter(|v| !v.is_null()),
                _ => None,
            };
            dates.push((
                "political_will.adopted.on",
                on,
                r.doc.value_pos("political_will", "on:"),
            ));
        }
        _ => {}
    }
    dates
}

/// The `adopted` date of each of the front matter's `documents`.
fn document_dates<'a>(r: &Reader<'a>) -> Vec<Dated<'a>> {
    let mut documents = Vec::new();
    if let Some(Value::Sequence(items)) = r.get("documents") {
        for (i, item) in items.iter().enumerate() {
            if let Value::Mapping(m) = item {
                let adopted = m.get("adopted").filter(|v| !v.is_null());
                documents.push((adopted, r.doc.item_sub_pos("documents", i, "adopted:")));
            }
        }
    }
    documents
        .into_iter()
        .map(|(v, pos)| ("adopted", v, pos))
        .collect()
}

/// The warning for `date` of `key` at `pos` in the file at `path`, which is after `today`.
fn future_date(
    path: &std::path::Path,
    key: &str,
    date: crate::model::PartialDate,
    pos: Pos,
    today: super::Today,
) -> Diagnostic {
    let w = Diagnostic::warning(
        path,
        pos,
        format!(
            "`{key}` is {}, after today ({})",
            date.iso(),
            crate::model::iso(today)
        ),
    )
    .with_help(format!(
        "`{key}` tells when something happened; correct the date if it is a mistake"
    ));
    match key {
        "completed" => w.with_help("for the date the action shall be done by, use `due`"),
        "published" => w.with_help("add the report when it has been published"),
        "revised" => w.with_help("set `revised` when the revision has been adopted"),
        _ => w.with_help("add the date when the decision has been taken"),
    }
}

/// The value of `key.sub`, when `key` is a map that has it.
fn sub<'a>(r: &Reader<'a>, key: &str, sub: &str) -> Option<&'a Value> {
    match r.get(key) {
        Some(Value::Mapping(m)) => m.get(sub).filter(|v| !v.is_null()),
        _ => None,
    }
}
