//! The `ambit` binary: parses the command line and runs one command.

use clap::Parser;

fn main() {
    ambit::output::enable_detached_removal();
    let cli = ambit::cli::Cli::parse();
    let code = ambit::cmd::run(cli.command);
    std::process::exit(code);
}

