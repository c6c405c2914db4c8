//! `locdoc diff OLD.md NEW.md [--format human|json]`: what changed between
//! two revisions of one translated article. Exit 0 when nothing changed,
//! 1 when something did, 2 when a file can't be read.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::Format;
use crate::diff;
use crate::error::{Error, Result};
use crate::model::{Article, Locale};
use crate::sxs;

/// Arguments of `locdoc diff`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The older revision.
    pub old: PathBuf,
    /// The newer revision.
    pub new: PathBuf,
    /// Output format (`sarif` is not available here).
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

/// Compares the two files and prints the change.
pub fn run(args: Args) -> Result<ExitCode> {
    let old = read(&args.old)?;
    let new = read(&args.new)?;
    let report = diff::revisions(&old, &new);
    let out = match args.format {
        Format::Human => diff::human(
            &report,
            &args.old.display().to_string(),
            &args.new.display().to_string(),
        ),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&report).unwrap_or_default();
            s.push('\n');
            s
        }
        Format::Sarif => {
            return Err(Error::Usage(
                "`locdoc diff` writes `human` or `json`".into(),
            ))
        }
    };
    print!("{out}");
    Ok(if report.changes.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Reads and parses one revision; the locale comes from the parent folder
/// when it names one (it does not matter for the comparison).
fn read(path: &Path) -> Result<Article> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::Usage(format!("cannot read `{}`: {e}", path.display())))?;
    let locale = path
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|n| Locale::parse(&n.to_string_lossy()))
        .or_else(|| Locale::parse("und"))
        .ok_or_else(|| Error::Usage("no locale".into()))?;
    let name = path.display().to_string();
    let slug = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(sxs::parse(&name, locale, &slug, &text).article)
}
