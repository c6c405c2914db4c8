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

use crate::check::facts::{short, Facts, SegmentFacts};
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
        let by_number: BTreeMap<(u32, bool), (usize, &SegmentFacts)> = reference
            .segments
            .iter()
            .enumerate()
            .filter_map(|(i, s)| Some((s.number()?, (i, s))))
            .collect();
        // Texts are read only for a file that differs.
        let mut reference_texts = None;
        for f in others {
            let mut texts = None;
            let mut ids = None;
            for (i, seg) in f.segments.iter().enumerate() {
                let Some(&(at, theirs)) = seg.number().and_then(|n| by_number.get(&n)) else {
                    continue;
                };
                if theirs.source == seg.source {
                    continue;
                }
                let ours = texts.get_or_insert_with(|| f.sources()).source(i);
                let reference_texts = reference_texts.get_or_insert_with(|| reference.sources());
                let theirs_text = reference_texts.source(at);
                let id = ids.get_or_insert_with(|| f.ids()).get(i);
                out.push(
                    Diagnostic::new(
                        Code::SourceMismatch,
                        &f.path,
                        seg.line,
                        seg.column,
                        format!(
                            "english of segment `{}` differs from `{}:{}` although both translate source `{}`: `{}` vs `{}`",
                            id,
                            reference.path,
                            theirs.line,
                            short(version),
                            ours,
                            theirs_text
                        ),
                    )
                    .with_segment(id)
                    .with_locale(f.locale.as_str())
                    .with_hint("re-export the file from the source version it names"),
                );
            }
        }
    }
}
