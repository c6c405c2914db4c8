//! Reads the content tree: `<dir>/<locale>/<slug>.md`, any BCP 47 locale,
//! articles in sub-folders allowed. Walks in sorted order so every later stage
//! sees the files in the same order on every run.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diag::{Code, Diagnostic};
use crate::error::{Error, Result};
use crate::model::Locale;

/// One article file found in the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Full path on disk.
    pub path: PathBuf,
    /// Path relative to the content dir, `/`-separated (`ko-KR/a.md`).
    pub rel: String,
    /// Locale named by the top-level directory.
    pub locale: Locale,
    /// Path below the locale dir without `.md` (`announcements/2021-may`).
    pub slug: String,
}

/// What a walk of the content tree found.
#[derive(Debug, Default)]
pub struct Tree {
    /// Article files, sorted by relative path.
    pub sources: Vec<Source>,
    /// Every other file (images, includes, stray files), sorted by path.
    pub others: Vec<PathBuf>,
    /// Files the walk could not use (unreadable entries).
    pub diagnostics: Vec<Diagnostic>,
}

/// Lists the articles under `root`.
pub fn discover(root: &Path) -> Result<Tree> {
    let meta = std::fs::metadata(root).map_err(|e| Error::ContentDir {
        path: root.to_path_buf(),
        reason: e.to_string(),
    })?;
    if !meta.is_dir() {
        return Err(Error::ContentDir {
            path: root.to_path_buf(),
            reason: "not a directory".into(),
        });
    }
    let mut tree = Tree::default();
    // BCP 47 tags ignore case, and a locale's pages go to its lowercase
    // URL: `ko-kr` beside `ko-KR` would write over its pages. The first
    // spelling in sorted order is the locale; the other's files are
    // counted here and skipped.
    let mut spellings: BTreeMap<String, String> = BTreeMap::new();
    let mut skipped: BTreeMap<String, (String, usize)> = BTreeMap::new();
    // Folders named like a locale with `_` (`ko_KR`): their articles.
    let mut misnamed: BTreeMap<String, (String, usize)> = BTreeMap::new();
    // Symbolic links are followed: a locale folder linked in from another
    // checkout was skipped without a word. A link that loops or leads
    // nowhere is an `unreadable` finding (below).
    for entry in WalkDir::new(root)
        .min_depth(1)
        .follow_links(true)
        .sort_by_file_name()
    {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let rel = e.path().map(|p| relative(root, p)).unwrap_or_default();
                tree.diagnostics.push(Diagnostic::new(
                    Code::Unreadable,
                    &rel,
                    0,
                    0,
                    format!("cannot read: {e}"),
                ));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = relative(root, entry.path());
        let article = entry.path().extension().is_some_and(|x| x == "md");
        let parts = rel
            .split_once('/')
            .and_then(|(dir, rest)| Some((Locale::parse(dir)?, rest)));
        let (locale, rest) = match parts {
            Some(parts) if article => parts,
            _ => {
                if let Some((dir, tag)) = article.then(|| misnamed_locale(&rel)).flatten() {
                    misnamed.entry(dir).or_insert_with(|| (tag, 0)).1 += 1;
                }
                tree.others.push(entry.path().to_path_buf());
                continue;
            }
        };
        let first = spellings
            .entry(locale.url_segment())
            .or_insert_with(|| locale.as_str().to_string());
        if first != locale.as_str() {
            let dir = locale.as_str().to_string();
            skipped.entry(dir).or_insert_with(|| (first.clone(), 0)).1 += 1;
            continue;
        }
        let slug = rest.strip_suffix(".md").unwrap_or(rest).to_string();
        tree.sources.push(Source {
            path: entry.path().to_path_buf(),
            rel,
            locale,
            slug,
        });
    }
    for (dir, (first, files)) in skipped {
        let message = format!(
            "locale directory `{dir}` is `{first}` in another case: its {} skipped",
            articles(files)
        );
        let hint = format!("move the articles into `{first}/`, or rename one of the directories");
        let d = Diagnostic::new(Code::DuplicateLocale, &dir, 0, 0, message);
        tree.diagnostics.push(d.with_locale(&first).with_hint(hint));
    }
    for (dir, (tag, files)) in misnamed {
        let message = format!(
            "directory `{dir}` is not a BCP 47 locale tag (`{tag}` is): its {} skipped",
            articles(files)
        );
        let d = Diagnostic::new(Code::NotALocale, &dir, 0, 0, message);
        tree.diagnostics
            .push(d.with_hint(format!("rename the directory to `{tag}`")));
    }
    Ok(tree)
}

