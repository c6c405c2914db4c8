//! Hashes for the checks: [`text`], which stands for a sentence in the
//! cross-file rules, and a fast hash with a fixed seed for the checks' own
//! tables. SipHash (the std default) costs several hundred instructions
//! per sentence and was a tenth of `check`.
//!
//! The cross-file rules group and compare sentences by [`text`] alone (the
//! texts stay compressed, [`super::texts`]). It is XXH3 (64 bits): among
//! the ~2.3 million texts of a 10,144-file corpus, two different ones share
//! a hash with a chance of about one in seven million.

/// foldhash with its fixed default seed: the same hash in every thread and
/// run.
pub type FastState = foldhash::fast::FixedState;

/// The hash of a text: the same in every thread and run.
#[inline]
pub fn text(s: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(s.as_bytes())
}

/// A `HashMap` with the fast hash.
pub type FastMap<K, V> = std::collections::HashMap<K, V, FastState>;

/// A `HashSet` with the fast hash.
pub type FastSet<K> = std::collections::HashSet<K, FastState>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_hash_equal_and_lengths_matter() {
        assert_eq!(text("Sign in."), text(&String::from("Sign in.")));
        assert_ne!(text("a"), text("a\0"));
        assert_ne!(text(""), text("\0"));
        let all: std::collections::HashSet<u64> =
            (0..10_000).map(|i| text(&format!("segment {i}"))).collect();
        assert_eq!(all.len(), 10_000);
    }
}
