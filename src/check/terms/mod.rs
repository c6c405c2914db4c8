//! Term consistency for `inconsistent-translation`: a segment that is only
//! a name (`Microsoft Product Support`, a table cell or heading in Title
//! Case) fixes how the locale translates that name; other segments of the
//! locale whose English contains the name but whose translation lacks that
//! wording use another translation of it.
//!
//! Words are compared by stem (the word minus up to two final letters,
//! lowercase), so inflection (`поддержка`/`поддержку`) and attached
//! particles (`지원을`) still count as the same wording.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::facts::{Facts, SegmentFacts};
use super::hash::FastMap;
use index::WordIndex;
use wording::{stems, uses};

mod index;
mod wording;
mod words;

/// A term, its translation, and where the translation was not used.
#[derive(Debug)]
pub struct Inconsistency<'a> {
    /// The English term.
    pub term: &'a str,
    /// Its translation where it stands alone, with the places it does.
    pub translation: &'a str,
    /// The defining segment.
    pub defined: (&'a str, &'a SegmentFacts),
    /// Segments containing the term without the translation.
    pub others: Vec<(&'a str, &'a SegmentFacts)>,
}

/// Whether `word` is one of the short function words a name may contain
/// (`Support for Business`). A `match`: compiled to length and integer
/// tests instead of a string comparison per word of a list.
fn is_minor(word: &str) -> bool {
    matches!(
        word,
        "of" | "for" | "and" | "or" | "the" | "to" | "in" | "on" | "with" | "a"
    )
}

/// Whether an English segment is a name: 2–6 words, each capitalized
/// (short function words allowed), no sentence punctuation.
pub fn is_term(source: &str) -> bool {
    // Cheap rejections first, in one pass over the bytes: most segments
    // are sentences, with more words or punctuation.
    if !source.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    // Most sentences also soon have a word in lowercase that is no
    // function word (`Sign in to your account`): that settles it too.
    let bytes = source.as_bytes();
    let mut spaces = 0;
    let mut word_start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b' ' if spaces == 5 => return false,
            b' ' => {
                spaces += 1;
                word_start = i + 1;
            }
            b'.' | b':' | b',' | b'(' | b'[' | b'*' | b'`' | b'?' | b'!' => return false,
            b'a'..=b'z' if i == word_start => {
                let end = memchr::memchr(b' ', bytes.get(i..).unwrap_or_default())
                    .map_or(bytes.len(), |n| i + n);
                if !source.get(i..end).is_some_and(is_minor) {
                    return false;
                }
            }
            _ => {}
        }
    }
    if spaces == 0 {
        return false;
    }
    let words: Vec<&str> = source.split(' ').collect();
    words.iter().all(|w| {
        is_minor(w)
            || (w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(char::is_alphabetic))
    }) && words.iter().filter(|w| !is_minor(w)).count() >= 2
}

/// Finds terms of one locale translated differently inside sentences.
pub fn inconsistencies<'a>(facts: &[&'a Facts]) -> Vec<Inconsistency<'a>> {
    // The first standalone translation of each term (path order, then line).
    let mut terms: BTreeMap<&str, (&str, &SegmentFacts)> = BTreeMap::new();
    for f in facts {
        for seg in f
            .segments
            .iter()
            .filter(|s| is_term(&s.source) && s.target != s.source)
        {
            terms.entry(&*seg.source).or_insert((f.path.as_str(), seg));
        }
    }
    let segments: Vec<(&str, &SegmentFacts)> = facts
        .iter()
        .flat_map(|f| f.segments.iter().map(move |s| (f.path.as_str(), s)))
        .collect();
    let index = WordIndex::new(&segments, terms.keys().copied());
    // Terms are searched independently, on all cores; reported in term
    // order. A corpus without repeats has thousands of terms per locale.
    let terms: Vec<(&str, (&str, &SegmentFacts))> = terms.into_iter().collect();
    let found: Vec<Option<Inconsistency>> = terms
        .par_iter()
        .map_init(Vec::new, |buffer, &(term, defined)| {
            search(term, defined, &index, &segments, buffer)
        })
        .collect();
    found.into_iter().flatten().collect()
}

