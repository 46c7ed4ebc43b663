//! The v2 keys that tie a programme to the rest of the municipality's work:
//! `documents` (governing documents an entity builds on, a web address or a
//! file under `files/`), `sdg` (the Agenda 2030 goals it contributes to), and
//! the front matter of a yearly follow-up report (`reports/<year>.md`). The
//! political will of a goal (v3) is read in `will.rs`.

use std::path::{Component, Path};

use crate::diag::{closest, Pos};
use crate::model::{Adopted, Document, Report};
use crate::parse::fields::{as_int, key_text, parse_partial_date, scalar_text, Reader};
use crate::yaml::{type_name, Value};

const DOCUMENT_KEYS: [&str; 5] = ["title", "url", "file", "kind", "adopted"];
/// The number of the UN's Sustainable Development Goals.
pub const SDG_COUNT: i64 = 17;

/// Reads `documents:`: a list of `{title, url}` or `{title, file}`, with optional `kind` and
/// `adopted`. A `file` must exist under a `files/` folder of the content.
pub fn read_documents(r: &mut Reader) -> Vec<Document> {
    let Some(v) = r.get("documents") else {
        return Vec::new();
    };
    let Value::Sequence(items) = v else {
        let pos = r.doc.key_pos("documents");
        r.error(pos, "`documents` must be a list").help.push(
            "write `documents:` then lines like `  - {title: Miljöprogram, url: https://…}`".into(),
        );
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| read_document(r, i, item))
        .collect()
}

/// Reads item `i` of `documents:`; None when it has an error.
fn read_document(r: &mut Reader, i: usize, item: &Value) -> Option<Document> {
    let pos = r.doc.item_pos("documents", i);
    let Value::Mapping(m) = item else {
        let found = type_name(item);
        r.error(
            pos,
            format!("each item of `documents` must be `{{title: …, url: …}}`, found {found}"),
        )
        .help
        .push(
            "for example `- {title: Grönstrukturplan, url: https://example.org/plan.pdf}`".into(),
        );
        return None;
    };
    check_document_keys(r, i, m);
    let text = |k: &str| m.get(k).filter(|v| !v.is_null()).and_then(scalar_text);
    let title = text("title").filter(|t| !t.trim().is_empty());
    let url = text("url").map(|u| u.trim().to_string());
    let file = text("file").map(|f| f.trim().to_string());
    let kind = text("kind");
    let adopted = text("adopted");
    let mut ok = true;
    if title.is_none() {
        r.error(pos, "a document in `documents` needs a `title`")
            .help
            .push("add `title: …`, the document's name as residents know it".into());
        ok = false;
    }
    ok &= check_document_address(r, i, pos, &url, &file);
    if let Some(a) = &adopted {
        if parse_partial_date(a).is_none() {
            let at = r.doc.item_sub_pos("documents", i, "adopted:");
            r.error(at, format!("`{a}` is not a valid date for `adopted`"))
                .help
                .push("write the date of adoption as `2021-05-04`".into());
            ok = false;
        }
    }
    ok.then(|| Document {
        title: title.unwrap_or_default(),
        url,
        file,
        kind,
        adopted,
    })
}

/// Every key of item `i` of `documents:` must be one a document takes.
fn check_document_keys(r: &mut Reader, i: usize, m: &crate::yaml::Mapping) {
    for k in m.keys() {
        let name = key_text(k);
        if !DOCUMENT_KEYS.contains(&name.as_str()) {
            let at = r.doc.item_sub_pos("documents", i, &format!("{name}:"));
            let d = r.error(at, format!("unknown key `{name}` in `documents`"));
            if let Some(s) = crate::diag::did_you_mean(&name, DOCUMENT_KEYS) {
                d.help.push(format!("did you mean `{s}`?"));
            }
            d.help
                .push(format!("a document takes: {}", DOCUMENT_KEYS.join(", ")));
        }
    }
}

/// A document has a web address or a file of the content, not both; false on an error.
fn check_document_address(
    r: &mut Reader,
    i: usize,
    pos: Pos,
    url: &Option<String>,
    file: &Option<String>,
) -> bool {
    match (url, file) {
        (None, None) => {
            let d = r.error(pos, "a document in `documents` needs `url` or `file`");
            d.help
                .push("add `url: https://…` where the document is published".into());
            d.help
                .push("or `file: <place>/files/<name>.pdf` for a file kept in the content".into());
            false
        }
        (Some(_), Some(_)) => {
            let at = r.doc.item_sub_pos("documents", i, "file:");
            r.error(at, "a document has either `url` or `file`, not both")
                .help
                .push("keep the one residents should open".into());
            false
        }
        (Some(u), None) => {
            if let Err(why) = crate::parse::urls::check(u, crate::parse::urls::Allow::Web) {
                let at = r.doc.item_sub_pos("documents", i, "url:");
                r.error(at, format!("`{u}` is not a web address: {why}"))
                    .help
                    .push("write a full address starting with https://, or use `file:` for a file under files/".into());
                false
            } else {
                true
            }
        }
        (None, Some(f)) => {
            let at = r.doc.item_sub_pos("documents", i, "file:");
            check_file(r, f, at)
        }
    }
}

