//! Splits a raw HTML block into tags and text so that alignment spans inside
//! `<table>`, `<div>` and other HTML blocks are paired like inline ones.
//! Comments stay opaque: spans inside them are reported as lost.

use pulldown_cmark::{CowStr, Event};

use super::inline::InlineBuilder;
use super::{Region, State};

/// Where a comment that runs over several lines of an HTML block began:
/// the block comes one line at a time.
#[derive(Default)]
pub struct Comment {
    open: Option<usize>,
    end: usize,
}

impl Comment {
    /// The block ended: a comment still open runs to its end.
    pub fn close(self, st: &mut State) {
        if let Some(start) = self.open {
            st.regions.push((start..self.end, Region::Comment));
        }
    }
}

/// Feeds the tags and text of `html` (starting at byte `base`) to `builder`.
pub fn tokenize<'a>(
    html: CowStr<'a>,
    base: usize,
    builder: &mut InlineBuilder<'a>,
    st: &mut State,
    comment: &mut Comment,
) {
    match html {
        CowStr::Borrowed(html) => walk(html, base, builder, st, comment, CowStr::Borrowed),
        owned => walk(&owned, base, builder, st, comment, |s| {
            CowStr::Boxed(s.into())
        }),
    }
}

/// [`tokenize`] over `html`; `event` wraps a piece of it for the builder (a
/// borrow when `html` lives as long as the article text).
fn walk<'r, 'a>(
    html: &'r str,
    base: usize,
    builder: &mut InlineBuilder<'a>,
    st: &mut State,
    comment: &mut Comment,
    event: impl Fn(&'r str) -> CowStr<'a>,
) {
    comment.end = base + html.len();
    let mut pos = 0;
    if let Some(start) = comment.open {
        let Some(close) = html.find("-->") else {
            return;
        };
        st.regions.push((start..base + close + 3, Region::Comment));
        comment.open = None;
        pos = close + 3;
    }
    while pos < html.len() {
        let rest = &html[pos..];
        let Some(lt) = rest.find('<') else {
            text(rest, base + pos, builder, st, &event);
            break;
        };
        if lt > 0 {
            text(&rest[..lt], base + pos, builder, st, &event);
        }
        let at = pos + lt;
        let tail = &html[at..];
        if tail.starts_with("<!--") {
            let Some(close) = tail.find("-->") else {
                comment.open = Some(base + at);
                return;
            };
            let end = at + close + 3;
            st.regions.push((base + at..base + end, Region::Comment));
            pos = end;
            continue;
        }
        match tail.find('>') {
            Some(gt) => {
                let tag = &html[at..at + gt + 1];
                let start = base + at;
                builder.feed(Event::InlineHtml(event(tag)), start..start + tag.len(), st);
                pos = at + gt + 1;
            }
            None => {
                text(tail, base + at, builder, st, &event);
                break;
            }
        }
    }
}

fn text<'r, 'a>(
    raw: &'r str,
    start: usize,
    builder: &mut InlineBuilder<'a>,
    st: &mut State,
    event: impl Fn(&'r str) -> CowStr<'a>,
) {
    if raw.is_empty() {
        return;
    }
    let text = if raw.contains('&') {
        CowStr::Boxed(decode_entities(raw).into_boxed_str())
    } else {
        event(raw)
    };
    builder.feed(Event::Text(text), start..start + raw.len(), st);
}

/// Decodes the handful of entities that appear in documentation HTML.
pub(crate) fn decode_entities(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let semi = after.find(';').filter(|&i| i <= 10);
        let decoded = semi.and_then(|i| {
            let name = &after[1..i];
            let ch = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            ch.map(|c| (c, i + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::decode_entities;

    #[test]
    fn decodes_common_entities() {
        assert_eq!(
            decode_entities("a &amp; b &lt;c&gt; &#39;d&#x27; &bogus; &"),
            "a & b <c> 'd' &bogus; &"
        );
    }
}
