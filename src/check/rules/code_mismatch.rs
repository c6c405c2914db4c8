//! `code-mismatch` (error): inline code, `<xref:…>` cross references,
//! DocFX `{placeholder}`s or a DocFX marker a side starts with (`[!NOTE]`,
//! copied into the sentence and translated as `[!注释]`) differ between the
//! translation and the source, byte for byte.
//!
//! Why: code is not translated; a changed command, type name or placeholder
//! is a broken instruction or a broken build of the docs.
//! Example: source `` run `az login` ``, target `` `az 로그인` ``.
//! Fix: copy the code from the source unchanged.

use super::{at_segment, lost_and_added, Context};
use crate::check::inlines::protected;
use crate::check::scan::Scanned;
use crate::diag::{Code, Diagnostic};
use crate::model::Segment;

/// Compares the protected spans of source and target as multisets.
pub fn check(cx: &Context, seg: &Segment, sides: &Scanned, out: &mut Vec<Diagnostic>) {
    // The scans hold both sides' protected text, sorted and borrowed.
    if sides.source.protected == sides.target.protected {
        return;
    }
    let (mut source, mut target) = (protected(&seg.source), protected(&seg.target));
    source.sort();
    target.sort();
    if source == target {
        return;
    }
    let missing = difference(&source, &target);
    let added = difference(&target, &source);
    let change = lost_and_added(&missing.join(", "), &added.join(", "));
    out.push(
        at_segment(
            cx.article,
            seg,
            Code::CodeMismatch,
            format!("segment `{}` changes code: {}", seg.id, change),
        )
        .with_hint("code, cross references and placeholders must match the source byte for byte"),
    );
}

/// Items of sorted `a` not matched in sorted `b` (multiset difference).
pub(crate) fn difference<'a>(a: &'a [impl AsRef<str>], b: &[impl AsRef<str>]) -> Vec<&'a str> {
    let mut rest: Vec<&str> = b.iter().map(AsRef::as_ref).collect();
    let mut out = Vec::new();
    for item in a.iter().map(AsRef::as_ref) {
        match rest.iter().position(|r| *r == item) {
            Some(i) => {
                rest.remove(i);
            }
            None => out.push(item),
        }
    }
    out
}
