//! Integration tests of `ambit check` (and the error contract of section 5):
//! each test breaks a copy of tests/fixtures/multi in one way, plus a second,
//! unrelated mistake in another file, and asserts the exit code, the exact
//! `path:line:col: error: message` line and `help:` of both mistakes, and that
//! the report is sorted by file.

use crate::common::*;

/// One reported diagnostic, parsed from a contract line and its help lines.
#[derive(Debug, Clone)]
struct Diag {
    path: String,
    line: usize,
    col: usize,
    severity: String,
    message: String,
    help: Vec<String>,
}

/// Parses `path:line:col: error: message` and following `  help: …` lines.
fn parse_report(text: &str) -> Vec<Diag> {
    let mut out: Vec<Diag> = Vec::new();
    for l in text.lines() {
        if let Some(h) = l.strip_prefix("  help: ") {
            if let Some(d) = out.last_mut() {
                d.help.push(h.to_string());
            }
            continue;
        }
        for sev in ["error", "warning"] {
            let marker = format!(": {sev}: ");
            let Some(i) = l.find(&marker) else { continue };
            let head = &l[..i];
            let message = l[i + marker.len()..].to_string();
            let mut parts = head.rsplitn(3, ':');
            let (c, ln, p) = (parts.next(), parts.next(), parts.next());
            let (path, line, col) = match (
                c.and_then(|c| c.parse().ok()),
                ln.and_then(|l| l.parse().ok()),
                p,
            ) {
                (Some(c), Some(ln), Some(p)) => (p.to_string(), ln, c),
                _ => (head.to_string(), 0, 0),
            };
            out.push(Diag {
                path,
                line,
                col,
                severity: sev.into(),
                message,
                help: Vec::new(),
            });
            break;
        }
    }
    out
}

/// A broken copy of the multi fixture in a temporary folder, checked as
/// `ambit check --content content` from that folder, so that paths are
/// printed as a user types them (`content/kommun/…`).
struct Broken(Content);

impl std::ops::Deref for Broken {
    type Target = Content;
    fn deref(&self) -> &Content {
        &self.0
    }
}

impl Broken {
    fn new() -> Broken {
        Broken(Content::fixture("multi"))
    }

    /// The second, unrelated mistake in the village (sorts before kommun/ and oost/):
    /// a status that is not allowed.
    fn village_mistake(&self) -> Expect {
        let rel = "brookfield/actions/village-hall.md";
        self.replace(rel, "status: planned", "status: plannd");
        Expect::new(
            rel,
            self.pos(rel, "plannd"),
            "`plannd` is not a valid status",
            &[
                "did you mean `planned`?",
                "allowed values: idea, prioritised, planned, ongoing, done, cancelled",
            ],
        )
    }

    /// The second mistake in the district (sorts after kommun/): an unknown key.
    fn district_mistake(&self) -> Expect {
        let rel = "oost/ambitions/groen-oost.md";
        self.replace(rel, "order: 1\n", "order: 1\nsumary: Groen\n");
        Expect::new(
            rel,
            self.pos(rel, "sumary"),
            "unknown key `sumary`",
            &["did you mean `summary`?"],
        )
    }

    /// `ambit check --content content <extra>` (where `Content::run` takes all arguments).
    fn run(&self, extra: &[&str]) -> std::process::Output {
        let mut args = vec!["check", "--content", "content"];
        args.extend_from_slice(extra);
        self.0.run(&args)
    }

    /// The parsed report of `ambit check` (where `Content::check` gives the text).
    fn check(&self) -> Report {
        let o = self.run(&[]);
        let text = format!(
            "{}\n{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        Report {
            diags: parse_report(&text),
            code: code(&o),
            raw: both(&o),
        }
    }
}

/// What one mistake must produce.
#[derive(Debug, Clone)]
struct Expect {
    path: String,
    line: usize,
    col: usize,
    message: String,
    help: Vec<String>,
}

impl Expect {
    fn new(rel: &str, (line, col): (usize, usize), message: &str, help: &[&str]) -> Expect {
        Expect {
            path: format!("content/{rel}"),
            line,
            col,
            message: message.into(),
            help: help.iter().map(|h| h.to_string()).collect(),
        }
    }
}

