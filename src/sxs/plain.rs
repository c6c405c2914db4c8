//! Plain pairs: the shortcut past pulldown-cmark for most sentences.
//!
//! Nearly every pair of an article is written exactly as the pipeline
//! writes it, with text in both halves that Markdown leaves alone, or
//! that [`super::rich`] reads for certain (emphasis, links):
//!
//! ```text
//! <span data-ttu-id="X">target</span><span class="sxs-lookup"><span data-stu-id="X">source</span></span>
//! ```
//!
//! Parsing those six tags as inline HTML and pairing their events is most
//! of the parse (the callgrind figures are in BENCHMARKS.md). So before the
//! parse, [`find`] lists these pairs and [`reduce`] gives pulldown-cmark a
//! copy of the text with each one blanked to dots, byte for byte (its
//! `|`s kept, see [`reduce`]): the offsets stay, and a run of ASCII
//! punctuation is text wherever a run of inline HTML was (both start and
//! end with punctuation, so emphasis delimiters beside them flank the same
//! way, and neither starts a block).
//! The inline builder then meets each pair inside a text event and makes
//! its segment directly ([`Plains`]).
//!
//! A pair the parse put anywhere but in text (a code block or code span,
//! an HTML block, a link destination) is never met that way: the parse is
//! then thrown away and run again on the original text, so the model is
//! always the one the six tags' events make (a property test holds the two
//! to each other).

use std::ops::Range;

use memchr::{memchr, memchr_iter, memmem};

use super::rich;
use crate::model::Inline;

const OPEN: &[u8] = br#"<span data-ttu-id=""#;
const LOOKUP: &[u8] = br#"</span><span class="sxs-lookup">"#;
const SOURCE: &[u8] = br#"<span data-stu-id=""#;
const CLOSE: &[u8] = b"</span></span>";
const END_TAG: usize = b"</span>".len();

/// One plain pair; offsets into the article's text.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Plain {
    /// The pair, from `<span data-ttu-id` to its last `</span>`.
    pub at: Range<usize>,
    pub id: Range<usize>,
    pub target: Range<usize>,
    /// Where `<span data-stu-id` starts.
    pub source_open: usize,
    pub source: Range<usize>,
    /// The halves' inlines when either has emphasis or a link in it (see
    /// [`rich`]); plain text otherwise.
    pub rich: Option<Box<Rich>>,
}

/// A rich pair's halves, read.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Rich {
    pub target: Vec<Inline>,
    pub source: Vec<Inline>,
}

impl Rich {
    /// Whether either half has a link: a link around the pair would have
    /// been text, as links do not nest.
    pub fn has_link(&self) -> bool {
        rich::has_link(&self.target) || rich::has_link(&self.source)
    }
}

impl Plain {
    /// The events pulldown-cmark makes of the pair in text, with their
    /// ranges: what the builder is fed when the shortcut does not apply.
    pub fn events(&self) -> impl Iterator<Item = (bool, Range<usize>)> {
        let lookup = self.target.end + END_TAG;
        [
            (true, self.at.start..self.target.start),
            (false, self.target.clone()),
            (true, self.target.end..lookup),
            (true, lookup..self.source_open),
            (true, self.source_open..self.source.start),
            (false, self.source.clone()),
            (true, self.source.end..self.source.end + END_TAG),
            (true, self.source.end + END_TAG..self.at.end),
        ]
        .into_iter()
        .filter(|(tag, range)| *tag || !range.is_empty())
    }
}

/// Bytes that end a plain half: Markdown's inline syntax, entities and
/// escapes, a table's `|`, a line end, and `<`, `>` of any tag.
pub(super) const SPECIAL: [bool; 256] = with_bytes([false; 256], b"\n\r<>`*_~[]\\&|", true);

/// `table` with each of `bytes` set to `value`.
pub(super) const fn with_bytes(mut table: [bool; 256], bytes: &[u8], value: bool) -> [bool; 256] {
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = value;
        i += 1;
    }
    table
}

