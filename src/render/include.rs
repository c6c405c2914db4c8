//! DocFX paragraphs that pull in another file:
//!
//! - `[!INCLUDE [title](path.md)]` shows the body of the file it names, on
//!   the page's side (translation or English), where the paragraph stands.
//!   Includes may include (up to [`DEPTH`] deep).
//! - `[!code-csharp[title](path.cs#L3-L9)]` shows the lines of a source
//!   file as a code block: all of them, a range (`#L3-L9`, `?range=3-9,12`)
//!   or a named region (`#name`, `?name=name`: the lines between the
//!   comments tagged `<name>` and `</name>`), dedented.
//!
//! Paths are resolved as an image's is: against the article's folder in
//! the content tree. A file that is not there, a region it lacks or a cycle
//! of includes is a `missing-asset` warning and shows nothing.

use super::catalog::join;
use super::html::{body_within, Ctx, Html};
use super::sanitize::push_escaped;
use crate::diag::Code;
use crate::model::percent_decode;
use crate::sxs;

/// How deep includes may nest.
const DEPTH: usize = 8;

/// How many files one page may include, nested ones counted. Includes
/// that each include the next several times multiply: four to a file,
/// [`DEPTH`] deep, was 65,536 bodies on one page (2.6 s).
const PER_PAGE: usize = 256;

impl Html<'_, '_> {
    /// Renders the file `target` names in place of its `[!INCLUDE]`.
    pub(super) fn include(&mut self, target: &str) {
        let out = std::mem::take(&mut self.out);
        self.out = self.include_into(target, out).0;
    }

    /// Renders the file an include inside a sentence names in its place:
    /// the inline content of its paragraph. A file that is missing, or that
    /// holds more than one paragraph, shows its label.
    pub(super) fn inline_include(&mut self, label: &str, target: &str) {
        let (html, shown) = self.include_into(target, String::new());
        if shown && html.trim().is_empty() {
            return;
        }
        let inner = html
            .strip_prefix("<p>")
            .and_then(|h| h.strip_suffix("</p>\n"))
            .filter(|inner| !inner.contains("<p>"));
        match inner {
            Some(inner) => self.out.push_str(inner),
            None => {
                if shown {
                    self.missing_include(
                        target,
                        "holds more than a paragraph: its label shows inside the sentence",
                    );
                }
                push_escaped(&mut self.out, label);
            }
        }
    }

    /// [`Html::include`] into `out`, which comes back with the file's body
    /// after what it held, and whether the file was there to render.
    fn include_into(&mut self, target: &str, out: String) -> (String, bool) {
        let article = self.ctx.article;
        let Some(rel) = self.content_path(target) else {
            self.missing_include(target, "is not in the content tree");
            return (out, false);
        };
        let chain = self.ctx.includes;
        if rel == article.path || chain.contains(&rel) {
            self.missing_include(target, "forms a cycle of includes");
            return (out, false);
        }
        if chain.len() >= DEPTH {
            self.missing_include(target, "is nested too deep");
            return (out, false);
        }
        if self.body.included >= PER_PAGE {
            // Said once per page: the count stays above the limit after.
            if self.body.included == PER_PAGE {
                self.body.included += 1;
                let why = format!(
                    "and every include after it are not shown: the page includes {PER_PAGE} files already"
                );
                self.missing_include(target, &why);
            }
            return (out, false);
        }
        self.body.included += 1;
        let text = match std::fs::read(self.ctx.content_root.join(&rel)) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(_) => {
                // Recorded even so: the page changes when the file appears.
                self.body.includes.insert(rel);
                self.missing_include(target, "is not in the content tree");
                return (out, false);
            }
        };
        let slug = rel.strip_suffix(".md").unwrap_or(&rel);
        let included = sxs::parse(&rel, article.locale.clone(), slug, &text).article;
        let mut nested = chain.to_vec();
        nested.push(rel.clone());
        let ctx = Ctx {
            article: &included,
            includes: &nested,
            // Its own segments: neither the article's texts nor its tables.
            sources: None,
            entitlements: None,
            ..*self.ctx
        };
        let used = std::mem::take(&mut self.used_ids);
        let (body, used) = body_within(&ctx, out, used, self.depth, self.body.included);
        self.body.included = body.included;
        self.used_ids = used;
        self.body.toc.extend(body.toc);
        self.body.steps.extend(body.steps);
        self.body.assets.extend(body.assets);
        for d in body.diagnostics {
            self.body.add_diagnostic(d);
        }
        self.body.includes.extend(body.includes);
        self.body.fragments.extend(body.fragments);
        self.body.links.extend(body.links);
        self.body.includes.insert(rel);
        (body.html, true)
    }

    /// Where `target` (`../a.md#x`) is in the content tree, from the
    /// article's folder, without its fragment and query; `None` above it.
    fn content_path(&self, target: &str) -> Option<String> {
        let path = target.split(['#', '?']).next().unwrap_or_default().trim();
        let article = &self.ctx.article.path;
        let dir = article.rsplit_once('/').map_or("", |(dir, _)| dir);
        join(dir, &percent_decode(path)).filter(|rel| !rel.is_empty())
    }

    fn missing_include(&mut self, target: &str, why: &str) {
        self.warn(
            Code::MissingAsset,
            format!("include `{target}` {why}"),
            "add the file to the content tree or fix the path",
        );
    }

    /// Renders the lines of the source file `target` names, for
    /// `[!code-<lang>[…](target)]`.
    pub(super) fn code_snippet(&mut self, lang: &str, target: &str) {
        let selector = target.find(['#', '?']).map_or("", |at| &target[at..]);
        let rel = self.content_path(target);
        let text = rel.and_then(|rel| std::fs::read(self.ctx.content_root.join(rel)).ok());
        let Some(text) = text else {
            return self.missing_snippet(target, "is not in the content tree");
        };
        let text = String::from_utf8_lossy(&text);
        let lines: Vec<&str> = text.lines().collect();
        match snippet(&lines, selector) {
            Some(code) => self.code(Some(lang).filter(|l| !l.is_empty()), &code),
            None => self.missing_snippet(target, "names lines the file does not have"),
        }
    }

    fn missing_snippet(&mut self, target: &str, why: &str) {
        self.warn(
            Code::MissingAsset,
            format!("code snippet `{target}` {why}"),
            "add the file to the content tree or fix the path",
        );
    }
}

