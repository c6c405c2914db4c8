//! Splitting English and translated text into words.

/// The words of `text`: runs of alphanumeric characters, as
/// `text.split(|c: char| !c.is_alphanumeric())` without the empty ones.
pub(super) fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

/// Iterator of [`words`].
pub(super) struct Words<'a> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
