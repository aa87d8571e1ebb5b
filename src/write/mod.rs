//! ReportTotals + projects → the summary workbook (xlsx). One file per sheet family; every
//! Format lives in `styles.rs`. The file is written to a temporary name in the output folder and
//! renamed, so an interrupted run never leaves a half-written summary.
//!
//! Sheets, in order: สรุปผล (the chapter-3 tables), รายการโครงการ (the project list),
//! สรุปผลการขับเคลื่อนแผนฯ (the sentences), รายกอง (per division), แผนภูมิ (charts),
//! ตรวจสอบข้อมูล (inputs and issues). This module does no arithmetic: every figure comes from
//! `compute`; Decimal becomes f64 only in the write call ([`num`]).

mod audit;
mod charts;
mod compare;
mod divisions;
mod drive;
mod projects;
pub(crate) mod styles;
mod summary;

pub use drive::{since_previous, summary_sentences};
pub use projects::shared_folder;
pub use summary::Layout;

use crate::compute::ReportTotals;
use crate::config::ReportConfig;
use crate::issue::Issue;
use crate::model::ProjectRow;
use crate::read::InputFile;
use crate::schema::{
    SHEET_AUDIT, SHEET_CHARTS, SHEET_COMPARE, SHEET_DIVISIONS, SHEET_DRIVE, SHEET_PROJECTS,
    SHEET_SUMMARY,
};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet, XlsxError};
use std::path::{Path, PathBuf};
use std::sync::mpsc::SyncSender;
use std::thread::JoinHandle;
use styles::Styles;
use zip::result::ZipError;

/// How the banner of a report missing divisions begins (the mail reads it back by this).
pub const PARTIAL: &str = "ข้อมูลยังไม่ครบ";

/// Everything the summary workbook shows.
#[derive(Debug, Clone, Copy)]
pub struct Summary<'a> {
    /// The report's configuration (title, organization, reporter…).
    pub config: &'a ReportConfig,
    /// Every figure.
    pub totals: &'a ReportTotals,
    /// Every input file read (with the projects each contributed).
    pub inputs: &'a [InputFile],
    /// Every issue found (errors and warnings).
    pub issues: &'a [Issue],
    /// Number of errors; when > 0 the workbook is a draft and says so on every sheet.
    pub errors: usize,
    /// The previous round and what changed since (the เทียบรอบก่อน sheet), when compared.
    pub previous: Option<Rounds<'a>>,
}

/// The previous round beside this one: what it was and what changed.
#[derive(Debug, Clone, Copy)]
pub struct Rounds<'a> {
    /// The previous round as read.
    pub previous: &'a crate::compare::Previous,
    /// Every change between the rounds.
    pub changes: &'a [crate::compare::Change],
}

