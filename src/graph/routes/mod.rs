//! The route table: the folder, file and URL of every page and file of the site, computed once
//! from the graph before anything is rendered. Pages, the sitemap, feeds, open data, search
//! indexes and the admin all take their paths from here; a full build checks that the pages
//! it wrote are exactly the table's [`Routes::pages`].
//!
//! A page lives in a folder (`halmstad/actions/ny-lekplats`) as `index.html`; its URL is the
//! site's path prefix, the folder and a `/`. The folder of the root page is empty.

use std::collections::HashMap;

use crate::graph::{bodies, tags, years, Graph, NodeId};
use crate::model::EntityKind;
use crate::util::paths::page_path;

/// A page that every place has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlacePage {
    /// The programme page, `<place>/`.
    Home,
    /// The action list by status and its other views.
    Actions,
    ActionsByYear,
    ActionsByAmbition,
    ActionsByResponsible,
    /// The list of one kind of entity (`<place>/areas/`, …).
    Kind(EntityKind),
    Responsible,
    Changes,
    FollowUp,
    Documents,
    Sdg,
    Budget,
    Data,
    Search,
}

impl PlacePage {
    /// The sub-folder of the place's folder ("" for the programme page).
    pub fn sub(self) -> &'static str {
        match self {
            PlacePage::Home => "",
            PlacePage::Actions => "actions",
            PlacePage::ActionsByYear => "actions/by-year",
            PlacePage::ActionsByAmbition => "actions/by-ambition",
            PlacePage::ActionsByResponsible => "actions/by-responsible",
            PlacePage::Kind(k) => k.folder(),
            PlacePage::Responsible => "responsible",
            PlacePage::Changes => "changes",
            PlacePage::FollowUp => "follow-up",
            PlacePage::Documents => "documents",
            PlacePage::Sdg => "agenda-2030",
            PlacePage::Budget => "budget",
            PlacePage::Data => "data",
            PlacePage::Search => "search",
        }
    }
}

/// A page of the site as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SitePage {
    Root,
    Accessibility,
    FollowUp,
    Documents,
    Sdg,
    Budget,
    Tags,
    Search,
}

impl SitePage {
    /// The folder of the page ("" for the root).
    pub fn dir(self) -> &'static str {
        match self {
            SitePage::Root => "",
            SitePage::Accessibility => "accessibility",
            SitePage::FollowUp => "follow-up",
            SitePage::Documents => "documents",
            SitePage::Sdg => "agenda-2030",
            SitePage::Budget => "budget",
            SitePage::Tags => "tags",
            SitePage::Search => "search",
        }
    }
}

/// The paths and URLs of the whole site.
#[derive(Debug, Default)]
pub struct Routes {
    /// The path of the site under its host, `/` or `/sub/path/`.
    prefix: String,
    /// The scheme, host and port of `base_url` (`https://example.org`); empty when the base
    /// URL is only a path.
    origin: String,
    /// Per place, its folder (its id).
    places: Vec<String>,
    /// Per place and entity, the folder of the entity's page.
    entities: Vec<Vec<String>>,
    /// The entity each content file publishes, by the file's path below the content folder.
    sources: HashMap<String, NodeId>,
}

impl Routes {
    /// The table of `g`: every page the site is made of.
    pub fn build(g: &Graph) -> Routes {
        let places: Vec<String> = g.places.iter().map(|p| p.id.clone()).collect();
        // An entity's page is where a link to its file points (the one rule, also applied to
        // body links while the files are parsed, before there is a graph).
        let entities = g
            .places
            .iter()
            .map(|place| {
                place
                    .entities
                    .iter()
                    .map(|e| {
                        let page = page_path(&e.common.source);
                        page.trim_end_matches('/').to_string()
                    })
                    .collect()
            })
            .collect();
        let mut r = Routes {
            prefix: g.prefix.clone(),
            origin: match url::Url::parse(&g.site.base_url) {
                Ok(base) if base.has_host() => base.origin().ascii_serialization(),
                _ => String::new(),
            },
            places,
            entities,
            sources: HashMap::new(),
        };
        for (p, place) in g.places.iter().enumerate() {
            for (i, e) in place.entities.iter().enumerate() {
                let n = NodeId {
                    place: p as u32,
                    idx: i as u32,
                };
                r.sources.insert(e.common.source.clone(), n);
            }
        }
        r
    }

