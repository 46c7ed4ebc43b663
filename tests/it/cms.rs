//! The browser editor (`cms` in site.yaml): `admin/config.yml` is a Decap CMS
//! configuration derived from site.yaml, the content and the JSON Schemas;
//! `admin/index.html` loads the pinned copy written beside it; neither is in
//! the sitemap or the search index; without `cms` there is no `admin/`.

use crate::common;
use std::path::{Path, PathBuf};

use crate::common::{both, build, code, copy_dir};
use serde_yaml::Value;

fn content_with(tmp: &Path, cms: &str) -> PathBuf {
    let content = tmp.join("content");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &content,
    );
    let site = content.join("site.yaml");
    let mut text = std::fs::read_to_string(&site).unwrap();
    text.push_str(cms);
    std::fs::write(&site, text).unwrap();
    content
}

fn yaml(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_yaml::from_str(&text).unwrap()
}

fn places(content: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(content)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().join("programme.md").is_file())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    v.sort();
    v
}

fn field<'a>(collection: &'a Value, name: &str) -> &'a Value {
    collection["fields"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|f| f["name"] == name)
        .unwrap_or_else(|| panic!("no field {name} in {:?}", collection["name"]))
}

#[test]
fn config_has_the_workflow_the_repository_and_a_form_per_kind_and_place() {
    let tmp = tempfile::tempdir().unwrap();
    let content = content_with(tmp.path(), "cms:\n  backend: github\n");
    let out = tmp.path().join("out");
    let o = build(&content, &out, None);
    assert_eq!(code(&o), 0, "{}", both(&o));
    let site = yaml(&content.join("site.yaml"));
    let config = yaml(&out.join("admin/config.yml"));
    assert_eq!(config["publish_mode"], "editorial_workflow");
    let url = site["repository"]["url"].as_str().unwrap();
    let repo = url
        .trim_end_matches('/')
        .rsplitn(3, '/')
        .collect::<Vec<_>>();
    assert_eq!(config["backend"]["name"], "github");
    assert_eq!(
        config["backend"]["repo"].as_str().unwrap(),
        format!("{}/{}", repo[1], repo[0])
    );
    assert_eq!(config["backend"]["branch"], site["repository"]["branch"]);
    let dir = site["repository"]["content_dir"].as_str().unwrap();
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("docs/schema/action.schema.json").unwrap())
            .unwrap();
    let statuses: Vec<&str> = schema["properties"]["status"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(statuses.len(), 6);
    let collections = config["collections"].as_sequence().unwrap();
    let by_folder = |folder: &str| {
        collections
            .iter()
            .find(|c| c["folder"] == folder)
            .unwrap_or_else(|| panic!("no collection for {folder}"))
    };
    for place in places(&content) {
        for kind in ["areas", "ambitions", "strategies", "indicators", "actions"] {
            by_folder(&format!("{dir}/{place}/{kind}"));
        }
        let actions = by_folder(&format!("{dir}/{place}/actions"));
        assert_eq!(actions["create"], true);
        // The ambition: a select of the place's own ambitions (`id`) and every other
        // place's (`place/id`), as the contract allows.
        let ambition = field(actions, "ambition");
        assert_eq!(ambition["widget"], "select");
        assert_eq!(ambition["required"], true);
        let values: std::collections::BTreeSet<String> = ambition["options"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|o| o["value"].as_str().unwrap().to_string())
            .collect();
        let mut expected = std::collections::BTreeSet::new();
        for other in places(&content) {
            let dir = content.join(&other).join("ambitions");
            for f in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let text = std::fs::read_to_string(f.path()).unwrap();
                if text.contains("\ndraft: true") {
                    continue;
                }
                let id = f.path().file_stem().unwrap().to_string_lossy().to_string();
                expected.insert(if other == place {
                    id
                } else {
                    format!("{other}/{id}")
                });
            }
        }
        assert_eq!(
            values, expected,
            "{place}: the ambitions an action may serve"
        );
        let status = field(actions, "status");
        assert_eq!(status["widget"], "select");
        let options: Vec<&str> = status["options"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|o| o["value"].as_str().or(o.as_str()).unwrap())
            .collect();
        assert_eq!(options, statuses);
        assert_eq!(field(actions, "completed")["widget"], "datetime");
        assert_eq!(field(actions, "budget")["widget"], "object");
        let hint = field(actions, "responsible")["hint"].as_str().unwrap();
        assert_eq!(
            hint,
            schema["properties"]["responsible"]["description"]
                .as_str()
                .unwrap(),
            "help texts come from the JSON Schema"
        );
        let indicators = by_folder(&format!("{dir}/{place}/indicators"));
        assert_eq!(field(indicators, "measures")["widget"], "relation");
        assert_eq!(field(indicators, "values")["widget"], "list");
        let strategies = by_folder(&format!("{dir}/{place}/strategies"));
        assert_eq!(field(strategies, "ambition")["widget"], "relation");
        let programme = collections
            .iter()
            .find(|c| {
                c["files"].as_sequence().is_some_and(|f| {
                    f.iter()
                        .any(|f| f["file"] == format!("{dir}/{place}/programme.md").as_str())
                })
            })
            .unwrap_or_else(|| panic!("no programme form for {place}"));
        let form = &programme["files"][0];
        assert_eq!(field(form, "place_kind")["widget"], "select");
    }
    // The page loads the copy beside it, and is neither in the sitemap nor searchable.
    let page = std::fs::read_to_string(out.join("admin/index.html")).unwrap();
    let scripts = common::attrs(&page, "script[src]", "src");
    assert_eq!(scripts.len(), 1, "{page}");
    assert!(!scripts[0].contains("://"), "no CDN: {}", scripts[0]);
    let local = scripts[0].split('?').next().unwrap();
    assert!(
        out.join("admin").join(local).is_file(),
        "{local} is written"
    );
    assert!(page.contains("noindex"));
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(!sitemap.contains("/admin"), "admin is not in the sitemap");
    for f in common::list_files(&out) {
        if f.ends_with("search-index.json") {
            let text = std::fs::read_to_string(out.join(&f)).unwrap();
            assert!(!text.contains("admin/"), "{f} lists the admin page");
        }
    }
}

