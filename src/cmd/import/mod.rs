//! `ambit import`: an action list kept in a spreadsheet (CSV or XLSX, one row an action) becomes
//! `<place>/actions/<id>.md` files in the layout of `ambit new action`. The files are checked
//! with the rest of the content before anything is written, and every problem is reported at
//! the spreadsheet's `FILE:ROW:COL`, naming the column's header.

mod cells;
mod columns;
mod table;
mod value;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use cells::{CellError, Draft, RowContext};
use columns::{Column, Headers, StatusWords};

use crate::diag::{self, Diagnostic, Pos};
use crate::load::SourceFile;
use crate::model::EntityKind;

/// What `ambit import` was asked to do.
pub struct Options<'a> {
    pub file: &'a Path,
    pub place: &'a str,
    pub content: &'a Path,
    pub sheet: Option<&'a str>,
    pub dry_run: bool,
}

/// One action file to write, and where its lines came from in the spreadsheet.
struct Planned {
    path: PathBuf,
    rel: String,
    text: String,
    row: usize,
    /// File line → column index of the key on that line.
    lines: BTreeMap<usize, usize>,
    id_col: Option<usize>,
}

/// Runs the import and returns the exit code.
pub fn run(o: &Options) -> i32 {
    match plan(o) {
        Ok(planned) => {
            if o.dry_run {
                for p in &planned {
                    crate::outln!("=== {} ===\n{}", p.path.display(), p.text);
                }
                crate::errln!(
                    "would write {} actions into {}; nothing was written (--dry-run)",
                    planned.len(),
                    o.content.join(o.place).join("actions").display()
                );
                return 0;
            }
            match write_all(&planned) {
                Ok(()) => {
                    crate::errln!(
                        "imported {} actions into {}",
                        planned.len(),
                        o.content.join(o.place).join("actions").display()
                    );
                    0
                }
                Err(d) => {
                    crate::errln!("{}", d.plain());
                    2
                }
            }
        }
        Err(diags) => {
            for d in &diags {
                crate::errln!("{}", d.plain());
            }
            let errors = diags.iter().filter(|d| d.is_error()).count();
            crate::errln!(
                "{errors} error{}; nothing was written",
                if errors == 1 { "" } else { "s" }
            );
            diag::exit_code(&diags).max(1)
        }
    }
}

fn plan(o: &Options) -> Result<Vec<Planned>, Vec<Diagnostic>> {
    let display = o.file;
    if !o.content.join("site.yaml").is_file() {
        return Err(vec![Diagnostic::io(
            Some(o.content),
            "no site.yaml in the content folder",
        )
        .with_help(
            "run this from the folder above content/, or pass --content DIR",
        )]);
    }
    if !crate::load::is_valid_id(o.place) || !o.content.join(o.place).join("programme.md").is_file()
    {
        return Err(vec![Diagnostic::io(
            None,
            format!("place `{}` does not exist", o.place),
        )
        .with_help(format!("create it first: `ambit new place {}`", o.place))]);
    }
    let mut table = table::read(o.file, display, o.sheet)?;
    if table.header.is_empty() {
        return Err(vec![Diagnostic::error(
            display,
            Pos::new(1, 1),
            "the first row names no columns",
        )
        .with_help("row 1 names the columns: title, ambition, status, …")]);
    }
    let mut errors = std::mem::take(&mut table.errors);
    let ctx = crate::cmd::scaffold::context(o.content, o.place);
    let headers = Headers::new(ctx.strings());
    let columns = map_headers(&table, &headers, display).map_err(|mut e| {
        e.append(&mut errors);
        e
    })?;
    let statuses = StatusWords::new(ctx.strings());
    let content = o.content.to_path_buf();
    let has_file = move |rel: &str| {
        !rel.split('/').any(|p| p == ".." || p.is_empty()) && content.join(rel).is_file()
    };
    let cx = RowContext {
        place: o.place,
        columns: &columns,
        statuses: &statuses,
        first_col: table.first_col,
        base_url: &ctx.base_url,
        has_file: &has_file,
    };
    let mut drafts = Vec::new();
    for (row, cells) in &table.rows {
        match cells::read_row(&cx, *row, cells) {
            Ok(d) => drafts.push(d),
            Err(e) => errors.extend(e.into_iter().map(|e| cell_diag(display, &table, e))),
        }
    }
    let planned = files(o, &ctx, &table, drafts, &mut errors);
    // The rows that could be read are checked with the content even when others could not,
    // so that every problem is reported at once.
    if let Err(e) = check(o, &table, &planned) {
        errors.extend(e);
    }
    if errors.is_empty() {
        Ok(planned)
    } else {
        diag::sort(&mut errors);
        Err(errors)
    }
}

/// The column of each header; unknown and repeated headers are errors at row 1.
fn map_headers(
    t: &table::Table,
    h: &Headers,
    display: &Path,
) -> Result<Vec<Column>, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut seen: BTreeMap<Column, usize> = BTreeMap::new();
    let mut columns = Vec::new();
    for (i, name) in t.header.iter().enumerate() {
        let pos = Pos::new(1, t.first_col + i);
        match h.get(name) {
            Some(c) => {
                if let Some(before) = (c != Column::Derived).then(|| seen.insert(c, i)).flatten() {
                    errors.push(
                        Diagnostic::error(
                            display,
                            pos,
                            format!(
                                "column \"{name}\" names the same key as column {}",
                                t.first_col + before
                            ),
                        )
                        .with_help("keep one of the two columns"),
                    );
                }
                columns.push(c);
            }
            None => {
                let mut d =
                    Diagnostic::error(display, pos, format!("unknown column \"{}\"", name.trim()));
                if let Some(s) = diag::did_you_mean(&name.trim().to_lowercase(), h.names()) {
                    d = d.with_help(format!("did you mean \"{s}\"?"));
                }
                errors.push(d.with_help(
                    "columns are the keys of an action (title, ambition, status, …) or the site's labels for them",
                ));
                columns.push(Column::Derived);
            }
        }
    }
    if errors.is_empty() {
        Ok(columns)
    } else {
        Err(errors)
    }
}

