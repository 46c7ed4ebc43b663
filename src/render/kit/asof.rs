//! Each action as a year ended: the status it had on 31 December (today for the current
//! year), for the yearly follow-up pages, so that a past year is never shown in the light of
//! what happened later.
//!
//! Where the content is in git, the status is that of the last commit on or before the day
//! (from the status changes [`crate::history`] already read in its one walk). Before the
//! content's history begins, and for files git does not know (not committed yet), the front
//! matter decides: `done` from the year of `completed`; before that, an action is on the list
//! from its `listed` year, with its status then not known (its later status is not projected
//! back). An action that did not exist at the end of the year is not shown.

use std::cell::RefCell;
use std::collections::HashMap;

use serde_json::{json, Value as Json};

use crate::graph::{Graph, NodeId};
use crate::history::History;
use crate::model::{Action, Date, Status};
use crate::render::kit::links::LinkCache;
use crate::render::kit::view::share_done;
use crate::render::kit::view::status_label;
use crate::render::kit::view::Group;
use crate::render::kit::view::LinkView;
use crate::theme::i18n::Strings;

/// An action's standing at the end of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearEnd {
    /// `None`: the action was on the list, but its status then is not known.
    pub status: Option<Status>,
    /// True when the status comes from git (or is today's status, for the current year).
    pub recorded: bool,
}

impl YearEnd {
    /// The code for `data-status`: the status, or `listed` when only that is known.
    pub fn code(self) -> &'static str {
        self.status.map_or("listed", Status::code)
    }
}

/// The year-end standing of every action of one place, for any year.
pub struct AsOf<'a> {
    g: &'a Graph,
    history: Option<&'a History>,
    /// The date of the oldest commit git has of the content; before it git knows nothing.
    history_starts: Option<Date>,
    /// The links made so far, by action, page place and year-end status: an action keeps a
    /// status for years, and its list item for that status is made once for all of them.
    items: RefCell<HashMap<(NodeId, usize, &'static str), LinkView>>,
}

impl<'a> AsOf<'a> {
    pub fn new(g: &'a Graph, history: Option<&'a History>) -> AsOf<'a> {
        let history_starts = history.and_then(|h| {
            h.files
                .values()
                .flat_map(|f| {
                    f.added
                        .iter()
                        .map(|c| c.date)
                        .chain(f.status_changes.first().map(|s| s.change.date))
                })
                .min()
        });
        AsOf {
            g,
            history,
            history_starts,
            items: RefCell::default(),
        }
    }

    /// True when git's record covers the end of `year` (the history began before it).
    pub fn git_knows(&self, year: i32) -> bool {
        self.history_starts
            .is_some_and(|start| start <= year_end(year))
    }

    /// The standing of action `n` at the end of `year`, or `None` when it did not exist yet.
    pub fn at(&self, n: NodeId, year: i32) -> Option<YearEnd> {
        let e = self.g.entity(n);
        let a = e.action()?;
        if a.listed.is_some_and(|l| l > i64::from(year)) {
            return None;
        }
        if year >= self.g.today.year() {
            return Some(YearEnd {
                status: Some(a.status),
                recorded: true,
            });
        }
        let end = year_end(year);
        let file = self.history.and_then(|h| h.files.get(&e.common.source));
        if let Some(f) = file.filter(|_| self.git_knows(year)) {
            if f.added.as_ref().is_some_and(|c| c.date > end) {
                return None;
            }
            let last = f
                .status_changes
                .iter()
                .take_while(|c| c.change.date <= end)
                .last()
                .and_then(|c| Status::parse(&c.to));
            if let Some(st) = last {
                return Some(YearEnd {
                    status: Some(st),
                    recorded: true,
                });
            }
        }
        Some(from_front_matter(a, year))
    }

    /// The link to action `n` (from a page of place `from`) with its year-end status.
    fn link(&self, links: &LinkCache, s: &Strings, n: NodeId, from: usize, y: YearEnd) -> LinkView {
        let code = y.code();
        if let Some(l) = self.items.borrow().get(&(n, from, code)) {
            return l.clone();
        }
        let label = match y.status {
            Some(st) => status_label(s, st),
            None => s.get("status_listed"),
        };
        let l = links.with_status(self.g, s, n, from, (code, label));
        self.items.borrow_mut().insert((n, from, code), l.clone());
        l
    }
}

/// What the front matter alone tells of `year`'s end.
fn from_front_matter(a: &Action, year: i32) -> YearEnd {
    let done_by = a.status == Status::Done && a.completed.is_some_and(|c| c.year <= year);
    YearEnd {
        status: done_by.then_some(Status::Done),
        recorded: false,
    }
}

/// The last day of `year`.
fn year_end(year: i32) -> Date {
    Date::from_calendar_date(year, time::Month::December, 31).unwrap_or(Date::MAX)
}

/// Actions grouped by their standing at the end of `year` (in the order of the statuses,
/// then those whose status is not known), with the share done as a line of text; actions
/// that did not exist yet are left out. Each list item carries its year-end `data-status`.
pub fn groups(
    asof: &AsOf,
    links: &LinkCache,
    s: &Strings,
    actions: &[NodeId],
    from: usize,
    year: i32,
) -> (Vec<Group>, Json) {
    let standing: Vec<(NodeId, YearEnd)> = actions
        .iter()
        .filter_map(|n| asof.at(*n, year).map(|y| (*n, y)))
        .collect();
    let order = Status::ALL.iter().map(|st| Some(*st)).chain([None]);
    let groups = order
        .filter_map(|st| {
            let items: Vec<LinkView> = standing
                .iter()
                .filter(|(_, y)| y.status == st)
                .map(|(n, y)| asof.link(links, s, *n, from, *y))
                .collect();
            let code = st.map_or("listed", Status::code);
            (!items.is_empty()).then(|| Group {
                key: code.to_string(),
                heading: s.get(&format!("status_heading_{code}")),
                items,
            })
        })
        .collect();
    let count = |st: Option<Status>| standing.iter().filter(|(_, y)| y.status == st).count();
    let done = count(Some(Status::Done));
    let counted = standing.len() - count(Some(Status::Cancelled));
    let (pct, text) = share_done(s, standing.len(), done, counted);
    let known = standing.iter().all(|(_, y)| y.recorded);
    let progress =
        json!({"done": done, "total": counted, "pct": pct, "text": text, "known": known});
    (groups, progress)
}
