//! Plain text of inline content written straight into a page, escaped on
//! the way (no intermediate `String` per segment), and both sides of every
//! segment escaped once per article: the locale page, the English page and
//! the review page all show them.

use std::ops::Range;

use super::sanitize::push_escaped;
use crate::model::{Article, Inline, Side, TextSink};

/// Whether `inlines` are all plain text: their HTML is then their escaped
/// plain text.
pub fn is_all_text(inlines: &[Inline]) -> bool {
    inlines.iter().all(|i| matches!(i, Inline::Text { .. }))
}

/// A [`TextSink`] appending HTML-escaped text to a string.
pub struct Escaped<'a>(pub &'a mut String);

impl TextSink for Escaped<'_> {
    fn push_str(&mut self, s: &str) {
        push_escaped(self.0, s);
    }

    fn push(&mut self, c: char) {
        let mut buf = [0u8; 4];
        push_escaped(self.0, c.encode_utf8(&mut buf));
    }
}

/// A [`TextSink`] that only notes whether any text is not whitespace (what
/// `plain(..).trim().is_empty()` asks, without building the string).
#[derive(Default)]
pub struct HasText(pub bool);

impl TextSink for HasText {
    fn push_str(&mut self, s: &str) {
        self.0 = self.0 || s.chars().any(|c| !c.is_whitespace());
    }

    fn push(&mut self, c: char) {
        self.0 = self.0 || !c.is_whitespace();
    }
}

/// The English source and the translation of each segment of an article
/// as escaped plain text, all in one buffer.
///
/// Where a side is nothing but text (most sentences), its plain text
/// escaped is also its HTML, so the pages copy it instead of escaping the
/// same text again.
#[derive(Debug, Default)]
pub struct Sources {
    text: String,
    /// Per segment: the source's range in `text`, then the translation's.
    ranges: Vec<(Range<usize>, Range<usize>)>,
}

impl Sources {
    /// Escapes both sides of every segment of `article` into `buffer` (an
    /// empty string, perhaps with capacity to spare).
    pub fn of(article: &Article, buffer: String) -> Sources {
        let mut text = buffer;
        let mut ranges = Vec::with_capacity(article.segments.len());
        for segment in &article.segments {
            let start = text.len();
            Inline::write_plain_text(&segment.source, &mut Escaped(&mut text));
            let middle = text.len();
            Inline::write_plain_text(&segment.target, &mut Escaped(&mut text));
            ranges.push((start..middle, middle..text.len()));
        }
        Sources { text, ranges }
    }

    /// The escaped source of segment `index` (empty for an unknown index).
    pub fn get(&self, index: usize) -> &str {
        self.side(index, Side::Source)
    }

    /// The escaped plain text of one side of segment `index` (empty for an
    /// unknown index).
    pub fn side(&self, index: usize, side: Side) -> &str {
        self.ranges
            .get(index)
            .map(|(source, target)| match side {
                Side::Source => source,
                Side::Target => target,
            })
            .and_then(|r| self.text.get(r.clone()))
            .unwrap_or_default()
    }

    /// The buffer, for the next article.
    pub fn into_buffer(self) -> String {
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::sanitize::escape;

    fn text(t: &str) -> Inline {
        Inline::Text { text: t.into() }
    }

    #[test]
    fn matches_plain_text_escaped() {
        let inlines = vec![
            text("a <b> & "),
            Inline::Strong {
                children: vec![text("\"q\""), Inline::Segment { index: 0 }],
            },
            Inline::SoftBreak,
            Inline::Code { code: "x'y".into() },
            Inline::Html { html: "<i>".into() },
            Inline::LineBreak,
            Inline::Link {
                url: "u".into(),
                title: "t".into(),
                autolink: false,
                children: vec![text("link")],
            },
            Inline::Image {
                url: "i.png".into(),
                title: String::new(),
                alt: vec![text("alt<")],
            },
            Inline::Emphasis {
                children: vec![Inline::Strikethrough {
                    children: vec![text("한국어")],
                }],
            },
        ];
        let mut out = String::new();
        Inline::write_plain_text(&inlines, &mut Escaped(&mut out));
        assert_eq!(out, escape(&Inline::plain_text(&inlines)));
        let mut has = HasText::default();
        Inline::write_plain_text(&inlines, &mut has);
        assert!(has.0);
        let mut blank = HasText::default();
        Inline::write_plain_text(&[text(" \u{3000}"), Inline::SoftBreak], &mut blank);
        assert!(!blank.0);
    }
}
