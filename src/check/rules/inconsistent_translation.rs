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

use crate::check::facts::{Facts, SegmentFacts};
use crate::check::terms::{self, Inconsistency};
use crate::diag::{Code, Diagnostic};

/// Where one occurrence is: the file (its index among the locale's files)
/// and the segment (its index in the file). Eight bytes: a locale of a
/// 10k-file corpus has half a million.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Occurrence {
    file: u32,
    index: u32,
}

impl Occurrence {
    fn new(file: usize, index: usize) -> Occurrence {
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Occurrence {
            file: narrow(file),
            index: narrow(index),
        }
    }

    /// The file's path and the segment.
    fn at<'a>(self, files: &[&'a Facts]) -> Option<(&'a str, &'a SegmentFacts)> {
        let f = files.get(self.file as usize)?;
        Some((f.path.as_str(), f.segments.get(self.index as usize)?))
    }
}

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
    let groups: Vec<Vec<Vec<Occurrence>>> = repeated(files)
        .into_iter()
        .map(|occurrences| variants(files, occurrences))
        .filter(|v| v.len() > 1)
        .collect();
    // The texts of the findings, read back file by file: each sentence and
    // the first occurrence of each of its translations.
    let wanted = groups.iter().flatten().filter_map(|v| v.first().copied());
    let texts = read_back(files, wanted);
    let text = |o: &Occurrence| {
        texts.get(o).map_or(("", "", ""), |(s, t, id)| {
            (s.as_str(), t.as_str(), id.as_str())
        })
    };
    let mut out: Vec<(&str, Diagnostic)> = groups
        .iter()
        .filter_map(|variants| {
            let source = text(variants.first()?.first()?).0;
            Some((
                source,
                report(locale, files, source, variants, |o| {
                    let (_, target, id) = text(o);
                    (target, id)
                }),
            ))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(b.0));
    out.into_iter().map(|(_, d)| d).collect()
}

