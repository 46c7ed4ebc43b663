//! Building the site while it is served: one build at a time on a thread of
//! its own, changes that arrive during a build coalesced into the next one.
//! Every result is reported in the terminal (diagnostics through
//! `cmd::report`) and published to the browsers as a new [`Status`]. A
//! failed build leaves the last good site in place (the pipeline writes
//! nothing on error).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Receiver;
use std::sync::Arc;
use std::thread::JoinHandle;

use super::status::StatusSender;
use crate::cli::Format;
use crate::cmd::report::{self, Stream};
use crate::diag::Diagnostic;
use crate::BuildOptions;

/// Builds the served site and publishes the outcome.
pub struct Builder {
    /// Keeps parsed files between builds, so a save re-renders only what it affects.
    site: crate::session::Session,
    status: StatusSender,
    /// Distinguishes this server's versions from an earlier run's.
    session: String,
    builds: u64,
    /// The warnings last printed, so an unchanged set is not repeated on every save.
    warnings: Vec<String>,
}

impl Builder {
    pub fn new(opts: BuildOptions, status: StatusSender) -> Builder {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let session = format!("{:x}{:x}", std::process::id(), nanos % (1 << 40));
        Builder {
            site: crate::session::Session::new(opts),
            status,
            session,
            builds: 0,
            warnings: Vec::new(),
        }
    }

    /// Builds once; `changed` names what triggered it (none for the first build).
    pub fn build(&mut self, changed: &[PathBuf]) {
        self.build_unless(changed, &Arc::new(AtomicBool::new(false)));
    }

    /// Builds once; the work after the pages (indexes) stops when `stale` is set, and is then
    /// done with the next build.
    fn build_unless(&mut self, changed: &[PathBuf], stale: &Arc<AtomicBool>) {
        if let Some(first) = changed.first() {
            let more = if changed.len() > 1 {
                format!(" and {} more", changed.len() - 1)
            } else {
                String::new()
            };
            crate::errln!("changed: {}{more}", shown(first));
        }
        let (stats, diags) = self.site.build_visible(changed);
        match stats {
            Some((s, mode)) => {
                // Open pages reload now; the terminal report and the search indexes follow.
                self.builds += 1;
                let version = format!("{}-{}", self.session, self.builds);
                self.status.send_modify(|st| {
                    st.version = version;
                    st.errors.clear();
                });
                let warnings: Vec<String> = diags.iter().map(Diagnostic::plain).collect();
                if warnings != self.warnings {
                    report::print_build(&diags, Format::Human, Stream::Stderr, self.site.content());
                    self.warnings = warnings;
                }
                match mode {
                    crate::session::Mode::Full => crate::errln!(
                        "built {} places ({} pages) in {} ms",
                        s.places,
                        s.pages,
                        s.millis
                    ),
                    crate::session::Mode::Incremental(n) => {
                        crate::errln!("rebuilt {n} pages in {} ms", s.millis)
                    }
                }
                let late = self.site.finish_unless(stale);
                if !late.is_empty() {
                    report::print(&late, Format::Human, Stream::Stderr);
                }
            }
            None => {
                report::print_build(&diags, Format::Human, Stream::Stderr, self.site.content());
                self.warnings.clear();
                let mut errors: Vec<String> = diags
                    .iter()
                    .filter(|d| d.is_error())
                    .map(Diagnostic::plain)
                    .collect();
                if errors.is_empty() {
                    errors.push("error: build failed".into());
                }
                let built = self.builds > 0;
                crate::errln!(
                    "{}",
                    if built {
                        "build failed; still serving the last good site"
                    } else {
                        "build failed; serving an error page until the content is fixed"
                    }
                );
                self.status.send_modify(|st| st.errors = errors);
            }
        }
    }
}

/// Runs builds on a thread of its own until every sender of `changes` is gone.
pub fn spawn(
    mut builder: Builder,
    incoming: Receiver<Vec<PathBuf>>,
) -> std::io::Result<JoinHandle<()>> {
    std::thread::Builder::new()
        .name("ambit-build".into())
        .spawn(move || {
            // Changes pass through a thread of their own, which marks the work in progress as
            // stale as soon as a newer change arrives.
            let stale = Arc::new(AtomicBool::new(false));
            let (tx, changes) = std::sync::mpsc::channel();
            let mark = stale.clone();
            let forward = std::thread::Builder::new()
                .name("ambit-changes".into())
                .spawn(move || {
                    for c in incoming {
                        mark.store(true, Ordering::Relaxed);
                        if tx.send(c).is_err() {
                            break;
                        }
                    }
                });
            if forward.is_err() {
                return;
            }
            while let Ok(mut changed) = changes.recv() {
                stale.store(false, Ordering::Relaxed);
                // Everything that piled up during the last build goes into one build.
                while let Ok(more) = changes.try_recv() {
                    changed.extend(more);
                }
                changed.sort();
                changed.dedup();
                builder.build_unless(&changed, &stale);
            }
        })
}

/// A path as printed: relative to the current folder when inside it.
fn shown(path: &Path) -> String {
    let cwd = std::env::current_dir()
        .ok()
        .and_then(|d| d.canonicalize().ok());
    let rel = cwd
        .as_deref()
        .and_then(|d| path.strip_prefix(d).ok())
        .unwrap_or(path);
    rel.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failed_build_keeps_the_version_and_reports_errors() {
        let dir = tempfile::tempdir().unwrap();
        let (tx, rx) = super::super::status::channel();
        let opts = BuildOptions {
            content: dir.path().join("missing"),
            output: dir.path().join("out"),
            base_url: None,
            gzip: false,
            today: crate::graph::today(),
        };
        let mut b = Builder::new(opts, tx);
        b.build(&[]);
        let st: super::super::status::Status = rx.borrow().clone();
        assert!(!st.built());
        assert!(!st.ok());
        assert!(st.errors.iter().all(|e| e.contains("error")));
    }
}
