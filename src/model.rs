//! The domain nouns: dimensions (มิติ), statuses (สถานะ), where a value came from, and one
//! validated project row (โครงการ/กิจกรรม/มาตรการ). Nothing here reads or writes a file.

use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt;
use std::sync::Arc;

/// มิติ — one of the four dimensions of the anti-corruption action plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "u8")]
pub struct Dimension(u8);

impl Dimension {
    /// The four dimensions, in report order.
    pub const ALL: [Dimension; 4] = [Dimension(1), Dimension(2), Dimension(3), Dimension(4)];

    /// A dimension from its number, if it is 1-4.
    pub fn new(number: u8) -> Option<Self> {
        (1..=4).contains(&number).then_some(Dimension(number))
    }

    /// The dimension's number, 1-4.
    pub fn number(self) -> u8 {
        self.0
    }

    /// Zero-based position in [`Dimension::ALL`].
    pub fn index(self) -> usize {
        usize::from(self.0 - 1)
    }
}

impl From<Dimension> for u8 {
    fn from(d: Dimension) -> u8 {
        d.0
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// สถานะ — the state of a project in this round; exactly one per project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// รอรายงาน — waiting for a report.
    Waiting,
    /// อยู่ระหว่างดำเนินการ — in progress.
    InProgress,
    /// ดำเนินการแล้วเสร็จ — completed.
    Completed,
    /// ไม่สามารถดำเนินการได้ — cannot be carried out (needs a reason in หมายเหตุ).
    Cannot,
}

impl Status {
    /// The four statuses in the order of the report's tick columns.
    pub const ALL: [Status; 4] = [
        Status::Waiting,
        Status::InProgress,
        Status::Completed,
        Status::Cannot,
    ];

    /// The Thai words staff write and the report prints.
    pub fn thai(self) -> &'static str {
        match self {
            Status::Waiting => "รอรายงาน",
            Status::InProgress => "อยู่ระหว่างดำเนินการ",
            Status::Completed => "ดำเนินการแล้วเสร็จ",
            Status::Cannot => "ไม่สามารถดำเนินการได้",
        }
    }

    /// English words for messages.
    pub fn english(self) -> &'static str {
        match self {
            Status::Waiting => "waiting for report",
            Status::InProgress => "in progress",
            Status::Completed => "completed",
            Status::Cannot => "cannot be carried out",
        }
    }

    /// Zero-based position in [`Status::ALL`].
    pub fn index(self) -> usize {
        match self {
            Status::Waiting => 0,
            Status::InProgress => 1,
            Status::Completed => 2,
            Status::Cannot => 3,
        }
    }
}

/// Where a value sits: file › sheet › cell. `row` and `col` are zero-based; `col` is `None` when
/// the whole row (or the whole file or sheet) is meant.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Location {
    /// The file as the user named it (relative to what they typed); shared by every row of the
    /// file, so a million rows do not hold a million copies.
    pub file: Arc<str>,
    /// The sheet name, empty when the whole file is meant (shared like `file`).
    pub sheet: Arc<str>,
    /// Zero-based row, `None` when the whole sheet or file is meant.
    pub row: Option<u32>,
    /// Zero-based column, `None` when the whole row is meant.
    pub col: Option<u32>,
}

impl Location {
    /// The whole file.
    pub fn file(file: &str) -> Self {
        Location {
            file: file.into(),
            ..Location::default()
        }
    }

    /// A whole sheet.
    pub fn sheet(file: &str, sheet: &str) -> Self {
        Location {
            file: file.into(),
            sheet: sheet.into(),
            ..Location::default()
        }
    }

    /// One cell.
    pub fn cell(file: &str, sheet: &str, row: u32, col: u32) -> Self {
        Location {
            file: file.into(),
            sheet: sheet.into(),
            row: Some(row),
            col: Some(col),
        }
    }

    /// The same row, another column.
    pub fn at_col(&self, col: u32) -> Self {
        Location {
            col: Some(col),
            ..self.clone()
        }
    }

