//! Words that a language writes exactly as English does, as the standard
//! translation of the English word: French `Description`, German
//! `Hosting`, Italian `Output`, Polish `Element`. A segment that is one of
//! these words alone is translated, though its two sides are equal; the
//! `untranslated` rule leaves it. Only words whose usual translation in
//! docs is the English spelling are listed (German `Description` is
//! `Beschreibung`: not listed), so a heading left in English is still
//! reported.

/// Whether `text` is one word [`is_cognate`] in `language`, alone or with
/// acronyms (German `Audio DSCP`, `Video (HD)`): a label a translator
/// writes as the English one. Two words or more are a phrase to translate
/// (`Name Filter` is `Namensfilter`), even when each alone is the same.
pub fn is_cognate_label(language: &str, text: &str) -> bool {
    let mut words = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !is_acronym(w));
    matches!((words.next(), words.next()), (Some(word), None) if is_cognate(language, word))
}

/// `DSCP`, `HD`, `IPv4`'s kin written in capitals: two characters or
/// more, every letter a capital, digits allowed.
fn is_acronym(word: &str) -> bool {
    word.chars().count() >= 2
        && word.chars().any(char::is_uppercase)
        && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether `word` (one word, any case) is written the same in `language`
/// (a primary language subtag: `fr`, `de`) as in English.
pub fn is_cognate(language: &str, word: &str) -> bool {
    let list: &[&str] = match language {
        "fr" => FRENCH,
        "de" => GERMAN,
        "es" => SPANISH,
        "pt" => PORTUGUESE,
        "it" => ITALIAN,
        "nl" => DUTCH,
        "pl" => POLISH,
        "sv" => SWEDISH,
        "da" | "nb" | "no" | "nn" => DANISH_NORWEGIAN,
        _ => return false,
    };
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

const FRENCH: &[&str] = &[
    "Action",
    "Actions",
    "Administration",
    "Application",
    "Applications",
    "Audio",
    "Code",
    "Collection",
    "Condition",
    "Conditions",
    "Configuration",
    "Contact",
    "Culture",
    "Date",
    "Description",
    "Distribution",
    "Documentation",
    "Expression",
    "Format",
    "Importance",
    "Information",
    "Installation",
    "Instance",
    "Introduction",
    "Message",
    "Messages",
    "Navigation",
    "Notification",
    "Notifications",
    "Option",
    "Options",
    "Production",
    "Protection",
    "Question",
    "Questions",
    "Restrictions",
    "Section",
    "Service",
    "Services",
    "Session",
    "Solution",
    "Solutions",
    "Source",
    "Sources",
    "Structure",
    "Support",
    "Transaction",
    "Transactions",
    "Type",
    "Types",
    "Validation",
    "Version",
    "Versions",
];

const GERMAN: &[&str] = &[
    "Administrator",
    "Audio",
    "Browser",
    "Client",
    "Cluster",
    "Computer",
    "Container",
    "Dashboard",
    "Designer",
    "Details",
    "Download",
    "Editor",
    "Export",
    "Feedback",
    "Filter",
    "Format",
    "Hardware",
    "Hosting",
    "Import",
    "Index",
    "Internet",
    "Link",
    "Links",
    "Monitoring",
    "Name",
    "Portal",
    "Region",
    "Server",
    "Service",
    "Software",
    "Standard",
    "Status",
    "Support",
    "Team",
    "Update",
    "Updates",
    "Version",
    "Video",
    "Workflow",
];

const SPANISH: &[&str] = &[
    "Chat", "Control", "Editor", "Error", "Final", "General", "Global", "Hardware", "Internet",
    "Local", "Manual", "Normal", "Original", "Simple", "Software", "Total",
];

const PORTUGUESE: &[&str] = &[
    "Backup",
    "Cache",
    "Chat",
    "Design",
    "Download",
    "Final",
    "Global",
    "Hardware",
    "Internet",
    "Link",
    "Links",
    "Local",
    "Login",
    "Manual",
    "Marketing",
    "Menu",
    "Normal",
    "Original",
    "Software",
    "Status",
    "Total",
    "Upload",
];

const ITALIAN: &[&str] = &[
    "Account",
    "Audio",
    "Backup",
    "Browser",
    "Cache",
    "Client",
    "Cloud",
    "Cluster",
    "Computer",
    "Container",
    "Dashboard",
    "Database",
    "Design",
    "Download",
    "Feedback",
    "File",
    "Firewall",
    "Hardware",
    "Hosting",
    "Hub",
    "Input",
    "Internet",
    "Link",
    "Login",
    "Marketing",
    "Menu",
    "Output",
    "Partner",
    "Password",
    "Provider",
    "Report",
    "Router",
    "Server",
    "Software",
    "Standard",
    "Tag",
    "Team",
    "Tenant",
    "Token",
    "Upload",
    "Video",
    "Workflow",
];

const DUTCH: &[&str] = &[
    "Account",
    "Audio",
    "Browser",
    "Client",
    "Cluster",
    "Computer",
    "Container",
    "Dashboard",
    "Details",
    "Download",
    "Export",
    "Feedback",
    "Filter",
    "Hardware",
    "Hosting",
    "Import",
    "Index",
    "Internet",
    "Link",
    "Portal",
    "Server",
    "Service",
    "Software",
    "Status",
    "Support",
    "Team",
    "Type",
    "Update",
    "Video",
    "Workflow",
];

const POLISH: &[&str] = &[
    "Element", "Format", "Hosting", "Internet", "Link", "Monitor", "Portal", "Region", "Standard",
    "Status",
];

const SWEDISH: &[&str] = &[
    "Administration",
    "Export",
    "Feedback",
    "Filter",
    "Format",
    "Hosting",
    "Import",
    "Index",
    "Information",
    "Internet",
    "Portal",
    "Server",
    "Status",
    "Support",
    "Team",
    "Version",
    "Video",
];

const DANISH_NORWEGIAN: &[&str] = &[
    "Administrator",
    "Feedback",
    "Filter",
    "Format",
    "Hosting",
    "Internet",
    "Portal",
    "Server",
    "Status",
    "Support",
    "Team",
    "Video",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_cognates_only_in_their_languages() {
        assert!(is_cognate("fr", "Description"));
        assert!(is_cognate("fr", "description"));
        assert!(is_cognate_label("de", "Audio DSCP"));
        assert!(is_cognate_label("de", "Video"));
        assert!(!is_cognate_label("de", "Name Filter"));
        assert!(!is_cognate_label("de", "DSCP"));
        assert!(!is_cognate_label("ja", "Audio DSCP"));
        assert!(!is_cognate("de", "Description"));
        assert!(is_cognate("de", "Hosting"));
        assert!(is_cognate("it", "Output"));
        assert!(is_cognate("pl", "Element"));
        assert!(is_cognate("nb", "Status"));
        assert!(!is_cognate("ko", "Status"));
        assert!(!is_cognate("fr", "Overview"));
    }

    #[test]
    fn lists_are_sorted_and_single_words() {
        for list in [
            FRENCH,
            GERMAN,
            SPANISH,
            PORTUGUESE,
            ITALIAN,
            DUTCH,
            POLISH,
            SWEDISH,
            DANISH_NORWEGIAN,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(list.iter().all(|w| !w.contains(' ')), "{list:?}");
        }
    }
}
