//! A site built by a test into a temporary folder, and the files it holds.

use std::path::{Path, PathBuf};

use super::{both, build, code, fixture, list_files, percent_decode};

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
