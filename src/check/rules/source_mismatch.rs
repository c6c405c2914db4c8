//! `source-mismatch` (error): two locales of an article claim the same
//! English source version (`ms.openlocfilehash`) but their English text of
//! the same segment number differs.
//!
//! Why: the hash promises both were translated from one text; if the
//! English differs, one file was edited by hand or exported from another
//! revision, and drift detection can't trust the hash.
//! Example: `ko-KR` and `ru-RU` both at `137c502`, segment 168 reads
//! "end date and" in one and "end date, and" in the other.
//! Fix: re-export the file whose English is wrong.

use std::collections::BTreeMap;

use crate::check::facts::{short, Facts};
use crate::diag::{Code, Diagnostic};

/// Compares every file with the first one (by path) of its (slug, version).
pub fn check(facts: &[Facts], out: &mut Vec<Diagnostic>) {
    let mut groups: BTreeMap<(&str, &str), Vec<&Facts>> = BTreeMap::new();
    for f in facts {
        if let Some(v) = &f.source_version {
            groups
                .entry((f.slug.as_str(), v.as_str()))
                .or_default()
                .push(f);
        }
    }
    for ((_, version), files) in groups {
        let Some((reference, others)) = files.split_first() else {
            continue;
        };
        let by_number: BTreeMap<(u32, bool), &crate::check::facts::SegmentFacts> = reference
            .segments
            .iter()
            .filter_map(|s| Some((s.number?, s)))
            .collect();
        for f in others {
            for seg in &f.segments {
                let Some(theirs) = seg.number.and_then(|n| by_number.get(&n)) else {
                    continue;
                };
                if theirs.source == seg.source {
                    continue;
                }
                out.push(
                    Diagnostic::new(
                        Code::SourceMismatch,
                        &f.path,
                        seg.line,
                        seg.column,
                        format!(
                            "english of segment `{}` differs from `{}:{}` although both translate source `{}`: `{}` vs `{}`",
                            seg.id,
                            reference.path,
                            theirs.line,
                            short(version),
                            seg.source,
                            theirs.source
                        ),
                    )
                    .with_segment(seg.id.as_str())
                    .with_locale(f.locale.as_str())
                    .with_hint("re-export the file from the source version it names"),
                );
            }
        }
    }
}
