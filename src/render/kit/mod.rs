//! The shared kit of rendering: the renderer, URLs, views of entities and links, facts,
//! events, years, charts, CSV and the text search is built from. Pages and files are made
//! with it; it imports nothing of them.

pub mod asof;
pub mod chart;
pub mod csv;
pub mod events;
pub mod facts;
pub mod links;
pub mod renderer;
pub mod search_text;
pub mod urls;
pub mod view;
pub mod years;

pub use renderer::{Crumb, Renderer};