/// The lines of a code snippet that `selector` (`#L3-L9`, `#name`,
/// `?range=3-9,12`, `?name=name`, or nothing) names, dedented; `None` when
/// they are not in the file.
fn snippet(lines: &[&str], selector: &str) -> Option<String> {
    let picked: Vec<&str> = if let Some(fragment) = selector.strip_prefix('#') {
        match line_range(fragment) {
            Some(range) => ranges(lines, &[range])?,
            None => region(lines, fragment)?,
        }
    } else if let Some(query) = selector.strip_prefix('?') {
        let param = |key: &str| {
            query
                .split('&')
                .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))
        };
        match (param("range"), param("name")) {
            (Some(list), _) => {
                let list: Option<Vec<(usize, usize)>> = list.split(',').map(number_range).collect();
                ranges(lines, &list?)?
            }
            (None, Some(name)) => region(lines, name)?,
            (None, None) => lines.to_vec(),
        }
    } else {
        lines.to_vec()
    };
    let indent = picked
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut out = String::new();
    for line in picked {
        out.push_str(line.get(indent..).unwrap_or_else(|| line.trim_start()));
        out.push('\n');
    }
    Some(out)
}

/// `L3-L9` or `L3` as 1-based inclusive lines.
fn line_range(fragment: &str) -> Option<(usize, usize)> {
    let (from, to) = fragment.split_once('-').unwrap_or((fragment, fragment));
    let line = |s: &str| s.strip_prefix('L')?.parse::<usize>().ok();
    Some((line(from)?, line(to)?))
}

/// `3-9`, `3-` (to the end) or `3`.
fn number_range(part: &str) -> Option<(usize, usize)> {
    let part = part.trim();
    match part.split_once('-') {
        Some((from, "")) => Some((from.parse().ok()?, usize::MAX)),
        Some((from, to)) => Some((from.parse().ok()?, to.parse().ok()?)),
        None => part.parse().ok().map(|n| (n, n)),
    }
}

/// The lines of 1-based inclusive `ranges`; `None` when one starts past
/// the end or is reversed.
fn ranges<'a>(lines: &[&'a str], ranges: &[(usize, usize)]) -> Option<Vec<&'a str>> {
    let mut out = Vec::new();
    for &(from, to) in ranges {
        if from == 0 || from > to || from > lines.len() {
            return None;
        }
        out.extend_from_slice(&lines[from - 1..to.min(lines.len())]);
    }
    Some(out)
}

/// The lines between the comments tagged `<name>` and `</name>` (any
/// comment syntax: `// <name>`, `# <name>`, `<!-- <name> -->`).
fn region<'a>(lines: &[&'a str], name: &str) -> Option<Vec<&'a str>> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let start = lines.iter().position(|l| l.contains(&open))?;
    let end = start + 1 + lines[start + 1..].iter().position(|l| l.contains(&close))?;
    Some(lines[start + 1..end].to_vec())
}

#[cfg(test)]
mod tests {
    use super::snippet;

    #[test]
    fn picks_the_lines_a_snippet_names() {
        let file = "using System;\n\nclass P\n{\n    // <main>\n    static void Main()\n    {\n    }\n    // </main>\n}";
        let lines: Vec<&str> = file.lines().collect();
        assert_eq!(snippet(&lines, "").unwrap(), format!("{file}\n"));
        assert_eq!(snippet(&lines, "#L1").unwrap(), "using System;\n");
        assert_eq!(snippet(&lines, "#L3-L4").unwrap(), "class P\n{\n");
        assert_eq!(
            snippet(&lines, "#main").unwrap(),
            "static void Main()\n{\n}\n"
        );
        assert_eq!(
            snippet(&lines, "?name=main&highlight=2").unwrap(),
            "static void Main()\n{\n}\n"
        );
        assert_eq!(
            snippet(&lines, "?range=1,3-4").unwrap(),
            "using System;\nclass P\n{\n"
        );
        assert_eq!(snippet(&lines, "?range=9-").unwrap(), "    // </main>\n}\n");
        assert_eq!(
            snippet(&lines, "?highlight=2").unwrap(),
            format!("{file}\n")
        );
        for missing in ["#L11", "#L4-L3", "#L0", "#other", "?range=x", "?name=other"] {
            assert_eq!(snippet(&lines, missing), None, "{missing}");
        }
    }
}
