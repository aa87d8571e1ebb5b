//! Spreadsheet files in, raw rows out: walk the inputs, open each file by its format, hand every
//! sheet to the table finder. No judgement about what a value means (that is `validate`).

/// Sheets set aside by their names (another year's copy, an example).
mod aside;
/// An open workbook of any format, read sheet by sheet into the table finder.
mod book;
/// Every call into calamine: panics caught quietly, errors judged by their variants.
mod boundary;
/// One cell to text or number: Thai digits, normalisation, money, ticks.
pub mod cell;
/// What a file no reader opens really is (a web page, text, a PDF…), by its first bytes.
mod content;
/// Formula error values calamine does not know (`#SPILL!`), rewritten for a second reading.
mod error_values;
/// Checks made before calamine sees the bytes: compound-file structure, shared-string count.
pub mod guard;
/// Header rows: fields, second header rows, columns per fiscal year.
pub mod header;
/// .ods read sparsely from `content.xml`.
mod ods;
/// Formulas whose stored results are no results (`fullCalcOnLoad`: XlsxWriter, openpyxl).
mod recalc;
/// A sheet's merged ranges, loaded only when a row needs them.
pub mod second_look;
/// Rows that are the table's structure, not projects: totals, headings, the signature block.
pub mod structure;
/// A summary written by planmerge, its project list read back exactly.
pub mod summary;
/// Header rows, column mapping, repeated page headers.
pub mod table;
/// .xls read sparsely from the BIFF record stream (with Excel's default-password decryption).
mod xls;

use serde::Serialize;

/// One input file as read, for the audit trail (ตรวจสอบข้อมูล) and `--json`'s `inputs`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputFile {
    /// The path as shown to the user.
    pub file: String,
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
    /// The division the file was taken for ([`ReadOptions::division_of`]); set by the merge.
    #[serde(skip)]
    pub division: String,
    /// What the file says of itself when it is planmerge's own form (แบบฟอร์ม from
    /// `planmerge template`); none for any other workbook.
    #[serde(skip)]
    pub form: Option<FormMark>,
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
            division: String::new(),
            form: None,
            sheets: Vec::new(),
            tables: Vec::new(),
            rows: 0,
            counted: 0,
            omitted: Vec::new(),
        }
    }

    /// Whether the file is planmerge's own form with nothing under its header: the form as
    /// `template` wrote it, not a division's file (`form-unfilled`).
    pub fn is_unfilled_form(&self) -> bool {
        self.form.is_some() && self.rows == 0
    }
}

/// What planmerge's own form (แบบฟอร์ม, written by `planmerge template`) says of itself. A
/// workbook is taken for one by the custom document property planmerge writes into its forms
/// ([`crate::schema::FORM_PROPERTY`]), or, for forms written before it did, by both of its
/// locked titles: A1 of โครงการ ([`crate::schema::FORM_TITLE`]) and A1 of คำชี้แจง
/// ([`crate::schema::FORM_INSTRUCTIONS_TITLE`]). Either alone could be an office's own title.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormMark {
    /// The line under the organization in its title block (A3 of โครงการ), as written:
    /// `หน่วยงาน กองคลัง`, or the generic form's `หน่วยงาน (กอง/สำนัก) ……`.
    pub division_line: Option<String>,
}

use crate::config::ReportConfig;
use crate::issue::{Issue, IssueList, Omitted, Problem, Unreadable};
use crate::model::Location;
use crate::schema::HeaderWords;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use table::{RawRow, TableExplain};

/// File extensions read as spreadsheets.
pub use crate::schema::EXTENSIONS;

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
    /// The divisions `report.toml` lists (`divisions`): a file named after one is that
    /// division's, under the listed name ([`crate::schema::division_listed`]).
    pub divisions: Vec<String>,
    /// The input folders the files were found in: with `divisions` listed, a file whose name
    /// holds none of them is the division its folder below one of these names
    /// ([`crate::schema::division_placed`]).
    pub folders: Vec<PathBuf>,
}

