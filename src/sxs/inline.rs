//! Builds inline content from pulldown-cmark inline events and pairs the
//! alignment spans it meets into [`Segment`]s:
//!
//! ```text
//! <span data-ttu-id="X">target</span><span class="sxs-lookup"><span data-stu-id="X">source</span></span>
//! ```
//!
//! Every translation or source span it sees either becomes a segment or a
//! diagnostic, and its offset is recorded as accounted for.
//!
//! This file dispatches the events and keeps the frames; raw HTML tags
//! are read in [`super::inline_html`], and spans are closed and paired in
//! [`super::pairing`].

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag as MdTag, TagEnd};

use super::plain::{Plain, Plains};
use super::State;
use crate::model::Inline;

/// An open inline container. Ids borrow from the article text when the
/// event did (nearly always), so a span costs no allocation until it pairs.
pub(super) enum Frame<'a> {
    Root,
    /// `**…**`, `*…*`, `~~…~~`: `at` is the element's range in the text,
    /// delimiters included (the range of its start and end events).
    Strong {
        at: Range<usize>,
    },
    Emphasis {
        at: Range<usize>,
    },
    Strike {
        at: Range<usize>,
    },
    Link {
        url: String,
        title: String,
        autolink: bool,
    },
    Image {
        url: String,
        title: String,
    },
    /// `<span data-ttu-id>`: `open` is the tag's offset.
    Target {
        id: Cow<'a, str>,
        open: usize,
        content: usize,
    },
    /// `<span class="sxs-lookup">`; the halves it holds are the top of
    /// [`InlineBuilder::lookups`] (kept apart so that frames stay small:
    /// every frame is moved on each push and pop). `content` is where the
    /// tag ends.
    Lookup {
        open: usize,
        content: usize,
    },
    /// `<span data-stu-id>`.
    Source {
        id: Cow<'a, str>,
        open: usize,
        content: usize,
    },
    /// Any other `<span>`.
    Span,
}

/// The translation an `sxs-lookup` span follows and the source inside it.
pub(super) struct Halves<'a> {
    pub(super) target: Option<Pending<'a>>,
    pub(super) source: Option<Pending<'a>>,
}

/// A closed translation or source span.
pub(super) struct Pending<'a> {
    pub(super) id: Cow<'a, str>,
    pub(super) open: usize,
    pub(super) range: Range<usize>,
    pub(super) content: Vec<Inline>,
}

/// Open frames, each with the content collected inside it so far.
pub(super) type Stack<'a> = Vec<(Frame<'a>, Vec<Inline>)>;

/// Collects one run of inline content (a paragraph, a heading, a cell).
pub struct InlineBuilder<'a> {
    pub(super) stack: Stack<'a>,
    /// The halves of each open [`Frame::Lookup`], innermost last.
    pub(super) lookups: Vec<Halves<'a>>,
    pub(super) pending: Option<Pending<'a>>,
    /// In a table cell, an unclosed span is a pair split by a `|`.
    pub in_cell: bool,
    /// Id of a pair split across cells of a row, or across blocks: its
    /// fragments in later cells or blocks are part of the one finding
    /// already reported. It outlives the run (see [`InlineBuilder::reset`])
    /// until a span of another pair opens.
    pub split_id: Option<String>,
    /// Emphasis elements taken apart because a span closed inside them
    /// (see [`InlineBuilder::close_span`]), by range: their end events
    /// become their closing delimiter as text.
    pub(super) dissolved: Vec<Range<usize>>,
    /// Emphasis and links opened beyond [`super::MAX_DEPTH`], not kept as
    /// elements: their content joins the element around them.
    flattened: usize,
    /// The article's plain pairs, blanked in the text the events come from.
    pub(super) plains: Plains<'a>,
}

impl<'a> InlineBuilder<'a> {
    /// A builder for the inline runs of an article whose `plains` the
    /// events were parsed without.
    pub(super) fn new(plains: Plains<'a>) -> Self {
        let mut builder = InlineBuilder {
            stack: Vec::new(),
            lookups: Vec::new(),
            pending: None,
            in_cell: false,
            split_id: None,
            dissolved: Vec::new(),
            flattened: 0,
            plains,
        };
        builder.reset();
        builder
    }

    /// Makes the builder ready for a new run, keeping its buffers and the
    /// id of a pair split across runs.
    pub(super) fn reset(&mut self) {
        self.stack.clear();
        self.lookups.clear();
        self.stack.push((Frame::Root, Vec::new()));
        self.pending = None;
        self.in_cell = false;
        self.dissolved.clear();
        self.flattened = 0;
    }

