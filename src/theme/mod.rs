//! The theme: the default theme built into the binary, with the files of a
//! site's own `themes/<name>/` (beside the content folder) laid over it file
//! by file. Provides the tera templates, static assets and UI strings.

pub mod i18n;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tera::Tera;

use crate::diag::Diagnostic;

include!(concat!(env!("OUT_DIR"), "/theme_files.rs"));

/// The merged files of the theme.
pub struct Theme {
    files: BTreeMap<String, Cow<'static, [u8]>>,
    /// Where each overriding file came from, for error messages.
    overrides: BTreeMap<String, PathBuf>,
    /// The templates, parsed on first use and kept (`serve` renders many times with one theme).
    tera: std::sync::OnceLock<Tera>,
}

impl Theme {
    /// The default theme with `themes/<name>/` next to `content_dir` laid over it.
    pub fn load(name: Option<&str>, content_dir: &Path) -> Result<Theme, Diagnostic> {
        let mut theme = Theme {
            files: DEFAULT_THEME
                .iter()
                .map(|(p, b)| (p.to_string(), Cow::Borrowed(*b)))
                .collect(),
            overrides: BTreeMap::new(),
            tera: std::sync::OnceLock::new(),
        };
        let Some(name) = name.filter(|n| *n != "default" || theme_dir(content_dir, n).is_dir())
        else {
            return Ok(theme);
        };
        let dir = theme_dir(content_dir, name);
        if !dir.is_dir() {
            return Err(
                Diagnostic::io(Some(&dir), format!("theme `{name}` not found")).with_help(format!(
                    "create {} or remove `theme:` from site.yaml",
                    dir.display()
                )),
            );
        }
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let entry =
                entry.map_err(|e| Diagnostic::io(Some(&dir), format!("cannot read theme: {e}")))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry
                .path()
                .strip_prefix(&dir)
                .unwrap_or(entry.path())
                .to_string_lossy()
                .replace('\\', "/");
            if rel.split('/').any(crate::load::is_ignored_name) {
                continue;
            }
            let bytes = std::fs::read(entry.path())
                .map_err(|e| Diagnostic::io(Some(entry.path()), format!("cannot read: {e}")))?;
            theme
                .overrides
                .insert(rel.clone(), entry.path().to_path_buf());
            theme.files.insert(rel, Cow::Owned(bytes));
        }
        Ok(theme)
    }

    /// A text file of the theme.
    pub fn text(&self, path: &str) -> Option<String> {
        self.files
            .get(path)
            .map(|b| String::from_utf8_lossy(b).into_owned())
    }

    /// Files under `static/`, with their path below it.
    pub fn statics(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files
            .iter()
            .filter_map(|(p, b)| p.strip_prefix("static/").map(|rel| (rel, b.as_ref())))
    }

    /// All templates, parsed once.
    pub fn tera(&self) -> Result<&Tera, Diagnostic> {
        if let Some(t) = self.tera.get() {
            return Ok(t);
        }
        let tera = self.parse_templates()?;
        Ok(self.tera.get_or_init(|| tera))
    }

    fn parse_templates(&self) -> Result<Tera, Diagnostic> {
        let mut tera = Tera::default();
        let templates: Vec<(String, String)> = self
            .files
            .iter()
            .filter_map(|(p, b)| {
                p.strip_prefix("templates/")
                    .map(|name| (name.to_string(), String::from_utf8_lossy(b).into_owned()))
            })
            .collect();
        tera.add_raw_templates(templates).map_err(|e| {
            let shown = self
                .overrides
                .keys()
                .find(|k| k.starts_with("templates/"))
                .cloned();
            Diagnostic::io(
                shown.as_deref().map(Path::new),
                format!("theme template error: {}", error_chain(&e)),
            )
        })?;
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.set_escape_fn(crate::util::escape::html);
        Ok(tera)
    }
}

/// The folder of the site's own theme `name`: `themes/<name>/` beside the content folder.
pub fn theme_dir(content_dir: &Path, name: &str) -> PathBuf {
    let parent = content_dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    parent.join("themes").join(name)
}

/// A tera error with all its causes on one line.
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut msg = e.to_string();
    let mut src = e.source();
    while let Some(s) = src {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        src = s.source();
    }
    msg
}
