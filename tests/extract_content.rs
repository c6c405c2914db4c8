//! Extraction on the bundled `content/`: the facts the issue says must show,
//! schema validity, determinism and a snapshot of the JSON.

use std::path::Path;

use locdoc::extract::{self, Allowance, Entitlement, Entitlements, Procedure};

const LOCALES: [&str; 4] = ["en-US", "hu-HU", "ko-KR", "ru-RU"];

fn content() -> Entitlements {
    let outcome = extract::run(Path::new("content")).unwrap();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    outcome.entitlements
}

fn find<'a>(
    all: &'a Entitlements,
    benefit: &str,
    tier: &str,
    condition: Option<&str>,
) -> &'a Entitlement {
    let hits: Vec<&Entitlement> = all
        .entitlements
        .iter()
        .filter(|e| e.benefit["en-US"] == benefit && e.tier.as_deref() == Some(tier))
        .filter(|e| e.condition.as_ref().map(|c| c["en-US"].as_str()) == condition)
        .collect();
    assert_eq!(hits.len(), 1, "{benefit} / {tier} / {condition:?}");
    hits[0]
}

fn incidents(e: &Entitlement) -> f64 {
    match &e.allowance {
        Allowance::Quantity { value, unit, .. } if unit.as_deref() == Some("incidents") => *value,
        other => panic!("not incidents: {other:?}"),
    }
}

fn has_all_locales(labels: &std::collections::BTreeMap<String, String>) -> bool {
    LOCALES
        .iter()
        .all(|l| labels.get(*l).is_some_and(|t| !t.is_empty()))
}

#[test]
fn product_support_incidents_by_tier() {
    let all = content();
    let got: Vec<f64> = ["action-pack", "silver", "gold"]
        .iter()
        .map(|t| incidents(find(&all, "Microsoft Product Support", t, None)))
        .collect();
    assert_eq!(got, vec![10.0, 15.0, 20.0]);
    let gold = find(&all, "Microsoft Product Support", "gold", None);
    assert!(has_all_locales(&gold.benefit) && has_all_locales(gold.tier_name.as_ref().unwrap()));
    assert_eq!(
        gold.scope.as_ref().unwrap()["en-US"],
        "For recent On-Premise products only"
    );
    assert_eq!(gold.allowance.label().unwrap()["ko-KR"], "20 개 인시던트");
    assert_eq!(
        gold.section.as_deref(),
        Some("technical-support-entitlement-and-supported-products")
    );
    assert_eq!(
        gold.segments.keys().collect::<Vec<_>>(),
        ["hu-HU", "ko-KR", "ru-RU"]
    );
}

#[test]
fn signature_cloud_support_by_condition() {
    let all = content();
    assert_eq!(
        find(&all, "Signature Cloud Support", "action-pack", None).allowance,
        Allowance::None
    );
    for (tier, other) in [("silver", 5.0), ("gold", 10.0)] {
        let cloud = find(
            &all,
            "Signature Cloud Support",
            tier,
            Some("Cloud Competencies"),
        );
        assert!(matches!(cloud.allowance, Allowance::Unlimited { .. }));
        assert!(has_all_locales(cloud.condition.as_ref().unwrap()));
        assert_eq!(cloud.footnotes.len(), 1);
        assert!(cloud.footnotes[0]["en-US"].starts_with("*Cloud competencies include:"));
        let rest = find(
            &all,
            "Signature Cloud Support",
            tier,
            Some("Other competencies"),
        );
        assert_eq!(incidents(rest), other);
        assert!(rest.footnotes.is_empty());
    }
}

fn procedure<'a>(all: &'a Entitlements, section: &str) -> &'a Procedure {
    all.procedures
        .iter()
        .find(|p| p.section.as_deref() == Some(section))
        .unwrap()
}

#[test]
fn activation_procedure_has_four_steps_and_notes_in_every_locale() {
    let all = content();
    let p = procedure(&all, "view-and-activate-your-technical-support-benefits");
    assert_eq!(p.steps.len(), 4);
    assert_eq!(
        p.lead_in.as_ref().unwrap()["en-US"],
        "To view and activate your technical benefits in Partner Center:"
    );
    assert!(has_all_locales(p.heading.as_ref().unwrap()));
    let notes: Vec<usize> = p.steps.iter().map(|s| s.notes.len()).collect();
    assert_eq!(notes, vec![1, 1, 0, 1]);
    for step in &p.steps {
        assert!(has_all_locales(&step.text), "{:?}", step.text);
        for note in &step.notes {
            assert_eq!(note.kind, "note");
            assert!(has_all_locales(&note.text), "{:?}", note.text);
        }
    }
    assert_eq!(
        p.steps[0].links[0].url,
        "https://partner.microsoft.com/dashboard"
    );
    assert!(has_all_locales(&p.steps[0].links[0].text));
}

