//! The site: every page `locdoc build` writes, rendered from the model only.
//!
//! [`Renderer`] holds what all pages share (templates, interface text, the
//! [`Catalog`] of articles); [`Renderer::article`] turns one parsed article
//! into its locale page, its review page and (when its English source is the
//! newest) the English page; [`Renderer::indexes`] renders the pages that
//! list articles once every article is done. Rendering never writes files:
//! pages go back to the caller, which hands them to `crate::write`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diag::{Code, Diagnostic, Severity};
use crate::error::Result;

pub mod catalog;
mod conditional;
mod containers;
mod definitions;
mod details;
mod facts;
pub mod html;
pub mod i18n;
mod include;
mod index;
mod inline;
mod links;
mod page;
mod review;
pub mod sanitize;
mod split_table;
mod tabs;
pub mod templates;
pub mod text;

pub use catalog::{Catalog, Entry};
pub use html::Asset;
use i18n::{I18n, Labels};
use templates::Templates;

/// One finished page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Root-relative output path (`ko-kr/a/index.html`).
    pub path: String,
    /// The bytes to write.
    pub bytes: Vec<u8>,
}

impl Page {
    fn html(path: String, html: String) -> Page {
        Page {
            path,
            bytes: html.into_bytes(),
        }
    }
}

/// Site settings the pages need.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Site title; the localized `site-title` message when unset.
    pub title: Option<String>,
    /// Absolute URL the site is served from, for the sitemap (`https://x/docs/`).
    pub base_url: String,
    /// Display names of locales (`ko-KR` → `한국어`), overriding `language-name`.
    pub locale_names: BTreeMap<String, String>,
}

/// What one article's pages need to be listed on the indexes and status pages.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Facts {
    /// Locale tag.
    pub locale: String,
    /// Slug.
    pub slug: String,
    /// Title in the locale.
    pub title: String,
    /// `description`.
    pub description: String,
    /// English title, when this article supplied the English page.
    pub english_title: Option<String>,
    /// Number of segments.
    pub segments: usize,
    /// `MT`, `HT` or as written.
    pub translation: String,
    /// Whether the translation is of an older English source.
    pub stale: bool,
    /// `check` findings by code.
    pub codes: BTreeMap<String, usize>,
}

/// Everything rendered from one article.
#[derive(Debug)]
pub struct Rendered {
    /// Locale page, review page and maybe the English page.
    pub pages: Vec<Page>,
    /// Content files the pages show.
    pub assets: BTreeSet<Asset>,
    /// Broken links and missing images.
    pub diagnostics: Vec<Diagnostic>,
    /// What the indexes need.
    pub facts: Facts,
    /// Files the pages include, content-relative.
    pub includes: BTreeSet<String>,
    /// The ids of its pages and its links into other pages.
    pub anchors: Anchors,
}

/// What an article's pages tell of links between pages: the element ids
/// each page has, and each link to an element of another page
/// (`other.md#x`). Whether such a link leads somewhere is known only once
/// every page is rendered: [`broken_fragments`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchors {
    /// Each page a link may lead to (`ko-kr/a/`, `en-us/a/`), with the
    /// [`id_hash`] of each element id it has, sorted.
    pub pages: Vec<(String, Vec<u64>)>,
    /// Links to an element of a page of the site.
    pub links: Vec<CrossLink>,
}

/// A link to an element of a page of the site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrossLink {
    /// The file the link is in, content-relative (an article or a file it
    /// includes).
    pub file: String,
    /// Line of the link: of the sentence it is in or around, else of its
    /// block.
    pub line: u32,
    /// Column with that line (a manifest from before columns reads 0).
    #[serde(default)]
    pub column: u32,
    /// The link as written.
    pub url: String,
    /// The page it leads to (`ko-kr/b/`).
    pub page: String,
    /// The element id it names, decoded.
    pub id: String,
}

/// The hash an element id is known by in [`Anchors::pages`]: the same in
/// every run, so that the build cache can keep it.
pub fn id_hash(id: &str) -> u64 {
    crate::check::hash::text(id)
}

/// The links of `articles` (each with its locale) to an element that the
/// page they lead to lacks, as `broken-link` warnings. A link to a page
/// that is not among them (one that failed to render) is not judged.
pub fn broken_fragments<'a>(
    articles: impl IntoIterator<Item = (&'a str, &'a Anchors)> + Clone,
) -> Vec<Diagnostic> {
    let mut pages: crate::check::hash::FastMap<&str, &[u64]> = Default::default();
    for (_, anchors) in articles.clone() {
        for (page, ids) in &anchors.pages {
            pages.insert(page, ids);
        }
    }
    let mut out = Vec::new();
    for (locale, anchors) in articles {
        for link in &anchors.links {
            let Some(ids) = pages.get(link.page.as_str()) else {
                continue;
            };
            let id = link.id.as_str();
            if html::on_every_page(id) || ids.binary_search(&id_hash(id)).is_ok() {
                continue;
            }
            let message = format!(
                "link to `{}`: no heading or anchor of that article has the id `{id}`",
                link.url
            );
            let d = Diagnostic::new(
                Code::BrokenLink,
                &link.file,
                link.line,
                link.column.max(u32::from(link.line > 0)),
                message,
            )
            .with_locale(locale)
            .with_hint(links::FRAGMENT_HINT);
            out.push(d);
        }
    }
    out
}

