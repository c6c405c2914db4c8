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

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use crate::check::facts::{Facts, SegmentFacts};
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
            let sentences = sentences(locale, files);
            let terms = terms::inconsistencies(files)
                .iter()
                .map(|found| term_report(locale, found))
                .collect();
            (sentences, terms)
        })
        .collect();
    let (sentences, terms): (Vec<_>, Vec<_>) = found.into_iter().unzip();
    out.extend(sentences.into_iter().flatten());
    out.extend(terms.into_iter().flatten());
}

/// Sentences of one locale translated several ways, sorted by source.
fn sentences(locale: &str, files: &[&Facts]) -> Vec<Diagnostic> {
    // Hash first: most sentences occur once, and only repeats need sorting.
    let mut groups: HashMap<&str, Vec<Occurrence>> = HashMap::new();
    for f in files {
        for seg in &f.segments {
            if seg.target.is_empty() || !seg.source.chars().any(char::is_alphabetic) {
                continue;
            }
            groups
                .entry(&*seg.source)
                .or_default()
                .push((f.path.as_str(), seg));
        }
    }
    let mut repeated: Vec<(&str, Vec<Occurrence>)> =
        groups.into_iter().filter(|(_, o)| o.len() > 1).collect();
    repeated.sort_by(|a, b| a.0.cmp(b.0));
    let mut out = Vec::new();
    for (source, occurrences) in repeated {
        let mut variants: BTreeMap<String, Vec<Occurrence>> = BTreeMap::new();
        // Equal targets are often one shared string: normalize it once.
        let mut last: Option<(&str, String)> = None;
        for occ in occurrences {
            let target: &str = &occ.1.target;
            let key = match &last {
                Some((t, key)) if *t == target => key.clone(),
                _ => normalize(target),
            };
            last = Some((target, key.clone()));
            variants.entry(key).or_default().push(occ);
        }
        if variants.len() > 1 {
            out.push(report(locale, source, &variants));
        }
    }
    out
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

fn report(locale: &str, source: &str, variants: &BTreeMap<String, Vec<Occurrence>>) -> Diagnostic {
    let mut listed: Vec<(&Occurrence, String)> = variants
        .values()
        .filter_map(|occ| {
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
