//! Interface text from Fluent: one concurrent bundle per locale, built from the
//! `locales/<locale>/*.ftl` files compiled into the binary (a project's own
//! `locales/` directory overrides them). A message a locale lacks falls back
//! to en-US and is reported as `missing-message`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::diag::{Code, Diagnostic};
use crate::error::{Error, Result};

/// The locale every other one falls back to.
pub const FALLBACK: &str = "en-US";

/// Fluent sources compiled into the binary.
const EMBEDDED: &[(&str, &str)] = &[
    ("en-US", include_str!("../../locales/en-US/site.ftl")),
    ("ko-KR", include_str!("../../locales/ko-KR/site.ftl")),
    ("ru-RU", include_str!("../../locales/ru-RU/site.ftl")),
    ("hu-HU", include_str!("../../locales/hu-HU/site.ftl")),
    ("ar-SA", include_str!("../../locales/ar-SA/site.ftl")),
    ("de-DE", include_str!("../../locales/de-DE/site.ftl")),
    ("fr-FR", include_str!("../../locales/fr-FR/site.ftl")),
    ("es-ES", include_str!("../../locales/es-ES/site.ftl")),
    ("it-IT", include_str!("../../locales/it-IT/site.ftl")),
    ("pt-BR", include_str!("../../locales/pt-BR/site.ftl")),
    ("nl-NL", include_str!("../../locales/nl-NL/site.ftl")),
    ("pl-PL", include_str!("../../locales/pl-PL/site.ftl")),
    ("cs-CZ", include_str!("../../locales/cs-CZ/site.ftl")),
    ("sv-SE", include_str!("../../locales/sv-SE/site.ftl")),
    ("da-DK", include_str!("../../locales/da-DK/site.ftl")),
    ("nb-NO", include_str!("../../locales/nb-NO/site.ftl")),
    ("fi-FI", include_str!("../../locales/fi-FI/site.ftl")),
    ("tr-TR", include_str!("../../locales/tr-TR/site.ftl")),
    ("ja-JP", include_str!("../../locales/ja-JP/site.ftl")),
    ("zh-CN", include_str!("../../locales/zh-CN/site.ftl")),
    ("zh-TW", include_str!("../../locales/zh-TW/site.ftl")),
    ("he-IL", include_str!("../../locales/he-IL/site.ftl")),
    ("th-TH", include_str!("../../locales/th-TH/site.ftl")),
];

/// Interface text of one locale, resolved once: message id → text.
pub type Labels = BTreeMap<String, String>;

/// Every locale's interface messages.
pub struct I18n {
    bundles: BTreeMap<String, FluentBundle<FluentResource>>,
    ids: BTreeMap<String, BTreeSet<String>>,
}

impl I18n {
    /// The bundles compiled into the binary.
    pub fn embedded() -> Result<I18n> {
        I18n::from_sources(embedded_sources())
    }

    /// The embedded bundles, with every `<dir>/<locale>/*.ftl` file replacing
    /// the embedded text of its locale.
    pub fn load(dir: &Path) -> Result<I18n> {
        if !dir.is_dir() {
            return I18n::embedded();
        }
        let mut sources = embedded_sources();
        let mut overridden = BTreeSet::new();
        for entry in walkdir::WalkDir::new(dir)
            .min_depth(2)
            .max_depth(2)
            .sort_by_file_name()
        {
            let entry = entry.map_err(|e| config_error(dir, e.to_string()))?;
            let path = entry.path();
            if path.extension().is_none_or(|x| x != "ftl") {
                continue;
            }
            let Some(tag) = path
                .parent()
                .and_then(|p| p.file_name())
                .and_then(|n| n.to_str())
            else {
                continue;
            };
            let text =
                std::fs::read_to_string(path).map_err(|e| config_error(path, e.to_string()))?;
            let list = sources.entry(tag.to_string()).or_default();
            if overridden.insert(tag.to_string()) {
                list.clear();
            }
            list.push((path.display().to_string(), text));
        }
        I18n::from_sources(sources)
    }

