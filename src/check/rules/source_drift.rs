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

use rayon::prelude::*;
use similar::{capture_diff_slices, Algorithm, DiffOp};

use crate::check::facts::{short, Facts};
use crate::check::hash::FastMap;
use crate::check::inlines::word_diff;
use crate::check::texts::Unpacked;
use crate::diag::{Code, Diagnostic};

/// The English changes of a stale file: the index of the stale segment to
/// report at, and the message.
type Changes = Vec<(usize, String)>;

/// The newest file of a slug and the stale files compared with it, each
/// with the slot of its pair.
type Group<'a> = (&'a Facts, Vec<(usize, &'a Facts)>);

/// Finds the newest source of every slug and compares the older ones with it.
pub fn check(facts: &[Facts], out: &mut Vec<Diagnostic>) {
    let mut by_slug: BTreeMap<&str, Vec<&Facts>> = BTreeMap::new();
    for f in facts.iter().filter(|f| f.source_version.is_some()) {
        by_slug.entry(f.slug.as_str()).or_default().push(f);
    }
    // (stale, newest) in slug order.
    let mut pairs: Vec<(&Facts, &Facts)> = Vec::new();
    for files in by_slug.values() {
        // Latest hand-off, then version, then path wins; ties stay stable.
        let Some(newest) = files.iter().max_by(|a, b| {
            (a.handoff, &a.source_version)
                .cmp(&(b.handoff, &b.source_version))
                .then(b.path.cmp(&a.path))
        }) else {
            continue;
        };
        pairs.extend(
            files
                .iter()
                .filter(|f| f.source_version != newest.source_version)
                .map(|stale| (*stale, *newest)),
        );
    }
    // Files with identical English (copies of an article) change the same
    // way: each distinct pair is compared once, grouped by the newest file
    // so that its texts are read once, groups in parallel. A newest file
    // is told by its English and its version, which the messages name.
    let mut slots: FastMap<(usize, (usize, Option<&str>)), usize> = FastMap::default();
    let mut by_newest: BTreeMap<(usize, Option<&str>), Group> = BTreeMap::new();
    let slot_of: Vec<usize> = pairs
        .iter()
        .map(|&(stale, newest)| {
            let newest_key = (newest.sources_key(), newest.source_version.as_deref());
            let count = slots.len();
            *slots
                .entry((stale.sources_key(), newest_key))
                .or_insert_with(|| {
                    by_newest
                        .entry(newest_key)
                        .or_insert_with(|| (newest, Vec::new()))
                        .1
                        .push((count, stale));
                    count
                })
        })
        .collect();
    let groups: Vec<&Group> = by_newest.values().collect();
    let mut changes: Vec<Changes> = vec![Vec::new(); slots.len()];
    let found: Vec<Vec<(usize, Changes)>> = groups
        .par_iter()
        .map(|(newest, stales)| {
            let mut newest_texts = None;
            stales
                .iter()
                .map(|&(slot, stale)| (slot, compare(stale, newest, &mut newest_texts)))
                .collect()
        })
        .collect();
    for (slot, list) in found.into_iter().flatten() {
        if let Some(c) = changes.get_mut(slot) {
            *c = list;
        }
    }
    for (&(stale, newest), slot) in pairs.iter().zip(slot_of) {
        let Some(list) = changes.get(slot).filter(|l| !l.is_empty()) else {
            continue;
        };
        let hint = hint(stale, newest);
        let ids = stale.ids();
        for (at, message) in list {
            let Some(seg) = stale.segments.get(*at) else {
                continue;
            };
            out.push(
                Diagnostic::new(
                    Code::SourceDrift,
                    &stale.path,
                    seg.line,
                    seg.column,
                    message.clone(),
                )
                .with_segment(ids.get(*at))
                .with_locale(stale.locale.as_str())
                .with_hint(hint.clone()),
            );
        }
    }
}

/// Every English change between `stale`'s source and `newest`'s (whose
/// texts, once read, stay in `newest_texts`): the index of the stale
/// segment to report at, and the message.
fn compare(stale: &Facts, newest: &Facts, newest_texts: &mut Option<Unpacked>) -> Changes {
    // Sentences are diffed by hash; texts are read only for a change.
    let old_hashes: Vec<u64> = stale.segments.iter().map(|s| s.source).collect();
    let new_hashes: Vec<u64> = newest.segments.iter().map(|s| s.source).collect();
    let ops = capture_diff_slices(Algorithm::Myers, &old_hashes, &new_hashes);
    if ops.iter().all(|op| matches!(op, DiffOp::Equal { .. })) {
        return Vec::new();
    }
    let stale_texts = stale.sources();
    let newest_texts = newest_texts.get_or_insert_with(|| newest.sources());
    let old: Vec<&str> = (0..stale.segments.len())
        .map(|i| stale_texts.source(i))
        .collect();
    let new: Vec<&str> = (0..newest.segments.len())
        .map(|i| newest_texts.source(i))
        .collect();
    let version = newest
        .source_version
        .as_deref()
        .map(short)
        .unwrap_or_default();
    let mut out = Vec::new();
    for op in ops {
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
        out.push((at, message));
    }
    out
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
