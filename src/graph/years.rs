//! The years of a place's follow-up: which years have a page (a report, or an action completed
//! or put on the action list that year), the report of a year and what was completed in it.

use std::collections::BTreeSet;

use crate::graph::{Graph, NodeId};
use crate::model::{EntityKind, Status};

/// The years place `p` has a follow-up page for: a report, or an action completed or put on
/// the action list that year.
pub fn years(g: &Graph, p: usize) -> BTreeSet<i32> {
    let mut out = BTreeSet::new();
    for e in &g.places[p].entities {
        if let Some(r) = e.report() {
            out.insert(r.year);
        }
        if let Some(a) = e.action() {
            if let (Status::Done, Some(c)) = (a.status, a.completed) {
                out.insert(c.year);
            }
            if let Some(y) = a.listed.and_then(|y| i32::try_from(y).ok()) {
                out.insert(y);
            }
        }
    }
    out
}

/// The report of place `p` for `year`, if there is one.
pub fn report_of(g: &Graph, p: usize, year: i32) -> Option<NodeId> {
    g.places[p]
        .of_kind(EntityKind::Report)
        .find(|i| g.places[p].entities[*i as usize].report().map(|r| r.year) == Some(year))
        .map(|idx| NodeId {
            place: p as u32,
            idx,
        })
}

/// The actions of place `p` completed in `year`, by completion date.
pub fn completed_in(g: &Graph, p: usize, year: i32) -> Vec<NodeId> {
    let mut v: Vec<(String, NodeId)> = g
        .nodes_of(p, EntityKind::Action)
        .filter_map(|n| {
            let a = g.entity(n).action()?;
            let c = a
                .completed
                .filter(|c| a.status == Status::Done && c.year == year)?;
            Some((c.iso(), n))
        })
        .collect();
    v.sort();
    v.into_iter().map(|(_, n)| n).collect()
}

/// Every year any place has a follow-up page for.
pub fn site_years(g: &Graph) -> BTreeSet<i32> {
    (0..g.places.len()).flat_map(|p| years(g, p)).collect()
}
