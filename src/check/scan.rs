//! One walk over each side of a segment gathers what the content rules
//! read: markup counts, link URLs, protected text and the text nodes. The
//! rules used to walk the inline tree once each, seven walks per side of
//! every segment; now each side is walked once and the buffers are reused
//! for the whole article.

use crate::check::inlines::{bare_urls, is_xref, leading_text, markers, placeholders, Markup};
use crate::check::numbers::raw_numbers;
use crate::model::{Inline, Segment};

/// What one side (translation or English source) of a segment holds, as
/// the content rules see it. Borrowed from the article.
#[derive(Debug, Default)]
pub struct Scan<'a> {
    /// Bold, italic, strikethrough and inline code counts.
    pub markup: Markup,
    /// Links of every kind, cross references included.
    pub links: usize,
    /// Images.
    pub images: usize,
    /// Whether every text node is empty or whitespace (true when there is
    /// none).
    pub blank_texts: bool,
    /// The text nodes, in order (numbers never run across nodes).
    pub texts: Vec<&'a str>,
    /// Whether each of [`Scan::texts`] is (within) a link's text.
    linked: Vec<bool>,
    /// Links the walk is inside.
    in_link: u32,
    /// URLs of links and images other than cross references, and the
    /// URLs written as text outside links (`bare_urls`), sorted.
    pub urls: Vec<&'a str>,
    /// URLs of links that show nothing: no text but whitespace, no code,
    /// no image (`Windows[](https://…)`). Cross references are not among
    /// them: DocFX gives an empty one its uid's name.
    pub empty_links: Vec<&'a str>,
    /// The numbers of the text nodes as written
    /// ([`crate::check::numbers::raw_numbers`]), in order.
    pub numbers: Vec<&'a str>,
    /// Protected text, sorted: inline code (`` ` ``), cross references
    /// (`<`) and `{placeholder}`s (`{`), each with its opening mark. Equal
    /// lists mean equal [`crate::check::inlines::protected`] multisets.
    pub protected: Vec<(u8, &'a str)>,
}

impl<'a> Scan<'a> {
    /// Reads `inlines` into this scan, reusing its buffers.
    pub fn read(&mut self, inlines: &'a [Inline]) {
        self.markup = Markup::default();
        self.links = 0;
        self.images = 0;
        self.blank_texts = true;
        self.texts.clear();
        self.linked.clear();
        self.in_link = 0;
        self.urls.clear();
        self.empty_links.clear();
        self.protected.clear();
        self.numbers.clear();
        self.walk(inlines);
        if let Some(text) = leading_text(inlines) {
            markers(text, &mut |name| self.protected.push((b'[', name)));
        }
        for (text, &linked) in self.texts.iter().zip(&self.linked) {
            let (digit, marks) = digits_and_marks(text.as_bytes());
            if marks {
                placeholders(text, &mut |name| self.protected.push((b'{', name)));
                // A link's text that spells its URL is the link's.
                if !linked {
                    bare_urls(text, &mut |url| self.urls.push(url));
                }
            }
            if digit {
                raw_numbers(text, &mut |n| self.numbers.push(n));
            }
        }
        self.urls.sort_unstable();
        self.protected.sort_unstable();
    }

