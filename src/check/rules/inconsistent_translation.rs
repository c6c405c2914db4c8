//! `inconsistent-translation` (warning): within one locale, the same English
//! sentence is translated in different ways (in one article or across
//! articles). One diagnostic per source sentence, at its first occurrence,
//! listing each variant and where it occurs.
//!
//! Why: readers take different wording for different things; a term that
//! changes from page to page (a product name, a UI label) looks like two.
//! Names are checked too: a segment that is only a name in Title Case
//! (`Microsoft Product Support` as a table cell) fixes its translation, and
//! sentences containing the name whose translation lacks that wording are
//! listed (see `check::terms`).
//! Example: "Microsoft Product Support" as `Microsoft 기술 지원` in a table
//! and `Microsoft 제품 지원` in the text. Fix: pick one
//! translation and use it everywhere (a termbase helps).

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::check::facts::{Facts, SegmentFacts, Text};
use crate::check::terms::{self, Inconsistency};
use crate::diag::{Code, Diagnostic};

/// Where one variant occurs: file, segment.
type Occurrence<'a> = (&'a str, &'a SegmentFacts);

/// Groups segments by (locale, source) and reports sources with several
/// translations. Locales are independent and run in parallel; findings come
/// out in locale order (sentences first, then terms) whatever the threads.
pub fn check(facts: &[Facts], out: &mut Vec<Diagnostic>) {
    let mut by_locale: BTreeMap<&str, Vec<&Facts>> = BTreeMap::new();
    for f in facts {
        by_locale.entry(f.locale.as_str()).or_default().push(f);
    }
    let by_locale: Vec<(&str, Vec<&Facts>)> = by_locale.into_iter().collect();
    let found: Vec<(Vec<Diagnostic>, Vec<Diagnostic>)> = by_locale
        .par_iter()
        .map(|(locale, files)| {
            // Sentences and terms are independent: two tasks, so that the
            // other rules' threads are not left idle behind the largest
            // locale.
            rayon::join(
                || sentences(locale, files),
                || {
                    terms::inconsistencies(files)
                        .iter()
                        .map(|found| term_report(locale, found))
                        .collect()
                },
            )
        })
        .collect();
    let (sentences, terms): (Vec<_>, Vec<_>) = found.into_iter().unzip();
    out.extend(sentences.into_iter().flatten());
    out.extend(terms.into_iter().flatten());
}

/// Sentences of one locale translated several ways, sorted by source.
fn sentences(locale: &str, files: &[&Facts]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (source, occurrences) in repeated(files) {
        let variants = variants(occurrences);
        if variants.len() > 1 {
            out.push(report(locale, source, &variants));
        }
    }
    out
}

/// English sentences that occur more than once (with a translation), each
/// with its occurrences in file order, sorted by sentence.
fn repeated<'a>(files: &[&'a Facts]) -> Vec<(&'a str, Vec<Occurrence<'a>>)> {
    // Only the English is read here: most sentences occur once, and their
    // translations (each text behind its own pointer) are never touched.
    let occurrences: Vec<Occurrence> = files
        .iter()
        .flat_map(|f| f.segments.iter().map(move |seg| (f.path.as_str(), seg)))
        .filter(|(_, seg)| seg.source.chars().any(char::is_alphabetic))
        .collect();
    // Equal sentences have equal hashes (computed once, when interned):
    // sorting by hash, then position, lines repeats up in file order.
    let mut order: Vec<(u64, usize)> = occurrences
        .iter()
        .enumerate()
        .map(|(i, (_, seg))| (seg.source.hash(), i))
        .collect();
    order.sort_unstable();
    let mut out = Vec::new();
    for run in order
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1)
    {
        // A sentence repeats if it has two translations that are not empty.
        let mut rest: Vec<Occurrence> = run
            .iter()
            .filter_map(|&(_, i)| occurrences.get(i).copied())
            .filter(|(_, seg)| !seg.target.is_empty())
            .collect();
        // Texts whose hashes collide share a run: split it by text.
        while let Some(&(_, first)) = rest.first() {
            let (same, other): (Vec<Occurrence>, Vec<Occurrence>) =
                rest.iter().partition(|(_, seg)| seg.source == first.source);
            if same.len() > 1 {
                out.push((first.source.as_str(), same));
            }
            rest = other;
        }
    }
    out.sort_by(|a, b| a.0.cmp(b.0));
    out
}

/// The occurrences of one sentence grouped by their normalized
/// translation, sorted by it.
fn variants(occurrences: Vec<Occurrence>) -> Vec<(String, Vec<Occurrence>)> {
    let mut variants: Vec<(String, Vec<Occurrence>)> = Vec::new();
    // Equal targets are often one shared text: normalize it once.
    let mut last: Option<(&Text, usize)> = None;
    for occ in occurrences {
        let target = &occ.1.target;
        let slot = match last {
            Some((t, slot)) if t == target => slot,
            _ => {
                let key = normalize(target);
                match variants.iter().position(|(k, _)| *k == key) {
                    Some(slot) => slot,
                    None => {
                        variants.push((key, Vec::new()));
                        variants.len() - 1
                    }
                }
            }
        };
        last = Some((target, slot));
        if let Some((_, list)) = variants.get_mut(slot) {
            list.push(occ);
        }
    }
    variants.sort_by(|a, b| a.0.cmp(&b.0));
    variants
}

fn term_report(locale: &str, found: &Inconsistency) -> Diagnostic {
    let (path, seg) = found.defined;
    let places: Vec<String> = found
        .others
        .iter()
        .map(|(p, s)| format!("`{}` ({p}:{})", s.target, s.line))
        .collect();
    Diagnostic::new(
        Code::InconsistentTranslation,
        path,
        seg.line,
        seg.column,
        format!(
            "`{}` is translated `{}` here but not in {} other segment(s) of `{locale}`: {}",
            found.term,
            found.translation,
            places.len(),
            places.join("; ")
        ),
    )
    .with_segment(seg.id.as_str())
    .with_locale(locale)
    .with_hint("use one translation for the same term")
}

fn report(locale: &str, source: &str, variants: &[(String, Vec<Occurrence>)]) -> Diagnostic {
    let mut listed: Vec<(&Occurrence, String)> = variants
        .iter()
        .filter_map(|(_, occ)| {
            let first = occ.first()?;
            let places: Vec<String> = occ
                .iter()
                .map(|(path, seg)| format!("{path}:{}", seg.line))
                .collect();
            Some((
                first,
                format!("`{}` ({})", first.1.target, places.join(", ")),
            ))
        })
        .collect();
    listed.sort_by(|a, b| (a.0 .0, a.0 .1.line).cmp(&(b.0 .0, b.0 .1.line)));
    let (path, seg) = listed.first().map_or(("", None), |(o, _)| (o.0, Some(o.1)));
    let text: Vec<&str> = listed.iter().map(|(_, s)| s.as_str()).collect();
    let mut d = Diagnostic::new(
        Code::InconsistentTranslation,
        path,
        seg.map_or(0, |s| s.line),
        seg.map_or(0, |s| s.column),
        format!(
            "`{source}` is translated {} ways in `{locale}`: {}",
            listed.len(),
            text.join("; ")
        ),
    )
    .with_locale(locale)
    .with_hint("use one translation for the same source sentence");
    if let Some(s) = seg {
        d = d.with_segment(s.id.as_str());
    }
    d
}

/// Ignores differences translators don't mean: trailing punctuation and
/// spacing (`필요합니다` and `필요 합니다` are one wording).
fn normalize(target: &str) -> String {
    target
        .trim_end_matches(['.', '。', ':', '：', '!', ' '])
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}
