//! Reads the front matter of each kind of content file into a typed
//! [`Entity`], checking keys, types, enums and rules local to one file.

use crate::model::*;
use crate::parse::fields::{scalar_text, Reader};
use crate::yaml::Value;

mod action;
mod indicator;
mod programme;

use action::read_action;
use indicator::read_indicator;
use programme::read_programme;

const COMMON: &[&str] = &["title", "summary", "order", "tags", "draft", "extra"];
const PROGRAMME: &[&str] = &[
    "place",
    "place_kind",
    "municipality",
    "language",
    "adopted",
    "period",
    "review",
    "partners",
    "contact",
    "ideas",
    "revised",
    "revise_every",
];
const INDICATOR: &[&str] = &[
    "measures",
    "unit",
    "source",
    "direction",
    "target",
    "values",
];
const ACTION: &[&str] = &[
    "ambition",
    "strategy",
    "status",
    "effort",
    "responsible",
    "funded_by",
    "due",
    "listed",
    "completed",
    "decided_by",
    "budget",
    "origin",
    "progress",
];
pub const PLACE_KINDS: &[&str] = &["town", "district", "village", "municipality"];
pub const STATUSES: &[&str] = &[
    "idea",
    "prioritised",
    "planned",
    "ongoing",
    "done",
    "cancelled",
];

const REPORT: &[&str] = &["published", "adopted"];

/// All keys allowed in a file of `kind`.
pub fn allowed_keys(kind: EntityKind) -> Vec<&'static str> {
    let own: &[&str] = match kind {
        EntityKind::Programme => PROGRAMME,
        EntityKind::Area => &[],
        EntityKind::Ambition => &["area", "political_will"],
        EntityKind::Strategy => &["ambition"],
        EntityKind::Indicator => INDICATOR,
        EntityKind::Action => ACTION,
        EntityKind::Report => REPORT,
    };
    COMMON
        .iter()
        .chain(own)
        .chain(has_documents(kind).then_some(&"documents"))
        .chain(has_sdg(kind).then_some(&"sdg"))
        .copied()
        .collect()
}

/// Kinds that may name governing documents (`documents:`).
pub fn has_documents(kind: EntityKind) -> bool {
    !matches!(kind, EntityKind::Indicator | EntityKind::Report)
}

/// Kinds that may name Agenda 2030 goals (`sdg:`).
pub fn has_sdg(kind: EntityKind) -> bool {
    matches!(
        kind,
        EntityKind::Ambition | EntityKind::Strategy | EntityKind::Action
    )
}

/// Reads the keys of one file. The body is filled in by the caller.
pub fn read(kind: EntityKind, r: &mut Reader, id: &str) -> Option<Entity> {
    let what = match kind {
        EntityKind::Programme => "programme.md".to_string(),
        k => format!("an {} file", k.name())
            .replace("an s", "a s")
            .replace("an r", "a r"),
    };
    r.check_keys(&allowed_keys(kind), &what);
    let mut common = read_common(r, id);
    if has_documents(kind) {
        let docs = crate::parse::governing::read_documents(r);
        if let Some(c) = common.as_mut() {
            c.documents = docs;
        }
    }
    if has_sdg(kind) {
        let sdg = crate::parse::governing::read_sdg(r);
        if let Some(c) = common.as_mut() {
            c.sdg = sdg;
        }
    }
    let fields = match kind {
        EntityKind::Programme => Fields::Programme(Box::new(read_programme(r))),
        EntityKind::Area => Fields::Area,
        EntityKind::Ambition => Fields::Ambition {
            area: r.reference("area", false),
            political_will: crate::parse::will::read_political_will(r).map(Box::new),
        },
        EntityKind::Strategy => Fields::Strategy {
            ambition: r.reference("ambition", true)?,
        },
        EntityKind::Indicator => Fields::Indicator(Box::new(read_indicator(r))),
        EntityKind::Action => Fields::Action(Box::new(read_action(r)?)),
        EntityKind::Report => {
            Fields::Report(Box::new(crate::parse::governing::read_report(r, id)?))
        }
    };
    Some(Entity {
        kind,
        common: common?,
        fields,
    })
}

fn read_common(r: &mut Reader, id: &str) -> Option<Common> {
    let title = r.text("title", Some("…"));
    let summary = r.text("summary", None);
    let order = r.get("order").and_then(|v| match scalar_text(v) {
        Some(s) => Some(Order::new(&s)),
        None => {
            let pos = r.doc.scalar_pos("order");
            r.error(pos, "`order` must be a number or text such as \"1.2\"");
            None
        }
    });
    let tags = r.text_list("tags");
    check_tags(r, &tags);
    let draft = r.bool("draft").unwrap_or(false);
    let extra = match r.get("extra") {
        None => serde_json::Value::Null,
        Some(v @ Value::Mapping(_)) => serde_json::to_value(v).unwrap_or(serde_json::Value::Null),
        Some(_) => {
            let pos = r.doc.key_pos("extra");
            r.error(pos, "`extra` must be a map of keys")
                .help
                .push("write `extra:` followed by indented `key: value` lines".into());
            serde_json::Value::Null
        }
    };
    Some(Common {
        id: id.to_string(),
        title: title?,
        summary,
        order,
        tags,
        draft,
        extra,
        ..Common::default()
    })
}

/// A tag must have a letter or digit: its slug names the tag's page.
fn check_tags(r: &mut Reader, tags: &[String]) {
    for (i, t) in tags.iter().enumerate() {
        if crate::model::tag_slug(t).is_none() {
            let pos = r.doc.item_pos("tags", i);
            r.error(pos, format!("tag `{t}` has no letter or digit"))
                .help
                .push("write the tag as a word, e.g. `Mötesplats`, or remove it".into());
        }
    }
}
