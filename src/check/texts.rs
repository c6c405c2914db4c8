//! The texts of one file's segments, kept between the per-file pass and
//! the cross-file rules.
//!
//! The cross-file rules compare sentences by hash and read the texts
//! themselves only to word a finding or to test a term, one file at a
//! time. Holding every text of a 10,144-file corpus whose sentences do not
//! repeat took 249 MB (one allocation per text); the same texts packed
//! per file and compressed with zstd take about a third. Compressing is a
//! sixth of `check`'s work, though, and most docs sets are far smaller:
//! the store keeps blocks as they are until they hold [`BUDGET`] bytes,
//! and compresses only the blocks past it (as `extract` keeps its JSON in
//! memory up to a budget and spills the rest). A file's sources and its
//! targets are two blocks, and identical blocks are shared: the English of
//! an article is the same in every locale that translates the same
//! version of it.

use std::cell::RefCell;
use std::fmt;
use std::hash::Hash;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use xxhash_rust::xxh3::Xxh3;

use super::hash::FastMap;
use super::terms::places::Found;

/// zstd's level: its fastest of the levels that still search for matches.
/// A file's texts compress ~3× (the fast negative levels: ~2.5×).
const LEVEL: i32 = 1;

/// Bytes of texts a [`Store`] keeps uncompressed before it compresses the
/// blocks that follow: the texts of ~3,000 files like the benchmark's
/// (634 files hold 6.6 MB). Past it, every block costs a third of its
/// size, so a 10,144-file corpus without repeated sentences peaks ~21 MB
/// higher than with every block compressed (273 MiB), within `check`'s
/// 300 MiB.
pub const BUDGET: usize = 32 << 20;

/// A list of texts (a file's sources, or its targets, in segment order),
/// as a [`Store`] keeps it.
#[derive(Clone, Default)]
pub struct Packed(Block);

#[derive(Clone, Default)]
enum Block {
    /// No texts.
    #[default]
    Empty,
    /// Kept as they are, within the store's budget.
    Plain(Arc<List>),
    /// A zstd frame of the [`Packer::layout`], `size` bytes before
    /// compression.
    Compressed { bytes: Arc<[u8]>, size: u32 },
}

impl fmt::Debug for Packed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Block::Empty => write!(f, "Packed(empty)"),
            Block::Plain(list) => write!(f, "Packed({} bytes)", list.text.len()),
            Block::Compressed { bytes, size } => {
                write!(f, "Packed({size} -> {} bytes)", bytes.len())
            }
        }
    }
}

