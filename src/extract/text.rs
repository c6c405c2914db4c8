//! Reading inline content on one side of the alignment: the English source
//! (canonical, parsed) or the translation (only ever carried as a label).

use crate::model::{space, Article, Inline, TextSink};

use super::types::{Labels, SegmentIds, SOURCE_LOCALE};

/// Which text of a segment to read.
pub use crate::model::Side;

/// Plain text of `inlines` on one side, whitespace collapsed.
pub fn plain(article: &Article, inlines: &[Inline], side: Side) -> String {
    let text = String::with_capacity(capacity(article, inlines, side));
    let mut out = Collapsed { text, space: false };
    article.write_plain(inlines, side, &mut out);
    out.text
}

/// An upper bound of the plain text's length, from the segments' raw byte
/// ranges, so `plain` allocates once.
fn capacity(article: &Article, inlines: &[Inline], side: Side) -> usize {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text { text } => text.len(),
            Inline::Code { code } => code.len(),
            Inline::Strong { children }
            | Inline::Emphasis { children }
            | Inline::Strikethrough { children }
            | Inline::Link { children, .. } => capacity(article, children, side),
            Inline::Image { alt, .. } => capacity(article, alt, side),
            Inline::Include { label, .. } => label.len(),
            Inline::Segment { index } => article.segment(*index).map_or(0, |seg| match side {
                Side::Source => seg.source_range.len(),
                Side::Target => seg.target_range.len(),
            }),
            _ => 1,
        })
        .sum()
}

/// English source text of `inlines`.
pub fn source(article: &Article, inlines: &[Inline]) -> String {
    plain(article, inlines, Side::Source)
}

/// Collapses runs of whitespace to one space and trims.
pub fn collapse(text: &str) -> String {
    let mut out = Collapsed::default();
    out.push_str(text);
    out.text
}

/// Position of the first byte at or after `from` where a run of whitespace
/// may start that is not one plain space between two words: ASCII
/// whitespace other than a space, a space followed by another, a space at
/// either end of `bytes`, or the lead byte of a Unicode space (`0xc2`,
/// `0xe1`–`0xe3`). Eight bytes are tested at once: bytes below `0x20`,
/// spaces, `0xc2` and `0xe0`–`0xe3` by the "has a zero byte" test (exact at
/// its lowest hit; later hits may be false, never missed), a space pair as
/// a space whose next byte is one too; each hit is then checked byte-wise
/// ([`starts_run`]), and the scan goes on past the false ones.
fn find_run_start(s: &str, from: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = ONES * 0x80;
    let zero_bytes = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 9) {
        // Eight bytes and the one after, to see a space pair across words.
        let Ok(word) = <[u8; 8]>::try_from(&chunk[..8]) else {
            break;
        };
        let x = u64::from_le_bytes(word);
        let below = x.wrapping_sub(ONES * 0x20) & !x & HIGHS;
        let spaces = zero_bytes(x ^ (ONES * 0x20));
        let next_space = (spaces >> 8) | (u64::from(chunk[8] == b' ') << 63);
        let leads = zero_bytes(x ^ (ONES * 0xc2)) | zero_bytes((x & (ONES * 0xfc)) ^ (ONES * 0xe0));
        let mut hits = below | leads | (spaces & next_space);
        if at == 0 {
            hits |= spaces & 0x80;
        }
        while hits != 0 {
            let i = at + (hits.trailing_zeros() / 8) as usize;
            if starts_run(s, i) {
                return Some(i);
            }
            hits &= hits - 1;
        }
        at += 8;
    }
    (at..bytes.len()).find(|&i| starts_run(s, i))
}

/// Whether a run of whitespace that is not one plain space between two
/// words starts at `i` (see [`find_run_start`]); a plain space before
/// another whitespace character is not seen here but by the caller, which
/// looks one byte back from the run it is given.
fn starts_run(s: &str, i: usize) -> bool {
    let bytes = s.as_bytes();
    match bytes.get(i) {
        Some(b' ') => i == 0 || i + 1 == bytes.len() || bytes.get(i + 1) == Some(&b' '),
        Some(&b) if space::may_start(b) => space::len_at(s, i) > 0,
        _ => false,
    }
}

