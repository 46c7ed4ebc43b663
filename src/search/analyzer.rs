//! Turns text into index terms with elasticlunr-rs' own pipeline for the language
//! (trimmer, stop-word filter, stemmer), each distinct word processed once.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

use elasticlunr::lang::{Dutch, English, Swedish};
use elasticlunr::{Language, Pipeline};

use super::text::Splitter;

/// The elasticlunr language code for a site language: "sv", "du" (Dutch; the crate's and
/// lunr-languages' name for "nl") or "en" (anything else).
pub(crate) fn lunr_code(lang: &str) -> &'static str {
    match lang.to_ascii_lowercase().as_str() {
        "sv" => "sv",
        "nl" | "du" => "du",
        _ => "en",
    }
}

pub(crate) fn language(code: &str) -> Box<dyn Language> {
    match code {
        "sv" => Box::new(Swedish::new()),
        "du" => Box::new(Dutch::new()),
        _ => Box::new(English::new()),
    }
}

/// The Fx hash (as in rustc): much faster than SipHash for short words; no untrusted input.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap()));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

pub(crate) struct Analyzer {
    pipeline: Pipeline,
    /// word → the number of its term (`None`: a stop word, or nothing left after trimming)
    cache: FastMap<Box<str>, Option<u32>>,
    /// the terms by number, and each term's number
    names: Vec<Rc<str>>,
    numbers: FastMap<Rc<str>, u32>,
    splitter: Splitter,
}

impl Analyzer {
    pub(crate) fn new(code: &str) -> Self {
        Analyzer {
            pipeline: language(code).make_pipeline(),
            cache: FastMap::default(),
            names: Vec::new(),
            numbers: FastMap::default(),
            splitter: Splitter::default(),
        }
    }

    /// The term a lower-cased word is indexed as.
    #[cfg(test)]
    pub(crate) fn term(&mut self, word: &str) -> Option<Rc<str>> {
        self.term_number(word)
            .map(|n| self.names[n as usize].clone())
    }

    /// The number of the term a lower-cased word is indexed as: terms are numbered from 0 in
    /// the order they are first met (see [`Analyzer::name`]).
    pub(crate) fn term_number(&mut self, word: &str) -> Option<u32> {
        if let Some(t) = self.cache.get(word) {
            return *t;
        }
        let mut token = Some(word.to_string());
        for f in &self.pipeline.queue {
            token = token.and_then(|t| f.filter(t));
        }
        let number = token.filter(|t| !t.is_empty()).map(|t| {
            let t: Rc<str> = Rc::from(t);
            let next = self.names.len() as u32;
            *self.numbers.entry(t.clone()).or_insert_with(|| {
                self.names.push(t);
                next
            })
        });
        self.cache.insert(word.into(), number);
        number
    }

    /// The term of number `n`.
    pub(crate) fn name(&self, n: u32) -> &Rc<str> {
        &self.names[n as usize]
    }

    /// How many different terms were met so far.
    pub(crate) fn term_count(&self) -> usize {
        self.names.len()
    }

    /// Calls `f` with each term of `text`, in order.
    pub(crate) fn each_term(&mut self, text: &str, mut f: impl FnMut(Rc<str>)) {
        self.each_term_number(text, |a, n| f(a.name(n).clone()));
    }

    /// Calls `f` with the number of each term of `text`, in order.
    pub(crate) fn each_term_number(&mut self, text: &str, mut f: impl FnMut(&Self, u32)) {
        let mut splitter = std::mem::take(&mut self.splitter);
        splitter.words(text, |w| {
            if let Some(n) = self.term_number(w) {
                f(self, n);
            }
        });
        self.splitter = splitter;
    }

    /// Appends the terms of `text` to `out`, separated by spaces.
    #[cfg(test)]
    pub(crate) fn terms(&mut self, text: &str, out: &mut String) {
        self.each_term(text, |t| {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&t);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(code: &str, text: &str) -> String {
        let mut out = String::new();
        Analyzer::new(code).terms(text, &mut out);
        out
    }

    #[test]
    fn uses_the_language_pipeline() {
        assert_eq!(
            terms("sv", "Nya lekplatser och cykelvägar år 2024"),
            "nya lekplats cykelväg år"
        );
        assert_eq!(
            terms("du", "De nieuwe speeltuinen in de wijken"),
            "nieuw speeltuin wijk"
        );
        assert_eq!(
            terms("en", "The new playgrounds in 2024"),
            "new playground 2024"
        );
    }

    #[test]
    fn maps_nl_to_du() {
        assert_eq!(lunr_code("nl"), "du");
        assert_eq!(lunr_code("SV"), "sv");
        assert_eq!(lunr_code("fr"), "en");
    }
}
