//! Blocks of the model → HTML. One [`Html`] writer per rendered body; it
//! collects the table of contents, procedure steps, assets to copy and the
//! warnings (broken links, missing images) met on the way.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::catalog::Catalog;
use super::i18n::Labels;
use super::sanitize::{clean_html_block, is_safe_url, push_escaped};
use super::text::Sources;
use super::CrossLink;
use crate::diag::Diagnostic;
use crate::extract::Entitlements;
use crate::model::{Article, Block, Inline};
use crate::sxs::tag::Tag;

/// Which side of each segment a body shows: the translation (each sentence
/// carrying its English source) or the English source only.
pub use crate::model::Side;

/// What a body is rendered against.
pub struct Ctx<'a> {
    /// The article.
    pub article: &'a Article,
    /// Translation or English.
    pub side: Side,
    /// Every article, to resolve links.
    pub catalog: &'a Catalog,
    /// URL segment of the page's locale (`ko-kr`, `en-us`).
    pub page_locale: &'a str,
    /// `../` prefix from the page to the site root.
    pub root: &'a str,
    /// Interface text of the page's locale.
    pub labels: &'a Labels,
    /// Interface text in English (for the English of a translated label).
    pub english_labels: &'a Labels,
    /// The content directory, to find images.
    pub content_root: &'a Path,
    /// Whether headings get ids (the second column of side-by-side doesn't).
    pub ids: bool,
    /// Extracted facts of the article: its entitlement tables are rendered
    /// from them, identically structured in every locale.
    pub entitlements: Option<&'a Entitlements>,
    /// Locale tag whose labels the page shows (`ko-KR`, `en-US`).
    pub tag: &'a str,
    /// Both sides of every segment as escaped plain text, when the article
    /// has them already (else each is escaped as it is shown).
    pub sources: Option<&'a Sources>,
    /// The included files being rendered, outermost first (empty for an
    /// article's own body): how deep includes are, and whether one
    /// includes itself.
    pub includes: &'a [String],
}

/// A table-of-contents entry (h2/h3).
#[derive(Debug, Clone, Serialize)]
pub struct TocEntry {
    /// 2 or 3.
    pub level: u8,
    /// Anchor id.
    pub id: String,
    /// Heading text.
    pub text: String,
}

/// A file of the content tree the site needs a copy of.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Asset {
    /// Where it is.
    pub from: PathBuf,
    /// Root-relative destination (`media/ko-KR/images/a.png`).
    pub to: String,
}

/// A rendered body and what was found while rendering it.
#[derive(Debug, Default)]
pub struct Body {
    /// The HTML.
    pub html: String,
    /// h2/h3 headings.
    pub toc: Vec<TocEntry>,
    /// Plain text of the items of top-level ordered lists (procedure steps).
    pub steps: Vec<String>,
    /// Files to copy.
    pub assets: BTreeSet<Asset>,
    /// Broken links and missing images.
    pub diagnostics: Vec<Diagnostic>,
    /// Files the body includes (`[!INCLUDE]`), content-relative, found or
    /// not: the page changes when one of them does.
    pub includes: BTreeSet<String>,
    /// Links to an element of the page (`#x`), each with the warning it is
    /// when the page has no such element (known once the body is done).
    pub(super) fragments: Vec<(String, Diagnostic)>,
    /// Links to an element of another page (`other.md#x`), judged once
    /// every page is rendered.
    pub(super) links: Vec<CrossLink>,
    /// [`super::id_hash`] of every element id of the page, sorted.
    pub(super) ids: Vec<u64>,
    /// Files included into the page so far, nested ones counted, this
    /// body's and those before it ([`super::include`]).
    pub(super) included: usize,
    /// Hashes of [`Body::diagnostics`].
    seen: crate::check::hash::FastSet<u64>,
}

impl Body {
    /// Adds a finding, unless the body has it already (a page repeats a
    /// broken link or a missing image).
    ///
    /// A hash of each finding added tells a new one at once; only a hash
    /// seen before is compared with the findings, newest first. (Comparing
    /// every finding with all before it took 0.9 s on a page of 20,000
    /// broken links.)
    pub(super) fn add_diagnostic(&mut self, d: Diagnostic) {
        use std::hash::BuildHasher;
        let hash = crate::check::hash::FastState::default().hash_one(&d);
        if self.seen.insert(hash) || !self.diagnostics.iter().rev().any(|x| *x == d) {
            self.diagnostics.push(d);
        }
    }
}

