//! The command line, as clap definitions only (one struct per subcommand).

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// planmerge — รวมไฟล์แผนปฏิบัติการป้องกันการทุจริตของทุกกองเป็นรายงานติดตามผล ·
/// merge the divisions' anti-corruption action-plan workbooks into the monitoring report.
#[derive(Debug, Parser)]
#[command(name = "planmerge", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// รวมไฟล์ของกองเป็นไฟล์สรุป · merge division workbooks into the summary workbook.
    Merge(MergeArgs),
    /// ตรวจไฟล์ของกองโดยไม่เขียนไฟล์สรุป · read and validate only, write nothing.
    Check(CheckArgs),
}

/// `planmerge merge <INPUT>... [-c FILE] [-o FILE] [--json] [--draft]`
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Division workbooks and/or folders (walked recursively).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// The report configuration (default: report.toml in the input folder).
    #[arg(short, long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The summary workbook to write.
    #[arg(short, long, value_name = "FILE", default_value = "summary.xlsx")]
    pub output: PathBuf,
    /// Print one JSON document on stdout (human text goes to stderr).
    #[arg(long)]
    pub json: bool,
    /// Write the summary even when there are errors, marked as a draft (still exits 1).
    #[arg(long)]
    pub draft: bool,
}

/// `planmerge check <INPUT>... [--json]`
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Division workbooks and/or folders (walked recursively).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// The report configuration, used only to add the figures to --json (optional).
    #[arg(short, long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Print one JSON document on stdout.
    #[arg(long)]
    pub json: bool,
}
