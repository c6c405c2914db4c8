//! Splits the YAML front matter off an article and reads it into
//! [`FrontMatter`], flat `key: value` lines through `flat`, anything else
//! with `yaml_serde`. Problems become `front-matter` diagnostics; the body
//! is parsed whatever happens here.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use yaml_serde::Value;

use crate::diag::{Code, Diagnostic};
use crate::model::front::{FrontMatter, TranslationType};

/// Where the front matter and body sit in the text.
pub struct Split<'a> {
    /// The YAML between the `---` lines, and its byte offset.
    pub yaml: Option<(&'a str, usize)>,
    /// Byte offset where the Markdown body starts.
    pub body_start: usize,
}

/// Finds the `---` … `---` block at the top of `text`.
pub fn split<'a>(text: &'a str, path: &str, diags: &mut Vec<Diagnostic>) -> Split<'a> {
    let Some(first_end) = fence_end(text, 0) else {
        diags.push(
            Diagnostic::new(
                Code::NoFrontMatter,
                path,
                1,
                1,
                "no front matter: the page is titled by its first heading or its file name, and no source version is known",
            )
            .with_hint("if this is an article, start the file with a `---` line, the keys, and another `---` line"),
        );
        return Split {
            yaml: None,
            body_start: 0,
        };
    };
    let mut pos = first_end;
    while pos < text.len() {
        if let Some(end) = fence_end(text, pos) {
            return Split {
                yaml: Some((&text[first_end..pos], first_end)),
                body_start: end,
            };
        }
        pos = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
    }
    diags.push(
        Diagnostic::new(
            Code::FrontMatter,
            path,
            1,
            1,
            "front matter is never closed",
        )
        .with_hint("did you forget the `---` line after the last key?"),
    );
    Split {
        yaml: None,
        body_start: 0,
    }
}

/// If a `---` (or `...` when closing) line starts at `pos`, the offset after it.
fn fence_end(text: &str, pos: usize) -> Option<usize> {
    let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
    let line = text[pos..line_end].trim_end();
    let closing = pos > 0 && line == "...";
    (line == "---" || closing).then(|| (line_end + 1).min(text.len()))
}

/// Reads the YAML into typed front matter, reporting what is wrong.
pub fn read(
    yaml: Option<(&str, usize)>,
    path: &str,
    lines: &super::lines::LineIndex,
    diags: &mut Vec<Diagnostic>,
) -> FrontMatter {
    let Some((yaml, offset)) = yaml else {
        return FrontMatter::default();
    };
    let first_line = lines.line(offset);
    // Flat `key: value` front matter (nearly all of it) skips yaml_serde.
    let entries = match super::flat::mapping(yaml) {
        Some(entries) => entries,
        None => match parse_yaml(yaml, path, first_line, diags) {
            Some(entries) => entries,
            None => return FrontMatter::default(),
        },
    };
    let mut reader = Reader {
        yaml,
        first_line,
        path,
        diags,
        fields: Vec::with_capacity(entries.len()),
    };
    for (key, value) in entries {
        reader.insert(key, value);
    }
    reader.front()
}

