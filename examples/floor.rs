//! The hardware floor for `locdoc`: what pulldown-cmark alone costs to parse
//! and render the same files on the same thread count, so the benchmark
//! measures `check`/`build` as a ratio to it instead of remembering a number.
//!
//! ```text
//! floor <content-dir> [--mode none|one-writer|all-writers] [--out DIR] [--threads N]
//! ```
//!
//! - `none`: read, parse and `push_html` every file on rayon; write nothing.
//! - `one-writer`: render on rayon, one extra thread writes every page into
//!   `DIR` (which must not exist yet: a fresh directory is the fast case).
//! - `all-writers`: every rayon worker writes the pages it rendered.
//!
//! Pages go to `DIR/<locale>/<slug>/index.html`, the layout of the site
//! `locdoc build` writes (and Hugo's pretty URLs): one directory and one file
//! per page. Prints files, bytes in and out.

use std::error::Error;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use locdoc::alloc;
use pulldown_cmark::{html, Parser};
use rayon::prelude::*;
use walkdir::WalkDir;

/// The allocator `locdoc` itself uses, so the ratio measures the work, not
/// the allocator.
#[global_allocator]
static GLOBAL: alloc::Allocator = alloc::Allocator;

type Result<T> = std::result::Result<T, Box<dyn Error + Send + Sync>>;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    None,
    OneWriter,
    AllWriters,
}

struct Args {
    content: PathBuf,
    mode: Mode,
    out: PathBuf,
    threads: usize,
}

fn main() {
    alloc::configure();
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(2);
    }
}

fn run() -> Result<()> {
    let args = parse_args()?;
    if args.threads > 0 {
        rayon::ThreadPoolBuilder::new()
            .num_threads(args.threads)
            .build_global()?;
    }
    let files = list(&args.content);
    if args.mode != Mode::None {
        if args.out.exists() {
            return Err(format!(
                "`{}` exists; the floor writes into a fresh directory",
                args.out.display()
            )
            .into());
        }
        std::fs::create_dir_all(&args.out)?;
    }
    let (bytes_in, bytes_out) = match args.mode {
        Mode::None => render_all(&files, |_, _| Ok(()))?,
        Mode::AllWriters => render_all(&files, |rel, page| write_page(&args.out, rel, &page))?,
        Mode::OneWriter => one_writer(&files, &args.out)?,
    };
    println!(
        "{} files, {bytes_in} bytes in, {bytes_out} bytes out",
        files.len()
    );
    Ok(())
}

fn parse_args() -> Result<Args> {
    let usage =
        "usage: floor <content-dir> [--mode none|one-writer|all-writers] [--out DIR] [--threads N]";
    let mut args = std::env::args().skip(1);
    let content = PathBuf::from(args.next().ok_or(usage)?);
    let mut parsed = Args {
        content,
        mode: Mode::None,
        out: PathBuf::from("bench-out/floor-site"),
        threads: 0,
    };
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(usage)?;
        match flag.as_str() {
            "--mode" => {
                parsed.mode = match value.as_str() {
                    "none" => Mode::None,
                    "one-writer" => Mode::OneWriter,
                    "all-writers" => Mode::AllWriters,
                    _ => return Err(usage.into()),
                }
            }
            "--out" => parsed.out = PathBuf::from(value),
            "--threads" => parsed.threads = value.parse()?,
            _ => return Err(usage.into()),
        }
    }
    Ok(parsed)
}

/// `(path, rel)` of every `.md` file, sorted, as `locdoc` walks them.
fn list(root: &Path) -> Vec<(PathBuf, String)> {
    WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(root)
                .unwrap_or(e.path())
                .to_string_lossy()
                .into_owned();
            (e.path().to_path_buf(), rel)
        })
        .collect()
}

fn render(path: &Path) -> Result<(usize, String)> {
    let text = std::fs::read_to_string(path)?;
    let mut page = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut page, Parser::new_ext(&text, locdoc::sxs::options()));
    Ok((text.len(), page))
}

/// Renders every file on rayon and hands each page to `sink` on that worker.
fn render_all<F>(files: &[(PathBuf, String)], sink: F) -> Result<(usize, usize)>
where
    F: Fn(&str, String) -> Result<()> + Sync,
{
    files
        .par_iter()
        .map(|(path, rel)| {
            let (len, page) = render(path)?;
            let out = page.len();
            sink(rel, page)?;
            Ok((len, out))
        })
        .try_reduce(|| (0, 0), |a, b| Ok((a.0 + b.0, a.1 + b.1)))
}

/// Renders on rayon while one thread writes the pages in arrival order.
fn one_writer(files: &[(PathBuf, String)], out: &Path) -> Result<(usize, usize)> {
    let (tx, rx) = mpsc::sync_channel::<(String, String)>(256);
    let out_dir = out.to_path_buf();
    let writer = std::thread::spawn(move || -> Result<()> {
        for (rel, page) in rx {
            write_page(&out_dir, &rel, &page)?;
        }
        Ok(())
    });
    let totals = files
        .par_iter()
        .map_with(tx, |tx, (path, rel)| {
            let (len, page) = render(path)?;
            let out = page.len();
            tx.send((rel.clone(), page)).map_err(|e| e.to_string())?;
            Ok((len, out))
        })
        .try_reduce(|| (0, 0), |a, b| Ok((a.0 + b.0, a.1 + b.1)));
    writer.join().map_err(|_| "the writer thread panicked")??;
    totals
}

fn write_page(out: &Path, rel: &str, page: &str) -> Result<()> {
    let path = out.join(rel).with_extension("").join("index.html");
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, page)?;
    Ok(())
}
