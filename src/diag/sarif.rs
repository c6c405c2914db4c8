//! SARIF 2.1.0 output for code-scanning services (GitHub, Azure DevOps):
//! one run, one rule per diagnostic code (with its description and default
//! level), one result per diagnostic with a physical location relative to
//! the repository (`%SRCROOT%`).

use serde_json::{json, Value};

use super::{Code, Diagnostic, Severity};

/// The schema URI written into the log.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Renders `diags` as a SARIF log. `prefix` is the content directory as the
/// repository sees it (`content`), prepended to every file path; give `""`
/// when paths are to stay relative to the content directory.
pub fn sarif(diags: &[Diagnostic], prefix: &str) -> String {
    let rules: Vec<Value> = Code::ALL.iter().map(|c| rule(*c)).collect();
    let results: Vec<Value> = diags.iter().map(|d| result(d, prefix)).collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "locdoc",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rule(code: Code) -> Value {
    json!({
        "id": code.as_str(),
        "name": pascal(code.as_str()),
        "shortDescription": { "text": code.summary() },
        "fullDescription": { "text": code.summary() },
        "defaultConfiguration": { "level": level(code.severity()) },
        "properties": { "tags": ["localization"] },
    })
}

/// `source-drift` → `SourceDrift` (SARIF rule names are identifiers).
fn pascal(name: &str) -> String {
    name.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn result(d: &Diagnostic, prefix: &str) -> Value {
    let uri = join(prefix, &d.file);
    let mut physical = json!({ "artifactLocation": { "uri": uri, "uriBaseId": "%SRCROOT%" } });
    if d.line > 0 {
        physical["region"] = json!({ "startLine": d.line, "startColumn": d.column.max(1) });
    }
    let text = match &d.hint {
        Some(h) => format!("{}\nhelp: {h}", d.message),
        None => d.message.clone(),
    };
    let mut properties = serde_json::Map::new();
    if let Some(l) = &d.locale {
        properties.insert("locale".into(), json!(l));
    }
    if let Some(s) = &d.segment {
        properties.insert("segment".into(), json!(s));
    }
    let index = Code::ALL.iter().position(|c| *c == d.code).unwrap_or(0);
    json!({
        "ruleId": d.code.as_str(),
        "ruleIndex": index,
        "level": level(d.severity),
        "message": { "text": text },
        "locations": [{ "physicalLocation": physical }],
        "properties": properties,
    })
}

/// `content` + `ko-KR/a.md` → `content/ko-KR/a.md` (`/`-separated, no `./`).
fn join(prefix: &str, file: &str) -> String {
    let prefix = prefix.replace('\\', "/");
    let prefix = prefix.trim_start_matches("./").trim_end_matches('/');
    if prefix.is_empty() || prefix == "." {
        file.to_string()
    } else {
        format!("{prefix}/{file}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_repo_relative_paths() {
        assert_eq!(join("content", "ko-KR/a.md"), "content/ko-KR/a.md");
        assert_eq!(join("./content/", "ko-KR/a.md"), "content/ko-KR/a.md");
        assert_eq!(join("", "ko-KR/a.md"), "ko-KR/a.md");
        assert_eq!(pascal("source-drift"), "SourceDrift");
    }
}