/// Renders pages; shared by all threads.
pub struct Renderer {
    templates: Templates,
    i18n: I18n,
    labels: BTreeMap<String, Labels>,
    /// The same labels as template values, converted once (not per page).
    label_values: BTreeMap<String, minijinja::Value>,
    /// Display names of the site's locales, resolved once (every page's
    /// language switcher shows them).
    locale_names: BTreeMap<String, String>,
    settings: Settings,
    catalog: Catalog,
    content_root: PathBuf,
    warnings: Vec<Diagnostic>,
}

impl Renderer {
    /// Loads templates (`templates_dir` overrides the defaults) and interface
    /// text (`locales_dir` overrides), resolving labels of every locale.
    pub fn new(
        catalog: Catalog,
        settings: Settings,
        content_root: &Path,
        templates_dir: Option<&Path>,
        locales_dir: Option<&Path>,
    ) -> Result<Renderer> {
        let templates = Templates::load(templates_dir)?;
        let i18n = match locales_dir {
            Some(dir) => I18n::load(dir)?,
            None => I18n::embedded()?,
        };
        let mut labels = BTreeMap::new();
        let mut warnings = Vec::new();
        let mut tags: Vec<String> = vec![catalog::ENGLISH.to_string()];
        tags.extend(catalog.locales().iter().map(|l| l.as_str().to_string()));
        for tag in tags {
            let (l, w) = i18n.labels(&tag);
            labels.insert(tag, l);
            warnings.extend(w);
        }
        let content_root = content_root.to_path_buf();
        let label_values = labels
            .iter()
            .map(|(tag, l)| (tag.clone(), minijinja::Value::from_serialize(l)))
            .collect();
        let mut renderer = Renderer {
            templates,
            i18n,
            labels,
            label_values,
            locale_names: BTreeMap::new(),
            settings,
            catalog,
            content_root,
            warnings,
        };
        renderer.locale_names = renderer
            .labels
            .keys()
            .map(|tag| (tag.clone(), renderer.resolve_locale_name(tag)))
            .collect();
        Ok(renderer)
    }

    /// Warnings found while loading (`missing-message`).
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// The catalog of articles.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Static assets: root-relative path and bytes.
    pub fn assets(&self) -> Vec<Page> {
        self.templates
            .assets()
            .iter()
            .map(|(n, b)| Page {
                path: format!("assets/{n}"),
                bytes: b.clone(),
            })
            .collect()
    }

    fn labels(&self, tag: &str) -> &Labels {
        static EMPTY: Labels = Labels::new();
        self.labels
            .get(tag)
            .or_else(|| self.labels.get(catalog::ENGLISH))
            .unwrap_or(&EMPTY)
    }

    /// [`Renderer::labels`] as a template value.
    fn labels_value(&self, tag: &str) -> minijinja::Value {
        self.label_values
            .get(tag)
            .or_else(|| self.label_values.get(catalog::ENGLISH))
            .cloned()
            .unwrap_or_else(|| minijinja::Value::from_serialize(Labels::new()))
    }

    /// Display name of a locale, in its own language.
    fn locale_name(&self, tag: &str) -> String {
        match self.locale_names.get(tag) {
            Some(name) => name.clone(),
            None => self.resolve_locale_name(tag),
        }
    }

    /// [`Renderer::locale_name`] from the settings and interface text.
    fn resolve_locale_name(&self, tag: &str) -> String {
        match self.settings.locale_names.get(tag) {
            Some(name) => name.clone(),
            None if self.i18n.locales().any(|l| l == tag) => self.message(tag, "language-name"),
            None => tag.to_string(),
        }
    }

    fn site_title(&self, tag: &str) -> String {
        self.settings
            .title
            .clone()
            .unwrap_or_else(|| self.message(tag, "site-title"))
    }

    /// Message `id` (without arguments) in `tag`: from the labels resolved
    /// when loading, formatted again only for a tag they don't cover.
    fn message(&self, tag: &str, id: &str) -> String {
        let key = id.replace('-', "_");
        match self.labels.get(tag).and_then(|l| l.get(&key)) {
            Some(text) => text.clone(),
            None => self.i18n.format(tag, id, None),
        }
    }
}

/// Counts `check` findings by code.
fn count_codes(findings: &[Diagnostic]) -> BTreeMap<String, usize> {
    let mut codes = BTreeMap::new();
    for d in findings {
        *codes.entry(d.code.as_str().to_string()).or_insert(0) += 1;
    }
    codes
}

/// Whether any finding is an error.
pub fn has_errors(findings: &[Diagnostic]) -> bool {
    findings.iter().any(|d| d.severity == Severity::Error)
}

/// Codes of the site stage (reported by `build`, not `check`).
pub const SITE_CODES: &[Code] = &[Code::BrokenLink, Code::MissingAsset, Code::MissingMessage];
