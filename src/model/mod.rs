//! The programme model: places and the entities of a development programme
//! (programme, areas, ambitions, strategies, indicators, actions) as typed
//! values, after parsing and before the graph links them together.

use serde::Serialize;
use std::path::PathBuf;

use crate::diag::Pos;

mod fields;
pub mod money;
pub mod schema;
mod site;
mod values;
pub use fields::{
    Action, Adopted, Budget, Contact, Document, Ideas, Indicator, Period, PoliticalWill, Programme,
    Report, Target, Value,
};
pub use site::{Cms, Repository, SiteConfig};
pub use values::{date, days_in_month, iso, Date, Order, PartialDate};

/// The slug of a tag (v2): tags with the same slug are one tag; None when the tag has no
/// letter or digit.
pub use crate::util::slug::slug as tag_slug;

/// A relative link or image of a body, to be checked against the content tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyLink {
    /// The URL as written.
    pub written: String,
    /// The target path relative to the content folder (no fragment, decoded);
    /// `None` when the path climbs out of the content folder.
    pub target: Option<String>,
    /// Where the link or image starts in the source file.
    pub pos: Pos,
    pub image: bool,
}

/// A language the UI and search support.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Sv,
    En,
    Nl,
}

impl Lang {
    pub const ALL: [&'static str; 3] = ["sv", "en", "nl"];

    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            "nl" => Some(Lang::Nl),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    }
}

/// The types of entity a place holds, in the order of the content tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Programme,
    Area,
    Ambition,
    Strategy,
    Indicator,
    Action,
    /// The yearly follow-up of a place (`reports/<year>.md`).
    Report,
}

impl EntityKind {
    /// Kinds stored in sub-folders of a place.
    pub const FOLDERS: [EntityKind; 6] = [
        EntityKind::Area,
        EntityKind::Ambition,
        EntityKind::Strategy,
        EntityKind::Indicator,
        EntityKind::Action,
        EntityKind::Report,
    ];

    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Programme => "programme",
            EntityKind::Area => "area",
            EntityKind::Ambition => "ambition",
            EntityKind::Strategy => "strategy",
            EntityKind::Indicator => "indicator",
            EntityKind::Action => "action",
            EntityKind::Report => "report",
        }
    }

    /// The folder name in the content tree and the output.
    pub fn folder(self) -> &'static str {
        match self {
            EntityKind::Programme => "",
            EntityKind::Area => "areas",
            EntityKind::Ambition => "ambitions",
            EntityKind::Strategy => "strategies",
            EntityKind::Indicator => "indicators",
            EntityKind::Action => "actions",
            EntityKind::Report => "reports",
        }
    }

    pub fn from_folder(folder: &str) -> Option<EntityKind> {
        EntityKind::FOLDERS
            .into_iter()
            .find(|k| k.folder() == folder)
    }

    pub fn from_name(name: &str) -> Option<EntityKind> {
        [EntityKind::Programme]
            .into_iter()
            .chain(EntityKind::FOLDERS)
            .find(|k| k.name() == name)
    }
}

/// The status of an action, in the order of the municipal process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Idea,
    Prioritised,
    Planned,
    Ongoing,
    Done,
    Cancelled,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Idea,
        Status::Prioritised,
        Status::Planned,
        Status::Ongoing,
        Status::Done,
        Status::Cancelled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Status::Idea => "idea",
            Status::Prioritised => "prioritised",
            Status::Planned => "planned",
            Status::Ongoing => "ongoing",
            Status::Done => "done",
            Status::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.code() == s)
    }

    /// Finished one way or the other: never late.
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Done | Status::Cancelled)
    }
}

/// A reference from one entity to another, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ref {
    /// The place named in `place/id`, or None for the same place.
    pub place: Option<String>,
    pub id: String,
    /// The text as written, for messages.
    pub raw: String,
    /// Where the reference stands in its file.
    pub pos: Pos,
}

/// Keys every entity may have, plus its body.
#[derive(Debug, Clone, Default)]
pub struct Common {
    pub id: String,
    pub title: String,
    pub summary: Option<String>,
    pub order: Option<Order>,
    pub tags: Vec<String>,
    pub draft: bool,
    pub extra: serde_json::Value,
    /// Sanitised HTML of the Markdown body.
    pub body_html: String,
    /// Plain text of the body, for search and excerpts.
    pub body_text: String,
    /// Governing documents it builds on (`documents:`, v2).
    pub documents: Vec<Document>,
    /// Agenda 2030 goals it contributes to (`sdg:`, 1 to 17, sorted, v2).
    pub sdg: Vec<u8>,
    /// Path relative to the content folder, with forward slashes.
    pub source: String,
    /// Path as the user would type it (content dir joined).
    pub display_path: PathBuf,
    /// Line of each top-level front-matter key, for diagnostics found later.
    pub key_lines: Vec<(String, usize)>,
    /// Relative links and images of the body, checked by the graph stage.
    pub body_links: Vec<BodyLink>,
}

impl Common {
    /// The position of a key in the source file (line 1 when absent).
    pub fn key_pos(&self, key: &str) -> Pos {
        let line = self
            .key_lines
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, l)| *l)
            .unwrap_or(1);
        Pos::new(line, 1)
    }
}

/// What is particular to each kind of entity.
#[derive(Debug, Clone)]
pub enum Fields {
    Programme(Box<Programme>),
    Area,
    Ambition {
        area: Option<Ref>,
        political_will: Option<Box<PoliticalWill>>,
    },
    Strategy {
        ambition: Ref,
    },
    Indicator(Box<Indicator>),
    Action(Box<Action>),
    Report(Box<Report>),
}

/// One parsed content file.
#[derive(Debug, Clone)]
pub struct Entity {
    pub kind: EntityKind,
    pub common: Common,
    pub fields: Fields,
}

impl Entity {
    pub fn action(&self) -> Option<&Action> {
        match &self.fields {
            Fields::Action(a) => Some(a),
            _ => None,
        }
    }

    pub fn indicator(&self) -> Option<&Indicator> {
        match &self.fields {
            Fields::Indicator(i) => Some(i),
            _ => None,
        }
    }

    pub fn report(&self) -> Option<&Report> {
        match &self.fields {
            Fields::Report(r) => Some(r),
            _ => None,
        }
    }

    pub fn programme(&self) -> Option<&Programme> {
        match &self.fields {
            Fields::Programme(p) => Some(p),
            _ => None,
        }
    }
}