struct Report {
    diags: Vec<Diag>,
    code: i32,
    raw: String,
}

impl Report {
    fn errors(&self) -> Vec<&Diag> {
        self.diags
            .iter()
            .filter(|d| d.severity == "error")
            .collect()
    }

    /// The run failed with exactly these errors (each at its line:col, with its help), sorted by file.
    fn assert_exactly(&self, expected: &[Expect]) {
        assert_eq!(self.code, 1, "content errors exit 1:\n{}", self.raw);
        for e in expected {
            let found = self.diags.iter().find(|d| {
                d.severity == "error" && d.path == e.path && d.message.contains(&e.message)
            });
            let Some(d) = found else {
                panic!("no error `{}` for {}:\n{}", e.message, e.path, self.raw);
            };
            assert_eq!(
                (d.line, d.col),
                (e.line, e.col),
                "position of `{}` in {}:\n{}",
                e.message,
                e.path,
                self.raw
            );
            for h in &e.help {
                assert!(
                    d.help.iter().any(|x| x.contains(h.as_str())),
                    "help `{h}` missing for `{}`; got {:?}\n{}",
                    e.message,
                    d.help,
                    self.raw
                );
            }
        }
        let errors = self.errors();
        assert_eq!(
            errors.len(),
            expected.len(),
            "exactly the expected errors, no knock-on errors:\n{}",
            self.raw
        );
        self.assert_sorted();
    }

    fn assert_sorted(&self) {
        let keys: Vec<(String, usize, usize)> = self
            .diags
            .iter()
            .map(|d| (d.path.clone(), d.line, d.col))
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(
            keys, sorted,
            "diagnostics are sorted by file and position:\n{}",
            self.raw
        );
    }
}

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
fn dangling_reference_in_the_same_place() {
    let b = Broken::new();
    let rel = "kommun/actions/laxhjalp.md";
    b.replace(rel, "ambition: utbildning", "ambition: utbilding");
    let e = Expect::new(
        rel,
        b.pos(rel, "utbilding"),
        "no ambition `utbilding` in place `kommun`",
        &["did you mean `utbildning`?"],
    );
    let second = b.district_mistake();
    b.check().assert_exactly(&[e, second]);
}

#[test]
fn dangling_reference_to_another_place() {
    let b = Broken::new();
    let rel = "oost/actions/buurtfeest.md";
    b.replace(rel, "ambition: kommun/trygghet", "ambition: kommun/trygget");
    let e = Expect::new(
        rel,
        b.pos(rel, "kommun/trygget"),
        "no ambition `trygget` in place `kommun`",
        &["did you mean `kommun/trygghet`?"],
    );
    let second = b.village_mistake();
    b.check().assert_exactly(&[second, e]);

    // An unknown place names the places there are.
    let b = Broken::new();
    b.replace(rel, "ambition: kommun/trygghet", "ambition: kommn/trygghet");
    let e = Expect::new(
        rel,
        b.pos(rel, "kommn/trygghet"),
        "unknown place `kommn`",
        &[
            "did you mean `kommun/trygghet`?",
            "places: brookfield, kommun, oost",
        ],
    );
    let second = b.village_mistake();
    b.check().assert_exactly(&[second, e]);
}

#[test]
fn strategy_of_another_ambition() {
    let b = Broken::new();
    let rel = "kommun/actions/busslinje.md";
    b.replace(rel, "strategy: kollektivtrafik", "strategy: larmiljo");
    let e = Expect::new(
        rel,
        b.pos(rel, "larmiljo"),
        "strategy `larmiljo` belongs to ambition `utbildning`, not to `hallbara-resor`",
        &["strategies of `hallbara-resor`: cykelvagar, kollektivtrafik"],
    );
    let second = b.district_mistake();
    b.check().assert_exactly(&[e, second]);

    // Across places: the district's action names a strategy of another municipal ambition.
    let b = Broken::new();
    let rel = "oost/actions/fietsenstalling.md";
    b.replace(
        rel,
        "strategy: kommun/cykelvagar",
        "strategy: kommun/larmiljo",
    );
    let e = Expect::new(
        rel,
        b.pos(rel, "kommun/larmiljo"),
        "belongs to ambition `utbildning`",
        &["cykelvagar, kollektivtrafik"],
    );
    let second = b.village_mistake();
    b.check().assert_exactly(&[second, e]);
}

