//! Site-wide settings read from `site.yaml`: title, language, address,
//! repository and the browser editor.

use serde::Serialize;

use super::Lang;

/// Site-wide settings from site.yaml.
#[derive(Debug, Clone, Default)]
pub struct SiteConfig {
    pub title: String,
    pub language: Option<Lang>,
    pub base_url: String,
    pub description: Option<String>,
    pub theme: Option<String>,
    pub repository: Option<Repository>,
    pub accessibility_contact: Option<String>,
    pub accessibility_reviewed: Option<String>,
    /// language -> kind name -> [singular, plural]
    pub terms: std::collections::BTreeMap<String, std::collections::BTreeMap<String, [String; 2]>>,
    /// The browser editor (Decap CMS) at `admin/`, when set.
    pub cms: Option<Cms>,
}

/// `cms` of site.yaml: the browser editor written to `admin/`.
#[derive(Debug, Clone, Serialize)]
pub struct Cms {
    /// `github`, `gitlab` or `gitea`: where `repository` is kept.
    pub backend: String,
    /// Where the admin page loads Decap CMS from; None: the copy written beside it.
    pub script: Option<String>,
    /// Edit through a local `decap-server` (`npx decap-server`) when it runs.
    pub local_backend: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Repository {
    pub url: String,
    pub branch: String,
    pub content_dir: String,
}