impl Summary<'_> {
    /// `true` when the workbook must carry the draft banner.
    pub fn is_draft(&self) -> bool {
        self.errors > 0
    }

    /// ร่าง — มีข้อผิดพลาด N รายการ
    pub fn draft_text(&self) -> String {
        format!("ร่าง — มีข้อผิดพลาด {} รายการ", self.errors)
    }

    /// The divisions listed in `report.toml` with no file counted this round
    /// (`division-missing`), in the order said: the figures leave them out.
    pub fn missing_divisions(&self) -> Vec<&str> {
        let mut missing: Vec<&str> = Vec::new();
        for issue in self.issues {
            if let crate::issue::Problem::DivisionMissing { division, .. } = &issue.problem
                && !missing.contains(&division.as_str())
            {
                missing.push(division);
            }
        }
        missing
    }

    /// The divisions whose file was read with a project table and nothing under it
    /// (`table-empty`), and no project from another file: they sent a file, so they are not
    /// missing, yet no row of theirs is among the figures' divisions. รายกอง names them.
    pub fn empty_divisions(&self) -> Vec<&str> {
        let mut empty: Vec<&str> = Vec::new();
        for issue in self.issues {
            if !matches!(issue.problem, crate::issue::Problem::TableEmpty) {
                continue;
            }
            let Some(input) = self.inputs.iter().find(|i| *i.file == *issue.location.file) else {
                continue;
            };
            let division = input.division.as_str();
            let counted = self.totals.divisions.iter().any(|d| d.division == division);
            if !division.is_empty() && !counted && !empty.contains(&division) {
                empty.push(division);
            }
        }
        empty
    }

    /// `ข้อมูลยังไม่ครบ — ยังไม่ได้รับไฟล์ของ กองช่าง, กองสาธารณสุข`, when divisions are missing:
    /// a printed page must not read as the whole organization's.
    pub fn partial_text(&self) -> Option<String> {
        const NAMED: usize = 5;
        let missing = self.missing_divisions();
        if missing.is_empty() {
            return None;
        }
        let mut named = missing[..missing.len().min(NAMED)].join(", ");
        if missing.len() > NAMED {
            named.push_str(&format!(" และอีก {} กอง", missing.len() - NAMED));
        }
        Some(format!(
            "{PARTIAL} — ยังไม่ได้รับไฟล์ของ {named} (ตัวเลขยังไม่รวมกองเหล่านี้)"
        ))
    }

    /// The banner over every sheet written once the figures are known: the draft's, the
    /// partial report's, or both.
    pub fn banner_text(&self) -> Option<String> {
        let draft = self.is_draft().then(|| self.draft_text());
        match (draft, self.partial_text()) {
            (Some(draft), Some(partial)) => Some(format!("{draft} · {partial}")),
            (draft, partial) => draft.or(partial),
        }
    }

    /// `ประจำปีงบประมาณ พ.ศ. 2565 รอบ 6 เดือน` (the seed's titles)
    fn period(&self) -> String {
        format!(
            "ประจำปีงบประมาณ พ.ศ. {} รอบ {} เดือน",
            self.config.fiscal_year, self.config.round
        )
    }

    /// `ประจำปีงบประมาณ พ.ศ. 2565 รอบ 12 เดือน (ตุลาคม 2564 – กันยายน 2565)`
    fn period_with_months(&self) -> String {
        let months = crate::schema::time::round_period(self.config.fiscal_year, self.config.round);
        format!("ประจำปีงบประมาณ พ.ศ. {} {months}", self.config.fiscal_year)
    }

    /// `** ข้อมูล ณ วันที่ 21 เมษายน 2565`
    fn as_of_line(&self) -> String {
        format!("** ข้อมูล ณ วันที่ {}", self.config.as_of.thai())
    }
}

/// A failure to write the summary (a program failure, not a data issue).
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// rust_xlsxwriter refused something.
    #[error("เขียนไฟล์สรุปไม่ได้ · cannot build the summary workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// The file to be replaced is marked read-only: it is left as it is, not replaced (the
    /// rename would otherwise drop the mark along with the file).
    #[error(
        "ไฟล์ {path} ตั้งไว้เป็นอ่านอย่างเดียว (read-only) จะไม่เขียนทับ — เอาเครื่องหมายอ่านอย่างเดียวออก \
         (คลิกขวา › Properties › Read-only) หรือใช้ -o ชื่ออื่น · \
         {path} is read-only; it is not replaced: clear its read-only mark, or pass -o with another name"
    )]
    ReadOnly {
        /// The output path.
        path: String,
    },
    /// The file system refused.
    #[error("บันทึกไฟล์ {path} ไม่ได้: {} · cannot save {path}: {source}", crate::schema::io::thai_reason(.source))]
    Io {
        /// The output path.
        path: String,
        /// Why.
        source: std::io::Error,
    },
}

/// Project lists longer than this are compressed at the fastest level, and their rows past this
/// many keep the default height (a list that long is read on screen, not printed).
pub(crate) const LARGE_LIST: u32 = 20_000;

/// The summary workbook while it is written: the project list (รายการโครงการ) takes projects
/// one at a time as the merge hands them over and streams them to a temporary file, so a
/// province's million rows are never held; the other sheets are added by [`Self::finish`] once
/// every figure is known.
pub struct SummaryBook {
    workbook: Workbook,
    styles: Styles,
    list: projects::ProjectList,
}

