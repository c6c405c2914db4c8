//! `empty-target` (error): the translation of a segment is empty or only
//! whitespace while its source has text.
//!
//! Why: the published page shows nothing where the English has a sentence.
//! Example: `<span data-ttu-id="986a5-113"> </span>` next to "Overview".
//! Fix: translate the sentence (or copy the source if it must stay English).

use super::{at_segment, Context};
use crate::diag::{Code, Diagnostic};
use crate::model::{Inline, Segment};

/// Reports a blank translation of a non-blank source.
pub fn check(cx: &Context, seg: &Segment, out: &mut Vec<Diagnostic>) {
    if !blank(&seg.target) || blank(&seg.source) {
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

fn blank(inlines: &[Inline]) -> bool {
    inlines.iter().all(|i| match i {
        Inline::Text { text } => text.trim().is_empty(),
        Inline::SoftBreak | Inline::LineBreak | Inline::Html { .. } | Inline::Segment { .. } => {
            true
        }
        Inline::Strong { children }
        | Inline::Emphasis { children }
        | Inline::Strikethrough { children } => blank(children),
        Inline::Code { .. } | Inline::Link { .. } | Inline::Image { .. } => false,
    })
}
