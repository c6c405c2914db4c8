//! The incremental part of `locdoc build`: which articles can be reused
//! from the last build ([`Plan`]), reusing them, and the fingerprint of the
//! inputs every page shares. See [`crate::cache`] for the manifest.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::mpsc::SyncSender;

use rayon::prelude::*;

use super::{count_pages, Done, Outcome};
use crate::cache::{self, Cached, Fingerprint, Manifest, Stamp};
use crate::config;
use crate::content::{self, Source, Tree};
use crate::diag::Diagnostic;
use crate::extract;
use crate::render::Entry;
use crate::sxs;
use crate::write::{Item, Stats};

/// Which articles to render and which to reuse from the previous build.
pub(super) struct Plan<'a> {
    pub(super) jobs: Vec<Job<'a>>,
    /// The previous build's shared files, when nothing changed at all.
    pub(super) everything: Option<&'a [String]>,
    /// What the previous output holds, when nothing changed at all (it then
    /// holds exactly the files of the previous build).
    pub(super) unchanged: Option<Stats>,
    /// Whether every article's stamp could be trusted (none was read to be
    /// hashed). When not, even a no-change build writes a new manifest, so
    /// that a touched but unchanged file is not hashed on every build.
    stamps_trusted: bool,
    pub(super) out: &'a Path,
}

/// One article file, its hash (empty until it is read when there is no
/// previous build), and what it produced last time if that can be reused
/// (same bytes, same shared inputs, files still there).
pub(super) struct Job<'a> {
    pub(super) source: &'a Source,
    /// The file's stamp before it was read.
    pub(super) stamp: Option<Stamp>,
    /// Whether the stamp is the one the previous build hashed (the file was
    /// then not read again).
    trusted: bool,
    pub(super) hash: String,
    pub(super) cached: Option<&'a Cached>,
    /// The findings of `cached`, restored (a cached entry whose findings
    /// can't be restored is not reused).
    restored: Vec<Diagnostic>,
}

impl<'a> Plan<'a> {
    pub(super) fn new(
        sources: &'a [Source],
        stamps: &[Option<Stamp>],
        previous: Option<&'a Manifest>,
        out: &'a Path,
    ) -> Plan<'a> {
        let jobs: Vec<Job> = sources
            .par_iter()
            .zip(stamps)
            .map(|(source, &stamp)| {
                // Without a previous build nothing can be reused: the file is
                // hashed when it is read for rendering, not read twice. With
                // one, a file whose stamp is unchanged is not read at all.
                let known = previous.and_then(|m| m.unchanged(&source.rel, stamp));
                let hash = match (previous, known) {
                    (_, Some(cached)) => cached.hash.clone(),
                    (Some(_), None) => cache::hash_file(&source.path).unwrap_or_default(),
                    (None, None) => String::new(),
                };
                let reusable = previous
                    .and_then(|m| m.articles.get(&source.rel))
                    .filter(|c| !hash.is_empty() && c.hash == hash)
                    .and_then(|c| Some((c, cache::restore_all(&c.diagnostics)?)));
                let (cached, restored) = match reusable {
                    Some((c, restored)) => (Some(c), restored),
                    None => (None, Vec::new()),
                };
                Job {
                    source,
                    stamp,
                    trusted: known.is_some(),
                    hash,
                    cached,
                    restored,
                }
            })
            .collect();
        let mut jobs = jobs;
        if let Some(previous) = previous {
            forget_changed_includes(&mut jobs, previous);
        }
        let everything = previous
            .filter(|m| m.articles.len() == sources.len())
            .filter(|_| jobs.iter().all(|j| j.cached.is_some()))
            .map(|m| m.shared.as_slice());
        let stamps_trusted = previous.is_some() && jobs.iter().all(|j| j.trusted);
        let mut plan = Plan {
            jobs,
            everything,
            unchanged: None,
            stamps_trusted,
            out,
        };
        // Nothing changed: one walk of the output confirms that it still holds
        // exactly the previous build's files. Otherwise each reused article's
        // files must still be there.
        if plan.everything.is_some() {
            plan.unchanged = cache::output::verify(out, &plan.files()).map(|v| v.stats);
        }
        if plan.unchanged.is_none() {
            plan.everything = None;
            plan.jobs.par_iter_mut().for_each(|job| {
                if job
                    .cached
                    .is_some_and(|c| !all_exist(out, c.pages.iter().chain(&c.assets)))
                {
                    job.cached = None;
                }
            });
        }
        plan
    }
}

