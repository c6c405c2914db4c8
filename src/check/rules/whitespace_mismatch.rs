//! `whitespace-mismatch` (info): the translation starts or ends with
//! whitespace the source does not have (or the other way round), or has
//! doubled spaces the source does not.
//!
//! Why: stray spaces inside the span show as gaps in the rendered page and
//! tend to be copied into every later revision.
//! Example: `<span data-ttu-id="986a5-113">번역 </span>` for `Overview`.
//! Fix: trim the translation, collapse doubled spaces.

use super::{at_segment, Context};
use crate::check::scan::Scanned;
use crate::diag::{Code, Diagnostic};
use crate::model::{Inline, Segment};

/// Compares leading, trailing and doubled whitespace.
pub fn check(cx: &Context, seg: &Segment, sides: &Scanned, out: &mut Vec<Diagnostic>) {
    if sides.target.is_blank() {
        return; // `empty-target` says it better
    }
    let (s, t) = (Shape::of(&seg.source), Shape::of(&seg.target));
    let mut parts = Vec::new();
    if s.leading != t.leading {
        parts.push(describe("leading", t.leading));
    }
    if s.trailing != t.trailing {
        parts.push(describe("trailing", t.trailing));
    }
    // The source's spaces only matter when the translation doubles some.
    if sides.target.has_doubled_space() && !sides.source.has_doubled_space() {
        parts.push("the translation has doubled spaces".to_string());
    }
    if parts.is_empty() {
        return;
    }
    out.push(
        at_segment(
            cx.article,
            seg,
            Code::WhitespaceMismatch,
            format!(
                "segment `{}` whitespace differs: {}",
                seg.id,
                parts.join("; ")
            ),
        )
        .with_hint("match the source's spacing at the edges and use single spaces"),
    );
}

fn describe(edge: &str, in_target: bool) -> String {
    if in_target {
        format!("the translation has {edge} whitespace the source has not")
    } else {
        format!("the source has {edge} whitespace the translation has not")
    }
}

/// Where a run of inlines has whitespace at its edges.
struct Shape {
    leading: bool,
    trailing: bool,
}

impl Shape {
    fn of(inlines: &[Inline]) -> Shape {
        let first = first_text(inlines.iter());
        let last = first_text(inlines.iter().rev());
        Shape {
            leading: first
                .and_then(|t| t.chars().next())
                .is_some_and(char::is_whitespace),
            trailing: last
                .and_then(|t| t.chars().next_back())
                .is_some_and(char::is_whitespace),
        }
    }
}

/// The edge text node (only a top-level text node counts as an edge).
fn first_text<'a>(mut it: impl Iterator<Item = &'a Inline>) -> Option<&'a str> {
    match it.next()? {
        Inline::Text { text } => Some(text),
        _ => None,
    }
}
