//! Assembly of the published graph: drafts dropped, entities sorted, forward
//! links resolved and back-links collected in one linear pass.

use super::routes::Routes;
use std::collections::HashMap;

use super::{Graph, Links, NodeId, Place};
use crate::model::{Entity, EntityKind, Fields, Lang, Ref};
use crate::parse::{Parsed, ParsedPlace};

/// Builds the published graph from validated content (drafts removed).
pub(super) fn assemble(parsed: Parsed, today: crate::model::Date) -> Graph {
    let mut places: Vec<Place> = Vec::new();
    let mut place_pos: HashMap<String, u32> = HashMap::new();
    for p in parsed.places {
        if let Some(place) = published_place(p, parsed.site.language) {
            place_pos.insert(place.id.clone(), places.len() as u32);
            places.push(place);
        }
    }
    let back = forward_links(&mut places, &place_pos);
    add_back_links(&mut places, back);
    let mut g = Graph {
        site: parsed.site,
        prefix: parsed.prefix,
        places,
        site_files_dir: parsed.files_dir,
        today,
        bodies: Vec::new(),
        routes: Routes::default(),
    };
    g.bodies = (0..g.places.len())
        .map(|p| super::bodies::collect(&g, p))
        .collect();
    g.routes = Routes::build(&g);
    g
}

/// Place `p` with its published entities sorted and no links yet; None when it has no
/// programme or the programme is a draft.
fn published_place(p: ParsedPlace, site_lang: Option<Lang>) -> Option<Place> {
    let programme = p.programme?;
    if programme.common.draft {
        return None;
    }
    let lang = programme
        .programme()
        .and_then(|pr| pr.language)
        .or(site_lang)
        .unwrap_or(Lang::Sv);
    let mut entities: Vec<Entity> = p.entities.into_iter().filter(|e| !e.common.draft).collect();
    entities.sort_by(|a, b| {
        (a.kind, &a.common.order, &a.common.title, &a.common.id).cmp(&(
            b.kind,
            &b.common.order,
            &b.common.title,
            &b.common.id,
        ))
    });
    let by_id = entities
        .iter()
        .enumerate()
        .map(|(i, e)| (e.common.id.clone(), i as u32))
        .collect();
    let n = entities.len();
    Some(Place {
        id: p.id,
        lang,
        programme,
        entities,
        links: vec![Links::default(); n],
        files_dir: p.files_dir,
        by_id,
    })
}

/// The node `r`, written in place `from`, points at, if it is published.
fn find(place_pos: &HashMap<String, u32>, places: &[Place], from: u32, r: &Ref) -> Option<NodeId> {
    let pi = match &r.place {
        Some(p) => *place_pos.get(p)?,
        None => from,
    };
    places[pi as usize]
        .get(&r.id)
        .map(|idx| NodeId { place: pi, idx })
}

/// Sets the forward links of every entity; returns every (target, source) pair they make.
fn forward_links(places: &mut [Place], place_pos: &HashMap<String, u32>) -> Vec<(NodeId, NodeId)> {
    let mut back: Vec<(NodeId, NodeId)> = Vec::new();
    for pi in 0..places.len() {
        for ei in 0..places[pi].entities.len() {
            let me = NodeId {
                place: pi as u32,
                idx: ei as u32,
            };
            let node = |r: &Ref| find(place_pos, places, me.place, r);
            let mut l = Links::default();
            match &places[pi].entities[ei].fields {
                Fields::Ambition { area, .. } => l.area = area.as_ref().and_then(node),
                Fields::Strategy { ambition } => l.ambition = node(ambition),
                Fields::Indicator(ind) => {
                    l.measures = ind.measures.iter().filter_map(node).collect()
                }
                Fields::Action(a) => {
                    l.ambition = node(&a.ambition);
                    l.strategy = a.strategy.as_ref().and_then(node);
                }
                _ => {}
            }
            for target in l
                .area
                .iter()
                .chain(l.ambition.iter())
                .chain(l.strategy.iter())
                .chain(l.measures.iter())
            {
                back.push((*target, me));
            }
            places[pi].links[ei] = l;
        }
    }
    back
}

/// Files each (target, source) pair of `back` under the target's back-links of the source's kind.
fn add_back_links(places: &mut [Place], mut back: Vec<(NodeId, NodeId)>) {
    back.sort();
    back.dedup();
    for (target, from) in back {
        let kind = places[from.place as usize].entities[from.idx as usize].kind;
        let l = &mut places[target.place as usize].links[target.idx as usize];
        match kind {
            EntityKind::Ambition => l.ambitions.push(from),
            EntityKind::Strategy => l.strategies.push(from),
            EntityKind::Indicator => l.indicators.push(from),
            EntityKind::Action => l.actions.push(from),
            _ => {}
        }
    }
}
