//! Indicator charts drawn at build time as SVG (no JavaScript), with a text
//! summary ("48,5 % år 2021, mål 60 % år 2024, stigande") that serves as the
//! chart's text alternative, and the same data as table rows.

use std::fmt::Write as _;

use serde_json::json;

use crate::model::{Indicator, Target};
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

/// The drawing area of a chart and the ranges of its axes.
struct Frame {
    w: f64,
    h: f64,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    /// The value axis, from `lo` to `hi` in steps of `step`.
    lo: f64,
    hi: f64,
    step: f64,
    /// The first and last year shown.
    y0: i64,
    y1: i64,
}

impl Frame {
    /// The frame that shows every value and the target of `i`; None without values.
    fn of(i: &Indicator) -> Option<Frame> {
        let mut ys: Vec<f64> = i.values.iter().map(|v| v.value).collect();
        if let Some(t) = &i.target {
            ys.push(t.value);
        }
        let lo = ys.iter().cloned().fold(f64::INFINITY, f64::min).min(0.0);
        let mut hi = ys.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        if hi <= lo {
            hi = lo + 1.0;
        }
        let step = nice_step(hi - lo);
        let mut years: Vec<i64> = i.values.iter().map(|v| v.year).collect();
        if let Some(ty) = i.target.as_ref().and_then(|t| t.year) {
            years.push(ty);
        }
        Some(Frame {
            w: 640.0,
            h: 280.0,
            left: 56.0,
            right: 24.0,
            top: 20.0,
            bottom: 36.0,
            lo: (lo / step).floor() * step,
            hi: (hi / step).ceil() * step,
            step,
            y0: *years.iter().min()?,
            y1: *years.iter().max()?,
        })
    }

    /// The x of a year (a single year in the middle).
    fn px(&self, year: i64) -> f64 {
        let width = self.w - self.left - self.right;
        if self.y1 == self.y0 {
            return self.left + width / 2.0;
        }
        let span_x = (self.y1 - self.y0).max(1) as f64;
        self.left + (year - self.y0) as f64 / span_x * width
    }

    /// The y of a value.
    fn py(&self, v: f64) -> f64 {
        self.top + (self.hi - v) / (self.hi - self.lo) * (self.h - self.top - self.bottom)
    }
}

/// The chart as inline SVG, or None without values.
pub fn svg(s: &Strings, i: &Indicator, title: &str) -> Option<String> {
    if i.values.is_empty() {
        return None;
    }
    let f = Frame::of(i)?;
    let desc = summary_text(s, i);
    let mut o = String::new();
    let _ = write!(
        o,
        "<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"chart-title\">{}</title><desc id=\"chart-desc\">{}</desc>",
        f.w,
        f.h,
        xml(&s.fmt("chart_label", &[("title", title)])),
        xml(&desc)
    );
    axes(&mut o, s, &f);
    if let Some(t) = &i.target {
        target(&mut o, s, &f, t, i.unit.as_deref());
    }
    line(&mut o, &f, i);
    o.push_str("</svg>");
    Some(o)
}

/// The grid lines with their values, and the years below.
fn axes(o: &mut String, s: &Strings, f: &Frame) {
    let (left, w, right, h) = (f.left, f.w, f.right, f.h);
    let mut v = f.lo;
    while v <= f.hi + f.step / 2.0 {
        let y = f.py(v);
        let _ = write!(o, "<line class=\"grid\" x1=\"{left}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\"/><text class=\"axis\" x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>", w - right, left - 8.0, y + 4.0, xml(&s.number(v)));
        v += f.step;
    }
    let label_every = ((f.y1 - f.y0) / 8 + 1).max(1);
    for year in f.y0..=f.y1 {
        if (year - f.y0) % label_every == 0 || year == f.y1 {
            let _ = write!(
                o,
                "<text class=\"axis\" x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\">{year}</text>",
                f.px(year),
                h - 12.0
            );
        }
    }
}

/// The target's line and label, and its mark at the target year.
fn target(o: &mut String, s: &Strings, f: &Frame, t: &Target, unit: Option<&str>) {
    let (left, w, right) = (f.left, f.w, f.right);
    let y = f.py(t.value);
    let label = xml(&format!(
        "{} {}",
        s.get("target"),
        with_unit(s, t.value, unit)
    ));
    let _ = write!(o, "<line class=\"target\" x1=\"{left}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\"/><text class=\"target-label\" x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{label}</text>", w - right, w - right, y - 6.0);
    if let Some(ty) = t.year {
        let _ = write!(o, "<rect class=\"target-mark\" x=\"{:.1}\" y=\"{:.1}\" width=\"10\" height=\"10\" transform=\"rotate(45 {:.1} {:.1})\"/>", f.px(ty) - 5.0, y - 5.0, f.px(ty), y);
    }
}

/// The line through the values and a point at each.
fn line(o: &mut String, f: &Frame, i: &Indicator) {
    let points: Vec<String> = i
        .values
        .iter()
        .map(|v| format!("{:.1},{:.1}", f.px(v.year), f.py(v.value)))
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
            f.px(v.year),
            f.py(v.value)
        );
    }
}
