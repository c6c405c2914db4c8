//! The texts of one file's segments, kept compressed between the per-file
//! pass and the cross-file rules.
//!
//! The cross-file rules compare sentences by hash and read the texts
//! themselves only to word a finding or to test a term, one file at a
//! time. Holding every text of a 10,144-file corpus whose sentences do not
//! repeat took 249 MB (one allocation per text); the same texts packed
//! per file and compressed with zstd take about a third. A file's sources
//! and its targets are two blocks, and identical blocks are shared: the
//! English of an article is the same in every locale that translates the
//! same version of it.

use std::cell::RefCell;
use std::fmt;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

use super::hash::FastMap;
use super::terms::places::Found;

/// zstd's level: its fastest of the levels that still search for matches.
/// A file's texts compress ~3× (the fast negative levels: ~2.5×).
const LEVEL: i32 = 1;

/// A list of texts (a file's sources, or its targets, in segment order),
/// packed and compressed.
#[derive(Clone, Default)]
pub struct Packed {
    /// The zstd frame (empty when there are no texts).
    bytes: Arc<[u8]>,
    /// Size of the packed texts before compression.
    size: u32,
}

impl fmt::Debug for Packed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Packed({} -> {} bytes)", self.size, self.bytes.len())
    }
}

impl PartialEq for Packed {
    fn eq(&self, other: &Packed) -> bool {
        self.size == other.size && self.bytes == other.bytes
    }
}

/// Texts being packed: their concatenation and where each ends.
#[derive(Debug, Default)]
pub struct Packer {
    ends: Vec<u32>,
    text: String,
}

impl Packer {
    /// Appends the next text.
    pub fn push(&mut self, text: &str) {
        self.text.push_str(text);
        self.ends
            .push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
    }

    /// The texts pushed, in order.
    pub fn texts(&self) -> impl Iterator<Item = &str> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(self.ends.iter().copied()).map(|(start, end)| {
            self.text
                .get(start as usize..end as usize)
                .unwrap_or_default()
        })
    }

    /// The texts as they are, uncompressed.
    pub fn into_list(self) -> List {
        List {
            ends: self.ends,
            text: self.text,
        }
    }

    /// The layout compressed: the count of texts, their ends (`u32`, little
    /// endian), then the bytes.
    fn layout(&self) -> Vec<u8> {
        let mut raw = Vec::with_capacity(4 + 4 * self.ends.len() + self.text.len());
        let count = u32::try_from(self.ends.len()).unwrap_or(u32::MAX);
        raw.extend_from_slice(&count.to_le_bytes());
        for end in &self.ends {
            raw.extend_from_slice(&end.to_le_bytes());
        }
        raw.extend_from_slice(self.text.as_bytes());
        raw
    }
}

thread_local! {
    /// One zstd context per thread, reused file after file.
    static COMPRESSOR: RefCell<Option<zstd::bulk::Compressor<'static>>> =
        RefCell::new(zstd::bulk::Compressor::new(LEVEL).ok());
    static DECOMPRESSOR: RefCell<Option<zstd::bulk::Decompressor<'static>>> =
        RefCell::new(zstd::bulk::Decompressor::new().ok());
}

/// Compresses packed texts, sharing the block of identical files, and
/// what is derived from a block of sources. Safe to use from several
/// threads.
#[derive(Debug)]
pub struct Store {
    /// The blocks, by a 128-bit hash of their layout.
    blocks: Sharded<u128, Packed>,
    /// The places of names in a block of sources, by [`Packed::key`].
    places: Sharded<usize, Arc<Found>>,
}

impl Default for Store {
    fn default() -> Store {
        Store {
            blocks: Sharded::new(),
            places: Sharded::new(),
        }
    }
}

impl Store {
    /// The compressed block of `packer`'s texts (shared with an identical
    /// file's). Blocks are told apart by a 128-bit hash of their layout.
    pub fn pack(&self, packer: &Packer) -> Packed {
        if packer.ends.is_empty() {
            return Packed::default();
        }
        let raw = packer.layout();
        let key = xxhash_rust::xxh3::xxh3_128(&raw);
        self.blocks
            .get_or_make(key, key as usize, || compress(&raw))
    }

    /// The places of names in the sources `block` holds, found by `find`
    /// for the first file with that block only: the locales of an
    /// article share its English, and so its places.
    pub fn places(&self, block: &Packed, find: impl FnOnce() -> Found) -> Arc<Found> {
        let key = block.key();
        // Blocks are allocations: the low bits of their address are
        // alignment, the same for all.
        self.places.get_or_make(key, key / 64, || Arc::new(find()))
    }
}

/// A table shared by threads, split into shards, each behind its own lock.
#[derive(Debug)]
struct Sharded<K, V> {
    shards: Vec<Mutex<FastMap<K, V>>>,
}

const SHARDS: usize = 16;

impl<K: Hash + Eq, V: Clone> Sharded<K, V> {
    fn new() -> Sharded<K, V> {
        Sharded {
            shards: (0..SHARDS).map(|_| Mutex::default()).collect(),
        }
    }

    /// The value of `key` (in shard `shard` of [`SHARDS`]), made by `make`
    /// if there is none. It is made outside the lock: should two threads
    /// race, the first insert is kept, and both made the same value.
    fn get_or_make(&self, key: K, shard: usize, make: impl FnOnce() -> V) -> V {
        let Some(lock) = self.shards.get(shard % SHARDS) else {
            return make();
        };
        // A poisoned shard only means another thread panicked mid-insert;
        // the table itself is still valid.
        let table = || lock.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(found) = table().get(&key).cloned() {
            return found;
        }
        let made = make();
        table().entry(key).or_insert(made).clone()
    }
}

