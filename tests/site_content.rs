//! `locdoc build` on small fixture trees: right-to-left locales, images,
//! link fallback to English, hostile content (OWASP XSS vectors) and the
//! command's exit codes.

mod site_support;

use std::process::Command;

use scraper::{Html, Selector};
use site_support::{build_into, repo, seg, tree, write_article, Site};

#[test]
fn rtl_locale_gets_dir_rtl_images_and_english_fallback_links() {
    let tmp = tempfile::tempdir().unwrap();
    let outcome = build_into(&repo().join("tests/fixtures/site/rtl"), tmp.path());
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let out = tmp.path().join("public");
    let ar = std::fs::read_to_string(out.join("ar-sa/rtl-sample/index.html")).unwrap();
    assert!(ar.contains("<html lang=\"ar-SA\" dir=\"rtl\">"));
    assert!(
        ar.contains("<img src=\"../../media/ar-SA/images/pic.png\" alt=\"لقطة شاشة\""),
        "{ar}"
    );
    assert!(out.join("media/ar-SA/images/pic.png").is_file());
    // ar-SA lacks `other`: the link falls back to the English page.
    assert!(ar.contains("href=\"../../en-us/other/#details\""));
    assert!(ar.contains("class=\"callout callout-tip\"") && ar.contains("تلميح"));
    let en = std::fs::read_to_string(out.join("en-us/rtl-sample/index.html")).unwrap();
    assert!(en.contains("<html lang=\"en-US\" dir=\"ltr\">") && en.contains("Follow these steps."));
}

/// `<xref:…>` is a URI scheme, so any case: the page shows the name the
/// checks compare, not a link browsers cannot follow. A cross reference
/// with its own text (`[chaîne](xref:System.String)`) shows that text,
/// and is no broken link: DocFX resolves it where the site cannot.
#[test]
fn a_cross_reference_in_any_case_shows_its_name() {
    let site = Site::new();
    let text = format!(
        "---\ntitle: t\n---\n{} {} {}\n",
        seg(
            "986a5-101",
            "<xref:System.String> 사용",
            "Use <xref:System.String>"
        ),
        seg(
            "986a5-102",
            "<XREF:System.Int32> 사용",
            "Use <Xref:System.Int32>"
        ),
        seg(
            "986a5-103",
            "[문자열 형식](xref:System.String)",
            "[string type](xref:System.String)"
        ),
    );
    site.article("ko-KR", "a", &text);
    let outcome = site.build();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let page = site.page("ko-kr/a/index.html");
    assert!(page.contains("문자열 형식"), "{page}");
    assert!(page.contains("<code>System.String</code>"), "{page}");
    assert!(page.contains("<code>System.Int32</code>"), "{page}");
    assert!(
        !page.to_ascii_lowercase().contains("href=\"xref:"),
        "{page}"
    );
}

/// A cross reference to a uid an article of the tree declares in its
/// front matter (`uid: partner.benefits`) links to that article's page,
/// in the page's locale; an API's uid (no article) stays text.
#[test]
fn a_cross_reference_to_an_article_links_to_its_page() {
    let site = Site::new();
    site.article(
        "ko-KR",
        "benefits",
        &format!(
            "---\ntitle: t\nuid: partner.benefits\n---\n{}\n",
            seg("986a5-101", "혜택", "Benefits")
        ),
    );
    let text = format!(
        "---\ntitle: t\n---\n{} {} {}\n",
        seg(
            "986a5-101",
            "[혜택 보기](xref:partner.benefits)",
            "[See benefits](xref:partner.benefits)"
        ),
        seg(
            "986a5-102",
            "<xref:partner.benefits> 참조",
            "See <xref:partner.benefits>"
        ),
        seg(
            "986a5-103",
            "<xref:System.String> 사용",
            "Use <xref:System.String>"
        ),
    );
    site.article("ko-KR", "a", &text);
    let outcome = site.build();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let page = site.page("ko-kr/a/index.html");
    assert!(
        page.contains("<a href=\"../../ko-kr/benefits/\">혜택 보기</a>"),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"../../ko-kr/benefits/\"><code>partner.benefits</code></a>"),
        "{page}"
    );
    assert!(page.contains("<code>System.String</code>"), "{page}");
    assert!(!page.contains("href=\"xref:"), "{page}");
}

/// Anchors written as raw HTML of their own, self-closing or in a block
/// (`<a name="x"/>`, `<span id="x" />`, `<div id="x">`), are where links
/// lead even though the cleaner keeps no ids.
#[test]
fn anchors_in_raw_html_are_link_targets() {
    let site = Site::new();
    let links = seg(
        "986a5-101",
        "[가](#one), [나](#two), [다](#three), [라](#four)",
        "[a](#one), [b](#two), [c](#three), [d](#four)",
    );
    let text = format!(
        "---\ntitle: t\n---\n{links}\n\n<a name=\"one\"/>\n\n<span id=\"two\" />\n## {}\n\n<div id=\"three\">\n\n{} <a name=\"four\"/>\n\n</div>\n",
        seg("986a5-102", "둘", "Two"),
        seg("986a5-103", "셋", "Three"),
    );
    site.article("ko-KR", "a", &text);
    let outcome = site.build();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let page = site.page("ko-kr/a/index.html");
    for id in ["one", "two", "three", "four"] {
        assert_eq!(
            page.matches(&format!("id=\"{id}\"")).count(),
            1,
            "{id}: {page}"
        );
    }
}

/// OWASP XSS filter evasion vectors (a representative subset).
const VECTORS: &[&str] = &[
    "<script>alert(1)</script>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "<body onload=alert(1)>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "\"><script>alert(1)</script>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<object data=\"javascript:alert(1)\"></object>",
    "</script><script>alert(1)</script>",
];

/// URLs a link or image must not keep.
const URLS: &[&str] = &[
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java%0ascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "&#x6A;avascript:alert(1)",
];

fn hostile_article() -> String {
    let title = VECTORS.join(" ").replace('\'', "''");
    let mut body = format!(
        "---\ntitle: '{title}'\ndescription: '{title}'\nms.translationtype: MT\nms.contentlocale: ko-KR\n---\n# {}\n\n",
        seg("abcde-101", "<script>alert(1)</script>", "<b onclick=alert(1)>x</b>")
    );
    let mut n = 102;
    for v in VECTORS {
        body.push_str(&format!("{}\n\n{v}\n\n", seg(&format!("abcde-{n}"), v, v)));
        n += 1;
    }
    for u in URLS {
        let link = format!("[click]({u}) ![img]({u}) <{u}>");
        body.push_str(&format!("{}\n\n", seg(&format!("abcde-{n}"), &link, &link)));
        n += 1;
    }
    body.push_str("1. step <script>alert(1)</script> </script><script>alert(2)</script>\n");
    body
}

