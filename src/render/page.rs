//! Article pages: the translation of one locale, or English rebuilt from the
//! newest source, with the layout every page shares (language, direction,
//! alternates, language switcher).

use std::fmt::Write;

use minijinja::{context, Value};
use serde::Serialize;

use super::catalog::{page_url, root_prefix, Entry, ENGLISH};
use super::html::{self, Body, Ctx, Side, TocEntry};
use super::templates::{self, Markup};
use super::text::Sources;
use super::{count_codes, Anchors, Facts, Page, Rendered, Renderer};
use crate::diag::Diagnostic;
use crate::error::Result;
use crate::extract::Entitlements;
use crate::model::{Article, Block};

/// The part of every page the base template shows.
#[derive(Debug, Serialize)]
pub(super) struct Layout {
    pub lang: String,
    pub dir: &'static str,
    pub title: String,
    pub description: String,
    pub root: String,
    pub site_title: String,
    pub alternates: Vec<Alternate>,
    pub x_default: String,
}

/// The same page in another locale.
#[derive(Debug, Serialize)]
pub(super) struct Alternate {
    pub hreflang: String,
    pub href: String,
    pub name: String,
    pub current: bool,
}

#[derive(Debug, Serialize)]
struct ArticleView {
    /// The rendered body, as safe HTML.
    body: Value,
    side_by_side: bool,
    toc: Vec<TocEntry>,
    machine: bool,
    outdated_href: Option<String>,
    handoff: Option<String>,
    jsonld: Option<String>,
    review_href: Option<String>,
}

/// What one article page is rendered from.
#[derive(Clone, Copy)]
struct Target<'a> {
    entry: &'a Entry,
    article: &'a Article,
    entitlements: Option<&'a Entitlements>,
    /// The segments' escaped texts.
    sources: Option<&'a Sources>,
}

impl Renderer {
    /// Renders every page of one article: the locale page, its review page
    /// and, when it supplies English, the English page. `entitlements` holds
    /// the article's extracted facts (its tables are rendered from them).
    pub fn article(
        &self,
        entry: &Entry,
        article: &Article,
        findings: &[Diagnostic],
        entitlements: Option<&Entitlements>,
    ) -> Result<Rendered> {
        let tag = article.locale.as_str().to_string();
        let url = article.locale.url_segment();
        let mut pages = Vec::new();
        // The locale page, the English page and the review page all show
        // every segment's text.
        let sources = Sources::of(article, templates::buffer());
        let target = Target {
            entry,
            article,
            entitlements,
            sources: Some(&sources),
        };
        let (page, mut body) = self.article_page(&target, Side::Target, &tag, &url)?;
        pages.push(page);
        let mut anchors = Anchors {
            pages: vec![(page_url(&url, &article.slug), std::mem::take(&mut body.ids))],
            links: std::mem::take(&mut body.links),
        };
        let mut english_title = None;
        if self.catalog.supplies_english(entry) {
            let (page, english) = self.article_page(&target, Side::Source, ENGLISH, "en-us")?;
            pages.push(page);
            english_title = Some(title_of(article, Side::Source));
            body.assets.extend(english.assets);
            body.diagnostics.extend(english.diagnostics);
            body.includes.extend(english.includes);
            anchors
                .pages
                .push((page_url("en-us", &article.slug), english.ids));
            anchors.links.extend(english.links);
        }
        pages.push(self.review_page(entry, article, findings, &sources)?);
        templates::recycle(sources.into_buffer());
        let facts = Facts {
            locale: tag,
            slug: article.slug.clone(),
            title: page_title(entry, article),
            description: entry.description.clone(),
            english_title,
            segments: article.segments.len(),
            translation: article
                .front
                .translation_type
                .as_ref()
                .map(|t| t.as_str().to_string())
                .unwrap_or_default(),
            stale: self.catalog.is_outdated(entry),
            codes: count_codes(findings),
        };
        Ok(Rendered {
            pages,
            assets: body.assets,
            diagnostics: body.diagnostics,
            facts,
            includes: body.includes,
            anchors,
        })
    }

