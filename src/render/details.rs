//! A `<details>` disclosure written across Markdown blocks:
//!
//! ```markdown
//! <details>
//! <summary>Show the steps</summary>
//!
//! 1. Sentences, lists, notes…
//!
//! </details>
//! ```
//!
//! The blank lines end the raw HTML block, so the opening tag, the blocks
//! inside and the closing tag arrive as separate blocks. Each is cleaned on
//! its own, which would close `<details>` where it opened and drop the lone
//! `</details>`: the content would show outside a disclosure whose summary
//! opens onto nothing. Here the blocks between the two tags become the
//! disclosure's content.

use super::html::{tag_balance, Html};
use crate::model::Block;

/// How many `<details` open and `</details` close in `raw` (any case).
fn balance(raw: &str) -> isize {
    tag_balance(raw, "details")
}

/// Whether a raw HTML block starts a `<details>` it leaves open.
fn opens(raw: &str) -> bool {
    let start = raw.trim_start();
    let tag = start
        .get(..8)
        .is_some_and(|t| t.eq_ignore_ascii_case("<details"));
    let after = start.as_bytes().get(8).copied();
    tag && matches!(after, Some(b'>' | b' ' | b'\t' | b'\n' | b'/')) && balance(raw) > 0
}

/// The index of the block that is the `</details>` closing the one
/// `blocks[0]` opens (nested disclosures counted); `None` when there is
/// none on its own, or something else shares its block.
fn closing(blocks: &[Block]) -> Option<usize> {
    let mut depth = 1;
    for (i, block) in blocks.iter().enumerate().skip(1) {
        let Block::Html { raw, .. } = block else {
            continue;
        };
        depth += balance(raw);
        if depth <= 0 {
            return raw.trim().eq_ignore_ascii_case("</details>").then_some(i);
        }
    }
    None
}

impl Html<'_, '_> {
    /// Renders the disclosure that starts `blocks`, if one does: its
    /// opening block (the summary with it), the blocks up to its closing
    /// tag inside it. Returns how many blocks it took, the closing tag
    /// included (0 for none).
    pub(super) fn details(&mut self, blocks: &[Block]) -> usize {
        let Some(Block::Html { raw, content, line }) = blocks.first() else {
            return 0;
        };
        // Nested deeper than the model nests anything, a disclosure shows
        // as its blocks (each rendering nests on the stack).
        if !opens(raw) || self.depth >= crate::sxs::MAX_DEPTH {
            return 0;
        }
        let Some(close) = closing(blocks) else {
            return 0;
        };
        self.at_block(*line);
        // The cleaner closes the open element at the end of the block: that
        // one closing tag is taken off and written after the content.
        let start = self.out.len();
        self.raw_block(raw, content);
        let opened = self.out[start..].trim_end();
        if opened.ends_with("</details>") {
            let keep = start + opened.len() - "</details>".len();
            self.out.truncate(keep);
        }
        self.out.push('\n');
        self.nested(blocks.get(1..close).unwrap_or_default());
        self.out.push_str("</details>\n");
        close + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_open_details_is_told_from_a_closed_one() {
        assert!(opens("<details>\n<summary>S</summary>"));
        assert!(opens("  <DETAILS open>"));
        assert!(!opens("<details><summary>S</summary>x</details>"));
        assert!(!opens("<detailsx>"));
        assert!(!opens("<p><details>"));
        assert_eq!(balance("<details><details></details>"), 1);
    }
}
