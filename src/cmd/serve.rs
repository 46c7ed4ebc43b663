//! `ambit serve`: build, serve on loopback, rebuild on change, live reload.
//! The work is done in [`crate::serve`].

use std::path::PathBuf;

/// Runs `ambit serve` and returns the exit code: 0 after Ctrl-C, 2 when the
/// server cannot start (port in use, bad `--bind`).
pub fn run(content: PathBuf, output: PathBuf, port: u16, bind: String) -> i32 {
    crate::serve::run(content, output, port, bind)
}
