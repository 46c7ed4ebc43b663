//! `ambit init`: starts a content repository that checks and builds at once — `content/`
//! with site.yaml and one place (an area, an ambition and an action to rename or replace) in
//! the chosen language, a GitHub Actions workflow and a `.gitlab-ci.yml` that check every pull
//! request and publish the site, and a short guide for editors. It never overwrites a file.

use std::path::{Path, PathBuf};

use crate::cli::InitLanguage;
use crate::diag::Diagnostic;

/// What `ambit init` was asked to do.
pub struct Options {
    pub dir: PathBuf,
    pub language: InitLanguage,
    pub title: Option<String>,
    pub ambit_git: Option<String>,
}

/// The starter files of one language: (place id, default title, files by kind).
struct Starter {
    place: &'static str,
    area: &'static str,
    ambition: &'static str,
    action: &'static str,
    title: &'static str,
    files: [&'static str; 6],
}

macro_rules! starter {
    ($l:literal) => {
        [
            include_str!(concat!("starter/", $l, "/site.yaml")),
            include_str!(concat!("starter/", $l, "/programme.md")),
            include_str!(concat!("starter/", $l, "/area.md")),
            include_str!(concat!("starter/", $l, "/ambition.md")),
            include_str!(concat!("starter/", $l, "/action.md")),
            include_str!(concat!("starter/", $l, "/EDITING.md")),
        ]
    };
}

fn starter(l: InitLanguage) -> Starter {
    match l {
        InitLanguage::Sv => Starter {
            place: "min-ort",
            area: "livsmiljo",
            ambition: "trygga-och-levande-motesplatser",
            action: "ny-belysning-i-parken",
            title: "Utvecklingsprogram",
            files: starter!("sv"),
        },
        InitLanguage::En => Starter {
            place: "my-town",
            area: "living-environment",
            ambition: "safe-and-lively-meeting-places",
            action: "new-lighting-in-the-park",
            title: "Development programmes",
            files: starter!("en"),
        },
        InitLanguage::Nl => Starter {
            place: "mijn-dorp",
            area: "leefomgeving",
            ambition: "veilige-en-levendige-ontmoetingsplekken",
            action: "nieuwe-verlichting-in-het-park",
            title: "Ontwikkelprogramma's",
            files: starter!("nl"),
        },
    }
}

const WORKFLOW: &str = include_str!("../../../docs/ci/content-repo-workflow.yml");
const GITLAB: &str = include_str!("starter/gitlab-ci.yml");
const PLACEHOLDER_REPO: &str = "https://github.com/EXAMPLE-ORG/ambit";

/// Where the workflows install ambit from: (git address, tag or commit, known).
fn ambit_source(o: &Options) -> (String, String, bool) {
    let tag = format!("v{}", env!("CARGO_PKG_VERSION"));
    if let Some(url) = &o.ambit_git {
        return (url.clone(), tag, true);
    }
    match installed_from_git() {
        Some((url, rev)) => (url, rev, true),
        None => (PLACEHOLDER_REPO.into(), tag, false),
    }
}

/// The git address and commit this ambit was installed from by `cargo install --git`, as
/// cargo records it in `$CARGO_HOME/.crates2.json`.
fn installed_from_git() -> Option<(String, String)> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))?;
    let text = std::fs::read_to_string(home.join(".crates2.json")).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json.get("installs")?
        .as_object()?
        .keys()
        .filter(|k| k.starts_with("ambit "))
        .find_map(|k| {
            let source = k.split_once("(git+")?.1.strip_suffix(')')?;
            let (url, rev) = source.split_once('#')?;
            let url = url.split('?').next()?;
            (!rev.is_empty()).then(|| (url.to_string(), rev.to_string()))
        })
}

