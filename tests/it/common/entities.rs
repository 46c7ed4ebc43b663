//! The fixture's own content, to derive what the output must hold: its entities with their
//! front matter, the published ones, the language of each place; positions in a text.

use std::collections::BTreeMap;

use super::fixture;

/// One content file of a fixture.
#[derive(Debug, Clone)]
pub struct Ent {
    pub place: String,
    /// Folder name: `areas`, `ambitions`, `strategies`, `indicators`, `actions`, or `programme`.
    pub kind: String,
    pub id: String,
    pub fm: serde_yaml::Value,
}

impl Ent {
    pub fn draft(&self) -> bool {
        self.fm["draft"].as_bool().unwrap_or(false)
    }
    pub fn str(&self, key: &str) -> Option<String> {
        match &self.fm[key] {
            serde_yaml::Value::String(s) => Some(s.clone()),
            serde_yaml::Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }
    pub fn title(&self) -> String {
        self.str("title").unwrap_or_default()
    }
    /// Folder of the entity's page relative to the output root.
    pub fn folder(&self) -> String {
        if self.kind == "programme" {
            self.place.clone()
        } else {
            format!("{}/{}/{}", self.place, self.kind, self.id)
        }
    }
    /// A reference from this entity resolved to (place, id).
    pub fn resolve(&self, r: &str) -> (String, String) {
        match r.split_once('/') {
            Some((p, i)) => (p.to_string(), i.to_string()),
            None => (self.place.clone(), r.to_string()),
        }
    }
    /// The entity's references under `key` (one or a list), resolved.
    pub fn refs(&self, key: &str) -> Vec<(String, String)> {
        match &self.fm[key] {
            serde_yaml::Value::String(s) => vec![self.resolve(s)],
            serde_yaml::Value::Sequence(v) => v
                .iter()
                .filter_map(|x| x.as_str())
                .map(|s| self.resolve(s))
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// The YAML front matter of a content file.
pub fn front_matter(text: &str) -> serde_yaml::Value {
    let text = text.trim_start_matches('\u{feff}');
    let rest = text.strip_prefix("---\n").expect("file starts with ---");
    let end = rest.find("\n---").expect("front matter closed");
    serde_yaml::from_str(&rest[..end + 1]).expect("front matter parses")
}

/// Every content file of a fixture, drafts included.
pub fn fixture_entities(name: &str) -> Vec<Ent> {
    let root = fixture(name);
    let mut out = Vec::new();
    let mut places: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir() && e.file_name() != "files")
        .collect();
    places.sort_by_key(|e| e.file_name());
    for p in places {
        let place = p.file_name().to_string_lossy().to_string();
        let prog = std::fs::read_to_string(p.path().join("programme.md")).expect("programme.md");
        out.push(Ent {
            place: place.clone(),
            kind: "programme".into(),
            id: place.clone(),
            fm: front_matter(&prog),
        });
        for kind in ["areas", "ambitions", "strategies", "indicators", "actions"] {
            let dir = p.path().join(kind);
            let Ok(rd) = std::fs::read_dir(&dir) else {
                continue;
            };
            let mut files: Vec<_> = rd.flatten().collect();
            files.sort_by_key(|e| e.file_name());
            for f in files {
                let name = f.file_name().to_string_lossy().to_string();
                let Some(id) = name.strip_suffix(".md") else {
                    continue;
                };
                let text = std::fs::read_to_string(f.path()).unwrap();
                out.push(Ent {
                    place: place.clone(),
                    kind: kind.into(),
                    id: id.into(),
                    fm: front_matter(&text),
                });
            }
        }
    }
    out
}

/// Published (non-draft) entities of a fixture.
pub fn published(name: &str) -> Vec<Ent> {
    fixture_entities(name)
        .into_iter()
        .filter(|e| !e.draft())
        .collect()
}

/// The language of each place: the programme's `language` or site.yaml's.
pub fn place_langs(name: &str) -> BTreeMap<String, String> {
    let site_lang = {
        let text = std::fs::read_to_string(fixture(name).join("site.yaml")).unwrap();
        let v: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        v["language"].as_str().unwrap().to_string()
    };
    fixture_entities(name)
        .into_iter()
        .filter(|e| e.kind == "programme")
        .map(|e| {
            let lang = e.str("language").unwrap_or_else(|| site_lang.clone());
            (e.place, lang)
        })
        .collect()
}

/// Line and column (1-based, in characters) of the first `needle` in `text`.
pub fn pos_of(text: &str, needle: &str) -> (usize, usize) {
    let i = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in:\n{text}"));
    let before = &text[..i];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}