/// Position of the project list among the sheets.
const LIST_INDEX: usize = 1;

impl SummaryBook {
    /// Starts the workbook and the project list's title and header. `draft` is the banner the
    /// list opens with; it must be known now, before any project is written under it. The
    /// list's source column names files below `folder` ([`projects::shared_folder`]).
    pub fn new(
        config: &ReportConfig,
        draft: Option<&str>,
        folder: String,
    ) -> Result<Self, XlsxError> {
        let styles = Styles::new();
        let mut workbook = Workbook::new();
        workbook.set_default_format(
            &styles.base,
            styles::ROW_HEIGHT_PX,
            styles::COLUMN_WIDTH_PX,
        )?;
        // สรุปผล comes first; it is filled in when the figures are known.
        new_sheet(&mut workbook, SHEET_SUMMARY)?;
        let sheet = workbook.add_worksheet_with_constant_memory()?;
        sheet.set_name(SHEET_PROJECTS)?;
        let list = projects::ProjectList::begin(sheet, config, draft, folder, &styles)?;
        Ok(SummaryBook {
            workbook,
            styles,
            list,
        })
    }

    /// The workbook for a list held whole (a draft, whose banner is known only once every file
    /// is read), its projects written in the order given.
    pub fn with_projects(
        summary: &Summary<'_>,
        projects: impl IntoIterator<Item = ProjectRow>,
    ) -> Result<Self, XlsxError> {
        let folder = projects::shared_folder(summary.inputs.iter().map(|i| Path::new(&i.file)));
        let banner = summary.banner_text();
        let mut book = SummaryBook::new(summary.config, banner.as_deref(), folder)?;
        for project in projects {
            book.push(project)?;
        }
        Ok(book)
    }

    /// Appends one project to the list (numbered in the order given).
    pub fn push(&mut self, project: ProjectRow) -> Result<(), XlsxError> {
        let sheet = self.workbook.worksheet_from_index(LIST_INDEX)?;
        self.list.push(sheet, project)
    }

    /// Adds every other sheet, for the figures in `summary`.
    pub fn finish(mut self, summary: &Summary<'_>) -> Result<Workbook, XlsxError> {
        let (workbook, styles) = (&mut self.workbook, &self.styles);
        if self.list.count() > LARGE_LIST {
            // Compressing a huge list at zlib's fastest level costs a slightly larger file and
            // saves most of the time spent in deflate.
            workbook.set_zip_compression_level(1);
        }
        workbook.set_properties(&properties(summary));
        summary::write(workbook.worksheet_from_index(0)?, summary, styles)?;
        let list = workbook.worksheet_from_index(LIST_INDEX)?;
        page_setup(list, summary);
        self.list.finish(list, styles)?;
        if let Some(rounds) = summary.previous {
            compare::write(new_sheet(workbook, SHEET_COMPARE)?, summary, rounds, styles)?;
        }
        drive::write(new_sheet(workbook, SHEET_DRIVE)?, summary, styles)?;
        divisions::write(new_sheet(workbook, SHEET_DIVISIONS)?, summary, styles)?;
        charts::write(new_sheet(workbook, SHEET_CHARTS)?, summary, styles)?;
        audit::write(new_sheet(workbook, SHEET_AUDIT)?, summary, styles)?;
        Ok(self.workbook)
    }

    /// [`Self::finish`], then saves to `path` atomically (temp file + rename). The workbook is
    /// let go on a thread of its own while the file is renamed: closing a long list's temporary
    /// file (75 MB at 100,000 projects) and replacing the previous summary each make the kernel
    /// drop their pages, and the two need not wait for each other.
    pub fn save(self, path: &Path, summary: &Summary<'_>) -> Result<(), WriteError> {
        let mut workbook = self.finish(summary)?;
        save_temp(&mut workbook, path).and_then(|temp| {
            let closing = std::thread::Builder::new()
                .name("close-list".into())
                .spawn(move || drop(workbook));
            let renamed = rename_into_place(&temp, path);
            if let Ok(closing) = closing {
                let _ = closing.join();
            }
            renamed
        })
    }
}