    fn from_sources(sources: BTreeMap<String, Vec<(String, String)>>) -> Result<I18n> {
        let mut bundles = BTreeMap::new();
        let mut ids = BTreeMap::new();
        for (tag, files) in sources {
            let langid: LanguageIdentifier = tag.parse().map_err(|_| {
                config_error(Path::new(&tag), format!("`{tag}` is not a language tag"))
            })?;
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            let mut names = BTreeSet::new();
            for (name, text) in files {
                let resource = FluentResource::try_new(text).map_err(|(_, errors)| {
                    config_error(
                        Path::new(&name),
                        format!("{} fluent syntax error(s)", errors.len()),
                    )
                })?;
                names.extend(message_ids(&resource));
                bundle.add_resource_overriding(resource);
            }
            ids.insert(tag.clone(), names);
            bundles.insert(tag, bundle);
        }
        if !bundles.contains_key(FALLBACK) {
            return Err(config_error(
                Path::new("locales"),
                format!("no `{FALLBACK}` messages"),
            ));
        }
        Ok(I18n { bundles, ids })
    }

    /// The locales that have interface text.
    pub fn locales(&self) -> impl Iterator<Item = &str> {
        self.bundles.keys().map(String::as_str)
    }

    /// The message ids a locale defines.
    pub fn ids(&self, locale: &str) -> BTreeSet<String> {
        self.ids.get(locale).cloned().unwrap_or_default()
    }

    /// The bundle tag serving `locale`: exact, then same language, else none.
    fn tag_for(&self, locale: &str) -> Option<&str> {
        if self.bundles.contains_key(locale) {
            return Some(
                self.bundles
                    .get_key_value(locale)
                    .map(|(k, _)| k.as_str())
                    .unwrap_or(FALLBACK),
            );
        }
        let language = locale.split('-').next().unwrap_or(locale);
        // Chinese of Hong Kong and Macao is written in traditional
        // characters, as Taiwan's is: zh-TW before the first `zh-`.
        let traditional = language.eq_ignore_ascii_case("zh")
            && locale.split('-').skip(1).any(|part| {
                ["hant", "hk", "mo"]
                    .iter()
                    .any(|t| part.eq_ignore_ascii_case(t))
            });
        if let Some(tag) = self.bundles.get_key_value("zh-TW").filter(|_| traditional) {
            return Some(tag.0.as_str());
        }
        self.bundles
            .keys()
            .find(|k| k.split('-').next() == Some(language))
            .map(String::as_str)
    }

    /// Formats one message, or `None` when the locale's bundle lacks it.
    fn format_in(&self, tag: &str, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let bundle = self.bundles.get(tag)?;
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned(),
        )
    }

    /// Formats `id` for `locale` with an optional `$count`, falling back to
    /// en-US (and then to the id itself).
    pub fn format(&self, locale: &str, id: &str, count: Option<i64>) -> String {
        let args = count.map(|n| {
            let mut a = FluentArgs::new();
            a.set("count", FluentValue::from(n));
            a
        });
        self.tag_for(locale)
            .and_then(|tag| self.format_in(tag, id, args.as_ref()))
            .or_else(|| self.format_in(FALLBACK, id, args.as_ref()))
            .unwrap_or_else(|| id.to_string())
    }

    /// Formats `id` with one string argument `name`.
    pub fn format_with(&self, locale: &str, id: &str, name: &str, value: &str) -> String {
        let mut args = FluentArgs::new();
        args.set(name, FluentValue::from(value.to_string()));
        self.tag_for(locale)
            .and_then(|tag| self.format_in(tag, id, Some(&args)))
            .or_else(|| self.format_in(FALLBACK, id, Some(&args)))
            .unwrap_or_else(|| id.to_string())
    }

    /// Every en-US message resolved for `locale` (keys with `_` for `-`, as
    /// templates spell them), and a `missing-message` warning for each
    /// message the locale lacks, or one for the whole locale when it has no
    /// interface text at all (a tree in thirty locales would otherwise
    /// print every message thirty times).
    pub fn labels(&self, locale: &str) -> (Labels, Vec<Diagnostic>) {
        let mut labels = Labels::new();
        let mut diags = Vec::new();
        let tag = self.tag_for(locale);
        let own = tag.map(|t| self.ids(t)).unwrap_or_default();
        if tag.is_none() {
            let file = format!("locales/{locale}/site.ftl");
            let message = format!("no interface text for `{locale}`; its pages use `{FALLBACK}`");
            diags.push(
                Diagnostic::new(Code::MissingMessage, &file, 0, 0, message)
                    .with_locale(locale)
                    .with_hint(format!(
                        "translate `locales/{FALLBACK}/site.ftl` into `{file}`"
                    )),
            );
        }
        for id in self.ids(FALLBACK) {
            if tag.is_some() && !own.contains(&id) {
                let file = format!("locales/{locale}/site.ftl");
                let message =
                    format!("message `{id}` is missing in `{locale}`; using `{FALLBACK}`");
                diags.push(
                    Diagnostic::new(Code::MissingMessage, &file, 0, 0, message)
                        .with_locale(locale)
                        .with_hint(format!("add `{id}` to `{file}`")),
                );
            }
            labels.insert(id.replace('-', "_"), self.format(locale, &id, None));
        }
        (labels, diags)
    }
}

