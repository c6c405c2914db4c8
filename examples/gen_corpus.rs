//! Benchmark corpus generator: replicates a content tree
//! (`<locale>/<slug>.md`) to many articles per locale, so that `locdoc` can
//! be timed on a docs set of realistic size without shipping one.
//!
//! ```text
//! cargo run --release --example gen_corpus -- content bench-out/corpus-634 --files 634
//! cargo run --release --example gen_corpus -- content bench-out/corpus --per-locale 3381
//! ```
//!
//! Copy `c` of article `slug` is written as `<locale>/<slug>-<c:05>.md`. Every
//! file gets its own 5-hex-digit id prefix (`986a5-113` → `3f1c2-113`), so the
//! copies never share ids and never mix prefixes. Relative links to another
//! article (`](other.md#anchor)`, of any locale) point at the copy of that
//! article with the same copy number (or copy 0 when no locale has that
//! copy), so the link graph is the original one, replicated, and the locales
//! of one copy keep the same English. Same input, same bytes out.
//!
//! With `--unique`, every copy but copy 0 also gets its own wording: each
//! translation and source span starts with a word made of the copy number
//! (`Qbaa `), the same in every locale of the copy. A replicated corpus
//! repeats every sentence in every copy, so tables keyed by text stay
//! small; a real docs set of 10k articles has little such repetition, and
//! this corpus measures what `check` keeps of every text.

use std::collections::{BTreeMap, BTreeSet};
use std::error::Error;
use std::path::{Path, PathBuf};

use memchr::memmem;

type Result<T> = std::result::Result<T, Box<dyn Error>>;

/// How many files to generate.
enum Size {
    /// This many per locale.
    PerLocale(usize),
    /// This many in all, spread evenly over the locales.
    Total(usize),
}

/// What to generate.
struct Plan {
    size: Size,
    /// Give every copy its own wording (`--unique`).
    unique: bool,
}

/// One article of the source tree.
struct Original {
    slug: String,
    text: String,
}

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(2);
    }
}

fn run() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (src, out, plan) = parse_args(&args)?;
    let (files, bytes) = generate(&src, &out, &plan)?;
    eprintln!(
        "wrote {files} files, {:.1} MB, under `{}`",
        bytes as f64 / 1e6,
        out.display()
    );
    Ok(())
}

/// Writes the corpus; returns how many files and bytes it wrote.
fn generate(src: &Path, out: &Path, plan: &Plan) -> Result<(usize, usize)> {
    if out.exists() && std::fs::read_dir(out)?.next().is_some() {
        return Err(format!("`{}` is not empty; remove it first", out.display()).into());
    }
    let tree = read_tree(src)?;
    let counts = spread(&tree, &plan.size);
    let copies = copies_of_slugs(&tree, &counts);
    let mut file_number = 0usize;
    let mut bytes = 0usize;
    for ((locale, originals), count) in tree.iter().zip(counts) {
        let dir = out.join(locale);
        std::fs::create_dir_all(&dir)?;
        for k in 0..count {
            let mut text = replicate(originals, k, &copies, file_number);
            let Some(original) = originals.get(k % originals.len()) else {
                continue;
            };
            let copy = k / originals.len();
            if plan.unique && copy > 0 {
                text = mark_spans(&text, &word(copy));
            }
            let name = format!("{}-{copy:05}.md", original.slug);
            std::fs::write(dir.join(name), &text)?;
            bytes += text.len();
            file_number += 1;
        }
    }
    Ok((file_number, bytes))
}

