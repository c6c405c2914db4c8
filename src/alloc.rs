//! The global allocator of the binaries: mimalloc, called through its plain
//! entry points whenever the alignment allows.
//!
//! `mimalloc::MiMalloc` sends every allocation through `mi_malloc_aligned`,
//! whose checks cost ~10 % more per call than `mi_malloc`, and the parser
//! and checks make several small allocations per segment. Every mimalloc
//! block is aligned to at least a machine word, so up to that alignment the
//! plain calls are the same allocation. Shared with `examples/floor.rs`, so
//! that the floor pays for its allocations what `locdoc` does.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// Alignment that every mimalloc block has (`MI_INTPTR_SIZE`).
const WORD: usize = std::mem::size_of::<usize>();

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
