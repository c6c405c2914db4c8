//! The only module that writes files. One writer thread receives finished
//! files over a bounded channel and writes them into a fresh directory next
//! to the output (`public.tmp-<pid>`); [`Writer::finish`] then swaps it into
//! place (old output renamed away, new one renamed in, old one deleted), so a
//! build is atomic and never writes over the files of the previous one.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Mutex;
use std::thread::JoinHandle;

use foldhash::HashSet;
use rayon::prelude::*;

use crate::error::{Error, Result};

/// How many finished files may wait for the writer (bounds memory).
const QUEUE: usize = 64;

/// Buffers of files already written, lent out again by [`buffer`]: a page
/// allocated on a render thread and freed on the writer thread otherwise
/// leaves the allocator fresh memory to hand out (and zero on first touch)
/// for the next page.
static SPARE: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());

/// How many spare buffers are kept (about the pages in flight).
const SPARES: usize = QUEUE;

/// An empty buffer for a file's bytes with room for at least `capacity`
/// bytes, reusing one the writer is done with when there is one.
pub fn buffer(capacity: usize) -> Vec<u8> {
    let spare = SPARE.lock().ok().and_then(|mut spare| spare.pop());
    match spare {
        Some(bytes) if bytes.capacity() >= capacity => bytes,
        // Growing it would copy its old contents for nothing.
        _ => Vec::with_capacity(capacity),
    }
}

/// Keeps a written file's buffer for [`buffer`].
fn lend(mut bytes: Vec<u8>) {
    if bytes.capacity() > 1 << 20 {
        return; // not a page (entitlements.json): don't keep its memory for the run
    }
    bytes.clear();
    if let Ok(mut spare) = SPARE.lock() {
        if spare.len() < SPARES {
            spare.push(bytes);
        }
    }
}

/// A file to put into the output.
#[derive(Debug)]
pub enum Item {
    /// Bytes for a root-relative path (`ko-kr/a/index.html`).
    File { path: String, bytes: Vec<u8> },
    /// A copy of an existing file (an image of the content tree).
    Copy { from: PathBuf, path: String },
    /// A file of the previous build, reused: hard-linked (copied where links
    /// are not possible).
    Link { from: PathBuf, path: String },
}

/// What the writer did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Files written or copied.
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
}

impl std::ops::Add for Stats {
    type Output = Stats;

    fn add(self, other: Stats) -> Stats {
        Stats {
            files: self.files + other.files,
            bytes: self.bytes + other.bytes,
        }
    }
}

/// The writer thread and the channel feeding it.
pub struct Writer {
    sender: SyncSender<Item>,
    handle: JoinHandle<Result<Stats>>,
    staging: PathBuf,
    out: PathBuf,
    /// Whether the output is kept as it is (see [`Writer::keep`]).
    keep: bool,
    /// What [`Writer::write_now`] wrote, or the first error it met.
    direct: Mutex<Result<Stats>>,
}

impl Writer {
    /// Creates the staging directory next to `out` and starts the thread.
    pub fn start(out: &Path) -> Result<Writer> {
        let name = out
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(|e| Error::write(parent, e))?;
        let staging = parent.join(format!("{name}.tmp-{}", std::process::id()));
        if staging.exists() {
            std::fs::remove_dir_all(&staging).map_err(|e| Error::write(&staging, e))?;
        }
        std::fs::create_dir(&staging).map_err(|e| Error::write(&staging, e))?;
        let (sender, receiver) = sync_channel(QUEUE);
        let root = staging.clone();
        let handle = std::thread::spawn(move || drain(&root, receiver));
        Ok(Writer {
            sender,
            handle,
            staging,
            out: out.to_path_buf(),
            keep: false,
            direct: Mutex::new(Ok(Stats::default())),
        })
    }

    /// A writer for a build that changes nothing: what it is sent is
    /// dropped, the output is left in place, and [`Writer::finish`] reports
    /// `stats` (those of [`unchanged`]).
    pub fn keep(out: &Path, stats: Stats) -> Writer {
        let (sender, receiver) = sync_channel::<Item>(QUEUE);
        let handle = std::thread::spawn(move || {
            receiver.iter().for_each(drop);
            Ok(stats)
        });
        Writer {
            sender,
            handle,
            staging: PathBuf::new(),
            out: out.to_path_buf(),
            keep: true,
            direct: Mutex::new(Ok(Stats::default())),
        }
    }

