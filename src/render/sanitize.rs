//! Untrusted text and URLs: HTML escaping, the URL schemes a page may link
//! to, and the ammonia allowlist raw HTML from the content must pass.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::sxs::tag::Tag;

/// Appends `text` with `&`, `<`, `>`, `"` and `'` escaped (safe in text and
/// in double-quoted attributes).
pub fn push_escaped(out: &mut String, text: &str) {
    let _ = write_escaped(out, text);
}

/// [`push_escaped`] into any writer (a template's output). Text up to a
/// sentence long is scanned eight bytes at a time (`next_special`);
/// longer text with `memchr` (vectorized, but each call costs a few hundred
/// instructions to start), each of its two scans resumed only past the byte
/// it found, so text is read about once.
pub fn write_escaped<W: std::fmt::Write + ?Sized>(out: &mut W, text: &str) -> std::fmt::Result {
    let bytes = text.as_bytes();
    if bytes.len() < SHORT {
        let mut start = 0;
        while let Some(i) = next_special(bytes, start) {
            // `i` is at an ASCII byte, so both slices end on char boundaries.
            out.write_str(text.get(start..i).unwrap_or_default())?;
            out.write_str(entity(bytes.get(i)))?;
            start = i + 1;
        }
        return out.write_str(text.get(start..).unwrap_or_default());
    }
    let tags = |from: usize| {
        let rest = bytes.get(from..).unwrap_or_default();
        memchr::memchr3(b'&', b'<', b'>', rest).map(|i| i + from)
    };
    let quotes = |from: usize| {
        let rest = bytes.get(from..).unwrap_or_default();
        memchr::memchr2(b'"', b'\'', rest).map(|i| i + from)
    };
    let (mut tag, mut quote) = (tags(0), quotes(0));
    let mut start = 0;
    loop {
        let i = match (tag, quote) {
            (Some(t), Some(q)) => t.min(q),
            (Some(i), None) | (None, Some(i)) => i,
            (None, None) => break,
        };
        out.write_str(text.get(start..i).unwrap_or_default())?;
        out.write_str(entity(bytes.get(i)))?;
        start = i + 1;
        if tag == Some(i) {
            tag = tags(start);
        } else {
            quote = quotes(start);
        }
    }
    out.write_str(text.get(start..).unwrap_or_default())
}

/// Below this many bytes [`next_special`] costs less than starting the two
/// `memchr` scans.
const SHORT: usize = 128;

/// The entity of a byte [`next_special`] or the scans found.
fn entity(b: Option<&u8>) -> &'static str {
    match b {
        Some(b'&') => "&amp;",
        Some(b'<') => "&lt;",
        Some(b'>') => "&gt;",
        Some(b'"') => "&quot;",
        _ => "&#39;",
    }
}

/// Whether a byte is escaped.
fn is_special(b: u8) -> bool {
    matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'')
}

/// The first byte at or after `from` to escape. Eight bytes are tested at
/// once (SWAR): `"` exactly, `&`/`'` as `b | 1 == '\''`, `<`/`>` as
/// `b | 2 == '>'` (no other byte maps there), each by the classic "has a
/// zero byte" test; only the word with a hit is searched byte by byte.
fn next_special(bytes: &[u8], from: usize) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(LO) & !x;
    let rest = bytes.get(from..)?;
    let mut at = from;
    for word in rest.chunks_exact(8) {
        let Ok(word) = <[u8; 8]>::try_from(word) else {
            break;
        };
        let v = u64::from_le_bytes(word);
        let quote = v ^ (LO * u64::from(b'"'));
        let amp = (v | LO) ^ (LO * u64::from(b'\''));
        let angle = (v | (LO * 2)) ^ (LO * u64::from(b'>'));
        if (zero(quote) | zero(amp) | zero(angle)) & HI != 0 {
            break;
        }
        at += 8;
    }
    let found = bytes.get(at..)?.iter().position(|&b| is_special(b));
    found.map(|i| at + i)
}

