//! How a term's translation is recognized in a sentence: by the stems of
//! its words, so that inflection and attached particles still match.

use super::words::words;

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

/// A character lowercased for matching: [`char::to_lowercase`], with the
/// i's of Turkish and Azerbaijani folded together. `I`, `İ`, `ı` and `i`
/// all read `i` (`İ` lowercases to `i` and a combining dot, U+0307, which
/// is dropped), so `İş Ortağı` matches `iş ortağı` and `IŞIK` `ışık`, in
/// whichever locale. Only these languages write `ı`, and a stem is a
/// prefix anyway: the fold costs nothing elsewhere.
fn fold(c: char) -> impl Iterator<Item = char> {
    c.to_lowercase()
        .filter(|&c| c != '\u{307}')
        .map(|c| if c == 'ı' { 'i' } else { c })
}

/// [`fold`] over a string, with `str::to_lowercase`'s final sigma.
fn fold_str(text: &str) -> String {
    if text.contains('Σ') {
        text.to_lowercase().chars().flat_map(fold).collect()
    } else {
        text.chars().flat_map(fold).collect()
    }
}

/// Whether [`fold`] changes a character of `text`.
fn folds(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_uppercase() || matches!(c, 'ı' | '\u{307}'))
}

/// The stems a translation of a term is recognized by: each word
/// lowercased ([`fold`]), less its last two letters when longer than four
/// (endings of inflected languages). A word of an unspaced script is kept
/// whole and is looked for anywhere in a word, not at its start ([`uses`]).
pub(super) fn stems(text: &str) -> Vec<String> {
    words(text)
        .map(|w| {
            let lower: Vec<char> = fold_str(w).chars().collect();
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
pub(super) fn uses<'t>(target: &'t str, wording: &[String], buffer: &mut Vec<&'t str>) -> bool {
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

/// `fold_str(word).contains(stem)`, allocating only for a word that
/// folds.
fn lower_contains(word: &str, stem: &str) -> bool {
    if folds(word) {
        fold_str(word).contains(stem)
    } else {
        word.contains(stem)
    }
}

/// `fold_str(word).starts_with(stem)`, without allocating: the lowercase
/// of a string is that of its characters except for a final sigma, so
/// only words with `Σ` take the allocating path.
fn lower_starts_with(word: &str, stem: &str) -> bool {
    if word.is_ascii() {
        return word
            .get(..stem.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(stem));
    }
    if word.contains('Σ') {
        return fold_str(word).starts_with(stem);
    }
    let mut lower = word.chars().flat_map(fold);
    stem.chars().all(|c| lower.next() == Some(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `target` uses the translation `wording` of a term.
    fn matches(wording: &str, target: &str) -> bool {
        uses(target, &stems(wording), &mut Vec::new())
    }

    #[test]
    fn stems_absorb_inflection_and_particles() {
        assert!(matches("Поддержка продуктов", "нужна поддержку продукта"));
        assert!(matches("Microsoft 기술 지원", "Microsoft 기술 지원을"));
        assert!(!matches("Microsoft 기술 지원", "Microsoft 제품 지원"));
        let chinese = "合作夥伴中心";
        assert!(matches(chinese, "在合作夥伴中心註冊並註冊您的應用程式"));
        assert!(matches(chinese, "存取合作夥伴中心 Api。"));
        assert!(!matches(chinese, "在合作夥伴註冊"));
        let japanese = "パートナー センター";
        assert!(matches(japanese, "パートナー センターでアプリを登録します"));
    }

    #[test]
    fn the_turkish_is_match_in_any_case() {
        let partner = "İş Ortağı Merkezi";
        assert!(matches(partner, "iş ortağı merkezinde oturum açın"));
        assert!(matches(partner, "İŞ ORTAĞI MERKEZİ"));
        assert!(matches("Işık", "ışık"));
        assert!(!matches("Işık", "karanlık"));
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
            let lower = fold_str(word);
            for end in (0..=lower.len()).filter(|&i| lower.is_char_boundary(i)) {
                let stem = &lower[..end];
                assert!(lower_starts_with(word, stem), "{word} / {stem}");
            }
            assert!(!lower_starts_with(word, "zzz"));
        }
    }
}
