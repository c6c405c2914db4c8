//! Money allowances: amounts with a currency symbol or code and an optional
//! period (`$100/month`, `$6,000, $12,000 or $13,000/year`), in table cells and
//! in the items of bullet lists. Amounts are read on the English source; the
//! translation's amounts (`$6000`) become labels when they pair up one to one.

use crate::model::{Article, Block, Inline, ListItem};

use super::cell::parse_number;
use super::config::Config;
use super::text::{self, Side};
use super::types::{Allowance, Entitlement, FactKey, Labels, Origin, SOURCE_LOCALE};
use super::{ArticleFacts, Ctx};

/// One amount found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    /// The number.
    pub amount: f64,
    /// ISO code.
    pub currency: String,
    /// `month`, `year`, …
    pub period: Option<String>,
    /// The amount as written (`$6,000`, `$13,000/year`).
    pub text: String,
}

/// Every amount in `text`; a period written after the last amount of a
/// series ("$6,000, $12,000 or $13,000/year") applies to the whole series.
pub fn amounts(text: &str, config: &Config) -> Vec<Amount> {
    let symbols = config.currency_symbols();
    // The bytes a symbol can start with: every other position is skipped
    // (they are ASCII or UTF-8 lead bytes, so the next one is a char start).
    let firsts: Vec<u8> = symbols
        .iter()
        .map(|(sym, _)| sym.as_bytes().first().copied())
        .collect::<Option<_>>()
        .unwrap_or_default();
    let skip = !firsts.is_empty();
    let mut out: Vec<Amount> = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if skip {
            let tail = text.as_bytes().get(i..).unwrap_or_default();
            match tail.iter().position(|b| firsts.contains(b)) {
                Some(at) => i += at,
                None => break,
            }
        }
        let rest = text.get(i..).unwrap_or_default();
        let found = symbols.iter().find_map(|(sym, code)| {
            let after = rest.strip_prefix(sym)?;
            let boundary = !sym.chars().all(|c| c.is_ascii_alphabetic())
                || text
                    .get(..i)
                    .is_none_or(|b| !b.ends_with(|c: char| c.is_alphanumeric()));
            boundary
                .then(|| read_amount(sym, code, after, config))
                .flatten()
        });
        match found {
            Some((amount, len)) => {
                out.push(amount);
                i += len;
            }
            None => i += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    let mut period = None;
    for a in out.iter_mut().rev() {
        match &a.period {
            Some(p) => period = Some(p.clone()),
            None => a.period = period.clone(),
        }
    }
    out
}

/// Reads `6,000/year` after a symbol; returns the amount and the bytes used.
fn read_amount(sym: &str, code: &str, after: &str, config: &Config) -> Option<(Amount, usize)> {
    let body = after.trim_start_matches(' ');
    let skipped = after.len() - body.len();
    let end = body
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(body.len());
    let digits = body.get(..end)?.trim_end_matches([',', '.']);
    let amount = parse_number(digits)?;
    let mut used = sym.len() + skipped + digits.len();
    let tail = body.get(digits.len()..).unwrap_or_default();
    let period = period_after(tail, config);
    used += period.as_ref().map_or(0, |p| p.1);
    let text = format!("{sym}{}", after.get(..used - sym.len()).unwrap_or(digits))
        .trim()
        .to_string();
    Some((
        Amount {
            amount,
            currency: code.to_string(),
            period: period.map(|p| p.0),
            text,
        },
        used,
    ))
}

/// `/month`, ` per year`, ` a month` right after an amount.
fn period_after(tail: &str, config: &Config) -> Option<(String, usize)> {
    let (lead, rest) = if let Some(r) = tail.strip_prefix('/') {
        (1, r)
    } else {
        let t = tail.trim_start();
        let word = ["per ", "a ", "an "]
            .iter()
            .find_map(|w| t.strip_prefix(w))?;
        (tail.len() - word.len(), word)
    };
    let word_len = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let word = rest.get(..word_len)?;
    config
        .period(word)
        .map(|p| (p.to_string(), lead + word_len))
}

/// A cell that is exactly one amount (`$100/month`) as a money allowance.
pub fn single(english: &str, labels: &Labels, config: &Config) -> Option<Allowance> {
    let found = amounts(english, config);
    let [one] = found.as_slice() else { return None };
    if english.trim() != one.text {
        return None;
    }
    Some(Allowance::Money {
        amount: one.amount,
        currency: one.currency.clone(),
        period: one.period.clone(),
        label: labels.clone(),
    })
}

/// Money allowances in the items of a bullet list: one entitlement per amount.
pub(crate) fn extract(ctx: &Ctx, block: usize, items: &[ListItem], facts: &mut ArticleFacts) {
    let article = ctx.article;
    for (n, item) in items.iter().enumerate() {
        let Some(Block::Paragraph { content, .. }) = item.blocks.first() else {
            continue;
        };
        if !mentions_currency(article, content, ctx.config) {
            continue;
        }
        let english = text::plain(article, content, Side::Source);
        let found = amounts(&english, ctx.config);
        if found.is_empty() {
            continue;
        }
        let target = amounts(&text::plain(article, content, Side::Target), ctx.config);
        let benefit = text::labels(article, content);
        for (k, a) in found.iter().enumerate() {
            let mut label = Labels::new();
            label.insert(SOURCE_LOCALE.to_string(), a.text.clone());
            if let (Some(t), true) = (target.get(k), target.len() == found.len()) {
                label.insert(article.locale.to_string(), t.text.clone());
            }
            let allowance = Allowance::Money {
                amount: a.amount,
                currency: a.currency.clone(),
                period: a.period.clone(),
                label,
            };
            facts.entitlements.push(record(
                ctx,
                (block, n, k),
                &english,
                benefit.clone(),
                allowance,
                content,
            ));
        }
    }
}

/// Whether any English text of `inlines` holds a currency symbol or code: a
/// cheap test before the item's text is built and scanned.
fn mentions_currency(article: &Article, inlines: &[Inline], config: &Config) -> bool {
    inlines.iter().any(|inline| match inline {
        Inline::Text { text } => config
            .currency_symbols()
            .iter()
            .any(|(s, _)| text.contains(s.as_str())),
        Inline::Strong { children }
        | Inline::Emphasis { children }
        | Inline::Strikethrough { children }
        | Inline::Link { children, .. } => mentions_currency(article, children, config),
        Inline::Segment { index } => article
            .segment(*index)
            .is_some_and(|seg| mentions_currency(article, &seg.source, config)),
        _ => false,
    })
}

fn record(
    ctx: &Ctx,
    order: (usize, usize, usize),
    english: &str,
    benefit: Labels,
    allowance: Allowance,
    content: &[Inline],
) -> Entitlement {
    Entitlement {
        article: ctx.article.slug.clone(),
        section: ctx.section.anchor.clone(),
        origin: Origin::List,
        benefit,
        scope: None,
        tier: None,
        tier_name: None,
        condition: None,
        allowance,
        footnotes: Vec::new(),
        segments: text::segments(ctx.article, content),
        stale_locales: Vec::new(),
        key: FactKey {
            order,
            identity: ctx.identity("money", &[english]),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_series_with_shared_period() {
        let c = Config::builtin();
        let got = amounts(
            "$6,000, $12,000 or/and $13,000/year (or each of them equivalent)",
            c,
        );
        let amounts: Vec<_> = got
            .iter()
            .map(|a| (a.amount, a.period.as_deref()))
            .collect();
        assert_eq!(
            amounts,
            vec![
                (6000.0, Some("year")),
                (12000.0, Some("year")),
                (13000.0, Some("year"))
            ]
        );
        assert_eq!(got[2].text, "$13,000/year");
    }

    #[test]
    fn finds_symbols_among_other_text() {
        let c = Config::builtin();
        let got = amounts("최대 €20/month, 또는 DEUR 5 · GBP 7 및 £3", c);
        let found: Vec<_> = got
            .iter()
            .map(|a| (a.text.as_str(), a.currency.as_str()))
            .collect();
        assert_eq!(
            found,
            [("€20/month", "EUR"), ("GBP 7", "GBP"), ("£3", "GBP")]
        );
    }

    #[test]
    fn reads_monthly_amount_and_single_cells() {
        let c = Config::builtin();
        let got = amounts(
            "$100/month (or equivalent in local currency) Azure monthly credit",
            c,
        );
        assert_eq!(
            (
                got[0].amount,
                got[0].currency.as_str(),
                got[0].period.as_deref()
            ),
            (100.0, "USD", Some("month"))
        );
        assert!(single("$100 per month", &Labels::new(), c).is_some());
        assert!(single("about $100", &Labels::new(), c).is_none());
        assert!(amounts("USDX 5 and AUSD 3", c).is_empty());
    }
}
