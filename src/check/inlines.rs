//! Small readers over a segment's inline tree that the content rules share:
//! link URLs, inline code, markup counts and a markup-aware fingerprint.
//! Nothing here looks at Markdown text; everything walks [`Inline`]s.

use similar::{ChangeTag, TextDiff};

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

/// Counts bold, italic, strikethrough and code spans.
pub fn markup(inlines: &[Inline]) -> Markup {
    let mut m = Markup::default();
    walk(inlines, &mut |i| match i {
        Inline::Strong { .. } => m.strong += 1,
        Inline::Emphasis { .. } => m.emphasis += 1,
        Inline::Strikethrough { .. } => m.strike += 1,
        Inline::Code { .. } => m.code += 1,
        _ => {}
    });
    m
}

/// Whether a URL is a DocFX cross reference (`xref:Some.Type`).
pub fn is_xref(url: &str) -> bool {
    url.get(..5)
        .is_some_and(|p| p.eq_ignore_ascii_case("xref:"))
}

/// Link and image URLs other than cross references, in order.
pub fn links(inlines: &[Inline]) -> Vec<&str> {
    let mut out = Vec::new();
    walk(inlines, &mut |i| match i {
        Inline::Link { url, .. } | Inline::Image { url, .. } if !is_xref(url) => {
            out.push(url.as_str())
        }
        _ => {}
    });
    out
}

/// Protected text that must stay byte for byte: inline code, cross
/// references and DocFX `{placeholder}`s in text, in order.
pub fn protected(inlines: &[Inline]) -> Vec<String> {
    let mut out = Vec::new();
    walk(inlines, &mut |i| match i {
        Inline::Code { code } => out.push(format!("`{code}`")),
        Inline::Link { url, .. } if is_xref(url) => out.push(format!("<{url}>")),
        Inline::Text { text } => placeholders(text, &mut out),
        _ => {}
    });
    out
}

/// `{name}` / `{0}` placeholders: braces around one identifier-like word.
fn placeholders(text: &str, out: &mut Vec<String>) {
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
            out.push(format!("{{{name}}}"));
            rest = &after[close + 1..];
        } else {
            rest = after;
        }
    }
}

/// Plain text outside code and link URLs, each text node passed separately
/// (so numbers never run across node boundaries).
pub fn texts<'a>(inlines: &'a [Inline], f: &mut impl FnMut(&'a str)) {
    walk(inlines, &mut |i| {
        if let Inline::Text { text } = i {
            f(text)
        }
    });
}

/// A markup-aware rendering used to compare sentences: text, `code`,
/// `**strong**`, `*emphasis*` and `[text](url)` so that a changed link
/// target changes the fingerprint. Whitespace runs collapse to one space.
pub fn fingerprint(inlines: &[Inline]) -> String {
    fingerprint_sized(inlines, 64)
}

/// [`fingerprint`] with a capacity hint (the raw Markdown's length).
pub fn fingerprint_sized(inlines: &[Inline], capacity: usize) -> String {
    let mut raw = String::with_capacity(capacity);
    push_fingerprint(inlines, &mut raw);
    if !has_extra_space(&raw) {
        return raw;
    }
    let mut out = String::with_capacity(raw.len());
    for word in raw.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `s` has whitespace other than single inner spaces.
fn has_extra_space(s: &str) -> bool {
    let mut prev_space = true;
    for c in s.chars() {
        let space = c.is_whitespace();
        if space && (prev_space || c != ' ') {
            return true;
        }
        prev_space = space;
    }
    prev_space && !s.is_empty()
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
                out.push_str(alt);
                out.push_str("](");
                out.push_str(url);
                out.push(')');
            }
            Inline::SoftBreak | Inline::LineBreak => out.push(' '),
            Inline::Html { .. } | Inline::Segment { .. } => {}
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
    fn finds_placeholders() {
        let mut out = Vec::new();
        placeholders("use {0} and {name} but not { a b } or {}", &mut out);
        assert_eq!(out, ["{0}", "{name}"]);
    }
}
