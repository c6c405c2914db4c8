//! Review pages for translators: every segment with its id, English,
//! translation and the `check` findings on it, filterable by code; and one
//! status page per locale (segments, MT/HT, stale articles, counts by code).

use std::collections::{BTreeMap, BTreeSet};

use minijinja::{context, Value};
use serde::Serialize;

use super::catalog::{page_url, root_prefix, Entry};
use super::page::page_title;
use super::sanitize::push_escaped;
use super::templates::{self, Markup};
use super::text::Sources;
use super::{Facts, Page, Renderer};
use crate::check::hash::FastMap;
use crate::diag::Diagnostic;
use crate::error::Result;
use crate::model::{Article, Side};

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
    /// The table rows, as HTML.
    rows: Value,
    /// The same rows as data, only for templates that ask for them.
    #[serde(skip_serializing_if = "Option::is_none")]
    segments: Option<Vec<Row<'a>>>,
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

/// Findings per segment (by its index in the article), and the findings
/// on no segment.
type BySegment<'a> = BTreeMap<usize, Vec<&'a Diagnostic>>;

/// Sorts findings onto segments: a finding names a segment by id, and
/// where several segments share that id (a `duplicate-id` file), it is the
/// one at the finding's line and column, else the first. Keyed by id alone,
/// every segment of a file whose 50,000 segments shared an id got all
/// 50,000 findings: the review page ran out of memory.
fn by_segment<'a>(
    article: &'a Article,
    findings: &'a [Diagnostic],
) -> (BySegment<'a>, Vec<Finding<'a>>) {
    // The article's ids and positions, gathered only when a finding names
    // a segment (most articles have no such finding).
    let mut index: Option<Index> = None;
    let mut by_segment: BySegment = BTreeMap::new();
    let mut file_findings = Vec::new();
    for d in findings {
        let on_segment = d.segment.as_deref().and_then(|id| {
            let index = index.get_or_insert_with(|| Index::of(article));
            let here = index.at.get(&(d.line, d.column)).copied();
            here.filter(|&i| article.segments.get(i).is_some_and(|s| s.id.as_str() == id))
                .or_else(|| index.first.get(id).copied())
        });
        match on_segment {
            Some(i) => by_segment.entry(i).or_default().push(d),
            None => file_findings.push(finding(d)),
        }
    }
    (by_segment, file_findings)
}

/// Where an article's segments are: the first with each id, and the one
/// at each line and column.
struct Index<'a> {
    first: FastMap<&'a str, usize>,
    at: FastMap<(u32, u32), usize>,
}

impl<'a> Index<'a> {
    fn of(article: &'a Article) -> Index<'a> {
        let n = article.segments.len();
        let mut index = Index {
            first: FastMap::with_capacity_and_hasher(n, Default::default()),
            at: FastMap::with_capacity_and_hasher(n, Default::default()),
        };
        for (i, s) in article.segments.iter().enumerate() {
            index.first.entry(s.id.as_str()).or_insert(i);
            index.at.entry((s.line, s.column)).or_insert(i);
        }
        index
    }
}

/// The findings on segment `i`.
fn found_for<'f, 'a>(by_segment: &'f BySegment<'a>, i: usize) -> &'f [&'a Diagnostic] {
    by_segment.get(&i).map(Vec::as_slice).unwrap_or_default()
}

/// One row per segment, for templates that still iterate `page.segments`.
fn rows<'a>(article: &'a Article, by_segment: &BySegment<'a>) -> Vec<Row<'a>> {
    article
        .segments
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let found = found_for(by_segment, i);
            Row {
                id: s.id.as_str(),
                source: s.source_text(),
                target: s.target_text(),
                codes: codes(found),
                findings: found.iter().map(|d| finding(d)).collect(),
            }
        })
        .collect()
}

fn finding(d: &Diagnostic) -> Finding<'_> {
    Finding {
        code: d.code.as_str(),
        severity: d.severity.as_str(),
        message: &d.message,
    }
}

