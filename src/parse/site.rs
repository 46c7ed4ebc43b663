//! Reads `site.yaml`: the site's title, language, base URL, theme, repository,
//! accessibility contact and the municipality's own terms.

use std::collections::BTreeMap;

use crate::diag::Diagnostic;
use crate::load::SourceFile;
use crate::model::{Cms, Lang, Repository, SiteConfig};
use crate::parse::fields::{key_text, scalar_text, Reader};
use crate::parse::urls;
use crate::yaml::{self, Value};

const KEYS: &[&str] = &[
    "title",
    "language",
    "base_url",
    "description",
    "theme",
    "repository",
    "accessibility",
    "terms",
    "cms",
];
/// Git forges Decap CMS can open pull requests on.
pub const CMS_BACKENDS: &[&str] = &["github", "gitlab", "gitea"];
const TERM_KINDS: &[&str] = &["area", "ambition", "strategy", "indicator", "action"];

/// Parses site.yaml; `base_url` may be overridden from the command line.
pub fn parse(
    src: &SourceFile,
    base_url_override: Option<&str>,
) -> (Option<SiteConfig>, Vec<Diagnostic>) {
    let doc = match yaml::parse_file(&src.text) {
        Ok(d) => d,
        Err(e) => {
            let d = Diagnostic::error(&src.display, e.pos, format!("invalid YAML: {}", e.message))
                .with_help("check indentation and that text with `:` or `#` is in quotes");
            return (None, vec![d]);
        }
    };
    let mut r = Reader::new(&doc, &src.display);
    r.check_keys(KEYS, "site.yaml");
    let title = r.text("title", Some("Utvecklingsprogram i …"));
    let language = r
        .choice("language", &Lang::ALL, true)
        .and_then(|l| Lang::parse(&l));
    let base_url = read_base_url(&mut r, base_url_override);
    let description = r.text("description", None);
    let theme = r.text("theme", None);
    check_theme_name(&mut r, theme.as_deref(), &src.display);
    let repository = read_repository(&mut r);
    let (accessibility_contact, accessibility_reviewed) = read_accessibility(&mut r);
    let terms = read_terms(&mut r);
    let cms = read_cms(&mut r, repository.is_some());
    let diags = r.diags;
    let (Some(title), Some(base_url)) = (title, base_url) else {
        return (None, diags);
    };
    if diags.iter().any(Diagnostic::is_error) {
        return (None, diags);
    }
    let cfg = SiteConfig {
        title,
        language,
        base_url,
        description,
        theme,
        repository,
        accessibility_contact,
        accessibility_reviewed,
        terms,
        cms,
    };
    (Some(cfg), diags)
}

/// `base_url`, or the one given on the command line, checked to be a web address or a path.
fn read_base_url(r: &mut Reader, base_url_override: Option<&str>) -> Option<String> {
    let base_url = match base_url_override {
        Some(b) => Some(b.to_string()),
        None => r.text("base_url", Some("https://example.org/program/")),
    };
    if let Some(b) = &base_url {
        let web = b.trim().starts_with('/') || urls::check(b, urls::Allow::Web).is_ok();
        if !web || base_path(b).is_none() {
            let pos = r.doc.scalar_pos("base_url");
            r.error(pos, format!("`{b}` is not a valid base_url"))
                .help
                .push("write the full address the site is served from, such as `https://example.org/program/`".into());
        }
    }
    base_url
}

/// A theme is named like an id, and must be a folder of `themes/`.
fn check_theme_name(r: &mut Reader, theme: Option<&str>, site_yaml: &std::path::Path) {
    let doc = r.doc;
    if let Some(t) = theme.filter(|t| !crate::load::is_valid_id(t)) {
        let pos = doc.scalar_pos("theme");
        r.error(pos, format!("`{t}` is not a valid theme name"))
            .help
            .push(
                "name a folder in themes/ beside the content folder, using a-z, 0-9 and `-`".into(),
            );
    } else if let Some(t) = theme {
        check_theme(r, doc.scalar_pos("theme"), t, site_yaml);
    }
}

