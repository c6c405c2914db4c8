//! Term consistency for `inconsistent-translation`: a segment that is only
//! a name (`Microsoft Product Support`, a table cell or heading in Title
//! Case) fixes how the locale translates that name; other segments of the
//! locale whose English contains the name but whose translation lacks that
//! wording use another translation of it.
//!
//! Words are compared by stem (the word minus up to two final letters,
//! lowercase), so inflection (`поддержка`/`поддержку`) and attached
//! particles (`지원을`) still count as the same wording.

use std::collections::{BTreeMap, HashMap};

use super::facts::{Facts, SegmentFacts};

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

/// Whether an English segment is a name: 2–6 words, each capitalized
/// (short function words allowed), no sentence punctuation.
pub fn is_term(source: &str) -> bool {
    // Cheap rejections first: most segments are sentences.
    if !source.chars().next().is_some_and(char::is_uppercase)
        || !(2..=6).contains(&source.split(' ').take(7).count())
        || source.contains(['.', ':', ',', '(', '[', '*', '`', '?', '!'])
    {
        return false;
    }
    let words: Vec<&str> = source.split(' ').collect();
    let minor = [
        "of", "for", "and", "or", "the", "to", "in", "on", "with", "a",
    ];
    words
        .first()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        && words.iter().all(|w| {
            minor.contains(w)
                || (w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().all(char::is_alphabetic))
        })
        && words.iter().filter(|w| !minor.contains(w)).count() >= 2
}

fn stems(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let lower: Vec<char> = w.to_lowercase().chars().collect();
            let keep = if lower.len() > 4 {
                lower.len() - 2
            } else {
                lower.len()
            };
            lower[..keep].iter().collect()
        })
        .collect()
}

fn uses(target: &str, wording: &[String]) -> bool {
    let words = || {
        target
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
    };
    wording
        .iter()
        .all(|stem| words().any(|w| lower_starts_with(w, stem)))
}

/// `word.to_lowercase().starts_with(stem)`, without allocating: the
/// lowercase of a string is that of its characters except for a final
/// sigma, so only words with `Σ` take the allocating path.
fn lower_starts_with(word: &str, stem: &str) -> bool {
    if word.is_ascii() {
        return word
            .get(..stem.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(stem));
    }
    if word.contains('Σ') {
        return word.to_lowercase().starts_with(stem);
    }
    let mut lower = word.chars().flat_map(char::to_lowercase);
    stem.chars().all(|c| lower.next() == Some(c))
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
    let mut out = Vec::new();
    for (term, (path, defining)) in terms {
        let wording = stems(&defining.target);
        if wording.is_empty() {
            continue;
        }
        let others: Vec<(&str, &SegmentFacts)> = index
            .candidates(term)
            .iter()
            .filter_map(|&i| segments.get(i).copied())
            .filter(|(_, s)| {
                &*s.source != term && contains_term(&s.source, term) && !uses(&s.target, &wording)
            })
            .collect();
        if !others.is_empty() {
            out.push(Inconsistency {
                term,
                translation: &defining.target,
                defined: (path, defining),
                others,
            });
        }
    }
    out
}

/// Which segments' English contains each capitalized word of a term, so a
/// term is only searched in the segments that have its rarest such word
/// (every term has two). Other words are not indexed: any word's list holds
/// every segment containing the term, and the exact test comes after.
struct WordIndex<'a> {
    postings: HashMap<&'a str, Vec<usize>>,
}

impl<'a> WordIndex<'a> {
    fn new(
        segments: &[(&'a str, &'a SegmentFacts)],
        terms: impl Iterator<Item = &'a str>,
    ) -> WordIndex<'a> {
        let mut postings: HashMap<&str, Vec<usize>> = terms
            .flat_map(|t| t.split(' '))
            .filter(|w| capitalized(w))
            .map(|w| (w, Vec::new()))
            .collect();
        if postings.is_empty() {
            return WordIndex { postings };
        }
        for (i, (_, seg)) in segments.iter().enumerate() {
            for word in seg
                .source
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| capitalized(w))
            {
                if let Some(list) = postings.get_mut(word) {
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
        }
        WordIndex { postings }
    }

    /// Segments (in order) that contain the rarest word of `term`.
    fn candidates(&self, term: &str) -> &[usize] {
        term.split(' ')
            .filter(|w| capitalized(w))
            .map(|w| self.postings.get(w).map_or(&[][..], Vec::as_slice))
            .min_by_key(|list| list.len())
            .unwrap_or(&[])
    }
}

fn capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whole-word, case-sensitive containment.
fn contains_term(text: &str, term: &str) -> bool {
    text.match_indices(term).any(|(at, _)| {
        let before = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = text[at + term.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        before && after
    })
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
    fn stems_absorb_inflection_and_particles() {
        let wording = stems("Поддержка продуктов");
        assert!(uses("нужна поддержку продукта", &wording));
        assert!(uses("Microsoft 기술 지원을", &stems("Microsoft 기술 지원")));
        assert!(!uses("Microsoft 제품 지원", &stems("Microsoft 기술 지원")));
    }

    #[test]
    fn lowercase_prefix_matches_to_lowercase() {
        for word in [
            "Поддержку",
            "SUPPORT",
            "Ünterstützung",
            "ΟΔΟΣ",
            "지원을",
            "İstanbul",
            "ǅemal",
        ] {
            let lower = word.to_lowercase();
            for end in (0..=lower.len()).filter(|&i| lower.is_char_boundary(i)) {
                let stem = &lower[..end];
                assert!(lower_starts_with(word, stem), "{word} / {stem}");
            }
            assert!(!lower_starts_with(word, "zzz"));
        }
    }
}
