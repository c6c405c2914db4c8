//! Property test: extraction of any document built from fragments of the
//! format (tables with tier headers, conditional cells, money, role labels,
//! "a." sub-steps) never panics, and merging it is deterministic.

use locdoc::extract;
use locdoc::model::Locale;
use proptest::prelude::*;

fn pair(id: u32, text: &str) -> String {
    format!("<span data-ttu-id=\"abcde-{id}\">{text}</span><span class=\"sxs-lookup\"><span data-stu-id=\"abcde-{id}\">{text}</span></span>")
}

fn fragment() -> impl Strategy<Value = String> {
    let words = prop_oneof![
        Just("Gold competency"),
        Just("Silver"),
        Just("Action Pack (MAPS)"),
        Just("Platinum competency"),
        Just("10 Incidents"),
        Just("Unlimited"),
        Just("Cloud: Unlimited"),
        Just("Other competencies:"),
        Just("$6,000, $12,000/year"),
        Just("$"),
        Just("US$1.5/mo"),
        Just("**Appropriate roles**: A | B"),
        Just("**Roles**"),
        Just("a."),
        Just("50"),
        Just(""),
        Just("*Cloud competencies include: x"),
        Just("é 한국어 \u{a0} \u{3000}"),
    ];
    prop_oneof![
        (1u32..40, words).prop_map(|(id, w)| pair(id, w)),
        Just("| ".to_string()),
        Just(" | ".to_string()),
        Just("|\n|---|---|---|\n".to_string()),
        Just("<br>".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("1. ".to_string()),
        Just("   ".to_string()),
        Just("- ".to_string()),
        Just("> [!NOTE]\n> ".to_string()),
        Just("## <a name=\"s\"></a>".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn extraction_never_panics(parts in prop::collection::vec(fragment(), 0..60)) {
        let text = format!("---\ntitle: t\nms.lasthandoff: 06/01/2021\n---\n{}", parts.concat());
        let ko = locdoc::sxs::parse("ko-KR/a.md", Locale::parse("ko-KR").unwrap(), "a", &text).article;
        let hu = locdoc::sxs::parse("hu-HU/a.md", Locale::parse("hu-HU").unwrap(), "a", &text).article;
        let first = extract::to_json(&extract::run_articles(&[ko.clone(), hu.clone()]).entitlements);
        let again = extract::to_json(&extract::run_articles(&[hu, ko]).entitlements);
        prop_assert_eq!(first, again);
    }
}
