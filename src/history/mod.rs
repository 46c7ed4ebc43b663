//! The git history of the content folder: when each file was added, each change of its
//! `status:` (from → to) and its last change, each with date and commit.
//!
//! [`read`] makes one walk of the first-parent line from HEAD and compares each commit's
//! content subtree with its parent's top-down, skipping subtrees whose ids did not change
//! (see [`diff`]); only Markdown blobs whose content changed are read, and their status is
//! taken from the front matter text without a YAML parser (see [`status`]). The changes are
//! then replayed oldest first into each file's history (see [`track`]).
//! Only committed history counts: uncommitted changes in the working tree are not looked at.
//! A content folder outside git has no history (`Ok(None)`); a shallow clone has the history
//! it holds, with [`History::shallow`] set.

mod diff;
mod order;
mod status;
#[cfg(test)]
mod tests;
mod track;
mod walk;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

pub use status::status_of;

/// Memory for decoded delta bases while reading (git's own default is 96 MiB).
const PACK_CACHE_BYTES: usize = 16 * 1024 * 1024;

/// The history of every file in the content folder that exists at HEAD.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    /// Keyed by path relative to the content folder with forward slashes, e.g. "getinge/actions/x.md".
    pub files: HashMap<String, FileHistory>,
    /// True when the history is incomplete: the repository is a shallow clone (or misses
    /// objects, like a partial clone). Files already present in the oldest commit of a shallow
    /// clone have no `added` and no first status change, as those happened before it.
    pub shallow: bool,
}

/// One file's history.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileHistory {
    /// The first commit where the file appeared (following the path only; a rename is a new file).
    pub added: Option<Change>,
    /// Oldest first; the first status when added is `from: None`.
    pub status_changes: Vec<StatusChange>,
    /// The last commit that changed the file's content.
    pub last_changed: Option<Change>,
}

/// A commit, as the history shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Full hex id of the commit.
    pub commit: String,
    /// The committer date in UTC.
    pub date: crate::model::Date,
    /// The first line of the commit message.
    pub summary: String,
}

/// A change of an entity's `status:`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusChange {
    /// The status before, `None` when the file was added (or had no status).
    pub from: Option<String>,
    pub to: String,
    pub change: Change,
}

/// Reads the history of every file under `content_dir`. Ok(None) when the folder is not in a git repository.
pub fn read(content_dir: &Path) -> Result<Option<History>, String> {
    read_in(content_dir, None)
}

/// [`read`], reading the commits newest first, oldest first, or (`None`) whichever is cheaper.
fn read_in(content_dir: &Path, newest_first: Option<bool>) -> Result<Option<History>, String> {
    let Some((repo, rel)) = open(content_dir)? else {
        return Ok(None);
    };

    let boundary: HashSet<gix::ObjectId> = repo
        .shallow_commits()
        .map_err(|e| format!("cannot read the shallow file of the git repository: {e}"))?
        .map(|c| c.iter().copied().collect())
        .unwrap_or_default();
    let mut history = History {
        files: HashMap::new(),
        shallow: !boundary.is_empty(),
    };

    let head = repo
        .head()
        .map_err(|e| format!("cannot read HEAD of the git repository: {e}"))?;
    if head.is_unborn() {
        return Ok(Some(history));
    }
    let head = head
        .into_peeled_id()
        .map_err(|e| format!("cannot resolve HEAD of the git repository: {e}"))?
        .detach();

    // Keep decoded delta bases: consecutive versions of a tree or blob share delta chains, and
    // without this cache each read would inflate its whole chain again.
    let mut repo = repo;
    repo.objects.set_pack_cache(|| {
        Box::new(gix::odb::pack::cache::lru::MemoryCappedHashmap::new(
            PACK_CACHE_BYTES,
        ))
    });
    let hash = repo.object_hash();
    let line = walk::first_parent_line(&repo.objects, hash, head, &boundary)?;
    history.shallow |= line.cut;

    let (steps, incomplete) = commit_steps(&repo.objects, hash, &line.commits, &rel, newest_first)?;
    history.shallow |= incomplete;
    history.files = replay(&line, steps);
    Ok(Some(history))
}

