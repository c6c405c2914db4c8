//! The document model every stage shares: an [`Article`] of [`Block`]s whose
//! inline content points at aligned [`Segment`]s (translation + English source).
//!
//! The model is plain data. It is built once by [`crate::sxs`] and read by
//! `check`, `extract` and `render`; none of them look at Markdown again.

use std::fmt;

use serde::Serialize;

use crate::model::front::FrontMatter;

mod docfx;
pub mod front;
pub mod id;
pub(crate) mod space;
mod urls;

pub use docfx::{
    condition, condition_end, is_condition_end, is_xref, percent_decode, xref_text, xref_uid,
};
pub use id::SegmentId;
pub use urls::{bare_urls, may_have_urls};

/// A BCP 47 language tag as it names a content directory (`ko-KR`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Locale(String);

impl Locale {
    /// Validates a tag (`ko-KR`, `zh-Hant-TW`, `en`) and keeps its spelling.
    pub fn parse(tag: &str) -> Option<Locale> {
        let valid = !tag.is_empty()
            && tag.split('-').enumerate().all(|(i, part)| {
                let len_ok = if i == 0 {
                    (2..=3).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphabetic())
                } else {
                    (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric())
                };
                len_ok
            });
        valid.then(|| Locale(tag.to_string()))
    }

    /// The tag as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The lowercase form used in URLs (`ko-kr`).
    pub fn url_segment(&self) -> String {
        self.0.to_ascii_lowercase()
    }

    /// The primary language subtag (`ko`).
    pub fn language(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }

    /// Whether a URL path segment is a locale folder as docs sites write
    /// them (`en-us`, `ko-KR`, `zh-hans`): a two- or three-letter language
    /// and a region or script of two to four letters or digits.
    pub fn is_url_folder(segment: &str) -> bool {
        let Some((language, region)) = segment.split_once('-') else {
            return false;
        };
        (2..=3).contains(&language.len())
            && language.bytes().all(|b| b.is_ascii_alphabetic())
            && (2..=4).contains(&region.len())
            && region.bytes().all(|b| b.is_ascii_alphanumeric())
    }

    /// Whether the locale's script runs right to left.
    pub fn is_rtl(&self) -> bool {
        matches!(
            self.language(),
            "ar" | "he" | "fa" | "ur" | "ps" | "sd" | "ug" | "yi" | "dv" | "ku"
        )
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One parsed article of one locale.
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    /// Path relative to the content directory, `/`-separated (`ko-KR/a.md`).
    pub path: String,
    /// Locale named by the directory.
    pub locale: Locale,
    /// Slug: the path below the locale directory without `.md`.
    pub slug: String,
    /// Typed front matter.
    pub front: FrontMatter,
    /// Body blocks in document order.
    pub blocks: Vec<Block>,
    /// Every aligned segment in document order; [`Inline::Segment`] indexes it.
    pub segments: Vec<Segment>,
    /// Alignment spans that did not form a pair (each also reported as a
    /// diagnostic), so that every sentence of the file is accounted for.
    pub strays: Vec<Stray>,
}

/// A translation or source span that did not pair up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stray {
    /// The id it carries.
    pub id: SegmentId,
    /// Which half it is.
    pub side: Side,
    /// Its inline content (empty when the Markdown structure dropped it).
    pub content: Vec<Inline>,
    /// 1-based line of its opening tag.
    pub line: u32,
}

/// Which half of a pair a span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// `data-ttu-id`: the translation.
    Target,
    /// `data-stu-id`: the English source.
    Source,
}

impl Article {
    /// The segment an [`Inline::Segment`] points at.
    pub fn segment(&self, index: usize) -> Option<&Segment> {
        self.segments.get(index)
    }
}

/// One aligned sentence: the translation and the English source it renders.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Segment {
    /// The id shared by the `data-ttu-id` and `data-stu-id` spans.
    pub id: SegmentId,
    /// Translated inline content.
    pub target: Vec<Inline>,
    /// English source inline content.
    pub source: Vec<Inline>,
    /// 1-based line of the opening translation span.
    pub line: u32,
    /// 1-based column (in characters) of the opening translation span.
    pub column: u32,
    /// Byte range of the translation's raw Markdown in the file.
    #[serde(skip)]
    pub target_range: std::ops::Range<usize>,
    /// Byte range of the source's raw Markdown in the file.
    #[serde(skip)]
    pub source_range: std::ops::Range<usize>,
}

