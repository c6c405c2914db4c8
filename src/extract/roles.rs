//! Role blocks: a label from the configured list ("Appropriate roles",
//! "Required roles", …) followed either by the roles on the same line
//! (`**Appropriate roles**: A | B | C`) or by a bullet list of roles. The
//! label is recognized on the English source; roles pair with the
//! translation's by position when both sides list the same number.

use crate::model::{Article, Block, Inline, ListItem};

use super::text::{self, Side};
use super::types::{FactKey, Labels, Role, RoleBlock, SegmentIds, SOURCE_LOCALE};
use super::{ArticleFacts, Ctx};

/// A label and what follows it on one side.
struct Split {
    label: String,
    rest: String,
}

/// `**Label**: rest` (or `Label: rest`) on one side of a paragraph.
fn split(article: &Article, content: &[Inline], side: Side) -> Option<Split> {
    let whole = text::plain(article, content, side);
    let strong = first_strong(article, content, side)
        .map(|s| text::collapse(&s))
        .filter(|s| !s.is_empty());
    let (label, rest) = match strong {
        Some(label) if whole.starts_with(&label) => {
            let rest = whole.get(label.len()..).unwrap_or_default().to_string();
            (label, rest)
        }
        _ => {
            let (label, rest) = whole
                .split_once([':', '：'])
                .unwrap_or((whole.as_str(), ""));
            (label.to_string(), rest.to_string())
        }
    };
    let label = label
        .trim()
        .trim_end_matches([':', '：'])
        .trim()
        .to_string();
    let rest = rest
        .trim()
        .trim_start_matches([':', '：'])
        .trim()
        .to_string();
    Some(Split { label, rest })
}

fn first_strong(article: &Article, inlines: &[Inline], side: Side) -> Option<String> {
    for inline in inlines {
        match inline {
            Inline::Strong { children } => return Some(text::plain(article, children, side)),
            Inline::Segment { index } => {
                let seg = article.segment(*index)?;
                let part = if side == Side::Source {
                    &seg.source
                } else {
                    &seg.target
                };
                if let Some(s) = first_strong(article, part, side) {
                    return Some(s);
                }
            }
            Inline::Text { text } if text.trim().is_empty() => {}
            _ => return None,
        }
    }
    None
}

/// The label of a role block, when the paragraph's English starts with one.
fn role_label(ctx: &Ctx, content: &[Inline]) -> Option<(Labels, Split, Option<Split>)> {
    if !may_be_label(ctx, content) {
        return None;
    }
    let english = split(ctx.article, content, Side::Source)?;
    if !ctx.config.is_role_label(&english.label) {
        return None;
    }
    let target = split(ctx.article, content, Side::Target);
    let target_label = target
        .as_ref()
        .map_or_else(|| english.label.clone(), |t| t.label.clone());
    let label = text::pair(ctx.article, english.label.clone(), target_label);
    Some((label, english, target))
}

/// Whether the paragraph's first segment may open with a role label: a cheap
/// test that spares the full split for every other paragraph.
fn may_be_label(ctx: &Ctx, content: &[Inline]) -> bool {
    first_text(ctx.article, content).is_some_and(|e| ctx.config.may_start_role_label(e))
}

/// The first non-blank text of the English side, looking into segments and
/// bold or italic runs.
fn first_text<'a>(article: &'a Article, inlines: &'a [Inline]) -> Option<&'a str> {
    for inline in inlines {
        match inline {
            Inline::Text { text } if text.trim().is_empty() => {}
            Inline::Text { text } => return Some(text),
            Inline::Strong { children } | Inline::Emphasis { children } => {
                return first_text(article, children)
            }
            Inline::Segment { index } => {
                return first_text(article, &article.segment(*index)?.source)
            }
            _ => return None,
        }
    }
    None
}

/// The inline form: `**Appropriate roles**: Global admin | MPN partner admin`.
pub(crate) fn from_paragraph(
    ctx: &Ctx,
    block: usize,
    content: &[Inline],
    facts: &mut ArticleFacts,
) {
    let Some((label, english, target)) = role_label(ctx, content) else {
        return;
    };
    if english.rest.is_empty() {
        return;
    }
    let en: Vec<&str> = names(&english.rest);
    let tr: Vec<&str> = target.as_ref().map(|t| names(&t.rest)).unwrap_or_default();
    let roles = en
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let target = tr
                .get(i)
                .filter(|_| tr.len() == en.len())
                .map(|t| t.to_string());
            role(ctx, name, target)
        })
        .collect();
    let segments = text::segments(ctx.article, content);
    facts.roles.push(record(ctx, block, label, roles, segments));
}

/// The list form: a label paragraph, then one bullet per role.
pub(crate) fn from_list(
    ctx: &Ctx,
    block: usize,
    prev: Option<&Block>,
    items: &[ListItem],
    facts: &mut ArticleFacts,
) {
    let Some(Block::Paragraph { content, .. }) = prev else {
        return;
    };
    let Some((label, english, _)) = role_label(ctx, content) else {
        return;
    };
    if !english.rest.is_empty() {
        return;
    }
    let mut segments = text::segments(ctx.article, content);
    let mut roles = Vec::new();
    for item in items {
        let Some(Block::Paragraph { content, .. }) = item.blocks.first() else {
            continue;
        };
        let labels = text::labels(ctx.article, content);
        let Some(en) = labels.get(SOURCE_LOCALE).cloned() else {
            continue;
        };
        roles.push(Role {
            id: text::kebab(&en),
            name: labels,
        });
        text::extend_ids(&mut segments, text::segments(ctx.article, content));
    }
    if !roles.is_empty() {
        facts.roles.push(record(ctx, block, label, roles, segments));
    }
}

fn names(rest: &str) -> Vec<&str> {
    rest.split(['|', '｜'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

fn role(ctx: &Ctx, english: &str, target: Option<String>) -> Role {
    let mut name = Labels::new();
    name.insert(SOURCE_LOCALE.to_string(), english.to_string());
    if let Some(t) = target {
        name.insert(ctx.article.locale.to_string(), t);
    }
    Role {
        id: text::kebab(english),
        name,
    }
}

fn record(
    ctx: &Ctx,
    block: usize,
    label: Labels,
    roles: Vec<Role>,
    segments: SegmentIds,
) -> RoleBlock {
    let english = label.get(SOURCE_LOCALE).cloned().unwrap_or_default();
    RoleBlock {
        article: ctx.article.slug.clone(),
        section: ctx.section.anchor.clone(),
        label,
        roles,
        segments,
        stale_locales: Vec::new(),
        key: FactKey {
            order: (block, 0, 0),
            identity: ctx.identity("roles", &[&english]),
        },
    }
}
