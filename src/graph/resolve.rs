//! Resolution of references: unique ids per place, `id` and `place/id`
//! references checked for existence and kind, strategies checked against the
//! action's ambition, and back-references collected in one linear pass.

use std::collections::HashMap;

use super::reference::{check_ref, lookup, Index};
use super::Graph;
use crate::diag::Diagnostic;
use crate::model::{Entity, EntityKind, Fields, Ref};
use crate::parse::Parsed;

/// Checks ids and references of `parsed` and, when nothing is wrong, assembles the graph.
pub fn resolve(parsed: Parsed, today: crate::model::Date) -> (Option<Graph>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let index = index_places(&parsed, &mut diags);
    check_all_refs(&index, today, &mut diags);
    super::bodylinks::check(&parsed, &mut diags);
    super::budgets::check(&parsed, &mut diags);
    if diags.iter().any(Diagnostic::is_error) {
        return (None, diags);
    }
    drop(index);
    (Some(super::assemble::assemble(parsed, today)), diags)
}

/// Indexes the entities of every place by id, reporting an id used twice in a place.
fn index_places<'a>(parsed: &'a Parsed, diags: &mut Vec<Diagnostic>) -> Index<'a> {
    let mut index = Index {
        unreadable: &parsed.unreadable,
        places: HashMap::new(),
        all: Vec::new(),
    };
    for (pi, p) in parsed.places.iter().enumerate() {
        let draft_place = p.programme.as_ref().is_some_and(|e| e.common.draft);
        let mut ids: HashMap<&str, usize> = HashMap::new();
        let entities: Vec<&Entity> = p.entities.iter().collect();
        for (ei, e) in entities.iter().enumerate() {
            if let Some(&first) = ids.get(e.common.id.as_str()) {
                diags.push(duplicate_id(e, entities[first], &p.id));
            } else {
                ids.insert(e.common.id.as_str(), ei);
            }
        }
        index.places.insert(p.id.as_str(), (pi, ids));
        index.all.push((p.id.as_str(), entities, draft_place));
    }
    index
}

/// The error for `e`, whose id `other` of place `place` already has.
fn duplicate_id(e: &Entity, other: &Entity, place: &str) -> Diagnostic {
    Diagnostic::error(
        &e.common.display_path,
        crate::diag::Pos::new(1, 1),
        format!("id `{}` is used twice in place `{}`", e.common.id, place),
    )
    .with_help(format!(
        "{} already uses it; ids are unique within a place across all kinds",
        other.common.source
    ))
    .with_help("rename one of the files")
}

/// Checks every reference of every entity, and that no published entity points at a draft.
fn check_all_refs(index: &Index, today: crate::model::Date, diags: &mut Vec<Diagnostic>) {
    for (pi, (_, entities, _)) in index.all.iter().enumerate() {
        let has_areas = entities.iter().any(|e| e.kind == EntityKind::Area);
        for e in entities {
            check_fields(index, pi, has_areas, e, today, diags);
            check_no_draft_targets(index, pi, e, diags);
        }
    }
}

/// Checks the references (and a report's year) of entity `e` of place `pi`, by its kind.
fn check_fields(
    index: &Index,
    pi: usize,
    has_areas: bool,
    e: &Entity,
    today: crate::model::Date,
    diags: &mut Vec<Diagnostic>,
) {
    let (place_id, entities, _) = &index.all[pi];
    let check = |r: &Ref, want: &[EntityKind], d: &mut Vec<Diagnostic>| {
        check_ref(index, pi, place_id, e, r, want, d)
    };
    match &e.fields {
        Fields::Ambition { area, .. } => match area {
            Some(a) => {
                check(a, &[EntityKind::Area], diags);
            }
            None if has_areas => diags.push(
                Diagnostic::error(
                    &e.common.display_path,
                    crate::diag::Pos::new(1, 1),
                    "missing required key `area`",
                )
                .with_help(format!(
                    "place `{place_id}` has areas, so each ambition names its area: `area: <id>`"
                ))
                .with_help(format!(
                    "areas here: {}",
                    ids_of(entities, EntityKind::Area)
                )),
            ),
            None => {}
        },
        Fields::Strategy { ambition } => {
            check(ambition, &[EntityKind::Ambition], diags);
        }
        Fields::Report(rep) if rep.year > today.year() => {
            diags.push(future_report(e, rep.year, today))
        }
        Fields::Indicator(ind) => {
            for m in &ind.measures {
                check(m, &[EntityKind::Ambition, EntityKind::Strategy], diags);
            }
        }
        Fields::Action(a) => {
            let amb = check(&a.ambition, &[EntityKind::Ambition], diags);
            if let Some(s) = &a.strategy {
                if let (Some(st), Some(amb)) = (check(s, &[EntityKind::Strategy], diags), amb) {
                    check_strategy_serves(index, e, a, s, st, amb, diags);
                }
            }
        }
        _ => {}
    }
}

