//! The files that are not pages: each place's Atom feed and open data, the search indexes and
//! the sitemap.

pub mod data;
pub mod feed;
pub mod search;
pub mod sitemap;
