//! Finding project tables in a sheet, one row at a time: recognise header rows (also two-row
//! headers under a merged สถานะ cell), map their columns to fields, skip titles and headers
//! repeated on every printed page and total rows (รวม), and hand every other non-blank row on as
//! a [`RawRow`]. What a value means is decided later, in `validate`.

use super::cell::Cell;
use crate::issue::{Issue, IssueList, Problem};
use crate::model::{Location, Status};
use crate::schema::text::{normalize, normalized};
use crate::schema::{Field, header_field};
use std::collections::HashSet;
use std::sync::Arc;

/// One row of a sheet: its zero-based index and its non-empty cells, left to right.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SheetRow {
    /// Zero-based row index.
    pub row: u32,
    /// `(column, value)` of the row's non-empty cells.
    pub cells: Vec<(u32, Cell)>,
}

impl SheetRow {
    fn is_blank(&self) -> bool {
        self.cells.iter().all(|(_, c)| c.is_blank())
    }

    /// Header and title rows hold only text; a row with a number, tick box or formula error
    /// in it is data (a cheap test that spares normalising every cell of every data row).
    fn only_text(&self) -> bool {
        self.cells
            .iter()
            .all(|(_, c)| matches!(c, Cell::Text(_) | Cell::Empty))
    }

    fn get(&self, col: u32) -> Option<&Cell> {
        self.cells.iter().find(|(c, _)| *c == col).map(|(_, v)| v)
    }

    /// The cell in `col` (empty when there is none), moved out of the row, or copied when
    /// `copy` (a column read twice).
    fn take(&mut self, col: u32, copy: bool) -> Cell {
        match self.cells.iter_mut().find(|(c, _)| *c == col) {
            Some((_, v)) if copy => v.clone(),
            Some((_, v)) => std::mem::take(v),
            None => Cell::Empty,
        }
    }
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
}

/// A recognised header: which column holds which field.
#[derive(Debug, Clone, PartialEq)]
struct Header {
    columns: Vec<(u32, Field)>,
    /// Where each field is, looked up once when the header is complete (in `activate`).
    layout: Layout,
}

/// The columns of a complete header's fields, for reading data rows without searching.
#[derive(Debug, Clone, PartialEq, Default)]
struct Layout {
    number: Option<u32>,
    name: Option<u32>,
    dimension: Option<u32>,
    budget_plan: Option<u32>,
    budget_ordinance: Option<u32>,
    disbursed: Option<u32>,
    in_ordinance: Option<u32>,
    remark: Option<u32>,
    status: StatusColumns,
    /// Whether two fields name the same column (a second header row over a first one's).
    shared_column: bool,
}

/// Where a header keeps the status.
#[derive(Debug, Clone, PartialEq)]
enum StatusColumns {
    /// One column of words.
    Words(u32),
    /// Tick columns, in header order (none until the header is complete).
    Ticks(Vec<(Status, u32)>),
}

impl Default for StatusColumns {
    fn default() -> Self {
        StatusColumns::Ticks(Vec::new())
    }
}

impl Layout {
    fn of(header: &Header) -> Layout {
        let cols = &header.columns;
        Layout {
            number: header.col(Field::Number),
            name: header.col(Field::Name),
            dimension: header.col(Field::Dimension),
            budget_plan: header.col(Field::BudgetPlan),
            budget_ordinance: header.col(Field::BudgetOrdinance),
            disbursed: header.col(Field::Disbursed),
            in_ordinance: header.col(Field::InOrdinance),
            remark: header.col(Field::Remark),
            status: match header.col(Field::StatusWords) {
                Some(words) if !header.has_ticks() => StatusColumns::Words(words),
                _ => StatusColumns::Ticks(
                    cols.iter()
                        .filter_map(|(c, f)| match f {
                            Field::StatusTick(s) => Some((*s, *c)),
                            _ => None,
                        })
                        .collect(),
                ),
            },
            shared_column: cols
                .iter()
                .enumerate()
                .any(|(i, (c, _))| cols[i + 1..].iter().any(|(d, _)| d == c)),
        }
    }
}

impl Header {
    fn col(&self, field: Field) -> Option<u32> {
        self.columns
            .iter()
            .find(|(_, f)| *f == field)
            .map(|(c, _)| *c)
    }

    fn has_ticks(&self) -> bool {
        self.columns
            .iter()
            .any(|(_, f)| matches!(f, Field::StatusTick(_)))
    }

    /// Fields every project needs, missing from this header.
    fn missing(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        for field in [
            Field::Name,
            Field::Dimension,
            Field::BudgetPlan,
            Field::Disbursed,
        ] {
            if self.col(field).is_none() {
                missing.push(field.thai());
            }
        }
        if self.col(Field::StatusWords).is_none() && !self.has_ticks() {
            missing.push("สถานะ");
        }
        missing
    }
}

