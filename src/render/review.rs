//! Review pages for translators: every segment with its id, English,
//! translation and the `check` findings on it, filterable by code; and one
//! status page per locale (segments, MT/HT, stale articles, counts by code).

use std::collections::{BTreeMap, BTreeSet};

use minijinja::context;
use serde::Serialize;

use super::catalog::{page_url, root_prefix, Entry};
use super::{Facts, Page, Renderer};
use crate::diag::Diagnostic;
use crate::error::Result;
use crate::model::Article;

#[derive(Debug, Serialize)]
struct Finding<'a> {
    code: &'static str,
    severity: &'static str,
    message: &'a str,
}

#[derive(Debug, Serialize)]
struct Row<'a> {
    id: &'a str,
    source: String,
    target: String,
    codes: String,
    findings: Vec<Finding<'a>>,
}

#[derive(Debug, Serialize)]
struct ReviewView<'a> {
    heading: String,
    title: &'a str,
    article_href: String,
    status_href: String,
    codes: BTreeSet<&'static str>,
    file_findings: Vec<Finding<'a>>,
    segments: Vec<Row<'a>>,
}

#[derive(Debug, Serialize)]
struct StatusRow<'a> {
    title: &'a str,
    href: String,
    review_href: String,
    segments: String,
    translation: &'a str,
    stale: bool,
    findings: usize,
}

#[derive(Debug, Serialize)]
struct CodeCount<'a> {
    code: &'a str,
    count: usize,
}

/// One row per segment with the findings on it, and the findings on no segment.
fn rows<'a>(article: &'a Article, findings: &'a [Diagnostic]) -> (Vec<Row<'a>>, Vec<Finding<'a>>) {
    let ids: BTreeSet<&str> = article.segments.iter().map(|s| s.id.as_str()).collect();
    let mut by_segment: BTreeMap<&str, Vec<&Diagnostic>> = BTreeMap::new();
    let mut file_findings = Vec::new();
    for d in findings {
        match d.segment.as_deref().filter(|id| ids.contains(id)) {
            Some(id) => by_segment.entry(id).or_default().push(d),
            None => file_findings.push(finding(d)),
        }
    }
    let rows = article
        .segments
        .iter()
        .map(|s| {
            let found = by_segment
                .get(s.id.as_str())
                .map(Vec::as_slice)
                .unwrap_or_default();
            let codes: BTreeSet<&str> = found.iter().map(|d| d.code.as_str()).collect();
            Row {
                id: s.id.as_str(),
                source: s.source_text(),
                target: s.target_text(),
                codes: codes.into_iter().collect::<Vec<_>>().join(" "),
                findings: found.iter().map(|d| finding(d)).collect(),
            }
        })
        .collect();
    (rows, file_findings)
}

fn finding(d: &Diagnostic) -> Finding<'_> {
    Finding {
        code: d.code.as_str(),
        severity: d.severity.as_str(),
        message: &d.message,
    }
}

impl Renderer {
    /// The review page of one article.
    pub(super) fn review_page(
        &self,
        entry: &Entry,
        article: &Article,
        findings: &[Diagnostic],
    ) -> Result<Page> {
        let tag = article.locale.as_str();
        let page_dir = page_url(&article.locale.url_segment(), &article.slug);
        let dir = format!("review/{page_dir}");
        let root = root_prefix(&dir);
        let (segments, file_findings) = rows(article, findings);
        let labels = self.labels(tag);
        let heading = self
            .i18n
            .format_with(tag, "review-title", "title", &entry.title);
        let view = ReviewView {
            heading: heading.clone(),
            title: &entry.title,
            article_href: format!("{root}{page_dir}"),
            status_href: format!("{root}review/{}/", article.locale.url_segment()),
            codes: findings.iter().map(|d| d.code.as_str()).collect(),
            file_findings,
            segments,
        };
        let layout = self.bare_layout(tag, &dir, &heading, "");
        let html = self.templates.render(
            "review.html",
            context! { layout, page => view, ui => labels },
        )?;
        Ok(Page::html(format!("{dir}index.html"), html))
    }

    /// The status page of one locale from its articles' facts.
    pub(super) fn status_page(&self, tag: &str, url: &str, facts: &[&Facts]) -> Result<Page> {
        let dir = format!("review/{url}/");
        let root = root_prefix(&dir);
        let mut codes: BTreeMap<&str, usize> = BTreeMap::new();
        let mut segments = 0;
        let articles: Vec<StatusRow> = facts
            .iter()
            .map(|f| {
                segments += f.segments;
                for (code, n) in &f.codes {
                    *codes.entry(code).or_insert(0) += n;
                }
                StatusRow {
                    title: &f.title,
                    href: format!("{root}{}", page_url(url, &f.slug)),
                    review_href: format!("{root}review/{}", page_url(url, &f.slug)),
                    segments: self
                        .i18n
                        .format(tag, "segments-count", Some(f.segments as i64)),
                    translation: &f.translation,
                    stale: f.stale,
                    findings: f.codes.values().sum(),
                }
            })
            .collect();
        let codes: Vec<CodeCount> = codes
            .into_iter()
            .map(|(code, count)| CodeCount { code, count })
            .collect();
        let labels = self.labels(tag);
        let count = self
            .i18n
            .format(tag, "articles-count", Some(articles.len() as i64));
        let segments = self
            .i18n
            .format(tag, "segments-count", Some(segments as i64));
        let title = labels.get("status_title").cloned().unwrap_or_default();
        let layout = self.bare_layout(tag, &dir, &title, "");
        let view = context! { count, segments, articles, codes };
        let html = self.templates.render(
            "status.html",
            context! { layout, page => view, ui => labels },
        )?;
        Ok(Page::html(format!("{dir}index.html"), html))
    }
}
