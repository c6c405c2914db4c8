//! A fast reader for the front matter nearly every article has: one
//! `key: value` per line, values plain or quoted on their line. It gives the
//! entries `yaml_serde` would give (agreement is property-tested) at a
//! fraction of its cost, and declines, so that `yaml_serde` reads the text,
//! on anything it does not fully understand: block scalars, flow or block
//! collections, anchors, tags, escapes, comments, tabs, indented or
//! continued lines, duplicate keys, numbers and booleans.

use yaml_serde::Value;

/// The entries of `yaml` in order, or `None` to leave it to `yaml_serde`.
pub fn mapping(yaml: &str) -> Option<Vec<(String, Value)>> {
    if !all_plain(yaml) {
        return None;
    }
    let lines = memchr::memchr_iter(b'\n', yaml.as_bytes()).count() + 1;
    let mut entries: Vec<(String, Value)> = Vec::with_capacity(lines);
    for line in yaml.split('\n') {
        if line.is_empty() {
            continue;
        }
        let (key, value) = entry(line)?;
        if entries.iter().any(|(k, _)| k == key) {
            // `yaml_serde` reports duplicate keys.
            return None;
        }
        entries.push((key.to_string(), value));
    }
    (!entries.is_empty()).then_some(entries)
}

/// Whether every character of `yaml` is a [`plain_char`], decoding only
/// where a byte is not ASCII.
fn all_plain(yaml: &str) -> bool {
    let mut rest = yaml;
    while let Some(at) = rest.bytes().position(|b| !matches!(b, b'\n' | b' '..=b'~')) {
        let Some(c) = rest[at..].chars().next() else {
            return false;
        };
        if !plain_char(c) {
            return false;
        }
        rest = &rest[at + c.len_utf8()..];
    }
    true
}

/// Characters this reader takes as they are. Anything else may be a line
/// break to YAML (U+0085, U+2028, U+2029), be rejected by libyaml (control
/// characters, U+FEFF) or need care (tabs).
fn plain_char(c: char) -> bool {
    matches!(c, '\n' | ' '..='~' | '\u{a0}'..='\u{2027}' | '\u{202a}'..='\u{d7ff}')
        || (matches!(c, '\u{e000}'..='\u{fffd}') && c != '\u{feff}')
        || c >= '\u{10000}'
}

/// One `key: value` line.
fn entry(line: &str) -> Option<(&str, Value)> {
    let key_end = line
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-')))
        .unwrap_or(line.len());
    let key = &line[..key_end];
    // A key starts with a letter, is short (libyaml limits simple keys) and
    // is no word YAML reads as null or a boolean.
    if !key.starts_with(|c: char| c.is_ascii_alphabetic()) || key.len() > 128 || special_word(key) {
        return None;
    }
    let rest = line[key_end..].strip_prefix(':')?;
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    Some((key, value(rest.trim_start_matches(' '))?))
}

/// The value after `key: `, up to the end of the line.
fn value(raw: &str) -> Option<Value> {
    let Some(&first) = raw.as_bytes().first() else {
        return Some(Value::Null);
    };
    match first {
        b'"' => quoted(raw, '"', '\\'),
        b'\'' => quoted(raw, '\'', '\''),
        // Indicators: sequences, mappings, flow collections, comments,
        // anchors, aliases, tags, block scalars, directives, reserved.
        b'-' | b'?' | b':' | b',' | b'[' | b']' | b'{' | b'}' | b'#' | b'&' | b'*' | b'!'
        | b'|' | b'>' | b'%' | b'@' | b'`' => None,
        _ => plain(raw.trim_end_matches(' ')),
    }
}

/// A quoted value on one line, with no escape (`\` in `"…"`, `''` in
/// `'…'`) and nothing but spaces after its closing quote.
fn quoted(raw: &str, quote: char, escape: char) -> Option<Value> {
    let body = &raw[1..];
    let end = body.find(quote)?;
    let (text, after) = (&body[..end], &body[end + 1..]);
    if text.contains(escape) || !after.bytes().all(|b| b == b' ') {
        return None;
    }
    Some(Value::String(text.to_string()))
}

