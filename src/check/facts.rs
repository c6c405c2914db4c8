//! Compact per-file facts for the checks that look across files
//! (`source-drift`, `source-mismatch`, `inconsistent-translation`). The
//! parallel per-file pass keeps only these, never whole articles.
//!
//! A segment keeps the hashes of its texts, which the cross-file rules
//! group and compare; the texts themselves stay compressed per file
//! ([`Packed`]) and are read back one file at a time, to word a finding or
//! to test a translation for a term. Where a term could stand in the
//! English is found here once ([`Found`]), so that the term check needs
//! only the hashes of those places.

use std::fmt::Write;
use std::sync::Arc;

use chrono::NaiveDate;

use super::hash;
use super::inlines::Fingerprinter;
use super::terms::is_term;
use super::terms::places::Found;
use super::texts::{List, Packed, Packer, Store, Unpacked};
use crate::model::space::{may_have_other, spaces};
use crate::model::{Article, Block, Inline, SegmentId};

/// What the cross-file checks need to know about one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    /// Path relative to the content dir (`ko-KR/a.md`).
    pub path: String,
    /// The article's slug, shared by its locales.
    pub slug: String,
    /// The locale directory.
    pub locale: String,
    /// `ms.openlocfilehash`, the English source version translated.
    pub source_version: Option<String>,
    /// Line of `ms.openlocfilehash`.
    pub version_line: u32,
    /// `ms.lasthandoff`.
    pub handoff: Option<NaiveDate>,
    /// `ms.translationtype` is `MT`.
    pub machine: bool,
    /// `ms.translationtype` is `HT`.
    pub human: bool,
    /// The segments, in document order.
    pub segments: Vec<SegmentFacts>,
    /// Segments whose English is a name ([`is_term`]) translated
    /// otherwise: they fix how the locale translates the name.
    pub names: Vec<Name>,
    /// Where a name could stand in the sources, for the term check.
    pub name_places: Arc<Found>,
    /// Each segment's source fingerprint, compressed.
    sources: Packed,
    /// Each segment's target fingerprint, compressed.
    targets: Packed,
    /// Each segment's id as written (only findings name it).
    ids: Ids,
}

/// The ids of a file's segments, kept as the facts can spell them again:
/// the file's prefix, with each segment's number and `-p` flag, spells
/// `986a5-113`. Only ids spelled otherwise (malformed, another prefix,
/// leading zeros) are kept as written. Compressing every id with the
/// texts cost 3 % of `check`, the ids of every file being new.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Ids {
    /// The prefix of the file's first well-formed id.
    prefix: Box<str>,
    /// The segments whose id the prefix does not spell, and their id.
    odd: Vec<(u32, Box<str>)>,
}

impl Ids {
    fn add(&mut self, segment: usize, id: &SegmentId) {
        if self.prefix.is_empty() {
            if let Some(prefix) = id.prefix() {
                self.prefix = prefix.into();
            }
        }
        if !(id.is_canonical() && id.prefix() == Some(&*self.prefix)) {
            let segment = u32::try_from(segment).unwrap_or(u32::MAX);
            self.odd.push((segment, id.as_str().into()));
        }
    }

    /// Each segment's id, in order.
    fn list(&self, segments: &[SegmentFacts]) -> List {
        let mut list = Packer::default();
        let mut odd = self.odd.iter().peekable();
        let mut spelled = String::new();
        for (i, s) in segments.iter().enumerate() {
            match odd.next_if(|(at, _)| *at as usize == i) {
                Some((_, id)) => list.push(id),
                None => {
                    let (number, merged) = s.number().unwrap_or_default();
                    let dash = if merged { "-p" } else { "-" };
                    spelled.clear();
                    // Writing into a String does not fail.
                    let _ = write!(spelled, "{}{dash}{number}", self.prefix);
                    list.push(&spelled);
                }
            }
        }
        list.into_list()
    }
}

