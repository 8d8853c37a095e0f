//! The `sanctions-extract` binary: a thin shell over the library's `Pipeline`.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
