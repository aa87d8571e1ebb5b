//! ReportTotals + projects → the summary workbook (xlsx). One file per sheet family; every
//! Format lives in `styles.rs`. The file is written to a temporary name in the output folder and
//! renamed, so an interrupted run never leaves a half-written summary.

use crate::compute::ReportTotals;
use crate::config::ReportConfig;
use crate::issue::Issue;
use crate::model::ProjectRow;
use crate::read::InputFile;
use std::path::Path;

/// Everything the summary workbook shows.
#[derive(Debug, Clone, Copy)]
pub struct Summary<'a> {
    /// The report's configuration (title, organization, reporter…).
    pub config: &'a ReportConfig,
    /// Every figure.
    pub totals: &'a ReportTotals,
    /// The merged project list, in merge order.
    pub projects: &'a [ProjectRow],
    /// Every input file read.
    pub inputs: &'a [InputFile],
    /// Every issue found (errors and warnings).
    pub issues: &'a [Issue],
    /// Number of errors; when > 0 the workbook is a draft and says so on every sheet.
    pub errors: usize,
}

/// A failure to write the summary (a program failure, not a data issue).
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// rust_xlsxwriter refused something.
    #[error("เขียนไฟล์สรุปไม่ได้ · cannot build the summary workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// The file system refused.
    #[error("บันทึกไฟล์ {path} ไม่ได้ · cannot save {path}: {source}")]
    Io {
        /// The output path.
        path: String,
        /// Why.
        source: std::io::Error,
    },
}

/// Writes the summary workbook to `path` (atomically: temp file + rename).
pub fn write_summary(path: &Path, summary: &Summary<'_>) -> Result<(), WriteError> {
    let _ = (path, summary);
    todo!("writer")
}
