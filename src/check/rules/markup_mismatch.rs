//! `markup-mismatch` (warning): the translation has a different number of
//! bold, italic or strikethrough spans than the source. (Inline code is
//! compared byte for byte by `code-mismatch`, which covers its count too.)
//!
//! Why: emphasis marks UI labels (**Activate**) and warnings; a translation
//! that drops it hides what the reader must click or heed.
//! Example: source `Select **Technical benefits**`, target without `**`.
//! Fix: put the same emphasis around the translated term.
//!
//! Emphasis written as HTML counts as its Markdown: `<strong>`/`<b>` is
//! bold, `<em>`/`<i>` italic, `<s>`/`<del>` strikethrough.
//!
//! Not reported: the convention of Microsoft's Chinese and Japanese style
//! guides (also seen in other locales) that writes a bold UI label as
//! `[檔案]` and an italic term as `「資料庫內容」`: bold the translation
//! lacks is matched by as many bracket pairs more than the source has, and
//! italic by corner-bracket pairs.

use super::{at_segment, Context};
use crate::check::scan::Scanned;
use crate::diag::{Code, Diagnostic};
use crate::model::Segment;

/// Compares the markup counts of source and target.
pub fn check(cx: &Context, seg: &Segment, sides: &Scanned, out: &mut Vec<Diagnostic>) {
    let (s, t) = (sides.source.markup, sides.target.markup);
    if (s.strong, s.emphasis, s.strike) == (t.strong, t.emphasis, t.strike) {
        return;
    }
    let (source, target) = (&sides.source.texts, &sides.target.texts);
    let bracketed =
        |open, close| pairs(target, open, close).saturating_sub(pairs(source, open, close));
    let kinds = [
        ("bold", s.strong, t.strong, bracketed('[', ']')),
        ("italic", s.emphasis, t.emphasis, bracketed('「', '」')),
        ("strikethrough", s.strike, t.strike, 0),
    ];
    let differences: Vec<String> = kinds
        .iter()
        .filter(|(_, a, b, written_as)| a != b && a.checked_sub(*b) != Some(*written_as))
        .map(|(name, a, b, _)| format!("{name} {a} in the source, {b} in the translation"))
        .collect();
    if differences.is_empty() {
        return;
    }
    out.push(
        at_segment(
            cx.article,
            seg,
            Code::MarkupMismatch,
            format!(
                "segment `{}` has different markup: {}",
                seg.id,
                differences.join("; ")
            ),
        )
        .with_hint("keep the source's emphasis around the translated words"),
    );
}

/// Pairs of `open` … `close` in the text nodes, read as one text (a
/// bracket may be a text node of its own).
fn pairs(texts: &[&str], open: char, close: char) -> usize {
    let mut count = 0;
    let mut opened = false;
    for c in texts.iter().flat_map(|t| t.chars()) {
        if c == open {
            opened = true;
        } else if c == close && opened {
            count += 1;
            opened = false;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use crate::model::Locale;
    use crate::sxs;

    fn findings(target: &str, source: &str) -> Vec<String> {
        let text = format!(
            "---\ntitle: t\n---\n<span data-ttu-id=\"abcde-101\">{target}</span><span class=\"sxs-lookup\"><span data-stu-id=\"abcde-101\">{source}</span></span>\n"
        );
        let parsed = sxs::parse("zh-TW/a.md", Locale::parse("zh-TW").unwrap(), "a", &text);
        crate::check::article(&parsed.article)
            .into_iter()
            .filter(|d| d.code.as_str() == "markup-mismatch")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn bold_written_as_brackets_is_the_convention() {
        assert!(findings(
            "選取 [檔案] > [新增方案]。",
            "Select **File** > **New Solution**."
        )
        .is_empty());
        assert!(findings(
            "「資料庫內容」是主要類別。",
            "The *database context* is the main class."
        )
        .is_empty());
    }

    #[test]
    fn lost_bold_is_still_reported() {
        assert_eq!(
            findings("選取 [檔案] > 新增方案。", "Select **File** > **New Solution**."),
            ["segment `abcde-101` has different markup: bold 2 in the source, 0 in the translation"]
        );
        assert_eq!(
            findings("\\[ 中的 S\\]", "*S* \\[in\\]"),
            ["segment `abcde-101` has different markup: italic 1 in the source, 0 in the translation"]
        );
    }
}
