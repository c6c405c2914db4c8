//! An HTML `<table>` written with blank lines inside it:
//!
//! ```markdown
//! <table>
//! <tr>
//!
//! <td><span data-ttu-id…>…</span>…</td>
//! </tr>
//! </table>
//! ```
//!
//! A blank line ends a raw HTML block, so the table arrives as several
//! blocks. A browser reading DocFX's page puts them together again; each
//! cleaned on its own, the first would close the table where it stopped
//! (an empty row) and the cells would show outside it. Here the blocks up
//! to the one that closes the table are rendered as one HTML block, when
//! every one of them is raw HTML (seen in real Dynamics 365 articles).

use super::html::{tag_balance, Html};
use crate::model::{Block, Inline};

/// How many `<table` open and `</table` close in `raw` (any case).
fn balance(raw: &str) -> isize {
    tag_balance(raw, "table")
}

/// The index of the block that closes the table `blocks[0]` leaves open,
/// when every block up to it is raw HTML; `None` otherwise.
fn closing(blocks: &[Block]) -> Option<usize> {
    let mut depth = 0;
    for (i, block) in blocks.iter().enumerate() {
        let Block::Html { raw, .. } = block else {
            return None;
        };
        depth += balance(raw);
        if i == 0 && depth <= 0 {
            return None;
        }
        if depth <= 0 {
            return Some(i);
        }
    }
    None
}

impl Html<'_, '_> {
    /// Renders the table split across the blocks `blocks` starts with, if
    /// it is one; returns how many blocks it took (0 otherwise).
    pub(super) fn split_table(&mut self, blocks: &[Block]) -> usize {
        let Some(close) = closing(blocks) else {
            return 0;
        };
        let parts = blocks.get(..=close).unwrap_or_default();
        let mut content = Vec::new();
        for (i, block) in parts.iter().enumerate() {
            let Block::Html {
                raw,
                content: inner,
                ..
            } = block
            else {
                continue;
            };
            if i > 0 {
                content.push(Inline::SoftBreak);
            }
            match inner.is_empty() {
                true => content.push(Inline::Html { html: raw.clone() }),
                false => content.extend(inner.iter().cloned()),
            }
        }
        if let Some(first) = parts.first() {
            self.at_block(first.line());
        }
        self.out.push_str("<div class=\"raw\">");
        self.html_block(&content);
        self.out.push_str("</div>\n");
        close + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(raw: &str) -> Block {
        Block::raw_html(raw)
    }

    #[test]
    fn a_table_is_closed_by_the_block_that_balances_it() {
        let open = html("<table>\n<tr>");
        let cell = html("<td>x</td>");
        let close = html("</tr>\n</table>");
        assert_eq!(
            closing(&[open.clone(), cell.clone(), close.clone()]),
            Some(2)
        );
        // Closed in its own block, never closed, or Markdown in between.
        assert_eq!(
            closing(&[html("<table><tr><td>x</td></tr></table>"), cell.clone()]),
            None
        );
        assert_eq!(closing(&[open.clone(), cell.clone()]), None);
        let paragraph = Block::Paragraph {
            content: Vec::new(),
            line: 2,
        };
        assert_eq!(closing(&[open, paragraph, close]), None);
        assert_eq!(balance("<TABLE><table></table>"), 1);
    }
}
