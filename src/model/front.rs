//! Typed front matter of an article (`ms.contentlocale`, `ms.openlocfilehash`,
//! …); keys locdoc does not know are kept in `extra`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

/// Machine or human translation (`ms.translationtype`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum TranslationType {
    /// `MT`
    #[serde(rename = "MT")]
    Machine,
    /// `HT`
    #[serde(rename = "HT")]
    Human,
    /// Any other value, kept as written.
    #[serde(untagged)]
    Other(String),
}

impl TranslationType {
    /// Reads the front-matter spelling.
    pub fn parse(value: &str) -> TranslationType {
        match value.trim().to_ascii_uppercase().as_str() {
            "MT" => TranslationType::Machine,
            "HT" => TranslationType::Human,
            _ => TranslationType::Other(value.to_string()),
        }
    }

    /// The front-matter spelling (`MT`, `HT`).
    pub fn as_str(&self) -> &str {
        match self {
            TranslationType::Machine => "MT",
            TranslationType::Human => "HT",
            TranslationType::Other(s) => s,
        }
    }
}

/// The front matter locdoc understands.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FrontMatter {
    /// `title`
    pub title: Option<String>,
    /// `description`
    pub description: Option<String>,
    /// `ms.contentlocale`
    pub locale: Option<String>,
    /// `ms.openlocfilehash`: version of the English source translated.
    pub source_version: Option<String>,
    /// `ms.translationtype`
    pub translation_type: Option<TranslationType>,
    /// `ms.lasthandoff` (MM/DD/YYYY)
    pub handoff: Option<NaiveDate>,
    /// `ms.date` (MM/DD/YYYY)
    pub date: Option<NaiveDate>,
    /// `author`
    pub author: Option<String>,
    /// Every other key, as a string (scalars) or JSON-like value.
    pub extra: BTreeMap<String, serde_json::Value>,
    /// 1-based line of each key in the file, for diagnostics.
    #[serde(skip)]
    pub lines: BTreeMap<String, u32>,
}

impl FrontMatter {
    /// Line of `key` in the file, or 1 when it is not there.
    pub fn line_of(&self, key: &str) -> u32 {
        self.lines.get(key).copied().unwrap_or(1)
    }
}

impl FrontMatter {
    /// Whether the article is machine translated.
    pub fn is_machine_translated(&self) -> bool {
        self.translation_type == Some(TranslationType::Machine)
    }
}