    /// A span of pair `id` opens: a split pair's fragments are over when
    /// another pair's begin.
    pub(super) fn end_split_unless(&mut self, id: &str) {
        if self.split_id.as_deref().is_some_and(|split| split != id) {
            self.split_id = None;
        }
    }

    /// Depth of open Markdown containers (emphasis, links) and spans.
    pub fn depth(&self) -> usize {
        self.stack.len().saturating_sub(1)
    }

    /// Whether `levels` more containers would be kept as elements here,
    /// not flattened (see [`super::MAX_DEPTH`]).
    pub(super) fn may_nest(&self, levels: usize) -> bool {
        self.flattened == 0 && self.depth() + levels < super::MAX_DEPTH
    }

    /// Feeds one event with its absolute byte range.
    pub fn feed(&mut self, event: Event<'a>, range: Range<usize>, st: &mut State) {
        match event {
            Event::Text(t) if self.plains.before(range.end) => self.text_with_plains(&t, range, st),
            Event::Text(t) => self.text(&t, st),
            Event::Code(c) => {
                self.flush_pending(st);
                self.push(Inline::Code {
                    code: c.into_string(),
                });
            }
            Event::SoftBreak => {
                if self.pending.is_none() {
                    self.push(Inline::SoftBreak);
                }
            }
            Event::HardBreak => {
                self.flush_pending(st);
                self.push(Inline::LineBreak);
            }
            Event::InlineHtml(h) | Event::Html(h) => match h {
                CowStr::Borrowed(raw) => self.html(raw, range, st, Cow::Borrowed),
                owned => self.html(&owned, range, st, |id| Cow::Owned(id.to_string())),
            },
            Event::Start(tag) => {
                self.flush_pending(st);
                let frame = match tag {
                    MdTag::Strong => Frame::Strong { at: range },
                    MdTag::Emphasis => Frame::Emphasis { at: range },
                    MdTag::Strikethrough => Frame::Strike { at: range },
                    MdTag::Link {
                        link_type,
                        dest_url,
                        title,
                        ..
                    } => Frame::Link {
                        url: dest_url.into_string(),
                        title: title.into_string(),
                        autolink: matches!(
                            link_type,
                            pulldown_cmark::LinkType::Autolink | pulldown_cmark::LinkType::Email
                        ),
                    },
                    MdTag::Image {
                        dest_url, title, ..
                    } => Frame::Image {
                        url: dest_url.into_string(),
                        title: title.into_string(),
                    },
                    _ => return,
                };
                if self.depth() >= super::MAX_DEPTH || self.flattened > 0 {
                    // Pulldown-cmark's events nest: the next end event of
                    // an element closes the innermost one flattened.
                    self.flattened += 1;
                    return;
                }
                self.stack.push((frame, Vec::new()));
            }
            Event::End(end) => {
                self.flush_pending(st);
                if self.flattened > 0 && is_element_end(end) {
                    self.flattened -= 1;
                    return;
                }
                if let Some(i) = self.dissolved.iter().position(|at| *at == range) {
                    self.dissolved.swap_remove(i);
                    let n = delimiter_len(st.text, &range, false);
                    let close = range.end.saturating_sub(n)..range.end;
                    self.push_text(st.text.get(close).unwrap_or_default());
                    return;
                }
                self.end(end, st);
            }
            Event::FootnoteReference(r) => self.push_text(&format!("[^{r}]")),
            Event::TaskListMarker(done) => self.push_text(if done { "[x] " } else { "[ ] " }),
            Event::InlineMath(m) | Event::DisplayMath(m) => self.push(Inline::Code {
                code: m.into_string(),
            }),
            Event::Rule => {}
        }
    }

    fn text(&mut self, t: &str, st: &mut State) {
        if self.pending.is_some() && t.trim().is_empty() {
            return;
        }
        self.flush_pending(st);
        self.push_text(t);
    }

    /// A text event holding plain pairs (see [`super::plain`]): the text
    /// around them as the events between their tags would have been, and
    /// each pair's segment.
    fn text_with_plains(&mut self, t: &str, range: Range<usize>, st: &mut State) {
        let text = self.plains.text;
        if t.len() != range.len() {
            // Not the text's bytes as they stand: no offsets to cut at.
            self.plains.fail();
            return self.text(t, st);
        }
        let mut pos = range.start;
        while let Some(p) = self.plains.take_within(pos, &range) {
            if pos < p.at.start {
                self.text(&text[pos..p.at.start], st);
            }
            pos = p.at.end;
            self.plain_pair(p, st);
        }
        if pos < range.end {
            self.text(&text[pos..range.end], st);
        }
    }

