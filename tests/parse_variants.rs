//! The parser on what real content has and the seeds don't: merged ids, xrefs,
//! inline code, entities, escapes, DocFX blocks, HTML blocks, nested lists,
//! link-wrapped segments, CRLF, a BOM, and files with no spans.

use locdoc::model::{Block, Inline, Locale, NoteKind};
use locdoc::sxs;

fn variants() -> sxs::Parsed {
    let text = std::fs::read_to_string("tests/fixtures/variants-tree/de-DE/variants.md").unwrap();
    assert!(
        text.starts_with('\u{feff}') && text.contains("\r\n"),
        "fixture keeps its BOM and CRLF"
    );
    sxs::parse(
        "de-DE/variants.md",
        Locale::parse("de-DE").unwrap(),
        "variants",
        &text,
    )
}

/// Article `a` of `locale`, parsed.
fn parse_in(locale: &str, text: &str) -> sxs::Parsed {
    sxs::parse(
        &format!("{locale}/a.md"),
        Locale::parse(locale).unwrap(),
        "a",
        text,
    )
}

/// Each finding's code, line and segment.
fn findings(p: &sxs::Parsed) -> Vec<(&str, u32, Option<&str>)> {
    p.diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.line, d.segment.as_deref()))
        .collect()
}

/// Pair `fea45-<id>` in the pipeline's spelling.
fn pair(id: &str, target: &str, source: &str) -> String {
    format!("<span data-ttu-id=\"fea45-{id}\">{target}</span><span class=\"sxs-lookup\"><span data-stu-id=\"fea45-{id}\">{source}</span></span>")
}

#[test]
fn front_matter_survives_bom_and_crlf() {
    let p = variants();
    let f = &p.article.front;
    assert_eq!(f.title.as_deref(), Some("Variants &amp; more"));
    assert_eq!(f.locale.as_deref(), Some("de-DE"));
    assert_eq!(
        f.handoff.map(|d| d.to_string()).as_deref(),
        Some("2021-06-07")
    );
    assert!(!f.is_machine_translated());
    assert_eq!(
        f.extra.get("custom.key"),
        Some(&serde_json::json!(["a", "b"]))
    );
}

#[test]
fn every_segment_is_found_with_its_position() {
    let p = variants();
    let ids: Vec<_> = p.article.segments.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "9d76c-p101",
            "9d76c-103",
            "9d76c-104",
            "9d76c-105",
            "9d76c-106",
            "9d76c-107"
        ]
    );
    let first = &p.article.segments[0];
    assert!(first.id.is_merged());
    assert_eq!((first.line, first.column), (9, 23));
    // The commented-out pair is the only finding.
    let codes: Vec<_> = p
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.line))
        .collect();
    assert_eq!(codes, [("lost-segment", 29)]);
    assert_eq!(p.article.strays.len(), 1);
}

#[test]
fn inline_content_is_decoded() {
    let p = variants();
    let seg = &p.article.segments[1];
    assert_eq!(
        seg.source_text(),
        "Use System.String and code & <tag> *not*."
    );
    assert!(seg.source.iter().any(
        |i| matches!(i, Inline::Link { url, autolink: true, .. } if url == "xref:System.String")
    ));
    assert!(seg.source.contains(&Inline::Code {
        code: "code".into()
    }));
}

#[test]
fn docfx_blocks_are_recognised() {
    let blocks = variants().article.blocks;
    assert!(matches!(&blocks[0], Block::Heading { level: 1, anchor: Some(a), .. } if a == "intro"));
    assert!(
        matches!(&blocks[2], Block::Note { kind: NoteKind::Tip, blocks, .. } if blocks.len() == 1)
    );
    assert!(
        matches!(&blocks[3], Block::Image { src, alt, .. } if src == "images/a.png" && alt == "Ein Bild")
    );
    assert!(
        matches!(&blocks[4], Block::Extension { name, target, .. } if name == "INCLUDE" && target == "../includes/note.md")
    );
    assert!(matches!(&blocks[5], Block::Extension { name, .. } if name == "code-csharp"));
    assert!(
        matches!(&blocks[6], Block::Html { content, .. } if content.iter().any(|i| matches!(i, Inline::Segment { index: 3 })))
    );
}

#[test]
fn lists_nest_and_links_wrap_segments() {
    let blocks = variants().article.blocks;
    let Some(Block::List {
        items, start: None, ..
    }) = blocks.get(7)
    else {
        panic!("{:#?}", blocks.get(7))
    };
    let Block::Paragraph { content, .. } = &items[0].blocks[0] else {
        panic!()
    };
    assert!(
        matches!(&content[0], Inline::Link { url, children, .. } if url == "manage.md#x" && children == &[Inline::Segment { index: 4 }])
    );
    assert!(matches!(&items[0].blocks[1], Block::List { items, .. } if items.len() == 1));
}

