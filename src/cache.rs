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

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use chrono::NaiveDate;

use crate::content::Source;
use crate::diag::{Code, Counts, Diagnostic, Severity};
use crate::model::front::FrontMatter;
use crate::render::{Entry, Facts};

/// Name of the manifest inside the cache directory.
const MANIFEST: &str = "manifest.json";

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
        let meta = std::fs::metadata(path).ok()?;
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
    fn is_racy(&self, started: i128) -> bool {
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

/// The last build, as remembered.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    /// `locdoc` version that wrote it.
    pub version: String,
    /// When that build started, in nanoseconds since the Unix epoch: file
    /// stamps taken then are trusted only for files last changed before.
    pub started: i128,
    /// Fingerprint of templates, interface text, config, content files other
    /// than articles, and the catalog (every article's front matter).
    pub global: String,
    /// Per article file (path relative to the content dir).
    pub articles: BTreeMap<String, Cached>,
    /// Output files not owned by one article (indexes, sitemap, assets, …).
    pub shared: Vec<String>,
}

/// What one article produced.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Cached {
    /// Hash of the file's bytes.
    pub hash: String,
    /// The file's stamp when it was hashed.
    pub stamp: Option<Stamp>,
    /// Its front matter, as the catalog needs it; `None` when unreadable.
    pub front: Option<Front>,
    /// Pages, root-relative.
    pub pages: Vec<String>,
    /// Copied images, root-relative.
    pub assets: Vec<String>,
    /// What the indexes need; `None` when the article rendered no page.
    pub facts: Option<Facts>,
    /// Site findings of its pages, and extraction findings.
    pub diagnostics: Vec<CachedDiagnostic>,
    /// `check` findings counted: errors, warnings, infos.
    pub content: [usize; 3],
}

/// What the catalog reads of an article's front matter ([`Entry`] less
/// what its path says).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Front {
    title: String,
    description: String,
    version: Option<String>,
    handoff: Option<NaiveDate>,
    machine: bool,
}

impl Front {
    /// The stored part of `entry`.
    pub fn of(entry: &Entry) -> Front {
        Front {
            title: entry.title.clone(),
            description: entry.description.clone(),
            version: entry.version.clone(),
            handoff: entry.handoff,
            machine: entry.machine,
        }
    }

    /// What the catalog reads of an article's parsed front matter: a blank
    /// or missing title is the slug.
    pub fn read(front: FrontMatter, slug: &str) -> Front {
        Front {
            machine: front.is_machine_translated(),
            title: front
                .title
                .filter(|t| !t.trim().is_empty())
                .unwrap_or_else(|| slug.to_string()),
            description: front.description.unwrap_or_default(),
            version: front.source_version,
            handoff: front.handoff,
        }
    }

    /// The catalog entry of `source` with this front matter.
    pub fn into_entry(self, source: &Source) -> Entry {
        Entry {
            locale: source.locale.clone(),
            slug: source.slug.clone(),
            rel: source.rel.clone(),
            path: source.path.clone(),
            title: self.title,
            description: self.description,
            version: self.version,
            handoff: self.handoff,
            machine: self.machine,
        }
    }
}

impl Manifest {
    /// What is stored of `rel`, if its file still has the stamp it had when
    /// it was hashed and was not changed while that build ran.
    pub fn unchanged(&self, rel: &str, stamp: Option<Stamp>) -> Option<&Cached> {
        let cached = self.articles.get(rel)?;
        let stored = cached.stamp?;
        (Some(stored) == stamp && !stored.is_racy(self.started)).then_some(cached)
    }

    /// Where the cache of the output `out` lives: `<out>.cache/`.
    pub fn dir(out: &Path) -> PathBuf {
        let mut name = out.file_name().unwrap_or_default().to_os_string();
        if name.is_empty() {
            name.push("public");
        }
        name.push(".cache");
        out.with_file_name(name)
    }

    /// The manifest of `out`'s last build and its bytes, if it is readable
    /// and was written by this version (whatever its global fingerprint).
    pub fn read(out: &Path) -> Option<(Manifest, Vec<u8>)> {
        let text = std::fs::read(Self::dir(out).join(MANIFEST)).ok()?;
        let manifest: Manifest = serde_json::from_slice(&text).ok()?;
        (manifest.version == env!("CARGO_PKG_VERSION")).then_some((manifest, text))
    }