impl ReadOptions {
    /// What a report's configuration tells the reader.
    pub fn of(config: &ReportConfig) -> Self {
        ReadOptions {
            fiscal_year: Some(config.fiscal_year),
            headers: config.headers.clone(),
            divisions: config.divisions.clone(),
            folders: Vec::new(),
        }
    }

    /// The same options for files found in `inputs` (those that are folders are kept).
    pub fn in_folders(mut self, inputs: &[PathBuf]) -> Self {
        self.folders = inputs.iter().filter(|p| p.is_dir()).cloned().collect();
        self
    }

    /// The division the file at `path` belongs to: the listed division its name holds, else
    /// (below an input folder) the one its folder's name holds, else its own name.
    pub fn division_of(&self, path: &Path) -> String {
        self.placed(path).0
    }

    /// [`Self::division_of`], with what gave it when not the file's own name (a folder).
    pub fn placed(&self, path: &Path) -> (String, Option<DivisionFrom>) {
        let bare = |p: &Path| p.strip_prefix(".").unwrap_or(p).to_path_buf();
        let root = self
            .folders
            .iter()
            .find(|folder| bare(path).starts_with(bare(folder)));
        match root {
            Some(root) if !self.divisions.is_empty() => {
                let (division, folder) =
                    crate::schema::division_placed(path, &self.divisions, root);
                (division, folder.map(DivisionFrom::Folder))
            }
            _ => (crate::schema::division_listed(path, &self.divisions), None),
        }
    }

    /// [`Self::placed`] of a file on disk: when neither its name nor its folders name a listed
    /// division (nor two), and it is planmerge's own form ([`FormMark`]), the one listed
    /// division its title block names (`หน่วยงาน กองคลัง`, A3 of โครงการ, a locked cell
    /// `template --division` fills in), if it names exactly one. Only column A of the form's
    /// first rows is read for it, and only for such a file.
    pub fn placed_on_disk(&self, path: &Path) -> (String, Option<DivisionFrom>) {
        let (division, from) = self.placed(path);
        let unnamed = from.is_none()
            && !self.divisions.is_empty()
            && crate::schema::listed_in(&division, &self.divisions) == crate::schema::Listed::None;
        if !unnamed {
            return (division, from);
        }
        let line = form_of(path).and_then(|form| form.division_line);
        let titled = line.as_deref().and_then(|line| {
            let named = crate::schema::form_division_named(line);
            crate::schema::listed_division(named, &self.divisions)
        });
        match (titled, line) {
            (Some(listed), Some(line)) => (listed, Some(DivisionFrom::Title(line))),
            _ => (division, from),
        }
    }
}

/// What a file's division was taken from when its own name names none of those listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DivisionFrom {
    /// The name of a folder it sits in, below the input folder.
    Folder(String),
    /// The title block of planmerge's form (A3 of โครงการ), as written.
    Title(String),
}

