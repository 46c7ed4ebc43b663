//! Money is exact: amounts are read from their decimal digits (never through a binary float),
//! a sum that would overflow is an error at the action that overflows it, and currency codes are
//! ISO 4217 shapes, upper-cased.

use super::assert_at;
use crate::common::Content;
use crate::common::*;

const ACTION: &str = "kommun/actions/belysning.md";
const BUDGET: &str = "budget: {amount: 250000, currency: SEK}";

/// The `budget_amount` and `budget_currency` cells of action `id` in `kommun/data/actions.csv`.
fn csv_budget(out: &std::path::Path, id: &str) -> (String, String) {
    let mut r = csv::Reader::from_path(out.join("kommun/data/actions.csv")).unwrap();
    let head = r.headers().unwrap().clone();
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    for row in r.records() {
        let row = row.unwrap();
        if &row[col("id")] == id {
            return (
                row[col("budget_amount")].to_string(),
                row[col("budget_currency")].to_string(),
            );
        }
    }
    panic!("no action {id} in actions.csv");
}

#[test]
fn amounts_keep_every_digit_and_currencies_are_upper_cased() {
    let p = Content::fixture("multi");
    // The nearest binary float of this amount ends in …,98.
    let amount = "99999999999999.99";
    assert_ne!(format!("{:.2}", amount.parse::<f64>().unwrap()), amount);
    p.replace(
        ACTION,
        BUDGET,
        &format!("budget: {{amount: {amount}, currency: sek}}"),
    );
    let o = p.run(&["build", "--content", "content", "--output", "out"]);
    assert_eq!(code(&o), 0, "{}", both(&o));
    let out = p.tmp.path().join("out");
    assert_eq!(
        csv_budget(&out, "belysning"),
        (amount.to_string(), "SEK".to_string())
    );
    // The budget page shows the same digits (grouped for reading).
    let page = std::fs::read_to_string(out.join("kommun/budget/index.html")).unwrap();
    let digits: String = page.chars().filter(|c| c.is_ascii_digit()).collect();
    assert!(
        digits.contains("9999999999999999"),
        "digits of the amount not on the budget page"
    );
    assert!(
        !digits.contains("9999999999999998"),
        "the amount went through a float"
    );
}

#[test]
fn currency_codes_must_be_three_letters() {
    let p = Content::fixture("multi");
    p.replace(ACTION, BUDGET, "budget: {amount: 250000, currency: kronor}");
    let (code, report) = p.check();
    assert_eq!(code, 1, "{report}");
    assert_at(
        &p,
        &report,
        "error",
        ACTION,
        "budget:",
        "`budget.currency` `kronor` is not a currency code",
    );
}

#[test]
fn a_sum_that_would_overflow_is_an_error_at_the_action() {
    let p = Content::fixture("multi");
    let big = "999999999999999.99";
    let template = p.read(ACTION);
    // 92 of these fit in the sum of one currency, the 93rd does not.
    for i in 0..93 {
        let text = template.replacen(
            BUDGET,
            &format!("budget: {{amount: {big}, currency: EUR}}"),
            1,
        );
        p.write(&format!("kommun/actions/stor-{i:03}.md"), text);
    }
    let (code, report) = p.check();
    assert_eq!(code, 1, "{report}");
    let errors: Vec<&str> = report.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(errors.len(), 1, "{report}");
    assert!(
        errors[0].starts_with("content/kommun/actions/stor-"),
        "{report}"
    );
    assert!(
        errors[0].contains("too large to add up exactly"),
        "{report}"
    );
}
