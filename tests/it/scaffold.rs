//! `ambit new` writes files that pass `ambit check` and never overwrites;
//! `ambit schema` prints valid JSON Schemas that know every key the checker accepts.

use crate::common;
use ambit::model::EntityKind;

#[test]
fn new_files_are_valid_and_never_overwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    common::copy_dir(&common::fixture("multi"), &content);
    let c = content.to_str().unwrap();
    let o = common::ambit(&["new", "place", "nyby", "--content", c]);
    assert_eq!(common::code(&o), 0, "{}", common::both(&o));
    for (kind, id) in [
        ("area", "nyby/omrade"),
        ("ambition", "nyby/mal"),
        ("strategy", "nyby/vag"),
        ("indicator", "nyby/matt"),
        ("action", "nyby/lekplats"),
    ] {
        let o = common::ambit(&["new", kind, id, "--content", c]);
        assert_eq!(common::code(&o), 0, "{kind}: {}", common::both(&o));
    }
    // The placeholders name what to fill in; filled in, every file checks clean.
    let fill = |rel: &str, from: &str, to: &str| {
        let p = content.join(rel);
        let t = std::fs::read_to_string(&p).unwrap();
        assert!(t.contains(from), "{rel} lacks {from}:\n{t}");
        std::fs::write(&p, t.replace(from, to)).unwrap();
    };
    fill("nyby/ambitions/mal.md", "area: <area id>", "area: omrade");
    fill("nyby/strategies/vag.md", "<ambition id>", "mal");
    fill("nyby/indicators/matt.md", "<ambition id>", "mal");
    fill("nyby/actions/lekplats.md", "<ambition id>", "mal");
    let o = common::ambit(&["check", "--content", c]);
    let out = common::both(&o);
    assert!(
        !out.lines()
            .any(|l| l.contains("nyby/") && l.contains(": error:")),
        "{out}"
    );
    assert_eq!(common::code(&o), 0, "{out}");

    let before = std::fs::read(content.join("nyby/actions/lekplats.md")).unwrap();
    let o = common::ambit(&["new", "action", "nyby/lekplats", "--content", c]);
    assert_eq!(common::code(&o), 2);
    assert!(common::both(&o).contains("not overwriting"));
    assert_eq!(
        std::fs::read(content.join("nyby/actions/lekplats.md")).unwrap(),
        before
    );

    let o = common::ambit(&["new", "action", "nyby/Ny Lekplats", "--content", c]);
    assert_eq!(common::code(&o), 2);
    assert!(
        common::both(&o).contains("ny-lekplats"),
        "suggests the slug: {}",
        common::both(&o)
    );
}

