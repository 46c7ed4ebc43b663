//! The first-parent line of commits from HEAD back to the root (or to the shallow boundary),
//! returned oldest first with what the history shows of each commit: id, tree, UTC date and
//! the first line of the message.

use std::collections::HashSet;

use gix::objs::{CommitRef, Find};
use gix::ObjectId;

/// One commit of the first-parent line.
pub(super) struct CommitInfo {
    pub id: ObjectId,
    pub tree: ObjectId,
    /// Committer time, seconds since the Unix epoch.
    pub seconds: i64,
    pub summary: String,
}

/// The commits from the oldest reachable one to HEAD.
pub(super) struct Line {
    pub commits: Vec<CommitInfo>,
    /// The oldest commit has parents that are not in the repository (a shallow clone or a
    /// broken one): its tree is where history starts, not where the files were added.
    pub cut: bool,
}

/// Follows first parents from `head`. `boundary` holds the commits of the `shallow` file,
/// whose parents git treats as absent even when some of their objects exist.
pub(super) fn first_parent_line(
    odb: &gix::OdbHandle,
    hash: gix::hash::Kind,
    head: ObjectId,
    boundary: &HashSet<ObjectId>,
) -> Result<Line, String> {
    let mut commits = Vec::new();
    let mut buf = Vec::new();
    let mut next = Some(head);
    let mut cut = false;
    while let Some(id) = next.take() {
        let data = match odb.try_find(&id, &mut buf) {
            Ok(Some(data)) => data,
            Ok(None) if !commits.is_empty() => {
                cut = true;
                break;
            }
            Ok(None) => return Err(format!("commit {id} (HEAD) is missing from the repository")),
            Err(e) => return Err(format!("cannot read commit {id}: {e}")),
        };
        if data.kind != gix::objs::Kind::Commit {
            return Err(format!("{id} is a {}, not a commit", data.kind));
        }
        let commit = CommitRef::from_bytes(data.data, hash)
            .map_err(|e| format!("cannot parse commit {id}: {e}"))?;
        let parent = commit.parents().next();
        let seconds = commit.time().map(|t| t.seconds).unwrap_or(0);
        commits.push(CommitInfo {
            id,
            tree: commit.tree(),
            seconds,
            summary: summary(commit.message),
        });
        if boundary.contains(&id) {
            cut = parent.is_some();
        } else {
            next = parent;
        }
    }
    commits.reverse();
    Ok(Line { commits, cut })
}

/// The first line of a commit message, trimmed.
fn summary(message: &[u8]) -> String {
    let first = message
        .split(|&b| b == b'\n')
        .find(|l| !l.iter().all(u8::is_ascii_whitespace))
        .unwrap_or(&[]);
    String::from_utf8_lossy(first).trim().to_owned()
}

/// The date of a Unix time in UTC (a time outside years 1–9999 counts as 1970-01-01).
pub(super) fn utc_date(seconds: i64) -> crate::model::Date {
    time::OffsetDateTime::from_unix_timestamp(seconds)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
        .date()
}

#[cfg(test)]
mod tests {
    use super::{summary, utc_date};
    use crate::model::iso;

    #[test]
    fn dates_in_utc() {
        assert_eq!(iso(utc_date(0)), "1970-01-01");
        assert_eq!(iso(utc_date(1_705_320_000)), "2024-01-15");
        assert_eq!(iso(utc_date(1_709_251_199)), "2024-02-29");
        assert_eq!(iso(utc_date(1_709_251_200)), "2024-03-01");
        assert_eq!(iso(utc_date(-1)), "1969-12-31");
        assert_eq!(iso(utc_date(951_782_400)), "2000-02-29");
    }

    #[test]
    fn first_line_of_the_message() {
        assert_eq!(
            summary(b"Plan the square\n\nLonger text\n"),
            "Plan the square"
        );
        assert_eq!(summary(b"\n  \nLate start  \nmore"), "Late start");
        assert_eq!(summary(b""), "");
    }
}
