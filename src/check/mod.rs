//! `locdoc check`: reads every article, parses it, runs the rules and gathers
//! the findings in a stable order. One bad file never stops the run.
//!
//! Files are checked in parallel; each returns its diagnostics and compact
//! [`Facts`], folded into the totals batch by batch (in path order). The
//! cross-file rules then run over the facts, each rule on its own thread, so
//! whole articles are never held together in memory.

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;

use crate::content::{self, Source};
use crate::diag::report::{LocaleStats, Summary};
use crate::diag::{self, Diagnostic};
use crate::error::Result;
use crate::model::Article;
use crate::sxs;

pub mod allowlist;
pub mod cognates;
pub mod config;
pub mod facts;
pub mod hash;
pub mod inlines;
pub mod numbers;
pub mod rules;
pub mod scan;
pub mod terms;
pub mod texts;

pub use config::Options;
pub use facts::Facts;
use texts::Store;

/// What checking a tree found.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Totals.
    pub summary: Summary,
    /// Findings, sorted by file, line and column.
    pub diagnostics: Vec<Diagnostic>,
    /// Per-locale totals, sorted by locale.
    pub locales: Vec<LocaleStats>,
}

/// What checking one file found.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// Segments parsed into the model.
    pub segments: usize,
    /// Findings in this file, with snippets attached.
    pub diagnostics: Vec<Diagnostic>,
    /// What the cross-file rules need (absent when the file was unreadable).
    pub facts: Option<Facts>,
}

/// Checks every article under `root` on all cores with default options.
pub fn run(root: &Path) -> Result<Outcome> {
    run_with(root, &Options::default())
}

/// Files checked per parallel batch: enough to keep every core busy, few
/// enough that only one batch of reports is in memory at a time.
const BATCH: usize = 1024;

/// Checks every article under `root`, reporting what `options` select.
pub fn run_with(root: &Path, options: &Options) -> Result<Outcome> {
    let tree = content::discover(root)?;
    let mut diagnostics = tree.diagnostics;
    let mut stats: BTreeMap<String, LocaleStats> = BTreeMap::new();
    let mut all_facts = Vec::with_capacity(tree.sources.len());
    let store = Store::with_budget(options.uncompressed_texts.unwrap_or(texts::BUDGET));
    // Batches keep path order; each report is folded in as soon as its
    // batch is done, so only compact facts outlive it.
    for batch in tree.sources.chunks(BATCH) {
        let reports: Vec<FileReport> = batch
            .par_iter()
            .map(|s| file_stored(s, options, &store))
            .collect();
        for (source, report) in batch.iter().zip(reports) {
            let row = stats
                .entry(source.locale.to_string())
                .or_insert_with(|| LocaleStats::new(source.locale.as_str()));
            row.add_file(report.segments, report.facts.as_ref());
            diagnostics.extend(report.diagnostics);
            all_facts.extend(report.facts);
        }
    }
    drop(store);
    // What the per-file pass freed is of no use to the cross-file rules.
    crate::alloc::release_freed();
    let first_corpus = diagnostics.len();
    let found: Vec<Vec<Diagnostic>> = rules::CORPUS
        .par_iter()
        .map(|rule| {
            let mut out = Vec::new();
            rule(&all_facts, &mut out);
            out
        })
        .collect();
    diagnostics.extend(found.into_iter().flatten());
    drop(all_facts);
    if !options.no_snippets {
        corpus_snippets(root, &mut diagnostics[first_corpus..]);
    }
    diagnostics.retain(|d| options.keeps(d));
    diag::sort(&mut diagnostics);
    let locales = locale_rows(stats, options, &diagnostics);
    let (files, segments) = locales
        .iter()
        .fold((0, 0), |(f, s), r| (f + r.files, s + r.segments));
    let summary = Summary::new(files, segments, &diagnostics);
    Ok(Outcome {
        summary,
        diagnostics,
        locales,
    })
}

/// The per-locale rows that `options` report, with findings counted by code.
fn locale_rows(
    stats: BTreeMap<String, LocaleStats>,
    options: &Options,
    diagnostics: &[Diagnostic],
) -> Vec<LocaleStats> {
    let mut locales: Vec<LocaleStats> = stats
        .into_values()
        .filter(|r| options.reports_locale(&r.locale))
        .collect();
    for d in diagnostics {
        if let Some(row) = locales
            .iter_mut()
            .find(|r| d.locale.as_deref() == Some(r.locale.as_str()))
        {
            *row.codes.entry(d.code.as_str().to_string()).or_default() += 1;
        }
    }
    locales
}

