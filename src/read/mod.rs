//! Spreadsheet files in, raw rows out: walk the inputs, open each file by its format, hand every
//! sheet to the table finder. No judgement about what a value means (that is `validate`).

/// One cell to text or number: Thai digits, normalisation, money, ticks.
pub mod cell;
/// Checks made before calamine sees the bytes: compound-file structure, sheet extent.
pub mod guard;
/// Header rows: fields, second header rows, columns per fiscal year.
pub mod header;
/// Header rows, column mapping, repeated page headers.
pub mod table;

use serde::Serialize;

/// One input file as read, for the audit trail (ตรวจสอบข้อมูล) and `--json`'s `inputs`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputFile {
    /// The path as shown to the user.
    pub file: String,
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
    /// Names of the sheets that hold a project table.
    pub sheets: Vec<String>,
    /// What was understood of each of those sheets' tables (`check --explain`).
    pub tables: Vec<TableExplain>,
    /// Non-blank data rows read under a header (projects + rows refused).
    pub rows: usize,
    /// Projects of this file counted in the report (rows read less those refused); set by the
    /// merge, 0 until then.
    pub counted: usize,
    /// Issues of one code beyond [`crate::issue::KEPT_PER_CODE`], counted but not listed; set
    /// by the merge.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub omitted: Vec<Omitted>,
}

impl InputFile {
    /// A file as named to the user, with the SHA-256 of its bytes; nothing read yet.
    pub fn new(file: &str, sha256: String) -> Self {
        InputFile {
            file: file.to_string(),
            sha256,
            sheets: Vec::new(),
            tables: Vec::new(),
            rows: 0,
            counted: 0,
            omitted: Vec::new(),
        }
    }
}

use crate::config::ReportConfig;
use crate::issue::{Issue, IssueList, Omitted, Problem};
use crate::model::Location;
use crate::schema::HeaderWords;
use calamine::{Data, Ods, Range, Reader, SheetType, SheetVisible, Xls, Xlsb, Xlsx};
use cell::Cell;
use sha2::{Digest, Sha256};
use std::io::Cursor;
use std::path::{Path, PathBuf};
use table::{RawRow, SheetRow, SheetTables, TableExplain, TableFinder};

/// File extensions read as spreadsheets.
pub const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xls", "xlsb", "ods"];

/// A failure that stops the run before any file is read (a usage error, not a data issue).
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// An input path that does not exist.
    #[error("ไม่พบไฟล์หรือโฟลเดอร์ {0} · no such file or folder: {0}")]
    NotFound(String),
    /// A folder that cannot be listed.
    #[error("อ่านโฟลเดอร์ {path} ไม่ได้ · cannot list {path}: {message}")]
    Walk {
        /// The folder.
        path: String,
        /// Why.
        message: String,
    },
}

/// What the reader needs to know besides the file: the report's fiscal year (a money field given
/// per year is read from that year's column) and the header words the configuration adds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadOptions {
    /// ปีงบประมาณ (B.E.) of the report; unknown without a configuration.
    pub fiscal_year: Option<u16>,
    /// Header words added in `report.toml` (`[headers]`).
    pub headers: HeaderWords,
}

impl ReadOptions {
    /// What a report's configuration tells the reader.
    pub fn of(config: &ReportConfig) -> Self {
        ReadOptions {
            fiscal_year: Some(config.fiscal_year),
            headers: config.headers.clone(),
        }
    }
}

/// What reading one file gives, besides the rows handed to the sink: the file for the audit
/// trail and the problems with the file or its layout.
#[derive(Debug)]
pub struct FileRead {
    /// The file, for the audit trail.
    pub input: InputFile,
    /// Problems with the file or its layout (the rows' own are `validate`'s).
    pub issues: IssueList,
}

/// The spreadsheet files named by the inputs: files as given, folders walked recursively (sorted,
/// so runs are repeatable), skipping lock files (`~$…`), hidden files and other extensions. A
/// summary written earlier into an input folder is recognised when read (`summary-skipped`).
pub fn collect_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, InputError> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_file() {
            files.push(input.clone());
            continue;
        }
        if !input.is_dir() {
            return Err(InputError::NotFound(input.display().to_string()));
        }
        let walker = walkdir::WalkDir::new(input)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walker {
            let entry = entry.map_err(|e| InputError::Walk {
                path: input.display().to_string(),
                message: e.to_string(),
            })?;
            let path = entry.path();
            if entry.file_type().is_file() && is_spreadsheet_name(path) {
                files.push(without_dot(path));
            }
        }
    }
    Ok(files)
}

