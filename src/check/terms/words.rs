//! Splitting English and translated text into words, and finding the
//! capitalized ones that names are made of.

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

/// Calls `f` on each capitalized word of `text`, as
/// `words(text).filter(capitalized)`, reading bytes when `text` is ASCII.
pub(super) fn capitalized_words<'t>(text: &'t str, mut f: impl FnMut(&'t str)) {
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

pub(super) fn capitalized(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
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
}
