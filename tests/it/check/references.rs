//! Mistakes in references between files: dangling references in the same and another place,
//! references of the wrong kind, duplicate ids, no knock-on errors, and the suggestions made.

use super::{Broken, Expect};

#[test]
fn dangling_reference_in_the_same_place() {
    let b = Broken::new();
    let rel = "kommun/actions/laxhjalp.md";
    b.replace(rel, "ambition: utbildning", "ambition: utbilding");
    let e = Expect::new(
        rel,
        b.pos(rel, "utbilding"),
        "no ambition `utbilding` in place `kommun`",
        &["did you mean `utbildning`?"],
    );
    let second = b.district_mistake();
    b.check().assert_exactly(&[e, second]);
}

#[test]
fn dangling_reference_to_another_place() {
    let b = Broken::new();
    let rel = "oost/actions/buurtfeest.md";
    b.replace(rel, "ambition: kommun/trygghet", "ambition: kommun/trygget");
    let e = Expect::new(
        rel,
        b.pos(rel, "kommun/trygget"),
        "no ambition `trygget` in place `kommun`",
        &["did you mean `kommun/trygghet`?"],
    );
    let second = b.village_mistake();
    b.check().assert_exactly(&[second, e]);

    // An unknown place names the places there are.
    let b = Broken::new();
    b.replace(rel, "ambition: kommun/trygghet", "ambition: kommn/trygghet");
    let e = Expect::new(
        rel,
        b.pos(rel, "kommn/trygghet"),
        "unknown place `kommn`",
        &[
            "did you mean `kommun/trygghet`?",
            "places: brookfield, kommun, oost",
        ],
    );
    let second = b.village_mistake();
    b.check().assert_exactly(&[second, e]);
}

#[test]
fn strategy_of_another_ambition() {
    let b = Broken::new();
    let rel = "kommun/actions/busslinje.md";
    b.replace(rel, "strategy: kollektivtrafik", "strategy: larmiljo");
    let e = Expect::new(
        rel,
        b.pos(rel, "larmiljo"),
        "strategy `larmiljo` belongs to ambition `utbildning`, not to `hallbara-resor`",
        &["strategies of `hallbara-resor`: cykelvagar, kollektivtrafik"],
    );
    let second = b.district_mistake();
    b.check().assert_exactly(&[e, second]);

    // Across places: the district's action names a strategy of another municipal ambition.
    let b = Broken::new();
    let rel = "oost/actions/fietsenstalling.md";
    b.replace(
        rel,
        "strategy: kommun/cykelvagar",
        "strategy: kommun/larmiljo",
    );
    let e = Expect::new(
        rel,
        b.pos(rel, "kommun/larmiljo"),
        "belongs to ambition `utbildning`",
        &["cykelvagar, kollektivtrafik"],
    );
    let second = b.village_mistake();
    b.check().assert_exactly(&[second, e]);
}

#[test]
fn indicator_measuring_an_action() {
    let b = Broken::new();
    let rel = "kommun/indicators/nojdhet.md";
    b.replace(
        rel,
        "measures: [utbildning]",
        "measures: [utbildning, skolgard]",
    );
    let e = Expect::new(
        rel,
        b.pos(rel, "skolgard"),
        "`skolgard` is an action, not an ambition or strategy",
        &["an indicator measures ambitions or strategies"],
    );
    let second = b.district_mistake();
    b.check().assert_exactly(&[e, second]);
}

#[test]
fn duplicate_id_across_types() {
    let b = Broken::new();
    let rel = "kommun/strategies/skolgard.md";
    b.write(
        rel,
        "---\ntitle: Skolgårdar\nambition: utbildning\n---\n\nText.\n",
    );
    let e = Expect::new(
        rel,
        (1, 1),
        "id `skolgard` is used twice in place `kommun`",
        &["kommun/actions/skolgard.md"],
    );
    let second = b.district_mistake();
    b.check().assert_exactly(&[e, second]);
}