#[test]
fn no_xss_vector_reaches_a_page_as_active_content() {
    let site = Site::new();
    site.article("ko-KR", "xss", &hostile_article());
    let outcome = site.build();
    // Each refused URL is named in a warning, not dropped in silence.
    let refused = outcome
        .diagnostics
        .iter()
        .filter(|d| {
            d.code.as_str() == "broken-link" && d.message.contains("may not use its scheme")
        })
        .count();
    assert!(refused >= URLS.len(), "{:?}", outcome.diagnostics);
    let all = Selector::parse("*").unwrap();
    let mut pages = 0;
    for (path, bytes) in tree(&site.out())
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
    {
        let page = Html::parse_document(std::str::from_utf8(bytes).unwrap());
        for el in page.select(&all) {
            let v = el.value();
            match v.name() {
                "script" => {
                    let ok = v.attr("type") == Some("application/ld+json")
                        || v.attr("src").is_some_and(|s| s.ends_with("assets/site.js"));
                    assert!(
                        ok && (v.attr("src").is_some() || el.text().all(|t| !t.contains('<'))),
                        "`{path}`: active script {}",
                        el.html()
                    );
                }
                // `<details>` may stay (a disclosure); its `ontoggle` may not,
                // as no `on…` attribute may (below).
                "iframe" | "object" | "embed" | "svg" | "math" | "style" | "input" | "body"
                    if v.name() != "body" || v.attrs().count() > 0 =>
                {
                    panic!("`{path}`: element `{}` from the content survived", v.name())
                }
                _ => {}
            }
            for (name, value) in v.attrs() {
                assert!(
                    !name.to_ascii_lowercase().starts_with("on"),
                    "`{path}`: event handler `{name}` survived"
                );
                let value: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if matches!(
                    name,
                    "href" | "src" | "action" | "formaction" | "data" | "style"
                ) {
                    for bad in ["javascript:", "vbscript:", "data:"] {
                        assert!(!value.contains(bad), "`{path}`: `{name}={value}` survived");
                    }
                }
            }
        }
        pages += 1;
    }
    assert!(pages >= 5);
}

fn locdoc(args: &[&str], dir: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_locdoc"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

#[test]
fn cli_exit_codes_and_summary() {
    let tmp = tempfile::tempdir().unwrap();
    let fixture = repo().join("tests/fixtures/site/rtl");
    let out = tmp.path().join("site");
    let run = locdoc(
        &[
            "build",
            "--content",
            fixture.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        tmp.path(),
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("built ") && stderr.contains("ar-sa 2"),
        "{stderr}"
    );
    assert!(run.stdout.is_empty());
    let missing = locdoc(&["build", "--content", "nope"], tmp.path());
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("`nope`"));
    // A broken template is fatal too.
    std::fs::create_dir_all(tmp.path().join("templates")).unwrap();
    std::fs::write(tmp.path().join("templates/base.html"), "{% block main %}").unwrap();
    let content = tmp.path().join("content");
    write_article(
        &content,
        "ko-KR",
        "a",
        &format!("---\ntitle: a\n---\n{}\n", seg("abcde-101", "가", "a")),
    );
    let broken = locdoc(&["build"], tmp.path());
    assert_eq!(
        broken.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&broken.stderr)
    );
    assert!(String::from_utf8_lossy(&broken.stderr).contains("base.html"));
}

#[test]
fn project_templates_override_the_defaults() {
    let site = Site::new();
    site.article(
        "ko-KR",
        "a",
        &format!("---\ntitle: a\n---\n{}\n", seg("abcde-101", "가", "a")),
    );
    site.write("templates/locale.html", "custom {{ page.count }}");
    site.write(
        "locdoc.toml",
        "[site]\ntitle = \"My docs\"\n[check]\nx = 1\n",
    );
    site.build();
    let index = site.page("ko-kr/index.html");
    assert_eq!(index, "custom 문서 1개");
    let page = site.page("ko-kr/a/index.html");
    assert!(page.contains("<title>a – My docs</title>"));
}

#[test]
fn odd_articles_still_build() {
    let site = Site::new();
    site.article("ko-KR", "empty", "");
    site.article(
        "ko-KR",
        "no-front",
        "# 제목\n\n본문 [x](../../../../etc/passwd) ![i](../../../x.png)\n",
    );
    site.article(
        "ko-KR",
        "sub/nested",
        &format!(
            "---\ntitle: n\n---\n## {}\n## {}\n\n[up](../empty.md#top)\n",
            seg("abcde-101", "가", "A"),
            seg("abcde-102", "나", "B")
        ),
    );
    site.article(
        "ru-RU",
        "deep",
        &format!(
            "---\ntitle: d\n---\n{}\n",
            "- a\n  - b\n    1. c\n       > [!WARNING]\n       > d\n".repeat(3)
        ),
    );
    site.write("content/ko-KR/images/a b#c.png", b"png");
    site.article(
        "ko-KR",
        "spaces",
        "---\ntitle: s\n---\n![alt](images/a%20b%23c.png)\n",
    );
    site.write("content/ko-KR/binary.md", b"\xff\xfe\x00bad");
    let outcome = site.build();
    let out = site.out();
    for page in [
        "ko-kr/empty/index.html",
        "ko-kr/no-front/index.html",
        "ko-kr/sub/nested/index.html",
        "ru-ru/deep/index.html",
    ] {
        assert!(out.join(page).is_file(), "missing `{page}`");
    }
    let nested = site.page("ko-kr/sub/nested/index.html");
    assert!(
        nested.contains("href=\"../../../ko-kr/empty/#top\""),
        "{nested}"
    );
    let spaces = site.page("ko-kr/spaces/index.html");
    assert!(
        spaces.contains("src=\"../../media/ko-KR/images/a%20b%23c.png\"")
            && out.join("media/ko-KR/images/a b#c.png").is_file()
    );
    assert!(
        outcome.content.errors > 0,
        "the binary file is an `unreadable` error"
    );
    assert!(outcome
        .diagnostics
        .iter()
        .any(|d| d.code.as_str() == "missing-asset"));
}

/// Real articles of some doc sets have no `title`: the page takes the
/// translation of the first heading, and `check` finds nothing wrong.
#[test]
fn a_missing_title_comes_from_the_first_heading() {
    let site = Site::new();
    site.article(
        "ar-SA",
        "fifo",
        &format!(
            "---\nms.contentlocale: ar-SA\nms.translationtype: HT\n---\n# {}\n\n{}\n",
            seg("4dbec-101", "السيناريو", "Scenario"),
            seg("4dbec-102", "نص", "Text")
        ),
    );
    let outcome = site.build();
    assert_eq!(outcome.content.errors, 0);
    let page = site.page("ar-sa/fifo/index.html");
    assert!(page.contains("<title>السيناريو"), "{page}");
    let index = site.page("ar-sa/index.html");
    assert!(index.contains("السيناريو"), "{index}");
    let english = site.page("en-us/fifo/index.html");
    assert!(english.contains("<title>Scenario"), "{english}");
}

