//! Where a name could stand in an English sentence, found once per file
//! while its facts are made, so that the term check need not search (or
//! even decompress) every sentence of the locale again.
//!
//! A term ([`super::is_term`]) is 2–6 words of letters joined by single
//! spaces, each capitalized or a short function word. The term check
//! looks for a term inside a sentence as whole words: no letter or digit
//! touches it on either side. Such an occurrence always covers whole
//! runs of letters, so the places a term can be found are exactly the
//! runs of 2–6 such words in the sentence, and each is kept as the
//! [`hash::text`] of its wording. A term is then found by its hash.

use crate::check::hash;

/// Calls `each` with the hash of every wording in `source` that a term
/// could have and that the term check would find there: whole words, and
/// not the whole sentence.
///
/// Only capitals are looked at closely: a place starts with one. The rest
/// of the text is passed over a byte at a time.
fn places(source: &str, mut each: impl FnMut(u64)) {
    let bytes = source.as_bytes();
    let mut at = 0;
    while let Some(found) = bytes.get(at..).and_then(|rest| {
        rest.iter()
            .position(|&b| b.is_ascii_uppercase() || b >= 0xC0)
    }) {
        let start = at + found;
        starting_at(source, start, &mut each);
        at = start + 1;
    }
}

/// The character at `at` (none past the end or inside a character).
fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// The end of the run of letters that starts at `at`, and whether a
/// numeric character follows it.
fn run_end(text: &str, mut at: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(at) {
        if b < 0x80 {
            if !b.is_ascii_alphabetic() {
                return (at, b.is_ascii_digit());
            }
            at += 1;
            continue;
        }
        match char_at(text, at) {
            Some(c) if c.is_alphabetic() => at += c.len_utf8(),
            Some(c) => return (at, c.is_numeric()),
            None => break,
        }
    }
    (at, false)
}

/// The places that start at `start`: a capital letter that begins a run
/// of letters which no digit touches, followed by 1–5 more runs, each
/// after one space, capitalized or a function word, two of them at least
/// capitalized.
fn starting_at(source: &str, start: usize, each: &mut impl FnMut(u64)) {
    if !char_at(source, start).is_some_and(|c| c.is_uppercase() && c.is_alphabetic()) {
        return;
    }
    let before = source.get(..start).and_then(|t| t.chars().next_back());
    if before.is_some_and(char::is_alphanumeric) {
        return;
    }
    let bytes = source.as_bytes();
    let (mut end, _) = run_end(source, start);
    let mut names = 1;
    for _ in 1..6 {
        if bytes.get(end) != Some(&b' ') {
            return;
        }
        let next = end + 1;
        let Some(first) = char_at(source, next).filter(|c| c.is_alphabetic()) else {
            return;
        };
        let (word_end, numeric_after) = run_end(source, next);
        if first.is_uppercase() {
            names += 1;
        } else if !source.get(next..word_end).is_some_and(super::is_minor) {
            return;
        }
        end = word_end;
        let whole = start == 0 && end == source.len();
        if names >= 2 && !numeric_after && !whole {
            if let Some(wording) = source.get(start..end) {
                each(hash::text(wording));
            }
        }
    }
}

/// The places of names in one file's sentences: for each, its segment
/// and the hash of its wording, in segment order. Shared by the files
/// with the same sources.
///
/// A place takes eight bytes and a segment one: a file of Partner Center
/// articles has ~2.6 places a segment, and 10,000 files hold ~4 million.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// The number of places of each segment in turn, as LEB128 varints
    /// (one byte below 128), without the segments after the last place.
    counts: Box<[u8]>,
    /// The hashes of all places, segment after segment.
    hashes: Box<[u64]>,
}

