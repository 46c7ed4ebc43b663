//! The all-or-nothing replacement of the output folder: a failed build leaves it untouched,
//! a successful one replaces it whole, a folder not written by ambit is refused; usage errors.

use crate::common::{ambit, both, build, code, copy_dir, fixture, snapshot};

#[test]
fn a_build_with_errors_leaves_the_previous_output_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    let out = tmp.path().join("out");
    copy_dir(&fixture("multi"), &content);
    let o = build(&content, &out, None);
    assert_eq!(code(&o), 0, "{}", both(&o));
    let before = snapshot(&out);
    assert!(before.len() > 50);

    let f = content.join("kommun/actions/belysning.md");
    let text = std::fs::read_to_string(&f)
        .unwrap()
        .replace("status: planned", "status: plannd");
    std::fs::write(&f, text).unwrap();
    std::fs::write(
        content.join("oost/actions/new-action.md"),
        "---\ntitle: Nieuw\nambition: kommun/nope\nstatus: idea\n---\n",
    )
    .unwrap();
    let o = build(&content, &out, None);
    assert_eq!(code(&o), 1, "content errors exit 1:\n{}", both(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("belysning.md") && err.contains("new-action.md"),
        "both errors are reported:\n{err}"
    );
    let after = snapshot(&out);
    assert!(before == after, "the previous output changed");
    let mut entries: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    entries.sort();
    assert_eq!(
        entries,
        ["content", "out"],
        "no staging folder is left behind"
    );
}

#[test]
fn a_successful_rebuild_replaces_the_whole_output() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    let out = tmp.path().join("out");
    copy_dir(&fixture("multi"), &content);
    let o = build(&content, &out, None);
    assert_eq!(code(&o), 0, "{}", both(&o));
    assert!(out.join("kommun/actions/kulturnatt/index.html").is_file());
    std::fs::write(out.join("stale.html"), "old").unwrap();
    std::fs::create_dir_all(out.join("kommun/actions/ghost")).unwrap();
    std::fs::write(out.join("kommun/actions/ghost/index.html"), "old").unwrap();
    std::fs::remove_file(content.join("kommun/actions/kulturnatt.md")).unwrap();

    let o = build(&content, &out, None);
    assert_eq!(code(&o), 0, "{}", both(&o));
    assert!(
        !out.join("stale.html").exists(),
        "stale file survived the rebuild"
    );
    assert!(
        !out.join("kommun/actions/ghost").exists(),
        "stale folder survived the rebuild"
    );
    assert!(
        !out.join("kommun/actions/kulturnatt").exists(),
        "page of a removed action survived"
    );
    assert!(out.join("kommun/actions/belysning/index.html").is_file());
    assert!(out.join(".ambit-output").is_file());
    let v: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("kommun/data/actions.json")).unwrap(),
    )
    .unwrap();
    assert!(!v.to_string().contains("kulturnatt"));
    // The old tree is kept as `.out.ambit-prev` for the next build to overwrite in place
    // (never served, never half-written); nothing else remains beside the output.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let mut entries: Vec<String> = std::fs::read_dir(tmp.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .collect();
        entries.sort();
        if entries == [".out.ambit-prev", "content", "out"] {
            assert!(tmp.path().join(".out.ambit-prev/.ambit-output").is_file());
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "leftovers beside the output: {entries:?}"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

#[test]
fn an_output_folder_not_written_by_ambit_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("precious");
    std::fs::create_dir_all(out.join("sub")).unwrap();
    std::fs::write(out.join("thesis.txt"), "do not delete").unwrap();
    std::fs::write(out.join("sub/notes.md"), "mine").unwrap();
    let before = snapshot(&out);
    let o = build(&fixture("multi"), &out, None);
    assert_eq!(
        code(&o),
        2,
        "refusing a foreign folder is an I/O error:\n{}",
        both(&o)
    );
    assert!(snapshot(&out) == before, "the foreign folder was changed");
    assert!(!out.join(".ambit-output").exists());
    let entries: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(entries.len(), 1, "nothing written beside it: {entries:?}");

    // An output path that is a file is refused too.
    let file = tmp.path().join("file-out");
    std::fs::write(&file, "x").unwrap();
    let o = build(&fixture("multi"), &file, None);
    assert_eq!(code(&o), 2, "{}", both(&o));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");

    // An empty existing folder may be used.
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let o = build(&fixture("multi"), &empty, None);
    assert_eq!(code(&o), 0, "{}", both(&o));
    assert!(empty.join("index.html").is_file());
}

#[test]
fn usage_errors_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let o = build(
        &tmp.path().join("no-such-content"),
        &tmp.path().join("out"),
        None,
    );
    assert_eq!(code(&o), 2, "{}", both(&o));
    assert!(!tmp.path().join("out").exists());
    let o = ambit(&[
        "check",
        "--content",
        &tmp.path().join("nope").display().to_string(),
    ]);
    assert_eq!(code(&o), 2, "{}", both(&o));
    let o = ambit(&["build", "--no-such-flag"]);
    assert_eq!(code(&o), 2, "{}", both(&o));
}
