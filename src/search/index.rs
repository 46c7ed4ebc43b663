//! The inverted index of one set of pages: every term of every field (no truncation) with,
//! per page, one weight that folds the field boosts, term counts and field lengths together.

use super::analyzer::Analyzer;
use super::{SearchDoc, FIELDS};

/// Weights are stored as integers: the weight × this, at least 1.
pub(crate) const WEIGHT_SCALE: f64 = 100.0;

/// A term and its postings: (page number, weight), page numbers ascending.
pub(crate) type Postings = Vec<(u32, u32)>;

/// A term and its postings.
pub(crate) type Term = (Box<str>, Postings);

/// Terms and their postings, sorted by term.
pub(crate) type Terms = Vec<Term>;

/// The terms of `docs`, their pages numbered in order from 0.
pub(crate) fn build(code: &str, docs: &[&SearchDoc]) -> Terms {
    let mut analyzer = Analyzer::new(code);
    // by term number: its postings, and its count in each field of the current page
    let mut postings: Vec<Postings> = Vec::new();
    let mut counts: Vec<[u32; 4]> = Vec::new();
    // the terms of the current page
    let mut seen: Vec<u32> = Vec::new();
    for (n, doc) in docs.iter().enumerate() {
        let mut lens = [0u32; 4];
        let mut add = |field: usize, text: &str| {
            analyzer.each_term_number(text, |a, t| {
                let t = t as usize;
                if counts.len() < a.term_count() {
                    counts.resize(a.term_count(), [0; 4]);
                }
                if counts[t] == [0; 4] {
                    seen.push(t as u32);
                }
                counts[t][field] += 1;
                lens[field] += 1;
            })
        };
        add(0, doc.title);
        for tag in doc.tags {
            add(1, tag);
        }
        add(1, doc.kind_label);
        add(1, doc.status_label.unwrap_or(""));
        add(1, doc.facts);
        add(2, doc.summary);
        add(3, doc.body);
        if postings.len() < counts.len() {
            postings.resize_with(counts.len(), Vec::new);
        }
        for t in seen.drain(..) {
            let c = std::mem::take(&mut counts[t as usize]);
            postings[t as usize].push((n as u32, weight(&c, &lens)));
        }
    }
    let mut terms: Terms = postings
        .into_iter()
        .enumerate()
        .filter(|(_, p)| !p.is_empty())
        .map(|(t, p)| (Box::from(&**analyzer.name(t as u32)), p))
        .collect();
    terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    terms
}

/// The terms of consecutive sets of pages as one set, as [`build`] would give them for all the
/// pages at once: the pages of each part are numbered after those of the parts before it.
/// `parts`: the terms of each part and its number of pages.
pub(crate) fn merge(parts: &[(&[Term], u32)]) -> Terms {
    let mut offsets = Vec::with_capacity(parts.len());
    let mut next = 0u32;
    for (_, pages) in parts {
        offsets.push(next);
        next += pages;
    }
    // Every term of every part, by term and then by part, so that pages stay ascending.
    let mut all: Vec<(&str, usize, &Postings)> = parts
        .iter()
        .enumerate()
        .flat_map(|(k, (terms, _))| terms.iter().map(move |(t, p)| (&**t, k, p)))
        .collect();
    all.sort_unstable_by(|a, b| a.0.cmp(b.0).then(a.1.cmp(&b.1)));
    let mut out: Terms = Vec::new();
    for (term, k, postings) in all {
        let shifted = postings.iter().map(|(page, w)| (page + offsets[k], *w));
        match out.last_mut() {
            Some((t, p)) if &**t == term => p.extend(shifted),
            _ => out.push((Box::from(term), shifted.collect())),
        }
    }
    out
}

/// Σ over fields of boost × √count / √(field length), as elasticlunr scores a field (its idf
/// is applied by the client, from the number of postings), scaled to an integer.
fn weight(counts: &[u32; 4], lens: &[u32; 4]) -> u32 {
    let mut w = 0.0;
    for (f, (_, boost)) in FIELDS.iter().enumerate() {
        if counts[f] > 0 {
            w += f64::from(*boost) * f64::from(counts[f]).sqrt() / f64::from(lens[f].max(1)).sqrt();
        }
    }
    ((w * WEIGHT_SCALE).round() as u32).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_weighs_more_than_body() {
        let title = weight(&[1, 0, 0, 0], &[4, 0, 0, 0]);
        let body = weight(&[0, 0, 0, 1], &[0, 0, 0, 4]);
        assert_eq!(title, 4 * body);
        assert!(weight(&[0, 0, 0, 1], &[0, 0, 0, 1_000_000]) >= 1);
    }
}
