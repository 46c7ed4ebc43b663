//! Where keys, values and list items stand in the front matter text, found
//! in time linear in the size of the file: line starts are indexed once, and
//! each key's block, its list items and the place of the last list token
//! found are remembered, so that reading a list of 20,000 items does not
//! scan the file 20,000 times.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use super::{char_col, Doc};
use crate::diag::Pos;

/// Line starts of the text and what was looked up in it already.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Byte range of each line (without its line break), as `str::lines` splits them.
    lines: Vec<Range<usize>>,
    /// Line indices of each key's block.
    blocks: RefCell<HashMap<String, Range<usize>>>,
    /// Each key's `- ` item lines: (line index, byte offset of the `-`).
    items: RefCell<HashMap<String, Rc<ItemLines>>>,
    /// Per key, where the last list token was found and how often each token was seen so far.
    cursors: RefCell<HashMap<String, Cursor>>,
}

/// A key's `- ` item lines: (line index, byte offset of the `-`).
type ItemLines = Vec<(usize, usize)>;

#[derive(Debug, Clone, Default)]
struct Cursor {
    seen: HashMap<String, usize>,
    /// (line index, byte offset) just after the last token found.
    at: (usize, usize),
    /// (line index, byte offset, column) of the last token found, so that the column of the
    /// next one on a long line is counted on from there.
    col: (usize, usize, usize),
}

impl Index {
    pub fn new(text: &str) -> Index {
        let mut lines = Vec::new();
        let mut start = 0;
        for piece in text.split_inclusive('\n') {
            let body = piece.strip_suffix('\n').unwrap_or(piece);
            let body = body.strip_suffix('\r').unwrap_or(body);
            lines.push(start..start + body.len());
            start += piece.len();
        }
        Index {
            lines,
            ..Index::default()
        }
    }
}

