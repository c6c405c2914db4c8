//! Entitlement tables. A table is one when one axis names membership tiers
//! from the tier list: the header row (tiers as columns, as in most articles)
//! or the first column (tiers as rows: "Offer type | Number of advisory hours
//! | …"). The other axis names benefits; each cell is read by [`super::cell`].
//! A header on the tier axis that looks like a tier but is not in the list is
//! reported as `unknown-tier` and skipped, never guessed.

use crate::diag::{Code, Diagnostic};
use crate::model::{Block, Cell, Inline};

use super::cell::{self, Line};
use super::config::normalize;
use super::text;
use super::types::{Allowance, Entitlement, FactKey, Labels, Origin, SOURCE_LOCALE};
use super::{ArticleFacts, Ctx};

/// The benefit side of one row (or one column of a transposed table).
struct Benefit {
    english: String,
    labels: Labels,
    scope: Option<Labels>,
    segments: super::types::SegmentIds,
    unit: Option<String>,
}

/// One tier on the tier axis.
struct TierRef {
    id: String,
    name: Labels,
}

/// Reads a table into entitlements when one of its axes names tiers.
pub(crate) fn extract(
    ctx: &Ctx,
    (block, line): (usize, u32),
    head: &[Cell],
    rows: &[Vec<Cell>],
    after: &[Block],
    facts: &mut ArticleFacts,
) {
    let article = ctx.article;
    let col_hits = head
        .iter()
        .skip(1)
        .filter(|c| ctx.config.tier(&text::source(article, c)).is_some())
        .count();
    let row_hits = rows
        .iter()
        .filter(|r| {
            r.first()
                .is_some_and(|c| ctx.config.tier(&text::source(article, c)).is_some())
        })
        .count();
    if col_hits == 0 && row_hits == 0 {
        return;
    }
    let start = facts.entitlements.len();
    if col_hits >= row_hits {
        by_columns(ctx, (block, line), head, rows, facts);
    } else {
        by_rows(ctx, (block, line), head, rows, facts);
    }
    attach_footnotes(ctx, after, &mut facts.entitlements[start..]);
}

/// Tiers are the header cells; benefits are the first cell of each row.
fn by_columns(
    ctx: &Ctx,
    (block, line): (usize, u32),
    head: &[Cell],
    rows: &[Vec<Cell>],
    facts: &mut ArticleFacts,
) {
    let article = ctx.article;
    let corner_unit = head
        .first()
        .and_then(|c| ctx.config.unit_in(&text::source(article, c)));
    // Read each row's benefit once, not once per tier column.
    let mut benefits: Vec<Option<Option<Benefit>>> = Vec::new();
    benefits.resize_with(rows.len(), || None);
    for (col, header) in head.iter().enumerate().skip(1) {
        let cells: Vec<(usize, &[Inline])> = rows
            .iter()
            .enumerate()
            .map(|(r, row)| (r, row.get(col).map_or(&[][..], Vec::as_slice)))
            .collect();
        let Some(tier) = tier_of(ctx, header, &cells, line, facts) else {
            continue;
        };
        for (r, cell) in cells {
            let Some(benefit_cell) = rows.get(r).and_then(|row| row.first()) else {
                continue;
            };
            let Some(slot) = benefits.get_mut(r) else {
                continue;
            };
            let benefit = slot.get_or_insert_with(|| {
                benefit_of(ctx, benefit_cell).map(|mut b| {
                    b.unit = b.unit.or(corner_unit.map(str::to_string));
                    b
                })
            });
            let Some(benefit) = benefit.as_ref() else {
                continue;
            };
            push(
                ctx,
                (block, r, col),
                benefit,
                (&tier.id, &tier.name),
                cell,
                facts,
            );
        }
    }
}

/// Tiers are the first cell of each row; benefits are the header cells.
fn by_rows(
    ctx: &Ctx,
    (block, line): (usize, u32),
    head: &[Cell],
    rows: &[Vec<Cell>],
    facts: &mut ArticleFacts,
) {
    for (r, row) in rows.iter().enumerate() {
        let Some(first) = row.first() else { continue };
        let cells: Vec<(usize, &[Inline])> = row
            .iter()
            .enumerate()
            .skip(1)
            .map(|(c, v)| (c, v.as_slice()))
            .collect();
        let Some(tier) = tier_of(ctx, first, &cells, line, facts) else {
            continue;
        };
        for (col, cell) in cells {
            let Some(benefit) = head.get(col).and_then(|h| benefit_of(ctx, h)) else {
                continue;
            };
            push(
                ctx,
                (block, r, col),
                &benefit,
                (&tier.id, &tier.name),
                cell,
                facts,
            );
        }
    }
}

/// The tier a header names; reports tier-looking headers that match no tier.
fn tier_of(
    ctx: &Ctx,
    header: &[Inline],
    cells: &[(usize, &[Inline])],
    line: u32,
    facts: &mut ArticleFacts,
) -> Option<TierRef> {
    let article = ctx.article;
    let english = text::source(article, header);
    if let Some(tier) = ctx.config.tier(&english) {
        return Some(TierRef {
            id: tier.id.clone(),
            name: text::labels(article, header),
        });
    }
    if english.is_empty() {
        return None;
    }
    let allowances = cells
        .iter()
        .filter(|(_, c)| {
            let en = text::source(article, c);
            let kind = cell::value(&en, Labels::new(), None, ctx.config);
            !en.is_empty() && !matches!(kind, Allowance::Text { .. } | Allowance::None)
        })
        .count();
    if ctx.config.looks_like_tier(&english) || allowances > 0 {
        facts
            .diagnostics
            .push(unknown_tier(ctx, header, &english, line));
    }
    None
}

