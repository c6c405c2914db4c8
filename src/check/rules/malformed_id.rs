//! `malformed-id` (error): an id that is not `<hex>-<n>` or `<hex>-p<n>`.
//!
//! Why: the localization pipeline matches segments by these ids; one it
//! cannot read is a sentence it cannot update.
//! Example: `data-ttu-id="986a5-11x"`. Fix: restore the id from the source file.

use super::at_segment;
use crate::diag::{Code, Diagnostic};
use crate::model::Article;

/// Reports each id that does not parse.
pub fn check(article: &Article, out: &mut Vec<Diagnostic>) {
    for seg in article.segments.iter().filter(|s| !s.id.is_well_formed()) {
        out.push(
            at_segment(
                article,
                seg,
                Code::MalformedId,
                format!(
                    "id `{}` is not of the form `<hex>-<n>` or `<hex>-p<n>`",
                    seg.id
                ),
            )
            .with_hint("ids look like `986a5-113` or `9d76c-p102`"),
        );
    }
}
