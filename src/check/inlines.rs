//! Small readers over a segment's inline tree: protected text, cross
//! references and a markup-aware fingerprint (the content rules read the
//! rest from one [`crate::check::scan`] per side). Nothing here looks at
//! Markdown text; everything walks [`Inline`]s.

use similar::{ChangeTag, TextDiff};

use crate::model::space::{self, spaces};
use crate::model::Inline;

/// Counts of emphasis-like markup in a run of inlines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Markup {
    /// `**strong**`
    pub strong: usize,
    /// `*emphasis*`
    pub emphasis: usize,
    /// `~~strikethrough~~`
    pub strike: usize,
    /// `` `code` ``
    pub code: usize,
}

impl Markup {
    /// Counts an inline HTML tag as the Markdown it stands for: an
    /// opening `<strong>` as one bold ([`html_mark`]).
    pub fn add_html(&mut self, html: &str) {
        match html_mark(html) {
            Some((Mark::Bold, true)) => self.strong += 1,
            Some((Mark::Italic, true)) => self.emphasis += 1,
            Some((Mark::Strike, true)) => self.strike += 1,
            _ => {}
        }
    }
}

/// Emphasis written as an inline HTML tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// `<b>`, `<strong>`: `**bold**`.
    Bold,
    /// `<i>`, `<em>`: `*italic*`.
    Italic,
    /// `<s>`, `<del>`, `<strike>`: `~~strikethrough~~`.
    Strike,
}

/// The emphasis an inline HTML tag writes, and whether the tag opens it:
/// `<strong>` and `<B class="x">` open bold, `</em>` closes italic. Other
/// tags (and self-closing ones) are no emphasis.
pub fn html_mark(html: &str) -> Option<(Mark, bool)> {
    let inner = html.trim().strip_prefix('<')?.strip_suffix('>')?;
    let (opens, inner) = match inner.strip_prefix('/') {
        Some(rest) => (false, rest),
        None => (true, inner),
    };
    let end = inner
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(inner.len());
    let (name, rest) = inner.split_at(end);
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) || rest.ends_with('/') {
        return None;
    }
    let is = |tags: &[&str]| tags.iter().any(|t| t.eq_ignore_ascii_case(name));
    let mark = if is(&["b", "strong"]) {
        Mark::Bold
    } else if is(&["i", "em"]) {
        Mark::Italic
    } else if is(&["s", "del", "strike"]) {
        Mark::Strike
    } else {
        return None;
    };
    Some((mark, opens))
}

/// Calls `f` on every inline of the tree, parents before children.
pub fn walk<'a>(inlines: &'a [Inline], f: &mut impl FnMut(&'a Inline)) {
    for inline in inlines {
        f(inline);
        match inline {
            Inline::Strong { children }
            | Inline::Emphasis { children }
            | Inline::Strikethrough { children }
            | Inline::Link { children, .. } => walk(children, f),
            _ => {}
        }
    }
}

pub use crate::model::{bare_urls, is_xref};

/// Protected text that must stay byte for byte: inline code, cross
/// references, includes and DocFX `{placeholder}`s in text, in order.
pub fn protected(inlines: &[Inline]) -> Vec<String> {
    let mut out = Vec::new();
    walk(inlines, &mut |i| match i {
        Inline::Code { code } => out.push(format!("`{code}`")),
        Inline::Link { url, .. } if is_xref(url) => out.push(format!("<{url}>")),
        Inline::Include { target, .. } => out.push(format!("[!INCLUDE]({target})")),
        Inline::Text { text } => placeholders(text, &mut |name| out.push(format!("{{{name}}}"))),
        _ => {}
    });
    if let Some(text) = leading_text(inlines) {
        markers(text, &mut |name| out.push(format!("[!{name}]")));
    }
    out
}

/// The text a side starts with, when it starts with what may be a DocFX
/// marker (`[!`): where machine translation leaves one it copied from the
/// line above. Only that text is searched, so that no other text pays.
pub(crate) fn leading_text(inlines: &[Inline]) -> Option<&str> {
    match inlines.first() {
        Some(Inline::Text { text }) if text.trim_start().starts_with("[!") => Some(text),
        _ => None,
    }
}

/// Calls `f` with the name of each DocFX marker written in `text`
/// (`[!NOTE]`, `[!div class="x"]`): a note's marker belongs outside the
/// spans, and one that machine translation copied into a sentence, often
/// translated (`[!注释]`), shows on the page as text.
pub(crate) fn markers<'t>(text: &'t str, f: &mut impl FnMut(&'t str)) {
    let mut rest = text;
    while let Some(open) = rest.find("[!") {
        let after = &rest[open + 2..];
        let Some(close) = after.find([']', '[']) else {
            return;
        };
        let name = &after[..close];
        // A name right after `[!` (`NOTE`, `div`), then anything up to `]`.
        let word = name.split(' ').next().unwrap_or_default();
        let closed = after[close..].starts_with(']');
        if closed && !word.is_empty() && word.chars().all(char::is_alphanumeric) && name.len() <= 80
        {
            f(name);
        }
        rest = &after[close..];
    }
}