impl Found {
    /// The places in `sources`, the sources of a file's segments in order.
    pub fn of<'a>(sources: impl Iterator<Item = &'a str>) -> Found {
        let mut counts = Vec::new();
        let mut hashes = Vec::new();
        let mut used = 0;
        for source in sources {
            let before = hashes.len();
            places(source, |hash| hashes.push(hash));
            let mut count = hashes.len() - before;
            loop {
                let low = (count & 0x7f) as u8;
                count >>= 7;
                counts.push(if count == 0 { low } else { low | 0x80 });
                if count == 0 {
                    break;
                }
            }
            if hashes.len() > before {
                used = counts.len();
            }
        }
        counts.truncate(used);
        Found {
            counts: counts.into_boxed_slice(),
            hashes: hashes.into_boxed_slice(),
        }
    }

    /// Each place: the segment's index and the wording's hash.
    pub fn iter(&self) -> impl Iterator<Item = (usize, u64)> + '_ {
        let mut counts = self.counts.iter();
        let mut segment = 0;
        let mut start = 0;
        // Each segment with its range of `hashes`.
        let ranges = std::iter::from_fn(move || {
            let mut count = 0usize;
            let mut shift = 0u32;
            loop {
                let byte = *counts.next()?;
                count |= usize::from(byte & 0x7f).checked_shl(shift).unwrap_or(0);
                shift += 7;
                if byte & 0x80 == 0 {
                    break;
                }
            }
            let range = (segment, start, start + count);
            segment += 1;
            start += count;
            Some(range)
        });
        ranges.flat_map(move |(segment, start, end)| {
            let hashes = self.hashes.get(start..end).unwrap_or_default();
            hashes.iter().map(move |&h| (segment, h))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::AhoCorasick;
    use proptest::prelude::*;

    /// The wordings among `terms` found in `source` by their places.
    fn by_places<'t>(source: &str, terms: &[&'t str]) -> Vec<&'t str> {
        let found = Found::of(std::iter::once(source));
        let mut out: Vec<&str> = terms
            .iter()
            .filter(|t| found.iter().any(|(_, h)| h == hash::text(t)))
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The same by searching the text, as the term check did before it
    /// had places: every occurrence of a term, as whole words, that is
    /// not the whole sentence.
    fn by_search<'t>(source: &str, terms: &[&'t str]) -> Vec<&'t str> {
        let whole_words = |start: usize, end: usize| {
            let before = source[..start].chars().next_back();
            let after = source[end..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        };
        let matcher = AhoCorasick::new(terms).unwrap();
        let mut out: Vec<&str> = matcher
            .find_overlapping_iter(source)
            .filter(|m| m.len() < source.len() && whole_words(m.start(), m.end()))
            .map(|m| terms[m.pattern().as_usize()])
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    #[test]
    fn terms_are_found_as_whole_words() {
        let found = |source: &str| by_places(source, &["Partner Center", "Ab Ab"]);
        assert_eq!(found("Sign in to Partner Center."), ["Partner Center"]);
        // The whole sentence is the term's definition, not a use.
        assert!(found("Partner Center").is_empty());
        assert!(found("Partner Centers and Partner Centerz").is_empty());
        assert_eq!(
            found("ÉPartner Center no, (Partner Center) yes"),
            ["Partner Center"]
        );
        assert!(found("ÉPartner Center").is_empty());
        assert!(found("partner center").is_empty());
        assert!(found("Partner  Center here").is_empty());
        assert!(found("3Partner Center here").is_empty());
        assert!(found("Partner Center2 here").is_empty());
        assert!(found("Partner Center² here").is_empty());
        assert_eq!(found("Open Partner Center's home"), ["Partner Center"]);
        // Overlapping occurrences: the second stands alone.
        assert_eq!(found("xAb Ab Ab"), ["Ab Ab"]);
    }

    #[test]
    fn places_run_over_function_words_and_stop_at_six_words() {
        let terms = [
            "Support for Business",
            "Microsoft Partner Network Benefits Technical Support",
            "Partner Network Benefits Technical Support Overview",
            "Sign in",
        ];
        let source = "See Support for Business and Microsoft Partner Network Benefits Technical Support Overview now.";
        assert_eq!(
            by_places(source, &terms),
            [
                "Microsoft Partner Network Benefits Technical Support",
                "Partner Network Benefits Technical Support Overview",
                "Support for Business"
            ]
        );
    }

    #[test]
    fn a_file_lists_its_places_by_segment() {
        let found = Found::of(
            [
                "Sign in to Partner Center.",
                "no names here",
                "",
                "Use Partner Center",
            ]
            .into_iter(),
        );
        let segments: Vec<usize> = found.iter().map(|(s, _)| s).collect();
        // `Sign in to Partner`, `Sign in to Partner Center`, `Partner
        // Center`; `Use Partner`, `Partner Center` (not the whole sentence).
        assert_eq!(segments, [0, 0, 0, 3, 3]);
        let partner = hash::text("Partner Center");
        assert!(found.iter().any(|p| p == (3, partner)));
        assert!(found.iter().any(|p| p == (3, hash::text("Use Partner"))));
        assert!(!found
            .iter()
            .any(|p| p.1 == hash::text("Use Partner Center")));
        // More than 127 places in one segment take two count bytes.
        let long = (0..200).map(|i| format!("Aa{i}")).collect::<Vec<_>>();
        let long = format!("x {}", long.join(" ").replace(char::is_numeric, "b"));
        let many = Found::of(["One Two", long.as_str(), "Three Four five"].into_iter());
        let per_segment = |s: usize| many.iter().filter(|p| p.0 == s).count();
        assert!(per_segment(1) > 127, "{}", per_segment(1));
        assert_eq!(per_segment(0), 0);
        assert_eq!(per_segment(2), 1);
    }

    /// Words a sentence is made of: names, function words, other words,
    /// letters outside ASCII, digits, punctuation.
    fn word() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "Partner",
            "Center",
            "Microsoft",
            "Support",
            "for",
            "of",
            "the",
            "A",
            "a",
            "sign",
            "Über",
            "Straße",
            "É",
            "ÉPartner",
            "Centers",
            "3",
            "2D",
            "x²",
            "(",
            ")",
            ".",
            ",",
            "'s",
            "-",
            "Ab",
            "Σ",
        ])
        .prop_map(str::to_string)
    }

    /// A sentence: words joined by one space, two, or none.
    fn sentence() -> impl Strategy<Value = String> {
        prop::collection::vec(
            (word(), prop::sample::select(vec![" ", " ", " ", "  ", ""])),
            0..12,
        )
        .prop_map(|parts| parts.into_iter().map(|(w, sep)| w + sep).collect())
    }

    proptest! {
        #[test]
        fn places_find_what_a_search_finds(source in sentence(), others in prop::collection::vec(sentence(), 0..4)) {
            // The terms: every name the sentences hold, as the term check
            // would define them from standalone segments, and every run
            // of their words glued to something else.
            let mut terms: Vec<String> = Vec::new();
            for text in std::iter::once(&source).chain(&others) {
                for words in [
                    text.split(' ').collect::<Vec<&str>>(),
                    text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect(),
                ] {
                    for start in 0..words.len() {
                        for end in start + 1..=words.len().min(start + 6) {
                            let candidate = words[start..end].join(" ");
                            if super::super::is_term(&candidate) {
                                terms.push(candidate);
                            }
                        }
                    }
                }
            }
            terms.sort();
            terms.dedup();
            let terms: Vec<&str> = terms.iter().map(String::as_str).collect();
            for source in [source.as_str(), source.trim_end()] {
                prop_assert_eq!(by_places(source, &terms), by_search(source, &terms));
            }
        }
    }
}
