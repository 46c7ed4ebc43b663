//! Open data that spreadsheets can trust: in every CSV the build writes, a cell that begins
//! with `=`, `+`, `-`, `@`, a tab or a carriage return starts with `'` (CSV injection), and the
//! open-data page says so in the place's language.

use crate::common::Content;
use crate::common::*;

const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn is_plain_negative_number(cell: &str) -> bool {
    cell.strip_prefix('-').is_some_and(|n| {
        !n.is_empty()
            && n.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && n.parse::<f64>().is_ok()
    })
}

#[test]
fn formula_cells_are_neutralised_in_every_csv() {
    let p = Content::fixture("multi");
    let action = "kommun/actions/belysning.md";
    let planted = [
        "=HYPERLINK(\"https://evil.example/\",\"Klicka\")",
        "+46 35 13 70 00",
        "@SUM(A1:A9)",
        "-2+3",
        "\tTabb",
    ];
    p.replace(
        action,
        "title: Belysning i stadsparken",
        &format!("title: '{}'", planted[0].replace('\'', "''")),
    );
    p.replace(
        action,
        "effort: investering",
        &format!("effort: \"{}\"", planted[1]),
    );
    // A list is one cell: only its start can be read as a formula.
    p.replace(
        action,
        "responsible: [Tekniska förvaltningen]",
        &format!("responsible: [\"{}\", \"=B2\"]", planted[2]),
    );
    p.replace(
        action,
        "funded_by: Kommunstyrelsen",
        &format!("funded_by: \"{}\"", planted[3]),
    );
    p.replace(
        action,
        "summary: Ny belysning längs parkens gångstråk.",
        "summary: \"\\tTabb\"",
    );
    p.replace(
        "kommun/indicators/nojdhet.md",
        "{year: 2022, value: 61}",
        "{year: 2022, value: -61, note: \"=1+1\"}",
    );
    let o = p.run(&["build", "--content", "content", "--output", "out"]);
    assert_eq!(code(&o), 0, "{}", both(&o));
    let out = p.tmp.path().join("out");

    let mut seen = Vec::new();
    for f in list_files(&out).iter().filter(|f| f.ends_with(".csv")) {
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_path(out.join(f))
            .unwrap();
        for rec in r.records() {
            for cell in rec.unwrap().iter() {
                assert!(
                    !cell.starts_with(FORMULA_STARTS) || is_plain_negative_number(cell),
                    "{f}: formula cell {cell:?}"
                );
                seen.push(cell.to_string());
            }
        }
    }
    // Each planted text is there, with exactly one `'` before it.
    for text in planted.iter().chain(["=1+1"].iter()) {
        let quoted = format!("'{text}");
        assert!(
            seen.iter().any(|c| c.starts_with(&quoted)),
            "`{quoted}` not in any CSV"
        );
    }
    // A negative value stays a number.
    assert!(
        seen.iter().any(|c| c.parse::<f64>() == Ok(-61.0)),
        "indicator value -61 changed"
    );
    assert!(
        seen.iter().any(|c| c == "'-2+3"),
        "funder not neutralised in budget.csv"
    );

    // The open-data page says so, in the place's language (sv).
    let strings = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/i18n/sv.yaml"),
    )
    .unwrap();
    let v: serde_yaml::Value = serde_yaml::from_str(&strings).unwrap();
    let note = v["open_data_csv_safe"]
        .as_str()
        .expect("open_data_csv_safe in sv.yaml");
    let page = std::fs::read_to_string(out.join("kommun/data/index.html")).unwrap();
    let head: String = note
        .chars()
        .take_while(|c| *c != '(' && *c != '\'')
        .collect();
    assert!(
        head.len() > 20 && page.contains(head.trim()),
        "open-data page does not explain the `'`"
    );
}