#[test]
fn an_unparsable_ambition_causes_no_knock_on_errors() {
    let b = Broken::new();
    let rel = "kommun/ambitions/trygghet.md";
    b.replace(
        rel,
        "summary: Gator, torg och parker ska kännas trygga dygnet runt.",
        "summary: Trygghet: dygnet runt",
    );
    let e = Expect::new(rel, b.pos(rel, ": dygnet"), "invalid YAML", &[]);
    // belysning.md, kulturnatt.md, oost/actions/buurtfeest.md and oost/indicators/bomen-aantal.md
    // all name `trygghet`, which exists: they must not be reported.
    b.check().assert_exactly(&[e]);
}

#[test]
fn a_reference_in_a_flow_list_points_at_its_own_column() {
    let b = Broken::new();
    let rel = "kommun/indicators/nojdhet.md";
    b.replace(
        rel,
        "measures: [utbildning]",
        "measures: [utbildning, utbild]",
    );
    let e = Expect::new(
        rel,
        b.pos(rel, "utbild]"),
        "no ambition or strategy `utbild` in place `kommun`",
        &["did you mean `utbildning`?"],
    );
    let second = b.district_mistake();
    b.check().assert_exactly(&[e, second]);
}

#[test]
fn a_strategy_with_a_dangling_ambition_causes_no_knock_on_errors() {
    let b = Broken::new();
    let rel = "kommun/strategies/larmiljo.md";
    b.replace(rel, "ambition: utbildning", "ambition: utbildning-x");
    let e = Expect::new(
        rel,
        b.pos(rel, "utbildning-x"),
        "no ambition `utbildning-x` in place `kommun`",
        &["did you mean `utbildning`?"],
    );
    let second = b.district_mistake();
    // laxhjalp.md and skolgard.md use `strategy: larmiljo` with `ambition: utbildning`: not their mistake.
    b.check().assert_exactly(&[e, second]);
}

#[test]
fn candidates_for_an_indicator_are_named_in_plain_words() {
    let b = Broken::new();
    let rel = "kommun/indicators/nojdhet.md";
    b.replace(rel, "measures: [utbildning]", "measures: [zzzz]");
    let r = b.check();
    let d = r
        .errors()
        .into_iter()
        .find(|d| d.path.ends_with("nojdhet.md"))
        .cloned()
        .unwrap_or_else(|| panic!("{}", r.raw));
    assert_eq!((d.line, d.col), b.pos(rel, "zzzz"), "{}", r.raw);
    assert!(
        d.help.iter().all(|h| !h.contains("strategys")),
        "{:?}",
        d.help
    );
    assert!(
        d.help
            .iter()
            .any(|h| h.contains("ambitions or strategies in `kommun`")),
        "{:?}",
        d.help
    );
}

#[test]
fn an_id_of_another_place_is_suggested_qualified() {
    let b = Broken::new();
    let rel = "brookfield/actions/footpath.md";
    b.replace(
        rel,
        "ambition: kommun/hallbara-resor",
        "ambition: hallbara-resor",
    );
    let e = Expect::new(
        rel,
        b.pos(rel, "hallbara-resor"),
        "no ambition `hallbara-resor` in place `brookfield`",
        &["kommun/hallbara-resor"],
    );
    let second = b.district_mistake();
    b.check().assert_exactly(&[e, second]);
}

#[test]
fn suggestions_for_a_published_file_skip_drafts() {
    let b = Broken::new();
    let rel = "kommun/actions/laxhjalp.md";
    b.replace(rel, "ambition: utbildning", "ambition: utkast-ml");
    let r = b.check();
    let d = r
        .errors()
        .into_iter()
        .find(|d| d.path.ends_with("laxhjalp.md"))
        .cloned()
        .unwrap_or_else(|| panic!("{}", r.raw));
    assert!(
        d.help.iter().all(|h| !h.contains("utkast-mal")),
        "a draft is suggested: {:?}",
        d.help
    );
}
