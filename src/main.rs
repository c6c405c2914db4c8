//! The `locdoc` binary: parse arguments, call the library, map to an exit code.

use std::process::ExitCode;

use clap::Parser;

use locdoc::alloc;

/// mimalloc instead of glibc's malloc: the parser and renderer make many
/// small, short-lived allocations per segment, spread over worker threads.
#[global_allocator]
static GLOBAL: alloc::Allocator = alloc::Allocator;

fn main() -> ExitCode {
    alloc::configure();
    let cli = match locdoc::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    locdoc::cli::run(cli)
}
