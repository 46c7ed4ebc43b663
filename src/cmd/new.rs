//! `ambit new`: writes a content file with commented front matter in the
//! site's language (see [`super::scaffold`]), refusing to overwrite.

use std::path::Path;

use crate::cli::NewKind;
use crate::diag::Diagnostic;
use crate::load::{is_valid_id, slugify};

pub fn run(kind: NewKind, target: &str, content: &Path) -> Result<(), Diagnostic> {
    let (place, id) = match (kind, target.split_once('/')) {
        (NewKind::Place, None) => (target, target),
        (NewKind::Place, Some(_)) => {
            return Err(usage(
                "for a place, give just its id: `ambit new place getinge`",
            ))
        }
        (_, Some((p, i))) => (p, i),
        (_, None) => {
            return Err(usage(
                "give `<place>/<id>`, e.g. `ambit new action getinge/ny-lekplats`",
            ))
        }
    };
    if kind == NewKind::Report && !(id.len() == 4 && id.bytes().all(|b| b.is_ascii_digit())) {
        return Err(usage(&format!("`{id}` is not a year")).with_help(format!(
            "a report is named after its year: `ambit new report {place}/2025`"
        )));
    }
    for part in [place, id] {
        if !is_valid_id(part) {
            return Err(usage(&format!("`{part}` is not a valid id"))
                .with_help(format!("use `{}`", slugify(part))));
        }
    }
    if !content.join("site.yaml").is_file() {
        return Err(
            Diagnostic::io(Some(content), "no site.yaml in the content folder")
                .with_help("run this from the folder above content/, or pass --content DIR"),
        );
    }
    let path = match kind {
        NewKind::Place => content.join(place).join("programme.md"),
        _ => {
            if !content.join(place).join("programme.md").is_file() {
                return Err(usage(&format!("place `{place}` does not exist"))
                    .with_help(format!("create it first: `ambit new place {place}`")));
            }
            let folder = match kind {
                NewKind::Area => "areas",
                NewKind::Ambition => "ambitions",
                NewKind::Strategy => "strategies",
                NewKind::Indicator => "indicators",
                NewKind::Report => "reports",
                _ => "actions",
            };
            content.join(place).join(folder).join(format!("{id}.md"))
        }
    };
    if path.exists() {
        return Err(
            Diagnostic::io(Some(&path), "file exists; not overwriting it")
                .with_help("choose another id, or edit the file"),
        );
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| Diagnostic::io(Some(parent), format!("cannot create folder: {e}")))?;
    }
    let text =
        super::scaffold::template(kind, place, id, &super::scaffold::context(content, place));
    std::fs::write(&path, text)
        .map_err(|e| Diagnostic::io(Some(&path), format!("cannot write: {e}")))?;
    crate::outln!("created {}", path.display());
    Ok(())
}

fn usage(msg: &str) -> Diagnostic {
    Diagnostic::io(None, msg.to_string())
}
