//! Incremental `locdoc build`: a rebuild reuses what did not change, renders
//! what did, and always writes the same bytes as a clean build.

mod site_support;

use std::path::{Path, PathBuf};

use locdoc::build::{self, Options, Outcome};
use site_support::{repo, tree};

/// A project in a temp dir holding a copy of the bundled content.
fn project() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&repo().join("content"), &content);
    (tmp, content)
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn build(project: &Path, cache: bool) -> Outcome {
    build::run(&Options {
        content: project.join("content"),
        out: Some(project.join("public")),
        project: Some(project.to_path_buf()),
        progress: false,
        cache,
    })
    .expect("build runs")
}

/// The output of a clean build of a copy of `project` in another directory.
fn clean_copy(project: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let other = tempfile::tempdir().unwrap();
    copy_dir(&project.join("content"), &other.path().join("content"));
    if project.join("locdoc.toml").is_file() {
        std::fs::copy(
            project.join("locdoc.toml"),
            other.path().join("locdoc.toml"),
        )
        .unwrap();
    }
    let outcome = build(other.path(), true);
    assert_eq!(outcome.reuse.reused, 0);
    tree(&other.path().join("public"))
}

fn assert_same_trees(project: &Path) {
    let ours = tree(&project.join("public"));
    let clean = clean_copy(project);
    assert_eq!(
        ours.keys().collect::<Vec<_>>(),
        clean.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &clean {
        assert!(ours[path] == *bytes, "`{path}` differs from a clean build");
    }
}

#[test]
fn a_rebuild_without_changes_reuses_everything() {
    let (tmp, _) = project();
    let first = build(tmp.path(), true);
    assert_eq!((first.reuse.rendered, first.reuse.reused), (4, 0));
    let before = tree(&tmp.path().join("public"));
    let manifest = tmp.path().join("public.cache/manifest.json");
    let written = std::fs::metadata(&manifest).unwrap().modified().unwrap();
    let second = build(tmp.path(), true);
    assert_eq!((second.reuse.rendered, second.reuse.reused), (0, 4));
    assert!(second.reuse.everything);
    // Nothing changed, stamps included: the manifest is not written again.
    let kept = std::fs::metadata(&manifest).unwrap().modified().unwrap();
    assert_eq!(kept, written);
    assert_eq!(second.pages, first.pages);
    assert_eq!(second.stats, first.stats);
    assert_eq!(second.content, first.content);
    assert_eq!(second.diagnostics, first.diagnostics);
    assert_eq!(tree(&tmp.path().join("public")), before);
    assert!(tmp.path().join("public.cache/manifest.json").is_file());
    // The output was listed once and its directories stamped.
    let stamps = tmp.path().join("public.cache/output.json");
    assert!(stamps.is_file());
    // A file the build did not write is not kept as part of "unchanged".
    let stray = tmp.path().join("public/ko-kr/stray.html");
    std::fs::write(&stray, "x").unwrap();
    let third = build(tmp.path(), true);
    assert!(!third.reuse.everything);
    assert!(!stray.exists());
    assert_eq!(tree(&tmp.path().join("public")), before);
    // A new output: the stamps of the old one are gone with it.
    assert!(!stamps.exists());
    let fourth = build(tmp.path(), true);
    assert!(fourth.reuse.everything);
    assert_eq!(fourth.stats, first.stats);
}

#[test]
fn changing_one_translation_renders_only_that_article() {
    let (tmp, content) = project();
    let first = build(tmp.path(), true);
    let file = content.join("ru-RU/mpn-benefits-technical-support.md");
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str("\nДополнительный абзац.\n");
    std::fs::write(&file, text).unwrap();
    let second = build(tmp.path(), true);
    assert_eq!((second.reuse.rendered, second.reuse.reused), (1, 3));
    assert!(!second.reuse.everything);
    assert_eq!(second.pages, first.pages);
    assert_same_trees(tmp.path());
    let page = tmp
        .path()
        .join("public/ru-ru/mpn-benefits-technical-support/index.html");
    assert!(std::fs::read_to_string(page)
        .unwrap()
        .contains("Дополнительный абзац"));
}

#[test]
fn an_edit_that_keeps_size_and_modification_time_is_seen() {
    let (tmp, content) = project();
    build(tmp.path(), true);
    let file = content.join("ko-KR/mpn-benefits-technical-support.md");
    let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    // Same length, other bytes, and the old modification time put back: only
    // the change time (and the bytes) tell.
    let body = text.find("\n---\n").unwrap() + 5;
    let edited = format!(
        "{}{}",
        &text[..body],
        text[body..].replacen("Microsoft", "Microsofu", 1)
    );
    assert_eq!(edited.len(), text.len());
    std::fs::write(&file, &edited).unwrap();
    let f = std::fs::File::options().write(true).open(&file).unwrap();
    f.set_modified(modified).unwrap();
    drop(f);
    let second = build(tmp.path(), true);
    assert_eq!((second.reuse.rendered, second.reuse.reused), (1, 3));
    assert_same_trees(tmp.path());
}

#[test]
fn a_touched_but_unchanged_article_is_stamped_anew() {
    use locdoc::cache::{Manifest, Stamp};
    let (tmp, content) = project();
    build(tmp.path(), true);
    let file = content.join("ko-KR/mpn-benefits-technical-support.md");
    // Same bytes, new modification and change times (as a checkout does).
    std::fs::write(&file, std::fs::read(&file).unwrap()).unwrap();
    let second = build(tmp.path(), true);
    assert!(second.reuse.everything);
    // The new stamp is remembered: the next build need not hash it again.
    let manifest = Manifest::read(&tmp.path().join("public")).unwrap();
    let stored = manifest.articles["ko-KR/mpn-benefits-technical-support.md"].stamp;
    assert_eq!(stored, Stamp::of(&file));
    assert_same_trees(tmp.path());
}

#[test]
fn adding_a_file_that_is_not_an_article_renders_everything() {
    let (tmp, content) = project();
    build(tmp.path(), true);
    std::fs::create_dir_all(content.join("media")).unwrap();
    std::fs::write(content.join("media/new.png"), b"not really a png").unwrap();
    let second = build(tmp.path(), true);
    assert_eq!((second.reuse.rendered, second.reuse.reused), (4, 0));
    let third = build(tmp.path(), true);
    assert!(third.reuse.everything);
}

#[test]
fn changing_the_config_renders_everything() {
    let (tmp, _) = project();
    build(tmp.path(), true);
    std::fs::write(
        tmp.path().join("locdoc.toml"),
        "[site]\ntitle = \"Changed\"\n",
    )
    .unwrap();
    let second = build(tmp.path(), true);
    assert_eq!((second.reuse.rendered, second.reuse.reused), (4, 0));
    assert_same_trees(tmp.path());
    let index = std::fs::read_to_string(tmp.path().join("public/index.html")).unwrap();
    assert!(index.contains("Changed"));
}

#[test]
fn a_deleted_article_disappears() {
    let (tmp, content) = project();
    build(tmp.path(), true);
    let page = tmp
        .path()
        .join("public/ko-kr/manage-your-partner-network-benefits/index.html");
    assert!(page.is_file());
    std::fs::remove_file(content.join("ko-KR/manage-your-partner-network-benefits.md")).unwrap();
    let second = build(tmp.path(), true);
    assert_eq!(second.reuse.rendered + second.reuse.reused, 3);
    assert!(!page.exists());
    assert_same_trees(tmp.path());
}

#[test]
fn a_corrupt_or_ignored_cache_means_a_clean_build() {
    let (tmp, _) = project();
    build(tmp.path(), true);
    let manifest = tmp.path().join("public.cache/manifest.json");
    std::fs::write(&manifest, "{\"version\": 7, garbage").unwrap();
    let second = build(tmp.path(), true);
    assert_eq!((second.reuse.rendered, second.reuse.reused), (4, 0));
    assert_same_trees(tmp.path());
    let third = build(tmp.path(), false);
    assert_eq!((third.reuse.rendered, third.reuse.reused), (4, 0));
    std::fs::remove_file(tmp.path().join("public/index.html")).unwrap();
    let fourth = build(tmp.path(), true);
    assert!(!fourth.reuse.everything);
    assert_same_trees(tmp.path());
}

/// A link into another article's page is judged on every build, against
/// that page as it is now: when only the linked article changes, the
/// linking one is reused and its link is still judged.
#[test]
fn links_into_a_changed_article_are_judged_again() {
    let (tmp, content) = project();
    let linking = content.join("ko-KR/manage-your-partner-network-benefits.md");
    let mut text = std::fs::read_to_string(&linking).unwrap();
    text.push_str("\n[지원](mpn-benefits-technical-support.md#partner-support-plans)\n");
    std::fs::write(&linking, text).unwrap();
    let broken = |outcome: &Outcome| {
        outcome
            .diagnostics
            .iter()
            .filter(|d| d.message.contains("#partner-support-plans"))
            .map(|d| (d.file.clone(), d.message.clone()))
            .collect::<Vec<_>>()
    };
    let first = build(tmp.path(), true);
    assert_eq!(broken(&first), []);
    let linked = content.join("ko-KR/mpn-benefits-technical-support.md");
    let text = std::fs::read_to_string(&linked).unwrap();
    std::fs::write(
        &linked,
        text.replace("name=\"partner-support-plans\"", "name=\"plans\""),
    )
    .unwrap();
    let second = build(tmp.path(), true);
    assert_eq!((second.reuse.rendered, second.reuse.reused), (1, 3));
    assert_eq!(
        broken(&second),
        [(
            "ko-KR/manage-your-partner-network-benefits.md".to_string(),
            "link to `mpn-benefits-technical-support.md#partner-support-plans`: no heading or anchor of that article has the id `partner-support-plans`".to_string()
        )]
    );
    // Nothing changed: the same finding, from the cache alone.
    let third = build(tmp.path(), true);
    assert!(third.reuse.everything);
    assert_eq!(third.diagnostics, second.diagnostics);
    assert_same_trees(tmp.path());
    std::fs::write(&linked, text).unwrap();
    assert_eq!(broken(&build(tmp.path(), true)), []);
}

/// An article that includes another article file (`[!INCLUDE]`) is
/// rendered again when that file changes, appears or goes; the others are
/// reused, and the output is a clean build's.
#[test]
fn an_article_is_rendered_again_when_a_file_it_includes_changes() {
    let (tmp, content) = project();
    let article = content.join("ko-KR/mpn-benefits-technical-support.md");
    let mut text = std::fs::read_to_string(&article).unwrap();
    text.push_str("\n[!INCLUDE [shared](includes/shared.md)]\n");
    std::fs::write(&article, text).unwrap();
    let shared = content.join("ko-KR/includes/shared.md");
    let write_shared = |sentence: &str| {
        std::fs::create_dir_all(shared.parent().unwrap()).unwrap();
        std::fs::write(
            &shared,
            format!("<span data-ttu-id=\"aaaaa-101\">{sentence}</span><span class=\"sxs-lookup\"><span data-stu-id=\"aaaaa-101\">Shared.</span></span>\n"),
        )
        .unwrap();
    };
    let page = tmp
        .path()
        .join("public/ko-kr/mpn-benefits-technical-support/index.html");
    let shows = |s: &str| std::fs::read_to_string(&page).unwrap().contains(s);
    // Not there yet: a warning, and the page shows nothing in its place.
    let first = build(tmp.path(), true);
    assert!(first
        .diagnostics
        .iter()
        .any(|d| d.code.as_str() == "missing-asset" && d.message.contains("includes/shared.md")));
    // It appears (a new article: every page's catalog changes).
    write_shared("공유 문장");
    build(tmp.path(), true);
    assert!(shows("공유 문장"));
    assert_same_trees(tmp.path());
    // It changes: the includer and the file are rendered, nothing else.
    write_shared("바뀐 문장");
    let third = build(tmp.path(), true);
    assert_eq!((third.reuse.rendered, third.reuse.reused), (2, 3));
    assert!(shows("바뀐 문장") && !shows("공유 문장"));
    assert_same_trees(tmp.path());
    // It goes.
    std::fs::remove_file(&shared).unwrap();
    build(tmp.path(), true);
    assert!(!shows("바뀐 문장"));
    assert_same_trees(tmp.path());
}