/// Localized articles translate an image's alt text as a segment of its
/// own (`![<span data-ttu-id…>…](a.png)`): each page shows it on its side,
/// as the alt of the image or, when the file is missing, in its place.
#[test]
fn an_image_alt_that_is_a_segment_is_shown_in_each_language() {
    let site = Site::new();
    site.write("content/ko-KR/media/portal.png", b"png");
    site.article(
        "ko-KR",
        "alt",
        &format!(
            "---\ntitle: t\n---\n![{}](media/portal.png)\n\n![{}](media/gone.png)\n\n![](media/no-alt.png)\n\n![포털](media/portal.png) ![배터리](media/battery.png)\n",
            seg("abcde-101", "포털 스크린샷", "Screenshot of the portal"),
            seg("abcde-102", "로그인 화면", "Sign-in screen")
        ),
    );
    let outcome = site.build();
    assert_eq!(outcome.content.errors, 0);
    let ko = site.page("ko-kr/alt/index.html");
    assert!(ko.contains("alt=\"포털 스크린샷\""), "{ko}");
    assert!(
        ko.contains("<span class=\"missing-image\">로그인 화면</span>"),
        "{ko}"
    );
    // A missing image without alt text (real th-TH Power BI articles)
    // shows its file's name rather than nothing.
    assert!(
        ko.contains("<span class=\"missing-image\">no-alt.png</span>"),
        "{ko}"
    );
    let en = site.page("en-us/alt/index.html");
    assert!(en.contains("alt=\"Screenshot of the portal\""), "{en}");
    assert!(
        en.contains("<span class=\"missing-image\">Sign-in screen</span>"),
        "{en}"
    );
    // Alt text translated outside any pair (vi-VN, pt-BR Windows and Teams
    // articles) is the file's words: the English page says which language.
    assert!(ko.contains("alt=\"포털\" loading"), "{ko}");
    assert!(en.contains("alt=\"포털\" lang=\"ko-KR\""), "{en}");
    assert!(
        en.contains("<span class=\"missing-image\" lang=\"ko-KR\">배터리</span>"),
        "{en}"
    );
}

/// DocFX tabs (`#### [Title](#tab/id)` … `* * *`) become titled sections,
/// one below the other, and a `> [!div class="…"]` quote a `<div>` of that
/// class: no `#tab/` link that leads nowhere, no marker left as text.
#[test]
fn docfx_tabs_and_div_quotes_render_as_sections() {
    let site = Site::new();
    let body = format!(
        "---\ntitle: t\n---\n## {}\n\n#### [{}](#tab/workspaces)\n\n{}\n\n#### [{}](#tab/current)\n\n{}\n\n* * *\n\n{}\n\n> [!div class=\"nextstepaction\"]\n> [{}](next.md)\n",
        seg("abcde-101", "개요", "Overview"),
        seg("abcde-102", "작업 영역 보기", "Workspaces view"),
        seg("abcde-103", "첫 번째 탭.", "First tab."),
        seg("abcde-104", "현재 보기", "Current view"),
        seg("abcde-105", "두 번째 탭.", "Second tab."),
        seg("abcde-106", "탭 다음.", "After the tabs."),
        seg("abcde-107", "다음 단계", "Next step"),
    );
    site.article("ko-KR", "tabs", &body);
    site.article("ko-KR", "next", "---\ntitle: n\n---\n다음\n");
    let outcome = site.build();
    assert_eq!(outcome.content.errors, 0);
    let page = site.page("ko-kr/tabs/index.html");
    let html = Html::parse_document(&page);
    let select = |s: &str| Selector::parse(s).unwrap();
    let titles: Vec<String> = html
        .select(&select(
            "main .col-target .tabs > section.tab > h3.tab-title",
        ))
        .map(|h| h.text().next().unwrap_or_default().to_string())
        .collect();
    assert_eq!(titles, ["작업 영역 보기", "현재 보기"], "{page}");
    let ids: Vec<&str> = html
        .select(&select("main .col-target section.tab"))
        .filter_map(|s| s.value().attr("id"))
        .collect();
    assert_eq!(ids, ["tab-workspaces", "tab-current"]);
    assert!(!page.contains("#tab/") && !page.contains("<hr>"), "{page}");
    // The text after the rule is outside the tabs.
    let after = html
        .select(&select("main .col-target > p"))
        .any(|p| p.text().any(|t| t.contains("탭 다음.")));
    assert!(after, "{page}");
    let next = html
        .select(&select("main .col-target div.nextstepaction a"))
        .next()
        .expect("the next-step link");
    assert_eq!(next.value().attr("href"), Some("../../ko-kr/next/"));
    assert!(!page.contains("[!div"), "{page}");
    let english = site.page("en-us/tabs/index.html");
    assert!(
        english.contains("<h3 class=\"tab-title\">Current view</h3>"),
        "{english}"
    );
}

/// `[!INCLUDE [t](path.md)]` shows the named file's body in its place, on
/// each page's side, nested includes too; a missing file, or one that
/// includes itself, is a `missing-asset` warning and shows nothing.
#[test]
fn an_include_shows_the_file_it_names_on_each_side() {
    let site = Site::new();
    site.article(
        "ko-KR",
        "host",
        &format!(
            "---\ntitle: h\n---\n{}\n\n[!INCLUDE [a](includes/a.md)]\n\n[!INCLUDE [gone](../includes/gone.md)]\n\n{}\n",
            seg("abcde-101", "처음.", "First."),
            seg("abcde-102", "끝.", "Last."),
        ),
    );
    site.article(
        "ko-KR",
        "includes/a",
        &format!(
            "{}\n\n[!INCLUDE [b](b.md)]\n",
            seg("bbbbb-101", "포함 A.", "Included A.")
        ),
    );
    site.article(
        "ko-KR",
        "includes/b",
        &format!(
            "1. {}\n\n[!INCLUDE [loop](a.md)]\n",
            seg("ccccc-101", "포함 B.", "Included B.")
        ),
    );
    let outcome = site.build();
    let ko = site.page("ko-kr/host/index.html");
    // In the body (the included steps are in the page's HowTo data too).
    let body = &ko[ko.find("<article").unwrap()..];
    let order: Vec<usize> = ["처음.", "포함 A.", "포함 B.", "끝."]
        .iter()
        .map(|s| body.find(s).unwrap_or_else(|| panic!("{s} in {ko}")))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{ko}");
    assert!(ko.contains("data-id=\"ccccc-101\""), "{ko}");
    let en = site.page("en-us/host/index.html");
    assert!(
        en.contains("Included A.") && en.contains("Included B."),
        "{en}"
    );
    let warned = |file: &str, text: &str| {
        outcome.diagnostics.iter().any(|d| {
            d.code.as_str() == "missing-asset" && d.file == file && d.message.contains(text)
        })
    };
    assert!(warned("ko-KR/host.md", "../includes/gone.md"));
    assert!(warned("ko-KR/includes/b.md", "forms a cycle"));
}

