//! What the cache remembers of the output directory itself
//! (`<out>.cache/output.json`): the stamp (modification time, inode) of
//! every directory of the site, taken after the output was last found to
//! hold exactly the files of the last build.
//!
//! A build that changes nothing must still make sure the output holds those
//! files and no others. Listing every directory costs five system calls per
//! directory and one per file (`openat`, `fstat`, `getdents64` twice,
//! `close`, `statx`): a site is one directory per page, and at 634 articles
//! that walk was ~40 % of a no-change build. Adding, removing or renaming
//! an entry changes its directory's modification time, so a directory whose
//! stamp is the one taken last time still holds the same names: one `statx`
//! per directory. A directory whose stamp differs, or was taken too soon
//! after it last changed to be told apart from a later change (file times
//! are coarse), is listed and compared name by name, as make and git do for
//! "racily clean" files.
//!
//! Like the walk it replaces, this vouches for the names in the output, not
//! for the bytes of files edited in place.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::{nanos, replace, Fingerprint, Manifest, Stamp};
use crate::write::{self, Stats};

/// Name of the stamps file inside the cache directory.
const OUTPUT: &str = "output.json";

/// The stamps of the output's directories and what the output held.
#[derive(Debug, Serialize, Deserialize)]
struct Stamps {
    /// Hash of the file list the stamps vouch for (sorted, as a
    /// [`Fingerprint`] of the paths).
    files_hash: String,
    /// When the stamps were taken (before the first `stat`), in
    /// nanoseconds since the Unix epoch.
    stamped: i128,
    /// Files in the output.
    files: usize,
    /// Their bytes.
    bytes: u64,
    /// Every directory (root-relative, `""` for the output itself) with its
    /// stamp (size, modification and change times, inode).
    dirs: Vec<(String, Stamp)>,
}

/// How a [`verify`] went: the output's totals, and how many directories
/// had to be listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verified {
    pub stats: Stats,
    pub listed: usize,
}

/// The files and bytes of `out` if it holds exactly the files `expected`
/// (root-relative) and nothing else but their directories; `None`
/// otherwise. Uses the stamps of the last verification where they can be
/// trusted and refreshes them when it had to list directories.
pub fn verify(out: &Path, expected: &BTreeSet<&str>) -> Option<Verified> {
    let dirs = dirs_of(expected);
    let mut list = Fingerprint::default();
    expected.iter().for_each(|file| list.add(file.as_bytes()));
    let files_hash = list.hex();
    let stored = std::fs::read(Manifest::dir(out).join(OUTPUT))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Stamps>(&bytes).ok())
        .filter(|s| s.files_hash == files_hash && s.dirs.len() == dirs.len());
    let stamped = nanos(std::time::SystemTime::now());
    let Some(stored) = stored else {
        // No stamps to go by: every directory is listed (and stamped first,
        // so that a change made while listing is seen next time).
        let stamps = stamp_all(out, &dirs);
        let stats = write::unchanged(out, expected)?;
        if let Some(dirs) = stamps {
            save(out, &files_hash, stamped, stats, dirs);
        }
        return Some(Verified {
            stats,
            listed: dirs.len(),
        });
    };
    let known: BTreeMap<&str, Stamp> = stored.dirs.iter().map(|(d, s)| (d.as_str(), *s)).collect();
    let children = children_of(expected, &dirs);
    let checked: Vec<((String, Stamp), bool)> = dirs
        .par_iter()
        .map(|&dir| {
            let now = stamp(&out.join(dir))?;
            let trusted = known.get(dir) == Some(&now) && !is_racy(&now, stored.stamped);
            let listed = !trusted;
            if listed && !holds(out, dir, expected, &dirs, &children) {
                return None;
            }
            Some(((dir.to_string(), now), listed))
        })
        .collect::<Option<_>>()?;
    let listed = checked.iter().filter(|(_, l)| *l).count();
    let stats = Stats {
        files: stored.files,
        bytes: stored.bytes,
    };
    if listed > 0 {
        save(
            out,
            &files_hash,
            stamped,
            stats,
            checked.into_iter().map(|(d, _)| d).collect(),
        );
    }
    Some(Verified { stats, listed })
}

/// Removes the stamps of `out` (its files are about to change).
pub fn forget(out: &Path) {
    let _ = std::fs::remove_file(Manifest::dir(out).join(OUTPUT));
}

/// Whether a directory with this stamp may have changed again within the
/// same tick of the file system's clock after being stamped at `stamped`.
fn is_racy(dir: &Stamp, stamped: i128) -> bool {
    changed_too_late(dir.modified, stamped) || changed_too_late(dir.changed, stamped)
}

/// Whether `time` is within a tick of the file system's clock of
/// `stamped`. File times lag the clock by up to a tick (a few ms on ext4,
/// whose times have nanoseconds); times in whole seconds come from a file
/// system that keeps only those (ext4 with small inodes, FAT: 2 s).
fn changed_too_late(time: i128, stamped: i128) -> bool {
    const NS: i128 = 1_000_000_000;
    let margin = if time % NS == 0 { 2 * NS } else { NS / 20 };
    time + margin > stamped
}

/// Every directory holding an expected file, with its ancestors; `""` is
/// the output itself.
fn dirs_of<'a>(expected: &BTreeSet<&'a str>) -> BTreeSet<&'a str> {
    let mut dirs = BTreeSet::from([""]);
    for file in expected {
        let mut path = *file;
        while let Some((parent, _)) = path.rsplit_once('/') {
            if !dirs.insert(parent) {
                break;
            }
            path = parent;
        }
    }
    dirs
}