/// Block-level structure of an article body.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// `#`…`######`, with the `<a name>` anchor that precedes the text.
    Heading {
        level: u8,
        anchor: Option<String>,
        content: Vec<Inline>,
        line: u32,
    },
    /// A paragraph (or the text of a tight list item).
    Paragraph { content: Vec<Inline>, line: u32 },
    /// A bullet or ordered list; `start` is set for ordered lists.
    List {
        start: Option<u64>,
        items: Vec<ListItem>,
        /// CommonMark's tight list (no blank line between its items nor
        /// inside one): its items' paragraphs show without `<p>`.
        tight: bool,
        line: u32,
    },
    /// A GFM table: header cells and body rows.
    Table {
        alignments: Vec<Alignment>,
        head: Vec<Cell>,
        rows: Vec<Vec<Cell>>,
        line: u32,
    },
    /// A DocFX note (`> [!NOTE]`, `[!TIP]`, …).
    Note {
        kind: NoteKind,
        blocks: Vec<Block>,
        line: u32,
    },
    /// A block quote; a DocFX `> [!div class="nextstepaction"]` quote has
    /// the marker's classes and is a `<div>` on the page.
    Quote {
        #[serde(skip_serializing_if = "Option::is_none")]
        class: Option<String>,
        blocks: Vec<Block>,
        line: u32,
    },
    /// Fenced or indented code; its text is never segment content.
    Code {
        lang: Option<String>,
        text: String,
        line: u32,
    },
    /// DocFX `:::image …:::`.
    Image {
        src: String,
        alt: String,
        image_type: Option<String>,
        line: u32,
    },
    /// Another DocFX `:::name …:::` directive (zone, row, column, code, …).
    Directive {
        name: String,
        attrs: Vec<(String, String)>,
        line: u32,
    },
    /// A DocFX `[!NAME …]` extension paragraph: `[!INCLUDE [t](p)]`,
    /// `[!code-csharp[t](p)]`, `[!VIDEO url]`.
    Extension {
        name: String,
        label: String,
        target: String,
        line: u32,
    },
    /// A raw HTML block; segments found inside it are in `content`.
    Html {
        raw: String,
        content: Vec<Inline>,
        line: u32,
    },
    /// `---`
    Rule { line: u32 },
}

impl Block {
    /// A raw HTML block of `raw` with no segments in it, at line 1 (tests).
    #[cfg(test)]
    pub(crate) fn raw_html(raw: &str) -> Block {
        Block::Html {
            raw: raw.to_string(),
            content: Vec::new(),
            line: 1,
        }
    }

    /// 1-based line where the block starts.
    pub fn line(&self) -> u32 {
        match self {
            Block::Heading { line, .. }
            | Block::Paragraph { line, .. }
            | Block::List { line, .. }
            | Block::Table { line, .. }
            | Block::Note { line, .. }
            | Block::Quote { line, .. }
            | Block::Code { line, .. }
            | Block::Image { line, .. }
            | Block::Directive { line, .. }
            | Block::Extension { line, .. }
            | Block::Html { line, .. }
            | Block::Rule { line } => *line,
        }
    }

    /// Calls `f` with every inline run in `blocks`, nested ones included:
    /// headings, paragraphs, HTML blocks and table cells, inside lists,
    /// notes and quotes.
    pub fn each_run<'a>(blocks: &'a [Block], f: &mut impl FnMut(&'a [Inline])) {
        for block in blocks {
            match block {
                Block::Heading { content, .. }
                | Block::Paragraph { content, .. }
                | Block::Html { content, .. } => f(content),
                Block::List { items, .. } => {
                    for item in items {
                        Block::each_run(&item.blocks, f);
                    }
                }
                Block::Table { head, rows, .. } => {
                    for cell in head.iter().chain(rows.iter().flatten()) {
                        f(cell);
                    }
                }
                Block::Note { blocks, .. } | Block::Quote { blocks, .. } => {
                    Block::each_run(blocks, f)
                }
                Block::Code { .. }
                | Block::Image { .. }
                | Block::Directive { .. }
                | Block::Extension { .. }
                | Block::Rule { .. } => {}
            }
        }
    }
}

