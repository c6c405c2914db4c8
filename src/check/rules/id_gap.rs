//! `id-gap` (warning): consecutive sentence ids skip numbers.
//!
//! Why: a missing number is a source sentence with no segment, often one
//! the pipeline could not align (an image's alt text, a cell).
//! Example: `3393e-140` followed by `3393e-142`. Fix: check the English
//! source for the missing sentence. Merged `-p` ids stand for several
//! numbers, so a gap next to one is not reported. When an image with alt
//! text sits between the two segments, the message names it: the pipeline
//! translates alt text in place, without spans, under the missing number.

use std::fmt::Write as _;

use super::at_segment;
use crate::check::hash::FastSet;
use crate::diag::{Code, Diagnostic};
use crate::model::{Article, Block, Inline};

/// Reports each jump of more than one between neighbouring plain ids.
/// A number used anywhere in the file (also by a span that did not pair and
/// was reported on its own) is not missing,
/// and a malformed or merged id in between suppresses the gap.
pub fn check(article: &Article, out: &mut Vec<Diagnostic>) {
    // Built at the first jump only: most files have none.
    let mut present: Option<FastSet<u32>> = None;
    let mut images: Option<Vec<LooseImage>> = None;
    let mut prev: Option<(u32, &str)> = None;
    for (index, seg) in article.segments.iter().enumerate() {
        let Some(number) = seg.id.number().filter(|_| !seg.id.is_merged()) else {
            prev = None;
            continue;
        };
        if let Some((p, prev_id)) = prev {
            if number > p + 1 && {
                let present = present.get_or_insert_with(|| numbers(article));
                !(p + 1..number).any(|n| present.contains(&n))
            } {
                let missing = number - p - 1;
                let images = images.get_or_insert_with(|| loose_images(article));
                let between: Vec<u32> = images
                    .iter()
                    .filter(|i| i.after == index)
                    .map(|i| i.line)
                    .collect();
                let mut message = format!(
                    "ids skip from `{prev_id}` to `{}` ({missing} missing)",
                    seg.id
                );
                let hint = if between.is_empty() {
                    "a source sentence may have been left out of the translation"
                } else {
                    let lines: Vec<String> = between.iter().map(u32::to_string).collect();
                    let (images, at, have) = if between.len() == 1 {
                        ("image", "line", "has")
                    } else {
                        ("images", "lines", "have")
                    };
                    let _ = write!(
                        message,
                        "; the {images} at {at} {} between them {have} alt text outside the spans",
                        lines.join(", "),
                    );
                    "the alt text lost its sentence pair: it may be translated without its English, or still English; compare it with the English article"
                };
                out.push(at_segment(article, seg, Code::IdGap, message).with_hint(hint));
            }
        }
        prev = Some((number, seg.id.as_str()));
    }
}

/// An image with alt text outside any segment, and how many segments come
/// before it in the document.
struct LooseImage {
    after: usize,
    line: u32,
}

/// Every image with alt text outside the segments, in document order.
fn loose_images(article: &Article) -> Vec<LooseImage> {
    let mut walk = Walk {
        seen: 0,
        found: Vec::new(),
    };
    walk.blocks(&article.blocks);
    walk.found
}

struct Walk {
    seen: usize,
    found: Vec<LooseImage>,
}

impl Walk {
    fn blocks(&mut self, blocks: &[Block]) {
        for block in blocks {
            let line = block.line();
            match block {
                Block::Heading { content, .. }
                | Block::Paragraph { content, .. }
                | Block::Html { content, .. } => self.inlines(content, line),
                Block::List { items, .. } => {
                    for item in items {
                        self.blocks(&item.blocks);
                    }
                }
                Block::Table { head, rows, .. } => {
                    for cell in head.iter().chain(rows.iter().flatten()) {
                        self.inlines(cell, line);
                    }
                }
                Block::Note { blocks, .. } | Block::Quote { blocks, .. } => self.blocks(blocks),
                Block::Image { alt, .. } if !alt.trim().is_empty() => {
                    self.found.push(LooseImage {
                        after: self.seen,
                        line,
                    });
                }
                Block::Image { .. }
                | Block::Code { .. }
                | Block::Directive { .. }
                | Block::Extension { .. }
                | Block::Rule { .. } => {}
            }
        }
    }

    fn inlines(&mut self, inlines: &[Inline], line: u32) {
        for inline in inlines {
            match inline {
                Inline::Segment { index } => self.seen = self.seen.max(index + 1),
                Inline::Image { alt, .. } => {
                    // Text outside the alt's segments (plain text skips them).
                    if !Inline::plain_text(alt).trim().is_empty() {
                        self.found.push(LooseImage {
                            after: self.seen,
                            line,
                        });
                    }
                    self.inlines(alt, line);
                }
                Inline::Strong { children }
                | Inline::Emphasis { children }
                | Inline::Strikethrough { children }
                | Inline::Link { children, .. } => self.inlines(children, line),
                _ => {}
            }
        }
    }
}

/// Every id number used in the file, by a segment or a stray span.
fn numbers(article: &Article) -> FastSet<u32> {
    (article.segments.iter().map(|s| &s.id))
        .chain(article.strays.iter().map(|s| &s.id))
        .filter_map(|id| id.number())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::check;
    use crate::model::Locale;
    use crate::sxs;

    fn seg(id: &str) -> String {
        format!("<span data-ttu-id=\"abcde-{id}\">t{id}</span><span class=\"sxs-lookup\"><span data-stu-id=\"abcde-{id}\">s{id}</span></span>")
    }

    fn messages(body: &str) -> Vec<String> {
        let text = format!("---\ntitle: t\n---\n{body}");
        let locale = Locale::parse("sv-SE").unwrap();
        let parsed = sxs::parse("sv-SE/a.md", locale, "a", &text);
        let mut out = Vec::new();
        check(&parsed.article, &mut out);
        out.into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn an_image_between_the_segments_is_named() {
        let body = format!(
            "1. {}\n\n   ![Ny länk](media/a.png)\n\n2. {}\n\n{}\n",
            seg("110"),
            seg("112"),
            seg("114")
        );
        assert_eq!(
            messages(&body),
            [
                "ids skip from `abcde-110` to `abcde-112` (1 missing); the image at line 6 \
                 between them has alt text outside the spans",
                "ids skip from `abcde-112` to `abcde-114` (1 missing)",
            ]
        );
    }

    #[test]
    fn two_images_are_named_by_their_lines() {
        let body = format!(
            "{}\n\n![a](a.png)\n\n![b](b.png)\n\n{}\n",
            seg("101"),
            seg("104")
        );
        assert_eq!(
            messages(&body),
            [
                "ids skip from `abcde-101` to `abcde-104` (2 missing); the images at lines 6, 8 \
              between them have alt text outside the spans"
            ]
        );
    }

    #[test]
    fn an_image_without_alt_text_explains_nothing() {
        let body = format!("{}\n\n![](a.png)\n\n{}\n", seg("101"), seg("103"));
        assert_eq!(
            messages(&body),
            ["ids skip from `abcde-101` to `abcde-103` (1 missing)"]
        );
    }
}
