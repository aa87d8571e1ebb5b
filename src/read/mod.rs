//! Spreadsheet files in, raw rows out: walk the inputs, open each file by its format, hand every
//! sheet to the table finder. No judgement about what a value means (that is `validate`).

/// An open workbook of any format, read sheet by sheet into the table finder.
mod book;
/// Every call into calamine: panics caught quietly, errors judged by their variants.
mod boundary;
/// One cell to text or number: Thai digits, normalisation, money, ticks.
pub mod cell;
/// Checks made before calamine sees the bytes: compound-file structure, shared-string count.
pub mod guard;
/// .ods read sparsely from `content.xml`.
mod ods;
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
    /// Names of the sheets that hold a project table.
    pub sheets: Vec<String>,
    /// Non-blank data rows read under a header (projects + rows refused).
    pub rows: usize,
    /// Projects of this file counted in the report (rows read less those refused); set by the
    /// merge, 0 until then.
    pub counted: usize,
}

use crate::issue::{Issue, Problem};
use crate::model::Location;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use table::RawRow;

/// File extensions read as spreadsheets.
pub const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xls", "xlsb", "ods"];

/// Sheet names that mark a workbook written by planmerge itself (never read back as input).
pub const SUMMARY_MARKER_SHEETS: [&str; 2] = ["สรุปผล", "ตรวจสอบข้อมูล"];

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

/// One file's rows and problems.
#[derive(Debug)]
pub struct FileRows {
    /// The file, for the audit trail.
    pub input: InputFile,
    /// กอง — the division, taken from the file name (`กองคลัง.xlsx` → กองคลัง).
    pub division: std::sync::Arc<str>,
    /// Data rows found under headers, in file order.
    pub rows: Vec<RawRow>,
    /// Problems with the file or its layout.
    pub issues: Vec<Issue>,
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

/// Prefix of the file name `planmerge template` gives a division's form (`แบบฟอร์ม-กองคลัง.xlsx`).
pub const TEMPLATE_FILE_PREFIX: &str = "แบบฟอร์ม-";

/// The division a file belongs to: its name without extension, and without the template's
/// `แบบฟอร์ม-` prefix (a form returned under its given name still counts for its division).
pub fn division_of(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| cell::clean_text(&s.to_string_lossy()))
        .unwrap_or_default();
    match stem.strip_prefix(TEMPLATE_FILE_PREFIX) {
        Some(division) if !division.trim().is_empty() => division.trim().to_string(),
        _ => stem,
    }
}

/// Reads one file: never panics, never fails — every problem becomes an issue.
pub fn read_file(path: &Path) -> FileRows {
    let mut rows = Vec::new();
    let mut file = read_file_into(path, &mut |raw| rows.push(raw));
    file.rows = rows;
    file
}

/// Reads one file, handing each data row to `sink` as soon as it is found instead of keeping it
/// (the returned `rows` is empty): a million-row sheet is never held whole.
pub fn read_file_into(path: &Path, sink: &mut dyn FnMut(RawRow)) -> FileRows {
    let shown = path.display().to_string();
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let mut read = match std::fs::read(path) {
        Ok(bytes) => read_bytes_into(&shown, &extension, bytes, sink),
        Err(e) => FileRows {
            input: InputFile {
                file: shown.clone(),
                sha256: String::new(),
                sheets: Vec::new(),
                rows: 0,
                counted: 0,
            },
            division: "".into(),
            rows: Vec::new(),
            issues: vec![Issue::new(
                Problem::FileUnreadable {
                    reason: e.to_string(),
                },
                Location::file(&shown),
            )],
        },
    };
    read.division = division_of(path).into();
    read
}

/// Reads a file's bytes as the format its `extension` names (`xlsx`, `ods`…; the content is
/// sniffed when that fails), reporting under the name `shown`. Never panics, never fails: every
/// problem becomes an issue. The fuzz target calls this directly.
pub fn read_bytes(shown: &str, extension: &str, bytes: Vec<u8>) -> FileRows {
    let mut rows = Vec::new();
    let mut file = read_bytes_into(shown, extension, bytes, &mut |raw| rows.push(raw));
    file.rows = rows;
    file
}

/// [`read_bytes`], handing each data row to `sink` as it is found (the returned `rows` is empty).
pub fn read_bytes_into(
    shown: &str,
    extension: &str,
    bytes: Vec<u8>,
    sink: &mut dyn FnMut(RawRow),
) -> FileRows {
    let mut input = InputFile {
        file: shown.to_string(),
        sha256: hex(&Sha256::digest(&bytes)),
        sheets: Vec::new(),
        rows: 0,
        counted: 0,
    };
    let mut issues = Vec::new();
    match book::read_workbook(shown, extension, bytes, sink) {
        Ok(sheets) => {
            for (name, tables, hidden) in sheets {
                if tables.found_table {
                    input.sheets.push(name.clone());
                    if hidden {
                        issues.push(Issue::new(
                            Problem::SheetHidden,
                            Location::sheet(shown, &name),
                        ));
                    }
                }
                input.rows += tables.rows_read;
                issues.extend(tables.issues);
            }
            if input.sheets.is_empty() && !issues.iter().any(|i| i.is_error()) {
                issues.push(Issue::new(Problem::NoProjectTable, Location::file(shown)));
            }
        }
        Err(stop) => {
            let location = match &stop.sheet {
                Some(sheet) => Location::sheet(shown, sheet),
                None => Location::file(shown),
            };
            issues.push(Issue::new(stop.problem, location));
        }
    }
    FileRows {
        input,
        division: division_of(Path::new(shown)).into(),
        rows: Vec::new(),
        issues,
    }
}

/// The reason given when the spreadsheet library panicked on a file (caught, but a bug to report:
/// the fuzz harness looks for it). The issue's reason goes on to say where calamine panicked.
pub const READER_PANICKED: &str = "the reader failed on this file";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
