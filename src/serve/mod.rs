//! `ambit serve`: builds the site for `http://<bind>:<port>/`, serves the
//! output folder on that address (loopback unless `--bind` says otherwise),
//! rebuilds when the content or theme changes and live-reloads open pages.
//!
//! The parts: [`listen`] opens the socket, [`builder`] runs builds on a
//! thread and publishes a [`status::Status`], [`watch`] turns file changes
//! into builds, [`http`] serves files and the event stream, [`files`] maps
//! paths safely and [`inject`] is the browser side. A broken build never
//! stops the server: the last good site stays, the browser shows the errors.

pub mod builder;
pub mod files;
pub mod http;
pub mod inject;
pub mod listen;
pub mod status;
pub mod watch;

use std::future::IntoFuture;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crate::BuildOptions;

/// How long open connections get to finish after Ctrl-C.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(3);

/// Runs the server until Ctrl-C (or SIGTERM); returns the exit code.
pub fn run(content: PathBuf, output: PathBuf, port: u16, bind: String) -> i32 {
    if let Err(d) = crate::output::guard::check_apart(&content, &output) {
        crate::errln!("{}", d.plain());
        return 2;
    }
    let listener = match listen::parse_bind(&bind).and_then(|ip| listen::bind(ip, port)) {
        Ok(l) => l,
        Err(d) => {
            crate::errln!("{}", d.plain());
            return 2;
        }
    };
    let addr = match listener.local_addr() {
        Ok(a) => a,
        Err(e) => {
            crate::errln!("error: cannot listen on {bind}:{port}: {e}");
            return 2;
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            crate::errln!("error: cannot start the server: {e}");
            return 2;
        }
    };
    let base_url = listen::base_url(addr);
    let code = runtime.block_on(serve(listener, content, output, base_url));
    runtime.shutdown_timeout(Duration::from_secs(1));
    code
}

async fn serve(
    listener: std::net::TcpListener,
    content: PathBuf,
    output: PathBuf,
    base_url: String,
) -> i32 {
    // Catch Ctrl-C from here on, so that even the first build is never cut off halfway.
    let stop = Stop::install();
    let listener = match listener
        .set_nonblocking(true)
        .and_then(|()| tokio::net::TcpListener::from_std(listener))
    {
        Ok(l) => l,
        Err(e) => {
            crate::errln!("error: cannot listen on {base_url}: {e}");
            return 2;
        }
    };
    let (status_tx, status_rx) = status::channel();
    let (changes_tx, changes_rx) = std::sync::mpsc::channel();
    let (watcher, warnings) = watch::start(&content, &output, changes_tx);
    for w in warnings {
        crate::errln!("{w}");
    }
    let opts = BuildOptions {
        content,
        output: output.clone(),
        base_url: Some(base_url.clone()),
        gzip: false,
        today: crate::graph::today(),
    };
    let mut builder = builder::Builder::new(opts, status_tx.clone());
    builder.build(&[]);
    let worker = match builder::spawn(builder, changes_rx) {
        Ok(w) => w,
        Err(e) => {
            crate::errln!("error: cannot start the build thread: {e}");
            return 2;
        }
    };

    if !addr_is_loopback(&listener) {
        crate::errln!("warning: listening on {base_url} beyond this computer: others on the network can see the site");
    }
    crate::outln!("serving {base_url} (watching for changes; press Ctrl-C to stop)");

    let app = http::App {
        output: Arc::new(output),
        status: status_rx,
    };
    let stopped = Arc::new(tokio::sync::Notify::new());
    let on_stop = stopped.clone();
    let server = axum::serve(listener, http::router(app)).with_graceful_shutdown(async move {
        stop.wait().await;
        crate::errln!("stopping");
        // Event streams end, so their connections can close.
        status_tx.send_modify(|s| s.stopping = true);
        on_stop.notify_one();
    });
    let result = tokio::select! {
        r = server.into_future() => r,
        () = async { stopped.notified().await; tokio::time::sleep(SHUTDOWN_GRACE).await } => Ok(()),
    };

    // No more changes: the build thread finishes a build in progress and ends.
    if let Some(w) = watcher {
        w.stop();
    }
    let _ = tokio::task::spawn_blocking(move || worker.join()).await;
    match result {
        Ok(()) => 0,
        Err(e) => {
            crate::errln!("error: the server stopped: {e}");
            2
        }
    }
}

fn addr_is_loopback(listener: &tokio::net::TcpListener) -> bool {
    listener
        .local_addr()
        .map(|a| a.ip().is_loopback())
        .unwrap_or(true)
}

/// Ctrl-C, and SIGTERM on Unix.
struct Stop {
    #[cfg(unix)]
    signals: Option<(tokio::signal::unix::Signal, tokio::signal::unix::Signal)>,
}

impl Stop {
    fn install() -> Stop {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            let signals = signal(SignalKind::interrupt())
                .and_then(|i| Ok((i, signal(SignalKind::terminate())?)));
            if let Err(e) = &signals {
                crate::errln!("warning: cannot catch Ctrl-C: {e}");
            }
            Stop {
                signals: signals.ok(),
            }
        }
        #[cfg(not(unix))]
        Stop {}
    }

    async fn wait(self) {
        #[cfg(unix)]
        match self.signals {
            Some((mut int, mut term)) => {
                tokio::select! {
                    _ = int.recv() => {}
                    _ = term.recv() => {}
                }
            }
            None => std::future::pending().await,
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}