    fn walk(&mut self, inlines: &'a [Inline]) {
        for inline in inlines {
            match inline {
                Inline::Text { text } => {
                    if self.blank_texts && !text.trim_start().is_empty() {
                        self.blank_texts = false;
                    }
                    self.texts.push(text);
                    self.linked.push(self.in_link > 0);
                }
                Inline::Code { code } => {
                    self.markup.code += 1;
                    self.protected.push((b'`', code));
                }
                Inline::Strong { children } => {
                    self.markup.strong += 1;
                    self.walk(children);
                }
                Inline::Emphasis { children } => {
                    self.markup.emphasis += 1;
                    self.walk(children);
                }
                Inline::Strikethrough { children } => {
                    self.markup.strike += 1;
                    self.walk(children);
                }
                Inline::Link { url, children, .. } => {
                    self.links += 1;
                    let xref = is_xref(url);
                    if xref {
                        self.protected.push((b'<', url));
                    } else {
                        self.urls.push(url);
                    }
                    let before = (self.texts.len(), self.markup.code, self.images);
                    let protected = self.protected.len();
                    self.in_link += 1;
                    self.walk(children);
                    self.in_link -= 1;
                    let shows = self.texts[before.0..].iter().any(|t| !t.trim().is_empty())
                        || (self.markup.code, self.images) != (before.1, before.2)
                        || self.protected.len() > protected;
                    if !shows && !xref {
                        self.empty_links.push(url);
                    }
                }
                Inline::Image { url, .. } => {
                    self.images += 1;
                    if !is_xref(url) {
                        self.urls.push(url);
                    }
                }
                Inline::Include { target, .. } => self.protected.push((b'!', target)),
                // `<strong>`: bold as much as `**` is.
                Inline::Html { html } => self.markup.add_html(html),
                Inline::SoftBreak | Inline::LineBreak | Inline::Segment { .. } => {}
            }
        }
    }

    /// Blank as `empty-target` means it: nothing but whitespace, breaks
    /// and HTML (no code, link or image).
    pub fn is_empty(&self) -> bool {
        self.blank_texts && self.markup.code == 0 && self.links == 0 && self.images == 0
    }

    /// Blank as `whitespace-mismatch` means it: no code, no image, and
    /// every text node (link texts too) only whitespace.
    pub fn is_blank(&self) -> bool {
        self.blank_texts && self.markup.code == 0 && self.images == 0
    }

    /// Whether a text node has two spaces in a row.
    pub fn has_doubled_space(&self) -> bool {
        self.texts.iter().any(|t| t.contains("  "))
    }
}

/// Whether `bytes` has an ASCII digit, and a `{` or `:` (what starts a
/// placeholder, and what a URL has): one pass for both (most texts have
/// neither), sixteen bytes at a time with no early exit, which the
/// compiler turns into SIMD. The last, partial block is read as the last
/// sixteen bytes (overlapping the one before: harmless for "any"), or
/// zero-padded when the text is shorter, so no byte goes through a scalar
/// loop (that tail was a fifth of the cost on sentence-long texts). Two
/// accumulators: a third kept the loop from vectorizing (+2.7 % of
/// `check`), and a `:` search of its own on every text cost +2 %.
fn digits_and_marks(bytes: &[u8]) -> (bool, bool) {
    let (mut digit, mut mark) = (0u8, 0u8);
    let mut block = |chunk: &[u8; 16]| {
        for &b in chunk {
            digit |= u8::from(b.is_ascii_digit());
            mark |= u8::from(b == b'{') | u8::from(b == b':');
        }
    };
    let chunks = bytes.chunks_exact(16);
    let tail = chunks.remainder().len();
    for chunk in chunks {
        if let Ok(chunk) = <&[u8; 16]>::try_from(chunk) {
            block(chunk);
        }
    }
    if tail > 0 {
        block(&last_block(bytes));
    }
    (digit != 0, mark != 0)
}

/// The last sixteen bytes of `bytes`, or all of them followed by zeros.
fn last_block(bytes: &[u8]) -> [u8; 16] {
    let mut block = [0u8; 16];
    match bytes
        .len()
        .checked_sub(16)
        .and_then(|from| bytes.get(from..))
    {
        Some(last) => block.copy_from_slice(last),
        None => {
            if let Some(head) = block.get_mut(..bytes.len()) {
                head.copy_from_slice(bytes);
            }
        }
    }
    block
}

/// Both sides of one segment, scanned.
#[derive(Debug, Default)]
pub struct Scanned<'a> {
    /// The English source.
    pub source: Scan<'a>,
    /// The translation.
    pub target: Scan<'a>,
}

