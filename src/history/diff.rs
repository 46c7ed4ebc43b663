//! Top-down comparison of two trees, restricted to the content folder's subtree.
//!
//! Subtrees with the same id are skipped without being read, so a commit that touches one
//! action reads only the trees on that action's path. Tree objects are kept for one commit
//! step: the new side of one comparison is the old side of the next, so each tree is
//! inflated once.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::rc::Rc;

use gix::objs::tree::EntryRef;
use gix::objs::{Find, TreeRefIter};
use gix::ObjectId;

/// A file that appeared, changed or went away between two trees.
pub(super) enum Event {
    /// The file is at `path` with content `blob`, and was not there before.
    Added { path: String, blob: ObjectId },
    /// The file at `path` has new content `blob`.
    Modified { path: String, blob: ObjectId },
    /// The file at `path` is gone.
    Deleted { path: String },
}

/// Reads and caches tree objects.
pub(super) struct Trees<'r> {
    odb: &'r gix::OdbHandle,
    hash: gix::hash::Kind,
    empty: ObjectId,
    previous: HashMap<ObjectId, Rc<[u8]>>,
    current: HashMap<ObjectId, Rc<[u8]>>,
    buf: Vec<u8>,
    /// Tree objects read from the object database (for tests and measurements).
    pub reads: usize,
}

impl<'r> Trees<'r> {
    pub fn new(odb: &'r gix::OdbHandle, hash: gix::hash::Kind) -> Self {
        Trees {
            odb,
            hash,
            empty: ObjectId::empty_tree(hash),
            previous: HashMap::new(),
            current: HashMap::new(),
            buf: Vec::new(),
            reads: 0,
        }
    }

    /// Forgets the trees of the commit before the last one.
    pub fn next_commit(&mut self) {
        self.previous = std::mem::take(&mut self.current);
    }

    fn load(&mut self, id: ObjectId) -> Result<Rc<[u8]>, String> {
        if let Some(data) = self.current.get(&id) {
            return Ok(data.clone());
        }
        let data = match self.previous.remove(&id) {
            Some(data) => data,
            None if id == self.empty => Rc::from(&[][..]),
            None => {
                let found = self
                    .odb
                    .try_find(&id, &mut self.buf)
                    .map_err(|e| format!("cannot read tree {id}: {e}"))?;
                let Some(found) = found else {
                    return Err(format!("tree {id} is missing from the repository"));
                };
                if found.kind != gix::objs::Kind::Tree {
                    return Err(format!("{id} is a {}, not a tree", found.kind));
                }
                self.reads += 1;
                Rc::from(found.data)
            }
        };
        self.current.insert(id, data.clone());
        Ok(data)
    }

    fn entries<'a>(&self, id: ObjectId, data: &'a [u8]) -> Result<Vec<EntryRef<'a>>, String> {
        TreeRefIter::from_bytes(data, self.hash)
            .entries()
            .map_err(|e| format!("cannot parse tree {id}: {e}"))
    }

    /// The id of the tree at `path` (folder names) below `root`, if there is one.
    pub fn subtree(&mut self, root: ObjectId, path: &[String]) -> Result<Option<ObjectId>, String> {
        let mut id = root;
        for name in path {
            let data = self.load(id)?;
            let found = self
                .entries(id, &data)?
                .into_iter()
                .find(|e| e.mode.is_tree() && e.filename == name.as_bytes())
                .map(|e| e.oid.to_owned());
            match found {
                Some(sub) => id = sub,
                None => return Ok(None),
            }
        }
        Ok(Some(id))
    }

    /// Appends to `out` every file that differs between the trees `old` and `new` (either may
    /// be absent), with paths below `prefix` ("" or "a/b/").
    pub fn diff(
        &mut self,
        old: Option<ObjectId>,
        new: Option<ObjectId>,
        prefix: &str,
        out: &mut Vec<Event>,
    ) -> Result<(), String> {
        if old == new {
            return Ok(());
        }
        let old_data = old.map(|id| self.load(id)).transpose()?;
        let new_data = new.map(|id| self.load(id)).transpose()?;
        let old_entries = match (old, &old_data) {
            (Some(id), Some(d)) => self.entries(id, d)?,
            _ => Vec::new(),
        };
        let new_entries = match (new, &new_data) {
            (Some(id), Some(d)) => self.entries(id, d)?,
            _ => Vec::new(),
        };
        let (mut a, mut b) = (old_entries.iter().peekable(), new_entries.iter().peekable());
        loop {
            let order = match (a.peek(), b.peek()) {
                (None, None) => break,
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (Some(x), Some(y)) => gix::objs::tree::name_order(
                    x.filename,
                    x.mode.is_tree(),
                    y.filename,
                    y.mode.is_tree(),
                ),
            };
            match order {
                Ordering::Less => {
                    let x = a.next().expect("peeked");
                    self.one_side(x, prefix, false, out)?;
                }
                Ordering::Greater => {
                    let y = b.next().expect("peeked");
                    self.one_side(y, prefix, true, out)?;
                }
                Ordering::Equal => {
                    let (x, y) = (a.next().expect("peeked"), b.next().expect("peeked"));
                    if x.oid == y.oid {
                        continue;
                    }
                    if y.mode.is_tree() {
                        let sub = join(prefix, y.filename, true);
                        self.diff(Some(x.oid.to_owned()), Some(y.oid.to_owned()), &sub, out)?;
                    } else {
                        match (is_file(x), is_file(y)) {
                            (true, true) => out.push(Event::Modified {
                                path: join(prefix, y.filename, false),
                                blob: y.oid.to_owned(),
                            }),
                            (true, false) => self.one_side(x, prefix, false, out)?,
                            (false, true) => self.one_side(y, prefix, true, out)?,
                            (false, false) => {}
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// An entry present on one side only: `added` when it is in the new tree.
    fn one_side(
        &mut self,
        e: &EntryRef<'_>,
        prefix: &str,
        added: bool,
        out: &mut Vec<Event>,
    ) -> Result<(), String> {
        if e.mode.is_tree() {
            let sub = join(prefix, e.filename, true);
            let id = Some(e.oid.to_owned());
            return if added {
                self.diff(None, id, &sub, out)
            } else {
                self.diff(id, None, &sub, out)
            };
        }
        if !is_file(e) {
            return Ok(());
        }
        let path = join(prefix, e.filename, false);
        out.push(if added {
            Event::Added {
                path,
                blob: e.oid.to_owned(),
            }
        } else {
            Event::Deleted { path }
        });
        Ok(())
    }
}

/// Blobs and symbolic links are files; submodules (commit entries) are not followed.
fn is_file(e: &EntryRef<'_>) -> bool {
    e.mode.is_blob_or_symlink()
}

fn join(prefix: &str, name: &[u8], folder: bool) -> String {
    let name = String::from_utf8_lossy(name);
    let mut s = String::with_capacity(prefix.len() + name.len() + 1);
    s.push_str(prefix);
    s.push_str(&name);
    if folder {
        s.push('/');
    }
    s
}
