//! CSV as the open data writes it: columns with their headers, and cells that spreadsheets can
//! trust (a cell that would be read as a formula starts with `'`).

use serde::Serialize;

use crate::diag::Diagnostic;

pub fn csv_bytes<T: Serialize>(
    rows: &[T],
    columns: &[(&str, &str)],
) -> Result<Vec<u8>, Diagnostic> {
    let err = |e: csv::Error| Diagnostic::io(None, format!("writing CSV: {e}"));
    let into = |w: csv::Writer<Vec<u8>>| {
        w.into_inner()
            .map_err(|e| Diagnostic::io(None, format!("writing CSV: {e}")))
    };
    // The rows as serde writes them, then every cell made safe for spreadsheets.
    let mut raw = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    for row in rows {
        raw.serialize(row).map_err(err)?;
    }
    let raw = into(raw)?;
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(columns.iter().map(|(n, _)| *n))
        .map_err(err)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(raw.as_slice());
    let mut rec = csv::ByteRecord::new();
    while reader.read_byte_record(&mut rec).map_err(err)? {
        w.write_record(rec.iter().map(safe_bytes)).map_err(err)?;
    }
    into(w)
}

/// [`safe_cell`] of a cell as bytes, copied only when it changes.
fn safe_bytes(cell: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    if !cell.starts_with(b"=")
        && !cell.starts_with(b"+")
        && !cell.starts_with(b"-")
        && !cell.starts_with(b"@")
        && !cell.starts_with(b"\t")
        && !cell.starts_with(b"\r")
    {
        return cell.into();
    }
    match std::str::from_utf8(cell) {
        Ok(text) => safe_cell(text).into_bytes().into(),
        // Serde writes UTF-8; anything else is kept apart with a quote all the same.
        Err(_) => [b"'".as_slice(), cell].concat().into(),
    }
}

/// A CSV cell that a spreadsheet will not run as a formula (CSV injection): text beginning with
/// `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`. A plain negative number
/// (`-3.5`) is no formula and stays a number.
pub fn safe_cell(cell: &str) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let number = cell.strip_prefix('-').is_some_and(|n| {
        !n.is_empty()
            && n.parse::<f64>().is_ok()
            && n.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    });
    if risky && !number {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}
pub const BUDGET_COLUMNS: &[(&str, &str)] = &[
    ("group", "total, status, funder or year"),
    (
        "key",
        "the status, funder or year (empty for the total and for none given)",
    ),
    (
        "currency",
        "currency as written in the budgets (may be empty)",
    ),
    ("amount", "exact sum (at most two decimals)"),
    ("actions", "number of actions with a budget in the sum"),
];

#[cfg(test)]
mod tests {
    use super::{safe_bytes, safe_cell};

    #[test]
    fn formulas_are_neutralised_and_numbers_kept() {
        for f in [
            "=1+1",
            "+1",
            "-1+2",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "=HYPERLINK(\"x\")",
            "-",
        ] {
            assert_eq!(safe_cell(f), format!("'{f}"), "{f:?}");
            assert_eq!(
                &*safe_bytes(f.as_bytes()),
                format!("'{f}").as_bytes(),
                "{f:?}"
            );
        }
        for ok in ["-3.5", "-12", "Plan", "a=b", "", "'quoted", "100"] {
            assert_eq!(safe_cell(ok), ok, "{ok:?}");
            assert_eq!(&*safe_bytes(ok.as_bytes()), ok.as_bytes(), "{ok:?}");
        }
    }
}