impl<'a> Scanned<'a> {
    /// Scans `seg`, reusing the buffers of the previous segment.
    pub fn read(&mut self, seg: &'a Segment) {
        self.source.read(&seg.source);
        self.target.read(&seg.target);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::inlines::{protected, walk};

    /// The markup counts the rules read one walk each before the scan.
    fn markup(inlines: &[Inline]) -> Markup {
        let mut m = Markup::default();
        walk(inlines, &mut |i| match i {
            Inline::Strong { .. } => m.strong += 1,
            Inline::Emphasis { .. } => m.emphasis += 1,
            Inline::Strikethrough { .. } => m.strike += 1,
            Inline::Code { .. } => m.code += 1,
            Inline::Html { html } => m.add_html(html),
            _ => {}
        });
        m
    }

    /// Link and image URLs other than cross references, in order, as the
    /// link rule read them before the scan.
    fn links(inlines: &[Inline]) -> Vec<&str> {
        let mut out = Vec::new();
        walk(inlines, &mut |i| match i {
            Inline::Link { url, .. } | Inline::Image { url, .. } if !is_xref(url) => {
                out.push(url.as_str())
            }
            _ => {}
        });
        out
    }

    fn text(s: &str) -> Inline {
        Inline::Text { text: s.into() }
    }

    fn link(url: &str, children: Vec<Inline>) -> Inline {
        Inline::Link {
            url: url.into(),
            title: String::new(),
            autolink: false,
            children,
        }
    }

    #[test]
    fn finds_digits_and_marks() {
        for len in 0..40 {
            for at in 0..len {
                for b in [b'0', b'9', b'{', b'/', b':', b'}'] {
                    let mut s = vec![b'a'; len];
                    s[at] = b;
                    let expected = (b.is_ascii_digit(), b == b'{' || b == b':');
                    assert_eq!(digits_and_marks(&s), expected, "{s:?}");
                }
            }
        }
        assert_eq!(digits_and_marks("가{나}1".as_bytes()), (true, true));
        assert_eq!(digits_and_marks("가:나".as_bytes()), (false, true));
    }

    #[test]
    fn agrees_with_the_single_readers() {
        let samples: Vec<Vec<Inline>> = vec![
            vec![],
            vec![text("  ")],
            vec![
                Inline::Include {
                    label: "ss".into(),
                    target: "../includes/ss.md".into(),
                },
                text(" {0}"),
            ],
            vec![text("[!注释] Stop! [!div class=\"x\"] [!] [! NOTE] [!NOTE")],
            vec![
                text(" "),
                Inline::SoftBreak,
                Inline::Html { html: "<b>".into() },
                text("x"),
                Inline::Html {
                    html: "</b>".into(),
                },
                Inline::Html {
                    html: "<em class=\"a\">".into(),
                },
            ],
            vec![link("xref:A.B", vec![text(" ")])],
            vec![
                link("b.md", vec![text("x {0}")]),
                text("{name} and {no way}"),
            ],
            vec![
                Inline::Strong {
                    children: vec![Inline::Code { code: "az".into() }, text("  a")],
                },
                Inline::Emphasis {
                    children: vec![Inline::Strikethrough {
                        children: vec![text("z")],
                    }],
                },
                Inline::Image {
                    url: "a.png".into(),
                    title: String::new(),
                    alt: vec![text("alt")],
                },
            ],
        ];
        let mut scan = Scan::default();
        for inlines in &samples {
            scan.read(inlines);
            assert_eq!(scan.markup, markup(inlines));
            let mut urls = links(inlines);
            urls.sort_unstable();
            assert_eq!(scan.urls, urls);
            let mut expected = protected(inlines);
            expected.sort();
            let mut found: Vec<String> = scan
                .protected
                .iter()
                .map(|&(mark, s)| match mark {
                    b'`' => format!("`{s}`"),
                    b'<' => format!("<{s}>"),
                    b'!' => format!("[!INCLUDE]({s})"),
                    b'[' => format!("[!{s}]"),
                    _ => format!("{{{s}}}"),
                })
                .collect();
            found.sort();
            assert_eq!(found, expected, "{inlines:?}");
        }
    }
}
