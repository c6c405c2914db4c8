//! Reports of `locdoc check` and `locdoc diff`: human, JSON and SARIF
//! snapshots of the real content, SARIF validated against the official
//! 2.1.0 schema, the command-line filters, config file and exit codes.

use std::path::{Path, PathBuf};
use std::process::Command;

use locdoc::check;
use locdoc::diag::{report, sarif};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the binary in the repository root.
fn locdoc(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_locdoc"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn human_report_of_content() {
    let outcome = check::run(&root().join("content")).unwrap();
    let text = report::human(&outcome.summary, &outcome.diagnostics, false);
    insta::assert_snapshot!("human_content", text);
    insta::assert_snapshot!("summary_content", report::summary_table(&outcome.locales));
}

#[test]
fn json_report_of_content() {
    let (code, out) = locdoc(&["check", "--content", "content", "--format", "json"]);
    assert_eq!(code, 0, "warnings only");
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    insta::assert_json_snapshot!("json_content", value);
}

#[test]
fn sarif_validates_against_the_2_1_0_schema() {
    let (_, out) = locdoc(&["check", "--content", "content", "--format", "sarif"]);
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/sarif-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(
        !validator.is_valid(&broken),
        "the schema must reject an unknown level"
    );
    let result = &log["runs"][0]["results"][0];
    let location = &result["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "content/hu-HU/mpn-benefits-technical-support.md"
    );
    assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    assert_eq!(location["region"]["startLine"], 47);
    assert_eq!(result["ruleId"], "markup-mismatch");
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(
        rules[result["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "markup-mismatch"
    );
    insta::assert_json_snapshot!("sarif_content", log);
}

#[test]
fn sarif_of_a_broken_file_validates_too() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("ko-KR")).unwrap();
    std::fs::write(dir.path().join("ko-KR/a.md"), b"no front matter \xff").unwrap();
    let outcome = check::run(dir.path()).unwrap();
    let log: serde_json::Value =
        serde_json::from_str(&sarif::sarif(&outcome.diagnostics, "")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/sarif-2.1.0.json")).unwrap(),
    )
    .unwrap();
    assert!(jsonschema::is_valid(&schema, &log));
}

#[test]
fn filters_and_summary_on_the_command_line() {
    let (code, out) = locdoc(&[
        "check",
        "--content",
        "content",
        "--locale",
        "ru-RU",
        "--only",
        "source-drift",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["diagnostics"].as_array().unwrap().len(), 5);
    let (code, out) = locdoc(&[
        "check",
        "--content",
        "content",
        "--allow",
        "source-drift,inconsistent-translation",
        "--summary",
    ]);
    assert_eq!(code, 0);
    assert!(
        out.contains("checked 4 files, 458 segments: 0 errors, 4 warnings"),
        "{out}"
    );
    assert!(out.contains("locale  files  segments"), "{out}");
    let (code, _) = locdoc(&["check", "--content", "content", "--only", "no-such-code"]);
    assert_eq!(code, 2);
    let (code, _) = locdoc(&["check", "--content", "content", "--deny-warnings"]);
    assert_eq!(code, 1);
}

#[test]
fn config_file_allows_codes_and_replaces_the_allowlist() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("locdoc.toml");
    std::fs::write(dir.path().join("terms.txt"), "Overview\n").unwrap();
    std::fs::write(
        &config,
        "[site]\ntitle = \"ignored\"\n[check]\nallow = [\"source-drift\", \"inconsistent-translation\", \"id-gap\"]\nallowlist = \"terms.txt\"\n",
    )
    .unwrap();
    let (code, out) = locdoc(&[
        "check",
        "--content",
        "content",
        "--config",
        config.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let codes: Vec<&str> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    // Without the built-in list, `Action Pack` (left in English in every locale) is reported.
    assert_eq!(
        codes,
        [
            "markup-mismatch",
            "whitespace-mismatch",
            "untranslated",
            "link-mismatch",
            "link-mismatch",
            "untranslated",
            "untranslated"
        ]
    );
    assert!(value["diagnostics"][2]["message"]
        .as_str()
        .unwrap()
        .contains("`Action Pack`"));
    let options = check::Options::from_config(&config).unwrap();
    assert!(options.allowlist.covers("Overview"));
    assert!(!options.allowlist.covers("Action Pack"));
}

fn revision() -> &'static Path {
    Path::new("tests/fixtures/revisions/ko-KR-mpn-benefits-technical-support-2021-03-05.md")
}

#[test]
fn diff_of_the_korean_revisions() {
    let new = "content/ko-KR/mpn-benefits-technical-support.md";
    let (code, out) = locdoc(&["diff", revision().to_str().unwrap(), new]);
    assert_eq!(code, 1, "the revisions differ");
    assert!(out.contains("changed  891a8-122:45 -> 986a5-123:49\n  source: To activate the benefit, click the [-Activate-]{+**Activate**+} button."), "{out}");
    insta::assert_snapshot!("diff_korean_revisions", out);
    let (_, json) = locdoc(&[
        "diff",
        revision().to_str().unwrap(),
        new,
        "--format",
        "json",
    ]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["unchanged"], 34);
    let (code, same) = locdoc(&["diff", new, new]);
    assert_eq!(code, 0);
    assert!(
        same.ends_with(
            "108 unchanged, 0 added, 0 removed, 0 changed, 0 stale, 0 translations updated\n"
        ),
        "{same}"
    );
}

#[test]
fn diff_marks_stale_translations() {
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("new.md");
    let text =
        std::fs::read_to_string(root().join("content/ko-KR/mpn-benefits-technical-support.md"))
            .unwrap();
    std::fs::write(
        &new,
        text.replace(
            "create a technical support request.",
            "open a technical support request.",
        ),
    )
    .unwrap();
    let old = root().join("content/ko-KR/mpn-benefits-technical-support.md");
    let (code, out) = locdoc(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.contains("stale    986a5-112:35 -> 986a5-112:35\n  source: You use your account to sign-in to the relevant technical support portal and [-create-]{+open+} a technical support request.\n  translation (not updated):"), "{out}");
}
