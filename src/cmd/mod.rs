//! The commands, each a thin layer over the pipeline in the library.

pub mod import;
pub mod init;
pub mod new;
pub mod report;
pub mod scaffold;
pub mod schema;
pub mod serve;

use crate::cli::{Command, Format};
use crate::diag::{self, Diagnostic};
use report::Stream;
use std::path::{Path, PathBuf};

/// Runs one command and returns the process exit code (0, 1 or 2).
pub fn run(command: Command) -> i32 {
    match command {
        Command::Build {
            content,
            output,
            base_url,
            format,
            gzip,
        } => build(content, output, base_url, format, gzip),
        Command::Check {
            content,
            format,
            gaps,
        } => check(&content, format, gaps),
        Command::Serve {
            content,
            output,
            port,
            bind,
        } => serve::run(content, output, port, bind),
        Command::New {
            kind,
            target,
            content,
        } => print_result(new::run(kind, &target, &content)),
        Command::Import {
            file,
            place,
            content,
            sheet,
            dry_run,
        } => import::run(&import::Options {
            file: &file,
            place: &place,
            content: &content,
            sheet: sheet.as_deref(),
            dry_run,
        }),
        Command::Init {
            dir,
            language,
            title,
            ambit_git,
        } => print_result(init::run(&init::Options {
            dir: dir.unwrap_or_else(|| ".".into()),
            language,
            title,
            ambit_git,
        })),
        Command::Schema { kind, out } => print_result(schema::run(kind.as_deref(), out.as_deref())),
        Command::RemoveTree { dir } => {
            crate::output::remove_tree(&dir);
            0
        }
    }
}

/// `ambit build`: builds the site and reports how it went; the exit code.
fn build(
    content: PathBuf,
    output: PathBuf,
    base_url: Option<String>,
    format: Format,
    gzip: bool,
) -> i32 {
    let opts = crate::BuildOptions {
        content,
        output: output.clone(),
        base_url,
        gzip,
        today: crate::graph::today(),
    };
    let (stats, diags) = crate::build(&opts);
    report::print_build(&diags, format, Stream::Stderr, &opts.content);
    match stats {
        Some(s) => {
            crate::errln!(
                "built {} places ({} pages) into {} in {} ms",
                s.places,
                s.pages,
                output.display(),
                s.millis
            );
            0
        }
        None => {
            if diag::exit_code(&diags) == 0 {
                crate::errln!("error: build failed");
                return 2;
            }
            crate::errln!("nothing was written; {} is unchanged", output.display());
            diag::exit_code(&diags)
        }
    }
}

/// `ambit check`: prints every problem of the content (with `gaps`, also what it lacks); the
/// exit code.
fn check(content: &Path, format: Format, gaps: bool) -> i32 {
    let (graph, mut diags) = crate::load_graph(content, None, crate::graph::today());
    if gaps {
        if let Some(g) = &graph {
            diags.extend(crate::graph::warnings::gaps(g));
            diag::sort(&mut diags);
        }
    }
    report::print(&diags, format, Stream::Stdout);
    if diags.is_empty() && format == Format::Human {
        crate::outln!("no problems found in {}", content.display());
    }
    diag::exit_code(&diags)
}

/// Prints the error of a command that returns one; the exit code.
fn print_result(r: Result<(), Diagnostic>) -> i32 {
    match r {
        Ok(()) => 0,
        Err(d) => {
            crate::errln!("{}", d.plain());
            diag::exit_code(&[d])
        }
    }
}
