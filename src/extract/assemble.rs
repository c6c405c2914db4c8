//! `entitlements.json` assembled while a tree is still being read: each
//! article's locales are merged and serialized as soon as the last of them
//! is extracted, on the thread that extracted it, and only the article's
//! JSON text is kept — in memory, or past a budget in temporary files
//! ([`Assembler::spilling`]: ~185 MB of text at 10k files). The finished
//! document is byte for byte what [`super::to_json_bytes`] writes for
//! [`super::merge`] of every file at once, but no thread waits for the
//! merge at the end, and neither the per-file facts of the whole tree nor
//! the whole text are held together.
//!
//! ```
//! use locdoc::extract::{self, Assembler, ArticleFacts};
//! let facts = |locale: &str| ArticleFacts {
//!     slug: "a".into(),
//!     locale: locale.into(),
//!     ..ArticleFacts::default()
//! };
//! let assembler = Assembler::new(["a", "a"]);
//! assembler.add("a", Some(facts("ko-KR")));
//! assembler.add("a", Some(facts("ru-RU")));
//! let all = extract::merge(vec![facts("ko-KR"), facts("ru-RU")]);
//! let mut json = Vec::new();
//! assembler.finish().write_to(&mut json).unwrap();
//! assert_eq!(json, extract::to_json_bytes(&all));
//! ```

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs::File;
use std::io::{self, Seek, SeekFrom, Write};
use std::sync::{Mutex, MutexGuard, PoisonError};

use serde::Serialize;

use super::document::Document;
use super::json::write_pretty;
use super::merge::merge;
use super::types::SOURCE_LOCALE;
use super::ArticleFacts;

/// Collects the per-file facts of a tree, one article (slug) at a time.
/// Shared by the threads that extract; every file announced to [`new`]
/// must be reported once to [`add`], with its facts or without.
///
/// [`new`]: Assembler::new
/// [`add`]: Assembler::add
#[derive(Debug)]
pub struct Assembler {
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    /// Per slug: files not reported yet, and the facts of those that were.
    waiting: HashMap<String, (usize, Vec<ArticleFacts>)>,
    /// Per slug: the merged article as JSON text, or where it was spilled.
    done: BTreeMap<String, Stored>,
    locales: BTreeSet<String>,
    /// Bytes of text kept in memory before spilling (`None`: never spill).
    budget: Option<usize>,
    /// Bytes of text kept in memory.
    held: usize,
    spill: Option<Spill>,
}

/// How much JSON text an assembler for a build keeps in memory before it
/// spills the rest to temporary files (the 634-file corpus makes 12 MB,
/// 10k files ~185 MB).
pub const SPILL_AFTER: usize = 16 << 20;

impl State {
    /// Keeps an article's runs: in memory within the budget, else spilled.
    fn keep(&mut self, mut article: Article) -> Stored {
        let len = article.len();
        let over = self.budget.is_some_and(|b| self.held + len > b);
        if over && self.spill.is_none() {
            self.spill = Spill::new().ok();
            // No temporary files to be had: everything stays in memory.
            self.budget = self.spill.as_ref().and(self.budget);
        }
        match self
            .spill
            .as_mut()
            .filter(|_| over)
            .map(|s| s.store(&mut article))
        {
            Some(Ok(at)) => Stored::Spilled(at),
            _ => {
                self.held += len;
                Stored::Memory(article)
            }
        }
    }
}

/// Temporary files (deleted when closed) holding each array's runs.
#[derive(Debug)]
struct Spill {
    files: [File; 4],
    ends: [u64; 4],
}

impl Spill {
    fn new() -> io::Result<Spill> {
        let file = tempfile::tempfile;
        Ok(Spill {
            files: [file()?, file()?, file()?, file()?],
            ends: [0; 4],
        })
    }

    /// Appends an article's runs; where each went.
    fn store(&mut self, article: &mut Article) -> io::Result<[(u64, u64); 4]> {
        let mut at = [(0, 0); 4];
        for (k, (_, field)) in Article::FIELDS.iter().enumerate() {
            let run = field(article);
            // At the recorded end, not the file's cursor: a failed write
            // leaves nothing behind that a later one would have to skip.
            let file = &mut self.files[k];
            file.seek(SeekFrom::Start(self.ends[k]))?;
            file.write_all(run)?;
            at[k] = (self.ends[k], run.len() as u64);
        }
        for (k, (offset, len)) in at.iter().enumerate() {
            self.ends[k] = offset + len;
        }
        Ok(at)
    }
}