/// `repository`: where the content is kept, for edit links and the browser editor.
fn read_repository(r: &mut Reader) -> Option<Repository> {
    let doc = r.doc;
    let m = r.sub_map("repository", &["url", "branch", "content_dir"])?;
    let url = r.sub_text("repository", m, "url");
    if url.is_none() {
        r.error(doc.key_pos("repository"), "`repository` needs `url`");
    }
    let url = url.and_then(|u| {
        let checked = urls::check(&u, urls::Allow::Web);
        if let Err(why) = &checked {
            let pos = doc.value_pos("repository", "url:");
            r.error(pos, format!("`repository.url` `{}`: {why}", u.trim()))
                .help
                .push("write the repository's web address, such as `https://github.com/<owner>/<name>`".into());
        }
        checked.ok()
    });
    Some(Repository {
        url: url?.trim_end_matches('/').to_string(),
        branch: r
            .sub_text("repository", m, "branch")
            .unwrap_or_else(|| "main".into()),
        content_dir: r
            .sub_text("repository", m, "content_dir")
            .unwrap_or_else(|| "content".into())
            .trim_matches('/')
            .to_string(),
    })
}

/// `accessibility`: the mail address for accessibility feedback and the date of review.
fn read_accessibility(r: &mut Reader) -> (Option<String>, Option<String>) {
    let doc = r.doc;
    let Some(m) = r.sub_map("accessibility", &["contact", "reviewed"]) else {
        return (None, None);
    };
    let contact = r
        .sub_text("accessibility", m, "contact")
        .map(|c| c.trim().to_string())
        .filter(|c| {
            let ok = urls::is_email(c);
            if !ok {
                let pos = doc.value_pos("accessibility", "contact:");
                r.error(
                    pos,
                    format!("`accessibility.contact` `{c}` is not a mail address"),
                )
                .help
                .push("write the address people write to, such as `webb@example.org`".into());
            }
            ok
        });
    let reviewed = r.sub_text("accessibility", m, "reviewed");
    (contact, reviewed)
}

fn read_cms(r: &mut Reader, has_repository: bool) -> Option<Cms> {
    let m = r.sub_map("cms", &["backend", "script", "local_backend"])?;
    let backend = r
        .sub_text("cms", m, "backend")
        .unwrap_or_else(|| "github".into());
    if !CMS_BACKENDS.contains(&backend.as_str()) {
        let pos = r.doc.value_pos("cms", "backend:");
        r.error(pos, format!("unknown cms backend `{backend}`"))
            .help
            .push(format!("use one of: {}", CMS_BACKENDS.join(", ")));
    }
    let script = r.sub_text("cms", m, "script");
    if let Some(s) = script.as_deref().filter(|s| !script_ok(s)) {
        let pos = r.doc.value_pos("cms", "script:");
        r.error(
            pos,
            format!("`cms.script` `{s}` is not an https:// address or a path of the site"),
        )
        .help
        .push("leave it out to use the copy of Decap CMS that the build writes to admin/".into());
    }
    let local_backend = match m.get("local_backend") {
        None => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => {
            let pos = r.doc.value_pos("cms", "local_backend:");
            r.error(pos, "`cms.local_backend` must be true or false");
            false
        }
    };
    if !has_repository {
        let pos = r.doc.key_pos("cms");
        r.error(pos, "`cms` needs `repository`: the repository the editor opens pull requests on")
            .help
            .push("add `repository: {url: https://github.com/<owner>/<name>, branch: main, content_dir: content}`".into());
    }
    Some(Cms {
        backend,
        script,
        local_backend,
    })
}

