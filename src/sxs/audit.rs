//! The completeness audit: every `data-ttu-id` / `data-stu-id` span in the
//! file must have become a segment or a diagnostic. Any other one was dropped
//! or swallowed by the Markdown structure (a code block, a table cell beyond
//! the header's width, an HTML comment, the front matter) and is reported as
//! `lost-segment`.

use memchr::memmem;

use super::{Region, State};
use crate::diag::{Code, Diagnostic};

/// Bytes of `data-ttu-id` before its `u-id`, and its length.
const NAME_HEAD: usize = "data-tt".len();
const NAME_LEN: usize = "data-ttu-id".len();

/// Reports every alignment span in the text not yet accounted for.
pub fn run(st: &mut State) {
    st.accounted.sort_unstable();
    let mut lost: Vec<(usize, String, bool)> = Vec::new();
    let body = st.text.as_bytes();
    // `data-ttu-id` and `data-stu-id` both end in `u-id`: one pass finds both.
    // Occurrences of one name that overlap (`data-ttu-idata-ttu-id`) count
    // once, as a search for that name alone finds them.
    let (mut next_target, mut next_source) = (0, 0);
    let mut accounted = st.accounted.iter().peekable();
    for hit in memmem::find_iter(body, b"u-id") {
        let Some(start) = hit.checked_sub(NAME_HEAD) else {
            continue;
        };
        let is_target = match body.get(start..hit) {
            Some(b"data-tt") => true,
            Some(b"data-st") => false,
            _ => continue,
        };
        let next = match is_target {
            true => &mut next_target,
            false => &mut next_source,
        };
        if start < *next {
            continue;
        }
        *next = start + NAME_LEN;
        let at = start;
        let open = tag_start(st.text.as_bytes(), at);
        // Hits come in text order, so their tags do too: walk `accounted` along.
        while accounted.peek().is_some_and(|&&a| a < open) {
            accounted.next();
        }
        if accounted.peek() != Some(&&open) {
            lost.push((open, id_after(&st.text[at + NAME_LEN..]), is_target));
        }
    }
    lost.sort();
    let mut last_reported: Option<String> = None;
    for (open, id, is_target) in lost {
        if !is_target && last_reported.as_deref() == Some(id.as_str()) {
            continue;
        }
        let (where_, hint) = match st
            .regions
            .iter()
            .find(|(r, _)| r.contains(&open))
            .map(|(_, k)| *k)
        {
            Some(Region::Code) => (
                "is inside a code block and is never rendered",
                "check the indentation: four spaces start a code block",
            ),
            Some(Region::TableRow) => (
                "is in a table cell beyond the header's columns, which GFM drops",
                "make the row's cells match the header, and escape `|` in text as `\\|`",
            ),
            Some(Region::Comment) => (
                "is inside an HTML comment and is never rendered",
                "close the comment before the sentence, or delete the sentence",
            ),
            Some(Region::FrontMatter) => (
                "is inside the front matter, which is metadata and never rendered",
                "restore the front matter from the English article: it must stay YAML, untranslated",
            ),
            None => (
                "is not part of the document structure",
                "check the markup around it: an unclosed tag or a stray `<` can swallow it",
            ),
        };
        let side = if is_target {
            crate::model::Side::Target
        } else {
            crate::model::Side::Source
        };
        st.stray(&id, side, open, Vec::new());
        let (line, column) = st.lines.position(open);
        st.diags.push(
            Diagnostic::new(
                Code::LostSegment,
                st.path,
                line,
                column,
                format!("span pair `{id}` {where_}"),
            )
            .with_segment(id.clone())
            .with_hint(hint),
        );
        last_reported = Some(id);
    }
}

/// Offset of the `<` that opens the tag whose attribute starts at `at`
/// (the last `<` before it), or `at` when there is none.
fn tag_start(text: &[u8], at: usize) -> usize {
    // The pipeline's spelling first: `<span data-ttu-id`.
    match at.checked_sub(6) {
        Some(open) if text.get(open..at) == Some(b"<span ") => open,
        _ => memchr::memrchr(b'<', &text[..at]).unwrap_or(at),
    }
}

/// The attribute value after `data-ttu-id`: `="x"` → `x`.
fn id_after(rest: &str) -> String {
    let rest = rest
        .trim_start()
        .strip_prefix('=')
        .unwrap_or(rest)
        .trim_start();
    let (quote, body) = match rest.chars().next() {
        Some(q @ ('"' | '\'')) => (Some(q), &rest[1..]),
        _ => match super::tag::entity_quote(rest) {
            Some(len) => (Some('&'), &rest[len..]),
            None => (None, rest),
        },
    };
    // `&quot;` ends the id too: escaped quotes (`"x&quot;>` or
    // `&quot;x&quot;`) must not take the rest of the line into it.
    let end = body
        .char_indices()
        .find(|&(at, c)| {
            Some(c) == quote && c != '&'
                || (quote.is_none() && (c.is_whitespace() || c == '>'))
                || c == '\n'
                || (c == '&' && super::tag::entity_quote(&body[at..]).is_some())
        })
        .map_or(body.len(), |(at, _)| at);
    body[..end].to_string()
}

#[cfg(test)]
mod tests {
    use crate::diag::Code;
    use crate::model::Locale;

    fn lost(body: &str) -> usize {
        let text = format!("---\ntitle: t\n---\n\n{body}");
        let parsed = crate::sxs::parse("ko-KR/a.md", Locale::parse("ko-KR").unwrap(), "a", &text);
        parsed
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::LostSegment)
            .count()
    }

    /// The id a lost span is reported by, however its value is quoted;
    /// escaped quotes end it (a real it-IT article had `"x&quot;>`).
    #[test]
    fn ids_of_lost_spans_end_where_their_value_does() {
        for (rest, id) in [
            (r#"="a-1">x"#, "a-1"),
            ("='a-1'>x", "a-1"),
            ("=a-1>x", "a-1"),
            (
                "=\"22333-113&quot;>**M**</span><span class=&quot;x&quot;>",
                "22333-113",
            ),
            ("=&quot;22333-114&quot;>Nessuna", "22333-114"),
            ("=&#34;a-2&#34;>", "a-2"),
            ("=\"a-3\nb\">", "a-3"),
        ] {
            assert_eq!(super::id_after(rest), id, "{rest}");
        }
    }

    #[test]
    fn finds_both_names_in_one_pass() {
        let pair = r#"<span data-ttu-id="a-1">x</span><span class="sxs-lookup"><span data-stu-id="a-1">y</span></span>"#;
        assert_eq!(lost(&format!("{pair}\n")), 0);
        // In a code block: the translation is reported, its source folded into it.
        assert_eq!(lost(&format!("    {pair}\n")), 1);
        assert_eq!(lost("    <span data-stu-id=\"b-2\">y</span>\n"), 1);
        assert_eq!(lost("    <span menu-id=\"c\">u-id</span>\n"), 0);
    }

    #[test]
    fn overlapping_names_count_once() {
        assert_eq!(
            lost("    <span data-ttu-idata-ttu-id=\"a-1\">x</span>\n"),
            1
        );
    }
}