/// Writes one body.
pub struct Html<'c, 'a> {
    pub(super) ctx: &'c Ctx<'a>,
    pub(super) out: String,
    pub(super) body: Body,
    pub(super) used_ids: BTreeSet<String>,
    /// For each heading id base, the suffix [`Html::unique_id`] tries next.
    suffixes: crate::check::hash::FastMap<String, usize>,
    pub(super) in_link: usize,
    /// Phrasing tags of inline raw HTML open now (`<kbd>`), innermost
    /// last, each with whether it is a link (`<a href>`).
    pub(super) raw_open: Vec<(&'static str, bool)>,
    /// How many of [`Html::raw_open`] the run being rendered may not close.
    pub(super) raw_floor: usize,
    pub(super) depth: usize,
    /// Line of the block being rendered, or of the segment or link in it
    /// (where its warnings point).
    pub(super) line: u32,
    /// Column with that line (1 at a block's start; 0 with line 0).
    pub(super) column: u32,
    /// Anchor of the last heading (the section extracted facts name).
    pub(super) section: Option<String>,
    /// Sections whose entitlement table was rendered from extracted data.
    pub(super) tables_done: BTreeSet<Option<String>>,
    /// Level of the last heading (1 before any).
    pub(super) level: u8,
}

/// Renders the article's blocks into `out` (an empty string, perhaps with
/// capacity to spare).
pub fn body(ctx: &Ctx<'_>, out: String) -> Body {
    let (mut body, ids) = body_within(ctx, out, BTreeSet::new(), 0, 0);
    for (id, warning) in std::mem::take(&mut body.fragments) {
        if !(ids.contains(&id) || on_every_page(&id)) {
            body.add_diagnostic(warning);
        }
    }
    let mut hashes: Vec<u64> = ids.iter().map(|id| super::id_hash(id)).collect();
    hashes.sort_unstable();
    hashes.dedup();
    body.ids = hashes;
    body
}

/// [`body`], within a body that already has the element ids `used_ids`
/// and is `depth` blocks deep (an included file's); returns the ids used
/// after it too. `included` files were included into the page before it.
pub(super) fn body_within(
    ctx: &Ctx<'_>,
    out: String,
    used_ids: BTreeSet<String>,
    depth: usize,
    included: usize,
) -> (Body, BTreeSet<String>) {
    let mut html = Html {
        ctx,
        out,
        body: Body {
            included,
            ..Body::default()
        },
        used_ids,
        suffixes: Default::default(),
        in_link: 0,
        raw_open: Vec::new(),
        raw_floor: 0,
        depth,
        line: 0,
        column: 0,
        section: None,
        tables_done: BTreeSet::new(),
        level: 1,
    };
    html.blocks(&ctx.article.blocks);
    let mut body = html.body;
    body.html = html.out;
    (body, html.used_ids)
}

/// How many `<tag` open and `</tag` close in `raw` (any case): for an
/// element that raw HTML opens in one block and closes in a later one.
pub(super) fn tag_balance(raw: &str, tag: &str) -> isize {
    let lower = raw.to_ascii_lowercase();
    let opens = lower.matches(&format!("<{tag}")).count();
    let closes = lower.matches(&format!("</{tag}")).count();
    opens as isize - closes as isize
}

impl Html<'_, '_> {
    /// Findings point at the start of the block on `line` from here on.
    pub(super) fn at_block(&mut self, line: u32) {
        self.line = line;
        self.column = u32::from(line > 0);
    }

    pub(super) fn blocks(&mut self, blocks: &[Block]) {
        let mut rest = blocks;
        while let Some(block) = rest.first() {
            let mut taken = self.tabs(rest);
            if taken == 0 {
                taken = self.details(rest);
            }
            if taken == 0 {
                taken = self.conditional(rest);
            }
            if taken == 0 {
                taken = self.split_table(rest);
            }
            if taken == 0 {
                taken = self.definitions(rest);
            }
            if taken == 0 {
                self.block(block);
                taken = 1;
            }
            rest = rest.get(taken..).unwrap_or_default();
        }
    }

    /// Whether a paragraph is one pair of a directive line
    /// ([`crate::model::Segment::is_directive_pair`]).
    fn is_directive_pair(&self, content: &[Inline]) -> bool {
        Inline::lone_segment(content)
            .and_then(|i| self.ctx.article.segment(i))
            .is_some_and(|s| s.is_directive_pair())
    }

