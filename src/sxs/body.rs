//! Builds [`Block`]s from the pulldown-cmark event stream, one method per
//! construct. Inline runs go through [`InlineBuilder`].

use std::iter::Peekable;
use std::ops::Range;

use pulldown_cmark::{Alignment as MdAlignment, CodeBlockKind, Event, OffsetIter, Tag, TagEnd};

use super::docfx::{self, Marker};
use super::inline::InlineBuilder;
use super::plain::Plains;
use super::{Region, State, MAX_DEPTH};
use crate::model::{Alignment, Block, Cell, Inline, ListItem};

/// Walks the events of one article body.
pub struct BodyParser<'a, 's> {
    events: Peekable<OffsetIter<'a>>,
    /// Offset of the body in the full text.
    base: usize,
    pub st: &'s mut State<'a>,
    /// The inline run being built: one builder for every run of the article
    /// (only one is ever live at a time), so its buffers are reused and it is
    /// never moved.
    run: InlineBuilder<'a>,
    /// Containers (quotes, lists, items) open around the blocks being read.
    depth: usize,
    /// Containers opened beyond [`MAX_DEPTH`]: their blocks join the
    /// container around them.
    flattened: usize,
    /// Blocks that follow the one [`Self::block`] returned, from the same
    /// paragraph (see [`docfx::paragraph`]).
    more: Vec<Block>,
}

impl<'a, 's> BodyParser<'a, 's> {
    /// A parser over `events` of a body starting at byte `base`, parsed
    /// with `plains` blanked.
    pub fn new(
        events: OffsetIter<'a>,
        base: usize,
        st: &'s mut State<'a>,
        plains: Plains<'a>,
    ) -> Self {
        BodyParser {
            events: events.peekable(),
            base,
            st,
            run: InlineBuilder::new(plains),
            depth: 0,
            flattened: 0,
            more: Vec::new(),
        }
    }

    /// Starts a new inline run.
    fn begin(&mut self) {
        self.run.reset();
    }

    /// Finishes the inline run and returns its content.
    fn finish(&mut self) -> Vec<Inline> {
        self.run.finish(self.st)
    }

    fn next(&mut self) -> Option<(Event<'a>, Range<usize>)> {
        self.events
            .next()
            .map(|(e, r)| (e, r.start + self.base..r.end + self.base))
    }

    fn line(&self, range: &Range<usize>) -> u32 {
        self.st.lines.line(range.start)
    }

    /// Whether every plain pair became a segment in text: if not, the
    /// blocks are not the article's (see [`super::plain`]).
    pub fn plains_complete(&self) -> bool {
        self.run.plains.complete()
    }

    /// Blocks until `end` (or the end of input when `None`).
    pub fn blocks(&mut self, end: Option<TagEnd>) -> Vec<Block> {
        self.depth += 1;
        let mut blocks = Vec::new();
        while let Some((event, _)) = self.events.peek() {
            match event {
                Event::End(_) if self.flattened > 0 => {
                    // Events nest: this closes the innermost container
                    // flattened.
                    self.flattened -= 1;
                    self.next();
                }
                Event::End(e) => {
                    let stop = Some(*e) == end;
                    self.next();
                    if stop {
                        break;
                    }
                }
                Event::Start(tag) if self.depth >= MAX_DEPTH && is_container(tag) => {
                    self.flattened += 1;
                    self.next();
                }
                Event::Start(tag) if is_block(tag) => {
                    if let Some(mut block) = self.block() {
                        docfx::adopt_anchor(&mut blocks, &mut block);
                        blocks.push(block);
                        blocks.append(&mut self.more);
                    }
                }
                Event::Rule => {
                    if let Some((_, range)) = self.next() {
                        blocks.push(Block::Rule {
                            line: self.line(&range),
                        });
                    }
                }
                _ => blocks.push(self.loose_paragraph()),
            }
        }
        self.depth -= 1;
        blocks
    }

