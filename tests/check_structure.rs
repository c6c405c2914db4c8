//! `locdoc check` on the bundled content and on one fixture per structural code.

use std::path::Path;

use locdoc::check;
use locdoc::content;
use locdoc::diag::report;
use locdoc::model::Locale;
use locdoc::sxs;

fn segments_in(path: &str) -> usize {
    let text = std::fs::read_to_string(path).unwrap();
    let parsed = sxs::parse(path, Locale::parse("ko-KR").unwrap(), "x", &text);
    parsed.article.segments.len()
}

#[test]
fn content_segment_counts_are_exact() {
    let counts = [
        ("content/ko-KR/mpn-benefits-technical-support.md", 108),
        ("content/ru-RU/mpn-benefits-technical-support.md", 108),
        ("content/hu-HU/mpn-benefits-technical-support.md", 109),
        ("content/ko-KR/manage-your-partner-network-benefits.md", 133),
        (
            "tests/fixtures/revisions/ko-KR-mpn-benefits-technical-support-2021-03-05.md",
            70,
        ),
    ];
    for (path, expected) in counts {
        assert_eq!(segments_in(path), expected, "{path}");
    }
}

#[test]
fn content_has_no_structural_errors_and_the_one_real_gap() {
    let outcome = check::run(Path::new("content")).unwrap();
    assert_eq!(outcome.summary.files, 4);
    assert_eq!(outcome.summary.segments, 458);
    assert_eq!(outcome.summary.errors, 0, "{:#?}", outcome.diagnostics);
    let structural: Vec<_> = outcome
        .diagnostics
        .iter()
        .filter(|d| STRUCTURAL.contains(&d.code.as_str()))
        .map(|d| {
            (
                d.code.as_str(),
                d.file.as_str(),
                d.line,
                d.segment.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        structural,
        [(
            "id-gap",
            "ko-KR/manage-your-partner-network-benefits.md",
            68,
            Some("3393e-142")
        )]
    );
}

const STRUCTURAL: &[&str] = &[
    "unpaired-target",
    "unpaired-source",
    "id-mismatch",
    "duplicate-id",
    "malformed-id",
    "malformed-span",
    "mixed-prefix",
    "id-gap",
    "id-order",
    "front-matter",
    "no-front-matter",
    "locale-mismatch",
    "duplicate-locale",
    "not-a-locale",
    "unreadable",
    "lost-segment",
];

/// Each fixture triggers exactly its own code, at these lines.
const FIXTURES: &[(&str, &[u32])] = &[
    ("unpaired-target", &[13]),
    ("unpaired-source", &[13]),
    ("id-mismatch", &[11]),
    ("duplicate-id", &[13]),
    ("malformed-id", &[11]),
    ("malformed-span", &[11]),
    ("mixed-prefix", &[13]),
    ("id-gap", &[13]),
    ("id-order", &[11]),
    ("front-matter", &[2, 4]),
    ("no-front-matter", &[1]),
    ("locale-mismatch", &[6]),
    ("duplicate-locale", &[0]),
    // `ko_KR/` is reported; `includes/` is content, not a locale.
    ("not-a-locale", &[0]),
    ("unreadable", &[9]),
    ("lost-segment", &[13, 15]),
];

fn fixture(code: &str) -> check::Outcome {
    check::run(&Path::new("tests/fixtures/structure").join(code)).unwrap()
}

#[test]
fn every_structural_code_has_a_fixture_that_triggers_exactly_it() {
    assert_eq!(FIXTURES.len(), STRUCTURAL.len());
    for (code, lines) in FIXTURES {
        let outcome = fixture(code);
        let found: Vec<_> = outcome
            .diagnostics
            .iter()
            .map(|d| (d.code.as_str(), d.line))
            .collect();
        let expected: Vec<_> = lines.iter().map(|l| (*code, *l)).collect();
        assert_eq!(found, expected, "fixture {code}");
    }
}

#[test]
fn human_output_snapshot() {
    let mut all = String::new();
    for (code, _) in FIXTURES {
        let outcome = fixture(code);
        all.push_str(&format!("=== {code}\n"));
        all.push_str(&report::human(
            &outcome.summary,
            &outcome.diagnostics,
            false,
        ));
    }
    insta::assert_snapshot!(all);
}

#[test]
fn a_bad_file_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let ko = dir.path().join("ko-KR");
    std::fs::create_dir_all(&ko).unwrap();
    std::fs::copy(
        "content/ko-KR/mpn-benefits-technical-support.md",
        ko.join("good.md"),
    )
    .unwrap();
    std::fs::write(ko.join("bad.md"), b"---\ntitle: x\n---\n\xff\xfe").unwrap();
    let outcome = check::run(dir.path()).unwrap();
    assert_eq!(outcome.summary.files, 2);
    assert_eq!(outcome.summary.segments, 108);
    assert_eq!(
        outcome
            .diagnostics
            .iter()
            .filter(|d| d.code.as_str() == "unreadable")
            .count(),
        1
    );
}

#[test]
fn a_locale_spelled_in_another_case_is_skipped_not_merged() {
    let outcome = fixture("duplicate-locale");
    // The `ko-kr` copies would write over `ko-KR`'s pages: reported once,
    // with the count of the articles left out.
    assert_eq!(outcome.summary.files, 1);
    let d = &outcome.diagnostics[0];
    assert_eq!(d.file, "ko-kr");
    assert_eq!(d.locale.as_deref(), Some("ko-KR"));
    assert!(
        d.message.contains("its 2 articles are skipped"),
        "{}",
        d.message
    );
}

#[test]
fn sub_folders_give_nested_slugs() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("ko-KR/announcements");
    std::fs::create_dir_all(&nested).unwrap();
    std::fs::write(nested.join("2021-may.md"), "---\ntitle: x\n---\nplain\n").unwrap();
    let tree = content::discover(dir.path()).unwrap();
    assert_eq!(tree.sources[0].slug, "announcements/2021-may");
    assert_eq!(tree.sources[0].rel, "ko-KR/announcements/2021-may.md");
}

/// A locale folder or an article linked in from elsewhere is read like
/// any other; a link that loops or leads nowhere is `unreadable`, and the
/// rest is still checked.
#[cfg(unix)]
#[test]
fn symbolic_links_are_followed_and_broken_ones_reported() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().unwrap();
    let elsewhere = tmp.path().join("elsewhere/ko-KR");
    std::fs::create_dir_all(&elsewhere).unwrap();
    let article = Path::new("tests/fixtures/structure/duplicate-locale/ko-KR/article.md");
    std::fs::copy(article, elsewhere.join("article.md")).unwrap();
    let content = tmp.path().join("content");
    std::fs::create_dir_all(content.join("ru-RU/sub")).unwrap();
    symlink(&elsewhere, content.join("ko-KR")).unwrap();
    symlink(
        elsewhere.join("article.md"),
        content.join("ru-RU/linked.md"),
    )
    .unwrap();
    symlink(
        tmp.path().join("nowhere.md"),
        content.join("ru-RU/dangling.md"),
    )
    .unwrap();
    symlink(content.join("ru-RU"), content.join("ru-RU/sub/loop")).unwrap();
    let outcome = check::run(&content).unwrap();
    assert_eq!(outcome.summary.files, 2);
    let unreadable: Vec<_> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "unreadable")
        .map(|d| d.file.as_str())
        .collect();
    assert_eq!(unreadable, ["ru-RU/dangling.md", "ru-RU/sub/loop"]);
}
