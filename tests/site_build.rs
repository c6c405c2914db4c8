//! `locdoc build` on the bundled content: snapshots of the technical-support
//! pages, a link check over the whole site, identical bytes across runs and
//! thread counts, and the output layout the issue asks for.

mod site_support;

use std::path::Path;

use scraper::{Html, Selector};
use site_support::{build_into, repo, tree};

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    build_into(&repo().join("content"), tmp.path());
    let out = tmp.path().join("public");
    (tmp, out)
}

#[test]
fn writes_every_page_the_issue_lists() {
    let (_tmp, out) = built();
    for path in [
        "index.html",
        "sitemap.xml",
        "assets/site.css",
        "en-us/index.html",
        "en-us/mpn-benefits-technical-support/index.html",
        "en-us/manage-your-partner-network-benefits/index.html",
        "ko-kr/index.html",
        "ko-kr/mpn-benefits-technical-support/index.html",
        "ru-ru/mpn-benefits-technical-support/index.html",
        "hu-hu/mpn-benefits-technical-support/index.html",
        "review/ko-kr/index.html",
        "review/ko-kr/mpn-benefits-technical-support/index.html",
    ] {
        assert!(out.join(path).is_file(), "missing `{path}`");
    }
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains(r#"<xhtml:link rel="alternate" hreflang="ko-KR" href="http://localhost/ko-kr/mpn-benefits-technical-support/"/>"#));
}

#[test]
fn snapshots_of_the_korean_and_english_pages() {
    let (_tmp, out) = built();
    let ko = std::fs::read_to_string(out.join("ko-kr/mpn-benefits-technical-support/index.html"))
        .unwrap();
    let en = std::fs::read_to_string(out.join("en-us/mpn-benefits-technical-support/index.html"))
        .unwrap();
    insta::assert_snapshot!("ko_kr_technical_support", ko);
    insta::assert_snapshot!("en_us_technical_support", en);
}

#[test]
fn english_page_comes_from_the_newest_source_and_old_translations_say_so() {
    let (_tmp, out) = built();
    let en = std::fs::read_to_string(out.join("en-us/mpn-benefits-technical-support/index.html"))
        .unwrap();
    let ko = std::fs::read_to_string(out.join("ko-kr/mpn-benefits-technical-support/index.html"))
        .unwrap();
    let hu = std::fs::read_to_string(out.join("hu-hu/mpn-benefits-technical-support/index.html"))
        .unwrap();
    // hu-HU translates the newest English source (handed off 06/07/2021).
    assert!(ko.contains("notice-outdated") && !hu.contains("notice-outdated"));
    assert!(en.contains("<html lang=\"en-US\" dir=\"ltr\">") && !en.contains("class=\"src\""));
    assert!(ko.contains("class=\"seg\" tabindex=\"0\"") && ko.contains("notice-mt"));
    assert!(ko.contains("application/ld+json") && ko.contains("\"HowTo\""));
}

#[test]
fn every_internal_link_resolves() {
    let (_tmp, out) = built();
    let files = tree(&out);
    let refs = Selector::parse("a[href], link[href], img[src], script[src]").unwrap();
    let mut checked = 0;
    for (rel, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let page = Html::parse_document(std::str::from_utf8(bytes).unwrap());
        let dir = Path::new(rel).parent().unwrap_or(Path::new(""));
        for el in page.select(&refs) {
            let v = el.value();
            if v.classes().any(|c| c == "broken-link") {
                continue; // reported as `broken-link`
            }
            let url = v.attr("href").or(v.attr("src")).unwrap();
            if url.contains(':') || url.starts_with('/') {
                continue;
            }
            let (path, fragment) = url.split_once('#').unwrap_or((url, ""));
            let target = if path.is_empty() {
                rel.clone()
            } else {
                resolve(dir, path)
            };
            assert!(
                files.contains_key(&target),
                "`{rel}` links to `{url}` (`{target}`), which is not in the site"
            );
            if !fragment.is_empty() {
                let html = std::str::from_utf8(&files[&target]).unwrap();
                assert!(
                    html.contains(&format!("id=\"{fragment}\"")),
                    "`{rel}`: no id `{fragment}` in `{target}`"
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} links checked");
}

fn resolve(dir: &Path, path: &str) -> String {
    let mut parts: Vec<String> = dir
        .iter()
        .map(|c| c.to_string_lossy().into_owned())
        .collect();
    for p in path.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p.to_string()),
        }
    }
    let mut joined = parts.join("/");
    if path.ends_with('/') {
        joined.push_str("/index.html");
    }
    joined
}

#[test]
fn two_builds_are_byte_identical_across_thread_counts() {
    let (_a, first) = built();
    let tmp = tempfile::tempdir().unwrap();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    pool.install(|| build_into(&repo().join("content"), tmp.path()));
    let second = tree(&tmp.path().join("public"));
    let first = tree(&first);
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &first {
        assert!(
            second.get(path) == Some(bytes),
            "`{path}` differs between builds"
        );
    }
}

#[test]
fn broken_links_and_missing_images_are_reported_once() {
    let tmp = tempfile::tempdir().unwrap();
    let outcome = build_into(&repo().join("content"), tmp.path());
    let codes: Vec<&str> = outcome
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    assert!(
        codes.contains(&"broken-link") && codes.contains(&"missing-asset"),
        "{codes:?}"
    );
    let mut sorted = outcome.diagnostics.clone();
    sorted.dedup();
    assert_eq!(sorted.len(), outcome.diagnostics.len());
    // Each names the line of the block it is in, as `check` does.
    let image = outcome
        .diagnostics
        .iter()
        .find(|d| d.message.contains("images/benefits/azuretab.png"))
        .unwrap();
    assert_eq!(
        (image.file.as_str(), image.line, image.column),
        ("ko-KR/manage-your-partner-network-benefits.md", 66, 1)
    );
    assert!(
        outcome.diagnostics.iter().all(|d| d.line > 0),
        "{:?}",
        outcome.diagnostics
    );
    let page = std::fs::read_to_string(
        tmp.path()
            .join("public/ko-kr/manage-your-partner-network-benefits/index.html"),
    )
    .unwrap();
    assert!(page.contains("<span class=\"missing-image\">Azure 및 클라우드 제품 탭</span>"));
}

#[test]
fn entitlement_tables_come_from_extracted_data_in_every_locale() {
    let (_tmp, out) = built();
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("entitlements.json")).unwrap()).unwrap();
    let schema: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("entitlements.schema.json")).unwrap())
            .unwrap();
    assert!(
        jsonschema::is_valid(&schema, &json),
        "entitlements.json does not match its schema"
    );
    let shape = |locale: &str| {
        let html = std::fs::read_to_string(out.join(format!(
            "{locale}/mpn-benefits-technical-support/index.html"
        )))
        .unwrap();
        let page = Html::parse_document(&html);
        let rows = Selector::parse("article.col-target table.entitlements tr").unwrap();
        let cells = Selector::parse("th, td").unwrap();
        page.select(&rows)
            .map(|r| r.select(&cells).count())
            .collect::<Vec<_>>()
    };
    let english = shape("en-us");
    assert_eq!(english, vec![4, 4, 4], "header + two benefits, three tiers");
    for locale in ["ko-kr", "ru-ru", "hu-hu"] {
        assert_eq!(shape(locale), english, "{locale}");
    }
}