/// A plain value: a string unless YAML resolves it to null (kept) or to a
/// boolean or number (left to `yaml_serde`).
fn plain(text: &str) -> Option<Value> {
    // `: ` or a final `:` would start a mapping, ` #` a comment.
    let bytes = text.as_bytes();
    let indicator = |i: usize| match bytes[i] {
        b':' => bytes.get(i + 1).is_none_or(|&b| b == b' '),
        b'#' => i > 0 && bytes[i - 1] == b' ',
        _ => false,
    };
    if memchr::memchr2_iter(b':', b'#', bytes).any(indicator) {
        return None;
    }
    if matches!(text, "~" | "null" | "Null" | "NULL") {
        return Some(Value::Null);
    }
    if special_word(text) || maybe_number(text) {
        return None;
    }
    Some(Value::String(text.to_string()))
}

/// Null and boolean spellings of YAML 1.2's core schema.
fn special_word(text: &str) -> bool {
    matches!(
        text,
        "~" | "null" | "Null" | "NULL" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE"
    )
}

/// Whether `yaml_serde` might read `text` as a number. A superset of what it
/// does read: integers in any base and floats are written with digits,
/// signs, `.`, `_`, base prefixes, hex digits and exponents only, and start
/// with a digit, a sign or a dot (`inf` and `nan` are read as strings).
fn maybe_number(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '+' | '-' | '.'))
        && !text
            .contains(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.' | '_')))
        && number(text)
}