/// The distinct codes of `found`, sorted, space-separated.
fn codes(found: &[&Diagnostic]) -> String {
    if found.is_empty() {
        return String::new();
    }
    let codes: BTreeSet<&str> = found.iter().map(|d| d.code.as_str()).collect();
    codes.into_iter().collect::<Vec<_>>().join(" ")
}

/// The rows of the review table as HTML, written straight into one string
/// (what `review.html` used to loop over: a minijinja loop per segment cost
/// more than everything else on the page).
fn rows_html(
    article: &Article,
    by_segment: &BySegment,
    sources: &Sources,
    mut out: String,
) -> String {
    let mut escaped_id = String::new();
    for (n, s) in article.segments.iter().enumerate() {
        let id = s.id.as_str();
        let found = found_for(by_segment, n);
        escaped_id.clear();
        push_escaped(&mut escaped_id, id);
        out.push_str("<tr id=\"s-");
        push_decimal(&mut out, n + 1);
        out.push_str("\" data-id=\"");
        out.push_str(&escaped_id);
        out.push_str("\" data-codes=\"");
        if !found.is_empty() {
            push_escaped(&mut out, &codes(found));
            out.push_str("\" class=\"has-findings");
        }
        out.push_str("\"><td><code>");
        out.push_str(&escaped_id);
        out.push_str("</code></td><td lang=\"en\" dir=\"ltr\">");
        out.push_str(sources.get(n));
        out.push_str("</td><td>");
        out.push_str(sources.side(n, Side::Target));
        out.push_str("</td><td>");
        if !found.is_empty() {
            out.push_str("<ul class=\"findings\">");
            for d in found {
                out.push_str("<li class=\"finding sev-");
                push_escaped(&mut out, d.severity.as_str());
                out.push_str("\"><code>");
                push_escaped(&mut out, d.code.as_str());
                out.push_str("</code> ");
                push_escaped(&mut out, &d.message);
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
        out.push_str("</td></tr>\n");
    }
    out
}

/// Appends `n` in decimal (without `format!`'s machinery: once per row).
fn push_decimal(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        if let Some(d) = digits.get_mut(start) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || start == 0 {
            break;
        }
    }
    for &d in digits.get(start..).unwrap_or_default() {
        out.push(char::from(d));
    }
}

impl Renderer {
    /// The review page of one article.
    pub(super) fn review_page(
        &self,
        entry: &Entry,
        article: &Article,
        findings: &[Diagnostic],
        sources: &Sources,
    ) -> Result<Page> {
        let tag = article.locale.as_str();
        let page_dir = page_url(&article.locale.url_segment(), &article.slug);
        let dir = format!("review/{page_dir}");
        let root = root_prefix(&dir);
        let (by_segment, file_findings) = by_segment(article, findings);
        let segments = self
            .templates
            .uses("review.html", "page.segments")
            .then(|| rows(article, &by_segment));
        let title = page_title(entry, article);
        let heading = self.i18n.format_with(tag, "review-title", "title", &title);
        let view = ReviewView {
            heading: heading.clone(),
            title: &title,
            article_href: format!("{root}{page_dir}"),
            status_href: format!("{root}review/{}/", article.locale.url_segment()),
            codes: findings.iter().map(|d| d.code.as_str()).collect(),
            file_findings,
            rows: Markup::value(rows_html(
                article,
                &by_segment,
                sources,
                templates::buffer(),
            )),
            segments,
        };
        let layout = self.bare_layout(tag, &dir, &heading, "");
        let hint = Markup::len(&view.rows) + 8192;
        let rows = view.rows.clone();
        let bytes = self.templates.render_page(
            "review.html",
            context! { layout, page => view, ui => self.labels_value(tag) },
            hint,
        )?;
        drop(view); // it holds the rows too (see `article_page`)
        if let Some(rows) = Markup::take(rows) {
            templates::recycle(rows);
        }
        Ok(Page {
            path: format!("{dir}index.html"),
            bytes,
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_like_format() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, usize::MAX] {
            let mut out = String::from("s-");
            push_decimal(&mut out, n);
            assert_eq!(out, format!("s-{n}"));
        }
    }
}
