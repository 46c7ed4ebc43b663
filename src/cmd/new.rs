//! `ambit new`: writes a content file with commented front matter in the
//! site's language (see [`super::scaffold`]). It writes only what `check` accepts: an id that
//! is not an id, that the site's own pages take, or that another entity of the place already
//! has, and a report for a year that has not come, are refused (exit 2) with the words `check`
//! uses, and nothing is written.

use std::path::{Path, PathBuf};

use crate::cli::NewKind;
use crate::diag::Diagnostic;
use crate::load::{is_valid_id, reserved_entity_id, reserved_place_id, slug};
use crate::model::EntityKind;

/// Writes the new content file of `kind` named by `target` (`<place>/<id>`, or `<id>` for a
/// place) under `content`, unless `check` would refuse it.
pub fn run(kind: NewKind, target: &str, content: &Path) -> Result<(), Diagnostic> {
    let (place, id) = split_target(kind, target)?;
    check_id(kind, place, id)?;
    check_free(kind, place, id)?;
    if !content.join("site.yaml").is_file() {
        return Err(
            Diagnostic::io(Some(content), "no site.yaml in the content folder")
                .with_help("run this from the folder above content/, or pass --content DIR"),
        );
    }
    let path = match kind {
        NewKind::Place => new_place_path(content, place)?,
        _ => new_entity_path(kind, content, place, id)?,
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

/// The place and id that `target` names for `kind`: `<place>/<id>`, or just `<id>` for a place.
fn split_target(kind: NewKind, target: &str) -> Result<(&str, &str), Diagnostic> {
    match (kind, target.split_once('/')) {
        (NewKind::Place, None) => Ok((target, target)),
        (NewKind::Place, Some(_)) => Err(usage(
            "for a place, give just its id: `ambit new place getinge`",
        )),
        (_, Some((p, i))) => Ok((p, i)),
        (_, None) => Err(usage(
            "give `<place>/<id>`, e.g. `ambit new action getinge/ny-lekplats`",
        )),
    }
}

/// Refuses a report's id that is not a year, and a place or id that is not a valid id.
fn check_id(kind: NewKind, place: &str, id: &str) -> Result<(), Diagnostic> {
    if kind == NewKind::Report && !(id.len() == 4 && id.bytes().all(|b| b.is_ascii_digit())) {
        return Err(usage(&format!("`{id}` is not a year")).with_help(format!(
            "a report is named after its year: `ambit new report {place}/2025`"
        )));
    }
    for part in [place, id] {
        if !is_valid_id(part) {
            let d = usage(&format!("`{part}` is not a valid id"));
            return Err(match slug(part) {
                Some(s) => d.with_help(format!("use `{s}`")),
                None => d.with_help(
                    "an id needs at least one letter or digit: use a-z, 0-9 and `-`, e.g. `ny-lekplats`",
                ),
            });
        }
    }
    Ok(())
}

/// Refuses a place or id the site's own pages take, and a report for a year that has not come.
fn check_free(kind: NewKind, place: &str, id: &str) -> Result<(), Diagnostic> {
    if let Some(message) = reserved_place_id(place) {
        return Err(usage(&message).with_help(format!("choose another id, e.g. `{place}-1`")));
    }
    if let Some(message) = reserved_entity_id(entity_kind(kind), id) {
        return Err(usage(&message).with_help(format!("choose another id, e.g. `{id}-1`")));
    }
    if kind == NewKind::Report {
        let now = crate::graph::today().year();
        let year: i32 = id.parse().unwrap_or(i32::MAX);
        if year > now {
            return Err(usage(&format!(
                "report for {year} is for a year that has not come yet (it is {now} now)"
            ))
            .with_help("a yearly report follows up a year that has begun or passed")
            .with_help(format!(
                "write the report of a year that has come, e.g. `ambit new report {place}/{now}`"
            )));
        }
    }
    Ok(())
}

/// The programme.md of new place `place`, unless the place already exists.
fn new_place_path(content: &Path, place: &str) -> Result<PathBuf, Diagnostic> {
    let path = content.join(place).join("programme.md");
    if path.exists() {
        return Err(
            Diagnostic::io(Some(&path), format!("place `{place}` already exists"))
                .with_help("choose another id, or edit its programme.md"),
        );
    }
    Ok(path)
}

/// The file of new entity `id` of `kind` in `place`, unless the place does not exist or
/// another entity of it already has the id.
fn new_entity_path(
    kind: NewKind,
    content: &Path,
    place: &str,
    id: &str,
) -> Result<PathBuf, Diagnostic> {
    if !content.join(place).join("programme.md").is_file() {
        return Err(usage(&format!("place `{place}` does not exist"))
            .with_help(format!("create it first: `ambit new place {place}`")));
    }
    let path = content
        .join(place)
        .join(entity_kind(kind).folder())
        .join(format!("{id}.md"));
    if let Some(other) = taken(content, place, id) {
        let same = if other == path {
            "; not overwriting it"
        } else {
            ""
        };
        return Err(Diagnostic::io(
            Some(&other),
            format!("id `{id}` is already used in place `{place}`{same}"),
        )
        .with_help(format!(
            "{} already uses it; ids are unique within a place across all kinds",
            other.display()
        ))
        .with_help("choose another id, or edit that file"));
    }
    Ok(path)
}

/// The kind of entity `ambit new <kind>` writes.
fn entity_kind(kind: NewKind) -> EntityKind {
    match kind {
        NewKind::Place => EntityKind::Programme,
        NewKind::Area => EntityKind::Area,
        NewKind::Ambition => EntityKind::Ambition,
        NewKind::Strategy => EntityKind::Strategy,
        NewKind::Indicator => EntityKind::Indicator,
        NewKind::Report => EntityKind::Report,
        NewKind::Action => EntityKind::Action,
    }
}

/// The file of another entity of `place` that already has `id`, of any kind.
fn taken(content: &Path, place: &str, id: &str) -> Option<PathBuf> {
    EntityKind::FOLDERS
        .iter()
        .map(|k| {
            content
                .join(place)
                .join(k.folder())
                .join(format!("{id}.md"))
        })
        .find(|p| p.exists())
}

/// A refusal with `msg` that names no file.
fn usage(msg: &str) -> Diagnostic {
    Diagnostic::io(None, msg.to_string())
}