/// A string that collapses whitespace as it is written (one pass, one buffer).
#[derive(Default)]
struct Collapsed {
    text: String,
    space: bool,
}

impl TextSink for Collapsed {
    /// Appends `s`, collapsing whitespace. Words and the single spaces
    /// between them are copied in one piece; only where a longer run of
    /// whitespace, another whitespace character or a space at either end
    /// is found ([`find_run_start`]) does the text break, and only lead
    /// bytes of Unicode spaces are decoded.
    fn push_str(&mut self, s: &str) {
        let bytes = s.as_bytes();
        let mut word_start = 0;
        let mut i = 0;
        while let Some(found) = find_run_start(s, i) {
            // The run takes the one plain space before it, if any.
            let run = match found.checked_sub(1) {
                Some(p) if p >= word_start && bytes.get(p) == Some(&b' ') => p,
                _ => found,
            };
            self.word(s.get(word_start..run).unwrap_or_default());
            self.space = !self.text.is_empty();
            let mut end = run;
            loop {
                let len = space::len_at(s, end);
                if len == 0 {
                    break;
                }
                end += len;
            }
            word_start = end;
            i = end.max(found + 1);
        }
        self.word(s.get(word_start..).unwrap_or_default());
    }

    fn push(&mut self, c: char) {
        if c.is_whitespace() {
            self.space = !self.text.is_empty();
        } else {
            if self.space {
                self.text.push(' ');
                self.space = false;
            }
            self.text.push(c);
        }
    }
}

impl Collapsed {
    fn word(&mut self, word: &str) {
        if word.is_empty() {
            return;
        }
        if self.space {
            self.text.push(' ');
            self.space = false;
        }
        self.text.push_str(word);
    }
}

/// Labels of `inlines`: `en-US` from the source, the article's locale from
/// the translation. Empty when the source text is empty.
pub fn labels(article: &Article, inlines: &[Inline]) -> Labels {
    let mut out = Labels::new();
    let english = plain(article, inlines, Side::Source);
    if english.is_empty() {
        return out;
    }
    out.insert(
        article.locale.as_str().to_string(),
        plain(article, inlines, Side::Target),
    );
    out.insert(SOURCE_LOCALE.to_string(), english);
    out
}

/// Labels from one English and one translated string.
pub fn pair(article: &Article, english: String, target: String) -> Labels {
    let mut out = Labels::new();
    out.insert(article.locale.as_str().to_string(), target);
    out.insert(SOURCE_LOCALE.to_string(), english);
    out
}

/// Segment ids of `inlines`, in document order, under the article's locale.
pub fn segments(article: &Article, inlines: &[Inline]) -> SegmentIds {
    let mut ids = Vec::new();
    collect_ids(article, inlines, &mut ids);
    let mut out = SegmentIds::new();
    if !ids.is_empty() {
        out.insert(article.locale.as_str().to_string(), ids);
    }
    out
}

fn collect_ids(article: &Article, inlines: &[Inline], ids: &mut Vec<String>) {
    for inline in inlines {
        match inline {
            Inline::Segment { index } => {
                if let Some(seg) = article.segment(*index) {
                    ids.push(seg.id.as_str().to_string());
                }
            }
            Inline::Strong { children }
            | Inline::Emphasis { children }
            | Inline::Strikethrough { children }
            | Inline::Link { children, .. } => collect_ids(article, children, ids),
            _ => {}
        }
    }
}

/// Adds the ids of `more` to `into`, per locale.
pub fn extend_ids(into: &mut SegmentIds, more: SegmentIds) {
    for (locale, ids) in more {
        into.entry(locale).or_default().extend(ids);
    }
}