    /// Every HTML page of `g` (the graph of this table), as its folder, in the order the
    /// sitemap lists them. Made when asked for: only the sitemap needs the whole list.
    pub fn pages(&self, g: &Graph) -> Vec<String> {
        let mut pages: Vec<String> = [
            SitePage::Root,
            SitePage::Accessibility,
            SitePage::FollowUp,
            SitePage::Documents,
            SitePage::Sdg,
        ]
        .iter()
        .map(|s| s.dir().to_string())
        .collect();
        pages.extend(years::site_years(g).into_iter().map(|y| self.site_year(y)));
        pages.push(SitePage::Budget.dir().to_string());
        pages.push(SitePage::Tags.dir().to_string());
        pages.extend(tags::collect(g).iter().map(|t| self.tag(&t.slug)));
        pages.push(SitePage::Search.dir().to_string());
        for p in 0..g.places.len() {
            pages.push(self.place_page(p, PlacePage::Home));
            pages.extend(
                [
                    PlacePage::Actions,
                    PlacePage::ActionsByYear,
                    PlacePage::ActionsByAmbition,
                    PlacePage::ActionsByResponsible,
                    PlacePage::Responsible,
                    PlacePage::Changes,
                    PlacePage::FollowUp,
                    PlacePage::Documents,
                    PlacePage::Sdg,
                    PlacePage::Budget,
                    PlacePage::Data,
                    PlacePage::Search,
                    PlacePage::Kind(EntityKind::Area),
                    PlacePage::Kind(EntityKind::Ambition),
                    PlacePage::Kind(EntityKind::Strategy),
                    PlacePage::Kind(EntityKind::Indicator),
                ]
                .map(|page| self.place_page(p, page)),
            );
            pages.extend(bodies::bodies(g, p).iter().map(|b| self.body(p, &b.slug)));
            // A year with a report is the report's page, listed with the entities.
            pages.extend(
                years::years(g, p)
                    .into_iter()
                    .filter(|&y| years::report_of(g, p, y).is_none())
                    .map(|y| self.year(p, y)),
            );
            pages.extend(self.entities[p].iter().cloned());
        }
        pages
    }

    /// The URL of the page in folder `dir`.
    pub fn url(&self, dir: &str) -> String {
        if dir.is_empty() {
            self.prefix.clone()
        } else {
            format!("{}{dir}/", self.prefix)
        }
    }

    /// The absolute URL of a site path that starts with the prefix (the path itself when
    /// the base URL has no host).
    pub fn absolute(&self, path_with_prefix: &str) -> String {
        format!("{}{path_with_prefix}", self.origin)
    }

    /// The URL of a file at `path` of the output.
    pub fn file_url(&self, path: &str) -> String {
        format!("{}{path}", self.prefix)
    }

    /// The file the page in folder `dir` is written to.
    pub fn page_file(dir: &str) -> String {
        if dir.is_empty() {
            "index.html".to_string()
        } else {
            format!("{dir}/index.html")
        }
    }

    /// The folder of a page of place `p`.
    pub fn place_page(&self, p: usize, page: PlacePage) -> String {
        match page.sub() {
            "" => self.places[p].clone(),
            sub => format!("{}/{sub}", self.places[p]),
        }
    }

    /// The URL of a page of place `p`.
    pub fn place_url(&self, p: usize, page: PlacePage) -> String {
        self.url(&self.place_page(p, page))
    }

    /// The folder of an entity's page.
    pub fn entity(&self, n: NodeId) -> &str {
        &self.entities[n.place as usize][n.idx as usize]
    }

    /// The entity whose page the content file `rel` (below the content folder) makes; None
    /// for a file that is not an entity's (a programme, `site.yaml`, a file of `files/`).
    pub fn source(&self, rel: &str) -> Option<NodeId> {
        self.sources.get(rel).copied()
    }

    /// The URL of an entity's page.
    pub fn entity_url(&self, n: NodeId) -> String {
        self.url(self.entity(n))
    }

    /// The folder of a responsible body's page of place `p`.
    pub fn body(&self, p: usize, slug: &str) -> String {
        format!("{}/responsible/{slug}", self.places[p])
    }

    /// The folder of the follow-up page of place `p` for `year`.
    pub fn year(&self, p: usize, year: i32) -> String {
        format!("{}/follow-up/{year}", self.places[p])
    }

    /// The folder of the site-wide follow-up page of `year`.
    pub fn site_year(&self, year: i32) -> String {
        format!("follow-up/{year}")
    }

    /// The folder of a tag's page.
    pub fn tag(&self, slug: &str) -> String {
        format!("tags/{slug}")
    }

    /// The file of place `p`'s open data `name` (`actions.csv`, …).
    pub fn data_file(&self, p: usize, name: &str) -> String {
        format!("{}/data/{name}", self.places[p])
    }

    /// The Atom feed of place `p`.
    pub fn feed(&self, p: usize) -> String {
        format!("{}/feed.xml", self.places[p])
    }

    /// The folder of place `p`'s search index files.
    pub fn search_index(&self, p: usize) -> String {
        format!("{}/", self.places[p])
    }

    /// The folder of the site-wide search index of a language.
    pub fn site_search_index(&self, lang: &str) -> String {
        format!("search/{lang}/")
    }

    /// The path of the theme's static file `rel` ("" for the folder itself).
    pub fn static_file(rel: &str) -> String {
        format!("static/{rel}")
    }

    /// The folder of place `p`'s own files (`<place>/files`).
    pub fn place_files(&self, p: usize) -> String {
        format!("{}/files", self.places[p])
    }
}

#[cfg(test)]
mod tests;
