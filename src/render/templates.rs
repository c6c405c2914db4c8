//! The minijinja environment: the default templates and stylesheet compiled
//! into the binary, each replaceable by a file of the same name in a
//! project's `templates/` directory. Templates end in `.html`, so autoescape
//! is on for all of them.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use std::cell::RefCell;
use std::sync::Arc;

use minijinja::value::{Object, ObjectRepr, Value};
use minijinja::{AutoEscape, Environment, UndefinedBehavior};
use serde::Serialize;

use super::sanitize::write_escaped;
use crate::error::{Error, Result};

/// The default templates.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("article.html", include_str!("../../templates/article.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("locale.html", include_str!("../../templates/locale.html")),
    ("review.html", include_str!("../../templates/review.html")),
    ("status.html", include_str!("../../templates/status.html")),
];

/// The default static assets, written under `assets/`.
const ASSETS: &[(&str, &[u8])] = &[
    (
        "site.css",
        include_bytes!("../../templates/assets/site.css"),
    ),
    ("site.js", include_bytes!("../../templates/assets/site.js")),
    (
        "favicon.svg",
        include_bytes!("../../templates/assets/favicon.svg"),
    ),
];

/// Finished HTML handed to a template (an article body, the review rows):
/// printed as it is, without the copies a safe string costs (into the
/// value, again through `|safe`), and taken back afterwards with
/// [`Markup::take`] so that its buffer serves the next page.
#[derive(Debug)]
pub struct Markup(String);

impl Markup {
    /// A template value for `html`.
    pub fn value(html: String) -> Value {
        Value::from_object(Markup(html))
    }

    /// The HTML of a value made by [`Markup::value`], once no template holds it.
    pub fn take(value: Value) -> Option<String> {
        let markup = value.downcast_object::<Markup>()?;
        drop(value);
        std::sync::Arc::try_unwrap(markup).ok().map(|m| m.0)
    }

    /// The length in bytes of a value made by [`Markup::value`].
    pub fn len(value: &Value) -> usize {
        value
            .downcast_object_ref::<Markup>()
            .map_or(0, |m| m.0.len())
    }
}

impl Object for Markup {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Plain
    }

    fn is_true(self: &Arc<Self>) -> bool {
        !self.0.is_empty()
    }

    fn render(self: &Arc<Self>, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

thread_local! {
    /// Page-sized strings this thread finished with (see [`buffer`]).
    static SPARE: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// An empty string, with the capacity of one this thread used for an
/// earlier page when there is one: bodies are tens of kilobytes, and
/// growing a fresh string to that size for every page copies it over and
/// over and keeps the allocator busy returning and refetching memory.
pub fn buffer() -> String {
    SPARE
        .with(|spare| spare.borrow_mut().pop())
        .unwrap_or_default()
}

/// Gives a string back for [`buffer`] to hand out again.
pub fn recycle(mut text: String) {
    if text.capacity() > 16 << 20 {
        return; // an outsized page: don't keep its memory for the rest of the run
    }
    text.clear();
    SPARE.with(|spare| {
        let mut spare = spare.borrow_mut();
        if spare.len() < 4 {
            spare.push(text);
        }
    });
}

/// Loaded templates and assets.
pub struct Templates {
    env: Environment<'static>,
    assets: Vec<(String, Vec<u8>)>,
    /// Per template, the variables it reads (`page.segments`, …), so that
    /// data no template asks for need not be built.
    reads: BTreeMap<&'static str, HashSet<String>>,
}

impl Templates {
    /// The defaults, overridden by files in `dir` (when it exists).
    pub fn load(dir: Option<&Path>) -> Result<Templates> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_formatter(format_value);
        for (name, default) in TEMPLATES {
            let source = read_override(dir, name)?.unwrap_or_else(|| (*default).to_string());
            env.add_template_owned(*name, source)
                .map_err(|e| broken(dir, name, &e))?;
        }
        let mut reads = BTreeMap::new();
        for (name, _) in TEMPLATES {
            let template = env.get_template(name).map_err(|e| broken(dir, name, &e))?;
            reads.insert(*name, template.undeclared_variables(true));
        }
        let mut assets = Vec::new();
        for (name, default) in ASSETS {
            let bytes = match dir
                .map(|d| d.join("assets").join(name))
                .filter(|p| p.is_file())
            {
                Some(path) => std::fs::read(&path).map_err(|e| Error::Config {
                    path,
                    reason: e.to_string(),
                })?,
                None => default.to_vec(),
            };
            assets.push(((*name).to_string(), bytes));
        }
        Ok(Templates { env, assets, reads })
    }

    /// Renders template `name` with `ctx`; an error means a broken template.
    pub fn render<S: Serialize>(&self, name: &str, ctx: S) -> Result<String> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| broken(None, name, &e))?;
        template.render(ctx).map_err(|e| broken(None, name, &e))
    }

    /// Renders template `name` with `ctx` into a buffer of `size_hint`
    /// bytes: pages are large and a buffer grown by doubling copies them
    /// several times over. The buffer is one the writer has finished with
    /// when there is one ([`crate::write::buffer`]).
    pub fn render_page<S: Serialize>(
        &self,
        name: &str,
        ctx: S,
        size_hint: usize,
    ) -> Result<Vec<u8>> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| broken(None, name, &e))?;
        let mut out = crate::write::buffer(size_hint);
        template
            .render_captured_to(ctx, &mut out)
            .map_err(|e| broken(None, name, &e))?;
        Ok(out)
    }

    /// Whether template `name` reads `path` (`page.segments`), as far as
    /// its source says (variables of templates it extends are not seen).
    pub fn uses(&self, name: &str, path: &str) -> bool {
        self.reads.get(name).is_some_and(|r| r.contains(path))
    }

    /// The static assets: file name and bytes.
    pub fn assets(&self) -> &[(String, Vec<u8>)] {
        &self.assets
    }
}