    /// Removes the manifest of `out`, so that a build interrupted after
    /// changing the output is never taken for the one the manifest describes.
    pub fn forget(out: &Path) {
        let _ = std::fs::remove_file(Self::dir(out).join(MANIFEST));
    }

    /// Writes the manifest (through a temporary file); failures are ignored:
    /// the next build is then a clean one.
    pub fn save(&self, out: &Path) {
        Self::save_encoded(out, self.encode());
    }

    /// The manifest as written by [`Manifest::save`]; `None` if it can't be.
    pub fn encode(&self) -> Option<Vec<u8>> {
        let entries = self
            .articles
            .iter()
            .map(|(rel, cached)| Some((rel.clone(), cached.encode()?)))
            .collect::<Option<Vec<_>>>()?;
        let mut out = Vec::new();
        Self::write_articles(&mut out, &self.version, &self.global, self.started, entries).ok()?;
        out.extend_from_slice(&Self::shared_tail(&self.shared));
        Some(out)
    }

    /// Writes the manifest up to its shared files, from articles encoded
    /// one by one (by [`Cached::encode`], on the threads that rendered
    /// them), sorted here by path; [`Manifest::shared_tail`] completes it.
    fn write_articles(
        out: &mut impl Write,
        version: &str,
        global: &str,
        started: i128,
        mut articles: Vec<(String, Vec<u8>)>,
    ) -> std::io::Result<()> {
        articles.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        out.write_all(b"{\"version\":")?;
        out.write_all(&json(version))?;
        out.write_all(b",\"started\":")?;
        out.write_all(&json(&started))?;
        out.write_all(b",\"global\":")?;
        out.write_all(&json(global))?;
        out.write_all(b",\"articles\":{")?;
        for (i, (rel, article)) in articles.iter().enumerate() {
            if i > 0 {
                out.write_all(b",")?;
            }
            out.write_all(&json(rel))?;
            out.write_all(b":")?;
            out.write_all(article)?;
        }
        Ok(())
    }

    /// The end of the manifest after [`Manifest::write_articles`]: the
    /// shared files (known only at the very end of a build).
    fn shared_tail(shared: &[String]) -> Vec<u8> {
        let mut out = b"},\"shared\":".to_vec();
        out.extend_from_slice(&json(shared));
        out.push(b'}');
        out
    }

    /// The temporary file a manifest of `dir` is written into before it is
    /// put in place.
    fn tmp(dir: &Path) -> PathBuf {
        dir.join(format!("{MANIFEST}.tmp-{}", std::process::id()))
    }

    /// Puts `tmp` in place as the manifest of `dir` if it was `written`;
    /// otherwise, or if that fails, leaves no manifest at all (the next
    /// build is then a clean one).
    fn put_in_place(dir: &Path, tmp: &Path, written: bool) {
        if !written || std::fs::rename(tmp, dir.join(MANIFEST)).is_err() {
            let _ = std::fs::remove_file(tmp);
            let _ = std::fs::remove_file(dir.join(MANIFEST));
        }
    }

    /// Starts writing the manifest of the build of `out` into a temporary
    /// file beside it, articles first, while the build's last files are
    /// written: [`Staged::commit`] adds the shared files and puts it in
    /// place once the build is.
    pub fn stage(
        out: &Path,
        version: &str,
        global: &str,
        started: i128,
        articles: Vec<(String, Vec<u8>)>,
    ) -> Staged {
        let dir = Self::dir(out);
        let tmp = Self::tmp(&dir);
        let file = std::fs::create_dir_all(&dir)
            .and_then(|()| std::fs::File::create(&tmp))
            .ok();
        let mut file = file.map(|f| std::io::BufWriter::with_capacity(1 << 16, f));
        if let Some(w) = file.as_mut() {
            if Self::write_articles(w, version, global, started, articles).is_err() {
                file = None;
            }
        }
        Staged { dir, tmp, file }
    }

