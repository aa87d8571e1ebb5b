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
    /// Rows read under the header as projects (counted or not) or as the rest of a name; the
    /// rows skipped are not among them.
    pub rows_read: usize,
    /// Projects of this sheet counted in the report (set by the merge).
    pub counted: usize,
    /// One-based rows whose text was joined to the name above.
    pub joined: Vec<u32>,
    /// Rows skipped, and why (the first [`SKIPPED_LISTED`]).
    pub skipped: Vec<SkippedRow>,
    /// Rows skipped in all.
    pub skipped_count: usize,
    /// Rows skipped per reason, all of them (not only those listed).
    pub skipped_why: Vec<SkippedWhy>,
}

/// How many rows were skipped for one reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkippedWhy {
    /// Why, Thai · English.
    pub why: &'static str,
    /// Rows skipped so.
    pub rows: usize,
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

    /// Counts a row skipped for `why`.
    pub(super) fn count_skipped(&mut self, why: &'static str) {
        self.skipped_count += 1;
        match self.skipped_why.iter_mut().find(|w| w.why == why) {
            Some(w) => w.rows += 1,
            None => self.skipped_why.push(SkippedWhy { why, rows: 1 }),
        }
    }

    /// The lines under a sheet's counts: names joined, rows read but not counted (their issues
    /// say why), rows skipped and why.
    pub fn detail_lines(&self) -> Vec<String> {
        [
            self.joined_text(),
            self.uncounted_text(),
            self.skipped_text(),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// `ไม่นับ 2 แถว …`: rows read as projects that were not counted (refused for an error, a
    /// duplicate, a line that may be a project), or nothing.
    fn uncounted_text(&self) -> Option<String> {
        let n = (self.rows_read)
            .saturating_sub(self.counted)
            .saturating_sub(self.joined.len());
        (n > 0).then(|| {
            format!(
                "ไม่นับ {n} แถว (ดูข้อผิดพลาดและคำเตือน) · {n} rows read not counted (see the issues)"
            )
        })
    }

    /// `ข้าม 5 แถว · rows skipped: 3 หัวข้อมิติ · a dimension heading, …`, or nothing.
    pub fn skipped_text(&self) -> Option<String> {
        if self.skipped_count == 0 {
            return None;
        }
        let listed: Vec<String> = (self.skipped_why.iter())
            .map(|w| format!("{} {}", w.rows, w.why))
            .collect();
        Some(format!(
            "ข้าม {} แถว · rows skipped: {}",
            self.skipped_count,
            listed.join(", ")
        ))
    }
}