/// planmerge's form at `path` ([`FormMark`]), looked at without reading its rows: only the
/// document property and column A of the first rows of โครงการ and คำชี้แจง. None for any other
/// file (forms are .xlsx).
pub fn form_of(path: &Path) -> Option<FormMark> {
    let xlsx = ["xlsx", "xlsm"].contains(&extension_of(path).as_str());
    let bytes = xlsx.then(|| std::fs::read(path).ok()).flatten()?;
    book::peek_form(&bytes)
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

/// What walking the inputs found: the files to read, in order, and what stood in the way of
/// reading a part of a folder — a folder that cannot be listed (`folder-unreadable`), a link
/// whose target is gone (`link-broken`), a link back to a folder it is in (`link-loop`). Each of
/// those is an issue, so that nothing in an input folder is left out unsaid.
#[derive(Debug, Default)]
pub struct Walked {
    /// The files, as [`collect_inputs`] takes them.
    pub files: Vec<PathBuf>,
    /// What could not be walked, one issue each.
    pub issues: Vec<Issue>,
}

/// The spreadsheet files named by the inputs: files as given, folders walked recursively (sorted,
/// so runs are repeatable, symbolic links followed), skipping lock files (`~$…`), hidden files
/// and other extensions. A summary written earlier into an input folder is recognised when read
/// (`summary-skipped`). What could not be walked is left out here ([`collect_inputs`] says it).
pub fn collect_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, InputError> {
    Ok(walk(inputs, is_spreadsheet_name)?.files)
}

/// The files a merge reads: [`collect_files`], and in folders also what a division may have
/// sent instead of its workbook (a PDF, a photo, a CSV) and a workbook under another name
/// (`กองคลัง.xlsx.1`, [`is_workbook_under_another_name`]), read to be named in a warning
/// (`file-not-spreadsheet`, `workbook-misnamed`) rather than passed over in silence; with what
/// could not be walked.
pub fn collect_inputs(inputs: &[PathBuf]) -> Result<Walked, InputError> {
    walk(inputs, |path| {
        is_spreadsheet_name(path)
            || is_sent_instead_of_a_workbook(path)
            || is_workbook_under_another_name(path)
    })
}

/// Files as given; in folders, the files `wanted` takes, symbolic links followed (to files and
/// to folders). A file reached twice (named twice, a folder and a file in it, two links to it)
/// is taken once, where it was first reached: it is one file, not a copy sent twice. An input
/// folder that cannot be listed stops the run; a folder inside one, a broken link or a link
/// looping back is an issue, and the walk goes on.
fn walk(inputs: &[PathBuf], wanted: fn(&Path) -> bool) -> Result<Walked, InputError> {
    let mut walked = Walked::default();
    let mut seen = std::collections::HashSet::new();
    let mut take = |files: &mut Vec<PathBuf>, path: PathBuf| {
        let key = path.canonicalize().unwrap_or_else(|_| path.clone());
        if seen.insert(key) {
            files.push(path);
        }
    };
    for input in inputs {
        if input.is_file() {
            take(&mut walked.files, input.clone());
            continue;
        }
        if !input.is_dir() {
            return Err(InputError::NotFound(input.display().to_string()));
        }
        let walker = walkdir::WalkDir::new(input)
            .follow_links(true)
            .sort_by(|a, b| in_order(a.file_name(), b.file_name()))
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walker {
            match entry {
                Ok(entry) => {
                    let path = entry.path();
                    if entry.file_type().is_file() && wanted(path) {
                        take(&mut walked.files, without_dot(path));
                    }
                }
                Err(e) if e.depth() == 0 => {
                    let path = e.path().unwrap_or(input);
                    return Err(InputError::Walk {
                        path: without_dot(path).display().to_string(),
                        message: e
                            .io_error()
                            .map_or_else(|| e.to_string(), ToString::to_string),
                    });
                }
                Err(e) => walked.issues.extend(not_walked(&e)),
            }
        }
    }
    Ok(walked)
}

/// The issue for a part of an input folder the walk could not go into: a link looping back, a
/// link whose target is gone, a folder (or a link's target) the system will not open. None for
/// a hidden or lock file's link (passed over, as the file would be).
fn not_walked(e: &walkdir::Error) -> Option<Issue> {
    let path = e.path()?;
    if path.file_name().is_some_and(is_hidden) {
        return None;
    }
    let at = Location::file(&without_dot(path).display().to_string());
    if let Some(ancestor) = e.loop_ancestor() {
        let ancestor = without_dot(ancestor).display().to_string();
        return Some(Issue::new(Problem::LinkLoop { ancestor }, at));
    }
    let io = e.io_error()?;
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && io.kind() == std::io::ErrorKind::NotFound {
        let target =
            std::fs::read_link(path).map_or_else(|_| "?".into(), |t| t.display().to_string());
        return Some(Issue::new(Problem::LinkBroken { target }, at));
    }
    let problem = if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        let reason_thai = match io.kind() {
            std::io::ErrorKind::PermissionDenied => "ไม่มีสิทธิ์อ่าน",
            _ => crate::schema::io::thai_reason(io),
        };
        Problem::FolderUnreadable {
            reason_thai,
            reason: io.to_string(),
        }
    } else {
        Problem::FileUnreadable {
            cause: Unreadable::System(crate::schema::io::thai_reason(io)),
            reason: io.to_string(),
        }
    };
    Some(Issue::new(problem, at))
}

