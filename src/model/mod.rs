//! The programme model: places and the entities of a development programme
//! (programme, areas, ambitions, strategies, indicators, actions) as typed
//! values, after parsing and before the graph links them together.

use serde::Serialize;
use std::path::PathBuf;

use crate::diag::Pos;

pub mod money;
pub mod schema;
mod values;
pub use values::{days_in_month, Order, PartialDate};

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

#[derive(Debug, Clone, Serialize)]
pub struct Adopted {
    pub by: Option<String>,
    pub on: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Period {
    pub from: Option<i64>,
    pub to: Option<i64>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Contact {
    pub name: Option<String>,
    pub email: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Ideas {
    pub url: Option<String>,
    pub email: Option<String>,
    pub text: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Programme {
    pub place: String,
    pub place_kind: String,
    pub municipality: Option<String>,
    pub language: Option<Lang>,
    pub adopted: Option<Adopted>,
    pub period: Option<Period>,
    pub review: Option<String>,
    pub partners: Vec<String>,
    pub contact: Option<Contact>,
    pub ideas: Option<Ideas>,
    /// When the plan was last revised (v2).
    pub revised: Option<PartialDate>,
    /// Whole years between revisions (v2), at least 1.
    pub revise_every: Option<i64>,
}

impl Programme {
    /// The day the next revision is due: `revised` plus `revise_every` years (the last day
    /// `revised` covers when it is a year or a month; 29 February becomes 28 February).
    pub fn revision_due(&self) -> Option<(i32, u8, u8)> {
        let (y, m, d) = self.revised?.last_day();
        let every = i32::try_from(self.revise_every?).ok()?;
        let year = y.checked_add(every)?;
        Some((year, m, d.min(days_in_month(year, m))))
    }

    /// True when the plan is past its revision date on `today`.
    pub fn is_overdue(&self, today: (i32, u8, u8)) -> bool {
        self.revision_due().is_some_and(|due| due < today)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Target {
    pub value: f64,
    pub year: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Value {
    pub year: i64,
    pub value: f64,
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Indicator {
    pub measures: Vec<Ref>,
    pub unit: Option<String>,
    pub source: Option<String>,
    pub direction: Option<String>,
    pub target: Option<Target>,
    pub values: Vec<Value>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Budget {
    /// The amount in hundredths (öre, cents): exact, never floating point.
    pub amount: i64,
    pub currency: Option<String>,
    /// The budget year (v2).
    pub year: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct Action {
    pub ambition: Ref,
    pub strategy: Option<Ref>,
    pub status: Status,
    pub effort: Option<String>,
    pub responsible: Vec<String>,
    pub funded_by: Vec<String>,
    pub due: Option<PartialDate>,
    pub listed: Option<i64>,
    pub completed: Option<PartialDate>,
    pub decided_by: Option<String>,
    pub budget: Option<Budget>,
    pub origin: Option<String>,
    pub progress: Option<f64>,
}

/// A governing document an entity builds on: a web address or a file under `files/`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Document {
    pub title: String,
    /// `http(s)://` address, when the document is on the web.
    pub url: Option<String>,
    /// Path under a `files/` folder relative to the content folder (`vaggeryd/files/x.pdf`).
    pub file: Option<String>,
    pub kind: Option<String>,
    /// Date of adoption, as written (`2021-05-04`).
    pub adopted: Option<String>,
}

impl Document {
    /// What identifies the document across entities: its address or its file.
    pub fn key(&self) -> &str {
        self.url.as_deref().or(self.file.as_deref()).unwrap_or("")
    }
}

/// The political will of a goal (`political_will` on an ambition, v3): the tools the governing
/// majority wants to use to reach it, adopted in a decision of its own.
#[derive(Debug, Clone, PartialEq)]
pub struct PoliticalWill {
    /// The text as written (Markdown).
    pub text: String,
    /// The text rendered to sanitised HTML (filled in with the body).
    pub html: String,
    /// Who adopted it (`adopted.by`), when given.
    pub by: Option<String>,
    /// The date of the decision (`adopted.on`), as written.
    pub on: String,
    /// The line of `text:` in the file, for the positions of links in it.
    pub text_line: usize,
}

/// The yearly follow-up of a place (`reports/<year>.md`).
#[derive(Debug, Clone)]
pub struct Report {
    /// The year followed up (the file stem).
    pub year: i32,
    pub published: PartialDate,
    pub adopted: Option<Adopted>,
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

/// Site-wide settings from site.yaml.
#[derive(Debug, Clone, Default)]
pub struct SiteConfig {
    pub title: String,
    pub language: Option<Lang>,
    pub base_url: String,
    pub description: Option<String>,
    pub theme: Option<String>,
    pub repository: Option<Repository>,
    pub accessibility_contact: Option<String>,
    pub accessibility_reviewed: Option<String>,
    /// language -> kind name -> [singular, plural]
    pub terms: std::collections::BTreeMap<String, std::collections::BTreeMap<String, [String; 2]>>,
    /// The browser editor (Decap CMS) at `admin/`, when set.
    pub cms: Option<Cms>,
}

/// `cms` of site.yaml: the browser editor written to `admin/`.
#[derive(Debug, Clone, Serialize)]
pub struct Cms {
    /// `github`, `gitlab` or `gitea`: where `repository` is kept.
    pub backend: String,
    /// Where the admin page loads Decap CMS from; None: the copy written beside it.
    pub script: Option<String>,
    /// Edit through a local `decap-server` (`npx decap-server`) when it runs.
    pub local_backend: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Repository {
    pub url: String,
    pub branch: String,
    pub content_dir: String,
}
