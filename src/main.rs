//! The `scored` command: the title screen, play, resume, check, simulate, serve.

use std::process::ExitCode;

use clap::Parser;

use scored::cli::{self, Cli};

/// A playthrough allocates hundreds of small strings and lists; mimalloc serves them in a
/// fraction of the time glibc takes (simulate: 1.2x with LTO). Built without transparent huge
/// pages (`no_thp` in Cargo.toml): with them a game's resident memory doubled, to 27 MB.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // Piped into `head` or `less` that quits early, end quietly like any Unix tool.
    #[cfg(unix)]
    // SAFETY: setting the dispositions of SIGPIPE and SIGXFSZ before any thread starts.
    // A file-size limit (`ulimit -f`) fails the write that passes it with EFBIG, reported like
    // any write error, instead of killing the game with SIGXFSZ.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    let cli = Cli::parse();
    match cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("scored: {e:#}");
            ExitCode::from(2)
        }
    }
}
