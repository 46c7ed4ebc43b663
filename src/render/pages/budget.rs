//! Where the money goes: `<place>/budget/` (the budgets of a place's actions:
//! the total per currency, and per status, per funder and per year),
//! `<place>/data/budget.csv` with the same sums, and the site-wide `budget/`
//! with every place's totals side by side. Sums are exact (hundredths in
//! integers) and amounts in different currencies are never added together.

use crate::graph::routes::{PlacePage, SitePage};
use crate::render::kit::csv::BUDGET_COLUMNS;
use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{json, Value as Json};

use crate::diag::Diagnostic;
use crate::graph::{Graph, NodeId};
use crate::model::money::{plain, Totals};
use crate::model::{tag_slug, Action, EntityKind, Status};
use crate::render::kit::view::place_name;
use crate::render::kit::view::status_label;
use crate::render::kit::Renderer;
use crate::theme::i18n::Strings;

/// The budget sums of one place.
#[derive(Debug, Clone, Default)]
pub struct PlaceBudget {
    pub total: Totals,
    pub by_status: Vec<(Status, Totals)>,
    /// (funder as most often written, sums); `None` for actions without `funded_by`. An action
    /// with several funders counts in full under each of them.
    pub by_funder: Vec<(Option<String>, Totals)>,
    /// (year, sums); the year is `budget.year`, else `listed`, else the year of `due`, else
    /// of `completed`; `None` when there is none.
    pub by_year: Vec<(Option<i32>, Totals)>,
    /// Actions with a budget, in graph order.
    pub actions: Vec<NodeId>,
}

/// True when place `p` has an action with a budget.
pub fn has_budgets(g: &Graph, p: usize) -> bool {
    g.places[p]
        .entities
        .iter()
        .any(|e| e.action().is_some_and(|a| a.budget.is_some()))
}

/// The year a budget belongs to.
pub fn budget_year(a: &Action) -> Option<i32> {
    let b = a.budget.as_ref()?;
    b.year
        .or(a.listed)
        .map(|y| y as i32)
        .or(a.due.map(|d| d.year))
        .or(a.completed.map(|d| d.year))
}

/// The key funders are grouped by: their slug, so spelling and case do not split them.
pub fn funder_key(f: &str) -> String {
    tag_slug(f).unwrap_or_else(|| f.trim().to_lowercase())
}

/// Sums the budgets of place `p`.
pub fn of_place(g: &Graph, p: usize) -> PlaceBudget {
    let mut out = PlaceBudget::default();
    let mut status: BTreeMap<Status, Totals> = BTreeMap::new();
    let mut funders: BTreeMap<String, (BTreeMap<String, usize>, Totals)> = BTreeMap::new();
    let mut no_funder = Totals::default();
    let mut years: BTreeMap<Option<i32>, Totals> = BTreeMap::new();
    for n in g.nodes_of(p, EntityKind::Action) {
        let Some(a) = g.entity(n).action() else {
            continue;
        };
        let Some(b) = &a.budget else { continue };
        let cur = b.currency.as_deref().unwrap_or("");
        out.actions.push(n);
        out.total.add(cur, b.amount);
        status.entry(a.status).or_default().add(cur, b.amount);
        years.entry(budget_year(a)).or_default().add(cur, b.amount);
        let mut keys: Vec<String> = Vec::new();
        for f in a.funded_by.iter().filter(|f| !f.trim().is_empty()) {
            let key = funder_key(f);
            if keys.contains(&key) {
                continue;
            }
            let (spellings, t) = funders.entry(key.clone()).or_default();
            *spellings.entry(f.trim().to_string()).or_default() += 1;
            t.add(cur, b.amount);
            keys.push(key);
        }
        if keys.is_empty() {
            no_funder.add(cur, b.amount);
        }
    }
    out.by_status = status.into_iter().collect();
    let mut f: Vec<(Option<String>, Totals)> = funders
        .into_values()
        .map(|(spellings, t)| (Some(most_used(&spellings)), t))
        .collect();
    // Largest first (by the sum of the first currency), then by name.
    f.sort_by(|a, b| {
        first_sum(&b.1)
            .cmp(&first_sum(&a.1))
            .then_with(|| a.0.cmp(&b.0))
    });
    if !no_funder.is_empty() {
        f.push((None, no_funder));
    }
    out.by_funder = f;
    let mut y: Vec<(Option<i32>, Totals)> = years.into_iter().collect();
    // Years ascending, budgets without a year last.
    let none_first = usize::from(y.first().is_some_and(|x| x.0.is_none()));
    y.rotate_left(none_first);
    out.by_year = y;
    out
}

