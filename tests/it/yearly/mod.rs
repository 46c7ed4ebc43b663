//! The yearly follow-up, governing documents and Agenda 2030, checked on the Vaggeryd example
//! (`examples/vaggeryd/`): every expectation (years, completed dates, who was responsible,
//! `listed` years, indicator values, document references, goals) is read from its content
//! files, then looked for in the built pages. Then each kind of mistake in the new keys must
//! stop the build with `path:line:col: error:` naming the file.

use std::path::{Path, PathBuf};

use crate::common::{both, build, code, front_matter, Site, SUB_BASE, SUB_PREFIX};

mod git;
mod mistakes;
mod pages;

pub(super) fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/vaggeryd")
}

/// (place, kind folder, id, front matter, body) of every content file of the example.
pub(super) fn files(root: &Path) -> Vec<(String, String, String, serde_yaml::Value)> {
    let mut out = Vec::new();
    let mut places: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .flatten()
        .filter(|e| e.path().join("programme.md").is_file())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    places.sort();
    for place in places {
        let prog = std::fs::read_to_string(root.join(&place).join("programme.md")).unwrap();
        out.push((
            place.clone(),
            "programme".into(),
            place.clone(),
            front_matter(&prog),
        ));
        for kind in [
            "areas",
            "ambitions",
            "strategies",
            "indicators",
            "actions",
            "reports",
        ] {
            let Ok(rd) = std::fs::read_dir(root.join(&place).join(kind)) else {
                continue;
            };
            for f in rd.flatten() {
                let name = f.file_name().to_string_lossy().to_string();
                let Some(id) = name.strip_suffix(".md") else {
                    continue;
                };
                let text = std::fs::read_to_string(f.path()).unwrap();
                out.push((place.clone(), kind.into(), id.into(), front_matter(&text)));
            }
        }
    }
    out
}

pub(super) fn text(v: &serde_yaml::Value) -> Option<String> {
    match v {
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

pub(super) fn list(v: &serde_yaml::Value) -> Vec<String> {
    match v {
        serde_yaml::Value::Sequence(s) => s.iter().filter_map(text).collect(),
        other => text(other).into_iter().collect(),
    }
}

pub(super) fn built() -> Site {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = build(&example(), &out, Some(SUB_BASE));
    assert_eq!(code(&o), 0, "{}", both(&o));
    Site {
        tmp,
        out,
        prefix: SUB_PREFIX.into(),
        base_url: SUB_BASE.into(),
    }
}

/// The part of `html` from the element with `id` to the end of its section.
pub(super) fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id}"));
    let rest = &html[start..];
    let end = rest.find("</section>").unwrap_or(rest.len());
    &rest[..end]
}
