//! Inlines of the model → HTML: segments with their English source, links
//! rewritten to the site's pages, images copied from the content tree.

use super::html::{is_reserved, Html, Side};
use super::links::Target;
use super::sanitize::{clean_html, is_safe_url, phrasing, push_escaped};
use super::text::{is_all_text, Escaped, HasText};
use crate::diag::{Code, Diagnostic};
use crate::model::{bare_urls, may_have_urls, xref_text, xref_uid, Inline, Segment};
use crate::sxs::{decode_entities, tag::Tag};

impl Html<'_, '_> {
    /// Renders a run of inlines. Raw HTML tags opened in it close by its end.
    pub(super) fn inlines(&mut self, inlines: &[Inline]) {
        let floor = std::mem::replace(&mut self.raw_floor, self.raw_open.len());
        for inline in inlines {
            self.inline(inline);
        }
        self.close_raw(self.raw_floor);
        self.raw_floor = floor;
    }

    pub(super) fn inline(&mut self, inline: &Inline) {
        match inline {
            Inline::Text { text } => self.text(text),
            Inline::Code { code } => self.wrap_text("code", code),
            Inline::Strong { children } => self.wrap("strong", children),
            Inline::Emphasis { children } => self.wrap("em", children),
            Inline::Strikethrough { children } => self.wrap("del", children),
            Inline::Link {
                url,
                title,
                autolink,
                children,
            } => self.link(url, title, *autolink, children),
            Inline::Image { url, alt, title } => {
                // The alt text on the page's side: its segments too. Alt
                // text outside segments is in the file's language, English
                // page or not.
                let mut text = String::new();
                self.ctx.article.write_plain(alt, self.ctx.side, &mut text);
                let own = Inline::first_segment(alt).is_some();
                self.image(url, &text, title, own)
            }
            Inline::Include { label, target } => self.inline_include(label, target),
            Inline::Html { html } => self.raw_html(html),
            Inline::SoftBreak => self.out.push('\n'),
            Inline::LineBreak => self.out.push_str("<br>"),
            Inline::Segment { index } => {
                if let Some(segment) = self.ctx.article.segment(*index) {
                    self.segment(*index, segment);
                }
            }
        }
    }

    /// Text; a URL written in it (`https://aka.ms/x`) is a link, as DocFX
    /// makes it, unless the text is in a link already.
    fn text(&mut self, text: &str) {
        if self.in_link > 0 || !may_have_urls(text) {
            return push_escaped(&mut self.out, text);
        }
        let mut urls = Vec::new();
        bare_urls(text, &mut |url| {
            let start = url.as_ptr() as usize - text.as_ptr() as usize;
            urls.push(start..start + url.len());
        });
        let mut at = 0;
        for range in urls {
            let (Some(before), Some(url)) = (text.get(at..range.start), text.get(range.clone()))
            else {
                continue;
            };
            push_escaped(&mut self.out, before);
            if is_safe_url(url) {
                self.out.push_str("<a href=\"");
                push_escaped(&mut self.out, url);
                self.out.push_str("\">");
                push_escaped(&mut self.out, url);
                self.out.push_str("</a>");
            } else {
                push_escaped(&mut self.out, url);
            }
            at = range.end;
        }
        push_escaped(&mut self.out, text.get(at..).unwrap_or_default());
    }