    /// The events of a plain pair's tags and halves, fed as pulldown-cmark
    /// would have made them.
    pub(super) fn replay(&mut self, p: &Plain, st: &mut State) {
        let text = self.plains.text;
        for (tag, range) in p.events() {
            let piece = CowStr::Borrowed(&text[range.clone()]);
            let event = if tag {
                Event::InlineHtml(piece)
            } else {
                Event::Text(piece)
            };
            self.feed(event, range, st);
        }
    }

    /// Closes the run: unclosed spans and a dangling translation are
    /// reported. Returns the content; [`InlineBuilder::reset`] starts the
    /// next run.
    pub(super) fn finish(&mut self, st: &mut State) -> Vec<Inline> {
        self.flush_pending(st);
        while self.stack.len() > 1 {
            self.unwind_top(st, super::pairing::END_OF_BLOCK);
        }
        let mut content = self.stack.pop().map(|(_, c)| c).unwrap_or_default();
        super::includes::fold_includes(&mut content);
        content
    }

    pub(super) fn push(&mut self, inline: Inline) {
        if let Some((_, children)) = self.stack.last_mut() {
            children.push(inline);
        }
    }

    pub(super) fn push_text(&mut self, text: &str) {
        if let Some((_, children)) = self.stack.last_mut() {
            append_text(children, text);
        }
    }

    pub(super) fn extend(&mut self, inlines: Vec<Inline>) {
        for inline in inlines {
            match inline {
                Inline::Text { text } => self.push_text(&text),
                other => self.push(other),
            }
        }
    }

    fn end(&mut self, end: TagEnd, st: &mut State) {
        let matches = |f: &Frame| {
            matches!(
                (f, end),
                (Frame::Strong { .. }, TagEnd::Strong)
                    | (Frame::Emphasis { .. }, TagEnd::Emphasis)
                    | (Frame::Strike { .. }, TagEnd::Strikethrough)
                    | (Frame::Link { .. }, TagEnd::Link)
                    | (Frame::Image { .. }, TagEnd::Image)
            )
        };
        if !self.stack.iter().skip(1).any(|(f, _)| matches(f)) {
            return;
        }
        while let Some((top, _)) = self.stack.last() {
            if matches(top) {
                break;
            }
            self.unwind_top(st, "the end of the surrounding markup");
        }
        let Some((frame, children)) = self.stack.pop() else {
            return;
        };
        let inline = match frame {
            Frame::Strong { .. } => Inline::Strong { children },
            Frame::Emphasis { .. } => Inline::Emphasis { children },
            Frame::Strike { .. } => Inline::Strikethrough { children },
            Frame::Link {
                url,
                title,
                autolink,
            } => Inline::Link {
                url,
                title,
                autolink,
                children,
            },
            Frame::Image { url, title } => Inline::Image {
                url,
                title,
                alt: children,
            },
            _ => return,
        };
        self.push(inline);
    }
}

/// Appends `text` to `inlines`, joining it to a text that ends them.
pub(super) fn append_text(inlines: &mut Vec<Inline>, text: &str) {
    if let Some(Inline::Text { text: last }) = inlines.last_mut() {
        last.push_str(text);
    } else {
        inlines.push(Inline::Text {
            text: text.to_string(),
        });
    }
}

/// Whether an end tag closes an element the builder keeps as a frame.
fn is_element_end(end: TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Strong | TagEnd::Emphasis | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image
    )
}

/// Length of an emphasis element's delimiter run at its start (`open`) or
/// end: the run of its delimiter character, at most two (`**`, `~~`; the
/// third of `***` belongs to the element inside or around it).
pub(super) fn delimiter_len(text: &str, at: &Range<usize>, open: bool) -> usize {
    let Some(element) = text.get(at.clone()) else {
        return 0;
    };
    let bytes = element.as_bytes();
    let edge = if open { bytes.first() } else { bytes.last() };
    let Some(&c) = edge.filter(|c| matches!(c, b'*' | b'_' | b'~')) else {
        return 0;
    };
    let run = if open {
        bytes.iter().take_while(|&&b| b == c).count()
    } else {
        bytes.iter().rev().take_while(|&&b| b == c).count()
    };
    run.min(2)
}