    pub(super) fn block(&mut self, block: &Block) {
        self.at_block(block.line());
        match block {
            Block::Heading {
                level,
                anchor,
                content,
                ..
            } => self.heading(*level, anchor.as_deref(), content),
            // A directive line put in a pair, as directive blocks: not shown.
            Block::Paragraph { content, .. } if self.is_directive_pair(content) => {}
            Block::Paragraph { content, .. } => {
                self.out.push_str("<p>");
                self.inlines(content);
                self.out.push_str("</p>\n");
            }
            Block::List {
                start,
                items,
                tight,
                ..
            } => self.list(*start, items, *tight),
            Block::Table {
                alignments,
                head,
                rows,
                ..
            } => {
                if !self.extracted_table() {
                    self.table(alignments, head, rows)
                }
            }
            Block::Note { kind, blocks, .. } => self.note(*kind, blocks),
            Block::Quote {
                class: None,
                blocks,
                ..
            } => {
                self.out.push_str("<blockquote>\n");
                self.nested(blocks);
                self.out.push_str("</blockquote>\n");
            }
            // `> [!div class="nextstepaction"]`; the parser kept only
            // class-name characters.
            Block::Quote {
                class: Some(class),
                blocks,
                ..
            } => {
                self.out.push_str("<div class=\"");
                push_escaped(&mut self.out, class);
                self.out.push_str("\">\n");
                self.nested(blocks);
                self.out.push_str("</div>\n");
            }
            Block::Code { lang, text, .. } => self.code(lang.as_deref(), text),
            Block::Image { src, alt, .. } => {
                self.image(src, alt, "", false);
                self.out.push('\n');
            }
            Block::Html { raw, content, .. } => {
                self.block_anchors(raw);
                let div = self.out.len();
                self.out.push_str("<div class=\"raw\">");
                let inside = self.out.len();
                self.raw_block(raw, content);
                // A comment, tags the cleaner drops, or the halves of a
                // `<dl><dt>` wrapped around Markdown leave nothing to show.
                match shows_nothing(&self.out[inside..]) {
                    true => self.out.truncate(div),
                    false => self.out.push_str("</div>\n"),
                }
            }
            Block::Rule { .. } => self.out.push_str("<hr>\n"),
            Block::Extension { name, target, .. } => self.extension(name, target),
            Block::Directive { .. } => {}
        }
    }

    /// `[!INCLUDE …]`, `[!code-lang …]`, `[!VIDEO url]`; other extensions
    /// (DocFX's own, for its site) show nothing.
    fn extension(&mut self, name: &str, target: &str) {
        let lower = name.to_ascii_lowercase();
        if lower == "include" {
            self.include(target);
        } else if let Some(lang) = lower.strip_prefix("code") {
            self.code_snippet(lang.trim_start_matches('-'), target);
        } else if lower == "video" && is_safe_url(target) && target.contains("://") {
            self.out.push_str("<p class=\"video\"><a href=\"");
            push_escaped(&mut self.out, target);
            self.out.push_str("\">");
            push_escaped(&mut self.out, target);
            self.out.push_str("</a></p>\n");
        }
    }

    /// A raw HTML block, cleaned: as written when it has no segments,
    /// else through [`Html::html_block`].
    /// The ids an HTML block gives its elements (`<a name="x"/>`,
    /// `<span id="x" />` on a line of their own, `<div id="x">`) are where
    /// links lead, but the cleaner keeps no ids: each becomes an empty
    /// anchor before the block.
    fn block_anchors(&mut self, raw: &str) {
        let mut rest = raw;
        while let Some(open) = rest.find('<') {
            rest = &rest[open..];
            let Some(close) = rest.find('>') else { break };
            let Some(tag) = Tag::parse(&rest[..=close]) else {
                rest = &rest[1..];
                continue;
            };
            rest = &rest[close + 1..];
            if tag.closing {
                continue;
            }
            let id = match tag.attrs(["href", "name", "id"]) {
                [None, name, id] if tag.is("a") => name.or(id),
                [.., id] => id,
            };
            if self.empty_anchor(id) {
                self.out.push('\n');
            }
        }
    }

    pub(super) fn raw_block(&mut self, raw: &str, content: &[Inline]) {
        if content.is_empty() {
            self.out.push_str(&clean_html_block(raw));
        } else {
            self.html_block(content);
        }
    }