    /// Inline raw HTML, which pulldown-cmark hands over one tag at a time
    /// (`<kbd>`, the text, `</kbd>`). An allowed phrasing tag opens here
    /// and closes at its `</tag>`, or at the latest at the end of the run
    /// it opened in; a closing tag that closes nothing open is dropped. An
    /// `<a href>` leads where a Markdown link to the same URL would. Any
    /// other HTML goes through the cleaner.
    fn raw_html(&mut self, html: &str) {
        let Some(tag) = Tag::parse(html) else {
            return self.out.push_str(&clean_html(html));
        };
        let Some(name) = phrasing(&tag) else {
            self.span_anchor(&tag);
            return self.out.push_str(&clean_html(html));
        };
        if tag.closing {
            if let Some(at) = (self.raw_open.get(self.raw_floor..).unwrap_or_default())
                .iter()
                .rposition(|&(open, _)| open == name)
            {
                self.close_raw(self.raw_floor + at);
            }
            return;
        }
        if name == "br" {
            return self.out.push_str("<br>");
        }
        if tag.self_closing {
            // `<kbd/>` holds nothing; `<a name="x"/>` is still an anchor.
            if let ("a", [None, name, id]) = (name, tag.attrs(["href", "name", "id"])) {
                self.empty_anchor(name.or(id));
            }
            return;
        }
        let link = match (name, tag.attrs(["href", "name", "id"])) {
            ("a", [Some(href), ..]) => {
                self.raw_link(&decode_entities(href));
                true
            }
            ("a", [None, name, id]) => {
                self.raw_anchor(name.or(id));
                false
            }
            _ => {
                self.open(name);
                false
            }
        };
        self.raw_open.push((name, link));
    }

    /// `<a href>` of raw HTML, its URL rewritten as a link's is.
    fn raw_link(&mut self, url: &str) {
        self.in_link += 1;
        if self.open_a(url).is_none() {
            self.out.push_str("<a");
        }
        self.out.push('>');
    }

    /// `<a name="x">` (or `id`) of raw HTML: a target for `#x`, unless the
    /// page has an element with that id already.
    fn raw_anchor(&mut self, name: Option<&str>) {
        let Some(name) = name.and_then(|name| self.fresh_id(name)) else {
            return self.out.push_str("<a>");
        };
        self.out.push_str("<a id=\"");
        push_escaped(&mut self.out, &name);
        self.out.push_str("\">");
    }

    /// `<a id="x"></a>` for the id `raw` names, when it is
    /// [`Html::fresh_id`]; whether it was written.
    pub(super) fn empty_anchor(&mut self, raw: Option<&str>) -> bool {
        let Some(id) = raw.and_then(|raw| self.fresh_id(raw)) else {
            return false;
        };
        self.out.push_str("<a id=\"");
        push_escaped(&mut self.out, &id);
        self.out.push_str("\"></a>");
        true
    }

    /// `<span id="x">` in a sentence is an anchor, as `<a name="x">` is:
    /// its id is kept on an empty span, the span itself is not.
    fn span_anchor(&mut self, tag: &Tag<'_>) {
        if tag.closing || !tag.is("span") {
            return;
        }
        let [Some(id)] = tag.attrs(["id"]) else {
            return;
        };
        if let Some(id) = self.fresh_id(id) {
            self.out.push_str("<span id=\"");
            push_escaped(&mut self.out, &id);
            self.out.push_str("\"></span>");
        }
    }

    /// The id `raw` (entities decoded) names, taken for this page unless it
    /// is empty, has a space, is reserved or is taken already.
    fn fresh_id(&mut self, raw: &str) -> Option<String> {
        let id = decode_entities(raw);
        let fresh = !id.is_empty()
            && !id.contains(char::is_whitespace)
            && !is_reserved(&id)
            && self.used_ids.insert(id.clone());
        fresh.then_some(id)
    }

    /// Closes the raw HTML tags open above the first `keep`.
    fn close_raw(&mut self, keep: usize) {
        while self.raw_open.len() > keep {
            let Some((name, link)) = self.raw_open.pop() else {
                break;
            };
            if link {
                self.in_link -= 1;
            }
            self.close(name);
        }
    }

    fn wrap(&mut self, tag: &str, children: &[Inline]) {
        self.open(tag);
        self.inlines(children);
        self.close(tag);
    }

    fn wrap_text(&mut self, tag: &str, text: &str) {
        self.open(tag);
        push_escaped(&mut self.out, text);
        self.close(tag);
    }

    /// `<tag>`.
    pub(super) fn open(&mut self, tag: &str) {
        self.out.push('<');
        self.out.push_str(tag);
        self.out.push('>');
    }

    /// `</tag>`.
    pub(super) fn close(&mut self, tag: &str) {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
    }

