//! Stage 3, graph: validates references between entities and resolves the
//! whole content into one programme graph, with back-references (an
//! ambition knows its strategies, indicators and every action serving it,
//! from any place). Only published (non-draft) entities enter the graph;
//! drafts are validated like everything else.

mod assemble;
pub mod bodies;
mod bodylinks;
mod budgets;
mod reference;
mod resolve;
pub mod routes;
pub mod tags;
pub mod warnings;
pub mod years;

use std::collections::HashMap;
use std::path::PathBuf;

use crate::diag::Diagnostic;
use crate::model::Date;
use crate::model::{Entity, EntityKind, Lang, SiteConfig};
use crate::parse::Parsed;

/// Address of an entity in the graph: place index and entity index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId {
    pub place: u32,
    pub idx: u32,
}

/// Resolved links of one entity (forward and back).
#[derive(Debug, Clone, Default)]
pub struct Links {
    /// Ambition → its area; strategy → none.
    pub area: Option<NodeId>,
    /// Strategy or action → the ambition it serves.
    pub ambition: Option<NodeId>,
    /// Action → its strategy.
    pub strategy: Option<NodeId>,
    /// Indicator → what it measures.
    pub measures: Vec<NodeId>,
    /// Area → its ambitions.
    pub ambitions: Vec<NodeId>,
    /// Ambition → its strategies.
    pub strategies: Vec<NodeId>,
    /// Ambition or strategy → indicators measuring it.
    pub indicators: Vec<NodeId>,
    /// Ambition or strategy → actions serving it, from every place.
    pub actions: Vec<NodeId>,
}

/// One place with its published entities.
#[derive(Debug)]
pub struct Place {
    pub id: String,
    pub lang: Lang,
    pub programme: Entity,
    /// Published entities, sorted by kind, order, title.
    pub entities: Vec<Entity>,
    pub links: Vec<Links>,
    pub files_dir: Option<PathBuf>,
    pub(super) by_id: HashMap<String, u32>,
}

impl Place {
    pub fn get(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    /// Indices of the entities of `kind`, in display order.
    pub fn of_kind(&self, kind: EntityKind) -> impl Iterator<Item = u32> + '_ {
        self.entities
            .iter()
            .enumerate()
            .filter(move |(_, e)| e.kind == kind)
            .map(|(i, _)| i as u32)
    }
}

/// The whole published programme.
#[derive(Debug)]
pub struct Graph {
    pub site: SiteConfig,
    pub prefix: String,
    pub places: Vec<Place>,
    pub site_files_dir: Option<PathBuf>,
    /// The date the site is built for (late actions), as (year, month, day).
    pub today: Date,
    /// Per place, its responsible bodies by name.
    pub bodies: Vec<Vec<bodies::Body>>,
    /// The path and URL of every page and file, computed once.
    pub routes: routes::Routes,
}

impl Graph {
    /// The entities of one kind of place `p`, in file order.
    pub fn nodes_of(&self, p: usize, kind: EntityKind) -> impl Iterator<Item = NodeId> + '_ {
        self.places[p].of_kind(kind).map(move |idx| NodeId {
            place: p as u32,
            idx,
        })
    }

    pub fn entity(&self, n: NodeId) -> &Entity {
        &self.places[n.place as usize].entities[n.idx as usize]
    }

    pub fn links(&self, n: NodeId) -> &Links {
        &self.places[n.place as usize].links[n.idx as usize]
    }

    pub fn place(&self, n: NodeId) -> &Place {
        &self.places[n.place as usize]
    }
}

pub use resolve::refs_of;

/// Builds the graph, or returns the diagnostics that prevent it.
pub fn build(parsed: Parsed, today: Date) -> (Option<Graph>, Vec<Diagnostic>) {
    resolve::resolve(parsed, today)
}

/// The date to build for: `AMBIT_TODAY=YYYY-MM-DD` or the current date (UTC).
pub fn today() -> Date {
    if let Some(d) = std::env::var("AMBIT_TODAY")
        .ok()
        .and_then(|s| crate::parse::fields::parse_partial_date(&s))
    {
        return d.first_day();
    }
    time::OffsetDateTime::now_utc().date()
}
