//! `planmerge check`: the reading and validation of `merge`, with nothing written; the report
//! (or the JSON) goes to stdout.

use super::{CommandError, Outcome, previous_round, print_json, workbooks};
use crate::cli::CheckArgs;
use crate::config::{ConfigError, ReportConfig};
use crate::merge::{self, Merge, Readers};
use crate::output::{self, JsonPrevious, JsonReport, JsonSummary, Style};
use crate::progress::Progress;
use crate::read::ReadOptions;
use std::io::Write;

/// `planmerge check`: read and validate only; the report (or the JSON) goes to stdout, so that
/// `check … | less` shows it.
pub(super) fn run(
    args: &CheckArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    style: Style,
) -> Result<Outcome, CommandError> {
    let walked = workbooks(&args.inputs)?;
    let files = walked.files;
    let (config, config_path) = match ReportConfig::locate(args.config.as_deref(), &args.inputs) {
        Ok(path) => (Some(ReportConfig::load(&path)?), path.display().to_string()),
        Err(_) => (None, String::new()),
    };
    let options =
        (config.as_ref().map(ReadOptions::of).unwrap_or_default()).in_folders(&args.inputs);
    let previous = match (&config, args.previous.as_deref()) {
        (Some(config), explicit) => {
            let path = explicit.or(config.previous.as_deref());
            // With --json, stdout holds the one JSON document and nothing else.
            let human: &mut dyn Write = if args.json { stderr } else { stdout };
            previous_round(path, config, &options, human)?
        }
        (None, Some(_)) => {
            return Err(ConfigError::Missing {
                searched: "--previous (ต้องมี report.toml · needs report.toml)".into(),
            }
            .into());
        }
        (None, None) => None,
    };
    let progress = Progress::new(files.len(), style.progress && !args.json);
    let mut merge = Merge::of_round(previous.as_ref(), &files, &options);
    merge.not_walked(walked.issues);
    merge.files_only = args.inputs.iter().all(|p| p.is_file());
    if let (Some(p), Some(config)) = (&previous, &config) {
        merge
            .issues
            .extend(p.mismatch(config.fiscal_year, config.round));
        merge.issues.extend(p.issues.iter().cloned());
    }
    merge::for_each_file(
        &files,
        &options,
        Readers::EveryCore,
        &|done| progress.file_done(done),
        &mut |part| {
            merge.take(part);
        },
    );
    progress.finish();
    let changes = merge.compared();
    merge.one_file_per_division();
    if let Some(config) = &config {
        merge.expect_divisions(&config.divisions, &config_path);
    }
    let totals = config.map(|c| merge.final_totals(&c, &config_path));
    let errors = merge.errors();
    if args.json {
        let doc = JsonReport {
            ok: errors == 0,
            output: None,
            summary: totals.as_ref().map(JsonSummary::from),
            issues: &merge.issues,
            inputs: &merge.inputs,
            previous: previous.as_ref().map(JsonPrevious::from),
            changes: previous.as_ref().map(|_| changes.as_slice()),
            failure: None,
        };
        print_json(stdout, &doc)?;
    } else {
        if args.explain {
            write!(stdout, "{}", output::explain(&merge.inputs))?;
        }
        let report = output::issues_report(&merge.inputs, &merge.issues, style, true);
        write!(stdout, "{report}")?;
    }
    Ok(Outcome::of(errors))
}