#[test]
fn indicator_measuring_an_action() {
    let b = Broken::new();
    let rel = "kommun/indicators/nojdhet.md";
    b.replace(
        rel,
        "measures: [utbildning]",
        "measures: [utbildning, skolgard]",
    );
    let e = Expect::new(
        rel,
        b.pos(rel, "skolgard"),
        "`skolgard` is an action, not an ambition or strategy",
        &["an indicator measures ambitions or strategies"],
    );
    let second = b.district_mistake();
    b.check().assert_exactly(&[e, second]);
}

#[test]
fn duplicate_id_across_types() {
    let b = Broken::new();
    let rel = "kommun/strategies/skolgard.md";
    b.write(
        rel,
        "---\ntitle: Skolgårdar\nambition: utbildning\n---\n\nText.\n",
    );
    let e = Expect::new(
        rel,
        (1, 1),
        "id `skolgard` is used twice in place `kommun`",
        &["kommun/actions/skolgard.md"],
    );
    let second = b.district_mistake();
    b.check().assert_exactly(&[e, second]);
}

#[test]
fn bad_file_name_suggests_a_slug() {
    let b = Broken::new();
    let rel = "kommun/actions/Öster.md";
    b.write(
        rel,
        "---\ntitle: Öster\nambition: trygghet\nstatus: idea\n---\n",
    );
    let e = Expect::new(
        rel,
        (1, 1),
        "`Öster.md` is not a valid id",
        &["rename it to `oster.md`"],
    );
    let second = b.district_mistake();
    b.check().assert_exactly(&[e, second]);

    let b = Broken::new();
    let rel = "oost/actions/my action.md";
    b.write(
        rel,
        "---\ntitle: Mijn\nambition: groen-oost\nstatus: idea\n---\n",
    );
    let e = Expect::new(
        rel,
        (1, 1),
        "`my action.md` is not a valid id",
        &["rename it to `my-action.md`"],
    );
    let second = b.village_mistake();
    b.check().assert_exactly(&[second, e]);
}

#[test]
fn done_without_completed() {
    let b = Broken::new();
    let rel = "kommun/actions/skolgard.md";
    b.replace(rel, "completed: 2023-09-15\n", "");
    let e = Expect::new(
        rel,
        b.pos(rel, "done"),
        "a done action needs `completed`",
        &["completed: YYYY-MM-DD"],
    );
    let second = b.district_mistake();
    b.check().assert_exactly(&[e, second]);
}

