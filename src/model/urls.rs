//! URLs written as text: DocFX (markdig's autolinks) makes them links, so
//! the checks compare them as links and the pages link them.

use std::sync::LazyLock;

/// What separates a URL's scheme from the rest.
static SEPARATOR: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("://"));

/// Whether `text` may hold a URL written as text (it has a `://`): one
/// vectorized search, for the callers that skip [`bare_urls`] on most
/// texts.
pub fn may_have_urls(text: &str) -> bool {
    SEPARATOR.find(text.as_bytes()).is_some()
}

/// Calls `f` with each URL written as text in `text` (`https://aka.ms/x`,
/// `ftp://…`): a scheme of letters before `://`, up to the first byte that
/// cannot be in a URL (whitespace, a non-ASCII letter such as a Korean
/// particle, `<`, `"`, …), without the punctuation that ends a sentence
/// and a `)` that closes nothing of the URL's.
pub fn bare_urls<'t>(text: &'t str, f: &mut impl FnMut(&'t str)) {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = SEPARATOR.find(&bytes[from..]) {
        let sep = from + at;
        let start = bytes[..sep]
            .iter()
            .rposition(|b| !b.is_ascii_alphabetic())
            .map_or(0, |p| p + 1);
        let body = sep + 3;
        let end = bytes[body..]
            .iter()
            .position(|&b| !is_url_byte(b))
            .map_or(bytes.len(), |p| body + p);
        let mut url = &text[start..end];
        loop {
            let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'']);
            let trimmed = match trimmed.strip_suffix(')') {
                // A `)` the URL did not open.
                Some(inner) if inner.matches('(').count() <= inner.matches(')').count() => inner,
                _ => trimmed,
            };
            if trimmed.len() == url.len() {
                break;
            }
            url = trimmed;
        }
        if start < sep && url.len() > sep + 3 - start {
            f(url);
        }
        from = end.max(body);
    }
}

/// A byte a URL written as text may hold (RFC 3986's characters, `%`).
fn is_url_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=%".contains(&b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_urls_written_as_text() {
        let found = |text: &str| {
            let mut out = Vec::new();
            bare_urls(text, &mut |u| out.push(u.to_string()));
            out
        };
        assert_eq!(
            found(
                "Visit https://aka.ms/abc. Or (see http://a.example/x?y=1&z=2), ftp://f.example/a."
            ),
            [
                "https://aka.ms/abc",
                "http://a.example/x?y=1&z=2",
                "ftp://f.example/a"
            ]
        );
        assert_eq!(
            found("https://aka.ms/abc를 방문하세요"),
            ["https://aka.ms/abc"]
        );
        assert_eq!(
            found("https://en.wikipedia.org/wiki/Foo_(bar) and \"https://q.example\""),
            [
                "https://en.wikipedia.org/wiki/Foo_(bar)",
                "https://q.example"
            ]
        );
        for none in ["no url", "://x", "a https:// b", "10:30 or C://"] {
            assert!(found(none).is_empty(), "{none}");
        }
    }
}
