//! Opening the listening socket: parsing `--bind`, turning "port in use" and
//! friends into clear diagnostics (exit code 2), and the base URL the site is
//! built with while it is served.

use std::io::ErrorKind;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};

use crate::diag::Diagnostic;

/// The address of `--bind`: an IP address (IPv6 with or without brackets) or `localhost`.
pub fn parse_bind(bind: &str) -> Result<IpAddr, Diagnostic> {
    let b = bind.trim();
    if b.eq_ignore_ascii_case("localhost") {
        return Ok(IpAddr::V4(Ipv4Addr::LOCALHOST));
    }
    let inner = b
        .strip_prefix('[')
        .and_then(|s| s.strip_suffix(']'))
        .unwrap_or(b);
    inner.parse::<IpAddr>().map_err(|_| {
        Diagnostic::io(None, format!("`{bind}` is not an IP address")).with_help(
            "use --bind 127.0.0.1 (this computer only), or the address of one network interface",
        )
    })
}

/// Binds `ip:port` (port 0 picks a free port).
pub fn bind(ip: IpAddr, port: u16) -> Result<TcpListener, Diagnostic> {
    let addr = SocketAddr::new(ip, port);
    TcpListener::bind(addr).map_err(|e| match e.kind() {
        ErrorKind::AddrInUse => Diagnostic::io(None, format!("port {port} is in use")).with_help(
            format!("try --port {}", port.checked_add(1).unwrap_or(8081)),
        ),
        ErrorKind::PermissionDenied => {
            Diagnostic::io(None, format!("not allowed to listen on port {port}"))
                .with_help("ports below 1024 need special rights; try --port 8080")
        }
        ErrorKind::AddrNotAvailable => Diagnostic::io(
            None,
            format!("cannot listen on {ip}: this computer has no such address"),
        )
        .with_help("try --bind 127.0.0.1"),
        _ => Diagnostic::io(None, format!("cannot listen on {}: {e}", url_host(addr))),
    })
}

/// `http://<host>:<port>/`: the base URL of the served site.
pub fn base_url(addr: SocketAddr) -> String {
    format!("http://{}/", url_host(addr))
}

fn url_host(addr: SocketAddr) -> String {
    match addr.ip() {
        IpAddr::V4(ip) => format!("{ip}:{}", addr.port()),
        IpAddr::V6(ip) => format!("[{ip}]:{}", addr.port()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bind_addresses() {
        assert_eq!(
            parse_bind("127.0.0.1").unwrap(),
            IpAddr::V4(Ipv4Addr::LOCALHOST)
        );
        assert_eq!(
            parse_bind("localhost").unwrap(),
            IpAddr::V4(Ipv4Addr::LOCALHOST)
        );
        assert!(parse_bind("[::1]").unwrap().is_loopback());
        assert!(parse_bind("example.org").is_err());
    }

    #[test]
    fn base_urls() {
        assert_eq!(
            base_url("127.0.0.1:8080".parse().unwrap()),
            "http://127.0.0.1:8080/"
        );
        assert_eq!(
            base_url("[::1]:8080".parse().unwrap()),
            "http://[::1]:8080/"
        );
    }

    #[test]
    fn port_in_use_is_clear() {
        let first = bind(IpAddr::V4(Ipv4Addr::LOCALHOST), 0).unwrap();
        let port = first.local_addr().unwrap().port();
        let err = bind(IpAddr::V4(Ipv4Addr::LOCALHOST), port).unwrap_err();
        assert_eq!(
            err.plain(),
            format!(
                "error: port {port} is in use\n  help: try --port {}",
                port + 1
            )
        );
    }
}
