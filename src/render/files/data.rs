//! Open data per place: actions and indicators as JSON and CSV, and a page
//! that documents their columns.

use crate::graph::routes::PlacePage;
use crate::render::kit::csv::csv_bytes;
use serde::Serialize;
use serde_json::json;

use crate::diag::Diagnostic;
use crate::graph::{warnings::is_late, NodeId};
use crate::model::EntityKind;
use crate::render::kit::view::place_name;
use crate::render::kit::Renderer;

/// One action as a row of open data.
#[derive(Debug, Serialize)]
pub struct ActionRow {
    pub place: String,
    pub id: String,
    pub title: String,
    pub summary: String,
    pub ambition: String,
    pub strategy: String,
    pub status: String,
    pub late: bool,
    pub effort: String,
    pub responsible: String,
    pub funded_by: String,
    pub due: String,
    pub listed: String,
    pub completed: String,
    pub decided_by: String,
    pub budget_amount: String,
    pub budget_currency: String,
    pub budget_year: String,
    pub origin: String,
    pub progress: String,
    pub tags: String,
    /// Agenda 2030 goals (`; ` separated in CSV, numbers in JSON).
    pub sdg: String,
    /// Governing documents as `title (address)` (`; ` separated in CSV, objects in JSON).
    pub documents: String,
    pub url: String,
}

/// One yearly value of an indicator as a row of open data.
#[derive(Debug, Serialize)]
pub struct IndicatorRow {
    pub place: String,
    pub id: String,
    pub title: String,
    pub measures: String,
    pub unit: String,
    pub direction: String,
    pub target_value: String,
    pub target_year: String,
    pub year: i64,
    pub value: f64,
    pub note: String,
    pub url: String,
}

pub const ACTION_COLUMNS: &[(&str, &str)] = &[
    ("place", "place id"),
    ("id", "action id"),
    ("title", "title"),
    ("summary", "one-sentence summary"),
    ("ambition", "ambition served, as place/id"),
    ("strategy", "strategy, as place/id (may be empty)"),
    (
        "status",
        "idea, prioritised, planned, ongoing, done or cancelled",
    ),
    ("late", "true when past due and not done or cancelled"),
    ("effort", "type of effort"),
    (
        "responsible",
        "who carries it out (several separated by ; )",
    ),
    ("funded_by", "who pays (; separated)"),
    ("due", "due: YYYY, YYYY-MM or YYYY-MM-DD"),
    ("listed", "year put on the action list"),
    ("completed", "date completed"),
    ("decided_by", "deciding body"),
    (
        "budget_amount",
        "budget amount (exact, at most two decimals)",
    ),
    ("budget_currency", "budget currency"),
    ("budget_year", "budget year"),
    ("origin", "where the idea came from"),
    ("progress", "0-100"),
    ("tags", "tags (; separated)"),
    ("sdg", "Agenda 2030 goals, 1-17 (; separated; numbers in JSON)"),
    (
        "documents",
        "governing documents as title (address) (; separated; objects with title, url, kind, adopted in JSON)",
    ),
    ("url", "page of the action"),
];

pub const INDICATOR_COLUMNS: &[(&str, &str)] = &[
    ("place", "place id"),
    ("id", "indicator id"),
    ("title", "title"),
    (
        "measures",
        "ambitions or strategies measured (; separated, place/id)",
    ),
    ("unit", "unit"),
    ("direction", "up or down: which way is better"),
    ("target_value", "target value"),
    ("target_year", "target year"),
    ("year", "year of the value"),
    ("value", "value"),
    ("note", "note on the value"),
    ("url", "page of the indicator"),
];

fn qualified(r: &Renderer, n: Option<NodeId>) -> String {
    n.map(|n| format!("{}/{}", r.g.place(n).id, r.g.entity(n).common.id))
        .unwrap_or_default()
}

/// The absolute address of a governing document (its URL, or its file on this site).
fn doc_address(r: &Renderer, d: &crate::model::Document) -> String {
    match &d.url {
        Some(u) => u.clone(),
        None => crate::render::kit::urls::absolute(r, &crate::render::kit::urls::href(r.g, d)),
    }
}

