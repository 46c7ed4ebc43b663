//! Conversion of a content folder into a Hugo site (`hugo.yaml` and `content/`) for the layouts
//! in `bench/hugo/`: the same pages, each with the Hugo type that selects its layout.

use std::fs;
use std::path::{Path, PathBuf};

use crate::text::q;
use crate::write;

const FOLDERS: [(&str, &str, &str); 5] = [
    ("areas", "area", "Områden"),
    ("ambitions", "ambition", "Ambitioner"),
    ("strategies", "strategy", "Strategier"),
    ("indicators", "indicator", "Indikatorer"),
    ("actions", "action", "Åtgärder"),
];

/// The front matter with `extra` lines added after the opening `---`.
fn with_front(text: &str, extra: &str) -> Result<String, String> {
    let rest = text
        .strip_prefix("---\n")
        .ok_or("file does not start with front matter")?;
    Ok(format!("---\n{extra}{rest}"))
}

fn site_value(site: &str, key: &str) -> Option<String> {
    site.lines()
        .find_map(|l| l.strip_prefix(&format!("{key}:")))
        .map(|v| v.trim().trim_matches('"').to_string())
}

/// Converts the content folder `content` into a Hugo site in `out`; returns the number of
/// content files written.
pub fn convert(content: &Path, out: &Path) -> Result<usize, String> {
    let site = read(&content.join("site.yaml"))?;
    let title = site_value(&site, "title").unwrap_or_default();
    write(&out.join("hugo.yaml"), &config(&site, &title))?;
    let mut pages = Pages {
        dir: out.join("content"),
        n: 0,
    };
    pages.add(
        "_index.md".into(),
        format!("---\ntitle: {}\n---\n", q(&title)),
    )?;
    pages.add(
        "search.md".into(),
        "---\ntitle: Sök\ntype: search\n---\n".into(),
    )?;
    pages.add(
        "accessibility.md".into(),
        "---\ntitle: Tillgänglighetsredogörelse\ntype: accessibility\n---\n".into(),
    )?;
    let mut places: Vec<PathBuf> = fs::read_dir(content)
        .map_err(|e| format!("{}: {e}", content.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("programme.md").is_file())
        .collect();
    places.sort();
    for dir in places {
        place(&mut pages, &dir)?;
    }
    Ok(pages.n)
}

fn read(p: &Path) -> Result<String, String> {
    fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))
}

/// `hugo.yaml`: the site's title, base URL and language, the outputs and the status labels.
fn config(site: &str, title: &str) -> String {
    let base_url = site_value(site, "base_url").unwrap_or_else(|| "/".into());
    let lang = site_value(site, "language").unwrap_or_else(|| "sv".into());
    format!(
        "baseURL: {base_url}\nlanguageCode: {lang}\ntitle: {}\ndisableKinds: [taxonomy, term]\n\
         taxonomies: {{}}\nenableRobotsTXT: false\noutputs:\n  home: [HTML]\n  section: [HTML]\n  page: [HTML]\n\
         markup:\n  goldmark:\n    extensions:\n      table: true\n      strikethrough: true\n      taskList: true\n      footnote: true\n    \
         renderer:\n      unsafe: false\n\
         params:\n  statuses: [idea, prioritised, planned, ongoing, done, cancelled]\n  status_labels:\n    idea: Idé\n    \
         prioritised: Prioriterad\n    planned: Planerad\n    ongoing: Pågår\n    done: Genomförd\n    cancelled: Avbruten\n",
        q(title)
    )
}

/// The content files written so far, under `dir`.
struct Pages {
    dir: PathBuf,
    n: usize,
}

impl Pages {
    fn add(&mut self, rel: String, text: String) -> Result<(), String> {
        self.n += 1;
        write(&self.dir.join(rel), &text)
    }
}

/// The pages of the place in folder `dir`: its programme, search, data, changes and follow-up
/// pages, and each folder of entities.
fn place(pages: &mut Pages, dir: &Path) -> Result<(), String> {
    let id = dir.file_name().unwrap().to_string_lossy().to_string();
    let prog = read(&dir.join("programme.md"))?;
    pages.add(
        format!("{id}/_index.md"),
        with_front(&prog, "type: programme\noutputs: [HTML, JSON, RSS]\n")?,
    )?;
    pages.add(
        format!("{id}/search.md"),
        "---\ntitle: Sök\ntype: search\n---\n".into(),
    )?;
    pages.add(
        format!("{id}/data.md"),
        "---\ntitle: Öppna data\ntype: data\noutputs: [HTML, JSON, CSV]\n---\n".into(),
    )?;
    pages.add(
        format!("{id}/changes.md"),
        "---\ntitle: Förändringar\ntype: changes\n---\n".into(),
    )?;
    pages.add(
        format!("{id}/follow-up.md"),
        "---\ntitle: Uppföljning\ntype: followup\n---\n".into(),
    )?;
    for (folder, kind, heading) in FOLDERS {
        entities(pages, dir, &id, (folder, kind, heading))?;
    }
    Ok(())
}

/// The list page of one folder of entities of place `id` (with the action views for actions)
/// and a page per file in it.
fn entities(
    pages: &mut Pages,
    dir: &Path,
    id: &str,
    (folder, kind, heading): (&str, &str, &str),
) -> Result<(), String> {
    let list_type = if kind == "action" {
        "actionlist"
    } else {
        "kindlist"
    };
    pages.add(
        format!("{id}/{folder}/_index.md"),
        format!("---\ntitle: {heading}\ntype: {list_type}\nentity: {kind}\n---\n"),
    )?;
    if kind == "action" {
        for (view, label) in [
            ("year", "År"),
            ("ambition", "Ambition"),
            ("responsible", "Ansvarig"),
        ] {
            pages.add(
                format!("{id}/actions/by-{view}.md"),
                format!("---\ntitle: {heading} per {label}\ntype: actionview\nview: {view}\n---\n"),
            )?;
        }
    }
    let Ok(entries) = fs::read_dir(dir.join(folder)) else {
        return Ok(());
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    for f in files {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        pages.add(
            format!("{id}/{folder}/{name}"),
            with_front(&read(&f)?, &format!("type: {kind}\n"))?,
        )?;
    }
    Ok(())
}