/// The fields of a header candidate row, with duplicate columns reported.
fn header_of(row: &SheetRow) -> Option<(Header, Vec<(u32, Field)>)> {
    let mut columns: Vec<(u32, Field)> = Vec::new();
    let mut duplicates = Vec::new();
    for (col, cell) in &row.cells {
        let Cell::Text(text) = cell else { continue };
        let Some(field) = header_field(text) else {
            continue;
        };
        if columns.iter().any(|(_, f)| *f == field) {
            duplicates.push((*col, field));
        } else {
            columns.push((*col, field));
        }
    }
    let distinct = columns.len();
    let has_name = columns.iter().any(|(_, f)| *f == Field::Name);
    let header = Header {
        columns,
        layout: Layout::default(),
    };
    (has_name && distinct >= 3).then_some((header, duplicates))
}

/// The status tick columns of a second header row (under a merged สถานะ), if it is one.
fn sub_header(row: &SheetRow) -> Option<Vec<(u32, Field)>> {
    let ticks: Vec<(u32, Field)> = row
        .cells
        .iter()
        .filter_map(|(col, cell)| match cell {
            Cell::Text(t) => match header_field(t) {
                Some(f @ Field::StatusTick(_)) => Some((*col, f)),
                _ => None,
            },
            _ => None,
        })
        .collect();
    let only_ticks = ticks.len() == row.cells.iter().filter(|(_, c)| !c.is_blank()).count();
    (ticks.len() >= 2 && only_ticks).then_some(ticks)
}

/// `รวม`, `รวมทั้งสิ้น`, `รวม 4 มิติ`: a total row, not a project.
fn is_total_row(row: &SheetRow, header: &Header) -> bool {
    let dimension_col = header.layout.dimension;
    let has_dimension = dimension_col
        .and_then(|c| row.get(c))
        .is_some_and(|c| !c.is_blank());
    !has_dimension
        && row.cells.iter().any(|(_, cell)| match cell {
            Cell::Text(t) => {
                let n = normalized(t);
                n.starts_with("รวม") && n.chars().count() <= 12
            }
            _ => false,
        })
}

/// What the finder found in one sheet.
#[derive(Debug, Default)]
pub struct SheetTables {
    /// Data rows under a header, in sheet order.
    pub rows: Vec<RawRow>,
    /// Problems with the sheet's layout (headers, skipped rows).
    pub issues: IssueList,
    /// Non-blank rows read under a header (projects + rows that will be refused).
    pub rows_read: usize,
    /// Whether a header was found at all.
    pub found_table: bool,
}

/// Reads one sheet row by row (push style, so a sheet can be streamed).
pub struct TableFinder {
    file: Arc<str>,
    sheet: Arc<str>,
    header: Option<Header>,
    pending: Option<(SheetRow, Header)>,
    page_texts: HashSet<String>,
    reported_ordinance: bool,
    out: SheetTables,
}

impl TableFinder {
    /// A finder for one sheet of one file.
    pub fn new(file: &str, sheet: &str) -> Self {
        TableFinder {
            file: file.into(),
            sheet: sheet.into(),
            header: None,
            pending: None,
            page_texts: HashSet::new(),
            reported_ordinance: false,
            out: SheetTables::default(),
        }
    }

    /// Takes the next row of the sheet (rows must come in sheet order; blank rows may be left out).
    pub fn push(&mut self, mut row: SheetRow) {
        if row.is_blank() {
            return;
        }
        if let Some((header_row, mut header)) = self.pending.take() {
            if let Some(ticks) = sub_header(&row) {
                header.columns.retain(|(_, f)| *f != Field::StatusWords);
                header.columns.extend(ticks);
                self.activate(&header_row, header);
                return;
            }
            self.activate(&header_row, header);
        }
        if row.only_text()
            && let Some((header, duplicates)) = header_of(&row)
        {
            for (col, field) in duplicates {
                if self.out.rows_read == 0 {
                    self.issue(
                        Problem::HeaderDuplicate {
                            field: field.thai().to_string(),
                        },
                        Location::cell(&self.file, &self.sheet, row.row, col),
                    );
                }
            }
            self.pending = Some((row, header));
            return;
        }
        let Some(header) = &self.header else {
            self.remember_page_texts(&row);
            return;
        };
        if self.is_page_title(&row) || is_total_row(&row, header) {
            return;
        }
        let raw = self.raw_row(&mut row, header);
        self.out.rows_read += 1;
        if raw_is_empty(&raw) {
            let location = raw.location.clone();
            give_back(&mut row, raw);
            self.issue(
                Problem::RowNotProject {
                    found: row
                        .cells
                        .iter()
                        .map(|(_, c)| c.display())
                        .collect::<Vec<_>>()
                        .join(" "),
                },
                location,
            );
        } else {
            self.out.rows.push(raw);
        }
    }

    /// Hands the data rows found so far to `sink` (so a long sheet need not be held whole).
    pub fn drain_rows(&mut self, sink: &mut dyn FnMut(RawRow)) {
        for raw in self.out.rows.drain(..) {
            sink(raw);
        }
    }

