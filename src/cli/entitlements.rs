//! `locdoc entitlements [--content DIR] [--out FILE]`: extracts entitlements,
//! roles and procedures as JSON (stdout by default); warnings go to stderr.

use std::path::PathBuf;
use std::process::ExitCode;

use super::ContentArgs;
use crate::diag::report;
use crate::error::{Error, Result};
use crate::extract;

/// Arguments of `locdoc entitlements`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub content: ContentArgs,
    /// Write the JSON here instead of stdout.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Also write the JSON Schema of the output here.
    #[arg(long)]
    pub schema: Option<PathBuf>,
}

/// Extracts the tree and writes the JSON; exit 0 even with warnings.
pub fn run(args: Args) -> Result<ExitCode> {
    let outcome = extract::run(&args.content.content)?;
    let json = extract::to_json(&outcome.entitlements);
    match &args.out {
        Some(path) => write(path, &json)?,
        None => print!("{json}"),
    }
    if let Some(path) = &args.schema {
        write(path, &extract::schema_json())?;
    }
    if !outcome.diagnostics.is_empty() {
        let summary =
            report::Summary::new(outcome.entitlements.articles.len(), 0, &outcome.diagnostics);
        eprint!("{}", report::human(&summary, &outcome.diagnostics, false));
    }
    Ok(ExitCode::SUCCESS)
}

fn write(path: &std::path::Path, text: &str) -> Result<()> {
    std::fs::write(path, text).map_err(|e| Error::Write {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })
}
