//! `locdoc entitlements [--content DIR] [--out FILE]`: extracts entitlements,
//! roles and procedures as JSON (stdout by default); warnings go to stderr.

use std::io::Write;
use std::path::{Path, PathBuf};
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
    // Streamed: articles are merged and serialized as they are extracted,
    // so a large tree is never held in memory as facts.
    let streamed = extract::stream(&args.content.content)?;
    let articles = streamed.document.articles();
    let (sink, name): (Box<dyn Write>, &Path) = match &args.out {
        Some(path) => {
            let file = std::fs::File::create(path).map_err(|e| Error::write(path, e))?;
            (Box::new(file), path)
        }
        None => (Box::new(std::io::stdout().lock()), Path::new("<stdout>")),
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, sink);
    streamed
        .document
        .write_to(&mut out)
        .and_then(|()| out.flush())
        .map_err(|e| Error::write(name, e))?;
    if let Some(path) = &args.schema {
        std::fs::write(path, extract::schema_json()).map_err(|e| Error::write(path, e))?;
    }
    if !streamed.diagnostics.is_empty() {
        let summary = report::Summary::new(articles, 0, &streamed.diagnostics);
        eprint!("{}", report::human(&summary, &streamed.diagnostics, false));
    }
    Ok(ExitCode::SUCCESS)
}