/// One list item: its blocks (a tight item's text is a [`Block::Paragraph`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListItem {
    pub blocks: Vec<Block>,
    pub line: u32,
}

/// One table cell's inline content; `<br>` separators are [`Inline::LineBreak`].
pub type Cell = Vec<Inline>;

/// Column alignment of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Alignment {
    None,
    Left,
    Center,
    Right,
}

/// Kind of a DocFX note block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    Note,
    Tip,
    Important,
    Warning,
    Caution,
}

impl NoteKind {
    /// Parses the marker name (`NOTE`, `Note`, …), case-insensitively.
    pub fn parse(name: &str) -> Option<NoteKind> {
        match name.to_ascii_uppercase().as_str() {
            "NOTE" => Some(NoteKind::Note),
            "TIP" => Some(NoteKind::Tip),
            "IMPORTANT" => Some(NoteKind::Important),
            "WARNING" => Some(NoteKind::Warning),
            "CAUTION" => Some(NoteKind::Caution),
            _ => None,
        }
    }

    /// Lowercase name (`note`), as used in CSS classes and Fluent ids.
    pub fn as_str(self) -> &'static str {
        match self {
            NoteKind::Note => "note",
            NoteKind::Tip => "tip",
            NoteKind::Important => "important",
            NoteKind::Warning => "warning",
            NoteKind::Caution => "caution",
        }
    }
}

/// Inline content, with entities and escapes already decoded.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    /// Plain text.
    Text { text: String },
    /// `` `code` ``.
    Code { code: String },
    /// `**strong**`.
    Strong { children: Vec<Inline> },
    /// `*emphasis*`.
    Emphasis { children: Vec<Inline> },
    /// `~~strikethrough~~`.
    Strikethrough { children: Vec<Inline> },
    /// A link; autolinks such as `<xref:Some.Type>` have `autolink` set.
    Link {
        url: String,
        title: String,
        autolink: bool,
        children: Vec<Inline>,
    },
    /// An image; `alt` is its text, which may hold segments
    /// (`![<span data-ttu-id…>…</span>…](a.png)`).
    Image {
        url: String,
        title: String,
        alt: Vec<Inline>,
    },
    /// DocFX's include inside a sentence, `[!INCLUDE[label](target)]`:
    /// the file at `target` shows in its place (often a product name).
    Include { label: String, target: String },
    /// Raw inline HTML other than the alignment spans and `<br>`.
    Html { html: String },
    /// A soft line break inside a paragraph.
    SoftBreak,
    /// A hard break or `<br>`: the separator inside table cells.
    LineBreak,
    /// An aligned segment: index into [`Article::segments`].
    Segment { index: usize },
}

impl Inline {
    /// The plain text of a run of inlines (segments are skipped).
    pub fn plain_text(inlines: &[Inline]) -> String {
        let mut out = String::new();
        Inline::write_plain_text(inlines, &mut out);
        out
    }

    /// Whether a run of inlines holds nothing but whitespace (text or line
    /// ends).
    pub fn is_blank(inlines: &[Inline]) -> bool {
        inlines.iter().all(Inline::is_spacing)
    }

    /// Whether this inline is whitespace: blank text or a line end.
    fn is_spacing(&self) -> bool {
        match self {
            Inline::Text { text } => text.trim().is_empty(),
            Inline::SoftBreak => true,
            _ => false,
        }
    }

    /// The inlines of a run that are not whitespace.
    pub fn solid(inlines: &[Inline]) -> impl Iterator<Item = &Inline> {
        inlines.iter().filter(|i| !i.is_spacing())
    }

    /// The index of the segment a run holds alone, whitespace aside (a
    /// table cell, a list item or a link that is one sentence).
    pub fn lone_segment(inlines: &[Inline]) -> Option<usize> {
        let mut solid = Inline::solid(inlines);
        match (solid.next(), solid.next()) {
            (Some(Inline::Segment { index }), None) => Some(*index),
            _ => None,
        }
    }

    /// The index of the first segment in a run, at any depth (a link
    /// around **bold** sentences).
    pub fn first_segment(inlines: &[Inline]) -> Option<usize> {
        inlines.iter().find_map(|inline| match inline {
            Inline::Segment { index } => Some(*index),
            Inline::Strong { children }
            | Inline::Emphasis { children }
            | Inline::Strikethrough { children }
            | Inline::Link { children, .. } => Inline::first_segment(children),
            Inline::Image { alt, .. } => Inline::first_segment(alt),
            _ => None,
        })
    }

