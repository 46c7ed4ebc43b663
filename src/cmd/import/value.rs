//! One cell of an imported row: its text checked for the key of its column
//! and written as the YAML text of that key (dates, years, amounts, lists,
//! documents), or the problem with it.

use super::cells::RowContext;
use crate::model::Status;
use crate::yaml::scalar_text as yaml_text;

pub(super) enum Value {
    Yaml(String),
    Status(Status),
    /// A part of `budget`: 0 amount, 1 currency, 2 year, checked, as YAML will read it.
    Budget(usize, String),
}

pub(super) type Problem = (String, Option<String>);

pub(super) fn value(cx: &RowContext, key: &str, text: &str) -> Result<Value, Problem> {
    let list = |t: &str| -> Vec<String> {
        t.split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    };
    let flow = |items: &[String]| -> String {
        let v: Vec<String> = items.iter().map(|s| yaml_text(s, true)).collect();
        format!("[{}]", v.join(", "))
    };
    Ok(Value::Yaml(match key {
        "status" => {
            return cx.statuses.get(text).map(Value::Status).ok_or_else(|| {
                (
                    format!("`{text}` is not a status"),
                    Some(format!("use one of: {}", cx.statuses.names().join(", "))),
                )
            })
        }
        "tags" => flow(&list(text)),
        "responsible" | "funded_by" => match list(text).as_slice() {
            [one] => yaml_text(one, false),
            many => flow(many),
        },
        "ambition" | "strategy" => {
            let own = format!("{}/", cx.place);
            yaml_text(text.strip_prefix(&own).unwrap_or(text), false)
        }
        "due" | "completed" => partial_date(text).ok_or_else(|| {
            (
                format!("`{text}` is not a date"),
                Some("write YYYY-MM-DD (or YYYY-MM, or YYYY)".into()),
            )
        })?,
        "listed" => year(text)?,
        "budget_year" => {
            return Ok(Value::Budget(2, year(text)?));
        }
        "budget_currency" => return Ok(Value::Budget(1, text.to_string())),
        "budget_amount" => {
            return Ok(Value::Budget(0, amount(text)?));
        }
        "progress" => match text.trim_end_matches('%').trim().parse::<f64>() {
            Ok(p) if (0.0..=100.0).contains(&p) => super::table::number_text(p),
            _ => return Err((format!("`{text}` is not a number from 0 to 100"), None)),
        },
        "sdg" => {
            let mut goals = Vec::new();
            for g in list(text) {
                match g.parse::<u8>() {
                    Ok(n) if (1..=17).contains(&n) => goals.push(n.to_string()),
                    _ => {
                        return Err((
                            format!("`{g}` is not one of the 17 global goals"),
                            Some("write the goals' numbers, 1 to 17, separated by `;`".into()),
                        ))
                    }
                }
            }
            format!("[{}]", goals.join(", "))
        }
        "draft" => match text.to_lowercase().as_str() {
            "true" | "yes" | "ja" | "1" => "true".into(),
            "false" | "no" | "nej" | "0" => "false".into(),
            _ => return Err((format!("`{text}` is not true or false"), None)),
        },
        "order" if text.bytes().all(|b| b.is_ascii_digit()) && text.len() < 10 => text.into(),
        "documents" => documents(cx, text)?,
        _ => yaml_text(text, false),
    }))
}

fn year(text: &str) -> Result<String, Problem> {
    match text.parse::<i64>() {
        Ok(y) if (1000..=9999).contains(&y) && text.len() == 4 => Ok(text.into()),
        _ => Err((
            format!("`{text}` is not a year"),
            Some("write a year such as 2025".into()),
        )),
    }
}

/// `2025`, `2025-06` or `2025-06-30`, checked for a real day.
fn partial_date(text: &str) -> Option<String> {
    let parts: Vec<&str> = text.split('-').collect();
    let num = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let y = num(parts.first()?, 4)?;
    match parts.len() {
        1 => Some(text.into()),
        2 => (1..=12).contains(&num(parts[1], 2)?).then(|| text.into()),
        3 => {
            let month = time::Month::try_from(num(parts[1], 2)? as u8).ok()?;
            time::Date::from_calendar_date(y as i32, month, num(parts[2], 2)? as u8).ok()?;
            Some(text.into())
        }
        _ => None,
    }
}

/// An amount as written in a spreadsheet, checked: digits, at most two decimals after a point
/// (or a comma, as Swedish and Dutch spreadsheets write them), spaces between thousands.
fn amount(text: &str) -> Result<String, Problem> {
    let t: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let t = if t.contains('.') {
        t
    } else {
        t.replace(',', ".")
    };
    let digits = t.strip_prefix('-').unwrap_or(&t);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let ok = !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.len() <= 2
        && frac.bytes().all(|b| b.is_ascii_digit());
    if ok {
        Ok(t)
    } else {
        Err((
            format!("`{text}` is not an amount"),
            Some("write digits with at most two decimals: 250000 or 1250.50".into()),
        ))
    }
}

/// `title (address); title (address)` as open data writes them, back into a flow list; an
/// address of this site's own files becomes `file:` again.
fn documents(cx: &RowContext, text: &str) -> Result<String, Problem> {
    let mut items = Vec::new();
    for part in text.split("; ").map(str::trim).filter(|s| !s.is_empty()) {
        let parsed = part
            .strip_suffix(')')
            .and_then(|p| p.rsplit_once(" ("))
            .filter(|(t, a)| !t.trim().is_empty() && !a.trim().is_empty());
        let Some((title, address)) = parsed else {
            return Err((
                format!("`{part}` is not a document"),
                Some("write each as `title (address)`, separated by `; `".into()),
            ));
        };
        let own = address
            .strip_prefix(cx.base_url)
            .map(|rest| {
                percent_encoding::percent_decode_str(rest)
                    .decode_utf8_lossy()
                    .into_owned()
            })
            .filter(|rest| (cx.has_file)(rest));
        let (key, target) = match own {
            Some(file) => ("file", file),
            None => ("url", address.to_string()),
        };
        items.push(format!(
            "{{title: {}, {key}: {}}}",
            yaml_text(title.trim(), true),
            yaml_text(&target, true)
        ));
    }
    Ok(format!("[{}]", items.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_real_days() {
        assert_eq!(partial_date("2025-02-28").as_deref(), Some("2025-02-28"));
        assert_eq!(partial_date("2025-02-30"), None);
        assert_eq!(partial_date("2025-13"), None);
        assert_eq!(partial_date("2025"), Some("2025".into()));
        assert_eq!(partial_date("25-01-01"), None);
    }

    #[test]
    fn amounts_keep_their_digits() {
        assert_eq!(amount("250 000").unwrap(), "250000");
        assert_eq!(amount("1250,5").unwrap(), "1250.5");
        assert_eq!(amount("99999999999999.99").unwrap(), "99999999999999.99");
        assert!(amount("12.345").is_err());
        assert!(amount("tio").is_err());
    }
}
