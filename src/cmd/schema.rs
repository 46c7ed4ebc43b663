//! `ambit schema`: the JSON Schema of each content file type, built into the
//! binary from `docs/schema/`, for editors' YAML tooling.

use std::path::Path;

use crate::diag::Diagnostic;

pub use crate::model::schema::SCHEMAS;

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
