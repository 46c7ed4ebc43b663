//! Synthetic content corpus for the scale benchmark (`bench/run.sh`).
//!
//! ```text
//! cargo run --release -p ambit-corpus --bin synth -- --places 20 --actions 450 OUT_DIR
//! cargo run --release -p ambit-corpus --bin synth -- --places 20 --actions 450 --hugo HUGO_DIR OUT_DIR
//! ```
//!
//! Writes a valid content tree (it passes `ambit check`) into `OUT_DIR`: `site.yaml` and, per
//! place, `programme.md`, areas, ambitions (each with an area), strategies, indicators with
//! yearly values and `--actions` actions spread over every status, with every action field
//! (done ones with `completed`; some actions of other places serve `place-01/<ambition>`).
//! Bodies are a few hundred words of Swedish-looking text with headings, lists, a table and
//! links. The output depends only on the arguments (a small inline PRNG, no clock).
//!
//! The defaults (3 areas, 10 ambitions, 22 strategies, 6 indicators per place: 41 entities,
//! plus the programme and 12 list, search, data and follow-up pages) make `--places 20
//! --actions 450` come to about 10,080 pages (20 × 504 + 3 site-wide pages with ambit's
//! default theme as of this writing).
//!
//! `--hugo DIR` also converts the written corpus into a Hugo site in `DIR` (`hugo.yaml` and
//! `content/`; the layouts are in `bench/hugo/`, passed to Hugo with `--themesDir bench
//! --theme hugo`). The conversion reads the content tree back, so `--hugo DIR --convert-only
//! CONTENT_DIR` converts any ambit content folder without generating one.
//!
//! Modules: `corpus` plans the places and lists the files, `entities` and `action` write them,
//! `text` and `words` make the Swedish-looking text from the numbers of `rng`, and `hugo`
//! converts a content folder.

mod action;
mod corpus;
mod entities;
mod hugo;
mod rng;
mod text;
mod words;

use std::fs;
use std::path::{Path, PathBuf};

use clap::Parser;

#[derive(Debug, Parser)]
#[command(about = "Generate a synthetic ambit content corpus (and optionally a Hugo copy)")]
struct Args {
    /// Number of places (place-01 is the municipality)
    #[arg(long, default_value_t = 20)]
    places: usize,
    /// Actions per place
    #[arg(long, default_value_t = 450)]
    actions: usize,
    /// Areas per place
    #[arg(long, default_value_t = 3)]
    areas: usize,
    /// Ambitions per place (each in an area)
    #[arg(long, default_value_t = 10)]
    ambitions: usize,
    /// Strategies per place (each serving an ambition)
    #[arg(long, default_value_t = 22)]
    strategies: usize,
    /// Indicators per place (8 yearly values each)
    #[arg(long, default_value_t = 6)]
    indicators: usize,
    /// Seed of the pseudo-random generator
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Also write a Hugo site with the same pages into this folder
    #[arg(long)]
    hugo: Option<PathBuf>,
    /// Do not generate: OUT_DIR is an existing content folder to convert with --hugo
    #[arg(long)]
    convert_only: bool,
    /// Replace OUT_DIR (and the --hugo folder) if they exist
    #[arg(long)]
    force: bool,
    /// Content folder to write (or, with --convert-only, to read)
    out_dir: PathBuf,
}

fn main() {
    let args = Args::parse();
    if let Err(e) = run(&args) {
        eprintln!("synth: {e}");
        std::process::exit(2);
    }
}

fn run(args: &Args) -> Result<(), String> {
    if !args.convert_only {
        if args.places == 0 || args.ambitions == 0 {
            return Err("--places and --ambitions must be at least 1".into());
        }
        prepare_dir(&args.out_dir, args.force)?;
        let files = corpus::generate(args);
        let n = files.len();
        for (rel, text) in files {
            write(&args.out_dir.join(rel), &text)?;
        }
        eprintln!("synth: wrote {n} files into {}", args.out_dir.display());
    }
    if let Some(h) = &args.hugo {
        prepare_dir(h, args.force)?;
        let n = hugo::convert(&args.out_dir, h)?;
        eprintln!(
            "synth: wrote a Hugo site ({n} content files) into {}",
            h.display()
        );
    }
    Ok(())
}

fn prepare_dir(dir: &Path, force: bool) -> Result<(), String> {
    if dir.exists()
        && fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .next()
            .is_some()
    {
        if !force {
            return Err(format!(
                "{} exists and is not empty (use --force to replace it)",
                dir.display()
            ));
        }
        fs::remove_dir_all(dir).map_err(|e| format!("removing {}: {e}", dir.display()))?;
    }
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