/// The sentences of the locale that contain `term` but not the wording of
/// its translation where it stands alone (`defined`).
fn search<'a>(
    term: &'a str,
    defined: (&'a str, &'a SegmentFacts),
    index: &WordIndex,
    segments: &[(&'a str, &'a SegmentFacts)],
    buffer: &mut Vec<&'a str>,
) -> Option<Inconsistency<'a>> {
    let defining = defined.1;
    let wording = stems(&defining.target);
    if wording.is_empty() {
        return None;
    }
    // One searcher per term, not one per candidate sentence.
    let finder = memchr::memmem::Finder::new(term);
    // Equal sentences give equal answers: each is tested once.
    let mut answers: FastMap<(u64, u64), (&SegmentFacts, bool)> = FastMap::default();
    let others: Vec<(&str, &SegmentFacts)> = index
        .candidates(term)
        .iter()
        .filter_map(|&i| segments.get(i as usize).copied())
        .filter(|(_, s)| {
            let key = (s.source.hash(), s.target.hash());
            match answers.get(&key) {
                Some((seen, answer)) if seen.source == s.source && seen.target == s.target => {
                    *answer
                }
                _ => {
                    let answer = &*s.source != term
                        && contains_term(&s.source, &finder)
                        && !uses(&s.target, &wording, buffer);
                    answers.entry(key).or_insert((s, answer));
                    answer
                }
            }
        })
        .collect();
    (!others.is_empty()).then(|| Inconsistency {
        term,
        translation: &defining.target,
        defined,
        others,
    })
}

/// Whole-word, case-sensitive containment of the term `finder` looks for.
fn contains_term(text: &str, finder: &memchr::memmem::Finder) -> bool {
    let len = finder.needle().len();
    finder.find_iter(text.as_bytes()).any(|at| {
        // A match of a whole `str` in a `str` starts and ends on char
        // boundaries, so both slices exist.
        let before = text
            .get(..at)
            .and_then(|t| t.chars().next_back())
            .is_none_or(|c| !c.is_alphanumeric());
        let after = text
            .get(at + len..)
            .and_then(|t| t.chars().next())
            .is_none_or(|c| !c.is_alphanumeric());
        before && after
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_found_as_whole_words() {
        let finder = memchr::memmem::Finder::new("Partner Center");
        assert!(contains_term("Sign in to Partner Center.", &finder));
        assert!(contains_term("Partner Center", &finder));
        assert!(!contains_term(
            "Partner Centers and Partner Centerz",
            &finder
        ));
        assert!(contains_term(
            "ÉPartner Center no, (Partner Center) yes",
            &finder
        ));
        assert!(!contains_term("ÉPartner Center", &finder));
        assert!(!contains_term("partner center", &finder));
    }

    #[test]
    fn recognizes_names() {
        assert!(is_term("Microsoft Product Support"));
        assert!(is_term("Support for Business"));
        assert!(!is_term("Gold competency"));
        assert!(!is_term("Overview"));
        assert!(!is_term("You must have an MPN associated account."));
    }

    #[test]
    fn term_check_agrees_with_a_plain_reading() {
        let reference = |source: &str| {
            let words: Vec<&str> = source.split(' ').collect();
            let minor = [
                "of", "for", "and", "or", "the", "to", "in", "on", "with", "a",
            ];
            source.chars().next().is_some_and(char::is_uppercase)
                && (2..=6).contains(&words.len())
                && !source.contains(['.', ':', ',', '(', '[', '*', '`', '?', '!'])
                && words.iter().all(|w| {
                    minor.contains(w)
                        || (w.chars().next().is_some_and(char::is_uppercase)
                            && w.chars().all(char::is_alphabetic))
                })
                && words.iter().filter(|w| !minor.contains(w)).count() >= 2
        };
        for text in [
            "Microsoft Product Support",
            "A B C D E F",
            "A B C D E F G",
            "Support  Center",
            "Support Center ",
            "Über Straße",
            "Partner Center.",
            "Partner of Center",
            "Partner",
            "",
            "Σ Σ",
            "Support center",
            "Sign in to Partner Center",
            "Partner in the Center",
            "Partner Center a b c d e f",
            "Über über Straße",
        ] {
            assert_eq!(is_term(text), reference(text), "{text:?}");
        }
    }
}
