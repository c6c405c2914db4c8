//! `markup-mismatch` (warning): the translation has a different number of
//! bold, italic or strikethrough spans than the source. (Inline code is
//! compared byte for byte by `code-mismatch`, which covers its count too.)
//!
//! Why: emphasis marks UI labels (**Activate**) and warnings; a translation
//! that drops it hides what the reader must click or heed.
//! Example: source `Select **Technical benefits**`, target without `**`.
//! Fix: put the same emphasis around the translated term.

use super::{at_segment, Context};
use crate::check::scan::Scanned;
use crate::diag::{Code, Diagnostic};
use crate::model::Segment;

/// Compares the markup counts of source and target.
pub fn check(cx: &Context, seg: &Segment, sides: &Scanned, out: &mut Vec<Diagnostic>) {
    let (s, t) = (sides.source.markup, sides.target.markup);
    if (s.strong, s.emphasis, s.strike) == (t.strong, t.emphasis, t.strike) {
        return;
    }
    let kinds = [
        ("bold", s.strong, t.strong),
        ("italic", s.emphasis, t.emphasis),
        ("strikethrough", s.strike, t.strike),
    ];
    let differences: Vec<String> = kinds
        .iter()
        .filter(|(_, a, b)| a != b)
        .map(|(name, a, b)| format!("{name} {a} in the source, {b} in the translation"))
        .collect();
    if differences.is_empty() {
        return;
    }
    out.push(
        at_segment(
            cx.article,
            seg,
            Code::MarkupMismatch,
            format!(
                "segment `{}` has different markup: {}",
                seg.id,
                differences.join("; ")
            ),
        )
        .with_hint("keep the source's emphasis around the translated words"),
    );
}
