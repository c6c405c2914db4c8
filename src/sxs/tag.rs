//! Reads one raw HTML tag (`<span data-ttu-id="x">`, `</span>`, `<br/>`) into
//! its name and attributes. Only tags; never a whole HTML document.

/// A parsed tag.
#[derive(Debug, PartialEq, Eq)]
pub struct Tag<'a> {
    /// Lowercase-insensitive name as written (`span`).
    pub name: &'a str,
    /// `</name>`
    pub closing: bool,
    /// `<name/>`
    pub self_closing: bool,
    attrs: &'a str,
}

/// Every element name of HTML (WHATWG, with the obsolete ones pages still
/// carry), and the roots of SVG and MathML, sorted.
const HTML_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "acronym",
    "address",
    "applet",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "basefont",
    "bdi",
    "bdo",
    "big",
    "blink",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "map",
    "mark",
    "marquee",
    "math",
    "menu",
    "meta",
    "meter",
    "nav",
    "nobr",
    "noframes",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "param",
    "picture",
    "pre",
    "progress",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "script",
    "search",
    "section",
    "select",
    "slot",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
    "xmp",
];

/// Whether `name` is an element of HTML (any case). A tag of another name
/// (`<tenant>`, `<sitename>`, `List<T>`) is a placeholder written as text.
pub fn is_html_element(name: &str) -> bool {
    let lower = name.bytes().map(|b| b.to_ascii_lowercase());
    HTML_ELEMENTS
        .binary_search_by(|element| element.bytes().cmp(lower.clone()))
        .is_ok()
}

impl<'a> Tag<'a> {
    /// Parses `raw`, which must be exactly one tag (surrounding whitespace allowed).
    pub fn parse(raw: &'a str) -> Option<Tag<'a>> {
        let inner = raw.trim().strip_prefix('<')?.strip_suffix('>')?;
        let (closing, inner) = match inner.strip_prefix('/') {
            Some(rest) => (true, rest),
            None => (false, inner),
        };
        let (self_closing, inner) = match inner.strip_suffix('/') {
            Some(rest) => (true, rest),
            None => (false, inner),
        };
        // Name characters are ASCII, so the first other byte starts the first other char.
        let end = inner
            .bytes()
            .position(|b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b':'))
            .unwrap_or(inner.len());
        let name = &inner[..end];
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        Some(Tag {
            name,
            closing,
            self_closing,
            attrs: &inner[end..],
        })
    }

    /// Whether the tag's name is `name`, ignoring ASCII case.
    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }

    /// The value of attribute `key` (quoted with `"` or `'`, or bare).
    pub fn attr(&self, key: &str) -> Option<&'a str> {
        Attrs::new(self.attrs)
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    }

    /// The values of several attributes in one pass over the tag: what
    /// [`Tag::attr`] returns for each key, without rescanning per key.
    pub fn attrs<const N: usize>(&self, keys: [&str; N]) -> [Option<&'a str>; N] {
        let mut found = [None; N];
        for (k, v) in Attrs::new(self.attrs) {
            for (key, slot) in keys.iter().zip(found.iter_mut()) {
                if slot.is_none() && k.eq_ignore_ascii_case(key) {
                    *slot = Some(v);
                }
            }
        }
        found
    }

    /// What the tag is as an alignment span, in any spelling: `</span>`, or a
    /// `<span>` with `data-ttu-id`, class `sxs-lookup` or `data-stu-id` (in
    /// that order of precedence); `None` for any other tag.
    pub fn alignment(&self) -> Option<Alignment<'a>> {
        if !self.is("span") {
            return None;
        }
        if self.closing {
            return Some(Alignment::Close);
        }
        // One pass over the attributes (profiled: rescanning per key cost 12%).
        let [target, class, source] = self.attrs(["data-ttu-id", "class", "data-stu-id"]);
        if let Some(id) = target {
            Some(Alignment::Target(id))
        } else if class.is_some_and(|c| c.split_whitespace().any(|c| c == "sxs-lookup")) {
            Some(Alignment::Lookup)
        } else {
            source.map(Alignment::Source)
        }
    }
}