    fn segment(&mut self, index: usize, segment: &Segment) {
        let was = self.at(segment.line, segment.column);
        self.segment_at(index, segment);
        (self.line, self.column) = was;
    }

    /// Moves where findings point to `line`:`column` (unless unknown, 0);
    /// returns where they pointed.
    fn at(&mut self, line: u32, column: u32) -> (u32, u32) {
        let was = (self.line, self.column);
        if line > 0 {
            (self.line, self.column) = (line, column.max(1));
        }
        was
    }

    /// [`Html::segment`], its findings pointing at it.
    fn segment_at(&mut self, index: usize, segment: &Segment) {
        if self.ctx.side == Side::Source {
            self.side(index, &segment.source, Side::Source);
            return;
        }
        if self.in_link > 0 {
            // Nothing focusable may sit inside a link: the title carries the source.
            self.out.push_str("<span class=\"seg\" data-id=\"");
            push_escaped(&mut self.out, segment.id.as_str());
            self.out.push_str("\" title=\"");
            self.source(index, segment);
            self.out.push_str("\">");
            self.side(index, &segment.target, Side::Target);
            self.out.push_str("</span>");
            return;
        }
        self.out
            .push_str("<span class=\"seg\" tabindex=\"0\" data-id=\"");
        push_escaped(&mut self.out, segment.id.as_str());
        self.out.push_str("\">");
        self.side(index, &segment.target, Side::Target);
        self.out.push_str("<span class=\"src\" lang=\"en\">");
        self.source(index, segment);
        self.out.push_str("</span></span>");
    }

    /// One side of segment `index` as HTML: copied from the article's
    /// escaped texts when it is all text (the same bytes) with no URL to
    /// link, else rendered.
    fn side(&mut self, index: usize, inlines: &[Inline], side: Side) {
        let copied = self
            .ctx
            .sources
            .map(|s| s.side(index, side))
            .filter(|text| is_all_text(inlines) && (self.in_link > 0 || !may_have_urls(text)));
        match copied {
            Some(text) => self.out.push_str(text),
            None => self.inlines(inlines),
        }
    }

    /// The segment's English source as escaped plain text.
    fn source(&mut self, index: usize, segment: &Segment) {
        match self.ctx.sources {
            Some(sources) => self.out.push_str(sources.get(index)),
            None => Inline::write_plain_text(&segment.source, &mut Escaped(&mut self.out)),
        }
    }

    fn link(&mut self, url: &str, title: &str, autolink: bool, children: &[Inline]) {
        if let Some(uid) = xref_uid(url).filter(|_| autolink) {
            // `<xref:uid>` reads as the name of what it names.
            let name = [Inline::Code {
                code: xref_text(uid),
            }];
            return self.link_at(url, title, &name);
        }
        // A link around a sentence (`[<span…>…</span>](b.md)`) is found
        // where that sentence is, not at its block's first line.
        let segment = Inline::first_segment(children).and_then(|i| self.ctx.article.segment(i));
        let was = segment.map(|s| self.at(s.line, s.column));
        self.link_at(url, title, children);
        if let Some(was) = was {
            (self.line, self.column) = was;
        }
    }

    /// [`Html::link`], its text `children`, at the block's position.
    fn link_at(&mut self, url: &str, title: &str, children: &[Inline]) {
        match self.open_a(url) {
            None => self.inlines(children),
            Some(true) => {
                let tip = self
                    .ctx
                    .labels
                    .get("broken_link_title")
                    .cloned()
                    .unwrap_or_default();
                self.finish_link(&tip, url, children)
            }
            Some(false) => self.finish_link(title, url, children),
        }
    }

    /// Writes `<a href="…"` for `url` as the site has it (with
    /// `class="broken-link"` when it leads nowhere), leaving the tag open
    /// for more attributes; whether it is broken. `None`, and nothing
    /// written, for a refused URL.
    fn open_a(&mut self, url: &str) -> Option<bool> {
        let (broken, href) = match self.target(url, true) {
            Target::Drop => return None,
            Target::Broken(href) => (true, href),
            Target::Keep(href) => (false, href),
            Target::Site(path) => (false, format!("{}{path}", self.ctx.root)),
        };
        self.out.push_str(match broken {
            true => "<a class=\"broken-link\" href=\"",
            false => "<a href=\"",
        });
        push_escaped(&mut self.out, &href);
        self.out.push('"');
        Some(broken)
    }

