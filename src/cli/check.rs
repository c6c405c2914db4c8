//! `locdoc check [--content DIR] [--format human|json|sarif] [--locale L]
//! [--only CODES] [--allow CODES] [--config FILE] [--summary] [--deny-warnings]`

use std::io::{IsTerminal, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{ContentArgs, Format};
use crate::check::{self, config, Options};
use crate::diag::{report, sarif};
use crate::error::{Error, Result};

/// Arguments of `locdoc check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub content: ContentArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Exit 1 on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Report only these locales (repeat or separate with commas).
    #[arg(long, value_delimiter = ',')]
    pub locale: Vec<String>,
    /// Report only these codes (e.g. `number-mismatch,link-mismatch`).
    #[arg(long, value_delimiter = ',')]
    pub only: Vec<String>,
    /// Never report these codes (added to the config file's `allow`).
    #[arg(long, value_delimiter = ',')]
    pub allow: Vec<String>,
    /// Config file with a `[check]` table (default: `locdoc.toml` beside the
    /// content directory, the file `build` reads, if present).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Print a table per locale (files, segments, MT/HT share, counts by code) after the
    /// report (on stderr with `--format json` or `sarif`, so stdout stays parseable).
    #[arg(long)]
    pub summary: bool,
}

/// Checks the tree and prints the report.
pub fn run(args: Args) -> Result<ExitCode> {
    let options = options(&args)?;
    let root = &args.content.content;
    let outcome = check::run_with(root, &options)?;
    let mut out = match args.format {
        Format::Human => report::human(
            &outcome.summary,
            &outcome.diagnostics,
            std::io::stdout().is_terminal(),
        ),
        Format::Json => {
            // Streamed: the report of a large tree is tens of megabytes.
            let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            report::write_json(&outcome.summary, &outcome.diagnostics, &mut stdout)
                .and_then(|()| stdout.flush())
                .map_err(stdout_error)?;
            String::new()
        }
        Format::Sarif => sarif::sarif(&outcome.diagnostics, &repo_prefix(root)),
    };
    if args.summary && args.format == Format::Human {
        out.push('\n');
        out.push_str(&report::summary_table(&outcome.locales));
    } else if args.summary {
        eprint!("{}", report::summary_table(&outcome.locales));
    }
    std::io::stdout()
        .lock()
        .write_all(out.as_bytes())
        .map_err(stdout_error)?;
    let s = outcome.summary;
    let failed = s.errors > 0 || (args.deny_warnings && s.warnings > 0);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A report that could not be written (stdout closed, disk full).
fn stdout_error(e: std::io::Error) -> Error {
    Error::write(Path::new("<stdout>"), e)
}

/// Config file first, then the command line on top.
fn options(args: &Args) -> Result<Options> {
    let default = crate::config::project_root(&args.content.content).join(crate::config::FILE);
    let mut options = match &args.config {
        Some(path) => Options::from_config(path)?,
        None if default.is_file() => Options::from_config(&default)?,
        None => Options::default(),
    };
    options.locales = args
        .locale
        .iter()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let only = config::codes(&args.only)?;
    if !only.is_empty() {
        options.only = only;
    }
    options.allow.extend(config::codes(&args.allow)?);
    // Only the human report prints the lines of its findings.
    options.no_snippets = args.format != Format::Human;
    Ok(options)
}

/// The content dir as a repository-relative prefix for SARIF (`content`);
/// empty for absolute paths, which would leak the machine's layout.
fn repo_prefix(root: &std::path::Path) -> String {
    if root.is_absolute() {
        return String::new();
    }
    root.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .filter(|c| c != ".")
        .collect::<Vec<_>>()
        .join("/")
}