/// A segment that is a name, and its translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// Index of the segment.
    pub segment: usize,
    /// The segment's id.
    pub id: String,
    /// The English name.
    pub name: String,
    /// Its translation.
    pub translation: String,
}

/// One segment, reduced to what cross-file checks compare; its id is
/// with the file's texts ([`Facts::ids`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentFacts {
    /// [`hash::text`] of the source fingerprint (text with code, emphasis
    /// and link targets).
    pub source: u64,
    /// [`hash::text`] of the target fingerprint without trailing
    /// punctuation and spacing (`normalize_into`).
    pub target: u64,
    /// 1-based line of the segment.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
    /// The id's number (when [`NUMBERED`]).
    number: u32,
    flags: u8,
}

/// The id has a number.
const NUMBERED: u8 = 1;
/// The id is merged (`-p`).
const MERGED: u8 = 2;
/// The source has a letter.
const WORDED: u8 = 4;
/// The target is not empty.
const TRANSLATED: u8 = 8;

impl SegmentFacts {
    /// The id's number, with `true` for merged (`-p`) ids.
    pub fn number(&self) -> Option<(u32, bool)> {
        (self.flags & NUMBERED != 0).then_some((self.number, self.flags & MERGED != 0))
    }

    /// Whether the source has a letter (is more than numbers and symbols).
    pub fn worded(&self) -> bool {
        self.flags & WORDED != 0
    }

    /// Whether the target is not empty.
    pub fn translated(&self) -> bool {
        self.flags & TRANSLATED != 0
    }
}

impl Facts {
    /// Reduces an article to its facts.
    pub fn of(article: &Article) -> Facts {
        Facts::of_stored(article, &Store::default())
    }

    /// Reduces an article to its facts, its texts packed by `store`.
    pub fn of_stored(article: &Article, store: &Store) -> Facts {
        let front = &article.front;
        let mut fingerprint = Fingerprinter::default();
        let mut sources = Packer::default();
        let mut targets = Packer::default();
        let mut ids = Ids::default();
        let mut normal = String::new();
        let translation = front
            .translation_type
            .as_ref()
            .map(|t| t.as_str().to_ascii_uppercase());
        let mut names = Vec::new();
        let wrapped = wrapped_by_links(article);
        let mut inside = String::new();
        let segments = article
            .segments
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let url = wrapped
                    .binary_search_by_key(&i, |&(index, _)| index)
                    .ok()
                    .and_then(|at| wrapped.get(at))
                    .map(|&(_, url)| url);
                let source = fingerprint.of(&s.source);
                let source = link_inside(source, url, &mut inside);
                let source_hash = hash::text(source);
                let mut flags = 0;
                if source.chars().any(char::is_alphabetic) {
                    flags |= WORDED;
                }
                // A name (rare) is kept to compare with its translation.
                let name = is_term(source).then(|| source.to_string());
                sources.push(source);
                let target = fingerprint.of(&s.target);
                let target = link_inside(target, url, &mut inside);
                if !target.is_empty() {
                    flags |= TRANSLATED;
                }
                if let Some(name) = name.filter(|name| name != target) {
                    names.push(Name {
                        segment: i,
                        id: s.id.as_str().to_string(),
                        name,
                        translation: target.to_string(),
                    });
                }
                targets.push(target);
                normalize_into(target, &mut normal);
                let number = s.id.number();
                if number.is_some() {
                    flags |= NUMBERED;
                }
                if s.id.is_merged() {
                    flags |= MERGED;
                }
                ids.add(i, &s.id);
                SegmentFacts {
                    source: source_hash,
                    target: hash::text(&normal),
                    line: s.line,
                    column: s.column,
                    number: number.unwrap_or(0),
                    flags,
                }
            })
            .collect();
        let packed_sources = store.pack(&sources);
        Facts {
            path: article.path.clone(),
            slug: article.slug.clone(),
            locale: article.locale.to_string(),
            source_version: front
                .source_version
                .as_ref()
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty()),
            version_line: front.line_of("ms.openlocfilehash"),
            handoff: front.handoff,
            machine: translation.as_deref() == Some("MT"),
            human: translation.as_deref() == Some("HT"),
            segments,
            names,
            name_places: store.places(&packed_sources, || Found::of(sources.texts())),
            sources: packed_sources,
            targets: store.pack(&targets),
            ids,
        }
    }

    /// The texts of the segments, decompressed: [`Unpacked::source`] and
    /// [`Unpacked::target`] of segment `i`.
    pub fn texts(&self) -> Unpacked {
        Unpacked {
            sources: self.sources.unpack(),
            targets: self.targets.unpack(),
        }
    }

    /// The sources of the segments, decompressed (the targets read "").
    pub fn sources(&self) -> Unpacked {
        Unpacked {
            sources: self.sources.unpack(),
            targets: Default::default(),
        }
    }

    /// The targets of the segments, decompressed (the sources read "").
    pub fn targets(&self) -> Unpacked {
        Unpacked {
            sources: Default::default(),
            targets: self.targets.unpack(),
        }
    }

    /// The ids of the segments as written: [`List::get`] of segment `i`.
    pub fn ids(&self) -> List {
        self.ids.list(&self.segments)
    }

    /// Equal for files whose texts are identical (copies of an article),
    /// which give the same answers to any question about their texts.
    pub fn texts_key(&self) -> (usize, usize) {
        (self.sources.key(), self.targets.key())
    }

    /// Equal for files whose sources are identical (the locales of an
    /// article that translate the same version, and their copies).
    pub fn sources_key(&self) -> usize {
        self.sources.key()
    }
}

