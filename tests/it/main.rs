//! The integration tests of ambit, in one test binary: the `ambit` command on fixture content
//! (`tests/fixtures`, `content/`, `examples/`), the library's public entry points, and
//! `ambit serve` over HTTP. One module per area; the helpers they share are in `common`
//! (and `serve_util` for the server).
//!
//! The tests run in parallel threads of this one process. Tests that measure time take
//! `common::alone()`, which waits until no other test runs `ambit`, and keeps it so.

mod common;
mod serve_util;

mod check;
mod cms;
mod engine;
mod examples;
mod followup;
mod history;
mod hostile_shapes;
mod import;
mod init;
mod links;
mod residents;
mod robustness;
mod scaffold;
mod search_index;
mod serve;
mod session;
mod theme;
mod trust;
mod v3_pages;
mod villages;
mod warnings;
mod year_end;
mod yearly;
