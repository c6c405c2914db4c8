//! `untranslated` (warning): the translation is the English source, word for
//! word, and the source has words that need translating.
//!
//! Why: a sentence left in English is usually a segment the translator or
//! the MT engine skipped. Product names, acronyms, numbers, ids and terms of
//! the allowlist (`src/check/allowlist.txt`, replaceable with
//! `allowlist = "path"` in `locdoc.toml`) may stay English and are not
//! reported. Example: `<span data-ttu-id="986a5-105">Overview</span>` in a
//! Korean file. Fix: translate it, or add the term to the allowlist.

use super::{at_segment, Context};
use crate::check::scan::Scanned;
use crate::diag::{Code, Diagnostic};
use crate::model::Segment;

/// Reports a translation equal to a source with translatable words.
pub fn check(cx: &Context, seg: &Segment, sides: &Scanned, out: &mut Vec<Diagnostic>) {
    // Equal sides have equal text nodes: compare their count and first
    // length before the trees.
    let (s, t) = (&sides.source.texts, &sides.target.texts);
    if s.len() != t.len()
        || s.first().map(|x| x.len()) != t.first().map(|x| x.len())
        || cx.language.eq_ignore_ascii_case("en")
        || seg.target != seg.source
    {
        return;
    }
    let text = seg.source_text();
    if text.trim().is_empty() || cx.allowlist.covers(&text) {
        return;
    }
    out.push(
        at_segment(
            cx.article,
            seg,
            Code::Untranslated,
            format!("segment `{}` is not translated: `{}`", seg.id, text.trim()),
        )
        .with_hint("translate it, or add the term to the allowlist if it must stay in English"),
    );
}