/// Renders again every article that includes an article file that is
/// rendered again (changed, new or gone; a file that was no article then
/// and is none now did not change): its pages show that file's body.
/// An article's includes are recorded transitively, so one pass suffices.
/// (Included files that are not articles count in [`fingerprint`].)
fn forget_changed_includes(jobs: &mut [Job], previous: &Manifest) {
    let includes = |j: &Job| j.cached.is_some_and(|c| !c.includes.is_empty());
    if !jobs.iter().any(includes) {
        return; // most doc sets: no sets of the whole tree to build
    }
    let kept: BTreeSet<&str> = jobs
        .iter()
        .filter(|j| j.cached.is_some())
        .map(|j| j.source.rel.as_str())
        .collect();
    let articles: BTreeSet<&str> = jobs.iter().map(|j| j.source.rel.as_str()).collect();
    let changed: Vec<usize> = (jobs.iter().enumerate())
        .filter(|(_, j)| {
            j.cached.is_some_and(|c| {
                c.includes.iter().any(|rel| {
                    let rel = rel.as_str();
                    let was = previous.articles.contains_key(rel);
                    !kept.contains(rel) && (articles.contains(rel) || was)
                })
            })
        })
        .map(|(i, _)| i)
        .collect();
    for i in changed {
        jobs[i].cached = None;
    }
}

impl Plan<'_> {
    /// Whether the previous manifest is kept as it is: nothing changed, and
    /// no article had to be hashed again.
    pub(super) fn keeps_manifest(&self) -> bool {
        self.unchanged.is_some() && self.stamps_trusted
    }

    /// Every file of the previous build that this one reuses.
    pub(super) fn files(&self) -> BTreeSet<&str> {
        let cached = self.jobs.iter().filter_map(|j| j.cached);
        let articles = cached.flat_map(|c| c.pages.iter().chain(&c.assets));
        let shared = self.everything.into_iter().flatten();
        articles.chain(shared).map(String::as_str).collect()
    }
}

fn all_exist<'s>(out: &Path, mut files: impl Iterator<Item = &'s String>) -> bool {
    files.all(|f| out.join(f).is_file())
}

/// Nothing changed: the previous indexes, sitemap and entitlements stay
/// where they are (the output is kept as it is).
pub(super) fn reuse_shared(shared: &[String], outcome: &mut Outcome) -> Vec<String> {
    outcome.reuse.everything = true;
    let html = shared
        .iter()
        .map(String::as_str)
        .filter(|p| p.ends_with(".html"));
    count_pages(&mut outcome.pages, html);
    shared.to_vec()
}

/// An unchanged article: its files are linked from the previous output and
/// its findings and facts come from the cache. Unless nothing changed at
/// all (the output is then kept as it is: nothing to link, nothing to
/// merge), it is parsed again for its entitlements (which
/// `entitlements.json` merges across articles).
pub(super) fn reuse(job: &Job, cached: &Cached, plan: &Plan, tx: &mut SyncSender<Item>) -> Done {
    let source = job.source;
    let extracted = if plan.everything.is_some() || cached.facts.is_none() {
        None
    } else {
        content::read(source).ok().map(|text| {
            let parsed = sxs::parse(&source.rel, source.locale.clone(), &source.slug, &text);
            extract::article(&parsed.article)
        })
    };
    if plan.everything.is_none() {
        for path in cached.pages.iter().chain(&cached.assets) {
            let _ = tx.send(Item::Link {
                from: plan.out.join(path),
                path: path.clone(),
            });
        }
    }
    Done {
        rel: source.rel.clone(),
        hash: job.hash.clone(),
        assets: cached.assets.clone(),
        reused: true,
        facts: cached.facts.clone(),
        extracted,
        diagnostics: job.restored.clone(),
        content: cache::counts_from(cached.content),
        pages: cached.pages.clone(),
        includes: cached.includes.clone(),
        anchors: cached.anchors.clone(),
    }
}

/// Fingerprint of what every page depends on: this version and this
/// program, `locdoc.toml`, templates, interface text, the content files
/// that are not articles (images, includes) and every article's front
/// matter (the catalog).
pub(super) fn fingerprint(root: &Path, content: &Path, tree: &Tree, entries: &[Entry]) -> String {
    let mut f = Fingerprint::default();
    f.add(env!("CARGO_PKG_VERSION").as_bytes());
    f.add(program().as_bytes());
    f.add(&std::fs::read(root.join(config::FILE)).unwrap_or_default());
    f.add_dir(&root.join("templates"), |_| true);
    f.add_dir(&root.join("locales"), |_| true);
    for path in &tree.others {
        f.add_file(content, path);
    }
    for e in entries {
        let handoff = e.handoff.map(|d| d.to_string()).unwrap_or_default();
        for field in [&e.rel, &e.description, &handoff] {
            f.add(field.as_bytes());
        }
        f.add(e.title.as_deref().unwrap_or("\u{0}none").as_bytes());
        f.add(e.version.as_deref().unwrap_or("\u{0}none").as_bytes());
        f.add(&[u8::from(e.machine)]);
    }
    f.hex()
}

/// The stamp of the running program (size, times, inode), so that a build
/// of another binary of the same version (a local fix, a development
/// build) renders every page again rather than reusing what the previous
/// binary rendered. Empty when the program can't be found.
fn program() -> String {
    let stamp = std::env::current_exe().ok().and_then(|exe| Stamp::of(&exe));
    stamp.map(|s| format!("{s:?}")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The program is found and its stamp is the same from call to call
    /// (a build of the same binary keeps its cache).
    #[test]
    fn the_program_has_a_stable_stamp() {
        let stamp = program();
        assert!(stamp.starts_with("Stamp {"), "{stamp}");
        assert_eq!(stamp, program());
    }
}
