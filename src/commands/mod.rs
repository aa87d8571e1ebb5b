//! The subcommands as library functions: [`run`] parses a command line and runs `merge`, `check`
//! or `template` with two writers (stdout, stderr), returning how it ended, so tests can run any
//! command without spawning a process. The binary only maps the result to an exit code.

mod check;
mod forms;
mod init;
mod mail;
mod merge;
mod previous;
mod usage;

pub use usage::thai_line as usage_in_thai;

use previous::{previous_round, summary_projects};

use crate::cli::{Cli, Command};
use crate::config::{ConfigError, ReportConfig};
use crate::output::{JsonReport, Style, UntilClosed};
use crate::read::{self, InputError, ReadOptions};
use crate::template::TemplateError;
use crate::write::WriteError;
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
    /// 3 — the inputs were read and the figures shown, but the summary could not be saved
    /// (disk full, permissions): said on stderr, and as `failure` in the `--json` document
    /// beside the figures and the issues.
    NotWritten = 3,
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
    /// The inputs hold no spreadsheet but summaries planmerge wrote (exit 2): they are skipped,
    /// and a report of nothing would be all zeros.
    #[error(
        "ใน {inputs} มีแต่ไฟล์สรุปที่ planmerge เขียนไว้ ({summaries}) ไม่มีไฟล์ของกอง — ตรวจว่าระบุโฟลเดอร์ถูก · \
         {inputs} holds no division's workbook, only summaries planmerge wrote ({summaries}); check the folder"
    )]
    OnlySummaries {
        /// The inputs, as named.
        inputs: String,
        /// The summaries found, as named.
        summaries: String,
    },
    /// The previous round cannot be read (exit 2).
    #[error("อ่านรอบก่อนไม่ได้ · cannot read the previous round: {0}")]
    Previous(String),
    /// The output path is one of the inputs (exit 2).
    #[error(
        "ไฟล์ผลลัพธ์ {0} เป็นไฟล์ข้อมูลของกอง จะไม่เขียนทับ — ใช้ -o ชื่ออื่น · \
         the output {0} is one of the input files; refusing to overwrite it (use -o)"
    )]
    OutputIsInput(String),
    /// The output names an existing file that is not a summary planmerge wrote (exit 2): a
    /// division's workbook not among the inputs, or any other workbook, is never replaced.
    #[error(
        "มีไฟล์ {0} อยู่แล้ว และไม่ใช่ไฟล์สรุปที่ planmerge เขียน จะไม่เขียนทับ — ใช้ -o ชื่ออื่น เช่น -o สรุปผล.xlsx · \
         {0} exists and is not a summary planmerge wrote; it is never overwritten: pass -o with another name"
    )]
    OutputNotSummary(String),
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
            | CommandError::OnlySummaries { .. }
            | CommandError::Previous(_)
            | CommandError::OutputIsInput(_)
            | CommandError::OutputNotSummary(_)
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
    // A reader gone (`… | head`) takes the rest of the output and changes nothing else: the
    // command runs to its end and the exit code is what it found.
    let (stdout, stderr) = (
        &mut UntilClosed::new(stdout) as &mut dyn Write,
        &mut UntilClosed::new(stderr) as &mut dyn Write,
    );
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
            merge::run(args, stdout, stderr, style)
        }
        Command::Check(args) => {
            let style = Style::detect(terminals.stdout).with_progress(terminals.stderr);
            check::run(args, stdout, stderr, style)
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

/// The files of the inputs (spreadsheets, and what was sent instead of one) with what could not
/// be walked. No spreadsheet at all, or none but summaries planmerge wrote, is a usage error
/// (the wrong folder, most likely), not an empty report — unless a folder could not be listed:
/// that error is the report's (`folder-unreadable`, exit 1).
fn workbooks(inputs: &[PathBuf]) -> Result<read::Walked, CommandError> {
    let walked = read::collect_inputs(inputs)?;
    let given = |f: &PathBuf| inputs.contains(f) && !read::is_spreadsheet_name(f);
    if walked.files.iter().any(given) || walked.issues.iter().any(|i| i.is_error()) {
        return Ok(walked);
    }
    let named = || {
        let named: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
        named.join(", ")
    };
    let spreadsheets: Vec<&PathBuf> = walked
        .files
        .iter()
        .filter(|f| read::is_spreadsheet_name(f))
        .collect();
    if spreadsheets.is_empty() {
        return Err(CommandError::NoWorkbooks(named()));
    }
    if spreadsheets.iter().all(|f| read::is_summary_workbook(f)) {
        let summaries: Vec<String> = spreadsheets
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        return Err(CommandError::OnlySummaries {
            inputs: named(),
            summaries: summaries.join(", "),
        });
    }
    Ok(walked)
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

/// The summary may replace a summary planmerge wrote, never any other file: an input is said
/// as such ([`refuse_overwriting_input`]); any other existing file that is not a summary
/// (recognised by its sheets, as `summary-skipped` is) is refused (exit 2), and a read-only
/// summary is not replaced (exit 3). Checked before any file is read.
fn refuse_replacing(output: &Path, files: &[PathBuf]) -> Result<(), CommandError> {
    refuse_overwriting_input(output, files)?;
    if output.exists() && !read::is_summary_workbook(output) {
        return Err(CommandError::OutputNotSummary(output.display().to_string()));
    }
    Ok(crate::write::check_replaceable(output)?)
}
