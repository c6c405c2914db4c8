//! What the manifest remembers of one article: its hash, stamp, front
//! matter, files and findings.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Stamp;
use crate::content::Source;
use crate::diag::{Code, Counts, Diagnostic, Severity};
use crate::model::front::FrontMatter;
use crate::render::{Anchors, Entry, Facts};

/// What one article produced.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Cached {
    /// Hash of the file's bytes.
    pub hash: String,
    /// The file's stamp when it was hashed.
    pub stamp: Option<Stamp>,
    /// Its front matter, as the catalog needs it; `None` when unreadable.
    pub front: Option<Front>,
    /// Pages, root-relative.
    pub pages: Vec<String>,
    /// Copied images, root-relative.
    pub assets: Vec<String>,
    /// What the indexes need; `None` when the article rendered no page.
    pub facts: Option<Facts>,
    /// Site findings of its pages, and extraction findings.
    pub diagnostics: Vec<CachedDiagnostic>,
    /// `check` findings counted: errors, warnings, infos.
    pub content: [usize; 3],
    /// Files its pages include (`[!INCLUDE]`), content-relative.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub includes: Vec<String>,
    /// The ids of its pages and its links into other pages (required: a
    /// manifest without them is from before they were kept).
    pub anchors: Anchors,
}

impl Cached {
    /// This article's entry of the manifest (see [`super::Manifest::stage`]).
    pub fn encode(&self) -> Option<Vec<u8>> {
        serde_json::to_vec(self).ok()
    }
}

/// What the catalog reads of an article's front matter ([`Entry`] less
/// what its path says).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Front {
    title: Option<String>,
    description: String,
    version: Option<String>,
    handoff: Option<NaiveDate>,
    machine: bool,
    uid: Option<String>,
}

impl Front {
    /// The stored part of `entry`.
    pub fn of(entry: &Entry) -> Front {
        Front {
            title: entry.title.clone(),
            description: entry.description.clone(),
            version: entry.version.clone(),
            handoff: entry.handoff,
            machine: entry.machine,
            uid: entry.uid.clone(),
        }
    }

    /// What the catalog reads of an article's parsed front matter: a blank
    /// title is none.
    pub fn read(front: FrontMatter) -> Front {
        Front {
            machine: front.is_machine_translated(),
            title: front.title.filter(|t| !t.trim().is_empty()),
            description: front.description.unwrap_or_default(),
            version: front.source_version,
            handoff: front.handoff,
            uid: front
                .extra
                .get("uid")
                .and_then(|uid| uid.as_str())
                .map(|uid| uid.trim().to_string())
                .filter(|uid| !uid.is_empty()),
        }
    }

    /// The catalog entry of `source` with this front matter.
    pub fn into_entry(self, source: &Source) -> Entry {
        Entry {
            locale: source.locale.clone(),
            slug: source.slug.clone(),
            rel: source.rel.clone(),
            path: source.path.clone(),
            title: self.title,
            description: self.description,
            version: self.version,
            handoff: self.handoff,
            machine: self.machine,
            uid: self.uid,
        }
    }
}

/// Counts as stored.
pub fn counts_to(c: Counts) -> [usize; 3] {
    [c.errors, c.warnings, c.infos]
}

/// Counts from storage.
pub fn counts_from(c: [usize; 3]) -> Counts {
    let [errors, warnings, infos] = c;
    Counts {
        errors,
        warnings,
        infos,
    }
}

/// A [`Diagnostic`] as stored (codes and severities by name).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CachedDiagnostic {
    code: String,
    severity: String,
    file: String,
    line: u32,
    column: u32,
    locale: Option<String>,
    segment: Option<String>,
    message: String,
    hint: Option<String>,
    snippet: Option<String>,
}

impl From<&Diagnostic> for CachedDiagnostic {
    fn from(d: &Diagnostic) -> Self {
        CachedDiagnostic {
            code: d.code.as_str().to_string(),
            severity: d.severity.as_str().to_string(),
            file: d.file.clone(),
            line: d.line,
            column: d.column,
            locale: d.locale.clone(),
            segment: d.segment.clone(),
            message: d.message.clone(),
            hint: d.hint.clone(),
            snippet: d.snippet.clone(),
        }
    }
}

impl CachedDiagnostic {
    /// The diagnostic; `None` for a code or severity this version lacks.
    pub fn restore(&self) -> Option<Diagnostic> {
        let code = *Code::ALL.iter().find(|c| c.as_str() == self.code)?;
        let severity = [Severity::Info, Severity::Warning, Severity::Error]
            .into_iter()
            .find(|s| s.as_str() == self.severity)?;
        Some(Diagnostic {
            code,
            severity,
            file: self.file.clone(),
            line: self.line,
            column: self.column,
            locale: self.locale.clone(),
            segment: self.segment.clone(),
            message: self.message.clone(),
            hint: self.hint.clone(),
            snippet: self.snippet.clone(),
        })
    }
}

/// Restores stored diagnostics; `None` if any can't be.
pub fn restore_all(stored: &[CachedDiagnostic]) -> Option<Vec<Diagnostic>> {
    stored.iter().map(CachedDiagnostic::restore).collect()
}

/// Stores diagnostics.
pub fn store_all(diagnostics: &[Diagnostic]) -> Vec<CachedDiagnostic> {
    diagnostics.iter().map(CachedDiagnostic::from).collect()
}
