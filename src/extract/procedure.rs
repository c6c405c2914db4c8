//! Procedures: every top-level ordered list, with the section it is in, the
//! lead-in paragraph right before it, and per step its text, notes (with
//! their kind), sub-steps and links. Sub-steps come in two shapes, both read
//! here: nested lists, and paragraphs that start with a segment holding only
//! a letter marker (`a.`, `b.`, …).

use crate::model::{condition, condition_end, is_condition_end, Article, Block, Inline, ListItem};

use super::text::{self, Side};
use super::types::{FactKey, Labels, Link, Procedure, Step, StepNote, SOURCE_LOCALE};
use super::{ArticleFacts, Ctx};

/// One ordered list of a procedure, and the condition it is shown under.
pub(crate) struct Part<'a> {
    pub start: u64,
    pub items: &'a [ListItem],
    pub applies_to: Option<String>,
}

/// The ordered list at `blocks[at]` and the lists that continue it across
/// DocFX's conditional sections: a procedure whose step 2 differs per
/// cloud is written `1.`, then `::: moniker range="o365-worldwide"` /
/// `2.` / `::: moniker-end` once per cloud, then `3.`. A list continues
/// the run when only such section lines stand between and its first
/// number is past the run's first and at most one past its last step; a
/// list that starts over (`1.` in each `::: zone pivot`) is a procedure
/// of its own. Returns the parts and the index of the last block taken.
pub(crate) fn continued(blocks: &[Block], at: usize) -> (Vec<Part<'_>>, usize) {
    let Some(Block::List {
        start: Some(first),
        items,
        ..
    }) = blocks.get(at)
    else {
        return (Vec::new(), at);
    };
    // The list may stand in a section itself.
    let opened = at.checked_sub(1).and_then(|p| blocks.get(p));
    let condition = match opened {
        Some(Block::Directive { name, attrs, .. }) if condition_end(name).is_some() => {
            condition(attrs)
        }
        _ => None,
    };
    let mut parts = vec![Part {
        start: *first,
        items,
        applies_to: condition.clone(),
    }];
    let (mut next, mut last, mut condition) = (*first + items.len() as u64, at, condition);
    for (j, block) in blocks.iter().enumerate().skip(at + 1) {
        match block {
            Block::Directive { name, attrs, .. } if condition_end(name).is_some() => {
                condition = self::condition(attrs);
            }
            Block::Directive { name, .. } if is_condition_end(name) => condition = None,
            Block::List {
                start: Some(start),
                items,
                ..
            } if (*first + 1..=next).contains(start) && j > last + 1 => {
                parts.push(Part {
                    start: *start,
                    items,
                    applies_to: condition.clone(),
                });
                next = next.max(start + items.len() as u64);
                last = j;
            }
            _ => break,
        }
    }
    (parts, last)
}

/// Reads an ordered list, with the lists that continue it (see
/// [`continued`]), as a procedure.
pub(crate) fn extract(
    ctx: &Ctx,
    block: usize,
    parts: &[Part],
    prev: Option<&Block>,
    facts: &mut ArticleFacts,
) {
    let lead_in = match prev {
        Some(Block::Paragraph { content, .. }) => {
            Some(text::labels(ctx.article, content)).filter(|l| !l.is_empty())
        }
        _ => None,
    };
    let steps: Vec<Step> = parts
        .iter()
        .flat_map(|part| {
            part.items.iter().enumerate().map(|(i, item)| {
                let mut step = step(ctx.article, (part.start + i as u64).to_string(), item);
                step.applies_to = part.applies_to.clone();
                step
            })
        })
        .collect();
    if steps.iter().all(|s| s.text.is_empty()) {
        return;
    }
    let nth = facts
        .procedures
        .iter()
        .filter(|p| p.section == ctx.section.anchor)
        .count();
    facts.procedures.push(Procedure {
        article: ctx.article.slug.clone(),
        section: ctx.section.anchor.clone(),
        heading: ctx.heading(),
        lead_in,
        steps,
        stale_locales: Vec::new(),
        key: FactKey {
            order: (block, 0, 0),
            identity: ctx.identity("procedure", &[&nth.to_string()]),
        },
    });
}

fn empty_step(marker: String) -> Step {
    Step {
        marker,
        text: Labels::new(),
        details: Vec::new(),
        notes: Vec::new(),
        substeps: Vec::new(),
        links: Vec::new(),
        segments: Default::default(),
        applies_to: None,
    }
}

/// Fills a step's text, links and segments from inline content.
fn fill(article: &Article, step: &mut Step, content: &[Inline]) {
    step.text = text::labels(article, content);
    step.links = links(article, content);
    step.segments = text::segments(article, content);
}

