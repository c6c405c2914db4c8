//! Options of a check run: which locales and codes to report, and the
//! allowlist. They come from the command line and from the `[check]` table
//! of `locdoc.toml` (other tables and unknown keys are ignored):
//!
//! ```toml
//! [check]
//! allow = ["whitespace-mismatch"]   # never report these codes
//! only = []                          # report only these codes (empty: all)
//! allowlist = "terms.txt"            # replaces the built-in allowlist
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::allowlist::Allowlist;
use crate::diag::{Code, Diagnostic};
use crate::error::{Error, Result};

/// The `[check]` table as written.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CheckTable {
    /// Codes never reported.
    #[serde(default)]
    pub allow: Vec<String>,
    /// Codes reported exclusively (empty: all).
    #[serde(default)]
    pub only: Vec<String>,
    /// Path of an allowlist file, relative to the config file.
    #[serde(default)]
    pub allowlist: Option<PathBuf>,
}

#[derive(Deserialize)]
struct ConfigFile {
    #[serde(default)]
    check: CheckTable,
}

/// What to report and how.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Locales to report (empty: all). Cross-file checks still read every locale.
    pub locales: Vec<String>,
    /// Codes reported exclusively (empty: all).
    pub only: Vec<Code>,
    /// Codes never reported.
    pub allow: Vec<Code>,
    /// Terms `untranslated` accepts.
    pub allowlist: Allowlist,
    /// Leave findings without their line's text ([`Diagnostic::snippet`]):
    /// for reports that print none (JSON, SARIF). The text of every
    /// finding's line is kept with it until the report, and cross-file
    /// findings read their files once more to get it.
    pub no_snippets: bool,
    /// Bytes of segment texts the cross-file rules keep uncompressed
    /// before they compress the rest (`None`: [`super::texts::BUDGET`]).
    /// Findings are the same whatever it is; only memory and time differ.
    pub uncompressed_texts: Option<usize>,
}

impl Options {
    /// Reads the `[check]` table of a `locdoc.toml`.
    pub fn from_config(path: &Path) -> Result<Options> {
        let bad = |reason: String| Error::Config {
            path: path.to_path_buf(),
            reason,
        };
        let text = std::fs::read_to_string(path).map_err(|e| bad(e.to_string()))?;
        let file: ConfigFile = toml::from_str(&text).map_err(|e| bad(e.message().to_string()))?;
        let table = file.check;
        let mut options = Options {
            only: codes(&table.only)?,
            allow: codes(&table.allow)?,
            ..Options::default()
        };
        if let Some(list) = &table.allowlist {
            let list_path = path.parent().unwrap_or(Path::new(".")).join(list);
            let text = std::fs::read_to_string(&list_path).map_err(|e| Error::Config {
                path: list_path.clone(),
                reason: e.to_string(),
            })?;
            options.allowlist = Allowlist::parse(&text);
        }
        Ok(options)
    }

    /// Whether a diagnostic passes the locale and code filters.
    pub fn keeps(&self, d: &Diagnostic) -> bool {
        self.code_enabled(d.code)
            && (self.locales.is_empty()
                || d.locale
                    .as_ref()
                    .is_some_and(|l| self.locales.iter().any(|x| x.eq_ignore_ascii_case(l))))
    }

    /// Whether a locale is reported.
    pub fn reports_locale(&self, locale: &str) -> bool {
        self.locales.is_empty() || self.locales.iter().any(|x| x.eq_ignore_ascii_case(locale))
    }

    /// Whether a code is reported.
    pub fn code_enabled(&self, code: Code) -> bool {
        (self.only.is_empty() || self.only.contains(&code)) && !self.allow.contains(&code)
    }
}

/// Parses code names, naming the first unknown one.
pub fn codes(names: &[String]) -> Result<Vec<Code>> {
    names
        .iter()
        .flat_map(|n| n.split(','))
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|n| {
            Code::from_name(n).ok_or_else(|| {
                Error::Usage(format!(
                    "unknown check code `{n}` (see `locdoc check --help`)"
                ))
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_only_the_check_table() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("locdoc.toml");
        std::fs::write(
            &path,
            "[site]\ntitle = \"x\"\n[check]\nallow = [\"id-gap\"]\nfuture = 1\n",
        )
        .unwrap();
        let options = Options::from_config(&path).unwrap();
        assert_eq!(options.allow, [Code::IdGap]);
        assert!(!options.code_enabled(Code::IdGap));
        assert!(options.code_enabled(Code::Untranslated));
    }

    #[test]
    fn rejects_unknown_codes() {
        assert!(codes(&["id-gap,nope".to_string()]).is_err());
    }
}