/// Splits a cell at its `<br>` line breaks, each line with its [`labels`];
/// lines with no English text are dropped.
pub fn lines<'a>(
    article: &'a Article,
    cell: &'a [Inline],
) -> impl Iterator<Item = (&'a [Inline], Labels)> + 'a {
    cell.split(|i| matches!(i, Inline::LineBreak))
        .map(|line| (line, labels(article, line)))
        .filter(|(_, labels)| !labels.is_empty())
}

/// The English text of labels built by [`labels`] (empty when there is none).
pub fn english(labels: &Labels) -> &str {
    labels.get(SOURCE_LOCALE).map_or("", String::as_str)
}

/// Joins label maps key by key with a space (`For recent On-Premise` +
/// `products only`).
pub fn join<'a>(parts: impl IntoIterator<Item = &'a Labels>) -> Labels {
    let mut out = Labels::new();
    for part in parts {
        for (locale, text) in part {
            let entry = out.entry(locale.clone()).or_default();
            if !entry.is_empty() && !text.is_empty() {
                entry.push(' ');
            }
            entry.push_str(text);
        }
    }
    out
}

/// Lowercase kebab-case id of an English name (`Global admin` → `global-admin`).
pub fn kebab(english: &str) -> String {
    let mut out = String::new();
    for c in english.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_whitespace_in_one_pass() {
        assert_eq!(
            collapse("  a \n\t b\u{a0}\u{a0}c\u{3000}한국어  "),
            "a b c 한국어"
        );
        let mut c = Collapsed::default();
        for part in ["Sign ", " in", "", "to", " "] {
            c.push_str(part);
        }
        c.push('x');
        assert_eq!(c.text, "Sign into x");
    }

    /// Collapsing as a reader would: split on whitespace, join with one space
    /// (what `Collapsed` computes over a sequence of pushes).
    fn naive(parts: &[&str]) -> String {
        parts
            .concat()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn collapsed(parts: &[&str]) -> String {
        let mut c = Collapsed::default();
        for part in parts {
            c.push_str(part);
        }
        c.text
    }

    #[test]
    fn finds_runs_like_a_byte_scan() {
        let pieces = [
            "a",
            " ",
            "  ",
            "\t",
            "\n",
            "\u{1}",
            "\u{1f}",
            "!",
            "é",
            "\u{a0}",
            "\u{85}",
            "한국어",
            "\u{3000}",
            "\u{2003}",
            "\u{1680}",
            "ä",
            "\u{e000}",
            "日本",
            "abcdefghij",
            "’",
        ];
        let mut text = String::new();
        for n in 0..400usize {
            text.clear();
            let mut k = n;
            for _ in 0..(n % 23) {
                text.push_str(pieces[k % pieces.len()]);
                k = (k * 7 + 3) % 1009;
            }
            let bytes = text.as_bytes();
            for start in 0..bytes.len() {
                assert_eq!(
                    find_run_start(&text, start),
                    (start..bytes.len()).find(|&i| starts_run(&text, i)),
                    "{text:?} from {start}"
                );
            }
            let parts: Vec<&str> = text.split_inclusive('a').collect();
            assert_eq!(collapsed(&parts), naive(&parts), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn collapses_like_split_whitespace(
            parts in proptest::collection::vec("( |  |\\t|\n|\u{a0}|\u{3000}|\u{2009}|\u{1680}|\u{85}|x|yz|한국|’|\u{1}|[a-z ]{0,12}|\\PC{0,6})*", 0..4)
        ) {
            let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(collapsed(&parts), naive(&parts));
        }
    }

    #[test]
    fn kebab_ids() {
        assert_eq!(kebab("MPN partner admin"), "mpn-partner-admin");
        assert_eq!(kebab("  Admin agent*"), "admin-agent");
    }

    #[test]
    fn joins_labels() {
        let a: Labels = [("en-US".to_string(), "For recent".to_string())].into();
        let b: Labels = [("en-US".to_string(), "products only".to_string())].into();
        assert_eq!(join(&[a, b])["en-US"], "For recent products only");
    }
}