#[test]
fn without_cms_there_is_no_admin_and_a_script_url_replaces_the_copy() {
    let tmp = tempfile::tempdir().unwrap();
    let content = content_with(tmp.path(), "");
    let out = tmp.path().join("out");
    assert_eq!(code(&build(&content, &out, None)), 0);
    assert!(!out.join("admin").exists());

    let tmp = tempfile::tempdir().unwrap();
    let script = "https://cdn.example.org/decap-cms@3/decap-cms.js";
    let content = content_with(
        tmp.path(),
        &format!("cms:\n  backend: gitea\n  script: {script}\n"),
    );
    let out = tmp.path().join("out");
    let o = build(&content, &out, None);
    assert_eq!(code(&o), 0, "{}", both(&o));
    let page = std::fs::read_to_string(out.join("admin/index.html")).unwrap();
    assert!(page.contains(script), "{page}");
    assert!(!out.join("admin/decap-cms.js").exists());
    let config = yaml(&out.join("admin/config.yml"));
    assert_eq!(config["backend"]["name"], "gitea");
    assert!(config["backend"]["api_root"]
        .as_str()
        .unwrap()
        .ends_with("/api/v1"));
}

#[test]
fn cms_without_repository_or_with_an_unknown_backend_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let content = content_with(tmp.path(), "cms:\n  backend: bitbucket\n");
    let site = content.join("site.yaml");
    let text = std::fs::read_to_string(&site).unwrap();
    let start = text.find("repository:").unwrap();
    let end = text[start..].find("accessibility:").unwrap() + start;
    let text = format!("{}{}", &text[..start], &text[end..]);
    std::fs::write(&site, &text).unwrap();
    let o = common::ambit(&["check", "--content", content.to_str().unwrap()]);
    assert_eq!(code(&o), 1, "{}", both(&o));
    let out = both(&o);
    let shown = site.display().to_string();
    let (line, _) = common::pos_of(&text, "cms:");
    assert!(
        out.contains(&format!("{shown}:{line}:")) && out.contains("needs `repository`"),
        "{out}"
    );
    let (line, _) = common::pos_of(&text, "bitbucket");
    assert!(out.contains(&format!("{shown}:{line}:")), "{out}");
}