/// An article's runs: in memory, or offsets and lengths in the spill files.
#[derive(Debug)]
pub(super) enum Stored {
    Memory(Article),
    Spilled([(u64, u64); 4]),
}

/// One article's records as array elements of the finished document,
/// indented for their place and joined with `,\n` (empty when none).
#[derive(Debug, Default)]
pub(super) struct Article {
    articles: Vec<u8>,
    entitlements: Vec<u8>,
    roles: Vec<u8>,
    procedures: Vec<u8>,
}

/// One array's run of an article.
type Field = fn(&mut Article) -> &mut Vec<u8>;

impl Article {
    fn len(&self) -> usize {
        self.articles.len() + self.entitlements.len() + self.roles.len() + self.procedures.len()
    }

    /// The run of the document's array `k` (in [`Article::FIELDS`] order).
    pub(super) fn run(&self, k: usize) -> &[u8] {
        match k {
            0 => &self.articles,
            1 => &self.entitlements,
            2 => &self.roles,
            _ => &self.procedures,
        }
    }
}

impl Article {
    /// The document's arrays, in order.
    pub(super) const FIELDS: [(&'static str, Field); 4] = [
        ("articles", |a| &mut a.articles),
        ("entitlements", |a| &mut a.entitlements),
        ("roles", |a| &mut a.roles),
        ("procedures", |a| &mut a.procedures),
    ];
}

impl Assembler {
    /// Expects one report per file, given by the files' slugs (a slug
    /// appears once per locale that has the article).
    pub fn new<'a>(slugs: impl IntoIterator<Item = &'a str>) -> Assembler {
        Self::with(slugs, None)
    }

