//! sitemap.xml: every page of the site with its absolute address.

use crate::graph::NodeId;
use crate::model::EntityKind;

use crate::diag::Diagnostic;
use crate::render::kit::urls::absolute;
use crate::render::kit::Renderer;

pub fn sitemap(r: &Renderer) -> Result<(), Diagnostic> {
    let g = r.g;
    let mut urls = vec![
        g.prefix.clone(),
        format!("{}accessibility/", g.prefix),
        format!("{}follow-up/", g.prefix),
        format!("{}documents/", g.prefix),
        format!("{}agenda-2030/", g.prefix),
    ];
    for y in crate::render::kit::years::site_years(g) {
        urls.push(format!("{}follow-up/{y}/", g.prefix));
    }
    urls.push(format!("{}budget/", g.prefix));
    urls.push(format!("{}tags/", g.prefix));
    urls.extend(
        crate::render::pages::tags::collect(g)
            .iter()
            .map(|t| crate::render::kit::urls::tag_url(g, &t.slug)),
    );
    for (p, place) in g.places.iter().enumerate() {
        let base = crate::render::kit::urls::place_url(g, p);
        urls.push(base.clone());
        for sub in [
            "actions/",
            "actions/by-year/",
            "actions/by-ambition/",
            "actions/by-responsible/",
            "responsible/",
            "changes/",
            "follow-up/",
            "documents/",
            "agenda-2030/",
            "budget/",
            "data/",
            "search/",
        ] {
            urls.push(format!("{base}{sub}"));
        }
        for kind in [
            EntityKind::Area,
            EntityKind::Ambition,
            EntityKind::Strategy,
            EntityKind::Indicator,
        ] {
            urls.push(format!("{base}{}/", kind.folder()));
        }
        for b in crate::render::pages::responsible::bodies(g, p) {
            urls.push(crate::render::kit::urls::responsible_url(
                g,
                p,
                Some(&b.slug),
            ));
        }
        for y in crate::render::kit::years::years(g, p) {
            let url = crate::render::kit::urls::year_url(g, p, y);
            if crate::render::kit::years::report_of(g, p, y).is_none() {
                urls.push(url);
            }
        }
        for i in 0..place.entities.len() {
            urls.push(crate::render::kit::urls::entity_url(
                g,
                NodeId {
                    place: p as u32,
                    idx: i as u32,
                },
            ));
        }
    }
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for u in urls {
        xml.push_str("  <url><loc>");
        xml.push_str(&crate::util::escape::xml(&absolute(r, &u)));
        xml.push_str("</loc></url>\n");
    }
    xml.push_str("</urlset>\n");
    r.out.write("sitemap.xml", xml.as_bytes())
}
