//! What the second look at a sheet gives a row ([`super::super::second_look`]): a มิติ, a
//! status, a บรรจุ tick or a reason (หมายเหตุ) merged down from the project above, a name merged
//! over two projects, a money label merged over columns holding amounts (`header-split`), and
//! formulas saved without their values.

use super::layout::{Unlabeled, not_a_project};
use super::{RawCell, RawRow, RawStatus, SheetRow, TableFinder, header_split};
use crate::issue::Problem;
use crate::model::Location;
use crate::model::Status;
use crate::read::cell::{Cell, MoneyCell, money};
use crate::schema::text::thai_digits_to_arabic;
use crate::schema::{Field, status_word};

impl TableFinder {
    /// A money label merged over a column beside it that holds something (`เบิกจ่าย` over
    /// `ไตรมาส 1 | ไตรมาส 2` with no second row saying so) is `header-split`: only its first
    /// column would be read. Asked once per such column, when it first holds something.
    pub(super) fn merged_money_label(&mut self, row: &SheetRow) {
        // An amount: a number, or text with a digit (a unit such as บาท is no part).
        let amount = |c: &Cell| match c {
            Cell::Number(_) => true,
            Cell::Text(t) => thai_digits_to_arabic(t).bytes().any(|b| b.is_ascii_digit()),
            _ => false,
        };
        let filled: Vec<Unlabeled> = self
            .unlabeled
            .iter()
            .filter(|u| row.get(u.col).is_some_and(amount))
            .copied()
            .collect();
        for found in filled {
            self.unlabeled.retain(|u| u.col != found.col);
            let (label_row, label_col) = found.label;
            let Some(region) = self.look.region_at(label_row, label_col) else {
                continue;
            };
            if region.last_col < found.col || self.unlabeled_said(found.field) {
                continue;
            }
            let parts: Vec<(u32, String)> = (region.first_col..=region.last_col)
                .map(|c| (c, String::new()))
                .collect();
            let at = Location::cell(&self.file, &self.sheet, label_row, label_col);
            self.issue(header_split(found.field, &parts), at);
        }
    }

    /// Whether `header-split` was said of `field` in this sheet already.
    pub(super) fn unlabeled_said(&self, field: Field) -> bool {
        let name = field.thai();
        self.out
            .issues
            .iter()
            .any(|i| matches!(&i.problem, Problem::HeaderSplit { field, .. } if field == name))
    }

    /// A blank มิติ cell inside a range merged down from the last row that had one (offices
    /// merge the column across a dimension's projects) takes that row's value.
    pub(super) fn merged_dimension(&mut self, raw: &mut RawRow) {
        let Some(cell) = raw.dimension.as_mut() else {
            return;
        };
        let row = raw.location.row.unwrap_or_default();
        if !cell.value.is_blank() {
            self.last_dimension = Some((row, cell.value.clone()));
            return;
        }
        let Some((top, value)) = &self.last_dimension else {
            return;
        };
        if self
            .look
            .covering_from_above(row, cell.col)
            .is_some_and(|region| region.first_row == *top)
        {
            cell.value = value.clone();
        }
    }

    /// A row with no status whose status cells (the word, or every tick) lie in ranges merged
    /// down from the project row above takes that row's status, and its บรรจุ tick likewise:
    /// a ☑ merged over two projects is each one's. Asked only of a row with no status, so
    /// the merged ranges are loaded for such a sheet alone.
    pub(super) fn merged_status(&mut self, raw: &mut RawRow) {
        let Some((above, _)) = &self.held else { return };
        if !raw.status.is_blank() {
            return;
        }
        let (row, look) = (raw.location.row.unwrap_or_default(), &mut self.look);
        let above_row = above.location.row.unwrap_or_default();
        let mut from_above = |cell: &mut RawCell, over: &RawCell| {
            if cell.value.is_blank()
                && !over.value.is_blank()
                && look.merged_down_from(above_row, row, cell.col).is_some()
            {
                cell.value = over.value.clone();
            }
        };
        match (&mut raw.status, &above.status) {
            (RawStatus::Words(cell), RawStatus::Words(over)) => from_above(cell, over),
            (RawStatus::Ticks(ticks), RawStatus::Ticks(overs)) => {
                for ((_, cell), (_, over)) in ticks.iter_mut().zip(overs) {
                    from_above(cell, over);
                }
            }
            _ => {}
        }
        if let (Some(cell), Some(over)) = (&mut raw.in_ordinance, &above.in_ordinance) {
            from_above(cell, over);
        }
    }

