//! Locale-aware numbers for `number-mismatch`: finds the numbers in a text
//! and reduces each to canonical forms (`6,000`, `6 000`, `6.000` in German
//! all become `6000`; `1,5` in Russian becomes `1.5`), so that a source and
//! a translation can be compared whatever their grouping and decimal marks.

use std::ops::Range;

mod words;

pub use words::spelled;

/// How a locale writes numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Format {
    /// The decimal mark.
    pub decimal: char,
    /// Punctuation that groups thousands (spaces always do).
    pub group: char,
}

/// English: `6,000.5`.
pub const ENGLISH: Format = Format {
    decimal: '.',
    group: ',',
};

const COMMA_DECIMAL: Format = Format {
    decimal: ',',
    group: '.',
};

/// The number format of a primary language subtag.
pub fn format_of(language: &str) -> Format {
    match language {
        "de" | "nl" | "da" | "es" | "it" | "pt" | "id" | "tr" | "el" | "ro" | "hr" | "sl"
        | "sr" | "vi" | "fr" | "ru" | "uk" | "pl" | "cs" | "sk" | "sv" | "fi" | "nb" | "no"
        | "nn" | "bg" | "lt" | "lv" | "et" | "kk" | "hu" | "ca" | "eu" | "gl" | "az" | "be"
        | "bs" | "mk" | "sq" | "is" => COMMA_DECIMAL,
        _ => ENGLISH,
    }
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// One number as written (digits and the separators between them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The text of the number.
    pub raw: &'a str,
    /// Canonical values it may stand for (one or two).
    pub values: Vec<String>,
}

/// Ordinal markers and units that may follow a number directly (`1st`,
/// `1er`, `10GB`); any other letters make the token an identifier (`2FA`).
const SUFFIXES: &[&str] = &[
    "st", "nd", "rd", "th", "er", "re", "e", "ème", "eme", "o", "a", "x", "k", "m", "s", "h", "d",
    "gb", "mb", "kb", "tb", "ms", "px", "pt", "min", "hr", "hrs",
];

/// Finds the numbers of `text`, read with `formats` (values of every format
/// are kept). Digits inside identifiers (`Win10`, `n-1`, `2FA`) are skipped.
pub fn tokens<'a>(text: &'a str, formats: &[Format], out: &mut Vec<Token<'a>>) {
    number_spans(text, &mut |span| {
        let raw = text.get(span.clone()).unwrap_or_default();
        let rest = text.get(span.end..).unwrap_or_default();
        let mut values = Vec::with_capacity(2);
        for f in formats {
            let v = value(raw, *f);
            if !values.contains(&v) {
                values.push(v);
            }
        }
        if let Some(hour) = raw.strip_suffix(":00") {
            // `9:00` may be written `9시` or `9 Uhr`.
            values.push(value(hour, formats.first().copied().unwrap_or(ENGLISH)));
        }
        values.extend(afternoon(rest, raw));
        if let Some(zeros) = multiplier(rest) {
            let scaled: Vec<String> = values.iter().filter_map(|v| scaled(v, zeros)).collect();
            values.extend(scaled);
        }
        if let Some(base) = radix(raw, rest) {
            values.push(base);
        }
        out.push(Token { raw, values });
    });
}

/// The 24-hour forms of `raw` when `text` has `PM` after it: `5 PM` is
/// also `17` and `5:30 p.m.` also `17:30`, as most locales write the hour
/// (`17 Uhr`, `17:30`). Hours 1–11 only (`12 PM` is noon in both clocks).
fn afternoon(rest: &str, raw: &str) -> Vec<String> {
    let rest = rest.trim_start_matches([' ', '\u{a0}']);
    let word_ends = |n: usize| {
        !rest
            .get(n..)
            .unwrap_or_default()
            .starts_with(|c: char| c.is_alphanumeric())
    };
    let pm = (rest.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("pm")) && word_ends(2))
        || rest
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case("p.m."));
    let (hour, minutes) = raw
        .split_once(':')
        .map_or((raw, None), |(h, m)| (h, Some(m)));
    let Some(hour) = hour
        .parse::<u32>()
        .ok()
        .filter(|h| pm && (1..=11).contains(h))
    else {
        return Vec::new();
    };
    let hour = hour + 12;
    match minutes {
        Some(m) if m.len() == 2 => vec![hour.to_string(), format!("{hour}:{m}")],
        Some(_) => Vec::new(),
        None => vec![hour.to_string()],
    }
}

