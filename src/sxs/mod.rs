//! The side-by-side format: turns the text of one article into the
//! [`Article`] model. Pure: no file system access (see `content` for that).
//!
//! Front matter goes through `yaml_serde`, the body through pulldown-cmark's
//! offset iterator; the alignment spans are paired as they stream past.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Options, Parser};

use crate::diag::Diagnostic;
use crate::model::{Article, Inline, Locale, Segment, SegmentId, Side, Stray};

mod audit;
mod body;
mod docfx;
mod flat;
mod front;
mod html;
mod includes;
pub(crate) use html::decode_entities;
mod inline;
mod inline_html;
pub mod lines;
mod pairing;
mod plain;
mod rich;
pub mod tag;

pub use lines::LineIndex;

/// An article and what was wrong with it.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The model.
    pub article: Article,
    /// Problems found while parsing (structure and front matter).
    pub diagnostics: Vec<Diagnostic>,
}

/// Where a lost span was found, to explain why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Region {
    Code,
    TableRow,
    Comment,
    FrontMatter,
}

/// Shared state while one article is parsed.
pub(crate) struct State<'a> {
    pub text: &'a str,
    pub lines: LineIndex<'a>,
    pub path: &'a str,
    pub segments: Vec<Segment>,
    pub strays: Vec<Stray>,
    pub diags: Vec<Diagnostic>,
    /// Offsets of alignment span tags already turned into a segment or a diagnostic.
    pub accounted: Vec<usize>,
    pub regions: Vec<(Range<usize>, Region)>,
}

impl State<'_> {
    /// Records a span that did not pair up (its diagnostic is pushed by the caller).
    pub fn stray(&mut self, id: &str, side: Side, open: usize, mut content: Vec<Inline>) {
        self.accounted.push(open);
        includes::fold_includes(&mut content);
        let line = self.lines.line(open);
        self.strays.push(Stray {
            id: SegmentId::parse(id),
            side,
            content,
            line,
        });
    }
}

/// How deep containers nest in the model: quotes and lists, and apart
/// from them emphasis and links. Beyond it (only broken or hostile input
/// goes there) the content is kept and the nesting dropped: the parser
/// and every reader of the model (checks, renderer, drop) recurse once per
/// level, and 20,000 nested quotes overflowed the stack.
pub const MAX_DEPTH: usize = 32;

/// Markdown options of the format: GFM tables and strikethrough.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Removes a UTF-8 BOM and turns CRLF (and lone CR) line ends into LF.
pub fn normalize(text: &str) -> Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Parses one article. `path` is relative to the content dir and only used
/// in diagnostics; `text` is the file's content (BOM and CRLF allowed).
pub fn parse(path: &str, locale: Locale, slug: &str, text: &str) -> Parsed {
    parse_with(path, locale, slug, text, true)
}

/// [`parse`] without the shortcut for plain pairs (see `plain`): the
/// reference the shortcut is tested against.
#[doc(hidden)]
pub fn parse_reference(path: &str, locale: Locale, slug: &str, text: &str) -> Parsed {
    parse_with(path, locale, slug, text, false)
}

fn parse_with(path: &str, locale: Locale, slug: &str, text: &str, shortcut: bool) -> Parsed {
    let text = normalize(text);
    let text: &str = &text;
    let mut diags = Vec::new();
    let split = front::split(text, path, &mut diags);
    let plains = match shortcut {
        true => plain::find(text, split.body_start),
        false => Vec::new(),
    };
    let reduced = (!plains.is_empty()).then(|| plain::reduce(text, &plains));
    let mut st = State {
        text,
        lines: LineIndex::new(text),
        path,
        segments: Vec::new(),
        strays: Vec::new(),
        diags,
        accounted: Vec::new(),
        regions: Vec::new(),
    };
    let front = front::read(split.yaml, path, &st.lines, &mut st.diags);
    let body = &text[split.body_start..];
    let mut blocks = None;
    if let Some(reduced) = &reduced {
        let events = Parser::new_ext(&reduced[split.body_start..], options()).into_offset_iter();
        let before = st.diags.len();
        let mut parser = body::BodyParser::new(
            events,
            split.body_start,
            &mut st,
            plain::Plains::new(text, plains),
        );
        let parsed = parser.blocks(None);
        if parser.plains_complete() {
            blocks = Some(parsed);
        } else {
            // A plain pair stood where the shortcut does not reach: parse
            // again without it.
            st.diags.truncate(before);
            st.segments.clear();
            st.strays.clear();
            st.accounted.clear();
            st.regions.clear();
        }
    }
    let blocks = blocks.unwrap_or_else(|| {
        let events = Parser::new_ext(body, options()).into_offset_iter();
        body::BodyParser::new(events, split.body_start, &mut st, plain::Plains::none(text))
            .blocks(None)
    });
    // Span pairs in the front matter (a pipeline that translated the
    // metadata too) are audited with the body's: none is lost unsaid.
    st.regions.push((0..split.body_start, Region::FrontMatter));
    audit::run(&mut st);
    let article = Article {
        path: path.to_string(),
        locale,
        slug: slug.to_string(),
        front,
        blocks,
        segments: st.segments,
        strays: st.strays,
    };
    Parsed {
        article,
        diagnostics: st.diags,
    }
}
