//! Reads the front matter of each kind of content file into a typed
//! [`Entity`], checking keys, types, enums and rules local to one file.

use crate::diag::Pos;
use crate::model::*;
use crate::parse::fields::{as_int, scalar_text, Reader};
use crate::yaml::Value;

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
            political_will: crate::parse::governing::read_political_will(r).map(Box::new),
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

fn read_programme(r: &mut Reader) -> Programme {
    let place = r.text("place", Some("Getinge")).unwrap_or_default();
    let place_kind = r
        .choice("place_kind", PLACE_KINDS, true)
        .unwrap_or_default();
    let municipality = r.text("municipality", None);
    let language = r
        .choice("language", &Lang::ALL, false)
        .and_then(|l| Lang::parse(&l));
    let adopted = r.sub_map("adopted", &["by", "on"]).map(|m| Adopted {
        by: r.sub_text("adopted", m, "by"),
        on: r.sub_text("adopted", m, "on"),
    });
    let period = r.sub_map("period", &["from", "to"]).map(|m| Period {
        from: sub_year(r, "period", m.get("from")),
        to: sub_year(r, "period", m.get("to")),
    });
    let review = r.text("review", None);
    let partners = r.text_list("partners");
    let contact = r
        .sub_map("contact", &["name", "email", "url"])
        .map(|m| Contact {
            name: r.sub_text("contact", m, "name"),
            email: r
                .sub_text("contact", m, "email")
                .and_then(|e| safe_email(r, "contact", e)),
            url: r
                .sub_text("contact", m, "url")
                .and_then(|u| safe_url(r, "contact", u)),
        });
    let ideas = r
        .sub_map("ideas", &["url", "email", "text"])
        .map(|m| Ideas {
            url: r
                .sub_text("ideas", m, "url")
                .and_then(|u| safe_url(r, "ideas", u)),
            email: r
                .sub_text("ideas", m, "email")
                .and_then(|e| safe_email(r, "ideas", e)),
            text: r.sub_text("ideas", m, "text"),
        });
    let revised = r.date("revised");
    let revise_every = read_revise_every(r);
    Programme {
        place,
        place_kind,
        municipality,
        language,
        adopted,
        period,
        review,
        partners,
        contact,
        ideas,
        revised,
        revise_every,
    }
}

