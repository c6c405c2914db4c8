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

/// A project in a temporary directory: articles and other files are
/// written into it, then built with the default templates (or the
/// project's own) the way [`build_into`] does. The content tree is
/// `<root>/content`, the site `<root>/public`.
pub struct Site {
    tmp: tempfile::TempDir,
}

impl Site {
    /// A project with an empty content tree.
    pub fn new() -> Site {
        let tmp = tempfile::tempdir().expect("a temporary directory");
        let site = Site { tmp };
        std::fs::create_dir_all(site.content()).expect("the content directory");
        site
    }

    /// The project root, where `locdoc.toml` and `templates/` go.
    pub fn root(&self) -> &Path {
        self.tmp.path()
    }

    /// The content tree, `<root>/content`.
    pub fn content(&self) -> PathBuf {
        self.root().join("content")
    }

    /// The site, `<root>/public`.
    pub fn out(&self) -> PathBuf {
        self.root().join("public")
    }

    /// Writes an article to `<content>/<locale>/<slug>.md`.
    pub fn article(&self, locale: &str, slug: &str, text: &str) {
        write_article(&self.content(), locale, slug, text);
    }

    /// Writes `<root>/<rel>` (an image under `content/`, a template, the
    /// configuration), with the directories it needs.
    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) {
        let path = self.root().join(rel);
        let dir = path.parent().expect("a file inside the root");
        std::fs::create_dir_all(dir)
            .unwrap_or_else(|e| panic!("creating `{}`: {e}", dir.display()));
        std::fs::write(&path, bytes)
            .unwrap_or_else(|e| panic!("writing `{}`: {e}", path.display()));
    }

    /// Builds the content tree into the site.
    pub fn build(&self) -> Outcome {
        build_into(&self.content(), self.root())
    }

    /// The text of `<out>/<rel>` (e.g. `ko-kr/a/index.html`).
    pub fn page(&self, rel: &str) -> String {
        let path = self.out().join(rel);
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("reading `{}`: {e}", path.display()))
    }
}