/// The absolute address of an entity's page.
fn absolute_url(r: &Renderer, n: NodeId) -> String {
    crate::render::kit::urls::absolute(r, &crate::render::kit::urls::entity_url(r.g, n))
}

/// Writes `<place>/data/` (page, JSON and CSV).
pub fn write_place(r: &Renderer, p: usize) -> Result<(), Diagnostic> {
    let (actions, actions_json) = action_data(r, p);
    let (indicators, indicator_json) = indicator_data(r, p);
    write_files(
        r,
        p,
        (&actions, &actions_json),
        (&indicators, &indicator_json),
    )?;
    data_page(r, p, &actions, indicator_json.len(), indicators.len())
}

/// The actions of place `p` as CSV rows and as JSON objects.
fn action_data(r: &Renderer, p: usize) -> (Vec<ActionRow>, Vec<serde_json::Value>) {
    let g = r.g;
    let mut actions = Vec::new();
    let mut actions_json = Vec::new();
    for n in g.nodes_of(p, EntityKind::Action) {
        let e = g.entity(n);
        let Some(a) = e.action() else { continue };
        actions.push(action_row(r, n, e, a));
        actions_json.push(action_json(r, actions.last(), e));
    }
    (actions, actions_json)
}

/// One action as a CSV row.
fn action_row(
    r: &Renderer,
    n: NodeId,
    e: &crate::model::Entity,
    a: &crate::model::Action,
) -> ActionRow {
    let l = r.g.links(n);
    ActionRow {
        place: r.g.place(n).id.clone(),
        id: e.common.id.clone(),
        title: e.common.title.clone(),
        summary: e.common.summary.clone().unwrap_or_default(),
        ambition: qualified(r, l.ambition),
        strategy: qualified(r, l.strategy),
        status: a.status.code().into(),
        late: is_late(a, r.g.today),
        effort: a.effort.clone().unwrap_or_default(),
        responsible: a.responsible.join("; "),
        funded_by: a.funded_by.join("; "),
        due: a.due.map(|d| d.iso()).unwrap_or_default(),
        listed: a.listed.map(|y| y.to_string()).unwrap_or_default(),
        completed: a.completed.map(|d| d.iso()).unwrap_or_default(),
        decided_by: a.decided_by.clone().unwrap_or_default(),
        budget_amount: a
            .budget
            .as_ref()
            .map(|b| crate::model::money::plain(b.amount))
            .unwrap_or_default(),
        budget_currency: a
            .budget
            .as_ref()
            .and_then(|b| b.currency.clone())
            .unwrap_or_default(),
        budget_year: a
            .budget
            .as_ref()
            .and_then(|b| b.year)
            .map(|y| y.to_string())
            .unwrap_or_default(),
        origin: a.origin.clone().unwrap_or_default(),
        progress: a.progress.map(|p| p.to_string()).unwrap_or_default(),
        tags: e.common.tags.join("; "),
        sdg: e
            .common
            .sdg
            .iter()
            .map(u8::to_string)
            .collect::<Vec<_>>()
            .join("; "),
        documents: e
            .common
            .documents
            .iter()
            .map(|d| format!("{} ({})", d.title, doc_address(r, d)))
            .collect::<Vec<_>>()
            .join("; "),
        url: absolute_url(r, n),
    }
}

/// One action as JSON: its CSV row, with goals as numbers and documents as objects.
fn action_json(
    r: &Renderer,
    row: Option<&ActionRow>,
    e: &crate::model::Entity,
) -> serde_json::Value {
    let mut row = serde_json::to_value(row).unwrap_or_default();
    row["sdg"] = json!(e.common.sdg);
    row["documents"] = json!(e
        .common
        .documents
        .iter()
        .map(|d| json!({"title": d.title, "url": doc_address(r, d), "kind": d.kind, "adopted": d.adopted}))
        .collect::<Vec<_>>());
    row
}

