//! Command-line interface: parses arguments into one struct per command and
//! calls the library. Exit codes: 0 clean, 1 findings, 2 the command failed.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod build;
mod check;
mod diff;
mod entitlements;

/// Check, extract and publish side-by-side localized documentation.
#[derive(Debug, Parser)]
#[command(name = "locdoc", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check span alignment and translations; report like a compiler.
    Check(check::Args),
    /// Render the multilingual static site (every locale, English, review pages).
    Build(build::Args),
    /// Show the segment-level change between two revisions of an article.
    Diff(diff::Args),
    /// Extract entitlements, roles and procedures as JSON.
    Entitlements(entitlements::Args),
}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style text.
    Human,
    /// One JSON object.
    Json,
    /// SARIF 2.1.0 (code scanning).
    Sarif,
}

/// Options every command over a content tree takes.
#[derive(Debug, clap::Args)]
pub struct ContentArgs {
    /// The content tree (`<locale>/<slug>.md`).
    #[arg(long, default_value = "content")]
    pub content: PathBuf,
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Build(args) => build::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Entitlements(args) => entitlements::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
