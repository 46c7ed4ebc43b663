//! The term shards of an index: two families of small files, so that a query fetches only the
//! terms it can match.
//!
//! - prefix family `t`: every term, filed under the start of its loose form
//!   ([`super::text::loose`]);
//! - suffix family `s`: the terms of five letters or more again, filed under the end of their
//!   loose form (read backwards), for compound parts ("plats" finds "lekplats") and for typos
//!   in the first half of a word.
//!
//! A family's keys come from splitting: all terms start in the shard with key "", and a shard
//! over [`SHARD_BYTES`] is split by the next letter of its terms (terms that end there stay
//! under the shorter key), until each fits or the key is [`MAX_KEY`] letters long. A term is in
//! the shard of the longest key its loose form starts with (ends with, backwards), so a query
//! word needs the shards whose keys are its own starts, and for partial words the few under it.
//!
//! A shard file is a JSON array of `[term, postings]`, postings a flat array of page number
//! (the difference to the previous one) and weight ([`super::index`]).

use super::index::Postings;
use super::text::loose;
use std::fmt::Write as _;

/// Split a shard whose JSON is longer than this (about 4–6 KB gzipped).
pub(crate) const SHARD_BYTES: usize = 16_000;
/// Longest key, in letters.
const MAX_KEY: usize = 12;
/// Shortest loose form of a term in the suffix family.
pub(crate) const SUFFIX_MIN: usize = 5;

/// One family: its keys (in order, the file number is the position) and each shard's JSON.
pub(crate) struct Family {
    pub keys: Vec<String>,
    pub files: Vec<String>,
}

/// The prefix and the suffix family of the terms, with shards split above `bytes`.
pub(crate) fn families(code: &str, terms: &[(Box<str>, Postings)], bytes: usize) -> [Family; 2] {
    let entries: Vec<String> = terms.iter().map(|(t, p)| entry(t, p)).collect();
    let forms: Vec<Vec<char>> = terms
        .iter()
        .map(|(t, _)| loose(code, t).chars().collect())
        .collect();
    let mut prefix: Vec<(Vec<char>, usize)> = forms.iter().cloned().zip(0..).collect();
    let mut suffix: Vec<(Vec<char>, usize)> = forms
        .into_iter()
        .zip(0..)
        .filter(|(f, _)| f.len() >= SUFFIX_MIN)
        .map(|(mut f, i)| {
            f.reverse();
            (f, i)
        })
        .collect();
    [&mut prefix, &mut suffix].map(|keyed| {
        keyed.sort_unstable();
        let mut groups = Vec::new();
        split(keyed, 0, &entries, bytes, &mut groups);
        let mut fam = Family {
            keys: Vec::with_capacity(groups.len()),
            files: Vec::with_capacity(groups.len()),
        };
        for (key, members) in groups {
            let mut file = String::from("[");
            for (n, (_, i)) in members.iter().enumerate() {
                if n > 0 {
                    file.push(',');
                }
                file.push_str(&entries[*i]);
            }
            file.push(']');
            fam.keys.push(key);
            fam.files.push(file);
        }
        fam
    })
}

/// Terms by key letters, with their number.
type Keyed = [(Vec<char>, usize)];

/// Splits `keyed` (sorted by key, all sharing their first `depth` letters) into shards.
fn split<'a>(
    keyed: &'a Keyed,
    depth: usize,
    entries: &[String],
    bytes: usize,
    out: &mut Vec<(String, &'a Keyed)>,
) {
    let Some(first) = keyed.first() else { return };
    let key = || first.0[..depth].iter().collect::<String>();
    let size: usize = keyed.iter().map(|(_, i)| entries[*i].len() + 1).sum();
    if size <= bytes || depth >= MAX_KEY {
        out.push((key(), keyed));
        return;
    }
    // the terms that end here sort first
    let ends = keyed.partition_point(|(k, _)| k.len() == depth);
    if ends > 0 {
        out.push((key(), &keyed[..ends]));
    }
    let mut rest = &keyed[ends..];
    while let Some((k, _)) = rest.first() {
        let c = k[depth];
        let n = rest.partition_point(|(k, _)| k[depth] == c);
        split(&rest[..n], depth + 1, entries, bytes, out);
        rest = &rest[n..];
    }
}

/// `["term",[page,weight,Δpage,weight,…]]`
fn entry(term: &str, postings: &Postings) -> String {
    let mut s = String::with_capacity(term.len() + 8 + postings.len() * 7);
    s.push('[');
    json_str(&mut s, term);
    s.push_str(",[");
    let mut last = 0;
    for (n, (page, w)) in postings.iter().enumerate() {
        if n > 0 {
            s.push(',');
        }
        let mut num = itoa::Buffer::new();
        s.push_str(num.format(page - last));
        s.push(',');
        s.push_str(num.format(*w));
        last = *page;
    }
    s.push_str("]]");
    s
}

/// Appends `v` as a JSON string.
pub(crate) fn json_str(out: &mut String, v: &str) {
    out.push('"');
    for c in v.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => write!(out, "\\u{:04x}", c as u32).unwrap(),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(words: &[&str]) -> Vec<(Box<str>, Postings)> {
        let mut t: Vec<(Box<str>, Postings)> = words
            .iter()
            .map(|w| (Box::from(*w), vec![(0, 5), (3, 100)]))
            .collect();
        t.sort();
        t
    }

    #[test]
    fn entries_hold_page_differences_and_weights() {
        assert_eq!(
            entry("lek\"", &vec![(2, 7), (5, 1)]),
            r#"["lek\"",[2,7,3,1]]"#
        );
    }

    #[test]
    fn a_small_set_is_one_shard_per_family() {
        let [t, s] = families("sv", &terms(&["lek", "lekplats", "badplats"]), SHARD_BYTES);
        assert_eq!(t.keys, [""]);
        assert_eq!(s.keys, [""]);
        assert!(t.files[0].contains("\"lek\"") && !s.files[0].contains("\"lek\""));
    }

    #[test]
    fn large_sets_split_and_every_term_is_under_its_longest_key() {
        let words: Vec<String> = (0..400)
            .map(|i| format!("ö{}plats{}", ["a", "b", "c"][i % 3], i))
            .collect();
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let all = terms(&refs);
        let [t, s] = families("sv", &all, 1000);
        assert!(t.keys.len() > 3 && s.keys.len() > 3, "{:?}", t.keys);
        for (word, _) in &all {
            let form = loose("sv", word);
            let back: String = form.chars().rev().collect();
            for (fam, f) in [(&t, &form), (&s, &back)] {
                let key = fam
                    .keys
                    .iter()
                    .filter(|k| f.starts_with(k.as_str()))
                    .max_by_key(|k| k.len())
                    .unwrap();
                let i = fam.keys.iter().position(|k| k == key).unwrap();
                assert!(
                    fam.files[i].contains(&format!("[\"{word}\"")),
                    "{word} under {key}"
                );
            }
        }
    }
}
