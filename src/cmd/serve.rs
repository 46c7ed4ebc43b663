//! `ambit serve`: build, serve on loopback, rebuild on change, live reload.

use std::path::PathBuf;

pub fn run(_content: PathBuf, _output: PathBuf, _port: u16, _bind: String) -> i32 {
    eprintln!("error: serve is not available in this build");
    2
}