fn first_sum(t: &Totals) -> i64 {
    t.by_currency.values().next().map(|x| x.0).unwrap_or(0)
}

/// The spelling used most often; on a tie the one that sorts first.
pub fn most_used(spellings: &BTreeMap<String, usize>) -> String {
    spellings
        .iter()
        .fold((String::new(), 0), |best, (s, n)| {
            if *n > best.1 {
                (s.clone(), *n)
            } else {
                best
            }
        })
        .0
}

/// One amount of a cell: shown text and exact machine value.
#[derive(Debug, Clone, Serialize)]
pub struct Amount {
    pub text: String,
    /// `1250000` or `1250.50`, for `<data value>`.
    pub value: String,
    pub currency: String,
}

/// The amounts of a sum, one per currency.
pub fn amounts(s: &Strings, t: &Totals) -> Vec<Amount> {
    t.by_currency
        .iter()
        .map(|(cur, (sum, _))| Amount {
            text: s.money(*sum, cur),
            value: plain(*sum),
            currency: cur.clone(),
        })
        .collect()
}

fn row(s: &Strings, label: String, t: &Totals) -> Json {
    json!({"label": label, "amounts": amounts(s, t), "count": t.count()})
}

/// Writes `<place>/budget/` and `<place>/data/budget.csv`.
pub fn write_place(r: &Renderer, p: usize) -> Result<(), Diagnostic> {
    let g = r.g;
    let s = &r.strings[p];
    let _place = &g.places[p];
    let b = of_place(g, p);
    let none = s.get("budget_none_given");
    let status: Vec<Json> = b
        .by_status
        .iter()
        .map(|(st, t)| row(s, status_label(s, *st), t))
        .collect();
    let funders: Vec<Json> = b
        .by_funder
        .iter()
        .map(|(f, t)| row(s, f.clone().unwrap_or_else(|| s.get("budget_no_funder")), t))
        .collect();
    let years: Vec<Json> = b
        .by_year
        .iter()
        .map(|(y, t)| {
            row(
                s,
                y.map(|y| y.to_string()).unwrap_or_else(|| none.clone()),
                t,
            )
        })
        .collect();
    let actions: Vec<Json> = b
        .actions
        .iter()
        .filter_map(|n| {
            let a = g.entity(*n).action()?;
            let bud = a.budget.as_ref()?;
            let mut t = Totals::default();
            t.add(bud.currency.as_deref().unwrap_or(""), bud.amount);
            Some(json!({
                "link": r.links.link(g, s, *n, p),
                "funded_by": a.funded_by.join(", "),
                "year": budget_year(a),
                "amounts": amounts(s, &t),
            }))
        })
        .collect();
    let title = format!("{} – {}", s.get("budget_title"), place_name(g, p));
    let data = json!({
        "total": amounts(s, &b.total),
        "count": b.actions.len(),
        "currencies": b.total.by_currency.len(),
        "by_status": status,
        "by_funder": funders,
        "by_year": years,
        "actions": actions,
        "csv_url": g.routes.file_url(&g.routes.data_file(p, "budget.csv")),
    });
    r.page(
        &g.routes.place_page(p, PlacePage::Budget),
        "budget.html",
        Some(p),
        &title,
        r.crumbs(Some(p)),
        None,
        data,
    )?;
    r.out.write(&g.routes.data_file(p, "budget.csv"), &csv(&b)?)
}

