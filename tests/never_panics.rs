//! Property tests: any text, parsed and checked, never panics, every
//! alignment span ends up as a segment, a stray or a diagnostic, and the
//! parser's shortcut for plain pairs makes the model the full parse makes.

use std::path::PathBuf;

use locdoc::check;
use locdoc::content::Source;
use locdoc::model::Locale;
use proptest::prelude::*;

fn source() -> Source {
    Source {
        path: PathBuf::from("ko-KR/a.md"),
        rel: "ko-KR/a.md".into(),
        locale: Locale::parse("ko-KR").unwrap(),
        slug: "a".into(),
    }
}

/// A clean build of `project/content` into `project/public`.
fn build_options(project: &std::path::Path) -> locdoc::build::Options {
    locdoc::build::Options {
        content: project.join("content"),
        out: Some(project.join("public")),
        project: Some(project.to_path_buf()),
        progress: false,
        cache: false,
    }
}

/// Fragments of the format, shuffled into hostile documents.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("---\n".to_string()),
        Just("<span data-ttu-id=\"986a5-1\">".to_string()),
        Just("<span data-ttu-id='bad id'>".to_string()),
        Just("<span class=\"sxs-lookup\">".to_string()),
        Just("<span data-stu-id=\"986a5-1\">".to_string()),
        Just("<span data-stu-id=\"986a5-p2\">".to_string()),
        Just("<span data-ttu-id=&quot;986a5-1&quot;>".to_string()),
        Just("<span class=&quot;sxs-lookup&#34;>".to_string()),
        Just("<span data-stu-id=\"986a5-1&quot;>".to_string()),
        Just("&quot;".to_string()),
        Just("</span>".to_string()),
        Just("<span>".to_string()),
        Just("<br>".to_string()),
        Just("<a name=\"x\"></a>".to_string()),
        Just("<a href=\"#x\">".to_string()),
        Just("<a href=\"b.md\">".to_string()),
        Just("</a>".to_string()),
        Just("<kbd>".to_string()),
        Just("</kbd>".to_string()),
        Just("\n\n<details>\n<summary>".to_string()),
        Just("</summary>\n\n".to_string()),
        Just("\n\n</details>\n\n".to_string()),
        Just("[link](b.md#x)".to_string()),
        Just(":::row:::\n".to_string()),
        Just("[!INCLUDE[x](b.md)]".to_string()),
        Just("[!include [".to_string()),
        Just("\n\n<!-- {\n".to_string()),
        Just("\n<dl> <dt>\n".to_string()),
        Just("> [!div class=\"op_single_selector\"]\n> - ".to_string()),
        Just("<strong>".to_string()),
        Just("</b>".to_string()),
        Just("## ".to_string()),
        Just("<!-- ".to_string()),
        Just(" -->".to_string()),
        Just("| a | b |\n|---|---|\n".to_string()),
        Just(" | ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("    ".to_string()),
        Just("> [!NOTE]\n> ".to_string()),
        Just("1. ".to_string()),
        Just("   a. ".to_string()),
        Just("* ".to_string()),
        Just("**".to_string()),
        Just("`".to_string()),
        Just("```\n".to_string()),
        Just("[".to_string()),
        Just("](x.md)".to_string()),
        Just(":::image source=\"a.png\" alt-text=\"b\":::".to_string()),
        Just("[!INCLUDE [a](b)]".to_string()),
        Just("<xref:A.B>".to_string()),
        Just("&amp;".to_string()),
        Just("\\*".to_string()),
        Just("\u{feff}".to_string()),
        "[가-힣a-z0-9 .,:]{0,12}",
    ]
}

