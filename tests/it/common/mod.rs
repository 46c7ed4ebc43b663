//! Helpers shared by the integration tests: run the `ambit` binary on a fixture or on
//! [`Content`] made for the test, read the site it writes, read its HTML with an HTML5 parser
//! (elements by CSS selector, links, ids), run git at fixed dates, and read the fixture's own
//! front matter to derive what the output must contain.

#![allow(dead_code)]

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Once, RwLock, RwLockReadGuard, RwLockWriteGuard};

mod content;
mod entities;
mod git;
mod html;
mod site;

pub use content::{copy_dir, list_files, percent_decode, snapshot, Content};
pub use entities::{fixture_entities, front_matter, place_langs, pos_of, published, Ent};
pub use git::{git_at, git_command, run_git};
pub use html::{
    attrs, decode_entities, hrefs, html_lang, ids, links, select, tags, visible_text, xml_urls,
};
pub use site::{build_fixture, url_path, Site};

/// The date every test builds for, so that "late" and feeds are stable.
pub const TODAY: &str = "2026-06-01";

/// A base URL with a sub-path, so that every link must carry the prefix.
pub const SUB_BASE: &str = "http://127.0.0.1:1/sub/path/";
pub const SUB_PREFIX: &str = "/sub/path/";

/// `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The binary under test with a fixed date and no colours.
pub fn ambit_cmd() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_ambit"));
    c.env("AMBIT_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .env_remove("RUST_LOG");
    c
}

/// Runs `ambit <args>` in `cwd` (in its [`shared`] turn).
pub fn ambit_in(cwd: &Path, args: &[&str]) -> Output {
    let _turn = shared();
    ambit_cmd()
        .current_dir(cwd)
        .args(args)
        .output()
        .expect("run ambit")
}

/// Sets `AMBIT_TODAY` to [`TODAY`] in this process, once, for the tests that build in process
/// (the `ambit` children get it from [`ambit_cmd`]). Every caller sets the same value, and the
/// variable is written once only, so no test sees it change.
pub fn fixed_today() {
    static SET: Once = Once::new();
    SET.call_once(|| std::env::set_var("AMBIT_TODAY", TODAY));
}

// ---------------------------------------------------------------------------
// Turns: every test runs in a thread of one process. A test that measures time runs
// `alone()`; whatever builds (an `ambit` child, a build in process) runs in a `shared()` turn,
// so that the machine is not busy with other tests while a time is measured.

static TURNS: RwLock<()> = RwLock::new(());

thread_local! {
    /// Whether this thread holds a turn already (turns do not nest: the inner one is free).
    static HOLDS: Cell<bool> = const { Cell::new(false) };
}

/// A turn; dropping it ends it.
pub enum Turn {
    Shared(RwLockReadGuard<'static, ()>),
    Alone(RwLockWriteGuard<'static, ()>),
    /// Inside a turn this thread already holds.
    Nested,
}

impl Drop for Turn {
    fn drop(&mut self) {
        if !matches!(self, Turn::Nested) {
            HOLDS.with(|h| h.set(false));
        }
    }
}

/// A turn beside other shared turns, waiting while a test runs alone.
pub fn shared() -> Turn {
    if HOLDS.with(Cell::get) {
        return Turn::Nested;
    }
    let g = TURNS.read().unwrap_or_else(|e| e.into_inner());
    HOLDS.with(|h| h.set(true));
    Turn::Shared(g)
}

/// The only turn: waits until no other test builds, and keeps others from starting.
pub fn alone() -> Turn {
    assert!(
        !HOLDS.with(Cell::get),
        "alone() inside a turn: take it first, before anything builds"
    );
    let g = TURNS.write().unwrap_or_else(|e| e.into_inner());
    HOLDS.with(|h| h.set(true));
    Turn::Alone(g)
}

/// Runs `ambit <args>` in the crate root.
pub fn ambit(args: &[&str]) -> Output {
    ambit_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

pub fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

/// Stdout and stderr of a run, for assertion messages.
pub fn both(o: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout\n{}\n--- stderr\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Runs `ambit build` and returns the output.
pub fn build(content: &Path, output: &Path, base_url: Option<&str>) -> Output {
    let mut args = vec![
        "build".to_string(),
        "--content".into(),
        content.display().to_string(),
        "--output".into(),
        output.display().to_string(),
    ];
    if let Some(b) = base_url {
        args.push("--base-url".into());
        args.push(b.into());
    }
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    ambit(&refs)
}
