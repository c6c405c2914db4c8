//! Halves with emphasis or a link: the plain-pair shortcut (see
//! [`super::plain`]) for the pairs whose text has `*emphasis*`,
//! `**bold**` or `[text](url)` in it, a fifth of a typical article's pairs.
//!
//! [`parse`] reads such a half into the inlines pulldown-cmark's events
//! would have made of it where it stands, or gives up, and the pair is
//! left to the parse. It takes only what it can read for certain without
//! the text around the pair: every `*` run it reads is paired inside the
//! half (an unpaired one could pair with a run outside the pair), every
//! bracket belongs to an inline link with a plain destination, and a
//! run's flanking is decided by characters whose class (whitespace,
//! punctuation, other) it knows. Beside the half stand the span tags' `>`
//! and `<`, punctuation, as the dots of the blanked copy are. Escapes, a
//! `&` that starts no entity, `|`, `>` and `_` inside words are text.

use super::inline::append_text;
use super::plain::{next_special, with_bytes};
use crate::model::Inline;

/// Bytes a plain link destination may hold: visible ASCII other than
/// brackets, parentheses, angle brackets, escapes, entities, backticks
/// (which could open a code span) and a table's `|`.
const DESTINATION: [bool; 256] = {
    let mut visible = [false; 256];
    let mut b = b'!';
    while b <= b'~' {
        visible[b as usize] = true;
        b += 1;
    }
    with_bytes(visible, b"()<>[]\\&`|", false)
};

/// An open container: the half itself, a link, or emphasis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Root,
    Link,
    Emphasis,
    Strong,
}

type Stack = Vec<(Open, Vec<Inline>)>;

/// The half's inlines, if it is text with `*emphasis*`, `**strong**`
/// emphasis, inline links `[text](url)`, backslash escapes, a literal `&`,
/// `|` or `>` and `_` inside words only; emphasis of one kind does not
/// nest in itself, nor links in links.
pub(super) fn parse(half: &str) -> Option<Vec<Inline>> {
    let bytes = half.as_bytes();
    let mut stack: Stack = vec![(Open::Root, Vec::new())];
    let mut text_from = 0;
    let mut i = 0;
    // From one special byte to the next: those read here, and the rest of
    // Markdown's, which leave the half to the parse.
    while let Some(skip) = bytes.get(i..).and_then(next_special) {
        i += skip;
        let Some(&b) = bytes.get(i) else { break };
        push_text(&mut stack, half.get(text_from..i)?);
        i = match b {
            b'*' => delimiter_run(half, i, &mut stack)?,
            b'[' => {
                // `![image]`, `[^note]`, `[!NOTE]`, `[!INCLUDE…]`.
                if i > 0 && bytes[i - 1] == b'!' || matches!(bytes.get(i + 1), Some(b'^' | b'!')) {
                    return None;
                }
                if stack.iter().any(|(open, _)| *open == Open::Link) {
                    return None;
                }
                stack.push((Open::Link, Vec::new()));
                i + 1
            }
            b']' => link_end(half, i, &mut stack)?,
            b'\\' => {
                // An escaped punctuation character is itself; before any
                // other, the backslash is. Before the tag's `<` it would
                // escape it.
                let next = half.get(i + 1..)?.chars().next()?;
                // `\|` is left to the parse: the blanked copy keeps the
                // `|` alone, which would split a table row.
                if next == '|' {
                    return None;
                }
                if next.is_ascii_punctuation() {
                    push_text(&mut stack, half.get(i + 1..i + 2)?);
                    i + 2
                } else {
                    push_text(&mut stack, "\\");
                    i + 1
                }
            }
            // An entity is left to the parse; a lone `&` is text.
            b'&' => match bytes.get(i + 1) {
                Some(c) if c.is_ascii_alphanumeric() || *c == b'#' => return None,
                _ => {
                    push_text(&mut stack, "&");
                    i + 1
                }
            },
            // Inside the half a `>` is text: no tag is open. So is a `|`
            // outside a table: a pair in a table row is blanked around its
            // `|`s, which still split the row, and a pair cut by them is
            // never met whole in text.
            b'|' | b'>' => {
                push_text(&mut stack, half.get(i..i + 1)?);
                i + 1
            }
            // A `_` run between letters or digits neither opens nor closes.
            b'_' => {
                let run = bytes.get(i..)?.iter().take_while(|&&b| b == b'_').count();
                let before = half.get(..i)?.chars().next_back().and_then(class);
                let after = half.get(i + run..)?.chars().next().and_then(class);
                if before != Some(Class::Other) || after != Some(Class::Other) {
                    return None;
                }
                push_text(&mut stack, half.get(i..i + run)?);
                i + run
            }
            _ => return None,
        };
        text_from = i;
    }
    push_text(&mut stack, half.get(text_from..)?);
    match stack.pop() {
        Some((Open::Root, content)) if stack.is_empty() => Some(content),
        _ => None,
    }
}

