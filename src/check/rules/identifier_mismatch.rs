//! `identifier-mismatch` (warning): a name from code that the source
//! writes as plain text is not in the translation as written. Three kinds
//! are precise enough to check: file names with a known extension
//! (`MetaHost.h`, `appsettings.json`), names joined by `_`
//! (`SECRET_QUERY_VALUE`, `max_count`) and command-line parameters
//! (`-Exclude`, `--force`). Inline code is `code-mismatch`'s.
//!
//! Why: machine translation breaks such names where a reader can't tell:
//! it splits `MetaHost.h` into `MetaHost. h`, or translates each word of
//! `SECRET_QUERY_VALUE` (`秘密 _ 查詢 _ 值`). The reader then looks for a
//! file, constant or parameter that doesn't exist.
//! Example: source `Header: MetaHost.h`, target `Nagłówek: MetaHost. h`;
//! source `use -Exclude`, target `use -Excluir`.
//! Fix: copy the name from the source unchanged (file names may change
//! case).

use super::{at_segment, Context};
use crate::check::scan::{Scan, Scanned};
use crate::diag::{Code, Diagnostic};
use crate::model::Segment;

/// Extensions of the files documentation names in running text.
const EXTENSIONS: &[&str] = &[
    "aspx", "bat", "bin", "cab", "cer", "cmd", "config", "cpp", "cs", "cshtml", "csproj", "css",
    "csv", "dll", "drv", "exe", "h", "hpp", "htm", "html", "idl", "inf", "ini", "jar", "java",
    "js", "json", "lib", "log", "manifest", "md", "mof", "msi", "msix", "nupkg", "ocx", "pem",
    "pfx", "props", "ps1", "psd1", "psm1", "py", "razor", "reg", "resx", "sh", "sln", "sql", "sys",
    "targets", "tlb", "ts", "txt", "vb", "vbproj", "vsix", "xaml", "xml", "yaml", "yml", "zip",
];

pub fn check(cx: &Context, seg: &Segment, sides: &Scanned, out: &mut Vec<Diagnostic>) {
    let mut missing: Vec<&str> = Vec::new();
    for text in &sides.source.texts {
        let mut found = |name, file| {
            if !missing.contains(&name) && !kept(&sides.target, name, file) {
                missing.push(name);
            }
        };
        identifiers(text, &mut found);
        // A parameter's case is free on the command line, as a file's is.
        parameters(text, &mut |name| found(name, true));
    }
    if missing.is_empty() {
        return;
    }
    let names = missing
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ");
    out.push(
        at_segment(
            cx.article,
            seg,
            Code::IdentifierMismatch,
            format!(
                "segment `{}` changes a name from code: missing {names}",
                seg.id
            ),
        )
        .with_hint(
            "file and constant names are not translated: copy them from the source as written",
        ),
    );
}

/// Whether the translation has `name` in its text or code (a file name in
/// any case).
fn kept(target: &Scan, name: &str, file: bool) -> bool {
    let has = |text: &str| match file {
        false => text.contains(name),
        true => text
            .to_ascii_lowercase()
            .contains(&name.to_ascii_lowercase()),
    };
    target.texts.iter().any(|t| has(t)) || target.protected.iter().any(|(_, code)| has(code))
}

/// Calls `found` with each identifier of `text` and whether it is a file
/// name. Identifiers are runs of ASCII letters, digits, `_` and `.` with
/// no letter or digit of another script touching them; only a run with a
/// `_` or `.` inside it can be one, so the search starts at those.
pub(crate) fn identifiers<'t>(text: &'t str, found: &mut impl FnMut(&'t str, bool)) {
    let bytes = text.as_bytes();
    let mut done = 0;
    for mark in memchr::memchr2_iter(b'_', b'.', bytes) {
        let inside = bytes.get(mark + 1).is_some_and(|&b| is_word(b));
        if mark < done || !inside {
            continue;
        }
        let start = bytes[..mark]
            .iter()
            .rposition(|&b| !is_word(b))
            .map_or(0, |i| i + 1);
        let end = bytes[mark..]
            .iter()
            .position(|&b| !is_word(b))
            .map_or(bytes.len(), |i| mark + i);
        done = end;
        // A letter of another script, or a URL's, path's or address's
        // punctuation: part of something else.
        let touches = |c: Option<char>| {
            c.is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '\\' | '@'))
        };
        if touches(text[..start].chars().next_back()) || touches(text[end..].chars().next()) {
            continue;
        }
        let run = text[start..end].trim_matches('.');
        if let Some(file) = kind(run) {
            found(run, file);
        }
    }
}