/// The indicators of place `p` as CSV rows (one a value) and as JSON objects (one an
/// indicator).
fn indicator_data(r: &Renderer, p: usize) -> (Vec<IndicatorRow>, Vec<serde_json::Value>) {
    let g = r.g;
    let place = &g.places[p];
    let mut indicators = Vec::new();
    let mut indicator_json = Vec::new();
    for i in place.of_kind(EntityKind::Indicator) {
        let n = NodeId {
            place: p as u32,
            idx: i,
        };
        let e = g.entity(n);
        let Some(ind) = e.indicator() else { continue };
        let measures: Vec<String> = g
            .links(n)
            .measures
            .iter()
            .map(|m| qualified(r, Some(*m)))
            .collect();
        indicator_json.push(json!({
            "place": place.id, "id": e.common.id, "title": e.common.title, "measures": measures,
            "unit": ind.unit, "source": ind.source, "direction": ind.direction, "target": ind.target,
            "values": ind.values, "url": absolute_url(r, n),
        }));
        for v in &ind.values {
            indicators.push(IndicatorRow {
                place: place.id.clone(),
                id: e.common.id.clone(),
                title: e.common.title.clone(),
                measures: measures.join("; "),
                unit: ind.unit.clone().unwrap_or_default(),
                direction: ind.direction.clone().unwrap_or_default(),
                target_value: ind
                    .target
                    .as_ref()
                    .map(|t| t.value.to_string())
                    .unwrap_or_default(),
                target_year: ind
                    .target
                    .as_ref()
                    .and_then(|t| t.year)
                    .map(|y| y.to_string())
                    .unwrap_or_default(),
                year: v.year,
                value: v.value,
                note: v.note.clone().unwrap_or_default(),
                url: absolute_url(r, n),
            });
        }
    }
    (indicators, indicator_json)
}

/// Writes the JSON and CSV files of place `p`.
fn write_files(
    r: &Renderer,
    p: usize,
    (actions, actions_json): (&[ActionRow], &[serde_json::Value]),
    (indicators, indicator_json): (&[IndicatorRow], &[serde_json::Value]),
) -> Result<(), Diagnostic> {
    let routes = &r.g.routes;
    r.out.write(
        &routes.data_file(p, "actions.json"),
        serde_json::to_string_pretty(actions_json)
            .unwrap_or_default()
            .as_bytes(),
    )?;
    r.out.write(
        &routes.data_file(p, "indicators.json"),
        serde_json::to_string_pretty(indicator_json)
            .unwrap_or_default()
            .as_bytes(),
    )?;
    r.out.write(
        &routes.data_file(p, "actions.csv"),
        &csv_bytes(actions, ACTION_COLUMNS)?,
    )?;
    r.out.write(
        &routes.data_file(p, "indicators.csv"),
        &csv_bytes(indicators, INDICATOR_COLUMNS)?,
    )
}

/// The page of place `p` that lists its data files and documents their columns.
fn data_page(
    r: &Renderer,
    p: usize,
    actions: &[ActionRow],
    indicator_count: usize,
    value_count: usize,
) -> Result<(), Diagnostic> {
    let g = r.g;
    let dir = g.routes.place_page(p, PlacePage::Data);
    let cols = |c: &[(&str, &str)]| {
        c.iter()
            .map(|(n, d)| json!({"name": n, "description": d}))
            .collect::<Vec<_>>()
    };
    let s = &r.strings[p];
    let title = format!("{} – {}", s.get("open_data"), place_name(g, p));
    let data = json!({
        "files": [
            {"name": "actions.json", "url": g.routes.file_url(&g.routes.data_file(p, "actions.json")), "count": actions.len()},
            {"name": "actions.csv", "url": g.routes.file_url(&g.routes.data_file(p, "actions.csv")), "count": actions.len()},
            {"name": "indicators.json", "url": g.routes.file_url(&g.routes.data_file(p, "indicators.json")), "count": indicator_count},
            {"name": "indicators.csv", "url": g.routes.file_url(&g.routes.data_file(p, "indicators.csv")), "count": value_count},
            {"name": "budget.csv", "url": g.routes.file_url(&g.routes.data_file(p, "budget.csv")), "count": actions.iter().filter(|a| !a.budget_amount.is_empty()).count()},
        ],
        "budget_columns": cols(crate::render::kit::csv::BUDGET_COLUMNS),
        "action_columns": cols(ACTION_COLUMNS),
        "indicator_columns": cols(INDICATOR_COLUMNS),
    });
    r.page(
        &dir,
        "data.html",
        Some(p),
        &title,
        r.crumbs(Some(p)),
        None,
        data,
    )
}
