//! Data loss: a content folder inside the output folder (or a folder a build swaps with it),
//! and an output folder inside the content folder, are refused by `build` and `serve` with exit
//! 2, whatever the spelling of the paths, and nothing on disk changes.

use std::path::Path;

use crate::common::*;

/// A folder with a built site in `out/` (built twice, so `.out.ambit-prev` exists too).
fn built_root() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&fixture("multi"), &tmp.path().join("content"));
    for _ in 0..2 {
        let o = ambit_in(
            tmp.path(),
            &["build", "--content", "content", "--output", "out"],
        );
        assert_eq!(code(&o), 0, "{}", both(&o));
    }
    assert!(tmp.path().join(".out.ambit-prev").is_dir());
    tmp
}

/// Runs `ambit <cmd> --content <content> --output <output>` in `root` and asserts that it is
/// refused with exit 2 and a message saying why, and that no file under `root` changed.
fn assert_refused(root: &Path, cmd: &str, content: &str, output: &str, why: &str) {
    let before = snapshot(root);
    let mut args = vec![cmd, "--content", content, "--output", output];
    if cmd == "serve" {
        args.extend(["--port", "0"]);
    }
    let o = ambit_in(root, &args);
    assert_eq!(code(&o), 2, "{cmd} {content} → {output}:\n{}", both(&o));
    let text = String::from_utf8_lossy(&o.stderr);
    assert!(text.contains(why), "{cmd}: no `{why}` in\n{}", both(&o));
    // The helper that removes old trees in the background must have had nothing to remove.
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert!(
        before == snapshot(root),
        "{cmd} {content} → {output} changed files"
    );
}

#[test]
fn content_inside_the_output_is_refused_in_every_spelling() {
    let tmp = built_root();
    let root = tmp.path();
    copy_dir(&root.join("content"), &root.join("out/content"));
    copy_dir(&root.join("content"), &root.join(".out.ambit-prev/content"));
    std::fs::create_dir_all(root.join("sub")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.join("out/content"), root.join("linked")).unwrap();
    let why = "the content folder is inside the output folder";
    for cmd in ["build", "serve"] {
        assert_refused(root, cmd, "out/content", "out", why);
        assert_refused(root, cmd, "sub/../out/content", "./out", why);
        assert_refused(root, cmd, "out/content", "sub/../out/", why);
        assert_refused(root, cmd, ".out.ambit-prev/content", "out", why);
        assert_refused(root, cmd, "out", "out", "inside");
        #[cfg(unix)]
        assert_refused(root, cmd, "linked", "out", why);
    }
    let abs = root.join("out/content").display().to_string();
    assert_refused(root, "build", &abs, "out", why);
}

#[test]
fn output_inside_the_content_is_refused_in_every_spelling() {
    let tmp = built_root();
    let root = tmp.path();
    std::fs::create_dir_all(root.join("sub")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.join("content"), root.join("linked")).unwrap();
    let why = "the output folder is inside the content folder";
    for cmd in ["build", "serve"] {
        assert_refused(root, cmd, "content", "content/site", why);
        assert_refused(root, cmd, "content", "content/new/../deeper/site", why);
        assert_refused(root, cmd, "sub/../content", "content/kommun/files", why);
        assert_refused(root, cmd, "content", ".", "inside");
        #[cfg(unix)]
        assert_refused(root, cmd, "content", "linked/site", why);
    }
    assert!(!root.join("content/site").exists());
}

#[test]
fn folders_side_by_side_still_build() {
    let tmp = built_root();
    let o = ambit_in(
        tmp.path(),
        &["build", "--content", "content", "--output", "content-site"],
    );
    assert_eq!(code(&o), 0, "{}", both(&o));
}