fn message_ids(resource: &FluentResource) -> Vec<String> {
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

fn config_error(path: &Path, reason: String) -> Error {
    Error::Config {
        path: path.to_path_buf(),
        reason,
    }
}

/// The Fluent sources compiled into the binary, by locale tag.
fn embedded_sources() -> BTreeMap<String, Vec<(String, String)>> {
    let mut sources: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for (tag, text) in EMBEDDED {
        sources
            .entry((*tag).to_string())
            .or_default()
            .push((format!("locales/{tag}/site.ftl"), (*text).to_string()));
    }
    sources
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_plurals_follow_cldr() {
        let i18n = I18n::embedded().unwrap();
        let f = |n| i18n.format("ru-RU", "incidents-count", Some(n));
        assert_eq!(
            (f(1), f(2), f(5), f(21)),
            (
                "1 инцидент".into(),
                "2 инцидента".into(),
                "5 инцидентов".into(),
                "21 инцидент".into()
            )
        );
    }

    #[test]
    fn plurals_and_chinese_scripts_follow_cldr() {
        let i18n = I18n::embedded().unwrap();
        let f = |locale, n| i18n.format(locale, "segments-count", Some(n));
        let polish: Vec<String> = [1, 2, 5, 22].map(|n| f("pl-PL", n)).into();
        assert_eq!(polish[0].split(' ').nth(1), Some("segment"), "{polish:?}");
        assert_ne!(polish[1], polish[2].replace('5', "2"), "{polish:?}");
        assert_eq!(
            polish[3].replace("22", "2"),
            polish[1],
            "22 is `few`, as 2 is"
        );
        let czech = [2, 5].map(|n| f("cs-CZ", n));
        assert_ne!(czech[0].replace('2', "5"), czech[1], "{czech:?}");
        let hebrew = [1, 2, 3].map(|n| f("he-IL", n));
        assert!(hebrew[2].contains('3'), "{hebrew:?}");
        assert_ne!(hebrew[0], hebrew[1]);
        // Traditional Chinese reads zh-TW's text, simplified zh-CN's.
        let on_this_page = |locale| i18n.labels(locale).0["on_this_page"].clone();
        assert_eq!(on_this_page("zh-HK"), on_this_page("zh-TW"));
        assert_eq!(on_this_page("zh-Hant-MO"), on_this_page("zh-TW"));
        assert_eq!(on_this_page("zh-SG"), on_this_page("zh-CN"));
        assert_ne!(on_this_page("zh-TW"), on_this_page("zh-CN"));
        // A language without plural forms: one spelling, the number in it.
        assert_eq!(f("ja-JP", 1).replace('1', "7"), f("ja-JP", 7));
    }

    #[test]
    fn every_locale_has_the_same_message_ids() {
        let i18n = I18n::embedded().unwrap();
        let english = i18n.ids(FALLBACK);
        for locale in i18n.locales() {
            assert_eq!(
                i18n.ids(locale),
                english,
                "message ids of `{locale}` differ from `{FALLBACK}`"
            );
        }
    }

    #[test]
    fn unknown_locale_falls_back_with_warnings() {
        let i18n = I18n::embedded().unwrap();
        let (labels, diags) = i18n.labels("sw-KE");
        assert_eq!(
            labels.get("on_this_page").map(String::as_str),
            Some("On this page")
        );
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].code, Code::MissingMessage);
        assert!(diags[0].message.contains("no interface text for `sw-KE`"));
        assert!(i18n.labels("ko-KR").1.is_empty());
    }
}
