//! Helpers shared by the integration tests: run the `ambit` binary on a fixture or on
//! [`Content`] made for the test, read the site it writes, read its HTML with an HTML5 parser
//! (elements by CSS selector, links, ids), run git at fixed dates, and read the fixture's own
//! front matter to derive what the output must contain.

#![allow(dead_code)]

use std::cell::Cell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Once, RwLock, RwLockReadGuard, RwLockWriteGuard};

/// The date every test builds for, so that "late" and feeds are stable.
pub const TODAY: &str = "2026-06-01";

/// A base URL with a sub-path, so that every link must carry the prefix.
pub const SUB_BASE: &str = "http://127.0.0.1:1/sub/path/";
pub const SUB_PREFIX: &str = "/sub/path/";

/// `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The binary under test with a fixed date and no colours.
pub fn ambit_cmd() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_ambit"));
    c.env("AMBIT_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .env_remove("RUST_LOG");
    c
}

/// Runs `ambit <args>` in `cwd` (in its [`shared`] turn).
pub fn ambit_in(cwd: &Path, args: &[&str]) -> Output {
    let _turn = shared();
    ambit_cmd()
        .current_dir(cwd)
        .args(args)
        .output()
        .expect("run ambit")
}

/// Sets `AMBIT_TODAY` to [`TODAY`] in this process, once, for the tests that build in process
/// (the `ambit` children get it from [`ambit_cmd`]). Every caller sets the same value, and the
/// variable is written once only, so no test sees it change.
pub fn fixed_today() {
    static SET: Once = Once::new();
    SET.call_once(|| std::env::set_var("AMBIT_TODAY", TODAY));
}

// ---------------------------------------------------------------------------
// Turns: every test runs in a thread of one process. A test that measures time runs
// `alone()`; whatever builds (an `ambit` child, a build in process) runs in a `shared()` turn,
// so that the machine is not busy with other tests while a time is measured.

static TURNS: RwLock<()> = RwLock::new(());

thread_local! {
    /// Whether this thread holds a turn already (turns do not nest: the inner one is free).
    static HOLDS: Cell<bool> = const { Cell::new(false) };
}

