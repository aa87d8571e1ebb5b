//! The subcommands as library functions: each takes its arguments and two writers (stdout,
//! stderr) and returns the exit status, so tests can run them without spawning a process.

use crate::cli::{CheckArgs, MergeArgs};
use crate::config::{ConfigError, ReportConfig};
use crate::issue::Problem;
use crate::output::{self, JsonReport, JsonSummary, Style};
use crate::read::{self, InputError};
use crate::write::{self, Summary, WriteError};
use crate::{Merged, compute};
use std::io::Write;
use std::path::{Path, PathBuf};

/// How a command ended; the process exit code is the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// 0 — done, no errors in the data (warnings allowed).
    Clean = 0,
    /// 1 — errors in the data; no summary written (or a draft with `--draft`).
    DataErrors = 1,
}

/// A failure that stops a command (not a problem in the data).
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    /// Configuration missing or invalid (exit 2).
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// An input path is missing (exit 2).
    #[error(transparent)]
    Input(#[from] InputError),
    /// The output path is one of the inputs (exit 2).
    #[error(
        "ไฟล์ผลลัพธ์ {0} เป็นไฟล์ข้อมูลของกอง จะไม่เขียนทับ — ใช้ -o ชื่ออื่น · \
         the output {0} is one of the input files; refusing to overwrite it (use -o)"
    )]
    OutputIsInput(String),
    /// The summary could not be written (exit 3).
    #[error(transparent)]
    Write(#[from] WriteError),
    /// stdout/stderr failed (exit 3).
    #[error("เขียนผลลัพธ์ไม่ได้ · cannot write output: {0}")]
    Io(#[from] std::io::Error),
}

impl CommandError {
    /// The process exit code: 2 for usage and configuration, 3 for failing to write.
    pub fn exit_code(&self) -> u8 {
        match self {
            CommandError::Config(_) | CommandError::Input(_) | CommandError::OutputIsInput(_) => 2,
            CommandError::Write(_) | CommandError::Io(_) => 3,
        }
    }
}

/// `planmerge merge`: read → validate → compute → write.
pub fn merge(
    args: &MergeArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    style: Style,
) -> Result<Outcome, CommandError> {
    let config = ReportConfig::load(&ReportConfig::locate(args.config.as_deref(), &args.inputs)?)?;
    let files = read::collect_files(&args.inputs)?;
    let merged = crate::read_and_validate(&files);
    refuse_overwriting_input(&args.output, &files, &merged)?;
    let totals = compute::compute(&merged.projects, &config);
    let errors = merged.errors();
    let written = if errors == 0 || args.draft {
        let summary = Summary {
            config: &config,
            totals: &totals,
            projects: &merged.projects,
            inputs: &merged.inputs,
            issues: &merged.issues,
            errors,
        };
        write::write_summary(&args.output, &summary)?;
        Some(args.output.display().to_string())
    } else {
        None
    };
    let human: &mut dyn Write = if args.json {
        &mut *stderr
    } else {
        &mut *stdout
    };
    write!(human, "{}", output::figures(&totals, &config))?;
    if !merged.issues.is_empty() || errors > 0 {
        write!(
            stderr,
            "{}",
            output::issues_report(&merged.inputs, &merged.issues, style)
        )?;
    }
    let human: &mut dyn Write = if args.json {
        &mut *stderr
    } else {
        &mut *stdout
    };
    match &written {
        Some(path) if errors > 0 => writeln!(
            human,
            "เขียนไฟล์ร่าง {path} (มีข้อผิดพลาด {errors} รายการ) · wrote DRAFT {path} ({errors} errors)"
        )?,
        Some(path) => writeln!(human, "เขียน {path} แล้ว · wrote {path}")?,
        None => writeln!(
            stderr,
            "ไม่ได้เขียนไฟล์สรุป เพราะมีข้อผิดพลาด {errors} รายการ (ใช้ --draft เพื่อเขียนเป็นร่าง) · \
             no summary written: {errors} error(s) (--draft writes a draft)"
        )?,
    }
    if args.json {
        let doc = JsonReport {
            ok: errors == 0,
            output: written,
            summary: Some(JsonSummary::from(&totals)),
            issues: &merged.issues,
            inputs: &merged.inputs,
        };
        print_json(stdout, &doc)?;
    }
    Ok(if errors == 0 {
        Outcome::Clean
    } else {
        Outcome::DataErrors
    })
}

/// `planmerge check`: read and validate only.
pub fn check(
    args: &CheckArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    style: Style,
) -> Result<Outcome, CommandError> {
    let files = read::collect_files(&args.inputs)?;
    let merged = crate::read_and_validate(&files);
    let errors = merged.errors();
    if args.json {
        let config = match ReportConfig::locate(args.config.as_deref(), &args.inputs) {
            Ok(path) => Some(ReportConfig::load(&path)?),
            Err(_) => None,
        };
        let totals = config.map(|c| compute::compute(&merged.projects, &c));
        let doc = JsonReport {
            ok: errors == 0,
            output: None,
            summary: totals.as_ref().map(JsonSummary::from),
            issues: &merged.issues,
            inputs: &merged.inputs,
        };
        print_json(stdout, &doc)?;
    } else {
        write!(
            stdout,
            "{}",
            output::issues_report(&merged.inputs, &merged.issues, style)
        )?;
    }
    let _ = stderr;
    Ok(if errors == 0 {
        Outcome::Clean
    } else {
        Outcome::DataErrors
    })
}

fn print_json(stdout: &mut dyn Write, doc: &JsonReport<'_>) -> Result<(), CommandError> {
    serde_json::to_writer_pretty(&mut *stdout, doc).map_err(std::io::Error::other)?;
    writeln!(stdout)?;
    Ok(())
}

/// The output may replace an earlier summary, never a division's workbook.
fn refuse_overwriting_input(
    output: &Path,
    files: &[PathBuf],
    merged: &Merged,
) -> Result<(), CommandError> {
    let Ok(target) = output.canonicalize() else {
        return Ok(());
    };
    for file in files {
        if file.canonicalize().is_ok_and(|f| f == target) {
            let shown = file.display().to_string();
            let is_summary = merged
                .issues
                .iter()
                .any(|i| i.problem == Problem::SummarySkipped && i.location.file == shown);
            if !is_summary {
                return Err(CommandError::OutputIsInput(shown));
            }
        }
    }
    Ok(())
}