/// Checks a document's `file`: relative, inside a `files/` folder, and present.
fn check_file(r: &mut Reader, file: &str, at: Pos) -> bool {
    let path = Path::new(file);
    let parts: Vec<&str> = file.split('/').collect();
    let plain =
        path.components().all(|c| matches!(c, Component::Normal(_))) && !file.contains('\\');
    let in_files = parts.first() == Some(&"files") || parts.get(1) == Some(&"files");
    if !plain || !in_files || parts.len() < 2 || parts.last().is_some_and(|p| p.is_empty()) {
        let d = r.error(
            at,
            format!("`{file}` is not a path under a `files/` folder"),
        );
        d.help.push(
            "write the path from the content folder, e.g. `vaggeryd/files/miljoprogram.pdf` or `files/plan.pdf`"
                .into(),
        );
        return false;
    }
    let Some(root) = r.root.clone() else {
        return true;
    };
    let full = root.join(file);
    if full.is_file() {
        return true;
    }
    let shown = full.to_string_lossy().replace('\\', "/");
    let d = r.error(at, format!("document file `{file}` does not exist"));
    d.help.push(format!("no file at {shown}"));
    let dir = full.parent().map(Path::to_path_buf);
    let names: Vec<String> = dir
        .and_then(|d| std::fs::read_dir(d).ok())
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| e.path().is_file())
                .map(|e| e.file_name().to_string_lossy().to_string())
                .collect()
        })
        .unwrap_or_default();
    let name = parts.last().copied().unwrap_or_default();
    match closest(name, names.iter().map(String::as_str), 1).first() {
        Some(s) => {
            let fixed = format!("{}/{s}", parts[..parts.len() - 1].join("/"));
            d.help.push(format!("did you mean `{fixed}`?"));
        }
        None => d
            .help
            .push("put the file in that folder, or correct the path".into()),
    }
    false
}

/// Reads `sdg:`: whole numbers 1 to 17 (a single number is accepted too).
pub fn read_sdg(r: &mut Reader) -> Vec<u8> {
    let Some(v) = r.get("sdg") else {
        return Vec::new();
    };
    let items: Vec<(usize, &Value)> = match v {
        Value::Sequence(items) => items.iter().enumerate().collect(),
        other => vec![(0, other)],
    };
    let listed = matches!(v, Value::Sequence(_));
    let mut out = Vec::new();
    // How often each text came before: the item's occurrence among equal ones.
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    for (i, item) in items {
        let text = scalar_text(item).unwrap_or_else(|| type_name(item).to_string());
        let nth = {
            let n = seen.entry(text.clone()).or_default();
            *n += 1;
            *n - 1
        };
        let pos = if listed {
            r.doc
                .item_token_pos("sdg", &text, nth)
                .unwrap_or_else(|| r.doc.item_pos("sdg", i))
        } else {
            r.doc.scalar_pos("sdg")
        };
        match as_int(item).filter(|n| (1..=SDG_COUNT).contains(n)) {
            Some(n) => out.push(n as u8),
            None => {
                let d = r.error(
                    pos,
                    format!(
                        "`{text}` in `sdg` is not a global goal: the goals are numbered 1 to 17"
                    ),
                );
                d.help.push(
                    "write the numbers of the Agenda 2030 goals, e.g. `sdg: [11, 13]`".into(),
                );
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Reads a yearly report (`reports/<year>.md`); the year comes from the file name.
pub fn read_report(r: &mut Reader, id: &str) -> Option<Report> {
    let year = id
        .parse::<i32>()
        .ok()
        .filter(|y| (1000..=9999).contains(y) && id.len() == 4);
    if year.is_none() {
        r.error(
            Pos::new(1, 1),
            format!("report file name `{id}.md` is not a year"),
        )
        .help
        .push("name the report after the year it follows up, e.g. `reports/2024.md`".into());
    }
    let published = r.date("published");
    if r.get("published").is_none() {
        r.error(Pos::new(1, 1), "missing required key `published`")
            .help
            .push("add `published: YYYY-MM-DD`, the date the report was published".into());
    }
    let adopted = r.sub_map("adopted", &["by", "on"]).map(|m| Adopted {
        by: r.sub_text("adopted", m, "by"),
        on: r.sub_text("adopted", m, "on"),
    });
    if let Some(on) = adopted.as_ref().and_then(|a| a.on.as_deref()) {
        if parse_partial_date(on).is_none() {
            let pos = r.doc.value_pos("adopted", "on:");
            r.error(pos, format!("`{on}` is not a valid date for `adopted.on`"))
                .help
                .push("write the date of the decision as `2025-04-01`".into());
        }
    }
    Some(Report {
        year: year?,
        published: published?,
        adopted,
    })
}
