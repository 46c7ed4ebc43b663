//! Checks the relative links and images of every body against the content
//! tree: a link to a content `.md` file must name an entity that exists and
//! is published, a link into a `files/` folder a file that exists. Each
//! mistake is an error at the link's line and column, with the close path the
//! editor probably meant, or the form that counts from the file when the link
//! was written counting from the published page.

use std::collections::HashMap;
use std::path::Path;

use crate::diag::Diagnostic;
use crate::model::BodyLink;
use crate::model::{Entity, EntityKind};
use crate::parse::Parsed;
use crate::util::paths::{dir_of, normalise, page_path, relative_path};

/// What a content-relative path is on the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// A page that is published.
    Page,
    /// An entity that is a draft (or in a draft place).
    Draft,
    /// A file of a `files/` folder, or a folder the site publishes.
    File,
    /// A file that exists but is not published (`site.yaml`, a folder without a page).
    Unpublished,
    /// A content file that failed to parse (already reported).
    Unreadable,
    Missing,
}

struct Tree<'a> {
    root: &'a Path,
    /// Source path of every parsed entity → draft (its own or its place's).
    pages: HashMap<&'a str, bool>,
    places: Vec<&'a str>,
    /// Every candidate target, for suggestions; filled on first use.
    candidates: std::cell::OnceCell<Vec<String>>,
}

impl Tree<'_> {
    fn classify(&self, target: &str) -> Target {
        let t = target.trim_end_matches('/');
        if let Some(&draft) = self.pages.get(t) {
            return if draft { Target::Draft } else { Target::Page };
        }
        let path = self.root.join(t);
        let parts: Vec<&str> = t.split('/').collect();
        let in_files = parts.first() == Some(&"files")
            || (parts.len() > 1 && parts[1] == "files" && self.places.contains(&parts[0]));
        if path.is_file() {
            if in_files {
                Target::File
            } else if t.ends_with(".md") {
                Target::Unreadable
            } else {
                Target::Unpublished
            }
        } else if path.is_dir() {
            let published = t.is_empty()
                || (parts.len() == 1 && self.places.contains(&parts[0]))
                || (parts.len() == 2
                    && self.places.contains(&parts[0])
                    && parts[1] == EntityKind::Action.folder());
            if published || in_files && parts.len() > 1 {
                Target::File
            } else {
                Target::Unpublished
            }
        } else {
            Target::Missing
        }
    }

    fn works(&self, target: &str) -> bool {
        matches!(self.classify(target), Target::Page | Target::File)
    }

    fn candidates(&self) -> &[String] {
        self.candidates.get_or_init(|| {
            let mut out: Vec<String> = self.pages.keys().map(|s| s.to_string()).collect();
            let dirs = std::iter::once("files".to_string())
                .chain(self.places.iter().map(|p| format!("{p}/files")));
            for dir in dirs {
                for entry in walkdir::WalkDir::new(self.root.join(&dir))
                    .follow_links(false)
                    .into_iter()
                    .filter_map(Result::ok)
                    .filter(|e| e.file_type().is_file())
                {
                    if let Ok(rel) = entry.path().strip_prefix(self.root) {
                        out.push(rel.to_string_lossy().replace('\\', "/"));
                    }
                }
            }
            out.sort();
            out
        })
    }

    /// The published target closest to `target`, if one is close.
    fn closest(&self, target: &str) -> Option<&str> {
        let limit = (target.chars().count() / 5).max(2);
        self.candidates()
            .iter()
            .filter(|c| self.pages.get(c.as_str()) != Some(&true))
            .map(|c| (strsim::levenshtein(target, c), c.as_str()))
            .filter(|(d, _)| *d <= limit)
            .min()
            .map(|(_, c)| c)
    }
}

