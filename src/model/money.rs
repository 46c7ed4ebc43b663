//! Exact money amounts: a budget amount is kept as a whole number of
//! hundredths (öre, cents) in an `i64`, so sums are exact and never suffer
//! floating-point surprises. Amounts in different currencies are never added.

use std::collections::BTreeMap;

/// Why a written amount is not a valid budget amount.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountError {
    NotANumber,
    Negative,
    TooManyDecimals,
    TooLarge,
}

/// Parses an amount as written (`250000`, `1250.5`, `1250.50`, `-3`) into hundredths.
pub fn parse_hundredths(text: &str) -> Result<i64, AmountError> {
    let t = text.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    // Exponent notation as YAML writes large floats (`1e6`, `1.5e+3`).
    let (mantissa, exp) = match t.find(['e', 'E']) {
        Some(i) => {
            let e: i32 = t[i + 1..].parse().map_err(|_| AmountError::NotANumber)?;
            (&t[..i], e)
        }
        None => (t, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !all_digits(int) || !all_digits(frac) {
        return Err(AmountError::NotANumber);
    }
    // Shift the decimal point by the exponent, on the digits themselves.
    let mut digits: String = format!("{int}{frac}");
    let mut point = int.len() as i64 + i64::from(exp);
    if point < 0 {
        digits = format!("{}{digits}", "0".repeat((-point) as usize));
        point = 0;
    }
    let point = point as usize;
    if digits.len() < point {
        digits.push_str(&"0".repeat(point - digits.len()));
    }
    let (whole, decimals) = digits.split_at(point);
    let decimals = decimals.trim_end_matches('0');
    if decimals.len() > 2 {
        return Err(AmountError::TooManyDecimals);
    }
    let whole = whole.trim_start_matches('0');
    if whole.len() > 15 {
        return Err(AmountError::TooLarge);
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| AmountError::TooLarge)?
    };
    let cents: i64 = format!("{decimals:0<2}").parse().unwrap_or(0);
    let value = whole * 100 + cents;
    if neg && value != 0 {
        return Err(AmountError::Negative);
    }
    Ok(value)
}

/// An amount in hundredths as plain machine text: `250000`, `1250.5` → `1250.50`.
pub fn plain(hundredths: i64) -> String {
    let sign = if hundredths < 0 { "-" } else { "" };
    let a = hundredths.unsigned_abs();
    if a % 100 == 0 {
        format!("{sign}{}", a / 100)
    } else {
        format!("{sign}{}.{:02}", a / 100, a % 100)
    }
}

/// Sums per currency (`""` when a budget names none): the only way amounts are added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    /// currency → (sum in hundredths, number of budgets)
    pub by_currency: BTreeMap<String, (i64, usize)>,
}

impl Totals {
    pub fn add(&mut self, currency: &str, hundredths: i64) {
        let e = self.by_currency.entry(currency.to_string()).or_default();
        e.0 = e.0.saturating_add(hundredths);
        e.1 += 1;
    }

    pub fn is_empty(&self) -> bool {
        self.by_currency.is_empty()
    }

    /// The sum in one currency (0 when there is none).
    pub fn get(&self, currency: &str) -> i64 {
        self.by_currency.get(currency).map(|x| x.0).unwrap_or(0)
    }

    /// The number of budgets counted.
    pub fn count(&self) -> usize {
        self.by_currency.values().map(|x| x.1).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_exact_hundredths() {
        assert_eq!(parse_hundredths("250000"), Ok(25_000_000));
        assert_eq!(parse_hundredths("1250.5"), Ok(125_050));
        assert_eq!(parse_hundredths("0.1"), Ok(10));
        assert_eq!(parse_hundredths("1e6"), Ok(100_000_000));
        assert_eq!(parse_hundredths("1.25e2"), Ok(12_500));
        assert_eq!(parse_hundredths("-5"), Err(AmountError::Negative));
        assert_eq!(parse_hundredths("-0"), Ok(0));
        assert_eq!(parse_hundredths("1.005"), Err(AmountError::TooManyDecimals));
        assert_eq!(parse_hundredths("abc"), Err(AmountError::NotANumber));
        assert_eq!(parse_hundredths("1e40"), Err(AmountError::TooLarge));
        assert_eq!(plain(125_050), "1250.50");
        assert_eq!(plain(25_000_000), "250000");
    }

    #[test]
    fn tenths_add_up_exactly() {
        // 0.1 + 0.2 is not 0.3 in floating point; in hundredths it is.
        let mut t = Totals::default();
        t.add("SEK", parse_hundredths("0.1").unwrap());
        t.add("SEK", parse_hundredths("0.2").unwrap());
        t.add("EUR", 500);
        assert_eq!(t.get("SEK"), 30);
        assert_eq!(t.get("EUR"), 500);
        assert_eq!(t.count(), 3);
    }
}
