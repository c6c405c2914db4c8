//! Exports the segments of a content tree to gettext PO files, one per
//! article (`<out>/<locale>/<slug>.po`), so that Translate Toolkit's
//! `pofilter` can be timed on exactly the segments `locdoc check` reads.
//!
//! ```text
//! cargo run --release --example export_po -- bench-out/corpus-634 bench-out/po-634
//! ```
//!
//! Each segment becomes one entry: `msgctxt` is its id, `msgid` the English
//! source text, `msgstr` the translation.

use std::error::Error;
use std::fmt::Write as _;
use std::path::Path;

use locdoc::content;
use locdoc::model::Article;
use rayon::prelude::*;

type Result<T> = std::result::Result<T, Box<dyn Error + Send + Sync>>;

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(2);
    }
}

fn run() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [src, out] = args.as_slice() else {
        return Err("usage: export_po <content-dir> <out-dir>".into());
    };
    let tree = content::discover(Path::new(src))?;
    let out = Path::new(out);
    let counts = tree
        .sources
        .par_iter()
        .map(|source| -> Result<usize> {
            let text = content::read(source).map_err(|d| d.message.clone())?;
            let parsed =
                locdoc::sxs::parse(&source.rel, source.locale.clone(), &source.slug, &text);
            let path = out.join(&source.rel).with_extension("po");
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::write(path, po(&parsed.article))?;
            Ok(parsed.article.segments.len())
        })
        .collect::<Result<Vec<_>>>()?;
    eprintln!(
        "wrote {} PO files, {} segments",
        counts.len(),
        counts.iter().sum::<usize>()
    );
    Ok(())
}

/// The PO text of one article.
fn po(article: &Article) -> String {
    let mut out = String::new();
    let lang = article.locale.as_str().replace('-', "_");
    out.push_str("msgid \"\"\nmsgstr \"\"\n\"MIME-Version: 1.0\\n\"\n");
    out.push_str(
        "\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Content-Transfer-Encoding: 8bit\\n\"\n",
    );
    let _ = writeln!(out, "\"Language: {lang}\\n\"\n");
    for segment in &article.segments {
        let _ = writeln!(out, "#: {}:{}", article.path, segment.line);
        let _ = writeln!(out, "msgctxt \"{}\"", escape(segment.id.as_str()));
        let _ = writeln!(out, "msgid \"{}\"", escape(&segment.source_text()));
        let _ = writeln!(out, "msgstr \"{}\"\n", escape(&segment.target_text()));
    }
    out
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}
