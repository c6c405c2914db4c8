//! DocFX's include inside a sentence, `[!INCLUDE[label](target)]`.
//!
//! pulldown-cmark reads it as text ending in `[!INCLUDE`, a link and text
//! starting with `]`; [`fold_includes`] makes the three one
//! [`Inline::Include`] again, and rebuilds a link the include sat in
//! (`[Setting Up [!INCLUDE[prod](p.md)]](setup.md)`), which CommonMark
//! leaves as bracketed text because a link cannot hold a link.

use crate::model::Inline;

/// DocFX's include inside a sentence, `[!INCLUDE[label](target)]`, comes
/// from pulldown-cmark as text ending in `[!INCLUDE`, a link and text
/// starting with `]`: the three become one [`Inline::Include`].
#[inline]
pub fn fold_includes(inlines: &mut Vec<Inline>) {
    // Nearly every run is one text, or text and code: nothing to fold.
    let nested = |i: &Inline| {
        matches!(
            i,
            Inline::Strong { .. } | Inline::Emphasis { .. } | Inline::Strikethrough { .. }
        )
    };
    if inlines.len() >= 3 || inlines.iter().any(nested) {
        fold_includes_in(inlines);
    }
}

fn fold_includes_in(inlines: &mut Vec<Inline>) {
    for inline in inlines.iter_mut() {
        if let Inline::Strong { children }
        | Inline::Emphasis { children }
        | Inline::Strikethrough { children } = inline
        {
            fold_includes(children);
        }
    }
    let mut i = 1;
    while i + 1 < inlines.len() {
        let Some(include) = fold_include(&mut inlines[i - 1..=i + 1]) else {
            i += 1;
            continue;
        };
        inlines[i] = include;
        let after_empty = matches!(&inlines[i + 1], Inline::Text { text } if text.is_empty());
        if after_empty {
            inlines.remove(i + 1);
        }
        let before_empty = matches!(&inlines[i - 1], Inline::Text { text } if text.is_empty());
        if before_empty {
            inlines.remove(i - 1);
        } else {
            i += 1;
        }
    }
    let mut from = 0;
    while let Some(next) = link_around_include(inlines, from) {
        from = next;
    }
}

/// DocFX reads an include before links, so a link may hold one:
/// `[Setting Up [!INCLUDE[prod](p.md)]](setup.md)`. To CommonMark the
/// include is a link, which a link cannot hold: the outer brackets stay
/// text, `[Setting Up ` before the folded include and `](setup.md)`
/// after it. Makes them the link again, from the first include at or
/// after `from`; returns where to go on, `None` when no include is left.
fn link_around_include(inlines: &mut Vec<Inline>, from: usize) -> Option<usize> {
    let at = from
        + inlines
            .get(from..)?
            .iter()
            .position(|i| matches!(i, Inline::Include { .. }))?;
    let brackets = |text: &str| text.contains(['[', ']']);
    // The text opening the link: the nearest text before with a bracket,
    // its last one a `[`.
    let open = (0..at)
        .rev()
        .find(|&k| matches!(&inlines[k], Inline::Text { text } if brackets(text)));
    let open = open.filter(|&k| {
        matches!(&inlines[k], Inline::Text { text } if text.rfind(['[', ']']).is_some_and(|b| text[b..].starts_with('[')))
    });
    // The text closing it: the nearest text after with a bracket, whose
    // first is `](` and a destination without spaces up to `)`.
    let close = (at + 1..inlines.len())
        .find(|&k| matches!(&inlines[k], Inline::Text { text } if brackets(text)))
        .and_then(|k| match &inlines[k] {
            Inline::Text { text } => {
                let b = text.find(['[', ']'])?;
                let rest = text[b..].strip_prefix("](")?;
                let end = rest.find(')')?;
                let url = &rest[..end];
                (!url.is_empty() && !url.contains(char::is_whitespace))
                    .then(|| (k, b, b + 2 + end + 1, url.to_string()))
            }
            _ => None,
        });
    let (Some(open), Some((close, inner_end, after, url))) = (open, close) else {
        return Some(at + 1);
    };
    let mut tail = inlines.split_off(close);
    let mut children = inlines.split_off(open);
    // `children` runs from the opening text to the one before the closing.
    if let Some(Inline::Text { text }) = children.first_mut() {
        let b = text.rfind('[').unwrap_or(0);
        let inside = text.split_off(b + 1);
        text.pop(); // the `[`
        let before = std::mem::replace(text, inside);
        if !before.is_empty() {
            inlines.push(Inline::Text { text: before });
        }
    }
    if let Some(Inline::Text { text }) = tail.first_mut() {
        let inside = text[..inner_end].to_string();
        text.replace_range(..after, "");
        if !inside.is_empty() {
            children.push(Inline::Text { text: inside });
        }
    }
    children.retain(|i| !matches!(i, Inline::Text { text } if text.is_empty()));
    tail.retain(|i| !matches!(i, Inline::Text { text } if text.is_empty()));
    inlines.push(Inline::Link {
        url,
        title: String::new(),
        autolink: false,
        children,
    });
    let next = inlines.len();
    inlines.append(&mut tail);
    Some(next)
}

/// When three inlines are text ending in `[!INCLUDE`, a link, and text
/// starting with `]`: takes the opening and the bracket off the texts and
/// returns the include that stands for the link.
fn fold_include(run: &mut [Inline]) -> Option<Inline> {
    let [Inline::Text { text: before }, Inline::Link {
        url,
        children,
        autolink: false,
        ..
    }, Inline::Text { text: after }] = run
    else {
        return None;
    };
    let opened = before.trim_end();
    let keep = opened.len().checked_sub(INCLUDE.len())?;
    let is_include = opened
        .get(keep..)
        .is_some_and(|tail| tail.eq_ignore_ascii_case(INCLUDE));
    if !is_include || !after.starts_with(']') {
        return None;
    }
    before.truncate(keep);
    after.remove(0);
    Some(Inline::Include {
        label: Inline::plain_text(children),
        target: std::mem::take(url),
    })
}

/// How an include inside a sentence opens (in any case).
const INCLUDE: &str = "[!include";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_around_an_include_is_a_link() {
        let text = |t: &str| Inline::Text { text: t.into() };
        let link = |url: &str, children| Inline::Link {
            url: url.into(),
            title: String::new(),
            autolink: false,
            children,
        };
        let include = Inline::Include {
            label: "prod".into(),
            target: "includes/p.md".into(),
        };
        // `See [Setting Up [!INCLUDE[prod](includes/p.md)] now](setup.md).`
        let mut inlines = vec![
            text("See [Setting Up [!INCLUDE"),
            link("includes/p.md", vec![text("prod")]),
            text("] now](setup.md)."),
        ];
        fold_includes(&mut inlines);
        let children = vec![text("Setting Up "), include.clone(), text(" now")];
        assert_eq!(
            inlines,
            vec![text("See "), link("setup.md", children), text(".")]
        );
        // Brackets that make no link stay text.
        let mut inlines = vec![
            text("[a] [!INCLUDE"),
            link("includes/p.md", vec![text("prod")]),
            text("] (b)"),
        ];
        fold_includes(&mut inlines);
        assert_eq!(inlines, vec![text("[a] "), include, text(" (b)")]);
    }
}
