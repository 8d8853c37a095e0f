//! The `sanctions-extract` binary: a thin shell over the library's `Pipeline`.

mod cli;
mod signals;

use std::alloc::{GlobalAlloc, Layout};

/// mimalloc instead of the system allocator: the pipeline makes about a
/// thousand short-lived allocations per article, and glibc's malloc and free
/// cost several times mimalloc's (docs/performance.md).
#[global_allocator]
static GLOBAL: Allocator = Allocator;

/// mimalloc, asked through its plain entry points for what needs no more
/// than word alignment (strings, vectors of words and ranges: nearly every
/// allocation), which every block of mimalloc has; the `mimalloc` crate's
/// allocator asks for every allocation through the aligned ones, which cost
/// the pipeline about 1% of its instructions more. Larger alignments go
/// there still.
struct Allocator;

/// The alignment of every mimalloc block: its sizes are whole words.
const WORD: usize = std::mem::size_of::<usize>();

// (Linked in by the `mimalloc` crate's `libmimalloc-sys`.)
unsafe extern "C" {
    fn mi_malloc(size: usize) -> *mut std::ffi::c_void;
    fn mi_zalloc(size: usize) -> *mut std::ffi::c_void;
    fn mi_realloc(p: *mut std::ffi::c_void, size: usize) -> *mut std::ffi::c_void;
}

unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD {
            // SAFETY: mimalloc's malloc, for a block any size may have.
            unsafe { mi_malloc(layout.size()).cast() }
        } else {
            // SAFETY: as the `mimalloc` crate's allocator does.
            unsafe { mimalloc::MiMalloc.alloc(layout) }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD {
            // SAFETY: as `alloc`, zeroed.
            unsafe { mi_zalloc(layout.size()).cast() }
        } else {
            // SAFETY: as the `mimalloc` crate's allocator does.
            unsafe { mimalloc::MiMalloc.alloc_zeroed(layout) }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: mimalloc frees any of its blocks, however allocated.
        unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= WORD {
            // SAFETY: a block of mimalloc's, grown or shrunk by it.
            unsafe { mi_realloc(ptr.cast(), new_size).cast() }
        } else {
            // SAFETY: as the `mimalloc` crate's allocator does.
            unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) }
        }
    }
}

fn main() -> std::process::ExitCode {
    cli::main()
}
