//! The `sanctions-extract` binary: a thin shell over the library's `Pipeline`.

mod cli;
mod signals;

/// mimalloc instead of the system allocator: the pipeline makes about a
/// thousand short-lived allocations per article, and glibc's malloc and free
/// cost several times mimalloc's (docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