/// How many entries (files and directories) each directory holds.
fn children_of<'a>(
    expected: &BTreeSet<&'a str>,
    dirs: &BTreeSet<&'a str>,
) -> BTreeMap<&'a str, usize> {
    let mut children = BTreeMap::new();
    let paths = expected.iter().chain(dirs.iter().filter(|d| !d.is_empty()));
    for path in paths {
        let parent = path.rsplit_once('/').map_or("", |(p, _)| p);
        *children.entry(parent).or_insert(0) += 1;
    }
    children
}

/// Whether the directory `dir` of `out` holds exactly the expected files
/// and directories that sit directly in it.
fn holds(
    out: &Path,
    dir: &str,
    expected: &BTreeSet<&str>,
    dirs: &BTreeSet<&str>,
    children: &BTreeMap<&str, usize>,
) -> bool {
    let Ok(entries) = std::fs::read_dir(out.join(dir)) else {
        return false;
    };
    let mut count = 0;
    for entry in entries {
        let Ok(entry) = entry else {
            return false;
        };
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            return false;
        };
        let rel = write::child(dir, name);
        let kind = entry.file_type().ok();
        let known = match kind {
            Some(k) if k.is_dir() => dirs.contains(rel.as_str()),
            Some(k) if k.is_file() => expected.contains(rel.as_str()),
            _ => false,
        };
        if !known {
            return false;
        }
        count += 1;
    }
    children.get(dir).copied().unwrap_or(0) == count
}

/// The stamps of every directory; `None` if one can't be taken.
fn stamp_all(out: &Path, dirs: &BTreeSet<&str>) -> Option<Vec<(String, Stamp)>> {
    dirs.par_iter()
        .map(|&dir| stamp(&out.join(dir)).map(|s| (dir.to_string(), s)))
        .collect()
}

/// A directory's stamp (not following links); `None` if it is not a
/// directory.
fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    meta.is_dir().then(|| Stamp::from_metadata(&meta)).flatten()
}

/// Writes the stamps; failures are ignored: the next build then lists
/// every directory.
fn save(out: &Path, files_hash: &str, stamped: i128, stats: Stats, dirs: Vec<(String, Stamp)>) {
    let stamps = Stamps {
        files_hash: files_hash.to_string(),
        stamped,
        files: stats.files,
        bytes: stats.bytes,
        dirs,
    };
    if let Ok(json) = serde_json::to_vec(&stamps) {
        replace(&Manifest::dir(out), OUTPUT, &json);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An output of three pages, written a moment ago.
    fn site() -> (tempfile::TempDir, std::path::PathBuf, Vec<&'static str>) {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let files = vec!["index.html", "ko-kr/a/index.html", "ko-kr/b/index.html"];
        for f in &files {
            let path = out.join(f);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "page").unwrap();
        }
        age(&out);
        (tmp, out, files)
    }

    /// Waits until the directories' last changes are a tick of the file
    /// system's clock in the past (as after any build but the last few
    /// milliseconds' one).
    fn age(out: &Path) {
        let dirs = ["", "ko-kr", "ko-kr/a", "ko-kr/b"].map(|d| stamp(&out.join(d)).unwrap());
        while dirs
            .iter()
            .any(|d| is_racy(d, nanos(std::time::SystemTime::now())))
        {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }

    #[test]
    fn trusted_stamps_list_nothing_and_changes_are_seen() {
        let (_tmp, out, files) = site();
        let expected: BTreeSet<&str> = files.iter().copied().collect();
        let stats = Stats {
            files: 3,
            bytes: 12,
        };
        // First time: every directory is listed, then stamped.
        let first = verify(&out, &expected).unwrap();
        assert_eq!(first, Verified { stats, listed: 4 });
        // Then: one stat per directory.
        assert_eq!(verify(&out, &expected), Some(Verified { stats, listed: 0 }));
        // A file the build did not write.
        std::fs::write(out.join("ko-kr/a/stray.html"), "x").unwrap();
        assert_eq!(verify(&out, &expected), None);
        // Removed again: that directory is listed, found as expected, and
        // stamped anew.
        std::fs::remove_file(out.join("ko-kr/a/stray.html")).unwrap();
        assert_eq!(verify(&out, &expected), Some(Verified { stats, listed: 1 }));
        // A page that is gone, and a directory in place of a page.
        std::fs::remove_file(out.join("ko-kr/b/index.html")).unwrap();
        assert_eq!(verify(&out, &expected), None);
        std::fs::create_dir(out.join("ko-kr/b/index.html")).unwrap();
        assert_eq!(verify(&out, &expected), None);
    }

    #[test]
    fn another_file_list_or_a_new_output_is_listed_again() {
        let (_tmp, out, files) = site();
        let expected: BTreeSet<&str> = files.iter().copied().collect();
        verify(&out, &expected).unwrap();
        let fewer: BTreeSet<&str> = files.iter().copied().skip(1).collect();
        assert_eq!(verify(&out, &fewer), None);
        // The output replaced by a fresh copy (new inodes): listed, and
        // found to hold the same names.
        let copy = out.with_file_name("copy");
        std::fs::rename(&out, &copy).unwrap();
        for f in &files {
            let path = out.join(f);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::copy(copy.join(f), path).unwrap();
        }
        age(&out);
        assert_eq!(verify(&out, &expected).map(|v| v.listed), Some(4));
        forget(&out);
        assert!(!Manifest::dir(&out).join(OUTPUT).exists());
    }

    #[test]
    fn recent_changes_are_racy() {
        let now = nanos(std::time::SystemTime::now());
        assert!(changed_too_late(now - 1_000_000, now));
        assert!(!changed_too_late(now - 1_000_000_000, now));
        // Whole seconds: a coarse file system.
        let second = now - now % 1_000_000_000 - 1_000_000_000;
        assert!(changed_too_late(second, second + 1_500_000_000));
        assert!(!changed_too_late(second, second + 3_000_000_000));
    }
}
