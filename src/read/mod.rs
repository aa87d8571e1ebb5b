//! Spreadsheet files in, raw rows out: walk the inputs, open each file by its format, hand every
//! sheet to the table finder. No judgement about what a value means (that is `validate`).

/// One cell to text or number: Thai digits, normalisation, money, ticks.
pub mod cell;
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
    /// Non-blank data rows read under a header (projects + rows refused).
    pub rows: usize,
}