/// Pieces of a half with emphasis and links, near-misses included: runs
/// flanked by letters, spaces and punctuation of several scripts.
fn rich_half() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => "[가-힣a-zA-Zа-я0-9]{1,3}",
        2 => Just(" ".to_string()),
        3 => Just("**".to_string()),
        1 => Just("*".to_string()),
        1 => Just("[".to_string()),
        1 => Just("](x.md)".to_string()),
        1 => Just("](https://a.b/c_d?e=1)".to_string()),
        1 => Just("]".to_string()),
        1 => Just("](a b)".to_string()),
        1 => Just("](a(b))".to_string()),
        1 => Just("(".to_string()),
        1 => Just(")".to_string()),
        1 => Just("!".to_string()),
        1 => prop::sample::select(vec!["|", " | ", "\\|", "\\*", "\\", "\\a", "&", "&amp;", "&#", ">", " > ", "_", "__", "a_b"])
            .prop_map(str::to_string),
        1 => prop::sample::select(vec![".", ":", "「", "」", "«", "»", "—", "Ⓐ", "\u{a0}", "é", "\u{301}"])
            .prop_map(str::to_string),
    ];
    prop::collection::vec(piece, 0..10).prop_map(|pieces| pieces.concat())
}

/// A pair in the pipeline's spelling, mostly with plain halves (the ones
/// the parser's shortcut takes), sometimes with Markdown in them.
fn pair() -> impl Strategy<Value = String> {
    let half = prop_oneof![
        4 => "[가-힣a-zA-Z0-9 .,:'\"!?()%#=+-]{0,10}".boxed(),
        1 => "[a-z *_`\\&|<>\\[\\]]{0,6}".boxed(),
        3 => rich_half().boxed(),
    ];
    (
        prop::sample::select(vec!["986a5-1", "986a5-2", "x.1"]),
        half.clone(),
        half,
    )
        .prop_map(|(id, target, source)| {
            format!(
                "<span data-ttu-id=\"{id}\">{target}</span><span class=\"sxs-lookup\">\
                 <span data-stu-id=\"{id}\">{source}</span></span>"
            )
        })
}

fn parse(text: &str, shortcut: bool) -> String {
    let parse = match shortcut {
        true => locdoc::sxs::parse,
        false => locdoc::sxs::parse_reference,
    };
    format!(
        "{:?}",
        parse("ko-KR/a.md", Locale::parse("ko-KR").unwrap(), "a", text)
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    /// Pairs in every construct the fragments make, and beside every
    /// markup that could change how the text around them parses.
    #[test]
    fn shortcut_parses_as_the_full_parse(parts in prop::collection::vec(prop_oneof![2 => pair(), 3 => fragment()], 0..40)) {
        let text = format!("---\ntitle: x\n---\n{}", parts.concat());
        prop_assert_eq!(parse(&text, true), parse(&text, false), "{:?}", text);
    }
}

/// Pairs whose `|`s decide whether a line heads a table: the blanked copy
/// keeps each `|`, so that a row splits into the same cells.
#[test]
fn shortcut_keeps_the_cells_of_a_table() {
    let pair = |target: &str| {
        format!(
            "<span data-ttu-id=\"a-1\">{target}</span><span class=\"sxs-lookup\">\
             <span data-stu-id=\"a-1\">One</span></span>"
        )
    };
    for target in ["a | b", "a \\| b", "**a** | b", "a|", "|"] {
        for text in [
            format!("{} | x |\n|---|---|\n", pair(target)),
            format!("| x | y |\n|---|---|\n| {} | z |\n", pair(target)),
            format!("{}\n", pair(target)),
        ] {
            let text = format!("---\ntitle: x\n---\n{text}");
            assert_eq!(parse(&text, true), parse(&text, false), "{text}");
        }
    }
}

/// Every article of the bundled content and the test fixtures parses the
/// same with the shortcut and without it.
#[test]
fn shortcut_parses_real_articles_as_the_full_parse() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seen = 0;
    for dir in ["content", "tests/fixtures"] {
        for entry in walkdir::WalkDir::new(root.join(dir)).sort_by_file_name() {
            let entry = entry.unwrap();
            if entry.path().extension().is_some_and(|e| e == "md") {
                let text =
                    String::from_utf8_lossy(&std::fs::read(entry.path()).unwrap()).into_owned();
                assert_eq!(
                    parse(&text, true),
                    parse(&text, false),
                    "{}",
                    entry.path().display()
                );
                seen += 1;
            }
        }
    }
    assert!(seen > 30, "{seen} articles");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text_never_panics(text in "\\PC*") {
        let _ = check::text_report(&source(), &text);
    }

    #[test]
    fn format_fragments_never_panic_and_nothing_is_lost(parts in prop::collection::vec(fragment(), 0..60)) {
        let body: String = parts.concat().replace('\r', "");
        let text = format!("---\ntitle: x\n---\n{body}");
        let report = check::text_report(&source(), &text);
        let parsed = locdoc::sxs::parse("ko-KR/a.md", Locale::parse("ko-KR").unwrap(), "a", &text);
        prop_assert_eq!(report.segments, parsed.article.segments.len());
        // Every translation span became exactly one segment or one stray.
        let spans = body.matches("data-ttu-id").count();
        let accounted = parsed.article.segments.len()
            + parsed.article.strays.iter().filter(|s| s.side == locdoc::model::Side::Target).count();
        prop_assert_eq!(accounted, spans, "{:?}", text);
    }
}