fn unknown_tier(ctx: &Ctx, header: &[Inline], english: &str, line: u32) -> Diagnostic {
    let article = ctx.article;
    let message = format!("entitlement table names `{english}`, which is not in the tier list");
    let mut d = Diagnostic::new(Code::UnknownTier, &article.path, line, 0, message)
        .with_hint("add the tier or an alias to `src/extract/tiers.yaml`, or fix the name")
        .with_locale(article.locale.as_str());
    if let Some(id) = text::segments(article, header)
        .into_values()
        .flatten()
        .next()
    {
        d = d.with_segment(id);
    }
    d
}

/// A benefit cell: its first line names the benefit, the rest is its scope.
fn benefit_of(ctx: &Ctx, cell: &[Inline]) -> Option<Benefit> {
    let article = ctx.article;
    let mut lines = text::lines(article, cell).map(|(_, labels)| labels);
    let labels = lines.next()?;
    let english = text::english(&labels).to_string();
    let scope_parts: Vec<Labels> = lines.collect();
    let scope = Some(text::join(&scope_parts)).filter(|s| !s.is_empty());
    let unit = ctx.config.unit_in(&english).map(str::to_string);
    Some(Benefit {
        english,
        labels,
        scope,
        segments: text::segments(article, cell),
        unit,
    })
}

/// Reads one cell and pushes one entitlement per condition.
fn push(
    ctx: &Ctx,
    (block, row, col): (usize, usize, usize),
    benefit: &Benefit,
    (tier, tier_name): (&str, &Labels),
    cell: &[Inline],
    facts: &mut ArticleFacts,
) {
    let article = ctx.article;
    let lines: Vec<Line> = text::lines(article, cell)
        .map(|(l, labels)| Line {
            english: text::english(&labels).to_string(),
            labels,
            segments: text::segments(article, l),
        })
        .collect();
    for (n, grant) in cell::parse(lines, benefit.unit.as_deref(), ctx.config)
        .into_iter()
        .enumerate()
    {
        let condition_en = grant
            .condition
            .as_ref()
            .and_then(|c| c.get(SOURCE_LOCALE))
            .cloned()
            .unwrap_or_default();
        let mut segments = benefit.segments.clone();
        text::extend_ids(&mut segments, grant.segments);
        let identity = ctx.identity("entitlement", &[&benefit.english, tier, &condition_en]);
        facts.entitlements.push(Entitlement {
            article: article.slug.clone(),
            section: ctx.section.anchor.clone(),
            origin: Origin::Table,
            benefit: benefit.labels.clone(),
            scope: benefit.scope.clone(),
            tier: Some(tier.to_string()),
            tier_name: Some(tier_name.clone()),
            condition: grant.condition,
            allowance: grant.allowance,
            footnotes: Vec::new(),
            segments,
            stale_locales: Vec::new(),
            key: FactKey {
                order: (block, row, col * 64 + n),
                identity,
            },
        });
    }
}

/// Attaches the footnote paragraphs right after a table (`*Cloud
/// competencies include: …`) to the records whose condition, benefit or tier
/// the footnote is about; to every record of the table when none matches.
fn attach_footnotes(ctx: &Ctx, after: &[Block], records: &mut [Entitlement]) {
    let article = ctx.article;
    // What each record is about, normalized once for all footnotes.
    let mut subjects: Option<Vec<Vec<String>>> = None;
    for block in after {
        let Block::Paragraph { content, .. } = block else {
            break;
        };
        let labels = text::labels(article, content);
        let Some(english) = labels.get(SOURCE_LOCALE) else {
            break;
        };
        if !english.starts_with(['*', '†', '‡', '¹', '²', '³']) {
            break;
        }
        let subject = normalize(english.trim_start_matches(['*', '†', '‡', '¹', '²', '³']));
        let subjects = subjects.get_or_insert_with(|| records.iter().map(subjects_of).collect());
        let about: Vec<bool> = subjects
            .iter()
            .map(|names| {
                names
                    .iter()
                    .any(|en| !en.is_empty() && subject.starts_with(en.as_str()))
            })
            .collect();
        let any = about.contains(&true);
        for (r, _) in records
            .iter_mut()
            .zip(&about)
            .filter(|(_, about)| !any || **about)
        {
            r.footnotes.push(labels.clone());
        }
    }
}

/// The normalized English condition, benefit and tier name of a record: what
/// a footnote may be about.
fn subjects_of(r: &Entitlement) -> Vec<String> {
    [r.condition.as_ref(), Some(&r.benefit), r.tier_name.as_ref()]
        .into_iter()
        .flatten()
        .filter_map(|l| l.get(SOURCE_LOCALE))
        .map(|en| normalize(en))
        .collect()
}