/// The plain pairs of `text` at or after byte `from`, in order.
pub(super) fn find(text: &str, from: usize) -> Vec<Plain> {
    let bytes = text.as_bytes();
    let Some(tail) = bytes.get(from..) else {
        return Vec::new();
    };
    memmem::find_iter(tail, OPEN)
        .filter_map(|at| plain_at(text, from + at))
        .collect()
}

/// The plain pair whose `<span data-ttu-id` starts at `at`, if it is one.
fn plain_at(text: &str, at: usize) -> Option<Plain> {
    let bytes = text.as_bytes();
    // `\<span`: the `<` is escaped text, not a tag.
    if at > 0 && bytes[at - 1] == b'\\' {
        return None;
    }
    let id_start = at + OPEN.len();
    let id_len = bytes
        .get(id_start..)?
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'.'))?;
    let id = id_start..id_start + id_len;
    if id_len == 0 || bytes.get(id.end..id.end + 2)? != b"\">" {
        return None;
    }
    let (target, target_rich) = half(text, id.end + 2)?;
    let source_open = target.end + LOOKUP.len();
    if bytes.get(target.end..source_open)? != LOOKUP
        || bytes.get(source_open..source_open + SOURCE.len())? != SOURCE
    {
        return None;
    }
    let id2 = source_open + SOURCE.len();
    if bytes.get(id2..id2 + id_len)? != &bytes[id.clone()]
        || bytes.get(id2 + id_len..id2 + id_len + 2)? != b"\">"
    {
        return None;
    }
    let (source, source_rich) = half(text, id2 + id_len + 2)?;
    let end = source.end + CLOSE.len();
    if bytes.get(source.end..end)? != CLOSE {
        return None;
    }
    let rich = match (target_rich, source_rich) {
        (None, None) => None,
        (t, s) => Some(Box::new(Rich {
            target: t.unwrap_or_else(|| plain_text(text, &target)),
            source: s.unwrap_or_else(|| plain_text(text, &source)),
        })),
    };
    Some(Plain {
        at: at..end,
        id,
        target,
        source_open,
        source,
        rich,
    })
}

/// A plain half's content: its text, if any.
pub(super) fn plain_text(text: &str, range: &Range<usize>) -> Vec<Inline> {
    match text.get(range.clone()).unwrap_or_default() {
        "" => Vec::new(),
        t => vec![Inline::Text {
            text: t.to_string(),
        }],
    }
}

/// The half from `start` up to the next `<`: plain text, or text with
/// emphasis or links [`rich`] reads (then its inlines).
fn half(text: &str, start: usize) -> Option<(Range<usize>, Option<Vec<Inline>>)> {
    let rest = text.as_bytes().get(start..)?;
    let len = memchr(b'<', rest)?;
    let range = start..start + len;
    if !has_special(&rest[..len]) {
        return Some((range, None));
    }
    let inlines = rich::parse(text.get(range.clone())?)?;
    Some((range, Some(inlines)))
}

/// Whether `bytes` holds a [`SPECIAL`] byte.
fn has_special(bytes: &[u8]) -> bool {
    next_special(bytes).is_some()
}

/// Where the first [`SPECIAL`] byte of `bytes` is. The halves are most of
/// an article's bytes: sixteen at a time are tested with compares the
/// compiler turns into vector instructions ([`is_special`]), and only the
/// chunk that has one is looked at byte by byte.
#[inline]
pub(super) fn next_special(bytes: &[u8]) -> Option<usize> {
    let special = |b: &u8| SPECIAL[*b as usize];
    let (chunks, rest) = bytes.as_chunks::<16>();
    for (k, chunk) in chunks.iter().enumerate() {
        if chunk.iter().fold(0, |hit, &b| hit | is_special(b)) != 0 {
            return chunk.iter().position(special).map(|at| 16 * k + at);
        }
    }
    rest.iter()
        .position(special)
        .map(|at| 16 * chunks.len() + at)
}

