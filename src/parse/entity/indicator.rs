//! The front matter of an indicator file: what it measures, its target and
//! its yearly values.

use crate::diag::Pos;
use crate::model::*;
use crate::parse::fields::{as_int, scalar_text, Reader};
use crate::yaml::Value;

use super::programme::sub_year;

pub(super) fn read_indicator(r: &mut Reader) -> Indicator {
    let measures = r.ref_list("measures");
    if measures.is_empty() && r.get("measures").is_none() {
        let d = r.error(Pos::new(1, 1), "missing required key `measures`");
        d.help
            .push("add `measures: [<ambition or strategy id>]`: what the indicator follows".into());
    } else if measures.is_empty() && !r.diags.iter().any(|d| d.message.contains("measures")) {
        let pos = r.doc.key_pos("measures");
        r.error(pos, "`measures` needs at least one ambition or strategy");
    }
    let unit = r.text("unit", None);
    let source = r.text("source", None);
    let direction = r.choice("direction", &["up", "down"], false);
    let target = r.sub_map("target", &["value", "year"]).and_then(|m| {
        let value = r.sub_number("target", m, "value", true)?;
        Some(Target {
            value,
            year: sub_year(r, "target", m.get("year")),
        })
    });
    let values = read_values(r);
    Indicator {
        measures,
        unit,
        source,
        direction,
        target,
        values,
    }
}

fn read_values(r: &mut Reader) -> Vec<crate::model::Value> {
    let Some(v) = r.get("values") else {
        return Vec::new();
    };
    let Value::Sequence(items) = v else {
        let pos = r.doc.key_pos("values");
        r.error(pos, "`values` must be a list")
            .help
            .push("write `values:` then lines like `  - {year: 2021, value: 48.5}`".into());
        return Vec::new();
    };
    let mut out: Vec<crate::model::Value> = Vec::new();
    let mut years = std::collections::HashSet::new();
    for (i, item) in items.iter().enumerate() {
        let pos = r.doc.item_pos("values", i);
        let Value::Mapping(m) = item else {
            r.error(pos, "each item of `values` must be `{year: …, value: …}`");
            continue;
        };
        for k in m.keys() {
            let name = crate::parse::fields::key_text(k);
            if !["year", "value", "note"].contains(&name.as_str()) {
                let sug = crate::diag::did_you_mean(&name, ["year", "value", "note"]);
                let d = r.error(pos, format!("unknown key `{name}` in `values`"));
                d.help.push(match sug {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "an item takes year, value and note".into(),
                });
            }
        }
        let year = m.get("year").and_then(as_int);
        let value = m
            .get("value")
            .and_then(Value::as_f64)
            .filter(|f| f.is_finite());
        let (Some(year), Some(value)) = (year, value) else {
            r.error(
                pos,
                "each item of `values` needs a whole-number `year` and a numeric `value`",
            )
            .help
            .push("for example `- {year: 2021, value: 48.5}`".into());
            continue;
        };
        // A block item's own lines hold its year; a flow list is searched for the year.
        let year_pos = if pos != r.doc.key_pos("values") {
            r.doc.item_sub_pos("values", i, "year:")
        } else {
            match r.doc.value_pos("values", &format!("year: {year}")) {
                p if p == r.doc.key_pos("values") => pos,
                p => p,
            }
        };
        if !years.insert(year) {
            r.error(year_pos, format!("year {year} appears twice in `values`"))
                .help
                .push("each year may have one value; merge or remove one".into());
            continue;
        }
        let note = m.get("note").and_then(scalar_text);
        out.push(crate::model::Value { year, value, note });
    }
    out.sort_by_key(|v| v.year);
    out
}
