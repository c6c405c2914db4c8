//! Numbers written as words: `two`, `두 개`, `нуль`, a month's name for
//! its number in a date, and a base of numeration's name (`decimal` for
//! `10進数`). A number one side writes in digits and the other in words
//! is no changed number.

use super::RADIX;

/// Whether `text` spells `n` (0–10) as a word in `language` (`두 개`, `two`),
/// or, in English, names month `n` (1–12): `August 1` is `8월 1일` in
/// Korean, `8月1日` in Japanese and Chinese; or base `n` of a
/// `radix:` value: `decimal` is `10進数`.
pub fn spelled(text: &str, language: &str, n: &str) -> bool {
    if let Some(base) = n.strip_prefix(RADIX) {
        return language == "en" && names_base(text, base);
    }
    let Ok(n) = n.parse::<usize>() else {
        return false;
    };
    if language == "en" && names_month(text, n) {
        return true;
    }
    let words = match n {
        0 => zero_words(language),
        n => number_words(language)
            .get(n - 1)
            .copied()
            .unwrap_or_default(),
    };
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .any(|w| {
            let w = w.to_lowercase();
            words.iter().any(|p| w.starts_with(p))
        })
}

/// Whether English `text` has the name of month `n` as a word
/// (capitalized, as English writes month names: `may` is not May).
fn names_month(text: &str, n: usize) -> bool {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let Some(month) = n.checked_sub(1).and_then(|i| MONTHS.get(i)) else {
        return false;
    };
    text.split(|c: char| !c.is_alphabetic())
        .any(|w| w == *month || (w.len() == 3 && month.starts_with(w) && n != 5))
}

/// Word stems for 0 by language (`нуль` for a table's `0`); none where the
/// word is also the start of common words (Korean `영`, English `no`).
fn zero_words(language: &str) -> &'static [&'static str] {
    match language {
        "en" | "fr" => &["zero", "zéro"],
        "it" | "pt" | "ca" | "pl" => &["zero"],
        "es" => &["cero"],
        "nl" => &["nul"],
        "sv" => &["noll"],
        "da" | "nb" | "no" => &["null"],
        "cs" | "sk" => &["nula", "nulou"],
        "fi" => &["nolla"],
        "tr" => &["sıfır"],
        "ru" => &["нол", "нул"],
        "hu" => &["nulla"],
        "de" => &["null"],
        _ => &[],
    }
}

/// Word stems for 1 to 10 (cardinal and ordinal) by language.
fn number_words(language: &str) -> &'static [&'static [&'static str]] {
    match language {
        "en" => &[
            &["one", "first", "single"],
            &["two", "second", "both"],
            &["three", "third"],
            &["four"],
            &["five", "fifth"],
            &["six"],
            &["seven"],
            &["eight"],
            &["nine", "ninth"],
            &["ten"],
        ],
        "ko" => &[
            &["한", "하나", "첫"],
            &["두", "둘"],
            &["세", "셋"],
            &["네", "넷"],
            &["다섯"],
            &["여섯"],
            &["일곱"],
            &["여덟"],
            &["아홉"],
            &["열"],
        ],
        "ru" => &[
            &["один", "одн", "перв"],
            &["два", "две", "двух", "двум", "втор", "оба", "обе"],
            &["три", "трех", "трёх", "трем", "трёт", "трет"],
            &["четыр", "четвер"],
            &["пят"],
            &["шест"],
            &["сем", "седьм"],
            &["восем", "восьм"],
            &["девят"],
            &["десят"],
        ],
        "hu" => &[
            &["egy", "első"],
            &["két", "kettő", "második", "mindkét"],
            &["három", "harmad"],
            &["négy", "negyed"],
            &["öt"],
            &["hat"],
            &["hét"],
            &["nyolc"],
            &["kilenc"],
            &["tíz", "tized"],
        ],
        "de" => &[
            &["ein", "erst"],
            &["zwei", "beide"],
            &["drei", "dritt"],
            &["vier"],
            &["fünf"],
            &["sechs"],
            &["sieben"],
            &["acht"],
            &["neun"],
            &["zehn"],
        ],
        "fr" => &[
            &["un", "une", "premi"],
            &["deux", "second"],
            &["trois"],
            &["quatre"],
            &["cinq"],
            &["six"],
            &["sept"],
            &["huit"],
            &["neuf"],
            &["dix"],
        ],
        _ => &[],
    }
}

/// Whether English `text` names base `base` as a word (`decimal`).
fn names_base(text: &str, base: &str) -> bool {
    let names: &[&str] = match base {
        "2" => &["binary"],
        "8" => &["octal"],
        "10" => &["decimal"],
        "16" => &["hexadecimal", "hex"],
        _ => &[],
    };
    text.split(|c: char| !c.is_alphabetic())
        .any(|w| names.iter().any(|n| w.eq_ignore_ascii_case(n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases_of_numeration_are_named() {
        assert!(spelled("Enter a decimal number.", "en", "radix:10"));
        assert!(spelled("a hex value", "en", "radix:16"));
        assert!(!spelled("a binary value", "en", "radix:10"));
        assert!(!spelled("デシマル", "ja", "radix:10"));
    }
}
