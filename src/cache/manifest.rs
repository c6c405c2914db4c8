//! The manifest of the last build (`<out>.cache/manifest.json`): read,
//! written whole, or staged while a build's last files are written.
//!
//! It is JSON Lines: a header (`version`, `started`, `global`), one
//! `[path, entry]` line per article in path order, and the shared files
//! last. Compact JSON never holds a raw newline, so the lines split without
//! parsing, and the articles (most of a manifest: 1.8 MB at 634 articles)
//! are parsed on all cores; a no-change build spent a third of its time
//! parsing the manifest as one document.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Cached, Stamp};

/// Name of the manifest inside the cache directory.
pub(super) const MANIFEST: &str = "manifest.json";

/// The last build, as remembered.
#[derive(Debug, Default)]
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

    /// The manifest of `out`'s last build, if it is readable and was
    /// written by this version (whatever its global fingerprint).
    pub fn read(out: &Path) -> Option<Manifest> {
        let text = std::fs::read(Self::dir(out).join(MANIFEST)).ok()?;
        Self::decode(&text)
    }

    /// Parses a manifest as [`Manifest::encode`] writes it; `None` if it is
    /// not one, or from another version.
    fn decode(text: &[u8]) -> Option<Manifest> {
        let mut lines = text.strip_suffix(b"\n")?.split(|&b| b == b'\n');
        let header: Header = serde_json::from_slice(lines.next()?).ok()?;
        if header.version != env!("CARGO_PKG_VERSION") {
            return None;
        }
        let Tail { shared } = serde_json::from_slice(lines.next_back()?).ok()?;
        let lines: Vec<&[u8]> = lines.collect();
        let articles = lines
            .par_iter()
            .map(|line| serde_json::from_slice::<(String, Cached)>(line).ok())
            .collect::<Option<Vec<_>>>()?;
        Some(Manifest {
            version: header.version,
            started: header.started,
            global: header.global,
            articles: articles.into_iter().collect(),
            shared,
        })
    }

    /// Removes the manifest of `out`, so that a build interrupted after
    /// changing the output is never taken for the one the manifest describes.
    pub fn forget(out: &Path) {
        let _ = std::fs::remove_file(Self::dir(out).join(MANIFEST));
    }

    /// Writes the manifest (through a temporary file); failures are ignored:
    /// the next build is then a clean one.
    pub fn save(&self, out: &Path) {
        if let Some(json) = self.encode() {
            super::replace(&Self::dir(out), MANIFEST, &json);
        }
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
        let header = Header {
            version: version.to_string(),
            started,
            global: global.to_string(),
        };
        out.write_all(&json(&header))?;
        out.write_all(b"\n")?;
        for (rel, article) in &articles {
            out.write_all(b"[")?;
            out.write_all(&json(rel))?;
            out.write_all(b",")?;
            out.write_all(article)?;
            out.write_all(b"]\n")?;
        }
        Ok(())
    }

    /// The last line of the manifest after [`Manifest::write_articles`]:
    /// the shared files (known only at the very end of a build).
    fn shared_tail(shared: &[String]) -> Vec<u8> {
        let mut out = json(&Tail {
            shared: shared.to_vec(),
        });
        out.push(b'\n');
        out
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
        let tmp = super::tmp_path(&dir, MANIFEST);
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
        super::put_in_place(&self.dir, MANIFEST, &self.tmp, written);
    }

    /// Abandons the manifest (the build failed).
    pub fn discard(self) {
        drop(self.file);
        let _ = std::fs::remove_file(&self.tmp);
    }
}

/// The first line of a manifest.
#[derive(Serialize, Deserialize)]
struct Header {
    version: String,
    started: i128,
    global: String,
}

/// The last line of a manifest.
#[derive(Serialize, Deserialize)]
struct Tail {
    shared: Vec<String>,
}

/// A value as compact JSON (`null` if it can't be).
fn json<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_else(|_| b"null".to_vec())
}
