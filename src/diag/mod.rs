//! Diagnostics as data: a stable [`Code`], a [`Severity`], the file, line and
//! column, the segment involved, a message and an optional hint. Reporters
//! (`report`) turn them into human, JSON or SARIF output.

use std::fmt;
use std::ops::Range;

use serde::Serialize;

pub mod report;
pub mod sarif;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Information only; never fails a run.
    Info,
    /// Fails the run with `--deny-warnings`.
    Warning,
    /// Fails the run.
    Error,
}

impl Severity {
    /// Lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

macro_rules! codes {
    ($($variant:ident = $name:literal, $severity:ident, $summary:literal;)*) => {
        /// Every diagnostic code locdoc emits, with its default severity.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(#[doc = $summary] $variant,)*
        }

        impl Code {
            /// All codes, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable kebab-case name (`id-mismatch`).
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// The default severity.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// One-line description, for `--help`, SARIF rules and the README.
            pub fn summary(self) -> &'static str {
                match self { $(Code::$variant => $summary,)* }
            }

            /// Looks a code up by its name.
            pub fn from_name(name: &str) -> Option<Code> {
                match name { $($name => Some(Code::$variant),)* _ => None }
            }
        }
    };
}

codes! {
    // Structure (parser and structural rules).
    UnpairedTarget = "unpaired-target", Error, "a translation span with no sxs-lookup source after it";
    UnpairedSource = "unpaired-source", Error, "an sxs-lookup source with no translation before it";
    IdMismatch = "id-mismatch", Error, "data-ttu-id differs from the data-stu-id it is paired with";
    DuplicateId = "duplicate-id", Error, "an id used twice in one file";
    MalformedId = "malformed-id", Error, "an id not of the form `<hex>-<n>` or `<hex>-p<n>`";
    MalformedSpan = "malformed-span", Error, "span markup that does not close or nests wrongly";
    MixedPrefix = "mixed-prefix", Warning, "ids in one file with different hex prefixes";
    IdGap = "id-gap", Warning, "ids skip numbers";
    IdOrder = "id-order", Warning, "ids not in increasing order";
    FrontMatter = "front-matter", Error, "invalid YAML front matter, or a key of the wrong form";
    NoFrontMatter = "no-front-matter", Info, "a file without front matter (a DocFX include, a Learn unit): titled by its first heading or its name, and left out of drift checks";
    LocaleMismatch = "locale-mismatch", Warning, "`ms.contentlocale` differs from the locale directory";
    DuplicateLocale = "duplicate-locale", Error, "a locale directory that differs from another only in case (`ko-kr` beside `ko-KR`): its articles are skipped";
    NotALocale = "not-a-locale", Warning, "a directory named like a locale with `_` (`ko_KR`), not a BCP 47 tag: its articles are skipped";
    Unreadable = "unreadable", Error, "a file that can't be read or isn't UTF-8";
    LostSegment = "lost-segment", Error, "a span pair the Markdown structure drops or swallows";
    // Content (translator QA).
    Untranslated = "untranslated", Warning, "the translation equals the English source";
    EmptyTarget = "empty-target", Error, "the translation is empty";
    NumberMismatch = "number-mismatch", Warning, "a number of the source is missing from the translation or vice versa";
    LinkMismatch = "link-mismatch", Warning, "a link of the source is missing from the translation or vice versa, or a link of the translation lost its text";
    MarkupMismatch = "markup-mismatch", Warning, "bold, italic, code or strikethrough counts differ";
    CodeMismatch = "code-mismatch", Error, "inline code, xrefs or placeholders differ from the source";
    IdentifierMismatch = "identifier-mismatch", Warning, "a file name, `_`-joined name or command-line parameter of the source's text is not in the translation as written";
    BracketMismatch = "bracket-mismatch", Warning, "the translation leaves a bracket open or closes one never opened, where the source's are balanced";
    ShortTranslation = "short-translation", Warning, "a translation far shorter than its source, against the article's usual ratio: part of the sentence may be missing";
    WhitespaceMismatch = "whitespace-mismatch", Info, "leading, trailing or doubled whitespace differs";
    InconsistentTranslation = "inconsistent-translation", Warning, "one source sentence translated in different ways within a locale";
    // Across locales and revisions.
    SourceDrift = "source-drift", Warning, "locales of one article translate different English source versions";
    SourceMismatch = "source-mismatch", Error, "two locales claim one source version but their English differs";
    // Extraction and site.
    UnknownTier = "unknown-tier", Warning, "an entitlement table names a tier that is not in the tier list";
    MissingAsset = "missing-asset", Warning, "an image or file the article references is not in the content tree";
    BrokenLink = "broken-link", Warning, "a link to an article that exists in no locale, to an element its page lacks, or with a scheme a page may not use (`javascript:`)";
    MissingMessage = "missing-message", Warning, "a Fluent UI message missing in a locale (falls back to en-US)";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Diagnostic {
    /// Stable code.
    pub code: Code,
    /// Severity (the code's default unless configured).
    pub severity: Severity,
    /// File relative to the content dir, `/`-separated.
    pub file: String,
    /// 1-based line (0 when the finding concerns the whole file).
    pub line: u32,
    /// 1-based column in characters (0 when unknown).
    pub column: u32,
    /// Locale of the file, when known.
    pub locale: Option<String>,
    /// The segment id involved, if any.
    pub segment: Option<String>,
    /// Lowercase message, names in backticks.
    pub message: String,
    /// How to fix it, when there is something to say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The text of the offending line, for human output.
    #[serde(skip)]
    pub snippet: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with the code's default severity.
    pub fn new(code: Code, file: &str, line: u32, column: u32, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            file: file.to_string(),
            line,
            column,
            locale: None,
            segment: None,
            message: message.into(),
            hint: None,
            snippet: None,
        }
    }

    /// Names the segment involved.
    pub fn with_segment(mut self, id: impl Into<String>) -> Self {
        self.segment = Some(id.into());
        self
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Sets the locale.
    pub fn with_locale(mut self, locale: impl Into<String>) -> Self {
        self.locale = Some(locale.into());
        self
    }

    /// Sort key: file, then line, column, code, segment, message.
    pub fn sort_key(&self) -> impl Ord + '_ {
        (
            &self.file,
            self.line,
            self.column,
            self.code,
            &self.segment,
            &self.message,
        )
    }
}

