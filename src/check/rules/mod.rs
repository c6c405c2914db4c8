//! One file per rule. Each rule reads one [`Article`] and pushes what it finds;
//! its doc comment says what it checks, why it matters and how to fix it.

use crate::diag::Diagnostic;
use crate::model::Article;

mod duplicate_id;
mod id_gap;
mod id_order;
mod locale_mismatch;
mod malformed_id;
mod mixed_prefix;

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
