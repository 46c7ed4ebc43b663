//! The years of a place's follow-up: which years have a page, the report of a year, what was
//! completed in it, and the links between year pages.

use crate::graph::years::{completed_in, report_of, years};

use serde_json::{json, Value as Json};

use crate::graph::Graph;
use crate::render::kit::urls::year_url;
use crate::theme::i18n::Strings;

/// The years of place `p` for its follow-up index: link and, when there is one, the report.
pub fn year_links(g: &Graph, s: &Strings, p: usize) -> Vec<Json> {
    years(g, p)
        .into_iter()
        .rev()
        .map(|year| {
            let rep = report_of(g, p, year).map(|n| {
                let e = g.entity(n);
                let published = e.report().map(|r| r.published.iso());
                json!({"title": e.common.title, "published": published, "published_text": published.as_deref().map(|d| s.date(d))})
            });
            json!({
                "year": year,
                "url": year_url(g, p, year),
                "report": rep,
                "completed": completed_in(g, p, year).len(),
            })
        })
        .collect()
}