#[test]
fn a_file_without_spans_is_a_plain_article() {
    let text = std::fs::read_to_string("tests/fixtures/variants-tree/en-GB/plain.md").unwrap();
    let p = sxs::parse(
        "en-GB/plain.md",
        Locale::parse("en-GB").unwrap(),
        "plain",
        &text,
    );
    assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
    assert!(p.article.segments.is_empty());
    assert_eq!(p.article.blocks.len(), 2);
}

/// Machine translation leaves stray emphasis delimiters at the edge of a
/// span (`\*\*_`); CommonMark pairs the `_` of the translation with the one
/// of the source, across the span tags. The spans win: both halves are one
/// segment, the delimiters stay as text, and nothing is reported.
#[test]
fn emphasis_paired_across_span_tags_gives_way_to_the_spans() {
    let segment = |id: &str, text: &str| pair(id, text, text);
    let text = format!(
        "---\ntitle: t\n---\n{}\n\n# {}\n\n{} and *{}*\n",
        segment("137", "\\*\\*_"),
        segment("138", ".NET Core 3.0"),
        segment("139", "_\\*\\* x **a**"),
        segment("140", "b")
    );
    let p = parse_in("tr-TR", &text);
    assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
    let texts: Vec<(String, String)> = p
        .article
        .segments
        .iter()
        .map(|s| (s.target_text(), s.source_text()))
        .collect();
    assert_eq!(
        texts,
        [
            ("**_".to_string(), "**_".to_string()),
            (".NET Core 3.0".to_string(), ".NET Core 3.0".to_string()),
            ("_** x a".to_string(), "_** x a".to_string()),
            ("b".to_string(), "b".to_string()),
        ]
    );
    // Emphasis that stays inside its span is still emphasis.
    let third = &p.article.segments[2];
    assert!(third
        .target
        .iter()
        .any(|i| matches!(i, Inline::Strong { .. })));
}

/// English written straight into the `sxs-lookup` span, without its
/// `data-stu-id` span, is still the translation's source; text beside a
/// source span, or in a lookup with nothing to pair, stays in the article.
/// Each is reported, and no sentence is lost.
#[test]
fn text_loose_in_a_lookup_span_is_kept() {
    let text = "---\ntitle: t\n---\n\
        <span data-ttu-id=\"ab123-102\">번역.</span><span class=\"sxs-lookup\">Loose English.</span>\n\n\
        <span data-ttu-id=\"ab123-103\">셋째.</span><span class=\"sxs-lookup\">Extra <span data-stu-id=\"ab123-103\">Third.</span></span>\n\n\
        <span class=\"sxs-lookup\">Orphan text.</span>\n";
    let p = parse_in("ko-KR", text);
    let texts: Vec<(&str, String, String)> = p
        .article
        .segments
        .iter()
        .map(|s| (s.id.as_str(), s.target_text(), s.source_text()))
        .collect();
    assert_eq!(
        texts,
        [
            ("ab123-102", "번역.".into(), "Loose English.".into()),
            ("ab123-103", "셋째.".into(), "Third.".into()),
        ]
    );
    let found: Vec<(String, u32, u32)> = p
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str().to_string(), d.line, d.column))
        .collect();
    assert_eq!(
        found,
        [
            ("malformed-span".to_string(), 4, 66),
            ("malformed-span".to_string(), 6, 66),
            ("malformed-span".to_string(), 8, 1),
        ]
    );
    let paragraph = |i: usize| match &p.article.blocks[i] {
        Block::Paragraph { content, .. } => Inline::plain_text(content),
        other => panic!("{other:?}"),
    };
    assert_eq!(paragraph(1), "Extra ");
    assert_eq!(paragraph(2), "Orphan text.");
}

