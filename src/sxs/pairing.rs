//! Pairing the alignment spans inside an inline run: closing a span, joining
//! a translation with the source that follows it, and recovering (with a
//! diagnostic and a stray) when the markup is broken.

use std::ops::Range;

use super::inline::{Frame, Halves, InlineBuilder, Pending};
use super::plain::{plain_text, Plain};
use super::State;
use crate::diag::{Code, Diagnostic};
use crate::model::{Inline, Segment, SegmentId, Side};

/// What [`InlineBuilder::finish`] unwinds the spans still open by.
pub(super) const END_OF_BLOCK: &str = "the end of the block";

/// A pair left open at the end of a block is usually split by a blank line
/// (the rest of its markup, the source half and the closing `</span>`s, is in
/// the blocks after it): one finding for the pair, not one per fragment.
const SPLIT_HINT: &str = "keep the pair in one paragraph: a blank line ends the block. \
     The rest of this pair's markup in the blocks after it is not reported again";

impl<'a> InlineBuilder<'a> {
    pub(super) fn close_span(&mut self, range: Range<usize>, st: &mut State) {
        // A span closing inside emphasis that opened after it: the
        // delimiters paired across the span's end (`<span>**_</span>…
        // <span>…_</span>`, machine-translated text). The spans are the
        // article's structure, so the emphasis gives way: its delimiters
        // become text and its content moves out.
        while self.closes_across_emphasis() {
            self.dissolve_top(st);
        }
        let top = self.stack.len() - 1;
        match &self.stack[top].0 {
            Frame::Target { .. } => {
                let Some((Frame::Target { id, open, content }, children)) = self.stack.pop() else {
                    return;
                };
                self.pending = Some(Pending {
                    id,
                    open,
                    range: content..range.start,
                    content: children,
                });
            }
            Frame::Source { .. } => {
                let Some((Frame::Source { id, open, content }, children)) = self.stack.pop() else {
                    return;
                };
                let source = Pending {
                    id,
                    open,
                    range: content..range.start,
                    content: children,
                };
                let in_lookup = matches!(self.stack.last(), Some((Frame::Lookup { .. }, _)));
                match self.lookups.last_mut() {
                    Some(Halves { source: slot, .. }) if in_lookup && slot.is_none() => {
                        *slot = Some(source)
                    }
                    _ => {
                        let at = source.open;
                        self.unpaired_source(source, at, st)
                    }
                }
            }
            Frame::Lookup { .. } => {
                let Some((Frame::Lookup { open, content }, loose)) = self.stack.pop() else {
                    return;
                };
                let Some(Halves { target, source }) = self.lookups.pop() else {
                    return;
                };
                self.close_lookup(open, content..range.start, target, source, loose, st);
            }
            Frame::Span => {
                let Some((_, children)) = self.stack.pop() else {
                    return;
                };
                self.extend(children);
                self.push(Inline::Html {
                    html: "</span>".to_string(),
                });
            }
            _ => {
                self.flush_pending(st);
                if self.split_id.is_none() {
                    st.diags.push(self.diag(
                        st,
                        Code::MalformedSpan,
                        range.start,
                        "`</span>` closes no open span",
                    ));
                }
            }
        }
    }

    /// Pairs the halves of a closed `sxs-lookup` span. Text written in it
    /// outside any `data-stu-id` span (`<span class="sxs-lookup">English
    /// </span>`) is the translation's English when there is no source span,
    /// and otherwise stays after the pair: either way it is reported, and
    /// the pages still show it.
    fn close_lookup(
        &mut self,
        open: usize,
        inside: Range<usize>,
        target: Option<Pending<'a>>,
        mut source: Option<Pending<'a>>,
        loose: Vec<Inline>,
        st: &mut State,
    ) {
        let mut loose = (!Inline::is_blank(&loose)).then_some(loose);
        if let (Some(t), None, Some(text)) = (&target, &source, &loose) {
            st.diags.push(
                self.diag(
                    st,
                    Code::MalformedSpan,
                    inside.start,
                    format!(
                        "`sxs-lookup` span after `{}` holds its English outside a `data-stu-id` span",
                        t.id
                    ),
                )
                .with_segment(t.id.clone())
                .with_hint(format!(
                    "wrap the English in `<span data-stu-id=\"{}\">…</span>`",
                    t.id
                )),
            );
            source = Some(Pending {
                id: t.id.clone(),
                open: inside.start,
                range: inside.clone(),
                content: text.clone(),
            });
            loose = None;
        }
        // Without a source span, `pair` reports the lookup already.
        let beside_source = source.is_some();
        self.pair(open, target, source, st);
        if let Some(loose) = loose {
            if beside_source {
                st.diags.push(self.diag(
                    st,
                    Code::MalformedSpan,
                    inside.start,
                    "`sxs-lookup` span holds text outside its `data-stu-id` span",
                ));
            }
            self.extend(loose);
        }
    }

