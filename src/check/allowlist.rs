//! The allowlist of `untranslated`: product names and terms that may stay in
//! English. The default list is compiled in (`allowlist.txt`); a project can
//! replace it with its own file (`allowlist = "path"` in `locdoc.toml`).

/// Terms that may appear untranslated, lowercase, longest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allowlist {
    terms: Vec<String>,
}

const DEFAULT: &str = include_str!("allowlist.txt");

impl Default for Allowlist {
    fn default() -> Self {
        Allowlist::parse(DEFAULT)
    }
}

impl Allowlist {
    /// Reads one term per line; `#` starts a comment line.
    pub fn parse(text: &str) -> Allowlist {
        let mut terms: Vec<String> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase)
            .collect();
        terms.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        terms.dedup();
        Allowlist { terms }
    }

    /// Whether the words of `text` that would need translating are all
    /// allowed: terms of the list, acronyms, short tokens and non-words.
    pub fn covers(&self, text: &str) -> bool {
        if self.is_product_name(text) {
            return true;
        }
        let text: String = text
            .split_whitespace()
            .flat_map(alternatives)
            .filter(|t| !is_name_or_address(t))
            .collect::<Vec<_>>()
            .join(" ");
        let lower = text.to_lowercase();
        let mut rest = lower.clone();
        for term in &self.terms {
            if rest.contains(term.as_str()) {
                rest = remove_term(&rest, term);
            }
        }
        // Names join names with small words: `Skype for Business`,
        // `Copilot for Microsoft 365`, `Dynamics 365 and Power Platform`.
        let named = rest != lower;
        let original_words: Vec<&str> = words(&text).collect();
        let covered = words(&rest).all(|w| {
            w.chars().count() < 3
                || (named && CONNECTORS.contains(&w))
                || original_words
                    .iter()
                    .any(|o| o.to_lowercase() == w && is_acronym(o))
        });
        covered
    }
}

impl Allowlist {
    /// A name that starts with a term of the list and goes on in capitalized
    /// words (`Dynamics 365 Remote Assist`, `Microsoft 365 Defender`): the
    /// name of a product of that family, which stays English. A lowercase
    /// word (`Azure portal settings`) makes it a phrase to translate.
    fn is_product_name(&self, text: &str) -> bool {
        let text = text.trim();
        let lower = text.to_lowercase();
        let Some(term) = self.terms.iter().find(|t| {
            lower.starts_with(t.as_str())
                && lower[t.len()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        }) else {
            return false;
        };
        // Lowercasing keeps the length of these ASCII-led terms; a term
        // whose lowercase differs in length is not matched here.
        let Some(rest) = text.get(term.len()..) else {
            return false;
        };
        let words: Vec<&str> = rest.split_whitespace().collect();
        (1..=4).contains(&words.len())
            && words.iter().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            })
    }
}

/// Small words that join product names (`Skype for Business`); they pass
/// only in a segment that has a term of the list.
const CONNECTORS: &[&str] = &["and", "for", "the", "with"];

