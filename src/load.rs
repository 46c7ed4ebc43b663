//! Stage 1, load: walks the content tree, checks its shape (which files and
//! folders may stand where, and how they are named) and reads every content
//! file as UTF-8 text. Nothing is parsed here.

use rayon::prelude::*;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

use crate::diag::{Diagnostic, Pos};
use crate::model::EntityKind;

mod active;
mod names;
mod read;
pub use names::{
    is_ignored_name, is_valid_id, reserved_entity_id, reserved_place_id, slug, slugify,
    RESERVED_ACTION_IDS, RESERVED_PLACE_IDS,
};
pub use read::MAX_FILE_BYTES;
use read::{check_files_dir, read_source};

/// One content file read into memory.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the content folder, with forward slashes.
    pub rel: String,
    /// Path as the user would type it.
    pub display: PathBuf,
    pub text: String,
}

/// The files of one place folder.
#[derive(Debug, Default)]
pub struct PlaceSources {
    pub id: String,
    pub programme: Option<SourceFile>,
    pub entities: Vec<(EntityKind, SourceFile)>,
    /// The place's `files/` folder, copied as is.
    pub files_dir: Option<PathBuf>,
}

/// Everything read from a content tree.
#[derive(Debug, Default)]
pub struct Sources {
    pub content_dir: PathBuf,
    pub site: Option<SourceFile>,
    pub places: Vec<PlaceSources>,
    /// The site-wide `files/` folder.
    pub files_dir: Option<PathBuf>,
}

const PLACE_ENTRIES: &str =
    "programme.md, files/, areas/, ambitions/, strategies/, indicators/, actions/, reports/";

/// Reads the content tree at `content_dir`.
pub fn load(content_dir: &Path) -> (Sources, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut sources = Sources {
        content_dir: content_dir.to_path_buf(),
        ..Sources::default()
    };
    if !content_dir.is_dir() {
        diags.push(
            Diagnostic::io(Some(content_dir), "content folder not found")
                .with_help("pass the folder that holds site.yaml with --content DIR"),
        );
        return (sources, diags);
    }
    let site_path = content_dir.join("site.yaml");
    if site_path.is_file() {
        sources.site = read_source(content_dir, "site.yaml", &mut diags);
    } else {
        diags.push(
            Diagnostic::error(&site_path, Pos::new(1, 1), "site.yaml is missing")
                .with_help("create it with at least `title`, `language` and `base_url`"),
        );
    }
    let mut place_ids = Vec::new();
    for entry in sorted_entries(content_dir, &mut diags) {
        let name = entry.file_name().to_string_lossy().to_string();
        let path = entry.path();
        if is_ignored_name(&name) || name == "site.yaml" {
            continue;
        }
        let ft = entry.file_type();
        if ft.is_symlink() {
            diags.push(symlink_error(&display(content_dir, &name)));
        } else if ft.is_dir() && name == "files" {
            check_files_dir(path, &mut diags);
            sources.files_dir = Some(path.to_path_buf());
        } else if ft.is_dir() {
            if !is_valid_id(&name) {
                diags.push(bad_name(
                    &display(content_dir, &name),
                    &name,
                    "place folder",
                ));
                continue;
            }
            if let Some(message) = reserved_place_id(&name) {
                diags.push(
                    Diagnostic::error(display(content_dir, &name), Pos::new(1, 1), message)
                        .with_help(format!(
                            "rename the folder, e.g. to `{name}-1`; reserved: {}",
                            RESERVED_PLACE_IDS.join(", ")
                        )),
                );
                continue;
            }
            place_ids.push(name);
        } else {
            diags.push(
                Diagnostic::warning(display(content_dir, &name), Pos::new(1, 1), "file ignored")
                    .with_help(
                        "the content folder holds site.yaml, files/ and one folder per place",
                    ),
            );
        }
    }
    // Places are read side by side; their files and problems are kept in folder order.
    let places: Vec<(PlaceSources, Vec<Diagnostic>)> = place_ids
        .par_iter()
        .map(|id| {
            let mut d = Vec::new();
            let place = load_place(content_dir, id, &mut d);
            (place, d)
        })
        .collect();
    for (place, d) in places {
        sources.places.push(place);
        diags.extend(d);
    }
    (sources, diags)
}