/// A turn; dropping it ends it.
pub enum Turn {
    Shared(RwLockReadGuard<'static, ()>),
    Alone(RwLockWriteGuard<'static, ()>),
    /// Inside a turn this thread already holds.
    Nested,
}

impl Drop for Turn {
    fn drop(&mut self) {
        if !matches!(self, Turn::Nested) {
            HOLDS.with(|h| h.set(false));
        }
    }
}

/// A turn beside other shared turns, waiting while a test runs alone.
pub fn shared() -> Turn {
    if HOLDS.with(Cell::get) {
        return Turn::Nested;
    }
    let g = TURNS.read().unwrap_or_else(|e| e.into_inner());
    HOLDS.with(|h| h.set(true));
    Turn::Shared(g)
}

/// The only turn: waits until no other test builds, and keeps others from starting.
pub fn alone() -> Turn {
    assert!(
        !HOLDS.with(Cell::get),
        "alone() inside a turn: take it first, before anything builds"
    );
    let g = TURNS.write().unwrap_or_else(|e| e.into_inner());
    HOLDS.with(|h| h.set(true));
    Turn::Alone(g)
}

/// Runs `ambit <args>` in the crate root.
pub fn ambit(args: &[&str]) -> Output {
    ambit_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

pub fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

/// Stdout and stderr of a run, for assertion messages.
pub fn both(o: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout\n{}\n--- stderr\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Runs `ambit build` and returns the output.
pub fn build(content: &Path, output: &Path, base_url: Option<&str>) -> Output {
    let mut args = vec![
        "build".to_string(),
        "--content".into(),
        content.display().to_string(),
        "--output".into(),
        output.display().to_string(),
    ];
    if let Some(b) = base_url {
        args.push("--base-url".into());
        args.push(b.into());
    }
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    ambit(&refs)
}

/// A site built into a temporary folder.
pub struct Site {
    pub tmp: tempfile::TempDir,
    pub out: PathBuf,
    /// base_url's path: every internal link starts with it.
    pub prefix: String,
    pub base_url: String,
}

/// Builds fixture `name` (with `base_url` overriding site.yaml's when given); panics unless exit 0.
pub fn build_fixture(name: &str, base_url: Option<&str>) -> Site {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    let o = build(&fixture(name), &out, base_url);
    assert_eq!(code(&o), 0, "building fixture {name} failed:\n{}", both(&o));
    let base_url = base_url
        .map(str::to_string)
        .unwrap_or_else(|| site_yaml_base_url(&fixture(name)));
    let prefix = url_path(&base_url);
    Site {
        tmp,
        out,
        prefix,
        base_url,
    }
}

fn site_yaml_base_url(content: &Path) -> String {
    let text = std::fs::read_to_string(content.join("site.yaml")).expect("site.yaml");
    let v: serde_yaml::Value = serde_yaml::from_str(&text).expect("site.yaml parses");
    v["base_url"].as_str().expect("base_url").to_string()
}

/// The path part of a URL, ending in `/`.
pub fn url_path(url: &str) -> String {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let mut p = match rest.find('/') {
        Some(i) => rest[i..].to_string(),
        None => "/".to_string(),
    };
    if !p.ends_with('/') {
        p.push('/');
    }
    p
}

impl Site {
    pub fn path(&self, rel: &str) -> PathBuf {
        self.out.join(rel)
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.path(rel).is_file()
    }

    /// A file of the site as text; panics with the path when missing.
    pub fn read(&self, rel: &str) -> String {
        let p = self.path(rel);
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
    }

    /// A page by its folder (`kommun/actions/x`), i.e. `<folder>/index.html`.
    pub fn page(&self, folder: &str) -> String {
        let rel = if folder.is_empty() {
            "index.html".to_string()
        } else {
            format!("{}/index.html", folder.trim_end_matches('/'))
        };
        self.read(&rel)
    }

    /// All files of the output, relative with `/`, sorted.
    pub fn files(&self) -> Vec<String> {
        list_files(&self.out)
    }

    /// All HTML files with their text.
    pub fn html_files(&self) -> Vec<(String, String)> {
        self.files()
            .into_iter()
            .filter(|f| f.ends_with(".html"))
            .map(|f| {
                let t = self.read(&f);
                (f, t)
            })
            .collect()
    }

    /// The URL path of a page folder: prefix + `folder/`.
    pub fn url(&self, folder: &str) -> String {
        if folder.is_empty() {
            self.prefix.clone()
        } else {
            format!("{}{}/", self.prefix, folder.trim_matches('/'))
        }
    }

    /// The output file an internal URL path points at, when it starts with the prefix.
    pub fn target_of(&self, url: &str) -> Option<PathBuf> {
        let path = url.split(['#', '?']).next().unwrap_or("");
        let rest = path
            .strip_prefix(&self.prefix)
            .or_else(|| (path.to_string() + "/" == self.prefix).then_some(""))?;
        let rest = percent_decode(rest);
        let p = self.out.join(&rest);
        if rest.is_empty() || rest.ends_with('/') || p.is_dir() {
            Some(p.join("index.html"))
        } else {
            Some(p)
        }
    }
}

/// Content for one test, as `content/` in a temporary folder: a copy of a fixture (or of the
/// repository's own `content/`) or nothing, then files written and edited in place. Commands run
/// from the temporary folder with `--content content`, so that paths are printed as a user types
/// them (`content/kommun/…`).
///
/// ```ignore
/// let c = Content::fixture("multi")
///     .with("kommun/actions/ny.md", "---\ntitle: Ny\n---\n")
///     .replaced("site.yaml", "language: sv", "language: en");
/// let (code, report) = c.check();
/// ```
pub struct Content {
    pub tmp: tempfile::TempDir,
}

impl Content {
    /// An empty `content/`.
    pub fn empty() -> Content {
        let tmp = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(tmp.path().join("content")).expect("mkdir content");
        Content { tmp }
    }

    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Content {
        Content::copy_of(&fixture(name))
    }

    /// A copy of the repository's `content/`.
    pub fn repo() -> Content {
        Content::copy_of(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"))
    }

    /// A copy of the folder `src`.
    pub fn copy_of(src: &Path) -> Content {
        let tmp = tempfile::tempdir().expect("tempdir");
        copy_dir(src, &tmp.path().join("content"));
        Content { tmp }
    }

    /// The temporary folder (holding `content/`), where commands run.
    pub fn root(&self) -> &Path {
        self.tmp.path()
    }

    /// The `content/` folder.
    pub fn dir(&self) -> PathBuf {
        self.tmp.path().join("content")
    }

    /// A path below `content/`.
    pub fn file(&self, rel: &str) -> PathBuf {
        self.dir().join(rel)
    }

    /// A file below `content/` as text; panics with the path when missing.
    pub fn read(&self, rel: &str) -> String {
        let p = self.file(rel);
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
    }

    /// With a file written below `content/` (see [`Content::write`]).
    pub fn with(self, rel: &str, text: impl AsRef<[u8]>) -> Content {
        self.write(rel, text);
        self
    }

    /// With the one occurrence of `from` in `rel` replaced (see [`Content::replace`]).
    pub fn replaced(self, rel: &str, from: &str, to: &str) -> Content {
        self.replace(rel, from, to);
        self
    }

    /// Writes a file below `content/`, with the folders it needs.
    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) {
        let p = self.file(rel);
        std::fs::create_dir_all(p.parent().expect("a parent")).expect("mkdir");
        std::fs::write(&p, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", p.display()));
    }

    /// Replaces the one occurrence of `from` in `rel` (panics unless it occurs exactly once);
    /// returns the new text.
    pub fn replace(&self, rel: &str, from: &str, to: &str) -> String {
        let text = self.read(rel);
        assert_eq!(text.matches(from).count(), 1, "`{from}` once in {rel}");
        let new = text.replacen(from, to, 1);
        self.write(rel, &new);
        new
    }

    /// The 1-based line and column (in characters) of the first `needle` in `rel`.
    pub fn pos(&self, rel: &str, needle: &str) -> (usize, usize) {
        pos_of(&self.read(rel), needle)
    }

    /// Runs `ambit <args>` in the temporary folder.
    pub fn run(&self, args: &[&str]) -> Output {
        ambit_in(self.root(), args)
    }

    /// `ambit check --content content`: exit code and both streams.
    pub fn check(&self) -> (i32, String) {
        let o = self.run(&["check", "--content", "content"]);
        (code(&o), both(&o))
    }
}

/// All files below `dir`, relative with `/`, sorted.
pub fn list_files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.expect("walk");
        if e.file_type().is_file() {
            out.push(
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
            );
        }
    }
    out
}

/// Every file and folder below `dir` with its bytes and modification time, to
/// compare a tree before and after a command byte for byte.
pub fn snapshot(dir: &Path) -> BTreeMap<String, (Option<Vec<u8>>, Option<std::time::SystemTime>)> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.expect("walk");
        let rel = e
            .path()
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let meta = e.metadata().expect("metadata");
        if e.file_type().is_file() {
            out.insert(
                rel,
                (
                    Some(std::fs::read(e.path()).expect("read")),
                    meta.modified().ok(),
                ),
            );
        } else {
            out.insert(format!("{rel}/"), (None, None));
        }
    }
    out
}

/// Copies a folder tree.
pub fn copy_dir(src: &Path, dst: &Path) {
    for e in walkdir::WalkDir::new(src).sort_by_file_name() {
        let e = e.expect("walk");
        let rel = e.path().strip_prefix(src).unwrap();
        let to = dst.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).expect("mkdir");
        } else {
            std::fs::copy(e.path(), &to).expect("copy");
        }
    }
}

pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

// ---------------------------------------------------------------------------
// HTML read with an HTML5 parser (`scraper`, html5ever), as a browser reads it.

/// One element.
#[derive(Debug, Clone)]
pub struct Tag {
    /// Lower-case name.
    pub name: String,
    /// Lower-case attribute names (`xlink:href` with its prefix) with their decoded values,
    /// as the parser keeps them (of a repeated attribute, the first).
    pub attrs: Vec<(String, String)>,
    /// The text inside the element (of a `<script>`, its inline body).
    pub text: String,
}

impl Tag {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

fn tag_of(e: scraper::ElementRef) -> Tag {
    let v = e.value();
    Tag {
        name: v.name().to_string(),
        attrs: v
            .attrs
            .iter()
            .map(|(q, val)| {
                let name = match &q.prefix {
                    Some(p) => format!("{p}:{}", q.local),
                    None => q.local.to_string(),
                };
                (name, val.to_string())
            })
            .collect(),
        text: e.text().collect(),
    }
}

/// The elements of `html` (a whole document, or part of one) that match the CSS selector
/// `css`, in document order. A document is parsed as a browser parses it: comments, the
/// contents of `<script>`, `<style>`, `<textarea>` and `<title>` hold no elements, and
/// `<html>`, `<head>` and `<body>` exist even where the text leaves them out.
pub fn select(html: &str, css: &str) -> Vec<Tag> {
    let selector =
        scraper::Selector::parse(css).unwrap_or_else(|e| panic!("selector `{css}`: {e:?}"));
    scraper::Html::parse_document(html)
        .select(&selector)
        .map(tag_of)
        .collect()
}

/// The values of attribute `attr` of the elements matching `css` that have it.
pub fn attrs(html: &str, css: &str, attr: &str) -> Vec<String> {
    select(html, css)
        .into_iter()
        .filter_map(|t| t.attr(attr).map(str::to_string))
        .collect()
}

/// The text of each element matching `css`, with runs of white space made one space.
pub fn texts(html: &str, css: &str) -> Vec<String> {
    select(html, css)
        .into_iter()
        .map(|t| t.text.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// Every element of a document (or part of one), in document order.
pub fn tags(html: &str) -> Vec<Tag> {
    select(html, "*")
}

/// The text a reader sees: every text of the document (the `<title>` included) outside
/// `<script>`, `<style>` and `<template>`, each text followed by a space.
pub fn visible_text(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let mut out = String::new();
    for node in doc.tree.nodes() {
        let Some(text) = node.value().as_text() else {
            continue;
        };
        let hidden = node.ancestors().any(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| matches!(e.name(), "script" | "style" | "template"))
        });
        if !hidden {
            out.push_str(text);
            out.push(' ');
        }
    }
    out
}

/// The decoded values of every `href` and `src` (and `action`, `poster`,
/// `data`, `formaction`, `srcset` entries) of a document.
pub fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for t in tags(html) {
        for (n, v) in &t.attrs {
            match n.as_str() {
                "href" | "src" | "action" | "formaction" | "poster" | "data" | "xlink:href" => {
                    out.push(v.clone())
                }
                "srcset" => out.extend(
                    v.split(',')
                        .filter_map(|s| s.split_whitespace().next())
                        .map(str::to_string),
                ),
                _ => {}
            }
        }
    }
    out
}