/// Removes whole-word occurrences of `term`.
fn remove_term(text: &str, term: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(term) {
        let end = at + term.len();
        let before_ok = rest[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after_ok = rest[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        out.push_str(&rest[..at]);
        if before_ok && after_ok {
            out.push(' ');
        } else {
            out.push_str(&rest[at..end]);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
}

/// Two capitalized words joined by a slash (`WSUS/Configuration`, of
/// `WSUS/Configuration Manager`) are alternatives, each a word. Anything
/// else with a slash is one token, a path: `aka.ms/n-1`, `docs/intro`,
/// `./Device/Vendor/MSFT`.
fn alternatives(token: &str) -> Vec<&str> {
    let core = token.trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '/' | '.'));
    let name = |w: &str| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic);
    match core.split_once('/') {
        Some((a, b)) if name(a) && name(b) => vec![a, b],
        _ => vec![token],
    }
}

/// Tokens that are never translated: URLs, domains, paths, file names,
/// e-mail addresses, identifiers (`aka.ms/n-1`, `Get-AzContext`,
/// `PowerShell`, `snake_case`, `float4`), command-line parameters
/// (`-Force`) and DocFX extensions (`[!code-csharp]`).
fn is_name_or_address(token: &str) -> bool {
    let core = token.trim_matches(|c: char| !c.is_alphanumeric());
    let inner_mark = core.contains(['/', '.', '@', '_', '\\', ':', '=', '?', '#']);
    let inner_capital =
        core.chars().skip(1).any(char::is_uppercase) && core.chars().any(char::is_lowercase);
    let letters_and_digits =
        core.chars().any(char::is_alphabetic) && core.chars().any(|c| c.is_ascii_digit());
    let parameter = token.starts_with('-') && token[1..].starts_with(char::is_alphabetic);
    inner_mark || inner_capital || letters_and_digits || parameter || token.starts_with("[!")
}

/// `MPN`, `TPD`: all capitals, two or more letters.
fn is_acronym(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_product_names_and_acronyms() {
        let list = Allowlist::default();
        assert!(list.covers("Action Pack"));
        assert!(list.covers("Microsoft Azure (TPD)"));
        assert!(list.covers("10 GB"));
        assert!(!list.covers("Overview"));
        assert!(list.covers("WSUS/Configuration Manager"));
        assert!(!list.covers("Update/Configuration Manager"));
        assert!(list.covers("./Device/Vendor/MSFT/NetworkQoSPolicy"));
        assert!(!list.covers("Azure portal settings"));
        assert!(list.covers("[aka.ms/partnercenter](https://aka.ms/partnercenter)"));
        assert!(list.covers("Get-AzContext, PowerShell"));
        assert!(!list.covers("See aka.ms/x for details"));
        assert!(list.covers("Dynamics 365 Remote Assist"));
        assert!(list.covers("Microsoft 365 Defender"));
        assert!(list.covers(".NET Core 3.0"));
        assert!(!list.covers("Dynamics 365 remote assistance"));
        assert!(!list.covers("Directory Based Edge Blocking (DBEB)"));
        assert!(list.covers("-Force"));
        assert!(list.covers("float4"));
        assert!(list.covers("[!code-csharp]"));
        assert!(!list.covers("Mail recipients"));
        assert!(list.covers("Copilot for Microsoft 365"));
        assert!(list.covers("Skype for Business"));
        assert!(list.covers("Surface Hub 2S"));
        assert!(list.covers("Dynamics 365 and Power Platform"));
        assert!(!list.covers("Sign in for Azure"));
        assert!(!list.covers("for the"));
    }

    /// Names of platforms and apps that real translations keep as they
    /// are (a client matrix of Teams' log files, pt-BR); ordinary words
    /// beside them are still reported.
    #[test]
    fn covers_platform_and_app_names() {
        let list = Allowlist::default();
        for name in [
            "Mac OSX:",
            "Mac OsX",
            "Android",
            "iOS and Android",
            "macOS",
            "Linux",
        ] {
            assert!(list.covers(name), "{name}");
        }
        for name in ["Word", "Excel, PowerPoint", "Google Chrome", "Node.js"] {
            assert!(list.covers(name), "{name}");
        }
        for word in ["Desktop", "Login", "Mac computers", "Android devices"] {
            assert!(!list.covers(word), "{word}");
        }
    }

    /// Names of products that reference pages keep in every language
    /// (Lync Server's planning guide, ja-JP); a phrase around them is
    /// still reported.
    #[test]
    fn covers_server_and_framework_names() {
        let list = Allowlist::default();
        for name in [
            "Lync Server",
            "Lync Online",
            "System Center Configuration Manager",
            "Hyper-V",
            "Entity Framework Core",
            "Win32",
        ] {
            assert!(list.covers(name), "{name}");
        }
        for phrase in ["Deploying Lync Server", "Lync Server topologies"] {
            assert!(!list.covers(phrase), "{phrase}");
        }
    }

    #[test]
    fn custom_lists_replace_the_default() {
        let list = Allowlist::parse("# comment\nContoso Cloud\n");
        assert!(list.covers("Contoso Cloud"));
        assert!(!list.covers("Action Pack"));
    }
}