/// An alignment tag, as [`alignment`] or the general attribute scan reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alignment<'a> {
    /// `</span>`
    Close,
    /// `<span data-ttu-id="id">`
    Target(&'a str),
    /// `<span class="sxs-lookup">`
    Lookup,
    /// `<span data-stu-id="id">`
    Source(&'a str),
}

/// Reads `raw` when it is an alignment tag spelled exactly as the
/// localization pipeline writes it (`<span data-ttu-id="x">`, `</span>`, …),
/// which is nearly every tag of an article. Anything else is `None` and goes
/// through [`Tag::parse`] and [`Tag::alignment`], which give the same answer
/// for these spellings (unit-tested) but cost a scan per attribute.
pub fn alignment(raw: &str) -> Option<Alignment<'_>> {
    const HEAD: usize = 19;
    const TARGET: &[u8; HEAD] = br#"<span data-ttu-id=""#;
    const SOURCE: &[u8; HEAD] = br#"<span data-stu-id=""#;
    const LOOKUP: &[u8] = br#"<span class="sxs-lookup">"#;
    // Compared as arrays of known length: the six tags of every pair pass here.
    let bytes = raw.as_bytes();
    match bytes.get(1..)?.first_chunk::<5>()? {
        b"/span" => (bytes == b"</span>").then_some(Alignment::Close),
        b"span " => {
            if bytes == LOOKUP {
                return Some(Alignment::Lookup);
            }
            // `TARGET` and `SOURCE` are ASCII and as long as each other, and
            // `">` is ASCII: both ends of the id are character boundaries.
            let id = raw.get(HEAD..raw.len().checked_sub(2)?)?;
            if bytes.last_chunk::<2>() != Some(b"\">") || id.bytes().any(|b| b == b'"') {
                return None;
            }
            match bytes.first_chunk::<HEAD>()? {
                head if head == TARGET => Some(Alignment::Target(id)),
                head if head == SOURCE => Some(Alignment::Source(id)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Byte offset of the first character of `s` that is whitespace (as
/// [`char::is_whitespace`]) or one of the ASCII bytes `stops`. Scans bytes and
/// decodes a character only where one is not ASCII: tags are nearly all ASCII.
fn find_space_or(s: &str, stops: &[u8]) -> Option<usize> {
    let bytes = s.as_bytes();
    bytes.iter().enumerate().position(|(i, &b)| match b {
        0..=0x7f => stops.contains(&b) || matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'),
        // A leading byte of a multi-byte character: decode it.
        0xc0.. => s
            .get(i..)
            .and_then(|c| c.chars().next())
            .is_some_and(char::is_whitespace),
        _ => false,
    })
}

/// Iterator over `key="value"` pairs of an attribute string.
pub struct Attrs<'a> {
    /// Unparsed remainder.
    pub rest: &'a str,
    /// Whether a value read so far was quoted with character references
    /// (`&quot;x&quot;`), which the iterator reads as `x`.
    pub entity_quoted: bool,
}

impl<'a> Attrs<'a> {
    /// The pairs of `attrs` (what follows a tag's name).
    pub fn new(attrs: &'a str) -> Attrs<'a> {
        Attrs {
            rest: attrs,
            entity_quoted: false,
        }
    }
}

impl<'a> Iterator for Attrs<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let s = self.rest.trim_start();
        if s.is_empty() {
            return None;
        }
        let key_end = find_space_or(s, b"=/>").unwrap_or(s.len());
        let key = &s[..key_end];
        let after = s[key_end..].trim_start();
        let Some(value_part) = after.strip_prefix('=') else {
            // A bare attribute (or stray character): skip one character at least.
            let skip = key_end.max(s.chars().next().map_or(1, char::len_utf8));
            self.rest = &s[skip..];
            return if key.is_empty() {
                self.next()
            } else {
                Some((key, ""))
            };
        };
        let value_part = value_part.trim_start();
        let (value, rest) = match value_part.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let body = &value_part[1..];
                match body.find(q) {
                    Some(end) => (&body[..end], &body[end + 1..]),
                    None => (body, ""),
                }
            }
            _ => {
                let end = find_space_or(value_part, b"").unwrap_or(value_part.len());
                let bare = &value_part[..end];
                let meant = unquote_entities(bare);
                self.entity_quoted |= meant.is_some();
                (meant.unwrap_or(bare), &value_part[end..])
            }
        };
        self.rest = rest;
        Some((key, value))
    }
}

/// The quote `"` written as a character reference, as an escaping step of
/// a pipeline writes it into tags (`class=&quot;sxs-lookup&quot;`).
const ENTITY_QUOTES: [&str; 3] = ["&quot;", "&#34;", "&#x22;"];

/// The length of the [`ENTITY_QUOTES`] spelling `s` starts with (in
/// either case).
pub(super) fn entity_quote(s: &str) -> Option<usize> {
    ENTITY_QUOTES
        .iter()
        .find(|q| s.get(..q.len()).is_some_and(|p| p.eq_ignore_ascii_case(q)))
        .map(|q| q.len())
}

/// `x` of a bare attribute value `&quot;x&quot;` (any spelling of
/// [`ENTITY_QUOTES`]): what the writer meant. A browser reads the value
/// with the quotes in it.
fn unquote_entities(bare: &str) -> Option<&str> {
    let rest = bare.get(entity_quote(bare)?..)?;
    let end = rest
        .rfind('&')
        .filter(|&at| entity_quote(&rest[at..]) == Some(rest.len() - at))?;
    Some(&rest[..end])
}

impl Tag<'_> {
    /// Whether an attribute's value is quoted with character references
    /// (`data-ttu-id=&quot;x&quot;`) rather than `"`: [`Tag::attr`] reads
    /// what was meant, a browser the quotes as part of the value.
    pub fn has_entity_quotes(&self) -> bool {
        let mut attrs = Attrs::new(self.attrs);
        attrs.by_ref().for_each(drop);
        attrs.entity_quoted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_elements_are_known_and_sorted() {
        assert!(HTML_ELEMENTS.windows(2).all(|w| w[0] < w[1]));
        for name in ["span", "BR", "Table", "h6", "blockquote", "figcaption"] {
            assert!(is_html_element(name), "{name}");
        }
        for name in [
            "tenant", "sitename", "T", "xref", "your-app", "mgt-todo", "путь", "",
        ] {
            assert!(!is_html_element(name), "{name}");
        }
    }

    /// A pipeline's escaping step left `&quot;` for the quotes (a real
    /// it-IT article of Defender for Endpoint): the value meant is read,
    /// and the tag says so.
    #[test]
    fn reads_values_quoted_with_character_references() {
        let t = Tag::parse("<span data-ttu-id=&quot;22333-114&quot;>").unwrap();
        assert_eq!(t.alignment(), Some(Alignment::Target("22333-114")));
        assert!(t.has_entity_quotes());
        let t = Tag::parse("<span class=&QUOT;sxs-lookup&#34;>").unwrap();
        assert_eq!(t.alignment(), Some(Alignment::Lookup));
        let t = Tag::parse("<span data-stu-id=&#x22;22333-114&quot;>").unwrap();
        assert_eq!(t.alignment(), Some(Alignment::Source("22333-114")));
        // Not quotes at both ends: the value as written.
        for raw in [
            "<a title=&quot;x>",
            "<a title=x&quot;>",
            "<a title=&amp;x&amp;>",
        ] {
            let t = Tag::parse(raw).unwrap();
            assert!(t.attr("title").is_some_and(|v| v.contains('&')), "{raw}");
        }
        assert!(!Tag::parse("<a title=&amp;x&amp;>")
            .unwrap()
            .has_entity_quotes());
        assert!(!Tag::parse(r#"<span data-ttu-id="a&quot;b">"#)
            .unwrap()
            .has_entity_quotes());
        // An `=` inside a quoted value starts no value of its own.
        assert!(
            !Tag::parse(r#"<span data-ttu-id="x" title="a=&quot;b&quot;">"#)
                .unwrap()
                .has_entity_quotes()
        );
        assert_eq!(
            Tag::parse("<a title=&quot;&quot;>").unwrap().attr("title"),
            Some("")
        );
    }

    #[test]
    fn reads_alignment_tags() {
        let t = Tag::parse(r#"<span data-ttu-id="986a5-113">"#).unwrap();
        assert!(t.is("span") && !t.closing);
        assert_eq!(t.attr("data-ttu-id"), Some("986a5-113"));
        let t = Tag::parse(r#"<span class='sxs-lookup'>"#).unwrap();
        assert_eq!(t.attr("class"), Some("sxs-lookup"));
        assert!(Tag::parse("</span>").unwrap().closing);
        assert!(Tag::parse("<br/>").unwrap().self_closing);
        assert_eq!(Tag::parse("<a name=x>").unwrap().attr("name"), Some("x"));
        assert!(Tag::parse("<!-- c -->").is_none());
    }

    #[test]
    fn one_pass_lookup_matches_attr() {
        for raw in [
            r#"<span class="a" data-stu-id='x-1' CLASS=b>"#,
            "<span\u{a0}data-ttu-id=\"x\u{2003}y\">",
            "<span a b=c>",
        ] {
            let t = Tag::parse(raw).unwrap();
            let keys = ["data-ttu-id", "class", "data-stu-id", "b"];
            assert_eq!(t.attrs(keys), keys.map(|k| t.attr(k)), "{raw}");
        }
    }

    /// What the general path makes of a tag.
    fn general(raw: &str) -> Option<Alignment<'_>> {
        Tag::parse(raw)?.alignment()
    }

    #[test]
    fn fast_alignment_tags_agree_with_the_general_scan() {
        let fast = [
            "</span>",
            r#"<span class="sxs-lookup">"#,
            r#"<span data-ttu-id="986a5-113">"#,
            r#"<span data-stu-id="986a5-113">"#,
            r#"<span data-ttu-id="">"#,
            r#"<span data-stu-id="a b>c">"#,
            "<span data-ttu-id=\"x\ny\">",
            "<span data-stu-id=\"가-1\">",
            "<span data-ttu-id=\"é\">",
        ];
        for raw in fast {
            assert!(alignment(raw).is_some(), "{raw}");
            assert_eq!(alignment(raw), general(raw), "{raw}");
        }
        let slow = [
            "</span >",
            "</SPAN>",
            "<span class='sxs-lookup'>",
            r#"<span class="sxs-lookup x">"#,
            r#"<span data-ttu-id="a"b">"#,
            r#"<span data-ttu-id="a" >"#,
            r#"<span data-ttu-id='a'>"#,
            r#" <span data-ttu-id="a">"#,
            r#"<span data-ttu-id="a"/>"#,
            "<span>",
            "<spanx>",
            "<span data-ttu-id=\">",
            "<span data-ttu-id=\"",
            "<span data-xtu-id=\"a\">",
            "<span class=\"sxs-lookup\"",
            "</span",
            "</span>>",
            "<",
            "",
        ];
        for raw in slow {
            assert_eq!(alignment(raw), None, "{raw}");
        }
    }

    #[test]
    fn spaces_are_found_like_char_is_whitespace() {
        for s in [
            "ab c",
            "a\u{0b}b",
            "가\u{a0}b",
            "é\u{2003}",
            "x=y",
            "no-space",
            "\u{85}",
        ] {
            let expected = s.find(|c: char| c.is_whitespace() || c == '=');
            assert_eq!(find_space_or(s, b"="), expected, "{s:?}");
        }
    }

    #[test]
    fn attrs_handle_bare_and_unterminated() {
        let all: Vec<_> = Attrs::new(r#" hidden a="1" b='2' c=3 d="x"#).collect();
        assert_eq!(
            all,
            vec![
                ("hidden", ""),
                ("a", "1"),
                ("b", "2"),
                ("c", "3"),
                ("d", "x")
            ]
        );
    }
}