/// Only `href` values (what a reader clicks).
pub fn hrefs(html: &str) -> Vec<String> {
    attrs(html, "[href]", "href")
}

/// Decodes the character references a generator may write: named `&amp;`
/// `&lt;` `&gt;` `&quot;` `&apos;` `&nbsp;`, decimal `&#47;` and hex `&#x2F;`.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|j| j + 1);
        let (entity, consumed) = match end {
            Some(e) if tail[e..].starts_with(';') => (&tail[1..e], e + 1),
            Some(e) => (&tail[1..e], e),
            None => (&tail[1..], tail.len()),
        };
        let decoded = if let Some(num) = entity
            .strip_prefix("#x")
            .or_else(|| entity.strip_prefix("#X"))
        {
            u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
        } else if let Some(num) = entity.strip_prefix('#') {
            num.parse::<u32>().ok().and_then(char::from_u32)
        } else {
            match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                "Tab" => Some('\t'),
                "NewLine" => Some('\n'),
                "colon" => Some(':'),
                _ => None,
            }
        };
        match decoded {
            Some(c) if consumed > 1 => {
                out.push(c);
                rest = &tail[consumed..];
            }
            _ => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `<html lang="…">` of a page.
pub fn html_lang(html: &str) -> Option<String> {
    attrs(html, "html", "lang").into_iter().next()
}

/// All `id` values of a page.
pub fn ids(html: &str) -> Vec<String> {
    attrs(html, "[id]", "id")
}

/// `<loc>` / `<link href>` / `<id>` URLs of an XML file (sitemap, feed).
pub fn xml_urls(xml: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tag in ["loc", "id"] {
        let open = format!("<{tag}>");
        let close = format!("</{tag}>");
        let mut rest = xml;
        while let Some(i) = rest.find(&open) {
            let after = &rest[i + open.len()..];
            let Some(j) = after.find(&close) else { break };
            out.push(decode_entities(after[..j].trim()));
            rest = &after[j..];
        }
    }
    out.extend(attrs(xml, "link", "href"));
    out
}

// ---------------------------------------------------------------------------
// The fixture's own content, to derive what the output must hold.

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

/// A git command in `repo` as a fixed editor at `when`, with no user or system configuration
/// and none of the caller's `GIT_*` variables. `when` is a day, `YYYY-MM-DD` (09:00 UTC), or a
/// full git date such as `2024-06-10 23:30:00 -0200`; it is both the author and the committer
/// date (a test that needs them apart sets `GIT_COMMITTER_DATE` on the command).
pub fn git_command(repo: &Path, when: &str) -> Command {
    let date = if when.len() == 10 {
        format!("{when}T09:00:00Z")
    } else {
        when.to_string()
    };
    let mut cmd = Command::new("git");
    cmd.current_dir(repo);
    for var in [
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_INDEX_FILE",
        "GIT_OBJECT_DIRECTORY",
        "GIT_CEILING_DIRECTORIES",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Redaktör")
        .env("GIT_AUTHOR_EMAIL", "red@example.org")
        .env("GIT_COMMITTER_NAME", "Redaktör")
        .env("GIT_COMMITTER_EMAIL", "red@example.org")
        .env("GIT_AUTHOR_DATE", &date)
        .env("GIT_COMMITTER_DATE", &date)
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
            "-c",
            "protocol.file.allow=always",
        ]);
    cmd
}

/// Runs a command made by [`git_command`]; panics unless it succeeds. Returns its stdout, trimmed.
pub fn run_git(mut cmd: Command) -> String {
    let out = cmd.output().expect("git runs");
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("git prints UTF-8")
        .trim()
        .to_owned()
}

/// Runs `git <args>` in `repo` at `when` (see [`git_command`]); panics unless it succeeds.
/// Returns its stdout, trimmed.
pub fn git_at(repo: &Path, when: &str, args: &[&str]) -> String {
    let mut cmd = git_command(repo, when);
    cmd.args(args);
    run_git(cmd)
}