    /// A plain pair met in text: the segment its events would have paired
    /// (see [`super::plain`]), made at once when nothing is pending or
    /// open around it, and otherwise from its events.
    pub(super) fn plain_pair(&mut self, p: Plain, st: &mut State) {
        let open_alignment = matches!(
            self.stack.last(),
            Some((
                Frame::Target { .. } | Frame::Source { .. } | Frame::Lookup { .. },
                _
            ))
        );
        let replay = self.pending.is_some() || open_alignment;
        if let Some(halves) = &p.rich {
            // Its events are not at hand to replay, and what it nests
            // must fit: otherwise the shortcut fails and the article is
            // parsed again in full.
            let in_link = || {
                self.stack
                    .iter()
                    .any(|(f, _)| matches!(f, Frame::Link { .. }))
            };
            if replay || !self.may_nest(3) || (halves.has_link() && in_link()) {
                self.plains.fail();
            }
        }
        if replay {
            return self.replay(&p, st);
        }
        let text = self.plains.text;
        let id = &text[p.id.clone()];
        self.end_split_unless(id);
        let (target, source) = match p.rich {
            Some(halves) => (halves.target, halves.source),
            None => (plain_text(text, &p.target), plain_text(text, &p.source)),
        };
        let target = Pending {
            id: id.into(),
            open: p.at.start,
            range: p.target.clone(),
            content: target,
        };
        let source = Pending {
            id: id.into(),
            open: p.source_open,
            range: p.source.clone(),
            content: source,
        };
        self.push_segment(target, source, st);
    }

    /// Makes the segment of a translation and its source, and puts it in
    /// the run where the pair stood.
    fn push_segment(&mut self, t: Pending<'a>, s: Pending<'a>, st: &mut State) {
        st.accounted.extend([t.open, s.open]);
        let (line, column) = st.lines.position(t.open);
        let index = st.segments.len();
        st.segments.push(Segment {
            id: SegmentId::parse(&t.id),
            target: t.content,
            source: s.content,
            line,
            column,
            target_range: t.range,
            source_range: s.range,
        });
        self.push(Inline::Segment { index });
    }

    fn pair(
        &mut self,
        open: usize,
        target: Option<Pending<'a>>,
        source: Option<Pending<'a>>,
        st: &mut State,
    ) {
        match (target, source) {
            (Some(mut t), Some(mut s)) => {
                super::includes::fold_includes(&mut t.content);
                super::includes::fold_includes(&mut s.content);
                if t.id != s.id {
                    st.diags.push(
                        self.diag(
                            st,
                            Code::IdMismatch,
                            s.open,
                            format!("translation `{}` is paired with source `{}`", t.id, s.id),
                        )
                        .with_segment(t.id.clone())
                        .with_hint("a translation and its source share one id"),
                    );
                }
                self.push_segment(t, s, st);
            }
            (None, Some(s)) => self.unpaired_source(s, open, st),
            (target, None) => {
                let what = target
                    .as_ref()
                    .map_or_else(String::new, |t| format!(" after `{}`", t.id));
                let d = self.diag(
                    st,
                    Code::MalformedSpan,
                    open,
                    format!("`sxs-lookup` span{what} holds no `data-stu-id` span"),
                );
                st.diags.push(match &target {
                    Some(t) => d.with_segment(t.id.clone()),
                    None => d,
                });
                if let Some(t) = target {
                    st.stray(&t.id, Side::Target, t.open, t.content.clone());
                    self.extend(t.content);
                }
            }
        }
    }

    fn unpaired_source(&mut self, s: Pending<'a>, at: usize, st: &mut State) {
        let reported = self.split_id.as_deref() == Some(s.id.as_ref());
        if !reported {
            st.diags.push(
                self.diag(
                    st,
                    Code::UnpairedSource,
                    at,
                    format!("source `{}` has no translation before it", s.id),
                )
                .with_segment(s.id.clone())
                .with_hint(
                    "put the `<span data-ttu-id>` translation right before its `sxs-lookup` span",
                ),
            );
        }
        // Its English stays where it stood, as an unpaired translation's
        // text does: the pages show the sentence rather than nothing.
        st.stray(&s.id, Side::Source, s.open, s.content.clone());
        self.extend(s.content);
    }

    /// A closed translation followed by something other than its source.
    #[inline]
    pub(super) fn flush_pending(&mut self, st: &mut State) {
        // Called on nearly every event; there is rarely anything to flush.
        if self.pending.is_some() {
            self.unpaired_target(st);
        }
    }

    /// Reports the pending translation as unpaired; its content stays inline.
    #[cold]
    fn unpaired_target(&mut self, st: &mut State) {
        let Some(t) = self.pending.take() else { return };
        st.stray(&t.id, Side::Target, t.open, t.content.clone());
        st.diags.push(
            self.diag(st, Code::UnpairedTarget, t.open, format!("translation `{}` has no `sxs-lookup` source after it", t.id))
                .with_segment(t.id.clone())
                .with_hint("add `<span class=\"sxs-lookup\"><span data-stu-id=\"…\">English</span></span>` after it"),
        );
        self.extend(t.content);
    }

