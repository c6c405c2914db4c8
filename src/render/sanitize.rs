//! Untrusted text and URLs: HTML escaping, the URL schemes a page may link
//! to, and the ammonia allowlist raw HTML from the content must pass.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Appends `text` with `&`, `<`, `>`, `"` and `'` escaped (safe in text and
/// in double-quoted attributes).
pub fn push_escaped(out: &mut String, text: &str) {
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        // `i` is at an ASCII byte, so both slices end on char boundaries.
        out.push_str(text.get(start..i).unwrap_or_default());
        out.push_str(entity);
        start = i + 1;
    }
    out.push_str(text.get(start..).unwrap_or_default());
}

/// `text`, escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// Whether a link or image URL may appear on a page: relative URLs,
/// fragments and the `http`, `https`, `mailto` and `tel` schemes. Anything
/// else (`javascript:`, `data:`, `vbscript:`, obfuscated with whitespace,
/// control characters or case) is refused.
pub fn is_safe_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    let Some(colon) = cleaned.find(':') else {
        return true;
    };
    let before = &cleaned[..colon];
    if before.contains(['/', '?', '#']) {
        return true;
    }
    matches!(
        before.to_ascii_lowercase().as_str(),
        "http" | "https" | "mailto" | "tel"
    )
}

/// Cleans a fragment of raw HTML from the content: only simple formatting
/// tags survive, without attributes; everything else is dropped or escaped.
pub fn clean_html(raw: &str) -> String {
    cleaner().clean(raw).to_string()
}

fn cleaner() -> &'static ammonia::Builder<'static> {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let tags: HashSet<&str> = [
            "b", "strong", "i", "em", "u", "sub", "sup", "kbd", "code", "br", "p", "ul", "ol",
            "li", "small", "mark",
        ]
        .into_iter()
        .collect();
        let mut builder = ammonia::Builder::empty();
        builder.tags(tags).strip_comments(true);
        builder
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_script_urls_however_spelled() {
        for url in [
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "java\tscript:x",
            "data:text/html,<b>",
            "vbscript:x",
            "\u{1}javascript:x",
        ] {
            assert!(!is_safe_url(url), "{url:?}");
        }
        for url in [
            "https://a.b/c",
            "foo.md#x",
            "#top",
            "../a/b.png",
            "mailto:a@b.c",
            "a/b:c",
        ] {
            assert!(is_safe_url(url), "{url:?}");
        }
    }

    #[test]
    fn strips_active_html() {
        let out = clean_html(
            r#"<b onmouseover="x()">a</b><script>alert(1)</script><img src=x onerror=alert(1)>"#,
        );
        assert_eq!(out, "<b>a</b>");
        assert_eq!(
            escape(r#"<a href="x">'"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;"
        );
    }
}
