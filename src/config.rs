//! `locdoc.toml`: optional project settings. Only the `[site]` table is read
//! here; other tables (such as `[check]`) belong to other commands and are
//! ignored. Every setting has a default, so a project builds without the file.
//!
//! ```toml
//! [site]
//! title = "Partner Center docs"
//! base_url = "https://docs.example.com/"
//! out = "public"
//!
//! docs_urls = ["https://docs.microsoft.com/partner-center/"]
//!
//! [site.locales]
//! ko-KR = "한국어"
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};

/// The file name looked for at the project root.
pub const FILE: &str = "locdoc.toml";

/// The whole file, as far as this module reads it.
#[derive(Debug, Default, Deserialize)]
struct File {
    #[serde(default)]
    site: Site,
}

/// The `[site]` table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// Site title shown in every page header (default: the localized `site-title`).
    pub title: Option<String>,
    /// Absolute URL the site is served from, for the sitemap (default `http://localhost/`).
    pub base_url: Option<String>,
    /// Output directory, relative to the project root (default `public`).
    pub out: Option<PathBuf>,
    /// Display names of locales, by tag.
    #[serde(default)]
    pub locales: BTreeMap<String, String>,
    /// Where the articles are published already
    /// (`https://docs.microsoft.com/partner-center/`): a link to an article
    /// there (with or without a locale folder) leads to its page here.
    #[serde(default)]
    pub docs_urls: Vec<String>,
}

/// The project root of a content tree: the directory holding it, where
/// `locdoc.toml`, `templates/` and `locales/` are looked for (`.` for a
/// content directory given without a parent, such as the default `content`).
pub fn project_root(content: &Path) -> PathBuf {
    match content.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Reads `<root>/locdoc.toml`; a missing file is the default configuration.
pub fn load(root: &Path) -> Result<Site> {
    let path = root.join(FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Site::default()),
        Err(e) => {
            return Err(Error::Config {
                path,
                reason: e.to_string(),
            })
        }
    };
    parse(&text).map_err(|reason| Error::Config { path, reason })
}

/// Parses the text of a `locdoc.toml`.
pub fn parse(text: &str) -> std::result::Result<Site, String> {
    toml::from_str::<File>(text)
        .map(|f| f.site)
        .map_err(|e| e.message().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_site_and_ignores_other_tables() {
        let site = parse(
            "[check]\nfoo = 1\n[site]\ntitle = \"Docs\"\n[site.locales]\nko-KR = \"한국어\"\n",
        )
        .unwrap();
        assert_eq!(site.title.as_deref(), Some("Docs"));
        assert_eq!(
            site.locales.get("ko-KR").map(String::as_str),
            Some("한국어")
        );
        assert_eq!(parse("").unwrap(), Site::default());
        let site = parse("[site]\ndocs_urls = [\"https://d.example/x/\"]\n").unwrap();
        assert_eq!(site.docs_urls, ["https://d.example/x/"]);
        assert!(parse("[site]\ntitel = 1\n").unwrap_err().contains("titel"));
    }
}