fn load_place(content_dir: &Path, id: &str, diags: &mut Vec<Diagnostic>) -> PlaceSources {
    let mut place = PlaceSources {
        id: id.to_string(),
        ..PlaceSources::default()
    };
    let dir = content_dir.join(id);
    for entry in sorted_entries(&dir, diags) {
        let name = entry.file_name().to_string_lossy().to_string();
        if is_ignored_name(&name) {
            continue;
        }
        let rel = format!("{id}/{name}");
        let ft = entry.file_type();
        if ft.is_symlink() {
            diags.push(symlink_error(&display(content_dir, &rel)));
        } else if ft.is_file() && name == "programme.md" {
            place.programme = read_source(content_dir, &rel, diags);
        } else if ft.is_dir() && name == "files" {
            check_files_dir(entry.path(), diags);
            place.files_dir = Some(entry.path().to_path_buf());
        } else if let Some(kind) = EntityKind::from_folder(&name).filter(|_| ft.is_dir()) {
            load_kind_folder(content_dir, &rel, kind, &mut place, diags);
        } else {
            let what = if ft.is_dir() { "folder" } else { "file" };
            let mut d = Diagnostic::error(
                display(content_dir, &rel),
                Pos::new(1, 1),
                format!("unknown {what} `{name}` in place `{id}`"),
            )
            .with_help(format!("a place folder may hold only {PLACE_ENTRIES}"));
            let candidates = [
                "programme.md",
                "files",
                "areas",
                "ambitions",
                "strategies",
                "indicators",
                "actions",
                "reports",
            ];
            let stem = name.trim_end_matches('/');
            if let Some(s) = crate::diag::did_you_mean(stem, candidates) {
                d = d.with_help(format!("did you mean `{s}`?"));
            }
            diags.push(d);
        }
    }
    if place.programme.is_none() {
        diags.push(
            Diagnostic::error(
                display(content_dir, &format!("{id}/programme.md")),
                Pos::new(1, 1),
                format!("place `{id}` has no programme.md"),
            )
            .with_help("create it with `ambit new place <id>` or remove the folder"),
        );
    }
    place
}

/// Adds to `place` the files of its folder `rel_dir` of `kind`, reporting anything there that
/// is not an `<id>.md` file.
fn load_kind_folder(
    content_dir: &Path,
    rel_dir: &str,
    kind: EntityKind,
    place: &mut PlaceSources,
    diags: &mut Vec<Diagnostic>,
) {
    let mut files = Vec::new();
    for entry in sorted_entries(&content_dir.join(rel_dir), diags) {
        let name = entry.file_name().to_string_lossy().to_string();
        if is_ignored_name(&name) {
            continue;
        }
        let rel = format!("{rel_dir}/{name}");
        let shown = display(content_dir, &rel);
        match entity_file_problem(shown, &name, entry.file_type(), kind) {
            Some(d) => diags.push(d),
            None => files.push(rel),
        }
    }
    // The files themselves are read side by side, and kept in folder order.
    let read: Vec<(Option<SourceFile>, Vec<Diagnostic>)> = files
        .par_iter()
        .map(|rel| {
            let mut d = Vec::new();
            (read_source(content_dir, rel, &mut d), d)
        })
        .collect();
    for (src, d) in read {
        diags.extend(d);
        if let Some(src) = src {
            place.entities.push((kind, src));
        }
    }
}

/// Why the entry `name` (of type `ft`, shown as `shown`) of `kind`'s folder is not an entity
/// file: a link, a folder, not Markdown, or not a usable id; None when it is one.
fn entity_file_problem(
    shown: PathBuf,
    name: &str,
    ft: std::fs::FileType,
    kind: EntityKind,
) -> Option<Diagnostic> {
    if ft.is_symlink() {
        return Some(symlink_error(&shown));
    }
    if ft.is_dir() {
        return Some(
            Diagnostic::error(
                shown,
                Pos::new(1, 1),
                format!("unexpected folder `{name}` in {}/", kind.folder()),
            )
            .with_help(format!(
                "{}/ holds only `<id>.md` files, one per {}",
                kind.folder(),
                kind.name()
            )),
        );
    }
    let Some(stem) = name.strip_suffix(".md") else {
        return Some(not_markdown(shown, name));
    };
    if !is_valid_id(stem) {
        return Some(bad_name(&shown, name, "file name"));
    }
    reserved_entity_id(kind, stem).map(|message| {
        Diagnostic::error(shown, Pos::new(1, 1), message)
            .with_help(format!("rename the file, e.g. to `{stem}-1.md`"))
    })
}

/// The error for file `name` of an entity folder, which is not a Markdown file.
fn not_markdown(shown: PathBuf, name: &str) -> Diagnostic {
    let hint = match name.rsplit_once('.') {
        Some((stem, _)) => format!(
            "rename it to `{}.md`, or move it to the place's files/ folder",
            slugify(stem)
        ),
        None => format!("rename it to `{}.md`", slugify(name)),
    };
    Diagnostic::error(
        shown,
        Pos::new(1, 1),
        format!("`{name}` is not a Markdown file"),
    )
    .with_help(hint)
}

fn bad_name(shown: &Path, name: &str, what: &str) -> Diagnostic {
    let (stem, ext) = match name.strip_suffix(".md") {
        Some(s) => (s, ".md"),
        None => (name, ""),
    };
    Diagnostic::error(
        shown,
        Pos::new(1, 1),
        format!("{what} `{name}` is not a valid id"),
    )
    .with_help(format!("rename it to `{}{ext}`", slugify(stem)))
    .with_help("ids use only a-z, 0-9 and `-`, and start with a letter or digit")
}

fn symlink_error(shown: &Path) -> Diagnostic {
    Diagnostic::error(
        shown,
        Pos::new(1, 1),
        "symbolic links are not allowed in content",
    )
    .with_help("replace the link with the file itself")
}

fn display(content_dir: &Path, rel: &str) -> PathBuf {
    content_dir.join(rel)
}

fn sorted_entries(dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<walkdir::DirEntry> {
    let mut out = Vec::new();
    for entry in WalkDir::new(dir)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
    {
        match entry {
            Ok(e) => out.push(e),
            Err(e) => diags.push(Diagnostic::io(
                Some(dir),
                format!("cannot read folder: {e}"),
            )),
        }
    }
    out
}
