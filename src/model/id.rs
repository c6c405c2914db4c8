//! Segment ids: `986a5-113` (one sentence) or `9d76c-p102` (several source
//! sentences merged into one segment).

use std::fmt;

use serde::{Serialize, Serializer};

/// A parsed segment id. `raw` keeps the spelling; `prefix`/`number` are set
/// only when the id is well formed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SegmentId {
    raw: IdText,
    parts: Option<IdParts>,
}

/// The spelling of an id: held inline up to 24 bytes (ids are about ten),
/// so a segment's id costs no allocation of its own. `compact_str` keeps
/// it; it compares, orders, hashes and prints as the `str` it holds.
pub type IdText = compact_str::CompactString;

/// The well-formed parts of an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IdParts {
    /// Length of the hex prefix in bytes.
    prefix_len: usize,
    /// The sentence number.
    pub number: u32,
    /// `p` form: several source sentences merged into one segment.
    pub merged: bool,
}

impl SegmentId {
    /// Parses an id; malformed ids are kept with no parts.
    pub fn parse(raw: &str) -> SegmentId {
        SegmentId {
            raw: IdText::new(raw),
            parts: parse_parts(raw),
        }
    }

    /// The id as written.
    pub fn as_str(&self) -> &str {
        self.raw.as_str()
    }

    /// The id as written, to keep a copy of without parsing it again.
    pub fn text(&self) -> &IdText {
        &self.raw
    }

    /// Whether the id is `<hex>-<n>` or `<hex>-p<n>`.
    pub fn is_well_formed(&self) -> bool {
        self.parts.is_some()
    }

    /// The hex prefix (`986a5`), for well-formed ids.
    pub fn prefix(&self) -> Option<&str> {
        self.parts
            .and_then(|p| self.raw.as_str().get(..p.prefix_len))
    }

    /// The sentence number (113 for `986a5-113`, 102 for `9d76c-p102`).
    pub fn number(&self) -> Option<u32> {
        self.parts.map(|p| p.number)
    }

    /// Whether this is a merged-paragraph id (`-p102`).
    pub fn is_merged(&self) -> bool {
        self.parts.is_some_and(|p| p.merged)
    }

    /// Whether the id is well formed and spelled as its parts spell it:
    /// `prefix-number` or `prefix-pnumber`, the number without leading
    /// zeros (`ab-7`, not `ab-007`).
    pub fn is_canonical(&self) -> bool {
        self.parts.is_some_and(|p| {
            let digits = p.prefix_len + 1 + usize::from(p.merged);
            let raw = self.raw.as_bytes();
            raw.get(digits) != Some(&b'0') || raw.len() == digits + 1
        })
    }
}

fn parse_parts(raw: &str) -> Option<IdParts> {
    // Bytes, not `str` patterns: every segment of every article comes here.
    let bytes = raw.as_bytes();
    // The hex prefix runs up to the first `-`, which must follow it.
    let dash = bytes
        .iter()
        .position(|b| !b.is_ascii_hexdigit())
        .filter(|&i| i > 0 && bytes[i] == b'-')?;
    let rest = &bytes[dash + 1..];
    let (merged, digits) = match rest.split_first() {
        Some((b'p', digits)) => (true, digits),
        _ => (false, rest),
    };
    if digits.is_empty() {
        return None;
    }
    let mut number: u32 = 0;
    for &b in digits {
        if !b.is_ascii_digit() {
            return None;
        }
        // Overflow is malformed, as `str::parse` would have it.
        number = number.checked_mul(10)?.checked_add(u32::from(b - b'0'))?;
    }
    Some(IdParts {
        prefix_len: dash,
        number,
        merged,
    })
}

impl fmt::Display for SegmentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw.as_str())
    }
}

impl Serialize for SegmentId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.raw.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_and_merged_ids() {
        let id = SegmentId::parse("986a5-113");
        assert_eq!(id.prefix(), Some("986a5"));
        assert_eq!(id.number(), Some(113));
        assert!(!id.is_merged());
        let merged = SegmentId::parse("9d76c-p102");
        assert_eq!(merged.number(), Some(102));
        assert!(merged.is_merged());
        assert_eq!(SegmentId::parse("0-4294967295").number(), Some(u32::MAX));
        assert_eq!(SegmentId::parse("ab-p007").number(), Some(7));
        assert!(id.is_canonical() && merged.is_canonical());
        assert!(SegmentId::parse("ab-0").is_canonical());
        assert!(SegmentId::parse("ab-p0").is_canonical());
        assert!(!SegmentId::parse("ab-p007").is_canonical());
        assert!(!SegmentId::parse("ab-01").is_canonical());
        assert!(!SegmentId::parse("ab-x1").is_canonical());
    }

    #[test]
    fn ids_keep_their_spelling_and_order_inline_or_not() {
        let long = "a".repeat(24) + "-1";
        for id in ["", "986a5-113", "9d76c-p102", "가-1", &long, &long[2..]] {
            assert_eq!(SegmentId::parse(id).as_str(), id);
            assert_eq!(SegmentId::parse(id).text().as_str(), id);
            assert_eq!(SegmentId::parse(id).to_string(), id);
        }
        assert_ne!(SegmentId::parse("a-1"), SegmentId::parse("a-10"));
        assert!(SegmentId::parse(&long).text() > &IdText::new("a-1"));
        assert!(SegmentId::parse(&long).text() < &IdText::new("b"));
    }

    #[test]
    fn rejects_malformed_ids() {
        for raw in [
            "",
            "986a5",
            "xyz-1",
            "986a5-",
            "986a5-p",
            "986a5-1a",
            "-12",
            "986a5-+1",
            "986a5-4294967296",
            "a-b-1",
        ] {
            assert!(!SegmentId::parse(raw).is_well_formed(), "{raw}");
        }
    }
}