    /// A sender for render threads; sending fails only after a write error.
    pub fn sender(&self) -> SyncSender<Item> {
        self.sender.clone()
    }

    /// Writes one large file at the root of the output from the calling
    /// thread, beside the writer thread: at the end of a build the workers
    /// are idle while the writer drains its queue, and a document of many
    /// megabytes (`entitlements.json`) would wait behind it. `write` is
    /// given the new, empty file (to write as it likes: from several
    /// threads at their offsets, say); `name` must be a plain file name;
    /// errors surface in [`Writer::finish`].
    pub fn write_now(&self, name: &str, write: impl FnOnce(&std::fs::File) -> std::io::Result<()>) {
        if self.keep || !is_safe_rel(name) || name.contains('/') {
            return;
        }
        let target = self.staging.join(name);
        let result = streamed(&target, write).map_err(|e| Error::write(&target, e));
        let mut direct = self.direct.lock().unwrap_or_else(|e| e.into_inner());
        match (&mut *direct, result) {
            (Ok(stats), Ok(bytes)) => *stats = *stats + Stats { files: 1, bytes },
            (Ok(_), Err(e)) => *direct = Err(e),
            (Err(_), _) => {}
        }
    }

    /// Waits for every file, then swaps the staging directory into place.
    pub fn finish(self) -> Result<Stats> {
        drop(self.sender);
        let direct = self.direct.into_inner().unwrap_or_else(|e| e.into_inner());
        let stats = match self.handle.join() {
            Ok(result) => result.and_then(|s| Ok(s + direct?)),
            Err(_) => Err(Error::Write {
                path: self.staging.clone(),
                reason: "the writer thread panicked".into(),
            }),
        };
        let stats = match stats {
            Ok(s) => s,
            Err(e) => {
                let _ = std::fs::remove_dir_all(&self.staging);
                return Err(e);
            }
        };
        if !self.keep {
            swap(&self.staging, &self.out)?;
        }
        Ok(stats)
    }

    /// Abandons the build: removes the staging directory.
    pub fn abort(self) {
        drop(self.sender);
        let _ = self.handle.join();
        if !self.keep {
            let _ = std::fs::remove_dir_all(&self.staging);
        }
    }
}

/// The files and bytes of `out` if it holds exactly the files `expected`
/// (root-relative) and nothing else but directories; `None` otherwise.
/// Directories are listed on all cores: a site is thousands of them.
pub fn unchanged(out: &Path, expected: &BTreeSet<&str>) -> Option<Stats> {
    let stats = listed(out, "", expected)?;
    (stats.files == expected.len()).then_some(stats)
}

/// The root-relative path of entry `name` of the directory at `rel` (`""`
/// for the root).
pub(crate) fn child(rel: &str, name: &str) -> String {
    match rel {
        "" => name.to_string(),
        _ => format!("{rel}/{name}"),
    }
}

/// The files and bytes under `dir` (at `rel` in the tree) if every file is
/// expected; `None` at the first one that is not, or an unreadable entry.
fn listed(dir: &Path, rel: &str, expected: &BTreeSet<&str>) -> Option<Stats> {
    let entries: Vec<std::fs::DirEntry> = std::fs::read_dir(dir)
        .ok()?
        .collect::<std::io::Result<_>>()
        .ok()?;
    entries
        .par_iter()
        .map(|entry| {
            let name = entry.file_name();
            let name = name.to_str()?;
            let rel = child(rel, name);
            let kind = entry.file_type().ok()?;
            if kind.is_dir() {
                return listed(&entry.path(), &rel, expected);
            }
            let bytes = entry.metadata().ok()?.len();
            (kind.is_file() && expected.contains(rel.as_str())).then_some(Stats { files: 1, bytes })
        })
        .try_reduce(Stats::default, |a, b| Some(a + b))
}