/// The power of ten a number word after a number multiplies it by:
/// `10만` is 100,000 in Korean, `3万` 30,000 in Japanese and Chinese,
/// `1.5 million` 1,500,000, `2 млн` 2,000,000. Korean, Chinese and
/// Japanese attach theirs; words of other languages follow a space.
fn multiplier(rest: &str) -> Option<u32> {
    // Longest first: `백만` before `백`.
    const ATTACHED: &[(&str, u32)] = &[
        ("천만", 7),
        ("백만", 6),
        ("千万", 7),
        ("百万", 6),
        ("만", 4),
        ("억", 8),
        ("조", 12),
        ("万", 4),
        ("萬", 4),
        ("億", 8),
        ("亿", 8),
        ("兆", 12),
    ];
    // Word stems, lowercase (`million` also covers `millions`, `millionen`).
    const WORDS: &[(&str, u32)] = &[
        ("thousand", 3),
        ("million", 6),
        ("billion", 9),
        ("тыс", 3),
        ("млн", 6),
        ("миллион", 6),
        ("млрд", 9),
        ("миллиард", 9),
        ("mio", 6),
        ("mrd", 9),
        ("milliard", 9),
        ("millón", 6),
        ("millones", 6),
        ("milhão", 6),
        ("milhões", 6),
        ("milione", 6),
        ("milioni", 6),
    ];
    if let Some(&(_, zeros)) = ATTACHED.iter().find(|(w, _)| rest.starts_with(w)) {
        return Some(zeros);
    }
    let word = rest.strip_prefix([' ', '\u{a0}'])?;
    let end = word
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(word.len());
    let word = word.get(..end)?.to_lowercase();
    WORDS
        .iter()
        .find(|(stem, _)| {
            word.starts_with(stem) && word.chars().count() - stem.chars().count() <= 3
        })
        .map(|&(_, zeros)| zeros)
}

/// The prefix of a value that names a base of numeration, not a quantity.
const RADIX: &str = "radix:";

/// `radix:10` when `raw` names a base of numeration, as Japanese,
/// Chinese and Korean write `decimal`, `hexadecimal`: `10進数`, `16进制`,
/// `2진수`. English has no number there (see [`spelled`]).
fn radix(raw: &str, rest: &str) -> Option<String> {
    const SUFFIXES: &[&str] = &[
        "進数", "進法", "進制", "進位", "进数", "进制", "进位", "진수", "진법",
    ];
    (matches!(raw, "2" | "8" | "10" | "16") && SUFFIXES.iter().any(|s| rest.starts_with(s)))
        .then(|| format!("{RADIX}{raw}"))
}

/// `value` (a canonical number, `1.5`) times ten to `zeros`, when that is
/// a whole number (`1500000`).
fn scaled(value: &str, zeros: u32) -> Option<String> {
    let (int, fraction) = value.split_once('.').unwrap_or((value, ""));
    if !int
        .bytes()
        .chain(fraction.bytes())
        .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let pad = usize::try_from(zeros).ok()?.checked_sub(fraction.len())?;
    let digits = format!("{int}{fraction}{}", "0".repeat(pad));
    Some(integer(&digits))
}

/// Calls `f` with the text of each number of `text`, as [`tokens`] finds
/// them, without reading their values.
pub fn raw_numbers<'a>(text: &'a str, f: &mut impl FnMut(&'a str)) {
    number_spans(text, &mut |span| f(text.get(span).unwrap_or_default()));
}

/// Where each number of `text` is, as [`raw_numbers`] finds them.
fn number_spans(text: &str, f: &mut impl FnMut(Range<usize>)) {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = next_digit(bytes, from) {
        if let Some((parts, end)) = date(text, i) {
            // A date is its day, month and year, in whatever order and
            // with whatever marks the locale writes them (`05/27/2021`,
            // `27.05.2021`, `2021년 5월 27일`), unless it is glued to a word.
            let glued = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
            if !glued(text[..i].chars().next_back()) && !glued(text[end..].chars().next()) {
                parts.into_iter().for_each(&mut *f);
                from = end;
                continue;
            }
        }
        let end = number_end(text, i);
        let before = text[..i].chars().next_back();
        let after = text[end..].chars().next();
        // `n-1`, `v2.0/3` are identifiers; `85-100` is a range (written
        // `85–100` in many locales), whose second number counts.
        let ident_before = before.is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            || (before.is_some_and(|c| matches!(c, '-' | '/' | '.')) && {
                let prev = text[..i - 1].chars().next_back();
                prev.is_some_and(|c| {
                    c.is_ascii_alphabetic() || (c.is_ascii_digit() && before != Some('-'))
                })
            });
        // ASCII letters only: compared without case, as lowercased.
        let rest = &text[end..];
        let suffix = rest
            .get(..rest.bytes().take_while(u8::is_ascii_alphabetic).count())
            .unwrap_or_default();
        let ident_after = after.is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && !SUFFIXES.iter().any(|s| s.eq_ignore_ascii_case(suffix));
        if ident_before || ident_after {
            from = skip_word(text, end);
            continue;
        }
        f(i..end);
        from = end;
    }
}

