//! Series of saves, each compared with a full build: the order pages and search index are
//! written in, actions moving between follow-up and Agenda pages, body links broken by a save.

use std::path::Path;

use ambit::session::Mode;

use super::{assert_same, edit, full, lines, opts, started, tree};

#[test]
fn a_series_of_saves_each_equals_a_full_build() {
    let (_turn, c, content, served, mut session) = started();
    let action = content.join("kommun/actions/laxhjalp.md");
    let ambition = content.join("kommun/ambitions/trygghet.md");
    let text = std::fs::read_to_string(&action).unwrap();
    // Title (keeping its place in the lists), body, a status that makes it late, a new
    // ambition and strategy (links change), and a title that sorts it elsewhere.
    let steps: Vec<(&str, &Path, String)> = vec![
        (
            "title",
            &action,
            text.replace(
                "title: Läxhjälp på biblioteket",
                "title: Läxhjälp på stadsbiblioteket",
            ),
        ),
        (
            "body",
            &action,
            text.replace(
                "En idé från medborgardialogen.",
                "Nu med <em>två</em> nya kvällar.",
            ),
        ),
        (
            "late",
            &action,
            text.replace("status: idea", "status: ongoing\ndue: 2025-03"),
        ),
        (
            "links",
            &action,
            text.replace(
                "ambition: utbildning\nstrategy: larmiljo\n",
                "ambition: trygghet\n",
            ),
        ),
        (
            "reorder",
            &action,
            text.replace(
                "title: Läxhjälp på biblioteket",
                "title: Aaa läxhjälp först",
            ),
        ),
        (
            "ambition summary",
            &ambition,
            std::fs::read_to_string(&ambition)
                .unwrap()
                .replace("ska kännas trygga", "ska vara trygga"),
        ),
    ];
    for (step, path, new) in steps {
        std::fs::write(path, &new).unwrap();
        let (built, diags) = session.build(&[path.to_path_buf()]);
        let (_, mode) = built.unwrap_or_else(|| panic!("{step}: rebuild failed: {diags:?}"));
        assert!(matches!(mode, Mode::Incremental(_)), "{step}: {mode:?}");
        let (fresh, fresh_diags) = full(&content, c.root());
        assert_same(&tree(&served), &fresh, step);
        assert_eq!(lines(&diags), fresh_diags, "{step}: diagnostics");
    }
    // The late action is reported while it is late, and no longer once it is done.
    let late = text.replace("status: idea", "status: ongoing\ndue: 2025-03");
    std::fs::write(&action, &late).unwrap();
    let (_, diags) = session.build(std::slice::from_ref(&action));
    assert!(
        lines(&diags)
            .iter()
            .any(|l| l.contains("laxhjalp.md") && l.contains("past its due date")),
        "{diags:?}"
    );
    std::fs::write(
        &action,
        late.replace("status: ongoing", "status: done\ncompleted: 2026-05-01"),
    )
    .unwrap();
    let (_, diags) = session.build(std::slice::from_ref(&action));
    assert!(
        !lines(&diags).iter().any(|l| l.contains("laxhjalp.md")),
        "{diags:?}"
    );
}

#[test]
fn pages_are_written_before_the_search_index() {
    let (_turn, c, content, served, mut session) = started();
    let action = content.join("kommun/actions/laxhjalp.md");
    edit(
        &action,
        "title: Läxhjälp på biblioteket",
        "title: Läxhjälp i skolan",
    );
    let (built, diags) = session.build_visible(std::slice::from_ref(&action));
    assert!(built.is_some(), "{diags:?}");
    let (fresh, _) = full(&content, c.root());
    let now = tree(&served);
    let page = "kommun/actions/laxhjalp/index.html";
    assert!(String::from_utf8_lossy(&fresh[page]).contains("Läxhjälp i skolan"));
    assert_eq!(now[page], fresh[page], "the page is new at once");
    let stale: Vec<&String> = fresh
        .iter()
        .filter(|(k, v)| now.get(*k) != Some(*v))
        .map(|(k, _)| k)
        .collect();
    assert!(!stale.is_empty(), "the search indexes follow later");
    // Only the indexes and the pages that list actions across a place or the site wait.
    let waits = |k: &str| {
        k.contains("search-index")
            || k.contains("follow-up/")
            || k.contains("documents/")
            || k.contains("agenda-2030/")
            || k == "index.html"
            || k == "sitemap.xml"
    };
    assert!(
        stale.iter().all(|k| waits(k)),
        "only indexes and follow-up pages wait: {stale:?}"
    );
    assert!(session.finish().is_empty());
    assert_same(&tree(&served), &fresh, "after finish");
}

