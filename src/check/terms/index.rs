//! The word index of a locale's English: which sentences a term can be in.

use super::words::{capitalized, capitalized_words};
use crate::check::facts::SegmentFacts;
use crate::check::hash::FastMap;

/// Which segments' English contains each capitalized word of a term, so a
/// term is only searched in the segments that have its rarest such word
/// (every term has two). Other words are not indexed: any word's list holds
/// every segment containing the term, and the exact test comes after.
pub(super) struct WordIndex<'a> {
    postings: FastMap<&'a str, Vec<u32>>,
}

/// Bit `min(len, 63)` set for the length of every word in `words`: a
/// word of another length needs no lookup.
fn length_mask<'w>(words: impl Iterator<Item = &'w str>) -> u64 {
    words.fold(0, |mask, w| mask | 1 << w.len().min(63))
}

impl<'a> WordIndex<'a> {
    pub(super) fn new(
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
    pub(super) fn candidates(&self, term: &str) -> &[u32] {
        term.split(' ')
            .filter(|w| capitalized(w))
            .map(|w| self.postings.get(w).map_or(&[][..], Vec::as_slice))
            .min_by_key(|list| list.len())
            .unwrap_or(&[])
    }
}
