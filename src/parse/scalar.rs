//! Scalar values of front matter: text, whole numbers and partial dates.

use crate::model::PartialDate;
use crate::yaml::Value;

/// A key as text (keys that are numbers or booleans are shown as written).
pub fn key_text(k: &Value) -> String {
    scalar_text(k).unwrap_or_else(|| "?".to_string())
}

/// A scalar as text: strings, numbers and booleans.
pub fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

pub fn as_int(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64().or_else(|| {
            n.as_f64()
                .filter(|f| f.fract() == 0.0 && f.abs() < 1e15)
                .map(|f| f as i64)
        }),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (with a real month and day).
pub fn parse_partial_date(s: &str) -> Option<PartialDate> {
    let s = s.trim();
    let parts: Vec<&str> = s.split('-').collect();
    if parts.is_empty() || parts.len() > 3 || parts[0].len() != 4 {
        return None;
    }
    let year: i32 = parts[0].parse().ok()?;
    let month = match parts.get(1) {
        Some(m) if m.len() == 2 => Some(m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?),
        Some(_) => return None,
        None => None,
    };
    let day = match parts.get(2) {
        Some(d) if d.len() == 2 => {
            let d: u8 = d.parse().ok()?;
            (1..=crate::model::days_in_month(year, month?))
                .contains(&d)
                .then_some(d)?;
            Some(d)
        }
        Some(_) => return None,
        None => None,
    };
    Some(PartialDate { year, month, day })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(parse_partial_date("2025").unwrap().iso(), "2025");
        assert_eq!(parse_partial_date("2025-06").unwrap().iso(), "2025-06");
        assert_eq!(
            parse_partial_date("2024-02-29").unwrap().iso(),
            "2024-02-29"
        );
        assert!(parse_partial_date("2025-02-30").is_none());
        assert!(parse_partial_date("2025-13").is_none());
        assert!(parse_partial_date("25-01-01").is_none());
        assert!(parse_partial_date("soon").is_none());
    }
}
