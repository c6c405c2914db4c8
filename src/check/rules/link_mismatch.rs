//! `link-mismatch` (warning): a link or image URL of the source is missing
//! from the translation, or the translation adds one. A URL written as text
//! outside a link (`Visit https://aka.ms/x.`) counts as one. Relative `.md` links
//! and `#anchors` count; `/en-us/` locale folders in URLs are ignored, since
//! translations point at their own locale's pages, and so are query
//! parameters that name a locale (`&clcid=0x412` on an fwlink, `mkt=`,
//! `setlang=`).
//!
//! A link of the translation with no words (`Windows[](https://…)更新`,
//! machine translation moved them out) is reported too: the page has it,
//! but no reader can see or follow it.
//!
//! Why: a lost link is a lost navigation path; a changed one often points at
//! a page that does not exist in the locale.
//! Example: source `[dashboard](https://partner.microsoft.com/dashboard)`,
//! target with the link text but no link. Fix: restore the source's URL.

use super::{at_segment, lost_and_added, Context};
use crate::check::rules::code_mismatch::difference;
use crate::check::scan::Scanned;
use crate::diag::{Code, Diagnostic};
use crate::model::{Locale, Segment};

/// Compares the URLs of source and target as multisets, and reports the
/// links of the translation that lost their text.
pub fn check(cx: &Context, seg: &Segment, sides: &Scanned, out: &mut Vec<Diagnostic>) {
    if sides.target.empty_links.len() > sides.source.empty_links.len() {
        let hidden = difference(&sides.target.empty_links, &sides.source.empty_links);
        out.push(
            at_segment(
                cx.article,
                seg,
                Code::LinkMismatch,
                format!(
                    "segment `{}` has a link with no text, which the page can't show: {}",
                    seg.id,
                    quoted(&hidden)
                ),
            )
            .with_hint("put the link's words back between its brackets, as the source has them"),
        );
    }
    // Equal URLs (the scans sort them) are equal once normalized too.
    let (source, target) = (&sides.source.urls, &sides.target.urls);
    if source == target {
        return;
    }
    let mut source: Vec<String> = source.iter().copied().map(normalize).collect();
    let mut target: Vec<String> = target.iter().copied().map(normalize).collect();
    source.sort();
    target.sort();
    if source == target {
        return;
    }
    let missing = difference(&source, &target);
    let added = difference(&target, &source);
    let change = lost_and_added(&quoted(&missing), &quoted(&added));
    out.push(
        at_segment(
            cx.article,
            seg,
            Code::LinkMismatch,
            format!("segment `{}` changes links: {}", seg.id, change),
        )
        .with_hint("keep every link of the source, with the same target"),
    );
}

fn quoted(urls: &[&str]) -> String {
    urls.iter()
        .map(|u| format!("`{u}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Query parameters that only choose the page's language.
const LOCALE_PARAMS: &[&str] = &[
    "clcid",
    "culture",
    "lang",
    "language",
    "locale",
    "mkt",
    "setlang",
    "ui-locales",
];

/// Drops a `/xx-yy/` locale folder, the query parameters that name a
/// locale ([`LOCALE_PARAMS`]) and a trailing slash.
fn normalize(url: &str) -> String {
    let url = url.trim();
    let (url, fragment) = url
        .split_once('#')
        .map_or((url, None), |(u, f)| (u, Some(f)));
    let (url, query) = url
        .split_once('?')
        .map_or((url, None), |(u, q)| (u, Some(q)));
    let kept: Vec<&str> = query
        .unwrap_or_default()
        .split('&')
        .filter(|p| {
            let name = p.split_once('=').map_or(*p, |(n, _)| n);
            !p.is_empty() && !LOCALE_PARAMS.iter().any(|l| l.eq_ignore_ascii_case(name))
        })
        .collect();
    // A slash that ends the whole URL is dropped, not one before `?` or `#`.
    let mut out = normalize_path(url, kept.is_empty() && fragment.is_none());
    if !kept.is_empty() {
        out.push('?');
        out.push_str(&kept.join("&"));
    }
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
    out
}

/// [`normalize`] of the part before any `?` or `#`; `trim` drops a
/// trailing slash.
fn normalize_path(url: &str, trim: bool) -> String {
    let mut out = String::with_capacity(url.len());
    let mut parts = url.split('/').peekable();
    let mut first = true;
    while let Some(part) = parts.next() {
        let last = parts.peek().is_none();
        if !first && !last && Locale::is_url_folder(part) {
            continue;
        }
        if !first {
            out.push('/');
        }
        out.push_str(part);
        first = false;
    }
    while trim && out.len() > 1 && out.ends_with('/') && !out.ends_with("//") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn ignores_locale_folders() {
        assert_eq!(
            normalize("https://docs.microsoft.com/en-us/partner-center/"),
            "https://docs.microsoft.com/partner-center"
        );
        assert_eq!(
            normalize("https://docs.microsoft.com/ko-kr/partner-center"),
            "https://docs.microsoft.com/partner-center"
        );
        assert_eq!(
            normalize("technical-benefits.md#anchor"),
            "technical-benefits.md#anchor"
        );
    }

    #[test]
    fn ignores_query_parameters_that_name_a_locale() {
        let fwlink = "https://go.microsoft.com/fwlink/?linkid=123";
        assert_eq!(
            normalize(&format!("{fwlink}&clcid=0x412")),
            normalize(fwlink)
        );
        assert_eq!(normalize(fwlink), fwlink);
        assert_eq!(
            normalize("https://example.com/a?mkt=ko-kr#top"),
            "https://example.com/a#top"
        );
        assert_eq!(
            normalize("https://example.com/a?id=1&SetLang=ko&b=2"),
            "https://example.com/a?id=1&b=2"
        );
        assert_eq!(
            normalize("https://x.com/a/?clcid=0x412"),
            normalize("https://x.com/a/")
        );
        assert_ne!(normalize("x?id=1"), normalize("x?id=2"));
    }
}
