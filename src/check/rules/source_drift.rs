//! `source-drift` (warning): locales of one article translate different
//! versions of the English source (`ms.openlocfilehash`).
//!
//! The newest version is the one with the latest `ms.lasthandoff`. Each file
//! that translates an older version gets one diagnostic per English change,
//! at the stale segment's line: the sentences are aligned by text (id
//! prefixes differ per file), so only sentences whose English really changed
//! (text, emphasis, code or a link target) are named.
//! Why: a translation of an old source silently misses every later fix of
//! the English. Example: `ko-KR` translates `137c502` (hand-off 05/27) while
//! `hu-HU` translates `eeeb628` (06/07), in which "First you need to
//! Activate, then…" was split in two. Fix: re-translate the changed sentences.

use std::collections::BTreeMap;

use similar::{capture_diff_slices, Algorithm, DiffOp};

use crate::check::facts::{short, Facts, Text};
use crate::check::inlines::word_diff;
use crate::diag::{Code, Diagnostic};

/// Finds the newest source of every slug and compares the older ones with it.
pub fn check(facts: &[Facts], out: &mut Vec<Diagnostic>) {
    let mut by_slug: BTreeMap<&str, Vec<&Facts>> = BTreeMap::new();
    for f in facts.iter().filter(|f| f.source_version.is_some()) {
        by_slug.entry(f.slug.as_str()).or_default().push(f);
    }
    for files in by_slug.values() {
        // Latest hand-off, then version, then path wins; ties stay stable.
        let Some(newest) = files.iter().max_by(|a, b| {
            (a.handoff, &a.source_version)
                .cmp(&(b.handoff, &b.source_version))
                .then(b.path.cmp(&a.path))
        }) else {
            continue;
        };
        for stale in files
            .iter()
            .filter(|f| f.source_version != newest.source_version)
        {
            compare(stale, newest, out);
        }
    }
}

/// Reports every English change between `stale`'s source and `newest`'s.
fn compare(stale: &Facts, newest: &Facts, out: &mut Vec<Diagnostic>) {
    let old: Vec<&str> = stale.segments.iter().map(|s| &*s.source).collect();
    let new: Vec<&str> = newest.segments.iter().map(|s| &*s.source).collect();
    let version = newest
        .source_version
        .as_deref()
        .map(short)
        .unwrap_or_default();
    let hint = hint(stale, newest);
    // Diff the shared texts: equal ones compare by hash and pointer.
    let old_texts: Vec<&Text> = stale.segments.iter().map(|s| &s.source).collect();
    let new_texts: Vec<&Text> = newest.segments.iter().map(|s| &s.source).collect();
    for op in capture_diff_slices(Algorithm::Myers, &old_texts, &new_texts) {
        if let DiffOp::Equal { .. } = op {
            continue;
        }
        let (old_range, new_range) = (op.old_range(), op.new_range());
        let removed = old.get(old_range.clone()).unwrap_or_default();
        let added = new.get(new_range).unwrap_or_default();
        let (at, message) = match op {
            DiffOp::Equal { .. } => continue,
            DiffOp::Replace { .. } => {
                let words = word_diff(&removed.join(" "), &added.join(" "));
                let added = quoted(added);
                let message =
                    format!("english changed in source `{version}`: `{words}` (now {added})");
                (old_range.start, message)
            }
            DiffOp::Delete { .. } => (
                old_range.start,
                format!("english removed in source `{version}`: {}", quoted(removed)),
            ),
            DiffOp::Insert { .. } => (
                old_range.start.saturating_sub(1),
                format!(
                    "english added in source `{version}` after this sentence: {}",
                    quoted(added)
                ),
            ),
        };
        let Some(seg) = stale.segments.get(at) else {
            continue;
        };
        out.push(
            Diagnostic::new(
                Code::SourceDrift,
                &stale.path,
                seg.line,
                seg.column,
                message,
            )
            .with_segment(seg.id.as_str())
            .with_locale(stale.locale.as_str())
            .with_hint(hint.clone()),
        );
    }
}

fn hint(stale: &Facts, newest: &Facts) -> String {
    let date = |f: &Facts| {
        f.handoff
            .map_or_else(|| "no hand-off".to_string(), |d| format!("hand-off {d}"))
    };
    format!(
        "`{}` translates source `{}` ({}); `{}` is behind at `{}` ({}): update this translation",
        newest.path,
        newest
            .source_version
            .as_deref()
            .map(short)
            .unwrap_or_default(),
        date(newest),
        stale.locale,
        stale
            .source_version
            .as_deref()
            .map(short)
            .unwrap_or_default(),
        date(stale),
    )
}

fn quoted(sentences: &[&str]) -> String {
    sentences
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(" + ")
}