/// A [`SummaryBook`] whose project list is written on a thread of its own, so that writing the
/// list overlaps reading the files. Projects are sent a chunk at a time; a writer that falls
/// behind makes the sender wait (a few chunks are queued at most), so memory stays bounded.
pub struct ListThread {
    sender: Option<SyncSender<Vec<ProjectRow>>>,
    handle: Option<JoinHandle<Result<SummaryBook, XlsxError>>>,
}

/// Chunks of projects queued for the writer thread.
const QUEUED_CHUNKS: usize = 4;

impl ListThread {
    /// Starts a summary without the draft banner and its writer thread; the list's source
    /// column names files below `folder` ([`projects::shared_folder`] of the inputs).
    pub fn start(config: &ReportConfig, folder: String) -> Self {
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<ProjectRow>>(QUEUED_CHUNKS);
        let config = config.clone();
        let writer = std::thread::Builder::new().name("list-writer".into());
        let handle = writer.spawn(move || {
            let mut book = SummaryBook::new(&config, None, folder)?;
            for projects in receiver {
                for project in projects {
                    book.push(project)?;
                }
            }
            Ok(book)
        });
        // As `std::thread::spawn` does: a thread the system will not start is a panic.
        let handle = handle.unwrap_or_else(|error| panic!("cannot start the list writer: {error}"));
        ListThread {
            sender: Some(sender),
            handle: Some(handle),
        }
    }

    /// Appends projects to the list (waits while the writer is behind). A writer that
    /// has failed takes no more; its error comes from [`Self::finish`].
    pub fn send(&self, projects: Vec<ProjectRow>) {
        if let Some(sender) = &self.sender {
            let _ = sender.send(projects);
        }
    }

    /// Waits for the writer to write every project sent, and returns the workbook.
    pub fn finish(mut self) -> Result<SummaryBook, XlsxError> {
        self.sender = None;
        match self.handle.take().map(JoinHandle::join) {
            Some(Ok(book)) => book,
            Some(Err(panic)) => std::panic::resume_unwind(panic),
            None => Err(XlsxError::ParameterError(
                "list writer already finished".into(),
            )),
        }
    }
}

impl Drop for ListThread {
    /// A list abandoned (errors in the data) is still closed before the program goes on, so its
    /// temporary file is gone when the program ends.
    fn drop(&mut self) {
        self.sender = None;
        if let Some(handle) = self.handle.take() {
            let _ = handle.join();
        }
    }
}

/// Document properties: title, organization, author.
fn properties(summary: &Summary<'_>) -> DocProperties {
    let config = summary.config;
    let mut title = format!(
        "รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต {}",
        summary.period_with_months()
    );
    if summary.is_draft() {
        title = format!("{} — {title}", summary.draft_text());
    }
    DocProperties::new()
        .set_title(title)
        .set_subject(format!(
            "รายงานการติดตามประเมินผลการดำเนินงาน ของ{}",
            config.organization
        ))
        .set_company(&config.organization)
        .set_author(&config.reporter_name)
        .set_manager(&config.organization)
        .set_category("แผนปฏิบัติการป้องกันการทุจริต")
        .set_keywords("planmerge, e-PlanNACC")
        .set_custom_property(crate::schema::SUMMARY_PROPERTY, env!("CARGO_PKG_VERSION"))
        .set_comment(summary.as_of_line())
        .set_creation_datetime(&created(config))
}

/// The workbook's creation date: the as-of date, not the clock, so the same inputs give the
/// same bytes — and the same SHA-256, by which a retried `merge --mail` is known as sent.
fn created(config: &ReportConfig) -> ExcelDateTime {
    let date = config.as_of;
    let (year, month, day) = (date.year as u16, date.month as u8, date.day as u8);
    ExcelDateTime::from_ymd(year, month, day).unwrap_or_default()
}