/// Reads the `]` at `at`: it must close the open link text and be followed
/// by a plain destination in parentheses. Returns where reading goes on.
fn link_end(half: &str, at: usize, stack: &mut Stack) -> Option<usize> {
    let bytes = half.as_bytes();
    if bytes.get(at + 1) != Some(&b'(') {
        return None;
    }
    let dest_start = at + 2;
    let dest_len = bytes.get(dest_start..)?.iter().position(|&b| b == b')')?;
    let url = half.get(dest_start..dest_start + dest_len)?;
    if url.is_empty() || !url.bytes().all(|b| DESTINATION[b as usize]) {
        return None;
    }
    let (Open::Link, children) = stack.pop()? else {
        return None;
    };
    push(
        stack,
        Inline::Link {
            url: url.to_string(),
            title: String::new(),
            autolink: false,
            children,
        },
    );
    Some(dest_start + dest_len + 1)
}

/// Reads the `*` run at `at`: `*` or `**`, which either closes the
/// emphasis of its kind open innermost in the current container or opens
/// one there. Returns where reading goes on.
fn delimiter_run(half: &str, at: usize, stack: &mut Stack) -> Option<usize> {
    let bytes = half.as_bytes();
    let run = bytes.get(at..)?.iter().take_while(|&&b| b == b'*').count();
    let kind = match run {
        1 => Open::Emphasis,
        2 => Open::Strong,
        _ => return None,
    };
    // The tags' `>` before the half and `<` after it.
    let before = half.get(..at)?.chars().next_back().unwrap_or('>');
    let after = half.get(at + run..)?.chars().next().unwrap_or('<');
    let (before, after) = (class(before)?, class(after)?);
    // CommonMark's flanking, as pulldown-cmark reads it for `*`.
    let opens = after != Class::Space && (after != Class::Punct || before != Class::Other);
    let closes = before != Class::Space && (before != Class::Punct || after != Class::Other);
    let top = stack.last().map(|(open, _)| *open);
    if closes && top == Some(kind) {
        let (_, children) = stack.pop()?;
        let inline = match kind {
            Open::Strong => Inline::Strong { children },
            _ => Inline::Emphasis { children },
        };
        push(stack, inline);
        return Some(at + run);
    }
    // A run that could close is left to the parse: an opener outside the
    // pair, or of the other length, may be waiting for it. Emphasis of a
    // kind does not nest in itself here.
    let in_container = stack
        .iter()
        .rev()
        .take_while(|(open, _)| *open != Open::Link)
        .any(|(open, _)| *open == kind);
    if opens && !closes && !in_container {
        stack.push((kind, Vec::new()));
        return Some(at + run);
    }
    None
}

/// A character's class for flanking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Punct,
    Other,
}

/// Whitespace, punctuation and letters and digits are known for certain:
/// ASCII punctuation and the ranges below are punctuation or symbols to
/// CommonMark (Unicode `P*` and `S*`). Anything else (other symbols,
/// marks) is left to pulldown-cmark's own table (`None`). Circled and
/// squared letters are alphabetic yet symbols (`So`).
fn class(c: char) -> Option<Class> {
    const PUNCT: [(char, char); 10] = [
        ('\u{A7}', '\u{A7}'),     // §
        ('\u{AB}', '\u{AB}'),     // «
        ('\u{BB}', '\u{BB}'),     // »
        ('\u{2010}', '\u{2027}'), // dashes, quotes, bullets, ellipsis
        ('\u{2030}', '\u{205E}'), // per mille, primes, guillemets, ※
        ('\u{3001}', '\u{3003}'), // 、。〃
        ('\u{3008}', '\u{3011}'), // 〈〉《》「」『』【】
        ('\u{3014}', '\u{301F}'), // 〔〕〖〗〘〙〚〛〜〝〞〟
        ('\u{FF01}', '\u{FF0F}'), // fullwidth ！ to ／
        ('\u{FF1A}', '\u{FF20}'), // fullwidth ： to ＠
    ];
    if c.is_ascii_alphanumeric() || ('\u{AC00}'..='\u{D7A3}').contains(&c) {
        // Latin letters and digits, Hangul syllables: the most met.
        Some(Class::Other)
    } else if c.is_whitespace() {
        Some(Class::Space)
    } else if c.is_ascii_punctuation() || PUNCT.iter().any(|&(from, to)| (from..=to).contains(&c)) {
        Some(Class::Punct)
    } else if c.is_alphanumeric()
        && !('\u{2460}'..='\u{24FF}').contains(&c)
        && !('\u{1F100}'..='\u{1F1FF}').contains(&c)
    {
        Some(Class::Other)
    } else {
        None
    }
}

