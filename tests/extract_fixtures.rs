//! Extraction fixtures: a transposed table (tiers as rows) in two locales of
//! different source versions, and a table naming a tier that is not in the
//! tier list.

use std::path::Path;

use locdoc::diag::Code;
use locdoc::extract::{self, Allowance, Entitlements};

fn fixture(name: &str) -> extract::Outcome {
    extract::run(&Path::new("tests/fixtures/extract").join(name)).unwrap()
}

fn cell<'a>(all: &'a Entitlements, benefit: &str, tier: &str) -> &'a extract::Entitlement {
    all.entitlements
        .iter()
        .find(|e| e.benefit["en-US"] == benefit && e.tier.as_deref() == Some(tier))
        .unwrap_or_else(|| panic!("no {benefit} / {tier}"))
}

#[test]
fn transposed_table_reads_tiers_from_rows() {
    let out = fixture("transposed");
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    let all = &out.entitlements;
    // A bare number takes its unit from the header.
    let gold = cell(all, "Number of advisory hours", "gold");
    assert!(
        matches!(&gold.allowance, Allowance::Quantity { value, unit, .. } if *value == 50.0 && unit.as_deref() == Some("hours"))
    );
    assert_eq!(gold.tier_name.as_ref().unwrap()["ko-KR"], "골드");
    let silver = cell(all, "Technical presales", "silver");
    assert!(matches!(&silver.allowance, Allowance::Quantity { value, .. } if *value == 10.0));
    assert!(matches!(
        cell(all, "Technical presales", "gold").allowance,
        Allowance::Unlimited { .. }
    ));
    assert_eq!(
        cell(all, "Technical presales", "action-pack").allowance,
        Allowance::None
    );
    assert_eq!(all.entitlements.len(), 6);
}

#[test]
fn newest_locale_wins_and_older_labels_only_join_where_english_agrees() {
    let all = fixture("transposed").entitlements;
    let gold = cell(&all, "Number of advisory hours", "gold");
    // ko-KR (newer) says 50; de-DE translates an older source that said 40.
    let label = gold.allowance.label().unwrap();
    assert_eq!(label.get("en-US").map(String::as_str), Some("50"));
    assert!(!label.contains_key("de-DE"), "{label:?}");
    assert_eq!(gold.benefit["de-DE"], "Anzahl der Beratungsstunden");
    assert_eq!(gold.stale_locales, ["de-DE"]);
    assert_eq!(gold.segments.keys().collect::<Vec<_>>(), ["de-DE", "ko-KR"]);
}

#[test]
fn unknown_tier_is_a_warning_not_a_guess() {
    let out = fixture("unknown-tier");
    let codes: Vec<Code> = out.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, [Code::UnknownTier]);
    let d = &out.diagnostics[0];
    assert!(d.message.contains("`Platinum competency`"), "{}", d.message);
    assert_eq!(
        (d.file.as_str(), d.line, d.segment.as_deref()),
        ("ko-KR/platinum.md", 11, Some("c0ffe-103"))
    );
    let tiers: Vec<Option<&str>> = out
        .entitlements
        .entitlements
        .iter()
        .map(|e| e.tier.as_deref())
        .collect();
    assert_eq!(tiers, [Some("silver")]);
}

#[test]
fn table_view_rebuilds_tiers_by_benefits() {
    let all = fixture("transposed").entitlements;
    let table = all.table("advisory-hours", Some("hours-by-offer")).unwrap();
    let tiers: Vec<&str> = table.tiers.iter().map(|(id, _)| *id).collect();
    assert_eq!(tiers, ["action-pack", "silver", "gold"]);
    let benefits: Vec<&str> = table
        .rows
        .iter()
        .map(|r| r.benefit["en-US"].as_str())
        .collect();
    assert_eq!(benefits, ["Number of advisory hours", "Technical presales"]);
    assert!(table
        .rows
        .iter()
        .all(|r| r.cells.iter().all(|c| c.len() == 1)));
    assert!(all.table("advisory-hours", Some("nowhere")).is_none());
}

#[test]
fn cli_writes_json_and_schema() {
    let dir = tempfile::tempdir().unwrap();
    let (out, schema) = (dir.path().join("e.json"), dir.path().join("e.schema.json"));
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_locdoc"))
        .args([
            "entitlements",
            "--content",
            "tests/fixtures/extract/unknown-tier",
            "--out",
        ])
        .arg(&out)
        .arg("--schema")
        .arg(&schema)
        .output()
        .unwrap();
    assert_eq!(status.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&status.stderr);
    assert!(stderr.contains("unknown-tier"), "{stderr}");
    let json = std::fs::read_to_string(&out).unwrap();
    assert!(json.starts_with("{\n  \"generator\"") && json.ends_with("}\n"));
    assert!(std::fs::read_to_string(&schema)
        .unwrap()
        .contains("\"$schema\""));
}

