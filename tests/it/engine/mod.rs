//! Integration tests of `ambit build` on the fixture corpora in
//! tests/fixtures/, asserting on the files really written: the output layout
//! of the spec (section 4), links between pages and places, languages,
//! drafts, hostile content, open data, the search index, site terms and the
//! all-or-nothing replacement of the output folder.

use std::collections::BTreeSet;

use crate::common::{build_fixture, Ent, Site, SUB_BASE};

mod content;
mod hostile;
mod layout;
mod links;
mod output;
mod search;

pub(super) fn multi() -> Site {
    build_fixture("multi", Some(SUB_BASE))
}

pub(super) fn places(ents: &[Ent]) -> Vec<String> {
    let set: BTreeSet<String> = ents.iter().map(|e| e.place.clone()).collect();
    set.into_iter().collect()
}

pub(super) fn text_files(site: &Site) -> Vec<(String, String)> {
    site.files()
        .into_iter()
        .filter(|f| !f.starts_with("static/") && !f.starts_with(".ambit"))
        .filter_map(|f| std::fs::read_to_string(site.path(&f)).ok().map(|t| (f, t)))
        .collect()
}