    /// Writes [`Inline::plain_text`] into `out`.
    pub fn write_plain_text<S: TextSink>(inlines: &[Inline], out: &mut S) {
        write_plain(inlines, None, out);
    }
}

/// Something plain text is written into (a `String`, or a buffer that
/// collapses whitespace as it goes).
pub trait TextSink {
    /// Appends a run of text.
    fn push_str(&mut self, s: &str);
    /// Appends one character.
    fn push(&mut self, c: char);
}

impl TextSink for String {
    fn push_str(&mut self, s: &str) {
        String::push_str(self, s);
    }

    fn push(&mut self, c: char) {
        String::push(self, c);
    }
}

impl Article {
    /// A heading's id: its `<a name>` anchor as written, else its English
    /// text spelled as DocFX spells ids, which is how the localization
    /// pipeline writes those anchors: lower case, letters, digits, `-` and
    /// `_` kept, each whitespace character a `-`, anything else dropped
    /// (`Usage-based subscriptions - Azure` → `usage-based-subscriptions---azure`).
    /// So a link to `#section` in any locale finds the section whether or
    /// not the pipeline wrote the anchor. `None` when nothing is left.
    pub fn heading_id(&self, anchor: Option<&str>, content: &[Inline]) -> Option<String> {
        if let Some(anchor) = anchor {
            return Some(anchor.to_string());
        }
        let mut english = String::new();
        self.write_plain(content, Side::Source, &mut english);
        let id: String = english
            .trim()
            .chars()
            .flat_map(char::to_lowercase)
            .filter_map(|c| match c {
                c if c.is_whitespace() => Some('-'),
                c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                _ => None,
            })
            .collect();
        Some(id).filter(|id| !id.is_empty())
    }

    /// Writes the plain text of `inlines` into `out`, reading each segment's
    /// `side` (translation or English source).
    pub fn write_plain<S: TextSink>(&self, inlines: &[Inline], side: Side, out: &mut S) {
        write_plain(inlines, Some((self, side)), out);
    }
}

/// Plain text of `inlines`; segments are read on `resolve`'s side, or skipped.
fn write_plain<S: TextSink>(inlines: &[Inline], resolve: Option<(&Article, Side)>, out: &mut S) {
    for inline in inlines {
        match inline {
            Inline::Text { text } => out.push_str(text),
            Inline::Code { code } => out.push_str(code),
            // `<xref:Some.Type>` reads as the name it shows.
            Inline::Link {
                url,
                autolink: true,
                ..
            } if is_xref(url) => out.push_str(&xref_text(xref_uid(url).unwrap_or_default())),
            Inline::Strong { children }
            | Inline::Emphasis { children }
            | Inline::Strikethrough { children }
            | Inline::Link { children, .. } => write_plain(children, resolve, out),
            Inline::Image { alt, .. } => write_plain(alt, resolve, out),
            // What the file holds is not known here: its label stands in.
            Inline::Include { label, .. } => out.push_str(label),
            Inline::SoftBreak | Inline::LineBreak => out.push(' '),
            Inline::Html { .. } => {}
            Inline::Segment { index } => {
                let Some((article, side)) = resolve else {
                    continue;
                };
                if let Some(seg) = article.segment(*index) {
                    let part = match side {
                        Side::Source => &seg.source,
                        Side::Target => &seg.target,
                    };
                    write_plain(part, resolve, out);
                }
            }
        }
    }
}

impl Segment {
    /// Whether both sides are the same DocFX directive line (`::: zone
    /// pivot="csharp"`), which the localization pipeline puts in pairs in
    /// some Learn units: markup, not a sentence.
    pub fn is_directive_pair(&self) -> bool {
        let directive = match self.source.as_slice() {
            [Inline::Text { text }] => text.trim_start().starts_with(":::"),
            _ => false,
        };
        directive && self.target == self.source
    }

    /// The translation as plain text.
    pub fn target_text(&self) -> String {
        Inline::plain_text(&self.target)
    }

    /// The English source as plain text.
    pub fn source_text(&self) -> String {
        Inline::plain_text(&self.source)
    }
}
