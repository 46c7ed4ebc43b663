//! `ambit new`: writes a valid content file with commented front matter,
//! refusing to overwrite.

use std::path::Path;

use crate::cli::NewKind;
use crate::diag::Diagnostic;
use crate::load::{is_valid_id, slugify};

pub fn run(kind: NewKind, target: &str, content: &Path) -> Result<(), Diagnostic> {
    let (place, id) = match (kind, target.split_once('/')) {
        (NewKind::Place, None) => (target, target),
        (NewKind::Place, Some(_)) => {
            return Err(usage(
                "for a place, give just its id: `ambit new place getinge`",
            ))
        }
        (_, Some((p, i))) => (p, i),
        (_, None) => {
            return Err(usage(
                "give `<place>/<id>`, e.g. `ambit new action getinge/ny-lekplats`",
            ))
        }
    };
    if kind == NewKind::Report && !(id.len() == 4 && id.bytes().all(|b| b.is_ascii_digit())) {
        return Err(usage(&format!("`{id}` is not a year")).with_help(format!(
            "a report is named after its year: `ambit new report {place}/2025`"
        )));
    }
    for part in [place, id] {
        if !is_valid_id(part) {
            return Err(usage(&format!("`{part}` is not a valid id"))
                .with_help(format!("use `{}`", slugify(part))));
        }
    }
    if !content.join("site.yaml").is_file() {
        return Err(
            Diagnostic::io(Some(content), "no site.yaml in the content folder")
                .with_help("run this from the folder above content/, or pass --content DIR"),
        );
    }
    let path = match kind {
        NewKind::Place => content.join(place).join("programme.md"),
        _ => {
            if !content.join(place).join("programme.md").is_file() {
                return Err(usage(&format!("place `{place}` does not exist"))
                    .with_help(format!("create it first: `ambit new place {place}`")));
            }
            let folder = match kind {
                NewKind::Area => "areas",
                NewKind::Ambition => "ambitions",
                NewKind::Strategy => "strategies",
                NewKind::Indicator => "indicators",
                NewKind::Report => "reports",
                _ => "actions",
            };
            content.join(place).join(folder).join(format!("{id}.md"))
        }
    };
    if path.exists() {
        return Err(
            Diagnostic::io(Some(&path), "file exists; not overwriting it")
                .with_help("choose another id, or edit the file"),
        );
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| Diagnostic::io(Some(parent), format!("cannot create folder: {e}")))?;
    }
    let text = template(kind, place, id);
    std::fs::write(&path, text)
        .map_err(|e| Diagnostic::io(Some(&path), format!("cannot write: {e}")))?;
    crate::outln!("created {}", path.display());
    Ok(())
}

fn usage(msg: &str) -> Diagnostic {
    Diagnostic::io(None, msg.to_string())
}

fn title_of(id: &str) -> String {
    crate::render::i18n::capitalize(&id.replace('-', " "))
}

/// The text of a new file of `kind`.
pub fn template(kind: NewKind, place: &str, id: &str) -> String {
    if kind == NewKind::Report {
        return format!("---\ntitle: Uppföljning {id}          # required: the heading of the year's follow-up page\npublished: {id}-12-31           # required: the date the report is published\n# adopted: {{by: Kommunstyrelsen, on: {id}-12-31}}\n# summary: One sentence for lists\n---\n\n## What happened in {id}\n\nThe year's account: what was done, what was not, and why.\n\n## Feedback to residents\n\nWhat residents' ideas and comments led to this year.\n");
    }
    let title = title_of(id);
    let common = format!("title: {title}                 # required: the name shown on the site\nsummary: One sentence for lists  # optional\n# order: \"1.1\"                 # optional: number shown and sort key\n# tags: [example]\n# draft: true                 # checked but not published\n");
    let (keys, body) = match kind {
        // Written in full above: a report has none of the common keys' comments.
        NewKind::Report => (String::new(), ""),
        NewKind::Place => (
            format!("place: {title}                 # required: display name of the place\nplace_kind: town              # required: town, district, village or municipality\n# municipality: Halmstads kommun\n# language: sv                # sv, en or nl; defaults to site.yaml's\n# adopted: {{by: Kommunstyrelsen, on: 2021-05-04}}\n# period: {{from: 2020, to: 2024}}\n# review: Ambitions each term of office, actions every year\n# partners: [Samhällsföreningen]\n# contact: {{name: Name, email: name@example.org}}\n# ideas: {{email: ideas@example.org, text: Send us your idea}}\n# revised: 2026-03-14          # when the plan was last revised\n# revise_every: 1             # whole years between revisions\n"),
            "The shared picture of the future: what the place wants to be.\n",
        ),
        NewKind::Area => (String::new(), "What this subject area covers.\n"),
        NewKind::Ambition => ("# area: <area id>              # required when the place has areas\n".into(), "Why this ambition matters, and what must succeed.\n"),
        NewKind::Strategy => ("ambition: <ambition id>         # required: the ambition it serves\n".into(), "How the ambition is reached.\n"),
        NewKind::Indicator => (
            "measures: [<ambition id>]       # required: ambitions or strategies it follows\n# unit: \"%\"\n# source: Survey, question 2.1\n# direction: up                # up or down: which way is better\n# target: {value: 60, year: 2024}\n# values:\n#   - {year: 2021, value: 48.5}\n".into(),
            "What the indicator shows and how it is measured.\n",
        ),
        NewKind::Action => (
            "ambition: <ambition id>         # required: the ambition it serves (or place/id)\n# strategy: <strategy id>     # a strategy of that ambition\nstatus: idea                    # required: idea, prioritised, planned, ongoing, done, cancelled\n# effort: investering         # type of effort\n# responsible: Tekniska förvaltningen\n# funded_by: Kommunen\n# due: 2026                   # 2026, \"2026-06\" or 2026-06-30\n# listed: 2025                # year put on the action list\n# completed: 2026-05-01       # only with status done (and then required)\n# decided_by: Tekniska nämnden\n# budget: {amount: 250000, currency: SEK, year: 2026}  # at most two decimals, never negative\n# origin: Medborgardialog 2025\n# progress: 0                 # 0 to 100\n".into(),
            "What will be done, where, and for whom.\n",
        ),
    };
    let _ = place;
    format!("---\n{common}{keys}---\n\n{body}")
}
