//! `bracket-mismatch` (warning): the translation opens a bracket it does
//! not close, or closes one it never opened, where every bracket of the
//! source is closed.
//!
//! Why: a lost `)` runs a gloss into the rest of the sentence, and a lost
//! `(` leaves a stray mark; both are easy to miss in review and common in
//! machine translation, which moves glosses around. Round, square and curly
//! brackets count, and the full-width ones of East Asian text (`（）`,
//! `【】`, `「」`, `『』`), each kind on its own; brackets in code, link
//! targets and markup are not text and do not count. A translation may
//! add balanced brackets of its own (`운영 체제(OS)`).
//! Example: source `Microsoft Product Support (On-premises)`, target
//! `Microsoft 제품 지원(온-프레미스`.
//! Fix: close the bracket the translation opens, or drop the stray one.

use super::{at_segment, Context};
use crate::check::scan::Scanned;
use crate::diag::{Code, Diagnostic};
use crate::model::Segment;

/// The bracket pairs, each counted on its own.
const PAIRS: [(char, char); 7] = [
    ('(', ')'),
    ('[', ']'),
    ('{', '}'),
    ('（', '）'),
    ('【', '】'),
    ('「', '」'),
    ('『', '』'),
];

/// Opened and closed brackets of each of [`PAIRS`].
type Counts = [(u32, u32); PAIRS.len()];

/// Compares the balance of the brackets of source and target.
pub fn check(cx: &Context, seg: &Segment, sides: &Scanned, out: &mut Vec<Diagnostic>) {
    if is_balanced(&sides.target.texts) || !is_balanced(&sides.source.texts) {
        return;
    }
    let target = counts(&sides.target.texts);
    let parts: Vec<String> = PAIRS
        .iter()
        .zip(&target)
        .filter(|(_, (opened, closed))| opened != closed)
        .map(|((open, close), (opened, closed))| {
            format!("{opened} `{open}` against {closed} `{close}`")
        })
        .collect();
    out.push(
        at_segment(
            cx.article,
            seg,
            Code::BracketMismatch,
            format!(
                "segment `{}` translation leaves brackets unbalanced ({}); the source closes every bracket it opens",
                seg.id,
                parts.join(", ")
            ),
        )
        .with_hint("close the bracket the translation opens, or drop the stray one"),
    );
}

fn balanced(counts: &Counts) -> bool {
    counts.iter().all(|(opened, closed)| opened == closed)
}

/// Whether every kind of bracket of `texts` opens as often as it closes.
/// Every segment's translation comes here: the ASCII brackets are summed
/// (+1 opening, −1 closing) sixteen bytes at a time, which the compiler
/// turns into SIMD, and only when a text has `E3` or `EF` (the lead bytes
/// of the full-width brackets) are its brackets counted byte by byte.
fn is_balanced(texts: &[&str]) -> bool {
    let mut sums = [0i32; 3];
    let mut wide = false;
    for text in texts.iter().map(|t| t.as_bytes()) {
        let mut block = |chunk: &[u8; 16]| {
            let (mut round, mut square, mut curly, mut lead) = (0i8, 0i8, 0i8, 0u8);
            for &b in chunk {
                round += i8::from(b == b'(') - i8::from(b == b')');
                square += i8::from(b == b'[') - i8::from(b == b']');
                curly += i8::from(b == b'{') - i8::from(b == b'}');
                lead |= u8::from(b == 0xE3) | u8::from(b == 0xEF);
            }
            sums[0] += i32::from(round);
            sums[1] += i32::from(square);
            sums[2] += i32::from(curly);
            wide |= lead != 0;
        };
        let chunks = text.chunks_exact(16);
        let rest = chunks.remainder();
        for chunk in chunks {
            if let Ok(chunk) = <&[u8; 16]>::try_from(chunk) {
                block(chunk);
            }
        }
        if !rest.is_empty() {
            let mut last = [0u8; 16];
            if let Some(head) = last.get_mut(..rest.len()) {
                head.copy_from_slice(rest);
            }
            block(&last);
        }
    }
    if sums != [0; 3] {
        return false;
    }
    !wide || balanced(&counts(texts))
}