    fn article_page(
        &self,
        target: &Target<'_>,
        side: Side,
        tag: &str,
        url: &str,
    ) -> Result<(Page, Body)> {
        let Target {
            entry,
            article,
            entitlements,
            sources,
        } = *target;
        let dir = page_url(url, &article.slug);
        let root = root_prefix(&dir);
        let labels = self.labels(tag);
        let ctx = Ctx {
            article,
            side,
            catalog: &self.catalog,
            page_locale: url,
            root: &root,
            labels,
            english_labels: self.labels(ENGLISH),
            content_root: &self.content_root,
            ids: true,
            entitlements,
            tag,
            sources,
            includes: &[],
        };
        // The side-by-side English column is built in the browser from each
        // sentence's source (`.seg .src`): one body render per page.
        let mut body = html::body(&ctx, templates::buffer());
        let (title, description) = match side {
            Side::Source => (title_of(article, side), String::new()),
            Side::Target => (page_title(entry, article), entry.description.clone()),
        };
        let layout = self.layout(tag, &dir, &title, &description, Some(&article.slug));
        let target = side == Side::Target;
        let outdated = target && self.catalog.is_outdated(entry);
        let view = ArticleView {
            jsonld: howto(&title, tag, &body.steps),
            body: Markup::value(std::mem::take(&mut body.html)),
            side_by_side: side == Side::Target,
            toc: std::mem::take(&mut body.toc),
            machine: target && article.front.is_machine_translated(),
            outdated_href: outdated.then(|| format!("{root}{}", page_url("en-us", &article.slug))),
            handoff: if target {
                self.handoff(article, tag)
            } else {
                None
            },
            review_href: target.then(|| format!("{root}review/{dir}")),
        };
        let hint = Markup::len(&view.body) + 8192;
        let html = view.body.clone();
        let bytes = self.templates.render_page(
            "article.html",
            context! { layout, page => view, ui => self.labels_value(tag) },
            hint,
        )?;
        // `context!` serialized the view by reference: it still holds the
        // body, and the buffer comes back only once nothing else does.
        drop(view);
        if let Some(html) = Markup::take(html) {
            templates::recycle(html);
        }
        let page = Page {
            path: format!("{dir}index.html"),
            bytes,
        };
        Ok((page, body))
    }

    /// "Handed off for translation on …", when the article says when.
    fn handoff(&self, article: &Article, tag: &str) -> Option<String> {
        let date = article.front.handoff?.format("%Y-%m-%d").to_string();
        Some(self.i18n.format_with(tag, "handoff-date", "date", &date))
    }

    /// The layout of a page in `tag` at `dir`; `slug` lists the article's
    /// other locales as alternates, `None` the locale indexes.
    pub(super) fn layout(
        &self,
        tag: &str,
        dir: &str,
        title: &str,
        description: &str,
        slug: Option<&str>,
    ) -> Layout {
        let mut layout = self.bare_layout(tag, dir, title, description);
        let root = &layout.root;
        let locales = match slug {
            Some(slug) => self.catalog.page_locales(slug),
            None => self.site_locales(),
        };
        let href = |url: &str| match slug {
            Some(slug) => [root.as_str(), url, "/", slug, "/"].concat(),
            None => [root.as_str(), url, "/"].concat(),
        };
        let alternates = locales
            .iter()
            .map(|(t, u)| Alternate {
                hreflang: t.clone(),
                href: href(u),
                name: self.locale_name(t),
                current: t == tag,
            })
            .collect();
        layout.x_default = href("en-us");
        layout.alternates = alternates;
        layout
    }

    /// The layout of a page that has no alternates (review and status pages).
    pub(super) fn bare_layout(
        &self,
        tag: &str,
        dir: &str,
        title: &str,
        description: &str,
    ) -> Layout {
        let rtl = crate::model::Locale::parse(tag).is_some_and(|l| l.is_rtl());
        let site_title = self.site_title(tag);
        let title = if title.is_empty() || title == site_title {
            site_title.clone()
        } else {
            format!("{title} – {site_title}")
        };
        Layout {
            lang: tag.to_string(),
            dir: if rtl { "rtl" } else { "ltr" },
            title,
            description: description.to_string(),
            root: root_prefix(dir),
            site_title,
            alternates: Vec::new(),
            x_default: String::new(),
        }
    }

    /// Every page locale of the site (tag, URL segment): en-US first.
    pub(super) fn site_locales(&self) -> Vec<(String, String)> {
        let mut out = vec![(ENGLISH.to_string(), "en-us".to_string())];
        for l in self.catalog.locales() {
            if l.url_segment() != "en-us" {
                out.push((l.as_str().to_string(), l.url_segment()));
            }
        }
        out
    }
}

/// The title of a translated page: `title` of the front matter, else (real
/// articles of some doc sets have none) the translation of the first
/// heading, else the slug.
pub(super) fn page_title(entry: &Entry, article: &Article) -> String {
    entry
        .title
        .clone()
        .unwrap_or_else(|| title_of(article, Side::Target))
}

/// The article's title on `side`: the first heading's text, else the slug.
pub(super) fn title_of(article: &Article, side: Side) -> String {
    let heading = article.blocks.iter().find_map(|b| match b {
        Block::Heading {
            level: 1, content, ..
        } => Some(content),
        _ => None,
    });
    let mut text = String::new();
    if let Some(content) = heading {
        article.write_plain(content, side, &mut text);
    }
    let text = text.trim();
    if text.is_empty() {
        article.slug.clone()
    } else {
        text.to_string()
    }
}

