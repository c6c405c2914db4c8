//! `locdoc diff`: the segment-level change between two revisions of one
//! translated article. Source sentences are aligned by text (ids change
//! between exports), then each change is classified: source sentence added,
//! removed or changed (with a word diff, and whether the translation was
//! updated with it or is now stale), or translation updated under an
//! unchanged source.

use serde::Serialize;
use similar::{capture_diff_slices, Algorithm, DiffOp, TextDiff};

use crate::check::inlines::fingerprint;
pub use crate::check::inlines::word_diff;
use crate::model::{Article, Segment};

/// What happened to one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A source sentence only the new revision has.
    Added,
    /// A source sentence only the old revision has.
    Removed,
    /// The source changed and the translation changed with it.
    Changed,
    /// The source changed but the translation is the old one.
    Stale,
    /// The source is the same, the translation was revised.
    Updated,
}

impl Kind {
    /// Lowercase name for human output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Added => "added",
            Kind::Removed => "removed",
            Kind::Changed => "changed",
            Kind::Stale => "stale",
            Kind::Updated => "updated",
        }
    }
}

/// One side of a change: a segment of one revision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Side {
    /// Segment id.
    pub id: String,
    /// 1-based line.
    pub line: u32,
    /// English source (fingerprint: text with code, emphasis, link targets).
    pub source: String,
    /// Translation (fingerprint).
    pub target: String,
}

/// One change between the revisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// What happened.
    pub kind: Kind,
    /// The segment in the old revision.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<Side>,
    /// The segment in the new revision.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<Side>,
    /// Word diff of the source: `[-removed-]{+added+}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<String>,
}

/// The whole comparison.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Changes in the order of the new revision.
    pub changes: Vec<Change>,
    /// Sentences whose source and translation are both unchanged.
    pub unchanged: usize,
}

impl Report {
    /// How many changes are of `kind`.
    pub fn count(&self, kind: Kind) -> usize {
        self.changes.iter().filter(|c| c.kind == kind).count()
    }
}

/// Compares two revisions of an article.
pub fn revisions(old: &Article, new: &Article) -> Report {
    let olds: Vec<Side> = old.segments.iter().map(side).collect();
    let news: Vec<Side> = new.segments.iter().map(side).collect();
    let old_keys: Vec<&str> = olds.iter().map(|s| s.source.as_str()).collect();
    let new_keys: Vec<&str> = news.iter().map(|s| s.source.as_str()).collect();
    let mut report = Report::default();
    for op in capture_diff_slices(Algorithm::Myers, &old_keys, &new_keys) {
        let (o, n) = (&olds[op.old_range()], &news[op.new_range()]);
        match op {
            DiffOp::Equal { .. } => {
                for (a, b) in o.iter().zip(n) {
                    if a.target == b.target {
                        report.unchanged += 1;
                    } else {
                        report.changes.push(pair(Kind::Updated, a, b, None));
                    }
                }
            }
            DiffOp::Delete { .. } => o
                .iter()
                .for_each(|a| report.changes.push(only(Kind::Removed, Some(a), None))),
            DiffOp::Insert { .. } => n
                .iter()
                .for_each(|b| report.changes.push(only(Kind::Added, None, Some(b)))),
            DiffOp::Replace { .. } => replace(o, n, &mut report),
        }
    }
    report
}

/// Pairs replaced sentences in order when their words are at least half
/// the same; the others are removed or added.
fn replace(o: &[Side], n: &[Side], report: &mut Report) {
    let mut next_new = 0;
    for a in o {
        let found = (next_new..n.len()).find(|&j| similar_enough(&a.source, &n[j].source));
        let Some(j) = found else {
            report.changes.push(only(Kind::Removed, Some(a), None));
            continue;
        };
        n[next_new..j]
            .iter()
            .for_each(|b| report.changes.push(only(Kind::Added, None, Some(b))));
        let b = &n[j];
        let kind = if a.target == b.target {
            Kind::Stale
        } else {
            Kind::Changed
        };
        report
            .changes
            .push(pair(kind, a, b, Some(word_diff(&a.source, &b.source))));
        next_new = j + 1;
    }
    n[next_new.min(n.len())..]
        .iter()
        .for_each(|b| report.changes.push(only(Kind::Added, None, Some(b))));
}

fn similar_enough(a: &str, b: &str) -> bool {
    TextDiff::from_words(a, b).ratio() >= 0.5
}

fn side(seg: &Segment) -> Side {
    Side {
        id: seg.id.to_string(),
        line: seg.line,
        source: fingerprint(&seg.source),
        target: fingerprint(&seg.target),
    }
}

fn pair(kind: Kind, a: &Side, b: &Side, words: Option<String>) -> Change {
    Change {
        kind,
        old: Some(a.clone()),
        new: Some(b.clone()),
        words,
    }
}

fn only(kind: Kind, a: Option<&Side>, b: Option<&Side>) -> Change {
    Change {
        kind,
        old: a.cloned(),
        new: b.cloned(),
        words: None,
    }
}

/// Human output: one line per change, then totals.
pub fn human(report: &Report, old_name: &str, new_name: &str) -> String {
    use std::fmt::Write as _;
    let mut out = format!("--- {old_name}\n+++ {new_name}\n");
    for c in &report.changes {
        let id = |s: &Option<Side>| {
            s.as_ref()
                .map_or("-".to_string(), |s| format!("{}:{}", s.id, s.line))
        };
        let _ = writeln!(
            out,
            "{:<8} {} -> {}",
            c.kind.as_str(),
            id(&c.old),
            id(&c.new)
        );
        match (c.kind, &c.old, &c.new) {
            (Kind::Added, _, Some(b)) => {
                let _ = writeln!(out, "  source: {}", b.source);
            }
            (Kind::Removed, Some(a), _) => {
                let _ = writeln!(out, "  source: {}", a.source);
            }
            (Kind::Updated, Some(a), Some(b)) => {
                let _ = writeln!(
                    out,
                    "  source: {}\n  was:    {}\n  now:    {}",
                    b.source, a.target, b.target
                );
            }
            (_, _, Some(b)) => {
                let _ = writeln!(out, "  source: {}", c.words.as_deref().unwrap_or_default());
                let note = if c.kind == Kind::Stale {
                    " (not updated)"
                } else {
                    ""
                };
                let _ = writeln!(out, "  translation{note}: {}", b.target);
            }
            _ => {}
        }
    }
    let _ = writeln!(
        out,
        "{} unchanged, {} added, {} removed, {} changed, {} stale, {} translations updated",
        report.unchanged,
        report.count(Kind::Added),
        report.count(Kind::Removed),
        report.count(Kind::Changed),
        report.count(Kind::Stale),
        report.count(Kind::Updated),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::word_diff;

    #[test]
    fn marks_changed_words() {
        assert_eq!(
            word_diff("end date and incidents", "end date, and incidents"),
            "end [-date-]{+date,+} and incidents"
        );
    }
}
