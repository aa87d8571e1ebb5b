//! The columns of a complete header's fields ([`Layout`]), for reading data rows without
//! searching, and a data row's cells sorted into a project's fields ([`RawRow`]).

use super::{RawCell, RawRow, RawStatus, SheetRow, TableFinder, UnreadMark};
use crate::model::{Location, Status};
use crate::read::cell::{Cell, MoneyCell, Tick, money, tick};
use crate::read::header::Header;
use crate::schema::text::normalized;
use crate::schema::{Field, status_word};
use std::sync::Arc;

/// The columns of a complete header's fields, for reading data rows without searching.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Layout {
    pub(super) number: Option<u32>,
    pub(super) name: Option<u32>,
    pub(super) dimension: Option<u32>,
    pub(super) budget_plan: Option<u32>,
    pub(super) budget_ordinance: Option<u32>,
    pub(super) disbursed: Option<u32>,
    pub(super) in_ordinance: Option<u32>,
    pub(super) remark: Option<u32>,
    /// What was done (`ผลการดำเนินงาน` beside the ticks), read with the remark.
    pub(super) results: Option<u32>,
    pub(super) status: StatusColumns,
    /// Whether two fields name the same column (a second header row over a first one's).
    pub(super) shared_column: bool,
    /// Columns under the status whose label names no status, with that label.
    pub(super) unread_status: Vec<(u32, String)>,
}

/// Where a header keeps the status.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum StatusColumns {
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
    pub(super) fn of(header: &Header) -> Layout {
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
            results: header.results.as_ref().map(|(col, _)| *col),
            status: match header.col(Field::StatusWords) {
                Some(words) if !header.has_ticks() => StatusColumns::Words(words),
                _ => StatusColumns::Ticks(
                    cols.iter()
                        .filter_map(|c| match c.field {
                            Field::StatusTick(s) => Some((s, c.col)),
                            _ => None,
                        })
                        .collect(),
                ),
            },
            shared_column: cols
                .iter()
                .enumerate()
                .any(|(i, c)| cols[i + 1..].iter().any(|d| d.col == c.col)),
            unread_status: header.unread_status.clone(),
        }
    }

    /// Columns a project's cells are read from (a name wrapped onto the next row fills only the
    /// name's).
    pub(super) fn project_columns(&self) -> Vec<u32> {
        let mut cols = self.own_columns();
        cols.extend(
            [self.in_ordinance, self.remark, self.results]
                .into_iter()
                .flatten(),
        );
        cols
    }

    /// The columns that make a row a project of its own (ลำดับ, มิติ, money, status), not a
    /// บรรจุ tick or remark that may be merged over a neighbour for looks.
    pub(super) fn own_columns(&self) -> Vec<u32> {
        let own = [
            self.number,
            self.dimension,
            self.budget_plan,
            self.budget_ordinance,
            self.disbursed,
        ];
        own.into_iter()
            .flatten()
            .chain(self.status_columns())
            .collect()
    }

    /// The status column, or the tick columns.
    pub(super) fn status_columns(&self) -> impl Iterator<Item = u32> + '_ {
        let (words, ticks) = match &self.status {
            StatusColumns::Words(c) => (Some(*c), &[][..]),
            StatusColumns::Ticks(ticks) => (None, ticks.as_slice()),
        };
        words.into_iter().chain(ticks.iter().map(|(_, c)| *c))
    }
}

/// Whether the row's status cells name a status (a status word, or a tick).
pub(super) fn has_status(row: &SheetRow, layout: &Layout) -> bool {
    match &layout.status {
        StatusColumns::Words(c) => row
            .get(*c)
            .is_some_and(|cell| status_word(&cell.display()).is_some()),
        StatusColumns::Ticks(ticks) => ticks
            .iter()
            .any(|(_, c)| row.get(*c).is_some_and(|cell| tick(cell) == Tick::Ticked)),
    }
}

/// A column with no header text right of a money column's label.
#[derive(Debug, Clone, Copy)]
pub(super) struct Unlabeled {
    pub(super) col: u32,
    pub(super) label: (u32, u32),
    pub(super) field: Field,
}

/// The columns with no header text just right of each money column read.
pub(super) fn unlabeled(header: &Header, layout: &Layout) -> Vec<Unlabeled> {
    let first_row = header.rows.first().copied().unwrap_or_default();
    let money = [
        (layout.budget_plan, Field::BudgetPlan),
        (layout.budget_ordinance, Field::BudgetOrdinance),
        (layout.disbursed, Field::Disbursed),
    ];
    money
        .into_iter()
        .filter_map(|(col, field)| Some((col?, field)))
        .filter(|(col, _)| !header.occupied.contains(&(col + 1)))
        .map(|(col, field)| Unlabeled {
            col: col + 1,
            label: (first_row, col),
            field,
        })
        .collect()
}

