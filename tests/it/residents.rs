//! What residents see: charts drawn at build time with a text alternative and
//! the same data as a table, progress by status, and late actions said in text.

use crate::common;
fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

#[test]
fn indicator_pages_have_a_chart_a_table_and_a_summary() {
    let site = common::build_fixture("multi", None);
    let page = site.page("kommun/indicators/cykelvag-km");
    let svg = &page[page.find("<svg class=\"chart\"").expect("an svg chart")..];
    let svg = &svg[..svg.find("</svg>").unwrap()];
    assert!(
        svg.contains("role=\"img\"") && svg.contains("aria-labelledby=\"chart-title chart-desc\"")
    );
    assert!(svg.contains("<title id=\"chart-title\">") && svg.contains("<desc id=\"chart-desc\">"));
    // One point per value, a line through them, and the target marked.
    assert_eq!(count(svg, "<circle class=\"point\""), 3);
    let points = svg
        .split("<polyline class=\"line\" points=\"")
        .nth(1)
        .unwrap();
    assert_eq!(points[..points.find('"').unwrap()].split(' ').count(), 3);
    assert!(svg.contains("class=\"target\"") && svg.contains("class=\"target-mark\""));
    for year in ["2021", "2022", "2023", "2026"] {
        assert!(
            svg.contains(&format!(">{year}</text>")),
            "axis labels {year}"
        );
    }
    // The same data as a table, and the summary in words (Swedish place: decimal comma).
    let table = &page[page.find("<table>").unwrap()..page.find("</table>").unwrap()];
    assert_eq!(count(table, "<th scope=\"row\">"), 3);
    assert!(table.contains("8,2 km") && table.contains("Ny sträcka längs ån"));
    assert!(
        page.contains("10,1 km år 2023, mål 14 km år 2026, stigande"),
        "summary text"
    );
    assert!(
        page.contains("Högre är bättre"),
        "which direction is better"
    );

    let empty = site.page("kommun/indicators/trygghetsindex");
    assert!(
        !empty.contains("<svg class=\"chart\""),
        "no chart without values"
    );
    assert!(empty.contains("Inga värden ännu."));
}

#[test]
fn progress_and_late_status_are_said_in_text() {
    let site = common::build_fixture("multi", None);
    // AMBIT_TODAY is 2026-06-01 in the test helpers: "belysning" is planned, due 2025.
    let late = site.page("kommun/actions/belysning");
    let line = &late[late.find("class=\"status-line\"").unwrap()..];
    let line = &line[..line.find("</p>").unwrap()];
    assert!(
        line.contains("Planerad") && line.contains("class=\"late\"") && line.contains("Försenad"),
        "{line}"
    );
    // The ambition page counts the actions serving it by status, from every place.
    let amb = site.page("kommun/ambitions/trygghet");
    let text = &amb[amb.find("class=\"progress-text\"").unwrap()..];
    let text = &text[text.find('>').unwrap() + 1..text.find("</p>").unwrap()];
    let served: Vec<String> = common::list_files(&common::fixture("multi"))
        .into_iter()
        .filter(|f| f.contains("/actions/"))
        .filter(|f| {
            let t = std::fs::read_to_string(common::fixture("multi").join(f)).unwrap();
            let own = f.starts_with("kommun/");
            !t.contains("draft: true")
                && t.lines()
                    .any(|l| l == "ambition: kommun/trygghet" || (own && l == "ambition: trygghet"))
        })
        .collect();
    let done = served
        .iter()
        .filter(|f| {
            std::fs::read_to_string(common::fixture("multi").join(f))
                .unwrap()
                .contains("status: done")
        })
        .count();
    let cancelled = served
        .iter()
        .filter(|f| {
            std::fs::read_to_string(common::fixture("multi").join(f))
                .unwrap()
                .contains("status: cancelled")
        })
        .count();
    assert!(
        text.starts_with(&format!(
            "{done} av {} åtgärder genomförda",
            served.len() - cancelled
        )),
        "{text} ({served:?})"
    );
    // Every late action is also marked on the action list, in text.
    let list = site.page("kommun/actions");
    let item = &list[list.find("kommun/actions/belysning/").unwrap()..];
    assert!(item[..item.find("</li>").unwrap()].contains("Försenad"));
}