/// One list item as a step.
fn step(article: &Article, marker: String, item: &ListItem) -> Step {
    let mut step = empty_step(marker);
    let mut blocks = item.blocks.iter();
    if let Some(Block::Paragraph { content, .. }) = item.blocks.first() {
        fill(article, &mut step, content);
        blocks.next();
    }
    for block in blocks {
        match block {
            Block::Paragraph { content, .. } => match letter_marker(article, content) {
                Some((letter, rest)) => {
                    let mut sub = empty_step(letter);
                    fill(article, &mut sub, rest);
                    // The marker's segment comes first, as in the document.
                    let marker = content
                        .get(..content.len() - rest.len())
                        .unwrap_or_default();
                    let mut ids = text::segments(article, marker);
                    text::extend_ids(&mut ids, std::mem::take(&mut sub.segments));
                    sub.segments = ids;
                    step.substeps.push(sub);
                }
                None => {
                    let labels = text::labels(article, content);
                    if !labels.is_empty() {
                        current(&mut step).details.push(labels);
                    }
                }
            },
            Block::Note { kind, blocks, .. } => {
                let note = note(article, kind.as_str(), blocks);
                current(&mut step).notes.push(note);
            }
            Block::List { start, items, .. } => {
                for (i, item) in items.iter().enumerate() {
                    let marker =
                        start.map_or_else(|| "-".to_string(), |s| (s + i as u64).to_string());
                    step.substeps.push(self::step(article, marker, item));
                }
            }
            _ => {}
        }
    }
    step
}

/// The open "a." sub-step that follow-up paragraphs and notes belong to, or the step.
fn current(step: &mut Step) -> &mut Step {
    let letter_open = step
        .substeps
        .last()
        .is_some_and(|s| s.marker.chars().all(char::is_alphabetic));
    if letter_open {
        if let Some(last) = step.substeps.len().checked_sub(1) {
            return &mut step.substeps[last];
        }
    }
    step
}

fn note(article: &Article, kind: &str, blocks: &[Block]) -> StepNote {
    let mut parts = Vec::new();
    let mut segments = Default::default();
    for b in blocks {
        if let Block::Paragraph { content, .. } = b {
            parts.push(text::labels(article, content));
            text::extend_ids(&mut segments, text::segments(article, content));
        }
    }
    StepNote {
        kind: kind.to_string(),
        text: text::join(&parts),
        segments,
    }
}

/// `a.` (or `a)`) as the paragraph's first segment: the letter and the rest.
fn letter_marker<'a>(article: &Article, content: &'a [Inline]) -> Option<(String, &'a [Inline])> {
    let pos = content
        .iter()
        .position(|i| !matches!(i, Inline::Text { text } if text.trim().is_empty()))?;
    let Some(Inline::Segment { index }) = content.get(pos) else {
        return None;
    };
    let english = article.segment(*index)?.source_text();
    let mut chars = english.trim().chars();
    let (Some(letter), Some('.' | ')'), None) = (chars.next(), chars.next(), chars.next()) else {
        return None;
    };
    if !letter.is_ascii_lowercase() {
        return None;
    }
    let rest = content.get(pos + 1..).unwrap_or_default();
    (!Inline::is_blank(rest)).then(|| (letter.to_string(), rest))
}

/// Links of a run of inlines: URL from the source, text in both languages
/// (the translation's link text pairs by URL).
fn links(article: &Article, content: &[Inline]) -> Vec<Link> {
    let mut source = Vec::new();
    collect_links(article, content, Side::Source, &mut source);
    if source.is_empty() {
        return Vec::new();
    }
    let mut target = Vec::new();
    collect_links(article, content, Side::Target, &mut target);
    source
        .into_iter()
        .map(|(url, english)| {
            let mut text = Labels::new();
            if let Some(pos) = target.iter().position(|(u, _)| *u == url) {
                let (_, t) = target.remove(pos);
                text.insert(article.locale.to_string(), t);
            }
            text.insert(SOURCE_LOCALE.to_string(), english);
            Link { url, text }
        })
        .collect()
}

fn collect_links(
    article: &Article,
    inlines: &[Inline],
    side: Side,
    out: &mut Vec<(String, String)>,
) {
    for inline in inlines {
        match inline {
            Inline::Link { url, children, .. } => {
                out.push((url.clone(), text::plain(article, children, side)))
            }
            Inline::Strong { children }
            | Inline::Emphasis { children }
            | Inline::Strikethrough { children } => collect_links(article, children, side, out),
            Inline::Segment { index } => {
                if let Some(seg) = article.segment(*index) {
                    let part = if side == Side::Source {
                        &seg.source
                    } else {
                        &seg.target
                    };
                    collect_links(article, part, side, out);
                }
            }
            _ => {}
        }
    }
}