    /// [`Assembler::new`], keeping the articles' JSON text in temporary
    /// files once more than [`SPILL_AFTER`] bytes of it are in memory (in
    /// memory still if the files can't be made or written).
    pub fn spilling<'a>(slugs: impl IntoIterator<Item = &'a str>) -> Assembler {
        Self::with(slugs, Some(SPILL_AFTER))
    }

    pub(super) fn with<'a>(
        slugs: impl IntoIterator<Item = &'a str>,
        budget: Option<usize>,
    ) -> Assembler {
        let mut state = State {
            locales: BTreeSet::from([SOURCE_LOCALE.to_string()]),
            budget,
            ..State::default()
        };
        for slug in slugs {
            state.waiting.entry(slug.to_string()).or_default().0 += 1;
        }
        Assembler {
            state: Mutex::new(state),
        }
    }

    /// Reports one file of `slug`, with the facts extracted from it (`None`
    /// when it could not be read or parsed). The last file of a slug merges
    /// and serializes the article on the calling thread.
    pub fn add(&self, slug: &str, facts: Option<ArticleFacts>) {
        let group = {
            let mut state = self.lock();
            let Some((left, group)) = state.waiting.get_mut(slug) else {
                // Not announced: kept as an article of its own.
                drop(state);
                self.finish_group(facts.into_iter().collect());
                return;
            };
            group.extend(facts);
            *left = left.saturating_sub(1);
            if *left > 0 {
                return;
            }
            match state.waiting.remove(slug) {
                Some((_, group)) => group,
                None => return,
            }
        };
        self.finish_group(group);
    }

    /// The finished `entitlements.json`, to be written with
    /// [`Document::write_to`]. Slugs with files never reported are merged
    /// from what was reported.
    pub fn finish(self) -> Document {
        let leftover: Vec<Vec<ArticleFacts>> = {
            let mut state = self.lock();
            let waiting = std::mem::take(&mut state.waiting);
            waiting.into_values().map(|(_, group)| group).collect()
        };
        for group in leftover {
            self.finish_group(group);
        }
        let state = self
            .state
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        let generator = format!("locdoc {}", env!("CARGO_PKG_VERSION"));
        let mut head = b"{\n  \"generator\": ".to_vec();
        head.extend_from_slice(&serde_json::to_vec(&generator).unwrap_or_default());
        head.extend_from_slice(b",\n  \"locales\": ");
        let locales = state.locales.iter().map(|l| elements(&[l]));
        push_array(&mut head, locales);
        Document::new(
            head,
            state.done.into_values().collect(),
            state.spill.map(|s| s.files),
        )
    }

    fn finish_group(&self, group: Vec<ArticleFacts>) {
        if group.is_empty() {
            return;
        }
        let merged = merge(group);
        let Some(slug) = merged.articles.first().map(|a| a.slug.clone()) else {
            return;
        };
        let article = Article {
            articles: elements(&merged.articles),
            entitlements: elements(&merged.entitlements),
            roles: elements(&merged.roles),
            procedures: elements(&merged.procedures),
        };
        let mut state = self.lock();
        state.locales.extend(merged.locales);
        let stored = state.keep(article);
        state.done.insert(slug, stored);
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Appends `[ … ]` with the non-empty runs of elements, as serde_json's
/// pretty printer writes an array one level below the top (`[]` when empty).
fn push_array(out: &mut Vec<u8>, runs: impl Iterator<Item = Vec<u8>>) {
    let mut any = false;
    for run in runs.filter(|r| !r.is_empty()) {
        out.extend_from_slice(if any { b",\n" } else { b"[\n" });
        out.extend_from_slice(&run);
        any = true;
    }
    out.extend_from_slice(if any { b"\n  ]" } else { b"[]" });
}

/// Records as elements of a top-level array (two levels deep, each line
/// indented for that place), joined with `,\n`.
fn elements<T: Serialize>(records: &[T]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, record) in records.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b",\n");
        }
        out.extend_from_slice(b"    ");
        let start = out.len();
        if write_pretty(record, 2, &mut out).is_err() {
            out.truncate(start);
            out.extend_from_slice(b"null");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{article, to_json_bytes, Entitlements};
    use crate::model::Locale;
    use crate::sxs;

    fn facts(path: &str, text: &str) -> ArticleFacts {
        let (locale, rest) = path.split_once('/').unwrap();
        let slug = rest.trim_end_matches(".md");
        let parsed = sxs::parse(path, Locale::parse(locale).unwrap(), slug, text);
        article(&parsed.article)
    }

    /// Every article of the bundled content, in every locale.
    fn content() -> Vec<ArticleFacts> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let tree = crate::content::discover(&root).unwrap();
        tree.sources
            .iter()
            .map(|s| facts(&s.rel, &std::fs::read_to_string(&s.path).unwrap()))
            .collect()
    }

    fn json(assembler: Assembler) -> Vec<u8> {
        let mut out = Vec::new();
        assembler.finish().write_to(&mut out).unwrap();
        out
    }

    /// Both ways of keeping the articles' text.
    fn assemblers(slugs: &[&str]) -> [Assembler; 2] {
        [
            Assembler::new(slugs.iter().copied()),
            // Every article spilled.
            Assembler::with(slugs.iter().copied(), Some(0)),
        ]
    }

    #[test]
    fn matches_the_whole_tree_merged_at_once() {
        let all = content();
        assert!(all.iter().any(|f| !f.procedures.is_empty()));
        let slugs: Vec<&str> = all.iter().map(|f| f.slug.as_str()).collect();
        for assembler in assemblers(&slugs) {
            // Reported out of order, as threads finish.
            for f in all.iter().rev() {
                assembler.add(&f.slug.clone(), Some(f.clone()));
            }
            assert_eq!(json(assembler), to_json_bytes(&merge(all.clone())));
        }
    }

    #[test]
    fn files_without_facts_and_unreported_files() {
        let all = content();
        let mut slugs: Vec<&str> = all.iter().map(|f| f.slug.as_str()).collect();
        slugs.push("never-reported");
        slugs.push("unreadable");
        for assembler in assemblers(&slugs) {
            assembler.add("unreadable", None);
            for f in &all {
                assembler.add(&f.slug.clone(), Some(f.clone()));
            }
            assert_eq!(json(assembler), to_json_bytes(&merge(all.clone())));
        }
    }

    /// An empty document, as [`to_json_bytes`] writes it.
    fn empty() -> Entitlements {
        Entitlements {
            generator: format!("locdoc {}", env!("CARGO_PKG_VERSION")),
            locales: vec![SOURCE_LOCALE.into()],
            ..Entitlements::default()
        }
    }

    #[test]
    fn an_empty_tree() {
        for assembler in assemblers(&[]) {
            assert_eq!(json(assembler), to_json_bytes(&empty()));
        }
        for assembler in assemblers(&["a"]) {
            assembler.add("a", None);
            assert_eq!(json(assembler), to_json_bytes(&empty()));
        }
    }
}
