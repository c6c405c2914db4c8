//! What the site knows about every article before rendering any page: the
//! compact facts of each locale's version (title, source version, hand-off
//! date), which locale supplies the English page, and where pages live.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::model::Locale;

/// The locale of the pages rebuilt from English sources.
pub const ENGLISH: &str = "en-US";

/// One locale's version of an article, as far as other pages need to know.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Locale of the file.
    pub locale: Locale,
    /// Slug (path below the locale dir, without `.md`).
    pub slug: String,
    /// Path relative to the content dir (`ko-KR/a.md`).
    pub rel: String,
    /// Full path on disk.
    pub path: PathBuf,
    /// `title`, when given and not blank (pages without one take the first
    /// heading: `page::page_title`).
    pub title: Option<String>,
    /// `description`.
    pub description: String,
    /// `ms.openlocfilehash`.
    pub version: Option<String>,
    /// `ms.lasthandoff`.
    pub handoff: Option<NaiveDate>,
    /// `ms.translationtype: MT`.
    pub machine: bool,
    /// DocFX's `uid`, by which `<xref:uid>` and `[text](xref:uid)` name the
    /// article.
    pub uid: Option<String>,
}

impl Entry {
    /// Order of "newest source": later hand-off, then higher version string.
    fn newness(&self) -> (Option<NaiveDate>, Option<&str>, &str) {
        (self.handoff, self.version.as_deref(), self.locale.as_str())
    }
}

/// Every article of the tree, by slug and locale.
#[derive(Debug, Default)]
pub struct Catalog {
    entries: Vec<Entry>,
    by_slug: BTreeMap<String, BTreeMap<Locale, usize>>,
    newest: BTreeMap<String, usize>,
    /// Slugs by `uid` (the first article in tree order that claims one).
    by_uid: BTreeMap<String, String>,
    /// The content locales, sorted (asked for by every page's layout).
    locales: Vec<Locale>,
    /// Where the articles are published already ([`Catalog::with_docs_urls`]):
    /// each URL's origin (`https://docs.microsoft.com`) and path
    /// (`/partner-center/`).
    docs_urls: Vec<(String, String)>,
}

impl Catalog {
    /// Indexes the entries (in tree order).
    pub fn new(entries: Vec<Entry>) -> Catalog {
        let mut by_slug: BTreeMap<String, BTreeMap<Locale, usize>> = BTreeMap::new();
        let mut newest: BTreeMap<String, usize> = BTreeMap::new();
        let mut by_uid: BTreeMap<String, String> = BTreeMap::new();
        for (i, e) in entries.iter().enumerate() {
            if let Some(uid) = &e.uid {
                by_uid.entry(uid.clone()).or_insert_with(|| e.slug.clone());
            }
            by_slug
                .entry(e.slug.clone())
                .or_default()
                .insert(e.locale.clone(), i);
            let best = newest.entry(e.slug.clone()).or_insert(i);
            if entries
                .get(*best)
                .is_some_and(|b| e.newness() > b.newness())
            {
                *best = i;
            }
        }
        let mut locales: Vec<Locale> = entries.iter().map(|e| e.locale.clone()).collect();
        locales.sort();
        locales.dedup();
        Catalog {
            entries,
            by_slug,
            newest,
            by_uid,
            locales,
            docs_urls: Vec::new(),
        }
    }

    /// Reads links to `urls` (`https://docs.microsoft.com/partner-center/`,
    /// where the articles are published already) as links to the articles
    /// ([`Catalog::docs_slug`]).
    pub fn with_docs_urls(mut self, urls: &[String]) -> Catalog {
        self.docs_urls = urls
            .iter()
            .filter_map(|url| {
                let url = url.trim().trim_end_matches('/');
                let host = url.find("://")? + 3;
                let path = url[host..].find('/').map_or(url.len(), |at| host + at);
                let (origin, prefix) = url.split_at(path);
                Some((origin.to_string(), format!("{prefix}/")))
            })
            .collect();
        self
    }

