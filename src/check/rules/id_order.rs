//! `id-order` (warning): a segment's id is lower than the one before it.
//!
//! Why: ids follow the source's sentence order; a step back means sentences
//! were moved, so the translation reads in another order than the English.
//! Example: `986a5-120` after `986a5-121`. Fix: restore the source order.

use super::at_segment;
use crate::diag::{Code, Diagnostic};
use crate::model::Article;

/// Reports each id lower than its predecessor of the same kind (plain or `-p`).
pub fn check(article: &Article, out: &mut Vec<Diagnostic>) {
    let mut last: [Option<(u32, &str)>; 2] = [None, None];
    for seg in &article.segments {
        let Some(number) = seg.id.number() else {
            continue;
        };
        let slot = &mut last[usize::from(seg.id.is_merged())];
        if let Some((p, prev_id)) = *slot {
            if number < p {
                out.push(at_segment(
                    article,
                    seg,
                    Code::IdOrder,
                    format!("id `{}` comes after `{prev_id}`", seg.id),
                ));
            }
        }
        *slot = Some((number, seg.id.as_str()));
    }
}
