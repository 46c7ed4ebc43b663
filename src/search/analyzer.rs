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
    /// word → its term (`None`: a stop word, or nothing left after trimming)
    cache: FastMap<Box<str>, Option<Rc<str>>>,
    splitter: Splitter,
}

impl Analyzer {
    pub(crate) fn new(code: &str) -> Self {
        Analyzer {
            pipeline: language(code).make_pipeline(),
            cache: FastMap::default(),
            splitter: Splitter::default(),
        }
    }

    /// The term a lower-cased word is indexed as.
    pub(crate) fn term(&mut self, word: &str) -> Option<Rc<str>> {
        if let Some(t) = self.cache.get(word) {
            return t.clone();
        }
        let mut token = Some(word.to_string());
        for f in &self.pipeline.queue {
            token = token.and_then(|t| f.filter(t));
        }
        let term: Option<Rc<str>> = token.filter(|t| !t.is_empty()).map(Rc::from);
        self.cache.insert(word.into(), term.clone());
        term
    }

    /// Calls `f` with each term of `text`, in order.
    pub(crate) fn each_term(&mut self, text: &str, mut f: impl FnMut(Rc<str>)) {
        let mut splitter = std::mem::take(&mut self.splitter);
        splitter.words(text, |w| {
            if let Some(t) = self.term(w) {
                f(t);
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
