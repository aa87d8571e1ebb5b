//! The subcommands as library functions: [`run`] parses a command line and runs `merge`, `check`
//! or `template` with two writers (stdout, stderr), returning how it ended, so tests can run any
//! command without spawning a process. The binary only maps the result to an exit code.

mod forms;
mod init;
mod mail;
mod usage;

pub use usage::thai_line as usage_in_thai;

use crate::cli::{CheckArgs, Cli, Command, MergeArgs};
use crate::compare::Previous;
use crate::config::{ConfigError, ReportConfig};
use crate::issue::Severity;
use crate::merge::{self, Merge, Readers};
use crate::model::ProjectRow;
use crate::output::{self, JsonPrevious, JsonReport, JsonSummary, Style};
use crate::progress::Progress;
use crate::read::{self, InputError, ReadOptions};
use crate::template::TemplateError;
use crate::write::{self, ListThread, Rounds, Summary, SummaryBook, WriteError};
use clap::Parser;
use std::ffi::OsString;
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

impl Outcome {
    fn of(errors: usize) -> Self {
        if errors == 0 {
            Outcome::Clean
        } else {
            Outcome::DataErrors
        }
    }
}

/// Which of the process's streams are terminals (colours, progress bar).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Terminals {
    /// stdout is a terminal.
    pub stdout: bool,
    /// stderr is a terminal.
    pub stderr: bool,
}