/// "1 article is", "2 articles are".
fn articles(files: usize) -> String {
    match files {
        1 => "1 article is".to_string(),
        n => format!("{n} articles are"),
    }
}

/// The top directory of `rel` and the locale tag it means, when it is not
/// a tag only because it separates subtags with `_` (`ko_KR`, the spelling
/// of POSIX locales and Java): its articles would be skipped without a
/// word. Other directories (`includes/`, `media/`) are content, not
/// locales.
fn misnamed_locale(rel: &str) -> Option<(String, String)> {
    let (dir, _) = rel.split_once('/')?;
    if !dir.contains('_') {
        return None;
    }
    let tag = Locale::parse(&dir.replace('_', "-"))?;
    Some((dir.to_string(), tag.as_str().to_string()))
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads a source as UTF-8; a failure is an `unreadable` diagnostic.
pub fn read(source: &Source) -> std::result::Result<String, Box<Diagnostic>> {
    decode(&source.rel, read_bytes(source)?)
}

/// A source file's bytes, or the `unreadable` finding naming it.
pub fn read_bytes(source: &Source) -> std::result::Result<Vec<u8>, Box<Diagnostic>> {
    std::fs::read(&source.path).map_err(|e| {
        Box::new(Diagnostic::new(
            Code::Unreadable,
            &source.rel,
            0,
            0,
            format!("cannot read `{}`: {e}", source.rel),
        ))
    })
}

/// Decodes file bytes as UTF-8, naming the first bad byte.
pub fn decode(rel: &str, bytes: Vec<u8>) -> std::result::Result<String, Box<Diagnostic>> {
    // Articles are mostly non-ASCII (Korean, Russian…), where std's
    // validation goes byte by byte: 4 instructions a byte, ~5 % of `check`.
    // simdutf8 validates 16–32 bytes at a time and says only yes or no;
    // std's error (with the offset) is taken on the rare invalid file.
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: the bytes were validated as UTF-8 just above.
        return Ok(unsafe { String::from_utf8_unchecked(bytes) });
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..offset];
        let line = memchr::memchr_iter(b'\n', before).count() + 1;
        let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        Diagnostic::new(
            Code::Unreadable,
            rel,
            line as u32,
            column as u32,
            format!("`{rel}` is not valid UTF-8: bad byte at offset {offset}"),
        )
        .with_hint("save the file as UTF-8")
        .into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_bad_byte() {
        let d = decode("ko-KR/a.md", b"ab\ncd\xffe".to_vec()).unwrap_err();
        assert_eq!((d.line, d.column), (2, 3));
        assert!(d.message.contains("offset 5"), "{}", d.message);
    }

    proptest::proptest! {
        /// The fast validation accepts exactly what std accepts.
        #[test]
        fn decodes_what_std_decodes(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..300)) {
            let std = String::from_utf8(bytes.clone()).ok();
            proptest::prop_assert_eq!(decode("a.md", bytes).ok(), std);
        }

        #[test]
        fn decodes_valid_text(text in "\\PC{0,200}") {
            proptest::prop_assert_eq!(decode("a.md", text.clone().into_bytes()).ok(), Some(text));
        }
    }
}