/// The files to write: (path under DIR, text).
fn files(o: &Options) -> (Vec<(PathBuf, String)>, bool) {
    let s = starter(o.language);
    let title = o.title.clone().unwrap_or_else(|| s.title.into());
    let fill = |t: &str| {
        t.replace("{{title}}", &crate::yaml::scalar_text(&title, false))
            .replace("{{place}}", s.place)
    };
    let (repo, rev, known) = ambit_source(o);
    let workflow = WORKFLOW
        .replace(
            &format!("AMBIT_REPO: {PLACEHOLDER_REPO} # placeholder: the ambit repository"),
            &format!("AMBIT_REPO: {repo}"),
        )
        .replace(
            "AMBIT_REF: v0.1.0 # placeholder: a release tag (v…) or a commit of ambit",
            &format!("AMBIT_REF: {rev}"),
        );
    let gitlab = GITLAB
        .replace("{{ambit_repo}}", &repo)
        .replace("{{ambit_ref}}", &rev);
    let c = Path::new("content");
    let p = c.join(s.place);
    let list = vec![
        (c.join("site.yaml"), fill(s.files[0])),
        (p.join("programme.md"), fill(s.files[1])),
        (
            p.join("areas").join(format!("{}.md", s.area)),
            fill(s.files[2]),
        ),
        (
            p.join("ambitions").join(format!("{}.md", s.ambition)),
            fill(s.files[3]),
        ),
        (
            p.join("actions").join(format!("{}.md", s.action)),
            fill(s.files[4]),
        ),
        ("EDITING.md".into(), fill(s.files[5])),
        (Path::new(".github/workflows/ambit.yml").into(), workflow),
        (".gitlab-ci.yml".into(), gitlab),
    ];
    (list, known)
}

pub fn run(o: &Options) -> Result<(), Diagnostic> {
    let (files, known) = files(o);
    let existing: Vec<String> = files
        .iter()
        .map(|(rel, _)| o.dir.join(rel))
        .filter(|p| p.exists() || p.is_symlink())
        .map(|p| p.display().to_string())
        .collect();
    if !existing.is_empty() {
        return Err(Diagnostic::io(
            Some(&o.dir),
            format!("not starting a site here: {} exists", existing.join(", ")),
        )
        .with_help(
            "ambit init never overwrites a file; choose an empty folder: `ambit init my-site`",
        ));
    }
    let mut written: Vec<PathBuf> = Vec::new();
    for (rel, text) in &files {
        let path = o.dir.join(rel);
        let result = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| {
                std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&path)
            })
            .and_then(|mut f| {
                written.push(path.clone());
                std::io::Write::write_all(&mut f, text.as_bytes())
            });
        if let Err(e) = result {
            for w in &written {
                let _ = std::fs::remove_file(w);
            }
            return Err(Diagnostic::io(Some(&path), format!("cannot write: {e}")));
        }
    }
    let ignore = o.dir.join(".gitignore");
    let ignore_note = if ignore.exists() {
        "\n  (.gitignore exists: add `/output/` to it, so that built sites are not committed)"
    } else {
        let _ = std::fs::write(&ignore, "/output/\n");
        ""
    };
    print_next(o, known, ignore_note);
    Ok(())
}

fn print_next(o: &Options, known: bool, ignore_note: &str) {
    let s = starter(o.language);
    let dir = o.dir.display();
    crate::outln!("started a content repository in {dir}{ignore_note}");
    crate::outln!("");
    crate::outln!("next:");
    crate::outln!("  cd {dir}");
    crate::outln!("  ambit serve                 # see the site at http://127.0.0.1:8080/");
    crate::outln!(
        "  edit content/{}/programme.md; rename the folder content/{} to your place's id",
        s.place,
        s.place
    );
    crate::outln!(
        "  ambit new action {}/<id>    # add actions, or: ambit import list.xlsx --place {}",
        s.place,
        s.place
    );
    crate::outln!("  ambit check                 # every error at once");
    crate::outln!(
        "  git init && git add -A && git commit -m \"Programme\" && push to GitHub or GitLab"
    );
    crate::outln!("  GitHub: Settings → Pages → Source: GitHub Actions. GitLab publishes with Pages by itself.");
    if !known {
        crate::outln!("");
        crate::outln!(
            "before you push: set AMBIT_REPO in .github/workflows/ambit.yml and .gitlab-ci.yml to the git"
        );
        crate::outln!("address you install ambit from (or run `ambit init --ambit-git URL`)");
    }
    crate::outln!(
        "EDITING.md tells editors how to add an action, open a pull request and preview."
    );
}