    fn block(&mut self) -> Option<Block> {
        let (event, range) = self.next()?;
        let Event::Start(tag) = event else {
            return None;
        };
        let line = self.line(&range);
        Some(match tag {
            Tag::Paragraph => self.paragraph(range),
            Tag::Heading { level, .. } => self.heading(level as u8, line),
            Tag::BlockQuote(_) => self.quote(line),
            Tag::CodeBlock(kind) => self.code(kind, range),
            Tag::HtmlBlock => self.html_block(line),
            Tag::List(start) => self.list(start, line),
            Tag::Table(alignments) => self.table(alignments, line),
            Tag::MetadataBlock(_) => {
                self.skip_to_end();
                return None;
            }
            _ => {
                // Items outside lists, footnote definitions, …: keep their blocks.
                let end = tag.to_end();
                let inner = self.blocks(Some(end));
                Block::Quote {
                    class: None,
                    blocks: inner,
                    line,
                }
            }
        })
    }

    fn skip_to_end(&mut self) {
        let mut depth = 1usize;
        while let Some((event, _)) = self.next() {
            match event {
                Event::Start(_) => depth += 1,
                Event::End(_) => {
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    /// Inline events until `End(end)`.
    /// The run goes on afterwards, empty, carrying only the id of a pair
    /// split across cells or blocks.
    fn inlines(&mut self, end: TagEnd) -> Vec<Inline> {
        while let Some((event, range)) = self.next() {
            if let Event::End(e) = &event {
                if *e == end || !is_inline_end(e) {
                    // The run's end, or malformed nesting from the parser's
                    // point of view: stop here.
                    break;
                }
            }
            self.run.feed(event, range, self.st);
        }
        let content = self.finish();
        self.begin();
        content
    }

    fn paragraph(&mut self, range: Range<usize>) -> Block {
        let line = self.line(&range);
        self.begin();
        let content = self.inlines(TagEnd::Paragraph);
        let raw = self.st.text.get(range).unwrap_or("");
        docfx::paragraph(raw, content, line, &mut self.more)
    }

    /// The text of a tight list item, which comes without a paragraph.
    fn loose_paragraph(&mut self) -> Block {
        let line = self
            .events
            .peek()
            .map_or(0, |(_, r)| self.st.lines.line(r.start + self.base));
        self.begin();
        while let Some((event, _)) = self.events.peek() {
            let stop = match event {
                Event::Start(tag) => is_block(tag),
                Event::End(e) => self.run.depth() == 0 || !is_inline_end(e),
                Event::Rule => true,
                _ => false,
            };
            if stop {
                break;
            }
            if let Some((event, range)) = self.next() {
                self.run.feed(event, range, self.st);
            }
        }
        Block::Paragraph {
            content: self.finish(),
            line,
        }
    }

    fn heading(&mut self, level: u8, line: u32) -> Block {
        self.begin();
        let mut content = self.inlines(TagEnd::Heading(heading_level(level)));
        let anchor = docfx::take_anchor(&mut content);
        Block::Heading {
            level,
            anchor,
            content,
            line,
        }
    }

    fn quote(&mut self, line: u32) -> Block {
        let mut blocks = self.blocks(Some(TagEnd::BlockQuote(None)));
        let class = match docfx::take_quote_marker(&mut blocks) {
            Some(Marker::Note(kind)) => return Block::Note { kind, blocks, line },
            Some(Marker::Div(class)) => Some(class),
            None => None,
        };
        Block::Quote {
            class,
            blocks,
            line,
        }
    }

    fn code(&mut self, kind: CodeBlockKind<'a>, range: Range<usize>) -> Block {
        let line = self.line(&range);
        let lang = match kind {
            CodeBlockKind::Fenced(info) => info.split_whitespace().next().map(str::to_string),
            CodeBlockKind::Indented => None,
        };
        let mut text = String::new();
        let mut end = range.end;
        while let Some((event, r)) = self.next() {
            self.run.plains.touch(&r);
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    end = end.max(r.end);
                    break;
                }
                _ => {}
            }
        }
        self.st.regions.push((range.start..end, Region::Code));
        Block::Code { lang, text, line }
    }

    fn html_block(&mut self, line: u32) -> Block {
        let mut raw = String::new();
        let mut comment = super::html::Comment::default();
        self.begin();
        while let Some((event, range)) = self.next() {
            self.run.plains.touch(&range);
            match event {
                Event::Html(h) | Event::InlineHtml(h) | Event::Text(h) => {
                    raw.push_str(&h);
                    let (run, st) = (&mut self.run, &mut *self.st);
                    super::html::tokenize(h, range.start, run, st, &mut comment);
                }
                Event::End(TagEnd::HtmlBlock) => break,
                _ => {}
            }
        }
        comment.close(self.st);
        Block::Html {
            raw,
            content: self.finish(),
            line,
        }
    }

    fn list(&mut self, start: Option<u64>, line: u32) -> Block {
        let mut items = Vec::new();
        // pulldown-cmark wraps item text in paragraphs only in a loose list.
        let mut tight = true;
        while let Some((event, range)) = self.next() {
            match event {
                Event::Start(Tag::Item) => {
                    let line = self.line(&range);
                    let paragraph =
                        matches!(self.events.peek(), Some((Event::Start(Tag::Paragraph), _)));
                    tight &= !paragraph;
                    let blocks = self.blocks(Some(TagEnd::Item));
                    items.push(ListItem { blocks, line });
                }
                Event::End(TagEnd::List(_)) => break,
                _ => {}
            }
        }
        Block::List {
            start,
            items,
            tight,
            line,
        }
    }

    fn table(&mut self, alignments: Vec<MdAlignment>, line: u32) -> Block {
        let alignments = alignments.into_iter().map(alignment).collect();
        let mut head = Vec::new();
        let mut rows = Vec::new();
        while let Some((event, range)) = self.next() {
            match event {
                Event::Start(Tag::TableHead) => {
                    self.st.regions.push((range.clone(), Region::TableRow));
                    head = self.cells(TagEnd::TableHead);
                }
                Event::Start(Tag::TableRow) => {
                    self.st.regions.push((range.clone(), Region::TableRow));
                    rows.push(self.cells(TagEnd::TableRow));
                }
                Event::End(TagEnd::Table) => break,
                _ => {}
            }
        }
        Block::Table {
            alignments,
            head,
            rows,
            line,
        }
    }

    fn cells(&mut self, end: TagEnd) -> Vec<Cell> {
        let mut cells = Vec::new();
        self.begin();
        while let Some((event, _)) = self.next() {
            match event {
                Event::Start(Tag::TableCell) => {
                    self.run.in_cell = true;
                    let content = self.inlines(TagEnd::TableCell);
                    cells.push(content);
                }
                Event::End(e) if e == end => break,
                _ => {}
            }
        }
        self.finish();
        cells
    }
}

/// Whether a block tag holds blocks (rather than inlines or text).
fn is_container(tag: &Tag) -> bool {
    is_block(tag)
        && !matches!(
            tag,
            Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::CodeBlock(_)
                | Tag::HtmlBlock
                | Tag::Table(_)
                | Tag::MetadataBlock(_)
        )
}

fn is_block(tag: &Tag) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::Superscript
            | Tag::Subscript
    )
}

fn is_inline_end(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::Superscript
            | TagEnd::Subscript
    )
}

fn heading_level(level: u8) -> pulldown_cmark::HeadingLevel {
    use pulldown_cmark::HeadingLevel::*;
    match level {
        1 => H1,
        2 => H2,
        3 => H3,
        4 => H4,
        5 => H5,
        _ => H6,
    }
}

fn alignment(a: MdAlignment) -> Alignment {
    match a {
        MdAlignment::None => Alignment::None,
        MdAlignment::Left => Alignment::Left,
        MdAlignment::Center => Alignment::Center,
        MdAlignment::Right => Alignment::Right,
    }
}