/// `text`, escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// Whether a link or image URL may appear on a page: relative URLs,
/// fragments, the `http`, `https`, `mailto`, `tel`, `ftp` and `ftps`
/// schemes, and Windows' app schemes `ms-…` (`ms-settings:startupapps`,
/// which Windows articles link to). Anything else (`javascript:`,
/// `data:`, `vbscript:`, obfuscated with whitespace, control characters
/// or case) is refused.
pub fn is_safe_url(url: &str) -> bool {
    // The scheme is what comes before the first `:` once whitespace and
    // control characters are dropped; read without building that string.
    let mut scheme = [0u8; 32];
    let mut len = 0;
    let mut long = false;
    for c in url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
    {
        match c {
            ':' => {
                let scheme = scheme.get(..len).unwrap_or_default();
                return !long && is_allowed_scheme(scheme);
            }
            '/' | '?' | '#' => return true,
            c if c.is_ascii() && len < scheme.len() => {
                if let Some(b) = scheme.get_mut(len) {
                    *b = (c as u8).to_ascii_lowercase();
                }
                len += 1;
            }
            _ => long = true,
        }
    }
    true
}

/// A scheme (lowercase) [`is_safe_url`] lets through.
fn is_allowed_scheme(scheme: &[u8]) -> bool {
    let app = scheme.strip_prefix(b"ms-").is_some_and(|name| {
        !name.is_empty() && name.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-')
    });
    app || matches!(
        scheme,
        b"http" | b"https" | b"mailto" | b"tel" | b"ftp" | b"ftps"
    )
}

/// Phrasing tags raw HTML may keep (inside a paragraph).
const PHRASING: &[&str] = &[
    "b", "strong", "i", "em", "u", "sub", "sup", "kbd", "code", "br", "small", "mark", "a",
];

