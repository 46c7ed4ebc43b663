//! The JSON Schemas of the content files (`docs/schema/`), built into the
//! binary: printed by `ambit schema` for editors' YAML tooling, and the source
//! of the fields and help texts of the browser editor's configuration.

/// (file type, schema text)
pub const SCHEMAS: &[(&str, &str)] = &[
    ("site", include_str!("../../docs/schema/site.schema.json")),
    (
        "programme",
        include_str!("../../docs/schema/programme.schema.json"),
    ),
    ("area", include_str!("../../docs/schema/area.schema.json")),
    (
        "ambition",
        include_str!("../../docs/schema/ambition.schema.json"),
    ),
    (
        "strategy",
        include_str!("../../docs/schema/strategy.schema.json"),
    ),
    (
        "indicator",
        include_str!("../../docs/schema/indicator.schema.json"),
    ),
    (
        "action",
        include_str!("../../docs/schema/action.schema.json"),
    ),
    (
        "report",
        include_str!("../../docs/schema/report.schema.json"),
    ),
];

/// The parsed schema of a file type (`action`, `site`, …).
pub fn schema(kind: &str) -> Option<serde_json::Value> {
    SCHEMAS
        .iter()
        .find(|(n, _)| *n == kind)
        .and_then(|(_, text)| serde_json::from_str(text).ok())
}
