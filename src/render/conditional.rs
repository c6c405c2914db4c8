//! DocFX's conditional sections: `::: moniker range="o365-germany"` …
//! `::: moniker-end` and `::: zone pivot="windows"` … `::: zone-end`.
//! DocFX shows the one the reader's version or platform selects; a static
//! page shows them all, each in a section that says what it applies to,
//! so that three variants of step 2 do not read as three steps.

use super::html::Html;
use super::sanitize::push_escaped;
use crate::model::{condition, condition_end, Block};

impl Html<'_, '_> {
    /// Renders the conditional section `blocks` starts with, if it does
    /// and it is closed; returns how many blocks it took (0 otherwise). A
    /// section of the same kind opening before the close leaves the lines
    /// as they are (not shown), as an unclosed one does.
    pub(super) fn conditional(&mut self, blocks: &[Block]) -> usize {
        let Some(Block::Directive { name, attrs, .. }) = blocks.first() else {
            return 0;
        };
        let Some(end) = condition_end(name) else {
            return 0;
        };
        let inner = blocks.get(1..).unwrap_or_default();
        let close = inner
            .iter()
            .position(|b| matches!(b, Block::Directive { name: n, .. } if n == end || n == name));
        let Some(close) =
            close.filter(|&c| matches!(&inner[c], Block::Directive { name: n, .. } if n == end))
        else {
            return 0;
        };
        let condition = condition(attrs).unwrap_or_default();
        self.out
            .push_str("<section class=\"applies-to\" data-condition=\"");
        push_escaped(&mut self.out, &condition);
        self.out.push_str("\">\n<p class=\"applies-to-label\">");
        let label = self
            .ctx
            .labels
            .get("applies_to")
            .cloned()
            .unwrap_or_default();
        push_escaped(&mut self.out, &label);
        self.out.push_str(" <code>");
        push_escaped(&mut self.out, &condition);
        self.out.push_str("</code></p>\n");
        self.blocks(inner.get(..close).unwrap_or_default());
        self.out.push_str("</section>\n");
        close + 2
    }
}
