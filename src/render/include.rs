//! DocFX includes: a `[!INCLUDE [title](path.md)]` paragraph shows the body
//! of the file it names, on the page's side (translation or English),
//! where the paragraph stands. The path is resolved as an image's is:
//! against the article's folder in the content tree. Includes may include
//! (up to [`DEPTH`] deep); a cycle of includes, or a file that is not in
//! the content tree, is a `missing-asset` warning and shows nothing.

use super::catalog::join;
use super::html::{body_within, Ctx, Html};
use super::inline::percent_decode;
use crate::diag::Code;
use crate::sxs;

/// How deep includes may nest.
const DEPTH: usize = 8;

impl Html<'_, '_> {
    /// Renders the file `target` names in place of its `[!INCLUDE]`.
    pub(super) fn include(&mut self, target: &str) {
        let article = self.ctx.article;
        let path = target.split(['#', '?']).next().unwrap_or_default().trim();
        let dir = article.path.rsplit_once('/').map_or("", |(dir, _)| dir);
        let rel = join(dir, &percent_decode(path)).filter(|rel| !rel.is_empty());
        let Some(rel) = rel else {
            return self.missing_include(target, "is not in the content tree");
        };
        let chain = self.ctx.includes;
        if rel == article.path || chain.contains(&rel) {
            return self.missing_include(target, "forms a cycle of includes");
        }
        if chain.len() >= DEPTH {
            return self.missing_include(target, "is nested too deep");
        }
        let text = match std::fs::read(self.ctx.content_root.join(&rel)) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(_) => {
                // Recorded even so: the page changes when the file appears.
                self.body.includes.insert(rel);
                return self.missing_include(target, "is not in the content tree");
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
        let (body, used) = body_within(&ctx, std::mem::take(&mut self.out), used, self.depth);
        self.used_ids = used;
        self.out = body.html;
        self.body.toc.extend(body.toc);
        self.body.steps.extend(body.steps);
        self.body.assets.extend(body.assets);
        for d in body.diagnostics {
            if !self.body.diagnostics.contains(&d) {
                self.body.diagnostics.push(d);
            }
        }
        self.body.includes.extend(body.includes);
        self.body.includes.insert(rel);
    }

    fn missing_include(&mut self, target: &str, why: &str) {
        self.warn(
            Code::MissingAsset,
            format!("include `{target}` {why}"),
            "add the file to the content tree or fix the path",
        );
    }
}
