//! `id-gap` (warning): consecutive sentence ids skip numbers.
//!
//! Why: a missing number is a source sentence with no segment, often one
//! the pipeline could not align (an image's alt text, a cell).
//! Example: `3393e-140` followed by `3393e-142`. Fix: check the English
//! source for the missing sentence. Merged `-p` ids stand for several
//! numbers, so a gap next to one is not reported.

use super::at_segment;
use crate::diag::{Code, Diagnostic};
use crate::model::Article;

/// Reports each jump of more than one between neighbouring plain ids.
pub fn check(article: &Article, out: &mut Vec<Diagnostic>) {
    let mut prev: Option<(u32, &str)> = None;
    for seg in &article.segments {
        let Some(number) = seg.id.number() else {
            continue;
        };
        if seg.id.is_merged() {
            prev = None;
            continue;
        }
        if let Some((p, prev_id)) = prev {
            if number > p + 1 {
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