/// `./กองคลัง.xlsx` → `กองคลัง.xlsx`, so messages name files as a person would.
fn without_dot(path: &Path) -> PathBuf {
    path.strip_prefix(".").unwrap_or(path).to_path_buf()
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') || name.starts_with("~$")
}

/// Whether a path has a spreadsheet extension and is not a lock or hidden file.
pub fn is_spreadsheet_name(path: &Path) -> bool {
    let hidden = path.file_name().is_some_and(is_hidden);
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    !hidden && EXTENSIONS.contains(&ext.as_str())
}

/// Whether the file at `path` is a summary written by planmerge: an .xlsx (the only format
/// planmerge writes) with every sheet of [`crate::schema::SUMMARY_MARKER_SHEETS`]. Only the
/// sheet names are read, after the same guard as any input.
pub fn is_summary_workbook(path: &Path) -> bool {
    let is_xlsx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    let Some(bytes) = is_xlsx.then(|| std::fs::read(path).ok()).flatten() else {
        return false;
    };
    if guard::xlsx_damage(&bytes).is_some() {
        return false;
    }
    let Ok(book) = Xlsx::new(Cursor::new(bytes)) else {
        return false;
    };
    let names = book.sheet_names();
    crate::schema::SUMMARY_MARKER_SHEETS
        .iter()
        .all(|marker| names.iter().any(|n| n == marker))
}

/// Reads one file from disk, handing each data row to `sink` as soon as it is found: a
/// million-row sheet is never held whole. Never panics, never fails: every problem becomes an
/// issue.
pub fn read_file_into(
    path: &Path,
    options: &ReadOptions,
    sink: &mut dyn FnMut(RawRow),
) -> FileRead {
    let shown = path.display().to_string();
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match std::fs::read(path) {
        Ok(bytes) => read_bytes_into(&shown, &extension, bytes, options, sink),
        Err(e) => FileRead {
            input: InputFile::new(&shown, String::new()),
            issues: IssueList::from(vec![Issue::new(
                Problem::FileUnreadable {
                    reason: e.to_string(),
                },
                Location::file(&shown),
            )]),
        },
    }
}

/// Reads a file's bytes as the format its `extension` names (`xlsx`, `ods`…; the content is
/// sniffed when that fails), reporting under the name `shown`. Never panics, never fails: every
/// problem becomes an issue. Each data row is handed to `sink` as soon as it is found: a
/// million-row sheet is never held whole. The fuzz target calls this directly.
pub fn read_bytes_into(
    shown: &str,
    extension: &str,
    bytes: Vec<u8>,
    options: &ReadOptions,
    sink: &mut dyn FnMut(RawRow),
) -> FileRead {
    let mut input = InputFile::new(shown, hex(&Sha256::digest(&bytes)));
    let mut issues = IssueList::default();
    let mut sink = std::panic::AssertUnwindSafe(sink);
    let outcome = std::panic::catch_unwind(move || {
        read_workbook(shown, extension, bytes, options, &mut **sink)
    });
    match outcome {
        Ok(Ok(sheets)) => {
            for (name, tables, hidden) in sheets {
                if tables.found_table {
                    input.sheets.push(name.clone());
                    input.tables.push(tables.explain);
                    if hidden {
                        issues.push(Issue::new(
                            Problem::SheetHidden,
                            Location::sheet(shown, &name),
                        ));
                    }
                }
                input.rows += tables.rows_read;
                issues.append(tables.issues);
            }
            if input.sheets.is_empty() && !issues.has_errors() {
                issues.push(Issue::new(Problem::NoProjectTable, Location::file(shown)));
            }
        }
        Ok(Err(problem)) => issues.push(Issue::new(problem, Location::file(shown))),
        Err(_) => issues.push(Issue::new(
            Problem::FileUnreadable {
                reason: READER_PANICKED.into(),
            },
            Location::file(shown),
        )),
    }
    FileRead { input, issues }
}

/// The reason given when the spreadsheet library panicked on a file (caught, but a bug to report:
/// the fuzz harness looks for it).
pub const READER_PANICKED: &str = "the reader failed on this file";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// One sheet's findings: name, tables, hidden.
type SheetResult = (String, SheetTables, bool);

