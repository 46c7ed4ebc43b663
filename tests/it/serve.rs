//! Integration tests of `ambit serve`: the real binary, on a free port, over
//! a temporary copy of the repository's `content/`, spoken to with plain
//! HTTP/1.1 over `TcpStream`. Every wait is bounded in time.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::alone;
use crate::serve_util::{an_action, fixture, port_in_use_listener, set_title, Events, Server};

const CHANGE_TIMEOUT: Duration = Duration::from_secs(2);
const EVENT_TIMEOUT: Duration = Duration::from_secs(5);

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
fn files_folders_404s_and_unsafe_paths() {
    let _alone = alone();
    let dir = fixture();
    std::fs::write(dir.path().join("secret.txt"), "top secret").unwrap();
    let server = Server::start(dir.path(), 0);

    let css = server.get("/static/style.css");
    assert_eq!(css.status, 200);
    assert_eq!(
        css.header("content-type").as_deref(),
        Some("text/css; charset=utf-8")
    );
    assert!(
        !css.body.contains("ambit-live-reload"),
        "script injected into CSS"
    );

    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert!(home.body.contains("ambit-live-reload"));

    let folder = server.get("/halmstad");
    assert_eq!(folder.status, 301);
    assert_eq!(folder.header("location").as_deref(), Some("/halmstad/"));
    assert_eq!(server.get("/halmstad/").status, 200);

    let missing = server.get("/no/such/page/");
    assert_eq!(missing.status, 404);
    let site_404 = std::fs::read_to_string(dir.path().join("output/404.html")).unwrap();
    let title_404 = site_404
        .split("<title>")
        .nth(1)
        .and_then(|t| t.split("</title>").next())
        .unwrap();
    assert!(
        missing.body.contains(title_404),
        "404 is not the site's 404.html"
    );
    assert!(missing.body.contains("ambit-live-reload"));

    for path in [
        "/../secret.txt",
        "/../../../../etc/passwd",
        "/%2e%2e/secret.txt",
        "/halmstad/%2E%2E/%2e%2e/secret.txt",
        "/halmstad/..%2f..%2fsecret.txt",
        "/..%5csecret.txt",
    ] {
        let r = server.get(path);
        assert!(
            r.status == 400 || r.status == 404,
            "{path}: status {}",
            r.status
        );
        assert!(
            !r.body.contains("top secret") && !r.body.contains("root:"),
            "{path} escaped the output folder"
        );
    }
    assert_eq!(server.get("/.ambit-output").status, 404);
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
fn a_second_instance_on_the_same_port_exits_with_2() {
    let _alone = alone();
    let dir = fixture();
    let first = Server::start(dir.path(), 0);
    let other = fixture();
    let mut second = Command::new(env!("CARGO_BIN_EXE_ambit"))
        .args([
            "serve",
            "--content",
            "content",
            "--port",
            &first.port.to_string(),
        ])
        .current_dir(other.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(s) = second.try_wait().unwrap() {
            break s;
        }
        if Instant::now() >= deadline {
            let _ = second.kill();
            let _ = second.wait();
            panic!("the second instance did not exit");
        }
        std::thread::sleep(Duration::from_millis(25));
    };
    let mut err = String::new();
    second
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(status.code(), Some(2), "stderr: {err}");
    assert!(
        err.contains(&format!("error: port {} is in use", first.port)),
        "{err}"
    );
    assert!(
        err.contains(&format!("help: try --port {}", first.port + 1)),
        "{err}"
    );
    assert!(
        !other.path().join("output").exists(),
        "the second instance built anyway"
    );
    assert_eq!(
        first.get("/").status,
        200,
        "the first instance was disturbed"
    );

    // The same for a port some other program holds.
    let held = port_in_use_listener();
    let port = held.local_addr().unwrap().port();
    let out = Command::new(env!("CARGO_BIN_EXE_ambit"))
        .args(["serve", "--content", "content", "--port", &port.to_string()])
        .current_dir(other.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("error: port {port} is in use")));
}

#[test]
fn listens_on_loopback_only() {
    let _alone = alone();
    let dir = fixture();
    let server = Server::start(dir.path(), 0);
    assert!(server.url.starts_with("http://127.0.0.1:"));
    #[cfg(target_os = "linux")]
    {
        let addrs = listening_addresses(server.port);
        assert!(
            !addrs.is_empty(),
            "no listening socket found for port {}",
            server.port
        );
        assert!(
            addrs.iter().all(|a| a == "127.0.0.1"),
            "listening on {addrs:?}"
        );
    }
}

/// IPv4 and IPv6 addresses listening on `port`, from /proc/net/tcp{,6}.
#[cfg(target_os = "linux")]
fn listening_addresses(port: u16) -> Vec<String> {
    let mut addrs = Vec::new();
    for (file, v6) in [("/proc/net/tcp", false), ("/proc/net/tcp6", true)] {
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        for line in text.lines().skip(1) {
            let cols: Vec<&str> = line.split_whitespace().collect();
            if cols.len() < 4 || cols[3] != "0A" {
                continue;
            }
            let Some((hex_addr, hex_port)) = cols[1].split_once(':') else {
                continue;
            };
            if u16::from_str_radix(hex_port, 16).ok() != Some(port) {
                continue;
            }
            if v6 {
                addrs.push(format!("v6:{hex_addr}"));
            } else {
                let n = u32::from_str_radix(hex_addr, 16).unwrap_or(0);
                addrs.push(std::net::Ipv4Addr::from(n.swap_bytes()).to_string());
            }
        }
    }
    addrs
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

#[cfg(unix)]
#[test]
fn ctrl_c_stops_cleanly() {
    let _alone = alone();
    let dir = fixture();
    let mut server = Server::start(dir.path(), 0);
    let mut events = Events::open(server.port);
    assert!(events.wait_for(0, EVENT_TIMEOUT, |s| s.contains("event: state")));
    let pid = server.child.id().to_string();
    let kill = Command::new("kill").args(["-INT", &pid]).status().unwrap();
    assert!(kill.success());
    let status = server
        .wait_exit(Duration::from_secs(10))
        .expect("ambit serve did not stop within 10 s after SIGINT");
    assert_eq!(status.code(), Some(0), "stderr:\n{}", server.stderr());
    assert!(dir.path().join("output/index.html").is_file());
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("ambit-new"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "staging folders left behind: {leftovers:?}"
    );
}
