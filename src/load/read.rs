//! Reading content files for the loader: the size limit of a content file,
//! UTF-8 decoding, and the check of the copied `files/` folders (no links).

use std::io::Read;
use std::path::Path;

use walkdir::WalkDir;

use super::SourceFile;
use crate::diag::{Diagnostic, Pos};

/// The largest content file (Markdown or YAML) read, in bytes: 10 MiB. Rendering takes memory
/// a small multiple of a file's size, so a larger file is refused instead of read.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// Reads one file as UTF-8 (without BOM); a file that is not UTF-8, or larger than
/// [`MAX_FILE_BYTES`], is a content error.
pub(super) fn read_source(
    content_dir: &Path,
    rel: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<SourceFile> {
    let path = content_dir.join(rel);
    let mut bytes = Vec::new();
    let read = std::fs::File::open(&path).and_then(|f| {
        // Room for the whole file at once (the text is kept for the whole parse).
        let size = f.metadata().map_or(0, |m| m.len()).min(MAX_FILE_BYTES + 1);
        bytes.reserve_exact(size as usize + 1);
        f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)
    });
    if let Err(e) = read {
        diags.push(Diagnostic::io(
            Some(&path),
            format!("cannot read file: {e}"),
        ));
        return None;
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let size = std::fs::metadata(&path).map_or(bytes.len() as u64, |m| m.len());
        diags.push(
            Diagnostic::error(
                &path,
                Pos::new(1, 1),
                format!(
                    "file is too large: {} MiB, more than the {} MiB a content file may have",
                    mib(size),
                    mib(MAX_FILE_BYTES)
                ),
            )
            .with_help("split the text into several files, and put documents and images in the place's files/ folder"),
        );
        return None;
    }
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            Some(SourceFile {
                rel: rel.to_string(),
                display: path,
                text,
            })
        }
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
            let col = valid.iter().rev().take_while(|b| **b != b'\n').count() + 1;
            diags.push(
                Diagnostic::error(&path, Pos::new(line, col), "file is not UTF-8 text")
                    .with_help("save the file with UTF-8 encoding (most editors: \"Save with encoding\" → UTF-8)"),
            );
            None
        }
    }
}

fn mib(bytes: u64) -> String {
    let m = bytes as f64 / (1024.0 * 1024.0);
    if m.fract() == 0.0 {
        format!("{m:.0}")
    } else {
        format!("{m:.1}")
    }
}

/// Reports every symbolic link below a `files/` folder (the site's or a place's), as a link
/// anywhere else in the content is: its target could lie outside the content; and warns of
/// every file there that would run script (see [`super::active`]).
pub(super) fn check_files_dir(dir: &Path, diags: &mut Vec<Diagnostic>) {
    let entries = WalkDir::new(dir)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !super::is_ignored_name(&e.file_name().to_string_lossy()));
    for entry in entries {
        match entry {
            Ok(e) if e.path_is_symlink() => diags.push(super::symlink_error(e.path())),
            Ok(e) if e.file_type().is_file() => diags.extend(super::active::check(e.path())),
            Ok(_) => {}
            Err(e) => diags.push(Diagnostic::io(
                Some(dir),
                format!("cannot read folder: {e}"),
            )),
        }
    }
}
