//! `untranslated` (warning): the translation is the English source, word for
//! word, and the source has words that need translating.
//!
//! Why: a sentence left in English is usually a segment the translator or
//! the MT engine skipped. Product names, acronyms, numbers, ids and terms of
//! the allowlist (`src/check/allowlist.txt`, replaceable with
//! `allowlist = "path"` in `locdoc.toml`) may stay English and are not
//! reported. Example: `<span data-ttu-id="986a5-105">Overview</span>` in a
//! Korean file. Fix: translate it, or add the term to the allowlist.
//!
//! Reference tables of API docs are full of code left as plain text: a
//! type (`string`, `boolean`, `int[]`) is not reported wherever it is a
//! whole segment, nor is code or a formula written as text (`qubits :
//! Qubit[]`, `TREAT (null AS RowType)`, `\end{align}`), nor a single
//! lowercase identifier (`count`, `status_code`, `hide-header`, `xlsx`)
//! that is a whole table cell or list item, or stands alone in italics or
//! bold (`*hdrvr*`, as Windows reference pages set the names of
//! parameters). Nor are names a reference page shows by where they stand:
//! .NET and Graph types (`Boolean`, `String collection`), an HTTP header
//! alone in a cell (`Authorization`), a capitalized name alone in italics
//! in a cell (`*Object*`), the text of a link to the page of that name
//! (`[Items](items.md)`), or a DocFX directive put in a pair (`::: zone
//! pivot="csharp"`). A word the locale's language writes as English does
//! (French `Description`, German `Hosting`: [`crate::check::cognates`]) is
//! translated. A capitalized word (`Name`, `Yes`) otherwise, a lowercase
//! word standing plain as a paragraph, or a sentence with brackets
//! (`Configure (optional)`) still is.

use super::{at_segment, Context};
use crate::check::cognates;
use crate::check::scan::Scanned;
use crate::diag::{Code, Diagnostic};
use crate::model::{Article, Block, Inline, Segment};
use crate::sxs::tag::Tag;

/// Reports a translation equal to a source with translatable words.
pub fn check(cx: &Context, seg: &Segment, sides: &Scanned, out: &mut Vec<Diagnostic>) {
    // Equal sides have equal text nodes: compare their count and first
    // length before the trees.
    let (s, t) = (&sides.source.texts, &sides.target.texts);
    if s.len() != t.len()
        || s.first().map(|x| x.len()) != t.first().map(|x| x.len())
        || cx.language.eq_ignore_ascii_case("en")
        || seg.target != seg.source
    {
        return;
    }
    let text = seg.source_text();
    let word = text.trim();
    if word.is_empty()
        || cx.allowlist.covers(&text)
        || is_type_name(word)
        || is_code_like(word)
        || seg.is_directive_pair()
        || cognates::is_cognate_label(cx.language, word)
        || names_something(cx.article, seg, word)
    {
        return;
    }
    out.push(
        at_segment(
            cx.article,
            seg,
            Code::Untranslated,
            format!("segment `{}` is not translated: `{}`", seg.id, text.trim()),
        )
        .with_hint("translate it, or add the term to the allowlist if it must stay in English"),
    );
}

/// Type names of programming languages and JSON schemas, and the literals
/// their reference tables list, as written in code (lowercase).
const TYPES: &[&str] = &[
    "any",
    "array",
    "bool",
    "boolean",
    "byte",
    "char",
    "date",
    "datetime",
    "datetimeoffset",
    "decimal",
    "double",
    "enum",
    "false",
    "float",
    "guid",
    "int",
    "int16",
    "int32",
    "int64",
    "integer",
    "long",
    "null",
    "number",
    "object",
    "sbyte",
    "short",
    "string",
    "timespan",
    "true",
    "uint",
    "uint16",
    "uint32",
    "uint64",
    "ulong",
    "undefined",
    "uri",
    "ushort",
    "uuid",
    "void",
];

/// Type names of .NET, VBA and Microsoft Graph reference tables, as they
/// spell them (capitalized).
const CLASS_TYPES: &[&str] = &[
    "Binary",
    "Boolean",
    "Byte",
    "Char",
    "DateTime",
    "DateTimeOffset",
    "Decimal",
    "Double",
    "Guid",
    "Int16",
    "Int32",
    "Int64",
    "Object",
    "SByte",
    "String",
    "TimeSpan",
    "UInt16",
    "UInt32",
    "UInt64",
    "Variant",
];