/// The source and target texts and the id of `wanted` occurrences, each
/// file decompressed once (files in parallel).
fn read_back(
    files: &[&Facts],
    wanted: impl Iterator<Item = Occurrence>,
) -> BTreeMap<Occurrence, (String, String, String)> {
    let mut by_file: BTreeMap<u32, Vec<Occurrence>> = BTreeMap::new();
    for o in wanted {
        by_file.entry(o.file).or_default().push(o);
    }
    let by_file: Vec<(u32, Vec<Occurrence>)> = by_file.into_iter().collect();
    by_file
        .par_iter()
        .flat_map_iter(|(file, wanted)| {
            let (texts, ids) = files
                .get(*file as usize)
                .map(|f| (f.texts(), f.ids()))
                .unwrap_or_default();
            wanted
                .iter()
                .map(|&o| {
                    let i = o.index as usize;
                    let (source, target) = (texts.source(i), texts.target(i));
                    (
                        o,
                        (
                            source.to_string(),
                            target.to_string(),
                            ids.get(i).to_string(),
                        ),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// English sentences that occur more than once (with a translation), each
/// with its occurrences in file order. Sentences are told apart by hash.
fn repeated(files: &[&Facts]) -> Vec<Vec<Occurrence>> {
    // Sorting by hash, then position, lines repeats up in file order.
    let mut order: Vec<(u64, Occurrence)> = files
        .iter()
        .enumerate()
        .flat_map(|(file, f)| {
            f.segments
                .iter()
                .enumerate()
                .filter(|(_, seg)| seg.worded())
                .map(move |(index, seg)| (seg.source, Occurrence::new(file, index)))
        })
        .collect();
    order.sort_unstable();
    order
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1)
        .filter_map(|run| {
            // A sentence repeats if it has two translations that are not
            // empty.
            let same: Vec<Occurrence> = run
                .iter()
                .map(|&(_, o)| o)
                .filter(|o| o.at(files).is_some_and(|(_, seg)| seg.translated()))
                .collect();
            (same.len() > 1).then_some(same)
        })
        .collect()
}

/// The occurrences of one sentence grouped by their normalized
/// translation (by its hash), in order of first occurrence.
fn variants(files: &[&Facts], occurrences: Vec<Occurrence>) -> Vec<Vec<Occurrence>> {
    let mut variants: Vec<(u64, Vec<Occurrence>)> = Vec::new();
    for occ in occurrences {
        let Some((_, seg)) = occ.at(files) else {
            continue;
        };
        match variants.iter_mut().find(|(k, _)| *k == seg.target) {
            Some((_, list)) => list.push(occ),
            None => variants.push((seg.target, vec![occ])),
        }
    }
    variants.into_iter().map(|(_, list)| list).collect()
}

/// How many places (or translations) a finding lists; the rest are
/// counted. A term of a large docs set can stand in thousands of
/// sentences: listed whole, one finding took 2.8 MB (10,144 files).
const LISTED: usize = 5;

/// The first [`LISTED`] of `count` items (`first`, formatted), joined by
/// `sep`, then how many more there are (`… and 12 more`).
fn listed<S: AsRef<str>>(first: &[S], count: usize, sep: &str) -> String {
    let shown: Vec<&str> = first.iter().take(LISTED).map(AsRef::as_ref).collect();
    let mut out = shown.join(sep);
    if count > shown.len() {
        out.push_str(sep);
        out.push_str(&format!("… and {} more", count - shown.len()));
    }
    out
}

fn term_report(locale: &str, found: &Inconsistency) -> Diagnostic {
    let (path, seg) = found.defined;
    let places: Vec<String> = found
        .others
        .iter()
        .take(LISTED)
        .map(|(p, s, target)| format!("`{target}` ({p}:{})", s.line))
        .collect();
    let count = found.others.len();
    Diagnostic::new(
        Code::InconsistentTranslation,
        path,
        seg.line,
        seg.column,
        format!(
            "`{}` is translated `{}` here but not in {count} other segment(s) of `{locale}`: {}",
            found.term,
            found.translation,
            listed(&places, count, "; ")
        ),
    )
    .with_segment(&found.id)
    .with_locale(locale)
    .with_hint("use one translation for the same term")
}

fn report<'t>(
    locale: &str,
    files: &[&Facts],
    source: &str,
    variants: &[Vec<Occurrence>],
    read: impl Fn(&Occurrence) -> (&'t str, &'t str),
) -> Diagnostic {
    let mut ways: Vec<((&str, &SegmentFacts), &str, String)> = variants
        .iter()
        .filter_map(|occ| {
            let first = occ.first()?;
            let found = occ.iter().filter_map(|o| o.at(files));
            let count = found.clone().count();
            let places: Vec<String> = found
                .take(LISTED)
                .map(|(path, seg)| format!("{path}:{}", seg.line))
                .collect();
            let (target, id) = read(first);
            Some((
                first.at(files)?,
                id,
                format!("`{target}` ({})", listed(&places, count, ", ")),
            ))
        })
        .collect();
    ways.sort_by(|a, b| (a.0 .0, a.0 .1.line).cmp(&(b.0 .0, b.0 .1.line)));
    let first = ways.first().map(|(o, id, _)| (*o, *id));
    let text: Vec<&str> = ways.iter().map(|(_, _, s)| s.as_str()).collect();
    let mut d = Diagnostic::new(
        Code::InconsistentTranslation,
        first.map_or("", |(o, _)| o.0),
        first.map_or(0, |(o, _)| o.1.line),
        first.map_or(0, |(o, _)| o.1.column),
        format!(
            "`{source}` is translated {} ways in `{locale}`: {}",
            ways.len(),
            listed(&text, ways.len(), "; ")
        ),
    )
    .with_locale(locale)
    .with_hint("use one translation for the same source sentence");
    if let Some((_, id)) = first {
        d = d.with_segment(id);
    }
    d
}