    /// Closes alignment spans left open when a new one starts.
    pub(super) fn close_alignment_frames(&mut self, st: &mut State, by: &str) {
        while matches!(
            self.stack.last(),
            Some((
                Frame::Target { .. } | Frame::Source { .. } | Frame::Lookup { .. },
                _
            ))
        ) {
            self.unwind_top(st, by);
        }
    }

    /// Reports a span of pair `id` left open, once per pair: one closed by
    /// the end of its block is taken for a pair split by a blank line, and
    /// its fragments in the blocks after it are part of this finding.
    fn report_unclosed(&mut self, st: &mut State, id: &str, at: usize, message: String, by: &str) {
        if self.split_id.as_deref() == Some(id) {
            return;
        }
        let mut diag = self
            .diag(st, Code::MalformedSpan, at, message)
            .with_segment(id);
        if by == END_OF_BLOCK {
            diag = diag.with_hint(SPLIT_HINT);
            self.split_id = Some(id.to_string());
        }
        st.diags.push(diag);
    }

    /// Pops the top frame after its end went missing, keeping its content.
    pub(super) fn unwind_top(&mut self, st: &mut State, by: &str) {
        let Some((frame, children)) = self.stack.pop() else {
            return;
        };
        let side = if matches!(frame, Frame::Target { .. }) {
            Side::Target
        } else {
            Side::Source
        };
        match frame {
            Frame::Target { id, open, .. } | Frame::Source { id, open, .. } => {
                st.stray(&id, side, open, children.clone());
                if self.in_cell {
                    st.diags.push(
                        self.diag(
                            st,
                            Code::LostSegment,
                            open,
                            format!("span pair `{id}` is split across table cells"),
                        )
                        .with_segment(id.clone())
                        .with_hint("a `|` in the text ends the cell: escape it as `\\|`"),
                    );
                    self.split_id = Some(id.into_owned());
                } else {
                    let message = format!("span `{id}` is not closed before {by}");
                    self.report_unclosed(st, &id, open, message, by);
                }
            }
            Frame::Lookup { open, .. } => {
                let Halves { target, source } = self.lookups.pop().unwrap_or(Halves {
                    target: None,
                    source: None,
                });
                if let (Some(_), Some(_)) = (&target, &source) {
                    // Only the outer `</span>` is missing: keep the pair.
                    self.pair(open, target, source, st);
                } else {
                    for (p, side) in target
                        .into_iter()
                        .map(|t| (t, Side::Target))
                        .chain(source.map(|s| (s, Side::Source)))
                    {
                        st.stray(&p.id, side, p.open, p.content.clone());
                        let message =
                            format!("`sxs-lookup` span for `{}` is not closed before {by}", p.id);
                        self.report_unclosed(st, &p.id, open, message, by);
                    }
                }
            }
            Frame::Strong { .. }
            | Frame::Emphasis { .. }
            | Frame::Strike { .. }
            | Frame::Span
            | Frame::Root => {}
            Frame::Link { .. } | Frame::Image { .. } => {}
        }
        self.extend(children);
    }

    /// Whether the top frame is emphasis and the first frame below the
    /// emphasis is a span, which a `</span>` now closes.
    fn closes_across_emphasis(&self) -> bool {
        let is_emphasis = |f: &Frame| {
            matches!(
                f,
                Frame::Strong { .. } | Frame::Emphasis { .. } | Frame::Strike { .. }
            )
        };
        self.stack.last().is_some_and(|(f, _)| is_emphasis(f))
            && self
                .stack
                .iter()
                .rev()
                .find(|(f, _)| !is_emphasis(f))
                .is_some_and(|(f, _)| {
                    matches!(
                        f,
                        Frame::Target { .. }
                            | Frame::Source { .. }
                            | Frame::Lookup { .. }
                            | Frame::Span
                    )
                })
    }

    /// Takes the top emphasis frame apart: its opening delimiter becomes
    /// text followed by its content, and its end event, when it comes,
    /// its closing delimiter.
    fn dissolve_top(&mut self, st: &State) {
        let Some((frame, children)) = self.stack.pop() else {
            return;
        };
        let (Frame::Strong { at } | Frame::Emphasis { at } | Frame::Strike { at }) = frame else {
            self.stack.push((frame, children));
            return;
        };
        let n = super::inline::delimiter_len(st.text, &at, true);
        self.push_text(st.text.get(at.start..at.start + n).unwrap_or_default());
        self.extend(children);
        self.dissolved.push(at);
    }

    pub(super) fn diag(
        &self,
        st: &State,
        code: Code,
        offset: usize,
        message: impl Into<String>,
    ) -> Diagnostic {
        let (line, column) = st.lines.position(offset);
        Diagnostic::new(code, st.path, line, column, message)
    }
}