/// Include lines one under another (Microsoft Graph), a link around an
/// inline include (Business Central) and zone lines put in pairs (a Learn
/// unit) show as DocFX shows them.
#[test]
fn docfx_lines_in_odd_places_show_as_docfx_shows_them() {
    let site = Site::new();
    let zone = "::: zone pivot=\"csharp\"";
    site.article(
        "nb-NO",
        "host",
        &format!(
            "---\ntitle: h\n---\n{}\n\n[!INCLUDE [a](includes/a.md)]\n[!INCLUDE [b](includes/b.md)]\n\n{}\n\n{}\n\n{}\n",
            seg("abcde-101", zone, zone),
            seg(
                "abcde-102",
                "[Konfigurere [!INCLUDE[p](includes/p.md)]](other.md)",
                "[Setting Up [!INCLUDE[p](includes/p.md)]](other.md)"
            ),
            seg("abcde-103", "Tekst.", "Text."),
            seg("abcde-104", "::: zone-end", "::: zone-end"),
        ),
    );
    for (slug, text) in [("a", "Første."), ("b", "Andre."), ("p", "Business Central")] {
        site.article("nb-NO", &format!("includes/{slug}"), &format!("{text}\n"));
    }
    site.article(
        "nb-NO",
        "other",
        &format!(
            "---\ntitle: o\n---\n{}\n",
            seg("bcdef-101", "Annen.", "Other.")
        ),
    );
    let outcome = site.build();
    let page = site.page("nb-no/host/index.html");
    let body = &page[page.find("<article").unwrap()..];
    assert!(
        body.contains("Første.") && body.contains("Andre."),
        "{body}"
    );
    assert!(!body.contains(":::"), "{body}");
    let link = Selector::parse("a[href$=\"/other/\"]").unwrap();
    let doc = Html::parse_document(&page);
    let texts: Vec<String> = doc.select(&link).map(|a| a.text().collect()).collect();
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Konfigurere Business Central")),
        "{texts:?}"
    );
    assert!(
        !outcome
            .diagnostics
            .iter()
            .any(|d| d.file == "nb-NO/host.md"),
        "{:?}",
        outcome.diagnostics
    );
}

/// A list with blank lines between its items (SQL Server it-IT, Power
/// Automate sl-SI) is loose: every item's text is a paragraph, as
/// CommonMark renders it, not only the items with several blocks; a
/// tight list's items hold their text alone.
#[test]
fn loose_lists_have_paragraphs_in_every_item() {
    let site = Site::new();
    site.article(
        "it-IT",
        "steps",
        &format!(
            "---\ntitle: s\n---\n1. {}\n\n1. {}\n\n    {}\n\n1. {}\n\nText.\n\n- {}\n- {}\n",
            seg("abcde-101", "Uno.", "One."),
            seg("abcde-102", "Due.", "Two."),
            seg("abcde-103", "Nota.", "Note."),
            seg("abcde-104", "Tre.", "Three."),
            seg("abcde-105", "A.", "A."),
            seg("abcde-106", "B.", "B."),
        ),
    );
    site.build();
    let page = site.page("it-it/steps/index.html");
    let doc = Html::parse_document(&page);
    let items = Selector::parse("article ol > li").unwrap();
    let with_p: Vec<bool> = doc
        .select(&items)
        .map(|li| {
            li.children()
                .filter_map(scraper::ElementRef::wrap)
                .any(|c| c.value().name() == "p")
        })
        .collect();
    assert_eq!(with_p, [true, true, true], "{page}");
    let items = Selector::parse("article ul > li").unwrap();
    assert_eq!(doc.select(&items).count(), 2, "{page}");
    for li in doc.select(&items) {
        assert!(
            li.children()
                .filter_map(scraper::ElementRef::wrap)
                .all(|c| c.value().name() != "p"),
            "{page}"
        );
    }
}

/// A URL written as text is a link, as DocFX makes it (and as
/// `link-mismatch` compares it); inside a link it stays text.
#[test]
fn urls_written_as_text_are_links() {
    let site = Site::new();
    site.article(
        "ko-KR",
        "urls",
        &format!(
            "---\ntitle: u\n---\n{}\n\n{}\n",
            seg(
                "abcde-101",
                "자세한 내용은 https://aka.ms/abc를 참조하세요.",
                "See https://aka.ms/abc."
            ),
            seg(
                "abcde-102",
                "[https://aka.ms/x 사이트](https://aka.ms/x) 참조",
                "See [https://aka.ms/x site](https://aka.ms/x)"
            ),
        ),
    );
    site.build();
    let ko = site.page("ko-kr/urls/index.html");
    assert!(
        ko.contains(
            "자세한 내용은 <a href=\"https://aka.ms/abc\">https://aka.ms/abc</a>를 참조하세요."
        ),
        "{ko}"
    );
    assert!(
        ko.contains("<a href=\"https://aka.ms/x\">https://aka.ms/x 사이트</a>"),
        "{ko}"
    );
    let en = site.page("en-us/urls/index.html");
    assert!(
        en.contains("See <a href=\"https://aka.ms/abc\">https://aka.ms/abc</a>."),
        "{en}"
    );
}

/// `[!INCLUDE[label](path.md)]` inside a sentence (SQL Server and .NET
/// articles name their products so) shows the file's text in the
/// sentence, on both sides; a missing file shows its label and warns.
#[test]
fn an_include_inside_a_sentence_shows_the_file_text_in_place() {
    let site = Site::new();
    site.article(
        "ko-KR",
        "odbc",
        &format!(
            "---\ntitle: o\n---\n{} [!INCLUDE[ssVersion](includes/ver-md.md)]\n",
            seg(
                "abcde-101",
                "[!INCLUDE[ssNoVersion](includes/ssnoversion-md.md)] 네이티브 클라이언트.",
                "[!INCLUDE [ssNoVersion](includes/ssnoversion-md.md)] Native Client."
            ),
        ),
    );
    site.article("ko-KR", "includes/ssnoversion-md", "**SQL Server**\n");
    let outcome = site.build();
    let ko = site.page("ko-kr/odbc/index.html");
    let body = &ko[ko.find("<article").unwrap()..ko.find("</article>").unwrap()];
    assert!(
        body.contains("<strong>SQL Server</strong> 네이티브 클라이언트."),
        "{body}"
    );
    assert!(!body.contains("INCLUDE"), "{body}");
    assert!(body.contains("</span> ssVersion</p>"), "{body}");
    let en = site.page("en-us/odbc/index.html");
    assert!(
        en.contains("<p><strong>SQL Server</strong> Native Client. ssVersion</p>"),
        "{en}"
    );
    let warned: Vec<&str> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "missing-asset")
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        warned.iter().all(|m| m.contains("includes/ver-md.md")) && !warned.is_empty(),
        "{warned:?}"
    );
}