/// Writes every item received; stops at the first error.
fn drain(root: &Path, receiver: Receiver<Item>) -> Result<Stats> {
    let mut stats = Stats::default();
    // Root-relative directories made so far, and paths written: plain
    // strings in hash sets (a `BTreeSet<PathBuf>` compared paths component
    // by component, thousands of times per build).
    let mut dirs: HashSet<String> = HashSet::default();
    let mut written: HashSet<String> = HashSet::default();
    for item in receiver {
        let (Item::File { path: rel, .. }
        | Item::Copy { path: rel, .. }
        | Item::Link { path: rel, .. }) = &item;
        if !is_safe_rel(rel) || written.contains(rel) {
            continue;
        }
        let target = root.join(rel);
        if let Some((dir, _)) = rel.rsplit_once('/') {
            if !dirs.contains(dir) {
                // One `mkdir` when the parent exists (a page's directory in a
                // locale's), more only for the first page of a locale.
                let path = root.join(dir);
                std::fs::create_dir_all(&path).map_err(|e| Error::write(&path, e))?;
                dirs.insert(dir.to_string());
            }
        }
        written.insert(rel.clone());
        stats.bytes += match item {
            Item::File { bytes, .. } => {
                std::fs::write(&target, &bytes).map_err(|e| Error::write(&target, e))?;
                let len = bytes.len() as u64;
                lend(bytes);
                len
            }
            Item::Copy { from, .. } => {
                std::fs::copy(&from, &target).map_err(|e| Error::write(&target, e))?
            }
            Item::Link { from, .. } => link(&from, &target)?,
        };
        stats.files += 1;
    }
    Ok(stats)
}

/// A new file at `target` with what `write` puts into it; its size.
fn streamed(
    target: &Path,
    write: impl FnOnce(&std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<u64> {
    let file = std::fs::File::create(target)?;
    write(&file)?;
    Ok(file.metadata()?.len())
}

/// Hard-links `from` to `target`, copying when that fails; the file's size.
fn link(from: &Path, target: &Path) -> Result<u64> {
    if std::fs::hard_link(from, target).is_ok() {
        return Ok(std::fs::metadata(target).map_or(0, |m| m.len()));
    }
    std::fs::copy(from, target).map_err(|e| Error::write(target, e))
}

/// A relative path with no `..`, root or empty parts.
fn is_safe_rel(rel: &str) -> bool {
    !rel.is_empty()
        && !rel.starts_with('/')
        && rel
            .split('/')
            .all(|p| !p.is_empty() && p != "." && p != "..")
}

/// Replaces `out` by `staging`: rename the old one away, the new one in, delete the old.
fn swap(staging: &Path, out: &Path) -> Result<()> {
    let mut old_name = staging.file_name().unwrap_or_default().to_os_string();
    old_name.push(".old");
    let old = staging.with_file_name(old_name);
    let had_old = out.exists();
    if had_old {
        std::fs::rename(out, &old).map_err(|e| Error::write(out, e))?;
    }
    if let Err(e) = std::fs::rename(staging, out) {
        if had_old {
            let _ = std::fs::rename(&old, out);
        }
        return Err(Error::write(out, e));
    }
    if had_old {
        remove_tree(&old).map_err(|e| Error::write(&old, e))?;
    }
    Ok(())
}

/// How many threads delete a previous output.
const DELETERS: usize = 8;

/// `remove_dir_all`, with the directories two levels down (one per page)
/// deleted by several threads: deleting waits on the disk more than on the
/// CPU (online discard frees blocks synchronously), so the waits overlap.
fn remove_tree(root: &Path) -> std::io::Result<()> {
    let mut dirs = Vec::new();
    for top in std::fs::read_dir(root)? {
        let top = top?;
        if !top.file_type()?.is_dir() {
            continue;
        }
        for entry in std::fs::read_dir(top.path())? {
            let entry = entry?;
            if entry.file_type()?.is_dir() {
                dirs.push(entry.path());
            }
        }
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..DELETERS.min(dirs.len()) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(dir) = dirs.get(i) else { break };
                let _ = std::fs::remove_dir_all(dir);
            });
        }
    });
    std::fs::remove_dir_all(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lends_written_buffers_empty_and_large_enough() {
        lend(Vec::with_capacity(4096));
        lend(b"written".to_vec());
        for want in [10, 4096, 100_000] {
            let b = buffer(want);
            assert!(b.is_empty() && b.capacity() >= want);
        }
    }

    #[test]
    fn swaps_atomically_and_refuses_escapes() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(out.join("stale")).unwrap();
        let writer = Writer::start(&out).unwrap();
        let tx = writer.sender();
        tx.send(Item::File {
            path: "a/index.html".into(),
            bytes: b"x".to_vec(),
        })
        .unwrap();
        tx.send(Item::File {
            path: "../evil".into(),
            bytes: b"x".to_vec(),
        })
        .unwrap();
        drop(tx);
        let stats = writer.finish().unwrap();
        assert_eq!(stats.files, 1);
        assert!(out.join("a/index.html").is_file() && !out.join("stale").exists());
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no staging or old dir left"
        );
    }
}
