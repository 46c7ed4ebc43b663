//! One spreadsheet row for `ambit import`: each cell checked and turned into the YAML text of
//! its front-matter key, or an error at the cell's row and column naming its header.

use super::columns::{Column, StatusWords};
use crate::diag::Pos;
use crate::load::{is_valid_id, slugify};
use crate::model::Status;
use crate::yaml::scalar_text as yaml_text;

/// What a row becomes: the action's id, its keys in the order `ambit new` writes them (key,
/// YAML text, index of the column it came from) and its body.
#[derive(Debug, Default)]
pub struct Draft {
    pub row: usize,
    pub id: String,
    /// Column the id comes from (the `id` column, or the title).
    pub id_col: Option<usize>,
    pub keys: Vec<(&'static str, String, usize)>,
    pub body: String,
}

/// A problem with one cell: its position (row, column number) and message and help.
#[derive(Debug)]
pub struct CellError {
    pub pos: Pos,
    pub col: Option<usize>,
    pub message: String,
    pub help: Option<String>,
}

/// What a row is read with.
pub struct RowContext<'a> {
    pub place: &'a str,
    pub columns: &'a [Column],
    pub statuses: &'a StatusWords,
    /// Column number of the first cell.
    pub first_col: usize,
    /// The site's address, to recognise its own files in `documents`.
    pub base_url: &'a str,
    /// True when the content has a file at this path (relative to the content folder).
    pub has_file: &'a dyn Fn(&str) -> bool,
}

/// A leading `'` that open data puts before a formula character is dropped again.
fn unneutralised(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

/// Reads one row.
pub fn read_row(cx: &RowContext, row: usize, cells: &[String]) -> Result<Draft, Vec<CellError>> {
    let mut d = Draft {
        row,
        ..Draft::default()
    };
    let mut errors = Vec::new();
    let cell = |i: usize| unneutralised(cells.get(i).map(String::as_str).unwrap_or("")).trim();
    let err = |i: usize, message: String, help: Option<String>| CellError {
        pos: Pos::new(row, cx.first_col + i),
        col: Some(i),
        message,
        help,
    };
    let mut values: Vec<(&'static str, String, usize)> = Vec::new();
    let mut status = None;
    let mut budget: [Option<(String, usize)>; 3] = [None, None, None];
    let mut id_cell = None;
    for (i, column) in cx.columns.iter().enumerate() {
        let text = cell(i).to_string();
        let raw = cells.get(i).map(String::as_str).unwrap_or("");
        match *column {
            Column::Id => {
                if !text.is_empty() {
                    id_cell = Some((text, i));
                }
            }
            Column::Body => d.body = unneutralised(raw).to_string(),
            Column::Derived => {}
            Column::Place => {
                if !text.is_empty() && text != cx.place {
                    errors.push(err(
                        i,
                        format!("the row is of place `{text}`, imported into `{}`", cx.place),
                        Some(format!(
                            "import it with `--place {text}`, or remove the column"
                        )),
                    ));
                }
            }
            Column::Key(key) if text.is_empty() => {
                if key == "title" {
                    errors.push(err(i, "the title is empty".into(), None));
                }
            }
            Column::Key(key) => match value(cx, key, &text) {
                Ok(Value::Status(s)) => {
                    status = Some((s, i));
                    values.push((key, s.code().to_string(), i));
                }
                Ok(Value::Budget(part, v)) => budget[part] = Some((v, i)),
                Ok(Value::Yaml(y)) => values.push((key, y, i)),
                Err((message, help)) => errors.push(err(i, message, help)),
            },
        }
    }
    let col_of = |key: &str| {
        cx.columns
            .iter()
            .position(|c| matches!(c, Column::Key(k) if *k == key))
    };
    let title = values
        .iter()
        .find(|(k, _, _)| *k == "title")
        .map(|(_, y, i)| (yaml_unquoted(y), *i));
    if let Some((text, i)) = id_cell {
        if is_valid_id(&text) {
            d.id = text;
        } else {
            errors.push(err(
                i,
                format!("`{text}` is not a valid id"),
                Some(format!(
                    "ids are lower-case letters, digits and `-`: `{}`",
                    slugify(&text)
                )),
            ));
        }
        d.id_col = Some(i);
    } else if let Some((text, i)) = title {
        d.id = slugify(&text);
        d.id_col = Some(i);
    }
    let first = |key: &str| col_of(key).unwrap_or(0);
    if col_of("title").is_none() {
        errors.push(err(
            0,
            "the row has no title".into(),
            Some("add a `title` column".into()),
        ));
    }
    for key in ["ambition", "status"] {
        if !values.iter().any(|(k, _, _)| *k == key) && !errors.iter().any(|e| e.col == col_of(key))
        {
            errors.push(err(
                first(key),
                format!("the row has no `{key}`, which every action needs"),
                col_of(key)
                    .is_none()
                    .then(|| format!("add a column `{key}`")),
            ));
        }
    }
    let completed = values
        .iter()
        .find(|(k, _, _)| *k == "completed")
        .map(|v| v.2);
    match (status, completed) {
        (Some((s, _)), Some(c)) if s != Status::Done => errors.push(err(
            c,
            format!("a completion date, but the status is `{}`", s.code()),
            Some("only a done action has `completed`; empty the cell or set the status".into()),
        )),
        (Some((Status::Done, i)), None) => errors.push(err(
            i,
            "a done action needs the date it was completed".into(),
            Some(match col_of("completed") {
                Some(_) => "fill in its `completed` cell (YYYY-MM-DD)".into(),
                None => "add a column `completed` (YYYY-MM-DD)".into(),
            }),
        )),
        _ => {}
    }
    match &budget {
        [Some((amount, i)), currency, year] => {
            let mut parts = vec![format!("amount: {amount}")];
            if let Some((c, _)) = currency {
                parts.push(format!("currency: {}", yaml_text(c, true)));
            }
            if let Some((y, _)) = year {
                parts.push(format!("year: {y}"));
            }
            values.push(("budget", format!("{{{}}}", parts.join(", ")), *i));
        }
        [None, currency, year] => {
            for (_, i) in currency.iter().chain(year.iter()) {
                errors.push(err(
                    *i,
                    "a budget without an amount".into(),
                    Some("fill in `budget_amount`, or empty this cell".into()),
                ));
            }
        }
    }
    let order = |k: &str| {
        super::columns::KEYS
            .iter()
            .position(|x| *x == k)
            .unwrap_or(usize::MAX)
    };
    values.sort_by_key(|(k, _, _)| {
        if *k == "budget" {
            order("budget_amount")
        } else {
            order(k)
        }
    });
    d.keys = values;
    if errors.is_empty() {
        Ok(d)
    } else {
        Err(errors)
    }
}

enum Value {
    Yaml(String),
    Status(Status),
    /// A part of `budget`: 0 amount, 1 currency, 2 year, checked, as YAML will read it.
    Budget(usize, String),
}

type Problem = (String, Option<String>);

fn value(cx: &RowContext, key: &str, text: &str) -> Result<Value, Problem> {
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

/// The text of a scalar `yaml_text` wrote.
fn yaml_unquoted(y: &str) -> String {
    serde_json::from_str::<String>(y).unwrap_or_else(|_| y.to_string())
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

    #[test]
    fn open_data_takes_its_quote_off_formula_cells() {
        assert_eq!(unneutralised("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(unneutralised("'t is"), "'t is");
    }
}
