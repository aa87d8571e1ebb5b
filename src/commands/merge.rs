//! `planmerge merge`: read → validate → compute → write. Without `--draft` the project list
//! is streamed into the summary as files are read; with it, kept until the banner is known.

use super::{
    CommandError, Outcome, in_folder, mail, output_in, previous_round, print_json,
    refuse_replacing, same_file, workbooks,
};
use crate::cli::MergeArgs;
use crate::config::ReportConfig;
use crate::issue::Severity;
use crate::merge::{self, Merge, Readers};
use crate::model::ProjectRow;
use crate::output::{self, JsonFailure, JsonPrevious, JsonReport, JsonSummary, Style};
use crate::progress::Progress;
use crate::read::ReadOptions;
use crate::write::{self, ListThread, Rounds, Summary, SummaryBook, WriteError};
use std::io::Write;
use std::path::{Path, PathBuf};

/// `planmerge merge`: read → validate → compute → write.
pub(super) fn run(
    args: &MergeArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    style: Style,
) -> Result<Outcome, CommandError> {
    // The inputs first: a folder name mistyped is said as such, not as a missing report.toml.
    let walked = workbooks(&args.inputs)?;
    let files = walked.files;
    let config_path = ReportConfig::locate(args.config.as_deref(), &args.inputs)?;
    let config = ReportConfig::load(&config_path)?;
    if args.mail || args.mail_draft {
        mail::check_ready(&config)?;
    }
    let summary_file = output_in(&args.output, "summary.xlsx")?;
    refuse_replacing(&summary_file, &files)?;
    let progress = Progress::new(files.len(), style.progress && !args.json);
    let options = ReadOptions::of(&config).in_folders(&args.inputs);
    let previous_path = args.previous.as_deref().or(config.previous.as_deref());
    if let Some(earlier) = previous_path
        && (same_file(earlier, &summary_file) || in_folder(&summary_file, earlier))
    {
        return Err(CommandError::OutputIsPrevious {
            output: summary_file.display().to_string(),
            previous: earlier.display().to_string(),
        });
    }
    let previous = previous_round(previous_path, &config, &options, stderr)?;
    let mut merge = Merge::of_round(previous.as_ref(), &files, &options);
    merge.not_walked(walked.issues);
    let (year, round) = (config.fiscal_year, config.round);
    merge
        .issues
        .extend(previous.as_ref().and_then(|p| p.mismatch(year, round)));
    merge
        .issues
        .extend(previous.iter().flat_map(|p| p.issues.iter().cloned()));
    merge.files_only = args.inputs.iter().all(|p| p.is_file());
    let (mut list, readers) = if args.draft {
        (List::Kept(Vec::new()), Readers::EveryCore)
    } else {
        let folder = write::shared_folder(files.iter().map(PathBuf::as_path));
        (
            List::Streamed(ListThread::start(&config, folder)),
            Readers::BesideWriter,
        )
    };
    merge::for_each_file(
        &files,
        &options,
        readers,
        &|done| progress.file_done(done),
        &mut |part| {
            let projects = merge.take(part);
            list.take(projects, merge.errors());
        },
    );
    let changes = merge.compared();
    merge.one_file_per_division();
    let config_file = config_path.display().to_string();
    merge.expect_divisions(&config.divisions, &config_file);
    let totals = merge.final_totals(&config, &config_file);
    let errors = merge.errors();
    let rounds = previous.as_ref().map(|previous| Rounds {
        previous,
        changes: &changes,
    });
    let summary = Summary {
        config: &config,
        totals: &totals,
        inputs: &merge.inputs,
        issues: &merge.issues,
        errors,
        previous: rounds,
    };
    if errors == 0 || args.draft {
        progress.saving(&summary_file);
    }
    // A summary that cannot be saved (disk full) stops nothing else: the figures, the issues
    // and the --json document are still given, with why the file was not written.
    let saved = list
        .into_book(&summary)
        .map_err(WriteError::from)
        .and_then(|book| match book {
            Some(book) if errors == 0 || args.draft => {
                book.save(&summary_file, &summary).map(|()| true)
            }
            _ => Ok(false),
        });
    let (written, not_saved) = match saved {
        Ok(true) => (Some(summary_file.display().to_string()), None),
        Ok(false) => (None, None),
        Err(error) => (None, Some(CommandError::from(error))),
    };
    progress.finish();
    let human: &mut dyn Write = if args.json { stderr } else { stdout };
    if errors > 0 {
        // Above the figures, so that they are never read as the round's: rows with errors are
        // not in them.
        writeln!(
            human,
            "ยังไม่ใช่ตัวเลขของรายงาน: มีข้อผิดพลาด {errors} รายการ (ด้านล่าง) ต้องแก้ก่อน แถวที่ผิดไม่ได้นับ · \
             not the report's figures yet: {errors} error(s) below to fix first; rows with errors are not counted"
        )?;
    }
    write!(human, "{}", output::figures(&totals, &config))?;
    if let Some(previous) = &previous {
        writeln!(human, "{}", crate::write::since_previous(previous, &totals))?;
    }
    let worth_a_look = merge.issues.iter().any(|i| i.severity() != Severity::Note);
    if worth_a_look || errors > 0 {
        let report = output::issues_report(&merge.inputs, &merge.issues, style, false);
        write!(stderr, "{report}")?;
    }
    let human: &mut dyn Write = if args.json { stderr } else { stdout };
    match &written {
        _ if not_saved.is_some() => {}
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
    let was_written = written.is_some();
    let failure = not_saved.as_ref().map(|error| JsonFailure {
        exit_code: error.exit_code(),
        message: error.to_string(),
    });
    if let Some(failure) = &failure {
        writeln!(stderr, "planmerge: {}", failure.message)?;
    }
    if args.json {
        let doc = JsonReport {
            ok: errors == 0 && failure.is_none(),
            output: written,
            summary: Some(JsonSummary::from(&totals)),
            issues: &merge.issues,
            inputs: &merge.inputs,
            previous: previous.as_ref().map(JsonPrevious::from),
            changes: previous.as_ref().map(|_| changes.as_slice()),
            failure,
        };
        print_json(stdout, &doc)?;
    }
    if not_saved.is_some() {
        // Nothing to send: the summary is not there (an earlier one may be, untouched).
        return Ok(Outcome::NotWritten);
    }
    if args.mail || args.mail_draft {
        let human: &mut dyn Write = if args.json { stderr } else { stdout };
        let written = was_written.then_some(summary_file.as_path());
        mail_after_merge(args, &summary, written, human)?;
    }
    Ok(Outcome::of(errors))
}

/// `merge --mail`: sends the summary just written; a draft only with `--mail-draft`; nothing
/// when no summary was written.
fn mail_after_merge(
    args: &MergeArgs,
    summary: &Summary<'_>,
    written: Option<&Path>,
    human: &mut dyn Write,
) -> Result<(), CommandError> {
    let draft = summary.is_draft();
    let sendable = written.filter(|_| !draft || args.mail_draft);
    let Some(summary_file) = sendable else {
        let why = if written.is_some() {
            "เป็นร่าง (ใช้ --mail-draft เพื่อส่งร่าง) · it is a draft (--mail-draft sends it)"
        } else {
            "ไม่มีไฟล์สรุป · no summary was written"
        };
        writeln!(human, "ไม่ได้ส่งอีเมล เพราะ{why}")?;
        return Ok(());
    };
    let since_previous = summary
        .previous
        .map(|rounds| crate::write::since_previous(rounds.previous, summary.totals));
    mail::after_merge(
        summary.config,
        summary.totals,
        summary_file,
        (summary.banner_text().as_deref(), draft),
        since_previous.as_deref(),
        args.resend,
        human,
    )
}

/// Where a merge's projects go while the files are read.
enum List {
    /// Into the workbook as they come: without `--draft` a summary is written only when there
    /// is no error, so the list never needs the draft banner and is never held.
    Streamed(ListThread),
    /// Kept until every file is read (`--draft`): only then is it known whether the list opens
    /// with the draft banner.
    Kept(Vec<ProjectRow>),
    /// Not written: an error was found and no draft was asked for.
    Dropped,
}

impl List {
    /// Takes the next projects (in order); `errors` is the merge's error count so far.
    fn take(&mut self, projects: Vec<ProjectRow>, errors: usize) {
        if errors > 0 && matches!(self, List::Streamed(_)) {
            *self = List::Dropped;
        }
        if projects.is_empty() {
            return;
        }
        match self {
            List::Streamed(writer) => writer.send(projects),
            List::Kept(all) => all.extend(projects),
            List::Dropped => {}
        }
    }

    /// The workbook to finish, with the list written; none when the list was dropped.
    fn into_book(
        self,
        summary: &Summary<'_>,
    ) -> Result<Option<SummaryBook>, rust_xlsxwriter::XlsxError> {
        match self {
            List::Streamed(writer) => writer.finish().map(Some),
            List::Kept(all) => SummaryBook::with_projects(summary, all).map(Some),
            List::Dropped => Ok(None),
        }
    }
}