/// Adds a named sheet; the name is checked by rust_xlsxwriter (31 characters, no `[]:*?/\`).
fn new_sheet<'w>(workbook: &'w mut Workbook, name: &str) -> Result<&'w mut Worksheet, XlsxError> {
    let sheet = workbook.add_worksheet();
    sheet.set_name(name)?;
    Ok(sheet)
}

/// Decimal → f64, only at the write call (no arithmetic happens on the result).
pub(crate) fn num(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// The common print setup: A4 landscape, one page wide, page numbers in the footer, and the
/// banner's warning ([`Summary::banner_text`]: a draft, divisions missing) in the page header.
pub(crate) fn page_setup(sheet: &mut Worksheet, summary: &Summary<'_>) {
    sheet
        .set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_print_center_horizontally(true)
        .set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3)
        .set_footer("&C&\"TH Sarabun New\"&14&P / &N");
    if let Some(banner) = summary.banner_text() {
        sheet.set_header(format!("&C&\"TH Sarabun New,Bold\"&18&KC00000{banner}"));
    }
}

/// When the workbook is a draft or misses divisions ([`Summary::banner_text`]), writes the
/// banner merged across columns `0..=last_col` on the first row and returns the first free row
/// below it; otherwise returns 0.
pub(crate) fn banner(
    sheet: &mut Worksheet,
    summary: &Summary<'_>,
    styles: &Styles,
    widths: &[f64],
    last_col: u16,
) -> Result<u32, XlsxError> {
    banner_text(
        sheet,
        summary.banner_text().as_deref(),
        styles,
        widths,
        last_col,
    )
}

/// [`banner`] for a given text (none: no banner), wrapped over as many lines as the columns
/// `0..=last_col` (`widths`, Excel's default for those past it) need at its size.
pub(crate) fn banner_text(
    sheet: &mut Worksheet,
    text: Option<&str>,
    styles: &Styles,
    widths: &[f64],
    last_col: u16,
) -> Result<u32, XlsxError> {
    let Some(text) = text else {
        return Ok(0);
    };
    const DEFAULT_WIDTH: f64 = 8.43;
    let width: f64 = (0..=usize::from(last_col))
        .map(|c| widths.get(c).copied().unwrap_or(DEFAULT_WIDTH))
        .sum();
    let lines = lines_needed(text, width, styles::BANNER_SIZE);
    sheet.merge_range(0, 0, 0, last_col, text, &styles.banner)?;
    let height = (BANNER_LINE_PT * f64::from(lines) + ROW_PAD_PT).max(40.0);
    sheet.set_row_height(0, height.min(MAX_ROW_PT))?;
    Ok(2)
}

/// Points of row height per line of the banner's text.
const BANNER_LINE_PT: f64 = 36.0;

/// Sets fixed column widths (character units), first column first. No autofit: it mis-measures
/// Thai combining marks.
pub(crate) fn set_widths(sheet: &mut Worksheet, widths: &[f64]) -> Result<(), XlsxError> {
    for (col, width) in (0u16..).zip(widths) {
        sheet.set_column_width(col, *width)?;
    }
    Ok(())
}

/// Points of row height per printed line of 16 pt TH Sarabun New (its line gap is large; at 23
/// a name of three lines touched the cell's bottom border in LibreOffice's rendering).
const LINE_PT: f64 = 24.0;
/// Points of row height above and below the lines.
const ROW_PAD_PT: f64 = 6.0;
/// Characters of Thai text (combining marks not counted) per unit of column width at 16 pt,
/// measured on a LibreOffice rendering and rounded down to leave room for line breaks at word
/// boundaries.
const CHARS_PER_WIDTH: f64 = 0.9;

/// The tallest row Excel allows, in points: a taller height is refused or cut by Excel.
pub(crate) const MAX_ROW_PT: f64 = 409.0;

/// Row height in points for `lines` lines of 16 pt text, at most [`MAX_ROW_PT`] (a remark of
/// a thousand letters shows its first 16 lines; the cell keeps all of it).
pub(crate) fn height_for_lines(lines: u32) -> f64 {
    (LINE_PT * f64::from(lines.max(1)) + ROW_PAD_PT).min(MAX_ROW_PT)
}

