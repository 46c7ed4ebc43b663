//! Keeps the content and the output folder apart. The output folder and the
//! folders beside it that a build writes and swaps (`.<output>.ambit-prev`,
//! `.<output>.ambit-new-…`, `.<output>.ambit-old-…`) are moved and emptied by
//! every build; content inside them would be lost, and an output inside the
//! content would be copied into itself. Paths are compared after resolving
//! `..` and symbolic links, so no spelling of the same folder gets past.

use std::path::{Component, Path, PathBuf};

use crate::diag::Diagnostic;

/// Refuses (an I/O error, exit 2) a content folder that lies inside the output folder or one of
/// its swap folders, and an output folder that lies inside the content folder.
pub fn check_apart(content: &Path, output: &Path) -> Result<(), Diagnostic> {
    let content_real = resolve(content);
    let output_real = resolve(output);
    if output_real.starts_with(&content_real) {
        return Err(Diagnostic::io(
            Some(output),
            format!(
                "the output folder is inside the content folder {}; refusing to build",
                content.display()
            ),
        )
        .with_help(
            "every build would copy the site into the content; choose an --output outside it",
        ));
    }
    let parent = resolve(&super::parent_of(output));
    let name = super::output_name(output);
    let swap = [
        output_real.clone(),
        resolve(&super::prev_dir(output)),
        parent.join(format!(".{name}.ambit-prev")),
    ];
    let in_swap = swap.iter().any(|s| content_real.starts_with(s))
        || content_real
            .strip_prefix(&parent)
            .ok()
            .and_then(|rest| rest.components().next())
            .is_some_and(|first| {
                let first = first.as_os_str().to_string_lossy();
                first.starts_with(&format!(".{name}.ambit-new-"))
                    || first.starts_with(&format!(".{name}.ambit-old-"))
            });
    if in_swap {
        return Err(Diagnostic::io(
            Some(content),
            format!(
                "the content folder is inside the output folder {} (or a folder a build swaps \
                 with it); refusing to build",
                output.display()
            ),
        )
        .with_help("a build replaces the output as a whole; keep the content outside it"));
    }
    Ok(())
}

/// The absolute path with `..` and symbolic links resolved; for a path that does not exist yet,
/// its nearest existing ancestor is resolved and the rest appended (a `..` there steps back
/// lexically: a folder that does not exist hides no link).
pub fn resolve(path: &Path) -> PathBuf {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    let mut existing = abs.clone();
    let mut rest: Vec<std::ffi::OsString> = Vec::new();
    let mut real = existing.canonicalize();
    while real.is_err() {
        let Some(last) = existing.components().next_back() else {
            return abs;
        };
        rest.push(last.as_os_str().to_os_string());
        if !existing.pop() {
            return abs;
        }
        real = existing.canonicalize();
    }
    let mut out = real.unwrap_or(abs);
    for part in rest.iter().rev() {
        match Path::new(part).components().next() {
            Some(Component::ParentDir) => {
                out.pop();
            }
            Some(Component::CurDir) | None => {}
            _ => out.push(part),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_paths_resolve_through_their_existing_ancestor() {
        let tmp = tempfile::tempdir().unwrap();
        let real = tmp.path().canonicalize().unwrap();
        std::fs::create_dir(real.join("a")).unwrap();
        assert_eq!(resolve(&real.join("a/x/y")), real.join("a/x/y"));
        assert_eq!(resolve(&real.join("a/x/../y")), real.join("a/y"));
        assert_eq!(resolve(&real.join("a/../b")), real.join("b"));
    }

    #[cfg(unix)]
    #[test]
    fn symlinked_content_inside_output_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::create_dir_all(root.join("out/content")).unwrap();
        std::os::unix::fs::symlink(root.join("out/content"), root.join("link")).unwrap();
        assert!(check_apart(&root.join("link"), &root.join("out")).is_err());
        assert!(check_apart(&root.join("link"), &root.join("elsewhere")).is_ok());
    }
}