/// A pair whose spans wrap page structure (Lync Server articles) is split
/// by blank lines into several blocks: the translation half is left open in
/// one, the source half in the next, the closing `</span>`s stand alone in
/// a third. That is one broken pair, so one finding, at the translation; a
/// stray `</span>` after the next pair opens is reported again.
#[test]
fn a_pair_split_across_blocks_is_one_finding() {
    let text = "---\ntitle: t\n---\n\
        <div id=\"mainBody\"><span data-ttu-id=\"e96a0-104\">\n\n\
        <span> </span></span><span class=\"sxs-lookup\"><span data-stu-id=\"e96a0-104\">\n\n\
        <span> </span></span></span>\n\n\
        <span data-ttu-id=\"e96a0-105\">Última.</span><span class=\"sxs-lookup\"><span data-stu-id=\"e96a0-105\">Last.</span></span>\n\n\
        </span> stray\n";
    let p = parse_in("es-ES", text);
    assert_eq!(
        findings(&p),
        [
            ("malformed-span", 4, Some("e96a0-104")),
            ("malformed-span", 12, None),
        ]
    );
    assert!(p.diagnostics[0]
        .hint
        .as_deref()
        .is_some_and(|h| h.contains("blank line")));
    let ids: Vec<&str> = p.article.segments.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["e96a0-105"]);
}

/// `<a name="x"></a>` on a line of its own above a heading is the
/// heading's anchor; a heading without one gets the id DocFX spells from
/// its English, as the pipeline's anchors are spelled.
#[test]
fn headings_take_the_anchor_above_them_or_one_from_their_english() {
    let segment = pair;
    let text = format!(
        "---\ntitle: t\n---\n<a name=\"first\"></a>\n## {}\n\n<a name=\"second\"></a>\n\n### {}\n\n## {}\n\n<a name=\"a\"></a> text\n\n## {}\n",
        segment("101", "하나", "One"),
        segment("102", "둘", "Two"),
        segment("103", "사용량 - Azure", "Usage-based subscriptions - Microsoft Azure Credit"),
        segment("104", "넷", "Four &amp; *more*"),
    );
    let p = parse_in("ko-KR", &text);
    assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
    let article = &p.article;
    let ids: Vec<Option<String>> = article
        .blocks
        .iter()
        .map(|b| match b {
            Block::Heading {
                anchor, content, ..
            } => article.heading_id(anchor.as_deref(), content),
            _ => None,
        })
        .collect();
    assert_eq!(
        ids,
        [
            Some("first".to_string()),
            Some("second".to_string()),
            Some("usage-based-subscriptions---microsoft-azure-credit".to_string()),
            // A paragraph with more than the anchor stays.
            None,
            Some("four--more".to_string()),
        ]
    );
}

/// Microsoft Graph articles carry test metadata as an HTML comment over
/// several lines (`<!-- {` … `}-->`): it is one comment, not text, and a
/// span pair inside such a comment is lost, with a hint about comments.
#[test]
fn an_html_comment_over_several_lines_stays_a_comment() {
    let text = format!(
        "---\ntitle: t\n---\n{}\n\n<!-- {{\n  \"blockType\": \"request\",\n  \"name\": \"x\"\n}}-->\n```http\nGET /x\n```\n\n<!--\n{}\n-->\n\n{}\n",
        pair("101", "Пример", "Example"),
        pair("102", "Скрыто", "Hidden"),
        pair("103", "После", "After"),
    );
    let p = parse_in("ru-RU", &text);
    let ids: Vec<&str> = p.article.segments.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["fea45-101", "fea45-103"]);
    for block in &p.article.blocks {
        if let Block::Html { content, .. } = block {
            assert_eq!(Inline::plain_text(content).trim(), "", "{block:?}");
        }
    }
    let found: Vec<(&str, u32, &str)> = p
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.line, d.hint.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        found,
        [(
            "lost-segment",
            15,
            "close the comment before the sentence, or delete the sentence"
        )]
    );
}

/// `[!INCLUDE[label](target)]` inside a sentence is one inline, in a
/// segment's halves and in the paragraph around segments alike.
#[test]
fn an_include_inside_a_sentence_is_one_inline() {
    let text = format!(
        "---\ntitle: t\n---\n{} [!include [v](v.md)] and [!INCLUDE](x.md)]\n",
        pair(
            "101",
            "[!INCLUDE[ssNoVersion](../includes/ssnoversion-md.md)] 네이티브.",
            "For **[!INCLUDE[ssNoVersion](../includes/ssnoversion-md.md)]** Native."
        ),
    );
    let p = parse_in("ko-KR", &text);
    assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
    let include = |label: &str, target: &str| Inline::Include {
        label: label.into(),
        target: target.into(),
    };
    let text = |t: &str| Inline::Text { text: t.into() };
    let seg = &p.article.segments[0];
    let ss = include("ssNoVersion", "../includes/ssnoversion-md.md");
    assert_eq!(seg.target, [ss.clone(), text(" 네이티브.")]);
    assert_eq!(
        seg.source,
        [
            text("For "),
            Inline::Strong { children: vec![ss] },
            text(" Native.")
        ]
    );
    let Block::Paragraph { content, .. } = &p.article.blocks[0] else {
        panic!("{:?}", p.article.blocks);
    };
    assert_eq!(content[1..3], [text(" "), include("v", "v.md")]);
    // A link without `[!INCLUDE` before it stays a link.
    assert!(
        matches!(&content[4], Inline::Link { url, .. } if url == "x.md"),
        "{content:?}"
    );

    // A half whose span never closes is kept as a stray, folded the same.
    let text =
        "---\ntitle: t\n---\n<span data-ttu-id=\"fea45-101\">[!INCLUDE[v](v.md)] 네이티브.\n";
    let p = parse_in("ko-KR", text);
    assert_eq!(
        p.article.strays[0].content,
        [
            include("v", "v.md"),
            Inline::Text {
                text: " 네이티브.".into()
            }
        ]
    );
}

