//! The binary's edge: run the command line through the library and map how it ended to an exit
//! code (0 clean, 1 errors in the data, 2 usage or configuration, 3 cannot write).

use planmerge::{Failure, Terminals};
use std::io::IsTerminal;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Unlocked handles: the progress bar draws on stderr from other threads.
    let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
    let terminals = Terminals {
        stdout: out.is_terminal(),
        stderr: err.is_terminal(),
    };
    match planmerge::run(std::env::args_os(), &mut out, &mut err, terminals) {
        Ok(outcome) => ExitCode::from(outcome as u8),
        // `planmerge check … | head`: the reader has all it wanted.
        Err(failure) if failure.is_broken_pipe() => ExitCode::SUCCESS,
        Err(Failure::Usage(usage)) => {
            let _ = usage.print();
            ExitCode::from(u8::try_from(usage.exit_code()).unwrap_or(2))
        }
        Err(Failure::Command(error)) => {
            let code = error.exit_code();
            eprintln!("planmerge: {:#}", anyhow::Error::from(error));
            ExitCode::from(code)
        }
    }
}
