//! What the server answers over HTTP: files, folders, 404s and unsafe paths; and that it
//! listens on loopback only.

use crate::common::alone;
use crate::serve_util::{fixture, Server};

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