/// Attaches line snippets to cross-file findings, reading each file once
/// more (files in parallel, each dropped as soon as its lines are taken).
fn corpus_snippets(root: &Path, diags: &mut [Diagnostic]) {
    let mut by_file: BTreeMap<&str, Vec<(usize, u32)>> = BTreeMap::new();
    for (i, d) in diags.iter().enumerate() {
        if d.line > 0 && d.snippet.is_none() {
            by_file
                .entry(d.file.as_str())
                .or_default()
                .push((i, d.line));
        }
    }
    let by_file: Vec<(&str, Vec<(usize, u32)>)> = by_file.into_iter().collect();
    let snippets: Vec<(usize, String)> = by_file
        .par_iter()
        .flat_map_iter(|(file, wanted)| {
            // The file was valid UTF-8 when it was checked: only the lines
            // taken are decoded, not the whole file again.
            let bytes = std::fs::read(root.join(file)).unwrap_or_default();
            let wanted = wanted.iter().map(|&(i, line)| (line, i)).collect();
            diag::line_ranges(&bytes, wanted)
                .into_iter()
                .filter_map(|(i, range)| {
                    let line = std::str::from_utf8(bytes.get(range)?).ok()?;
                    Some((i, line.to_string()))
                })
                .collect::<Vec<_>>()
        })
        .collect();
    for (i, snippet) in snippets {
        if let Some(d) = diags.get_mut(i) {
            d.snippet = Some(snippet);
        }
    }
}

/// Reads, parses and checks one file with default options.
pub fn file(source: &Source) -> FileReport {
    file_with(source, &Options::default())
}

fn file_with(source: &Source, options: &Options) -> FileReport {
    file_stored(source, options, &Store::default())
}

fn file_stored(source: &Source, options: &Options, store: &Store) -> FileReport {
    let text = match content::read(source) {
        Ok(text) => text,
        Err(d) => {
            let d = d.with_locale(source.locale.as_str());
            return FileReport {
                segments: 0,
                diagnostics: vec![d],
                facts: None,
            };
        }
    };
    text_report_stored(source, &text, options, store)
}

/// Parses and checks one file's text with default options.
pub fn text_report(source: &Source, text: &str) -> FileReport {
    text_report_with(source, text, &Options::default())
}

fn text_report_with(source: &Source, text: &str, options: &Options) -> FileReport {
    text_report_stored(source, text, options, &Store::default())
}

fn text_report_stored(source: &Source, text: &str, options: &Options, store: &Store) -> FileReport {
    let parsed = sxs::parse(&source.rel, source.locale.clone(), &source.slug, text);
    let mut diagnostics = parsed.diagnostics;
    diagnostics.extend(article_with(&parsed.article, options));
    for d in &mut diagnostics {
        d.locale.get_or_insert_with(|| source.locale.to_string());
    }
    diagnostics.retain(|d| options.keeps(d));
    if !options.no_snippets {
        diag::attach_snippets(&mut diagnostics, text);
    }
    FileReport {
        segments: parsed.article.segments.len(),
        diagnostics,
        facts: Some(Facts::of_stored(&parsed.article, store)),
    }
}

/// Runs every per-article and per-segment rule with default options.
pub fn article(article: &Article) -> Vec<Diagnostic> {
    article_with(article, &Options::default())
}

/// Runs every per-article and per-segment rule.
pub fn article_with(article: &Article, options: &Options) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in rules::STRUCTURE {
        rule(article, &mut out);
    }
    let cx = rules::Context {
        article,
        allowlist: &options.allowlist,
        language: article.locale.language(),
        length_ratio: rules::length_ratio(article),
    };
    // Each side of a segment is walked once, into buffers that serve the
    // whole article.
    let mut scanned = scan::Scanned::default();
    for seg in &article.segments {
        scanned.read(seg);
        for rule in rules::CONTENT {
            rule(&cx, seg, &scanned, &mut out);
        }
    }
    out
}
