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
use super::hash::{self, FastMap};
use wording::{stems, uses};

pub mod places;
mod wording;
mod words;

/// A term, its translation, and where the translation was not used.
#[derive(Debug)]
pub struct Inconsistency<'a> {
    /// The English term.
    pub term: String,
    /// Its translation where it stands alone.
    pub translation: String,
    /// The defining segment (path, segment).
    pub defined: (&'a str, &'a SegmentFacts),
    /// The defining segment's id.
    pub id: String,
    /// Segments containing the term without the translation: path,
    /// segment and its translation.
    pub others: Vec<(&'a str, &'a SegmentFacts, String)>,
}

/// A term of a locale and how its translation is recognized.
struct Term<'a> {
    term: String,
    translation: String,
    defined: (&'a str, &'a SegmentFacts),
    id: String,
    wording: Vec<String>,
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
///
/// Each file's facts list where a name could stand in its sentences, by
/// the hash of the wording ([`places`]); a term is found there by its own
/// hash. Only a file where some term stands has its translations
/// decompressed, to test them for the term's wording. Files whose texts
/// are identical share their block and get the same answers: each block
/// is read by its first file only.
pub fn inconsistencies<'a>(files: &[&'a Facts]) -> Vec<Inconsistency<'a>> {
    let terms: Vec<Term> = defined(files)
        .into_iter()
        .filter(|t| !t.wording.is_empty())
        .collect();
    if terms.is_empty() {
        return Vec::new();
    }
    // Terms are distinct, so are their hashes but with a chance of one in
    // 2^64; the first (in sorted order) keeps a shared hash.
    let mut by_hash: FastMap<u64, usize> = FastMap::default();
    for (i, t) in terms.iter().enumerate() {
        by_hash.entry(hash::text(&t.term)).or_insert(i);
    }
    let blocks = Blocks::of(files);
    let found: Vec<Vec<(usize, usize, String)>> =
        blocks.read(files, |f| lacking(f, &terms, &by_hash));
    // Files in order, each in segment order.
    let mut others: Vec<Vec<(&str, &SegmentFacts, String)>> =
        terms.iter().map(|_| Vec::new()).collect();
    for (f, found) in blocks.per_file(files, &found) {
        for (term, i, target) in found {
            if let (Some(list), Some(seg)) = (others.get_mut(*term), f.segments.get(*i)) {
                list.push((f.path.as_str(), seg, target.clone()));
            }
        }
    }
    terms
        .into_iter()
        .zip(others)
        .filter(|(_, others)| !others.is_empty())
        .map(|(t, others)| Inconsistency {
            term: t.term,
            translation: t.translation,
            defined: t.defined,
            id: t.id,
            others,
        })
        .collect()
}

/// The distinct text blocks of a locale's files.
struct Blocks {
    /// For each file, the index of its block.
    of_file: Vec<usize>,
    /// For each block, the first file that has it.
    first: Vec<usize>,
}

impl Blocks {
    fn of(files: &[&Facts]) -> Blocks {
        let mut slots: FastMap<(usize, usize), usize> = FastMap::default();
        let mut first = Vec::new();
        let of_file = files
            .iter()
            .enumerate()
            .map(|(i, f)| {
                *slots.entry(f.texts_key()).or_insert_with(|| {
                    first.push(i);
                    first.len() - 1
                })
            })
            .collect();
        Blocks { of_file, first }
    }

    /// `answer` for each block (in parallel), given its first file.
    fn read<T: Send>(
        &self,
        files: &[&Facts],
        answer: impl Fn(&Facts) -> Vec<T> + Sync,
    ) -> Vec<Vec<T>> {
        self.first
            .par_iter()
            .map(|&i| files.get(i).map_or_else(Vec::new, |f| answer(f)))
            .collect()
    }

    /// Each file with the answer for its block.
    fn per_file<'f, 'a, T>(
        &'f self,
        files: &'f [&'a Facts],
        answers: &'f [Vec<T>],
    ) -> impl Iterator<Item = (&'a Facts, &'f [T])> + 'f {
        files.iter().zip(&self.of_file).map(|(f, &block)| {
            let answer = answers.get(block).map_or(&[][..], Vec::as_slice);
            (*f, answer)
        })
    }
}

/// The terms of the locale, sorted, each with its first standalone
/// translation (path order, then line).
fn defined<'a>(files: &[&'a Facts]) -> Vec<Term<'a>> {
    let mut terms: BTreeMap<&str, Term> = BTreeMap::new();
    for f in files {
        for name in &f.names {
            let Some(seg) = f.segments.get(name.segment) else {
                continue;
            };
            terms.entry(&name.name).or_insert_with(|| Term {
                term: name.name.clone(),
                wording: stems(&name.translation),
                translation: name.translation.clone(),
                defined: (f.path.as_str(), seg),
                id: name.id.clone(),
            });
        }
    }
    terms.into_values().collect()
}

/// The segments of `file` whose English contains a term (not as the whole
/// sentence) but whose translation lacks the term's wording: the term's
/// index, the segment's and its translation. In segment order, then term
/// order.
fn lacking(
    file: &Facts,
    terms: &[Term],
    by_hash: &FastMap<u64, usize>,
) -> Vec<(usize, usize, String)> {
    let mut hits: Vec<(usize, usize)> = file
        .name_places
        .iter()
        .filter_map(|(segment, hash)| Some((segment, *by_hash.get(&hash)?)))
        .collect();
    if hits.is_empty() {
        return Vec::new();
    }
    hits.sort_unstable();
    hits.dedup();
    let texts = file.targets();
    let mut words = Vec::new();
    let mut out = Vec::new();
    for (i, t) in hits {
        let target = texts.target(i);
        let Some(term) = terms.get(t) else {
            continue;
        };
        if !uses(target, &term.wording, &mut words) {
            out.push((t, i, target.to_string()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
