//! The build cache of incremental `locdoc build`: a manifest kept beside the
//! output (`<out>.cache/manifest.json`) saying, for the last build, the
//! fingerprint of everything all pages depend on and, per article file, its
//! content hash, the files it produced and what the indexes need of it.
//!
//! Hashes are 128-bit XXH3 (`xxhash-rust`): a specified algorithm whose
//! output never changes between Rust releases, unlike std's `DefaultHasher`,
//! and ~10× faster than the SipHash-1-3 used before (a clean build hashes
//! every article: 390 MB at 10k files). Not cryptographic: the cache trusts
//! its own output directory, it does not defend against crafted collisions.
//! A cache that is missing, unreadable, corrupt or from another version is
//! ignored: the build is then a clean one.
//!
//! Here: content hashes and file stamps; `manifest.rs` reads and writes the
//! manifest, `entry.rs` is what it remembers of each article, `output.rs`
//! the stamps of the output's directories.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

mod entry;
mod manifest;
pub mod output;

pub use entry::{counts_from, counts_to, restore_all, store_all, Cached, CachedDiagnostic, Front};
pub use manifest::{Manifest, Staged};

/// Writes `bytes` as `dir/name` through a temporary file beside it, so
/// that a reader never sees half a file. On failure neither is left: a
/// missing cache file means starting afresh.
fn replace(dir: &Path, name: &str, bytes: &[u8]) {
    let tmp = tmp_path(dir, name);
    let written = std::fs::create_dir_all(dir).is_ok() && std::fs::write(&tmp, bytes).is_ok();
    put_in_place(dir, name, &tmp, written);
}

/// The temporary file `dir/name` is written into before it is put in place.
fn tmp_path(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!("{name}.tmp-{}", std::process::id()))
}

/// Puts `tmp` in place as `dir/name` if it was `written`; otherwise, or if
/// that fails, leaves neither.
fn put_in_place(dir: &Path, name: &str, tmp: &Path, written: bool) {
    if !written || std::fs::rename(tmp, dir.join(name)).is_err() {
        let _ = std::fs::remove_file(tmp);
        let _ = std::fs::remove_file(dir.join(name));
    }
}

/// A stable 128-bit hash of byte strings, each length-prefixed.
#[derive(Default)]
pub struct Fingerprint(Xxh3);

impl Fingerprint {
    /// Adds one byte string.
    pub fn add(&mut self, bytes: &[u8]) {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
    }

    /// Adds every file under `dir` (relative path and bytes, sorted) that
    /// `keep` accepts; a missing dir adds nothing.
    pub fn add_dir(&mut self, dir: &Path, keep: impl Fn(&Path) -> bool) {
        let walk = walkdir::WalkDir::new(dir).sort_by_file_name();
        for entry in walk.into_iter().filter_map(|e| e.ok()) {
            if !entry.file_type().is_file() || !keep(entry.path()) {
                continue;
            }
            self.add_file(dir, entry.path());
        }
    }

    /// Adds one file under `dir`: its path relative to `dir`, then its bytes
    /// (none when it can't be read).
    pub fn add_file(&mut self, dir: &Path, path: &Path) {
        let rel = path.strip_prefix(dir).unwrap_or(path);
        self.add(rel.to_string_lossy().as_bytes());
        self.add(&std::fs::read(path).unwrap_or_default());
    }

    /// The hash as 32 hex digits.
    pub fn hex(&self) -> String {
        format!("{:032x}", self.0.digest128())
    }
}

/// The hash of one byte string, as 32 hex digits.
pub fn hash(bytes: &[u8]) -> String {
    let mut f = Fingerprint::default();
    f.add(bytes);
    f.hex()
}

/// The hash of a file's bytes (as [`hash`] of its contents); `None` when it
/// can't be read. Reads into one buffer per thread: a no-change rebuild
/// hashes every article, and a fresh allocation per file spent a third of
/// its time faulting in zeroed pages.
pub fn hash_file(path: &Path) -> Option<String> {
    use std::cell::RefCell;
    use std::io::Read;
    thread_local! {
        static BUF: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }
    BUF.with(|buf| {
        let mut buf = buf.borrow_mut();
        buf.clear();
        std::fs::File::open(path).ok()?.read_to_end(&mut buf).ok()?;
        Some(hash(&buf))
    })
}

/// What `stat` says of a file: enough to tell that it was not touched since
/// it was hashed, without reading it (size, change times, inode; as git's
/// index and make do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    len: u64,
    modified: i128,
    changed: i128,
    inode: u64,
}

