//! `locdoc build`: content tree → multilingual static site.
//!
//! Three steps: a quick pass reads every file's front matter into the
//! [`Catalog`] (titles, source versions: what pages need to know about each
//! other); then every article is parsed, checked and rendered on all cores,
//! its pages streamed over a bounded channel to the one writer thread
//! ([`crate::write`]); last, the indexes, status pages and sitemap are
//! rendered from the compact per-article facts, and the new tree is swapped
//! into place. No more than a channel's worth of pages is held at once.
//!
//! Builds are incremental ([`crate::cache`]): an article whose bytes and
//! whose shared inputs (templates, interface text, config, images, every
//! article's front matter) are unchanged since the last build is not
//! rendered again; its files are hard-linked from the previous output. When
//! nothing changed at all, the whole previous tree is reused.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::mpsc::SyncSender;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::cache::{self, Cached, Manifest};
use crate::content::{self, Source};
use crate::diag::{self, Counts, Diagnostic};
use crate::error::Result;
use crate::render::{self, Anchors, Catalog, Entry, Facts, Renderer, Settings};
use crate::write::{Item, Stats, Writer};
use crate::{check, config, extract, sxs};
use incremental::{fingerprint, reuse, reuse_shared, Job, Plan};

mod incremental;

/// What to build.
#[derive(Debug, Clone)]
pub struct Options {
    /// The content tree.
    pub content: PathBuf,
    /// Output directory (default: `[site] out` of `locdoc.toml`, else `public`).
    pub out: Option<PathBuf>,
    /// Project root holding `locdoc.toml`, `templates/` and `locales/`
    /// (default: the content directory's parent).
    pub project: Option<PathBuf>,
    /// Show a progress bar.
    pub progress: bool,
    /// Reuse the previous build's files where the inputs are unchanged
    /// (`false`: a clean build, as with `--no-cache`).
    pub cache: bool,
}

/// What a build did.
#[derive(Debug)]
pub struct Outcome {
    /// Where the site is.
    pub out: PathBuf,
    /// Pages written per top-level directory (`en-us`, `ko-kr`, `review`, …).
    pub pages: BTreeMap<String, usize>,
    /// Files and bytes written.
    pub stats: Stats,
    /// Findings of the site stage (broken links, missing images, messages).
    pub diagnostics: Vec<Diagnostic>,
    /// Counts of `check` findings in the content.
    pub content: Counts,
    /// Articles rendered and reused.
    pub reuse: Reuse,
    /// Wall time.
    pub elapsed: Duration,
}

/// What an incremental build did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reuse {
    /// Article files parsed and rendered.
    pub rendered: usize,
    /// Article files whose pages were reused from the previous build.
    pub reused: usize,
    /// Whether the indexes, sitemap and entitlements were reused too
    /// (nothing changed).
    pub everything: bool,
}

struct Done {
    rel: String,
    hash: String,
    assets: Vec<String>,
    reused: bool,
    facts: Option<Facts>,
    extracted: Option<extract::ArticleFacts>,
    diagnostics: Vec<Diagnostic>,
    content: Counts,
    pages: Vec<String>,
    includes: Vec<String>,
    anchors: Anchors,
}

/// What [`render_all`] leaves for the rest of the build: each article's
/// encoded manifest entry ([`Cached::encode`]), what the indexes need of
/// each, and the entitlements assembled from them.
struct Rendered {
    entries: Vec<(String, Vec<u8>)>,
    facts: Vec<Facts>,
    assembler: extract::Assembler,
    /// Each article's locale and [`Anchors`].
    anchors: Vec<(String, Anchors)>,
}