    /// The cell in A1 notation (`C8`), the row number alone (`8`) or empty.
    pub fn a1(&self) -> String {
        match (self.row, self.col) {
            (Some(r), Some(c)) => format!("{}{}", column_letters(c), r + 1),
            (Some(r), None) => format!("{}", r + 1),
            _ => String::new(),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if !self.sheet.is_empty() {
            write!(f, " › {}", self.sheet)?;
        }
        let cell = self.a1();
        if !cell.is_empty() {
            if self.col.is_some() {
                write!(f, " › {cell}")?;
            } else {
                write!(f, " › แถว {cell}")?;
            }
        }
        Ok(())
    }
}

/// Excel column letters for a zero-based column: 0 → A, 25 → Z, 26 → AA.
pub fn column_letters(col: u32) -> String {
    let mut n = col + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8_lossy(&letters).into_owned()
}

/// โครงการ/กิจกรรม/มาตรการ — one validated project, ready to be counted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProjectRow {
    /// รายการโครงการ — the project's name as written (trimmed).
    pub name: String,
    /// มิติ — its dimension.
    pub dimension: Dimension,
    /// The sub-dimension code as written in the มิติ column (`2.3`), if one was.
    pub dimension_code: Option<String>,
    /// งบประมาณตามแผน — plan budget, baht.
    pub budget_plan: Decimal,
    /// งบประมาณตามข้อบัญญัติ/เทศบัญญัติ — ordinance budget; equals the plan budget when absent.
    pub budget_ordinance: Decimal,
    /// เบิกจ่าย — disbursed, baht.
    pub disbursed: Decimal,
    /// บรรจุในข้อบัญญัติ/เทศบัญญัติ/แผนดำเนินงาน — ticked as in the ordinance.
    pub in_ordinance: bool,
    /// สถานะ — this round's status.
    pub status: Status,
    /// หมายเหตุ — remark, empty when none.
    pub remark: String,
    /// กอง — the division the project came from (shared by the rows of one file).
    pub division: Arc<str>,
    /// The row it was read from (file › sheet › row).
    #[serde(skip)]
    pub source: Location,
    /// Where in that row its status and disbursed amount were read.
    #[serde(skip)]
    pub cells: RowCells,
}

/// The columns (zero-based) a project's status (the word, or the tick given) and disbursed
/// amount (เบิกจ่าย) were read from, so that what is said of either points at its own cell.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RowCells {
    /// สถานะ — the status cell.
    pub status: Option<u32>,
    /// เบิกจ่าย — the disbursed cell.
    pub disbursed: Option<u32>,
}

impl ProjectRow {
    /// A project of `division` named `name` with `status`, no money, read from `source`: what
    /// unit tests build their rows from.
    #[cfg(test)]
    pub(crate) fn for_test(name: &str, division: &str, status: Status, source: Location) -> Self {
        ProjectRow {
            name: name.into(),
            dimension: Dimension::ALL[0],
            dimension_code: None,
            budget_plan: Decimal::ZERO,
            budget_ordinance: Decimal::ZERO,
            disbursed: Decimal::ZERO,
            in_ordinance: false,
            status,
            remark: String::new(),
            division: division.into(),
            source,
            cells: RowCells::default(),
        }
    }

    /// The cell its status was read from (its row, when that is not known).
    pub fn status_cell(&self) -> Location {
        self.cell(self.cells.status)
    }

    /// The cell its disbursed amount was read from (its row, when that is not known).
    pub fn disbursed_cell(&self) -> Location {
        self.cell(self.cells.disbursed)
    }

    fn cell(&self, col: Option<u32>) -> Location {
        match col {
            Some(col) => self.source.at_col(col),
            None => Location {
                col: None,
                ..self.source.clone()
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_follow_excel() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(16383), "XFD");
    }

    #[test]
    fn location_renders_file_sheet_cell() {
        let loc = Location::cell("กองคลัง.xlsx", "แผน", 7, 2);
        assert_eq!(loc.to_string(), "กองคลัง.xlsx › แผน › C8");
    }

    #[test]
    fn dimension_accepts_only_one_to_four() {
        assert!(Dimension::new(0).is_none());
        assert_eq!(Dimension::new(4).map(Dimension::number), Some(4));
        assert!(Dimension::new(5).is_none());
    }
}
