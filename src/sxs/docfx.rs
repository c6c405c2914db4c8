//! DocFX extensions on top of CommonMark: `> [!NOTE]` notes, `:::image …:::`
//! directives, `[!INCLUDE …]`-style extension paragraphs and `<a name>`
//! heading anchors.
//!
//! Three parts, in this order, each entered by its `pub fn` (an include
//! inside a sentence is `super::includes`'):
//! - [`paragraph`]: a paragraph that is a directive (`:::image`, layout
//!   lines) or an extension (`[!INCLUDE]`, `[!code-…]`, `[!VIDEO]`) becomes
//!   its block;
//! - [`take_anchor`], [`adopt_anchor`]: `<a name>` and `<a id>` before a
//!   heading's text, or in the paragraph above it, become its anchor;
//! - [`take_quote_marker`]: `> [!NOTE]` and its kin make a quote a note
//!   (or a `[!div class=…]` box).

use super::tag::{Attrs, Tag};
use crate::model::{Block, Inline, NoteKind};

/// Turns a parsed paragraph into a DocFX block when its raw text is one.
///
/// Extension lines written one under another without a blank line
/// (`[!INCLUDE …]` twice, `[!code-csharp …]` then `[!code-vb …]`) are one
/// paragraph to CommonMark and a block each to DocFX: the first is
/// returned and the others are pushed to `more`.
pub fn paragraph(raw: &str, mut content: Vec<Inline>, line: u32, more: &mut Vec<Block>) -> Block {
    let trimmed = raw.trim();
    if !contains_segment(&content) {
        if let Some(block) = directive(trimmed, line) {
            let only_directives = trimmed.lines().all(|l| l.trim_start().starts_with(":::"));
            match block {
                Block::Image { .. } => return block,
                // Layout lines (`:::row:::`, `:::column:::`) with nothing
                // between them: an image among them is what shows.
                _ if only_directives => return leading_image(trimmed, line).unwrap_or(block),
                // Text or a Markdown image below layout lines: a paragraph.
                _ => {}
            }
        } else if let Some(blocks) = extension_lines(trimmed, line) {
            let mut blocks = blocks.into_iter();
            if let Some(first) = blocks.next() {
                more.extend(blocks);
                return first;
            }
        }
    } else if let Some(image) = leading_image(trimmed, line) {
        // `:::image type="complex" …:::`, its long description in
        // segments, `:::image-end:::`: the image, then its description.
        drop_directive_lines(trimmed, &mut content);
        return Block::Quote {
            class: Some("image-complex".to_string()),
            blocks: vec![image, Block::Paragraph { content, line }],
            line,
        };
    }
    drop_directive_lines(trimmed, &mut content);
    Block::Paragraph { content, line }
}

/// The `:::image` among the directive lines that open `raw`, if any.
fn leading_image(raw: &str, line: u32) -> Option<Block> {
    if !raw.starts_with(":::") {
        return None;
    }
    raw.lines()
        .zip(line..)
        .take_while(|(l, _)| l.trim_start().starts_with(":::"))
        .filter_map(|(l, line)| directive(l.trim(), line))
        .find(|b| matches!(b, Block::Image { .. }))
}

/// Drops the lines that are `:::` directives (`::: zone pivot="x"`,
/// `::: zone-end`, `:::row:::` then `:::column:::`) from a paragraph:
/// written without a blank line around the text,
/// a directive joins its paragraph, where it would show as text.
/// (Standing alone, it is a [`Block::Directive`], which pages don't show
/// either.) A line with a segment in it is never dropped.
fn drop_directive_lines(raw: &str, content: &mut Vec<Inline>) {
    // Every paragraph of segments comes here: most are one line, whose
    // text is never scanned.
    let is_directive = |l: &str| l.trim_start().starts_with(":::");
    // A line may end in a hard break (two trailing spaces).
    let is_break = |i: &Inline| matches!(i, Inline::SoftBreak | Inline::LineBreak);
    if is_directive(raw) {
        while let Some(first) = content.iter().position(is_break) {
            if contains_segment(&content[..first]) {
                break;
            }
            content.drain(..=first);
            match content.first() {
                Some(Inline::Text { text }) if is_directive(text) => {}
                _ => break,
            }
        }
    }
    // Every later line that is a directive alone, with the break before
    // it: layout lines between the texts (`:::column-end:::` then
    // `:::column:::`, a row written without blank lines) and the closing
    // lines (`::: zone-end`). One search for `:::` in a paragraph of
    // several lines.
    if content.iter().any(is_break) && memchr::memmem::find(raw.as_bytes(), b":::").is_some() {
        let mut i = 1;
        while i < content.len() {
            let alone = matches!(&content[i], Inline::Text { text } if is_directive(text))
                && is_break(&content[i - 1])
                && content.get(i + 1).is_none_or(is_break);
            if alone {
                content.drain(i - 1..=i);
            } else {
                i += 1;
            }
        }
    }
}

