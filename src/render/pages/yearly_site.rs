//! The site-wide yearly view, `follow-up/<year>/` and `follow-up/`: what each
//! place got done in a year (the actions completed, with date and who was
//! responsible), each place linking to its own page for the year and back.

use crate::graph::routes::{PlacePage, SitePage};
use crate::graph::years::site_years;

use serde_json::{json, Value as Json};

use crate::diag::Diagnostic;
use crate::graph::years::completed_in;
use crate::graph::years::report_of;
use crate::graph::years::years;
use crate::render::kit::urls::year_url;
use crate::render::kit::view::place_name;
use crate::render::kit::Renderer;
use crate::render::pages::yearly::completed_row;

/// Writes `follow-up/` and `follow-up/<year>/` for every year of any place.
pub fn pages(r: &Renderer) -> Result<(), Diagnostic> {
    let g = r.g;
    let s = &r.site_strings;
    let all: Vec<i32> = site_years(g).into_iter().collect();
    let per_year: Vec<Json> = all
        .iter()
        .rev()
        .map(|&year| {
            let places: Vec<Json> = (0..g.places.len())
                .filter(|p| years(g, *p).contains(&year))
                .map(|p| json!({"name": place_name(g, p), "url": year_url(g, p, year), "completed": completed_in(g, p, year).len()}))
                .collect();
            json!({"year": year, "url": g.routes.url(&g.routes.site_year(year)), "places": places})
        })
        .collect();
    let places: Vec<Json> = (0..g.places.len())
        .map(|p| json!({"name": place_name(g, p), "url": g.routes.place_url(p, PlacePage::FollowUp)}))
        .collect();
    let title = s.get("follow_up_site");
    r.page(
        SitePage::FollowUp.dir(),
        "follow-up-site.html",
        None,
        &title,
        r.crumbs(None),
        None,
        json!({"years": per_year, "places": places, "year": null}),
    )?;
    for (k, &year) in all.iter().enumerate() {
        year_page(
            r,
            year,
            all.get(k.wrapping_sub(1)).copied(),
            all.get(k + 1).copied(),
        )?;
    }
    Ok(())
}

fn year_page(
    r: &Renderer,
    year: i32,
    prev: Option<i32>,
    next: Option<i32>,
) -> Result<(), Diagnostic> {
    let g = r.g;
    let s = &r.site_strings;
    let places: Vec<Json> = (0..g.places.len())
        .filter(|p| years(g, *p).contains(&year))
        .map(|p| {
            let ps = &r.strings[p];
            let report = report_of(g, p, year).map(|n| g.entity(n).common.title.clone());
            json!({
                "name": place_name(g, p),
                "lang": g.places[p].lang.code(),
                "url": year_url(g, p, year),
                "report": report,
                "link_text": ps.fmt("follow_up_year", &[("year", &year.to_string())]),
                "completed": completed_in(g, p, year).into_iter().map(|n| completed_row(r, ps, n, p)).collect::<Vec<_>>(),
                "t": {
                    "action": ps.get("action_cap"),
                    "completed": ps.get("completed"),
                    "responsible": ps.get("responsible"),
                    "none": ps.get("year_none_completed"),
                },
            })
        })
        .collect();
    let nav =
        |y: Option<i32>| y.map(|y| json!({"year": y, "url": g.routes.url(&g.routes.site_year(y))}));
    let title = format!("{} {year}", s.get("follow_up_site"));
    r.page(
        &g.routes.site_year(year),
        "follow-up-site.html",
        None,
        &title,
        {
            let mut c = r.crumbs(None);
            c.push(crate::render::kit::Crumb {
                title: s.get("follow_up_site"),
                url: g.routes.url(SitePage::FollowUp.dir()),
            });
            c
        },
        None,
        json!({"year": year, "places": places, "prev": nav(prev), "next": nav(next)}),
    )
}