/// A pipeline that translated the metadata too leaves span pairs in the
/// front matter: besides the YAML error, each pair is a `lost-segment`,
/// so no sentence of the file goes unreported.
#[test]
fn span_pairs_in_the_front_matter_are_reported_lost() {
    let text = format!(
        "---\n{} {}\n---\n\n# {}\n",
        pair("101", "Заголовок: урок", "title: Lesson"),
        pair("102", "Автор: x", "author: x"),
        pair("103", "Урок", "Lesson"),
    );
    let p = parse_in("ru-RU", &text);
    let ids: Vec<&str> = p.article.segments.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["fea45-103"]);
    assert_eq!(
        findings(&p),
        [
            ("front-matter", 2, None),
            ("lost-segment", 2, Some("fea45-101")),
            ("lost-segment", 2, Some("fea45-102")),
        ]
    );
    assert!(p.diagnostics[1].message.contains("front matter"));
}

/// `https://<tenant>.sharepoint.com`: a tag that is no element of HTML is
/// a placeholder, kept as text (a browser would swallow it).
#[test]
fn a_tag_of_no_html_element_is_text() {
    let text = format!(
        "---\ntitle: t\n---\n{} List<T> <b>x</b>\n",
        pair(
            "101",
            "כתובת <tenant> לדוגמה",
            "Sample URL: https://<tenant>.sharepoint.com/sites/<sitename>/"
        ),
    );
    let p = parse_in("he-IL", &text);
    assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
    let seg = &p.article.segments[0];
    assert_eq!(seg.target_text(), "כתובת <tenant> לדוגמה");
    assert_eq!(
        seg.source_text(),
        "Sample URL: https://<tenant>.sharepoint.com/sites/<sitename>/"
    );
    let Block::Paragraph { content, .. } = &p.article.blocks[0] else {
        panic!("{:?}", p.article.blocks);
    };
    assert!(
        content
            .iter()
            .any(|i| matches!(i, Inline::Text { text } if text.contains("List<T>"))),
        "{content:?}"
    );
    // A real element is still markup.
    assert!(content
        .iter()
        .any(|i| matches!(i, Inline::Html { html } if html == "<b>")));
}

/// An escaping step of a pipeline left `&quot;` for the quotes of the
/// spans' attributes (seen in a real it-IT article): a pair quoted so
/// throughout is read as meant, with one error per line saying what a
/// browser makes of it; a pair whose quotes are half escaped is no HTML
/// at all, and is reported lost under its own id, not the rest of its line.
#[test]
fn spans_quoted_with_character_references() {
    let escaped = pair("103", "Nessuna licenza", "No license").replace('"', "&quot;");
    let half = pair("102", "**Messaggio:**", "**Message:**")
        .replacen('"', "&quot;", 2)
        .replacen("&quot;", "\"", 1);
    let text = format!(
        "---\ntitle: t\n---\n{}\n\n{half}\n\n{escaped}\n",
        pair("101", "Uno", "One"),
    );
    let p = parse_in("it-IT", &text);
    let ids: Vec<&str> = p.article.segments.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["fea45-101", "fea45-103"], "{text}");
    let s = &p.article.segments[1];
    assert_eq!(
        (s.target_text().as_str(), s.source_text().as_str()),
        ("Nessuna licenza", "No license")
    );
    let escapes: Vec<u32> = p
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "malformed-span" && d.message.contains("&quot;"))
        .map(|d| d.line)
        .collect();
    assert!(escapes == [8], "{:#?}", p.diagnostics);
    let lost: Vec<_> = findings(&p)
        .into_iter()
        .filter(|f| f.0 == "lost-segment")
        .collect();
    assert_eq!(
        lost,
        [("lost-segment", 6, Some("fea45-102"))],
        "{:#?}",
        p.diagnostics
    );
}