/// Why a command line did not run to its end.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// The command line itself: bad arguments (exit 2), or `--help`/`--version` (exit 0). clap
    /// renders it.
    #[error("{0}")]
    Usage(#[from] clap::Error),
    /// The command stopped (see [`CommandError::exit_code`]).
    #[error(transparent)]
    Command(#[from] CommandError),
}

impl Failure {
    /// The process exit code.
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Usage(e) => u8::try_from(e.exit_code()).unwrap_or(2),
            Failure::Command(e) => e.exit_code(),
        }
    }

    /// A reader that went away (`planmerge check … | head`): not an error to report.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Failure::Command(CommandError::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
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
    /// The inputs hold no spreadsheet at all (exit 2).
    #[error(
        "ไม่พบไฟล์ตาราง (.xlsx .xlsm .xls .xlsb .ods) ใน {0} — ตรวจว่าระบุโฟลเดอร์ถูก · \
         no spreadsheet (.xlsx .xlsm .xls .xlsb .ods) in {0}; check the folder"
    )]
    NoWorkbooks(String),
    /// The previous round cannot be read (exit 2).
    #[error("อ่านรอบก่อนไม่ได้ · cannot read the previous round: {0}")]
    Previous(String),
    /// The output path is one of the inputs (exit 2).
    #[error(
        "ไฟล์ผลลัพธ์ {0} เป็นไฟล์ข้อมูลของกอง จะไม่เขียนทับ — ใช้ -o ชื่ออื่น · \
         the output {0} is one of the input files; refusing to overwrite it (use -o)"
    )]
    OutputIsInput(String),
    /// The output path is the previous round's summary, or in its folder (exit 2).
    #[error(
        "ไฟล์ผลลัพธ์ {output} เป็นของรอบก่อน ({previous}) จะไม่เขียนทับ — ใช้ -o ที่อื่น · \
         the output {output} belongs to the previous round ({previous}); refusing to overwrite it (use -o)"
    )]
    OutputIsPrevious {
        /// The output asked for.
        output: String,
        /// The previous round, as named.
        previous: String,
    },
    /// The previous round given is this round or a later one (exit 2): comparing with it would
    /// call every project that moved on since a regression.
    #[error(
        "รอบก่อนที่ระบุ ({previous}) เป็นปีงบประมาณ {} รอบ {} เดือน ไม่ได้อยู่ก่อนรายงานนี้ (ปีงบประมาณ {} รอบ {} เดือน) จึงเทียบไม่ได้ — \
         ให้ previous ใน report.toml หรือ --previous ชี้ไปที่รอบก่อน (ปีงบประมาณ {} รอบ {} เดือน) · \
         the previous round given ({previous}) is fiscal year {}, {} months, not before this report (fiscal year {}, {} months); \
         point previous (report.toml) or --previous at fiscal year {}, {} months",
        found.0, found.1, this.0, this.1, expected.0, expected.1,
        found.0, found.1, this.0, this.1, expected.0, expected.1
    )]
    PreviousNotEarlier {
        /// The previous round, as named.
        previous: String,
        /// The fiscal year and round it says it is of.
        found: (u16, u8),
        /// This report's.
        this: (u16, u8),
        /// The round before this report's.
        expected: (u16, u8),
    },
    /// `template --from … --division NAME` found no file of that division (exit 2).
    #[error(
        "ไม่พบกอง \"{division}\" ใน {from} — กองที่พบ: {found} · \
         no division \"{division}\" in {from}; divisions found: {found}"
    )]
    UnknownDivision {
        /// The division asked for.
        division: String,
        /// Where we looked.
        from: String,
        /// The divisions found there, comma-separated (or "-").
        found: String,
    },
    /// `template --from` without `--division` writes a form per division: `-o` is a file (exit 2).
    #[error(
        "แบบฟอร์มของทุกกองต้องเขียนลงโฟลเดอร์ แต่ {0} เป็นไฟล์ — ใช้ -o ชื่อโฟลเดอร์ หรือระบุ --division · \
         a form per division goes into a folder, and {0} is a file: pass -o FOLDER, or --division"
    )]
    FormsNeedAFolder(String),
    /// `-o` names a file that is not an .xlsx workbook (exit 2).
    #[error(
        "ไฟล์ที่เขียนต้องเป็นสมุดงาน .xlsx แต่ได้ {0} — เช่น -o สรุปผล.xlsx · \
         the file written is an .xlsx workbook, and {0} is not such a name (e.g. -o summary.xlsx)"
    )]
    OutputNotXlsx(String),
    /// `template` would replace a file (exit 2): it may be a form a division has filled in.
    #[error(
        "มีไฟล์ {0} อยู่แล้ว อาจเป็นแบบฟอร์มที่กองกรอกแล้ว จะไม่เขียนทับ — ลบไฟล์เดิมก่อน หรือใช้ -o ที่อื่น · \
         {0} exists already (it may be a form filled in); it is never overwritten: remove it first, or pass -o elsewhere"
    )]
    FormExists(String),
    /// `serve` cannot listen on the address asked for (exit 2).
    #[error(
        "เปิดหน้าเว็บที่ {address} ไม่ได้: {} — ใช้ --listen ที่อยู่หรือพอร์ตอื่น เช่น 127.0.0.1:8081 · \
         cannot listen on {address}: {source}; pass --listen with another port",
        listen_reason(.source)
    )]
    Listen {
        /// The address.
        address: String,
        /// Why.
        source: std::io::Error,
    },
    /// `init` finds a report.toml already (exit 2): it is never overwritten.
    #[error(
        "มี {0} อยู่แล้ว จะไม่เขียนทับ — แก้ไฟล์นั้น หรือลบก่อน · {0} exists already; it is never overwritten"
    )]
    ConfigExists(String),
    /// The template could not be written (exit 3).
    #[error(transparent)]
    Template(#[from] TemplateError),
    /// The summary could not be written (exit 3).
    #[error(transparent)]
    Write(#[from] WriteError),
    /// The summary was not emailed (exit 2 or 3, see [`crate::mail::MailError::exit_code`]).
    #[error(transparent)]
    Mail(#[from] crate::mail::MailError),
    /// stdout/stderr failed (exit 3).
    #[error("เขียนผลลัพธ์ไม่ได้ · cannot write output: {0}")]
    Io(#[from] std::io::Error),
}

impl CommandError {
    /// The process exit code: 2 for usage and configuration, 3 for failing to write.
    pub fn exit_code(&self) -> u8 {
        match self {
            CommandError::Config(_)
            | CommandError::Input(_)
            | CommandError::NoWorkbooks(_)
            | CommandError::Previous(_)
            | CommandError::OutputIsInput(_)
            | CommandError::OutputIsPrevious { .. }
            | CommandError::PreviousNotEarlier { .. }
            | CommandError::UnknownDivision { .. }
            | CommandError::FormsNeedAFolder(_)
            | CommandError::OutputNotXlsx(_)
            | CommandError::FormExists(_)
            | CommandError::Listen { .. }
            | CommandError::ConfigExists(_) => 2,
            CommandError::Write(_) | CommandError::Template(_) | CommandError::Io(_) => 3,
            CommandError::Mail(error) => error.exit_code(),
        }
    }
}

/// Why an address cannot be listened on, in Thai.
fn listen_reason(error: &std::io::Error) -> &'static str {
    match error.kind() {
        std::io::ErrorKind::AddrInUse => "มีโปรแกรมอื่นใช้พอร์ตนี้อยู่ (หรือเปิด planmerge serve ไว้แล้ว)",
        std::io::ErrorKind::AddrNotAvailable => "เครื่องนี้ไม่มีที่อยู่นี้",
        std::io::ErrorKind::PermissionDenied => "ไม่มีสิทธิ์ใช้พอร์ตนี้ (พอร์ตต่ำกว่า 1024 ต้องเป็นผู้ดูแลระบบ)",
        _ => crate::schema::io::thai_reason(error),
    }
}

/// The one JSON document `--json` prints when the command did not run to its end.
fn failure_document(exit_code: i32, message: &str) -> serde_json::Value {
    serde_json::json!({
        "ok": false,
        "output": null,
        "failure": { "exit_code": exit_code, "message": message },
    })
}

/// Parses a command line (`args` starts with the program's name) and runs it.
pub fn run<I, T>(
    args: I,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    terminals: Terminals,
) -> Result<Outcome, Failure>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(usage) => {
            // --json promises one JSON document, for a mistyped command line too.
            if let Some(message) = usage::mistake_line(&usage)
                && args.iter().any(|a| {
                    let a = a.to_string_lossy();
                    a == "--json" || a.starts_with("--json=")
                })
            {
                let _ = writeln!(stdout, "{}", failure_document(usage.exit_code(), &message));
            }
            return Err(usage.into());
        }
    };
    let outcome = match &cli.command {
        Command::Merge(args) => {
            let style = Style::detect(terminals.stderr).with_progress(terminals.stderr);
            merge(args, stdout, stderr, style)
        }
        Command::Check(args) => {
            let style = Style::detect(terminals.stdout).with_progress(terminals.stderr);
            check(args, stdout, stderr, style)
        }
        Command::Template(args) => forms::run(args, stdout, stderr),
        Command::Mail(args) => mail::run(args, stdout, stderr),
        Command::Init(args) => init::run(args, stdout),
        Command::Serve(args) => serve(args, stdout),
    };
    let json = match &cli.command {
        Command::Merge(args) => args.json,
        Command::Check(args) => args.json,
        _ => false,
    };
    match outcome {
        Err(error) if json => {
            // The one JSON document --json promises, for a failure too (also said on stderr).
            let doc = failure_document(error.exit_code().into(), &error.to_string());
            let _ = writeln!(stdout, "{doc}");
            Err(error.into())
        }
        outcome => Ok(outcome?),
    }
}

