//! Turns a checked tree into output: rustc-style text for people, one JSON
//! object for tools.

use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

use super::{Counts, Diagnostic, Severity};

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
    let report = JsonReport {
        summary: *summary,
        diagnostics: diags,
    };
    let mut s = serde_json::to_string_pretty(&report).unwrap_or_default();
    s.push('\n');
    s
}
