//! The report formats (GitHub annotations, one JSON array) and `ambit build` reporting the
//! same errors as `ambit check`.

use crate::common::{ambit_in, both, code};

use super::{parse_report, Broken, Expect, Report};

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
