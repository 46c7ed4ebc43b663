//! The HTTP side (axum): the output folder as a static site (folders serve
//! `index.html`, misses get the site's `404.html` with status 404, HTML gets
//! the live-reload script) and the server-sent events stream that tells open
//! pages about every build.

use std::convert::Infallible;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderValue, Method, StatusCode, Uri};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tokio_stream::wrappers::WatchStream;
use tokio_stream::{Stream, StreamExt};

use super::files::{self, Resolved};
use super::inject;
use super::status::StatusReceiver;

/// What the handlers share.
#[derive(Clone)]
pub struct App {
    pub output: Arc<PathBuf>,
    pub status: StatusReceiver,
}

/// The routes: the event stream, and the site for everything else.
pub fn router(app: App) -> Router {
    Router::new()
        .route(inject::EVENTS_PATH, get(events))
        .fallback(site)
        .with_state(app)
}

/// `GET /__ambit/events`: one `state` event now and one after every build.
async fn events(State(app): State<App>) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let stream = WatchStream::new(app.status.clone())
        .take_while(|s| !s.stopping)
        .map(|s| {
            Ok(Event::default()
                .event("state")
                .retry(Duration::from_millis(500))
                .data(s.event_json()))
        });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// Any other path: a file of the output folder.
async fn site(State(app): State<App>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut r = (StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD\n").into_response();
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    // Read the version before the file: a page is never older than the version it names.
    let status = app.status.borrow().clone();
    if !status.built() {
        return respond(
            StatusCode::INTERNAL_SERVER_ERROR,
            "text/html; charset=utf-8",
            inject::error_page(&status.errors).into_bytes(),
        );
    }
    let root = app.output.as_path();
    wait_for_swap(root).await;
    match files::resolve(root, uri.path()) {
        Resolved::File(path) => match read(path.clone()).await {
            Ok(bytes) => file_response(StatusCode::OK, &path, bytes, &status.version),
            Err(_) => not_found(root, &status.version).await,
        },
        Resolved::Redirect(location) => {
            let location = match uri.query() {
                Some(q) => format!("{location}?{q}"),
                None => location,
            };
            let mut r = StatusCode::MOVED_PERMANENTLY.into_response();
            if let Ok(v) = HeaderValue::from_str(&location) {
                r.headers_mut().insert(header::LOCATION, v);
            }
            r
        }
        Resolved::NotFound => not_found(root, &status.version).await,
        Resolved::Bad => respond(
            StatusCode::BAD_REQUEST,
            "text/plain; charset=utf-8",
            b"bad request path\n".to_vec(),
        ),
    }
}

/// A build swaps the output folder by two renames; a request landing in
/// between waits a moment instead of seeing no site at all.
async fn wait_for_swap(root: &Path) {
    for _ in 0..50 {
        if root.is_dir() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// The site's `404.html` with status 404, or a line of text if it has none.
async fn not_found(root: &Path, version: &str) -> Response {
    let page = root.join("404.html");
    match read(page.clone()).await {
        Ok(bytes) => file_response(StatusCode::NOT_FOUND, &page, bytes, version),
        Err(_) => respond(
            StatusCode::NOT_FOUND,
            "text/plain; charset=utf-8",
            b"404 not found\n".to_vec(),
        ),
    }
}

/// Reads a file off the async threads.
async fn read(path: PathBuf) -> std::io::Result<Vec<u8>> {
    tokio::task::spawn_blocking(move || std::fs::read(path))
        .await
        .unwrap_or_else(|e| Err(std::io::Error::other(e)))
}

fn file_response(code: StatusCode, path: &Path, bytes: Vec<u8>, version: &str) -> Response {
    let bytes = if files::is_html(path) {
        inject::inject(&bytes, version)
    } else {
        bytes
    };
    respond(code, &files::content_type(path), bytes)
}

fn respond(code: StatusCode, content_type: &str, body: Vec<u8>) -> Response {
    let mut r = Response::new(Body::from(body));
    *r.status_mut() = code;
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(content_type)
            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    r
}
