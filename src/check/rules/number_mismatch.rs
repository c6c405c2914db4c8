//! `number-mismatch` (warning): a number of the source is missing from the
//! translation, or the translation has one the source does not.
//!
//! Why: a wrong count, limit or price is the most harmful mistranslation,
//! and MT drops or rewrites digits more often than people think.
//! Locale-aware: `6,000` = `6000` = `6 000` (also with no-break spaces) =
//! `6.000` where the locale groups with dots; `1.5` = `1,5` where the decimal
//! mark is a comma. Digits in link URLs, code and identifiers (`Win10`,
//! `n-1`) are ignored, and so is a number the other side glues to a word
//! (`Windows 7` as `Windows7`, `OAuth 2.0` as `OAuth2.0`); ordinal and unit suffixes (`1st`, `1er`, `10GB`) and
//! attached words (`10개`, `2단계`) are allowed; `0`–`10` may be spelled out
//! (`2 benefits` = `두 개의 혜택`, `0` = `нуль`). A date counts as its day, month and year
//! in any order (`05/27/2021` = `27.05.2021` = `2021년 5월 27일`), and an
//! afternoon hour may be written in the 24-hour clock (`5 PM` = `17 Uhr`);
//! a base is a word, not a number (`decimal` = `10進数`, `16进制`, `2진수`).
//! Number words multiply: `10만` = `100,000`, `1.5 million` = `150만`,
//! `2 млн` = `2,000,000`.
//! Example: source `10 Incidents`, target `15건의 인시던트`.
//! Fix: write the source's number in the translation.

use super::{at_segment, lost_and_added, Context};
use crate::check::numbers::{format_of, spelled, tokens, Token, ENGLISH};
use crate::check::scan::Scanned;
use crate::diag::{Code, Diagnostic};
use crate::model::{Inline, Segment};

/// Compares the numbers of source and target.
pub fn check(cx: &Context, seg: &Segment, sides: &Scanned, out: &mut Vec<Diagnostic>) {
    if same_numbers(&sides.source.numbers, &sides.target.numbers) {
        return;
    }
    let language = cx.language;
    let source = numbers(&sides.source.texts, &[ENGLISH]);
    let target = numbers(&sides.target.texts, &[format_of(language), ENGLISH]);
    if source.is_empty() && target.is_empty() {
        return;
    }
    let missing = unmatched(&source, &target, &seg.target, language);
    let added = unmatched(&target, &source, &seg.source, "en");
    if missing.is_empty() && added.is_empty() {
        return;
    }
    let change = lost_and_added(&missing.join(", "), &added.join(", "));
    out.push(
        at_segment(
            cx.article,
            seg,
            Code::NumberMismatch,
            format!("segment `{}` changes numbers: {}", seg.id, change),
        )
        .with_hint("write the source's numbers in the translation (local digit grouping is fine)"),
    );
}

/// Whether every number of each side (as written) is written the same way on the other
/// (true when neither has any). The source reads numbers in English and
/// the translation in its own format and in English, so a number written
/// alike has a value in common on both sides: nothing is missing or added,
/// and no value needs working out.
fn same_numbers(source: &[&str], target: &[&str]) -> bool {
    source.iter().all(|n| target.contains(n)) && target.iter().all(|n| source.contains(n))
}

fn numbers<'a>(texts: &[&'a str], formats: &[crate::check::numbers::Format]) -> Vec<Token<'a>> {
    let mut out = Vec::new();
    for text in texts {
        tokens(text, formats, &mut out);
    }
    out
}

/// Whether `digits` is in `text` glued to a word (`Windows7`,
/// `Server2016`, `OAuth2.0`), directly or by a hyphen as compounds are
/// written in Swedish, German or Hungarian (`PowerShell-6.2.0`,
/// `Windows-10-enheter`), where it is no number of its own: the other
/// side wrote it apart, it did not change the number.
fn glued(text: &str, digits: &str) -> bool {
    let bytes = digits.as_bytes();
    let inner = |b: &u8| b.is_ascii_digit() || *b == b'.' || *b == b',';
    if !bytes.first().is_some_and(u8::is_ascii_digit)
        || !bytes.last().is_some_and(u8::is_ascii_digit)
        || !bytes.iter().all(inner)
    {
        return false;
    }
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    text.match_indices(digits).any(|(at, _)| {
        let (before, beyond) = next_two(text[..at].chars().rev());
        let (after, past) = next_two(text[at + digits.len()..].chars());
        let word =
            |c: Option<char>, next: Option<char>| letter(c) || (c == Some('-') && letter(next));
        !digit(before) && !digit(after) && (word(before, beyond) || word(after, past))
    })
}

/// The next character and the one after it.
fn next_two(mut chars: impl Iterator<Item = char>) -> (Option<char>, Option<char>) {
    let next = chars.next();
    (next, chars.next())
}

/// Tokens of `these` whose value is not among `those`, nor spelled out in
/// `other_side` (in `language`); each reported once, quoted.
fn unmatched(
    these: &[Token],
    those: &[Token],
    other_side: &[Inline],
    language: &str,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut plain: Option<String> = None;
    for token in these {
        if those
            .iter()
            .any(|t| t.values.iter().any(|v| token.values.contains(v)))
        {
            continue;
        }
        let text = plain.get_or_insert_with(|| Inline::plain_text(other_side));
        if token.values.iter().any(|v| spelled(text, language, v)) || glued(text, token.raw) {
            continue;
        }
        let quoted = format!("`{}`", token.raw);
        if !out.contains(&quoted) {
            out.push(quoted);
        }
    }
    out
}