/// The order files are read in: by name, except that a copy comes right after the file it is a
/// copy of (`กองคลัง.xlsx` before `กองคลัง (1).xlsx`, which sorts first by its bytes): of two
/// files the same byte for byte, the first is counted and names the division.
fn in_order(a: &std::ffi::OsStr, b: &std::ffi::OsStr) -> std::cmp::Ordering {
    let key = |name: &std::ffi::OsStr| {
        let path = Path::new(name);
        let division = crate::schema::division_suggested(path);
        let copy =
            division != crate::schema::division_of(path) || crate::schema::copy_prefixed(path);
        (division, copy)
    };
    key(a).cmp(&key(b)).then_with(|| a.cmp(b))
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
    !hidden && EXTENSIONS.contains(&extension_of(path).as_str())
}

/// A path's extension in lower case (`""` without one).
fn extension_of(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// Whether `path` names a workbook under a name that does not end in a spreadsheet's extension:
/// its name holds one before its last (`กองคลัง.xlsx.1`, `สำนักปลัด.xlsx.bak`, `x.xlsx (1)`,
/// `x.xlsx ` with a space after it), or its first bytes open a spreadsheet's container
/// ([`content::workbook_kind`]: a zip with `xl/workbook.xml`, a compound file with a `Workbook`
/// stream). Hidden and lock files are not looked at, nor those of a spreadsheet's own name, nor
/// the folder's own litter (`report.toml`, `desktop.ini`, `Thumbs.db`, shortcuts); others are
/// opened for their first bytes and, for a zip or compound file, its directory, never read
/// whole.
pub fn is_workbook_under_another_name(path: &Path) -> bool {
    let Some(name) = path.file_name() else {
        return false;
    };
    let extension = extension_of(path);
    if is_hidden(name) || EXTENSIONS.contains(&extension.as_str()) {
        return false;
    }
    if spreadsheet_name_within(&name.to_string_lossy()).is_some() {
        return true;
    }
    const LITTER: [&str; 7] = ["toml", "ini", "db", "lnk", "url", "log", "json"];
    !LITTER.contains(&extension.as_str())
        && std::fs::File::open(path)
            .is_ok_and(|file| content::workbook_kind(std::io::BufReader::new(file)).is_some())
}

/// The spreadsheet extension a file's name holds where it is not the name's end
/// (`กองคลัง.xlsx.1`, `สำนักปลัด.xlsx.bak`, `x.xlsx (1)`, `x.xlsx `: a backup's name, a
/// download's, a slip of the keyboard), with the name before it (`กองคลัง`). None for a
/// spreadsheet's own name and for a name without one (`.xlsxfoo` is not one).
fn spreadsheet_name_within(name: &str) -> Option<(&'static str, &str)> {
    let lower = name.to_ascii_lowercase();
    let mut found: Option<(usize, &'static str)> = None;
    for ext in EXTENSIONS {
        let dotted = format!(".{ext}");
        for (at, _) in lower.match_indices(&dotted) {
            let after = &lower[at + dotted.len()..];
            let ends_there = after.chars().next().is_none_or(|c| !c.is_alphanumeric());
            if ends_there && at > 0 && found.is_none_or(|(before, _)| at > before) {
                found = Some((at, ext));
            }
        }
    }
    let (at, ext) = found?;
    let after = &name[at + 1 + ext.len()..];
    (!after.is_empty()).then_some((ext, &name[..at]))
}

/// The name a workbook misnamed as `file` would be read under: its name before the spreadsheet
/// extension it holds (or before its last extension), with `.{kind}`.
pub(crate) fn renamed_as(file: &str, kind: &str) -> String {
    let name = Path::new(file)
        .file_name()
        .map_or_else(|| file.to_string(), |n| n.to_string_lossy().into_owned());
    let stem = match spreadsheet_name_within(&name) {
        Some((_, stem)) => stem.to_string(),
        None => Path::new(&name)
            .file_stem()
            .map_or_else(|| name.clone(), |s| s.to_string_lossy().into_owned()),
    };
    format!("{}.{kind}", stem.trim_end())
}

/// The spreadsheet extension the name of `file` holds where it is not the name's end
/// ([`spreadsheet_name_within`]).
pub(crate) fn extension_within(file: &str) -> Option<&'static str> {
    let name = Path::new(file).file_name()?.to_string_lossy();
    spreadsheet_name_within(&name).map(|(ext, _)| ext)
}

/// What bytes that are not a spreadsheet really are (a web page, a PDF, a photo…), when that
/// can be told from their first bytes.
pub fn what_it_is(bytes: &[u8]) -> Option<Unreadable> {
    content::what_it_is(bytes)
}

/// Whether `path` names a file a division may have sent instead of its workbook (a PDF, a
/// photo, a CSV…): such a file in an input folder is read, to be named in a warning, not passed
/// over in silence.
fn is_sent_instead_of_a_workbook(path: &Path) -> bool {
    !path.file_name().is_some_and(is_hidden)
        && content::sent_instead_of_a_workbook(&extension_of(path)).is_some()
}

/// Whether the file at `path` is a summary written by planmerge: an .xlsx (the only format
/// planmerge writes) carrying its custom document property ([`book::marked_summary`], found
/// without reading the file whole), or, written before it did or saved again by another
/// program (as .ods or .xls too), every sheet of [`crate::schema::SUMMARY_MARKER_SHEETS`]
/// (only the sheet names are read, after the same guard as any input).
pub fn is_summary_workbook(path: &Path) -> bool {
    let extension = extension_of(path);
    if !EXTENSIONS.contains(&extension.as_str()) {
        return false;
    }
    (extension == "xlsx" && book::marked_summary(path))
        || std::fs::read(path).is_ok_and(|bytes| book::has_summary_sheets(&bytes, &extension))
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
    let extension = extension_of(path);
    match std::fs::read(path) {
        Ok(bytes) => read_bytes_into(&shown, &extension, bytes, options, sink),
        Err(e) => FileRead {
            input: InputFile::new(&shown, String::new()),
            issues: IssueList::from(vec![Issue::new(
                Problem::FileUnreadable {
                    cause: Unreadable::System(crate::schema::io::thai_reason(&e)),
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
    match book::read_workbook(shown, extension, bytes, options, sink) {
        Ok(book::WorkbookRead { sheets, form }) => {
            input.form = form;
            let mut without_name = None;
            for (name, tables, hidden) in sheets {
                if let Some(row) = tables.header_without_name
                    && without_name.is_none()
                {
                    without_name = Some((name.clone(), row));
                }
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
                let issue = match without_name {
                    Some((sheet, row)) => Issue::new(
                        Problem::HeaderIncomplete {
                            missing: vec![crate::schema::Field::Name],
                            other_quantity: String::new(),
                        },
                        Location {
                            row: Some(row),
                            ..Location::sheet(shown, &sheet)
                        },
                    ),
                    None => Issue::new(Problem::NoProjectTable, Location::file(shown)),
                };
                issues.push(issue);
            }
        }
        Err(stop) => {
            // A summary is not an input: its bytes (an earlier run's output, beside the files)
            // must not become part of this summary's, or each run would differ from the last.
            if matches!(stop.problem, Problem::SummarySkipped) {
                input.sha256.clear();
            }
            let location = match &stop.sheet {
                Some(sheet) => Location::sheet(shown, sheet),
                None => Location::file(shown),
            };
            issues.push(Issue::new(stop.problem, location));
        }
    }
    FileRead { input, issues }
}

/// The reason given when the spreadsheet library panicked on a file (caught, but a bug to report:
/// the fuzz harness looks for it). The issue's reason goes on to say where calamine panicked.
pub const READER_PANICKED: &str = "the reader failed on this file";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
