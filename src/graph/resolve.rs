//! Resolution of references: unique ids per place, `id` and `place/id`
//! references checked for existence and kind, strategies checked against the
//! action's ambition, and back-references collected in one linear pass.

use std::collections::HashMap;

use super::Graph;
use crate::diag::{closest, Diagnostic};
use crate::model::{Entity, EntityKind, Fields, Ref};
use crate::parse::Parsed;

struct Index<'a> {
    /// Files that exist but did not parse: (place, id).
    unreadable: &'a [(String, String)],
    /// place id -> (entity id -> (place idx, entity idx)) over ALL entities, drafts included.
    places: HashMap<&'a str, (usize, HashMap<&'a str, usize>)>,
    all: Vec<(&'a str, Vec<&'a Entity>, bool)>,
}

pub fn resolve(parsed: Parsed, today: crate::model::Date) -> (Option<Graph>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
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
                let other = &entities[first];
                diags.push(
                    Diagnostic::error(
                        &e.common.display_path,
                        crate::diag::Pos::new(1, 1),
                        format!("id `{}` is used twice in place `{}`", e.common.id, p.id),
                    )
                    .with_help(format!(
                        "{} already uses it; ids are unique within a place across all kinds",
                        other.common.source
                    ))
                    .with_help("rename one of the files"),
                );
            } else {
                ids.insert(e.common.id.as_str(), ei);
            }
        }
        index.places.insert(p.id.as_str(), (pi, ids));
        index.all.push((p.id.as_str(), entities, draft_place));
    }

    // Check every reference of every entity.
    for (pi, (place_id, entities, _)) in index.all.iter().enumerate() {
        let has_areas = entities.iter().any(|e| e.kind == EntityKind::Area);
        for e in entities {
            let check = |r: &Ref, want: &[EntityKind], d: &mut Vec<Diagnostic>| {
                check_ref(&index, pi, place_id, e, r, want, d)
            };
            match &e.fields {
                Fields::Ambition { area, .. } => match area {
                    Some(a) => {
                        check(a, &[EntityKind::Area], &mut diags);
                    }
                    None if has_areas => diags.push(
                        Diagnostic::error(&e.common.display_path, crate::diag::Pos::new(1, 1), "missing required key `area`")
                            .with_help(format!("place `{place_id}` has areas, so each ambition names its area: `area: <id>`"))
                            .with_help(format!("areas here: {}", ids_of(entities, EntityKind::Area))),
                    ),
                    None => {}
                },
                Fields::Strategy { ambition } => {
                    check(ambition, &[EntityKind::Ambition], &mut diags);
                }
                Fields::Report(rep) if rep.year > today.year() => diags.push(
                    Diagnostic::error(
                        &e.common.display_path,
                        e.common.key_pos("title"),
                        format!(
                            "report for {} is for a year that has not come yet (it is {} now)",
                            rep.year, today.year()
                        ),
                    )
                    .with_help("a yearly report follows up a year that has begun or passed")
                    .with_help(format!(
                        "rename the file to the year it follows up, e.g. `reports/{}.md`",
                        today.year()
                    )),
                ),
                Fields::Indicator(ind) => {
                    for m in &ind.measures {
                        check(m, &[EntityKind::Ambition, EntityKind::Strategy], &mut diags);
                    }
                }
                Fields::Action(a) => {
                    let amb = check(&a.ambition, &[EntityKind::Ambition], &mut diags);
                    if let Some(s) = &a.strategy {
                        if let (Some(st), Some(amb)) = (check(s, &[EntityKind::Strategy], &mut diags), amb) {
                            let strat = index.all[st.0].1[st.1];
                            if let Fields::Strategy { ambition } = &strat.fields {
                                let owner = lookup(&index, st.0, ambition);
                                if owner.is_some() && owner != Some(amb) {
                                    let amb_e = index.all[amb.0].1[amb.1];
                                    diags.push(
                                        Diagnostic::error(&e.common.display_path, s.pos, format!("strategy `{}` belongs to ambition `{}`, not to `{}`", s.raw, ambition.raw, a.ambition.raw))
                                            .with_help(format!("strategies of `{}`: {}", amb_e.common.id, strategies_of(&index, amb)))
                                            .with_help("change `strategy`, or `ambition` to the one the strategy serves"),
                                    );
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
            // A published entity must not point at a draft.
            if !e.common.draft && !index.all[pi].2 {
                for r in refs_of(e) {
                    if let Some((tp, te)) = lookup(&index, pi, r) {
                        let target = index.all[tp].1[te];
                        if target.common.draft || index.all[tp].2 {
                            diags.push(
                                Diagnostic::error(&e.common.display_path, r.pos, format!("`{}` is a draft and is not published", r.raw))
                                    .with_help("publish it (remove `draft: true`), or mark this file `draft: true` too"),
                            );
                        }
                    }
                }
            }
        }
    }
    super::bodylinks::check(&parsed, &mut diags);
    super::budgets::check(&parsed, &mut diags);
    if diags.iter().any(Diagnostic::is_error) {
        return (None, diags);
    }
    drop(index);
    (Some(super::assemble::assemble(parsed, today)), diags)
}

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

fn lookup(index: &Index, from_place: usize, r: &Ref) -> Option<(usize, usize)> {
    let pi = match &r.place {
        Some(p) => index.places.get(p.as_str())?.0,
        None => from_place,
    };
    let ids = &index.places.get(index.all[pi].0)?.1;
    ids.get(r.id.as_str()).map(|&ei| (pi, ei))
}

fn check_ref(
    index: &Index,
    pi: usize,
    place_id: &str,
    e: &Entity,
    r: &Ref,
    want: &[EntityKind],
    diags: &mut Vec<Diagnostic>,
) -> Option<(usize, usize)> {
    let want_names: Vec<&str> = want.iter().map(|k| k.name()).collect();
    let want_text = want_names.join(" or ");
    let want_plural = want
        .iter()
        .map(|k| plural(*k))
        .collect::<Vec<_>>()
        .join(" or ");
    let published = !e.common.draft;
    let path = &e.common.display_path;
    if let Some(p) = &r.place {
        if !index.places.contains_key(p.as_str()) {
            let places: Vec<&str> = index.places.keys().copied().collect();
            let mut d =
                Diagnostic::error(path, r.pos, format!("unknown place `{p}` in `{}`", r.raw));
            if let Some(s) = closest(p, places.iter().copied(), 1).first() {
                d = d.with_help(format!("did you mean `{s}/{}`?", r.id));
            }
            let mut sorted = places.clone();
            sorted.sort();
            diags.push(d.with_help(format!("places: {}", sorted.join(", "))));
            return None;
        }
    }
    let target_place = r.place.as_deref().unwrap_or(place_id);
    match lookup(index, pi, r) {
        Some((tp, te)) => {
            let t = index.all[tp].1[te];
            if want.contains(&t.kind) {
                return Some((tp, te));
            }
            let article = if want_names[0].starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            let mut d = Diagnostic::error(
                path,
                r.pos,
                format!(
                    "`{}` is {} {}, not {article} {want_text}",
                    r.raw,
                    kind_article(t.kind),
                    t.kind.name()
                ),
            );
            if e.kind == EntityKind::Indicator && t.kind == EntityKind::Action {
                d = d.with_help("an indicator measures ambitions or strategies; list the ambition the action serves instead");
            }
            let cands = candidates(index, tp, want, published);
            diags.push(d.with_help(format!(
                "{want_plural} in `{target_place}`: {}",
                list_or_none(&cands)
            )));
            None
        }
        None => {
            let tp = index.places.get(target_place).map(|p| p.0).unwrap_or(pi);
            if index
                .unreadable
                .iter()
                .any(|(p, i)| p == target_place && *i == r.id)
            {
                // The target exists but has its own error, reported on its own file.
                return None;
            }
            let cands = candidates(index, tp, want, published);
            let near = closest(&r.id, cands.iter().map(String::as_str), 3);
            let mut d = Diagnostic::error(
                path,
                r.pos,
                format!("no {want_text} `{}` in place `{target_place}`", r.id),
            );
            d = match near.first() {
                Some(best) => {
                    let q = r
                        .place
                        .as_ref()
                        .map(|p| format!("{p}/"))
                        .unwrap_or_default();
                    let d = d.with_help(format!("did you mean `{q}{best}`?"));
                    if near.len() > 1 {
                        d.with_help(format!("other close ids: {}", near[1..].join(", ")))
                    } else {
                        d
                    }
                }
                None => d.with_help(format!(
                    "{want_plural} in `{target_place}`: {}",
                    list_or_none(&cands)
                )),
            };
            if r.place.is_none() {
                for (other, (_, ents, _)) in index.all.iter().enumerate() {
                    if other != pi
                        && ents.iter().any(|x| {
                            x.common.id == r.id
                                && want.contains(&x.kind)
                                && (!published || !x.common.draft)
                        })
                    {
                        d = d.with_help(format!(
                            "`{}` exists in place `{}`: write `{}/{}`",
                            r.id, index.all[other].0, index.all[other].0, r.id
                        ));
                    }
                }
            }
            if r.place.is_none() {
                d = d.with_help("to point at another place, write `place/id`");
            }
            diags.push(d);
            None
        }
    }
}

fn kind_article(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Ambition | EntityKind::Area | EntityKind::Action | EntityKind::Indicator => {
            "an"
        }
        _ => "a",
    }
}

fn candidates(index: &Index, tp: usize, want: &[EntityKind], published_only: bool) -> Vec<String> {
    index.all[tp]
        .1
        .iter()
        .filter(|e| want.contains(&e.kind) && !(published_only && e.common.draft))
        .map(|e| e.common.id.clone())
        .collect()
}

fn plural(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Strategy => "strategies",
        EntityKind::Area => "areas",
        EntityKind::Ambition => "ambitions",
        EntityKind::Indicator => "indicators",
        EntityKind::Action => "actions",
        EntityKind::Programme => "programmes",
        EntityKind::Report => "reports",
    }
}

fn list_or_none(v: &[String]) -> String {
    if v.is_empty() {
        "none yet".into()
    } else {
        let mut v = v.to_vec();
        v.sort();
        v.truncate(12);
        v.join(", ")
    }
}