/// schema.org `HowTo` JSON-LD for the page's procedure steps, safe inside
/// `<script>` (every `<` escaped). Written directly: the same bytes as
/// `serde_json::to_string` of the document with `<` replaced by `\u003c`
/// (the tests compare the two), without serializing through serde and
/// copying the result once more.
fn howto(name: &str, lang: &str, steps: &[String]) -> Option<String> {
    if steps.is_empty() {
        return None;
    }
    let size = 96 + name.len() + steps.iter().map(|s| s.len() + 48).sum::<usize>();
    let mut out = String::with_capacity(size);
    out.push_str(r#"{"@context":"https://schema.org","@type":"HowTo","name":"#);
    push_json_str(&mut out, name);
    out.push_str(r#","inLanguage":"#);
    push_json_str(&mut out, lang);
    out.push_str(r#","step":["#);
    for (i, text) in steps.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(r#"{"@type":"HowToStep","position":"#);
        let _ = write!(out, "{}", i + 1);
        out.push_str(r#","text":"#);
        push_json_str(&mut out, text);
        out.push('}');
    }
    out.push_str("]}");
    Some(out)
}

/// Appends `text` as a JSON string the way `serde_json` writes it (`"`,
/// `\\` and control characters escaped, short forms for `\b \t \n \f \r`,
/// lowercase hex otherwise), with `<` written as `\u003c` as well.
fn push_json_str(out: &mut String, text: &str) {
    out.push('"');
    let bytes = text.as_bytes();
    let mut start = 0;
    while let Some(i) = next_json_special(bytes, start) {
        let escape = match bytes.get(i) {
            Some(b'"') => "\\\"",
            Some(b'\\') => "\\\\",
            Some(b'<') => "\\u003c",
            Some(0x08) => "\\b",
            Some(b'\t') => "\\t",
            Some(b'\n') => "\\n",
            Some(0x0c) => "\\f",
            Some(b'\r') => "\\r",
            _ => "",
        };
        // `i` is at an ASCII byte, so both slices end on char boundaries.
        out.push_str(text.get(start..i).unwrap_or_default());
        match bytes.get(i) {
            Some(b) if escape.is_empty() => {
                let _ = write!(out, "\\u{b:04x}");
            }
            _ => out.push_str(escape),
        }
        start = i + 1;
    }
    out.push_str(text.get(start..).unwrap_or_default());
    out.push('"');
}

/// Whether `push_json_str` escapes byte `b` (`|`, not `||`: see below).
fn is_json_special(b: u8) -> bool {
    (b < 0x20) | (b == b'"') | (b == b'\\') | (b == b'<')
}

/// The first byte at or after `from` that `push_json_str` escapes. Whole
/// 16-byte blocks are tested without a branch per byte, which the compiler
/// turns into vector compares; only the block with a hit is searched.
fn next_json_special(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let mut at = from;
    for block in rest.chunks_exact(16) {
        if block.iter().fold(false, |hit, &b| hit | is_json_special(b)) {
            break;
        }
        at += 16;
    }
    let found = bytes.get(at..)?.iter().position(|&b| is_json_special(b));
    found.map(|i| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The document `howto` writes, serialized the way it used to be.
    fn howto_serde(name: &str, lang: &str, steps: &[String]) -> Option<String> {
        if steps.is_empty() {
            return None;
        }
        let step: Vec<serde_json::Value> = steps
            .iter()
            .enumerate()
            .map(|(i, text)| {
                serde_json::json!({"@type": "HowToStep", "position": i + 1, "text": text})
            })
            .collect();
        let doc = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "HowTo",
            "name": name,
            "inLanguage": lang,
            "step": step,
        });
        serde_json::to_string(&doc)
            .ok()
            .map(|s| s.replace('<', "\\u003c"))
    }

    #[test]
    fn howto_matches_serde_json() {
        let tricky = "a \"q\" \\ </script> <!-- \u{0}\u{1}\u{8}\t\n\u{b}\u{c}\r\u{1f} \u{7f} \u{2028} 한국어 & ' >";
        let steps: Vec<String> = vec![tricky.into(), String::new(), "plain".into()];
        for (name, steps) in [
            (tricky, steps.as_slice()),
            ("", &steps[1..]),
            ("t", &[][..]),
        ] {
            assert_eq!(
                howto(name, "ko-KR", steps),
                howto_serde(name, "ko-KR", steps)
            );
        }
        let many: Vec<String> = (0..12).map(|i| format!("step {i}")).collect();
        assert_eq!(howto("n", "en-US", &many), howto_serde("n", "en-US", &many));
    }
}
