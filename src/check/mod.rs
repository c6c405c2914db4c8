//! `locdoc check`: reads every article, parses it, runs the rules and gathers
//! the findings in a stable order. One bad file never stops the run.

use std::path::Path;

use rayon::prelude::*;

use crate::content::{self, Source};
use crate::diag::report::Summary;
use crate::diag::{self, Diagnostic};
use crate::error::Result;
use crate::model::Article;
use crate::sxs;

pub mod rules;

/// What checking a tree found.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Totals.
    pub summary: Summary,
    /// Findings, sorted by file, line and column.
    pub diagnostics: Vec<Diagnostic>,
}

/// What checking one file found.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// Segments parsed into the model.
    pub segments: usize,
    /// Findings in this file, with snippets attached.
    pub diagnostics: Vec<Diagnostic>,
}

/// Checks every article under `root` on all cores.
pub fn run(root: &Path) -> Result<Outcome> {
    let tree = content::discover(root)?;
    let reports: Vec<FileReport> = tree.sources.par_iter().map(file).collect();
    let mut diagnostics = tree.diagnostics;
    let mut segments = 0;
    for report in reports {
        segments += report.segments;
        diagnostics.extend(report.diagnostics);
    }
    diag::sort(&mut diagnostics);
    let summary = Summary::new(tree.sources.len(), segments, &diagnostics);
    Ok(Outcome {
        summary,
        diagnostics,
    })
}

/// Reads, parses and checks one file.
pub fn file(source: &Source) -> FileReport {
    let text = match content::read(source) {
        Ok(text) => text,
        Err(d) => {
            let d = d.with_locale(source.locale.as_str());
            return FileReport {
                segments: 0,
                diagnostics: vec![d],
            };
        }
    };
    text_report(source, &text)
}

/// Parses and checks one file's text.
pub fn text_report(source: &Source, text: &str) -> FileReport {
    let parsed = sxs::parse(&source.rel, source.locale.clone(), &source.slug, text);
    let mut diagnostics = parsed.diagnostics;
    diagnostics.extend(article(&parsed.article));
    for d in &mut diagnostics {
        d.locale.get_or_insert_with(|| source.locale.to_string());
    }
    diag::attach_snippets(&mut diagnostics, text);
    FileReport {
        segments: parsed.article.segments.len(),
        diagnostics,
    }
}

/// Runs every per-article rule.
pub fn article(article: &Article) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in rules::STRUCTURE {
        rule(article, &mut out);
    }
    out
}
