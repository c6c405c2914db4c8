//! Pages that list articles, rendered once every article is done: the
//! language chooser, one index per locale, the status pages and the sitemap
//! with `xhtml:link` hreflang alternates.

use std::collections::BTreeMap;

use minijinja::context;
use serde::Serialize;

use super::catalog::{page_url, ENGLISH};
use super::sanitize::escape;
use super::{Facts, Page, Renderer};
use crate::error::Result;

#[derive(Debug, Serialize)]
struct Language {
    href: String,
    hreflang: String,
    name: String,
    count: String,
}

#[derive(Debug, Serialize)]
struct Listed<'a> {
    href: String,
    title: &'a str,
    description: &'a str,
}

impl Renderer {
    /// The language chooser, the locale indexes, the status pages and the sitemap.
    pub fn indexes(&self, facts: &[Facts]) -> Result<Vec<Page>> {
        let mut by_locale: BTreeMap<&str, Vec<&Facts>> = BTreeMap::new();
        for f in facts {
            by_locale.entry(f.locale.as_str()).or_default().push(f);
        }
        let english: Vec<Listed> = facts
            .iter()
            .filter_map(|f| {
                let title = f.english_title.as_deref()?;
                Some(Listed {
                    href: format!("{}/", f.slug),
                    title,
                    description: "",
                })
            })
            .collect();
        let mut pages = vec![self.root_index(&by_locale, english.len())?];
        for (tag, url) in self.site_locales() {
            let mut listed = match by_locale.get(tag.as_str()) {
                Some(list) => list
                    .iter()
                    .map(|f| Listed {
                        href: format!("{}/", f.slug),
                        title: &f.title,
                        description: &f.description,
                    })
                    .collect(),
                None if tag == ENGLISH => english
                    .iter()
                    .map(|l| Listed {
                        href: l.href.clone(),
                        ..*l
                    })
                    .collect(),
                None => Vec::new(),
            };
            listed.sort_by(|a, b| a.href.cmp(&b.href));
            let status = by_locale.get(tag.as_str());
            pages.push(self.locale_index(&tag, &url, listed, status.is_some())?);
            if let Some(list) = status {
                pages.push(self.status_page(&tag, &url, list)?);
            }
        }
        pages.push(self.sitemap());
        Ok(pages)
    }

    fn root_index(&self, by_locale: &BTreeMap<&str, Vec<&Facts>>, english: usize) -> Result<Page> {
        let languages: Vec<Language> = self
            .site_locales()
            .into_iter()
            .map(|(tag, url)| {
                let n = by_locale.get(tag.as_str()).map_or(english, Vec::len);
                Language {
                    href: format!("{url}/"),
                    name: self.locale_name(&tag),
                    count: self.i18n.format(&tag, "articles-count", Some(n as i64)),
                    hreflang: tag,
                }
            })
            .collect();
        let labels = self.labels(ENGLISH);
        let mut layout = self.layout(ENGLISH, "", "", "", None);
        layout.alternates.clear();
        layout.x_default.clear();
        let html = self.templates.render(
            "index.html",
            context! { layout, page => context! { languages }, ui => labels },
        )?;
        Ok(Page::html("index.html".into(), html))
    }

    fn locale_index(
        &self,
        tag: &str,
        url: &str,
        articles: Vec<Listed>,
        status: bool,
    ) -> Result<Page> {
        let dir = format!("{url}/");
        let labels = self.labels(tag);
        let title = labels.get("articles").cloned().unwrap_or_default();
        let layout = self.layout(tag, &dir, &title, "", None);
        let count = self
            .i18n
            .format(tag, "articles-count", Some(articles.len() as i64));
        let status_href = status.then(|| format!("{}review/{url}/", layout.root));
        let view = context! { articles, count, status_href };
        let html = self.templates.render(
            "locale.html",
            context! { layout, page => view, ui => labels },
        )?;
        Ok(Page::html(format!("{dir}index.html"), html))
    }

    /// `sitemap.xml`: every article page with its alternates, absolute URLs.
    fn sitemap(&self) -> Page {
        let base = if self.settings.base_url.ends_with('/') {
            self.settings.base_url.clone()
        } else {
            format!("{}/", self.settings.base_url)
        };
        let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        for slug in self.catalog.slugs() {
            let locales = self.catalog.page_locales(slug);
            for (_, url) in &locales {
                xml.push_str(&format!(
                    "<url><loc>{}</loc>\n",
                    escape(&format!("{base}{}", page_url(url, slug)))
                ));
                for (tag, alt) in &locales {
                    let href = escape(&format!("{base}{}", page_url(alt, slug)));
                    xml.push_str(&format!(
                        "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{href}\"/>\n",
                        escape(tag)
                    ));
                }
                let default = escape(&format!("{base}{}", page_url("en-us", slug)));
                xml.push_str(&format!("<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{default}\"/>\n</url>\n"));
            }
        }
        xml.push_str("</urlset>\n");
        Page {
            path: "sitemap.xml".into(),
            bytes: xml.into_bytes(),
        }
    }
}