/// Opens a workbook by its extension (falling back to sniffing the content) and reads every
/// worksheet.
fn read_workbook(
    file: &str,
    extension: &str,
    bytes: Vec<u8>,
    options: &ReadOptions,
    sink: &mut dyn FnMut(RawRow),
) -> Result<Vec<SheetResult>, Problem> {
    if let Some(reason) = guard::compound_file_damage(&bytes) {
        return Err(Problem::FileUnreadable { reason });
    }
    let data = Cursor::new(bytes);
    let opened = match extension {
        "xlsx" | "xlsm" => open_xlsx(data.clone()),
        "xlsb" => Xlsb::new(data.clone()).map(Book::Xlsb).map_err(describe),
        "xls" => open_xls(data.clone()),
        "ods" => open_ods(data.clone()),
        _ => Err(Problem::FileUnreadable {
            reason: "not a spreadsheet (.xlsx .xlsm .xls .xlsb .ods)".into(),
        }),
    };
    let mut book = match opened {
        Ok(book) => book,
        Err(stop @ (Problem::FilePasswordProtected | Problem::SheetTooLarge { .. })) => {
            return Err(stop);
        }
        Err(first) => sniff(data).ok_or(first)??,
    };
    book.read_sheets(file, options, sink)
}

/// Tries every format on the bytes (a file saved with the wrong extension). `Some(Err)` when
/// the bytes are an xls workbook too large to load.
fn sniff(data: Cursor<Vec<u8>>) -> Option<Result<Book, Problem>> {
    match open_xlsx(data.clone()) {
        Ok(b) => return Some(Ok(b)),
        Err(e @ Problem::FileUnreadable { .. }) if guard::xlsx_damage(data.get_ref()).is_some() => {
            return Some(Err(e));
        }
        Err(_) => {}
    }
    match open_xls(data.clone()) {
        Ok(b) => return Some(Ok(b)),
        Err(too_large @ Problem::SheetTooLarge { .. }) => return Some(Err(too_large)),
        Err(_) => {}
    }
    match open_ods(data.clone()) {
        Ok(b) => return Some(Ok(b)),
        Err(too_large @ Problem::SheetTooLarge { .. }) => return Some(Err(too_large)),
        Err(_) => {}
    }
    Xlsb::new(data).ok().map(|b| Ok(Book::Xlsb(b)))
}

/// Opens an xlsx workbook, after checking its shared-string table does not announce a forged
/// size (calamine reserves memory for it up front).
fn open_xlsx(data: Bytes) -> Result<Book, Problem> {
    if let Some(reason) = guard::xlsx_damage(data.get_ref()) {
        return Err(Problem::FileUnreadable { reason });
    }
    Xlsx::new(data).map(Book::Xlsx).map_err(describe)
}

/// Opens an xls workbook, after checking that no sheet is too large to load (calamine reads
/// every sheet of an xls file whole, when it opens it).
fn open_xls(data: Bytes) -> Result<Book, Problem> {
    if let Some(reason) = guard::xls_damage(data.get_ref()) {
        return Err(Problem::FileUnreadable { reason });
    }
    if let Some(extent) = guard::xls_too_large(data.get_ref()) {
        return Err(too_large(extent));
    }
    Xls::new(data).map(Book::Xls).map_err(describe)
}

/// Opens an ods workbook, after checking that no sheet is too large to load (calamine reads
/// every sheet of an ods file whole, when it opens it).
fn open_ods(data: Bytes) -> Result<Book, Problem> {
    match guard::ods_refusal(data.get_ref()) {
        Some(guard::OdsRefusal::TooLarge(extent)) => return Err(too_large(extent)),
        Some(guard::OdsRefusal::TableNeverClosed) => {
            return Err(Problem::FileUnreadable {
                reason: "damaged ods: a table is never closed".into(),
            });
        }
        None => {}
    }
    Ods::new(data).map(Book::Ods).map_err(describe)
}

fn too_large(extent: guard::Extent) -> Problem {
    Problem::SheetTooLarge {
        extent: extent.a1(),
        cells: extent.cells(),
    }
}

/// A calamine error as a problem in words.
fn describe<E: std::fmt::Display>(error: E) -> Problem {
    let reason = error.to_string();
    if reason.to_lowercase().contains("password") {
        Problem::FilePasswordProtected
    } else {
        Problem::FileUnreadable { reason }
    }
}

type Bytes = Cursor<Vec<u8>>;

/// An open workbook of any format.
enum Book {
    Xlsx(Xlsx<Bytes>),
    Xlsb(Xlsb<Bytes>),
    Xls(Xls<Bytes>),
    Ods(Ods<Bytes>),
}

