//! Agenda 2030: the UN's Sustainable Development Goals by number with their
//! official short names in sv, en and nl, and the pages `<place>/agenda-2030/`
//! and `agenda-2030/` that list, per goal, the ambitions, strategies and
//! actions contributing to it. The names are the UN's, not UI strings, so a
//! site's `terms:` never rewrite them.

use crate::graph::routes::{PlacePage, SitePage};
use serde_json::{json, Value as Json};

use crate::diag::Diagnostic;
use crate::graph::{Graph, NodeId};
use crate::model::Lang;
use crate::render::kit::view::place_name;
use crate::render::kit::Renderer;
use crate::theme::i18n::Strings;

const SV: [&str; 17] = [
    "Ingen fattigdom",
    "Ingen hunger",
    "Hälsa och välbefinnande",
    "God utbildning för alla",
    "Jämställdhet",
    "Rent vatten och sanitet för alla",
    "Hållbar energi för alla",
    "Anständiga arbetsvillkor och ekonomisk tillväxt",
    "Hållbar industri, innovationer och infrastruktur",
    "Minskad ojämlikhet",
    "Hållbara städer och samhällen",
    "Hållbar konsumtion och produktion",
    "Bekämpa klimatförändringarna",
    "Hav och marina resurser",
    "Ekosystem och biologisk mångfald",
    "Fredliga och inkluderande samhällen",
    "Genomförande och globalt partnerskap",
];
const EN: [&str; 17] = [
    "No poverty",
    "Zero hunger",
    "Good health and well-being",
    "Quality education",
    "Gender equality",
    "Clean water and sanitation",
    "Affordable and clean energy",
    "Decent work and economic growth",
    "Industry, innovation and infrastructure",
    "Reduced inequalities",
    "Sustainable cities and communities",
    "Responsible consumption and production",
    "Climate action",
    "Life below water",
    "Life on land",
    "Peace, justice and strong institutions",
    "Partnerships for the goals",
];
const NL: [&str; 17] = [
    "Geen armoede",
    "Geen honger",
    "Goede gezondheid en welzijn",
    "Kwaliteitsonderwijs",
    "Gendergelijkheid",
    "Schoon water en sanitair",
    "Betaalbare en duurzame energie",
    "Eerlijk werk en economische groei",
    "Industrie, innovatie en infrastructuur",
    "Ongelijkheid verminderen",
    "Duurzame steden en gemeenschappen",
    "Verantwoorde consumptie en productie",
    "Klimaatactie",
    "Leven in het water",
    "Leven op het land",
    "Vrede, justitie en sterke publieke diensten",
    "Partnerschap om doelstellingen te bereiken",
];

/// The official short name of goal `n` (1 to 17) in `lang`.
pub fn name(lang: Lang, n: u8) -> &'static str {
    let names = match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
        Lang::Nl => &NL,
    };
    names
        .get(usize::from(n).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

/// The goals an entity names, for its page: number, name and the place's goal section.
pub fn goal_views(g: &Graph, s: &Strings, place: usize, goals: &[u8]) -> Vec<Json> {
    goals
        .iter()
        .map(|n| {
            json!({
                "number": n,
                "name": name(s.lang, *n),
                "url": format!("{}#goal-{n}", g.routes.place_url(place, PlacePage::Sdg)),
            })
        })
        .collect()
}

/// Ambitions, strategies and actions of place `p` that name goal `n`.
fn contributing(g: &Graph, p: usize, n: u8) -> Vec<NodeId> {
    g.places[p]
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.common.sdg.contains(&n))
        .map(|(i, _)| NodeId {
            place: p as u32,
            idx: i as u32,
        })
        .collect()
}

/// True when any published entity of any place names a goal.
pub fn site_has_goals(g: &Graph) -> bool {
    g.places
        .iter()
        .any(|p| p.entities.iter().any(|e| !e.common.sdg.is_empty()))
}

/// One section per goal with contributions; the goals without any, by number.
fn goal_sections(s: &Strings, items: impl Fn(u8) -> Vec<Json>) -> (Vec<Json>, Vec<Json>) {
    let mut with = Vec::new();
    let mut without = Vec::new();
    for n in 1..=17u8 {
        let list = items(n);
        let goal = json!({"number": n, "name": name(s.lang, n)});
        if list.is_empty() {
            without.push(goal);
        } else {
            let mut v = goal;
            v["groups"] = json!(list);
            with.push(v);
        }
    }
    (with, without)
}

/// Writes `<place>/agenda-2030/`.
pub fn place_page(r: &Renderer, p: usize) -> Result<(), Diagnostic> {
    let g = r.g;
    let s = &r.strings[p];
    let (goals, others) = goal_sections(s, |n| {
        let nodes = contributing(g, p, n);
        if nodes.is_empty() {
            return Vec::new();
        }
        vec![
            json!({"place": null, "items": nodes.iter().map(|x| r.links.link(g, s, *x, p)).collect::<Vec<_>>()}),
        ]
    });
    let title = format!("{} – {}", s.get("agenda_2030"), place_name(g, p));
    r.page(
        &g.routes.place_page(p, PlacePage::Sdg),
        "agenda-2030.html",
        Some(p),
        &title,
        r.crumbs(Some(p)),
        None,
        json!({"goals": goals, "others": others, "site_url": g.routes.url(SitePage::Sdg.dir())}),
    )
}

/// Writes `agenda-2030/`: every goal with what each place contributes.
pub fn site_page(r: &Renderer) -> Result<(), Diagnostic> {
    let g = r.g;
    let s = &r.site_strings;
    let (goals, others) = goal_sections(s, |n| {
        (0..g.places.len())
            .filter_map(|p| {
                let nodes = contributing(g, p, n);
                (!nodes.is_empty()).then(|| {
                    json!({
                        "place": place_name(g, p),
                        "place_url": format!("{}#goal-{n}", g.routes.place_url(p, PlacePage::Sdg)),
                        "lang": g.places[p].lang.code(),
                        "items": nodes.iter().map(|x| r.links.link(g, &r.strings[p], *x, p)).collect::<Vec<_>>(),
                    })
                })
            })
            .collect()
    });
    let title = s.get("agenda_2030");
    r.page(
        SitePage::Sdg.dir(),
        "agenda-2030.html",
        None,
        &title,
        r.crumbs(None),
        None,
        json!({"goals": goals, "others": others, "site_url": null}),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_every_language() {
        assert_eq!(name(Lang::Sv, 11), "Hållbara städer och samhällen");
        assert_eq!(name(Lang::En, 11), "Sustainable cities and communities");
        assert_eq!(name(Lang::Nl, 11), "Duurzame steden en gemeenschappen");
        assert_eq!(name(Lang::En, 17), "Partnerships for the goals");
        assert_eq!(name(Lang::En, 0), "");
        assert_eq!(name(Lang::En, 18), "");
    }
}
