//! The rows a table finder takes and gives: a sheet's row as read ([`SheetRow`]), and a data
//! row under a header with its cells sorted into fields ([`RawRow`]), the dimension the table's
//! structure gives it ([`DimensionHint`]) and its status as the sheet has it ([`RawStatus`]).

use crate::model::{Dimension, Location, Status};
use crate::read::cell::{Cell, MoneyCell};
use crate::read::header::year_number;

/// One row of a sheet: its zero-based index and its non-empty cells, left to right.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SheetRow {
    /// Zero-based row index.
    pub row: u32,
    /// `(column, value)` of the row's non-empty cells.
    pub cells: Vec<(u32, Cell)>,
}

impl SheetRow {
    pub(super) fn is_blank(&self) -> bool {
        self.cells.iter().all(|(_, c)| c.is_blank())
    }

    /// Header and title rows hold only text; a row with a number, tick box or formula error
    /// in it is data (a cheap test that spares normalising every cell of every data row).
    pub(super) fn only_text(&self) -> bool {
        self.cells
            .iter()
            .all(|(_, c)| matches!(c, Cell::Text(_) | Cell::Empty))
    }

    /// [`Self::only_text`], or text and the years above a multi-year budget, which Excel turns
    /// into numbers when typed (`ที่ | โครงการ | 2564 | 2565 | 2566`, the ป.ป.ช. form): a row
    /// that may be a header.
    pub(super) fn text_or_years(&self) -> bool {
        self.cells.iter().all(|(_, c)| match c {
            Cell::Text(_) | Cell::Empty => true,
            Cell::Number(_) => year_number(c).is_some(),
            _ => false,
        })
    }

    pub(super) fn get(&self, col: u32) -> Option<&Cell> {
        self.cells.iter().find(|(c, _)| *c == col).map(|(_, v)| v)
    }

    /// The only non-blank cell's column and text, when the row has exactly one and it is text.
    pub(super) fn lone_text(&self) -> Option<(u32, &str)> {
        let mut filled = self.cells.iter().filter(|(_, c)| !c.is_blank());
        match (filled.next(), filled.next()) {
            (Some((col, Cell::Text(t))), None) => Some((*col, t)),
            _ => None,
        }
    }

    /// The first non-blank text of the row, if any.
    pub(super) fn first_text(&self) -> Option<&str> {
        self.cells.iter().find_map(|(_, c)| match c {
            Cell::Text(t) if !c.is_blank() => Some(t.as_str()),
            _ => None,
        })
    }

    /// The heading of a row that is one text and, at most, figures beside it: a section row
    /// carrying its dimension's subtotals, typed as numbers or as money is typed in words
    /// (`มิติที่ 1 … | 5,000 | 0`, `… | 10,000.- | -`). With a second text, the heading is written
    /// across two cells (`มิติที่ 1 | การสร้างสังคม…`): then the first and the second are given.
    pub(super) fn heading_with_figures(&self) -> Option<(&str, Option<&str>)> {
        let mut texts: (Option<&str>, Option<&str>) = (None, None);
        for (_, cell) in self.cells.iter().filter(|(_, c)| !c.is_blank()) {
            match cell {
                Cell::Number(_) => {}
                Cell::Text(_) if texts.0.is_some() && is_money_words(cell) => {}
                Cell::Text(t) => match texts {
                    (None, _) => texts.0 = Some(t),
                    (Some(_), None) => texts.1 = Some(t),
                    _ => return None,
                },
                _ => return None,
            }
        }
        texts.0.map(|first| (first, texts.1))
    }

    /// The cell in `col` (empty when there is none), moved out of the row, or copied when
    /// `copy` (a column read twice).
    pub(super) fn take(&mut self, col: u32, copy: bool) -> Cell {
        match self.cells.iter_mut().find(|(c, _)| *c == col) {
            Some((_, v)) if copy => v.clone(),
            Some((_, v)) => std::mem::take(v),
            None => Cell::Empty,
        }
    }
}

/// Whether a text cell reads as an amount (`10,000.-`, `5,000 บาท`) or says none (`-`).
fn is_money_words(cell: &Cell) -> bool {
    matches!(
        crate::read::cell::money(cell),
        MoneyCell::Text(_) | MoneyCell::Nil(_)
    )
}

/// A cell of a project row, with the column it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct RawCell {
    /// Zero-based column.
    pub col: u32,
    /// What the cell holds.
    pub value: Cell,
}

/// The status as the sheet gives it.
#[derive(Debug, Clone, PartialEq)]
pub enum RawStatus {
    /// One column of words; the cell (possibly empty).
    Words(RawCell),
    /// Tick columns: each status present in the header, with its cell.
    Ticks(Vec<(Status, RawCell)>),
}

impl RawStatus {
    /// Whether the row gives no status at all: its word cell blank, or none of its ticks filled.
    pub fn is_blank(&self) -> bool {
        match self {
            RawStatus::Words(c) => c.value.is_blank(),
            RawStatus::Ticks(ticks) => ticks.iter().all(|(_, c)| c.value.is_blank()),
        }
    }
}

/// The dimension a table's structure gives the rows under it.
#[derive(Debug, Clone, PartialEq)]
pub struct DimensionHint {
    /// The dimension.
    pub dimension: Dimension,
    /// Where it comes from.
    pub source: HintSource,
}

/// Where a [`DimensionHint`] comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum HintSource {
    /// A section row (`มิติที่ 2 …`), zero-based row.
    Section(u32),
    /// The sheet's name (`มิติที่ 2`).
    SheetName,
    /// A section row whose dimension is disputed — by the sheet's name, or by its own title
    /// after its number (zero-based row; the error, `section-sheet-conflict` or
    /// `dimension-title-conflict`, is told there once): the projects under it are not counted
    /// under either.
    Disputed(u32),
}

/// One data row under a header, its cells sorted into fields (`None` where the sheet has no such
/// column).
#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    /// file › sheet › row (no column).
    pub location: Location,
    /// ลำดับ as written.
    pub number: Option<RawCell>,
    /// รายการโครงการ.
    pub name: Option<RawCell>,
    /// มิติ.
    pub dimension: Option<RawCell>,
    /// The dimension the table's structure gives this row (section row above, sheet name).
    pub structure: Option<DimensionHint>,
    /// งบประมาณตามแผน.
    pub budget_plan: Option<RawCell>,
    /// งบประมาณตามข้อบัญญัติ (the column may be absent).
    pub budget_ordinance: Option<RawCell>,
    /// เบิกจ่าย.
    pub disbursed: Option<RawCell>,
    /// บรรจุในข้อบัญญัติ tick.
    pub in_ordinance: Option<RawCell>,
    /// สถานะ.
    pub status: RawStatus,
    /// หมายเหตุ.
    pub remark: Option<RawCell>,
    /// ผลการดำเนินงาน written beside the status ticks (what was done), read before the remark.
    pub results: Option<RawCell>,
    /// A mark in a column under the status whose label names no status (`status-column-unread`):
    /// where a row without a status read may have given it.
    pub unread_mark: Option<UnreadMark>,
}

/// A filled cell in a status column that is not read, and that column's header label.
#[derive(Debug, Clone, PartialEq)]
pub struct UnreadMark {
    /// Zero-based column.
    pub col: u32,
    /// The column's header text (`ดำเนินการแล้ว`).
    pub label: String,
}