/// Calls `found` with each command-line parameter of `text`: `-Name`
/// (PowerShell's, a capital and a lowercase letter at least: not `-X` or
/// `-ACK`) or `--name`, after a space, `(` or the start, and ending at a
/// space or punctuation other than `-`.
fn parameters<'t>(text: &'t str, found: &mut impl FnMut(&'t str)) {
    let bytes = text.as_bytes();
    for at in memchr::memchr_iter(b'-', bytes) {
        let opens = at == 0 || matches!(bytes[at - 1], b' ' | b'(' | b'\t' | b'\n');
        if !opens {
            continue;
        }
        let (dashes, name_at) = match bytes.get(at + 1) {
            Some(b'-') => (2, at + 2),
            _ => (1, at + 1),
        };
        let len = bytes[name_at..]
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || (b == b'-' && dashes == 2)))
            .unwrap_or(bytes.len() - name_at);
        let name = &bytes[name_at..name_at + len];
        let after = bytes.get(name_at + len).copied();
        let ends = after.is_none_or(|b| !b.is_ascii_alphanumeric() && b != b'-' && b < 0x80);
        let shaped = match dashes {
            1 => {
                name.len() >= 2
                    && name[0].is_ascii_uppercase()
                    && name.iter().all(u8::is_ascii_alphabetic)
                    && name.iter().any(u8::is_ascii_lowercase)
            }
            _ => {
                name.len() >= 2
                    && name[0].is_ascii_lowercase()
                    && !name.ends_with(b"-")
                    && name.iter().all(|&b| b.is_ascii_lowercase() || b == b'-')
            }
        };
        if ends && shaped {
            found(&text[at..name_at + len]);
        }
    }
}

/// A byte of an identifier's run.
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'.'
}

/// `Some(true)` for a file name, `Some(false)` for a name joined by `_`,
/// `None` for anything else.
fn kind(run: &str) -> Option<bool> {
    let letters = |s: &str| s.bytes().any(|b| b.is_ascii_alphabetic());
    if let Some((name, ext)) = run.rsplit_once('.') {
        let known = EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(ext));
        let plain = |s: &str| !s.is_empty() && s.split('.').all(|p| !p.is_empty());
        return (known && plain(name) && letters(name)).then_some(true);
    }
    let joined = run.split('_').filter(|part| !part.is_empty()).count() >= 2
        && !run.starts_with('_')
        && !run.ends_with('_')
        && letters(run);
    joined.then_some(false)
}

#[cfg(test)]
mod tests {
    use super::identifiers;

    fn all(text: &str) -> Vec<(&str, bool)> {
        let mut out = Vec::new();
        identifiers(text, &mut |name, file| out.push((name, file)));
        out
    }

    #[test]
    fn finds_file_names_and_joined_names() {
        assert_eq!(
            all("Include MetaHost.h and set SECRET_QUERY_VALUE or lParam1."),
            [("MetaHost.h", true), ("SECRET_QUERY_VALUE", false)]
        );
        assert_eq!(
            all("(Mscoree.dll), appsettings.Development.json"),
            [
                ("Mscoree.dll", true),
                ("appsettings.Development.json", true)
            ]
        );
    }

    #[test]
    fn finds_command_line_parameters() {
        let mut out = Vec::new();
        super::parameters(
            "Run Get-Item -Exclude *.bak (-Force) --dry-run, -X, -ACK, e-Mail, -10, x -Fooé",
            &mut |name| out.push(name),
        );
        assert_eq!(out, ["-Exclude", "-Force", "--dry-run"]);
    }

    #[test]
    fn leaves_words_versions_urls_and_paths() {
        for text in [
            "Sign in. Then restart.",
            "Version 1.2.3 of iOS",
            "https://contoso.com/a/setup.exe",
            "C:\\Windows\\regedit.exe",
            "_private_ or __init__",
            "e.g. the file",
            "Microsoft.Graph",
            "user@contoso.com",
            "eDiscovery-Export",
        ] {
            assert_eq!(all(text), [], "{text}");
        }
    }
}
