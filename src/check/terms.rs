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

/// The words of `text`: runs of alphanumeric characters, as
/// `text.split(|c: char| !c.is_alphanumeric())` without the empty ones.
pub(crate) fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

/// Iterator of [`words`].
pub(crate) struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        // Skip to the first word character, then to the end of the word.
        loop {
            let (word, len) = self.char_at()?;
            if word {
                break;
            }
            self.at += len;
        }
        let start = self.at;
        while let Some((true, len)) = self.char_at() {
            self.at += len;
        }
        self.text.get(start..self.at)
    }
}

impl Words<'_> {
    /// Whether the character at the position is a word character, and its
    /// length in bytes.
    #[inline]
    fn char_at(&self) -> Option<(bool, usize)> {
        let b = *self.text.as_bytes().get(self.at)?;
        if b < 0x80 {
            return Some((b.is_ascii_alphanumeric(), 1));
        }
        let c = self.text.get(self.at..)?.chars().next()?;
        Some((is_alphanumeric(c), c.len_utf8()))
    }
}

/// [`char::is_alphanumeric`], answering the scripts of the usual locales
/// (Hangul syllables, basic Cyrillic) without the table search.
fn is_alphanumeric(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{0410}'..='\u{044F}') || c.is_alphanumeric()
}

/// Characters of scripts written without spaces between words (Han,
/// kana, Thai, Lao, Khmer, Myanmar): a "word" of these is a whole phrase.
fn unspaced(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}' // Hiragana, Katakana
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{0E00}'..='\u{0EFF}' // Thai, Lao
        | '\u{1000}'..='\u{109F}' // Myanmar
        | '\u{1780}'..='\u{17FF}' // Khmer
    )
}

/// The stems a translation of a term is recognized by: each word
/// lowercased, less its last two letters when longer than four (endings of
/// inflected languages). A word of an unspaced script is kept whole and is
/// looked for anywhere in a word, not at its start ([`uses`]).
fn stems(text: &str) -> Vec<String> {
    words(text)
        .map(|w| {
            let lower: Vec<char> = w.to_lowercase().chars().collect();
            let keep = if lower.iter().copied().any(unspaced) {
                lower.len()
            } else if lower.len() > 4 {
                lower.len() - 2
            } else {
                lower.len()
            };
            lower[..keep].iter().collect()
        })
        .collect()
}

/// Whether every stem of `wording` begins a word of `target` (or, for a
/// stem of an unspaced script, occurs in one: `合作夥伴中心` in
/// `在合作夥伴中心註冊`); `buffer` holds the words (reused across calls).
fn uses<'t>(target: &'t str, wording: &[String], buffer: &mut Vec<&'t str>) -> bool {
    buffer.clear();
    buffer.extend(words(target));
    wording.iter().all(|stem| {
        if stem.chars().any(unspaced) {
            buffer.iter().any(|w| lower_contains(w, stem))
        } else {
            buffer.iter().any(|w| lower_starts_with(w, stem))
        }
    })
}

/// `word.to_lowercase().contains(stem)`, allocating only for a word with
/// an uppercase letter.
fn lower_contains(word: &str, stem: &str) -> bool {
    if word.chars().any(char::is_uppercase) {
        word.to_lowercase().contains(stem)
    } else {
        word.contains(stem)
    }
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

/// Which segments' English contains each capitalized word of a term, so a
/// term is only searched in the segments that have its rarest such word
/// (every term has two). Other words are not indexed: any word's list holds
/// every segment containing the term, and the exact test comes after.
struct WordIndex<'a> {
    postings: FastMap<&'a str, Vec<u32>>,
}

/// Bit `min(len, 63)` set for the length of every word in `words`: a
/// word of another length needs no lookup.
fn length_mask<'w>(words: impl Iterator<Item = &'w str>) -> u64 {
    words.fold(0, |mask, w| mask | 1 << w.len().min(63))
}

