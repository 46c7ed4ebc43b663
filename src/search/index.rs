//! Page terms and the elasticlunr-rs index made of them.

use std::rc::Rc;

use elasticlunr::pipeline::PipelineFn;
use elasticlunr::{IndexBuilder, Language, Pipeline};

use super::analyzer::{language, Analyzer, FastMap};
use super::{json, SearchDoc, FIELDS};

/// A page's terms: title, tags, summary as space-separated terms; the body as its distinct
/// new terms with their counts, in order of first occurrence.
pub(crate) struct Terms {
    fixed: [String; 3],
    pub(crate) body: Vec<(Rc<str>, u32)>,
}

pub(crate) fn analyze(code: &str, docs: &[SearchDoc]) -> Vec<Terms> {
    const FIXED: usize = usize::MAX;
    let mut analyzer = Analyzer::new(code);
    // term → its place in `body`, or FIXED when it is in title, tags or summary
    let mut seen: FastMap<Rc<str>, usize> = FastMap::default();
    docs.iter()
        .map(|doc| {
            seen.clear();
            let mut fixed: [String; 3] = Default::default();
            let mut add = |text: &str, out: &mut String| {
                analyzer.each_term(text, |t| {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(&t);
                    seen.insert(t, FIXED);
                })
            };
            let [title, tags, summary] = &mut fixed;
            add(doc.title, title);
            for tag in doc.tags {
                add(tag, tags);
            }
            add(doc.kind_label, tags);
            add(doc.status_label.unwrap_or(""), tags);
            add(doc.summary, summary);
            let mut body: Vec<(Rc<str>, u32)> = Vec::new();
            analyzer.each_term(doc.body, |t| match seen.get(&t) {
                Some(&FIXED) => {}
                Some(&i) => body[i].1 += 1,
                None => {
                    seen.insert(t.clone(), body.len());
                    body.push((t, 1));
                }
            });
            Terms { fixed, body }
        })
        .collect()
}

pub(crate) fn serialize(
    code: &str,
    docs: &[SearchDoc],
    pages: &[Terms],
    cap: usize,
    excerpt: usize,
) -> String {
    let mut index = IndexBuilder::with_language(Box::new(Prestemmed(language(code))))
        .save_docs(false)
        .set_ref("id")
        .add_fields(FIELDS.iter().map(|f| f.0))
        .build();
    let mut body = String::new();
    for (i, page) in pages.iter().enumerate() {
        body.clear();
        for (t, n) in page.body.iter().take(cap) {
            for _ in 0..*n {
                if !body.is_empty() {
                    body.push(' ');
                }
                body.push_str(t);
            }
        }
        let [title, tags, summary] = &page.fixed;
        index.add_doc(&i.to_string(), [title, tags, summary, &body]);
    }
    let mut out = json::round_tf(&json::strip_empty_nodes(&index.to_json()));
    json::append_extra(&mut out, code, docs, excerpt);
    out
}

/// The language as the index records it, for text that [`Analyzer`] has already turned into
/// space-separated terms: splits at spaces, and its pipeline keeps the names of the real one
/// (`trimmer-sv`, `stopWordFilter-sv`, `stemmer-sv`) while passing terms through unchanged.
struct Prestemmed(Box<dyn Language>);

impl Language for Prestemmed {
    fn name(&self) -> String {
        self.0.name()
    }

    fn code(&self) -> String {
        self.0.code()
    }

    fn tokenize(&self, text: &str) -> Vec<String> {
        text.split(' ')
            .filter(|t| !t.is_empty())
            .map(String::from)
            .collect()
    }

    fn make_pipeline(&self) -> Pipeline {
        let real = self.0.make_pipeline().queue;
        let queue = real
            .iter()
            .map(|f| Box::new(Named(f.name())) as Box<dyn PipelineFn>);
        Pipeline {
            queue: queue.collect(),
        }
    }
}

struct Named(String);

impl PipelineFn for Named {
    fn name(&self) -> String {
        self.0.clone()
    }

    fn filter(&self, token: String) -> Option<String> {
        Some(token)
    }
}

/// A serialized index cut around the body field's trie (`{"root":…}`): fields are written in
/// name order, body first, and terms hold no quotes. All in `before` if there is no body.
pub(crate) fn split_at_body(json: &str) -> (&str, &str, &str) {
    const START: &str = "\"index\":{\"body\":";
    const END: &str = ",\"summary\":{\"root\":";
    let Some(a) = json.find(START).map(|i| i + START.len()) else {
        return (json, "", "");
    };
    match json[a..].find(END) {
        Some(len) => (&json[..a], &json[a..a + len], &json[a + len..]),
        None => (json, "", ""),
    }
}
