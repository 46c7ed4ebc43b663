//! The example sites in `examples/<name>/` (each a content folder with its own `site.yaml`):
//! each checks clean, builds under a sub-path base URL, and every internal link of every page
//! lands on a file of the output. The browser tests check their accessibility the same way.

use crate::common::*;
use std::path::PathBuf;

/// Every `examples/<name>/` that holds a `site.yaml`.
fn example_sites() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("examples/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("site.yaml").is_file())
        .collect();
    v.sort();
    v
}

#[test]
fn every_example_site_checks_clean_and_its_links_resolve() {
    let sites = example_sites();
    for name in ["vaggeryd", "vingaker"] {
        assert!(
            sites.iter().any(|d| d.ends_with(name)),
            "examples/{name}/site.yaml is missing"
        );
    }
    for dir in sites {
        let name = dir.display().to_string();
        let o = ambit(&["check", "--content", &name]);
        assert_eq!(code(&o), 0, "ambit check of {name}:\n{}", both(&o));
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        let o = build(&dir, &out, Some(SUB_BASE));
        assert_eq!(code(&o), 0, "ambit build of {name}:\n{}", both(&o));
        let site = Site {
            tmp,
            out,
            prefix: SUB_PREFIX.to_string(),
            base_url: SUB_BASE.to_string(),
        };
        let mut broken = Vec::new();
        let mut checked = 0;
        for (f, html) in site.html_files() {
            for l in links(&html) {
                let path = l.strip_prefix("http://127.0.0.1:1").unwrap_or(&l);
                if !path.starts_with(SUB_PREFIX) {
                    continue;
                }
                checked += 1;
                match site.target_of(path) {
                    Some(t) if t.is_file() => {}
                    _ => broken.push(format!("{f}: {l}")),
                }
            }
        }
        assert!(checked > 50, "{name}: only {checked} internal links");
        assert!(
            broken.is_empty(),
            "{name}: broken links:\n{}",
            broken.join("\n")
        );
    }
}
