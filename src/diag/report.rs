//! Turns a checked tree into output: rustc-style text for people, one JSON
//! object for tools.

use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

use super::{Code, Counts, Diagnostic, Severity};
use crate::check::Facts;

/// Totals over a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Files read.
    pub files: usize,
    /// Segments parsed into the model.
    pub segments: usize,
    /// Error count.
    pub errors: usize,
    /// Warning count.
    pub warnings: usize,
}

impl Summary {
    /// Totals for `files` files and `segments` segments with these findings.
    pub fn new(files: usize, segments: usize, diags: &[Diagnostic]) -> Summary {
        let c = Counts::of(diags);
        Summary {
            files,
            segments,
            errors: c.errors,
            warnings: c.warnings,
        }
    }
}

/// Totals of one locale, for `--summary`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LocaleStats {
    /// The locale directory.
    pub locale: String,
    /// Files read.
    pub files: usize,
    /// Segments parsed.
    pub segments: usize,
    /// Files marked `ms.translationtype: MT`.
    pub machine: usize,
    /// Files marked `ms.translationtype: HT`.
    pub human: usize,
    /// Reported findings by code.
    pub codes: std::collections::BTreeMap<String, usize>,
}

impl LocaleStats {
    /// An empty row for `locale`.
    pub fn new(locale: &str) -> LocaleStats {
        LocaleStats {
            locale: locale.to_string(),
            ..LocaleStats::default()
        }
    }

    /// Counts one file.
    pub fn add_file(&mut self, segments: usize, facts: Option<&Facts>) {
        self.files += 1;
        self.segments += segments;
        if let Some(f) = facts {
            self.machine += usize::from(f.machine);
            self.human += usize::from(f.human);
        }
    }
}

/// The `--summary` table: one row per locale with files, segments, MT/HT
/// share and a column per code that was reported.
pub fn summary_table(rows: &[LocaleStats]) -> String {
    let codes: Vec<Code> = Code::ALL
        .iter()
        .copied()
        .filter(|c| rows.iter().any(|r| r.codes.contains_key(c.as_str())))
        .collect();
    let mut header: Vec<String> = ["locale", "files", "segments", "MT", "HT"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    header.extend(codes.iter().map(|c| c.as_str().to_string()));
    let mut table = vec![header];
    for r in rows {
        let share = |n: usize| {
            (n * 100)
                .checked_div(r.files)
                .map_or_else(|| "-".to_string(), |p| format!("{p}%"))
        };
        let mut row = vec![
            r.locale.clone(),
            r.files.to_string(),
            r.segments.to_string(),
            share(r.machine),
            share(r.human),
        ];
        row.extend(
            codes
                .iter()
                .map(|c| r.codes.get(c.as_str()).copied().unwrap_or(0).to_string()),
        );
        table.push(row);
    }
    let widths: Vec<usize> = (0..table[0].len())
        .map(|i| {
            table
                .iter()
                .map(|row| row[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in &table {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (cell, w))| {
                if i == 0 {
                    format!("{cell:<w$}")
                } else {
                    format!("{cell:>w$}")
                }
            })
            .collect();
        let _ = writeln!(out, "{}", cells.join("  ").trim_end());
    }
    out
}

/// rustc-style report: one block per diagnostic, then a summary line.
pub fn human(summary: &Summary, diags: &[Diagnostic], color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in diags {
        out.push_str(&render_one(&renderer, d));
        out.push_str("\n\n");
    }
    let _ = writeln!(
        out,
        "checked {} {}, {} {}: {} {}, {} {}",
        summary.files,
        plural(summary.files, "file", "files"),
        summary.segments,
        plural(summary.segments, "segment", "segments"),
        summary.errors,
        plural(summary.errors, "error", "errors"),
        summary.warnings,
        plural(summary.warnings, "warning", "warnings"),
    );
    out
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

fn render_one(renderer: &Renderer, d: &Diagnostic) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let title = level.primary_title(d.message.as_str()).id(d.code.as_str());
    let mut group = match (&d.snippet, d.line) {
        (Some(line_text), line) if line > 0 => {
            let start = byte_of_column(line_text, d.column);
            let end = line_text[start..]
                .chars()
                .next()
                .map_or(start, |c| start + c.len_utf8());
            title.element(
                Snippet::source(line_text.as_str())
                    .line_start(line as usize)
                    .path(d.file.as_str())
                    .annotation(AnnotationKind::Primary.span(start..end)),
            )
        }
        _ => {
            let location = if d.line > 0 {
                format!("{}:{}", d.file, d.line)
            } else {
                d.file.clone()
            };
            Group::with_title(title).element(Level::NOTE.message(format!("in `{location}`")))
        }
    };
    if let Some(hint) = &d.hint {
        group = group.element(Level::HELP.message(hint.as_str()));
    }
    renderer.render(&[group]).to_string()
}

/// Byte offset of a 1-based character column (clamped to the line).
fn byte_of_column(line: &str, column: u32) -> usize {
    line.char_indices()
        .nth(column.saturating_sub(1) as usize)
        .map_or(line.len(), |(i, _)| i)
}

/// The JSON report: `{"summary": …, "diagnostics": […]}`.
#[derive(Serialize)]
pub struct JsonReport<'a> {
    /// Totals.
    pub summary: Summary,
    /// Findings, sorted by file then line.
    pub diagnostics: &'a [Diagnostic],
}

/// Pretty JSON with a trailing newline.
pub fn json(summary: &Summary, diags: &[Diagnostic]) -> String {
    let mut out = Vec::new();
    // Writing to a `Vec` fails only if serializing does, which it doesn't.
    let _ = write_json(summary, diags, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`json`], streamed to `out`: at 10k files the report is ~28 MB, which
/// as one `String` (grown by doubling) was the peak of `check`'s memory.
pub fn write_json(
    summary: &Summary,
    diags: &[Diagnostic],
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let report = JsonReport {
        summary: *summary,
        diagnostics: diags,
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    out.write_all(b"\n")
}
