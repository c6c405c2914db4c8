//! The data extraction is driven by: the tier list (`tiers.yaml`) and the
//! English words of the cell grammar and role blocks (`vocabulary.yaml`). Both
//! are compiled in; [`Config::from_yaml`] accepts replacements.

use std::sync::OnceLock;

use serde::Deserialize;

const TIERS_YAML: &str = include_str!("tiers.yaml");
const VOCABULARY_YAML: &str = include_str!("vocabulary.yaml");

/// One membership tier.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Tier {
    /// Stable id (`action-pack`).
    pub id: String,
    /// English name.
    pub name: String,
    /// Other English spellings.
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct TierFile {
    tiers: Vec<Tier>,
    #[serde(default)]
    tier_words: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct Unit {
    unit: String,
    words: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct Currency {
    code: String,
    symbols: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct Period {
    period: String,
    words: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct VocabularyFile {
    role_labels: Vec<String>,
    units: Vec<Unit>,
    unlimited: Vec<String>,
    none: Vec<String>,
    currencies: Vec<Currency>,
    periods: Vec<Period>,
}

/// What extraction recognizes; [`Config::default`] is the compiled-in data.
#[derive(Debug, Clone)]
pub struct Config {
    /// Membership tiers.
    pub tiers: Vec<Tier>,
    /// Normalized name and aliases of each tier, in `tiers` order.
    tier_names: Vec<Vec<String>>,
    tier_words: Vec<String>,
    role_labels: Vec<String>,
    units: Vec<Unit>,
    unlimited: Vec<String>,
    none: Vec<String>,
    /// (symbol, ISO code), longest symbol first.
    symbols: Vec<(String, String)>,
    periods: Vec<Period>,
}

impl Default for Config {
    fn default() -> Self {
        Config::builtin().clone()
    }
}

impl Config {
    /// The compiled-in configuration, parsed once.
    pub fn builtin() -> &'static Config {
        static CONFIG: OnceLock<Config> = OnceLock::new();
        CONFIG.get_or_init(|| match Config::from_yaml(TIERS_YAML, VOCABULARY_YAML) {
            Ok(config) => config,
            // The embedded files are tested; an empty config is the safe fallback.
            Err(_) => empty_config(),
        })
    }

    /// Parses a tier file and a vocabulary file (same shape as the embedded ones).
    pub fn from_yaml(tiers: &str, vocabulary: &str) -> Result<Config, String> {
        let t: TierFile = yaml_serde::from_str(tiers).map_err(|e| format!("tier list: {e}"))?;
        let v: VocabularyFile =
            yaml_serde::from_str(vocabulary).map_err(|e| format!("vocabulary: {e}"))?;
        let tier_names = t
            .tiers
            .iter()
            .map(|tier| {
                std::iter::once(&tier.name)
                    .chain(&tier.aliases)
                    .map(|n| normalize(n))
                    .collect()
            })
            .collect();
        Ok(Config {
            tiers: t.tiers,
            tier_names,
            tier_words: lower(t.tier_words),
            role_labels: lower(v.role_labels),
            units: v
                .units
                .into_iter()
                .map(|u| Unit {
                    unit: u.unit,
                    words: lower(u.words),
                })
                .collect(),
            unlimited: lower(v.unlimited),
            none: lower(v.none),
            symbols: symbols(&v.currencies),
            periods: v
                .periods
                .into_iter()
                .map(|p| Period {
                    period: p.period,
                    words: lower(p.words),
                })
                .collect(),
        })
    }

    /// The tier an English header or row label names, if any.
    pub fn tier(&self, english: &str) -> Option<&Tier> {
        let wanted = normalize(english);
        if wanted.is_empty() {
            return None;
        }
        let at = self
            .tier_names
            .iter()
            .position(|names| names.contains(&wanted))?;
        self.tiers.get(at)
    }

    /// Whether an English label looks like it names a tier (contains a tier word).
    pub fn looks_like_tier(&self, english: &str) -> bool {
        let n = normalize(english);
        n.split(' ').any(|w| self.tier_words.iter().any(|t| t == w))
    }

    /// Whether an English label introduces a roles block.
    pub fn is_role_label(&self, english: &str) -> bool {
        let n = normalize(english);
        self.role_labels.iter().any(|l| {
            n == *l
                || n.strip_prefix(l.as_str())
                    .is_some_and(|r| r.starts_with(' '))
        })
    }

    /// Cheap pre-check: whether `english` may start with a role-block label
    /// (ASCII case-insensitive prefix after `*` markers), without allocating.
    pub fn may_start_role_label(&self, english: &str) -> bool {
        let t = english.trim_start_matches(|c: char| c == '*' || c.is_whitespace());
        self.role_labels
            .iter()
            .any(|l| t.get(..l.len()).is_some_and(|p| p.eq_ignore_ascii_case(l)))
    }

    /// The normalized unit an English word or phrase names.
    pub fn unit(&self, english: &str) -> Option<&str> {
        self.unit_normalized(&normalize(english))
    }

    fn unit_normalized(&self, n: &str) -> Option<&str> {
        self.units
            .iter()
            .find(|u| u.words.iter().any(|w| w == n))
            .map(|u| u.unit.as_str())
    }

    /// The first unit named by any word of a longer label ("Number of advisory hours").
    pub fn unit_in(&self, english: &str) -> Option<&str> {
        let n = normalize(english);
        n.rsplit(' ').find_map(|w| self.unit_normalized(w))
    }

    /// Whether a cell text means "unlimited".
    pub fn is_unlimited(&self, english: &str) -> bool {
        self.is_unlimited_normalized(&normalize(english))
    }

    /// [`Config::is_unlimited`] on text already normalized (`normalize`).
    pub fn is_unlimited_normalized(&self, n: &str) -> bool {
        self.unlimited.iter().any(|w| w == n)
    }

    /// Whether a cell text means "not included".
    pub fn is_none(&self, english: &str) -> bool {
        self.is_none_normalized(&normalize(english))
    }

    /// [`Config::is_none`] on text already normalized (`normalize`).
    pub fn is_none_normalized(&self, n: &str) -> bool {
        n.is_empty() || self.none.iter().any(|w| w == n)
    }

    /// Currency symbols and codes with their ISO code, longest symbol first.
    pub fn currency_symbols(&self) -> &[(String, String)] {
        &self.symbols
    }

    /// The period a word names (`month` for "monthly").
    pub fn period(&self, word: &str) -> Option<&str> {
        let n = normalize(word);
        self.periods
            .iter()
            .find(|p| p.words.contains(&n))
            .map(|p| p.period.as_str())
    }
}

fn empty_config() -> Config {
    Config {
        tiers: Vec::new(),
        tier_names: Vec::new(),
        tier_words: Vec::new(),
        role_labels: Vec::new(),
        units: Vec::new(),
        unlimited: Vec::new(),
        none: Vec::new(),
        symbols: Vec::new(),
        periods: Vec::new(),
    }
}

fn symbols(currencies: &[Currency]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = currencies
        .iter()
        .flat_map(|c| c.symbols.iter().map(move |s| (s.clone(), c.code.clone())))
        .collect();
    out.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    out
}

fn lower(words: Vec<String>) -> Vec<String> {
    words.into_iter().map(|w| normalize(&w)).collect()
}

/// Lowercase, `*` and `**` markers and trailing `:` removed, whitespace collapsed.
pub fn normalize(text: &str) -> String {
    if !text.is_ascii() {
        return normalize_unicode(text);
    }
    // ASCII (nearly every English label): one pass into one buffer.
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for b in text.bytes() {
        match b {
            b'*' | b' ' | b'\t'..=b'\r' => space = !out.is_empty(),
            _ => {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(char::from(b.to_ascii_lowercase()));
            }
        }
    }
    let end = out.trim_end_matches([':', '.']).trim_end().len();
    out.truncate(end);
    out
}

/// [`normalize`] for text with non-ASCII characters (Unicode whitespace and
/// lowercasing, e.g. a final sigma).
fn normalize_unicode(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| if c == '*' || c == '\u{a0}' { ' ' } else { c })
        .collect();
    let joined = cleaned
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    joined.trim_end_matches([':', '：', '.']).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_data_parses() {
        Config::from_yaml(TIERS_YAML, VOCABULARY_YAML).unwrap();
    }

    #[test]
    fn matches_tiers_by_alias() {
        let c = Config::builtin();
        assert_eq!(
            c.tier("Action Pack (MAPS)").map(|t| t.id.as_str()),
            Some("action-pack")
        );
        assert_eq!(
            c.tier("  gold  competency* ").map(|t| t.id.as_str()),
            Some("gold")
        );
        assert_eq!(c.tier("Platinum competency"), None);
        assert!(c.looks_like_tier("Platinum competency"));
        // The packages and designation that replaced the competencies.
        for (header, id) in [
            ("Partner Launch Benefits", "launch"),
            ("Partner Success Core", "core"),
            ("partner success expanded benefits", "expanded"),
            ("Solutions Partner designation", "solutions-partner"),
        ] {
            assert_eq!(c.tier(header).map(|t| t.id.as_str()), Some(id), "{header}");
        }
        assert_eq!(c.tier("Core"), None);
    }

    #[test]
    fn finds_units_and_labels() {
        let c = Config::builtin();
        assert_eq!(c.unit_in("Number of advisory hours"), Some("hours"));
        assert_eq!(c.unit("Incidents"), Some("incidents"));
        assert!(c.is_role_label("Appropriate roles to perform this task:"));
        assert!(!c.is_role_label("Rolesets"));
    }

    #[test]
    fn ascii_normalize_matches_unicode_path() {
        for text in [
            "",
            "  **Gold** competency:* ",
            "a. .",
            "foo :",
            "x\u{b}y\tz\r\n",
            "a\u{1c}b\u{1f}c\u{0}d\u{7f}",
            "Number of  ADVISORY hours.",
            "::",
            "*",
        ] {
            assert_eq!(normalize(text), normalize_unicode(text), "{text:?}");
        }
        assert_eq!(normalize("ΟΔΟΣ\u{a0}Gold："), "οδος gold");
    }
}
