//! Warnings: content that is legal but suspicious — an ambition no action
//! serves, an indicator without values, an action past its due date and not
//! done. They never stop a build.

use super::{Graph, NodeId};
use crate::diag::Diagnostic;
use crate::model::EntityKind;

/// True when an action with this status and due date is late on `today`.
pub fn is_late(action: &crate::model::Action, today: crate::model::Date) -> bool {
    !action.status.is_closed() && action.due.is_some_and(|d| d.last_day() < today)
}

/// Collects the warnings of a built graph.
pub fn collect(g: &Graph) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (pi, place) in g.places.iter().enumerate() {
        for ei in 0..place.entities.len() {
            out.extend(of_entity(
                g,
                NodeId {
                    place: pi as u32,
                    idx: ei as u32,
                },
            ));
        }
    }
    out
}

/// The warning about one entity of a built graph, if any.
pub fn of_entity(g: &Graph, n: NodeId) -> Option<Diagnostic> {
    let e = g.entity(n);
    let path = &e.common.display_path;
    match e.kind {
        EntityKind::Ambition if g.links(n).actions.is_empty() => Some(
            Diagnostic::warning(
                path,
                e.common.key_pos("title"),
                format!("no action serves ambition `{}`", e.common.id),
            )
            .with_help(format!("add an action with `ambition: {}`", e.common.id)),
        ),
        EntityKind::Indicator if e.indicator().is_some_and(|i| i.values.is_empty()) => Some(
            Diagnostic::warning(
                path,
                e.common.key_pos("title"),
                format!("indicator `{}` has no values", e.common.id),
            )
            .with_help("add `values:` with one `- {year: …, value: …}` line per year"),
        ),
        EntityKind::Action => {
            let a = e.action().filter(|a| is_late(a, g.today))?;
            let due = a.due.map(|d| d.iso()).unwrap_or_default();
            Some(
                Diagnostic::warning(
                    path,
                    e.common.key_pos("due"),
                    format!(
                        "action is past its due date {due} and not done (status `{}`)",
                        a.status.code()
                    ),
                )
                .with_help("update `status`, or move `due` to the new date"),
            )
        }
        _ => None,
    }
}

/// The gaps a steering group reviews before the yearly update: ambitions and
/// strategies no action serves, indicators without a recent value or without
/// a target, and late actions.
pub fn gaps(g: &Graph) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for item in follow_up(g) {
        let e = g.entity(item.node);
        out.push(Diagnostic::warning(
            &e.common.display_path,
            e.common.key_pos(item.key),
            format!("gap: {}", item.message),
        ));
    }
    out.extend(overdue_plans(g));
    out
}

/// Plans past their revision date (`revised` + `revise_every` years), at the `revised` line
/// of their programme.md.
pub fn overdue_plans(g: &Graph) -> Vec<Diagnostic> {
    let iso = crate::model::iso;
    g.places
        .iter()
        .filter_map(|place| {
            let pr = place.programme.programme()?;
            if !pr.is_overdue(g.today) {
                return None;
            }
            let due = iso(pr.revision_due()?);
            let revised = pr.revised?.iso();
            let every = pr.revise_every?;
            let c = &place.programme.common;
            Some(
                Diagnostic::warning(
                    &c.display_path,
                    c.key_pos("revised"),
                    format!(
                        "gap: the plan of `{}` is overdue for revision: revised {revised}, \
                         revised every {every} year{}, due {due}",
                        place.id,
                        if every == 1 { "" } else { "s" }
                    ),
                )
                .with_help(
                    "revise the plan and set `revised:` to the date of the revision".to_string(),
                ),
            )
        })
        .collect()
}

/// One gap found for the follow-up.
#[derive(Debug, Clone)]
pub struct Gap {
    pub node: NodeId,
    /// `no_action`, `no_recent_value`, `no_target` or `late`.
    pub code: &'static str,
    pub key: &'static str,
    pub message: String,
}

/// All gaps, in graph order.
pub fn follow_up(g: &Graph) -> Vec<Gap> {
    let mut out = Vec::new();
    let year = g.today.year();
    for (pi, place) in g.places.iter().enumerate() {
        for (ei, e) in place.entities.iter().enumerate() {
            let node = NodeId {
                place: pi as u32,
                idx: ei as u32,
            };
            let id = &e.common.id;
            match e.kind {
                EntityKind::Ambition | EntityKind::Strategy if g.links(node).actions.is_empty() => {
                    out.push(Gap {
                        node,
                        code: "no_action",
                        key: "title",
                        message: format!("no action serves {} `{id}`", e.kind.name()),
                    })
                }
                EntityKind::Indicator => {
                    let ind = e.indicator().expect("indicator");
                    if !ind.values.iter().any(|v| v.year >= i64::from(year) - 2) {
                        out.push(Gap {
                            node,
                            code: "no_recent_value",
                            key: "values",
                            message: format!(
                                "indicator `{id}` has no value from the last two years"
                            ),
                        });
                    }
                    if ind.target.is_none() {
                        out.push(Gap {
                            node,
                            code: "no_target",
                            key: "title",
                            message: format!("indicator `{id}` has no target"),
                        });
                    }
                }
                EntityKind::Action if e.action().is_some_and(|a| is_late(a, g.today)) => {
                    out.push(Gap {
                        node,
                        code: "late",
                        key: "due",
                        message: format!("action `{id}` is late"),
                    })
                }
                _ => {}
            }
        }
    }
    out
}