    /// A blank หมายเหตุ of a project that cannot be carried out, inside a range merged down from
    /// the project above (one reason written over both), is that reason for each. Asked only of
    /// such a row (rare: without it the row is refused), so the merged ranges are loaded for it
    /// alone.
    pub(super) fn merged_remark(&mut self, raw: &mut RawRow) {
        let Some((above, _)) = &self.held else { return };
        let (Some(cell), Some(over)) = (&mut raw.remark, &above.remark) else {
            return;
        };
        if !cell.value.is_blank() || over.value.is_blank() || !may_be_cannot(&raw.status) {
            return;
        }
        let row = raw.location.row.unwrap_or_default();
        let above_row = above.location.row.unwrap_or_default();
        if self
            .look
            .merged_down_from(above_row, row, cell.col)
            .is_some()
        {
            cell.value = over.value.clone();
        }
    }

    /// A blank name cell inside a range merged down from the project above, on a row with
    /// figures of its own (a row with nothing else continues the name, and never comes here):
    /// two projects under one name. It becomes [`Cell::MergedFrom`], refused by validation
    /// (`name-merged`) at the cell with the range, so the clerk is told to unmerge it, not to
    /// type into a cell Excel will not let them type into. Asked only of a blank name under a
    /// named project, which is refused anyway.
    pub(super) fn merged_name(&mut self, raw: &mut RawRow) {
        let Some((above, _)) = &self.held else { return };
        let blank = raw.name.as_ref().is_some_and(|c| c.value.is_blank());
        if !blank || not_a_project(raw) {
            return;
        }
        let (Some(cell), Some(over)) = (&mut raw.name, &above.name) else {
            return;
        };
        if over.value.is_blank() {
            return;
        }
        let row = raw.location.row.unwrap_or_default();
        let above_row = above.location.row.unwrap_or_default();
        if let Some(region) = self.look.merged_down_from(above_row, row, cell.col) {
            cell.value = Cell::MergedFrom(region.a1());
        }
    }

    /// A บรรจุ tick merged down over several projects whose statuses are not merged is each
    /// one's too. Asked only of a blank บรรจุ cell under a ticked one, and in xlsx only when the
    /// cell is an element without a value (a merged range's covered cells are written so):
    /// the merged ranges cost a second read of the sheet there.
    pub(super) fn merged_ordinance(&mut self, raw: &mut RawRow) {
        let Some((above, _)) = &self.held else { return };
        let (Some(cell), Some(over)) = (&mut raw.in_ordinance, &above.in_ordinance) else {
            return;
        };
        let row = raw.location.row.unwrap_or_default();
        let above_row = above.location.row.unwrap_or_default();
        if self.filled_above(cell, over, row)
            && self
                .look
                .merged_down_from(above_row, row, cell.col)
                .is_some()
        {
            cell.value = over.value.clone();
        }
    }

    /// Whether a blank cell under a filled one may lie in a range merged down over both, and so
    /// is worth asking the merged ranges of: in xlsx only a cell element without a value (a
    /// merged range's covered cells are written so; the ranges cost a second read of the sheet),
    /// in xls and ods any.
    fn filled_above(&self, cell: &RawCell, over: &RawCell, row: u32) -> bool {
        cell.value.is_blank()
            && !over.value.is_blank()
            && (self.hollow.contains(&(row, cell.col)) || self.look.merges_cheap())
    }

    /// A blank money cell inside a range merged down from the project above holds one amount
    /// over both: it becomes [`Cell::MergedFrom`], refused by validation (`money-merged`),
    /// never read as 0 beside the whole amount above. Asked of any blank amount under a filled
    /// one, in xlsx too where the covered cell is left out (openpyxl writes merges so): a blank
    /// amount is rare enough (`money-blank`) that the second read of the sheet it may cost is
    /// not paid by the files that have none.
    pub(super) fn merged_money(&mut self, raw: &mut RawRow) {
        let Some((above, _)) = &self.held else { return };
        let row = raw.location.row.unwrap_or_default();
        let above_row = above.location.row.unwrap_or_default();
        let fields = [
            (&mut raw.budget_plan, &above.budget_plan),
            (&mut raw.budget_ordinance, &above.budget_ordinance),
            (&mut raw.disbursed, &above.disbursed),
        ];
        for (cell, over) in fields {
            let (Some(cell), Some(over)) = (cell.as_mut(), over.as_ref()) else {
                continue;
            };
            if !cell.value.is_blank() || over.value.is_blank() {
                continue;
            }
            if let Some(region) = self.look.merged_down_from(above_row, row, cell.col) {
                // Nothing (`-`, `ไม่ใช้งบประมาณ`, 0) merged over several is nothing for each.
                cell.value = match money(&over.value) {
                    MoneyCell::Nil(_) => over.value.clone(),
                    MoneyCell::Number(d) | MoneyCell::Text(d) if d.is_zero() => over.value.clone(),
                    _ => Cell::MergedFrom(region.a1()),
                };
            }
        }
    }

