//! `ambit schema`: the JSON Schema of each content file type, built into the
//! binary from `docs/schema/`, for editors' YAML tooling.

use std::path::Path;

use crate::diag::Diagnostic;

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

pub fn run(kind: Option<&str>, out: Option<&Path>) -> Result<(), Diagnostic> {
    if let Some(dir) = out {
        std::fs::create_dir_all(dir)
            .map_err(|e| Diagnostic::io(Some(dir), format!("cannot create folder: {e}")))?;
        for (name, text) in SCHEMAS {
            let path = dir.join(format!("{name}.schema.json"));
            std::fs::write(&path, text)
                .map_err(|e| Diagnostic::io(Some(&path), format!("cannot write: {e}")))?;
        }
        crate::errln!("wrote {} schemas to {}", SCHEMAS.len(), dir.display());
        return Ok(());
    }
    let names: Vec<&str> = SCHEMAS.iter().map(|(n, _)| *n).collect();
    let Some(kind) = kind else {
        return Err(Diagnostic::io(None, "name a file type, or pass --out DIR")
            .with_help(format!("file types: {}", names.join(", "))));
    };
    match SCHEMAS.iter().find(|(n, _)| *n == kind) {
        Some((_, text)) => {
            crate::outln!("{text}");
            Ok(())
        }
        None => Err(Diagnostic::io(None, format!("unknown file type `{kind}`"))
            .with_help(format!("file types: {}", names.join(", ")))),
    }
}