proptest! {
    // A build per case: fewer cases, the same fragments.
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The renderer takes whatever the parser makes of the fragments: the
    /// build succeeds and writes the article's pages.
    #[test]
    fn format_fragments_render(parts in prop::collection::vec(fragment(), 0..60)) {
        let body: String = parts.concat();
        let tmp = tempfile::tempdir().unwrap();
        let content = tmp.path().join("content");
        std::fs::create_dir_all(content.join("ko-KR")).unwrap();
        std::fs::write(content.join("ko-KR/a.md"), format!("---\ntitle: x\n---\n{body}")).unwrap();
        let outcome = locdoc::build::run(&build_options(tmp.path()));
        prop_assert!(outcome.is_ok(), "{:?}", outcome.err());
        for page in ["ko-kr/a/index.html", "en-us/a/index.html"] {
            prop_assert!(tmp.path().join("public").join(page).is_file(), "{}", page);
        }
    }
}

/// Nesting no document needs, as deep as hostile input makes it: 20,000
/// quotes overflowed the stack of `check`, 3,000 lists and 20,000
/// emphasis marks that of `build`. The model keeps 32 levels and the
/// content of the rest: every case checks and builds, and its sentence is
/// on the page.
#[test]
fn deep_nesting_neither_overflows_nor_loses_a_sentence() {
    let seg = "<span data-ttu-id=\"d1d2d-101\">깊다</span><span class=\"sxs-lookup\"><span data-stu-id=\"d1d2d-101\">Deep</span></span>";
    let cases = [
        ("quotes", format!("{} {seg}\n", ">".repeat(20_000))),
        ("quoted-lists", format!("{}{seg}\n", "> - ".repeat(5_000))),
        (
            "lists",
            format!(
                "{}{seg}\n",
                (0..3_000)
                    .map(|i| format!("{}- x\n", "  ".repeat(i)))
                    .collect::<String>()
            ),
        ),
        (
            "emphasis",
            format!("{}{seg}{}\n", "*_".repeat(10_000), "_*".repeat(10_000)),
        ),
        (
            "links",
            format!("{}{seg}{}\n", "[".repeat(10_000), "](x)".repeat(10_000)),
        ),
        (
            "details",
            format!(
                "{}{seg}\n\n{}",
                "<details>\n\n".repeat(5_000),
                "</details>\n\n".repeat(5_000)
            ),
        ),
    ];
    for (name, body) in cases {
        let tmp = tempfile::tempdir().unwrap();
        let content = tmp.path().join("content");
        std::fs::create_dir_all(content.join("ko-KR")).unwrap();
        std::fs::write(
            content.join("ko-KR/a.md"),
            format!("---\ntitle: x\n---\n{body}"),
        )
        .unwrap();
        let outcome = check::run(&content).expect("check runs");
        assert_eq!(outcome.summary.segments, 1, "{name}");
        locdoc::build::run(&build_options(tmp.path())).expect("build runs");
        let page = std::fs::read_to_string(tmp.path().join("public/ko-kr/a/index.html")).unwrap();
        assert!(page.contains("data-id=\"d1d2d-101\""), "{name}");
    }
}
