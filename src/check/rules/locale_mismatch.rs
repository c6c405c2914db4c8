//! `locale-mismatch` (warning): `ms.contentlocale` names another locale than
//! the directory the file is in.
//!
//! Why: the site publishes by directory, the pipeline by front matter; the
//! two disagreeing means a file was copied into the wrong locale.
//! Example: `ms.contentlocale: ru-RU` in `ko-KR/a.md`. Fix: move the file or
//! correct the key.

use crate::diag::{Code, Diagnostic};
use crate::model::Article;

/// Compares the front matter's locale with the directory's, ignoring case.
pub fn check(article: &Article, out: &mut Vec<Diagnostic>) {
    let Some(declared) = &article.front.locale else {
        return;
    };
    if declared
        .trim()
        .eq_ignore_ascii_case(article.locale.as_str())
    {
        return;
    }
    out.push(
        Diagnostic::new(
            Code::LocaleMismatch,
            &article.path,
            article.front.line_of("ms.contentlocale"),
            1,
            format!(
                "`ms.contentlocale` is `{declared}` but the file is in `{}`",
                article.locale
            ),
        )
        .with_hint(format!(
            "move the file to `{declared}/` or set `ms.contentlocale: {}`",
            article.locale
        )),
    );
}
