//! Standard output and standard error for every command. A reader that goes
//! away (`ambit check | head -1`) ends the output: the process exits quietly
//! with status 0 instead of panicking on the broken pipe, as ripgrep and other
//! command-line tools do. Use [`outln!`](crate::outln) and
//! [`errln!`](crate::errln) instead of `println!` and `eprintln!`.

use std::fmt;
use std::io::{self, Write};

/// Writes one line to stdout.
pub fn out_line(args: fmt::Arguments) {
    let mut w = io::stdout().lock();
    ended_on_broken_pipe(w.write_fmt(args).and_then(|()| w.write_all(b"\n")));
}

/// Writes one line to stderr.
pub fn err_line(args: fmt::Arguments) {
    let mut w = io::stderr().lock();
    ended_on_broken_pipe(w.write_fmt(args).and_then(|()| w.write_all(b"\n")));
}

/// Exits quietly (status 0) when a write failed because the reader closed the pipe; other
/// write errors (a full disk behind a redirect) are ignored: there is nowhere to report them.
pub fn ended_on_broken_pipe(r: io::Result<()>) {
    if let Err(e) = r {
        if e.kind() == io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
    }
}

/// `println!` that ends the process quietly when stdout is a closed pipe.
#[macro_export]
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::stdio::out_line(format_args!($($arg)*))
    };
}

/// `eprintln!` that ends the process quietly when stderr is a closed pipe.
#[macro_export]
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::stdio::err_line(format_args!($($arg)*))
    };
}
