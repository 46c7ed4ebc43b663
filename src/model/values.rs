//! Small value types of the model: the one calendar date type ([`Date`], the `time` crate's),
//! partial dates (`2025`, `2025-06`, `2025-06-30`) and the `order` key that gives display
//! numbers and sorting.

use serde::Serialize;
pub use time::Date;
use time::Month;

/// `date` as ISO text, `YYYY-MM-DD`.
pub fn iso(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// The date of `year`, `month` (1–12) and `day`, or None when there is no such day.
pub fn date(year: i32, month: u8, day: u8) -> Option<Date> {
    Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
}

/// A date with month and day optional (`2025`, `2025-06`, `2025-06-30`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    /// The last day the date covers (end of year or month).
    pub fn last_day(&self) -> Date {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        date(self.year, month, day).unwrap_or(Date::MAX)
    }

    /// The first day the date covers.
    pub fn first_day(&self) -> Date {
        date(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1)).unwrap_or(Date::MIN)
    }

    /// ISO text as written: `2025`, `2025-06` or `2025-06-30`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => format!("{:04}-{:02}", self.year, m),
            _ => format!("{:04}", self.year),
        }
    }
}

/// The number of days of `month` (1–12) in `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    Month::try_from(month).map_or(31, |m| m.length(year))
}

/// The display number and sort key from `order`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default, Serialize)]
pub struct Order {
    /// Numeric parts first, so "1.10" sorts after "1.9".
    #[serde(skip)]
    pub key: Vec<(u64, String)>,
    pub display: String,
}

impl Order {
    pub fn new(display: &str) -> Order {
        let key = display
            .split(['.', ' ', '-'])
            .filter(|p| !p.is_empty())
            .map(|p| match p.parse::<u64>() {
                Ok(n) => (n, String::new()),
                Err(_) => (u64::MAX, p.to_lowercase()),
            })
            .collect();
        Order {
            key,
            display: display.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_sorts_numerically() {
        let mut v = [
            Order::new("1.10"),
            Order::new("1.9"),
            Order::new("2"),
            Order::new("1.2"),
        ];
        v.sort();
        let d: Vec<_> = v.iter().map(|o| o.display.as_str()).collect();
        assert_eq!(d, ["1.2", "1.9", "1.10", "2"]);
    }

    #[test]
    fn partial_dates_cover_their_period() {
        let d = PartialDate {
            year: 2024,
            month: Some(2),
            day: None,
        };
        assert_eq!(iso(d.last_day()), "2024-02-29");
        assert_eq!(iso(d.first_day()), "2024-02-01");
        assert_eq!(days_in_month(2023, 2), 28);
        assert_eq!(date(2023, 2, 29), None);
        assert_eq!(
            PartialDate {
                year: 2025,
                month: None,
                day: None
            }
            .last_day(),
            date(2025, 12, 31).unwrap()
        );
        assert_eq!(d.iso(), "2024-02");
    }
}
