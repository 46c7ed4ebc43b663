//! Integration tests of `ambit serve`: the real binary, on a free port, over
//! a temporary copy of the repository's `content/`, spoken to with plain
//! HTTP/1.1 over `TcpStream`. Every wait is bounded in time.

use std::time::Duration;

mod http;
mod lifecycle;
mod reload;

pub(super) const CHANGE_TIMEOUT: Duration = Duration::from_secs(2);
pub(super) const EVENT_TIMEOUT: Duration = Duration::from_secs(5);