/// Calls `f` with the name of each `{name}` / `{0}` placeholder of `text`:
/// braces around one identifier-like word.
pub(crate) fn placeholders<'t>(text: &'t str, f: &mut impl FnMut(&'t str)) {
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { return };
        let name = &after[..close];
        let ident = !name.is_empty()
            && name.len() <= 40
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-' | ':'));
        if ident {
            f(name);
            rest = &after[close + 1..];
        } else {
            rest = after;
        }
    }
}

/// A markup-aware rendering used to compare sentences: text, `code`,
/// `**strong**`, `*emphasis*` and `[text](url)` so that a changed link
/// target changes the fingerprint. Whitespace runs collapse to one space.
pub fn fingerprint(inlines: &[Inline]) -> String {
    Fingerprinter::default().of(inlines).to_string()
}

/// Writes [`fingerprint`]s into buffers it keeps, so that fingerprinting
/// every segment of a file allocates only while the buffers grow.
#[derive(Debug, Default)]
pub struct Fingerprinter {
    raw: String,
    collapsed: String,
}

impl Fingerprinter {
    /// The fingerprint of `inlines`, valid until the next call.
    pub fn of<'s>(&'s mut self, inlines: &'s [Inline]) -> &'s str {
        // Most sides are one plain sentence: its own text, borrowed.
        if let [Inline::Text { text }] = inlines {
            if !has_extra_space(text) {
                return text;
            }
        }
        self.raw.clear();
        push_fingerprint(inlines, &mut self.raw);
        if !has_extra_space(&self.raw) {
            return &self.raw;
        }
        self.collapsed.clear();
        for word in self.raw.split_whitespace() {
            if !self.collapsed.is_empty() {
                self.collapsed.push(' ');
            }
            self.collapsed.push_str(word);
        }
        &self.collapsed
    }
}

/// Whether `s` has whitespace (as [`char::is_whitespace`]) other than
/// single inner spaces: whitespace at an edge, two spaces in a row, or any
/// whitespace character but the space.
///
/// One SIMD-friendly pass over the byte pairs looks for two spaces in a
/// row and for bytes that may start another whitespace character: `\t`…
/// `\r`, and the lead bytes of the non-ASCII whitespace (U+0085, U+00A0:
/// `C2`; U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000:
/// `E1`–`E3`); only if there is one is the text decoded, and any such
/// character, at an edge or not, counts. Of the edges only the space is
/// left to test. Two folds, one for each question, took 11.6 M
/// instructions (100 files, callgrind), the one fold 9.8 M (16-byte
/// chunks: 22 M; memchr's search for two spaces: 10.5 M);
/// `find_run_start` in `extract::text` finds the same as a position,
/// eight bytes at a time, in 17 M.
fn has_extra_space(s: &str) -> bool {
    let bytes = s.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    // Bit 0: a byte that may start other whitespace; bit 1: a space after
    // a space. `str::contains("  ")` runs a general substring search, ~3
    // instructions a byte.
    let pairs = bytes.iter().zip(bytes.get(1..).unwrap_or_default());
    let found = pairs.fold(space::may_start_other(last), |found, (&a, &b)| {
        found | (u8::from(a == b' ') & u8::from(b == b' ')) << 1 | space::may_start_other(a)
    });
    first == b' ' || last == b' ' || found & 2 != 0 || (found & 1 != 0 && other_space(s))
}

/// Whether `s` has a whitespace character other than the space.
fn other_space(s: &str) -> bool {
    spaces(s).any(|(at, _)| s.as_bytes().get(at) != Some(&b' '))
}

fn push_fingerprint(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text { text } => out.push_str(text),
            Inline::Code { code } => {
                out.push('`');
                out.push_str(code);
                out.push('`');
            }
            Inline::Strong { children } => wrap(children, "**", out),
            Inline::Emphasis { children } => wrap(children, "*", out),
            Inline::Strikethrough { children } => wrap(children, "~~", out),
            Inline::Link { url, children, .. } => {
                out.push('[');
                push_fingerprint(children, out);
                out.push_str("](");
                out.push_str(url);
                out.push(')');
            }
            Inline::Image { url, alt, .. } => {
                out.push_str("![");
                Inline::write_plain_text(alt, out);
                out.push_str("](");
                out.push_str(url);
                out.push(')');
            }
            Inline::Include { label, target } => {
                out.push_str("[!INCLUDE[");
                out.push_str(label);
                out.push_str("](");
                out.push_str(target);
                out.push_str(")]");
            }
            Inline::SoftBreak | Inline::LineBreak => out.push(' '),
            // `<strong>x</strong>` reads as `**x**`.
            Inline::Html { html } => match html_mark(html) {
                Some((Mark::Bold, _)) => out.push_str("**"),
                Some((Mark::Italic, _)) => out.push('*'),
                Some((Mark::Strike, _)) => out.push_str("~~"),
                None => {}
            },
            Inline::Segment { .. } => {}
        }
    }
}