/// Checks every body link of every parsed entity.
pub(super) fn check(parsed: &Parsed, diags: &mut Vec<Diagnostic>) {
    let mut pages = HashMap::new();
    for p in &parsed.places {
        let place_draft = p.programme.as_ref().is_some_and(|e| e.common.draft);
        for e in p.programme.iter().chain(&p.entities) {
            pages.insert(e.common.source.as_str(), place_draft || e.common.draft);
        }
    }
    let tree = Tree {
        root: &parsed.content_dir,
        places: parsed.places.iter().map(|p| p.id.as_str()).collect(),
        pages,
        candidates: std::cell::OnceCell::new(),
    };
    for p in &parsed.places {
        let place_draft = p.programme.as_ref().is_some_and(|e| e.common.draft);
        for e in p.programme.iter().chain(&p.entities) {
            let from_draft = place_draft || e.common.draft;
            for link in &e.common.body_links {
                if let Some(d) = check_link(&tree, e, from_draft, link) {
                    diags.push(d);
                }
            }
        }
    }
}

fn check_link(tree: &Tree, e: &Entity, from_draft: bool, link: &BodyLink) -> Option<Diagnostic> {
    let what = if link.image { "image" } else { "link" };
    let written = &link.written;
    let err = |msg: String| Diagnostic::error(&e.common.display_path, link.pos, msg);
    let Some(target) = &link.target else {
        return Some(
            err(format!(
                "{what} `{written}` points outside the content folder"
            ))
            .with_help("relative links count from the file they are written in; link to a page or a file of `files/` inside the content folder")
            .with_help("for another website, write the full address: `https://…`"),
        );
    };
    let source = &e.common.source;
    let dir = dir_of(source);
    let suffix = written.find(['?', '#']).map_or("", |i| &written[i..]);
    let written_form = |to: &str| format!("{}{suffix}", relative_path(dir, to));
    let kind = tree.classify(target);
    let d = match kind {
        Target::Page | Target::File | Target::Unreadable => return None,
        Target::Draft if from_draft => return None,
        Target::Draft => err(format!("{what} `{written}`: `{target}` is a draft and is not published"))
            .with_help("publish it (remove `draft: true`), or remove the link until it is published"),
        Target::Unpublished => err(format!("{what} `{written}`: `{target}` is not published on the site"))
            .with_help("link to a page's `.md` file, or put the file in a `files/` folder (`files/` of the place or of the site) and link to it there"),
        Target::Missing => {
            let mut d = err(format!("{what} `{written}`: `{target}` does not exist"))
                .with_help("relative links and images count from the file they are written in, as in the forge's preview");
            let page_form = format!("{}.md", target.trim_end_matches('/'));
            if !target.ends_with(".md") && tree.works(&page_form) {
                d = d.with_help(format!("link to the page's file: `{}`", written_form(&page_form)));
            } else if let Some(old) = old_form(source, written).filter(|t| tree.works(t)) {
                d = d.with_help(format!(
                    "`{written}` counts from the published page; counted from this file it is `{}`",
                    written_form(&old)
                ));
            } else if let Some(close) = tree.closest(target) {
                d = d.with_help(format!("did you mean `{}`?", written_form(close)));
            }
            d
        }
    };
    Some(d)
}

/// The target of `written` counted from the folder the page of `source` is
/// published in (the form links had before they counted from the file), or a
/// page's `.md` file where that form names a page folder.
fn old_form(source: &str, written: &str) -> Option<String> {
    let page_dir = page_path(source);
    let path = written.split(['?', '#']).next().unwrap_or_default();
    let joined = format!("{page_dir}/{path}");
    let (parts, escapes) = normalise(&joined);
    if escapes {
        return None;
    }
    let t = parts.join("/");
    let old = percent_encoding::percent_decode_str(&t)
        .decode_utf8_lossy()
        .into_owned();
    let parts: Vec<&str> = old.split('/').collect();
    let is_page_dir =
        !old.ends_with(".md") && !old.contains('.') && (parts.len() == 1 || parts.len() == 3);
    Some(match parts.as_slice() {
        [place] if is_page_dir => format!("{place}/programme.md"),
        _ if is_page_dir => format!("{old}.md"),
        _ => old,
    })
}
