//! Budget sums that fit: every page adds the amounts of one currency (per
//! place, per status, per funder, per year, and site-wide), and each of those
//! sums is part of the site-wide sum of that currency. So when that sum fits
//! in the exact integer the sums are kept in, every sum does; the action
//! whose amount would overflow it is an error at its `budget` line, and no
//! sum is ever clamped.

use std::collections::BTreeMap;

use crate::diag::{Diagnostic, Pos};
use crate::model::Fields;
use crate::parse::Parsed;

/// Reports the action at which the site-wide sum of a currency would overflow.
pub fn check(parsed: &Parsed, diags: &mut Vec<Diagnostic>) {
    let mut sums: BTreeMap<&str, i64> = BTreeMap::new();
    for p in &parsed.places {
        for e in &p.entities {
            let Fields::Action(a) = &e.fields else {
                continue;
            };
            let Some(b) = &a.budget else { continue };
            let cur = b.currency.as_deref().unwrap_or("");
            let sum = sums.entry(cur).or_default();
            match sum.checked_add(b.amount) {
                Some(s) => *sum = s,
                None => {
                    let line = e
                        .common
                        .key_lines
                        .iter()
                        .find(|(k, _)| k == "budget")
                        .map_or(0, |(_, l)| *l);
                    diags.push(
                        Diagnostic::error(
                            &e.common.display_path,
                            Pos::new(line, 1),
                            format!(
                                "`budget.amount` makes the sum of all budgets{} too large to add up exactly",
                                if cur.is_empty() { String::new() } else { format!(" in {cur}") }
                            ),
                        )
                        .with_help("check the amount: the budgets of the site together may be at most 92 233 720 368 547 758.07"),
                    );
                    return;
                }
            }
        }
    }
}
