//! The political will of an ambition (v3): `political_will: {text, adopted: {by, on}}`, the
//! tools the majority wants to use to reach the goal (Markdown), and the decision that adopted
//! them.

use crate::diag::Pos;
use crate::model::PoliticalWill;
use crate::parse::fields::{key_text, parse_partial_date, scalar_text, Reader};
use crate::yaml::{type_name, Mapping, Value};

/// Reads `political_will: {text, adopted: {by, on}}` of an ambition; `text` and `adopted.on`
/// are required.
pub fn read_political_will(r: &mut Reader) -> Option<PoliticalWill> {
    let m = r.sub_map(WILL, &["text", "adopted"])?;
    let key_pos = r.doc.key_pos(WILL);
    let text = r.sub_text(WILL, m, "text").filter(|t| !t.trim().is_empty());
    if text.is_none() {
        r.error(key_pos, "`political_will` needs a `text`")
            .help
            .push("add `text: |` and, indented below it, the tools the majority wants to use to reach the goal (Markdown)".into());
    }
    let adopted = will_adopted(r, m)?;
    if let Some(a) = adopted {
        check_adopted_keys(r, a);
    }
    let by = adopted_text(r, adopted, "by");
    let on = adopted_text(r, adopted, "on");
    check_adopted_on(r, on.as_deref(), adopted.is_some(), key_pos)?;
    Some(PoliticalWill {
        text: text?,
        html: String::new(),
        by,
        on: on?,
        text_line: r.doc.value_pos(WILL, "text:").line,
    })
}

/// The key of an ambition's political will.
const WILL: &str = "political_will";

/// `political_will.adopted`: `Some(None)` when it is not given, `None` when it is not a map.
fn will_adopted<'a>(r: &mut Reader, m: &'a Mapping) -> Option<Option<&'a Mapping>> {
    match m.get("adopted").filter(|v| !v.is_null()) {
        None => Some(None),
        Some(Value::Mapping(a)) => Some(Some(a)),
        Some(v) => {
            let pos = r.doc.value_pos(WILL, "adopted:");
            let found = type_name(v);
            r.error(
                pos,
                format!("`political_will.adopted` must be `{{by: …, on: …}}`, found {found}"),
            )
            .help
            .push("for example `adopted: {by: Kommunfullmäktige, on: 2021-05-04}`".into());
            None
        }
    }
}

/// Reports each key of `political_will.adopted` other than `by` and `on`.
fn check_adopted_keys(r: &mut Reader, a: &Mapping) {
    for k in a.keys().map(key_text) {
        if k != "by" && k != "on" {
            let pos = r.doc.value_pos(WILL, &format!("{k}:"));
            r.error(
                pos,
                format!("unknown key `{k}` in `political_will.adopted`"),
            )
            .help
            .push("`adopted` takes: by, on".into());
        }
    }
}

/// The text of `political_will.adopted.<k>`, reporting a value that is not text.
fn adopted_text(r: &mut Reader, adopted: Option<&Mapping>, k: &str) -> Option<String> {
    let v = adopted?.get(k).filter(|v| !v.is_null())?;
    let t = scalar_text(v);
    if t.is_none() {
        let pos = r.doc.value_pos(WILL, &format!("{k}:"));
        r.error(pos, format!("`political_will.adopted.{k}` must be text"));
    }
    t
}

/// Reports a missing `political_will.adopted.on` (at `adopted:` when `has_adopted`, else at
/// `key_pos`); `None` when it is not a date.
fn check_adopted_on(
    r: &mut Reader,
    on: Option<&str>,
    has_adopted: bool,
    key_pos: Pos,
) -> Option<()> {
    match on {
        None => {
            let pos = if has_adopted {
                r.doc.value_pos(WILL, "adopted:")
            } else {
                key_pos
            };
            r.error(
                pos,
                "`political_will` needs `adopted.on`, the date of the decision",
            )
            .help
            .push("add `adopted: {by: Kommunfullmäktige, on: 2021-05-04}`".into());
        }
        Some(d) if parse_partial_date(d).is_none() => {
            let pos = r.doc.value_pos(WILL, "on:");
            r.error(
                pos,
                format!("`{d}` is not a valid date for `political_will.adopted.on`"),
            )
            .help
            .push("write the date of the decision as `2021-05-04`".into());
            return None;
        }
        _ => {}
    }
    Some(())
}
