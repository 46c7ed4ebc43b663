//! Starting and stopping: a second instance on the same port exits with 2, Ctrl-C stops cleanly.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::alone;
use crate::serve_util::{fixture, port_in_use_listener, Events, Server};

use super::EVENT_TIMEOUT;

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