/// The error for report `e`, which is for `year`, after the year of `today`.
fn future_report(e: &Entity, year: i32, today: crate::model::Date) -> Diagnostic {
    Diagnostic::error(
        &e.common.display_path,
        e.common.key_pos("title"),
        format!(
            "report for {} is for a year that has not come yet (it is {} now)",
            year,
            today.year()
        ),
    )
    .with_help("a yearly report follows up a year that has begun or passed")
    .with_help(format!(
        "rename the file to the year it follows up, e.g. `reports/{}.md`",
        today.year()
    ))
}

/// Checks that strategy `s` (found at `st`) of action `e` serves the action's ambition `amb`.
fn check_strategy_serves(
    index: &Index,
    e: &Entity,
    a: &crate::model::Action,
    s: &Ref,
    st: (usize, usize),
    amb: (usize, usize),
    diags: &mut Vec<Diagnostic>,
) {
    let strat = index.all[st.0].1[st.1];
    if let Fields::Strategy { ambition } = &strat.fields {
        let owner = lookup(index, st.0, ambition);
        if owner.is_some() && owner != Some(amb) {
            let amb_e = index.all[amb.0].1[amb.1];
            diags.push(
                Diagnostic::error(
                    &e.common.display_path,
                    s.pos,
                    format!(
                        "strategy `{}` belongs to ambition `{}`, not to `{}`",
                        s.raw, ambition.raw, a.ambition.raw
                    ),
                )
                .with_help(format!(
                    "strategies of `{}`: {}",
                    amb_e.common.id,
                    strategies_of(index, amb)
                ))
                .with_help("change `strategy`, or `ambition` to the one the strategy serves"),
            );
        }
    }
}

/// Reports each reference of published entity `e` of place `pi` to a draft.
fn check_no_draft_targets(index: &Index, pi: usize, e: &Entity, diags: &mut Vec<Diagnostic>) {
    if e.common.draft || index.all[pi].2 {
        return;
    }
    for r in refs_of(e) {
        if let Some((tp, te)) = lookup(index, pi, r) {
            let target = index.all[tp].1[te];
            if target.common.draft || index.all[tp].2 {
                diags.push(
                    Diagnostic::error(
                        &e.common.display_path,
                        r.pos,
                        format!("`{}` is a draft and is not published", r.raw),
                    )
                    .with_help(
                        "publish it (remove `draft: true`), or mark this file `draft: true` too",
                    ),
                );
            }
        }
    }
}

/// The ids of `entities` of `kind`, comma-separated, or `none`.
fn ids_of(entities: &[&Entity], kind: EntityKind) -> String {
    let v: Vec<&str> = entities
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.common.id.as_str())
        .collect();
    if v.is_empty() {
        "none".into()
    } else {
        v.join(", ")
    }
}

/// The strategies of ambition `amb` from every place, comma-separated, or `none`.
fn strategies_of(index: &Index, amb: (usize, usize)) -> String {
    let mut out = Vec::new();
    for (pi, (pid, ents, _)) in index.all.iter().enumerate() {
        for e in ents {
            if let Fields::Strategy { ambition } = &e.fields {
                if lookup(index, pi, ambition) == Some(amb) {
                    out.push(if pi == amb.0 {
                        e.common.id.clone()
                    } else {
                        format!("{pid}/{}", e.common.id)
                    });
                }
            }
        }
    }
    if out.is_empty() {
        "none".into()
    } else {
        out.join(", ")
    }
}

/// Every reference `e` makes (the graph's links are made of these).
pub fn refs_of(e: &Entity) -> Vec<&Ref> {
    match &e.fields {
        Fields::Ambition { area, .. } => area.iter().collect(),
        Fields::Strategy { ambition } => vec![ambition],
        Fields::Indicator(i) => i.measures.iter().collect(),
        Fields::Action(a) => std::iter::once(&a.ambition)
            .chain(a.strategy.iter())
            .collect(),
        _ => Vec::new(),
    }
}
