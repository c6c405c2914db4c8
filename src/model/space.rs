//! Whitespace in text as [`char::is_whitespace`] sees it, found without
//! decoding every character: only a byte that may start a whitespace
//! character ([`may_start`]) is looked at more closely. Shared by the
//! checks (spacing, normal forms) and extraction (collapsed labels).

/// Whether a byte may start a whitespace character: `\t`–`\r` and the
/// space, or the lead byte of U+0085/U+00A0 (`C2`), U+1680 (`E1`),
/// U+2000–U+205F (`E2`) or U+3000 (`E3`).
pub(crate) fn may_start(b: u8) -> bool {
    MAY_START[usize::from(b)]
}

const MAY_START: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b, 0x09..=0x0D | 0x20 | 0xC2 | 0xE1..=0xE3);
        b += 1;
    }
    table
};

/// Whether `bytes` may hold whitespace other than the ASCII space: a byte
/// that may start it ([`may_start`] but the space). One fold over every
/// byte, which vectorizes; only text it finds is looked at more closely.
pub(crate) fn may_have_other(bytes: &[u8]) -> bool {
    bytes.iter().fold(0, |found, &b| found | may_start_other(b)) != 0
}

/// 1 if `b` may start whitespace other than the ASCII space, else 0, in
/// compares that vectorize.
#[inline]
pub(crate) fn may_start_other(b: u8) -> u8 {
    u8::from(b.wrapping_sub(b'\t') <= b'\r' - b'\t')
        | u8::from(b == 0xC2)
        | u8::from(b.wrapping_sub(0xE1) < 3)
}

/// The length in bytes of the whitespace character at byte `i` of `s`
/// (0 for none, or when `i` is not a character boundary).
pub(crate) fn len_at(s: &str, i: usize) -> usize {
    match s.as_bytes().get(i).copied() {
        Some(0x09..=0x0D | b' ') => 1,
        Some(b) if may_start(b) => s
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8),
        _ => 0,
    }
}

/// The whitespace characters of `text`: where each starts and its length
/// in bytes.
pub(crate) fn spaces(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let start = at + bytes.get(at..)?.iter().position(|&b| may_start(b))?;
        let len = len_at(text, start);
        if len > 0 {
            at = start + len;
            return Some((start, len));
        }
        at = start + 1;
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_whitespace_character() {
        for c in ('\0'..='\u{3100}').chain(['\u{feff}', '\u{1f600}']) {
            let text = format!("a{c}b{c}");
            let found: Vec<(usize, usize)> = spaces(&text).collect();
            let expected: Vec<(usize, usize)> = text
                .char_indices()
                .filter(|(_, c)| c.is_whitespace())
                .map(|(i, c)| (i, c.len_utf8()))
                .collect();
            assert_eq!(found, expected, "{c:?}");
            if c.is_whitespace() && c != ' ' {
                assert!(may_have_other(text.as_bytes()), "{c:?}");
            }
        }
        assert!(!may_have_other("한국어 и русский  text".as_bytes()));
    }
}
