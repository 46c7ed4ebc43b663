//! Watching the content folder, and the `themes/` folder beside it, for
//! changes (notify, debounced by notify-debouncer-full). Editors' temporary
//! and backup files, hidden files, mere reads and anything inside the output
//! folder are ignored; every other batch of changes is sent to the builder.

use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{new_debouncer, DebounceEventResult, Debouncer, RecommendedCache};

/// How long the files must be quiet before a rebuild starts (an editor's save is a few writes
/// within a millisecond or two).
pub const DEBOUNCE: Duration = Duration::from_millis(15);

/// How often the debouncer looks for quiet files.
const TICK: Duration = Duration::from_millis(4);

pub type Watcher = Debouncer<RecommendedWatcher, RecommendedCache>;

/// True for names editors use for temporary, swap and backup files.
pub fn is_editor_temp(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || [
            ".swp",
            ".swx",
            ".tmp",
            "4913",
            "___jb_tmp___",
            "___jb_old___",
        ]
        .iter()
        .any(|s| name.ends_with(s))
}

/// The folders to watch: the content folder and `themes/` beside it, if present.
pub fn roots(content: &Path) -> Vec<PathBuf> {
    let parent = content
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let themes = parent.join("themes");
    let mut roots = vec![absolute(content)];
    if themes.is_dir() {
        roots.push(absolute(&themes));
    }
    roots
}

/// Starts watching; each relevant batch of changes sends the changed paths on `tx`.
/// Problems are returned as warning lines (the server runs on without watching).
pub fn start(
    content: &Path,
    output: &Path,
    tx: Sender<Vec<PathBuf>>,
) -> (Option<Watcher>, Vec<String>) {
    let roots = roots(content);
    let output = absolute(output);
    let filter_roots = roots.clone();
    let handler = move |result: DebounceEventResult| match result {
        Ok(events) => {
            let mut changed: Vec<PathBuf> = events
                .iter()
                .filter(|e| !matches!(e.event.kind, EventKind::Access(_)))
                .flat_map(|e| e.event.paths.iter())
                .filter(|p| relevant(p, &filter_roots, &output))
                .cloned()
                .collect();
            changed.dedup();
            if !changed.is_empty() {
                let _ = tx.send(changed);
            }
        }
        Err(errors) => {
            for e in errors {
                crate::errln!("warning: watching for changes: {e}");
            }
        }
    };
    let mut warnings = Vec::new();
    let mut debouncer = match new_debouncer(DEBOUNCE, Some(TICK), handler) {
        Ok(d) => d,
        Err(e) => {
            return (
                None,
                vec![format!("warning: cannot watch for changes: {e}")],
            )
        }
    };
    for root in &roots {
        if let Err(e) = debouncer.watch(root, RecursiveMode::Recursive) {
            warnings.push(format!("warning: cannot watch {}: {e}", root.display()));
        }
    }
    (Some(debouncer), warnings)
}

/// True if a change at `path` may change the site.
fn relevant(path: &Path, roots: &[PathBuf], output: &Path) -> bool {
    if path.starts_with(output) {
        return false;
    }
    let rel = roots
        .iter()
        .find_map(|r| path.strip_prefix(r).ok())
        .unwrap_or(path);
    rel.components().all(|c| match c {
        Component::Normal(name) => !is_editor_temp(&name.to_string_lossy()),
        _ => true,
    })
}

/// `path` made absolute against the current folder, without resolving links
/// (notify reports paths under the watched path as given).
fn absolute(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    if path.is_absolute() {
        return path.to_path_buf();
    }
    // A folder that does not exist yet (the output before the first build).
    match (
        path.parent().filter(|p| !p.as_os_str().is_empty()),
        path.file_name(),
    ) {
        (Some(parent), Some(name)) => absolute(parent).join(name),
        (None, Some(name)) => std::env::current_dir()
            .map(|d| d.join(name))
            .unwrap_or_else(|_| path.to_path_buf()),
        _ => path.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_files_are_ignored() {
        for n in [
            ".action.md.swp",
            "action.md~",
            "#action.md#",
            ".#action.md",
            "4913",
            "x.swx",
            "a.tmp",
            "x.md___jb_tmp___",
        ] {
            assert!(is_editor_temp(n), "{n}");
        }
        for n in ["action.md", "site.yaml", "style.css", "programme.md"] {
            assert!(!is_editor_temp(n), "{n}");
        }
    }

    #[test]
    fn relevance() {
        let roots = vec![PathBuf::from("/w/content"), PathBuf::from("/w/themes")];
        let out = Path::new("/w/output");
        assert!(relevant(
            Path::new("/w/content/a/actions/x.md"),
            &roots,
            out
        ));
        assert!(relevant(Path::new("/w/themes/t/static/s.css"), &roots, out));
        assert!(!relevant(
            Path::new("/w/content/a/actions/.x.md.swp"),
            &roots,
            out
        ));
        assert!(!relevant(Path::new("/w/content/.git/index"), &roots, out));
        assert!(!relevant(
            Path::new("/w/output/index.html"),
            &roots,
            Path::new("/w/output")
        ));
        // A hidden folder above the roots does not hide everything.
        let roots = vec![PathBuf::from("/home/u/.sites/content")];
        assert!(relevant(
            Path::new("/home/u/.sites/content/site.yaml"),
            &roots,
            out
        ));
    }
}
