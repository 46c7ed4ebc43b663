//! The command line: `ambit build`, `check`, `serve`, `new`, `init`, `import` and `schema`.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Build a public, searchable site from development programmes kept as Markdown files.
#[derive(Debug, Parser)]
#[command(name = "ambit", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    /// `path:line:col: error: message` lines (with source snippets in a terminal)
    Human,
    /// GitHub Actions annotations (`::error file=…,line=…::…`)
    Github,
    /// One JSON array of diagnostics
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the content and build the site into the output folder
    Build {
        /// Folder holding site.yaml and one folder per place
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Folder to write the site to (replaced as a whole on success)
        #[arg(long, default_value = "output")]
        output: PathBuf,
        /// Override site.yaml's base_url (e.g. https://example.org/sub/path/)
        #[arg(long)]
        base_url: Option<String>,
        /// How to print errors and warnings (human: every error, the first 5 warnings and a
        /// count of the rest; `ambit check` lists them all)
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Also write a gzipped copy (`.gz`) of every search index file, for hosts that serve
        /// precompressed files (nginx `gzip_static`); most hosts compress on the fly
        #[arg(long)]
        gzip: bool,
    },
    /// Check the content and report every problem, writing nothing
    ///
    /// Limits: a content file (.md or site.yaml) may be at most 10 MiB, front matter may nest
    /// lists and maps at most 100 levels deep, and raw HTML in a body at most 256 elements
    /// deep. Symbolic links are refused anywhere in the content, files/ folders included.
    Check {
        /// Folder holding site.yaml and one folder per place
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// How to print errors and warnings
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Also list the gaps a steering group reviews (ambitions without actions, late actions …)
        #[arg(long)]
        gaps: bool,
    },
    /// Build, serve on 127.0.0.1, rebuild on change and reload the browser
    Serve {
        /// Folder holding site.yaml and one folder per place
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Folder the served site is written to
        #[arg(long, default_value = "output")]
        output: PathBuf,
        /// Port to listen on (0 picks a free one)
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Address to listen on; only loopback unless you say otherwise
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
    },
    /// Write a new content file with commented front matter in the place's language, listing the ids each reference may take
    New {
        /// What to create
        #[arg(value_enum)]
        kind: NewKind,
        /// `<place>/<id>` (just `<place>` for a place, `<place>/<year>` for a report)
        target: String,
        /// Folder holding site.yaml and one folder per place
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Start a content repository: site.yaml, one place, a workflow that checks pull requests
    /// and publishes the site, and a short guide for editors
    ///
    /// Writes into DIR (default: the current folder) and never overwrites a file: if any file it
    /// would write exists, it writes nothing (exit 2). What it writes checks and builds at once.
    Init {
        /// Folder to start the repository in
        dir: Option<PathBuf>,
        /// Language of the site and its place: sv, en or nl
        #[arg(long, value_enum, default_value_t = InitLanguage::Sv)]
        language: InitLanguage,
        /// Title of the site (default: a title in the chosen language)
        #[arg(long)]
        title: Option<String>,
        /// Git address the workflows install ambit from (default: where this ambit was
        /// installed from by `cargo install --git`, when it was)
        #[arg(long)]
        ambit_git: Option<String>,
    },
    /// Turn an action list kept in a spreadsheet into action files of a place
    ///
    /// Reads CSV (UTF-8 with or without BOM; `,` or `;` as the header row uses) or XLSX (the
    /// first sheet, or --sheet). Row 1 names the columns: the keys of an action as
    /// data/actions.csv writes them (id, title, ambition, status, responsible, budget_amount …)
    /// or the labels the site shows for them ("Ansvarig", "Klar senast"); status values also as
    /// the site shows them ("Genomförd"). List cells are split on `;`. Every problem is reported
    /// at FILE:ROW:COL with the column's name; on any error, or when a file exists, nothing is
    /// written (exit 1).
    Import {
        /// The spreadsheet: .csv, .xlsx (also .xls, .ods)
        file: PathBuf,
        /// Place whose actions/ folder the files are written to
        #[arg(long)]
        place: String,
        /// Folder holding site.yaml and one folder per place
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Sheet of a workbook to read (default: the first)
        #[arg(long)]
        sheet: Option<String>,
        /// Print the files that would be written, and write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Print the JSON Schema of a file type, or write all of them to a folder
    Schema {
        /// site, programme, area, ambition, strategy, indicator, action or report
        kind: Option<String>,
        /// Write every schema into this folder
        #[arg(long)]
        out: Option<PathBuf>,
    },
    #[command(name = "__remove-tree", hide = true)]
    RemoveTree { dir: PathBuf },
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum InitLanguage {
    Sv,
    En,
    Nl,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum NewKind {
    Place,
    Area,
    Ambition,
    Strategy,
    Indicator,
    Action,
    /// The yearly follow-up of a place: `ambit new report <place>/<year>`
    Report,
}
