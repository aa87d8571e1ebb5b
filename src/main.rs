//! The binary's edge: parse the command line, run the library's command, map the outcome to an
//! exit code (0 clean, 1 errors in the data, 2 usage or configuration, 3 cannot write).

use clap::Parser;
use planmerge::cli::{Cli, Command};
use planmerge::commands;
use planmerge::output::Style;
use std::io::IsTerminal;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Unlocked handles: the progress bar draws on stderr from other threads.
    let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
    let style = Style::detect(err.is_terminal()).with_progress(err.is_terminal());
    let result = match &cli.command {
        Command::Merge(args) => commands::merge(args, &mut out, &mut err, style),
        Command::Check(args) => {
            let style = Style::detect(std::io::stdout().is_terminal())
                .with_progress(std::io::stderr().is_terminal());
            commands::check(args, &mut out, &mut err, style)
        }
        Command::Template(args) => commands::template(args, &mut out, &mut err),
        Command::Mail(args) => commands::mail(args, &mut out, &mut err),
    };
    match result {
        Ok(outcome) => ExitCode::from(outcome as u8),
        Err(error) => {
            let error = anyhow::Error::from(error);
            eprintln!("planmerge: {error:#}");
            let code = error
                .downcast_ref::<commands::CommandError>()
                .map_or(2, commands::CommandError::exit_code);
            ExitCode::from(code)
        }
    }
}