/// Writes `target` into `out` without the differences translators don't
/// mean: trailing punctuation and spacing (`필요합니다` and `필요 합니다`
/// are one wording).
fn normalize_into(target: &str, out: &mut String) {
    out.clear();
    let text = target.trim_end_matches(['.', '。', ':', '：', '!', ' ']);
    // Runs between whitespace are copied whole: every segment's target
    // comes here (char by char, this was 6 % of `check`). Most targets
    // hold no whitespace but the space, which memchr finds fastest.
    let mut start = 0;
    let mut skip = |at: usize, len: usize| {
        out.push_str(text.get(start..at).unwrap_or_default());
        start = at + len;
    };
    if may_have_other(text.as_bytes()) {
        spaces(text).for_each(|(at, len)| skip(at, len));
    } else {
        memchr::memchr_iter(b' ', text.as_bytes()).for_each(|at| skip(at, 1));
    }
    out.push_str(text.get(start..).unwrap_or_default());
}

/// Segments that a link wraps whole, `[<pair>](url)`, by index in
/// document order. Other exports of the same English put the link inside
/// both halves instead (`<span>[…](url)</span>…`): the cross-file rules
/// compare such a segment as if its link were inside, so that where the
/// pipeline put the link is no difference in the English.
fn wrapped_by_links(article: &Article) -> Vec<(usize, &str)> {
    fn walk<'a>(inlines: &'a [Inline], out: &mut Vec<(usize, &'a str)>) {
        for inline in inlines {
            match inline {
                Inline::Link { url, children, .. } => match Inline::lone_segment(children) {
                    Some(index) => out.push((index, url)),
                    None => walk(children, out),
                },
                Inline::Strong { children }
                | Inline::Emphasis { children }
                | Inline::Strikethrough { children } => walk(children, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    Block::each_run(&article.blocks, &mut |run| walk(run, &mut out));
    out.sort_unstable_by_key(|&(index, _)| index);
    out
}

/// `text` as a link to `url` (`[text](url)`, as a fingerprint writes a
/// link) when there is one, else `text` itself.
fn link_inside<'a>(text: &'a str, url: Option<&str>, buffer: &'a mut String) -> &'a str {
    let Some(url) = url else {
        return text;
    };
    buffer.clear();
    let _ = write!(buffer, "[{text}]({url})");
    buffer
}

/// A short form of a source version hash for messages.
pub fn short(version: &str) -> &str {
    version.get(..7).unwrap_or(version)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normalize(target: &str) -> String {
        let mut out = String::new();
        normalize_into(target, &mut out);
        out
    }

    #[test]
    fn a_segment_keeps_hashes_not_texts() {
        // Over a million segments at 10k files: every word counts.
        assert!(std::mem::size_of::<SegmentFacts>() <= 32);
    }

    fn facts(locale: &str, store: &Store, target: &str) -> Facts {
        let text = format!(
            "<span data-ttu-id=\"986a5-103\">{target}</span><span class=\"sxs-lookup\"><span data-stu-id=\"986a5-103\">Sign in to Partner Center.</span></span>\n"
        );
        let locale = crate::model::Locale::parse(locale).unwrap();
        let parsed = crate::sxs::parse("x/a.md", locale, "a", &text);
        Facts::of_stored(&parsed.article, store)
    }

    #[test]
    fn locales_of_one_english_share_its_block() {
        let store = Store::default();
        let ko = facts("ko-KR", &store, "파트너 센터에 로그인합니다.");
        let ru = facts("ru-RU", &store, "Войдите в Центр партнеров.");
        assert_eq!(ko.sources_key(), ru.sources_key());
        assert_ne!(ko.texts_key(), ru.texts_key());
        let texts = ru.texts();
        assert_eq!(texts.source(0), "Sign in to Partner Center.");
        assert_eq!(texts.target(0), "Войдите в Центр партнеров.");
        assert_eq!(ko.sources().target(0), "");
        assert_eq!(ko.ids().get(0), "986a5-103");
        assert_eq!(
            ko.segments[0].source,
            hash::text("Sign in to Partner Center.")
        );
    }

    #[test]
    fn ids_read_back_as_written() {
        let written = [
            "986a5-103",
            "986a5-p104",
            "986a5-0105",
            "abcde-106",
            "zz-107",
            "986a5-108",
            "",
        ];
        let text: String = written
            .iter()
            .map(|id| {
                format!(
                    "<span data-ttu-id=\"{id}\">Ja</span><span class=\"sxs-lookup\"><span data-stu-id=\"{id}\">Yes</span></span>\n\n"
                )
            })
            .collect();
        let locale = crate::model::Locale::parse("de-DE").unwrap();
        let parsed = crate::sxs::parse("de-DE/a.md", locale, "a", &text);
        let facts = Facts::of(&parsed.article);
        let ids = facts.ids();
        let read: Vec<&str> = (0..written.len()).map(|i| ids.get(i)).collect();
        assert_eq!(read, written);
        // Only the ids the prefix does not spell are kept as written.
        assert_eq!(facts.ids.odd.len(), 4);
    }

    #[test]
    fn normalizing_drops_spacing_and_final_punctuation() {
        assert_eq!(normalize("필요 합니다."), "필요합니다");
        assert_eq!(normalize("Готово!  "), "Готово");
        assert_eq!(normalize("a.b"), "a.b");
        let reference = |t: &str| -> String {
            t.trim_end_matches(['.', '。', ':', '：', '!', ' '])
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect()
        };
        let spaces: Vec<char> = ('\0'..='\u{3000}').filter(|c| c.is_whitespace()).collect();
        for c in spaces
            .iter()
            .copied()
            .chain(['a', 'é', '가', '€', '𝔘', '\u{1F}'])
        {
            for text in [
                format!("x{c}y"),
                format!("{c}"),
                format!("가{c}{c}나 。"),
                format!("{c}."),
            ] {
                assert_eq!(normalize(&text), reference(&text), "{text:?}");
            }
        }
    }
}
