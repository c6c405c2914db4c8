//! One file per rule. Each rule's doc comment says what it checks, why it
//! matters, an example and the fix. Three kinds: structural rules read a
//! whole [`Article`]; content rules read one [`Segment`] at a time; corpus
//! rules read the compact [`Facts`] of every file.

use crate::check::allowlist::Allowlist;
use crate::check::facts::Facts;
use crate::check::scan::Scanned;
use crate::diag::Diagnostic;
use crate::model::{Article, Segment};

mod bracket_mismatch;
mod code_mismatch;
mod duplicate_id;
mod empty_target;
mod id_gap;
mod id_order;
mod identifier_mismatch;
mod inconsistent_translation;
mod link_mismatch;
mod locale_mismatch;
mod malformed_id;
mod markup_mismatch;
mod mixed_prefix;
mod number_mismatch;
mod short_translation;
mod source_drift;
mod source_mismatch;
mod untranslated;
mod whitespace_mismatch;

pub use short_translation::median_ratio as length_ratio;

/// A per-article rule.
pub type Rule = fn(&Article, &mut Vec<Diagnostic>);

/// The structural rules, in the order they run.
pub const STRUCTURE: &[Rule] = &[
    duplicate_id::check,
    malformed_id::check,
    mixed_prefix::check,
    id_gap::check,
    id_order::check,
    locale_mismatch::check,
];

/// What a content rule sees besides the segment.
pub struct Context<'a> {
    /// The article the segment belongs to.
    pub article: &'a Article,
    /// Terms that may stay untranslated.
    pub allowlist: &'a Allowlist,
    /// The primary language of the article's locale (`ko`).
    pub language: &'a str,
    /// The article's median of translation length over source length
    /// ([`length_ratio`]), when it has enough sentences to tell.
    pub length_ratio: Option<f64>,
}

/// A per-segment content rule: the segment and both its sides, scanned.
pub type ContentRule = fn(&Context, &Segment, &Scanned, &mut Vec<Diagnostic>);

/// The content rules, run on every segment in this order.
pub const CONTENT: &[ContentRule] = &[
    empty_target::check,
    untranslated::check,
    number_mismatch::check,
    link_mismatch::check,
    markup_mismatch::check,
    code_mismatch::check,
    identifier_mismatch::check,
    bracket_mismatch::check,
    whitespace_mismatch::check,
    short_translation::check,
];

/// A rule over the facts of every file.
pub type CorpusRule = fn(&[Facts], &mut Vec<Diagnostic>);

/// The cross-file rules.
pub const CORPUS: &[CorpusRule] = &[
    inconsistent_translation::check,
    source_drift::check,
    source_mismatch::check,
];

/// A diagnostic at a segment of `article`.
pub(crate) fn at_segment(
    article: &Article,
    seg: &crate::model::Segment,
    code: crate::diag::Code,
    message: impl Into<String>,
) -> Diagnostic {
    Diagnostic::new(code, &article.path, seg.line, seg.column, message)
        .with_segment(seg.id.as_str())
}

/// "missing a, b; not in the source c": what a translation lost and added,
/// each already formatted as a list (empty when nothing).
pub(crate) fn lost_and_added(missing: &str, added: &str) -> String {
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push(format!("missing {missing}"));
    }
    if !added.is_empty() {
        parts.push(format!("not in the source {added}"));
    }
    parts.join("; ")
}
