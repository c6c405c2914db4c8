//! locdoc turns bilingual ("side-by-side") documentation into checked,
//! extracted and published multilingual sites.
//!
//! The pipeline flows one way:
//!
//! - [`content`] reads the tree (`<locale>/<slug>.md`);
//! - [`sxs`] parses front matter and aligned segments into the [`model`];
//! - [`check`] reports alignment and translation problems as [`diag`]nostics;
//! - [`extract`] turns entitlement tables, roles and procedures into JSON;
//! - [`render`] turns articles into pages, [`write`](mod@write) writes them and
//!   [`build`] runs the two over a tree;
//! - [`cli`] maps command lines onto these stages; [`alloc`] is the
//!   binaries' allocator.
//!
//! ```
//! use locdoc::model::Locale;
//! let text = "---\ntitle: 제목\n---\n<span data-ttu-id=\"986a5-103\">개요</span><span class=\"sxs-lookup\"><span data-stu-id=\"986a5-103\">Overview</span></span>\n";
//! let parsed = locdoc::sxs::parse("ko-KR/a.md", Locale::parse("ko-KR").unwrap(), "a", text);
//! let seg = &parsed.article.segments[0];
//! assert_eq!((seg.id.as_str(), seg.target_text().as_str(), seg.source_text().as_str()), ("986a5-103", "개요", "Overview"));
//! assert!(parsed.diagnostics.is_empty());
//! ```

pub mod alloc;
pub mod build;
pub mod cache;
pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod diag;
pub mod diff;
pub mod error;
pub mod extract;
pub mod model;
pub mod render;
pub mod sxs;
pub mod write;