    /// A blank cell the row needs (its name, มิติ, money, status; the status ticks when none is
    /// ticked) that holds a formula saved without its value (openpyxl, web exports) becomes
    /// [`Cell::Uncalculated`], so validation says so at the cell rather than reading 0. The
    /// sheet's formulas are read once, the first time such a cell is met.
    pub(super) fn uncalculated(&mut self, raw: &mut RawRow) {
        let row = raw.location.row.unwrap_or_default();
        let fields = [
            &mut raw.name,
            &mut raw.dimension,
            &mut raw.budget_plan,
            &mut raw.budget_ordinance,
            &mut raw.disbursed,
        ];
        let mut blank: Vec<&mut RawCell> = fields
            .into_iter()
            .flatten()
            .filter(|c| c.value.is_blank())
            .collect();
        let hollow = &self.hollow;
        let is_hollow = |c: &RawCell| {
            !hollow.is_empty() && c.value.is_blank() && hollow.contains(&(row, c.col))
        };
        let none = raw.status.is_blank();
        match &mut raw.status {
            RawStatus::Words(cell) => {
                if none {
                    blank.push(cell);
                }
            }
            // Every tick when none is ticked; else a tick made by a formula saved without its
            // value, beside a tick typed.
            RawStatus::Ticks(ticks) => {
                if none || !hollow.is_empty() {
                    let cells = ticks.iter_mut().map(|(_, c)| c);
                    blank.extend(cells.filter(|c| none || is_hollow(c)));
                }
            }
        }
        // Where a blank means "no" or "nothing" (บรรจุ, หมายเหตุ), only a hollow cell is asked.
        if !hollow.is_empty() {
            let others = [&mut raw.in_ordinance, &mut raw.remark, &mut raw.results];
            blank.extend(others.into_iter().flatten().filter(|c| is_hollow(c)));
        }
        for cell in blank {
            if let Some(formula) = self.look.formula_at(row, cell.col) {
                cell.value = Cell::Uncalculated(formula);
            }
        }
    }

    /// A row under a header whose cells with a value are all blank and whose other cells held
    /// none (`hollow`, their columns): a row of formulas saved without their values, as a sheet
    /// of `=IF(data!B2="","",data!B2)` is. Those cells' formulas become its cells
    /// ([`Cell::Uncalculated`]), so validation says `formula-no-value` at each rather than the
    /// row being passed over as blank. Asked only of rows with such cells; the sheet's formulas
    /// are read once.
    pub(crate) fn formulas_of_blank_row(&mut self, row: &mut SheetRow, hollow: &[u32]) {
        // Under a header, or right under one not yet taken (its second row may follow).
        let under_header = self.header.is_some() || self.pending.is_some();
        if !under_header || !row.is_blank() {
            return;
        }
        let mut found = false;
        for &col in hollow {
            if let Some(formula) = self.look.formula_at(row.row, col) {
                row.cells.push((col, Cell::Uncalculated(formula)));
                found = true;
            }
        }
        if found {
            row.cells.sort_by_key(|(col, _)| *col);
        }
    }

    /// Notes a cell that held no value ([`Cell::hollow`]).
    pub(crate) fn note_hollow(&mut self, row: u32, col: u32) {
        self.hollow.insert((row, col));
    }
}

/// Whether a row's status may be "cannot be carried out" (its tick filled, or its word
/// naming it): only such a row needs a reason.
fn may_be_cannot(status: &RawStatus) -> bool {
    match status {
        RawStatus::Words(cell) => status_word(&cell.value.text()) == Some(Status::Cannot),
        RawStatus::Ticks(ticks) => ticks
            .iter()
            .any(|(status, cell)| *status == Status::Cannot && !cell.value.is_blank()),
    }
}
