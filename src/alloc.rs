//! The global allocator of the binaries: mimalloc, called through its plain
//! entry points whenever the alignment allows.
//!
//! `mimalloc::MiMalloc` sends every allocation through `mi_malloc_aligned`,
//! whose checks cost ~10 % more per call than `mi_malloc`, and the parser
//! and checks make several small allocations per segment. Every mimalloc
//! block is aligned to at least a machine word, so up to that alignment the
//! plain calls are the same allocation. Shared with `examples/floor.rs`, so
//! that the floor pays for its allocations what `locdoc` does. The library
//! itself allocates through whatever allocator its user sets.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// Alignment that every mimalloc block has (`MI_INTPTR_SIZE`).
const WORD: usize = std::mem::size_of::<usize>();

/// `mi_option_purge_delay` in mimalloc v3's `mi_option_t`
/// (`include/mimalloc.h`; the bindings name only the v2 options).
const PURGE_DELAY: mi::mi_option_t = 15;

/// `mi_option_allow_thp` in mimalloc v3's `mi_option_t`.
const ALLOW_THP: mi::mi_option_t = 43;

/// Tunes mimalloc for a batch run, before the work starts.
///
/// - Freed memory is kept for reuse rather than handed back to the OS
///   after a delay. A run frees and allocates again all the time (one
///   article after another); each purged region was faulted in and zeroed
///   anew: `check` of 10,144 files took 2,267 page faults and 0.7 s of
///   system time, 459 and 0.5 s without purging, for the same peak RSS.
/// - No transparent huge pages. A huge page is zeroed whole (2 MiB) at its
///   first touch, however little of it a thread's heap then uses; on this
///   VM zeroing was 16–24 % of `build`'s CPU samples. With 4 KiB pages,
///   alternated runs: `build` of 634 files 90 → 40 MiB peak RSS and
///   0.455 → 0.408 s CPU; `check` of 10,144 files 183 → 167 MiB and
///   1.83 → 1.73 s, without repeats 281 → 266 MiB and 2.67 → 2.47 s.
///   mimalloc asks for huge pages when it reserves its arena, at the first
///   allocation, before `main`: the switch is the process's
///   (`PR_SET_THP_DISABLE`, which the kernel checks at each fault).
pub fn configure() {
    // SAFETY: sets option values; valid at any time, from any thread.
    unsafe {
        mi::mi_option_set(PURGE_DELAY, -1);
        mi::mi_option_set(ALLOW_THP, 0);
    }
    #[cfg(target_os = "linux")]
    // SAFETY: sets a flag of the calling process; no memory is passed. A
    // kernel without the option refuses it, and huge pages stay allowed.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// Below this much committed memory, [`release_freed`] keeps it: taking
/// the pages back costs more than they are worth. `check` of 634 files
/// (42 MiB committed after its per-file pass) took 2,300 page faults and
/// 236 ms of CPU with the release, 520 and 226 ms without; of 10,144 files
/// (106 MiB; 242 MiB when no sentence repeats) the release saves 40–80 MiB
/// of peak RSS.
const RELEASE_ABOVE: usize = 64 << 20;

/// Hands the memory freed so far back to the OS, from every thread of the
/// pool, and from here on each page as soon as it is free: for the end of
/// a run that keeps what it allocates, after a phase that allocated and
/// freed a lot on all threads. [`configure`] has each thread keep the pages
/// it freed for its own reuse; the next phase neither runs on the same
/// threads nor in the same sizes. `check` of 10,144 files whose sentences
/// do not repeat, after its per-file pass: peak RSS 363–376 → 295–298 MiB
/// (2 runs each), for the same time. Does nothing while mimalloc holds
/// less than `RELEASE_ABOVE` (so nothing either when it is not the
/// global allocator).
pub fn release_freed() {
    if committed() < RELEASE_ABOVE {
        return;
    }
    // SAFETY: sets an option value and collects the calling thread's heap;
    // valid at any time, from any thread.
    unsafe {
        mi::mi_option_set(PURGE_DELAY, 0);
        mi::mi_collect(true);
    }
    // SAFETY: as above, on each thread of the pool.
    rayon::broadcast(|_| unsafe { mi::mi_collect(true) });
}

/// The memory mimalloc has committed, in bytes.
fn committed() -> usize {
    let mut commit = 0;
    let none = std::ptr::null_mut();
    // SAFETY: every out-parameter is either null (not wanted) or points to
    // a live `usize`.
    unsafe { mi::mi_process_info(none, none, none, none, none, &mut commit, none, none) };
    commit
}

/// mimalloc, with the plain (unaligned) calls where they suffice.
pub struct Allocator;

// SAFETY: every method forwards to mimalloc, which returns blocks of at
// least the requested size, or null on failure. Blocks are word-aligned,
// so layouts aligned to a word or less take the plain calls; the rest take
// the aligned ones. `mi_free` and `mi_realloc` accept blocks from either.
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl; any size is valid for mimalloc.
        unsafe {
            if layout.align() <= WORD {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `alloc`, zeroed.
        unsafe {
            if layout.align() <= WORD {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: the caller passes a block this allocator returned.
        unsafe { mi::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller passes a block this allocator returned with
        // `layout`; the new block keeps its alignment.
        unsafe {
            if layout.align() <= WORD {
                mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The option indexes are mimalloc v3's purge delay and THP switch:
    /// the purge delay's default in `src/options.c` (1000 ms) and its
    /// neighbour's (16, the NUMA node count: 0 = all).
    #[test]
    fn purge_delay_is_the_option_set() {
        // SAFETY: reads option values.
        let (before, numa) = unsafe { (mi::mi_option_get(PURGE_DELAY), mi::mi_option_get(16)) };
        assert_eq!((before, numa), (1000, 0));
        // SAFETY: as above; `allow_thp`'s default is 1 (`src/options.c`).
        assert_eq!(unsafe { mi::mi_option_get(ALLOW_THP) }, 1);
        configure();
        // SAFETY: as above.
        assert_eq!(unsafe { mi::mi_option_get(PURGE_DELAY) }, -1);
        // SAFETY: as above.
        assert_eq!(unsafe { mi::mi_option_get(ALLOW_THP) }, 0);
        #[cfg(target_os = "linux")]
        // SAFETY: reads a flag of the calling process.
        assert_eq!(
            unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) },
            1
        );
    }

    /// The test binary's allocator is the system's: mimalloc has next to
    /// nothing committed, and the release leaves its options alone.
    #[test]
    fn a_small_heap_is_not_released() {
        assert!(committed() < RELEASE_ABOVE);
        release_freed();
        // SAFETY: reads an option value.
        assert_ne!(unsafe { mi::mi_option_get(PURGE_DELAY) }, 0);
    }
}