/// minijinja's escaping formatter, except that strings are escaped like the
/// rest of the page (`/` stays `/`, so URLs read as written).
fn format_value(
    out: &mut minijinja::Output,
    state: &minijinja::State,
    value: &minijinja::Value,
) -> std::result::Result<(), minijinja::Error> {
    if let Some(markup) = value.downcast_object_ref::<Markup>() {
        return out.write_str(&markup.0).map_err(|_| {
            minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "cannot write")
        });
    }
    match value.as_str() {
        Some(text) if state.auto_escape() == AutoEscape::Html && !value.is_safe() => {
            write_escaped(out, text).map_err(|_| {
                minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "cannot write")
            })
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

fn read_override(dir: Option<&Path>, name: &str) -> Result<Option<String>> {
    let Some(path) = dir.map(|d| d.join(name)).filter(|p| p.is_file()) else {
        return Ok(None);
    };
    std::fs::read_to_string(&path)
        .map(Some)
        .map_err(|e| Error::Config {
            path,
            reason: e.to_string(),
        })
}

fn broken(dir: Option<&Path>, name: &str, e: &minijinja::Error) -> Error {
    let path = dir.map_or_else(|| Path::new("templates").join(name), |d| d.join(name));
    let mut reason = e.to_string();
    if let Some(line) = e.line() {
        reason.push_str(&format!(" (line {line})"));
    }
    Error::Config { path, reason }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_compile_and_escape() {
        let t = Templates::load(None).unwrap();
        assert_eq!(t.assets().len(), 3);
        let env = &t.env;
        let out = env
            .render_str("{{ x }}", minijinja::context! { x => "<b>" })
            .unwrap();
        assert_eq!(out, "<b>"); // render_str has no .html name: autoescape comes from the name
        let tmpl = env.template_from_named_str("x.html", "{{ x }}").unwrap();
        assert_eq!(
            tmpl.render(minijinja::context! { x => "<b>" }).unwrap(),
            "&lt;b&gt;"
        );
    }

    #[test]
    fn markup_buffer_comes_back_once_the_view_is_dropped() {
        #[derive(Serialize)]
        struct View {
            body: Value,
        }
        let t = Templates::load(None).unwrap();
        let tmpl = t
            .env
            .template_from_named_str("t.html", "<p>{{ page.body }}</p>")
            .unwrap();
        let view = View {
            body: Markup::value("<b>x</b>".to_string()),
        };
        let html = view.body.clone();
        let out = tmpl.render(minijinja::context! { page => view }).unwrap();
        assert_eq!(out, "<p><b>x</b></p>");
        // `context!` serialized `view` by reference: it still holds the body.
        drop(view);
        assert_eq!(Markup::take(html).as_deref(), Some("<b>x</b>"));
    }
}
