//! `ambit import`: a place's published `data/actions.csv`, imported into the same place with its
//! actions removed, gives back actions with identical open data (also saved as XLSX by a real
//! spreadsheet writer); a Swedish `;` export with the site's own headers and status words
//! imports; every bad cell is an error at FILE:ROW:COL naming its header, and then nothing is
//! written.

use crate::common::{ambit_in, both, code, copy_dir};
use std::path::{Path, PathBuf};

fn repo_content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

/// A copy of the default site in a temporary folder, built once into `out1`.
fn copy_site() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&repo_content(), &tmp.path().join("content"));
    let o = ambit_in(tmp.path(), &["build", "--output", "out1"]);
    assert_eq!(code(&o), 0, "{}", both(&o));
    tmp
}

fn places(content: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(content)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("actions").is_dir())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    v.sort();
    v
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Removes `place`'s actions, imports `file`, builds into `out2` and compares open data.
fn round_trip(tmp: &Path, place: &str, file: &str) {
    let actions = tmp.join("content").join(place).join("actions");
    // Drafts are not published, so the open data holds the others.
    let rows = csv::Reader::from_path(tmp.join("out1").join(place).join("data/actions.csv"))
        .unwrap()
        .records()
        .count();
    std::fs::remove_dir_all(&actions).unwrap();
    let o = ambit_in(tmp, &["import", file, "--place", place]);
    assert_eq!(code(&o), 0, "{place}: {}", both(&o));
    assert_eq!(
        std::fs::read_dir(&actions).unwrap().count(),
        rows,
        "{place}"
    );
    let _ = std::fs::remove_dir_all(tmp.join("out2"));
    let o = ambit_in(tmp, &["build", "--output", "out2"]);
    assert_eq!(code(&o), 0, "{place}: {}", both(&o));
    for f in ["actions.csv", "actions.json", "budget.csv"] {
        let rel = format!("{place}/data/{f}");
        assert_eq!(
            read(&tmp.join("out1").join(&rel)),
            read(&tmp.join("out2").join(&rel)),
            "{rel} differs after the round trip"
        );
    }
}

#[test]
fn published_open_data_imports_back_into_the_same_actions() {
    let tmp = copy_site();
    let all = places(&tmp.path().join("content"));
    assert!(all.len() >= 3, "{all:?}");
    for place in &all {
        let csv = tmp.path().join(format!("{place}.csv"));
        std::fs::copy(
            tmp.path().join(format!("out1/{place}/data/actions.csv")),
            &csv,
        )
        .unwrap();
        round_trip(tmp.path(), place, &csv.display().to_string());
    }
    // The files are in the layout `ambit new action` writes, with its comments.
    let any = std::fs::read_dir(tmp.path().join("content/getinge/actions"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = read(&any);
    let new = ambit_in(tmp.path(), &["new", "action", "getinge/ny-test"]);
    assert_eq!(code(&new), 0, "{}", both(&new));
    let scaffold = read(&tmp.path().join("content/getinge/actions/ny-test.md"));
    let comment = |t: &str, key: &str| {
        t.lines()
            .find(|l| l.trim_start_matches("# ").starts_with(&format!("{key}:")))
            .and_then(|l| l.split_once("  # ").map(|(_, c)| c.to_string()))
    };
    for key in ["status", "ambition", "due", "completed"] {
        assert_eq!(
            comment(&text, key),
            comment(&scaffold, key),
            "{key}\n{text}"
        );
    }
}

/// A cell of open data as a spreadsheet program stores it: numbers as numbers, dates as dates.
fn write_cell(ws: &mut rust_xlsxwriter::Worksheet, row: u32, col: u16, header: &str, v: &str) {
    let date_format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    let numeric = ["listed", "budget_amount", "budget_year", "progress"];
    if v.is_empty() {
        return;
    }
    if numeric.contains(&header) {
        if let Ok(n) = v.parse::<f64>() {
            ws.write_number(row, col, n).unwrap();
            return;
        }
    }
    if header == "completed" && v.len() == 10 {
        let d = rust_xlsxwriter::ExcelDateTime::parse_from_str(v).unwrap();
        ws.write_datetime_with_format(row, col, &d, &date_format)
            .unwrap();
        return;
    }
    ws.write_string(row, col, v).unwrap();
}

#[test]
fn the_action_list_saved_as_xlsx_imports_back() {
    let tmp = copy_site();
    let place = "getinge";
    let csv_text = read(&tmp.path().join(format!("out1/{place}/data/actions.csv")));
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet().set_name("Åtgärder").unwrap();
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(0, c as u16, h).unwrap();
    }
    let mut dated = 0;
    for (r, rec) in reader.records().enumerate() {
        let rec = rec.unwrap();
        for (c, v) in rec.iter().enumerate() {
            dated += usize::from(headers[c] == "completed" && !v.is_empty());
            write_cell(ws, r as u32 + 1, c as u16, &headers[c], v);
        }
    }
    assert!(
        dated > 0,
        "the fixture has completion dates stored as dates"
    );
    let xlsx = tmp.path().join("atgarder.xlsx");
    book.save(&xlsx).unwrap();
    round_trip(tmp.path(), place, "atgarder.xlsx");
}

#[test]
fn a_swedish_export_with_the_sites_own_words_imports() {
    let tmp = copy_site();
    let dir = tmp.path();
    let csv = "\u{feff}Åtgärd;Ambition;Status;Ansvarig;Klar senast;Genomförd;Budget;Taggar;id\n\
        \"Bänkar: längs ån\";natur-och-fritid;Pågår;Tekniska förvaltningen; Getinge samhällsförening;2027-06;;25 000;park; sittplats;\n\
        Ny skylt;getinge/levande-centrum;Genomförd;;;2025-05-02;1250,50;;skylt-torget\n";
    std::fs::write(dir.join("sv.csv"), csv).unwrap();
    let o = ambit_in(dir, &["import", "sv.csv", "--place", "getinge"]);
    // `Ansvarig` with two bodies must be quoted when `;` separates cells.
    assert_eq!(code(&o), 1, "{}", both(&o));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("sv.csv:2:"),
        "{}",
        both(&o)
    );

    let csv = csv
        .replace(
            "Tekniska förvaltningen; Getinge samhällsförening",
            "\"Tekniska förvaltningen; Getinge samhällsförening\"",
        )
        .replace("park; sittplats", "\"park; sittplats\"");
    std::fs::write(dir.join("sv.csv"), &csv).unwrap();
    let o = ambit_in(dir, &["import", "sv.csv", "--place", "getinge"]);
    assert_eq!(code(&o), 0, "{}", both(&o));
    let a = read(&dir.join("content/getinge/actions/bankar-langs-an.md"));
    for line in [
        "title: \"Bänkar: längs ån\"",
        "ambition: natur-och-fritid",
        "status: ongoing",
        "responsible: [Tekniska förvaltningen, Getinge samhällsförening]",
        "due: 2027-06",
        "budget: {amount: 25000}",
        "tags: [park, sittplats]",
    ] {
        assert!(a.lines().any(|l| l.starts_with(line)), "{line}\n{a}");
    }
    assert!(
        !a.contains("\nsummary:"),
        "no example summary is published:\n{a}"
    );
    let b = read(&dir.join("content/getinge/actions/skylt-torget.md"));
    assert!(
        b.contains("status: done") && b.contains("completed: 2025-05-02"),
        "{b}"
    );
    assert!(b.contains("budget: {amount: 1250.50}"), "{b}");
    let o = ambit_in(dir, &["check"]);
    assert_eq!(code(&o), 0, "{}", both(&o));
}

