//! Top-down comparison of two trees, restricted to the content folder's subtree.
//!
//! Subtrees with the same id are skipped without being read, so a commit that touches one
//! action reads only the trees on that action's path. The trees of the state last compared
//! are kept in memory (a few hundred kilobytes for 10,000 files): one side of each comparison
//! is a side of the next, so each tree version is inflated once. Commits can be compared
//! newest first or oldest first, whichever suits how the pack stores its delta chains (see
//! [`super::order`]).

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

/// Reads tree objects and keeps those of the state last compared.
pub(super) struct Trees<'r> {
    odb: &'r gix::OdbHandle,
    hash: gix::hash::Kind,
    empty: ObjectId,
    state: HashMap<ObjectId, Rc<[u8]>>,
    /// Comparisons go from the newest commit to the oldest, so the old side of one is the new
    /// side of the next and is the one to keep.
    pub backwards: bool,
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
            state: HashMap::new(),
            backwards: false,
            buf: Vec::new(),
            reads: 0,
        }
    }

    pub fn odb(&self) -> &'r gix::OdbHandle {
        self.odb
    }

    pub fn hash(&self) -> gix::hash::Kind {
        self.hash
    }

    /// The tree `id`, from the kept state or the object database; `keep` adds it to the state.
    pub fn load(&mut self, id: ObjectId, keep: bool) -> Result<Rc<[u8]>, String> {
        if let Some(data) = self.state.get(&id) {
            return Ok(data.clone());
        }
        let data: Rc<[u8]> = if id == self.empty {
            Rc::from(&[][..])
        } else {
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
        };
        if keep {
            self.state.insert(id, data.clone());
        }
        Ok(data)
    }

    fn parse_error(id: Option<ObjectId>) -> String {
        match id {
            Some(id) => format!("cannot parse tree {id}"),
            None => "cannot parse a tree".to_owned(),
        }
    }

    /// The id of the tree at `path` (folder names) below `root`, if there is one.
    pub fn subtree(&mut self, root: ObjectId, path: &[String]) -> Result<Option<ObjectId>, String> {
        let mut id = root;
        for name in path {
            let data = self.load(id, false)?;
            let mut found = None;
            for e in TreeRefIter::from_bytes(&data, self.hash) {
                let e = e.map_err(|e| format!("cannot parse tree {id}: {e}"))?;
                if e.mode.is_tree() && e.filename == name.as_bytes() {
                    found = Some(e.oid.to_owned());
                    break;
                }
            }
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
        let back = self.backwards;
        let old_data = old.map(|id| self.load(id, back)).transpose()?;
        let new_data = new.map(|id| self.load(id, !back)).transpose()?;
        // The side the walk leaves behind is not needed again.
        if let Some(id) = if back { new } else { old } {
            self.state.remove(&id);
        }
        let empty: &[u8] = &[];
        let mut a = Cursor::new(old_data.as_deref().unwrap_or(empty), self.hash);
        let mut b = Cursor::new(new_data.as_deref().unwrap_or(empty), self.hash);
        loop {
            // Most entries of a changed tree are unchanged: skip those by comparing raw bytes.
            if let (Some(la), Some(lb)) = (a.raw_len(), b.raw_len()) {
                if la == lb && a.data[..la] == b.data[..lb] {
                    a.advance(la);
                    b.advance(lb);
                    continue;
                }
            }
            let x = a.entry().ok_or_else(|| Self::parse_error(old))?;
            let y = b.entry().ok_or_else(|| Self::parse_error(new))?;
            let order = match (&x, &y) {
                (None, None) => break,
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (Some((x, _)), Some((y, _))) => gix::objs::tree::name_order(
                    x.filename,
                    x.mode.is_tree(),
                    y.filename,
                    y.mode.is_tree(),
                ),
            };
            match (order, x, y) {
                (Ordering::Less, Some((x, len)), _) => {
                    a.advance(len);
                    self.one_side(&x, prefix, false, out)?;
                }
                (Ordering::Greater, _, Some((y, len))) => {
                    b.advance(len);
                    self.one_side(&y, prefix, true, out)?;
                }
                (Ordering::Equal, Some((x, la)), Some((y, lb))) => {
                    a.advance(la);
                    b.advance(lb);
                    if x.oid == y.oid {
                        continue;
                    }
                    if y.mode.is_tree() {
                        let sub = join(prefix, y.filename, true);
                        self.diff(Some(x.oid.to_owned()), Some(y.oid.to_owned()), &sub, out)?;
                    } else {
                        match (is_file(&x), is_file(&y)) {
                            (true, true) => out.push(Event::Modified {
                                path: join(prefix, y.filename, false),
                                blob: y.oid.to_owned(),
                            }),
                            (true, false) => self.one_side(&x, prefix, false, out)?,
                            (false, true) => self.one_side(&y, prefix, true, out)?,
                            (false, false) => {}
                        }
                    }
                }
                _ => unreachable!("an ordering needs the entries it compares"),
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

/// A position in the raw data of a tree: entries are `<mode> <name>\0<id>`.
struct Cursor<'a> {
    data: &'a [u8],
    hash: gix::hash::Kind,
}

impl<'a> Cursor<'a> {
    fn new(data: &'a [u8], hash: gix::hash::Kind) -> Self {
        Cursor { data, hash }
    }

    /// The length in bytes of the next entry, without parsing it.
    fn raw_len(&self) -> Option<usize> {
        let nul = self.data.iter().position(|&b| b == 0)?;
        Some(nul + 1 + self.hash.len_in_bytes()).filter(|&len| len <= self.data.len())
    }

    /// The next entry and its length in bytes; `Some(None)` at the end, `None` when malformed.
    fn entry(&self) -> Option<Option<(EntryRef<'a>, usize)>> {
        let mut iter = TreeRefIter::from_bytes(self.data, self.hash);
        match iter.next() {
            None => Some(None),
            Some(Ok(e)) => Some(Some((e, iter.offset_to_next_entry(self.data)))),
            Some(Err(_)) => None,
        }
    }

    fn advance(&mut self, len: usize) {
        self.data = &self.data[len..];
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
