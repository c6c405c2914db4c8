//! `short-translation` (warning): a translation far shorter than its
//! source, measured against the article's own sentences: its length over
//! the source's length is under 40 % of the article's median ratio.
//! Languages differ in length (Chinese runs to a third of the English,
//! German to more than all of it), so the article sets the scale; a
//! sentence of at least 60 bytes, in an article with at least 8
//! sentences of 20 or more, is measured (lengths in UTF-8 bytes: the
//! median takes the script's bytes per character out).
//!
//! Why: machine translation sometimes keeps only part of a long sentence,
//! and the rest of the instruction is silently gone. Nothing else shows
//! it: the markup, numbers and links that remain can all match.
//! Example (sv-SE): source "In the **Need help?** flyout that appears,
//! type something descriptive in the search box (for example, …), and
//! then press ENTER.", target "Skriv något beskrivande i sökrutan i
//! **hjälpen?**".
//! Fix: translate the whole sentence.

use super::{at_segment, Context};
use crate::check::scan::Scanned;
use crate::diag::{Code, Diagnostic};
use crate::model::{Article, Inline, Segment};

/// Sources shorter than this (bytes) are not measured: short texts vary too much.
const MIN_SOURCE: usize = 60;
/// Sources at least this long set the article's median.
const MIN_SAMPLE: usize = 20;
/// Fewer sample sentences than this give no median.
const MIN_SAMPLES: usize = 8;
/// A sentence under this share of the median ratio is reported.
const SHARE: f64 = 0.4;

pub fn check(cx: &Context, seg: &Segment, _: &Scanned, out: &mut Vec<Diagnostic>) {
    let Some(median) = cx.length_ratio else {
        return;
    };
    let source = letters(&seg.source);
    if source < MIN_SOURCE || seg.target == seg.source {
        return;
    }
    let target = letters(&seg.target);
    if target == 0 {
        return;
    }
    let ratio = target as f64 / source as f64;
    if ratio >= SHARE * median {
        return;
    }
    out.push(
        at_segment(
            cx.article,
            seg,
            Code::ShortTranslation,
            format!(
                "segment `{}` is much shorter than its source: {:.0} % of its length, \
                 where this article's translations run to {:.0} %",
                seg.id,
                ratio * 100.0,
                median * 100.0
            ),
        )
        .with_hint("check that the whole sentence is translated"),
    );
}

/// The article's median of translation length over source length, over
/// its sentences of `MIN_SAMPLE` bytes or more.
pub fn median_ratio(article: &Article) -> Option<f64> {
    let mut ratios: Vec<f64> = article
        .segments
        .iter()
        .filter_map(|seg| {
            let source = letters(&seg.source);
            let target = (source >= MIN_SAMPLE).then(|| letters(&seg.target))?;
            (target > 0).then(|| target as f64 / source as f64)
        })
        .collect();
    if ratios.len() < MIN_SAMPLES {
        return None;
    }
    ratios.sort_unstable_by(f64::total_cmp);
    Some(ratios[ratios.len() / 2])
}

/// Bytes of a side's text and code. Bytes, not characters: the ratio is
/// read against the article's own median, which takes the script's bytes
/// per character out, and every sentence of every article is measured.
fn letters(inlines: &[Inline]) -> usize {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text { text } => text.trim().len(),
            Inline::Code { code } => code.len(),
            Inline::Strong { children }
            | Inline::Emphasis { children }
            | Inline::Strikethrough { children }
            | Inline::Link { children, .. } => letters(children),
            _ => 0,
        })
        .sum()
}
