//! Editing the content changes the JSON: the Silver allowance of Microsoft
//! Product Support goes from 15 to 16 incidents in every locale.

use std::fs;
use std::path::Path;

use locdoc::extract::{self, Allowance};

/// Copies `content/` into `dir`, changing `15` to `16` in the spans of the
/// table cell that says "15 Incidents" (source and translation).
fn copy_with_edit(from: &Path, to: &Path) -> usize {
    let mut edited = 0;
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            fs::create_dir_all(&target).unwrap();
            edited += copy_with_edit(&path, &target);
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        let out: Vec<String> = text
            .split('\n')
            .map(|line| {
                if line.contains(">15 Incidents<") {
                    edited += 1;
                    line.replace(">15 ", ">16 ")
                } else {
                    line.to_string()
                }
            })
            .collect();
        fs::write(&target, out.join("\n")).unwrap();
    }
    edited
}

#[test]
fn json_follows_an_edit_in_every_locale() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(copy_with_edit(Path::new("content"), dir.path()), 3);
    let before = extract::run(Path::new("content")).unwrap().entitlements;
    let after = extract::run(dir.path()).unwrap().entitlements;
    let silver = |all: &extract::Entitlements| {
        all.entitlements
            .iter()
            .find(|e| {
                e.benefit["en-US"] == "Microsoft Product Support"
                    && e.tier.as_deref() == Some("silver")
            })
            .cloned()
            .unwrap()
    };
    let (old, new) = (silver(&before), silver(&after));
    match (&old.allowance, &new.allowance) {
        (
            Allowance::Quantity { value: a, .. },
            Allowance::Quantity {
                value: b, label, ..
            },
        ) => {
            assert_eq!((*a, *b), (15.0, 16.0));
            assert_eq!(label.len(), 4, "{label:?}");
            assert!(label.values().all(|l| l.starts_with("16")), "{label:?}");
        }
        other => panic!("{other:?}"),
    }
    // Nothing else moved.
    let (a, b) = (extract::to_json(&before), extract::to_json(&after));
    let changed = a.lines().zip(b.lines()).filter(|(x, y)| x != y).count();
    assert_eq!((a.lines().count(), changed), (b.lines().count(), 5));
}