/// `locdoc entitlements` streams the document (`extract::stream`): the same
/// bytes and warnings as merging the whole tree at once, on every tree we
/// have (unknown tiers, transposed tables, several locales of one slug).
#[test]
fn streamed_document_is_the_merged_one() {
    for dir in [
        Path::new("content").to_path_buf(),
        Path::new("tests/fixtures/extract").join("transposed"),
        Path::new("tests/fixtures/extract").join("unknown-tier"),
    ] {
        let whole = extract::run(&dir).unwrap();
        let streamed = extract::stream(&dir).unwrap();
        assert_eq!(
            streamed.document.articles(),
            whole.entitlements.articles.len()
        );
        let mut bytes = Vec::new();
        streamed.document.write_to(&mut bytes).unwrap();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            extract::to_json(&whole.entitlements),
            "{}",
            dir.display()
        );
        assert_eq!(streamed.diagnostics, whole.diagnostics, "{}", dir.display());
    }
}

/// Pair `c0de5-<n>` in the pipeline's spelling.
fn pair(n: u32, target: &str, source: &str) -> String {
    format!("<span data-ttu-id=\"c0de5-{n}\">{target}</span><span class=\"sxs-lookup\"><span data-stu-id=\"c0de5-{n}\">{source}</span></span>")
}

/// A procedure whose step 2 differs per cloud (`::: moniker range` once per
/// cloud, as real Microsoft 365 articles write it) is one procedure, each
/// variant of step 2 labelled with its condition; procedures that start
/// over in each `::: zone pivot` stay procedures of their own.
#[test]
fn steps_in_conditional_sections_join_their_procedure() {
    let tmp = tempfile::tempdir().unwrap();
    let text = format!(
        "---\ntitle: t\n---\n## {}\n\n1. {}\n\n::: moniker range=\"o365-worldwide\"\n\n2. {}\n\n::: moniker-end\n\n::: moniker range=\"o365-germany\"\n\n2. {}\n\n::: moniker-end\n\n3. {}\n4. {}\n\n## {}\n\n::: zone pivot=\"windows\"\n\n1. {}\n2. {}\n\n::: zone-end\n\n::: zone pivot=\"macos\"\n\n1. {}\n\n::: zone-end\n",
        pair(101, "만들기", "Create"),
        pair(102, "로그인합니다.", "Sign in."),
        pair(103, "그룹으로 이동합니다.", "Go to Groups."),
        pair(104, "독일 그룹으로 이동합니다.", "Go to Groups (Germany)."),
        pair(105, "추가를 선택합니다.", "Select Add."),
        pair(106, "저장합니다.", "Save."),
        pair(107, "설치", "Install"),
        pair(108, "설치 프로그램을 엽니다.", "Open the installer."),
        pair(109, "마칩니다.", "Finish."),
        pair(110, "패키지를 끕니다.", "Drag the package."),
    );
    let dir = tmp.path().join("ko-KR");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.md"), text).unwrap();
    let out = extract::run(tmp.path()).unwrap();
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    let steps: Vec<Vec<(String, Option<String>, String)>> = out
        .entitlements
        .procedures
        .iter()
        .map(|p| {
            p.steps
                .iter()
                .map(|s| {
                    (
                        s.marker.clone(),
                        s.applies_to.clone(),
                        s.text["en-US"].clone(),
                    )
                })
                .collect()
        })
        .collect();
    let step =
        |m: &str, c: Option<&str>, t: &str| (m.to_string(), c.map(str::to_string), t.to_string());
    assert_eq!(
        steps,
        [
            vec![
                step("1", None, "Sign in."),
                step("2", Some("o365-worldwide"), "Go to Groups."),
                step("2", Some("o365-germany"), "Go to Groups (Germany)."),
                step("3", None, "Select Add."),
                step("4", None, "Save."),
            ],
            vec![
                step("1", Some("windows"), "Open the installer."),
                step("2", Some("windows"), "Finish."),
            ],
            vec![step("1", Some("macos"), "Drag the package.")],
        ]
    );
    // The condition is in the schema, and absent where there is none.
    let json = extract::to_json(&out.entitlements);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let schema = extract::schema();
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(validator.is_valid(&value));
    assert_eq!(json.matches("\"applies_to\"").count(), 5);
}
