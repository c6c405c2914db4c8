//! Folding the locales of each article into one record per fact. Facts match
//! by their English identity (section, benefit, tier, condition, …); the
//! locale that translates the newest source version (latest
//! `ms.lasthandoff`) provides the records, and every other locale adds its
//! labels wherever its English agrees. Records name the stale locales.

use std::collections::{BTreeMap, BTreeSet};

use foldhash::HashMap;

use crate::model::Article;

use super::types::*;
use super::ArticleFacts;

/// The front-matter facts of one locale's file.
pub(crate) fn locale_info(article: &Article) -> LocaleInfo {
    let front = &article.front;
    LocaleInfo {
        path: article.path.clone(),
        source_version: front.source_version.clone(),
        translation_type: front
            .translation_type
            .as_ref()
            .map(|t| t.as_str().to_string()),
        handoff: front.handoff.map(|d| d.format("%Y-%m-%d").to_string()),
        stale: false,
    }
}

/// Merges per-file facts into the document: one record per fact across
/// locales, sorted by article and document order.
pub fn merge(facts: Vec<ArticleFacts>) -> Entitlements {
    let mut by_slug: BTreeMap<String, Vec<ArticleFacts>> = BTreeMap::new();
    for f in facts {
        by_slug.entry(f.slug.clone()).or_default().push(f);
    }
    let mut out = Entitlements {
        generator: format!("locdoc {}", env!("CARGO_PKG_VERSION")),
        ..Default::default()
    };
    let mut locales = BTreeSet::from([SOURCE_LOCALE.to_string()]);
    for (slug, mut group) in by_slug {
        // Newest hand-off first; ISO dates sort as text; ties by locale.
        group.sort_by(|a, b| {
            b.info
                .handoff
                .cmp(&a.info.handoff)
                .then_with(|| a.locale.cmp(&b.locale))
        });
        let newest = group.first().and_then(|f| f.info.source_version.clone());
        let stale: Vec<String> = group
            .iter()
            .filter(|f| {
                newest.is_some()
                    && f.info.source_version.is_some()
                    && f.info.source_version != newest
            })
            .map(|f| f.locale.clone())
            .collect();
        let mut info = ArticleInfo {
            slug,
            source_version: newest,
            stale_locales: stale.clone(),
            ..Default::default()
        };
        let mut parts = Parts::default();
        for f in group {
            locales.insert(f.locale.clone());
            let is_stale = stale.contains(&f.locale);
            for (k, v) in f.title {
                info.title.entry(k).or_insert(v);
            }
            info.locales.insert(
                f.locale.clone(),
                LocaleInfo {
                    stale: is_stale,
                    ..f.info
                },
            );
            parts
                .entitlements
                .push((f.locale.clone(), is_stale, f.entitlements));
            parts.roles.push((f.locale.clone(), is_stale, f.roles));
            parts.procedures.push((f.locale, is_stale, f.procedures));
        }
        out.entitlements.extend(fold(parts.entitlements, &stale));
        out.roles.extend(fold(parts.roles, &stale));
        out.procedures.extend(fold(parts.procedures, &stale));
        out.articles.push(info);
    }
    out.locales = locales.into_iter().collect();
    out
}

type LocaleFacts<T> = (String, bool, Vec<T>);

#[derive(Default)]
struct Parts {
    entitlements: Vec<LocaleFacts<Entitlement>>,
    roles: Vec<LocaleFacts<RoleBlock>>,
    procedures: Vec<LocaleFacts<Procedure>>,
}

/// A record that merges across locales.
trait Fact {
    fn key(&self) -> &FactKey;
    /// Takes `other`'s labels for `locale` (moved, not copied).
    fn absorb(&mut self, other: Self, locale: &str);
    fn set_stale(&mut self, stale: &[String]);
}

/// What becomes of one locale's record in [`fold`].
#[derive(Clone, Copy)]
enum Fate {
    /// Adds its labels to the record kept at this index.
    Absorb(usize),
    /// Kept as a record of its own.
    Keep,
    /// Dropped: a stale locale's record that no up-to-date locale has.
    Drop,
}

