//! What is particular to each kind of entity: the typed keys of a programme,
//! an indicator, an action and a report, and the governing documents and
//! political will entities build on.

use serde::Serialize;

use super::{date, days_in_month, Date, Lang, PartialDate, Ref, Status};

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
    pub fn revision_due(&self) -> Option<Date> {
        let last = self.revised?.last_day();
        let every = i32::try_from(self.revise_every?).ok()?;
        let year = last.year().checked_add(every)?;
        let m = u8::from(last.month());
        date(year, m, last.day().min(days_in_month(year, m)))
    }

    /// True when the plan is past its revision date on `today`.
    pub fn is_overdue(&self, today: Date) -> bool {
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