    /// [`Manifest::save`] of a manifest encoded earlier.
    pub fn save_encoded(out: &Path, encoded: Option<Vec<u8>>) {
        let Some(json) = encoded else {
            return;
        };
        let dir = Self::dir(out);
        let tmp = Self::tmp(&dir);
        let written = std::fs::create_dir_all(&dir).is_ok() && std::fs::write(&tmp, json).is_ok();
        Self::put_in_place(&dir, &tmp, written);
    }
}

/// A manifest being written ([`Manifest::stage`]); not in place until
/// [`Staged::commit`], and removed by [`Staged::discard`]. Failures are
/// ignored, as by [`Manifest::save`]: the next build is then a clean one.
pub struct Staged {
    dir: PathBuf,
    tmp: PathBuf,
    /// `None` once a write failed.
    file: Option<std::io::BufWriter<std::fs::File>>,
}

impl Staged {
    /// Adds the shared files and puts the manifest in place.
    pub fn commit(self, shared: &[String]) {
        let written = self.file.is_some_and(|mut w| {
            w.write_all(&Manifest::shared_tail(shared)).is_ok() && w.into_inner().is_ok()
        });
        Manifest::put_in_place(&self.dir, &self.tmp, written);
    }

    /// Abandons the manifest (the build failed).
    pub fn discard(self) {
        drop(self.file);
        let _ = std::fs::remove_file(&self.tmp);
    }
}

/// Counts as stored.
pub fn counts_to(c: Counts) -> [usize; 3] {
    [c.errors, c.warnings, c.infos]
}

/// Counts from storage.
pub fn counts_from(c: [usize; 3]) -> Counts {
    let [errors, warnings, infos] = c;
    Counts {
        errors,
        warnings,
        infos,
    }
}

impl Cached {
    /// This article's entry of the manifest (see [`Manifest::stage`]).
    pub fn encode(&self) -> Option<Vec<u8>> {
        serde_json::to_vec(self).ok()
    }
}

/// A value as compact JSON (`null` if it can't be).
fn json<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_else(|_| b"null".to_vec())
}

/// A [`Diagnostic`] as stored (codes and severities by name).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CachedDiagnostic {
    code: String,
    severity: String,
    file: String,
    line: u32,
    column: u32,
    locale: Option<String>,
    segment: Option<String>,
    message: String,
    hint: Option<String>,
    snippet: Option<String>,
}

impl From<&Diagnostic> for CachedDiagnostic {
    fn from(d: &Diagnostic) -> Self {
        CachedDiagnostic {
            code: d.code.as_str().to_string(),
            severity: d.severity.as_str().to_string(),
            file: d.file.clone(),
            line: d.line,
            column: d.column,
            locale: d.locale.clone(),
            segment: d.segment.clone(),
            message: d.message.clone(),
            hint: d.hint.clone(),
            snippet: d.snippet.clone(),
        }
    }
}

impl CachedDiagnostic {
    /// The diagnostic; `None` for a code or severity this version lacks.
    pub fn restore(&self) -> Option<Diagnostic> {
        let code = *Code::ALL.iter().find(|c| c.as_str() == self.code)?;
        let severity = [Severity::Info, Severity::Warning, Severity::Error]
            .into_iter()
            .find(|s| s.as_str() == self.severity)?;
        Some(Diagnostic {
            code,
            severity,
            file: self.file.clone(),
            line: self.line,
            column: self.column,
            locale: self.locale.clone(),
            segment: self.segment.clone(),
            message: self.message.clone(),
            hint: self.hint.clone(),
            snippet: self.snippet.clone(),
        })
    }
}

/// Restores stored diagnostics; `None` if any can't be.
pub fn restore_all(stored: &[CachedDiagnostic]) -> Option<Vec<Diagnostic>> {
    stored.iter().map(CachedDiagnostic::restore).collect()
}

/// Stores diagnostics.
pub fn store_all(diagnostics: &[Diagnostic]) -> Vec<CachedDiagnostic> {
    diagnostics.iter().map(CachedDiagnostic::from).collect()
}

#[cfg(test)]
mod tests {
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
        let global = Manifest::read(&out).map(|(m, _)| m.global);
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
        let (back, _) = Manifest::read(&out).unwrap();
        assert_eq!(back.encode(), m.encode());
        assert_eq!(back.articles["a.md"].stamp, stamp);
        assert_eq!(back.started, later);
    }
}