/// 1 for a [`SPECIAL`] byte, else 0, in compares that vectorize: the
/// bytes come in neighbours (`<>`, `[\]`, `` _` ``, `|~`).
#[inline]
fn is_special(b: u8) -> u8 {
    u8::from(b == b'\n')
        | u8::from(b == b'\r')
        | u8::from(b == b'&')
        | u8::from(b == b'*')
        | u8::from(b | 2 == b'>')
        | u8::from(b.wrapping_sub(b'[') < 3)
        | u8::from(b.wrapping_sub(b'_') < 2)
        | u8::from(b | 2 == b'~')
}

/// `text` with each pair blanked to dots, byte for byte, but for the
/// `|`s of its halves: in a table row they still split the row into its
/// cells (and the pair, then met in pieces, is parsed in full).
pub(super) fn reduce(text: &str, plains: &[Plain]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    // Pairs start and end at ASCII bytes: every cut is a char boundary,
    // and the copy is built of `str`s, with no second UTF-8 check.
    for p in plains {
        out.push_str(text.get(copied..p.at.start).unwrap_or_default());
        let pair = text.get(p.at.clone()).unwrap_or_default();
        let mut dotted = 0;
        for bar in memchr_iter(b'|', pair.as_bytes()) {
            push_dots(&mut out, bar - dotted);
            out.push('|');
            dotted = bar + 1;
        }
        push_dots(&mut out, pair.len() - dotted);
        copied = p.at.end;
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    out
}

/// Appends `n` dots.
fn push_dots(out: &mut String, mut n: usize) {
    const DOTS: &str = concat!(
        "................................",
        "................................",
    );
    while n > 0 {
        let run = n.min(DOTS.len());
        out.push_str(&DOTS[..run]);
        n -= run;
    }
}

/// The plain pairs of an article as the inline builder meets them.
pub(super) struct Plains<'a> {
    /// The original text, which the pairs' content is taken from.
    pub text: &'a str,
    list: Vec<Plain>,
    next: usize,
    /// A pair was met other than whole inside a text event.
    failed: bool,
}

impl<'a> Plains<'a> {
    pub fn new(text: &'a str, list: Vec<Plain>) -> Self {
        Plains {
            text,
            list,
            next: 0,
            failed: false,
        }
    }

    /// No pairs: the parse runs on the original text.
    pub fn none(text: &'a str) -> Self {
        Plains::new(text, Vec::new())
    }

    /// Whether the next pair starts before `end`.
    #[inline]
    pub fn before(&self, end: usize) -> bool {
        self.list.get(self.next).is_some_and(|p| p.at.start < end)
    }

    /// Takes the next pair if it lies whole inside `range` at or after
    /// `from`; a pair before `from` was skipped by the parse, and one that
    /// reaches past `range` is not whole in it: both fail the shortcut.
    pub fn take_within(&mut self, from: usize, range: &Range<usize>) -> Option<Plain> {
        let p = self.list.get_mut(self.next)?;
        if p.at.start >= range.end {
            return None;
        }
        if p.at.start < from || p.at.end > range.end {
            self.failed = true;
            return None;
        }
        // Pairs are met once, in order: the list is not read behind `next`.
        let taken = std::mem::take(p);
        self.next += 1;
        Some(taken)
    }

    /// An event other than text covers `range`: any pair in it is lost to
    /// the shortcut.
    pub fn touch(&mut self, range: &Range<usize>) {
        if self.before(range.end) {
            self.failed = true;
        }
    }

    pub fn fail(&mut self) {
        self.failed = true;
    }

