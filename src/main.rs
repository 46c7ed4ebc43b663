//! The `ambit` binary: parses the command line and runs one command.

use clap::Parser;

fn main() {
    ambit::output::enable_detached_removal();
    let cli = ambit::cli::Cli::parse();
    let code = ambit::cmd::run(cli.command);
    std::process::exit(code);
}


// Rendering makes many small, short-lived allocations (template values, strings); jemalloc
// serves them in about half the time of the system allocator, at a similar peak memory.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOC: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;
