//! Compact per-file facts for the checks that look across files
//! (`source-drift`, `source-mismatch`, `inconsistent-translation`). The
//! parallel per-file pass keeps only these, never whole articles.
//!
//! Segment texts are shared [`Text`]s drawn from an [`Interner`]: the
//! English of one article is the same in every locale, and boilerplate
//! sentences recur across articles, so a corpus holds each text once. Each
//! carries its hash, so the cross-file rules group and compare texts
//! without hashing or reading them again.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Mutex;

use chrono::NaiveDate;
use triomphe::ThinArc;

use super::hash::{self, PrehashedState};
use super::inlines::Fingerprinter;
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
    pub id: Id,
    /// The id's number, with `true` for merged (`-p`) ids.
    pub number: Option<(u32, bool)>,
    /// Source fingerprint (text with code, emphasis and link targets).
    pub source: Text,
    /// Target fingerprint.
    pub target: Text,
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
        let mut fingerprint = Fingerprinter::default();
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
                    id: s.id.text().clone(),
                    number: s.id.number().map(|n| (n, s.id.is_merged())),
                    source: interner.intern(fingerprint.of(&s.source)),
                    target: interner.intern(fingerprint.of(&s.target)),
                    line: s.line,
                    column: s.column,
                })
                .collect(),
        }
    }
}

/// A segment id as written, held inline when it is short: facts allocate
/// nothing per segment for it.
pub type Id = crate::model::id::IdText;

/// A shared text with its [`hash::text`]: equal texts compare by hash
/// and pointer first, and tables can group texts without hashing them again.
///
/// One thin pointer (8 bytes, where an `Arc<str>` and its hash took 24):
/// the hash, the length and the bytes share one allocation. A corpus of
/// 10k files holds two of these per segment, over a million segments.
#[derive(Clone)]
pub struct Text(ThinArc<u64, u8>);

impl Text {
    /// A text of its own (not shared with equal ones).
    pub fn new(text: &str) -> Text {
        Text::hashed(text, hash::text(text))
    }

    /// The only constructor: the bytes are those of a `str`.
    fn hashed(text: &str, hash: u64) -> Text {
        Text(ThinArc::from_header_and_slice(hash, text.as_bytes()))
    }

    /// The text's [`hash::text`].
    pub fn hash(&self) -> u64 {
        self.0.header.header
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        // SAFETY: `hashed`, the only constructor, copies the bytes of a
        // `str`; the `ThinArc` is private to `Text` and nothing here
        // mutates it, so they are still valid UTF-8.
        unsafe { std::str::from_utf8_unchecked(&self.0.slice) }
    }

    /// Whether both are the same shared copy.
    fn same(&self, other: &Text) -> bool {
        self.0.ptr() == other.0.ptr()
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.same(other) || (self.hash() == other.hash() && self.as_str() == other.as_str())
    }
}

impl Eq for Text {}

impl Ord for Text {
    fn cmp(&self, other: &Text) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Text) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Hash for Text {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(Text::hash(self));
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Shares equal strings across the files of a run. Safe to use from
/// several threads: the set is split into shards, each behind its own lock.
#[derive(Debug)]
pub struct Interner {
    shards: Vec<Mutex<Shard>>,
}

/// One shard: texts by hash, and the rare texts whose hash another text
/// of the shard already has.
#[derive(Debug, Default)]
struct Shard {
    by_hash: std::collections::HashMap<u64, Text, PrehashedState>,
    collided: Vec<Text>,
}

impl Default for Interner {
    fn default() -> Interner {
        Interner {
            shards: (0..SHARDS).map(|_| Mutex::default()).collect(),
        }
    }
}

const SHARDS: usize = 16;

impl Interner {
    /// The shared copy of `text`, stored on first sight.
    pub fn intern(&self, text: &str) -> Text {
        self.intern_hashed(text, hash::text(text))
    }

    fn intern_hashed(&self, text: &str, hash: u64) -> Text {
        // The table indexes by the low bits: pick the shard by others.
        let shard = (hash >> 32) as usize % SHARDS;
        let Some(lock) = self.shards.get(shard) else {
            return Text::new(text);
        };
        // A poisoned shard only means another thread panicked mid-insert;
        // the set itself is still valid.
        let mut shard = lock.lock().unwrap_or_else(|e| e.into_inner());
        match shard.by_hash.get(&hash) {
            Some(found) if found.as_str() == text => found.clone(),
            Some(_) => match shard.collided.iter().find(|t| t.as_str() == text) {
                Some(found) => found.clone(),
                None => {
                    let shared = Text::hashed(text, hash);
                    shard.collided.push(shared.clone());
                    shared
                }
            },
            None => {
                let shared = Text::hashed(text, hash);
                shard.by_hash.insert(hash, shared.clone());
                shared
            }
        }
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
        let a = interner.intern("Sign in to Partner Center.");
        let b = interner.intern("Sign in to Partner Center.");
        let c = interner.intern("Select Settings.");
        assert!(a.same(&b));
        assert_eq!(&*c, "Select Settings.");
        assert!(!a.same(&c));
        assert_eq!(a, Text::new("Sign in to Partner Center."));
        assert_ne!(a, c);
    }

    #[test]
    fn a_segment_keeps_its_texts_behind_thin_pointers() {
        // Over a million segments at 10k files: every word counts.
        assert_eq!(std::mem::size_of::<Text>(), 8);
        assert!(std::mem::size_of::<SegmentFacts>() <= 56);
    }

    #[test]
    fn interner_keeps_texts_apart_whose_hashes_collide() {
        let interner = Interner::default();
        let a = interner.intern_hashed("one", 7);
        let b = interner.intern_hashed("two", 7);
        let c = interner.intern_hashed("two", 7);
        assert_eq!((&*a, &*b), ("one", "two"));
        assert!(b.same(&c));
        assert_ne!(a, b);
    }
}