impl PartialEq for Packed {
    fn eq(&self, other: &Packed) -> bool {
        match (&self.0, &other.0) {
            (Block::Empty, Block::Empty) => true,
            (Block::Plain(a), Block::Plain(b)) => a == b,
            (
                Block::Compressed { bytes, size },
                Block::Compressed {
                    bytes: other_bytes,
                    size: other_size,
                },
            ) => size == other_size && bytes == other_bytes,
            // The same texts may be kept either way, by stores of
            // different budgets.
            _ => self.unpack() == other.unpack(),
        }
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

    /// The texts as they are, kept beside the packer.
    fn to_list(&self) -> List {
        List {
            ends: self.ends.clone(),
            text: self.text.clone(),
        }
    }

    /// A 128-bit hash of the [`Packer::layout`], computed without it.
    fn key(&self) -> u128 {
        let mut hasher = Xxh3::new();
        let count = u32::try_from(self.ends.len()).unwrap_or(u32::MAX);
        hasher.update(&count.to_le_bytes());
        for end in &self.ends {
            hasher.update(&end.to_le_bytes());
        }
        hasher.update(self.text.as_bytes());
        hasher.digest128()
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

/// Keeps packed texts, sharing the block of identical files, and what is
/// derived from a block of sources. Safe to use from several threads.
#[derive(Debug)]
pub struct Store {
    /// The blocks, by a 128-bit hash of their layout.
    blocks: Sharded<u128, Packed>,
    /// The places of names in a block of sources, by [`Packed::key`].
    places: Sharded<usize, Arc<Found>>,
    /// Bytes of texts kept uncompressed, at most `budget`.
    held: AtomicUsize,
    budget: usize,
}

impl Default for Store {
    fn default() -> Store {
        Store::with_budget(BUDGET)
    }
}

impl Store {
    /// A store that keeps `budget` bytes of texts uncompressed (`0`:
    /// compresses every block).
    pub fn with_budget(budget: usize) -> Store {
        Store {
            blocks: Sharded::new(),
            places: Sharded::new(),
            held: AtomicUsize::new(0),
            budget,
        }
    }

    /// The block of `packer`'s texts (shared with an identical file's).
    /// Blocks are told apart by a 128-bit hash of their layout.
    pub fn pack(&self, packer: &Packer) -> Packed {
        if packer.ends.is_empty() {
            return Packed::default();
        }
        let key = packer.key();
        self.blocks.get_or_make(key, key as usize, || {
            let size = packer.text.len() + 4 * packer.ends.len();
            if self.reserve(size) {
                Packed(Block::Plain(Arc::new(packer.to_list())))
            } else {
                compress(&packer.layout())
            }
        })
    }

    /// Counts `size` more bytes kept uncompressed, if the budget has room.
    fn reserve(&self, size: usize) -> bool {
        self.held
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |held| {
                held.checked_add(size).filter(|&h| h <= self.budget)
            })
            .is_ok()
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
    Packed(Block::Compressed {
        bytes: bytes.into(),
        size,
    })
}

impl Packed {
    /// The texts again. A block that does not decompress (never written
    /// so) reads as no texts.
    pub fn unpack(&self) -> Arc<List> {
        let (bytes, size) = match &self.0 {
            Block::Empty => return Arc::default(),
            Block::Plain(list) => return Arc::clone(list),
            Block::Compressed { bytes, size } => (bytes, *size as usize),
        };
        let raw = DECOMPRESSOR
            .with(|d| {
                let mut d = d.borrow_mut();
                match d.as_mut() {
                    Some(d) => d.decompress(bytes, size).ok(),
                    None => zstd::bulk::decompress(bytes, size).ok(),
                }
            })
            .unwrap_or_default();
        Arc::new(List::read(raw).unwrap_or_default())
    }

    /// Identifies the block: equal for files whose texts are identical
    /// (and share it), different for any two blocks alive together.
    pub fn key(&self) -> usize {
        match &self.0 {
            Block::Empty => 0,
            Block::Plain(list) => Arc::as_ptr(list) as usize,
            Block::Compressed { bytes, .. } => Arc::as_ptr(bytes).cast::<u8>() as usize,
        }
    }

    /// Bytes held.
    #[cfg(test)]
    fn held_len(&self) -> usize {
        match &self.0 {
            Block::Empty => 0,
            Block::Plain(list) => list.text.len() + 4 * list.ends.len(),
            Block::Compressed { bytes, .. } => bytes.len(),
        }
    }
}

/// A list of texts, as they are.
#[derive(Debug, Default, PartialEq, Eq)]
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

/// The texts of a file's segments, unpacked (the targets may be left
/// packed: then they read as "").
#[derive(Debug, Default)]
pub struct Unpacked {
    /// The sources, in segment order.
    pub sources: Arc<List>,
    /// The targets, in segment order.
    pub targets: Arc<List>,
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

    /// A store that keeps every block as it is, and one that compresses
    /// every block.
    fn stores() -> [Store; 2] {
        [Store::default(), Store::with_budget(0)]
    }

    #[test]
    fn texts_come_back_as_packed() {
        let texts = [
            "Sign in to Partner Center.",
            "파트너 센터에 로그인합니다.",
            "",
            "Ü",
        ];
        for store in stores() {
            let unpacked = store.pack(&packer(&texts)).unpack();
            for (i, t) in texts.iter().enumerate() {
                assert_eq!(unpacked.get(i), *t);
            }
            assert_eq!(unpacked.get(4), "");
        }
        assert_eq!(Packed::default().unpack().get(0), "");
    }

    #[test]
    fn identical_files_share_one_block() {
        for store in stores() {
            let a = store.pack(&packer(&["One.", "Один."]));
            let b = store.pack(&packer(&["One.", "Один."]));
            let c = store.pack(&packer(&["One", ".Один."]));
            assert_eq!(a.key(), b.key());
            assert_ne!(a.key(), c.key());
            assert_eq!(c.unpack().get(1), ".Один.");
        }
    }

    #[test]
    fn blocks_past_the_budget_are_compressed() {
        let first = packer(&["Sign in to Partner Center."]);
        let second = packer(&["Open the Benefits page."]);
        // Room for the first block (its text and one end) and no more.
        let store = Store::with_budget(26 + 4);
        let (a, b) = (store.pack(&first), store.pack(&second));
        assert!(matches!(a.0, Block::Plain(_)), "{a:?}");
        assert!(matches!(b.0, Block::Compressed { .. }), "{b:?}");
        assert_eq!(a.unpack().get(0), "Sign in to Partner Center.");
        assert_eq!(b.unpack().get(0), "Open the Benefits page.");
        // The same texts kept either way are equal.
        assert_eq!(b, Store::default().pack(&second));
        assert_ne!(a, b);
    }

    #[test]
    fn identical_sources_share_their_places() {
        for store in stores() {
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
    }

    #[test]
    fn sentences_compress() {
        let sentence = "Partner Center shows the incidents, hours and credits of your membership. ";
        let texts: Vec<String> = (0..200).map(|i| format!("{sentence}{i}")).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let packed = Store::with_budget(0).pack(&packer(&refs));
        let raw: usize = texts.iter().map(String::len).sum();
        assert!(packed.held_len() * 3 < raw, "{packed:?}");
    }
}