fn wrap(children: &[Inline], mark: &str, out: &mut String) {
    out.push_str(mark);
    push_fingerprint(children, out);
    out.push_str(mark);
}

/// `First you need to Activate[-, then-]{+. Then+} you see`.
pub fn word_diff(old: &str, new: &str) -> String {
    let diff = TextDiff::from_words(old, new);
    let mut out = String::new();
    let mut open: Option<ChangeTag> = None;
    for change in diff.iter_all_changes() {
        let tag = change.tag();
        if open != Some(tag) {
            close(&mut out, open);
            match tag {
                ChangeTag::Delete => out.push_str("[-"),
                ChangeTag::Insert => out.push_str("{+"),
                ChangeTag::Equal => {}
            }
            open = Some(tag);
        }
        out.push_str(change.value());
    }
    close(&mut out, open);
    out
}

fn close(out: &mut String, tag: Option<ChangeTag>) {
    match tag {
        Some(ChangeTag::Delete) => out.push_str("-]"),
        Some(ChangeTag::Insert) => out.push_str("+}"),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text { text: s.into() }
    }

    #[test]
    fn fingerprint_keeps_link_targets() {
        let link = Inline::Link {
            url: "a.md".into(),
            title: String::new(),
            autolink: false,
            children: vec![text("more")],
        };
        assert_eq!(fingerprint(&[text("see  "), link]), "see [more](a.md)");
    }

    #[test]
    fn collapses_only_when_needed() {
        assert!(!has_extra_space("a b"));
        assert!(
            has_extra_space("a  b")
                && has_extra_space(" a")
                && has_extra_space("a ")
                && has_extra_space("a\nb")
        );
        assert_eq!(fingerprint(&[text(" a \n b ")]), "a b");
    }

    #[test]
    fn extra_space_agrees_with_char_is_whitespace() {
        let reference = |s: &str| {
            let mut prev_space = true;
            for c in s.chars() {
                let space = c.is_whitespace();
                if space && (prev_space || c != ' ') {
                    return true;
                }
                prev_space = space;
            }
            prev_space && !s.is_empty()
        };
        let mut samples: Vec<String> = [
            "",
            " ",
            "a",
            "a b",
            "a  b",
            "a\tb",
            "a\u{b}b",
            "é b",
            "a é",
            "abcdefg  hij",
            "abcdefgh  ij",
            "abcdefg h ij",
            "abcdefghijklmno  p",
            "abcdefghijklmnop  q",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for len in 0..20 {
            for at in 0..len {
                let mut s: Vec<u8> = (0..len).map(|i| b'a' + (i % 26) as u8).collect();
                s[at] = b' ';
                samples.push(String::from_utf8(s.clone()).unwrap());
                if at + 1 < len {
                    s[at + 1] = b' ';
                    samples.push(String::from_utf8(s).unwrap());
                }
            }
        }
        for c in ('\0'..='\u{3100}').chain(['\u{feff}', '\u{1f600}']) {
            samples.push(format!("a{c}b"));
            samples.push(format!("a {c}"));
            samples.push(format!("{c} a"));
            samples.push(format!("abcdef{c}ghijklmnop"));
            samples.push(format!("abcdefg{c}hijklmnop"));
            samples.push(format!("abcdefghijklmn{c}op"));
        }
        for s in &samples {
            assert_eq!(has_extra_space(s), reference(s), "{s:?}");
        }
    }

    #[test]
    fn html_tags_of_emphasis() {
        assert_eq!(html_mark("<strong>"), Some((Mark::Bold, true)));
        assert_eq!(html_mark("<B class=\"x\">"), Some((Mark::Bold, true)));
        assert_eq!(html_mark("</em>"), Some((Mark::Italic, false)));
        assert_eq!(html_mark("<del>"), Some((Mark::Strike, true)));
        for other in [
            "<br>",
            "<br/>",
            "<b/>",
            "<bdi>",
            "<span>",
            "<a href=\"b\">",
            "b",
            "<>",
        ] {
            assert_eq!(html_mark(other), None, "{other}");
        }
        let strong = [
            Inline::Text {
                text: "Select ".into(),
            },
            Inline::Html {
                html: "<strong>".into(),
            },
            Inline::Text {
                text: "Save".into(),
            },
            Inline::Html {
                html: "</strong>".into(),
            },
        ];
        assert_eq!(fingerprint(&strong), "Select **Save**");
    }

    #[test]
    fn finds_placeholders() {
        let mut out = Vec::new();
        placeholders("use {0} and {name} but not { a b } or {}", &mut |n| {
            out.push(n)
        });
        assert_eq!(out, ["0", "name"]);
    }
}
