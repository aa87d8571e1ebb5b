//! The binary's edge: run the command line through the library and map how it ended to an exit
//! code (0 clean, 1 errors in the data, 2 usage or configuration, 3 cannot write).

use planmerge::{Failure, Terminals};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    // Unlocked handles: the progress bar draws on stderr from other threads.
    let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
    let terminals = Terminals {
        stdout: out.is_terminal(),
        stderr: err.is_terminal(),
    };
    match planmerge::run(std::env::args_os(), &mut out, &mut err, terminals) {
        // A closed stdout or stderr (`planmerge check … | head`) changes no exit code: the run
        // took what could not be shown and went on to its end.
        Ok(outcome) => ExitCode::from(outcome as u8),
        Err(Failure::Usage(usage)) => {
            // Thai first, then clap's own English words (and the usage line).
            if let Some(line) = planmerge::usage_in_thai(&usage) {
                let _ = writeln!(err, "planmerge: {line}");
            }
            let _ = usage.print();
            ExitCode::from(u8::try_from(usage.exit_code()).unwrap_or(2))
        }
        Err(Failure::Command(error)) => {
            let code = error.exit_code();
            let said = said_once(&anyhow::Error::from(error));
            // Not eprintln!: a closed stderr would make it panic, and the exit code 101.
            let _ = writeln!(err, "planmerge: {said}");
            ExitCode::from(code)
        }
    }
}

/// The error and its causes, each said once: our messages name their cause already (`cannot
/// save summary.xlsx: No such file or directory`), so a cause whose words are already there is
/// not repeated after them.
fn said_once(error: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in error.chain() {
        let words = cause.to_string();
        if text.contains(&words) {
            continue;
        }
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&words);
    }
    text
}