    fn finish_link(&mut self, title: &str, url: &str, children: &[Inline]) {
        if !title.is_empty() {
            self.out.push_str(" title=\"");
            push_escaped(&mut self.out, title);
            self.out.push('"');
        }
        self.out.push('>');
        self.in_link += 1;
        let mut text = HasText::default();
        self.ctx
            .article
            .write_plain(children, self.ctx.side, &mut text);
        if !text.0 {
            // Translations sometimes drop a link's text: show the URL so the link has a name.
            push_escaped(&mut self.out, url);
        } else {
            self.inlines(children);
        }
        self.in_link -= 1;
        self.out.push_str("</a>");
    }

    /// Renders an image, or its alt text when the content lacks the file.
    /// `alt` is in the page's language when `own` (made of segments);
    /// otherwise it is the file's words, marked with the file's language
    /// on an English page (the localization pipeline translates some alt
    /// text outside any pair).
    pub(super) fn image(&mut self, url: &str, alt: &str, title: &str, own: bool) {
        let foreign = (!own && self.ctx.side == Side::Source && !alt.trim().is_empty())
            .then(|| self.ctx.article.locale.as_str());
        let src = match self.target(url, false) {
            Target::Keep(src) => src,
            Target::Site(path) => format!("{}{path}", self.ctx.root),
            Target::Broken(_) | Target::Drop => {
                // Without alt text the reader still learns what is missing:
                // the file's name.
                let name = match alt.trim() {
                    "" => url.rsplit(['/', '\\']).next().unwrap_or(url),
                    _ => alt,
                };
                self.out.push_str("<span class=\"missing-image\"");
                self.lang_attr(foreign);
                self.out.push('>');
                push_escaped(&mut self.out, name);
                return self.out.push_str("</span>");
            }
        };
        self.out.push_str("<img src=\"");
        push_escaped(&mut self.out, &src);
        self.out.push_str("\" alt=\"");
        push_escaped(&mut self.out, alt);
        self.out.push('"');
        self.lang_attr(foreign);
        if !title.is_empty() {
            self.out.push_str(" title=\"");
            push_escaped(&mut self.out, title);
            self.out.push('"');
        }
        self.out.push_str(" loading=\"lazy\">");
    }

    /// ` lang="…"` when `lang` is some.
    fn lang_attr(&mut self, lang: Option<&str>) {
        if let Some(lang) = lang {
            self.out.push_str(" lang=\"");
            push_escaped(&mut self.out, lang);
            self.out.push('"');
        }
    }

    pub(super) fn warn(&mut self, code: Code, message: String, hint: &str) {
        if let Some(d) = self.finding(code, message, hint) {
            self.body.add_diagnostic(d);
        }
    }

    /// Whether what this body finds is reported: not on the English column
    /// of a translated page, which repeats the links of the translation.
    pub(super) fn reports(&self) -> bool {
        !(self.ctx.side == Side::Source && self.ctx.page_locale != "en-us")
    }

    /// A warning at the block being rendered, when the body
    /// [`Html::reports`] its findings.
    pub(super) fn finding(&self, code: Code, message: String, hint: &str) -> Option<Diagnostic> {
        let article = self.ctx.article;
        if !self.reports() {
            return None;
        }
        let d = Diagnostic::new(code, &article.path, self.line, self.column, message)
            .with_locale(article.locale.as_str())
            .with_hint(hint);
        Some(d)
    }

    /// Plain text of inlines on this body's side.
    pub(super) fn plain(&self, inlines: &[Inline]) -> String {
        let mut out = String::new();
        self.ctx
            .article
            .write_plain(inlines, self.ctx.side, &mut out);
        out.trim().to_string()
    }
}