    /// The article that a URL of the published docs names, and the URL's
    /// fragment: `https://docs.microsoft.com/ko-kr/partner-center/a#x` is
    /// `a` and `x` for the docs URL `https://docs.microsoft.com/partner-center/`
    /// (a locale folder after the host is skipped; case is ignored up to the
    /// slug). `None` for other URLs and for slugs the catalog lacks.
    pub fn docs_slug<'u>(&self, url: &'u str) -> Option<(&str, Option<&'u str>)> {
        let (url, fragment) = url
            .split_once('#')
            .map_or((url, None), |(u, f)| (u, Some(f)));
        let url = url.split('?').next().unwrap_or(url);
        self.docs_urls.iter().find_map(|(origin, prefix)| {
            let rest = strip_prefix_ignore_case(url, origin)?;
            let rest = strip_prefix_ignore_case(rest, prefix)
                .or_else(|| strip_prefix_ignore_case(skip_locale_folder(rest)?, prefix))?;
            let slug = rest.trim_end_matches('/');
            let slug = slug.strip_suffix(".md").unwrap_or(slug);
            let (slug, _) = self.by_slug.get_key_value(slug)?;
            Some((slug.as_str(), fragment))
        })
    }

    /// All entries in tree order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Slugs in sorted order.
    pub fn slugs(&self) -> impl Iterator<Item = &str> {
        self.by_slug.keys().map(String::as_str)
    }

    /// The content locales, sorted.
    pub fn locales(&self) -> &[Locale] {
        &self.locales
    }

    /// The entry of `slug` in `locale`.
    pub fn get(&self, slug: &str, locale: &Locale) -> Option<&Entry> {
        self.by_slug
            .get(slug)?
            .get(locale)
            .and_then(|i| self.entries.get(*i))
    }

    /// Locales that have `slug`, sorted.
    pub fn locales_of(&self, slug: &str) -> Vec<&Locale> {
        self.by_slug
            .get(slug)
            .map(|m| m.keys().collect())
            .unwrap_or_default()
    }

    /// The version whose English source is newest (it supplies the English page).
    pub fn newest(&self, slug: &str) -> Option<&Entry> {
        self.newest.get(slug).and_then(|i| self.entries.get(*i))
    }

    /// Whether `entry` translates an older English source than the newest.
    pub fn is_outdated(&self, entry: &Entry) -> bool {
        self.newest(&entry.slug)
            .is_some_and(|n| n.version != entry.version && n.newness() > entry.newness())
    }

    /// Whether the English page of `slug` is rebuilt from `entry`.
    pub fn supplies_english(&self, entry: &Entry) -> bool {
        !self.has_english_content(&entry.slug)
            && self.newest(&entry.slug).is_some_and(|n| n.rel == entry.rel)
    }

    /// Whether the content tree itself has an en-US version of `slug`.
    fn has_english_content(&self, slug: &str) -> bool {
        self.by_slug
            .get(slug)
            .is_some_and(|m| m.keys().any(|l| l.url_segment() == "en-us"))
    }

    /// The page locales (URL segments) where `slug` has a page: en-us first.
    pub fn page_locales(&self, slug: &str) -> Vec<(String, String)> {
        let mut out = vec![(ENGLISH.to_string(), "en-us".to_string())];
        for l in self.locales_of(slug) {
            if l.url_segment() != "en-us" {
                out.push((l.as_str().to_string(), l.url_segment()));
            }
        }
        out
    }

    /// The slug of the article whose front matter has `uid: <uid>`.
    pub fn uid_slug(&self, uid: &str) -> Option<&str> {
        self.by_uid.get(uid).map(String::as_str)
    }

    /// Whether `slug` has a page in the locale whose URL segment is `locale_url`.
    pub fn has_page(&self, slug: &str, locale_url: &str) -> bool {
        self.by_slug.contains_key(slug)
            && (locale_url == "en-us"
                || self
                    .locales_of(slug)
                    .iter()
                    .any(|l| l.url_segment() == locale_url))
    }
}

/// Root-relative directory URL of an article page (`ko-kr/a/`).
pub fn page_url(locale_url: &str, slug: &str) -> String {
    format!("{locale_url}/{slug}/")
}

/// `text` without `prefix`, compared without regard to ASCII case.
fn strip_prefix_ignore_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// `/ko-kr/rest` → `/rest`: a first path segment that is a locale folder
/// ([`Locale::is_url_folder`]).
fn skip_locale_folder(path: &str) -> Option<&str> {
    let rest = path.strip_prefix('/')?;
    let (segment, _) = rest.split_once('/')?;
    Locale::is_url_folder(segment).then(|| &rest[segment.len()..])
}

/// The `../` prefix leading from a page in `dir` (`ko-kr/a/`) to the site root.
pub fn root_prefix(dir: &str) -> String {
    "../".repeat(dir.split('/').filter(|s| !s.is_empty()).count())
}

/// Joins `rel` onto directory `dir` (both `/`-separated), resolving `.` and
/// `..`; `None` when it climbs above the root.
pub fn join(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for part in rel.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_links_to_the_published_docs() {
        let entry = |slug: &str| Entry {
            rel: format!("ko-KR/{slug}.md"),
            path: PathBuf::from(format!("ko-KR/{slug}.md")),
            slug: slug.to_string(),
            locale: Locale::parse("ko-KR").unwrap(),
            title: None,
            description: String::new(),
            version: None,
            handoff: None,
            machine: false,
            uid: None,
        };
        let catalog = Catalog::new(vec![entry("technical-benefits"), entry("sub/a")])
            .with_docs_urls(&["https://docs.microsoft.com/partner-center".to_string()]);
        for (url, found) in [
            (
                "https://docs.microsoft.com/partner-center/technical-benefits",
                Some(("technical-benefits", None)),
            ),
            (
                "https://docs.microsoft.com/ko-kr/partner-center/technical-benefits/#x",
                Some(("technical-benefits", Some("x"))),
            ),
            (
                "HTTPS://Docs.Microsoft.com/en-US/Partner-Center/sub/a.md?view=1",
                Some(("sub/a", None)),
            ),
            ("https://docs.microsoft.com/partner-center/unknown", None),
            ("https://docs.microsoft.com/azure/technical-benefits", None),
            (
                "https://example.com/partner-center/technical-benefits",
                None,
            ),
            (
                "https://docs.microsoft.com/partner-centerx/technical-benefits",
                None,
            ),
        ] {
            assert_eq!(catalog.docs_slug(url), found, "{url}");
        }
    }

    #[test]
    fn joins_and_climbs() {
        assert_eq!(join("a/b", "../c.md").as_deref(), Some("a/c.md"));
        assert_eq!(join("", "./x/y.png").as_deref(), Some("x/y.png"));
        assert_eq!(join("", "../x"), None);
        assert_eq!(root_prefix("ko-kr/a/b/"), "../../../");
    }
}
