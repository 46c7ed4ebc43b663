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
    let mut dates: Vec<(&str, Option<&Value>, Pos)> = Vec::new();
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
    let mut documents = Vec::new();
    if let Some(Value::Sequence(items)) = r.get("documents") {
        for (i, item) in items.iter().enumerate() {
            if let Value::Mapping(m) = item {
                let adopted = m.get("adopted").filter(|v| !v.is_null());
                documents.push((adopted, r.doc.item_sub_pos("documents", i, "adopted:")));
            }
        }
    }
    dates.extend(documents.into_iter().map(|(v, pos)| ("adopted", v, pos)));
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
        let mut w = Diagnostic::warning(
            r.path,
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
        w = match key {
            "completed" => w.with_help("for the date the action shall be done by, use `due`"),
            "published" => w.with_help("add the report when it has been published"),
            "revised" => w.with_help("set `revised` when the revision has been adopted"),
            _ => w.with_help("add the date when the decision has been taken"),
        };
        r.diags.push(w);
    }
}

/// The value of `key.sub`, when `key` is a map that has it.
fn sub<'a>(r: &Reader<'a>, key: &str, sub: &str) -> Option<&'a Value> {
    match r.get(key) {
        Some(Value::Mapping(m)) => m.get(sub).filter(|v| !v.is_null()),
        _ => None,
    }
}