#[test]
fn completed_with_a_status_other_than_done() {
    let b = Broken::new();
    let rel = "kommun/actions/belysning.md";
    b.replace(
        rel,
        "listed: 2024\n",
        "listed: 2024\ncompleted: 2025-03-01\n",
    );
    let e = Expect::new(
        rel,
        b.pos(rel, "completed:"),
        "`completed` is only allowed when status is `done`",
        &["set `status: done`"],
    );
    let second = b.district_mistake();
    b.check().assert_exactly(&[e, second]);
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
fn unknown_file_and_folder_in_a_place() {
    let b = Broken::new();
    b.write("kommun/notes.txt", "anteckningar");
    b.write("kommun/action/extra.md", "---\ntitle: x\n---\n");
    let file = Expect::new(
        "kommun/notes.txt",
        (1, 1),
        "unknown file `notes.txt` in place `kommun`",
        &["programme.md, files/, areas/, ambitions/, strategies/, indicators/, actions/"],
    );
    let folder = Expect::new(
        "kommun/action",
        (1, 1),
        "unknown folder `action` in place `kommun`",
        &["did you mean `actions`?"],
    );
    let second = b.district_mistake();
    b.check().assert_exactly(&[folder, file, second]);
}

#[test]
fn several_errors_in_one_file_are_all_reported_in_line_order() {
    let b = Broken::new();
    let rel = "kommun/actions/ny-cykelbana.md";
    b.replace(rel, "progress: 40", "progress: 140");
    b.replace(rel, "due: 2026-10", "due: 2026-13");
    b.replace(rel, "responsible: Tekniska", "responsibel: Tekniska");
    let r = b.check();
    let mine: Vec<&Diag> = r
        .errors()
        .into_iter()
        .filter(|d| d.path.ends_with("ny-cykelbana.md"))
        .collect();
    assert_eq!(mine.len(), 3, "{}", r.raw);
    assert!(mine.windows(2).all(|w| w[0].line < w[1].line), "{}", r.raw);
    let (l, c) = b.pos(rel, "2026-13");
    assert!(
        mine.iter()
            .any(|d| d.line == l && d.col == c && d.message.contains("not a valid date")),
        "{}",
        r.raw
    );
    let (l, c) = b.pos(rel, "140");
    assert!(
        mine.iter()
            .any(|d| d.line == l && d.col == c && d.message.contains("between 0 and 100")),
        "{}",
        r.raw
    );
    r.assert_sorted();
}

#[test]
fn an_unparsable_ambition_causes_no_knock_on_errors() {
    let b = Broken::new();
    let rel = "kommun/ambitions/trygghet.md";
    b.replace(
        rel,
        "summary: Gator, torg och parker ska kännas trygga dygnet runt.",
        "summary: Trygghet: dygnet runt",
    );
    let e = Expect::new(rel, b.pos(rel, ": dygnet"), "invalid YAML", &[]);
    // belysning.md, kulturnatt.md, oost/actions/buurtfeest.md and oost/indicators/bomen-aantal.md
    // all name `trygghet`, which exists: they must not be reported.
    b.check().assert_exactly(&[e]);
}

#[test]
fn github_format_prints_annotations() {
    let b = Broken::new();
    let rel = "kommun/actions/ny-cykelbana.md";
    b.replace(rel, "status: ongoing", "status: underway");
    let (line, col) = b.pos(rel, "underway");
    b.district_mistake();
    let o = b.run(&["--format", "github"]);
    assert_eq!(code(&o), 1, "{}", both(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    let lines: Vec<&str> = out.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(
        lines.iter().all(|l| l.starts_with("::error ")
            || l.starts_with("::warning ")
            || l.starts_with("::notice ")),
        "only annotations on stdout:\n{out}"
    );
    let want = format!("::error file=content/{rel},line={line}");
    let l = lines
        .iter()
        .find(|l| l.starts_with(&want))
        .unwrap_or_else(|| panic!("no `{want}` in:\n{out}"));
    assert!(l.contains(&format!("col={col}")), "{l}");
    assert!(l.contains("::`underway` is not a valid status"), "{l}");
    assert!(
        l.contains("allowed values"),
        "help is in the annotation: {l}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("::error file=content/oost/ambitions/groen-oost.md,line=")),
        "{out}"
    );
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("::error")).count(),
        2,
        "{out}"
    );
}

#[test]
fn json_format_is_one_array() {
    let b = Broken::new();
    let rel = "kommun/actions/ny-cykelbana.md";
    b.replace(rel, "status: ongoing", "status: underway");
    let (line, col) = b.pos(rel, "underway");
    b.village_mistake();
    let o = b.run(&["--format", "json"]);
    assert_eq!(code(&o), 1, "{}", both(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", both(&o)));
    let arr = v.as_array().expect("a JSON array");
    let errors: Vec<&serde_json::Value> = arr.iter().filter(|d| d["severity"] == "error").collect();
    assert_eq!(errors.len(), 2, "{v:#}");
    let d = errors
        .iter()
        .find(|d| {
            d["path"]
                .as_str()
                .is_some_and(|p| p.ends_with("ny-cykelbana.md"))
        })
        .expect("the status error");
    assert_eq!(d["path"], format!("content/{rel}"));
    assert_eq!(d["line"], line);
    assert_eq!(d["col"], col);
    assert!(d["message"]
        .as_str()
        .unwrap()
        .contains("`underway` is not a valid status"));
    assert!(d["help"]
        .as_array()
        .unwrap()
        .iter()
        .any(|h| h.as_str().unwrap().contains("allowed values")));
    // The valid fixture gives an array too (possibly with warnings only).
    let b = Broken::new();
    let o = b.run(&["--format", "json"]);
    assert_eq!(code(&o), 0, "{}", both(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert!(v
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["severity"] != "error"));
}

#[test]
fn build_reports_the_same_errors_and_exits_1() {
    let b = Broken::new();
    let rel = "kommun/actions/laxhjalp.md";
    b.replace(rel, "ambition: utbildning", "ambition: utbilding");
    let second = b.district_mistake();
    let o = ambit_in(
        b.tmp.path(),
        &["build", "--content", "content", "--output", "out"],
    );
    let text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    let r = Report {
        diags: parse_report(&text),
        code: code(&o),
        raw: both(&o),
    };
    let e = Expect::new(
        rel,
        b.pos(rel, "utbilding"),
        "no ambition `utbilding`",
        &["did you mean `utbildning`?"],
    );
    r.assert_exactly(&[e, second]);
    assert!(
        !b.tmp.path().join("out").exists(),
        "a failed build writes nothing"
    );
}

#[test]
fn a_reference_in_a_flow_list_points_at_its_own_column() {
    let b = Broken::new();
    let rel = "kommun/indicators/nojdhet.md";
    b.replace(
        rel,
        "measures: [utbildning]",
        "measures: [utbildning, utbild]",
    );
    let e = Expect::new(
        rel,
        b.pos(rel, "utbild]"),
        "no ambition or strategy `utbild` in place `kommun`",
        &["did you mean `utbildning`?"],
    );
    let second = b.district_mistake();
    b.check().assert_exactly(&[e, second]);
}

#[test]
fn a_strategy_with_a_dangling_ambition_causes_no_knock_on_errors() {
    let b = Broken::new();
    let rel = "kommun/strategies/larmiljo.md";
    b.replace(rel, "ambition: utbildning", "ambition: utbildning-x");
    let e = Expect::new(
        rel,
        b.pos(rel, "utbildning-x"),
        "no ambition `utbildning-x` in place `kommun`",
        &["did you mean `utbildning`?"],
    );
    let second = b.district_mistake();
    // laxhjalp.md and skolgard.md use `strategy: larmiljo` with `ambition: utbildning`: not their mistake.
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
fn candidates_for_an_indicator_are_named_in_plain_words() {
    let b = Broken::new();
    let rel = "kommun/indicators/nojdhet.md";
    b.replace(rel, "measures: [utbildning]", "measures: [zzzz]");
    let r = b.check();
    let d = r
        .errors()
        .into_iter()
        .find(|d| d.path.ends_with("nojdhet.md"))
        .cloned()
        .unwrap_or_else(|| panic!("{}", r.raw));
    assert_eq!((d.line, d.col), b.pos(rel, "zzzz"), "{}", r.raw);
    assert!(
        d.help.iter().all(|h| !h.contains("strategys")),
        "{:?}",
        d.help
    );
    assert!(
        d.help
            .iter()
            .any(|h| h.contains("ambitions or strategies in `kommun`")),
        "{:?}",
        d.help
    );
}

#[test]
fn an_id_of_another_place_is_suggested_qualified() {
    let b = Broken::new();
    let rel = "brookfield/actions/footpath.md";
    b.replace(
        rel,
        "ambition: kommun/hallbara-resor",
        "ambition: hallbara-resor",
    );
    let e = Expect::new(
        rel,
        b.pos(rel, "hallbara-resor"),
        "no ambition `hallbara-resor` in place `brookfield`",
        &["kommun/hallbara-resor"],
    );
    let second = b.district_mistake();
    b.check().assert_exactly(&[e, second]);
}

#[test]
fn suggestions_for_a_published_file_skip_drafts() {
    let b = Broken::new();
    let rel = "kommun/actions/laxhjalp.md";
    b.replace(rel, "ambition: utbildning", "ambition: utkast-ml");
    let r = b.check();
    let d = r
        .errors()
        .into_iter()
        .find(|d| d.path.ends_with("laxhjalp.md"))
        .cloned()
        .unwrap_or_else(|| panic!("{}", r.raw));
    assert!(
        d.help.iter().all(|h| !h.contains("utkast-mal")),
        "a draft is suggested: {:?}",
        d.help
    );
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