    /// Whether every pair became a segment inside text.
    pub fn complete(&self) -> bool {
        !self.failed && self.next == self.list.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAIR: &str = r#"<span data-ttu-id="a1-2">Eins</span><span class="sxs-lookup"><span data-stu-id="a1-2">One</span></span>"#;

    #[test]
    fn finds_the_pipelines_spelling() {
        let text = format!("- {PAIR} and {PAIR}\n");
        let found = find(&text, 0);
        assert_eq!(found.len(), 2);
        let p = &found[0];
        assert_eq!(&text[p.at.clone()], PAIR);
        assert_eq!(&text[p.id.clone()], "a1-2");
        assert_eq!(&text[p.target.clone()], "Eins");
        assert_eq!(&text[p.source.clone()], "One");
        assert!(text[p.source_open..].starts_with("<span data-stu-id"));
        let tags: String = p.events().map(|(_, r)| &text[r]).collect();
        assert_eq!(tags, PAIR);
    }

    #[test]
    fn leaves_pairs_with_markup_or_other_spellings() {
        for text in [
            PAIR.replace("Eins", "**Eins"),
            PAIR.replace("One", "`One`"),
            PAIR.replace("One", "a \\| b"),
            PAIR.replace("One", "a &amp; b"),
            PAIR.replace("a1-2\">One", "a1-3\">One"),
            PAIR.replace("<span class", "<span  class"),
            PAIR.replace("a1-2", "a 1"),
            format!("\\{PAIR}"),
            PAIR.replace("One", "O\nne"),
        ] {
            assert!(find(&text, 0).is_empty(), "{text}");
        }
    }

    #[test]
    fn reads_halves_with_emphasis_or_links() {
        let text = PAIR.replace("Eins", "Ein **Haus**");
        let p = &find(&text, 0)[0];
        let rich = p.rich.as_deref().unwrap();
        assert!(matches!(rich.target[1], Inline::Strong { .. }));
        assert_eq!(rich.source, plain_text(&text, &p.source));
        assert!(!rich.has_link());
        let text = PAIR.replace("One", "[One](a.md)");
        assert!(find(&text, 0)[0].rich.as_deref().unwrap().has_link());
        assert!(find(PAIR, 0)[0].rich.is_none());
    }

    #[test]
    fn empty_halves_are_plain() {
        let text = PAIR.replace("Eins", "");
        let p = &find(&text, 0)[0];
        assert!(p.target.is_empty());
        assert_eq!(p.events().count(), 7);
    }

    #[test]
    fn reduce_keeps_offsets() {
        let text = format!("# Ü {} ü\n", PAIR.replace("Eins", "한국어"));
        let found = find(&text, 0);
        let reduced = reduce(&text, &found);
        assert_eq!(reduced.len(), text.len());
        assert!(reduced.starts_with("# Ü ...") && reduced.ends_with(". ü\n"));
    }

    #[test]
    fn reduce_keeps_the_bars_that_split_a_table_row() {
        let text = format!("| {} |\n", PAIR.replace("One", "a | b"));
        let reduced = reduce(&text, &find(&text, 0));
        assert_eq!(reduced.len(), text.len());
        assert_eq!(reduced.matches('|').count(), 3);
        assert_eq!(
            reduced[1..].find("|").map(|at| at + 1),
            text.find("a | b").map(|at| at + 2)
        );
    }

    #[test]
    fn reduce_blanks_pairs_longer_than_its_run_of_dots() {
        let long = PAIR.replace("Eins", &"ä".repeat(300));
        let text = format!("{long} {PAIR}");
        let reduced = reduce(&text, &find(&text, 0));
        let dots = |s: &str| s.bytes().all(|b| b == b'.');
        assert_eq!(reduced.len(), text.len());
        assert!(dots(&reduced[..long.len()]) && dots(&reduced[long.len() + 1..]));
    }

    #[test]
    fn the_vector_test_is_the_table() {
        for b in 0..=255u8 {
            assert_eq!(is_special(b) == 1, SPECIAL[b as usize], "{b:#x}");
        }
    }

    #[test]
    fn every_special_byte_is_seen_wherever_it_stands() {
        for len in 0..40 {
            for at in 0..len {
                for &special in b"\n\r<>`*_~[]\\&|" {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = special;
                    assert!(has_special(&bytes), "{len} {at} {special}");
                }
            }
            assert!(!has_special(&vec![0xEA; len]));
        }
    }
}