/// `revise_every`: a whole number of years, at least 1.
fn read_revise_every(r: &mut Reader) -> Option<i64> {
    let v = r.get("revise_every")?;
    let n = as_int(v).filter(|n| (1..=100).contains(n));
    if n.is_none() {
        let shown = scalar_text(v).unwrap_or_else(|| crate::yaml::type_name(v).to_string());
        let pos = r.doc.scalar_pos("revise_every");
        r.error(
            pos,
            format!("`revise_every` is `{shown}`, but must be a whole number of years, at least 1"),
        )
        .help
        .push("write how many years pass between revisions, e.g. `revise_every: 2`".into());
    }
    n
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

/// Keeps an e-mail address that can stand in a `mailto:` link; anything else is an error at
/// the key's line.
fn safe_email(r: &mut Reader, key: &str, email: String) -> Option<String> {
    let email = email.trim().to_string();
    if crate::parse::urls::is_email(&email) {
        return Some(email);
    }
    let pos = r.doc.value_pos(key, "email:");
    r.error(
        pos,
        format!("`{key}.email` `{email}` is not a mail address"),
    )
    .help
    .push("write it as name@example.org, without spaces or quotes".into());
    None
}

/// Keeps only web and mail links from front matter; anything else is an error at the key's line.
fn safe_url(r: &mut Reader, key: &str, url: String) -> Option<String> {
    match crate::parse::urls::check(&url, crate::parse::urls::Allow::WebOrMail) {
        Ok(u) => Some(u),
        Err(why) => {
            let pos = r.doc.value_pos(key, "url:");
            r.error(pos, format!("`{key}.url` `{}`: {why}", url.trim()))
                .help
                .push(
                    "write a full address starting with https://, or mailto:name@example.org"
                        .into(),
                );
            None
        }
    }
}

fn sub_year(r: &mut Reader, key: &str, v: Option<&Value>) -> Option<i64> {
    let v = v.filter(|v| !v.is_null())?;
    // A year, or a date whose year is taken (`2020-01-01` in a period).
    let n = as_int(v).or_else(|| {
        crate::parse::fields::scalar_text(v)
            .as_deref()
            .and_then(crate::parse::fields::parse_partial_date)
            .map(|d| i64::from(d.year))
    });
    if n.is_none() {
        let pos = r.doc.key_pos(key);
        r.error(
            pos,
            format!("years in `{key}` must be whole numbers such as 2024"),
        );
    }
    n
}

fn read_indicator(r: &mut Reader) -> Indicator {
    let measures = r.ref_list("measures");
    if measures.is_empty() && r.get("measures").is_none() {
        let d = r.error(Pos::new(1, 1), "missing required key `measures`");
        d.help
            .push("add `measures: [<ambition or strategy id>]`: what the indicator follows".into());
    } else if measures.is_empty() && !r.diags.iter().any(|d| d.message.contains("measures")) {
        let pos = r.doc.key_pos("measures");
        r.error(pos, "`measures` needs at least one ambition or strategy");
    }
    let unit = r.text("unit", None);
    let source = r.text("source", None);
    let direction = r.choice("direction", &["up", "down"], false);
    let target = r.sub_map("target", &["value", "year"]).and_then(|m| {
        let value = r.sub_number("target", m, "value", true)?;
        Some(Target {
            value,
            year: sub_year(r, "target", m.get("year")),
        })
    });
    let values = read_values(r);
    Indicator {
        measures,
        unit,
        source,
        direction,
        target,
        values,
    }
}

fn read_values(r: &mut Reader) -> Vec<crate::model::Value> {
    let Some(v) = r.get("values") else {
        return Vec::new();
    };
    let Value::Sequence(items) = v else {
        let pos = r.doc.key_pos("values");
        r.error(pos, "`values` must be a list")
            .help
            .push("write `values:` then lines like `  - {year: 2021, value: 48.5}`".into());
        return Vec::new();
    };
    let mut out: Vec<crate::model::Value> = Vec::new();
    let mut years = std::collections::HashSet::new();
    for (i, item) in items.iter().enumerate() {
        let pos = r.doc.item_pos("values", i);
        let Value::Mapping(m) = item else {
            r.error(pos, "each item of `values` must be `{year: …, value: …}`");
            continue;
        };
        for k in m.keys() {
            let name = crate::parse::fields::key_text(k);
            if !["year", "value", "note"].contains(&name.as_str()) {
                let sug = crate::diag::did_you_mean(&name, ["year", "value", "note"]);
                let d = r.error(pos, format!("unknown key `{name}` in `values`"));
                d.help.push(match sug {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "an item takes year, value and note".into(),
                });
            }
        }
        let year = m.get("year").and_then(as_int);
        let value = m
            .get("value")
            .and_then(Value::as_f64)
            .filter(|f| f.is_finite());
        let (Some(year), Some(value)) = (year, value) else {
            r.error(
                pos,
                "each item of `values` needs a whole-number `year` and a numeric `value`",
            )
            .help
            .push("for example `- {year: 2021, value: 48.5}`".into());
            continue;
        };
        // A block item's own lines hold its year; a flow list is searched for the year.
        let year_pos = if pos != r.doc.key_pos("values") {
            r.doc.item_sub_pos("values", i, "year:")
        } else {
            match r.doc.value_pos("values", &format!("year: {year}")) {
                p if p == r.doc.key_pos("values") => pos,
                p => p,
            }
        };
        if !years.insert(year) {
            r.error(year_pos, format!("year {year} appears twice in `values`"))
                .help
                .push("each year may have one value; merge or remove one".into());
            continue;
        }
        let note = m.get("note").and_then(scalar_text);
        out.push(crate::model::Value { year, value, note });
    }
    out.sort_by_key(|v| v.year);
    out
}

fn read_action(r: &mut Reader) -> Option<Action> {
    let ambition = r.reference("ambition", true);
    let strategy = r.reference("strategy", false);
    let status_text = r.choice("status", STATUSES, true);
    let status = status_text.as_deref().and_then(Status::parse);
    let effort = r.text("effort", None);
    let responsible = r.text_list("responsible");
    let funded_by = r.text_list("funded_by");
    let due = r.date("due");
    let listed = r.int("listed");
    let completed = r.date("completed");
    let decided_by = r.text("decided_by", None);
    let budget = super::budget::read_budget(r);
    let origin = r.text("origin", None);
    let progress = r.number("progress");
    if let Some(p) = progress.filter(|p| !(0.0..=100.0).contains(p)) {
        let pos = r.doc.scalar_pos("progress");
        r.error(
            pos,
            format!("`progress` is {p}, but must be between 0 and 100"),
        )
        .help
        .push("progress is a percentage: 0 to 100".into());
    }
    match (status, r.get("completed").is_some()) {
        (Some(Status::Done), false) => {
            let pos = r.doc.scalar_pos("status");
            let d = r.error(pos, "a done action needs `completed`");
            d.help
                .push("add `completed: YYYY-MM-DD`, the date the action was completed".into());
        }
        (Some(s), true) if s != Status::Done => {
            let pos = r.doc.key_pos("completed");
            let d = r.error(
                pos,
                format!(
                    "`completed` is only allowed when status is `done` (status is `{}`)",
                    s.code()
                ),
            );
            d.help
                .push("remove `completed`, or set `status: done`".into());
        }
        _ => {}
    }
    Some(Action {
        ambition: ambition?,
        strategy,
        status: status?,
        effort,
        responsible,
        funded_by,
        due,
        listed,
        completed,
        decided_by,
        budget,
        origin,
        progress,
    })
}