/// The entries of `yaml` through `yaml_serde`, or `None` after reporting
/// why it is not a mapping.
fn parse_yaml(
    yaml: &str,
    path: &str,
    first_line: u32,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<(String, Value)>> {
    if let Some(at) = too_deep(yaml) {
        let line = first_line + yaml[..at].matches('\n').count() as u32;
        let column = yaml[..at]
            .rsplit('\n')
            .next()
            .map_or(0, |l| l.chars().count()) as u32
            + 1;
        let message = format!("`[` and `{{` nest deeper than {MAX_FLOW_DEPTH} levels");
        diags.push(invalid(path, line, column, message));
        return None;
    }
    let map = match yaml_serde::from_str::<Value>(yaml) {
        Ok(Value::Mapping(map)) => map,
        Ok(Value::Null) => Default::default(),
        Ok(_) => {
            diags.push(Diagnostic::new(
                Code::FrontMatter,
                path,
                first_line,
                1,
                "front matter is not a mapping of keys to values",
            ));
            return None;
        }
        Err(e) => {
            let (line, column) = e.location().map_or((first_line, 1), |l| {
                (
                    first_line + l.line().saturating_sub(1) as u32,
                    l.column() as u32,
                )
            });
            diags.push(invalid(path, line, column.max(1), e.to_string()));
            return None;
        }
    };
    let entries = map
        .into_iter()
        .map(|(k, v)| {
            let key = match k {
                Value::String(s) => s,
                other => scalar(&other).unwrap_or_default(),
            };
            (key, v)
        })
        .collect();
    Some(entries)
}

/// The `front-matter` error of front matter that is not valid YAML.
fn invalid(path: &str, line: u32, column: u32, why: String) -> Diagnostic {
    Diagnostic::new(
        Code::FrontMatter,
        path,
        line,
        column,
        format!("invalid YAML front matter: {why}"),
    )
    .with_hint("quote values that contain `:` or start with a special character")
}

/// How deep `yaml_serde` nests collections before it gives up.
const MAX_FLOW_DEPTH: usize = 128;

/// Where `yaml` opens its `[` or `{` beyond [`MAX_FLOW_DEPTH`], counting
/// every bracket (quoted or not: no front matter comes near the limit).
/// The YAML scanner takes time quadratic in the depth of flow collections
/// before its parser stops at that limit: 100,000 `[` took 25 s.
fn too_deep(yaml: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (at, b) in yaml.bytes().enumerate() {
        match b {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Some(at);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

struct Reader<'a> {
    yaml: &'a str,
    first_line: u32,
    path: &'a str,
    diags: &'a mut Vec<Diagnostic>,
    /// Entries not read yet, one per key (a short list: a map costs more).
    fields: Vec<(String, Value)>,
}

impl Reader<'_> {
    /// Adds an entry; a later one with the same key replaces the value.
    fn insert(&mut self, key: String, value: Value) {
        match self.fields.iter_mut().find(|(k, _)| *k == key) {
            Some((_, slot)) => *slot = value,
            None => self.fields.push((key, value)),
        }
    }

    fn front(mut self) -> FrontMatter {
        let mut front = FrontMatter {
            title: self.string("title"),
            description: self.string("description"),
            locale: self.string("ms.contentlocale"),
            source_version: self.string("ms.openlocfilehash"),
            translation_type: self
                .string("ms.translationtype")
                .map(|s| TranslationType::parse(&s)),
            handoff: self.date("ms.lasthandoff"),
            date: self.date("ms.date"),
            author: self.string("author"),
            extra: BTreeMap::new(),
            lines: self.key_lines(),
        };
        for (key, value) in std::mem::take(&mut self.fields) {
            let json = match value {
                // What serialization gives, without copying the text.
                Value::String(s) => serde_json::Value::String(s),
                Value::Null => serde_json::Value::Null,
                other => serde_json::to_value(&other).unwrap_or(serde_json::Value::Null),
            };
            front.extra.insert(key, json);
        }
        front
    }

    fn key_lines(&self) -> BTreeMap<String, u32> {
        let mut lines = BTreeMap::new();
        for (i, line) in self.yaml.lines().enumerate() {
            if line.starts_with(|c: char| c.is_whitespace() || c == '-' || c == '#') {
                continue;
            }
            if let Some((key, _)) = line.split_once(':') {
                lines
                    .entry(key.trim().to_string())
                    .or_insert(self.first_line + i as u32);
            }
        }
        lines
    }

    fn string(&mut self, key: &str) -> Option<String> {
        let at = self.fields.iter().position(|(k, _)| k == key)?;
        let (_, value) = self.fields.swap_remove(at);
        if let Value::String(s) = value {
            // The entry is taken out: its text moves instead of being copied.
            return Some(s);
        }
        match scalar(&value) {
            Some(s) => Some(s),
            None if value.is_null() => None,
            None => {
                self.report(
                    key,
                    format!("`{key}` must be a single value, not a list or mapping"),
                );
                None
            }
        }
    }

    fn date(&mut self, key: &str) -> Option<NaiveDate> {
        let raw = self.string(key)?;
        if raw.trim().is_empty() {
            // `ms.date: ''`, as real articles have it: no date, not a bad one.
            return None;
        }
        if let Some(date) = padded_date(raw.trim()) {
            return Some(date);
        }
        match lenient_date(raw.trim()) {
            Some(d) => Some(d),
            None => {
                self.report(
                    key,
                    format!("`{key}` is `{raw}`, not a date in MM/DD/YYYY form"),
                );
                None
            }
        }
    }

    fn report(&mut self, key: &str, message: String) {
        let line = self
            .key_lines()
            .get(key)
            .copied()
            .unwrap_or(self.first_line);
        self.diags.push(Diagnostic::new(
            Code::FrontMatter,
            self.path,
            line,
            1,
            message,
        ));
    }
}

/// `MM/DD/YYYY` with every digit written (as the pipeline writes dates),
/// read without chrono's format interpreter; `None` for anything else,
/// which then goes through `NaiveDate::parse_from_str` (unit-tested to agree).
fn padded_date(raw: &str) -> Option<NaiveDate> {
    let b = raw.as_bytes();
    if b.len() != 10 || b[2] != b'/' || b[5] != b'/' {
        return None;
    }
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let (month, day, year) = (number(&b[0..2])?, number(&b[3..5])?, number(&b[6..10])?);
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// The other ways real articles write a date: `M/D/YYYY`, ISO
/// `YYYY-MM-DD`, either followed by a time of day, as API reference
/// generators write it (`1/23/2021 12:00:00 AM`, `2021-01-23T08:00:00Z`).
/// The time must be one, but only the day is kept.
fn lenient_date(raw: &str) -> Option<NaiveDate> {
    let (day, time) = match raw.find([' ', 'T']) {
        Some(at) => (&raw[..at], Some(raw[at + 1..].trim())),
        None => (raw, None),
    };
    let date = NaiveDate::parse_from_str(day, "%m/%d/%Y")
        .or_else(|_| NaiveDate::parse_from_str(day, "%Y-%m-%d"))
        .ok()?;
    let Some(time) = time else {
        return Some(date);
    };
    // `Z` or a numeric offset after an ISO time; then a 12- or 24-hour clock.
    let clock = time
        .strip_suffix('Z')
        .or_else(|| {
            let at = time.rfind(['+', '-'])?;
            time[at..].parse::<chrono::FixedOffset>().ok()?;
            Some(&time[..at])
        })
        .unwrap_or(time);
    ["%I:%M:%S %p", "%I:%M %p", "%H:%M:%S%.f", "%H:%M"]
        .iter()
        .any(|format| chrono::NaiveTime::parse_from_str(clock, format).is_ok())
        .then_some(date)
}

fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padded_dates_read_as_chrono_reads_them() {
        for raw in [
            "03/04/2021",
            "12/31/1999",
            "02/29/2020",
            "02/29/2021",
            "00/10/2020",
            "13/01/2020",
            "01/00/2020",
            "01/32/2020",
            "01/01/0000",
            "1/04/2021",
            "01/4/2021",
            "01-04-2021",
            "01/04/20211",
            "0a/04/2021",
            "+1/04/2021",
            "01/04/+021",
            "０1/04/2021",
            "",
        ] {
            let chrono = NaiveDate::parse_from_str(raw, "%m/%d/%Y").ok();
            if let Some(fast) = padded_date(raw) {
                assert_eq!(Some(fast), chrono, "{raw}");
            }
        }
        assert!(padded_date("03/04/2021").is_some());
    }

    #[test]
    fn flow_collections_too_deep_are_refused_before_the_yaml_parser() {
        let deep = format!(
            "title: d\nx: {}{}\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let mut diags = Vec::new();
        assert!(parse_yaml(&deep, "a.md", 2, &mut diags).is_none());
        assert_eq!(diags.len(), 1);
        assert_eq!((diags[0].line, diags[0].column), (3, 132));
        // Our message, not the parser's (which takes seconds to get there).
        assert!(
            diags[0].message.contains("deeper than 128"),
            "{}",
            diags[0].message
        );
        // Within the limit, the parser decides.
        let mut diags = Vec::new();
        let fine = format!("x: {}{}\n", "[".repeat(20), "]".repeat(20));
        assert!(parse_yaml(&fine, "a.md", 2, &mut diags).is_some());
        assert!(diags.is_empty());
    }

    #[test]
    fn dates_with_a_time_or_in_iso_form_are_dates() {
        let day = NaiveDate::from_ymd_opt(2021, 1, 23);
        for raw in [
            "1/23/2021",
            "01/23/2021 12:00:00 AM",
            "1/23/2021 12:00:00 AM",
            "1/23/2021 3:05 pm",
            "01/23/2021 00:00:00",
            "2021-01-23",
            "2021-01-23T08:00:00Z",
            "2021-01-23T08:00:00.5+01:00",
            "2021-01-23 08:00",
        ] {
            assert_eq!(lenient_date(raw), day, "{raw}");
        }
        for raw in [
            "23/01/2021",
            "1/23/2021 noon",
            "1/23/2021 25:00",
            "2021-13-01",
            "2021-01-23T",
            "January 23, 2021",
            "1/23/2021 12:00:00 AM extra",
        ] {
            assert_eq!(lenient_date(raw), None, "{raw}");
        }
    }

    #[test]
    fn an_empty_date_is_no_date() {
        let yaml = "title: t\nms.date: ''\nms.lasthandoff:\n";
        let text = format!("---\n{yaml}---\n");
        let lines = super::super::lines::LineIndex::new(&text);
        let mut diags = Vec::new();
        let front = read(Some((yaml, 4)), "a.md", &lines, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!((front.date, front.handoff), (None, None));
    }
}
