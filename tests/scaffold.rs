//! `ambit new` writes files that pass `ambit check` and never overwrites;
//! `ambit schema` prints valid JSON Schemas that know every key the checker accepts.

mod common;

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
    fill("nyby/ambitions/mal.md", "# area: <area id>", "area: omrade");
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
