//! Extraction: the facts articles state — allowances by membership tier,
//! money allowances, roles and procedures — as data with labels in English
//! and every locale, traceable to segment ids.
//!
//! It reads the [`crate::model`] only, in one pass over each article's blocks
//! ([`article`]), and is driven by structure, never by wording: a table is an
//! entitlement table because one of its axes names tiers from `tiers.yaml`.
//! English source text is canonical (it is what gets parsed); translations
//! only ever become labels. [`merge`] then folds the locales of each article
//! into one record per fact, the newest source version winning.
//!
//! ```
//! use locdoc::model::Locale;
//! let text = "---\ntitle: t\n---\n| <span data-ttu-id=\"a-1\">혜택</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">Benefit</span></span> | <span data-ttu-id=\"a-2\">골드</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-2\">Gold competency</span></span> |\n|---|---|\n| <span data-ttu-id=\"a-3\">지원</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-3\">Support</span></span> | <span data-ttu-id=\"a-4\">20개</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-4\">20 Incidents</span></span> |\n";
//! let parsed = locdoc::sxs::parse("ko-KR/a.md", Locale::parse("ko-KR").unwrap(), "a", text);
//! let all = locdoc::extract::merge(vec![locdoc::extract::article(&parsed.article)]);
//! assert_eq!(all.entitlements[0].tier.as_deref(), Some("gold"));
//! ```

use std::path::Path;

use rayon::prelude::*;

use crate::content::{self, Source};
use crate::diag::{self, Diagnostic};
use crate::error::Result;
use crate::model::{Article, Block, Inline};
use crate::sxs;

mod assemble;
mod cell;
mod config;
mod document;
mod json;
mod merge;
mod money;
mod procedure;
mod roles;
mod table;
mod text;
mod types;
mod view;

pub use assemble::{Assembler, SPILL_AFTER};
pub use config::{Config, Tier};
pub use document::Document;
pub use json::write_pretty;
pub use merge::{merge, with_own_entitlements};
pub use types::*;
pub use view::{EntitlementTable, TableRow};

/// What one locale's file of an article states, before merging.
#[derive(Debug, Clone, Default)]
pub struct ArticleFacts {
    /// Article slug.
    pub slug: String,
    /// The file's locale.
    pub locale: String,
    /// The file's front-matter facts.
    pub info: LocaleInfo,
    /// Title by locale.
    pub title: Labels,
    /// Entitlements, in document order.
    pub entitlements: Vec<Entitlement>,
    /// Role blocks, in document order.
    pub roles: Vec<RoleBlock>,
    /// Procedures, in document order.
    pub procedures: Vec<Procedure>,
    /// Problems found while extracting (`unknown-tier`).
    pub diagnostics: Vec<Diagnostic>,
}

/// Extraction of a whole tree: the merged facts and the warnings.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The merged facts.
    pub entitlements: Entitlements,
    /// Extraction diagnostics (`unknown-tier`) and unreadable files, sorted.
    /// Parse problems are `check`'s to report and are not repeated here.
    pub diagnostics: Vec<Diagnostic>,
}

/// The section a block is in: the last heading's anchor and its content
/// (labels are only built for the headings a procedure needs).
#[derive(Debug, Clone, Default)]
pub(crate) struct Section<'a> {
    pub anchor: Option<String>,
    pub heading: Option<&'a [Inline]>,
}

/// What every extractor needs to know about where it is.
pub(crate) struct Ctx<'a> {
    pub article: &'a Article,
    pub config: &'a Config,
    pub section: Section<'a>,
}

impl Ctx<'_> {
    /// The current section heading's labels, if there is a heading.
    pub fn heading(&self) -> Option<Labels> {
        let labels = text::labels(self.article, self.section.heading?);
        Some(labels).filter(|h| !h.is_empty())
    }

    /// Merge identity of a fact: article section plus English parts.
    pub fn identity(&self, kind: &str, parts: &[&str]) -> String {
        let mut id = format!(
            "{kind}\u{1f}{}",
            self.section.anchor.as_deref().unwrap_or_default()
        );
        for p in parts {
            id.push('\u{1f}');
            id.push_str(p);
        }
        id
    }
}

/// Extracts one article's facts with the built-in tier list and vocabulary.
pub fn article(article: &Article) -> ArticleFacts {
    article_with(article, Config::builtin())
}

/// Extracts one article's facts in a single pass over its blocks.
pub fn article_with(article: &Article, config: &Config) -> ArticleFacts {
    let mut facts = ArticleFacts {
        slug: article.slug.clone(),
        locale: article.locale.to_string(),
        info: merge::locale_info(article),
        ..ArticleFacts::default()
    };
    if let Some(title) = &article.front.title {
        facts
            .title
            .insert(article.locale.to_string(), title.clone());
    }
    let mut ctx = Ctx {
        article,
        config,
        section: Section::default(),
    };
    let blocks = &article.blocks;
    // Blocks up to here belong to a procedure read already.
    let mut taken = None;
    for (i, block) in blocks.iter().enumerate() {
        if taken.is_some_and(|t| i <= t) {
            continue;
        }
        let prev = i.checked_sub(1).and_then(|p| blocks.get(p));
        match block {
            Block::Heading {
                level,
                anchor,
                content,
                ..
            } => {
                if *level == 1 && !facts.title.contains_key(SOURCE_LOCALE) {
                    let english = text::source(article, content);
                    if !english.is_empty() {
                        facts.title.insert(SOURCE_LOCALE.to_string(), english);
                    }
                }
                ctx.section = Section {
                    anchor: article.heading_id(anchor.as_deref(), content),
                    heading: Some(content.as_slice()),
                };
            }
            Block::Table {
                head, rows, line, ..
            } => {
                let after = blocks.get(i + 1..).unwrap_or_default();
                table::extract(&ctx, (i, *line), head, rows, after, &mut facts);
            }
            Block::List { start: Some(_), .. } => {
                let (parts, last) = procedure::continued(blocks, i);
                procedure::extract(&ctx, i, &parts, prev, &mut facts);
                taken = Some(last);
            }
            Block::List {
                start: None, items, ..
            } => {
                money::extract(&ctx, i, items, &mut facts);
                roles::from_list(&ctx, i, prev, items, &mut facts);
            }
            Block::Paragraph { content, .. } => roles::from_paragraph(&ctx, i, content, &mut facts),
            _ => {}
        }
    }
    facts
}

