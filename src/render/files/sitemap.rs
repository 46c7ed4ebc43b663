//! sitemap.xml: every page of the site with its absolute address, in the order of the route
//! table, through the theme's `sitemap.xml` template (a site's theme may override it). After a
//! full build it lists the pages that were written, and a page written that the route table
//! does not know (or a route no page was written for) is an error, so the sitemap and the
//! table cannot drift apart from what is on disk.

use std::collections::HashSet;

use crate::diag::Diagnostic;
use crate::render::kit::urls::absolute;
use crate::render::kit::Renderer;
use crate::util::escape::xml_chars;
use serde_json::json;

/// Writes sitemap.xml from the route table (a partial render, where not every page is
/// written again).
pub fn sitemap(r: &Renderer) -> Result<(), Diagnostic> {
    write(r, &r.g.routes.pages(r.g))
}

/// Writes sitemap.xml after a full build: the pages written, checked against the route table.
pub fn from_written(r: &Renderer) -> Result<(), Diagnostic> {
    let written = std::mem::take(&mut *r.written.lock().unwrap_or_else(|e| e.into_inner()));
    let routes = r.g.routes.pages(r.g);
    let known: HashSet<&str> = routes.iter().map(String::as_str).collect();
    let done: HashSet<&str> = written.iter().map(String::as_str).collect();
    if let Some(extra) = written.iter().find(|w| !known.contains(w.as_str())) {
        return Err(Diagnostic::io(
            None,
            format!(
                "internal error: the page `{extra}/` was written but is not in the route table"
            ),
        ));
    }
    if let Some(missing) = routes.iter().find(|p| !done.contains(p.as_str())) {
        return Err(Diagnostic::io(
            None,
            format!(
                "internal error: the route table has `{missing}/` but no page was written there"
            ),
        ));
    }
    write(r, &routes)
}

fn write(r: &Renderer, pages: &[String]) -> Result<(), Diagnostic> {
    let urls: Vec<String> = pages
        .iter()
        .map(|dir| xml_chars(&absolute(r, &r.g.routes.url(dir))).into_owned())
        .collect();
    r.file("sitemap.xml", "sitemap.xml", "", json!({ "urls": urls }))
}