/// `string`, `int[]`, `bool?`, `Boolean`, `String collection` (as Microsoft
/// Graph writes a list): a type name, perhaps an array, nullable or
/// collection of one.
fn is_type_name(word: &str) -> bool {
    let name = word.strip_suffix(" collection").unwrap_or(word);
    let name = name.trim_end_matches("[]").trim_end_matches('?');
    TYPES.contains(&name) || CLASS_TYPES.contains(&name)
}

/// HTTP header names, which request and response tables list as they are
/// sent (`X-…` headers too).
const HEADERS: &[&str] = &[
    "Accept",
    "Accept-Encoding",
    "Accept-Language",
    "Authorization",
    "Cache-Control",
    "ConsistencyLevel",
    "Content-Encoding",
    "Content-Length",
    "Content-Type",
    "Cookie",
    "ETag",
    "Host",
    "If-Match",
    "If-None-Match",
    "Location",
    "Prefer",
    "Retry-After",
    "Set-Cookie",
    "User-Agent",
    "WWW-Authenticate",
];

fn is_header_name(word: &str) -> bool {
    HEADERS.iter().any(|h| h.eq_ignore_ascii_case(word))
        || word
            .get(..2)
            .is_some_and(|x| x.eq_ignore_ascii_case("x-") && word.len() > 2)
}

/// `Object`, `Items`, `ReturnValue`: one ASCII word, capitalized, as
/// reference pages spell parameter, element and member names.
fn is_capitalized_name(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_uppercase())
        && word.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Whether a one-word segment is a name by where it stands: a lowercase
/// identifier in italics or bold alone, or alone in a table cell or list
/// item; a header name alone in a cell; a capitalized name in italics or
/// bold alone in a cell (`*Object*`, a VBA parameter); the text of a link
/// to the page of that name (`[Items](items.md)`, a schema element).
fn names_something(article: &Article, seg: &Segment, word: &str) -> bool {
    if word.contains(char::is_whitespace) {
        return false;
    }
    let identifier = is_identifier(word);
    let emphasized = || emphasized_alone(&seg.source);
    if identifier && emphasized() {
        return true;
    }
    let Some(index) = article.segments.iter().position(|s| std::ptr::eq(s, seg)) else {
        return false;
    };
    let capitalized = is_capitalized_name(word);
    if capitalized && links_to_its_page(article, index, word) {
        return true;
    }
    (identifier || is_header_name(word) || (capitalized && emphasized()))
        && alone_in_a_cell(article, index)
}

/// Whether segment `index` is alone in a link to a page named `word`
/// (`items.md`, `../items`, in any case).
fn links_to_its_page(article: &Article, index: usize, word: &str) -> bool {
    fn named(run: &[Inline], index: usize, word: &str) -> bool {
        run.iter().any(|inline| match inline {
            Inline::Link { url, children, .. } => {
                let page = url.split(['#', '?']).next().unwrap_or_default();
                let page = page.rsplit('/').next().unwrap_or_default();
                let stem = page.split('.').next().unwrap_or_default();
                (Inline::lone_segment(children) == Some(index) && stem.eq_ignore_ascii_case(word))
                    || named(children, index, word)
            }
            Inline::Strong { children }
            | Inline::Emphasis { children }
            | Inline::Strikethrough { children } => named(children, index, word),
            _ => false,
        })
    }
    let mut found = false;
    Block::each_run(&article.blocks, &mut |run| {
        found = found || named(run, index, word);
    });
    found
}

/// `count`, `status_code`, `v2`, `hide-header`, `web.config`: one
/// lowercase ASCII word, as property, parameter, attribute, enum value and
/// file names are spelled.
fn is_identifier(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_lowercase())
        && word.ends_with(|c: char| c.is_ascii_alphanumeric())
        && word.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'-' | b'.')
        })
}

