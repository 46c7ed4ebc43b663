//! One spreadsheet row for `ambit import`: each cell checked and turned into the YAML text of
//! its front-matter key, or an error at the cell's row and column naming its header.

use super::columns::{Column, StatusWords};
use crate::diag::Pos;
use crate::load::{is_valid_id, slugify};
use crate::model::Status;
use crate::yaml::scalar_text as yaml_text;

use super::value::{value, Value};

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
    let mut errors = Errors {
        row,
        first_col: cx.first_col,
        list: Vec::new(),
    };
    let read = read_cells(cx, cells, &mut d, &mut errors);
    let mut values = read.values;
    let title = values
        .iter()
        .find(|(k, _, _)| *k == "title")
        .map(|(_, y, i)| (yaml_unquoted(y), *i));
    set_id(&mut d, read.id_cell, title, &mut errors);
    check_required(cx, &values, &mut errors);
    check_completed(cx, read.status, &values, &mut errors);
    if let Some(budget) = budget_key(&read.budget, &mut errors) {
        values.push(budget);
    }
    sort_keys(&mut values);
    d.keys = values;
    if errors.list.is_empty() {
        Ok(d)
    } else {
        Err(errors.list)
    }
}

/// The problems of a row so far, each at its cell.
struct Errors {
    row: usize,
    first_col: usize,
    list: Vec<CellError>,
}

impl Errors {
    fn push(&mut self, i: usize, message: String, help: Option<String>) {
        self.list.push(CellError {
            pos: Pos::new(self.row, self.first_col + i),
            col: Some(i),
            message,
            help,
        });
    }
}

