//! `ambit init`: what it writes checks and builds at once in each language, its workflows are
//! YAML that name the check, build and publish steps, and it never overwrites a file.

use crate::common::{ambit_in, both, code};
use serde_json::Value;
use std::path::Path;

fn yaml(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    ambit::yaml::from_str::<Value>(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every `run:` of every step of every job of a GitHub workflow, with its job.
fn runs(workflow: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (job, j) in workflow["jobs"].as_object().expect("jobs") {
        for step in j["steps"].as_array().into_iter().flatten() {
            for key in ["run", "uses"] {
                if let Some(r) = step[key].as_str() {
                    out.push((job.clone(), r.to_string()));
                }
            }
        }
    }
    out
}

#[test]
fn what_init_writes_checks_and_builds_in_each_language() {
    for lang in ["sv", "en", "nl"] {
        let tmp = tempfile::tempdir().unwrap();
        let o = ambit_in(
            tmp.path(),
            &["init", "site", "--language", lang, "--title", "Plan: #1"],
        );
        assert_eq!(code(&o), 0, "{lang}: {}", both(&o));
        let stdout = String::from_utf8_lossy(&o.stdout);
        assert!(stdout.contains("ambit serve"), "{stdout}");
        let dir = tmp.path().join("site");
        let check = ambit_in(&dir, &["check"]);
        assert_eq!(code(&check), 0, "{lang}: {}", both(&check));
        assert!(
            !String::from_utf8_lossy(&check.stdout).contains("warning"),
            "{lang}: {}",
            both(&check)
        );
        let build = ambit_in(&dir, &["build"]);
        assert_eq!(code(&build), 0, "{lang}: {}", both(&build));
        let home = std::fs::read_to_string(dir.join("output/index.html")).unwrap();
        assert!(home.contains(&format!("<html lang=\"{lang}\"")), "{lang}");
        assert!(
            home.contains("Plan: #1"),
            "{lang}: the title is the one given"
        );
        // The place has an ambition with an action serving it.
        let places: Vec<_> = std::fs::read_dir(dir.join("content"))
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.path().join("programme.md").is_file())
            .collect();
        assert_eq!(places.len(), 1, "{lang}: one place");
        let place = places[0].file_name().to_string_lossy().to_string();
        let csv =
            std::fs::read_to_string(dir.join(format!("output/{place}/data/actions.csv"))).unwrap();
        assert_eq!(csv.lines().count(), 2, "{lang}: one action\n{csv}");
        let guide = std::fs::read_to_string(dir.join("EDITING.md")).unwrap();
        assert!(
            guide.contains(&format!("ambit new action {place}/")),
            "{lang}"
        );
        assert!(
            guide.contains("ambit serve") && guide.contains("pull request"),
            "{lang}"
        );
        assert!(std::fs::read_to_string(dir.join(".gitignore"))
            .unwrap()
            .contains("/output/"));
    }
}

#[test]
fn the_workflows_check_pull_requests_and_publish_the_site() {
    let tmp = tempfile::tempdir().unwrap();
    let git = "https://git.example.org/tools/ambit";
    let o = ambit_in(tmp.path(), &["init", "s", "--ambit-git", git]);
    assert_eq!(code(&o), 0, "{}", both(&o));
    let dir = tmp.path().join("s");
    let gh = yaml(&dir.join(".github/workflows/ambit.yml"));
    assert!(
        gh["on"]["pull_request"].is_object(),
        "runs on pull requests"
    );
    assert_eq!(gh["env"]["AMBIT_REPO"], git);
    let runs = runs(&gh);
    let has = |job: &str, needle: &str| runs.iter().any(|(j, r)| j == job && r.contains(needle));
    assert!(has("check", "ambit check --format github"), "{runs:?}");
    assert!(
        has("check", "cargo install --git \"$AMBIT_REPO\""),
        "{runs:?}"
    );
    assert!(has("build", "ambit build"), "{runs:?}");
    assert!(has("build", "actions/upload-pages-artifact"), "{runs:?}");
    assert!(has("deploy", "actions/deploy-pages"), "{runs:?}");

    let gl = yaml(&dir.join(".gitlab-ci.yml"));
    assert_eq!(gl["variables"]["AMBIT_REPO"], git);
    let script = |job: &str| gl[job]["script"].to_string();
    assert!(script("check").contains("ambit check"), "{gl}");
    assert!(script("pages").contains("ambit build") && script("pages").contains("public"));
    assert_eq!(gl["pages"]["artifacts"]["paths"][0], "public");
    assert!(gl["default"]["before_script"]
        .to_string()
        .contains("cargo install"));
}

#[test]
fn init_never_overwrites_a_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("s");
    std::fs::create_dir_all(dir.join("content")).unwrap();
    std::fs::write(dir.join("content/site.yaml"), "title: Ours\n").unwrap();
    let o = ambit_in(tmp.path(), &["init", "s"]);
    assert_eq!(code(&o), 2, "{}", both(&o));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("site.yaml"),
        "{}",
        both(&o)
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("content/site.yaml")).unwrap(),
        "title: Ours\n"
    );
    let names: Vec<_> = walk(&dir);
    assert_eq!(names, ["content/site.yaml"], "nothing else was written");

    // A second init over a first one refuses as well and leaves every file as it was.
    let o = ambit_in(tmp.path(), &["init", "t", "--language", "en"]);
    assert_eq!(code(&o), 0, "{}", both(&o));
    let t = tmp.path().join("t");
    let before: Vec<_> = walk(&t)
        .into_iter()
        .map(|f| (f.clone(), std::fs::read(t.join(&f)).unwrap()))
        .collect();
    let o = ambit_in(tmp.path(), &["init", "t", "--language", "sv"]);
    assert_eq!(code(&o), 2, "{}", both(&o));
    let after: Vec<_> = walk(&t)
        .into_iter()
        .map(|f| (f.clone(), std::fs::read(t.join(&f)).unwrap()))
        .collect();
    assert_eq!(before, after);
}

fn walk(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    out.sort();
    out
}
