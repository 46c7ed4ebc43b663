//! Swedish-looking text: words, sentences, titles, paragraphs wrapped as editors wrap them, YAML
//! quoting, slugs as ambit makes them, and Markdown bodies with headings, lists, tables and links.

use std::fmt::Write as _;

use crate::rng::Rng;
use crate::words::{ADJECTIVES, FILLERS, HEADINGS, NOUNS, ORGS, VERBS};

pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

pub fn word(r: &mut Rng) -> &'static str {
    match r.below(10) {
        0..=3 => r.pick(NOUNS),
        4 => r.pick(ADJECTIVES),
        5 => r.pick(VERBS),
        _ => r.pick(FILLERS),
    }
}

/// A sentence of `lo..=hi` words.
pub fn sentence(r: &mut Rng, lo: i64, hi: i64) -> String {
    let n = r.range(lo, hi) as usize;
    let mut s = String::new();
    for i in 0..n {
        let w = word(r);
        if i == 0 {
            s.push_str(&capitalize(w));
        } else {
            s.push(' ');
            match r.below(40) {
                0 => write!(s, "**{w}**").unwrap(),
                1 => write!(s, "*{w}*").unwrap(),
                _ => s.push_str(w),
            }
            if i + 1 < n && r.chance(6) {
                s.push(',');
            }
        }
    }
    s.push('.');
    s
}

/// A plain sentence (no emphasis) for titles and summaries.
pub fn plain(r: &mut Rng, lo: i64, hi: i64) -> String {
    let n = r.range(lo, hi) as usize;
    let mut words = Vec::with_capacity(n);
    for _ in 0..n {
        words.push(word(r));
    }
    capitalize(&words.join(" "))
}

pub fn title(r: &mut Rng) -> String {
    format!(
        "{} {} {}",
        capitalize(r.pick(VERBS)),
        r.pick(ADJECTIVES),
        r.pick(NOUNS)
    )
}

pub fn paragraph(r: &mut Rng, sentences: usize) -> String {
    let mut p = String::new();
    for i in 0..sentences {
        if i > 0 {
            p.push(' ');
        }
        p.push_str(&sentence(r, 6, 16));
    }
    wrap(&p)
}

/// Wraps text at about 100 columns, as editors do.
pub fn wrap(text: &str) -> String {
    let mut out = String::new();
    let mut col = 0;
    for w in text.split(' ') {
        if col > 0 && col + w.len() > 100 {
            out.push('\n');
            col = 0;
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(w);
        col += w.chars().count();
    }
    out
}

/// YAML double-quoted scalar.
pub fn q(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// ASCII slug as ambit's `slugify` makes it.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' | 'á' | 'à' => 'a',
            'ö' | 'ó' => 'o',
            'é' | 'è' => 'e',
            'ü' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// Links an entity's body may carry: (text, target).
pub struct BodyLinks<'a> {
    pub internal: Vec<(&'a str, String)>,
}

/// A body of roughly `words` words: headings, paragraphs, a list, a table and links.
pub fn body(r: &mut Rng, words: usize, links: &BodyLinks) -> String {
    let mut b = String::new();
    let mut count = 0;
    let mut section = 0;
    let mut heads: Vec<&str> = Vec::new();
    while count < words {
        let mut h = r.pick(HEADINGS);
        while heads.contains(&h) && heads.len() < HEADINGS.len() {
            h = r.pick(HEADINGS);
        }
        heads.push(h);
        writeln!(b, "## {h}\n").unwrap();
        let n = r.range(3, 5) as usize;
        let p = paragraph(r, n);
        count += p.split_whitespace().count();
        writeln!(b, "{p}\n").unwrap();
        match section % 4 {
            0 => {
                for _ in 0..r.range(3, 5) {
                    let item = plain(r, 4, 9);
                    count += item.split_whitespace().count();
                    writeln!(b, "- {item}").unwrap();
                }
                b.push('\n');
            }
            1 => {
                writeln!(b, "| Del | Ansvar | År |\n| --- | --- | ---: |").unwrap();
                for _ in 0..r.range(3, 5) {
                    writeln!(
                        b,
                        "| {} | {} | {} |",
                        title(r),
                        r.pick(ORGS),
                        r.range(2021, 2030)
                    )
                    .unwrap();
                    count += 6;
                }
                b.push('\n');
            }
            2 => {
                let mut p = sentence(r, 6, 12);
                p.pop();
                write!(
                    p,
                    " – läs mer på [kommunens webbplats](https://example.org/{}/{}).",
                    slug(r.pick(NOUNS)),
                    r.below(1000)
                )
                .unwrap();
                if let Some((text, target)) =
                    links.internal.get(r.below(links.internal.len().max(1)))
                {
                    write!(p, " Se även [{text}]({target}).").unwrap();
                }
                count += p.split_whitespace().count();
                writeln!(b, "{}\n", wrap(&p)).unwrap();
            }
            _ => {
                let n = r.range(2, 4) as usize;
                let p = paragraph(r, n);
                count += p.split_whitespace().count();
                writeln!(b, "{p}\n").unwrap();
            }
        }
        section += 1;
    }
    b.truncate(b.trim_end().len());
    b.push('\n');
    b
}