/// Builds the site.
pub fn run(options: &Options) -> Result<Outcome> {
    let started = Instant::now();
    let root = options
        .project
        .clone()
        .unwrap_or_else(|| config::project_root(&options.content));
    let site = config::load(&root)?;
    let config_file = root.join(config::FILE);
    let checks = if config_file.is_file() {
        check::Options::from_config(&config_file)?
    } else {
        check::Options::default()
    };
    let out = options
        .out
        .clone()
        .unwrap_or_else(|| root.join(site.out.clone().unwrap_or_else(|| "public".into())));
    let tree = content::discover(&options.content)?;
    // The previous build's manifest is read while every article is stat'ed:
    // an article whose stamp is unchanged since it was hashed is not read
    // again for its front matter (nor, below, for its hash).
    let build_started = cache::nanos(std::time::SystemTime::now());
    let (stored, stamps) = rayon::join(
        || options.cache.then(|| Manifest::read(&out)).flatten(),
        || {
            let stamp = |s: &Source| cache::Stamp::of(&s.path);
            tree.sources.par_iter().map(stamp).collect::<Vec<_>>()
        },
    );
    let entries: Vec<Entry> = tree
        .sources
        .par_iter()
        .zip(&stamps)
        .filter_map(|(source, &stamp)| {
            let known = stored
                .as_ref()
                .and_then(|m| m.unchanged(&source.rel, stamp));
            match known.and_then(|c| c.front.as_ref()) {
                Some(front) => Some(front.clone().into_entry(source)),
                None => front_entry(source),
            }
        })
        .collect();
    let global = fingerprint(&root, &options.content, &tree, &entries);
    let previous = stored.filter(|m| m.global == global);
    let settings = Settings {
        title: site.title,
        base_url: site.base_url.unwrap_or_else(|| "http://localhost/".into()),
        locale_names: site.locales,
    };
    let dir = |name: &str| Some(root.join(name)).filter(|d| d.is_dir());
    let catalog = Catalog::new(entries).with_docs_urls(&site.docs_urls);
    let renderer = Renderer::new(
        catalog,
        settings,
        &options.content,
        dir("templates").as_deref(),
        dir("locales").as_deref(),
    )?;
    let mut outcome = Outcome {
        out: out.clone(),
        pages: BTreeMap::new(),
        stats: Stats::default(),
        diagnostics: renderer.warnings().to_vec(),
        content: Counts::of(&tree.diagnostics),
        reuse: Reuse::default(),
        elapsed: Duration::ZERO,
    };
    let plan = Plan::new(&tree.sources, &stamps, previous.as_ref(), &out);
    // Nothing changed, stamps included: the previous manifest says it all,
    // and stays in place (nothing it describes is touched). Any other is
    // removed first, so that a build stopped midway leaves none that would
    // describe files it did not write.
    let kept = plan.keeps_manifest();
    if !kept {
        Manifest::forget(&out);
    }
    let writer = match plan.unchanged {
        Some(stats) => Writer::keep(&out, stats),
        None => {
            cache::output::forget(&out);
            Writer::start(&out)?
        }
    };
    let rendered = render_all(
        &renderer,
        &checks,
        &plan,
        &writer,
        options.progress,
        &mut outcome,
    );
    // What the article pass freed (pages rendered and sent, parsed
    // articles) is of no use to the tail, which allocates afresh.
    crate::alloc::release_freed();
    // The tail after the last article: the shared files (indexes beside
    // entitlements.json) on one side, the manifest's articles and the
    // findings' order on the other, so that both cores have work.
    let mut diagnostics = std::mem::take(&mut outcome.diagnostics);
    let (rendered, entries) = match rendered {
        Ok(r) => {
            let anchors = r.anchors.iter().map(|(l, a)| (l.as_str(), a));
            diagnostics.extend(render::broken_fragments(anchors));
            (Ok((r.facts, r.assembler)), r.entries)
        }
        Err(e) => (Err(e), Vec::new()),
    };
    let (shared, articles) = rayon::join(
        || {
            let (facts, assembler) = rendered?;
            match plan.everything {
                Some(shared) => Ok(reuse_shared(shared, &mut outcome)),
                None => render_shared(&renderer, &facts, assembler, &writer, &mut outcome),
            }
        },
        || {
            diag::sort(&mut diagnostics);
            diagnostics.dedup();
            let version = env!("CARGO_PKG_VERSION");
            (!kept).then(|| Manifest::stage(&out, version, &global, build_started, entries))
        },
    );
    let finished = match shared {
        Ok(shared) => writer.finish().map(|stats| (stats, shared)),
        Err(e) => {
            writer.abort();
            Err(e)
        }
    };
    let shared = match finished {
        Ok((stats, shared)) => {
            outcome.stats = stats;
            shared
        }
        Err(e) => {
            if let Some(staged) = articles {
                staged.discard();
            }
            return Err(e);
        }
    };
    // A kept manifest was left in place, byte for byte.
    if let Some(staged) = articles {
        staged.commit(&shared);
    }
    outcome.diagnostics = diagnostics;
    outcome.elapsed = started.elapsed();
    Ok(outcome)
}

