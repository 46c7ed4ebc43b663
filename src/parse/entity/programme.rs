//! The front matter of `programme.md`: place, adoption, period, contact and
//! revision keys, with the e-mail, link and year checks they share.

use crate::model::*;
use crate::parse::fields::{as_int, scalar_text, Reader};
use crate::yaml::Value;

use super::PLACE_KINDS;

pub(super) fn read_programme(r: &mut Reader) -> Programme {
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

pub(super) fn sub_year(r: &mut Reader, key: &str, v: Option<&Value>) -> Option<i64> {
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