/// How many printed lines `text` needs in a wrapped column `width` characters wide, for a font
/// `size` points high. Thai above/below marks take no width and are not counted; explicit
/// newlines start a line. An estimate: rows are given explicit heights because neither Excel
/// nor LibreOffice grows a row for wrapped Thai text reliably.
pub(crate) fn lines_needed(text: &str, width: f64, size: f64) -> u32 {
    let per_line = (width * CHARS_PER_WIDTH * styles::FONT_SIZE / size)
        .floor()
        .max(1.0);
    text.split('\n')
        .map(|line| {
            let spacing: f64 = line.chars().map(advance).sum();
            ((spacing / per_line).ceil() as u32).max(1)
        })
        .sum()
}

/// How wide a character prints, in Thai characters: Thai marks take no width; spaces and
/// punctuation about half of one, Latin letters and digits a little less than one (a source
/// such as `กองคลัง.xlsx › แผน › แถว 8` is narrower than its length in Thai letters).
fn advance(c: char) -> f64 {
    match c {
        _ if is_thai_mark(c) => 0.0,
        ' ' | '.' | ',' | ':' | ';' | '\'' | '"' | '(' | ')' | '-' | '/' | '›' => 0.5,
        'a'..='z' | '0'..='9' => 0.8,
        _ => 1.0,
    }
}

/// Thai combining marks (vowels above/below, tone marks): no advance width.
fn is_thai_mark(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}

/// Sets the height of `row` to fit the tallest of `cells` (text, column width, font size);
/// one-line rows keep the default height.
pub(crate) fn fit_row(
    sheet: &mut Worksheet,
    row: u32,
    cells: &[(&str, f64, f64)],
) -> Result<(), XlsxError> {
    let lines = cells
        .iter()
        .map(|(text, width, size)| lines_needed(text, *width, *size))
        .max()
        .unwrap_or(1);
    if lines > 1 {
        sheet.set_row_height(row, height_for_lines(lines))?;
    }
    Ok(())
}

/// Saves to `.NAME.tmp-PID` beside `path`, then renames over `path`; the temporary file is
/// removed when anything fails.
pub(crate) fn save_atomically(workbook: &mut Workbook, path: &Path) -> Result<(), WriteError> {
    let temp = save_temp(workbook, path)?;
    rename_into_place(&temp, path)
}

/// Refuses to replace `path` when it exists and is marked read-only: a rename over it would
/// replace it all the same, and drop the mark. A missing file is no obstacle.
pub fn check_replaceable(path: &Path) -> Result<(), WriteError> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() && meta.permissions().readonly() => Err(WriteError::ReadOnly {
            path: path.display().to_string(),
        }),
        _ => Ok(()),
    }
}

/// Saves `workbook` beside `path` under a temporary name ([`temp_path`]), and returns that name.
fn save_temp(workbook: &mut Workbook, path: &Path) -> Result<PathBuf, WriteError> {
    check_replaceable(path)?;
    let temp = temp_path(path);
    if let Err(e) = workbook.save(&temp) {
        let _ = std::fs::remove_file(&temp);
        return Err(match e {
            XlsxError::IoError(source) | XlsxError::ZipError(ZipError::Io(source)) => {
                io_error(path, source)
            }
            other => WriteError::Xlsx(other),
        });
    }
    Ok(temp)
}

/// Renames the saved `temp` to `path` (one step: readers see the old file or the new, never
/// half of one).
fn rename_into_place(temp: &Path, path: &Path) -> Result<(), WriteError> {
    std::fs::rename(temp, path).map_err(|source| {
        let _ = std::fs::remove_file(temp);
        io_error(path, source)
    })
}

fn io_error(path: &Path, source: std::io::Error) -> WriteError {
    WriteError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// `dir/.summary.xlsx.tmp-1234` for `dir/summary.xlsx`.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "summary.xlsx".to_string());
    let temp_name = format!(".{name}.tmp-{}", std::process::id());
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.join(temp_name),
        _ => PathBuf::from(temp_name),
    }
}

#[cfg(test)]
mod tests;