/// Folds each locale's records into the first (newest) locale's; records of
/// other up-to-date locales that the newest lacks are kept too.
fn fold<T: Fact>(parts: Vec<LocaleFacts<T>>, stale: &[String]) -> Vec<T> {
    let fates = fates(&parts);
    let mut fates = fates.iter();
    let mut out: Vec<T> = Vec::new();
    for (locale, _, records) in parts {
        for record in records {
            match fates.next() {
                Some(Fate::Absorb(at)) => {
                    if let Some(base) = out.get_mut(*at) {
                        base.absorb(record, &locale);
                    }
                }
                Some(Fate::Keep) => out.push(record),
                Some(Fate::Drop) | None => {}
            }
        }
    }
    out.sort_by_key(|r| r.key().order);
    for r in &mut out {
        r.set_stale(stale);
    }
    out
}

/// Decides each record's [`Fate`], in the order [`fold`] meets them. A
/// record matches by its identity and how many records before it in its
/// locale share that identity (borrowed: no key is copied).
fn fates<T: Fact>(parts: &[LocaleFacts<T>]) -> Vec<Fate> {
    let total = parts.iter().map(|(_, _, records)| records.len()).sum();
    if parts.len() < 2 {
        // One locale: its (identity, n) keys are distinct, so all are kept.
        return vec![Fate::Keep; total];
    }
    let mut fates = Vec::with_capacity(total);
    let mut index: HashMap<(&str, usize), usize> = HashMap::default();
    let mut kept = 0;
    for (n, (_, is_stale, records)) in parts.iter().enumerate() {
        let mut seen: HashMap<&str, usize> = HashMap::default();
        for record in records {
            let identity = record.key().identity.as_str();
            let count = seen.entry(identity).or_default();
            let id = (identity, *count);
            *count += 1;
            fates.push(match index.get(&id) {
                Some(&at) => Fate::Absorb(at),
                None if n == 0 || !is_stale => {
                    index.insert(id, kept);
                    kept += 1;
                    Fate::Keep
                }
                None => Fate::Drop,
            });
        }
    }
    fates
}

/// Moves `other`'s label for `locale` into `base` when both say the same in English.
fn labels(base: &mut Labels, mut other: Labels, locale: &str) {
    if base.get(SOURCE_LOCALE) != other.get(SOURCE_LOCALE) {
        return;
    }
    if let Some((k, t)) = other.remove_entry(locale) {
        base.insert(k, t);
    }
}

fn opt_labels(base: &mut Option<Labels>, other: Option<Labels>, locale: &str) {
    if let (Some(b), Some(o)) = (base.as_mut(), other) {
        labels(b, o, locale);
    }
}

fn segments(base: &mut SegmentIds, mut other: SegmentIds, locale: &str) {
    if let Some((k, ids)) = other.remove_entry(locale) {
        base.insert(k, ids);
    }
}

fn each<T>(base: &mut [T], other: Vec<T>, f: impl Fn(&mut T, T)) {
    for (b, o) in base.iter_mut().zip(other) {
        f(b, o);
    }
}

impl Fact for Entitlement {
    fn key(&self) -> &FactKey {
        &self.key
    }

    fn absorb(&mut self, other: Self, locale: &str) {
        labels(&mut self.benefit, other.benefit, locale);
        opt_labels(&mut self.scope, other.scope, locale);
        opt_labels(&mut self.tier_name, other.tier_name, locale);
        opt_labels(&mut self.condition, other.condition, locale);
        if let (Some(b), Some(o)) = (self.allowance.label_mut(), other.allowance.into_label()) {
            labels(b, o, locale);
        }
        each(&mut self.footnotes, other.footnotes, |b, o| {
            labels(b, o, locale)
        });
        segments(&mut self.segments, other.segments, locale);
    }

    fn set_stale(&mut self, stale: &[String]) {
        self.stale_locales = stale.to_vec();
    }
}