/// Compresses a layout. zstd fails only when it cannot allocate its
/// context, as the rest of the run would.
fn compress(raw: &[u8]) -> Packed {
    let size = u32::try_from(raw.len()).unwrap_or(u32::MAX);
    let bytes = COMPRESSOR
        .with(|c| {
            let mut c = c.borrow_mut();
            match c.as_mut() {
                Some(c) => c.compress(raw).ok(),
                None => zstd::bulk::compress(raw, LEVEL).ok(),
            }
        })
        .unwrap_or_default();
    Packed {
        bytes: bytes.into(),
        size,
    }
}

impl Packed {
    /// The texts again. A block that does not decompress (never written
    /// so) reads as no texts.
    pub fn unpack(&self) -> List {
        if self.bytes.is_empty() {
            return List::default();
        }
        let raw = DECOMPRESSOR
            .with(|d| {
                let mut d = d.borrow_mut();
                match d.as_mut() {
                    Some(d) => d.decompress(&self.bytes, self.size as usize).ok(),
                    None => zstd::bulk::decompress(&self.bytes, self.size as usize).ok(),
                }
            })
            .unwrap_or_default();
        List::read(raw).unwrap_or_default()
    }

    /// Identifies the block: equal for files whose texts are identical
    /// (and share it), different for any two blocks alive together.
    pub fn key(&self) -> usize {
        Arc::as_ptr(&self.bytes).cast::<u8>() as usize
    }

    /// Bytes held.
    #[cfg(test)]
    fn compressed_len(&self) -> usize {
        self.bytes.len()
    }
}

/// A list of texts, decompressed.
#[derive(Debug, Default)]
pub struct List {
    ends: Vec<u32>,
    text: String,
}

impl List {
    fn read(mut raw: Vec<u8>) -> Option<List> {
        let word = |at: usize| -> Option<u32> {
            let bytes: [u8; 4] = raw.get(at..at + 4)?.try_into().ok()?;
            Some(u32::from_le_bytes(bytes))
        };
        let count = word(0)? as usize;
        let ends: Vec<u32> = (0..count).map(|i| word(4 + 4 * i)).collect::<Option<_>>()?;
        raw.drain(..4 + 4 * count);
        // Checked with the vectorized validator: std's took 6 % of `check`.
        simdutf8::basic::from_utf8(&raw).ok()?;
        // SAFETY: `raw` was just checked to be UTF-8.
        let text = unsafe { String::from_utf8_unchecked(raw) };
        Some(List { ends, text })
    }

    /// The `i`th text ("" past the end).
    pub fn get(&self, i: usize) -> &str {
        let start = match i.checked_sub(1) {
            Some(p) => self.ends.get(p).copied().unwrap_or(u32::MAX),
            None => 0,
        };
        let end = self.ends.get(i).copied().unwrap_or(0);
        self.text
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }
}

/// The texts of a file's segments, decompressed (the targets may be left
/// packed: then they read as "").
#[derive(Debug, Default)]
pub struct Unpacked {
    /// The sources, in segment order.
    pub sources: List,
    /// The targets, in segment order.
    pub targets: List,
}

impl Unpacked {
    /// The source of segment `i`.
    pub fn source(&self, i: usize) -> &str {
        self.sources.get(i)
    }

    /// The target of segment `i`.
    pub fn target(&self, i: usize) -> &str {
        self.targets.get(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn packer(texts: &[&str]) -> Packer {
        let mut p = Packer::default();
        for t in texts {
            p.push(t);
        }
        p
    }

    #[test]
    fn texts_come_back_as_packed() {
        let texts = [
            "Sign in to Partner Center.",
            "파트너 센터에 로그인합니다.",
            "",
            "Ü",
        ];
        let store = Store::default();
        let unpacked = store.pack(&packer(&texts)).unpack();
        for (i, t) in texts.iter().enumerate() {
            assert_eq!(unpacked.get(i), *t);
        }
        assert_eq!(unpacked.get(4), "");
        assert_eq!(Packed::default().unpack().get(0), "");
    }

    #[test]
    fn identical_files_share_one_block() {
        let store = Store::default();
        let a = store.pack(&packer(&["One.", "Один."]));
        let b = store.pack(&packer(&["One.", "Один."]));
        let c = store.pack(&packer(&["One", ".Один."]));
        assert!(Arc::ptr_eq(&a.bytes, &b.bytes));
        assert!(!Arc::ptr_eq(&a.bytes, &c.bytes));
        assert_eq!(c.unpack().get(1), ".Один.");
    }

    #[test]
    fn identical_sources_share_their_places() {
        let store = Store::default();
        let texts = ["Sign in to Partner Center.", "Open Partner Center"];
        let a = store.pack(&packer(&texts));
        let b = store.pack(&packer(&texts));
        let found = |block: &Packed| store.places(block, || Found::of(texts.into_iter()));
        let (first, second) = (found(&a), found(&b));
        assert!(Arc::ptr_eq(&first, &second));
        // Another block finds its own, even when told the same answer.
        let c = store.pack(&packer(&["Other"]));
        assert!(!Arc::ptr_eq(&first, &found(&c)));
        assert_eq!(*first, Found::of(texts.into_iter()));
    }

    #[test]
    fn sentences_compress() {
        let sentence = "Partner Center shows the incidents, hours and credits of your membership. ";
        let texts: Vec<String> = (0..200).map(|i| format!("{sentence}{i}")).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let packed = Store::default().pack(&packer(&refs));
        let raw: usize = texts.iter().map(String::len).sum();
        assert!(packed.compressed_len() * 3 < raw, "{packed:?}");
    }
}