fn contains_segment(inlines: &[Inline]) -> bool {
    inlines.iter().any(|i| match i {
        Inline::Segment { .. } => true,
        Inline::Strong { children }
        | Inline::Emphasis { children }
        | Inline::Strikethrough { children }
        | Inline::Link { children, .. } => contains_segment(children),
        _ => false,
    })
}

/// `:::image type="content" source="a.png" alt-text="…":::` and friends.
fn directive(raw: &str, line: u32) -> Option<Block> {
    let body = raw.strip_prefix(":::")?;
    // `:::image …:::` closes on its line; `:::zone pivot="x"` does not.
    let first_line = body.split('\n').next().unwrap_or(body);
    let inner = first_line
        .find(":::")
        .map_or(first_line, |end| &first_line[..end])
        .trim();
    let name_end = inner.find(char::is_whitespace).unwrap_or(inner.len());
    let name = &inner[..name_end];
    if name.is_empty() {
        return None;
    }
    let attrs: Vec<(String, String)> = Attrs::new(&inner[name_end..])
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let get = |key: &str| attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    if name == "image" {
        return Some(Block::Image {
            src: get("source").unwrap_or_default(),
            alt: get("alt-text").unwrap_or_default(),
            image_type: get("type"),
            line,
        });
    }
    Some(Block::Directive {
        name: name.to_string(),
        attrs,
        line,
    })
}

/// A block per line when every line of `raw` is an [`extension`].
fn extension_lines(raw: &str, line: u32) -> Option<Vec<Block>> {
    raw.lines()
        .zip(line..)
        .map(|(l, line)| extension(l.trim(), line))
        .collect()
}

/// `[!INCLUDE [label](target)]`, `[!code-csharp[label](target)]`, `[!VIDEO target]`,
/// on one line.
fn extension(raw: &str, line: u32) -> Option<Block> {
    let inner = raw.strip_prefix("[!")?.strip_suffix(']')?;
    let name_end = inner
        .find(|c: char| c == '[' || c.is_whitespace())
        .unwrap_or(inner.len());
    let name = &inner[..name_end];
    if name.is_empty() || NoteKind::parse(name).is_some() {
        return None;
    }
    let rest = inner[name_end..].trim();
    let (label, target) = match rest.strip_prefix('[').and_then(|r| r.split_once("](")) {
        Some((label, target)) => (label, target.strip_suffix(')').unwrap_or(target)),
        None => ("", rest),
    };
    Some(Block::Extension {
        name: name.to_string(),
        label: label.to_string(),
        target: target.to_string(),
        line,
    })
}

/// Removes `<a name="x"></a>` from a heading and returns `x`.
pub fn take_anchor(content: &mut Vec<Inline>) -> Option<String> {
    let mut anchor = None;
    let mut in_anchor = false;
    content.retain(|inline| {
        let Inline::Html { html } = inline else {
            return true;
        };
        match anchor_tag(html) {
            AnchorTag::Close => {
                let was = in_anchor;
                in_anchor = false;
                !was
            }
            AnchorTag::Open(name) if anchor.is_none() => {
                anchor = Some(name.to_string());
                in_anchor = true;
                false
            }
            _ => true,
        }
    });
    if let Some(Inline::Text { text }) = content.first_mut() {
        let start = text.len() - text.trim_start().len();
        if start == text.len() {
            content.remove(0);
        } else {
            text.drain(..start);
        }
    }
    anchor
}

