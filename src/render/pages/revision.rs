//! Plans kept current: when a place's plan was last revised, when the next
//! revision is due (`revised` + `revise_every` years), and whether it is
//! overdue — for the programme page, the follow-up page and the site index.

use serde::Serialize;

use crate::graph::Graph;
use crate::model::Programme;
use crate::model::{iso, Date};
use crate::render::kit::view::Fact;
use crate::theme::i18n::Strings;

/// The revision state of one plan, in words of a language.
#[derive(Debug, Clone, Serialize)]
pub struct Revision {
    /// `revised` as written.
    pub revised: Option<String>,
    pub revised_text: Option<String>,
    /// The date the next revision is due, `YYYY-MM-DD`.
    pub due: Option<String>,
    pub due_text: Option<String>,
    pub overdue: bool,
    /// One sentence: "Revised 4 May 2022; the next revision was due on 4 May 2024." …
    pub text: String,
}

/// The revision state of place `p`'s plan, when it has `revised` or `revise_every`.
pub fn of_place(g: &Graph, s: &Strings, p: usize) -> Option<Revision> {
    let pr = g.places[p].programme.programme()?;
    of_programme(s, pr, g.today)
}

pub fn of_programme(s: &Strings, pr: &Programme, today: Date) -> Option<Revision> {
    if pr.revised.is_none() && pr.revise_every.is_none() {
        return None;
    }
    let revised = pr.revised.map(|d| d.iso());
    let revised_text = revised.as_deref().map(|d| s.date(d));
    let due = pr.revision_due().map(iso);
    let due_text = due.as_deref().map(|d| s.date(d));
    let overdue = pr.is_overdue(today);
    let every = pr.revise_every.map(|n| n.to_string()).unwrap_or_default();
    let text = match (&revised_text, &due_text) {
        (Some(r), Some(d)) if overdue => s.fmt("revision_overdue", &[("revised", r), ("due", d)]),
        (Some(r), Some(d)) => s.fmt("revision_next", &[("revised", r), ("due", d)]),
        (Some(r), None) => s.fmt("revision_last", &[("revised", r)]),
        _ => s.fmt("revision_every", &[("n", &every)]),
    };
    Some(Revision {
        revised,
        revised_text,
        due,
        due_text,
        overdue,
        text,
    })
}

/// Facts for the programme page: last revised, next revision (and that it is overdue).
pub fn facts(s: &Strings, rev: &Revision) -> Vec<Fact> {
    let mut f = Vec::new();
    if let (Some(d), Some(t)) = (&rev.revised, &rev.revised_text) {
        f.push(Fact {
            datetime: Some(d.clone()),
            ..Fact::text(s.get("revised"), t.clone())
        });
    }
    if let (Some(d), Some(t)) = (&rev.due, &rev.due_text) {
        let value = if rev.overdue {
            s.fmt("revision_due_overdue", &[("due", t)])
        } else {
            t.clone()
        };
        f.push(Fact {
            datetime: Some(d.clone()),
            ..Fact::text(s.get("revision_due"), value)
        });
    }
    f
}
