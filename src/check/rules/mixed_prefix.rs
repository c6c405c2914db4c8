//! `mixed-prefix` (warning): ids in one file carry different hex prefixes.
//!
//! Why: the prefix names the source file a segment came from; another prefix
//! usually means a segment was pasted from a different article.
//! Example: `986a5-113` next to `3393e-114`. Fix: re-export the file.

use super::at_segment;
use crate::check::hash::FastMap;
use crate::diag::{Code, Diagnostic};
use crate::model::Article;

/// Reports the first segment of each minority prefix.
pub fn check(article: &Article, out: &mut Vec<Diagnostic>) {
    // Most files have one prefix: only count when a second one shows up.
    let mut prefixes = article.segments.iter().filter_map(|s| s.id.prefix());
    let first = prefixes.next();
    if prefixes.all(|p| Some(p) == first) {
        return;
    }
    let mut counts: FastMap<&str, (usize, usize)> = FastMap::default();
    for (i, seg) in article.segments.iter().enumerate() {
        if let Some(prefix) = seg.id.prefix() {
            counts.entry(prefix).or_insert((0, i)).0 += 1;
        }
    }
    if counts.len() < 2 {
        return;
    }
    // The main prefix: most segments, then earliest.
    let Some((&main, &(main_count, _))) = counts
        .iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
    else {
        return;
    };
    let mut minority: Vec<_> = counts.iter().filter(|(p, _)| **p != main).collect();
    minority.sort_by_key(|(_, (_, first))| *first);
    for (prefix, (count, first)) in minority {
        let seg = &article.segments[*first];
        out.push(at_segment(
            article,
            seg,
            Code::MixedPrefix,
            format!("{count} segment(s) use prefix `{prefix}` but {main_count} use `{main}`"),
        ));
    }
}
