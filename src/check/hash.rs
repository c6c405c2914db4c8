//! A fast hash with a fixed seed for the checks' own tables: interned
//! texts, segment ids, words of terms. SipHash (the std default) costs
//! several hundred instructions per sentence and was a tenth of `check`.
//!
//! The seed is fixed, so a text hashes the same in every file, thread and
//! run: facts reduced with different interners can still be grouped by
//! hash. Equal hashes are never taken for equal texts; every table that
//! groups by hash compares the texts too.

use std::hash::{BuildHasher, Hasher};

const SEED: u64 = 0x243f_6a88_85a3_08d3;
const MUL: u64 = 0x9e37_79b9_7f4a_7c15;
const FINAL: u64 = 0xa409_3822_299f_31d0;

/// Multiplies to 128 bits and folds the halves: every input bit reaches
/// every output bit.
#[inline]
fn fold(a: u64, b: u64) -> u64 {
    let m = u128::from(a) * u128::from(b);
    (m as u64) ^ ((m >> 64) as u64)
}

/// The hash of a byte string.
#[inline]
pub fn bytes(data: &[u8]) -> u64 {
    let mut h = SEED ^ (data.len() as u64).wrapping_mul(MUL);
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let word = chunk.try_into().map_or(0, u64::from_le_bytes);
        h = fold(h ^ word, MUL);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut last = [0u8; 8];
        if let Some(dst) = last.get_mut(..rest.len()) {
            dst.copy_from_slice(rest);
        }
        h = fold(h ^ u64::from_le_bytes(last), MUL ^ rest.len() as u64);
    }
    fold(h, FINAL)
}

/// The hash of a text.
#[inline]
pub fn text(s: &str) -> u64 {
    bytes(s.as_bytes())
}

/// [`Hasher`] over [`bytes`], for `HashMap`s keyed by strings or numbers.
#[derive(Debug, Clone, Copy, Default)]
pub struct Fast {
    state: u64,
}

impl Hasher for Fast {
    #[inline]
    fn write(&mut self, data: &[u8]) {
        self.state = fold(self.state ^ bytes(data), MUL);
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.state = fold(self.state ^ n ^ SEED, MUL);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.state
    }
}

/// Builds [`Fast`] hashers.
#[derive(Debug, Clone, Copy, Default)]
pub struct FastState;

impl BuildHasher for FastState {
    type Hasher = Fast;

    #[inline]
    fn build_hasher(&self) -> Fast {
        Fast::default()
    }
}

/// A `HashMap` with the [`Fast`] hash.
pub type FastMap<K, V> = std::collections::HashMap<K, V, FastState>;

/// A `HashSet` with the [`Fast`] hash.
pub type FastSet<K> = std::collections::HashSet<K, FastState>;

/// [`Hasher`] for keys that are already hashes: passes a `u64` through.
#[derive(Debug, Clone, Copy, Default)]
pub struct Prehashed {
    state: u64,
}

impl Hasher for Prehashed {
    #[inline]
    fn write(&mut self, data: &[u8]) {
        self.state = fold(self.state ^ bytes(data), MUL);
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