fn parse_args(args: &[String]) -> Result<(PathBuf, PathBuf, Plan)> {
    let usage = "usage: gen_corpus <content-dir> <out-dir> (--per-locale N | --files N) [--unique]";
    let (args, unique) = match args {
        [rest @ .., last] if last == "--unique" => (rest, true),
        _ => (args, false),
    };
    let [src, out, flag, n] = args else {
        return Err(usage.into());
    };
    let n: usize = n
        .parse()
        .map_err(|_| format!("`{n}` is not a number; {usage}"))?;
    let size = match flag.as_str() {
        "--per-locale" => Size::PerLocale(n),
        "--files" => Size::Total(n),
        _ => return Err(usage.into()),
    };
    Ok((
        PathBuf::from(src),
        PathBuf::from(out),
        Plan { size, unique },
    ))
}

/// Top-level `.md` files of every locale dir, sorted by locale and slug.
fn read_tree(src: &Path) -> Result<BTreeMap<String, Vec<Original>>> {
    let mut tree = BTreeMap::new();
    for entry in std::fs::read_dir(src)? {
        let entry = entry?;
        let locale = entry.file_name().to_string_lossy().into_owned();
        if !entry.file_type()?.is_dir() || locdoc::model::Locale::parse(&locale).is_none() {
            continue;
        }
        let mut originals = Vec::new();
        for file in std::fs::read_dir(entry.path())? {
            let path = file?.path();
            let Some(slug) = path
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_suffix(".md"))
            else {
                continue;
            };
            originals.push(Original {
                slug: slug.to_string(),
                text: std::fs::read_to_string(&path)?,
            });
        }
        originals.sort_by(|a, b| a.slug.cmp(&b.slug));
        if !originals.is_empty() {
            tree.insert(locale, originals);
        }
    }
    if tree.is_empty() {
        return Err(format!("no `<locale>/<slug>.md` files under `{}`", src.display()).into());
    }
    Ok(tree)
}

/// Files per locale, in the tree's order.
fn spread(tree: &BTreeMap<String, Vec<Original>>, size: &Size) -> Vec<usize> {
    let locales = tree.len();
    match *size {
        Size::PerLocale(n) => vec![n; locales],
        Size::Total(n) => (0..locales)
            .map(|i| n / locales + usize::from(i < n % locales))
            .collect(),
    }
}

/// How many copies of each slug the locale that has the most of it gets.
fn copies_of_slugs(
    tree: &BTreeMap<String, Vec<Original>>,
    counts: &[usize],
) -> BTreeMap<String, usize> {
    let mut copies: BTreeMap<String, usize> = BTreeMap::new();
    for (originals, &count) in tree.values().zip(counts) {
        let m = originals.len();
        for (index, original) in originals.iter().enumerate() {
            let made = count / m + usize::from(index < count % m);
            let most = copies.entry(original.slug.clone()).or_default();
            *most = (*most).max(made);
        }
    }
    copies
}

/// The text of generated file `k` of a locale; `copies` says which copies
/// of each slug exist in some locale.
fn replicate(
    originals: &[Original],
    k: usize,
    copies: &BTreeMap<String, usize>,
    file_number: usize,
) -> String {
    let m = originals.len();
    let Some(original) = originals.get(k % m) else {
        return String::new();
    };
    let copy = k / m;
    let slugs: BTreeSet<&str> = copies.keys().map(String::as_str).collect();
    let link_copy = |slug: &str| {
        if copies.get(slug).is_some_and(|&made| copy < made) {
            copy
        } else {
            0
        }
    };
    let text = rewrite_ids(&original.text, &prefix(file_number));
    rewrite_links(&text, &slugs, link_copy)
}

/// A distinct 5-hex-digit prefix per file number (a bijection on 20 bits,
/// so neighbours do not look alike).
fn prefix(n: usize) -> String {
    let mut x = (n as u32) & 0xF_FFFF;
    x = x.wrapping_mul(0x9E37B) & 0xF_FFFF;
    x ^= x >> 7;
    x = x.wrapping_mul(0x5BD1F) & 0xF_FFFF;
    format!("{x:05x}")
}