/// What the cells of a row hold before the row is checked as a whole.
struct Cells {
    /// (key, YAML text, column) of each filled cell of a key.
    values: Vec<(&'static str, String, usize)>,
    status: Option<(Status, usize)>,
    /// The parts of `budget`: amount, currency and year, with their columns.
    budget: [Option<(String, usize)>; 3],
    id_cell: Option<(String, usize)>,
}

/// Reads each cell by its column; the body goes straight into `d`.
fn read_cells(cx: &RowContext, cells: &[String], d: &mut Draft, errors: &mut Errors) -> Cells {
    let cell = |i: usize| unneutralised(cells.get(i).map(String::as_str).unwrap_or("")).trim();
    let mut read = Cells {
        values: Vec::new(),
        status: None,
        budget: [None, None, None],
        id_cell: None,
    };
    for (i, column) in cx.columns.iter().enumerate() {
        let text = cell(i).to_string();
        let raw = cells.get(i).map(String::as_str).unwrap_or("");
        match *column {
            Column::Id => {
                if !text.is_empty() {
                    read.id_cell = Some((text, i));
                }
            }
            Column::Body => d.body = unneutralised(raw).to_string(),
            Column::Derived => {}
            Column::Place => {
                if !text.is_empty() && text != cx.place {
                    errors.push(
                        i,
                        format!("the row is of place `{text}`, imported into `{}`", cx.place),
                        Some(format!(
                            "import it with `--place {text}`, or remove the column"
                        )),
                    );
                }
            }
            Column::Key(key) if text.is_empty() => {
                if key == "title" {
                    errors.push(i, "the title is empty".into(), None);
                }
            }
            Column::Key(key) => match value(cx, key, &text) {
                Ok(Value::Status(s)) => {
                    read.status = Some((s, i));
                    read.values.push((key, s.code().to_string(), i));
                }
                Ok(Value::Budget(part, v)) => read.budget[part] = Some((v, i)),
                Ok(Value::Yaml(y)) => read.values.push((key, y, i)),
                Err((message, help)) => errors.push(i, message, help),
            },
        }
    }
    read
}

/// The column of `key`, when the sheet has one.
fn col_of(cx: &RowContext, key: &str) -> Option<usize> {
    cx.columns
        .iter()
        .position(|c| matches!(c, Column::Key(k) if *k == key))
}

/// The action's id: from the `id` cell, checked, or else made from the title.
fn set_id(
    d: &mut Draft,
    id_cell: Option<(String, usize)>,
    title: Option<(String, usize)>,
    errors: &mut Errors,
) {
    if let Some((text, i)) = id_cell {
        if is_valid_id(&text) {
            d.id = text;
        } else {
            errors.push(
                i,
                format!("`{text}` is not a valid id"),
                Some(format!(
                    "ids are lower-case letters, digits and `-`: `{}`",
                    slugify(&text)
                )),
            );
        }
        d.id_col = Some(i);
    } else if let Some((text, i)) = title {
        d.id = slugify(&text);
        d.id_col = Some(i);
    }
}

/// Every action needs a title, an ambition and a status.
fn check_required(cx: &RowContext, values: &[(&str, String, usize)], errors: &mut Errors) {
    let first = |key: &str| col_of(cx, key).unwrap_or(0);
    if col_of(cx, "title").is_none() {
        errors.push(
            0,
            "the row has no title".into(),
            Some("add a `title` column".into()),
        );
    }
    for key in ["ambition", "status"] {
        if !values.iter().any(|(k, _, _)| *k == key)
            && !errors.list.iter().any(|e| e.col == col_of(cx, key))
        {
            errors.push(
                first(key),
                format!("the row has no `{key}`, which every action needs"),
                col_of(cx, key)
                    .is_none()
                    .then(|| format!("add a column `{key}`")),
            );
        }
    }
}

/// A completion date belongs to a done action, and a done action needs one.
fn check_completed(
    cx: &RowContext,
    status: Option<(Status, usize)>,
    values: &[(&str, String, usize)],
    errors: &mut Errors,
) {
    let completed = values
        .iter()
        .find(|(k, _, _)| *k == "completed")
        .map(|v| v.2);
    match (status, completed) {
        (Some((s, _)), Some(c)) if s != Status::Done => errors.push(
            c,
            format!("a completion date, but the status is `{}`", s.code()),
            Some("only a done action has `completed`; empty the cell or set the status".into()),
        ),
        (Some((Status::Done, i)), None) => errors.push(
            i,
            "a done action needs the date it was completed".into(),
            Some(match col_of(cx, "completed") {
                Some(_) => "fill in its `completed` cell (YYYY-MM-DD)".into(),
                None => "add a column `completed` (YYYY-MM-DD)".into(),
            }),
        ),
        _ => {}
    }
}

/// The `budget` key made of its parts, at the amount's column; parts without an amount are
/// errors.
fn budget_key(
    budget: &[Option<(String, usize)>; 3],
    errors: &mut Errors,
) -> Option<(&'static str, String, usize)> {
    match budget {
        [Some((amount, i)), currency, year] => {
            let mut parts = vec![format!("amount: {amount}")];
            if let Some((c, _)) = currency {
                parts.push(format!("currency: {}", yaml_text(c, true)));
            }
            if let Some((y, _)) = year {
                parts.push(format!("year: {y}"));
            }
            Some(("budget", format!("{{{}}}", parts.join(", ")), *i))
        }
        [None, currency, year] => {
            for (_, i) in currency.iter().chain(year.iter()) {
                errors.push(
                    *i,
                    "a budget without an amount".into(),
                    Some("fill in `budget_amount`, or empty this cell".into()),
                );
            }
            None
        }
    }
}

/// Keys in the order `ambit new` writes them; `budget` stands where its amount would.
fn sort_keys(values: &mut [(&'static str, String, usize)]) {
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
}

/// The text of a scalar `yaml_text` wrote.
fn yaml_unquoted(y: &str) -> String {
    serde_json::from_str::<String>(y).unwrap_or_else(|_| y.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_data_takes_its_quote_off_formula_cells() {
        assert_eq!(unneutralised("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(unneutralised("'t is"), "'t is");
    }
}
