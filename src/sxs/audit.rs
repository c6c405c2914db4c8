//! The completeness audit: every `data-ttu-id` / `data-stu-id` span in the
//! body must have become a segment or a diagnostic. Any other one was dropped
//! or swallowed by the Markdown structure (a code block, a table cell beyond
//! the header's width, an HTML comment) and is reported as `lost-segment`.

use memchr::memmem;

use super::{Region, State};
use crate::diag::{Code, Diagnostic};

/// Reports every alignment span in `text[body_start..]` not yet accounted for.
pub fn run(st: &mut State, body_start: usize) {
    st.accounted.sort_unstable();
    let mut lost: Vec<(usize, String, bool)> = Vec::new();
    for (needle, is_target) in [(&b"data-ttu-id"[..], true), (&b"data-stu-id"[..], false)] {
        for hit in memmem::find_iter(&st.text.as_bytes()[body_start..], needle) {
            let at = body_start + hit;
            let open = st.text[..at].rfind('<').unwrap_or(at);
            if st.accounted.binary_search(&open).is_err() {
                lost.push((open, id_after(&st.text[at + needle.len()..]), is_target));
            }
        }
    }
    lost.sort();
    let mut last_reported: Option<String> = None;
    for (open, id, is_target) in lost {
        if !is_target && last_reported.as_deref() == Some(id.as_str()) {
            continue;
        }
        let where_ = match st
            .regions
            .iter()
            .find(|(r, _)| r.contains(&open))
            .map(|(_, k)| *k)
        {
            Some(Region::Code) => "is inside a code block and is never rendered",
            Some(Region::TableRow) => {
                "is in a table cell beyond the header's columns, which GFM drops"
            }
            Some(Region::Comment) => "is inside an HTML comment and is never rendered",
            None => "is not part of the document structure",
        };
        let hint = match where_.contains("code block") {
            true => "check the indentation: four spaces start a code block",
            false => "make the row's cells match the header, and escape `|` in text as `\\|`",
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

/// The attribute value after `data-ttu-id`: `="x"` → `x`.
fn id_after(rest: &str) -> String {
    let rest = rest
        .trim_start()
        .strip_prefix('=')
        .unwrap_or(rest)
        .trim_start();
    let (quote, body) = match rest.chars().next() {
        Some(q @ ('"' | '\'')) => (Some(q), &rest[1..]),
        _ => (None, rest),
    };
    let end = body
        .find(|c: char| {
            Some(c) == quote || (quote.is_none() && (c.is_whitespace() || c == '>')) || c == '\n'
        })
        .unwrap_or(body.len());
    body[..end].to_string()
}
