//! A fast hash with a fixed seed for the checks' own tables: interned
//! texts, segment ids, words of terms. SipHash (the std default) costs
//! several hundred instructions per sentence and was a tenth of `check`.
//!
//! The seed is fixed, so a text hashes the same in every file, thread and
//! run: facts reduced with different interners can still be grouped by
//! hash. Equal hashes are never taken for equal texts; every table that
//! groups by hash compares the texts too.

use std::hash::{BuildHasher, Hasher};

/// foldhash with its fixed default seed: the same hash in every thread and
/// run.
pub type FastState = foldhash::fast::FixedState;

/// The hash of a text.
#[inline]
pub fn text(s: &str) -> u64 {
    FastState::default().hash_one(s)
}

/// A `HashMap` with the fast hash.
pub type FastMap<K, V> = std::collections::HashMap<K, V, FastState>;

/// A `HashSet` with the fast hash.
pub type FastSet<K> = std::collections::HashSet<K, FastState>;

/// [`Hasher`] for keys that are already hashes: passes a `u64` through.
#[derive(Debug, Clone, Copy, Default)]
pub struct Prehashed {
    state: u64,
}

impl Hasher for Prehashed {
    #[inline]
    fn write(&mut self, data: &[u8]) {
        self.state = FastState::default().hash_one((self.state, data));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.state = n;
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.state
    }
}

/// Builds [`Prehashed`] hashers.
#[derive(Debug, Clone, Copy, Default)]
pub struct PrehashedState;

impl BuildHasher for PrehashedState {
    type Hasher = Prehashed;

    #[inline]
    fn build_hasher(&self) -> Prehashed {
        Prehashed::default()
    }
}

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
