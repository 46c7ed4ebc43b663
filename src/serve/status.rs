//! What the browser needs to know about the served site: which successful
//! build is current, whether the latest build failed (and with which error
//! lines), and whether the server is stopping. The builder publishes it on a
//! `tokio::sync::watch` channel; HTTP handlers and event streams read it.

use tokio::sync::watch;

/// The state of the site being served.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    /// Names the site on disk: changes with every successful build, and is
    /// empty until the first one. Pages carry the version they were served
    /// with, so a page that missed an event still notices a newer site.
    pub version: String,
    /// The error lines (`path:line:col: error: …`) of the latest build; empty when it succeeded.
    pub errors: Vec<String>,
    /// Set when the server stops: event streams end so connections can close.
    pub stopping: bool,
}

impl Status {
    /// True once a build has succeeded in this session.
    pub fn built(&self) -> bool {
        !self.version.is_empty()
    }

    /// True when the latest build succeeded.
    pub fn ok(&self) -> bool {
        self.errors.is_empty()
    }

    /// The data of a `state` event, as the injected script reads it.
    pub fn event_json(&self) -> String {
        serde_json::json!({
            "version": self.version,
            "ok": self.ok(),
            "built": self.built(),
            "errors": self.errors,
        })
        .to_string()
    }
}

pub type StatusSender = watch::Sender<Status>;
pub type StatusReceiver = watch::Receiver<Status>;

/// A fresh channel holding "nothing built yet".
pub fn channel() -> (StatusSender, StatusReceiver) {
    watch::channel(Status::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_json_names_state_and_errors() {
        let s = Status {
            version: "a-1".into(),
            errors: vec!["x.md:1:1: error: <bad>".into()],
            stopping: false,
        };
        let v: serde_json::Value = serde_json::from_str(&s.event_json()).unwrap();
        assert_eq!(v["ok"], false);
        assert_eq!(v["built"], true);
        assert_eq!(v["errors"][0], "x.md:1:1: error: <bad>");
        assert!(Status::default().ok() && !Status::default().built());
    }
}