    /// Ends the sheet and returns what was found.
    pub fn finish(mut self) -> SheetTables {
        if let Some((header_row, header)) = self.pending.take() {
            self.activate(&header_row, header);
        }
        if self.out.found_table && self.out.rows_read == 0 {
            let location = Location::sheet(&self.file, &self.sheet);
            self.issue(Problem::TableEmpty, location);
        }
        self.out
    }

    fn issue(&mut self, problem: Problem, location: Location) {
        self.out.issues.push(Issue::new(problem, location));
    }

    fn activate(&mut self, header_row: &SheetRow, mut header: Header) {
        header.layout = Layout::of(&header);
        let missing = header.missing();
        if !missing.is_empty() {
            self.issue(
                Problem::HeaderIncomplete {
                    missing: missing.join(", "),
                },
                Location {
                    row: Some(header_row.row),
                    ..Location::sheet(&self.file, &self.sheet)
                },
            );
            return;
        }
        if header.col(Field::BudgetOrdinance).is_none() && !self.reported_ordinance {
            self.reported_ordinance = true;
            self.issue(
                Problem::OrdinanceBudgetAssumed,
                Location::sheet(&self.file, &self.sheet),
            );
        }
        self.out.found_table = true;
        self.header = Some(header);
    }

    /// Rows above the first header (title block) are remembered so that, repeated on later
    /// printed pages, they are recognised and skipped.
    fn remember_page_texts(&mut self, row: &SheetRow) {
        for (_, cell) in &row.cells {
            if let Cell::Text(t) = cell {
                self.page_texts.insert(normalize(t));
            }
        }
    }

    fn is_page_title(&self, row: &SheetRow) -> bool {
        !self.page_texts.is_empty()
            && row.only_text()
            && row.cells.iter().all(|(_, cell)| match cell {
                Cell::Text(t) => self.page_texts.contains(normalized(t).as_ref()),
                other => other.is_blank(),
            })
    }

    /// The row's cells sorted into fields, moved out of the row (no copy) — unless the header
    /// maps one column to two fields, when they are copied.
    fn raw_row(&self, row: &mut SheetRow, header: &Header) -> RawRow {
        let layout = &header.layout;
        let mut cell = |col: u32| RawCell {
            col,
            value: row.take(col, layout.shared_column),
        };
        let number = layout.number.map(&mut cell);
        let name = layout.name.map(&mut cell);
        let dimension = layout.dimension.map(&mut cell);
        let budget_plan = layout.budget_plan.map(&mut cell);
        let budget_ordinance = layout.budget_ordinance.map(&mut cell);
        let disbursed = layout.disbursed.map(&mut cell);
        let in_ordinance = layout.in_ordinance.map(&mut cell);
        let remark = layout.remark.map(&mut cell);
        let status = match &layout.status {
            StatusColumns::Words(col) => RawStatus::Words(cell(*col)),
            StatusColumns::Ticks(ticks) => {
                RawStatus::Ticks(ticks.iter().map(|&(s, c)| (s, cell(c))).collect())
            }
        };
        RawRow {
            location: Location {
                file: Arc::clone(&self.file),
                sheet: Arc::clone(&self.sheet),
                row: Some(row.row),
                col: None,
            },
            number,
            name,
            dimension,
            budget_plan,
            budget_ordinance,
            disbursed,
            in_ordinance,
            status,
            remark,
        }
    }
}

/// Puts the cells [`TableFinder::raw_row`] moved out of `row` back, so it reads as it came.
fn give_back(row: &mut SheetRow, raw: RawRow) {
    let ticks = match raw.status {
        RawStatus::Words(c) => vec![c],
        RawStatus::Ticks(ticks) => ticks.into_iter().map(|(_, c)| c).collect(),
    };
    let fields = [
        raw.number,
        raw.name,
        raw.dimension,
        raw.budget_plan,
        raw.budget_ordinance,
        raw.disbursed,
        raw.in_ordinance,
        raw.remark,
    ];
    for c in fields.into_iter().flatten().chain(ticks) {
        if let Some((_, slot)) = row.cells.iter_mut().find(|(col, _)| *col == c.col)
            && *slot == Cell::Empty
        {
            *slot = c.value;
        }
    }
}

/// A row none of whose project fields holds anything (e.g. a note or signature line typed in
/// the ลำดับ column).
fn raw_is_empty(raw: &RawRow) -> bool {
    let blank = |c: &Option<RawCell>| c.as_ref().is_none_or(|c| c.value.is_blank());
    let status_blank = match &raw.status {
        RawStatus::Words(c) => c.value.is_blank(),
        RawStatus::Ticks(ticks) => ticks.iter().all(|(_, c)| c.value.is_blank()),
    };
    blank(&raw.name)
        && blank(&raw.dimension)
        && blank(&raw.budget_plan)
        && blank(&raw.budget_ordinance)
        && blank(&raw.disbursed)
        && blank(&raw.in_ordinance)
        && status_blank
}

#[cfg(test)]
mod tests;