/// Puts the cells [`TableFinder::raw_row`] moved out of `row` back, so it reads as it came.
pub(super) fn give_back(row: &mut SheetRow, raw: RawRow) {
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
        raw.results,
    ];
    for c in fields.into_iter().flatten().chain(ticks) {
        if let Some((_, slot)) = row.cells.iter_mut().find(|(col, _)| *col == c.col)
            && *slot == Cell::Empty
        {
            *slot = c.value;
        }
    }
}

/// Whether a row's field is blank: no such column, or nothing in its cell.
pub(super) fn blank(field: &Option<RawCell>) -> bool {
    field.as_ref().is_none_or(|c| c.value.is_blank())
}

/// A row that is no project: nothing in its project fields ([`raw_is_empty`]), or no name and
/// no dimension and nothing else but what a form's empty rows get when something is dragged or
/// filled down them ([`only_defaults`]).
pub(super) fn not_a_project(raw: &RawRow) -> bool {
    raw_is_empty(raw) || only_defaults(raw)
}

/// A row with no name and no dimension whose other cells hold only what a form's empty rows get
/// when a clerk drags a formula or a default down the table: ลำดับ (anything), an amount of 0 (a
/// number, a formula's result, or `0` typed as text), a บรรจุ or status box left unmarked (FALSE,
/// 0, ☐), and the status รอรายงาน (or รอรายงานผล), the form's first choice. A remark, any other
/// amount, mark or status makes it a row to be told what it lacks. Cheapest first: most rows
/// have a name, and are answered by its first letter.
fn only_defaults(raw: &RawRow) -> bool {
    if !blank(&raw.name) || !blank(&raw.dimension) {
        return false;
    }
    let zero = |c: &Option<RawCell>| c.as_ref().is_none_or(|c| is_zero_amount(&c.value));
    let unmarked = |c: &RawCell| is_unmarked_box(&c.value);
    let status = match &raw.status {
        RawStatus::Words(c) => c.value.is_blank() || is_default_status(&c.value),
        RawStatus::Ticks(ticks) => ticks.iter().all(|(_, c)| unmarked(c)),
    };
    blank(&raw.remark)
        && blank(&raw.results)
        && raw.unread_mark.is_none()
        && zero(&raw.budget_plan)
        && zero(&raw.budget_ordinance)
        && zero(&raw.disbursed)
        && raw.in_ordinance.as_ref().is_none_or(unmarked)
        && status
}

/// Blank, or the amount 0: a number (a formula's result too) or text that reads as 0 (`0`,
/// `0.00`, `๐`).
fn is_zero_amount(cell: &Cell) -> bool {
    match cell {
        Cell::Number(n) => *n == 0.0,
        Cell::Text(_) if cell.is_blank() => true,
        Cell::Text(_) => matches!(money(cell), MoneyCell::Text(d) if d.is_zero()),
        Cell::Empty => true,
        _ => false,
    }
}

/// A box left unmarked as a form's empty row holds it: blank, FALSE (a check box's linked
/// cell), 0, an empty box ☐ □.
fn is_unmarked_box(cell: &Cell) -> bool {
    match cell {
        Cell::Bool(b) => !b,
        Cell::Number(n) => *n == 0.0,
        Cell::Text(t) => cell.is_blank() || matches!(normalized(t).as_ref(), "☐" | "□"),
        Cell::Empty => true,
        _ => false,
    }
}

/// รอรายงาน (or รอรายงานผล) alone: the status a form's empty rows get when the first choice of
/// the list is filled down them.
fn is_default_status(cell: &Cell) -> bool {
    matches!(cell, Cell::Text(t) if matches!(normalized(t).as_ref(), "รอรายงาน" | "รอรายงานผล"))
}

/// A row none of whose project fields holds anything (e.g. a note or signature line typed in
/// the ลำดับ column).
fn raw_is_empty(raw: &RawRow) -> bool {
    blank(&raw.name)
        && blank(&raw.dimension)
        && blank(&raw.budget_plan)
        && blank(&raw.budget_ordinance)
        && blank(&raw.disbursed)
        && blank(&raw.in_ordinance)
        && raw.status.is_blank()
}

impl TableFinder {
    /// The row's cells sorted into fields, moved out of the row (no copy) — unless the header
    /// maps one column to two fields, when they are copied.
    pub(super) fn raw_row(&self, row: &mut SheetRow, layout: &Layout) -> RawRow {
        let unread_mark = (layout.unread_status.iter())
            .find(|(col, _)| row.get(*col).is_some_and(|v| !v.is_blank()))
            .map(|(col, label)| UnreadMark {
                col: *col,
                label: label.clone(),
            });
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
        let results = layout.results.map(&mut cell);
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
            structure: None,
            budget_plan,
            budget_ordinance,
            disbursed,
            in_ordinance,
            status,
            remark,
            results,
            unread_mark,
        }
    }
}
