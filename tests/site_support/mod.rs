//! Helpers shared by the `site_*` tests: build a tree into a temp dir, walk
//! the pages, parse them with scraper.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use locdoc::build::{self, Options, Outcome};

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Builds `content` into `<tmp>/public` with the default templates.
pub fn build_into(content: &Path, tmp: &Path) -> Outcome {
    let options = Options {
        content: content.to_path_buf(),
        out: Some(tmp.join("public")),
        project: Some(tmp.to_path_buf()),
        progress: false,
        cache: true,
    };
    build::run(&options).expect("build runs")
}

/// Every file under `dir`, relative path → bytes, sorted.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Writes an article file under `<root>/<locale>/<slug>.md`.
pub fn write_article(root: &Path, locale: &str, slug: &str, text: &str) {
    let path = root.join(locale).join(format!("{slug}.md"));
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// One aligned segment in the side-by-side format.
pub fn seg(id: &str, target: &str, source: &str) -> String {
    format!("<span data-ttu-id=\"{id}\">{target}</span><span class=\"sxs-lookup\"><span data-stu-id=\"{id}\">{source}</span></span>")
}