/// Gives a heading without an anchor the one of the paragraph right before
/// it when that paragraph is nothing but `<a name="x"></a>` (the anchor on
/// a line of its own above the heading), which then goes.
pub fn adopt_anchor(blocks: &mut Vec<Block>, heading: &mut Block) {
    let Block::Heading {
        anchor: slot @ None,
        ..
    } = heading
    else {
        return;
    };
    let Some(Block::Paragraph { content, .. }) = blocks.last() else {
        return;
    };
    let mut found = None;
    for inline in content {
        match inline {
            Inline::Html { html } => match anchor_tag(html) {
                AnchorTag::Open(name) if found.is_none() => found = Some(name),
                AnchorTag::Close => {}
                _ => return,
            },
            Inline::Text { text } if text.trim().is_empty() => {}
            Inline::SoftBreak => {}
            _ => return,
        }
    }
    if let Some(name) = found {
        *slot = Some(name.to_string());
        blocks.pop();
    }
}

/// What a raw HTML inline of a heading is to [`take_anchor`].
#[derive(Debug, PartialEq)]
enum AnchorTag<'a> {
    /// `</a>`
    Close,
    /// `<a name="x">` or `<a id="x">` without `href`.
    Open(&'a str),
    /// Any other tag or markup.
    Other,
}

/// Reads `html` as [`AnchorTag`]; the pipeline's spellings (`<a name="x">`,
/// `</a>`) without the general tag scan, which gives the same answer.
fn anchor_tag(html: &str) -> AnchorTag<'_> {
    if html == "</a>" {
        return AnchorTag::Close;
    }
    if let Some(name) = html
        .strip_prefix("<a name=\"")
        .and_then(|r| r.strip_suffix("\">"))
    {
        if !name.contains('"') {
            return AnchorTag::Open(name);
        }
    }
    let Some(tag) = Tag::parse(html) else {
        return AnchorTag::Other;
    };
    if !tag.is("a") {
        return AnchorTag::Other;
    }
    if tag.closing {
        return AnchorTag::Close;
    }
    match tag.attrs(["name", "id", "href"]) {
        [name, id, None] => name.or(id).map_or(AnchorTag::Other, AnchorTag::Open),
        _ => AnchorTag::Other,
    }
}

/// What the `[!…]` marker that starts a quote makes of it.
#[derive(Debug, PartialEq, Eq)]
pub enum Marker {
    /// `[!NOTE]`, `[!TIP]`, … (any case).
    Note(NoteKind),
    /// `[!div class="nextstepaction"]`: the classes of a `<div>`.
    Div(String),
}

/// Strips a leading `[!NOTE]` (any kind, any case) or `[!div class="…"]`
/// from a quote's first paragraph.
pub fn take_quote_marker(blocks: &mut Vec<Block>) -> Option<Marker> {
    // A marker alone in its paragraph (a list follows it at once) was read
    // as an extension block, `[!div class="op_single_selector"]`.
    if let Some(Block::Extension { name, target, .. }) = blocks.first() {
        let found = marker(format!("{name} {target}").trim());
        if found.is_some() {
            blocks.remove(0);
        }
        return found;
    }
    let Some(Block::Paragraph { content, line, .. }) = blocks.first_mut() else {
        return None;
    };
    let Some(Inline::Text { text }) = content.first_mut() else {
        return None;
    };
    let trimmed = text.trim_start();
    let inner = trimmed.strip_prefix("[!")?;
    let close = inner.find(']')?;
    let kind = marker(inner[..close].trim())?;
    let rest = inner[close + 1..].trim_start().to_string();
    if rest.is_empty() {
        content.remove(0);
    } else {
        *text = rest;
    }
    // What follows the marker's line starts on the next.
    while matches!(content.first(), Some(Inline::SoftBreak | Inline::LineBreak)) {
        content.remove(0);
        *line += 1;
    }
    if content.is_empty() {
        blocks.remove(0);
    }
    Some(kind)
}

/// The marker `[!inside]` names: a note kind, or a `div` with classes.
fn marker(inside: &str) -> Option<Marker> {
    match NoteKind::parse(inside) {
        Some(kind) => Some(Marker::Note(kind)),
        None => div_class(inside).map(Marker::Div),
    }
}

