//! Indicator charts drawn at build time as SVG (no JavaScript), with a text
//! summary ("48,5 % år 2021, mål 60 % år 2024, stigande") that serves as the
//! chart's text alternative, and the same data as table rows.

use std::fmt::Write as _;

use serde_json::json;

use crate::model::Indicator;
use crate::render::kit::view::Fact;
use crate::theme::i18n::Strings;
use crate::util::escape::xml;

pub(crate) fn with_unit(s: &Strings, v: f64, unit: Option<&str>) -> String {
    match unit {
        Some("%") => format!("{} %", s.number(v)),
        Some(u) if !u.is_empty() => format!("{} {u}", s.number(v)),
        _ => s.number(v),
    }
}

/// One sentence: latest value, target, and which way it is going.
pub fn summary_text(s: &Strings, i: &Indicator) -> String {
    let unit = i.unit.as_deref();
    let mut parts = Vec::new();
    match i.values.last() {
        Some(last) => parts.push(s.fmt(
            "summary_value",
            &[
                ("value", &with_unit(s, last.value, unit)),
                ("year", &last.year.to_string()),
            ],
        )),
        None => parts.push(s.get("no_values").trim_end_matches('.').to_string()),
    }
    if let Some(t) = &i.target {
        let value = with_unit(s, t.value, unit);
        parts.push(match t.year {
            Some(y) => s.fmt(
                "target_text",
                &[("value", &value), ("year", &y.to_string())],
            ),
            None => format!("{} {value}", s.get("target").to_lowercase()),
        });
    }
    if i.values.len() >= 2 {
        let a = i.values[i.values.len() - 2].value;
        let b = i.values[i.values.len() - 1].value;
        let key = if b > a {
            "trend_up"
        } else if b < a {
            "trend_down"
        } else {
            "trend_flat"
        };
        parts.push(s.get(key));
    }
    parts.join(", ")
}

/// Unit, source, direction and target in words.
pub fn indicator_facts(s: &Strings, i: &Indicator) -> Vec<Fact> {
    let mut f = Vec::new();
    if let Some(u) = &i.unit {
        f.push(Fact::text(s.get("unit"), u.clone()));
    }
    if let Some(src) = &i.source {
        f.push(Fact::text(s.get("source"), src.clone()));
    }
    if let Some(d) = &i.direction {
        f.push(Fact::text(
            s.get("direction"),
            s.get(&format!("direction_{d}")),
        ));
    }
    if let Some(t) = &i.target {
        let mut v = with_unit(s, t.value, i.unit.as_deref());
        if let Some(y) = t.year {
            v = format!("{v} ({y})");
        }
        f.push(Fact::text(s.get("target"), v));
    }
    f
}

/// Rows of the values table.
pub fn value_rows(s: &Strings, i: &Indicator) -> Vec<serde_json::Value> {
    i.values
        .iter()
        .map(|v| json!({"year": v.year, "value": with_unit(s, v.value, i.unit.as_deref()), "note": v.note}))
        .collect()
}

/// A round step for an axis spanning `span`.
fn nice_step(span: f64) -> f64 {
    let raw = span / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let nice = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

/// The chart as inline SVG, or None without values.
pub fn svg(s: &Strings, i: &Indicator, title: &str) -> Option<String> {
    if i.values.is_empty() {
        return None;
    }
    let (w, h, left, right, top, bottom) = (640.0, 280.0, 56.0, 24.0, 20.0, 36.0);
    let mut ys: Vec<f64> = i.values.iter().map(|v| v.value).collect();
    if let Some(t) = &i.target {
        ys.push(t.value);
    }
    let mut lo = ys.iter().cloned().fold(f64::INFINITY, f64::min).min(0.0);
    let mut hi = ys.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    if hi <= lo {
        hi = lo + 1.0;
    }
    let step = nice_step(hi - lo);
    lo = (lo / step).floor() * step;
    hi = (hi / step).ceil() * step;
    let mut years: Vec<i64> = i.values.iter().map(|v| v.year).collect();
    if let Some(ty) = i.target.as_ref().and_then(|t| t.year) {
        years.push(ty);
    }
    let (y0, y1) = (*years.iter().min()?, *years.iter().max()?);
    let span_x = (y1 - y0).max(1) as f64;
    let px = |year: i64| {
        left + (year - y0) as f64 / span_x * (w - left - right)
            + if y1 == y0 {
                (w - left - right) / 2.0
            } else {
                0.0
            }
    };
    let py = |v: f64| top + (hi - v) / (hi - lo) * (h - top - bottom);
    let desc = summary_text(s, i);
    let mut o = String::new();
    let _ = write!(
        o,
        "<svg class=\"chart\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"chart-title\">{}</title><desc id=\"chart-desc\">{}</desc>",
        xml(&s.fmt("chart_label", &[("title", title)])),
        xml(&desc)
    );
    let mut v = lo;
    while v <= hi + step / 2.0 {
        let y = py(v);
        let _ = write!(o, "<line class=\"grid\" x1=\"{left}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\"/><text class=\"axis\" x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>", w - right, left - 8.0, y + 4.0, xml(&s.number(v)));
        v += step;
    }
    let label_every = ((y1 - y0) / 8 + 1).max(1);
    for year in y0..=y1 {
        if (year - y0) % label_every == 0 || year == y1 {
            let _ = write!(
                o,
                "<text class=\"axis\" x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\">{year}</text>",
                px(year),
                h - 12.0
            );
        }
    }
    if let Some(t) = &i.target {
        let y = py(t.value);
        let label = xml(&format!(
            "{} {}",
            s.get("target"),
            with_unit(s, t.value, i.unit.as_deref())
        ));
        let _ = write!(o, "<line class=\"target\" x1=\"{left}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\"/><text class=\"target-label\" x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{label}</text>", w - right, w - right, y - 6.0);
        if let Some(ty) = t.year {
            let _ = write!(o, "<rect class=\"target-mark\" x=\"{:.1}\" y=\"{:.1}\" width=\"10\" height=\"10\" transform=\"rotate(45 {:.1} {:.1})\"/>", px(ty) - 5.0, y - 5.0, px(ty), y);
        }
    }
    let points: Vec<String> = i
        .values
        .iter()
        .map(|v| format!("{:.1},{:.1}", px(v.year), py(v.value)))
        .collect();
    let _ = write!(
        o,
        "<polyline class=\"line\" points=\"{}\"/>",
        points.join(" ")
    );
    for v in &i.values {
        let _ = write!(
            o,
            "<circle class=\"point\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"4.5\"/>",
            px(v.year),
            py(v.value)
        );
    }
    o.push_str("</svg>");
    Some(o)
}
