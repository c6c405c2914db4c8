//! Where a link or image of the content points on the built site: another
//! article's page (in the page's locale, else in English), a file of the
//! content tree copied beside the pages, or the URL as written; and the
//! warnings when it points nowhere.

use super::catalog::{join, page_url};
use super::html::{Asset, Html};
use super::sanitize::is_safe_url;
use super::CrossLink;
use crate::diag::Code;
use crate::model::{percent_decode, xref_uid};

/// Where a link of the content points on the built site.
pub(super) enum Target {
    /// Kept as written (external, fragment, root-absolute).
    Keep(String),
    /// Rewritten to a page or asset of the site (root-relative).
    Site(String),
    /// An article that exists nowhere, or a file the content lacks.
    Broken(String),
    /// No link, its text kept: a refused scheme (with a warning), or a
    /// cross reference to a uid no article declares (an API's).
    Drop,
}

impl Html<'_, '_> {
    pub(super) fn target(&mut self, url: &str, is_link: bool) -> Target {
        let url = url.trim();
        if let Some(uid) = xref_uid(url).filter(|_| is_link) {
            return self.xref_target(uid, url);
        }
        if !is_safe_url(url) {
            let message = format!("`{url}` is left out of the page: a page may not use its scheme");
            self.warn(
                Code::BrokenLink,
                message,
                "link to an http(s), mailto, tel, ftp or ms- app URL",
            );
            return Target::Drop;
        }
        let external = url.starts_with('#')
            || url.starts_with('/')
            || url.contains("://")
            || url.contains(':');
        if let Some(fragment) = url.strip_prefix('#').filter(|f| is_link && !f.is_empty()) {
            self.link_within(fragment);
        }
        if external || url.is_empty() {
            // A link to an article where it is published already.
            let published = is_link.then(|| self.ctx.catalog.docs_slug(url)).flatten();
            return match published {
                Some((slug, fragment)) => self.slug_link(Some(slug.to_string()), fragment, url),
                None => Target::Keep(url.to_string()),
            };
        }
        let (path, fragment) = match url.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (url, None),
        };
        let path = path.split('?').next().unwrap_or(path);
        let article_dir = self
            .ctx
            .article
            .slug
            .rsplit_once('/')
            .map_or("", |(d, _)| d);
        if is_link && path.to_ascii_lowercase().ends_with(".md") {
            return self.article_link(article_dir, path, fragment, url);
        }
        self.asset(article_dir, path, url)
    }

    fn article_link(&mut self, dir: &str, path: &str, fragment: Option<&str>, url: &str) -> Target {
        let slug =
            join(dir, path).and_then(|s| s.get(..s.len().saturating_sub(3)).map(str::to_string));
        self.slug_link(slug, fragment, url)
    }

    /// A cross reference (`xref:uid`, `xref:uid#fragment`): the page of the
    /// article whose front matter declares the uid. Without DocFX's map of
    /// API uids any other leads nowhere the site knows, which is no fault
    /// of the content: no link, and no warning.
    fn xref_target(&mut self, uid: &str, url: &str) -> Target {
        let (key, fragment) = match uid.split_once('#') {
            Some((key, fragment)) => (key, Some(fragment)),
            None => (uid, None),
        };
        let key = percent_decode(key.split('?').next().unwrap_or(key));
        match self.ctx.catalog.uid_slug(&key) {
            Some(slug) => self.slug_link(Some(slug.to_string()), fragment, url),
            None => Target::Drop,
        }
    }

    /// The page of article `slug` in the page's locale, else in English;
    /// a `broken-link` warning when there is none.
    fn slug_link(&mut self, slug: Option<String>, fragment: Option<&str>, url: &str) -> Target {
        let catalog = self.ctx.catalog;
        let page = match slug {
            Some(slug) if catalog.has_page(&slug, self.ctx.page_locale) => {
                Some(page_url(self.ctx.page_locale, &slug))
            }
            Some(slug) if catalog.has_page(&slug, "en-us") => Some(page_url("en-us", &slug)),
            _ => None,
        };
        match page {
            Some(page) => {
                let fragment = fragment.filter(|f| !f.is_empty());
                match fragment {
                    Some(fragment) => {
                        self.link_into(&page, fragment, url);
                        Target::Site(format!("{page}#{fragment}"))
                    }
                    None => Target::Site(page),
                }
            }
            None => {
                let message = format!("link to `{url}`: that article exists in no locale");
                self.warn(Code::BrokenLink, message, "fix the path or add the article");
                Target::Broken(url.to_string())
            }
        }
    }

    fn asset(&mut self, dir: &str, path: &str, url: &str) -> Target {
        let article = self.ctx.article;
        let locale_dir = article.path.split('/').next().unwrap_or_default();
        let rel = join(&format!("{locale_dir}/{dir}"), &percent_decode(path));
        if let Some(rel) = rel.filter(|r| !r.is_empty()) {
            let from = self.ctx.content_root.join(&rel);
            if from.is_file() {
                let to = format!("media/{rel}");
                let url = percent_encode(&to);
                self.body.assets.insert(Asset { from, to });
                return Target::Site(url);
            }
        }
        let message = format!("`{url}` is not in the content tree");
        self.warn(
            Code::MissingAsset,
            message,
            "add the file next to the article or fix the path",
        );
        Target::Broken(url.to_string())
    }

    /// A link to `#fragment` of this page: a warning unless, once the page
    /// is done, an element has that id ([`super::html::body`]).
    pub(super) fn link_within(&mut self, fragment: &str) {
        let message =
            format!("link to `#{fragment}`: no heading or anchor of the page has that id");
        if let Some(d) = self.finding(Code::BrokenLink, message, FRAGMENT_HINT) {
            self.body.fragments.push((percent_decode(fragment), d));
        }
    }

    /// A link to `#fragment` of another page: judged once every page is
    /// rendered ([`super::broken_fragments`]).
    fn link_into(&mut self, page: &str, fragment: &str, url: &str) {
        if !self.reports() {
            return;
        }
        self.body.links.push(CrossLink {
            file: self.ctx.article.path.clone(),
            line: self.line,
            column: self.column,
            url: url.to_string(),
            page: page.to_string(),
            id: percent_decode(fragment),
        });
    }
}

/// How to mend a link to an element that its page lacks.
pub(super) const FRAGMENT_HINT: &str =
    "link to a heading's id, or add `<a name=\"…\"></a>` where the link should lead";

/// Escapes every byte of a path but unreserved characters and `/`.
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