/// Parses and extracts every article under `root` (on all cores), then merges.
pub fn run(root: &Path) -> Result<Outcome> {
    let tree = content::discover(root)?;
    let per_file: Vec<(Option<ArticleFacts>, Vec<Diagnostic>)> =
        tree.sources.par_iter().map(file).collect();
    let mut diagnostics = tree.diagnostics;
    let mut all = Vec::with_capacity(per_file.len());
    for (facts, diags) in per_file {
        diagnostics.extend(diags);
        if let Some(mut facts) = facts {
            diagnostics.append(&mut facts.diagnostics);
            all.push(facts);
        }
    }
    diag::sort(&mut diagnostics);
    Ok(Outcome {
        entitlements: merge(all),
        diagnostics,
    })
}

/// A tree extracted by [`stream`]: the document to write and the warnings.
#[derive(Debug)]
pub struct Streamed {
    /// `entitlements.json`, byte for byte [`to_json_bytes`] of [`run`]'s merge.
    pub document: Document,
    /// As [`Outcome::diagnostics`].
    pub diagnostics: Vec<Diagnostic>,
}

/// [`run`] without holding the tree's facts or text: files are taken in
/// slug order and each article is merged and serialized as soon as its last
/// locale is extracted ([`Assembler`], spilling past [`SPILL_AFTER`] bytes).
/// At 10k files [`run`] holds ~1.1 GB of merged facts; this a few hundred MB.
pub fn stream(root: &Path) -> Result<Streamed> {
    let tree = content::discover(root)?;
    let assembler = Assembler::spilling(tree.sources.iter().map(|s| s.slug.as_str()));
    let mut order: Vec<usize> = (0..tree.sources.len()).collect();
    order.sort_by_key(|&i| (&tree.sources[i].slug, &tree.sources[i].rel));
    let mut per_file: Vec<(usize, Vec<Diagnostic>)> = order
        .into_iter()
        .par_bridge()
        .map(|i| {
            let source = &tree.sources[i];
            let (facts, mut diags) = file(source);
            let facts = facts.map(|mut f| {
                diags.append(&mut f.diagnostics);
                f
            });
            assembler.add(&source.slug, facts);
            (i, diags)
        })
        .collect();
    // The files' order, as `run` gathers them, before the (stable) sort.
    per_file.sort_unstable_by_key(|(i, _)| *i);
    let mut diagnostics = tree.diagnostics;
    diagnostics.extend(per_file.into_iter().flat_map(|(_, d)| d));
    diag::sort(&mut diagnostics);
    Ok(Streamed {
        document: assembler.finish(),
        diagnostics,
    })
}

/// Extracts and merges already parsed articles (no file access).
pub fn run_articles(articles: &[Article]) -> Outcome {
    let mut all: Vec<ArticleFacts> = articles.par_iter().map(article).collect();
    let mut diagnostics: Vec<Diagnostic> = all
        .iter_mut()
        .flat_map(|f| std::mem::take(&mut f.diagnostics))
        .collect();
    diag::sort(&mut diagnostics);
    Outcome {
        entitlements: merge(all),
        diagnostics,
    }
}

fn file(source: &Source) -> (Option<ArticleFacts>, Vec<Diagnostic>) {
    let text = match content::read(source) {
        Ok(text) => text,
        Err(d) => return (None, vec![*d]),
    };
    let parsed = sxs::parse(&source.rel, source.locale.clone(), &source.slug, &text);
    let mut facts = article(&parsed.article);
    diag::attach_snippets(&mut facts.diagnostics, &text);
    for d in &mut facts.diagnostics {
        d.locale.get_or_insert_with(|| source.locale.to_string());
    }
    (Some(facts), Vec::new())
}

/// The JSON text: 2-space indent, keys in declaration (or sorted map) order,
/// trailing newline.
pub fn to_json(entitlements: &Entitlements) -> String {
    // serde_json writes UTF-8 only, so the check always passes; it costs a
    // pass over the text, which [`to_json_bytes`] spares callers that write bytes.
    String::from_utf8(to_json_bytes(entitlements))
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// [`to_json`] as bytes, for writing to a file.
pub fn to_json_bytes(entitlements: &Entitlements) -> Vec<u8> {
    let mut out = Vec::new();
    if let Err(e) = write_pretty(entitlements, 0, &mut out) {
        return format!("{{\"error\": \"{e}\"}}\n").into_bytes();
    }
    out.push(b'\n');
    out
}

/// The JSON Schema of [`Entitlements`], generated from the Rust types.
pub fn schema() -> serde_json::Value {
    let schema = schemars::schema_for!(Entitlements);
    serde_json::to_value(schema).unwrap_or_default()
}

/// [`schema`] as text, formatted like [`to_json`].
pub fn schema_json() -> String {
    let mut out = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    out.push('\n');
    out
}
