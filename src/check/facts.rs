//! Compact per-file facts for the checks that look across files
//! (`source-drift`, `source-mismatch`, `inconsistent-translation`). The
//! parallel per-file pass keeps only these, never whole articles.

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
    pub source: String,
    /// Target fingerprint.
    pub target: String,
    /// 1-based line and column of the segment.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
}

impl Facts {
    /// Reduces an article to its facts.
    pub fn of(article: &Article) -> Facts {
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
                    source: fingerprint_sized(&s.source, s.source_range.len()),
                    target: fingerprint_sized(&s.target, s.target_range.len()),
                    line: s.line,
                    column: s.column,
                })
                .collect(),
        }
    }
}

/// A short form of a source version hash for messages.
pub fn short(version: &str) -> &str {
    version.get(..7).unwrap_or(version)
}