impl<'a> WordIndex<'a> {
    fn new(
        segments: &[(&'a str, &'a SegmentFacts)],
        terms: impl Iterator<Item = &'a str>,
    ) -> WordIndex<'a> {
        let mut postings: FastMap<&str, Vec<u32>> = terms
            .flat_map(|t| t.split(' '))
            .filter(|w| capitalized(w))
            .map(|w| (w, Vec::new()))
            .collect();
        if postings.is_empty() {
            return WordIndex { postings };
        }
        let lengths = length_mask(postings.keys().copied());
        // Sentences recur (boilerplate, the same English in many files):
        // each text is read once; a repeat reuses the words found. By the
        // text's hash: the segment that first had it, and where its words
        // are in `found` (a text whose hash another text already has is
        // read every time). Indexes, not references: a locale of a 10k-file
        // corpus reads half a million texts, most of them unique.
        let mut read: FastMap<u64, (u32, u32, u32)> = FastMap::default();
        let mut found: Vec<&str> = Vec::new();
        let index = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        let text_of = |i: u32| segments.get(i as usize).map(|(_, s)| &*s.source);
        for (i, (_, seg)) in segments.iter().enumerate() {
            let text: &'a str = &seg.source;
            let (start, end) = match read.get(&seg.source.hash()) {
                Some(&(first, start, end)) if text_of(first) == Some(text) => (start, end),
                seen => {
                    let start = found.len();
                    capitalized_words(text, |word| {
                        if lengths & 1 << word.len().min(63) != 0
                            && postings.contains_key(word)
                            && !found.get(start..).unwrap_or_default().contains(&word)
                        {
                            found.push(word);
                        }
                    });
                    let span = (index(start), index(found.len()));
                    if seen.is_none() {
                        read.insert(seg.source.hash(), (index(i), span.0, span.1));
                    }
                    span
                }
            };
            for &word in found.get(start as usize..end as usize).unwrap_or_default() {
                if let Some(list) = postings.get_mut(word) {
                    list.push(index(i));
                }
            }
        }
        WordIndex { postings }
    }

    /// Segments (in order) that contain the rarest word of `term`.
    fn candidates(&self, term: &str) -> &[u32] {
        term.split(' ')
            .filter(|w| capitalized(w))
            .map(|w| self.postings.get(w).map_or(&[][..], Vec::as_slice))
            .min_by_key(|list| list.len())
            .unwrap_or(&[])
    }
}

/// Calls `f` on each capitalized word of `text`, as
/// `words(text).filter(capitalized)`, reading bytes when `text` is ASCII.
fn capitalized_words<'t>(text: &'t str, mut f: impl FnMut(&'t str)) {
    if !text.is_ascii() {
        words(text).filter(|w| capitalized(w)).for_each(f);
        return;
    }
    let bytes = text.as_bytes();
    let mut in_word = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let class = ASCII_CLASS[usize::from(b)];
        if class == UPPER && !in_word {
            let start = i;
            i += 1;
            while bytes
                .get(i)
                .is_some_and(|&c| ASCII_CLASS[usize::from(c)] != OTHER)
            {
                i += 1;
            }
            if let Some(word) = text.get(start..i) {
                f(word);
            }
            in_word = true;
            continue;
        }
        in_word = class != OTHER;
        i += 1;
    }
}

const OTHER: u8 = 0;
const UPPER: u8 = 1;
const LOWER_OR_DIGIT: u8 = 2;

/// Bytes as `capitalized_words` sees them in ASCII text.
static ASCII_CLASS: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_alphanumeric() {
            LOWER_OR_DIGIT
        } else {
            OTHER
        };
        b += 1;
    }
    table
};

fn capitalized(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
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
    fn stems_absorb_inflection_and_particles() {
        let wording = stems("Поддержка продуктов");
        let mut buffer = Vec::new();
        assert!(uses("нужна поддержку продукта", &wording, &mut buffer));
        let korean = stems("Microsoft 기술 지원");
        assert!(uses("Microsoft 기술 지원을", &korean, &mut buffer));
        assert!(!uses("Microsoft 제품 지원", &korean, &mut buffer));
        let chinese = stems("合作夥伴中心");
        assert!(uses(
            "在合作夥伴中心註冊並註冊您的應用程式",
            &chinese,
            &mut buffer
        ));
        assert!(uses("存取合作夥伴中心 Api。", &chinese, &mut buffer));
        assert!(!uses("在合作夥伴註冊", &chinese, &mut buffer));
        let japanese = stems("パートナー センター");
        assert!(uses(
            "パートナー センターでアプリを登録します",
            &japanese,
            &mut buffer
        ));
    }

    #[test]
    fn words_split_like_str_split() {
        let reference = |s: &str| -> Vec<String> {
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect()
        };
        for text in [
            "",
            " ",
            "Sign in to Partner Center.",
            "--a--b--",
            "Поддержка (продуктов)",
            "Microsoft 기술 지원을, 2단계",
            "x\u{300}y ½ ² ٣ 𝔘 end",
        ] {
            let found: Vec<String> = words(text).map(str::to_string).collect();
            assert_eq!(found, reference(text), "{text:?}");
        }
        for c in ('\0'..='\u{D7FF}').chain('\u{E000}'..='\u{10FFFF}') {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn capitalized_words_as_filtered_words() {
        for text in [
            "Sign in to Partner Center.",
            "Über Partner",
            "a-B c_D E9 9E",
            "",
        ] {
            let mut found = Vec::new();
            capitalized_words(text, |w| found.push(w));
            let reference: Vec<&str> = words(text).filter(|w| capitalized(w)).collect();
            assert_eq!(found, reference, "{text:?}");
        }
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
