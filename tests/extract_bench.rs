//! Extraction cost next to `check` on 600 articles (150 copies of each seed
//! file). Ignored by default; run with
//! `cargo test --release --test extract_bench -- --ignored --nocapture`.
//!
//! Both stages read the same parsed model, so the figure that matters is the
//! time of `extract::article` over the parsed articles against the time of
//! reading, parsing and checking them.

use std::path::Path;
use std::time::{Duration, Instant};

use locdoc::{check, content, extract, sxs};
use rayon::prelude::*;

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

#[test]
#[ignore = "benchmark"]
fn extraction_adds_less_than_a_fifth_to_check() {
    let dir = tempfile::tempdir().unwrap();
    let tree = content::discover(Path::new("content")).unwrap();
    for i in 0..150 {
        for s in &tree.sources {
            let to = dir
                .path()
                .join(s.locale.as_str())
                .join(format!("{}-{i}.md", s.slug));
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(&s.path, to).unwrap();
        }
    }
    let big = content::discover(dir.path()).unwrap();
    assert_eq!(big.sources.len(), 600);
    let check_time = best_of(5, || check::run(dir.path()).unwrap());
    let articles: Vec<_> = big
        .sources
        .iter()
        .map(|s| {
            sxs::parse(
                &s.rel,
                s.locale.clone(),
                &s.slug,
                &content::read(s).unwrap(),
            )
            .article
        })
        .collect();
    let extract_time = best_of(5, || {
        articles.iter().map(extract::article).collect::<Vec<_>>()
    });
    let merge_time = best_of(5, || {
        extract::merge(articles.iter().map(extract::article).collect())
    });
    let ratio = extract_time.as_secs_f64() / check_time.as_secs_f64();
    println!(
        "600 articles: check {check_time:?}, extract {extract_time:?}, extract+merge {merge_time:?}: +{:.1}%",
        ratio * 100.0
    );
    assert!(
        ratio < 0.2,
        "extraction adds {:.1}% to check",
        ratio * 100.0
    );
}
