//! The HTML pages, one module per kind: the programme of a place and its entity pages, the
//! action lists, tags, budget, responsible bodies, documents, Agenda 2030, revision, year
//! pages, follow-up, search and the site-wide pages.

pub mod budget;
pub mod documents;
pub mod followup;
pub mod lists;
pub mod programme;
pub mod responsible;
pub mod revision;
pub mod sdg;
pub mod search;
pub mod site;
pub mod tags;
pub mod yearly;
pub mod yearly_site;