/// The ids listed in the comment of the `key:` line of a new file.
fn listed_ids(text: &str, key: &str) -> Vec<String> {
    let line = text
        .lines()
        .find(|l| l.trim_start_matches("# ").starts_with(&format!("{key}:")))
        .unwrap_or_else(|| panic!("no `{key}:` line in\n{text}"));
    let comment = line.split_once(" # ").map(|(_, c)| c).unwrap_or_default();
    let list = comment
        .rsplit_once(": ")
        .map(|(_, l)| l)
        .unwrap_or_default();
    list.split([',', ';', ' ', '→'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn stems(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| {
            e.file_name()
                .to_string_lossy()
                .trim_end_matches(".md")
                .to_string()
        })
        .collect();
    v.sort();
    v
}

#[test]
fn new_action_speaks_the_site_language_and_lists_the_ids_it_may_take() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    common::copy_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &content,
    );
    let c = content.to_str().unwrap();
    let o = common::ambit(&["new", "action", "getinge/ny-lekplats", "--content", c]);
    assert_eq!(common::code(&o), 0, "{}", common::both(&o));
    let path = content.join("getinge/actions/ny-lekplats.md");
    let text = std::fs::read_to_string(&path).unwrap();
    // The default content is Swedish: no English placeholder is left.
    let en = std::fs::read_to_string("themes/default/i18n/en.yaml").unwrap();
    let en: std::collections::BTreeMap<String, serde_yaml::Value> =
        serde_yaml::from_str(&en).unwrap();
    for key in ["new_summary", "new_required", "new_body_action"] {
        let english = en[key].as_str().unwrap();
        assert!(!text.contains(english), "English `{english}` in\n{text}");
    }
    assert!(!text.contains("<ambition id>"), "{text}");
    // Beside `ambition:` the place's ambitions, beside `strategy:` its strategies.
    let mut ambitions = listed_ids(&text, "ambition");
    ambitions.sort();
    assert_eq!(
        ambitions,
        stems(&content.join("getinge/ambitions")),
        "{text}"
    );
    let listed = listed_ids(&text, "strategy");
    let strategies = stems(&content.join("getinge/strategies"));
    for s in &strategies {
        assert!(listed.contains(s), "strategy {s} not listed:\n{text}");
    }
    // One edit away from valid: put one of the listed ids in.
    let ambition_line = text.lines().find(|l| l.starts_with("ambition:")).unwrap();
    let fixed = text.replace(ambition_line, &format!("ambition: {}", ambitions[0]));
    std::fs::write(&path, fixed).unwrap();
    let o = common::ambit(&["check", "--content", c]);
    let out = common::both(&o);
    assert!(
        !out.lines()
            .any(|l| l.contains("ny-lekplats") && l.contains(": error:")),
        "{out}"
    );
    assert_eq!(common::code(&o), 0, "{out}");
}

#[test]
fn schemas_reject_impossible_dates() {
    let o = common::ambit(&["schema", "action"]);
    let schema: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let due = &schema["properties"]["due"]["oneOf"];
    let pattern = due
        .as_array()
        .unwrap()
        .iter()
        .find_map(|v| v["pattern"].as_str())
        .unwrap();
    // The checker is the reference: what it rejects, the schema rejects.
    for (value, ok) in [
        ("2025", true),
        ("2025-06", true),
        ("2025-06-30", true),
        ("2025-13", false),
        ("2025-00", false),
        ("2025-06-32", false),
    ] {
        assert_eq!(
            matches_pattern(pattern, value),
            ok,
            "due: {value} against {pattern}"
        );
        assert_eq!(
            ambit::parse::fields::parse_partial_date(value).is_some(),
            ok,
            "checker on {value}"
        );
    }
}

fn matches_pattern(pattern: &str, value: &str) -> bool {
    regex::Regex::new(pattern).unwrap().is_match(value)
}

#[test]
fn schemas_are_json_and_list_every_allowed_key() {
    let kinds = [
        ("programme", EntityKind::Programme),
        ("area", EntityKind::Area),
        ("ambition", EntityKind::Ambition),
        ("strategy", EntityKind::Strategy),
        ("indicator", EntityKind::Indicator),
        ("action", EntityKind::Action),
        ("report", EntityKind::Report),
    ];
    for (name, kind) in kinds {
        let o = common::ambit(&["schema", name]);
        assert_eq!(common::code(&o), 0);
        let v: serde_json::Value =
            serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{name}: {e}"));
        let props = v["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("{name} has properties"));
        let mut schema_keys: Vec<&str> = props.keys().map(String::as_str).collect();
        let mut checker_keys = ambit::parse::entity::allowed_keys(kind);
        schema_keys.sort();
        checker_keys.sort();
        assert_eq!(
            schema_keys, checker_keys,
            "{name}: schema and checker agree on the keys"
        );
        assert_eq!(
            v["additionalProperties"],
            serde_json::json!(false),
            "{name}"
        );
    }
    let tmp = tempfile::tempdir().unwrap();
    let o = common::ambit(&["schema", "--out", tmp.path().to_str().unwrap()]);
    assert_eq!(common::code(&o), 0);
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 8);
    assert_eq!(common::code(&common::ambit(&["schema", "nonsense"])), 2);
}
