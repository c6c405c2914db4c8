//! `empty-target` (error): the translation of a segment is empty or only
//! whitespace while its source has text.
//!
//! Why: the published page shows nothing where the English has a sentence.
//! Example: `<span data-ttu-id="986a5-113"> </span>` next to "Overview".
//! Fix: translate the sentence (or copy the source if it must stay English).

use super::{at_segment, Context};
use crate::check::scan::Scanned;
use crate::diag::{Code, Diagnostic};
use crate::model::Segment;

/// Reports a blank translation of a non-blank source.
pub fn check(cx: &Context, seg: &Segment, sides: &Scanned, out: &mut Vec<Diagnostic>) {
    if !sides.target.is_empty() || sides.source.is_empty() {
        return;
    }
    out.push(
        at_segment(
            cx.article,
            seg,
            Code::EmptyTarget,
            format!("segment `{}` has an empty translation", seg.id),
        )
        .with_hint("translate the source sentence"),
    );
}
