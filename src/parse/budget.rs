//! The `budget` key of an action: an exact amount (whole hundredths, never
//! negative, at most two decimals, read from the digits as written), its
//! currency (an ISO 4217 code, upper-cased) and (v2) its budget year.

use crate::diag::Pos;
use crate::model::money::{parse_hundredths, AmountError};
use crate::model::Budget;
use crate::parse::fields::{as_int, scalar_text, Reader};
use crate::yaml::Mapping;

/// `budget: {amount, currency, year}`: an exact, non-negative amount with at most two
/// decimals, and a year.
pub fn read_budget(r: &mut Reader) -> Option<Budget> {
    let m = r.sub_map("budget", &["amount", "currency", "year"])?;
    let amount = read_amount(r, m);
    let currency = read_currency(r, m);
    let year = read_year(r, m);
    Some(Budget {
        amount: amount?,
        currency: currency.filter(|c| !c.is_empty()),
        year,
    })
}

/// The position of the value of `budget.<sub>`.
fn pos(r: &Reader, sub: &str) -> Pos {
    r.doc.value_pos("budget", &format!("{sub}:"))
}

/// `budget.amount` in hundredths; required.
fn read_amount(r: &mut Reader, m: &Mapping) -> Option<i64> {
    let Some(v) = m.get("amount").filter(|v| !v.is_null()) else {
        let p = r.doc.key_pos("budget");
        r.error(p, "`budget` needs `amount`").help.push(
            "add `amount: <number>` to `budget`, e.g. `{amount: 40000, currency: SEK}`".into(),
        );
        return None;
    };
    let text = exact_text(r, v);
    match parse_hundredths(&text) {
        Ok(a) => Some(a),
        Err(e) => {
            let (msg, help) = amount_error(&text, e);
            let p = pos(r, "amount");
            r.error(p, msg).help.push(help.into());
            None
        }
    }
}

/// The message and help for amount `text` that does not read as an amount.
fn amount_error(text: &str, e: AmountError) -> (String, &'static str) {
    match e {
        AmountError::Negative => (
            format!("`budget.amount` is {text}, but a budget cannot be negative"),
            "write the amount without a minus sign",
        ),
        AmountError::TooManyDecimals => (
            format!("`budget.amount` is {text}: at most two decimals are allowed"),
            "round the amount to whole units or hundredths (öre, cents)",
        ),
        AmountError::TooLarge => (
            format!("`budget.amount` is {text}, which is too large"),
            "write the amount in whole units, e.g. `250000`",
        ),
        AmountError::NotANumber => (
            format!("`budget.amount` must be a number, found `{text}`"),
            "write digits only, without spaces or currency: `amount: 250000`",
        ),
    }
}

/// `budget.currency`, upper-cased: empty, or a code of three letters.
fn read_currency(r: &mut Reader, m: &Mapping) -> Option<String> {
    r.sub_text("budget", m, "currency")
        .map(|c| c.trim().to_string())
        .filter(|c| {
            let ok = c.is_empty() || (c.len() == 3 && c.bytes().all(|b| b.is_ascii_alphabetic()));
            if !ok {
                let p = pos(r, "currency");
                r.error(p, format!("`budget.currency` `{c}` is not a currency code"))
                    .help
                    .push(
                        "write the ISO 4217 code of three letters, e.g. `SEK`, `EUR` or `NOK`"
                            .into(),
                    );
            }
            ok
        })
        .map(|c| c.to_ascii_uppercase())
}

/// `budget.year`: a year of four digits, or a date whose year is taken.
fn read_year(r: &mut Reader, m: &Mapping) -> Option<i64> {
    let v = m.get("year").filter(|v| !v.is_null())?;
    let y = as_int(v)
        .or_else(|| {
            scalar_text(v)
                .as_deref()
                .and_then(crate::parse::fields::parse_partial_date)
                .map(|d| i64::from(d.year))
        })
        .filter(|y| (1000..=9999).contains(y));
    if y.is_none() {
        let shown = scalar_text(v).unwrap_or_else(|| crate::yaml::type_name(v).to_string());
        let p = pos(r, "year");
        r.error(
            p,
            format!("`budget.year` is `{shown}`, which is not a year"),
        )
        .help
        .push("write the budget year with four digits, e.g. `year: 2025`".into());
    }
    y
}

/// The amount as written in the file: a float's own decimal digits (`99999999999999.99`), not
/// the nearest binary float, whenever the source text reads as the same number.
fn exact_text(r: &Reader, v: &crate::yaml::Value) -> String {
    let text = scalar_text(v).unwrap_or_else(|| crate::yaml::type_name(v).to_string());
    let Some(f) = v.as_f64().filter(|_| v.is_f64()) else {
        return text;
    };
    r.doc
        .plain_text_after("budget", "amount:")
        .filter(|raw| raw.parse::<f64>().ok() == Some(f))
        .unwrap_or(text)
}
