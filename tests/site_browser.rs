//! The built site in real tools: every page is valid HTML5 (vnu, run with
//! the machine's Java), passes axe-core's WCAG 2.1 A/AA rules and shows no
//! console errors in headless Chromium, which also follows the language
//! switcher and takes screenshots (Hangul and Cyrillic must render).
//!
//! Needs `/usr/bin/chromium`, `java`, `node` and `npm ci --prefix tests/browser`.
//! Without them the test is skipped with a notice, unless `CI` is set: then
//! it fails.

mod site_support;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;

use site_support::{build_into, repo, tree};

/// Whether everything the test needs is installed; prints what is missing.
fn tools_present() -> bool {
    let modules = repo().join("tests/browser/node_modules");
    let missing: Vec<&str> = [
        (
            "/usr/bin/chromium",
            Path::new("/usr/bin/chromium").is_file(),
        ),
        (
            "java",
            Command::new("java").arg("-version").output().is_ok(),
        ),
        (
            "node",
            Command::new("node").arg("--version").output().is_ok(),
        ),
        (
            "tests/browser/node_modules (npm ci --prefix tests/browser)",
            modules.join("playwright-core").is_dir()
                && modules.join("axe-core").is_dir()
                && vnu_jar().is_file(),
        ),
    ]
    .into_iter()
    .filter(|(_, ok)| !ok)
    .map(|(name, _)| name)
    .collect();
    if missing.is_empty() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI is set but the browser test lacks: {}",
        missing.join(", ")
    );
    eprintln!("skipping site_browser: missing {}", missing.join(", "));
    false
}

fn vnu_jar() -> PathBuf {
    repo().join("tests/browser/node_modules/vnu-jar/build/dist/vnu.jar")
}

/// Serves `root` on 127.0.0.1 (a port the OS picks) from a background thread.
fn serve(root: PathBuf) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            std::thread::spawn(move || respond(&root, stream));
        }
    });
    format!("http://{addr}/")
}

fn respond(root: &Path, mut stream: TcpStream) {
    let mut line = String::new();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/");
    let path = percent_decode(path.split(['?', '#']).next().unwrap_or("/"));
    let mut file = root.join(path.trim_start_matches('/'));
    if path.ends_with('/') {
        file = file.join("index.html");
    }
    let safe = !path.split('/').any(|p| p == "..");
    let (status, body) = match std::fs::read(&file) {
        Ok(body) if safe => ("200 OK", body),
        _ => ("404 Not Found", b"not found".to_vec()),
    };
    let kind = match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("png") => "image/png",
        Some("xml") => "application/xml",
        _ => "application/octet-stream",
    };
    let head = format!("HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
    let _ = stream
        .write_all(head.as_bytes())
        .and_then(|_| stream.write_all(&body));
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match (
            bytes[i],
            s.get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok()),
        ) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The bundled content plus the RTL fixture, built into one site.
fn site(tmp: &Path) -> PathBuf {
    let content = tmp.join("content");
    for source in [
        repo().join("content"),
        repo().join("tests/fixtures/site/rtl"),
    ] {
        for entry in walkdir::WalkDir::new(&source)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
        {
            let to = content.join(entry.path().strip_prefix(&source).unwrap());
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(entry.path(), to).unwrap();
        }
    }
    build_into(&content, tmp);
    tmp.join("public")
}

#[test]
fn pages_are_valid_html5() {
    if !tools_present() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let out = site(tmp.path());
    let run = Command::new("java")
        .args([
            "-jar",
            vnu_jar().to_str().unwrap(),
            "--errors-only",
            "--skip-non-html",
        ])
        .arg(&out)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "vnu found errors:\n{report}");
}

#[test]
fn pages_pass_axe_and_work_in_chromium() {
    if !tools_present() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let out = site(tmp.path());
    let pages: Vec<String> = tree(&out)
        .into_keys()
        .filter_map(|p| p.strip_suffix("index.html").map(str::to_string))
        .filter(|p| !p.is_empty())
        .collect();
    let base = serve(out);
    let shots = std::env::var_os("LOCDOC_SCREENSHOTS")
        .map_or_else(|| tmp.path().join("shots"), PathBuf::from);
    std::fs::create_dir_all(&shots).unwrap();
    let run = Command::new("node")
        .arg(repo().join("tests/browser/site.mjs"))
        .arg(&base)
        .arg(&shots)
        .args(&pages)
        .output()
        .unwrap();
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(run.status.success(), "browser check failed:\n{report}");
    for page in [
        "ko-kr_mpn-benefits-technical-support_.png",
        "ru-ru_mpn-benefits-technical-support_.png",
        "ar-sa_rtl-sample_.png",
    ] {
        assert!(
            shots.join(page).is_file(),
            "no screenshot `{page}`:\n{report}"
        );
    }
}