/// Renders (or reuses) every article on all cores, sending its files to
/// the writer; returns what the shared files and the new manifest need.
fn render_all(
    renderer: &Renderer,
    checks: &check::Options,
    plan: &Plan,
    writer: &Writer,
    progress: bool,
    outcome: &mut Outcome,
) -> Result<Rendered> {
    let bar = progress_bar(progress, plan.jobs.len());
    // entitlements.json is assembled while articles render: the last file of
    // a slug merges and serializes it. Articles are taken in slug order, so
    // only the few slugs in progress hold their per-file facts.
    let slugs = plan.jobs.iter().map(|j| j.source.slug.as_str());
    let assembler = match plan.everything {
        Some(_) => extract::Assembler::new(slugs), // not written
        None => extract::Assembler::spilling(slugs),
    };
    let mut order: Vec<usize> = (0..plan.jobs.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (plan.jobs[a].source, plan.jobs[b].source);
        (&a.slug, &a.rel).cmp(&(&b.slug, &b.rel))
    });
    // The manifest entries are encoded on the workers, unless the previous
    // manifest is kept as it is.
    let keep = plan.keeps_manifest();
    let mut results: Vec<(usize, Result<Done>, Option<Vec<u8>>)> = order
        .into_iter()
        .par_bridge()
        .map_with(writer.sender(), |tx, i| {
            let job = &plan.jobs[i];
            let mut done = match job.cached {
                Some(cached) => Ok(reuse(job, cached, plan, tx)),
                None => article(renderer, checks, job, tx),
            };
            let facts = done.as_mut().ok().and_then(|d| d.extracted.take());
            assembler.add(&job.source.slug, facts);
            let entry = match &done {
                Ok(done) if !keep => cached(renderer, job, done).encode(),
                _ => None,
            };
            bar.inc(1);
            (i, done, entry)
        })
        .collect();
    results.sort_unstable_by_key(|(i, ..)| *i);
    bar.finish_and_clear();
    let mut entries = Vec::with_capacity(results.len());
    let mut facts = Vec::new();
    let mut anchors = Vec::with_capacity(results.len());
    for (_, done, entry) in results {
        let done = done?;
        match done.reused {
            true => outcome.reuse.reused += 1,
            false => outcome.reuse.rendered += 1,
        }
        entries.extend(entry.map(|e| (done.rel, e)));
        if let Some(f) = &done.facts {
            anchors.push((f.locale.clone(), done.anchors));
        }
        facts.extend(done.facts);
        outcome.diagnostics.extend(done.diagnostics);
        add_counts(&mut outcome.content, done.content);
        count_pages(&mut outcome.pages, done.pages.iter().map(String::as_str));
    }
    Ok(Rendered {
        entries,
        facts,
        assembler,
        anchors,
    })
}

/// What the manifest remembers of one article.
fn cached(renderer: &Renderer, job: &Job, done: &Done) -> Cached {
    let source = job.source;
    Cached {
        hash: done.hash.clone(),
        stamp: job.stamp,
        front: renderer
            .catalog()
            .get(&source.slug, &source.locale)
            .map(cache::Front::of),
        pages: done.pages.clone(),
        assets: done.assets.clone(),
        facts: done.facts.clone(),
        diagnostics: cache::store_all(&done.diagnostics),
        content: cache::counts_to(done.content),
        includes: done.includes.clone(),
        anchors: done.anchors.clone(),
    }
}

/// Renders the indexes, sitemap, assets and entitlements; their paths.
fn render_shared(
    renderer: &Renderer,
    facts: &[Facts],
    assembler: extract::Assembler,
    writer: &Writer,
    outcome: &mut Outcome,
) -> Result<Vec<String>> {
    // Everything here waits for the last article; the entitlements only
    // need their articles' JSON put in order, and are written from this
    // side of the join while the writer thread takes the indexes.
    const ENTITLEMENTS: &str = "entitlements.json";
    const SCHEMA: &str = "entitlements.schema.json";
    let tx = writer.sender();
    let (rest, ()) = rayon::join(
        || renderer.indexes(facts),
        || {
            let _ = tx.send(Item::File {
                path: SCHEMA.into(),
                bytes: extract::schema_json().into_bytes(),
            });
            let document = assembler.finish();
            writer.write_now(ENTITLEMENTS, |file| document.write_into(file).map(drop));
        },
    );
    let mut rest = rest?;
    rest.extend(renderer.assets());
    count_pages(
        &mut outcome.pages,
        rest.iter()
            .map(|p| p.path.as_str())
            .filter(|p| p.ends_with(".html")),
    );
    let mut shared = vec![ENTITLEMENTS.to_string(), SCHEMA.to_string()];
    for page in rest {
        shared.push(page.path.clone());
        let _ = tx.send(Item::File {
            path: page.path,
            bytes: page.bytes,
        });
    }
    Ok(shared)
}