impl Book {
    fn metadata(&self) -> Vec<calamine::Sheet> {
        match self {
            Book::Xlsx(b) => b.sheets_metadata().to_vec(),
            Book::Xlsb(b) => b.sheets_metadata().to_vec(),
            Book::Xls(b) => b.sheets_metadata().to_vec(),
            Book::Ods(b) => b.sheets_metadata().to_vec(),
        }
    }

    fn read_sheets(
        &mut self,
        file: &str,
        options: &ReadOptions,
        sink: &mut dyn FnMut(RawRow),
    ) -> Result<Vec<SheetResult>, Problem> {
        let sheets: Vec<calamine::Sheet> = self
            .metadata()
            .into_iter()
            .filter(|s| s.typ == SheetType::WorkSheet)
            .collect();
        let is_summary = crate::schema::SUMMARY_MARKER_SHEETS
            .iter()
            .all(|marker| sheets.iter().any(|s| s.name == *marker));
        if is_summary {
            return Err(Problem::SummarySkipped);
        }
        let mut out = Vec::with_capacity(sheets.len());
        for sheet in sheets {
            let mut finder = TableFinder::new(file, &sheet.name, options);
            self.stream_sheet(&sheet.name, &mut finder, sink)?;
            let hidden = sheet.visible != SheetVisible::Visible;
            let mut tables = finder.finish();
            for raw in tables.rows.drain(..) {
                sink(raw);
            }
            out.push((sheet.name, tables, hidden));
        }
        Ok(out)
    }

    /// Feeds the sheet's rows to the finder: xlsx and xlsb cell by cell (no bounding-box
    /// allocation), xls and ods through calamine's range.
    fn stream_sheet(
        &mut self,
        name: &str,
        finder: &mut TableFinder,
        sink: &mut dyn FnMut(RawRow),
    ) -> Result<(), Problem> {
        let mut rows = RowGrouper::new(finder, sink);
        match self {
            Book::Xlsx(b) => {
                let mut reader = b.worksheet_cells_reader(name).map_err(describe)?;
                while let Some(cell) = reader.next_cell().map_err(describe)? {
                    let (r, c) = cell.get_position();
                    rows.push(r, c, Cell::from(cell.get_value().clone()));
                }
            }
            Book::Xlsb(b) => {
                let mut reader = b.worksheet_cells_reader(name).map_err(describe)?;
                while let Some(cell) = reader.next_cell().map_err(describe)? {
                    let (r, c) = cell.get_position();
                    rows.push(r, c, Cell::from(cell.get_value().clone()));
                }
            }
            Book::Xls(b) => push_range(&b.worksheet_range(name).map_err(describe)?, &mut rows),
            Book::Ods(b) => push_range(&b.worksheet_range(name).map_err(describe)?, &mut rows),
        }
        rows.finish();
        Ok(())
    }
}

fn push_range(range: &Range<Data>, rows: &mut RowGrouper<'_>) {
    let (top, left) = range.start().unwrap_or((0, 0));
    for (r, c, value) in range.used_cells() {
        rows.push(top + r as u32, left + c as u32, Cell::from(value));
    }
}

/// Groups cells that arrive in row order into rows for the table finder, and hands the data
/// rows it finds on to the sink at once.
struct RowGrouper<'a> {
    finder: &'a mut TableFinder,
    sink: &'a mut dyn FnMut(RawRow),
    current: Option<SheetRow>,
    /// Cells in the last row handed on: room reserved for the next (rows are alike).
    width: usize,
}

impl<'a> RowGrouper<'a> {
    fn new(finder: &'a mut TableFinder, sink: &'a mut dyn FnMut(RawRow)) -> Self {
        RowGrouper {
            finder,
            sink,
            current: None,
            width: 1,
        }
    }

    fn hand_on(&mut self, row: SheetRow) {
        self.width = row.cells.len().max(1);
        self.finder.push(row);
        self.finder.drain_rows(self.sink);
    }

    fn push(&mut self, row: u32, col: u32, value: Cell) {
        if value == Cell::Empty {
            return;
        }
        match &mut self.current {
            Some(current) if current.row == row => current.cells.push((col, value)),
            _ => {
                if let Some(done) = self.current.take() {
                    self.hand_on(done);
                }
                let mut cells = Vec::with_capacity(self.width);
                cells.push((col, value));
                self.current = Some(SheetRow { row, cells });
            }
        }
    }

    fn finish(&mut self) {
        if let Some(done) = self.current.take() {
            self.hand_on(done);
        }
    }
}
