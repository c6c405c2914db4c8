//! Compact per-file facts for the checks that look across files
//! (`source-drift`, `source-mismatch`, `inconsistent-translation`). The
//! parallel per-file pass keeps only these, never whole articles.
//!
//! Segment texts are shared `Arc<str>`s drawn from an [`Interner`]: the
//! English of one article is the same in every locale, and boilerplate
//! sentences recur across articles, so a corpus holds each text once.

use std::collections::hash_map::RandomState;
use std::collections::HashSet;
use std::hash::BuildHasher;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;

use super::inlines::fingerprint_sized;
use crate::model::Article;

/// What the cross-file checks need to know about one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    /// Path relative to the content dir (`ko-KR/a.md`).
    pub path: String,
    /// The article's slug, shared by its locales.
    pub slug: String,
    /// The locale directory.
    pub locale: String,
    /// `ms.openlocfilehash`, the English source version translated.
    pub source_version: Option<String>,
    /// Line of `ms.openlocfilehash`.
    pub version_line: u32,
    /// `ms.lasthandoff`.
    pub handoff: Option<NaiveDate>,
    /// `ms.translationtype` is `MT`.
    pub machine: bool,
    /// `ms.translationtype` is `HT`.
    pub human: bool,
    /// The segments, in document order.
    pub segments: Vec<SegmentFacts>,
}

/// One segment, reduced to what cross-file checks compare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentFacts {
    /// The id as written.
    pub id: String,
    /// The id's number, with `true` for merged (`-p`) ids.
    pub number: Option<(u32, bool)>,
    /// Source fingerprint (text with code, emphasis and link targets).
    pub source: Arc<str>,
    /// Target fingerprint.
    pub target: Arc<str>,
    /// 1-based line and column of the segment.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
}

impl Facts {
    /// Reduces an article to its facts.
    pub fn of(article: &Article) -> Facts {
        Facts::of_interned(article, &Interner::default())
    }

    /// Reduces an article to its facts, sharing texts through `interner`.
    pub fn of_interned(article: &Article, interner: &Interner) -> Facts {
        let front = &article.front;
        let translation = front
            .translation_type
            .as_ref()
            .map(|t| t.as_str().to_ascii_uppercase());
        Facts {
            path: article.path.clone(),
            slug: article.slug.clone(),
            locale: article.locale.to_string(),
            source_version: front
                .source_version
                .as_ref()
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty()),
            version_line: front.line_of("ms.openlocfilehash"),
            handoff: front.handoff,
            machine: translation.as_deref() == Some("MT"),
            human: translation.as_deref() == Some("HT"),
            segments: article
                .segments
                .iter()
                .map(|s| SegmentFacts {
                    id: s.id.as_str().to_string(),
                    number: s.id.number().map(|n| (n, s.id.is_merged())),
                    source: interner.intern(fingerprint_sized(&s.source, s.source_range.len())),
                    target: interner.intern(fingerprint_sized(&s.target, s.target_range.len())),
                    line: s.line,
                    column: s.column,
                })
                .collect(),
        }
    }
}

/// Shares equal strings across the files of a run. Safe to use from
/// several threads: the set is split into shards, each behind its own lock.
#[derive(Debug)]
pub struct Interner {
    hasher: RandomState,
    shards: Vec<Mutex<HashSet<Arc<str>>>>,
}

impl Default for Interner {
    fn default() -> Interner {
        Interner {
            hasher: RandomState::new(),
            shards: (0..SHARDS).map(|_| Mutex::default()).collect(),
        }
    }
}

const SHARDS: usize = 16;

impl Interner {
    /// The shared copy of `text`, stored on first sight.
    pub fn intern(&self, text: String) -> Arc<str> {
        let shard = self.hasher.hash_one(text.as_str()) as usize % SHARDS;
        let Some(lock) = self.shards.get(shard) else {
            return Arc::from(text);
        };
        // A poisoned shard only means another thread panicked mid-insert;
        // the set itself is still valid.
        let mut set = lock.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(found) = set.get(text.as_str()) {
            return Arc::clone(found);
        }
        let shared: Arc<str> = Arc::from(text);
        set.insert(Arc::clone(&shared));
        shared
    }
}

/// A short form of a source version hash for messages.
pub fn short(version: &str) -> &str {
    version.get(..7).unwrap_or(version)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interner_shares_equal_texts() {
        let interner = Interner::default();
        let a = interner.intern("Sign in to Partner Center.".to_string());
        let b = interner.intern("Sign in to Partner Center.".to_string());
        let c = interner.intern("Select Settings.".to_string());
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(&*c, "Select Settings.");
        assert!(!Arc::ptr_eq(&a, &c));
    }
}