/// The day, month and year of a date written with digits at `start`, and
/// where it ends: `5/27/2021` and `27.05.2021` (day and month in either
/// order, then a four-digit year; `.` may be followed by a space), or
/// `2021-05-27`, `2021/5/27`, `2021. 05. 27.` (the year first). The year
/// is 1900–2099, the other two at most 31 and one of them at most 12; the
/// same mark separates all three, and no further `mark digit` follows (a
/// version such as `1.2.2021.3` is no date).
fn date(text: &str, start: usize) -> Option<([Range<usize>; 3], usize)> {
    let bytes = text.as_bytes();
    let digits = |at: usize| {
        let n = bytes.get(at..).map_or(0, |rest| {
            rest.iter().take_while(|b| b.is_ascii_digit()).count()
        });
        (n > 0).then_some(at + n)
    };
    let first_end = digits(start)?;
    let mark = *bytes.get(first_end)?;
    if !matches!(mark, b'/' | b'.' | b'-') {
        return None;
    }
    // After a mark, the next part's start (a space may follow a dot).
    let after_mark = |at: usize| match bytes.get(at + 1) {
        Some(b' ') if mark == b'.' => at + 2,
        _ => at + 1,
    };
    let second = after_mark(first_end);
    let second_end = digits(second)?;
    if bytes.get(second_end) != Some(&mark) {
        return None;
    }
    let third = after_mark(second_end);
    let third_end = digits(third)?;
    if bytes.get(third_end) == Some(&mark)
        && bytes.get(third_end + 1).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let parts = [start..first_end, second..second_end, third..third_end];
    let number = |p: &Range<usize>| text.get(p.clone())?.parse::<u32>().ok();
    let [a, b, c] = parts.clone().map(|p| p.len());
    let (year, day_and_month) = match (a, b, c) {
        (4, 1..=2, 1..=2) => (number(&parts[0]), [&parts[1], &parts[2]]),
        (1..=2, 1..=2, 4) if mark != b'-' => (number(&parts[2]), [&parts[0], &parts[1]]),
        _ => return None,
    };
    let [d, m] = day_and_month.map(number);
    let plausible = year.is_some_and(|year| (1900..=2099).contains(&year))
        && d.zip(m).is_some_and(|(d, m)| {
            let (low, high) = (d.min(m), d.max(m));
            (1..=12).contains(&low) && high <= 31
        });
    plausible.then_some((parts, third_end))
}

/// The position of the first ASCII digit in `bytes[from..]` (most
/// sentences have none). Sixteen bytes at a time are tested with a fold
/// with no early exit, which the compiler turns into SIMD.
fn next_digit(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 16) {
        if chunk
            .iter()
            .fold(false, |found, b| found | b.is_ascii_digit())
        {
            break;
        }
        at += 16;
    }
    let offset = bytes.get(at..)?.iter().position(u8::is_ascii_digit)?;
    Some(at + offset)
}

/// End of the number starting at `start`: digits, and separators followed
/// by digits (a space only before exactly three digits).
fn number_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    loop {
        while end < bytes.len() && bytes[end].is_ascii_digit() {
            end += 1;
        }
        let Some(sep) = text[end..].chars().next() else {
            return end;
        };
        let next = end + sep.len_utf8();
        let digits = bytes[next..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let ok = match sep {
            ',' | '.' | '\'' => digits > 0,
            ':' => digits == 2,
            c if is_space(c) => digits == 3,
            _ => false,
        };
        if !ok {
            return end;
        }
        end = next;
    }
}

