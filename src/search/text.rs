//! Word splitting, the loose form of terms, and excerpts. The same rules are implemented in
//! `themes/default/static/search/text.js` (`splitWords()`, `looseForm()`); keep them in step.
//!
//! A *chunk* is a run of word characters (`char::is_alphanumeric`), apostrophes and compound
//! joiners (`-`, `‐`, `‑`, `(`, `)`); any other character ends it. Inside a chunk:
//! - an apostrophe between two word characters is dropped ("auto's" → "autos");
//! - joiners and other apostrophes split it into parts ("(wijk)begroting" → "wijk", "begroting");
//! - a chunk of two or three parts, none of them only digits, also yields the parts written
//!   together ("wijkbegroting", "e-tjänst" → "etjänst"), so either spelling finds it.
//!
//! Every emitted word is lower-cased (`str::to_lowercase`, like JavaScript's `toLowerCase`).

use std::borrow::Cow;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Characters that join the parts of a compound ("(wijk)begroting", "e-tjänst").
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '(' | ')')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// Returns `text` in Unicode NFC (what the browser gets from `String.prototype.normalize()`).
pub(crate) fn nfc(text: &str) -> Cow<'_, str> {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfc().collect()),
    }
}

/// Reusable word splitter: calls `emit` with every lower-cased word of `text`, in order.
#[derive(Default)]
pub(crate) struct Splitter {
    /// the current chunk's parts, written one after the other
    buf: String,
    /// byte ranges of the parts in `buf`
    parts: Vec<(usize, usize)>,
    start: usize,
}

impl Splitter {
    pub(crate) fn words(&mut self, text: &str, mut emit: impl FnMut(&str)) {
        let text = nfc(text);
        let mut prev_word = false;
        // The run of word characters not yet copied to `buf` starts here.
        let mut run = 0;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_alphanumeric() {
                prev_word = true;
                continue;
            }
            self.buf.push_str(&text[run..i]);
            run = i + c.len_utf8();
            if is_apostrophe(c)
                && prev_word
                && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric())
            {
                // dropped: the word goes on
            } else if is_joiner(c) || is_apostrophe(c) {
                self.end_part();
                prev_word = false;
            } else {
                self.end_part();
                self.end_chunk(&mut emit);
                prev_word = false;
            }
        }
        self.buf.push_str(&text[run..]);
        self.end_part();
        self.end_chunk(&mut emit);
    }

    fn end_part(&mut self) {
        if self.buf.len() > self.start {
            self.parts.push((self.start, self.buf.len()));
            self.start = self.buf.len();
        }
    }

    fn end_chunk(&mut self, emit: &mut impl FnMut(&str)) {
        let n = self.parts.len();
        for &(a, b) in &self.parts {
            emit(&lower(&self.buf[a..b]));
        }
        if (2..=3).contains(&n)
            && self
                .parts
                .iter()
                .all(|&(a, b)| !self.buf[a..b].chars().all(char::is_numeric))
        {
            emit(&lower(&self.buf));
        }
        self.parts.clear();
        self.buf.clear();
        self.start = 0;
    }
}

fn lower(s: &str) -> Cow<'_, str> {
    let unchanged = |c: char| {
        c.is_ascii_lowercase() || c.is_ascii_digit() || {
            let mut l = c.to_lowercase();
            l.next() == Some(c) && l.next().is_none()
        }
    };
    if s.chars().all(unchanged) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// The loose form a term is filed under in the shards (and compared in when exact stems
/// differ): lower case, accents dropped (NFD without marks, ø → o, æ → ae, ß → ss …), and for
/// Dutch (`code` "du") a doubled a, e, o or u written once, like `looseForm()` in text.js.
pub(crate) fn loose(code: &str, term: &str) -> String {
    let lower = term.to_lowercase();
    let folded = if lower.is_ascii() {
        lower
    } else {
        let mut out = String::with_capacity(lower.len());
        for c in lower.nfd().filter(|&c| !is_combining_mark(c)) {
            match c {
                'ø' => out.push('o'),
                'æ' => out.push_str("ae"),
                'œ' => out.push_str("oe"),
                'ß' => out.push_str("ss"),
                'ł' => out.push('l'),
                'đ' | 'ð' => out.push('d'),
                'þ' => out.push_str("th"),
                'ı' => out.push('i'),
                _ => out.push(c),
            }
        }
        out
    };
    if code != "du" {
        return folded;
    }
    let mut out = String::with_capacity(folded.len());
    let mut chars = folded.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if matches!(c, 'a' | 'e' | 'o' | 'u') && chars.peek() == Some(&c) {
            chars.next();
        }
    }
    out
}

/// A short plain-text excerpt for the result list: `text` cut at a word boundary before
/// `max` characters, with "…" when cut. Whitespace runs collapse to one space.
pub(crate) fn excerpt(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if count + len + usize::from(count > 0) > max {
            if count == 0 {
                out.extend(word.chars().take(max));
            }
            out.push('…');
            return out;
        }
        if count > 0 {
            out.push(' ');
            count += 1;
        }
        out.push_str(word);
        count += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        Splitter::default().words(text, |w| out.push(w.to_string()));
        out
    }

    #[test]
    fn splits_at_punctuation_and_joins_compounds() {
        assert_eq!(
            words("Ny (wijk)begroting!"),
            ["ny", "wijk", "begroting", "wijkbegroting"]
        );
        assert_eq!(
            words("e-tjänster, 2020-2024"),
            ["e", "tjänster", "etjänster", "2020", "2024"]
        );
        assert_eq!(words("auto's en foto’s"), ["autos", "en", "fotos"]);
        assert_eq!(
            words("'Getinge' gång- och cykelväg"),
            ["getinge", "gång", "och", "cykelväg"]
        );
        assert_eq!(words("ÖSTER/väster 1.2"), ["öster", "väster", "1", "2"]);
    }

    #[test]
    fn normalises_to_nfc() {
        assert_eq!(words("Lo\u{308}ne"), ["löne"]);
    }

    #[test]
    fn loose_form_drops_accents_and_dutch_double_vowels() {
        assert_eq!(loose("sv", "Öster"), "oster");
        assert_eq!(loose("sv", "café"), "cafe");
        assert_eq!(loose("sv", "ærø"), "aero");
        assert_eq!(loose("du", "oversteekplaats"), "overstekplats");
        assert_eq!(loose("du", "aaa"), "aa");
        assert_eq!(loose("sv", "aaa"), "aaa");
    }

    #[test]
    fn excerpt_cuts_at_words() {
        assert_eq!(excerpt("en  två tre", 20), "en två tre");
        assert_eq!(excerpt("en två tre", 7), "en två…");
        assert_eq!(excerpt("abcdefgh", 4), "abcd…");
    }
}
