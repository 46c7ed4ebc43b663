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
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[global_allocator]
static ALLOC: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options: one arena for all threads, and freed pages given back after 0.3 s instead
/// of 10 s. A build's threads hand data to each other (parsed files, rendered pages); with an
/// arena per thread and the default delay the peak memory of a large site was a third higher,
/// at the same speed.
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[allow(non_upper_case_globals)]
#[export_name = "_rjem_malloc_conf"]
pub static malloc_conf: Option<&'static std::ffi::c_char> =
    // SAFETY: a pointer to the first byte of a static, NUL-terminated string.
    Some(unsafe { &*c"narenas:1,dirty_decay_ms:300".as_ptr() });
