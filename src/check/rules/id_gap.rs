//! `id-gap` (warning): consecutive sentence ids skip numbers.
//!
//! Why: a missing number is a source sentence with no segment, often one
//! the pipeline could not align (an image's alt text, a cell).
//! Example: `3393e-140` followed by `3393e-142`. Fix: check the English
//! source for the missing sentence. Merged `-p` ids stand for several
//! numbers, so a gap next to one is not reported.

use super::at_segment;
use crate::check::hash::FastSet;
use crate::diag::{Code, Diagnostic};
use crate::model::Article;

/// Reports each jump of more than one between neighbouring plain ids.
/// A number used anywhere in the file (also by a span that did not pair and
/// was reported on its own) is not missing,
/// and a malformed or merged id in between suppresses the gap.
pub fn check(article: &Article, out: &mut Vec<Diagnostic>) {
    // Built at the first jump only: most files have none.
    let mut present: Option<FastSet<u32>> = None;
    let mut prev: Option<(u32, &str)> = None;
    for seg in &article.segments {
        let Some(number) = seg.id.number().filter(|_| !seg.id.is_merged()) else {
            prev = None;
            continue;
        };
        if let Some((p, prev_id)) = prev {
            if number > p + 1 && {
                let present = present.get_or_insert_with(|| numbers(article));
                !(p + 1..number).any(|n| present.contains(&n))
            } {
                let missing = number - p - 1;
                out.push(
                    at_segment(
                        article,
                        seg,
                        Code::IdGap,
                        format!(
                            "ids skip from `{prev_id}` to `{}` ({missing} missing)",
                            seg.id
                        ),
                    )
                    .with_hint("a source sentence may have been left out of the translation"),
                );
            }
        }
        prev = Some((number, seg.id.as_str()));
    }
}

/// Every id number used in the file, by a segment or a stray span.
fn numbers(article: &Article) -> FastSet<u32> {
    (article.segments.iter().map(|s| &s.id))
        .chain(article.strays.iter().map(|s| &s.id))
        .filter_map(|id| id.number())
        .collect()
}
