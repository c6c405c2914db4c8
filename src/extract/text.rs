//! Reading inline content on one side of the alignment: the English source
//! (canonical, parsed) or the translation (only ever carried as a label).

use crate::model::{Article, Inline, TextSink};

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
            Inline::Image { alt, .. } => alt.len(),
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

/// Whether a byte may start a whitespace character: ASCII whitespace, or the
/// lead byte of U+0085/U+00A0, U+1680, U+2000–U+205F or U+3000.
fn is_space_start(b: u8) -> bool {
    matches!(
        b,
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0xc2 | 0xe1 | 0xe2 | 0xe3
    )
}

/// Position of the first byte of `bytes` that [`is_space_start`], eight
/// bytes at a time: a word of bytes is tested at once for bytes below `!`
/// (ASCII whitespace and controls), `0xc2` and `0xe0`–`0xe3`; its lowest hit
/// is exact (borrows only run upwards), and is then checked byte-wise.
fn find_space_start(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = ONES * 0x80;
    let zero_bytes = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(word);
        let below = x.wrapping_sub(ONES * 0x21) & !x & HIGHS;
        let hits =
            below | zero_bytes(x ^ (ONES * 0xc2)) | zero_bytes((x & (ONES * 0xfc)) ^ (ONES * 0xe0));
        if hits == 0 {
            at += 8;
            continue;
        }
        let first = at + (hits.trailing_zeros() / 8) as usize;
        if bytes.get(first).is_some_and(|&b| is_space_start(b)) {
            return Some(first);
        }
        at = first + 1;
    }
    let rest = bytes.get(at..)?;
    rest.iter().position(|&b| is_space_start(b)).map(|p| at + p)
}

/// A string that collapses whitespace as it is written (one pass, one buffer).
#[derive(Default)]
struct Collapsed {
    text: String,
    space: bool,
}

impl TextSink for Collapsed {
    /// Appends `s`, collapsing whitespace. Scans bytes: ASCII whitespace is
    /// recognized directly; only lead bytes of Unicode spaces (U+0085,
    /// U+00A0, U+1680, U+2000–U+205F, U+3000) are decoded.
    fn push_str(&mut self, s: &str) {
        let bytes = s.as_bytes();
        let mut word_start = 0;
        let mut i = 0;
        while let Some(off) = bytes.get(i..).and_then(find_space_start) {
            i += off;
            let next = bytes.get(i + 1).copied();
            let single_space = bytes.get(i) == Some(&b' ')
                && i > word_start
                && next.is_some_and(|n| !is_space_start(n));
            if single_space {
                // One space inside a run of text stays in the run: copied in one go.
                i += 1;
                continue;
            }
            let ws_len = match bytes.get(i).copied().unwrap_or_default() {
                b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => 1,
                0xc2 | 0xe1 | 0xe2 | 0xe3 => s
                    .get(i..)
                    .and_then(|r| r.chars().next())
                    .filter(|c| c.is_whitespace())
                    .map_or(0, char::len_utf8),
                _ => 0,
            };
            if ws_len == 0 {
                i += 1;
                continue;
            }
            self.word(s.get(word_start..i).unwrap_or_default());
            self.space = !self.text.is_empty();
            i += ws_len;
            word_start = i;
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

    #[test]
    fn finds_space_starts_like_a_byte_scan() {
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
                let rest = &bytes[start..];
                assert_eq!(
                    find_space_start(rest),
                    rest.iter().position(|&b| is_space_start(b)),
                    "{text:?} from {start}"
                );
            }
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