#[test]
fn completed_dates_and_goals_move_actions_between_follow_up_and_agenda_pages() {
    let (_turn, c, content, served, mut session) = started();
    let before = tree(&served);
    let action = content.join("kommun/actions/skolgard.md");
    let text = std::fs::read_to_string(&action).unwrap();
    let title = text
        .lines()
        .find_map(|l| l.strip_prefix("title: "))
        .unwrap()
        .to_string();
    let steps = [
        (
            "completed",
            text.replace("completed: 2023-09-15", "completed: 2025-02-01"),
        ),
        (
            "sdg added",
            text.replace("status: done", "status: done\nsdg: [4, 11]"),
        ),
        (
            "sdg changed",
            text.replace("status: done", "status: done\nsdg: [3]"),
        ),
    ];
    for (step, new) in steps {
        std::fs::write(&action, &new).unwrap();
        let (built, diags) = session.build(std::slice::from_ref(&action));
        let (_, mode) = built.unwrap_or_else(|| panic!("{step}: rebuild failed: {diags:?}"));
        assert!(matches!(mode, Mode::Incremental(_)), "{step}: {mode:?}");
        let (fresh, _) = full(&content, c.root());
        assert_same(&tree(&served), &fresh, step);
        let page = |k: &str| {
            fresh
                .get(k)
                .map(|b| String::from_utf8_lossy(b).contains(&title))
        };
        match step {
            "completed" => {
                assert_eq!(
                    page("kommun/follow-up/2025/index.html"),
                    Some(true),
                    "{step}"
                );
                let y2023 = "kommun/follow-up/2023/index.html";
                assert_ne!(before.get(y2023), fresh.get(y2023), "{step}: 2023 changes");
            }
            _ => assert_eq!(page("kommun/agenda-2030/index.html"), Some(true), "{step}"),
        }
    }
}

#[test]
fn a_save_that_breaks_a_body_link_is_an_error_as_in_a_full_build() {
    let (_turn, c, content, served, mut session) = started();
    let before = tree(&served);

    // Only the body changes: a link to a sibling file that does not exist.
    let action = content.join("oost/actions/buurtfeest.md");
    let good = std::fs::read_to_string(&action).unwrap();
    let sibling = "speeltuin.md";
    assert!(content.join("oost/actions").join(sibling).is_file());
    let broken = format!(
        "{}\n\nZie [de speeltuin](speeltuin-oud.md).\n",
        good.trim_end()
    );
    std::fs::write(&action, &broken).unwrap();
    let (res, diags) = session.build(std::slice::from_ref(&action));
    assert!(
        res.is_none(),
        "a broken body link must fail the save: {diags:?}"
    );
    let line = broken.lines().count();
    assert!(
        diags.iter().any(|d| d.is_error()
            && d.path.as_deref() == Some(action.as_path())
            && d.line == line
            && d.message.contains("speeltuin-oud.md")),
        "{diags:?}"
    );
    let (fresh, fresh_diags) = ambit::build(&opts(&content, &c.root().join("fresh")));
    assert!(fresh.is_none());
    assert_eq!(
        lines(&diags),
        lines(&fresh_diags),
        "the same errors as a full build"
    );
    assert_eq!(
        tree(&served),
        before,
        "a failed save leaves the served site as it was"
    );

    // The link fixed: the save goes through and the page links to the sibling's page.
    std::fs::write(&action, broken.replace("speeltuin-oud.md", sibling)).unwrap();
    let (res, diags) = session.build(std::slice::from_ref(&action));
    assert!(res.is_some(), "{diags:?}");
    let page = std::fs::read_to_string(served.join("oost/actions/buurtfeest/index.html")).unwrap();
    assert!(page.contains("actions/speeltuin/\""), "{page}");
}