#[test]
fn software_procedure_third_step_has_substeps_a_to_d() {
    let all = content();
    let p = procedure(&all, "manage-software-benefits");
    let third = &p.steps[2];
    let markers: Vec<&str> = third.substeps.iter().map(|s| s.marker.as_str()).collect();
    assert_eq!(markers, ["a", "b", "c", "d"]);
    assert_eq!(third.substeps[0].text["en-US"], "Select Get keys to reveal the product license keys. Be sure to follow any special instructions listed.");
    assert!(third.substeps[0].text["ko-KR"].starts_with("키 받기"));
    assert_eq!(
        third.substeps[0].segments["ko-KR"],
        ["3393e-130", "3393e-131", "3393e-132"]
    );
}

#[test]
fn money_allowances_in_prose_lists() {
    let all = content();
    let money: Vec<(f64, &str, Option<&str>)> = all
        .entitlements
        .iter()
        .filter_map(|e| match &e.allowance {
            Allowance::Money {
                amount,
                currency,
                period,
                ..
            } => Some((*amount, currency.as_str(), period.as_deref())),
            _ => None,
        })
        .collect();
    assert_eq!(
        money,
        vec![
            (100.0, "USD", Some("month")),
            (6000.0, "USD", Some("year")),
            (12000.0, "USD", Some("year")),
            (13000.0, "USD", Some("year"))
        ]
    );
    let bulk = all
        .entitlements
        .iter()
        .find(|e| matches!(e.allowance, Allowance::Money { amount, .. } if amount == 6000.0))
        .unwrap();
    assert_eq!(bulk.allowance.label().unwrap()["ko-KR"], "$6000");
}

#[test]
fn roles_in_both_forms() {
    let all = content();
    let names = |slug: &str, section: &str| -> Vec<String> {
        let block = all
            .roles
            .iter()
            .find(|r| r.article == slug && r.section.as_deref() == Some(section))
            .unwrap();
        block.roles.iter().map(|r| r.id.clone()).collect()
    };
    assert_eq!(
        names(
            "mpn-benefits-technical-support",
            "technical-support-for-on-premises-or-cloud-products"
        ),
        ["global-admin", "mpn-partner-admin", "admin-agent"]
    );
    assert_eq!(
        names("manage-your-partner-network-benefits", "manage-your-microsoft-partner-network-membership-benefits-and-offers-in-partner-center"),
        ["global-admin", "user-management-admin", "admin-agent", "mpn-partner-admin"]
    );
    assert_eq!(
        names(
            "manage-your-partner-network-benefits",
            "manage-go-to-market-offers"
        ),
        ["global-admin", "mpn-partner-admin"]
    );
    let inline = all
        .roles
        .iter()
        .find(|r| r.article == "mpn-benefits-technical-support")
        .unwrap();
    assert!(inline.roles.iter().all(|r| has_all_locales(&r.name)));
}

#[test]
fn newest_source_wins_and_stale_locales_are_named() {
    let all = content();
    let article = all
        .articles
        .iter()
        .find(|a| a.slug == "mpn-benefits-technical-support")
        .unwrap();
    assert_eq!(
        article.source_version.as_deref(),
        Some("eeeb628690848c360253d883e87f48f87ed15883")
    );
    assert_eq!(article.stale_locales, ["ko-KR", "ru-RU"]);
    assert!(article.locales["ko-KR"].stale && !article.locales["hu-HU"].stale);
    assert_eq!(
        article.locales["hu-HU"].handoff.as_deref(),
        Some("2021-06-07")
    );
    let gold = find(&all, "Microsoft Product Support", "gold", None);
    assert_eq!(gold.stale_locales, ["ko-KR", "ru-RU"]);
    assert_eq!(all.locales, LOCALES);
}

#[test]
fn json_validates_against_the_generated_schema() {
    let json: serde_json::Value = serde_json::from_str(&extract::to_json(&content())).unwrap();
    let schema = extract::schema();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(extract::schema_json().ends_with("}\n"));
}

#[test]
fn json_is_the_same_across_runs_and_thread_counts() {
    let first = extract::to_json(&content());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let single = pool.install(|| extract::to_json(&content()));
    assert_eq!(first, single);
    assert!(first.starts_with("{\n  \"generator\": \"locdoc "));
    assert!(first.ends_with("}\n"));
}

#[test]
fn json_snapshot() {
    let mut json = extract::to_json(&content());
    json = json.replace(env!("CARGO_PKG_VERSION"), "[version]");
    insta::assert_snapshot!(json);
}