/// Counts the brackets of `texts`, byte by byte.
fn counts(texts: &[&str]) -> Counts {
    let mut counts = Counts::default();
    for text in texts {
        count_into(text.as_bytes(), &mut counts);
    }
    counts
}

/// The bracket index and side (`true` for the closing one) of the UTF-8
/// sequence at the start of `bytes`, if it is one of [`PAIRS`].
fn bracket(bytes: &[u8]) -> Option<(usize, bool)> {
    match bytes {
        [b'(', ..] => Some((0, false)),
        [b')', ..] => Some((0, true)),
        [b'[', ..] => Some((1, false)),
        [b']', ..] => Some((1, true)),
        [b'{', ..] => Some((2, false)),
        [b'}', ..] => Some((2, true)),
        // U+FF08, U+FF09
        [0xEF, 0xBC, 0x88, ..] => Some((3, false)),
        [0xEF, 0xBC, 0x89, ..] => Some((3, true)),
        // U+3010, U+3011
        [0xE3, 0x80, 0x90, ..] => Some((4, false)),
        [0xE3, 0x80, 0x91, ..] => Some((4, true)),
        // U+300C–U+300F
        [0xE3, 0x80, 0x8C, ..] => Some((5, false)),
        [0xE3, 0x80, 0x8D, ..] => Some((5, true)),
        [0xE3, 0x80, 0x8E, ..] => Some((6, false)),
        [0xE3, 0x80, 0x8F, ..] => Some((6, true)),
        _ => None,
    }
}

fn count_into(text: &[u8], counts: &mut Counts) {
    for at in 0..text.len() {
        let Some((kind, close)) = text.get(at..).and_then(bracket) else {
            continue;
        };
        if let Some(count) = counts.get_mut(kind) {
            match close {
                false => count.0 += 1,
                true => count.1 += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_are_counted_by_kind() {
        let c = counts(&["a (b) [c", "] {d}", "「e」（f"]);
        assert_eq!(c[0], (1, 1));
        assert_eq!(c[1], (1, 1));
        assert_eq!(c[2], (1, 1));
        assert_eq!(c[3], (1, 0));
        assert_eq!(c[5], (1, 1));
        assert!(!balanced(&c));
        assert!(balanced(&counts(&["운영 체제(OS)", "없음"])));
        for texts in [
            &["a (b) [c", "] {d}", "「e」（f"][..],
            &["(", ")"],
            &["(", "]"],
            &["「", "」"],
            &["「", "』"],
            &["가 (나)"],
            &["0123456789abcdef(", "0123456789abcdef0123456789abcdef)"],
            &["0123456789abcdef0123456789abcdef)"],
            &["{"],
            &[],
        ] {
            assert_eq!(is_balanced(texts), balanced(&counts(texts)), "{texts:?}");
        }
    }

    #[test]
    fn the_byte_patterns_are_the_brackets() {
        for (i, (open, close)) in PAIRS.iter().enumerate() {
            for (c, side) in [(open, false), (close, true)] {
                let mut buf = [0; 4];
                let bytes = c.encode_utf8(&mut buf).as_bytes();
                assert_eq!(bracket(bytes), Some((i, side)), "{c}");
            }
        }
        let others: String = ('\u{3000}'..='\u{303F}')
            .chain('\u{FF00}'..='\u{FF60}')
            .chain(['가', 'Я', '。'])
            .filter(|c| !PAIRS.iter().any(|(o, cl)| c == o || c == cl))
            .collect();
        let mut none = Counts::default();
        count_into(others.as_bytes(), &mut none);
        assert_eq!(none, Counts::default());
    }
}
