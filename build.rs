//! Embeds the default theme (themes/default) into the binary, so a content
//! repository needs no theme folder, and the vendored Decap CMS
//! (vendor/decap-cms) that sites with `cms` get in `admin/`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, root: &Path, out: &mut Vec<(String, PathBuf)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("read theme dir")
        .filter_map(Result::ok)
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let p = e.path();
        let name = e.file_name().to_string_lossy().to_string();
        if name.starts_with('.') {
            continue;
        }
        if p.is_dir() {
            collect(&p, root, out);
        } else {
            let rel = p
                .strip_prefix(root)
                .expect("under root")
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, p.canonicalize().expect("canonical path")));
        }
    }
}

/// The version of the files in vendor/decap-cms.
const DECAP_CMS_VERSION: &str = "3.16.3";

fn main() {
    let root = Path::new("themes/default");
    println!("cargo:rerun-if-changed=themes/default");
    let mut files = Vec::new();
    collect(root, root, &mut files);
    let mut code = String::from("/// Files of the default theme: (path inside the theme, bytes).\npub static DEFAULT_THEME: &[(&str, &[u8])] = &[\n");
    for (rel, abs) in &files {
        let _ = writeln!(
            code,
            "    ({rel:?}, include_bytes!({:?})),",
            abs.to_string_lossy()
        );
    }
    code.push_str("];\n");
    // The vendored Decap CMS (vendor/decap-cms), written to admin/ of sites with `cms`.
    let vendor = Path::new("vendor/decap-cms");
    println!("cargo:rerun-if-changed=vendor/decap-cms");
    let mut files = Vec::new();
    collect(vendor, vendor, &mut files);
    let _ = writeln!(
        code,
        "/// Version of the vendored Decap CMS.\npub static DECAP_CMS_VERSION: &str = {DECAP_CMS_VERSION:?};"
    );
    code.push_str("/// Files of the vendored Decap CMS: (file name, bytes).\npub static DECAP_CMS: &[(&str, &[u8])] = &[\n");
    for (rel, abs) in files.iter().filter(|(rel, _)| rel != "README.md") {
        let _ = writeln!(
            code,
            "    ({rel:?}, include_bytes!({:?})),",
            abs.to_string_lossy()
        );
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("theme_files.rs");
    std::fs::write(out, code).expect("write theme_files.rs");
}
