//! Hostile shapes of input, end to end through the binary: deeply nested front
//! matter and HTML are refused (quickly, at the bracket or tag where the limit
//! is passed), symbolic links under `files/` are reported with their path, a
//! file over the size limit is refused, and a closed stdout pipe ends the
//! output quietly. Each failing build leaves the previous output untouched.

use crate::common;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::common::{ambit, both, build, code, copy_dir, fixture};

/// A copy of the `multi` fixture in a temporary folder.
fn tree() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&fixture("multi"), &content);
    (tmp, content)
}

/// Runs `ambit check` on `content`, failing the test if it hangs (a guard, not a benchmark).
fn check(content: &Path) -> std::process::Output {
    let t0 = Instant::now();
    let o = ambit(&["check", "--content", content.to_str().unwrap()]);
    assert!(
        t0.elapsed() < Duration::from_secs(30),
        "check took {:?}",
        t0.elapsed()
    );
    o
}

/// The existing front matter of belysning.md with `extra` appended before the closing fence.
fn with_front_matter(content: &Path, extra: &str) -> (std::path::PathBuf, usize) {
    let file = content.join("kommun/actions/belysning.md");
    let text = std::fs::read_to_string(&file).unwrap();
    let close = text[4..].find("\n---").unwrap() + 4;
    let line = text[..close].matches('\n').count() + 2;
    std::fs::write(
        &file,
        format!("{}\n{extra}{}", &text[..close], &text[close..]),
    )
    .unwrap();
    (file, line)
}

#[test]
fn hundred_thousand_nested_brackets_are_refused_at_the_limit() {
    let (_tmp, content) = tree();
    let (file, line) = with_front_matter(&content, &format!("notes: {}", "[".repeat(100_000)));
    let o = check(&content);
    assert_eq!(code(&o), 1, "{}", both(&o));
    let col = "notes: ".len() + ambit::yaml::MAX_FLOW_DEPTH + 1;
    let expect = format!("{}:{line}:{col}: error:", file.display());
    assert!(
        String::from_utf8_lossy(&o.stdout).contains(&expect),
        "want {expect}\n{}",
        both(&o)
    );
}

#[test]
fn nesting_within_the_limit_still_parses() {
    let (_tmp, content) = tree();
    let depth = ambit::yaml::MAX_FLOW_DEPTH - 2;
    with_front_matter(
        &content,
        &format!("notes: {}x{}", "[".repeat(depth), "]".repeat(depth)),
    );
    let o = check(&content);
    assert!(!both(&o).contains("nested"), "{}", both(&o));
}

#[test]
fn deeply_nested_html_in_a_body_is_refused() {
    let (_tmp, content) = tree();
    let file = content.join("kommun/actions/belysning.md");
    let text = std::fs::read_to_string(&file).unwrap();
    let line = text.lines().count() + 1;
    std::fs::write(&file, format!("{text}{}\n", "<div>".repeat(100_000))).unwrap();
    let o = check(&content);
    assert_eq!(code(&o), 1, "{}", both(&o));
    let col = ambit::parse::html_depth::MAX_HTML_DEPTH * "<div>".len() + 1;
    let expect = format!(
        "{}:{line}:{col}: error: HTML elements nested",
        file.display()
    );
    assert!(
        String::from_utf8_lossy(&o.stdout).contains(&expect),
        "want {expect}\n{}",
        both(&o)
    );
}

#[cfg(unix)]
#[test]
fn symbolic_links_under_files_are_reported_with_their_path() {
    let (tmp, content) = tree();
    let outside = tmp.path().join("secret.txt");
    std::fs::write(&outside, "not for the site").unwrap();
    std::fs::create_dir_all(content.join("files/deep")).unwrap();
    let links = [
        content.join("files/deep/secret.txt"),
        content.join("kommun/files/linked"),
    ];
    std::os::unix::fs::symlink(&outside, &links[0]).unwrap();
    std::os::unix::fs::symlink(tmp.path(), &links[1]).unwrap();

    // A previous good output stays as it was.
    let out = tmp.path().join("out");
    std::fs::remove_file(&links[0]).unwrap();
    std::fs::remove_file(&links[1]).unwrap();
    assert_eq!(code(&build(&content, &out, None)), 0);
    let before = common::snapshot(&out);
    std::os::unix::fs::symlink(&outside, &links[0]).unwrap();
    std::os::unix::fs::symlink(tmp.path(), &links[1]).unwrap();

    let o = build(&content, &out, None);
    assert_eq!(code(&o), 1, "{}", both(&o));
    let stderr = String::from_utf8_lossy(&o.stderr);
    for link in &links {
        let expect = format!(
            "{}:1:1: error: symbolic links are not allowed",
            link.display()
        );
        assert!(stderr.contains(&expect), "want {expect}\n{}", both(&o));
    }
    assert_eq!(
        common::snapshot(&out),
        before,
        "the previous output changed"
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused() {
    let (_tmp, content) = tree();
    let file = content.join("kommun/actions/belysning.md");
    let mut text = std::fs::read_to_string(&file).unwrap();
    let para = "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n\n";
    while (text.len() as u64) <= ambit::load::MAX_FILE_BYTES {
        text.push_str(&para.repeat(10_000));
    }
    std::fs::write(&file, &text).unwrap();
    let o = check(&content);
    assert_eq!(code(&o), 1, "{}", both(&o));
    let limit = format!("{} MiB", ambit::load::MAX_FILE_BYTES / (1024 * 1024));
    let stdout = String::from_utf8_lossy(&o.stdout);
    let line = stdout
        .lines()
        .find(|l| l.starts_with(&format!("{}:1:1: error:", file.display())))
        .unwrap_or_else(|| panic!("no error for {}\n{}", file.display(), both(&o)));
    assert!(
        line.contains("too large") && line.contains(&limit),
        "{line}"
    );
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    // Enough problems to overflow a pipe's buffer, so ambit is still writing when the reader
    // goes away after the first line.
    let (_tmp, content) = tree();
    for i in 0..3000 {
        std::fs::write(
            content.join(format!("kommun/actions/bad-{i}.md")),
            "---\ntitle: [unclosed\n---\n",
        )
        .unwrap();
    }
    let _turn = common::shared();
    let mut child = common::ambit_cmd()
        .args(["check", "--content", content.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.contains(": error:"), "{first}");
    // The reader is dropped here: the pipe is closed.
    let o = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(o.status.code(), Some(0), "{stderr}");
}