/// Where the `-id=` of every `data-ttu-id` and `data-stu-id` attribute is.
fn alignment_ids(text: &str) -> impl Iterator<Item = usize> + '_ {
    memmem::find_iter(text.as_bytes(), "-id=").filter(|&hit| {
        let key = text.get(hit.saturating_sub(8)..hit).unwrap_or("");
        key == "data-ttu" || key == "data-stu"
    })
}

/// Replaces the prefix of every `data-ttu-id` / `data-stu-id` that uses the
/// file's first prefix; any other prefix is left alone.
fn rewrite_ids(text: &str, new_prefix: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut first: Option<&str> = None;
    let mut pos = 0;
    for hit in alignment_ids(text) {
        let value = hit + 4;
        let quote = usize::from(matches!(text.as_bytes().get(value), Some(b'"' | b'\'')));
        let start = value + quote;
        let Some(dash) = text.get(start..).and_then(|s| s.find('-')) else {
            continue;
        };
        let Some(old) = text.get(start..start + dash) else {
            continue;
        };
        if dash > 16 || old.contains(['"', '\'', '>', ' ']) || *first.get_or_insert(old) != old {
            continue;
        }
        out.push_str(text.get(pos..start).unwrap_or(""));
        out.push_str(new_prefix);
        pos = start + dash;
    }
    out.push_str(text.get(pos..).unwrap_or(""));
    out
}

/// A capitalized word of letters only for copy `copy` (`Qbaa`), so that
/// names stay names (`Qbaa Microsoft Product Support`) and no number is
/// added for `number-mismatch` to compare.
fn word(copy: usize) -> String {
    let mut word = String::from("Q");
    let mut x = copy;
    for _ in 0..4 {
        word.push(char::from(b'a' + (x % 26) as u8));
        x /= 26;
    }
    word
}

/// Starts every `data-ttu-id` and `data-stu-id` span's content with `word`.
fn mark_spans(text: &str, word: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut pos = 0;
    for hit in alignment_ids(text) {
        if hit < pos {
            continue;
        }
        let Some(end) = text.get(hit..).and_then(|s| s.find('>')) else {
            continue;
        };
        let content = hit + end + 1;
        out.push_str(text.get(pos..content).unwrap_or(""));
        out.push_str(word);
        out.push(' ');
        pos = content;
    }
    out.push_str(text.get(pos..).unwrap_or(""));
    out
}

