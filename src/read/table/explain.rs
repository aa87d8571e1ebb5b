//! What the finder understood of one sheet's table, for `check --explain`, the audit sheet and
//! JSON: header rows, each field's column, where the dimension comes from, rows read, counted,
//! joined and skipped (and why).

use serde::Serialize;

/// A row skipped under a header, and why (for `--explain`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkippedRow {
    /// One-based row number.
    pub row: u32,
    /// Why, Thai · English.
    pub why: &'static str,
}

/// Skipped rows listed per sheet at most (the rest are counted).
pub(super) const SKIPPED_LISTED: usize = 50;

/// What the reader understood of one sheet's table (`check --explain`, the audit sheet, JSON).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TableExplain {
    /// The sheet.
    pub sheet: String,
    /// One-based rows of the header (and of headers repeated on later pages).
    pub header_rows: Vec<u32>,
    /// Each field's column and the header text found there.
    pub columns: Vec<String>,
    /// Where the dimension comes from, Thai · English.
    pub dimension_from: String,
    /// Non-blank rows read under the header.
    pub rows_read: usize,
    /// Projects of this sheet counted in the report (set by the merge).
    pub counted: usize,
    /// One-based rows whose text was joined to the name above.
    pub joined: Vec<u32>,
    /// Rows skipped, and why (the first [`SKIPPED_LISTED`]).
    pub skipped: Vec<SkippedRow>,
    /// Rows skipped in all.
    pub skipped_count: usize,
}

impl TableExplain {
    /// The header rows as runs: `4–5`, `4–5, 40–41`.
    pub fn header_rows_text(&self) -> String {
        let mut runs: Vec<(u32, u32)> = Vec::new();
        for &row in &self.header_rows {
            match runs.last_mut() {
                Some((_, end)) if *end + 1 == row => *end = row,
                _ => runs.push((row, row)),
            }
        }
        runs.iter()
            .map(|&(a, b)| {
                if a == b {
                    a.to_string()
                } else {
                    format!("{a}–{b}")
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// `ต่อชื่อ 2 แถว (7, 10) · names joined`, or nothing.
    pub fn joined_text(&self) -> Option<String> {
        if self.joined.is_empty() {
            return None;
        }
        let rows: Vec<String> = self.joined.iter().map(u32::to_string).collect();
        Some(format!(
            "ต่อชื่อ {} แถว ({}) · names joined",
            rows.len(),
            rows.join(", ")
        ))
    }

    /// `ข้าม 5 แถว · rows skipped: 3 หัวข้อมิติ · a dimension heading, …`, or nothing.
    pub fn skipped_text(&self) -> Option<String> {
        if self.skipped_count == 0 {
            return None;
        }
        let mut whys: Vec<(&str, usize)> = Vec::new();
        for skipped in &self.skipped {
            match whys.iter_mut().find(|(why, _)| *why == skipped.why) {
                Some((_, n)) => *n += 1,
                None => whys.push((skipped.why, 1)),
            }
        }
        let listed: Vec<String> = whys.iter().map(|(why, n)| format!("{n} {why}")).collect();
        Some(format!(
            "ข้าม {} แถว · rows skipped: {}",
            self.skipped_count,
            listed.join(", ")
        ))
    }
}