/// The git repository around `content_dir` and the folder names from its work tree's root to
/// the folder; `None` when the folder is not in a work tree.
fn open(content_dir: &Path) -> Result<Option<(gix::Repository, Vec<String>)>, String> {
    let dir = content_dir
        .canonicalize()
        .map_err(|e| format!("cannot read the history of {}: {e}", content_dir.display()))?;
    let repo = match gix::discover(&dir) {
        Ok(repo) => repo,
        Err(e) if not_a_repository(&e) => return Ok(None),
        Err(e) => {
            return Err(format!(
                "cannot open the git repository of {}: {e}",
                content_dir.display()
            ))
        }
    };
    Ok(relative_folder(&repo, &dir).map(|rel| (repo, rel)))
}

/// What each of `commits` changed in the content folder at `rel`, read in the order that
/// suits the pack's delta chains (or newest first when `newest_first` says so); also whether
/// objects were missing.
fn commit_steps(
    odb: &gix::OdbHandle,
    hash: gix::hash::Kind,
    commits: &[walk::CommitInfo],
    rel: &[String],
    newest_first: Option<bool>,
) -> Result<(Vec<Vec<track::Step>>, bool), String> {
    let n = commits.len();
    let mut trees = diff::Trees::new(odb, hash);
    let roots: Vec<gix::ObjectId> = commits.iter().map(|c| c.tree).collect();
    trees.backwards = match newest_first {
        Some(b) => b,
        None => order::newest_first(&mut trees, &roots, rel)?,
    };
    let order: Vec<usize> = if trees.backwards {
        (0..n).rev().collect()
    } else {
        (0..n).collect()
    };
    let mut contents = vec![None; n];
    for &i in &order {
        contents[i] = trees.subtree(roots[i], rel)?;
    }
    let mut blobs = track::Blobs::new(odb);
    let mut steps: Vec<Vec<track::Step>> = (0..n).map(|_| Vec::new()).collect();
    for &i in &order {
        let before = if i == 0 { None } else { contents[i - 1] };
        if before != contents[i] {
            let mut events = Vec::new();
            trees.diff(before, contents[i], "", &mut events)?;
            steps[i] = blobs.steps(events);
        }
    }
    Ok((steps, blobs.incomplete))
}

/// The history of every file, from the `steps` of each commit of `line` replayed oldest first.
fn replay(line: &walk::Line, steps: Vec<Vec<track::Step>>) -> HashMap<String, FileHistory> {
    let mut tracker = track::Tracker::default();
    for (i, (commit, steps)) in line.commits.iter().zip(steps).enumerate() {
        if steps.is_empty() {
            continue;
        }
        let change = Change {
            commit: commit.id.to_string(),
            date: walk::utc_date(commit.seconds),
            summary: commit.summary.clone(),
        };
        tracker.apply(steps, &change, i == 0 && line.cut);
    }
    tracker.finish()
}

/// The web address of `commit` on the forge at `repository_url` (site.yaml's
/// `repository.url`): `<url>/commit/<id>`, which GitHub, GitLab, Gitea, Forgejo and
/// Bitbucket all serve.
pub fn commit_url(repository_url: &str, commit: &str) -> String {
    let base = repository_url.trim_end_matches('/');
    let base = base.strip_suffix(".git").unwrap_or(base);
    format!("{base}/commit/{commit}")
}

/// Whether discovery failed because there is no repository around the folder.
fn not_a_repository(e: &gix::Error) -> bool {
    use gix::discover::upwards::Error as E;
    match e.downcast_any_ref::<E>() {
        Some(
            E::NoGitRepository { .. }
            | E::NoGitRepositoryWithinCeiling { .. }
            | E::NoGitRepositoryWithinFs { .. },
        ) => true,
        Some(_) => false,
        None => e.is_not_found(),
    }
}

/// The folder names from the work tree's root to `dir`, or `None` when `dir` is not inside
/// the work tree (a bare repository, or the folder is inside `.git`).
fn relative_folder(repo: &gix::Repository, dir: &Path) -> Option<Vec<String>> {
    let workdir: PathBuf = repo.workdir()?.canonicalize().ok()?;
    let rel = dir.strip_prefix(&workdir).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.first().is_some_and(|p| p == ".git") {
        return None;
    }
    Some(parts)
}
