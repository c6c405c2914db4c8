//! A definition list written across Markdown blocks, as Win32 and .NET
//! reference articles write their parameter lists:
//!
//! ```markdown
//! <dl> <dt>
//!
//! <span data-ttu-id…>*dwDriverId*</span>…
//! </dt> <dd>
//!
//! <span data-ttu-id…>Identifier of the driver.</span>…
//!
//! </dd> </dl>
//! ```
//!
//! Blank lines end each raw HTML block, so the tags arrive as blocks of
//! their own between the Markdown blocks. Each cleaned on its own, the
//! list would close where it opened and every term and definition would
//! show as a loose paragraph. Here, when the blocks hold nothing but these
//! tags and nest properly, the tags are written as they stand and the
//! Markdown blocks inside the terms and definitions are rendered in place.

use super::html::Html;
use crate::model::Block;
use crate::sxs::tag::Tag;

const NAMES: [&str; 3] = ["dl", "dt", "dd"];

/// The list's tags in `raw` (their names, and whether each closes), when
/// `raw` holds only these tags and whitespace.
fn tags(raw: &str) -> Option<Vec<(&'static str, bool)>> {
    let mut out = Vec::new();
    let mut rest = raw.trim_start();
    while !rest.is_empty() {
        let end = rest.strip_prefix('<').and(rest.find('>'))?;
        let tag = Tag::parse(&rest[..=end])?;
        let name = NAMES.iter().copied().find(|n| tag.is(n))?;
        out.push((name, tag.closing));
        rest = rest[end + 1..].trim_start();
    }
    Some(out)
}

/// The index of the block that closes the list `blocks[0]` opens, when
/// every block up to it is either only the list's tags, nesting properly,
/// or a Markdown block inside a term or definition.
fn closing(blocks: &[Block]) -> Option<usize> {
    // Open elements, each with what a list last had in it: `dt` or `dd`
    // (a list's groups are terms followed by definitions).
    let mut open: Vec<(&str, Option<&str>)> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        match block {
            Block::Html { raw, .. } => {
                for (name, closing) in tags(raw)? {
                    if closing {
                        let (top, last) = open.pop()?;
                        let complete = name != "dl" || matches!(last, None | Some("dd"));
                        (top == name && complete).then_some(())?;
                        continue;
                    }
                    let list = open.last_mut();
                    match (name, list) {
                        ("dl", None | Some(("dt" | "dd", _))) => {}
                        ("dt", Some(("dl", last))) => *last = Some("dt"),
                        ("dd", Some(("dl", last @ Some(_)))) => *last = Some("dd"),
                        _ => return None,
                    }
                    open.push((name, None));
                }
                if open.is_empty() {
                    return (i > 0).then_some(i);
                }
            }
            _ => {
                if !matches!(open.last(), Some(("dt" | "dd", _))) {
                    return None;
                }
            }
        }
    }
    None
}

impl Html<'_, '_> {
    /// Renders the definition list that starts `blocks`, if one does;
    /// returns how many blocks it took (0 otherwise).
    pub(super) fn definitions(&mut self, blocks: &[Block]) -> usize {
        if self.depth >= crate::sxs::MAX_DEPTH {
            return 0;
        }
        let Some(close) = closing(blocks) else {
            return 0;
        };
        let parts = blocks.get(..=close).unwrap_or_default();
        let mut inner = 0;
        for (i, block) in parts.iter().enumerate() {
            let Block::Html { raw, line, .. } = block else {
                continue;
            };
            self.nested(parts.get(inner..i).unwrap_or_default());
            inner = i + 1;
            self.at_block(*line);
            for (name, closing) in tags(raw).unwrap_or_default() {
                self.out.push_str(if closing { "</" } else { "<" });
                self.out.push_str(name);
                self.out.push_str(">\n");
            }
        }
        close + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Inline;

    fn html(raw: &str) -> Block {
        Block::raw_html(raw)
    }

    fn paragraph() -> Block {
        Block::Paragraph {
            content: vec![Inline::Text { text: "x".into() }],
            line: 2,
        }
    }

    #[test]
    fn a_list_is_closed_by_the_block_that_balances_it() {
        let list = [
            html("<dl> <dt>"),
            paragraph(),
            html("</dt> <dd>"),
            paragraph(),
            html("</dd> <DT>"),
            paragraph(),
            html("</dt> <dd>"),
            paragraph(),
            html("</dd> </dl>"),
        ];
        assert_eq!(closing(&list), Some(8));
        assert_eq!(
            tags("<dl class=\"x\">\n<dt>"),
            Some(vec![("dl", false), ("dt", false)])
        );
    }

    #[test]
    fn anything_else_is_left_to_the_cleaner() {
        // Closed in its own block, never closed, other tags, text beside
        // the tags, Markdown outside a term, tags that cross.
        for blocks in [
            vec![html("<dl><dt>a</dt></dl>")],
            vec![html("<dl> <dt>"), paragraph()],
            vec![html("<dl> <dt>"), paragraph(), html("</dt> <div>")],
            vec![html("<dl> <dt> x"), paragraph(), html("</dt></dl>")],
            vec![html("<dl>"), paragraph(), html("</dl>")],
            vec![html("<dl> <dt>"), paragraph(), html("</dd> </dl>")],
            vec![html("</dt> <dd>"), paragraph(), html("</dd>")],
            // Terms without definitions ("See also" lists): not a valid list.
            vec![
                html("<dl> <dt>"),
                paragraph(),
                html("</dt> <dt>"),
                paragraph(),
                html("</dt> </dl>"),
            ],
            vec![html("<dl> <dd>"), paragraph(), html("</dd> </dl>")],
        ] {
            assert_eq!(closing(&blocks), None, "{blocks:?}");
        }
    }
}
