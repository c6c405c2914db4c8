//! The built binary: exit codes 0/1/2 and the JSON report's shape.

use std::process::{Command, Output};

fn locdoc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_locdoc"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn check_on_content_exits_zero_and_reports_the_gap() {
    let out = locdoc(&["check"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("warning[id-gap]"), "{stdout}");
    assert!(
        stdout.contains("--> ko-KR/manage-your-partner-network-benefits.md:68:70"),
        "{stdout}"
    );
    assert!(
        stdout.contains("checked 4 files, 458 segments: 0 errors"),
        "{stdout}"
    );
}

#[test]
fn deny_warnings_turns_warnings_into_exit_one() {
    assert_eq!(locdoc(&["check", "--deny-warnings"]).status.code(), Some(1));
}

#[test]
fn errors_exit_one() {
    let out = locdoc(&["check", "--content", "tests/fixtures/structure/id-mismatch"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_missing_content_dir_exits_two_naming_it() {
    let out = locdoc(&["check", "--content", "no/such/dir"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("`no/such/dir`"), "{stderr}");
}

#[test]
fn bad_arguments_exit_two() {
    assert_eq!(locdoc(&["check", "--format", "xml"]).status.code(), Some(2));
    assert_eq!(locdoc(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn json_report_has_summary_and_sorted_diagnostics() {
    let out = locdoc(&[
        "check",
        "--format",
        "json",
        "--content",
        "tests/fixtures/structure/lost-segment",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["files"], 1);
    assert_eq!(report["summary"]["errors"], 2);
    let diags = report["diagnostics"].as_array().unwrap();
    let first = &diags[0];
    for key in [
        "code", "severity", "file", "line", "column", "locale", "segment", "message",
    ] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
    assert_eq!(first["file"], "ko-KR/article.md");
    assert_eq!(first["segment"], "986a5-108");
    let lines: Vec<_> = diags.iter().map(|d| d["line"].as_u64().unwrap()).collect();
    assert!(lines.windows(2).all(|w| w[0] <= w[1]));
}

/// `check` reads the `locdoc.toml` beside the content directory, as `build`
/// does, whatever the working directory.
#[test]
fn check_reads_the_config_beside_the_content() {
    let project = tempfile::tempdir().unwrap();
    let content = project.path().join("content");
    let article = std::fs::read_to_string("content/ko-KR/manage-your-partner-network-benefits.md");
    std::fs::create_dir_all(content.join("ko-KR")).unwrap();
    std::fs::write(content.join("ko-KR/a.md"), article.unwrap()).unwrap();
    let content = content.to_str().unwrap();
    let before = locdoc(&["check", "--content", content, "--format", "json"]);
    assert!(String::from_utf8_lossy(&before.stdout).contains("\"id-gap\""));
    std::fs::write(
        project.path().join("locdoc.toml"),
        "[check]\nallow = [\"id-gap\"]\n",
    )
    .unwrap();
    let after = locdoc(&["check", "--content", content, "--format", "json"]);
    assert!(!String::from_utf8_lossy(&after.stdout).contains("\"id-gap\""));
}
