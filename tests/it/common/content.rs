//! [`Content`] made for one test in a temporary folder, and helpers on folder trees: list,
//! snapshot, copy; percent-decoding of URL paths.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use super::entities::pos_of;
use super::{ambit_in, both, code, fixture};

/// Content for one test, as `content/` in a temporary folder: a copy of a fixture (or of the
/// repository's own `content/`) or nothing, then files written and edited in place. Commands run
/// from the temporary folder with `--content content`, so that paths are printed as a user types
/// them (`content/kommun/…`).
///
/// ```ignore
/// let c = Content::fixture("multi")
///     .with("kommun/actions/ny.md", "---\ntitle: Ny\n---\n")
///     .replaced("site.yaml", "language: sv", "language: en");
/// let (code, report) = c.check();
/// ```
pub struct Content {
    pub tmp: tempfile::TempDir,
}

impl Content {
    /// An empty `content/`.
    pub fn empty() -> Content {
        let tmp = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(tmp.path().join("content")).expect("mkdir content");
        Content { tmp }
    }

    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Content {
        Content::copy_of(&fixture(name))
    }

    /// A copy of the repository's `content/`.
    pub fn repo() -> Content {
        Content::copy_of(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"))
    }

    /// A copy of the folder `src`.
    pub fn copy_of(src: &Path) -> Content {
        let tmp = tempfile::tempdir().expect("tempdir");
        copy_dir(src, &tmp.path().join("content"));
        Content { tmp }
    }

    /// The temporary folder (holding `content/`), where commands run.
    pub fn root(&self) -> &Path {
        self.tmp.path()
    }

    /// The `content/` folder.
    pub fn dir(&self) -> PathBuf {
        self.tmp.path().join("content")
    }

    /// A path below `content/`.
    pub fn file(&self, rel: &str) -> PathBuf {
        self.dir().join(rel)
    }

    /// A file below `content/` as text; panics with the path when missing.
    pub fn read(&self, rel: &str) -> String {
        let p = self.file(rel);
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
    }

    /// With a file written below `content/` (see [`Content::write`]).
    pub fn with(self, rel: &str, text: impl AsRef<[u8]>) -> Content {
        self.write(rel, text);
        self
    }

    /// With the one occurrence of `from` in `rel` replaced (see [`Content::replace`]).
    pub fn replaced(self, rel: &str, from: &str, to: &str) -> Content {
        self.replace(rel, from, to);
        self
    }

    /// Writes a file below `content/`, with the folders it needs.
    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) {
        let p = self.file(rel);
        std::fs::create_dir_all(p.parent().expect("a parent")).expect("mkdir");
        std::fs::write(&p, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", p.display()));
    }

    /// Replaces the one occurrence of `from` in `rel` (panics unless it occurs exactly once);
    /// returns the new text.
    pub fn replace(&self, rel: &str, from: &str, to: &str) -> String {
        let text = self.read(rel);
        assert_eq!(text.matches(from).count(), 1, "`{from}` once in {rel}");
        let new = text.replacen(from, to, 1);
        self.write(rel, &new);
        new
    }

    /// The 1-based line and column (in characters) of the first `needle` in `rel`.
    pub fn pos(&self, rel: &str, needle: &str) -> (usize, usize) {
        pos_of(&self.read(rel), needle)
    }

    /// Runs `ambit <args>` in the temporary folder.
    pub fn run(&self, args: &[&str]) -> Output {
        ambit_in(self.root(), args)
    }

    /// `ambit check --content content`: exit code and both streams.
    pub fn check(&self) -> (i32, String) {
        let o = self.run(&["check", "--content", "content"]);
        (code(&o), both(&o))
    }
}

/// All files below `dir`, relative with `/`, sorted.
pub fn list_files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.expect("walk");
        if e.file_type().is_file() {
            out.push(
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
            );
        }
    }
    out
}

/// Every file and folder below `dir` with its bytes and modification time, to
/// compare a tree before and after a command byte for byte.
pub fn snapshot(dir: &Path) -> BTreeMap<String, (Option<Vec<u8>>, Option<std::time::SystemTime>)> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.expect("walk");
        let rel = e
            .path()
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let meta = e.metadata().expect("metadata");
        if e.file_type().is_file() {
            out.insert(
                rel,
                (
                    Some(std::fs::read(e.path()).expect("read")),
                    meta.modified().ok(),
                ),
            );
        } else {
            out.insert(format!("{rel}/"), (None, None));
        }
    }
    out
}

/// Copies a folder tree.
pub fn copy_dir(src: &Path, dst: &Path) {
    for e in walkdir::WalkDir::new(src).sort_by_file_name() {
        let e = e.expect("walk");
        let rel = e.path().strip_prefix(src).unwrap();
        let to = dst.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).expect("mkdir");
        } else {
            std::fs::copy(e.path(), &to).expect("copy");
        }
    }
}

pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
