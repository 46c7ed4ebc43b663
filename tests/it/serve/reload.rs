//! Rebuilds while serving: live reload on change, the last good site kept while content is
//! broken (also at startup), theme changes rebuilt and editor temporary files ignored.

use std::time::{Duration, Instant};

use crate::common::alone;
use crate::serve_util::{an_action, fixture, set_title, Events, Server};

use super::{CHANGE_TIMEOUT, EVENT_TIMEOUT};

#[test]
fn serves_pages_with_the_live_reload_script_and_rebuilds_on_change() {
    let _alone = alone();
    let dir = fixture();
    let (file, page, title) = an_action(dir.path());
    let server = Server::start(dir.path(), 0);
    assert!(
        server.url.starts_with("http://127.0.0.1:"),
        "{}",
        server.url
    );

    let r = server.get(&page);
    assert_eq!(r.status, 200, "{}", r.head);
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    assert!(r.body.contains(&title), "title {title:?} not on {page}");
    assert!(
        r.body.contains("<script id=\"ambit-live-reload\">") && r.body.contains("/__ambit/events")
    );
    let script_at = r.body.find("<script id=\"ambit-live-reload\">").unwrap();
    assert!(
        r.body[script_at..].contains("</body>"),
        "the script goes before </body>"
    );
    // Links use the prefix of the served base URL, "/".
    assert!(
        r.body.contains("href=\"/static/"),
        "links are not rooted at /"
    );

    let before = server.stderr().len();
    let new_title = "Rubrik ändrad av testet";
    let t0 = Instant::now();
    set_title(&file, &format!("title: {new_title}"));
    let (r, ok) = server.wait_for(&page, CHANGE_TIMEOUT, |r| r.body.contains(new_title));
    assert!(
        ok,
        "new title not served within {CHANGE_TIMEOUT:?} (status {}); stderr:\n{}",
        r.status,
        server.stderr()
    );
    eprintln!(
        "page updated {} ms after the save",
        t0.elapsed().as_millis()
    );
    let reported = server.wait_stderr(before, CHANGE_TIMEOUT, |s| {
        s.contains("changed: ") && s.contains("built ")
    });
    assert!(
        reported,
        "no rebuild reported:\n{}",
        &server.stderr()[before..]
    );
}

#[test]
fn broken_file_keeps_the_last_good_site_and_reports_the_error() {
    let _alone = alone();
    let dir = fixture();
    let (file, page, title) = an_action(dir.path());
    let rel = file
        .strip_prefix(dir.path())
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/");
    let mut server = Server::start(dir.path(), 0);
    let mut events = Events::open(server.port);
    assert!(
        events.wait_for(0, EVENT_TIMEOUT, |s| s.contains("event: state")
            && s.contains("\"ok\":true")),
        "no first state event: {:?}",
        events.seen
    );

    let from = events.seen.len();
    let err_from = server.stderr().len();
    set_title(&file, "title: [unclosed \"bracket");
    let got = events.wait_for(from, EVENT_TIMEOUT, |s| {
        s.contains("\"ok\":false") && s.contains(&rel)
    });
    assert!(
        got,
        "no error event naming {rel}: {:?}\nstderr:\n{}",
        &events.seen[from..],
        server.stderr()
    );
    let after = &events.seen[from..];
    assert!(
        after.contains(&format!("{rel}:")) && after.contains(": error: "),
        "not a contract line: {after}"
    );

    let r = server.get(&page);
    assert_eq!(r.status, 200, "the last good page is no longer served");
    assert!(r.body.contains(&title), "the last good page lost its title");
    let named = |s: &str| {
        s.lines()
            .any(|l| l.starts_with(&format!("{rel}:")) && l.contains(": error: "))
    };
    assert!(
        server.wait_stderr(err_from, EVENT_TIMEOUT, named),
        "stderr:\n{}",
        &server.stderr()[err_from..]
    );
    assert!(
        server.child.try_wait().unwrap().is_none(),
        "the server exited"
    );

    // Fixed: a good state again, and the new content is served.
    let from = events.seen.len();
    set_title(&file, "title: Lagad igen");
    assert!(
        events.wait_for(from, EVENT_TIMEOUT, |s| s.contains("\"ok\":true")),
        "no recovery event"
    );
    let (_, ok) = server.wait_for(&page, CHANGE_TIMEOUT, |r| {
        r.status == 200 && r.body.contains("Lagad igen")
    });
    assert!(ok, "fixed content not served");
}

#[test]
fn broken_content_at_startup_still_serves_and_recovers() {
    let _alone = alone();
    let dir = fixture();
    let (file, page, _) = an_action(dir.path());
    let rel = file
        .strip_prefix(dir.path())
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/");
    let original = std::fs::read_to_string(&file).unwrap();
    set_title(&file, "title: [unclosed");
    let server = Server::start(dir.path(), 0);

    let r = server.get(&page);
    assert_eq!(r.status, 500);
    assert!(
        r.body.contains("id=\"ambit-error-overlay\""),
        "no overlay on the error page"
    );
    assert!(
        r.body.contains(&format!("{rel}:")),
        "error page does not name {rel}"
    );
    assert!(r.body.contains("ambit-live-reload"));
    assert!(
        server.wait_stderr(0, EVENT_TIMEOUT, |s| s.contains(&rel)),
        "stderr does not name {rel}"
    );

    std::fs::write(&file, original).unwrap();
    let (r, ok) = server.wait_for(&page, CHANGE_TIMEOUT + Duration::from_secs(3), |r| {
        r.status == 200
    });
    assert!(
        ok,
        "still {} after the fix; stderr:\n{}",
        r.status,
        server.stderr()
    );
    assert!(!r.body.contains("id=\"ambit-error-overlay\""));
}

#[test]
fn theme_changes_rebuild_and_editor_temp_files_do_not() {
    let _alone = alone();
    let dir = fixture();
    let site = dir.path().join("content/site.yaml");
    let yaml = std::fs::read_to_string(&site).unwrap();
    std::fs::write(&site, format!("{}\ntheme: mine\n", yaml.trim_end())).unwrap();
    let statics = dir.path().join("themes/mine/static");
    std::fs::create_dir_all(&statics).unwrap();
    std::fs::write(statics.join("probe.txt"), "one").unwrap();
    let server = Server::start(dir.path(), 0);
    let r = server.get("/static/probe.txt");
    assert_eq!((r.status, r.body.as_str()), (200, "one"));

    // Swap and backup files of editors cause no build (counted after the first build's report,
    // which stderr's reader may still be taking in).
    assert!(
        server.wait_stderr(0, Duration::from_secs(20), |s| s.contains("built ")),
        "no first build:\n{}",
        server.stderr()
    );
    let before = server.stderr().len();
    for name in [".probe.txt.swp", "probe.txt~", "4913", "#probe.txt#"] {
        std::fs::write(statics.join(name), "x").unwrap();
    }
    std::fs::write(dir.path().join("content/halmstad/.programme.md.swx"), "x").unwrap();
    std::thread::sleep(Duration::from_millis(600));
    let since = server.stderr()[before..].to_string();
    assert!(
        !since.contains("built ") && !since.contains("changed:"),
        "temp files caused a build:\n{since}"
    );

    std::fs::write(statics.join("probe.txt"), "two").unwrap();
    let (r, ok) = server.wait_for("/static/probe.txt", CHANGE_TIMEOUT, |r| r.body == "two");
    assert!(
        ok,
        "theme change not served: {:?}; stderr:\n{}",
        r.body,
        server.stderr()
    );
}
