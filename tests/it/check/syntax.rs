//! Mistakes in the shape of a file: malformed YAML, missing front matter, missing, unknown,
//! duplicate and mistyped keys, values outside an enum, non-UTF-8 and CRLF files.

use crate::common::pos_of;

use super::{Broken, Expect};

#[test]
fn the_valid_fixture_has_no_errors() {
    let b = Broken::new();
    let r = b.check();
    assert_eq!(r.code, 0, "{}", r.raw);
    assert!(r.errors().is_empty(), "{}", r.raw);
    r.assert_sorted();
}

#[test]
fn malformed_yaml_points_at_the_line_in_the_file() {
    let b = Broken::new();
    let rel = "kommun/actions/laxhjalp.md";
    b.replace(
        rel,
        "summary: Frivilliga hjälper elever med läxor två kvällar i veckan.",
        "summary: Läxhjälp: två kvällar i veckan",
    );
    let (line, _) = b.pos(rel, "summary:");
    assert_eq!(line, 3, "the YAML's own line 2 is the file's line 3");
    let col = "summary: Läxhjälp".chars().count() + 1; // the second `:`
    let e = Expect::new(rel, (line, col), "invalid YAML", &["quotes"]);
    let second = b.village_mistake();
    b.check().assert_exactly(&[second, e]);
}

#[test]
fn malformed_yaml_in_a_nested_line_and_in_site_yaml() {
    let b = Broken::new();
    let rel = "kommun/actions/busslinje.md";
    b.replace(
        rel,
        "status: prioritised\n",
        "status: prioritised\n  listed: [2025\n",
    );
    let r = b.check();
    let d = r
        .errors()
        .into_iter()
        .find(|d| d.path.ends_with("busslinje.md"))
        .cloned()
        .unwrap_or_else(|| panic!("{}", r.raw));
    let (status_line, _) = b.pos(rel, "status:");
    assert!(
        d.line >= status_line && d.line <= status_line + 2,
        "YAML error near the broken lines, got {}:{}\n{}",
        d.line,
        d.col,
        r.raw
    );

    let b = Broken::new();
    b.replace("site.yaml", "language: en\n", "language: en\n title: x\n");
    let r = b.check();
    assert_eq!(r.code, 1, "{}", r.raw);
    let d = r
        .errors()
        .into_iter()
        .find(|d| d.path == "content/site.yaml")
        .cloned()
        .unwrap_or_else(|| panic!("{}", r.raw));
    assert!(
        (2..=4).contains(&d.line),
        "site.yaml error on its own lines: {}\n{}",
        d.line,
        r.raw
    );
}

#[test]
fn missing_front_matter() {
    let b = Broken::new();
    let rel = "kommun/actions/kulturnatt.md";
    let text = b.read(rel);
    b.write(rel, text.replacen("---\n", "", 2));
    let e = Expect::new(
        rel,
        (1, 1),
        "missing front matter",
        &["start the file with a line `---`"],
    );
    let second = b.district_mistake();
    b.check().assert_exactly(&[e, second]);
}

#[test]
fn missing_required_key() {
    let b = Broken::new();
    let rel = "kommun/actions/belysning.md";
    b.replace(rel, "status: planned\n", "");
    let e = Expect::new(rel, (1, 1), "missing required key `status`", &["status:"]);
    let second = b.district_mistake();
    b.check().assert_exactly(&[e, second]);
}

#[test]
fn unknown_key_suggests_the_closest() {
    let b = Broken::new();
    let rel = "kommun/actions/ny-cykelbana.md";
    b.replace(rel, "responsible: Tekniska", "responsibel: Tekniska");
    let e = Expect::new(
        rel,
        b.pos(rel, "responsibel"),
        "unknown key `responsibel`",
        &["did you mean `responsible`?", "extra:"],
    );
    let second = b.village_mistake();
    b.check().assert_exactly(&[second, e]);
}

#[test]
fn wrong_type() {
    let b = Broken::new();
    let rel = "kommun/actions/ny-cykelbana.md";
    b.replace(rel, "progress: 40", "progress: forty");
    let e = Expect::new(rel, b.pos(rel, "forty"), "`progress` must be a number", &[]);
    let second = b.district_mistake();
    b.check().assert_exactly(&[e, second]);
}

#[test]
fn value_outside_the_enum_lists_allowed_values() {
    let b = Broken::new();
    let rel = "kommun/actions/ny-cykelbana.md";
    b.replace(rel, "status: ongoing", "status: underway");
    let e = Expect::new(
        rel,
        b.pos(rel, "underway"),
        "`underway` is not a valid status",
        &["allowed values: idea, prioritised, planned, ongoing, done, cancelled"],
    );
    let second = b.district_mistake();
    b.check().assert_exactly(&[e, second]);

    let b = Broken::new();
    let rel = "oost/programme.md";
    b.replace(rel, "place_kind: district", "place_kind: neighbourhood");
    let e = Expect::new(
        rel,
        b.pos(rel, "neighbourhood"),
        "`neighbourhood` is not a valid place_kind",
        &["town, district, village, municipality"],
    );
    let second = b.village_mistake();
    b.check().assert_exactly(&[second, e]);
}

#[test]
fn a_file_that_is_not_utf8() {
    let b = Broken::new();
    let rel = "kommun/actions/kulturnatt.md";
    let mut bytes = b.read(rel).into_bytes();
    let needle = b"Kulturnatt i centrum";
    let at = bytes
        .windows(needle.len())
        .position(|w| w == needle)
        .unwrap()
        + "Kulturnatt ".len();
    bytes[at] = 0xE5; // Latin-1 `å` instead of `i`
    b.write(rel, &bytes);
    let col = "title: Kulturnatt ".len() + 1;
    let e = Expect::new(rel, (2, col), "not UTF-8", &["UTF-8"]);
    let second = b.district_mistake();
    b.check().assert_exactly(&[e, second]);
}

#[test]
fn a_duplicate_key_points_at_its_second_occurrence() {
    let b = Broken::new();
    let rel = "kommun/actions/kulturnatt.md";
    b.replace(
        rel,
        "title: Kulturnatt i centrum\n",
        "title: Kulturnatt i centrum\nstatus: idea\n",
    );
    let e = Expect::new(rel, b.pos(rel, "status: cancelled"), "duplicate", &[]);
    let second = b.district_mistake();
    b.check().assert_exactly(&[e, second]);
}

#[test]
fn crlf_files_report_the_same_positions() {
    let b = Broken::new();
    let rel = "kommun/actions/belysning.md";
    let lf = b.replace(rel, "status: planned", "status: plannd");
    let pos = pos_of(&lf, "plannd");
    b.write(rel, lf.replace('\n', "\r\n"));
    let e = Expect::new(
        rel,
        pos,
        "`plannd` is not a valid status",
        &["did you mean `planned`?"],
    );
    let second = b.district_mistake();
    b.check().assert_exactly(&[e, second]);
}
