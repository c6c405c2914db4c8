//! Entitlement tables rendered from the extracted data ([`crate::extract`])
//! rather than from the Markdown table: tiers as columns, benefits as rows,
//! the same structure in every locale, labels in the page's locale (English
//! where a locale lacks one).

use super::html::Html;
use super::sanitize::push_escaped;
use crate::extract::{Allowance, Labels, SOURCE_LOCALE};
use crate::model::Side;

impl Html<'_, '_> {
    /// Renders the extracted table of the current section, once; `false`
    /// when there is none (the Markdown table is rendered instead).
    pub(super) fn extracted_table(&mut self) -> bool {
        let Some(all) = self.ctx.entitlements else {
            return false;
        };
        if self.tables_done.contains(&self.section) {
            return false;
        }
        let Some(table) = all.table(&self.ctx.article.slug, self.section.as_deref()) else {
            return false;
        };
        self.tables_done.insert(self.section.clone());
        let (ui, english_ui) = (self.ctx.labels, self.ctx.english_labels);
        let benefit = ui.get("benefit").or(english_ui.get("benefit"));
        self.out.push_str("<div class=\"table-wrap\"><table class=\"entitlements\">\n<thead><tr><th scope=\"col\">");
        self.text_with_english(
            benefit.map_or("", String::as_str),
            english_ui.get("benefit").map(String::as_str),
        );
        self.out.push_str("</th>");
        for (_, name) in &table.tiers {
            self.out.push_str("<th scope=\"col\">");
            self.label(name);
            self.out.push_str("</th>");
        }
        self.out.push_str("</tr></thead>\n<tbody>\n");
        for row in &table.rows {
            self.out.push_str("<tr><th scope=\"row\">");
            self.label(row.benefit);
            if let Some(scope) = row.scope {
                self.out.push_str("<br><span class=\"scope\">");
                self.label(scope);
                self.out.push_str("</span>");
            }
            self.out.push_str("</th>");
            for cell in &row.cells {
                self.out.push_str("<td>");
                for (i, record) in cell.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str("<br>");
                    }
                    if let Some(labels) = record.allowance.label() {
                        self.label(labels);
                    } else if matches!(record.allowance, Allowance::None) {
                        self.out.push('–');
                    }
                    if let Some(condition) = &record.condition {
                        self.out.push_str(" <span class=\"condition\">(");
                        self.label(condition);
                        self.out.push_str(")</span>");
                    }
                }
                self.out.push_str("</td>");
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</tbody></table></div>\n");
        true
    }

    /// A label in the page's locale. Where that is a translation, it is
    /// written as a sentence is, with its English for hover and focus and
    /// for the side-by-side view's English column (which otherwise showed
    /// the translated table).
    fn label(&mut self, labels: &Labels) {
        let english = labels.get(SOURCE_LOCALE).map(String::as_str);
        self.text_with_english(label(labels, self.ctx.tag), english);
    }

    /// `text`, with `english` for hover, focus and the English column when
    /// the page is a translation and the two differ.
    fn text_with_english(&mut self, text: &str, english: Option<&str>) {
        let english = english.filter(|e| *e != text);
        let Some(english) = english.filter(|_| self.ctx.side == Side::Target) else {
            return push_escaped(&mut self.out, text);
        };
        self.out.push_str("<span class=\"seg\" tabindex=\"0\">");
        push_escaped(&mut self.out, text);
        self.out.push_str("<span class=\"src\" lang=\"en\">");
        push_escaped(&mut self.out, english);
        self.out.push_str("</span></span>");
    }
}

/// The label for `tag`, else English, else any.
fn label<'l>(labels: &'l Labels, tag: &str) -> &'l str {
    labels
        .get(tag)
        .or_else(|| labels.get(SOURCE_LOCALE))
        .or_else(|| labels.values().next())
        .map_or("", String::as_str)
}
