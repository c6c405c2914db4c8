//! DocFX tabs: a run of headings that are each one link to `#tab/<id>`,
//! each followed by its tab's content, up to a `---` rule:
//!
//! ```markdown
//! #### [Workspaces view](#tab/workspaces-view)
//! …
//! #### [Current view](#tab/current-view)
//! …
//! * * *
//! ```
//!
//! A page shows every tab, one section after the other, each titled one
//! level below the heading it is under: the tab headings' own level (often
//! `#`) says nothing about the outline, and their `#tab/…` links lead
//! nowhere on a static page.

use super::html::Html;
use super::sanitize::push_escaped;
use crate::model::{Block, Inline};

/// A tab heading's id and title.
fn tab(block: &Block) -> Option<(&str, &[Inline], u8)> {
    let Block::Heading { level, content, .. } = block else {
        return None;
    };
    let [Inline::Link { url, children, .. }] = content.as_slice() else {
        return None;
    };
    let id = url.strip_prefix("#tab/")?;
    Some((id, children, *level))
}

impl Html<'_, '_> {
    /// Renders the tab group that starts `blocks`, if a tab heading starts
    /// it; returns how many blocks it took, its closing rule included (0
    /// for none).
    pub(super) fn tabs(&mut self, blocks: &[Block]) -> usize {
        let Some((_, _, group_level)) = blocks.first().and_then(tab) else {
            return 0;
        };
        let title_level = (self.level + 1).clamp(2, 6);
        self.out.push_str("<div class=\"tabs\">\n");
        let mut taken = 0;
        let mut open = false;
        for block in blocks {
            if let Some((id, title, _)) = tab(block) {
                if open {
                    self.out.push_str("</section>\n");
                }
                self.out.push_str("<section class=\"tab\"");
                if self.ctx.ids {
                    let id = self.unique_id(&format!("tab-{id}"), title_level);
                    self.out.push_str(" id=\"");
                    push_escaped(&mut self.out, &id);
                    self.out.push('"');
                }
                self.out.push_str(">\n<h");
                self.out.push(char::from(b'0' + title_level));
                self.out.push_str(" class=\"tab-title\">");
                self.inlines(title);
                self.out.push_str("</h");
                self.out.push(char::from(b'0' + title_level));
                self.out.push_str(">\n");
                open = true;
                taken += 1;
                continue;
            }
            match block {
                Block::Rule { .. } => {
                    taken += 1;
                    break;
                }
                // A heading as high as the tabs' ends the group too.
                Block::Heading { level, .. } if *level <= group_level => break,
                _ => {
                    self.block(block);
                    taken += 1;
                }
            }
        }
        self.out.push_str("</section>\n</div>\n");
        taken
    }
}
