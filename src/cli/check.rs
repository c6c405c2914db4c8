//! `locdoc check [--content DIR] [--format human|json] [--deny-warnings]`

use std::io::IsTerminal;
use std::process::ExitCode;

use super::{ContentArgs, Format};
use crate::check;
use crate::diag::report;
use crate::error::Result;

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
}

/// Checks the tree and prints the report.
pub fn run(args: Args) -> Result<ExitCode> {
    let outcome = check::run(&args.content.content)?;
    let out = match args.format {
        Format::Human => report::human(
            &outcome.summary,
            &outcome.diagnostics,
            std::io::stdout().is_terminal(),
        ),
        Format::Json => report::json(&outcome.summary, &outcome.diagnostics),
    };
    print!("{out}");
    let s = outcome.summary;
    let failed = s.errors > 0 || (args.deny_warnings && s.warnings > 0);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
