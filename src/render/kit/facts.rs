//! The facts of an action in plain words, as its page, the lists and the search index show them.

use crate::model::Action;
use crate::render::kit::view::Fact;
use crate::theme::i18n::Strings;

/// Every field of an action in plain words.
pub fn action_facts(s: &Strings, a: &Action) -> Vec<Fact> {
    let mut f = Vec::new();
    if let Some(e) = &a.effort {
        f.push(Fact::text(s.get("effort"), e.clone()));
    }
    if !a.responsible.is_empty() {
        f.push(Fact::text(s.get("responsible"), a.responsible.join(", ")));
    }
    if !a.funded_by.is_empty() {
        f.push(Fact::text(s.get("funded_by"), a.funded_by.join(", ")));
    }
    if let Some(d) = a.due {
        f.push(Fact {
            datetime: Some(d.iso()),
            ..Fact::text(s.get("due"), s.date(&d.iso()))
        });
    }
    if let Some(d) = a.decided_by.as_ref() {
        f.push(Fact::text(s.get("decided_by"), d.clone()));
    }
    if let Some(b) = &a.budget {
        let mut text = s.money(b.amount, b.currency.as_deref().unwrap_or(""));
        if let Some(y) = b.year {
            text = s.fmt(
                "budget_for_year",
                &[("amount", &text), ("year", &y.to_string())],
            );
        }
        f.push(Fact::text(s.get("budget"), text));
    }
    if let Some(y) = a.listed {
        f.push(Fact::text(s.get("listed"), y.to_string()));
    }
    if let Some(c) = a.completed {
        f.push(Fact {
            datetime: Some(c.iso()),
            ..Fact::text(s.get("completed"), s.date(&c.iso()))
        });
    }
    if let Some(o) = &a.origin {
        f.push(Fact::text(s.get("origin"), o.clone()));
    }
    f
}