/// Points `](slug.md…)` links at the copy `link_copy(slug)` of that article.
fn rewrite_links(text: &str, slugs: &BTreeSet<&str>, link_copy: impl Fn(&str) -> usize) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut pos = 0;
    for hit in memmem::find_iter(text.as_bytes(), "](") {
        let start = hit + 2;
        let rest = text.get(start..).unwrap_or("");
        let end = rest.find([')', '#', ' ', '\n']).unwrap_or(rest.len());
        let target = &rest[..end];
        let bare = target.strip_prefix("./").unwrap_or(target);
        let Some(slug) = bare.strip_suffix(".md").filter(|s| slugs.contains(s)) else {
            continue;
        };
        let slug_start = start + (target.len() - bare.len());
        out.push_str(text.get(pos..slug_start).unwrap_or(""));
        out.push_str(&format!("{slug}-{:05}", link_copy(slug)));
        pos = slug_start + slug.len();
    }
    out.push_str(text.get(pos..).unwrap_or(""));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_distinct() {
        let all: BTreeSet<String> = (0..20_000).map(prefix).collect();
        assert_eq!(all.len(), 20_000);
    }

    /// Codes of the per-file checks, by file. (Cross-file findings such as
    /// `inconsistent-translation` are reported once per corpus, not per copy.)
    fn codes(root: &Path) -> Vec<(String, Vec<&'static str>)> {
        let tree = locdoc::content::discover(root).unwrap();
        let per_file = |s: &locdoc::content::Source| {
            locdoc::check::file(s)
                .diagnostics
                .iter()
                .map(|d| d.code.as_str())
                .collect()
        };
        tree.sources
            .iter()
            .map(|s| (s.rel.clone(), per_file(s)))
            .collect()
    }

    #[test]
    fn copies_check_like_their_originals_and_are_deterministic() {
        let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        let plan = Plan {
            size: Size::PerLocale(5),
            unique: false,
        };
        let (files, _) = generate(&content, &a, &plan).unwrap();
        generate(&content, &b, &plan).unwrap();
        assert_eq!(files, 15);
        let original: BTreeMap<String, Vec<&str>> = codes(&content).into_iter().collect();
        for (file, found) in codes(&a) {
            let (base, _) = file.rsplit_once('-').unwrap();
            assert_eq!(Some(&found), original.get(&format!("{base}.md")), "{file}");
            assert_eq!(
                std::fs::read(a.join(&file)).unwrap(),
                std::fs::read(b.join(&file)).unwrap()
            );
        }
        let ko = std::fs::read_to_string(a.join("ko-KR/mpn-benefits-technical-support-00001.md"))
            .unwrap();
        assert!(ko.contains("](manage-your-partner-network-benefits-00001.md)"));
        // ru-RU has no such article, and links to ko-KR's copy all the same:
        // the locales of one copy keep one English.
        let ru = std::fs::read_to_string(a.join("ru-RU/mpn-benefits-technical-support-00001.md"))
            .unwrap();
        assert!(ru.contains("](manage-your-partner-network-benefits-00001.md)"));
    }

    #[test]
    fn unique_copies_check_like_their_originals_with_their_own_words() {
        let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let dir = tempfile::tempdir().unwrap();
        let plan = Plan {
            size: Size::PerLocale(5),
            unique: true,
        };
        generate(&content, dir.path(), &plan).unwrap();
        // A name left in English (`Action Pack`) is no longer only a known
        // name once the copy's word precedes it: `untranslated` may differ.
        let per_file = |root: &Path| -> BTreeMap<String, Vec<&str>> {
            let kept = |(file, codes): (String, Vec<&'static str>)| {
                (
                    file,
                    codes.into_iter().filter(|c| *c != "untranslated").collect(),
                )
            };
            codes(root).into_iter().map(kept).collect()
        };
        let original = per_file(&content);
        for (file, found) in per_file(dir.path()) {
            let (base, _) = file.rsplit_once('-').unwrap();
            assert_eq!(Some(&found), original.get(&format!("{base}.md")), "{file}");
        }
        let ko = |copy: &str| {
            let path = format!("ko-KR/mpn-benefits-technical-support-{copy}.md");
            let text = std::fs::read_to_string(dir.path().join(path)).unwrap();
            locdoc::sxs::parse(
                "a.md",
                locdoc::model::Locale::parse("ko-KR").unwrap(),
                "a",
                &text,
            )
            .article
        };
        let (first, second) = (ko("00000"), ko("00001"));
        assert_eq!(first.segments.len(), second.segments.len());
        for (a, b) in first.segments.iter().zip(&second.segments) {
            assert_eq!(format!("Qbaaa {}", a.source_text()), b.source_text());
            assert!(b.target_text().starts_with("Qbaaa "), "{}", b.target_text());
        }
    }

    #[test]
    fn ids_and_links_are_rewritten() {
        let text = r#"<span data-ttu-id="986a5-1">a</span><span data-stu-id='986a5-1'>b</span> <x data-ttu-id="zz-2"> [l](./b.md#x) [m](c.md)"#;
        let ids = rewrite_ids(text, "00abc");
        assert!(
            ids.contains(r#"data-ttu-id="00abc-1""#) && ids.contains("data-stu-id='00abc-1'"),
            "{ids}"
        );
        assert!(ids.contains("zz-2"));
        let slugs: BTreeSet<&str> = ["a", "b"].into_iter().collect();
        let links = rewrite_links(&ids, &slugs, |_| 7);
        assert!(
            links.contains("](./b-00007.md#x)") && links.contains("](c.md)"),
            "{links}"
        );
    }
}