fn csv(b: &PlaceBudget) -> Result<Vec<u8>, Diagnostic> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let err = |e: csv::Error| Diagnostic::io(None, format!("writing CSV: {e}"));
    w.write_record(BUDGET_COLUMNS.iter().map(|(n, _)| *n))
        .map_err(err)?;
    let mut put = |group: &str, key: &str, t: &Totals| -> Result<(), Diagnostic> {
        for (cur, (sum, n)) in &t.by_currency {
            let row = [group, key, cur, &plain(*sum), &n.to_string()];
            w.write_record(row.iter().map(|c| crate::render::kit::csv::safe_cell(c)))
                .map_err(err)?;
        }
        Ok(())
    };
    put("total", "", &b.total)?;
    for (st, t) in &b.by_status {
        put("status", st.code(), t)?;
    }
    for (f, t) in &b.by_funder {
        put("funder", f.as_deref().unwrap_or(""), t)?;
    }
    for (y, t) in &b.by_year {
        put("year", &y.map(|y| y.to_string()).unwrap_or_default(), t)?;
    }
    w.into_inner()
        .map_err(|e| Diagnostic::io(None, format!("writing CSV: {e}")))
}

/// A funder across places: spellings and their uses, sums per place, sum of all places.
type FunderSums = (BTreeMap<String, usize>, Vec<Totals>, Totals);

/// Writes the site-wide `budget/`: each place's total, and each funder's sum per place.
pub fn write_site(r: &Renderer) -> Result<(), Diagnostic> {
    let g = r.g;
    let s = &r.site_strings;
    let budgets: Vec<PlaceBudget> = (0..g.places.len()).map(|p| of_place(g, p)).collect();
    let mut all = Totals::default();
    let places: Vec<Json> = budgets
        .iter()
        .enumerate()
        .map(|(p, b)| {
            for (cur, (sum, n)) in &b.total.by_currency {
                let e = all.by_currency.entry(cur.clone()).or_default();
                e.0 = e.0.saturating_add(*sum);
                e.1 += n;
            }
            json!({
                "name": place_name(g, p),
                "lang": g.places[p].lang.code(),
                "url": g.routes.place_url(p, PlacePage::Budget),
                "count": b.actions.len(),
                "total": amounts(s, &b.total),
            })
        })
        .collect();
    // Funders across places, grouped like within a place.
    let mut funders: BTreeMap<String, FunderSums> = BTreeMap::new();
    for (p, b) in budgets.iter().enumerate() {
        for (f, t) in &b.by_funder {
            let Some(name) = f else { continue };
            let (spellings, per, sum) = funders.entry(funder_key(name)).or_insert_with(|| {
                (
                    BTreeMap::new(),
                    vec![Totals::default(); g.places.len()],
                    Totals::default(),
                )
            });
            *spellings.entry(name.clone()).or_default() += 1;
            for (cur, (a, n)) in &t.by_currency {
                for x in [&mut per[p], &mut *sum] {
                    let e = x.by_currency.entry(cur.clone()).or_default();
                    e.0 = e.0.saturating_add(*a);
                    e.1 += n;
                }
            }
        }
    }
    let mut funder_rows: Vec<(String, Vec<Totals>, Totals)> = funders
        .into_values()
        .map(|(sp, per, sum)| (most_used(&sp), per, sum))
        .collect();
    funder_rows.sort_by(|a, b| {
        first_sum(&b.2)
            .cmp(&first_sum(&a.2))
            .then_with(|| a.0.cmp(&b.0))
    });
    let funder_rows: Vec<Json> = funder_rows
        .iter()
        .map(|(name, per, sum)| {
            json!({
                "name": name,
                "cells": per.iter().map(|t| amounts(s, t)).collect::<Vec<_>>(),
                "total": amounts(s, sum),
            })
        })
        .collect();
    let title = s.get("budget_title");
    r.page(
        SitePage::Budget.dir(),
        "budget-site.html",
        None,
        &title,
        r.crumbs(None),
        None,
        json!({"places": places, "total": amounts(s, &all), "funders": funder_rows}),
    )
}
