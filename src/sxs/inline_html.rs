//! Raw HTML tags inside an inline run: the three alignment spans open
//! their frames here (closing them is [`super::pairing`]'s part), and any
//! other tag becomes a line break, kept HTML or, for a placeholder such as
//! `<tenant>`, text.

use std::borrow::Cow;
use std::ops::Range;

use super::inline::{Frame, Halves, InlineBuilder, Pending};
use super::tag::{self, Alignment, Tag};
use super::State;
use crate::diag::Code;
use crate::model::Inline;

impl<'a> InlineBuilder<'a> {
    /// One raw HTML tag (or comment). `id` turns an id read from `raw` into
    /// what the frames hold: a borrow when `raw` lives as long as the text.
    pub(super) fn html<'r>(
        &mut self,
        raw: &'r str,
        range: Range<usize>,
        st: &mut State,
        id: impl Fn(&'r str) -> Cow<'a, str>,
    ) {
        // The alignment tags as the pipeline writes them skip the general scan.
        let found = match tag::alignment(raw) {
            Some(found) => found,
            None => match self.general_tag(raw, range.clone(), st) {
                Some(found) => found,
                None => return,
            },
        };
        match found {
            Alignment::Close => self.close_span(range, st),
            Alignment::Target(target) => self.open_target(id(target), range, st),
            Alignment::Lookup => self.open_lookup(range, st),
            Alignment::Source(source) => self.open_source(id(source), range, st),
        }
    }

    /// A tag not in the pipeline's spelling: handles everything but the
    /// alignment spans, which it returns.
    fn general_tag<'r>(
        &mut self,
        raw: &'r str,
        range: Range<usize>,
        st: &mut State,
    ) -> Option<Alignment<'r>> {
        let Some(tag) = Tag::parse(raw) else {
            if raw.starts_with("<!--") {
                st.regions.push((range, super::Region::Comment));
            }
            self.flush_pending(st);
            self.push(Inline::Html {
                html: raw.to_string(),
            });
            return None;
        };
        if tag.is("br") {
            self.flush_pending(st);
            self.push(Inline::LineBreak);
            return None;
        } else if !tag.is("span") {
            if !super::tag::is_html_element(tag.name) {
                // `https://<tenant>.sharepoint.com`: a placeholder, which a
                // browser would swallow as an unknown element. It is text.
                self.push_text(raw);
                return None;
            }
            self.flush_pending(st);
            self.push(Inline::Html {
                html: raw.to_string(),
            });
            return None;
        }
        let alignment = tag.alignment();
        if alignment.is_some() && tag.has_entity_quotes() {
            self.report_entity_quotes(range.start, st);
        }
        if alignment.is_none() {
            // A span of its own (`<span class="x">`): kept, and closed by the
            // next `</span>`.
            self.stack.push((Frame::Span, Vec::new()));
            self.push(Inline::Html {
                html: raw.to_string(),
            });
        }
        alignment
    }

    /// An alignment span whose attribute is quoted with `&quot;`: read as
    /// meant, and reported once per line (a pair's three tags usually
    /// share the fault).
    fn report_entity_quotes(&self, at: usize, st: &mut State) {
        const MESSAGE: &str = "alignment span quotes its attribute with `&quot;`";
        let (line, _) = st.lines.position(at);
        let reported = st.diags.iter().rev().take(4).any(|d| {
            d.code == Code::MalformedSpan && d.line == line && d.message.starts_with(MESSAGE)
        });
        if reported {
            return;
        }
        let message = format!(
            "{MESSAGE} instead of `\"`: browsers keep the quotes in the value, so \
             the published page does not recognize the span"
        );
        st.diags.push(
            self.diag(st, Code::MalformedSpan, at, message)
                .with_hint("write `\"` for `&quot;` inside the tag"),
        );
    }

    /// `<span data-ttu-id>`: closes whatever alignment span is still open.
    fn open_target(&mut self, id: Cow<'a, str>, range: Range<usize>, st: &mut State) {
        self.flush_pending(st);
        self.close_alignment_frames(st, "another translation span");
        self.end_split_unless(&id);
        self.stack.push((
            Frame::Target {
                id,
                open: range.start,
                content: range.end,
            },
            span_content(),
        ));
    }

    /// `<span class="sxs-lookup">`: takes the translation just closed.
    fn open_lookup(&mut self, range: Range<usize>, st: &mut State) {
        if let Some((Frame::Target { id, open, .. }, _)) = self.stack.last() {
            let open = *open;
            st.diags.push(
                self.diag(
                    st,
                    Code::MalformedSpan,
                    open,
                    format!("translation span `{id}` is not closed before its `sxs-lookup` span"),
                )
                .with_segment(id.as_ref())
                .with_hint("add `</span>` after the translation"),
            );
            if let Some((Frame::Target { id, open, content }, children)) = self.stack.pop() {
                self.pending = Some(Pending {
                    id,
                    open,
                    range: content..range.start,
                    content: children,
                });
            }
        }
        let target = self.pending.take();
        self.close_alignment_frames(st, "an sxs-lookup span");
        self.lookups.push(Halves {
            target,
            source: None,
        });
        self.stack.push((
            Frame::Lookup {
                open: range.start,
                content: range.end,
            },
            Vec::new(),
        ));
    }

    /// `<span data-stu-id>`, which belongs inside an `sxs-lookup` span.
    fn open_source(&mut self, id: Cow<'a, str>, range: Range<usize>, st: &mut State) {
        self.flush_pending(st);
        self.end_split_unless(&id);
        let split = self.split_id.is_some();
        if !split && !matches!(self.stack.last(), Some((Frame::Lookup { .. }, _))) {
            st.diags.push(
                self.diag(
                    st,
                    Code::MalformedSpan,
                    range.start,
                    format!("source span `{id}` is not inside an `sxs-lookup` span"),
                )
                .with_segment(id.as_ref()),
            );
        }
        self.stack.push((
            Frame::Source {
                id,
                open: range.start,
                content: range.end,
            },
            span_content(),
        ));
    }
}

/// The content list of a translation or source span: nearly always one
/// inline (a sentence of text), so one slot rather than the four a first
/// `push` reserves. Each segment keeps two of these lists.
fn span_content() -> Vec<Inline> {
    Vec::with_capacity(1)
}