/// `planmerge serve`: the drop box, until interrupted.
fn serve(args: &crate::cli::ServeArgs, stdout: &mut dyn Write) -> Result<Outcome, CommandError> {
    let (folder, config) = crate::serve::locate(args.folder.as_deref(), args.config.as_deref());
    if !folder.is_dir() {
        return Err(InputError::NotFound(folder.display().to_string()).into());
    }
    let config = ReportConfig::load(&config)?;
    let previous = previous_round(
        config.previous.as_deref(),
        &config,
        &ReadOptions::of(&config),
        stdout,
    )?;
    // The address is tried first: one in use is said as such (exit 2), not as a failed write.
    if let Err(source) = std::net::TcpListener::bind(args.listen) {
        return Err(CommandError::Listen {
            address: args.listen.to_string(),
            source,
        });
    }
    let options = crate::serve::ServeOptions {
        folder,
        config,
        listen: args.listen,
        new_codes: args.new_codes,
        previous,
    };
    crate::serve::run(options, stdout)?;
    Ok(Outcome::Clean)
}

/// The files of the inputs (spreadsheets, and what was sent instead of one); no spreadsheet at
/// all is a usage error, not an empty report.
fn workbooks(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, CommandError> {
    let files = read::collect_inputs(inputs)?;
    let given = |f: &PathBuf| inputs.contains(f);
    if !files
        .iter()
        .any(|f| read::is_spreadsheet_name(f) || given(f))
    {
        let named: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
        return Err(CommandError::NoWorkbooks(named.join(", ")));
    }
    Ok(files)
}

/// Whether `-o` names a folder by its spelling: it ends with `/` (made when missing).
fn names_a_folder(given: &Path) -> bool {
    given
        .as_os_str()
        .to_string_lossy()
        .ends_with(std::path::is_separator)
}

/// Where a written workbook goes: `-o` as given, or `default_name` inside it when it names a
/// folder (`-o รายงาน/`, created when it ends with `/` and is missing), as `cp` does. A name
/// without an extension gets `.xlsx`; any other extension than `.xlsx` is refused (a workbook
/// named `สรุป.pdf` or `report.toml` would open as neither).
fn output_in(given: &Path, default_name: &str) -> Result<PathBuf, CommandError> {
    if names_a_folder(given) && !given.exists() {
        std::fs::create_dir_all(given).map_err(|source| WriteError::Io {
            path: given.display().to_string(),
            source,
        })?;
    }
    if given.is_dir() {
        return Ok(given.join(default_name));
    }
    match given.extension() {
        None => Ok(given.with_extension("xlsx")),
        Some(ext) if ext.eq_ignore_ascii_case("xlsx") => Ok(given.to_path_buf()),
        Some(_) => Err(CommandError::OutputNotXlsx(given.display().to_string())),
    }
}

/// `planmerge merge`: read → validate → compute → write.
fn merge(
    args: &MergeArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    style: Style,
) -> Result<Outcome, CommandError> {
    // The inputs first: a folder name mistyped is said as such, not as a missing report.toml.
    let files = workbooks(&args.inputs)?;
    let config_path = ReportConfig::locate(args.config.as_deref(), &args.inputs)?;
    let config = ReportConfig::load(&config_path)?;
    if args.mail || args.mail_draft {
        mail::check_ready(&config)?;
    }
    let summary_file = output_in(&args.output, "summary.xlsx")?;
    refuse_overwriting_input(&summary_file, &files)?;
    let progress = Progress::new(files.len(), style.progress && !args.json);
    let options = ReadOptions::of(&config);
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
    let mut merge = match &previous {
        Some(p) => Merge::comparing(p.projects.clone()),
        None => Merge::default(),
    };
    let (year, round) = (config.fiscal_year, config.round);
    merge
        .issues
        .extend(previous.as_ref().and_then(|p| p.mismatch(year, round)));
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
    merge.one_file_per_division(&options);
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
    let written = match list.into_book(&summary).map_err(WriteError::from)? {
        Some(book) if errors == 0 || args.draft => {
            book.save(&summary_file, &summary)?;
            Some(summary_file.display().to_string())
        }
        _ => None,
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
        writeln!(
            human,
            "{}",
            crate::write::since_previous(&previous.totals, &totals)
        )?;
    }
    let worth_a_look = merge.issues.iter().any(|i| i.severity() != Severity::Note);
    if worth_a_look || errors > 0 {
        let report = output::issues_report(&merge.inputs, &merge.issues, style, false);
        write!(stderr, "{report}")?;
    }
    let human: &mut dyn Write = if args.json { stderr } else { stdout };
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
    let was_written = written.is_some();
    if args.json {
        let doc = JsonReport {
            ok: errors == 0,
            output: written,
            summary: Some(JsonSummary::from(&totals)),
            issues: &merge.issues,
            inputs: &merge.inputs,
            previous: previous.as_ref().map(JsonPrevious::from),
            changes: previous.as_ref().map(|_| changes.as_slice()),
        };
        print_json(stdout, &doc)?;
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
    let draft = summary.is_draft().then(|| summary.draft_text());
    let sendable = written.filter(|_| draft.is_none() || args.mail_draft);
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
        .map(|rounds| crate::write::since_previous(&rounds.previous.totals, summary.totals));
    mail::after_merge(
        summary.config,
        summary.totals,
        summary_file,
        draft.as_deref(),
        since_previous.as_deref(),
        args.resend,
        human,
    )
}

/// `planmerge check`: read and validate only; the report (or the JSON) goes to stdout, so that
/// `check … | less` shows it.
fn check(
    args: &CheckArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    style: Style,
) -> Result<Outcome, CommandError> {
    let files = workbooks(&args.inputs)?;
    let (config, config_path) = match ReportConfig::locate(args.config.as_deref(), &args.inputs) {
        Ok(path) => (Some(ReportConfig::load(&path)?), path.display().to_string()),
        Err(_) => (None, String::new()),
    };
    let options = config.as_ref().map(ReadOptions::of).unwrap_or_default();
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
    let mut merge = match &previous {
        Some(p) => Merge::comparing(p.projects.clone()),
        None => Merge::default(),
    };
    merge.files_only = args.inputs.iter().all(|p| p.is_file());
    if let (Some(p), Some(config)) = (&previous, &config) {
        merge
            .issues
            .extend(p.mismatch(config.fiscal_year, config.round));
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
    merge.one_file_per_division(&options);
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

/// The previous round, when one is named (`--previous`, or `previous` in report.toml): a
/// summary workbook planmerge wrote (its project list read back exactly), or a folder (or file)
/// of division workbooks read as this round's are. Its figures are those it reported
/// ([`as_reported`]). Problems in it are said on `human`, not counted: they belong to a round
/// already reported.
fn previous_round(
    path: Option<&Path>,
    config: &ReportConfig,
    options: &ReadOptions,
    human: &mut dyn Write,
) -> Result<Option<Previous>, CommandError> {
    let Some(path) = path else {
        return Ok(None);
    };
    let shown = path.display().to_string();
    if !path.exists() {
        return Err(CommandError::Previous(format!(
            "ไม่พบ {shown} — ตรวจ previous ใน report.toml หรือ --previous ให้ชี้ไปที่ไฟล์สรุปหรือโฟลเดอร์ของรอบก่อน · \
             {shown} does not exist; point previous (report.toml) or --previous at the earlier round's summary or folder"
        )));
    }
    let projects = if path.is_file() && read::is_summary_workbook(path) {
        summary_projects(path)?
    } else {
        let files = workbooks(&[path.to_path_buf()])?;
        let merged = crate::read_and_validate_with(&files, options);
        let errors = merged.errors();
        if let Some(first) = merged.issues.iter().find(|i| i.is_error()) {
            writeln!(
                human,
                "รอบก่อน ({shown}) มีข้อผิดพลาด {errors} รายการ แถวที่ผิดไม่ได้นำมาเทียบ (รายการแรก: {}) · \
                 the previous round has {errors} error(s); rows with errors are not compared (the first: {})",
                first.location, first.location
            )?;
        }
        merged.projects
    };
    let (totals, round) = as_reported(path, &projects, config);
    let this = (config.fiscal_year, config.round);
    if let Some(found) = round.filter(|found| *found >= this) {
        return Err(CommandError::PreviousNotEarlier {
            previous: shown,
            found,
            this,
            expected: Previous::expected(this.0, this.1),
        });
    }
    Ok(Some(Previous {
        file: shown,
        projects,
        totals,
        round,
    }))
}

/// An earlier round's figures as it reported them, and the fiscal year and round it says it is
/// of: a summary's own figures and title, or its folder's projects computed with that folder's
/// report.toml (its `initial_projects`, its levels). Without either, the projects computed with
/// this round's configuration, and no round.
fn as_reported(
    path: &Path,
    projects: &[ProjectRow],
    config: &ReportConfig,
) -> (crate::compute::ReportTotals, Option<(u16, u8)>) {
    let summary = path
        .is_file()
        .then(|| std::fs::read(path).ok())
        .flatten()
        .and_then(|bytes| crate::mail::figures::read_figures(&bytes).ok());
    if let Some(figures) = summary {
        let round = crate::compare::round_in_title(&figures.title);
        return (figures.totals, round);
    }
    let own = path.is_dir().then(|| path.join(crate::config::FILE_NAME));
    match own.and_then(|file| ReportConfig::load(&file).ok()) {
        Some(own) => {
            let round = Some((own.fiscal_year, own.round));
            (crate::compute::compute(projects, &own), round)
        }
        None => (crate::compute::compute(projects, config), None),
    }
}

/// The files of `files` that are division workbooks: not planmerge's own summaries (each
/// opened to tell).
fn division_files(files: &[PathBuf]) -> Vec<&PathBuf> {
    files
        .iter()
        .filter(|f| !read::is_summary_workbook(f))
        .collect()
}

/// The divisions the names of division workbooks suggest, once each
/// ([`crate::schema::division_suggested`]): `สำนักปลัด_แก้ไข.xlsx` makes no division of its
/// own; [`division_files`] leaves `summary.xlsx` out first.
fn suggested_divisions(workbooks: &[&PathBuf]) -> Vec<String> {
    crate::schema::distinct_divisions(
        workbooks
            .iter()
            .map(|f| crate::schema::division_suggested(f)),
    )
}

/// Every project of a summary workbook written by planmerge, read back.
fn summary_projects(path: &Path) -> Result<Vec<ProjectRow>, CommandError> {
    read::summary::read_summary_projects(path).map_err(|problem| {
        let place = crate::model::Location::file(&path.display().to_string());
        CommandError::Previous(crate::issue::Issue::new(problem, place).message())
    })
}

fn print_json(stdout: &mut dyn Write, doc: &JsonReport<'_>) -> Result<(), CommandError> {
    serde_json::to_writer_pretty(&mut *stdout, doc).map_err(std::io::Error::from)?;
    writeln!(stdout)?;
    Ok(())
}

/// Whether `file` would be written inside the folder `folder` (at any depth): the previous
/// round's folder keeps its own summary, which the next round's must not replace.
fn in_folder(file: &Path, folder: &Path) -> bool {
    let parent = file.parent().filter(|p| !p.as_os_str().is_empty());
    let parent = parent.unwrap_or(Path::new(".")).canonicalize();
    match (parent, folder.canonicalize()) {
        (Ok(parent), Ok(folder)) => folder.is_dir() && parent.starts_with(&folder),
        _ => false,
    }
}

/// Whether two paths name one existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The output may replace an earlier summary, never a division's workbook. Checked before any
/// file is read.
fn refuse_overwriting_input(output: &Path, files: &[PathBuf]) -> Result<(), CommandError> {
    for file in files {
        if same_file(file, output) && !read::is_summary_workbook(file) {
            return Err(CommandError::OutputIsInput(file.display().to_string()));
        }
    }
    Ok(())
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
