//! Links and images in bodies (contract v2): they count from the file they are
//! written in, as in the forge's preview, land on the right pages and files of
//! the site, and every broken, draft or missing target is an error at the
//! link's line and column; an image without a text alternative is a warning.

use crate::common;
use std::path::Path;

use crate::common::{both, build, code, copy_dir, links, pos_of, Site};

/// The default content with a few files and a heading to link to.
fn content_with_files(dir: &Path) {
    copy_dir(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("content")
            .as_path(),
        dir,
    );
    std::fs::create_dir_all(dir.join("getinge/files")).unwrap();
    std::fs::create_dir_all(dir.join("files")).unwrap();
    std::fs::write(
        dir.join("getinge/files/lekplats skiss.jpg"),
        b"jpeg of getinge",
    )
    .unwrap();
    std::fs::write(dir.join("files/logo.png"), b"png of the site").unwrap();
    append(
        dir,
        "halmstad/ambitions/utbildning-hela-vagen.md",
        "\n## Varför det behövs\n\nText.\n",
    );
}

fn append(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    let mut t = std::fs::read_to_string(&p).unwrap();
    t.push_str(text);
    std::fs::write(p, t).unwrap();
}

/// The URLs of `<a href>` and `<img src>` inside the page's main text.
fn body_urls(html: &str, marker: &str) -> Vec<String> {
    let start = html
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} not in page"));
    let end = html[start..]
        .find("</div>")
        .map_or(html.len(), |e| start + e);
    links(&html[start..end])
}

#[test]
fn links_in_every_form_land_on_their_pages_and_files() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    content_with_files(&content);
    let source = "getinge/actions/sommartorg.md";
    // (written link, content path it names, fragment)
    let cases = [
        (
            "../ambitions/levande-centrum.md",
            "getinge/ambitions/levande-centrum.md",
        ),
        ("../programme.md", "getinge/programme.md"),
        (
            "../../halmstad/ambitions/utbildning-hela-vagen.md#varfor-det-behovs",
            "halmstad/ambitions/utbildning-hela-vagen.md",
        ),
        (
            "../files/lekplats%20skiss.jpg",
            "getinge/files/lekplats skiss.jpg",
        ),
        ("../../files/logo.png", "files/logo.png"),
    ];
    let mut body = String::from("\nLÄNKAR:");
    for (i, (written, _)) in cases.iter().enumerate() {
        if written.ends_with(".md") || written.contains(".md#") {
            body.push_str(&format!(" [länk {i}]({written})"));
        } else {
            body.push_str(&format!(" ![Bild {i}]({written})"));
        }
    }
    body.push_str(" <a href=\"../strategies/motesplatser-i-centrum.md\">rå länk</a>\n");
    append(&content, source, &body);
    let out = tmp.path().join("out");
    let o = build(&content, &out, None);
    assert_eq!(code(&o), 0, "{}", both(&o));
    let site = Site {
        prefix: "/utvecklingsprogram/".into(),
        base_url: "https://example.org/utvecklingsprogram/".into(),
        out,
        tmp,
    };
    let page = site.page("getinge/actions/sommartorg");
    let urls = body_urls(&page, "LÄNKAR:");
    assert_eq!(urls.len(), cases.len() + 1, "{urls:?}");
    for (url, (written, target)) in urls.iter().zip(cases) {
        let file = site
            .target_of(url)
            .unwrap_or_else(|| panic!("{written} → {url}: not inside the site"));
        assert!(
            file.is_file(),
            "{written} → {url}: {} missing",
            file.display()
        );
        if let Some(stem) = target.strip_suffix(".md") {
            let folder = stem.strip_suffix("/programme").unwrap_or(stem);
            assert_eq!(
                file,
                site.path(&format!("{folder}/index.html")),
                "{written}"
            );
        } else {
            assert_eq!(
                std::fs::read(&file).unwrap(),
                std::fs::read(content.join(target)).unwrap(),
                "{written} is the copied file"
            );
        }
        if let Some((_, frag)) = url.split_once('#') {
            let html = std::fs::read_to_string(&file).unwrap();
            assert!(
                html.contains(&format!("id=\"{frag}\"")),
                "{written} → {url}: no element with that id"
            );
            let written_frag = written.split_once('#').unwrap().1;
            assert!(frag.ends_with(written_frag), "fragment kept: {url}");
        }
    }
    assert_eq!(
        site.target_of(&urls[cases.len()]),
        Some(site.path("getinge/strategies/motesplatser-i-centrum/index.html")),
        "raw HTML links resolve too"
    );
}

#[test]
fn broken_draft_and_missing_targets_are_errors_at_the_link() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    content_with_files(&content);
    std::fs::write(
        content.join("getinge/ambitions/utkast.md"),
        "---\ntitle: Utkast\ndraft: true\n---\n\nText.\n",
    )
    .unwrap();
    let source = "getinge/actions/sommartorg.md";
    let bad = [
        (
            "[stavfel](../ambitions/levande-centrm.md)",
            "levande-centrum.md",
        ),
        ("[utkast](../ambitions/utkast.md)", "draft"),
        ("![Karta](../files/karta.png)", "does not exist"),
        (
            "<img alt=\"Plan\" src=\"../files/plan.png\">",
            "does not exist",
        ),
        (
            "![Gammal form](../../files/lekplats%20skiss.jpg)",
            "../files/lekplats%20skiss.jpg",
        ),
        ("[Utanför](../../../../etc/passwd)", "outside"),
    ];
    let body: String = bad
        .iter()
        .map(|(l, _)| format!("\nText före {l} och efter.\n"))
        .collect();
    append(&content, source, &body);
    let text = std::fs::read_to_string(content.join(source)).unwrap();
    let out = tmp.path().join("out");
    let o = build(&content, &out, None);
    assert_eq!(code(&o), 1, "{}", both(&o));
    assert!(!out.exists(), "nothing is written");
    let stderr = both(&o);
    let shown = content.join(source).display().to_string();
    for (link, hint) in bad {
        let (line, col) = pos_of(&text, link);
        let head = format!("{shown}:{line}:{col}: error: ");
        let at = stderr
            .find(&head)
            .unwrap_or_else(|| panic!("no error at {line}:{col} for {link}:\n{stderr}"));
        let block: String = stderr[at..].lines().take(4).collect::<Vec<_>>().join("\n");
        assert!(
            block.contains(hint),
            "{link}: expected `{hint}` in\n{block}"
        );
    }
}

#[test]
fn images_without_alt_text_are_warnings_at_their_line() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    content_with_files(&content);
    let source = "getinge/programme.md";
    let images = [
        "![](files/lekplats%20skiss.jpg)",
        "<img src=\"../files/logo.png\">",
    ];
    let body: String = images.iter().map(|i| format!("\nBild: {i}\n")).collect();
    append(&content, source, &body);
    append(
        &content,
        source,
        "\n![Skiss med gungor](files/lekplats%20skiss.jpg)\n",
    );
    let text = std::fs::read_to_string(content.join(source)).unwrap();
    let o = common::ambit(&["check", "--content", content.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", both(&o));
    let out = both(&o);
    let shown = content.join(source).display().to_string();
    let warned: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with(&shown) && l.contains("warning: image without"))
        .collect();
    assert_eq!(warned.len(), images.len(), "{out}");
    for img in images {
        let (line, col) = pos_of(&text, img);
        assert!(
            warned
                .iter()
                .any(|l| l.starts_with(&format!("{shown}:{line}:{col}:"))),
            "no warning at {line}:{col} for {img}:\n{out}"
        );
    }
}
