//! `duplicate-id` (error): an id used by two segments of one file.
//!
//! Why: the id ties a translation to its source; tools that update a
//! translation by id would overwrite the wrong sentence.
//! Example: two spans `data-ttu-id="986a5-113"` in one article.
//! Fix: give the second segment the id its source segment has.

use super::at_segment;
use crate::check::hash::FastMap;
use crate::diag::{Code, Diagnostic};
use crate::model::Article;

/// Reports every repeat of an id, pointing back at the first use.
pub fn check(article: &Article, out: &mut Vec<Diagnostic>) {
    if increasing(article) {
        return;
    }
    let mut first: FastMap<&str, u32> =
        FastMap::with_capacity_and_hasher(article.segments.len(), Default::default());
    for seg in &article.segments {
        match first.get(seg.id.as_str()) {
            Some(line) => out.push(
                at_segment(
                    article,
                    seg,
                    Code::DuplicateId,
                    format!("id `{}` is already used at line {line}", seg.id),
                )
                .with_hint("every segment of a file needs its own id"),
            ),
            None => {
                first.insert(seg.id.as_str(), seg.line);
            }
        }
    }
}

/// Whether every id is well formed and the numbers of each kind (plain,
/// merged) rise from segment to segment, as exported files have them: then
/// no two ids are equal (equal ids have equal kinds and numbers), and no
/// table of ids is needed.
fn increasing(article: &Article) -> bool {
    let mut last: [Option<u32>; 2] = [None, None];
    article.segments.iter().all(|seg| {
        let Some(number) = seg.id.number() else {
            return false;
        };
        let slot = &mut last[usize::from(seg.id.is_merged())];
        let rises = slot.is_none_or(|prev| number > prev);
        *slot = Some(number);
        rises
    })
}