/// The `PHRASING` name of a tag, if it is one.
pub fn phrasing(tag: &Tag<'_>) -> Option<&'static str> {
    PHRASING.iter().copied().find(|name| tag.is(name))
}

/// Block tags a raw HTML block may keep as well (reference articles
/// write notes in cells as `<blockquote>`, headers as `<dl><dt>`, and
/// column widths as `<colgroup>`).
const BLOCKS: &[&str] = &[
    "p",
    "ul",
    "ol",
    "li",
    "table",
    "caption",
    "colgroup",
    "col",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "details",
    "summary",
    "blockquote",
    "dl",
    "dt",
    "dd",
    "pre",
    "hr",
];

/// Cleans inline raw HTML from the content: only phrasing formatting tags
/// and `<a href>` to absolute http(s)/mailto URLs survive, without other
/// attributes; everything else is dropped or escaped.
pub fn clean_html(raw: &str) -> String {
    static INLINE: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    INLINE
        .get_or_init(|| cleaner(PHRASING))
        .clean(raw)
        .to_string()
}

/// Cleans a raw HTML block: [`clean_html`] plus lists, paragraphs and tables.
/// `<dt>` and `<dd>` belong in a `<dl>`: in a block without one (a list
/// whose other parts are in other blocks, that `definitions` could not
/// put together) they keep their content but not their tags.
pub fn clean_html_block(raw: &str) -> String {
    static BLOCK: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    static LOOSE: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    let cleaner = match has_list(raw) {
        true => BLOCK.get_or_init(|| cleaner(&[PHRASING, BLOCKS].concat())),
        false => LOOSE.get_or_init(|| {
            let blocks = BLOCKS.iter().filter(|t| !matches!(**t, "dt" | "dd"));
            cleaner(&PHRASING.iter().chain(blocks).copied().collect::<Vec<_>>())
        }),
    };
    cleaner.clean(raw).to_string()
}

/// Whether `raw` opens a `<dl>`.
fn has_list(raw: &str) -> bool {
    raw.match_indices('<').any(|(at, _)| {
        let tag = raw.as_bytes().get(at + 1..at + 4).unwrap_or_default();
        tag.len() == 3
            && tag[..2].eq_ignore_ascii_case(b"dl")
            && matches!(tag[2], b'>' | b' ' | b'\t' | b'\n' | b'/')
    })
}

fn cleaner(allowed: &[&'static str]) -> ammonia::Builder<'static> {
    let tags: HashSet<&str> = allowed.iter().copied().collect();
    let mut attributes = std::collections::HashMap::new();
    attributes.insert("a", ["href"].into_iter().collect::<HashSet<&str>>());
    // Column widths of reference tables (`<col style="width: 30%">`):
    // of a style, only its width is kept (below).
    for column in ["col", "colgroup"] {
        attributes.insert(column, ["span", "width", "style"].into_iter().collect());
    }
    let mut builder = ammonia::Builder::empty();
    builder
        .tags(tags)
        .tag_attributes(attributes)
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        // Relative URLs in raw HTML can't be rewritten to site pages: drop them.
        .url_relative(ammonia::UrlRelative::Deny)
        .link_rel(None)
        .filter_style_properties(["width"].into_iter().collect())
        .strip_comments(true);
    builder
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_and_definitions_outside_a_list_lose_their_tags() {
        assert_eq!(
            clean_html_block(" <dd>Must be zero.</dd> </dl>"),
            " Must be zero. "
        );
        assert_eq!(
            clean_html_block("<DL><dt>a</dt><dd>b</dd></DL>"),
            "<dl><dt>a</dt><dd>b</dd></dl>"
        );
        assert!(!has_list("<dlx><dt>"));
    }

    #[test]
    fn column_widths_stay_and_nothing_else_of_a_style() {
        assert_eq!(
            clean_html_block(
                r#"<table><colgroup><col style="width: 20%; background: url(x.png)" span="2"><col width="80%" onclick="x()"></colgroup></table>"#
            ),
            r#"<table><colgroup><col style="width:20%" span="2"><col width="80%"></colgroup></table>"#
        );
    }

    #[test]
    fn refuses_script_urls_however_spelled() {
        for url in [
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "java\tscript:x",
            "data:text/html,<b>",
            "vbscript:x",
            "\u{1}javascript:x",
            "httpsx:y",
            "é:x",
            "mailtox:y",
            "ms-:x",
            "ms-settings!:x",
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
            "HTTPS://x",
            " tel:1",
            "no-colon",
            "ms-settings:startupapps?activationSource=SMC-IA-4026268",
            "MS-Windows-Store://pdp/?ProductId=9WZDNCRFJ3PZ",
            "ftp://a.b/c",
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
        let link = clean_html(
            r#"<a href="https://x.y/" onclick="x()">a</a><a href="javascript:x()">b</a><a href="foo.md">c</a>"#,
        );
        assert_eq!(link, r#"<a href="https://x.y/">a</a><a>b</a><a>c</a>"#);
        assert_eq!(
            escape(r#"<a href="x">'"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;"
        );
        assert_eq!(
            escape("한국어 'a' & \"b\" <c>"),
            "한국어 &#39;a&#39; &amp; &quot;b&quot; &lt;c&gt;"
        );
        assert_eq!(escape("plain"), "plain");
        assert_eq!(escape(""), "");
        for n in [1, 3, 5, 9, 12] {
            // Both ways through `write_escaped`: eight bytes at a time, and `memchr`.
            let text = "a'b\"c<d>e&f-".repeat(n);
            assert_eq!(escape(&text), "a&#39;b&quot;c&lt;d&gt;e&amp;f-".repeat(n));
        }
        // Every byte value, at every offset of a word.
        for b in 0..=127u8 {
            for pad in 0..9 {
                let text = format!("{}{}{}", "x".repeat(pad), char::from(b), "y".repeat(9));
                let expected: String = text
                    .chars()
                    .map(|c| match c {
                        '&' => "&amp;".to_string(),
                        '<' => "&lt;".to_string(),
                        '>' => "&gt;".to_string(),
                        '"' => "&quot;".to_string(),
                        '\'' => "&#39;".to_string(),
                        c => c.to_string(),
                    })
                    .collect();
                assert_eq!(escape(&text), expected, "{b}");
            }
        }
        let korean = "한국어 <b>'번역'</b> & \"원문\" ".repeat(2);
        assert_eq!(
            escape(&korean),
            "한국어 &lt;b&gt;&#39;번역&#39;&lt;/b&gt; &amp; &quot;원문&quot; ".repeat(2)
        );
        assert_eq!(escape("''<<"), "&#39;&#39;&lt;&lt;");
    }
}