fn skip_word(text: &str, from: usize) -> usize {
    let len: usize = text[from..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
        .map(char::len_utf8)
        .sum();
    from + len
}

/// The canonical value of `raw` in `format`: `6000`, `1.5`, or the token
/// itself (spaces unified) when it is no valid number there (`2.1.0`, `1,5` in English).
pub fn value(raw: &str, format: Format) -> String {
    let mut groups: Vec<&str> = Vec::new();
    let mut seps: Vec<char> = Vec::new();
    let mut start = 0;
    for (i, c) in raw.char_indices() {
        if !c.is_ascii_digit() {
            groups.push(&raw[start..i]);
            seps.push(if is_space(c) { ' ' } else { c });
            start = i + c.len_utf8();
        }
    }
    groups.push(&raw[start..]);
    let is_group = |c: char| c == ' ' || c == format.group;
    let grouped = |gs: &[&str], ss: &[char]| {
        ss.iter().all(|s| is_group(*s) && *s == ss[0])
            && gs.first().is_some_and(|g| (1..=3).contains(&g.len()))
            && gs.iter().skip(1).all(|g| g.len() == 3)
    };
    if seps.is_empty() || grouped(&groups, &seps) {
        return integer(&groups.concat());
    }
    if let (Some((&last_sep, lead_seps)), Some((&fraction, lead))) =
        (seps.split_last(), groups.split_last())
    {
        if last_sep == format.decimal && (lead_seps.is_empty() || grouped(lead, lead_seps)) {
            let fraction = fraction.trim_end_matches('0');
            let int = integer(&lead.concat());
            return if fraction.is_empty() {
                int
            } else {
                format!("{int}.{fraction}")
            };
        }
    }
    raw.chars()
        .map(|c| if is_space(c) { ' ' } else { c })
        .collect()
}

fn integer(digits: &str) -> String {
    let trimmed = digits.trim_start_matches('0');
    if trimmed.is_empty() {
        "0".to_string()
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_test_agrees_with_bytes() {
        let mut samples = vec![String::new(), "no digits here at all".to_string()];
        for len in 1..40 {
            for at in 0..len {
                for b in [b'0', b'9', b'/', b':', 0xB0u8 - 0x80, b'P'] {
                    let mut s = vec![b'a'; len];
                    s[at] = b;
                    samples.push(String::from_utf8(s).unwrap());
                }
            }
        }
        samples.push("ab²³°٣ 가나다".to_string());
        for s in &samples {
            let bytes = s.as_bytes();
            for from in 0..=bytes.len() + 1 {
                let expected = bytes
                    .get(from..)
                    .and_then(|rest| rest.iter().position(u8::is_ascii_digit))
                    .map(|p| p + from);
                assert_eq!(next_digit(bytes, from), expected, "{s:?} {from}");
            }
        }
    }

    #[test]
    fn dates_are_their_day_month_and_year() {
        fn parts(text: &str) -> Vec<&str> {
            let mut out = Vec::new();
            raw_numbers(text, &mut |n| out.push(n));
            out
        }
        assert_eq!(parts("on 05/27/2021."), ["05", "27", "2021"]);
        assert_eq!(parts("am 27.05.2021"), ["27", "05", "2021"]);
        assert_eq!(parts("2021. 05. 27."), ["2021", "05", "27"]);
        assert_eq!(parts("2021-05-27"), ["2021", "05", "27"]);
        // Not dates: a version, a year out of range, no day or month.
        assert_eq!(parts("1.2.2021.3"), ["1.2.2021.3"]);
        assert_eq!(parts("10/20/3000"), ["10"]);
        assert_eq!(parts("13/13/2021"), ["13"]);
        assert_eq!(parts("0/5/2021"), ["0"]);
        assert_eq!(parts("v05/27/2021"), Vec::<&str>::new());
    }

    #[test]
    fn number_words_multiply() {
        assert_eq!(scaled("1.5", 6).as_deref(), Some("1500000"));
        assert_eq!(scaled("10", 4).as_deref(), Some("100000"));
        assert_eq!(scaled("1.2345", 2), None);
        assert_eq!(multiplier("만 개"), Some(4));
        assert_eq!(multiplier("백만 달러"), Some(6));
        assert_eq!(multiplier(" миллионов"), Some(6));
        assert_eq!(multiplier(" Milliarden"), Some(9));
        assert_eq!(multiplier(" millimeters"), None);
        assert_eq!(multiplier(" items"), None);
    }

    #[test]
    fn bases_of_numeration_are_named() {
        assert_eq!(radix("10", "進数で入力します").as_deref(), Some("radix:10"));
        assert_eq!(radix("16", "进制").as_deref(), Some("radix:16"));
        assert_eq!(radix("2", "진수").as_deref(), Some("radix:2"));
        assert_eq!(radix("10", "個"), None);
        assert_eq!(radix("12", "進数"), None);
    }
}
