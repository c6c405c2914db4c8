//! The container blocks of a body: lists, tables and DocFX notes, each
//! written around the blocks or cells it holds ([`Html::block`] for the
//! rest).

use super::html::Html;
use super::sanitize::push_escaped;
use crate::model::{Alignment, Block, Cell, ListItem, NoteKind};

impl Html<'_, '_> {
    /// A list; the paragraphs of a `tight` one's items show without
    /// `<p>`, as CommonMark renders them (a loose list's all with it).
    pub(super) fn list(&mut self, start: Option<u64>, items: &[ListItem], tight: bool) {
        let tag = if start.is_some() { "ol" } else { "ul" };
        match start {
            Some(n) if n != 1 => self.out.push_str(&format!("<ol start=\"{n}\">\n")),
            _ => {
                self.open(tag);
                self.out.push('\n');
            }
        }
        for item in items {
            if start.is_some() && self.depth == 0 {
                let step = self.item_text(item);
                self.body.steps.push(step);
            }
            self.out.push_str("<li>");
            match item.blocks.as_slice() {
                [Block::Paragraph { content, .. }] if tight => self.inlines(content),
                blocks => self.nested(blocks),
            }
            self.out.push_str("</li>\n");
        }
        self.close(tag);
        self.out.push('\n');
    }

    fn item_text(&self, item: &ListItem) -> String {
        let mut parts = Vec::new();
        for block in &item.blocks {
            if let Block::Paragraph { content, .. } = block {
                parts.push(self.plain(content));
            }
        }
        parts.join(" ")
    }

    pub(super) fn table(&mut self, alignments: &[Alignment], head: &[Cell], rows: &[Vec<Cell>]) {
        self.out
            .push_str("<div class=\"table-wrap\"><table>\n<thead><tr>");
        for (i, cell) in head.iter().enumerate() {
            self.cell("th", alignments.get(i), cell);
        }
        self.out.push_str("</tr></thead>\n<tbody>\n");
        for row in rows {
            self.out.push_str("<tr>");
            for (i, cell) in row.iter().enumerate() {
                self.cell("td", alignments.get(i), cell);
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</tbody></table></div>\n");
    }

    fn cell(&mut self, tag: &str, alignment: Option<&Alignment>, cell: &Cell) {
        let class = match alignment {
            Some(Alignment::Left) => " class=\"left\"",
            Some(Alignment::Center) => " class=\"center\"",
            Some(Alignment::Right) => " class=\"right\"",
            _ => "",
        };
        let scope = if tag == "th" { " scope=\"col\"" } else { "" };
        self.out.push('<');
        self.out.push_str(tag);
        self.out.push_str(scope);
        self.out.push_str(class);
        self.out.push('>');
        self.inlines(cell);
        self.close(tag);
    }

    pub(super) fn note(&mut self, kind: NoteKind, blocks: &[Block]) {
        let label = self
            .ctx
            .labels
            .get(&format!("note_{}", kind.as_str()))
            .cloned()
            .unwrap_or_default();
        self.out.push_str(&format!(
            "<div class=\"callout callout-{}\" role=\"note\">",
            kind.as_str()
        ));
        self.out.push_str("<p class=\"callout-label\">");
        push_escaped(&mut self.out, &label);
        self.out.push_str("</p>\n");
        self.nested(blocks);
        self.out.push_str("</div>\n");
    }
}