/// Whether content [`parse`] made has a link.
pub(super) fn has_link(content: &[Inline]) -> bool {
    content.iter().any(|inline| match inline {
        Inline::Link { .. } => true,
        Inline::Strong { children } | Inline::Emphasis { children } => has_link(children),
        _ => false,
    })
}

fn push(stack: &mut [(Open, Vec<Inline>)], inline: Inline) {
    if let Some((_, children)) = stack.last_mut() {
        children.push(inline);
    }
}

fn push_text(stack: &mut [(Open, Vec<Inline>)], text: &str) {
    if let Some((_, children)) = stack.last_mut().filter(|_| !text.is_empty()) {
        append_text(children, text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Inline {
        Inline::Text { text: t.into() }
    }

    #[test]
    fn reads_strong_emphasis_and_links() {
        assert_eq!(
            parse("Go to **Billing** now").unwrap(),
            vec![
                text("Go to "),
                Inline::Strong {
                    children: vec![text("Billing")]
                },
                text(" now"),
            ]
        );
        assert_eq!(
            parse("자세히: **[파트너 센터](https://partner.microsoft.com/a_b?x=1)** 참조").unwrap(),
            vec![
                text("자세히: "),
                Inline::Strong {
                    children: vec![Inline::Link {
                        url: "https://partner.microsoft.com/a_b?x=1".into(),
                        title: String::new(),
                        autolink: false,
                        children: vec![text("파트너 센터")],
                    }]
                },
                text(" 참조"),
            ]
        );
        // A closing run between letters closes (Korean particles follow it).
        assert!(parse("**센터**에서").is_some());
        assert!(parse("**Note:** read").is_some());
        assert!(parse("「**파트너**」와 «**Центр**»").is_some());
        assert_eq!(
            parse("\\*Cloud & more | *a **b** c* [](x)").unwrap(),
            vec![
                text("*Cloud & more | "),
                Inline::Emphasis {
                    children: vec![
                        text("a "),
                        Inline::Strong {
                            children: vec![text("b")]
                        },
                        text(" c"),
                    ]
                },
                text(" "),
                Inline::Link {
                    url: "x".into(),
                    title: String::new(),
                    autolink: false,
                    children: vec![],
                },
            ]
        );
        assert_eq!(parse("a\\b").unwrap(), vec![text("a\\b")]);
        assert_eq!(
            parse("STARTUP_LOADER__SAFE > page").unwrap(),
            vec![text("STARTUP_LOADER__SAFE > page")]
        );
    }

    #[test]
    fn leaves_what_the_text_around_could_change() {
        for half in [
            "a ** b",        // neither opens nor closes
            "**a",           // unpaired
            "a**",           // could close an opener outside
            "a**b**",        // the first run could close
            "**[a](b)** c",  // the first run could close (`>` then `[`)
            "a **[b](c)**d", // after `)`, before a letter: no closer
            "***a***",       // runs of three
            "**a **b** c**", // nested
            "[a](b c)",      // a title or a space
            "[a](b(c))",     // nested parentheses
            "[a]",           // a reference
            "[a][b]",        // a reference
            "![a](b.png)",   // an image
            "[!NOTE]",       // DocFX
            "[a [b](c)](d)", // a link in a link
            "[**a](b)**",    // emphasis across the link
            "**a—**b",       // the dash makes the second run an opener
            "**Ⓐ**",         // circled letter: a symbol
            "a `b` c",       // code
            "_a_",           // underscore emphasis
            "a _b",          // underscore that could open
            "a_ b",          // underscore that could close
            "a &amp; b",     // entity
            "a &#38; b",     // entity
            "a \\| b",       // an escaped bar in a table row
            "a\\",           // would escape the tag's `<`
            "[a](b&c)",      // entity in the destination
            "**a *b** c*",   // crossed
            "*a **b* c**",   // crossed
        ] {
            assert!(parse(half).is_none(), "{half}");
        }
    }
}