#[test]
fn every_bad_cell_is_an_error_at_its_row_and_column_and_nothing_is_written() {
    let tmp = copy_site();
    let dir = tmp.path();
    let actions = dir.join("content/getinge/actions");
    let before = places_files(&actions);
    let existing = before[0].trim_end_matches(".md").to_string();
    let csv = format!(
        "title,ambition,status,completed,due,sdg,Ansvarig,id\n\
         Ett,natur-och-fritd,ongoing,,,,,\n\
         Två,natur-och-fritid,klar,,2027-13,18,,\n\
         Tre,natur-och-fritid,planned,2024-01-01,,,,\n\
         Fyra,natur-och-fritid,done,,,,,\n\
         Fem,natur-och-fritid,idea,,,,,{existing}\n\
         Sex,natur-och-fritid,idea,,,,,Stora Bokstäver\n"
    );
    std::fs::write(dir.join("bad.csv"), csv).unwrap();
    let o = ambit_in(dir, &["import", "bad.csv", "--place", "getinge"]);
    assert_eq!(code(&o), 1, "{}", both(&o));
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    for (at, words) in [
        ("bad.csv:2:2: error:", "natur-och-fritd"),
        ("bad.csv:3:3: error:", "(column \"status\")"),
        ("bad.csv:3:5: error:", "2027-13"),
        ("bad.csv:3:6: error:", "18"),
        ("bad.csv:4:4: error:", "planned"),
        ("bad.csv:5:3: error:", "completed"),
        ("bad.csv:6:8: error:", "exists"),
        ("bad.csv:7:8: error:", "not a valid id"),
    ] {
        assert!(
            err.lines().any(|l| l.starts_with(at) && l.contains(words)),
            "{at} … {words}\n{err}"
        );
    }
    assert!(err.contains("did you mean `natur-och-fritid`"), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(places_files(&actions), before, "nothing was written");

    // An unknown column is an error at row 1 with a suggestion.
    std::fs::write(
        dir.join("cols.csv"),
        "title,ambition,staus\nA,natur-och-fritid,idea\n",
    )
    .unwrap();
    let o = ambit_in(dir, &["import", "cols.csv", "--place", "getinge"]);
    assert_eq!(code(&o), 1, "{}", both(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("cols.csv:1:3: error: unknown column \"staus\""),
        "{err}"
    );
    assert!(err.contains("did you mean \"status\""), "{err}");

    // --dry-run prints the file and writes nothing.
    std::fs::write(
        dir.join("ok.csv"),
        "title,ambition,status\nProva,natur-och-fritid,idea\n",
    )
    .unwrap();
    let o = ambit_in(
        dir,
        &["import", "ok.csv", "--place", "getinge", "--dry-run"],
    );
    assert_eq!(code(&o), 0, "{}", both(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("title: Prova"),
        "{}",
        both(&o)
    );
    assert_eq!(places_files(&actions), before);
}

fn places_files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    v.sort();
    v
}