/// What `yaml_serde` reads as a number, narrowed: digits-only text with a
/// leading zero is a string (YAML 1.2), everything else goes by Rust's
/// integer and float parsers, as `yaml_serde` does.
fn number(text: &str) -> bool {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let leading_zero_digits = unsigned.len() > 1
        && unsigned.starts_with('0')
        && unsigned[1..].bytes().all(|b| b.is_ascii_digit());
    if leading_zero_digits {
        return false;
    }
    // Any base prefix, or anything Rust parses as a float (including
    // `inf`/`nan` forms that yaml_serde then rejects): say "maybe".
    let prefixed = |prefix: &str| {
        unsigned
            .get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
    };
    ["0x", "0o", "0b", ".inf", ".nan"].into_iter().any(prefixed)
        || unsigned.parse::<i128>().is_ok()
        || unsigned.parse::<u128>().is_ok()
        || unsigned.parse::<f64>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What `yaml_serde` makes of `yaml`, as entries.
    fn reference(yaml: &str) -> Option<Vec<(String, Value)>> {
        match yaml_serde::from_str::<Value>(yaml).ok()? {
            Value::Mapping(map) => Some(
                map.into_iter()
                    .map(|(k, v)| match k {
                        Value::String(s) => (s, v),
                        other => (format!("{other:?}"), v),
                    })
                    .collect(),
            ),
            _ => None,
        }
    }

    #[test]
    fn reads_typical_front_matter() {
        let yaml =
            "title: Microsoft 파트너 네트워크 혜택 관리\nms.topic: how-to\nms.date: 10/21/2020\n\
                    description: 'Say \"hi\": now'\nms.locfileid: \"106133100\"\n\
                    ms.openlocfilehash: 8fc5566b780c10a953cfb322ad13ce7373dc87cd\nms.custom:\n\
                    ms.author: ~\nurl: https://example.com/a#b\n";
        let fast = mapping(yaml).expect("flat");
        assert_eq!(Some(fast.clone()), reference(yaml));
        assert_eq!(
            fast[0].1,
            Value::String("Microsoft 파트너 네트워크 혜택 관리".into())
        );
        assert_eq!(fast[6].1, Value::Null);
    }

    #[test]
    fn declines_what_it_does_not_read() {
        for yaml in [
            "title: |\n  block\n",
            "title: >\n  folded\n",
            "keywords: [a, b]\n",
            "keywords:\n- a\n- b\n",
            "keywords:\n  - a\n",
            "a: &x 1\nb: *x\n",
            "title: \"tab\\tescape\"\n",
            "title: 'it''s'\n",
            "title: a # comment\n",
            "# comment\ntitle: a\n",
            "title:\ta\n",
            "title: a\n  continued\n",
            "title: a\ntitle: b\n",
            "count: 12\n",
            "ratio: 1e3\n",
            "hex: 0x1F\n",
            "neg: -4\n",
            "flag: true\n",
            "yes: 1\n",
            "title: a: b\n",
            "title: a:\n",
            "title: \"a\" b\n",
            "title: \"unterminated\n",
            "\"title\": a\n",
            "title : a\n",
            "title:a\n",
            "title: ?x\n",
            "title: !tag x\n",
            "title: @x\n",
            "title: a\u{2028}b\n",
            "title: a\u{85}b\n",
            "title: a\u{feff}\n",
            "title: a\u{7}\n",
            "",
            "\n\n",
            "- a\n",
            "%YAML 1.2\n",
        ] {
            assert_eq!(mapping(yaml), None, "{yaml:?}");
        }
    }

    #[test]
    fn numbers_are_declined_and_near_numbers_are_strings() {
        for text in [
            "1", "+1", "-1", "0x1f", "0o7", "0b1", "1.5", ".5", "1e3", "-.inf", ".NaN",
        ] {
            assert_eq!(mapping(&format!("k: {text}\n")), None, "{text}");
        }
        for text in [
            "012",
            "10/21/2020",
            "8fc5566b",
            "1e3x",
            "inf",
            "nan",
            "v1.0",
            "1.2.3",
            "04-01-2021",
            "1_0",
        ] {
            let yaml = format!("k: {text}\n");
            assert_eq!(mapping(&yaml), reference(&yaml), "{text}");
            assert!(mapping(&yaml).is_some(), "{text}");
        }
    }

    fn key() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::sample::select(vec![
                "title",
                "description",
                "ms.date",
                "ms.topic",
                "ms.service",
                "author",
                "ms.author",
                "ms.localizationpriority",
                "ms.custom",
                "ms.openlocfilehash",
                "ms.sourcegitcommit",
                "ms.translationtype",
                "ms.contentlocale",
                "ms.lasthandoff",
                "ms.locfileid",
                "null",
                "True",
                "inf",
            ])
            .prop_map(String::from),
            "[a-zA-Z][a-zA-Z0-9._-]{0,12}",
        ]
    }

    fn value() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-zA-Z가-힣é<=~][a-zA-Z0-9 가-힣.,:/#()!?'\"\\[\\]{}&*|>%@`~=<\u{a0}-]{0,30}",
            "[0-9a-f]{1,40}",
            "[0-9+.eExob_-]{1,8}",
            "[0-9]{2}/[0-9]{2}/[0-9]{4}",
            "\"[a-zA-Z0-9 :#'가-힣\\\\-]{0,20}\"",
            "'[a-zA-Z0-9 :#\"가-힣-]{0,20}'",
            prop::sample::select(vec![
                "",
                "~",
                "null",
                "NULL",
                "true",
                "False",
                ".inf",
                "-.Inf",
                ".nan",
                "0x1F",
                "0o17",
                "0b101",
                "012",
                "-012",
                "+12",
                "1e400",
                "inf",
                "NaN",
                "http://x.y/z",
                "a #b",
                "a#b",
                "[a]",
                "{a: b}",
                "| x",
                "> x",
                "&a x",
                "*a",
                "!t x",
                "- x",
                "a: b",
            ])
            .prop_map(String::from),
        ]
    }

    proptest! {
        #[test]
        fn agrees_with_yaml_serde(
            entries in prop::collection::vec((key(), value()), 1..8),
            spaces in 0usize..3,
        ) {
            let yaml: String = entries
                .iter()
                .map(|(k, v)| format!("{k}:{}{v}{}\n", if v.is_empty() { "" } else { " " }, " ".repeat(spaces)))
                .collect();
            if let Some(fast) = mapping(&yaml) {
                prop_assert_eq!(Some(fast), reference(&yaml), "{:?}", yaml);
            }
        }
    }
}