/// Sorts diagnostics into their stable report order.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

/// Fills in `snippet` (the text of the line) for every diagnostic on `text`.
pub fn attach_snippets(diags: &mut [Diagnostic], text: &str) {
    let wanted: Vec<(u32, usize)> = diags
        .iter()
        .enumerate()
        .filter(|(_, d)| d.line > 0 && d.snippet.is_none())
        .map(|(i, d)| (d.line, i))
        .collect();
    for (i, line) in lines_at(text, wanted) {
        if let Some(d) = diags.get_mut(i) {
            d.snippet = Some(line.to_string());
        }
    }
}

/// The text of each 1-based line of `wanted` (with the caller's tag),
/// without a trailing `\r`; lines past the end are left out. Reads `text`
/// once, up to the last line wanted.
pub fn lines_at<T: Ord>(text: &str, wanted: Vec<(u32, T)>) -> Vec<(T, &str)> {
    line_ranges(text.as_bytes(), wanted)
        .into_iter()
        .filter_map(|(tag, range)| Some((tag, text.get(range)?)))
        .collect()
}

/// Where each 1-based line of `wanted` is in `text` (with the caller's
/// tag), as [`lines_at`] reads lines (as [`str::lines`], trailing `\r`s
/// dropped). Line breaks are found with `memchr`, up to the last line
/// wanted.
pub fn line_ranges<T: Ord>(text: &[u8], mut wanted: Vec<(u32, T)>) -> Vec<(T, Range<usize>)> {
    wanted.sort_unstable();
    let mut out = Vec::with_capacity(wanted.len());
    let mut breaks = memchr::memchr_iter(b'\n', text);
    // The current line: number, start, and the break that ends it.
    let (mut line, mut start, mut end) = (1u32, 0, breaks.next());
    for (want, tag) in wanted {
        while line < want {
            let Some(at) = end else {
                return out;
            };
            (line, start, end) = (line + 1, at + 1, breaks.next());
        }
        if start >= text.len() && end.is_none() {
            // Past the end (a last line break starts no line).
            return out;
        }
        let mut stop = end.unwrap_or(text.len());
        while stop > start && text.get(stop - 1) == Some(&b'\r') {
            stop -= 1;
        }
        out.push((tag, start..stop));
    }
    out
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Counts {
    /// Counts a set of diagnostics.
    pub fn of(diags: &[Diagnostic]) -> Counts {
        let mut c = Counts::default();
        for d in diags {
            match d.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Info => c.infos += 1,
            }
        }
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_at_reads_each_wanted_line_once() {
        let text = "one\r\ntwo\nthree\n";
        let found = lines_at(text, vec![(3, 'a'), (1, 'b'), (3, 'c'), (9, 'd')]);
        assert_eq!(found, [('b', "one"), ('a', "three"), ('c', "three")]);
        assert!(lines_at("", vec![(1, 0)]).is_empty());
    }

    #[test]
    fn lines_at_agrees_with_str_lines() {
        let reference = |text: &str, wanted: &[u32]| -> Vec<(u32, String)> {
            let mut wanted = wanted.to_vec();
            wanted.sort_unstable();
            let lines: Vec<&str> = text.lines().collect();
            wanted
                .into_iter()
                .map_while(|n| {
                    let line = lines.get(n.max(1) as usize - 1)?;
                    Some((n, line.trim_end_matches('\r').to_string()))
                })
                .collect()
        };
        for text in [
            "",
            "\n",
            "\n\n",
            "a",
            "a\n",
            "a\r\n",
            "a\r\r\nb\r",
            "a\nb",
            "a\n\nb\n",
            "\r\n\r\n",
            "한\n국\r\n어",
        ] {
            for wanted in [&[1][..], &[2], &[3], &[1, 2, 3, 4], &[0, 2, 2], &[4, 1]] {
                let found: Vec<(u32, String)> =
                    lines_at(text, wanted.iter().map(|&n| (n, n)).collect())
                        .into_iter()
                        .map(|(n, s)| (n, s.to_string()))
                        .collect();
                assert_eq!(found, reference(text, wanted), "{text:?} {wanted:?}");
            }
        }
    }
}