/// Includes that each include the next four times multiply; a page shows
/// at most 256 included files, and says once where it stopped.
#[test]
fn a_page_shows_at_most_256_included_files() {
    let site = Site::new();
    site.article(
        "ko-KR",
        "host",
        &format!(
            "---\ntitle: h\n---\n{}\n\n[!INCLUDE [n](includes/n0.md)]\n",
            seg("abcde-101", "처음.", "First.")
        ),
    );
    // 1 + 4 + 16 + 64 + 256 = 341 includes from n0 down.
    for depth in 0..5 {
        let next =
            format!("[!INCLUDE [n](n{}.md)]\n\n", depth + 1).repeat(if depth < 4 { 4 } else { 0 });
        let id = format!("{:05x}-101", 0xaaaa0 + depth);
        site.article(
            "ko-KR",
            &format!("includes/n{depth}"),
            &format!("{}\n\n{next}", seg(&id, "포함.", "Included.")),
        );
    }
    let outcome = site.build();
    let page = site.page("ko-kr/host/index.html");
    let body = &page[page.find("<article").unwrap()..];
    assert_eq!(body.matches("포함.").count(), 256);
    let stopped: Vec<_> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("the page includes 256 files already"))
        .collect();
    // Once for the host's page and once for n0's (340 files); n1's page
    // (84) shows all of its own.
    assert_eq!(stopped.len(), 2, "{stopped:?}");
}

/// `[!code-lang[…](file#…)]` shows the named lines of a source file of the
/// content tree as a code block; `[!VIDEO url]` a link to the video.
#[test]
fn code_snippets_and_videos_show_on_the_page() {
    let site = Site::new();
    site.write(
        "content/ko-KR/samples/Program.cs",
        "using System;\nclass P\n{\n    // <main>\n    static void Main() { }\n    // </main>\n}\n",
    );
    site.article(
        "ko-KR",
        "code",
        "---\ntitle: c\n---\n[!code-csharp[Main](samples/Program.cs#main)]\n\n[!code-csharp[All](samples/Program.cs?range=1-2)]\n\n[!code-js[Gone](samples/gone.js)]\n\n[!VIDEO https://www.youtube.com/embed/abc]\n\n[!VIDEO javascript:alert(1)]\n",
    );
    let outcome = site.build();
    let page = site.page("ko-kr/code/index.html");
    assert!(
        page.contains("<pre><code class=\"language-csharp\">static void Main() { }\n</code></pre>"),
        "{page}"
    );
    assert!(
        page.contains("<pre><code class=\"language-csharp\">using System;\nclass P\n</code></pre>"),
        "{page}"
    );
    assert!(page.contains("<a href=\"https://www.youtube.com/embed/abc\">"));
    assert!(!page.contains("javascript:"), "{page}");
    assert!(outcome
        .diagnostics
        .iter()
        .any(|d| d.code.as_str() == "missing-asset" && d.message.contains("samples/gone.js")));
}

