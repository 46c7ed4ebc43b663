//! Dates that only make sense in the past (a report's `published`, a programme's `revised` and
//! `adopted.on`, an action's `completed`, a political will's `adopted.on`, a document's
//! `adopted`) are a warning at their line when they lie after today (the tests build for
//! 2026-06-01); today itself, and a year or month that has begun, are not.

use super::assert_at;
use crate::common::Content;

#[test]
fn past_dates_in_the_future_are_warnings_at_their_lines() {
    let p = Content::fixture("multi");
    let prog = "kommun/programme.md";
    p.replace(prog, "  on: 2020-05-04", "  on: 2026-06-02");
    p.replace(prog, "review:", "revised: 2027\nreview:");
    let action = "kommun/actions/skolgard.md";
    p.replace(action, "completed: 2023-09-15", "completed: 2026-07");
    p.replace(
        action,
        "listed: 2022",
        "listed: 2022\ndocuments:\n  - title: Plan\n    url: https://example.org/plan.pdf\n    adopted: 2031-01-01",
    );
    let amb = "kommun/ambitions/trygghet.md";
    p.replace(
        amb,
        "area: livsmiljo",
        "area: livsmiljo\npolitical_will:\n  text: Fler vuxna ute.\n  adopted:\n    by: Kommunfullmäktige\n    on: 2026-12-24",
    );
    let report = "kommun/reports/2025.md";
    p.write(
        report,
        "---\ntitle: Uppföljning 2025\npublished: 2026-09-01\nadopted: {by: KS, on: 2026-10-01}\n---\n\nText.\n",
    );

    let (code, report_text) = p.check();
    assert_eq!(code, 0, "warnings only:\n{report_text}");
    let r = &report_text;
    assert_at(
        &p,
        r,
        "warning",
        prog,
        "  on: 2026-06-02",
        "`adopted.on` is 2026-06-02, after today (2026-06-01)",
    );
    assert_at(&p, r, "warning", prog, "revised: 2027", "`revised` is 2027");
    assert_at(
        &p,
        r,
        "warning",
        action,
        "completed: 2026-07",
        "`completed` is 2026-07",
    );
    assert_at(
        &p,
        r,
        "warning",
        action,
        "adopted: 2031",
        "`adopted` is 2031-01-01",
    );
    assert_at(
        &p,
        r,
        "warning",
        amb,
        "on: 2026-12-24",
        "`political_will.adopted.on` is 2026-12-24",
    );
    assert_at(
        &p,
        r,
        "warning",
        report,
        "published:",
        "`published` is 2026-09-01",
    );
    assert_at(
        &p,
        r,
        "warning",
        report,
        "adopted:",
        "`adopted.on` is 2026-10-01",
    );
    assert_eq!(r.matches("after today").count(), 7, "{r}");

    // Today, this year and this month are not in the future.
    p.replace(prog, "  on: 2026-06-02", "  on: 2026-06-01");
    p.replace(prog, "revised: 2027", "revised: 2026");
    p.replace(action, "completed: 2026-07", "completed: 2026-06");
    let (code, r) = p.check();
    assert_eq!(code, 0, "{r}");
    assert_eq!(r.matches("after today").count(), 4, "{r}");
    assert!(!r.contains("content/kommun/programme.md"), "{r}");
}