/// Code or a formula written as text: TeX (`\end{align}`, `$$`), or
/// brackets, braces, `=` or `;` among words none of which is a lowercase
/// word of prose (`TREAT (null AS RowType)`); with `[]`, `{}`, `=`, `;` or
/// ` : `, one such word may be a name (`qubits : Qubit[]`).
fn is_code_like(text: &str) -> bool {
    if text.contains('\\') || text.contains("$$") || is_template(text) || is_element(text) {
        return true;
    }
    // ` : ` is a declaration (`qubits : LittleEndian`); English prose
    // puts no space before a colon.
    let strong = text.contains(['[', ']', '{', '}', '=', ';']) || text.contains(" : ");
    if !strong && !text.contains('(') {
        return false;
    }
    let prose = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            w.chars().count() >= 2 && w.chars().all(char::is_lowercase) && !TYPES.contains(w)
        })
        .count();
    prose == 0 || (strong && prose == 1)
}

/// A Liquid or Jinja tag or expression (`{%- for x in y %}`, `{{ a.b }}`),
/// which a site's template step runs, not a reader reads.
fn is_template(text: &str) -> bool {
    text.contains("{%") || text.contains("{{")
}

/// An element name written as text (`<runtime>`, from `\<runtime>` in the
/// Markdown): a configuration file's markup.
fn is_element(text: &str) -> bool {
    text.strip_prefix('<')
        .and_then(|t| t.strip_suffix('>'))
        .map(|name| name.trim_start_matches('/'))
        .is_some_and(|name| {
            name.starts_with(|c: char| c.is_ascii_alphabetic())
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
        })
}

/// Whether a side is one run of emphasis or strong emphasis, tags (such as
/// the `<span id>` anchor of a parameter) and spacing aside.
fn emphasized_alone(side: &[Inline]) -> bool {
    let mut solid =
        Inline::solid(side).filter(|i| !matches!(i, Inline::Html { .. } | Inline::LineBreak));
    matches!(
        (solid.next(), solid.next()),
        (Some(Inline::Emphasis { .. } | Inline::Strong { .. }), None)
    )
}

/// Whether segment `index` is the whole content of a table cell or of a
/// list item (spacing aside).
fn alone_in_a_cell(article: &Article, index: usize) -> bool {
    fn in_blocks(blocks: &[Block], index: usize) -> bool {
        blocks.iter().any(|block| match block {
            Block::Table { head, rows, .. } => head
                .iter()
                .chain(rows.iter().flatten())
                .any(|cell| is_only(cell, index)),
            Block::List { items, .. } => items.iter().any(|i| match i.blocks.as_slice() {
                [Block::Paragraph { content, .. }] => is_only(content, index),
                blocks => in_blocks(blocks, index),
            }),
            Block::Note { blocks, .. } | Block::Quote { blocks, .. } => in_blocks(blocks, index),
            Block::Html { content, .. } => alone_in_html_cell(content, index),
            _ => false,
        })
    }
    /// `<td><p>pair</p></td>`: the tags next to the segment, paragraphs
    /// and spacing aside, open and close one cell.
    fn alone_in_html_cell(content: &[Inline], index: usize) -> bool {
        let Some(at) = content
            .iter()
            .position(|i| matches!(i, Inline::Segment { index: i } if *i == index))
        else {
            return false;
        };
        fn tag(i: &Inline) -> Option<Tag<'_>> {
            match i {
                Inline::Html { html } => Tag::parse(html),
                _ => None,
            }
        }
        // Neighbours that matter: not spacing, not a `<p>` or `</p>`.
        let solid = |i: &&Inline| match i {
            Inline::Text { text } => !text.trim().is_empty(),
            Inline::SoftBreak | Inline::LineBreak => false,
            other => !tag(other).is_some_and(|t| t.is("p")),
        };
        let cell = |i: Option<&Inline>, closing: bool| {
            i.and_then(tag)
                .is_some_and(|t| t.closing == closing && (t.is("td") || t.is("th")))
        };
        let before = content.get(..at).and_then(|b| b.iter().rev().find(solid));
        let after = content.get(at + 1..).and_then(|a| a.iter().find(solid));
        cell(before, false) && cell(after, true)
    }
    fn is_only(cell: &[Inline], index: usize) -> bool {
        Inline::lone_segment(cell) == Some(index)
    }
    in_blocks(&article.blocks, index)
}