impl Stamp {
    /// The stamp of the file at `path`; `None` when it can't be stat'ed.
    pub fn of(path: &Path) -> Option<Stamp> {
        Stamp::from_metadata(&std::fs::metadata(path).ok()?)
    }

    /// The stamp of a file whose metadata was read.
    pub fn from_metadata(meta: &std::fs::Metadata) -> Option<Stamp> {
        let modified = nanos(meta.modified().ok()?);
        #[cfg(unix)]
        let (changed, inode) = {
            use std::os::unix::fs::MetadataExt;
            let changed = i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec());
            (changed, meta.ino())
        };
        #[cfg(not(unix))]
        let (changed, inode) = (modified, 0);
        Some(Stamp {
            len: meta.len(),
            modified,
            changed,
            inode,
        })
    }

    /// Whether a file with this stamp could still have been written during
    /// (or after) a build that started at `started`: file times are coarse,
    /// so a write in the same tick as a build's `stat` may leave the stamp
    /// unchanged. Such a file is hashed again, as git does for "racily
    /// clean" entries.
    pub(super) fn is_racy(&self, started: i128) -> bool {
        self.modified >= started || self.changed >= started
    }
}

/// Nanoseconds since the Unix epoch (negative before it).
pub fn nanos(time: std::time::SystemTime) -> i128 {
    match time.duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::manifest::MANIFEST;
    use super::*;

    #[test]
    fn hashes_are_stable_and_corrupt_manifests_are_ignored() {
        // Pinned: the algorithm is part of the cache format.
        assert_eq!(hash(b"abc"), "45bcdc88efffd44520b986a5e7fe1438");
        assert_ne!(hash(b"abc"), hash(b"abd"));
        let dir = tempfile::tempdir().unwrap();
        let (long, short) = (dir.path().join("long"), dir.path().join("short"));
        std::fs::write(&long, "x".repeat(100_000)).unwrap();
        std::fs::write(&short, "abc").unwrap();
        // The second read reuses the first's buffer: only its bytes count.
        assert_eq!(hash_file(&long), Some(hash("x".repeat(100_000).as_bytes())));
        assert_eq!(hash_file(&short), Some(hash(b"abc")));
        assert_eq!(hash_file(&dir.path().join("missing")), None);
        let out = dir.path().join("public");
        assert_eq!(Manifest::dir(&out), dir.path().join("public.cache"));
        std::fs::create_dir_all(Manifest::dir(&out)).unwrap();
        std::fs::write(Manifest::dir(&out).join(MANIFEST), "{not json").unwrap();
        assert!(Manifest::read(&out).is_none());
        let m = Manifest {
            version: env!("CARGO_PKG_VERSION").into(),
            global: "x".into(),
            ..Manifest::default()
        };
        m.save(&out);
        let global = Manifest::read(&out).map(|m| m.global);
        assert_eq!(global.as_deref(), Some("x"));
    }

    #[test]
    fn stamps_are_trusted_only_when_taken_before_the_build_started() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.md");
        std::fs::write(&file, "abc").unwrap();
        let stamp = Stamp::of(&file);
        assert!(stamp.is_some());
        assert_eq!(Stamp::of(&dir.path().join("missing")), None);
        let cached = Cached {
            hash: hash(b"abc"),
            stamp,
            front: None,
            pages: Vec::new(),
            assets: Vec::new(),
            facts: None,
            diagnostics: Vec::new(),
            content: [0; 3],
            includes: Vec::new(),
            anchors: Default::default(),
        };
        let manifest = |started| Manifest {
            started,
            articles: BTreeMap::from([("a.md".to_string(), cached.clone())]),
            ..Manifest::default()
        };
        let later = nanos(std::time::SystemTime::now()) + 1_000_000_000;
        assert!(manifest(later).unchanged("a.md", stamp).is_some());
        // Written while (or after) that build ran: hashed again.
        assert!(manifest(0).unchanged("a.md", stamp).is_none());
        std::fs::write(&file, "abd").unwrap();
        assert!(manifest(later)
            .unchanged("a.md", Stamp::of(&file))
            .is_none());
        assert!(manifest(later).unchanged("b.md", stamp).is_none());
        // Encoded entry by entry, read back whole.
        let out = dir.path().join("public");
        let mut m = manifest(later);
        m.version = env!("CARGO_PKG_VERSION").into();
        m.global = "g".into();
        m.shared = vec!["index.html".into()];
        m.save(&out);
        let back = Manifest::read(&out).unwrap();
        assert_eq!(back.encode(), m.encode());
        assert_eq!(back.articles["a.md"].stamp, stamp);
        assert_eq!(back.started, later);
    }
}
