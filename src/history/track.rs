//! Turns the file events of each commit, oldest first, into per-file histories: when a file
//! was added, each change of its `status:`, and its last change.
//!
//! Only Markdown blobs whose content changed are read, each at most once (statuses are cached
//! by blob id, so a revert costs nothing).

use std::collections::HashMap;

use gix::objs::Find;
use gix::ObjectId;

use super::diff::Event;
use super::status::status_of;
use super::{Change, FileHistory, StatusChange};

/// One file's history while the commits are replayed.
#[derive(Default)]
struct Track {
    history: FileHistory,
    /// The status of the file's latest version (kept while the file is deleted, so that a
    /// re-added file's first change reads "from" its last known status).
    status: Option<String>,
    present: bool,
    /// The file was there before history begins (the oldest commit of a shallow clone), so
    /// when it was added is unknown.
    preexisting: bool,
}

/// Replays commits into file histories.
pub(super) struct Tracker<'r> {
    odb: &'r gix::OdbHandle,
    files: HashMap<String, Track>,
    statuses: HashMap<ObjectId, Option<String>>,
    buf: Vec<u8>,
    /// A blob could not be read (a partial clone): some statuses are unknown.
    pub incomplete: bool,
    /// Blobs read from the object database (for tests and measurements).
    pub reads: usize,
}

impl<'r> Tracker<'r> {
    pub fn new(odb: &'r gix::OdbHandle) -> Self {
        Tracker {
            odb,
            files: HashMap::new(),
            statuses: HashMap::new(),
            buf: Vec::new(),
            incomplete: false,
            reads: 0,
        }
    }

    /// Applies the events of one commit. With `baseline`, the commit is the oldest one of a
    /// shallow clone: its files are recorded as present with their status, but nothing is
    /// known about when they were added or changed.
    pub fn apply(&mut self, events: Vec<Event>, change: &Change, baseline: bool) {
        for event in events {
            match event {
                Event::Deleted { path } => {
                    if let Some(t) = self.files.get_mut(&path) {
                        t.present = false;
                    }
                }
                Event::Added { path, blob } | Event::Modified { path, blob } => {
                    let status = if path.ends_with(".md") {
                        self.status(blob)
                    } else {
                        Ok(None)
                    };
                    let t = self.files.entry(path).or_default();
                    t.present = true;
                    if baseline {
                        t.status = status.ok().flatten();
                        t.preexisting = true;
                        continue;
                    }
                    if t.history.added.is_none() && !t.preexisting {
                        t.history.added = Some(change.clone());
                    }
                    t.history.last_changed = Some(change.clone());
                    let Ok(status) = status else { continue };
                    if status != t.status {
                        if let Some(to) = &status {
                            t.history.status_changes.push(StatusChange {
                                from: t.status.clone(),
                                to: to.clone(),
                                change: change.clone(),
                            });
                        }
                        t.status = status;
                    }
                }
            }
        }
    }

    /// The status in a blob; `Err` when the blob is not in the repository.
    fn status(&mut self, blob: ObjectId) -> Result<Option<String>, ()> {
        if let Some(s) = self.statuses.get(&blob) {
            return Ok(s.clone());
        }
        let status = match self.odb.try_find(&blob, &mut self.buf) {
            Ok(Some(data)) => {
                self.reads += 1;
                status_of(data.data)
            }
            _ => {
                self.incomplete = true;
                return Err(());
            }
        };
        self.statuses.insert(blob, status.clone());
        Ok(status)
    }

    /// The histories of the files present at the last commit applied.
    pub fn finish(self) -> HashMap<String, FileHistory> {
        self.files
            .into_iter()
            .filter(|(_, t)| t.present)
            .map(|(path, t)| (path, t.history))
            .collect()
    }
}
