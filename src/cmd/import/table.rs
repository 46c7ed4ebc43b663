//! Reading a spreadsheet for `ambit import`: a CSV file (UTF-8 with or without BOM, `,` or `;`
//! as the separator, whichever the header row uses) or the first (or a named) sheet of an XLSX
//! file, into rows of text cells with the row and column numbers a spreadsheet shows.

use std::path::Path;

use calamine::{Data, Reader};

use crate::diag::{Diagnostic, Pos};

/// The cells of a spreadsheet as text, with where each row stands in the file.
#[derive(Debug, Default)]
pub struct Table {
    /// Row 1: the column names.
    pub header: Vec<String>,
    /// The data rows: (row number as a spreadsheet counts it, cells).
    pub rows: Vec<(usize, Vec<String>)>,
    /// Column number of the first cell of each row (a sheet may start in column C).
    pub first_col: usize,
    /// Rows that could not be read (reported with the problems of the other rows).
    pub errors: Vec<Diagnostic>,
}

/// Reads `path` as CSV or, by its extension, XLSX/XLSM/XLS/ODS.
pub fn read(path: &Path, display: &Path, sheet: Option<&str>) -> Result<Table, Vec<Diagnostic>> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    match ext.as_str() {
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => read_sheet(path, display, sheet),
        _ => {
            if sheet.is_some() {
                return Err(vec![Diagnostic::io(
                    Some(display),
                    "--sheet is for spreadsheet files; a CSV file has one table",
                )]);
            }
            let bytes = std::fs::read(path)
                .map_err(|e| vec![Diagnostic::io(Some(display), format!("cannot read: {e}"))])?;
            read_csv(&bytes, display)
        }
    }
}

/// `;` when the header row has more semicolons than commas outside quotes, else `,`.
fn separator(text: &[u8]) -> u8 {
    let (mut commas, mut semis, mut quoted) = (0, 0, false);
    for &b in text {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semis += 1,
            b'\n' if !quoted => break,
            _ => {}
        }
    }
    if semis > commas {
        b';'
    } else {
        b','
    }
}

/// Reads CSV bytes; a row that is not UTF-8 or has more cells than the header is an error at it
/// (kept in `errors`, the other rows are read on).
pub fn read_csv(bytes: &[u8], display: &Path) -> Result<Table, Vec<Diagnostic>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(bytes))
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut table = Table {
        first_col: 1,
        ..Table::default()
    };
    let mut errors = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let row = i + 1;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let d = match e.kind() {
                    csv::ErrorKind::Utf8 { .. } => {
                        Diagnostic::error(display, Pos::new(row, 1), "this row is not UTF-8 text")
                            .with_help("save the file as \"CSV UTF-8\" in the spreadsheet program")
                    }
                    _ => Diagnostic::error(display, Pos::new(row, 1), format!("cannot read: {e}")),
                };
                errors.push(d);
                continue;
            }
        };
        let cells: Vec<String> = record.iter().map(str::to_string).collect();
        if row == 1 {
            table.header = cells;
        } else if cells.iter().any(|c| !c.trim().is_empty()) {
            if cells.len() > table.header.len() {
                errors.push(
                    Diagnostic::error(
                        display,
                        Pos::new(row, table.header.len() + 1),
                        format!(
                            "this row has {} cells, the header names {} columns",
                            cells.len(),
                            table.header.len()
                        ),
                    )
                    .with_help("a cell with the separator in it must be quoted (\"a; b\")"),
                );
                continue;
            }
            table.rows.push((row, cells));
        }
    }
    if table.header.is_empty() {
        return Err(errors);
    }
    table.errors = errors;
    Ok(table)
}

fn read_sheet(path: &Path, display: &Path, sheet: Option<&str>) -> Result<Table, Vec<Diagnostic>> {
    let io = |m: String| vec![Diagnostic::io(Some(display), m)];
    let mut book =
        calamine::open_workbook_auto(path).map_err(|e| io(format!("cannot read: {e}")))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .ok_or_else(|| {
                vec![
                    Diagnostic::io(Some(display), format!("no sheet named `{s}`"))
                        .with_help(format!("the sheets are: {}", names.join(", "))),
                ]
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| io("the workbook has no sheets".into()))?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| io(format!("cannot read sheet `{name}`: {e}")))?;
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let mut table = Table {
        first_col: col0 as usize + 1,
        ..Table::default()
    };
    for (i, cells) in range.rows().enumerate() {
        let row = row0 as usize + i + 1;
        let cells: Vec<String> = cells.iter().map(cell_text).collect();
        if i == 0 {
            table.header = cells;
        } else if cells.iter().any(|c| !c.trim().is_empty()) {
            table.rows.push((row, cells));
        }
    }
    Ok(table)
}

/// A cell as the text an editor typed: whole numbers without `.0`, dates as `YYYY-MM-DD`.
fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => {
            let (y, m, day, h, mi, s, ms) = dt.to_ymd_hms_milli();
            if (h, mi, s, ms) == (0, 0, 0, 0) {
                format!("{y:04}-{m:02}-{day:02}")
            } else {
                format!("{y:04}-{m:02}-{day:02}T{h:02}:{mi:02}:{s:02}")
            }
        }
        Data::DateTimeIso(s) => s.strip_suffix("T00:00:00").unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
    }
}

/// The shortest text that reads back as `f`; whole numbers without a decimal point.
pub fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_is_the_one_the_header_uses() {
        assert_eq!(separator(b"titel;status;\"a,b\"\nx,y,z"), b';');
        assert_eq!(separator(b"title,status,\"a;b;c\"\n"), b',');
    }

    #[test]
    fn a_bom_is_dropped_and_rows_are_numbered_as_a_spreadsheet_does() {
        let t = read_csv(
            b"\xEF\xBB\xBFtitle;status\nA;idea\n;\n\"B\nC\";done\nD;x",
            Path::new("a.csv"),
        )
        .unwrap();
        assert_eq!(t.header, ["title", "status"]);
        let rows: Vec<usize> = t.rows.iter().map(|(r, _)| *r).collect();
        assert_eq!(rows, [2, 4, 5]);
        assert_eq!(t.rows[1].1[0], "B\nC");
    }

    #[test]
    fn whole_numbers_lose_their_point() {
        assert_eq!(number_text(2025.0), "2025");
        assert_eq!(number_text(12.5), "12.5");
    }
}
