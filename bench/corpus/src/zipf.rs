//! A deterministic synthetic Swedish-like corpus for size and speed measurements of the search
//! index (the tests of this crate, `search_size`): word frequencies follow Zipf's law over 8,000
//! lemmas (a third of them compounds of two others), with Swedish inflection endings and 40 %
//! stop words, like running text.

use ambit::search::SearchDoc;

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn bits(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.bits() % n as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.bits() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const ONSETS: &[&str] = &[
    "b", "bl", "br", "d", "dr", "f", "fl", "fr", "g", "gl", "gr", "h", "j", "k", "kl", "kr", "l",
    "m", "n", "p", "pl", "pr", "r", "s", "sk", "sl", "sm", "sn", "sp", "st", "str", "sv", "t",
    "tr", "v", "", "",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "y", "å", "ä", "ö", "a", "e", "o"];
const CODAS: &[&str] = &[
    "", "", "n", "r", "l", "s", "t", "k", "g", "nd", "ng", "rt", "st", "ll", "mm", "ck", "ft",
];
const ENDINGS: &[&str] = &[
    "", "", "", "en", "er", "erna", "ar", "arna", "et", "ens", "a", "ande", "ning",
];
const STOP: &[&str] = &[
    "och", "i", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den", "har",
    "de", "inte", "om", "ett", "men", "vi", "kan", "så", "från", "alla", "över", "under",
];

pub struct Corpus {
    lemmas: Vec<String>,
    cdf: Vec<f64>,
    rng: Rng,
}

impl Corpus {
    pub fn new(seed: u64) -> Self {
        let mut rng = Rng::new(seed);
        let n = 8000;
        let mut lemmas: Vec<String> = Vec::with_capacity(n);
        while lemmas.len() < n {
            let w = if lemmas.len() > 300 && rng.below(3) == 0 {
                let a = rng.below(lemmas.len());
                let b = rng.below(lemmas.len());
                format!("{}{}", lemmas[a], lemmas[b])
            } else {
                let mut w = String::new();
                for _ in 0..1 + rng.below(3) {
                    w.push_str(ONSETS[rng.below(ONSETS.len())]);
                    w.push_str(VOWELS[rng.below(VOWELS.len())]);
                    w.push_str(CODAS[rng.below(CODAS.len())]);
                }
                w
            };
            if w.chars().count() >= 3 {
                lemmas.push(w);
            }
        }
        let mut cdf = Vec::with_capacity(n);
        let mut sum = 0.0;
        for r in 1..=n {
            sum += 1.0 / r as f64;
            cdf.push(sum);
        }
        for c in &mut cdf {
            *c /= sum;
        }
        Corpus { lemmas, cdf, rng }
    }

    pub fn word(&mut self) -> String {
        if self.rng.below(10) < 4 {
            return STOP[self.rng.below(STOP.len())].to_string();
        }
        let u = self.rng.unit();
        let i = self
            .cdf
            .partition_point(|&c| c < u)
            .min(self.lemmas.len() - 1);
        let ending = ENDINGS[self.rng.below(ENDINGS.len())];
        format!("{}{}", self.lemmas[i], ending)
    }

    /// `n` words of running text, with a capital after each full stop.
    pub fn text(&mut self, n: usize) -> String {
        let mut out = String::new();
        let mut cap = true;
        for i in 0..n {
            let w = self.word();
            if i > 0 {
                out.push(' ');
            }
            if cap {
                let mut c = w.chars();
                out.extend(c.next().into_iter().flat_map(char::to_uppercase));
                out.push_str(c.as_str());
            } else {
                out.push_str(&w);
            }
            cap = self.rng.below(12) == 0;
            if cap || i + 1 == n {
                out.push('.');
            }
        }
        out
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.rng.below(n)
    }
}

/// Owned page data for a [`SearchDoc`].
pub struct Page {
    pub title: String,
    pub kind: &'static str,
    pub status: Option<&'static str>,
    pub url: String,
    pub summary: String,
    pub body: String,
    pub tags: Vec<String>,
}

pub const KINDS: &[(&str, &str)] = &[
    ("action", "Åtgärd"),
    ("ambition", "Ambition"),
    ("strategy", "Strategi"),
    ("indicator", "Indikator"),
    ("area", "Område"),
];

/// `n` pages of a place, bodies of `body_words` words.
pub fn place(seed: u64, prefix: &str, n: usize, body_words: usize) -> Vec<Page> {
    let mut c = Corpus::new(seed);
    (0..n)
        .map(|i| {
            let (kind, _) = KINDS[if i % 2 == 0 { 0 } else { c.below(KINDS.len()) }];
            let (t, s) = (3 + c.below(5), 12 + c.below(14));
            let title = c.text(t).trim_end_matches('.').to_string();
            Page {
                url: format!("{prefix}{kind}s/sida-{i}/"),
                kind,
                status: (kind == "action")
                    .then(|| ["idea", "planned", "ongoing", "done"][c.below(4)]),
                summary: c.text(s),
                body: c.text(body_words),
                tags: (0..c.below(3)).map(|_| c.word()).collect(),
                title,
            }
        })
        .collect()
}

/// The pages as documents to index.
pub fn docs(pages: &[Page]) -> Vec<SearchDoc<'_>> {
    pages
        .iter()
        .map(|p| SearchDoc {
            title: &p.title,
            kind: p.kind,
            kind_label: KINDS.iter().find(|k| k.0 == p.kind).map_or("", |k| k.1),
            status: p.status,
            status_label: p.status.map(|s| match s {
                "idea" => "Idé",
                "planned" => "Planerad",
                "ongoing" => "Pågår",
                _ => "Genomförd",
            }),
            url: &p.url,
            summary: &p.summary,
            body: &p.body,
            tags: &p.tags,
            facts: "",
        })
        .collect()
}
