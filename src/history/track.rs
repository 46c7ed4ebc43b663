//! Turns the file changes of each commit, replayed oldest first, into per-file histories: when
//! a file was added, each change of its `status:`, and its last change.
//!
//! [`Blobs`] reads the status of Markdown blobs whose content changed, each blob at most once
//! (statuses are cached by blob id, so a revert costs nothing); [`Tracker`] replays.

use std::collections::HashMap;

use gix::objs::Find;
use gix::ObjectId;

use super::diff::Event;
use super::status::status_of;
use super::{Change, FileHistory, StatusChange};

/// What a commit did to one file.
pub(super) struct Step {
    pub path: String,
    /// The file is there after the commit (added or changed); `false`: deleted.
    pub present: bool,
    /// The status of the new content; `Err` when the blob is not in the repository.
    pub status: Result<Option<String>, ()>,
}

/// Reads statuses from blobs.
pub(super) struct Blobs<'r> {
    odb: &'r gix::OdbHandle,
    statuses: HashMap<ObjectId, Option<String>>,
    buf: Vec<u8>,
    /// A blob could not be read (a partial clone): some statuses are unknown.
    pub incomplete: bool,
}

impl<'r> Blobs<'r> {
    pub fn new(odb: &'r gix::OdbHandle) -> Self {
        Blobs {
            odb,
            statuses: HashMap::new(),
            buf: Vec::new(),
            incomplete: false,
        }
    }

    /// The steps of one commit's events; only `.md` files are read for a status.
    pub fn steps(&mut self, events: Vec<Event>) -> Vec<Step> {
        events
            .into_iter()
            .map(|event| match event {
                Event::Deleted { path } => Step {
                    path,
                    present: false,
                    status: Ok(None),
                },
                Event::Added { path, blob } | Event::Modified { path, blob } => {
                    let status = if path.ends_with(".md") {
                        self.status(blob)
                    } else {
                        Ok(None)
                    };
                    Step {
                        path,
                        present: true,
                        status,
                    }
                }
            })
            .collect()
    }

    fn status(&mut self, blob: ObjectId) -> Result<Option<String>, ()> {
        if let Some(s) = self.statuses.get(&blob) {
            return Ok(s.clone());
        }
        let status = match self.odb.try_find(&blob, &mut self.buf) {
            Ok(Some(data)) => status_of(data.data),
            _ => {
                self.incomplete = true;
                return Err(());
            }
        };
        self.statuses.insert(blob, status.clone());
        Ok(status)
    }
}

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

/// Replays commits, oldest first, into file histories.
#[derive(Default)]
pub(super) struct Tracker {
    files: HashMap<String, Track>,
}

impl Tracker {
    /// Applies the steps of one commit. With `baseline`, the commit is the oldest one of a
    /// shallow clone: its files are recorded as present with their status, but nothing is
    /// known about when they were added or changed.
    pub fn apply(&mut self, steps: Vec<Step>, change: &Change, baseline: bool) {
        for Step {
            path,
            present,
            status,
        } in steps
        {
            if !present {
                if let Some(t) = self.files.get_mut(&path) {
                    t.present = false;
                }
                continue;
            }
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

    /// The histories of the files present at the last commit applied.
    pub fn finish(self) -> HashMap<String, FileHistory> {
        self.files
            .into_iter()
            .filter(|(_, t)| t.present)
            .map(|(path, t)| (path, t.history))
            .collect()
    }
}