fn read_terms(r: &mut Reader) -> BTreeMap<String, BTreeMap<String, [String; 2]>> {
    let mut out = BTreeMap::new();
    let Some(Value::Mapping(langs)) = r.get("terms") else {
        if let Some(v) = r.get("terms") {
            let found = yaml::type_name(v);
            r.error(
                r.doc.key_pos("terms"),
                format!("`terms` must be a map of languages, found {found}"),
            );
        }
        return out;
    };
    for (lang, kinds) in langs {
        let lang = key_text(lang);
        let pos = r.doc.value_pos("terms", &format!("{lang}:"));
        if Lang::parse(&lang).is_none() {
            r.error(pos, format!("unknown language `{lang}` in `terms`"))
                .help
                .push("use sv, en or nl".into());
            continue;
        }
        let Value::Mapping(kinds) = kinds else {
            r.error(pos, format!("`terms.{lang}` must map area, ambition, strategy, indicator or action to [singular, plural]"));
            continue;
        };
        let mut per = BTreeMap::new();
        for (kind, words) in kinds {
            let kind = key_text(kind);
            let kpos = r.doc.value_pos("terms", &format!("{kind}:"));
            if !TERM_KINDS.contains(&kind.as_str()) {
                let sug = crate::diag::did_you_mean(&kind, TERM_KINDS.iter().copied());
                let d = r.error(kpos, format!("unknown term `{kind}`"));
                d.help.push(match sug {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("terms can rename: {}", TERM_KINDS.join(", ")),
                });
                continue;
            }
            match words {
                Value::Sequence(w)
                    if w.len() == 2 && w.iter().all(|x| scalar_text(x).is_some()) =>
                {
                    let s = scalar_text(&w[0]).unwrap_or_default();
                    let p = scalar_text(&w[1]).unwrap_or_default();
                    per.insert(kind, [s, p]);
                }
                _ => {
                    r.error(
                        kpos,
                        format!("`terms.{lang}.{kind}` must be [singular, plural]"),
                    )
                    .help
                    .push("for example `action: [inspanning, inspanningen]`".into());
                }
            }
        }
        out.insert(lang, per);
    }
    out
}

/// `cms.script`: an `https://` address, or a path of the site (`/…`, not `//…`), with nothing
/// that could end the attribute it is written into.
fn script_ok(s: &str) -> bool {
    let s = s.trim();
    match s.strip_prefix('/') {
        Some(rest) => {
            !rest.starts_with('/')
                && urls::check(&format!("https://example.org/{rest}"), urls::Allow::Web).is_ok()
        }
        None => s.starts_with("https://") && urls::check(s, urls::Allow::Web).is_ok(),
    }
}

/// The path of a base URL, always starting and ending with `/`; None when it is not an
/// `http(s)` URL with a host or a path starting with `/`, or when it climbs (`..`) or holds
/// characters that would end an HTML attribute.
pub fn base_path(base_url: &str) -> Option<String> {
    let b = base_url.trim();
    if b.contains("..") || b.contains(['"', '<', '>', '\'', ' ', '\\']) {
        return None;
    }
    let path = if b.starts_with('/') {
        b.split(['?', '#']).next().unwrap_or("/").to_string()
    } else {
        let u = url::Url::parse(b).ok()?;
        if !matches!(u.scheme(), "http" | "https") || u.host_str().is_none_or(str::is_empty) {
            return None;
        }
        u.path().to_string()
    };
    let mut p = path;
    if !p.ends_with('/') {
        p.push('/');
    }
    Some(p)
}

/// A theme that site.yaml names must exist and its templates parse, so that `check` fails
/// where `build` would: the error is at the `theme:` line.
fn check_theme(r: &mut Reader, pos: crate::diag::Pos, name: &str, site_yaml: &std::path::Path) {
    let content = site_yaml.parent().unwrap_or(std::path::Path::new("."));
    let dir = crate::theme::theme_dir(content, name);
    if !dir.is_dir() {
        if name != "default" {
            r.error(pos, format!("theme `{name}` not found: there is no folder {}", dir.display()))
                .help
                .push("create that folder with the theme's files, or remove `theme:` to use the default theme".into());
        }
        return;
    }
    let loaded = crate::theme::Theme::load(Some(name), content).and_then(|t| t.tera().map(|_| ()));
    if let Err(e) = loaded {
        r.error(pos, format!("theme `{name}` cannot be used: {}", e.message))
            .help
            .push(format!("fix the files in {}", dir.display()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths() {
        assert_eq!(
            base_path("https://example.org/program").as_deref(),
            Some("/program/")
        );
        assert_eq!(base_path("https://example.org").as_deref(), Some("/"));
        assert_eq!(
            base_path("http://127.0.0.1:8080/a/b/").as_deref(),
            Some("/a/b/")
        );
        assert_eq!(base_path("/sub/").as_deref(), Some("/sub/"));
        assert_eq!(base_path("example.org"), None);
        assert_eq!(base_path("https://x/\"><script>"), None);
        assert_eq!(base_path("https://x/a/../b"), None);
        assert_eq!(base_path("ftp://example.org/a"), None);
        assert_eq!(
            base_path("https://example.org/a?x=1#y").as_deref(),
            Some("/a/")
        );
    }
}
