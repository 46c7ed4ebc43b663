//! Assembly of the published graph: drafts dropped, entities sorted, forward
//! links resolved and back-links collected in one linear pass.

use super::routes::Routes;
use std::collections::HashMap;

use super::{Graph, Links, NodeId, Place};
use crate::model::{Entity, EntityKind, Fields, Ref};
use crate::parse::Parsed;

/// Builds the published graph from validated content (drafts removed).
pub(super) fn assemble(parsed: Parsed, today: crate::model::Date) -> Graph {
    let mut places: Vec<Place> = Vec::new();
    let mut place_pos: HashMap<String, u32> = HashMap::new();
    for p in parsed.places {
        let Some(programme) = p.programme else {
            continue;
        };
        if programme.common.draft {
            continue;
        }
        let lang = programme
            .programme()
            .and_then(|pr| pr.language)
            .or(parsed.site.language)
            .unwrap_or(crate::model::Lang::Sv);
        let mut entities: Vec<Entity> =
            p.entities.into_iter().filter(|e| !e.common.draft).collect();
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
        place_pos.insert(p.id.clone(), places.len() as u32);
        let n = entities.len();
        places.push(Place {
            id: p.id,
            lang,
            programme,
            entities,
            links: vec![Links::default(); n],
            files_dir: p.files_dir,
            by_id,
        });
    }
    let find = |from: u32, r: &Ref, places: &[Place]| -> Option<NodeId> {
        let pi = match &r.place {
            Some(p) => *place_pos.get(p)?,
            None => from,
        };
        places[pi as usize]
            .get(&r.id)
            .map(|idx| NodeId { place: pi, idx })
    };
    // Forward links, then back-links, in one pass over all entities.
    let mut back: Vec<(NodeId, NodeId)> = Vec::new();
    for pi in 0..places.len() {
        for ei in 0..places[pi].entities.len() {
            let me = NodeId {
                place: pi as u32,
                idx: ei as u32,
            };
            let mut l = Links::default();
            match &places[pi].entities[ei].fields {
                Fields::Ambition { area, .. } => {
                    l.area = area.as_ref().and_then(|r| find(me.place, r, &places))
                }
                Fields::Strategy { ambition } => l.ambition = find(me.place, ambition, &places),
                Fields::Indicator(ind) => {
                    l.measures = ind
                        .measures
                        .iter()
                        .filter_map(|r| find(me.place, r, &places))
                        .collect()
                }
                Fields::Action(a) => {
                    l.ambition = find(me.place, &a.ambition, &places);
                    l.strategy = a.strategy.as_ref().and_then(|r| find(me.place, r, &places));
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
    let mut g = Graph {
        site: parsed.site,
        prefix: parsed.prefix,
        places,
        site_files_dir: parsed.files_dir,
        today,
        routes: Routes::default(),
    };
    g.routes = Routes::build(&g);
    g
}