    /// An HTML block with segments (a `<table>` of sentences): its tags
    /// are cleaned as one block, so that the table keeps its rows and
    /// cells, with each segment (and any other inline the parser made)
    /// rendered where it stood. Each stands in the block as a marker of
    /// private-use characters while it is cleaned; one the cleaner dropped
    /// (inside a `<script>`, say) comes after the block: none is lost.
    pub(super) fn html_block(&mut self, content: &[Inline]) {
        let mut raw = String::new();
        let mut held = Vec::new();
        for inline in content {
            match inline {
                Inline::Html { html } => raw.push_str(html),
                Inline::LineBreak => raw.push_str("<br>"),
                Inline::SoftBreak => raw.push('\n'),
                Inline::Text { text } => {
                    let text = text.replace([MARK_OPEN, MARK_CLOSE], "\u{fffd}");
                    push_escaped(&mut raw, &text);
                }
                other => {
                    raw.push(MARK_OPEN);
                    raw.push_str(&held.len().to_string());
                    raw.push(MARK_CLOSE);
                    held.push(other);
                }
            }
        }
        let clean = clean_html_block(&raw);
        let mut shown = vec![false; held.len()];
        let mut rest = clean.as_str();
        // `<summary>` is a control, as a link is: nothing in it takes focus.
        let mut summaries = 0usize;
        while let Some(open) = rest.find(MARK_OPEN) {
            let before = &rest[..open];
            self.out.push_str(before);
            let opened = before.matches("<summary>").count();
            let closed = before.matches("</summary>").count();
            let open_now = (summaries + opened).saturating_sub(closed);
            self.in_link = self.in_link.saturating_sub(summaries) + open_now;
            summaries = open_now;
            let after = &rest[open + MARK_OPEN.len_utf8()..];
            let close = after.find(MARK_CLOSE).unwrap_or(after.len());
            match after[..close]
                .parse::<usize>()
                .ok()
                .filter(|&i| i < held.len())
            {
                Some(i) if !shown[i] => {
                    shown[i] = true;
                    self.inline(held[i]);
                }
                _ => {}
            }
            rest = after
                .get(close + MARK_CLOSE.len_utf8()..)
                .unwrap_or_default();
        }
        self.out.push_str(rest);
        self.in_link = self.in_link.saturating_sub(summaries);
        for (inline, shown) in held.into_iter().zip(shown) {
            if !shown {
                self.inline(inline);
            }
        }
    }

    pub(super) fn nested(&mut self, blocks: &[Block]) {
        self.depth += 1;
        self.blocks(blocks);
        self.depth -= 1;
    }

    fn heading(&mut self, level: u8, anchor: Option<&str>, content: &[crate::model::Inline]) {
        let level = level.clamp(1, 6);
        self.level = level;
        // The section extraction names (and so its tables).
        self.section = self.ctx.article.heading_id(anchor, content);
        let id = match self.ctx.ids {
            true => Some(self.unique_id(&self.section.clone().unwrap_or_default(), level)),
            false => None,
        };
        self.out.push_str("<h");
        self.out.push(char::from(b'0' + level));
        if let Some(id) = &id {
            self.out.push_str(" id=\"");
            push_escaped(&mut self.out, id);
            self.out.push('"');
        }
        self.out.push('>');
        self.inlines(content);
        self.out.push_str("</h");
        self.out.push(char::from(b'0' + level));
        self.out.push_str(">\n");
        if let (Some(id), 2 | 3) = (id, level) {
            let text = self.plain(content);
            self.body.toc.push(TocEntry { level, id, text });
        }
    }

    /// An id no other element of the page has (HTML ids can't hold spaces).
    pub(super) fn unique_id(&mut self, anchor: &str, level: u8) -> String {
        let base: String = anchor
            .chars()
            .map(|c| if c.is_whitespace() { '-' } else { c })
            .collect();
        let base = if base.is_empty() {
            format!("h{level}-{}", self.used_ids.len() + 1)
        } else {
            base
        };
        if !is_reserved(&base) && self.used_ids.insert(base.clone()) {
            return base;
        }
        // Taken: the next suffix to try for this base. A page of 20,000
        // equal headings tried every suffix from 2 up for each (quadratic:
        // 78 s).
        let n = self.suffixes.entry(base.clone()).or_insert(1);
        let mut id = base.clone();
        if *n > 1 {
            id = format!("{base}-{n}");
        }
        while !self.used_ids.insert(id.clone()) || is_reserved(&id) {
            *n += 1;
            id = format!("{base}-{n}");
        }
        id
    }

    pub(super) fn code(&mut self, lang: Option<&str>, text: &str) {
        self.out.push_str("<pre><code");
        if let Some(lang) = lang.filter(|l| !l.is_empty()) {
            self.out.push_str(" class=\"language-");
            push_escaped(&mut self.out, lang);
            self.out.push('"');
        }
        self.out.push('>');
        push_escaped(&mut self.out, text);
        self.out.push_str("</code></pre>\n");
    }
}

/// Around the index of an inline held out of an HTML block while it is
/// cleaned ([`Html::html_block`]): private-use characters, which the
/// cleaner keeps as text.
const MARK_OPEN: char = '\u{e000}';
const MARK_CLOSE: char = '\u{e001}';

/// Ids a link may name on any page: the layout's own, and `#top`.
pub(super) fn on_every_page(id: &str) -> bool {
    is_reserved(id) || id == "top"
}

/// Ids the page layout uses itself.
pub(super) fn is_reserved(id: &str) -> bool {
    matches!(
        id,
        "main" | "toc" | "view-switch" | "english" | "code-filter" | "toc-title"
    )
}

/// Whether cleaned HTML shows nothing: no text between its tags, and no
/// rule.
fn shows_nothing(html: &str) -> bool {
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag && !c.is_whitespace() => return false,
            _ => {}
        }
    }
    !html.contains("<hr")
}
