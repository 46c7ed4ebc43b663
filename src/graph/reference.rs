//! One reference checked against the index of every place's entities: that its place exists,
//! that it has the target, and that the target is of a kind the reference may point at; the
//! errors say what is wrong and what was probably meant.

use std::collections::HashMap;

use crate::diag::{closest, Diagnostic};
use crate::model::{Entity, EntityKind, Ref};

/// The entities of every place, indexed by id.
pub(super) struct Index<'a> {
    /// Files that exist but did not parse: (place, id).
    pub unreadable: &'a [(String, String)],
    /// place id -> (entity id -> (place idx, entity idx)) over ALL entities, drafts included.
    pub places: HashMap<&'a str, (usize, HashMap<&'a str, usize>)>,
    /// Per place: its id, its entities (drafts included) and whether the place is a draft.
    pub all: Vec<(&'a str, Vec<&'a Entity>, bool)>,
}

/// The (place, entity) index of the target of `r`, written in place `from_place`, if it exists.
pub(super) fn lookup(index: &Index, from_place: usize, r: &Ref) -> Option<(usize, usize)> {
    let pi = match &r.place {
        Some(p) => index.places.get(p.as_str())?.0,
        None => from_place,
    };
    let ids = &index.places.get(index.all[pi].0)?.1;
    ids.get(r.id.as_str()).map(|&ei| (pi, ei))
}

/// Checks reference `r` of entity `e` of place `pi` (`place_id`): its place exists, its target
/// exists and is of a kind in `want`. The target's (place, entity) index when it is.
pub(super) fn check_ref(
    index: &Index,
    pi: usize,
    place_id: &str,
    e: &Entity,
    r: &Ref,
    want: &[EntityKind],
    diags: &mut Vec<Diagnostic>,
) -> Option<(usize, usize)> {
    if let Some(p) = &r.place {
        if !index.places.contains_key(p.as_str()) {
            diags.push(unknown_place(index, &e.common.display_path, r, p));
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
            diags.push(wrong_kind(index, e, r, t, tp, want, target_place));
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
            diags.push(no_target(index, pi, tp, e, r, want, target_place));
            None
        }
    }
}

/// The kinds of `want` in words: `ambition or strategy`.
fn want_text(want: &[EntityKind]) -> String {
    let want_names: Vec<&str> = want.iter().map(|k| k.name()).collect();
    want_names.join(" or ")
}

/// The kinds of `want` in the plural: `ambitions or strategies`.
fn want_plural(want: &[EntityKind]) -> String {
    want.iter()
        .map(|k| plural(*k))
        .collect::<Vec<_>>()
        .join(" or ")
}

/// The error for reference `r`, written at `path`, to place `p`, which does not exist.
fn unknown_place(index: &Index, path: &std::path::Path, r: &Ref, p: &str) -> Diagnostic {
    let places: Vec<&str> = index.places.keys().copied().collect();
    let mut d = Diagnostic::error(path, r.pos, format!("unknown place `{p}` in `{}`", r.raw));
    if let Some(s) = closest(p, places.iter().copied(), 1).first() {
        d = d.with_help(format!("did you mean `{s}/{}`?", r.id));
    }
    let mut sorted = places.clone();
    sorted.sort();
    d.with_help(format!("places: {}", sorted.join(", ")))
}

/// The error for reference `r` of `e` to `t` (of place `tp`), which is of none of the kinds in
/// `want`.
fn wrong_kind(
    index: &Index,
    e: &Entity,
    r: &Ref,
    t: &Entity,
    tp: usize,
    want: &[EntityKind],
    target_place: &str,
) -> Diagnostic {
    let article = if want[0].name().starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    let mut d = Diagnostic::error(
        &e.common.display_path,
        r.pos,
        format!(
            "`{}` is {} {}, not {article} {}",
            r.raw,
            kind_article(t.kind),
            t.kind.name(),
            want_text(want)
        ),
    );
    if e.kind == EntityKind::Indicator && t.kind == EntityKind::Action {
        d = d.with_help("an indicator measures ambitions or strategies; list the ambition the action serves instead");
    }
    let cands = candidates(index, tp, want, !e.common.draft);
    d.with_help(format!(
        "{} in `{target_place}`: {}",
        want_plural(want),
        list_or_none(&cands)
    ))
}

/// The error for reference `r` of `e` (of place `pi`) to an id that place `tp` (named
/// `target_place`) has no entity of a kind in `want` with: with the closest ids, or the places
/// that have it.
fn no_target(
    index: &Index,
    pi: usize,
    tp: usize,
    e: &Entity,
    r: &Ref,
    want: &[EntityKind],
    target_place: &str,
) -> Diagnostic {
    let published = !e.common.draft;
    let cands = candidates(index, tp, want, published);
    let near = closest(&r.id, cands.iter().map(String::as_str), 3);
    let d = Diagnostic::error(
        &e.common.display_path,
        r.pos,
        format!(
            "no {} `{}` in place `{target_place}`",
            want_text(want),
            r.id
        ),
    );
    let mut d = match near.first() {
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
            "{} in `{target_place}`: {}",
            want_plural(want),
            list_or_none(&cands)
        )),
    };
    if r.place.is_none() {
        d = with_other_places(d, index, pi, r, want, published);
        d = d.with_help("to point at another place, write `place/id`");
    }
    d
}

/// `d` with a help for each place other than `pi` that has an entity with the id of `r` and of
/// a kind in `want` (published, when `published`).
fn with_other_places(
    mut d: Diagnostic,
    index: &Index,
    pi: usize,
    r: &Ref,
    want: &[EntityKind],
    published: bool,
) -> Diagnostic {
    for (other, (_, ents, _)) in index.all.iter().enumerate() {
        if other != pi
            && ents.iter().any(|x| {
                x.common.id == r.id && want.contains(&x.kind) && (!published || !x.common.draft)
            })
        {
            d = d.with_help(format!(
                "`{}` exists in place `{}`: write `{}/{}`",
                r.id, index.all[other].0, index.all[other].0, r.id
            ));
        }
    }
    d
}

/// The indefinite article before the name of kind `k`.
fn kind_article(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Ambition | EntityKind::Area | EntityKind::Action | EntityKind::Indicator => {
            "an"
        }
        _ => "a",
    }
}

/// The ids of the entities of place `tp` of a kind in `want` (only the published ones when
/// `published_only`).
fn candidates(index: &Index, tp: usize, want: &[EntityKind], published_only: bool) -> Vec<String> {
    index.all[tp]
        .1
        .iter()
        .filter(|e| want.contains(&e.kind) && !(published_only && e.common.draft))
        .map(|e| e.common.id.clone())
        .collect()
}

/// The name of kind `k` in the plural.
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

/// The first twelve of `v` sorted, comma-separated, or `none yet`.
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
