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
        let end = inner
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
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
        Attrs { rest: self.attrs }
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    }
}

/// Iterator over `key="value"` pairs of an attribute string.
pub struct Attrs<'a> {
    /// Unparsed remainder.
    pub rest: &'a str,
}

impl<'a> Iterator for Attrs<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let s = self.rest.trim_start();
        if s.is_empty() {
            return None;
        }
        let key_end = s
            .find(|c: char| c == '=' || c.is_whitespace() || c == '/' || c == '>')
            .unwrap_or(s.len());
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
                let end = value_part
                    .find(char::is_whitespace)
                    .unwrap_or(value_part.len());
                (&value_part[..end], &value_part[end..])
            }
        };
        self.rest = rest;
        Some((key, value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn attrs_handle_bare_and_unterminated() {
        let all: Vec<_> = Attrs {
            rest: r#" hidden a="1" b='2' c=3 d="x"#,
        }
        .collect();
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