impl Doc {
    /// Position of a top-level key, or the start of the front matter.
    pub fn key_pos(&self, key: &str) -> Pos {
        self.keys
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, p)| *p)
            .unwrap_or(Pos::new(self.first_line.saturating_sub(1).max(1), 1))
    }

    /// Top-level keys in order of appearance.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.keys.iter().map(|(k, _)| k.as_str())
    }

    fn line(&self, idx: usize) -> &str {
        self.index
            .lines
            .get(idx)
            .and_then(|r| self.text.get(r.clone()))
            .unwrap_or("")
    }

    /// Line indices of the block that belongs to `key` (its own line and the indented lines
    /// after it).
    fn block_range(&self, key: &str) -> Range<usize> {
        if let Some(r) = self.index.blocks.borrow().get(key) {
            return r.clone();
        }
        let start_line = self.key_pos(key).line;
        let first = start_line.saturating_sub(self.first_line);
        let mut end = first;
        for idx in first..self.index.lines.len() {
            let n = self.first_line + idx;
            let line = self.line(idx);
            if n > start_line && !line.is_empty() && !line.starts_with([' ', '\t', '-']) {
                break;
            }
            end = idx + 1;
        }
        let r = first..end;
        self.index
            .blocks
            .borrow_mut()
            .insert(key.to_string(), r.clone());
        r
    }

    /// Lines of the block of `key`: (file line, text).
    fn block(&self, key: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
        self.block_range(key)
            .map(move |idx| (self.first_line + idx, self.line(idx)))
    }

    /// Position of `needle` inside the block of `key` (after the key itself), or of the key.
    pub fn value_pos(&self, key: &str, needle: &str) -> Pos {
        let key_line = self.key_pos(key).line;
        for (n, line) in self.block(key) {
            let from = if n == key_line {
                line.find(':').map(|i| i + 1).unwrap_or(0)
            } else {
                0
            };
            if let Some(i) = line[from..].find(needle) {
                return Pos::new(n, char_col(line, from + i));
            }
        }
        self.key_pos(key)
    }

    /// The source text of the plain scalar after `needle` (`amount:`) in the block of `key`, as
    /// written: the decimal digits of a number exactly, before YAML reads it as a float.
    pub fn plain_text_after(&self, key: &str, needle: &str) -> Option<String> {
        let key_line = self.key_pos(key).line;
        for (n, line) in self.block(key) {
            let from = if n == key_line {
                line.find(':').map(|i| i + 1).unwrap_or(0)
            } else {
                0
            };
            if let Some(i) = line[from..].find(needle) {
                let rest = &line[from + i + needle.len()..];
                let end = rest.find([',', '}', ']', '#']).unwrap_or(rest.len());
                let t = rest[..end].trim();
                return (!t.is_empty()).then(|| t.to_string());
            }
        }
        None
    }

    /// Position of the `nth` occurrence of `item` as a whole list item in the block of `key`
    /// (flow `[a, b]` or block `- a`), or None. Asked for the items of a list in order, each
    /// search goes on from the token found before.
    pub fn item_token_pos(&self, key: &str, item: &str, nth: usize) -> Option<Pos> {
        let range = self.block_range(key);
        let mut cursors = self.index.cursors.borrow_mut();
        let cursor = cursors.entry(key.to_string()).or_default();
        let in_order = cursor.seen.get(item).copied().unwrap_or(0) == nth;
        let found = if in_order {
            self.find_token(key, item, cursor.at, range.end, 0)
                .or_else(|| self.find_token(key, item, (range.start, 0), range.end, nth))
        } else {
            self.find_token(key, item, (range.start, 0), range.end, nth)
        };
        let (idx, byte) = found?;
        let line = self.line(idx);
        let (c_idx, c_byte, c_col) = cursor.col;
        let col = if c_idx == idx && c_col > 0 && c_byte <= byte && line.is_char_boundary(c_byte) {
            c_col + line[c_byte..byte.min(line.len())].chars().count()
        } else {
            char_col(line, byte)
        };
        if in_order {
            *cursor.seen.entry(item.to_string()).or_default() += 1;
            cursor.at = (idx, byte + item.len().max(1));
            cursor.col = (idx, byte, col);
        }
        Some(Pos::new(self.first_line + idx, col))
    }

    /// The `nth` bounded occurrence of `item` from (line index, byte) up to line index `end`.
    fn find_token(
        &self,
        key: &str,
        item: &str,
        from: (usize, usize),
        end: usize,
        nth: usize,
    ) -> Option<(usize, usize)> {
        let key_idx = self.key_pos(key).line.saturating_sub(self.first_line);
        let mut seen = 0;
        for idx in from.0..end {
            let line = self.line(idx);
            let after_key = if idx == key_idx {
                line.find(':').map(|i| i + 1).unwrap_or(0)
            } else {
                0
            };
            let mut start = if idx == from.0 {
                from.1.max(after_key)
            } else {
                after_key
            };
            while let Some(i) = line.get(start..).and_then(|rest| rest.find(item)) {
                let at = start + i;
                let before = line[..at].chars().next_back();
                let after = line[at + item.len()..].chars().next();
                let bounded = |c: Option<char>| {
                    c.is_none_or(|c| {
                        matches!(c, '[' | ']' | ',' | ' ' | '"' | '\'' | '-' | '\t' | '#')
                    })
                };
                let before_ok =
                    before.is_none_or(|c| matches!(c, '[' | ',' | ' ' | '"' | '\'' | '\t'));
                if before_ok && bounded(after) {
                    if seen == nth {
                        return Some((idx, at));
                    }
                    seen += 1;
                }
                start = at + item.len().max(1);
            }
        }
        None
    }

    /// Position of the value of a top-level scalar key (the first non-blank after the colon).
    pub fn scalar_pos(&self, key: &str) -> Pos {
        let pos = self.key_pos(key);
        if let Some(line) = self.line_text(pos.line) {
            if let Some(colon) = line.find(':') {
                let rest = &line[colon + 1..];
                let skip = rest.len() - rest.trim_start().len();
                if !rest.trim().is_empty() {
                    return Pos::new(pos.line, char_col(line, colon + 1 + skip));
                }
            }
        }
        pos
    }

    /// The `- ` item lines of the block of `key`, found once.
    fn items(&self, key: &str) -> Rc<ItemLines> {
        if let Some(v) = self.index.items.borrow().get(key) {
            return v.clone();
        }
        let found: Vec<(usize, usize)> = self
            .block_range(key)
            .filter_map(|idx| {
                let line = self.line(idx);
                let t = line.trim_start();
                (t.starts_with("- ") || t == "-").then_some((idx, line.len() - t.len()))
            })
            .collect();
        let found = Rc::new(found);
        self.index
            .items
            .borrow_mut()
            .insert(key.to_string(), found.clone());
        found
    }

    /// Position of the `index`th item (`- …` line) of a block list under `key`.
    pub fn item_pos(&self, key: &str, index: usize) -> Pos {
        match self.items(key).get(index) {
            Some(&(idx, byte)) => Pos::new(self.first_line + idx, char_col(self.line(idx), byte)),
            None => self.key_pos(key),
        }
    }

    /// Position of `needle` (such as `file:`) inside the `index`th block item of `key`, or of
    /// the item itself when the needle is not on its lines.
    pub fn item_sub_pos(&self, key: &str, index: usize, needle: &str) -> Pos {
        let item = self.item_pos(key, index);
        let range = self.block_range(key);
        let from = item.line.saturating_sub(self.first_line).max(range.start);
        let mut started = false;
        for idx in from..range.end {
            let line = self.line(idx);
            let t = line.trim_start();
            let is_item = t.starts_with("- ") || t == "-";
            if started && is_item && char_col(line, line.len() - t.len()) <= item.col {
                break;
            }
            started = true;
            if let Some(i) = line.find(needle) {
                return Pos::new(self.first_line + idx, char_col(line, i));
            }
        }
        item
    }

    fn line_text(&self, file_line: usize) -> Option<&str> {
        let idx = file_line.checked_sub(self.first_line)?;
        (idx < self.index.lines.len()).then(|| self.line(idx))
    }
}