/// The classes of `div class="a b"` (`div` in any case, the value quoted
/// or not), kept only as far as they are class names: letters, digits,
/// `-` and `_`.
fn div_class(marker: &str) -> Option<String> {
    let name_end = marker.find(char::is_whitespace).unwrap_or(marker.len());
    if !marker[..name_end].eq_ignore_ascii_case("div") {
        return None;
    }
    let (_, value) =
        Attrs::new(&marker[name_end..]).find(|(key, _)| key.eq_ignore_ascii_case("class"))?;
    let is_class = |c: &str| {
        c.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    let classes: Vec<&str> = value.split_whitespace().filter(|c| is_class(c)).collect();
    (!classes.is_empty()).then(|| classes.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_image_directive() {
        let b = paragraph(
            r#":::image type="content" source="images/a.png" alt-text="탭":::"#,
            vec![],
            3,
            &mut Vec::new(),
        );
        assert_eq!(
            b,
            Block::Image {
                src: "images/a.png".into(),
                alt: "탭".into(),
                image_type: Some("content".into()),
                line: 3
            }
        );
    }

    #[test]
    fn anchor_spellings_read_like_the_general_scan() {
        for html in [
            "</a>",
            r#"<a name="overview">"#,
            r#"<a name="">"#,
            r#"<a name="a-b_c.d">"#,
            r#"<a name="가">"#,
        ] {
            let general = {
                let tag = Tag::parse(html).unwrap();
                if tag.closing {
                    AnchorTag::Close
                } else {
                    let [name, id, href] = tag.attrs(["name", "id", "href"]);
                    match (name.or(id), href) {
                        (Some(n), None) => AnchorTag::Open(n),
                        _ => AnchorTag::Other,
                    }
                }
            };
            assert_eq!(anchor_tag(html), general, "{html}");
        }
        assert_eq!(anchor_tag(r#"<a id="x">"#), AnchorTag::Open("x"));
        assert_eq!(anchor_tag(r#"<a name="x" href="y">"#), AnchorTag::Other);
        assert_eq!(anchor_tag(r#"<a name="x"y">"#), AnchorTag::Open("x"));
        assert_eq!(anchor_tag("</A>"), AnchorTag::Close);
        assert_eq!(anchor_tag("<b>"), AnchorTag::Other);
        assert_eq!(anchor_tag("<!-- a -->"), AnchorTag::Other);
    }

    #[test]
    fn reads_extensions() {
        let b = paragraph(
            "[!INCLUDE [note](../includes/n.md)]",
            vec![],
            1,
            &mut Vec::new(),
        );
        assert_eq!(
            b,
            Block::Extension {
                name: "INCLUDE".into(),
                label: "note".into(),
                target: "../includes/n.md".into(),
                line: 1
            }
        );
        let b = paragraph(
            "[!code-csharp[Main](Program.cs#L1-L5)]",
            vec![],
            1,
            &mut Vec::new(),
        );
        assert!(
            matches!(b, Block::Extension { ref name, ref target, .. } if name == "code-csharp" && target == "Program.cs#L1-L5")
        );
        assert!(matches!(
            paragraph("[!NOTE]", vec![], 1, &mut Vec::new()),
            Block::Paragraph { .. }
        ));
    }

    #[test]
    fn extension_lines_without_a_blank_line_are_a_block_each() {
        let raw = "[!INCLUDE [sample](a.md)]\n [!code-vb[Main](b.vb#L2)]\n[!INCLUDE [sdk](c.md)]";
        let mut more = Vec::new();
        let first = paragraph(raw, vec![], 7, &mut more);
        let targets: Vec<(String, u32)> = std::iter::once(first)
            .chain(more)
            .map(|b| match b {
                Block::Extension { target, line, .. } => (target, line),
                other => panic!("{other:?}"),
            })
            .collect();
        let want = [("a.md", 7), ("b.vb#L2", 8), ("c.md", 9)];
        assert_eq!(targets, want.map(|(t, l)| (t.to_string(), l)));
        // A line of text among them keeps the paragraph.
        let mut more = Vec::new();
        let b = paragraph("[!INCLUDE [a](a.md)]\nsee above", vec![], 1, &mut more);
        assert!(matches!(b, Block::Paragraph { .. }) && more.is_empty());
    }

    #[test]
    fn reads_div_markers() {
        let cases = [
            (r#"div class="nextstepaction""#, Some("nextstepaction")),
            (r#"DIV class='checklist'"#, Some("checklist")),
            ("div class=op_single_selector", Some("op_single_selector")),
            (r#"div class="a b""#, Some("a b")),
            (r#"div class="x" onclick="y""#, Some("x")),
            (r#"div class="a&quot; b:c""#, None),
            (r#"div class="" "#, None),
            ("div", None),
            (r#"divx class="a""#, None),
            (r#"span class="a""#, None),
        ];
        for (marker, class) in cases {
            assert_eq!(div_class(marker).as_deref(), class, "{marker}");
        }
    }

    /// The blocks of `text`, a ko-KR article.
    fn blocks(text: &str) -> (Vec<Block>, usize) {
        let locale = crate::model::Locale::parse("ko-KR").unwrap();
        let parsed = crate::sxs::parse("ko-KR/a.md", locale, "a", text);
        (parsed.article.blocks, parsed.article.segments.len())
    }

    /// A marker alone on its line, a list right below it: the quote is a
    /// `<div>` of the list (DocFX's `op_single_selector`).
    #[test]
    fn a_marker_followed_by_a_list_marks_the_quote() {
        for (text, want) in [
            (
                "> [!div class=\"op_single_selector\"]\n> - [a](a.md)\n",
                "op_single_selector",
            ),
            ("> [!div class=\"checklist\"]\n> * one\n", "checklist"),
        ] {
            let (parsed, _) = blocks(text);
            let [Block::Quote { class, blocks, .. }] = parsed.as_slice() else {
                panic!("{parsed:?}");
            };
            assert_eq!(class.as_deref(), Some(want));
            assert!(
                matches!(blocks.as_slice(), [Block::List { .. }]),
                "{blocks:?}"
            );
        }
        let (parsed, _) = blocks("> [!NOTE]\n> - item\n");
        assert!(
            matches!(parsed.as_slice(), [Block::Note { blocks, .. }] if matches!(blocks.as_slice(), [Block::List { .. }])),
            "{parsed:?}"
        );
    }

    /// The quote of a `[!div]` marker keeps its content, segments included,
    /// without the marker's text; a note's marker reads as before.
    #[test]
    fn what_follows_a_marker_line_keeps_its_own_line() {
        let text = "Intro.\n\n> [!div class=\"mx-imgBorder\"]\n> ![Bild](images/x.png)\n";
        let (blocks, _) = blocks(text);
        let Block::Quote { blocks: inner, .. } = &blocks[1] else {
            panic!("{blocks:?}");
        };
        assert_eq!(inner[0].line(), 4, "{inner:?}");
    }

    #[test]
    fn a_div_quote_keeps_its_content() {
        let text = concat!(
            "> [!div class=\"nextstepaction\"]\n",
            "> [<span data-ttu-id=\"abcde-101\">VM 만들기</span>",
            "<span class=\"sxs-lookup\"><span data-stu-id=\"abcde-101\">Create a VM</span></span>](create.md)\n",
            "\n>[!TIP]\n> 팁\n",
        );
        let (blocks, segments) = blocks(text);
        let Block::Quote {
            class: Some(class),
            blocks: inner,
            ..
        } = &blocks[0]
        else {
            panic!("{blocks:?}");
        };
        assert_eq!(class, "nextstepaction");
        let [Block::Paragraph { content, .. }] = inner.as_slice() else {
            panic!("{inner:?}");
        };
        assert!(
            matches!(content.as_slice(), [Inline::Link { url, children, .. }]
                if url == "create.md" && matches!(children.as_slice(), [Inline::Segment { index: 0 }])),
            "{content:?}"
        );
        assert!(matches!(
            blocks[1],
            Block::Note {
                kind: NoteKind::Tip,
                ..
            }
        ));
        assert_eq!(segments, 1);
    }

    #[test]
    fn directive_lines_leave_an_image_or_text_without_segments() {
        let (blocks, _) = blocks(concat!(
            ":::column-end:::\n:::column span=\"\":::\n![Terminale](./a.gif)\n\n",
            ":::column-end:::\n:::row-end:::\n\n",
            ":::row:::\n:::column:::\n:::image type=\"content\" source=\"b.png\" alt-text=\"B\":::\n:::column-end:::\n\n",
            "::: zone pivot=\"x\"\nPlain text.\n::: zone-end\n",
        ));
        assert!(
            matches!(blocks.as_slice(), [
                Block::Paragraph { content: a, .. },
                Block::Directive { .. },
                Block::Image { src, line: 10, .. },
                Block::Paragraph { content: text, .. },
            ] if matches!(a.as_slice(), [Inline::Image { url, .. }] if url == "./a.gif")
                && src == "b.png"
                && Inline::plain_text(text) == "Plain text."),
            "{blocks:?}"
        );
    }

    #[test]
    fn directive_lines_leave_a_paragraph_of_segments() {
        let text = concat!(
            "::: zone pivot=\"windows\"\n",
            "<span data-ttu-id=\"abcde-101\">윈도우</span>",
            "<span class=\"sxs-lookup\"><span data-stu-id=\"abcde-101\">Windows</span></span>\n",
            "::: zone-end\n",
        );
        let (blocks, _) = blocks(text);
        assert!(
            matches!(blocks.as_slice(), [Block::Paragraph { content, .. }]
                if matches!(content.as_slice(), [Inline::Segment { index: 0 }])),
            "{blocks:?}"
        );
    }

    #[test]
    fn layout_lines_between_segments_leave_the_paragraph() {
        let pair = |n: u32, t: &str| {
            format!("<span data-ttu-id=\"abcde-{n}\">{t}</span><span class=\"sxs-lookup\"><span data-stu-id=\"abcde-{n}\">{t}</span></span>")
        };
        let text = format!(
            ":::row:::\n    :::column:::\n       {}<br>\n    :::column-end:::\n    :::column span=\"1\":::\n       {}  \n    :::column-end:::\n:::row-end:::\n",
            pair(101, "A"),
            pair(102, "B"),
        );
        let (parsed, _) = blocks(&text);
        let [Block::Paragraph { content, .. }] = parsed.as_slice() else {
            panic!("{parsed:?}");
        };
        assert!(
            matches!(
                content.as_slice(),
                [
                    Inline::Segment { index: 0 },
                    Inline::LineBreak,
                    Inline::SoftBreak,
                    Inline::Segment { index: 1 },
                ]
            ),
            "{content:?}"
        );
    }

    #[test]
    fn a_complex_image_keeps_its_image_and_its_description() {
        let text = concat!(
            ":::row:::\n:::column:::\n",
            ":::image type=\"complex\" source=\"f12.png\" alt-text=\"DevTools 调试\":::\n",
            "   <span data-ttu-id=\"abcde-101\">DevTools 调试</span>",
            "<span class=\"sxs-lookup\"><span data-stu-id=\"abcde-101\">DevTools debugging</span></span>  \n",
            ":::image-end:::  \n",
        );
        let (blocks, segments) = blocks(text);
        assert_eq!(segments, 1);
        let [Block::Quote {
            class: Some(class),
            blocks,
            ..
        }] = blocks.as_slice()
        else {
            panic!("{blocks:?}");
        };
        assert_eq!(class, "image-complex");
        assert!(
            matches!(blocks.as_slice(), [
                Block::Image { src, alt, line: 3, .. },
                Block::Paragraph { content, .. },
            ] if src == "f12.png" && alt == "DevTools 调试"
                && matches!(content.as_slice(), [Inline::Segment { index: 0 }])),
            "{blocks:?}"
        );
    }

    #[test]
    fn nested_directive_lines_all_leave_the_paragraph() {
        let segment = concat!(
            "<span data-ttu-id=\"abcde-101\">열</span>",
            "<span class=\"sxs-lookup\"><span data-stu-id=\"abcde-101\">Column</span></span>",
        );
        let text = format!(
            ":::row:::\n:::column span=\"2\":::\n{segment}\n:::column-end:::\n:::row-end:::\n"
        );
        let (parsed, _) = blocks(&text);
        assert!(
            matches!(parsed.as_slice(), [Block::Paragraph { content, .. }]
                if matches!(content.as_slice(), [Inline::Segment { index: 0 }])),
            "{parsed:?}"
        );
        // A directive line that holds a segment stays, and so does the text
        // after it.
        let text = format!(":::row:::\n:::column::: {segment}\nmore\n");
        let (parsed, _) = blocks(&text);
        let [Block::Paragraph { content, .. }] = parsed.as_slice() else {
            panic!("{parsed:?}");
        };
        assert!(contains_segment(content), "{content:?}");
        assert!(
            matches!(content.last(), Some(Inline::Text { text }) if text == "more"),
            "{content:?}"
        );
    }
}
