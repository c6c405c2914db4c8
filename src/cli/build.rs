//! `locdoc build [--content DIR] [--out DIR] [--deny-warnings] [--no-cache]`
//!
//! Exit codes: 0 the site was built; 1 it was built but the content has
//! findings of severity error (or any warning with `--deny-warnings`);
//! 2 it could not be built (missing content dir, broken template, output
//! not writable).

use std::fmt::Write as _;
use std::io::{IsTerminal, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

use super::ContentArgs;
use crate::build::{self, Outcome};
use crate::diag::Severity;
use crate::error::Result;

/// Arguments of `locdoc build`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub content: ContentArgs,
    /// Output directory (default: `out` of `[site]` in `locdoc.toml`, else `public`).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Exit 1 on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Build from scratch, ignoring the cache of the last build (`<out>.cache/`).
    #[arg(long)]
    pub no_cache: bool,
}

/// Builds the site and prints the findings and a one-line summary to stderr.
pub fn run(args: Args) -> Result<ExitCode> {
    let options = build::Options {
        content: args.content.content,
        out: args.out,
        project: None,
        progress: std::io::stderr().is_terminal(),
        cache: !args.no_cache,
    };
    let outcome = build::run(&options)?;
    // One write for the whole report: stderr is unbuffered, and thousands of
    // findings printed piece by piece cost thousands of system calls.
    let mut report = String::new();
    for d in &outcome.diagnostics {
        let _ = write!(report, "{}[{}]: {}", d.severity.as_str(), d.code, d.file);
        if d.line > 0 {
            let _ = write!(report, ":{}:{}", d.line, d.column);
        }
        let _ = writeln!(report, ": {}", d.message);
    }
    let _ = writeln!(report, "{}", summary(&outcome));
    let _ = std::io::stderr().lock().write_all(report.as_bytes());
    let site_warnings = outcome
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .count();
    let failed = outcome.content.errors > 0
        || (args.deny_warnings && (outcome.content.warnings + site_warnings) > 0);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `built 14 pages into public (en-us 2, ko-kr 2, …) · site: 3 warnings
/// (…) · per-file checks: 0 errors, 5 warnings (…) · 0.04s`. The build runs
/// the checks of each file (the review pages show their findings), not the
/// cross-file ones, so `check` may count more; the site's warnings (where
/// links and images lead) are the build's alone.
fn summary(o: &Outcome) -> String {
    let total: usize = o.pages.values().sum();
    let per: Vec<String> = o.pages.iter().map(|(k, n)| format!("{k} {n}")).collect();
    let reuse = match o.reuse {
        r if r.everything => format!(" · unchanged, reused {} articles", r.reused),
        r if r.reused > 0 => format!(" · rendered {} articles, reused {}", r.rendered, r.reused),
        _ => String::new(),
    };
    format!(
        "built {total} pages into `{}` ({}) · site: {} warnings (links, assets and UI strings: only the build resolves them) · per-file checks: {} errors, {} warnings (`locdoc check` adds the cross-file ones){reuse} · {:.2}s",
        o.out.display(),
        per.join(", "),
        o.diagnostics.len(),
        o.content.errors,
        o.content.warnings,
        o.elapsed.as_secs_f64()
    )
}