impl Fact for RoleBlock {
    fn key(&self) -> &FactKey {
        &self.key
    }

    fn absorb(&mut self, other: Self, locale: &str) {
        labels(&mut self.label, other.label, locale);
        each(&mut self.roles, other.roles, |b, o| {
            labels(&mut b.name, o.name, locale)
        });
        segments(&mut self.segments, other.segments, locale);
    }

    fn set_stale(&mut self, stale: &[String]) {
        self.stale_locales = stale.to_vec();
    }
}

impl Fact for Procedure {
    fn key(&self) -> &FactKey {
        &self.key
    }

    fn absorb(&mut self, other: Self, locale: &str) {
        opt_labels(&mut self.heading, other.heading, locale);
        opt_labels(&mut self.lead_in, other.lead_in, locale);
        each(&mut self.steps, other.steps, |b, o| step(b, o, locale));
    }

    fn set_stale(&mut self, stale: &[String]) {
        self.stale_locales = stale.to_vec();
    }
}

fn step(base: &mut Step, other: Step, locale: &str) {
    labels(&mut base.text, other.text, locale);
    each(&mut base.details, other.details, |b, o| {
        labels(b, o, locale)
    });
    each(&mut base.notes, other.notes, |b, o| {
        if b.kind == o.kind {
            labels(&mut b.text, o.text, locale);
            segments(&mut b.segments, o.segments, locale);
        }
    });
    each(&mut base.substeps, other.substeps, |b, o| {
        step(b, o, locale)
    });
    each(&mut base.links, other.links, |b, o| {
        if b.url == o.url {
            labels(&mut b.text, o.text, locale);
        }
    });
    segments(&mut base.segments, other.segments, locale);
}

/// Calls `f` with one file's entitlements as [`merge`] of that file alone
/// would have them (one locale keeps every record; they come out stably
/// sorted by their place in the document, none stale), then gives them
/// back to `facts` in their own order. A page renders its tables from
/// these; moved in and out, they are not copied.
pub fn with_own_entitlements<R>(facts: &mut ArticleFacts, f: impl FnOnce(&Entitlements) -> R) -> R {
    let records = std::mem::take(&mut facts.entitlements);
    let mut order: Vec<usize> = (0..records.len()).collect();
    order.sort_by_key(|&i| records.get(i).map(|r| r.key.order));
    let mut slots: Vec<Option<Entitlement>> = records.into_iter().map(Some).collect();
    let sorted = order
        .iter()
        .filter_map(|&i| slots.get_mut(i).and_then(Option::take))
        .collect();
    let own = Entitlements {
        entitlements: sorted,
        ..Entitlements::default()
    };
    let result = f(&own);
    for (record, &i) in own.entitlements.into_iter().zip(&order) {
        if let Some(slot) = slots.get_mut(i) {
            *slot = Some(record);
        }
    }
    facts.entitlements = slots.into_iter().flatten().collect();
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Locale;

    #[test]
    fn own_entitlements_are_those_of_a_merge_of_one_file() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let tree = crate::content::discover(&root).unwrap();
        let mut tables = 0;
        for s in &tree.sources {
            let text = std::fs::read_to_string(&s.path).unwrap();
            let locale = Locale::parse(s.locale.as_str()).unwrap();
            let parsed = crate::sxs::parse(&s.rel, locale, &s.slug, &text);
            let mut facts = super::super::article(&parsed.article);
            let before = facts.entitlements.clone();
            let merged = merge(vec![ArticleFacts {
                slug: facts.slug.clone(),
                locale: facts.locale.clone(),
                entitlements: before.clone(),
                ..ArticleFacts::default()
            }]);
            let own = with_own_entitlements(&mut facts, |own| own.entitlements.clone());
            assert_eq!(own, merged.entitlements, "{}", s.rel);
            assert_eq!(facts.entitlements, before, "{}", s.rel);
            tables += usize::from(own.len() > 1 && own != before);
        }
        assert!(tables > 0, "some file's records are reordered by the merge");
    }
}