/// An HTML table of sentences keeps its rows and cells on the page, each
/// segment in its cell; a segment inside an element the cleaner drops
/// still shows, after the block.
#[test]
fn an_html_table_of_segments_keeps_its_structure() {
    let site = Site::new();
    site.article(
        "ko-KR",
        "table",
        &format!(
            "---\ntitle: t\n---\n<table>\n<tr><th>{}</th><th>{}</th></tr>\n<tr><td>{}<br/>x &amp; y</td><td><b>{}</b></td></tr>\n</table>\n\n<div><script>{}</script></div>\n",
            seg("abcde-101", "이름", "Name"),
            seg("abcde-102", "설명", "Description"),
            seg("abcde-103", "첫째", "First"),
            seg("abcde-104", "둘째", "Second"),
            seg("abcde-105", "숨김", "Hidden"),
        ),
    );
    let outcome = site.build();
    assert_eq!(outcome.content.errors, 0);
    let page = site.page("ko-kr/table/index.html");
    let html = Html::parse_document(&page);
    let select = |s: &str| Selector::parse(s).unwrap();
    let cells: Vec<Vec<String>> = html
        .select(&select("main .col-target .raw table tr"))
        .map(|tr| {
            tr.select(&select("th, td"))
                .map(|c| {
                    c.select(&select(".seg"))
                        .map(|s| s.value().attr("data-id").unwrap().to_string())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect()
        })
        .collect();
    assert_eq!(
        cells,
        [["abcde-101", "abcde-102"], ["abcde-103", "abcde-104"]],
        "{page}"
    );
    assert!(page.contains("<br>x &amp; y</td>"), "{page}");
    assert!(
        !page.contains("<script>") && page.contains("data-id=\"abcde-105\""),
        "{page}"
    );
    let english = site.page("en-us/table/index.html");
    assert!(english.contains("<td><b>Second</b></td>"), "{english}");
}

/// Reference articles converted from HTML write a note in a cell as a
/// `<blockquote>` and a header file as `<dl><dt>`: both keep their
/// structure, without attributes; a `<dl><dt>` split around Markdown
/// leaves no empty block behind.
#[test]
fn html_blocks_keep_quotes_and_definition_lists() {
    let site = Site::new();
    site.article(
        "pt-BR",
        "levels",
        &format!(
            "---\ntitle: t\n---\n<table>\n<tr>\n<td>{}\n<blockquote style=\"x\">\n[!Note]<br />\n{}\n</blockquote>\n</td>\n<td><dl><dt>{}</dt><dd onclick=\"x()\">d</dd></dl></td>\n</tr>\n</table>\n\n<dl> <dt>\n\n[{}](https://example.com/)\n</dt> </dl>\n",
            seg("abcde-101", "IU completa", "Full UI"),
            seg("abcde-102", "As caixas modais", "Modal dialog boxes"),
            seg("abcde-103", "Cabeçalho", "Header"),
            seg("abcde-104", "Veja também", "See also"),
        ),
    );
    let outcome = site.build();
    assert_eq!(outcome.content.errors, 0);
    let page = site.page("pt-br/levels/index.html");
    let html = Html::parse_document(&page);
    let ids = |s: &str| -> Vec<String> {
        html.select(&Selector::parse(s).unwrap())
            .map(|e| e.value().attr("data-id").unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(".raw td blockquote .seg"), ["abcde-102"], "{page}");
    assert_eq!(ids(".raw td dl dt .seg"), ["abcde-103"], "{page}");
    assert!(
        page.contains("<blockquote>") && page.contains("<dd>d</dd>"),
        "{page}"
    );
    // The halves of a `<dl><dt>` around a Markdown link show nothing:
    // no empty raw block stands around the link.
    assert_eq!(ids(".col-target > p a .seg"), ["abcde-104"], "{page}");
    let raw = Selector::parse(".col-target .raw").unwrap();
    assert_eq!(html.select(&raw).count(), 1, "{page}");
}

/// Inline raw HTML comes one tag at a time: `<kbd>`, `<strong>` or
/// `<a href>` around text or a segment keeps its content inside; a
/// relative `<a href>` to an article leads to its page; a stray closing
/// tag is dropped, one left open closes with its paragraph.
#[test]
fn inline_html_tags_wrap_their_content() {
    let site = Site::new();
    site.article(
        "ko-KR",
        "other",
        &format!(
            "---\ntitle: o\n---\n<a id=\"x\"></a>{}\n",
            seg("abcde-101", "다른", "Other")
        ),
    );
    site.article(
        "ko-KR",
        "raw",
        &format!(
            "---\ntitle: r\n---\nPress <kbd>Ctrl</kbd>+<kbd>C</kbd> and <strong>{}</strong>.\n\n<a href=\"other.md#x\">{}</a> <a href=\"https://example.com/?a=1&amp;b=2\" onclick=\"x()\">ext</a> </em><b>open\n",
            seg("abcde-102", "굵게", "Bold"),
            seg("abcde-103", "링크", "Link"),
        ),
    );
    let outcome = site.build();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let page = site.page("ko-kr/raw/index.html");
    assert!(page.contains("Press <kbd>Ctrl</kbd>+<kbd>C</kbd> and <strong><span class=\"seg\" tabindex=\"0\" data-id=\"abcde-102\">굵게"), "{page}");
    // Nothing focusable inside a link: the source is the segment's title.
    assert!(page.contains("<a href=\"../../ko-kr/other/#x\"><span class=\"seg\" data-id=\"abcde-103\" title=\"Link\">링크</span></a>"), "{page}");
    assert!(
        page.contains("<a href=\"https://example.com/?a=1&amp;b=2\">ext</a> <b>open</b></p>"),
        "{page}"
    );
    let english = site.page("en-us/raw/index.html");
    assert!(english.contains("and <strong>Bold</strong>."), "{english}");
    assert!(
        english.contains("<a href=\"../../ko-kr/other/#x\">Link</a>")
            || english.contains("<a href=\"../../en-us/other/#x\">Link</a>"),
        "{english}"
    );
}

/// Every `#fragment` the pipeline writes has its target on the page: a
/// heading's anchor above it, an anchor inside a paragraph (`<a id>` or
/// `<span id>`), and a heading
/// without an anchor (its id spelled from its English); a link to an id
/// no element has is a warning. A comment leaves nothing on the page.
#[test]
fn anchors_of_every_kind_are_link_targets() {
    let site = Site::new();
    site.article(
        "ko-KR",
        "anchors",
        &format!(
            "---\ntitle: a\n---\n<a name=\"above\"></a>\n## {}\n\n<a id=\"inline\"></a>{}\n\n<span id=\"spanned\"></span>{}\n\n<!-- note to translators -->\n\n## {}\n\n[a](#above) [b](#inline) [c](#next-steps) [d](#nowhere) [e](#spanned)\n",
            seg("abcde-101", "위", "Above"),
            seg("abcde-102", "문장", "Sentence"),
            seg("abcde-104", "범위", "Span"),
            seg("abcde-103", "다음 단계", "Next steps"),
        ),
    );
    let outcome = site.build();
    // Only the link to an id no element has is reported, once, at its line.
    let found: Vec<_> = outcome
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.file.as_str(), d.line, d.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [(
            "broken-link",
            "ko-KR/anchors.md",
            15,
            "link to `#nowhere`: no heading or anchor of the page has that id"
        )]
    );
    for page in ["ko-kr/anchors/index.html", "en-us/anchors/index.html"] {
        let page = site.page(page);
        let html = Html::parse_document(&page);
        let select = |s: &str| Selector::parse(s).unwrap();
        for fragment in ["above", "inline", "spanned", "next-steps"] {
            let target = format!("main #{fragment}");
            assert_eq!(
                html.select(&select(&target)).count(),
                1,
                "{fragment}: {page}"
            );
            assert!(page.contains(&format!("href=\"#{fragment}\"")), "{page}");
        }
        assert_eq!(html.select(&select("main .raw")).count(), 0, "{page}");
    }
}

/// A `<details>` written across blocks (blank lines around its content)
/// is one disclosure: the summary's sentence in `<summary>` (a control, so
/// not a tab stop of its own), the blocks up to `</details>` inside it, on
/// the locale page and the English page alike.
#[test]
fn details_across_blocks_hold_their_content() {
    let site = Site::new();
    site.article(
        "ko-KR",
        "details",
        &format!(
            "---\ntitle: d\n---\n<details>\n<summary>{}</summary>\n\n{}\n\n- {}\n\n</details>\n\n{}\n",
            seg("abcde-101", "자세히", "Details"),
            seg("abcde-102", "숨은 문단.", "Hidden paragraph."),
            seg("abcde-103", "숨은 항목", "Hidden item"),
            seg("abcde-104", "바깥.", "Outside."),
        ),
    );
    let outcome = site.build();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let select = |s: &str| Selector::parse(s).unwrap();
    for (page, summary, inside) in [
        ("ko-kr/details/index.html", "자세히", "숨은 문단."),
        ("en-us/details/index.html", "Details", "Hidden paragraph."),
    ] {
        let text = site.page(page);
        let html = Html::parse_document(&text);
        let details: Vec<_> = html.select(&select("main details")).collect();
        assert_eq!(details.len(), 1, "{text}");
        let shown = |s: &str| {
            details[0]
                .select(&select(s))
                .map(|e| e.text().collect::<String>())
                .collect::<Vec<_>>()
        };
        assert_eq!(shown("summary"), [summary], "{text}");
        let paragraphs = shown("p");
        assert_eq!(paragraphs.len(), 1, "{text}");
        assert!(paragraphs[0].starts_with(inside), "{text}");
        assert_eq!(shown("li").len(), 1, "{text}");
        assert_eq!(
            html.select(&select("main details ~ p")).count(),
            1,
            "{text}"
        );
        assert!(!text.contains("&lt;/details"), "{text}");
    }
    let page = site.page("ko-kr/details/index.html");
    assert!(
        page.contains("<summary><span class=\"seg\" data-id=\"abcde-101\" title=\"Details\">자세히</span></summary>"),
        "{page}"
    );
}

/// A link to an element of another article's page is judged once every
/// page is rendered: against the page it leads to in the locale, or the
/// English page when the locale lacks the article. Each broken one is
/// reported once, at its line, in the file that has it.
#[test]
fn links_into_other_pages_name_an_element_they_have() {
    let site = Site::new();
    let target = |locale: &str, slug: &str| {
        let text = format!(
            "---\ntitle: t\n---\n<a name=\"named\"></a>\n## {}\n\n## {}\n",
            seg("abcde-101", "위", "Above"),
            seg("abcde-102", "다음 단계", "Next steps"),
        );
        site.article(locale, slug, &text);
    };
    target("ko-KR", "b");
    // Only in Russian: Korean pages link to its English page.
    target("ru-RU", "c");
    site.article(
        "ko-KR",
        "a",
        &format!(
            "---\ntitle: a\n---\n{}\n\n[1](b.md#named) [2](b.md#next-steps) [3](b.md#top) [4](b.md)\n\n[5](b.md#gone) [6](c.md#next-steps) [7](c.md#Next-Steps) [8](a.md#self)\n",
            seg("abcde-101", "문장", "Sentence"),
        ),
    );
    let outcome = site.build();
    let found: Vec<_> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "broken-link")
        .map(|d| (d.file.as_str(), d.line, d.column, d.message.as_str()))
        .collect();
    let message = |url: &str, id: &str| {
        format!("link to `{url}`: no heading or anchor of that article has the id `{id}`")
    };
    assert_eq!(
        found,
        [
            ("ko-KR/a.md", 8, 1, message("a.md#self", "self").as_str()),
            ("ko-KR/a.md", 8, 1, message("b.md#gone", "gone").as_str()),
            (
                "ko-KR/a.md",
                8,
                1,
                message("c.md#Next-Steps", "Next-Steps").as_str()
            ),
        ]
    );
    let page = site.page("ko-kr/a/index.html");
    assert!(
        page.contains("href=\"../../ko-kr/b/#next-steps\""),
        "{page}"
    );
    assert!(
        page.contains("href=\"../../en-us/c/#next-steps\""),
        "{page}"
    );
    assert!(page.contains("href=\"../../ko-kr/b/\""), "{page}");
}

/// A link's finding points at the sentence the link is in or around, as
/// `check` points at sentences, not at the first line of its block (a list
/// of links is one block); a link outside any sentence, at its block.
#[test]
fn link_findings_point_at_their_sentence() {
    let site = Site::new();
    site.article("ko-KR", "b", "---\ntitle: b\n---\n## B\n");
    site.article(
        "ko-KR",
        "a",
        &format!(
            "---\ntitle: a\n---\n{}\n\n*   [{}](gone.md)\n*   [{}](b.md#nowhere)\n\n[plain](gone-too.md)\n",
            seg("abcde-101", "[문장](lost.md) 끝.", "[Sentence](lost.md) end."),
            seg("abcde-102", "첫 링크", "First link"),
            seg("abcde-103", "둘째 링크", "Second link"),
        ),
    );
    let outcome = site.build();
    let found: Vec<_> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "broken-link")
        .map(|d| {
            (
                d.line,
                d.column,
                d.message.split(':').next().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (4, 1, "link to `lost.md`"),
            (6, 6, "link to `gone.md`"),
            (7, 6, "link to `b.md#nowhere`"),
            (9, 1, "link to `gone-too.md`"),
        ],
        "{:#?}",
        outcome.diagnostics
    );
}

/// A sentence whose other half is missing is an error for `check`, and the
/// pages still show it: an English source without its translation, or a
/// translation without its source, in its place.
#[test]
fn an_unpaired_sentence_still_shows() {
    let site = Site::new();
    site.article(
        "ko-KR",
        "half",
        "---\ntitle: h\n---\n<span class=\"sxs-lookup\"><span data-stu-id=\"abcde-101\">Only the English.</span></span>\n\n<span data-ttu-id=\"abcde-102\">번역만.</span>\n",
    );
    let outcome = site.build();
    assert_eq!(outcome.content.errors, 2);
    for page in ["ko-kr/half/index.html", "en-us/half/index.html"] {
        let html = site.page(page);
        assert!(html.contains("<p>Only the English.</p>"), "{html}");
        assert!(html.contains("<p>번역만.</p>"), "{html}");
    }
}

/// With `docs_urls` set, a link to an article where it is published
/// already (any locale folder) leads to its page on this site, in the
/// page's locale; other links to that site stay as they are.
#[test]
fn links_to_the_published_docs_lead_to_the_pages_here() {
    let site = Site::new();
    site.write(
        "locdoc.toml",
        "[site]\ndocs_urls = [\"https://docs.microsoft.com/partner-center/\"]\n",
    );
    site.article(
        "ko-KR",
        "from",
        &format!(
            "---\ntitle: f\n---\n{}\n",
            seg(
                "abcde-101",
                "[기술 혜택](https://docs.microsoft.com/ko-kr/partner-center/technical-benefits#activate)과 [기타](https://docs.microsoft.com/partner-center/elsewhere)",
                "[Technical benefits](https://docs.microsoft.com/partner-center/technical-benefits#activate) and [other](https://docs.microsoft.com/partner-center/elsewhere)"
            )
        ),
    );
    site.article(
        "ko-KR",
        "technical-benefits",
        "---\ntitle: t\n---\n<a name=\"activate\"></a>\n## 혜택\n",
    );
    let outcome = site.build();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let ko = site.page("ko-kr/from/index.html");
    assert!(
        ko.contains("href=\"../../ko-kr/technical-benefits/#activate\""),
        "{ko}"
    );
    assert!(
        ko.contains("href=\"https://docs.microsoft.com/partner-center/elsewhere\""),
        "{ko}"
    );
    let en = site.page("en-us/from/index.html");
    assert!(
        en.contains("href=\"../../en-us/technical-benefits/#activate\""),
        "{en}"
    );
}

/// Segments that share an id each show the findings at their own place:
/// the second and third `abcde-101` are duplicates, the first is not, and
/// the untranslated one is the third. A page of equal headings gives each
/// its own id.
#[test]
fn review_rows_of_a_shared_id_show_their_own_findings() {
    let site = Site::new();
    let body = format!(
        "---\ntitle: r\n---\n## {}\n\n## {}\n\n## {}\n",
        seg("abcde-101", "하나", "One"),
        seg("abcde-101", "둘", "Two"),
        seg("abcde-101", "Three times", "Three times"),
    );
    site.article("ko-KR", "r", &body);
    let equal = format!(
        "---\ntitle: e\n---\n## {}\n\n## {}\n\n## {}\n",
        seg("abcde-101", "같음", "Same"),
        seg("abcde-102", "같음", "Same"),
        seg("abcde-103", "같음", "Same"),
    );
    site.article("ko-KR", "equal", &equal);
    site.build();
    let page = site.page("ko-kr/equal/index.html");
    for id in ["same", "same-2", "same-3"] {
        assert!(page.contains(&format!("<h2 id=\"{id}\">")), "{id}: {page}");
    }
    let review = site.page("review/ko-kr/r/index.html");
    for row in [
        "<tr id=\"s-1\" data-id=\"abcde-101\" data-codes=\"\">",
        "<tr id=\"s-2\" data-id=\"abcde-101\" data-codes=\"duplicate-id\" class=\"has-findings\">",
        "<tr id=\"s-3\" data-id=\"abcde-101\" data-codes=\"duplicate-id untranslated\" class=\"has-findings\">",
    ] {
        assert!(review.contains(row), "{row}: {review}");
    }
    let page = site.page("ko-kr/r/index.html");
    for id in ["one", "two", "three-times"] {
        assert!(page.contains(&format!("<h2 id=\"{id}\">")), "{id}: {page}");
    }
}

#[test]
fn review_page_shows_findings_per_segment_and_status_counts() {
    let site = Site::new();
    let body = format!(
        "---\ntitle: r\nms.translationtype: MT\n---\n{}\n\n{}\n",
        seg(
            "abcde-101",
            "Partner Center overview page",
            "Partner Center overview page"
        ),
        seg("abcde-102", "두 번째 문장입니다.", "The second sentence.")
    );
    site.article("ru-RU", "r", &body);
    let outcome = site.build();
    assert_eq!(outcome.content.errors, 0);
    let review = site.page("review/ru-ru/r/index.html");
    assert!(review.contains("<tr id=\"s-1\" data-id=\"abcde-101\" data-codes=\"untranslated\" class=\"has-findings\">"), "{review}");
    assert!(review.contains("<option value=\"untranslated\">untranslated</option>"));
    assert!(review.contains("<tr id=\"s-2\" data-id=\"abcde-102\" data-codes=\"\">"));
    let status = site.page("review/ru-ru/index.html");
    assert!(status.contains("1 статья · 2 сегмента"), "{status}");
    assert!(status.contains("<td><code>untranslated</code></td><td>1</td>"));
}

/// DocFX's conditional sections (`::: moniker range`, `::: zone pivot`)
/// all show on a static page, each in a section that names what it
/// applies to, in the page's language; an unclosed one shows its content
/// as it is.
#[test]
fn conditional_sections_say_what_they_apply_to() {
    let site = Site::new();
    let text = format!(
        "---\ntitle: t\n---\n1. {}\n\n::: moniker range=\"o365-worldwide\"\n\n2. {}\n\n::: moniker-end\n\n::: moniker range=\"o365-germany\"\n\n2. {}\n\n::: moniker-end\n\n3. {}\n\n::: zone pivot=\"windows\"\n\n{}\n",
        seg("abcde-101", "로그인합니다.", "Sign in."),
        seg("abcde-102", "그룹으로 이동합니다.", "Go to Groups."),
        seg("abcde-103", "독일 그룹으로 이동합니다.", "Go to Groups (Germany)."),
        seg("abcde-104", "저장합니다.", "Save."),
        seg("abcde-105", "열린 구역", "Open zone"),
    );
    site.article("ko-KR", "a", &text);
    let outcome = site.build();
    assert_eq!(outcome.content.errors, 0);
    let page = site.page("ko-kr/a/index.html");
    let html = Html::parse_document(&page);
    let sections = Selector::parse("main .col-target section.applies-to").unwrap();
    let found: Vec<(String, String, usize)> = html
        .select(&sections)
        .map(|s| {
            let condition = s
                .value()
                .attr("data-condition")
                .unwrap_or_default()
                .to_string();
            let label: String = s
                .select(&Selector::parse(".applies-to-label").unwrap())
                .flat_map(|l| l.text())
                .collect();
            (
                condition,
                label,
                s.select(&Selector::parse("li").unwrap()).count(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "o365-worldwide".to_string(),
                "적용 대상: o365-worldwide".to_string(),
                1
            ),
            (
                "o365-germany".to_string(),
                "적용 대상: o365-germany".to_string(),
                1
            ),
        ],
        "{page}"
    );
    // The unclosed zone: its sentence shows, in no section.
    assert!(
        page.contains("열린 구역") && !page.contains("data-condition=\"windows\""),
        "{page}"
    );
    let english = site.page("en-us/a/index.html");
    assert!(
        english.contains("Applies to: <code>o365-germany</code>"),
        "{english}"
    );
}

/// An HTML table with blank lines inside it (real Dynamics 365 articles)
/// arrives as several raw blocks; the page shows one table with every
/// row and cell, as a browser shows DocFX's page, not an empty row and
/// the cells after it.
#[test]
fn an_html_table_split_by_blank_lines_stays_one_table() {
    let site = Site::new();
    let text = format!(
        "---\ntitle: t\n---\n<table>\n<tbody>\n<tr class=\"odd\">\n\n<td>{}</td>\n<td>{}\n<ol>\n<li>{}</li>\n\n</ol></td>\n</tr>\n<tr>\n<td>{}</td>\n</tr>\n</tbody>\n</table>\n\n{}\n",
        seg("abcde-101", "첫 칸", "First cell"),
        seg("abcde-102", "둘째 칸", "Second cell"),
        seg("abcde-103", "단계", "Step"),
        seg("abcde-104", "다음 줄", "Next row"),
        seg("abcde-105", "표 다음", "After the table"),
    );
    site.article("ko-KR", "a", &text);
    assert_eq!(site.build().content.errors, 0);
    for (page, words) in [
        (
            "ko-kr/a/index.html",
            ["첫 칸", "둘째 칸", "단계", "다음 줄"],
        ),
        (
            "en-us/a/index.html",
            ["First cell", "Second cell", "Step", "Next row"],
        ),
    ] {
        let page = site.page(page);
        let html = Html::parse_document(&page);
        let select = |s: &str| Selector::parse(s).unwrap();
        assert_eq!(
            html.select(&select("main .col-target table")).count(),
            1,
            "{page}"
        );
        let rows: Vec<String> = html
            .select(&select("main .col-target table tr"))
            .map(|r| r.text().collect::<String>())
            .collect();
        assert_eq!(rows.len(), 2, "{page}");
        for (row, word) in [(0, words[0]), (0, words[1]), (0, words[2]), (1, words[3])] {
            assert!(rows[row].contains(word), "{word} in row {row}: {page}");
        }
        assert!(
            html.select(&select("main .col-target table li")).count() == 1,
            "{page}"
        );
    }
}

/// A parameter list as Win32 reference articles write it (zh-TW): the
/// `<dl>`, `<dt>` and `<dd>` tags in blocks of their own between the
/// Markdown of each term and definition. The page shows one list with
/// each sentence in its term or definition, as a browser shows DocFX's.
#[test]
fn a_definition_list_written_around_markdown_stays_one_list() {
    let site = Site::new();
    let text = format!(
        "---\ntitle: t\n---\n<dl> <dt>\n\n{}\n</dt> <dd>\n\n{}\n\n</dd> <dt>\n\n{}\n</dt> <dd>\n\n{}\n\n</dd> </dl>\n\n{}\n",
        seg("abcde-101", "*dwDriverId*", "*dwDriverId*"),
        seg("abcde-102", "驅動程式的識別碼。", "Identifier of the driver."),
        seg("abcde-103", "*hdrvr*", "*hdrvr*"),
        seg("abcde-104", "驅動程式實例的控制碼。", "Handle of the driver instance."),
        seg("abcde-105", "清單之後", "After the list"),
    );
    site.article("zh-TW", "a", &text);
    assert_eq!(site.build().content.errors, 0);
    let page = site.page("zh-tw/a/index.html");
    let html = Html::parse_document(&page);
    let ids = |s: &str| -> Vec<String> {
        html.select(&Selector::parse(s).unwrap())
            .map(|e| e.value().attr("data-id").unwrap().to_string())
            .collect()
    };
    let lists = Selector::parse("main .col-target dl").unwrap();
    assert_eq!(html.select(&lists).count(), 1, "{page}");
    assert_eq!(
        ids("main .col-target dl > dt .seg"),
        ["abcde-101", "abcde-103"],
        "{page}"
    );
    assert_eq!(
        ids("main .col-target dl > dd .seg"),
        ["abcde-102", "abcde-104"],
        "{page}"
    );
    assert_eq!(ids("main .col-target > p .seg"), ["abcde-105"], "{page}");
}