fn cell_diag(display: &Path, t: &table::Table, e: CellError) -> Diagnostic {
    let mut message = e.message;
    if let Some(name) = e.col.and_then(|c| t.header.get(c)) {
        message = format!("{message} (column \"{}\")", name.trim());
    }
    let d = Diagnostic::error(display, e.pos, message);
    match e.help {
        Some(h) => d.with_help(h),
        None => d,
    }
}

/// The files the drafts become; ids taken twice, or by a file that exists, are errors.
fn files(
    o: &Options,
    ctx: &crate::cmd::scaffold::Context,
    t: &table::Table,
    drafts: Vec<Draft>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Planned> {
    let mut taken: BTreeMap<String, usize> = BTreeMap::new();
    let mut planned = Vec::new();
    let display = o.file;
    for d in drafts {
        let rel = format!("{}/actions/{}.md", o.place, d.id);
        let path = o.content.join(&rel);
        let at = |col: Option<usize>| Pos::new(d.row, t.first_col + col.unwrap_or(0));
        if let Some(before) = taken.insert(d.id.clone(), d.row) {
            errors.push(
                Diagnostic::error(
                    display,
                    at(d.id_col),
                    format!("row {before} has the id `{}` too", d.id),
                )
                .with_help("give one of them another id in an `id` column"),
            );
            continue;
        }
        if path.exists() || drafts_collide_with_reserved(&d.id) {
            let msg = if path.exists() {
                format!("{} exists; not overwriting it", path.display())
            } else {
                format!("`{}` is a name the action list uses itself", d.id)
            };
            errors.push(Diagnostic::error(display, at(d.id_col), msg).with_help(
                "give the action another id in an `id` column, or remove the file first",
            ));
            continue;
        }
        let filled: Vec<(&str, String)> = d.keys.iter().map(|(k, v, _)| (*k, v.clone())).collect();
        let text = crate::cmd::scaffold::action_with(o.place, &d.id, ctx, &filled, &d.body);
        let mut lines = BTreeMap::new();
        for (n, line) in text.lines().enumerate() {
            let key = line.split(':').next().unwrap_or_default();
            if let Some((_, _, col)) = d.keys.iter().find(|(k, _, _)| *k == key) {
                lines.insert(n + 1, *col);
            }
        }
        planned.push(Planned {
            path,
            rel,
            text,
            row: d.row,
            lines,
            id_col: d.id_col,
        });
    }
    planned
}

fn drafts_collide_with_reserved(id: &str) -> bool {
    crate::load::RESERVED_ACTION_IDS.contains(&id) || id == "index"
}

/// Checks the new files with the whole content, as `ambit check` would; the errors in them
/// are moved to the spreadsheet's rows and columns.
fn check(o: &Options, t: &table::Table, planned: &[Planned]) -> Result<(), Vec<Diagnostic>> {
    let (mut sources, load_diags) = crate::load::load(o.content);
    if diag::has_errors(&load_diags) {
        return Err(load_diags);
    }
    let Some(place) = sources.places.iter_mut().find(|p| p.id == o.place) else {
        return Err(vec![Diagnostic::io(
            None,
            format!("place `{}` does not exist", o.place),
        )]);
    };
    let by_path: BTreeMap<PathBuf, &Planned> = planned
        .iter()
        .map(|p| {
            place.entities.push((
                EntityKind::Action,
                SourceFile {
                    rel: p.rel.clone(),
                    display: p.path.clone(),
                    text: p.text.clone(),
                },
            ));
            (p.path.clone(), p)
        })
        .collect();
    let (_, diags) = crate::resolve(&sources, load_diags, None, crate::graph::today());
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for d in diags.into_iter().filter(Diagnostic::is_error) {
        let Some(p) = d.path.as_ref().and_then(|path| by_path.get(path)) else {
            out.push(d);
            continue;
        };
        let col = p.lines.get(&d.line).copied().or(p.id_col).unwrap_or(0);
        let mut message = d.message.clone();
        if let Some(name) = t.header.get(col) {
            message = format!("{message} (column \"{}\")", name.trim());
        }
        if !seen.insert((p.row, col, message.clone())) {
            continue;
        }
        let mut m = Diagnostic::error(o.file, Pos::new(p.row, t.first_col + col), message);
        m.help = d.help;
        out.push(m);
    }
    if out.is_empty() {
        Ok(())
    } else {
        diag::sort(&mut out);
        Err(out)
    }
}

/// Writes every file, or none: a failure removes the files written before it.
fn write_all(planned: &[Planned]) -> Result<(), Diagnostic> {
    let mut written: Vec<&Path> = Vec::new();
    for p in planned {
        let result = p
            .path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| {
                std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&p.path)
            })
            .and_then(|mut f| {
                written.push(&p.path);
                std::io::Write::write_all(&mut f, p.text.as_bytes())
            });
        if let Err(e) = result {
            for w in written {
                let _ = std::fs::remove_file(w);
            }
            return Err(Diagnostic::io(Some(&p.path), format!("cannot write: {e}"))
                .with_help("nothing was imported"));
        }
    }
    Ok(())
}