/// Parses, checks (the per-article rules of `check`, filtered by `[check]`
/// of `locdoc.toml`) and renders one article, sending its pages to the writer.
fn article(
    renderer: &Renderer,
    checks: &check::Options,
    job: &Job,
    tx: &mut SyncSender<Item>,
) -> Result<Done> {
    let source = job.source;
    let mut done = Done {
        rel: source.rel.clone(),
        hash: job.hash.clone(),
        assets: Vec::new(),
        reused: false,
        facts: None,
        extracted: None,
        diagnostics: Vec::new(),
        content: Counts::default(),
        pages: Vec::new(),
        includes: Vec::new(),
        anchors: Anchors::default(),
    };
    let read = content::read_bytes(source).and_then(|bytes| {
        if done.hash.is_empty() {
            done.hash = cache::hash(&bytes);
        }
        content::decode(&source.rel, bytes)
    });
    let text = match read {
        Ok(text) => text,
        Err(d) => {
            done.content = Counts::of(std::slice::from_ref(&d));
            return Ok(done);
        }
    };
    let parsed = sxs::parse(&source.rel, source.locale.clone(), &source.slug, &text);
    let mut findings = parsed.diagnostics;
    findings.extend(check::article_with(&parsed.article, checks));
    findings.retain(|d| checks.keeps(d));
    done.content = Counts::of(&findings);
    let Some(entry) = renderer.catalog().get(&source.slug, &source.locale) else {
        return Ok(done);
    };
    let mut extracted = extract::article(&parsed.article);
    // The pages render the article's entitlement tables from its own facts,
    // merged as `entitlements.json` merges them (only the entitlements are
    // read: they are lent, not copied).
    let rendered = extract::with_own_entitlements(&mut extracted, |own| {
        renderer.article(entry, &parsed.article, &findings, Some(own))
    })?;
    for page in rendered.pages {
        done.pages.push(page.path.clone());
        let _ = tx.send(Item::File {
            path: page.path,
            bytes: page.bytes,
        });
    }
    for asset in rendered.assets {
        done.assets.push(asset.to.clone());
        let _ = tx.send(Item::Copy {
            from: asset.from,
            path: asset.to,
        });
    }
    done.diagnostics = rendered.diagnostics;
    done.includes = rendered.includes.into_iter().collect();
    done.anchors = rendered.anchors;
    // The merge does not read them: moved, not copied.
    done.diagnostics.append(&mut extracted.diagnostics);
    done.extracted = Some(extracted);
    done.facts = Some(rendered.facts);
    Ok(done)
}

/// Reads a file's front matter only (the body is read and parsed later, once).
fn front_entry(source: &Source) -> Option<Entry> {
    let head = read_front(&source.path)?;
    let front = sxs::parse(&source.rel, source.locale.clone(), &source.slug, &head)
        .article
        .front;
    Some(cache::Front::read(front).into_entry(source))
}

/// The leading `---` … `---` lines of a file (empty when it has none);
/// `None` when it can't be read as UTF-8.
fn read_front(path: &Path) -> Option<String> {
    let mut reader = BufReader::new(std::fs::File::open(path).ok()?);
    let mut text = String::new();
    let mut line = String::new();
    for n in 0.. {
        line.clear();
        if reader.read_line(&mut line).ok()? == 0 {
            break;
        }
        let marker = line.trim_start_matches('\u{feff}').trim_end() == "---";
        if n == 0 && !marker {
            return Some(String::new());
        }
        text.push_str(&line);
        if n > 0 && marker {
            break;
        }
    }
    Some(text)
}

fn progress_bar(show: bool, len: usize) -> ProgressBar {
    if !show {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} articles") {
        bar.set_style(style);
    }
    bar
}

fn add_counts(total: &mut Counts, c: Counts) {
    total.errors += c.errors;
    total.warnings += c.warnings;
    total.infos += c.infos;
}

fn count_pages<'a>(pages: &mut BTreeMap<String, usize>, paths: impl Iterator<Item = &'a str>) {
    for path in paths {
        let top = if path.contains('/') {
            path.split('/').next().unwrap_or(path)
        } else {
            "root"
        };
        *pages.entry(top.to_string()).or_insert(0) += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_front_matter_block_only() {
        let dir = tempfile::tempdir().unwrap();
        let read = |text: &str| {
            let path = dir.path().join("a.md");
            std::fs::write(&path, text).unwrap();
            read_front(&path)
        };
        assert_eq!(
            read("---\r\na: 1\r\n---\r\nbody\n").as_deref(),
            Some("---\r\na: 1\r\n---\r\n")
        );
        assert_eq!(
            read("\u{feff}---\na: 1\n---\n").as_deref(),
            Some("\u{feff}---\na: 1\n---\n")
        );
        assert_eq!(read("body\n---\n").as_deref(), Some(""));
        assert_eq!(read("---\nunclosed\n").as_deref(), Some("---\nunclosed\n"));
    }
}
