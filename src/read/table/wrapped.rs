//! Text wrapped by hand onto the row below: the rest of a project's name (joined to it), the
//! rest of a heading (read as part of it), or a row of only a name that could be either.

use super::{SheetRow, TableFinder};
use crate::read::cell::Cell;
use crate::read::structure::{is_sub_section, opens_as_project};

/// What a row of only a name is to the project above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NameRow {
    /// No such row.
    No,
    /// The rest of the name above, wrapped by hand.
    Continues,
    /// A new project's name, or the rest of the one above: which cannot be told.
    Either,
}

/// A name and the part of it wrapped onto the next row, each as typed: Thai runs on without a
/// space (Thai writes no space between words, and a hand-made break falls between two of
/// them), unless the break was made at a space — the first part ends with one or the rest
/// begins with some (`…จริยธรรม` over `      ของพนักงาน…`): then, as anything else, they are
/// joined by one space.
pub(super) fn join_name(first: &str, rest: &str) -> String {
    let is_thai = |c: Option<char>| c.is_some_and(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c));
    let at_space = first.ends_with(char::is_whitespace) || rest.starts_with(char::is_whitespace);
    let (first, rest) = (first.trim_end(), rest.trim());
    if !at_space && is_thai(first.chars().last()) && is_thai(rest.chars().next()) {
        format!("{first}{rest}")
    } else {
        format!("{first} {rest}")
    }
}

/// The columns of a row's text cells.
pub(super) fn text_columns(row: &SheetRow) -> Vec<u32> {
    row.cells
        .iter()
        .filter(|(_, c)| matches!(c, Cell::Text(t) if !t.trim().is_empty()))
        .map(|(col, _)| *col)
        .collect()
}

impl TableFinder {
    /// Whether `row` carries on the name of the project held above it: directly under it, and
    /// nothing in it but text in the name column (no ลำดับ, no figure, no tick). A text that
    /// opens as a project's name does (`กิจกรรม…`) carries it on only when the project's cells
    /// are merged down over this row; else which it is cannot be told ([`NameRow::Either`]).
    pub(super) fn continues_name(&mut self, row: &SheetRow) -> NameRow {
        let (Some((held, last)), Some(layout)) = (&self.held, &self.header) else {
            return NameRow::No;
        };
        // Cheapest first: most rows are not right under a project, or hold more than one cell.
        let under_held = row.row == last + 1;
        let under_either = row.row > 0 && self.either == Some(row.row - 1);
        if !under_held && !under_either {
            return NameRow::No;
        }
        let Some((col, text)) = row.lone_text() else {
            return NameRow::No;
        };
        let alone = Some(col) == layout.name
            && held.name.as_ref().is_some_and(|c| !c.value.is_blank())
            && !layout.project_columns().contains(&col);
        if !alone {
            return NameRow::No;
        }
        // Under a line that may be a project of its own, only another such line is judged so.
        match (opens_as_project(text), under_held) {
            (false, true) => return NameRow::Continues,
            (false, false) => return NameRow::No,
            (true, false) => return NameRow::Either,
            (true, true) => {}
        }
        let above = held.location.row.unwrap_or_default();
        let merged_down = layout
            .own_columns()
            .into_iter()
            .any(|c| self.look.merged_down_from(above, row.row, c).is_some());
        match merged_down {
            true => NameRow::Continues,
            false => NameRow::Either,
        }
    }

    /// Whether `row` is the rest of the heading right above it: only text, in a column the
    /// heading's text is in, under a header, and neither opening as a project's name does nor
    /// numbered as a sub-section (`2.1 แสดงเจตจำนง…` right under `มิติที่ 2 …` is a heading of
    /// its own).
    pub(super) fn continues_heading(&self, row: &SheetRow) -> bool {
        let Some((at, cols)) = &self.heading else {
            return false;
        };
        row.row == at + 1
            && self.header.is_some()
            && row.lone_text().is_some_and(|(col, text)| {
                cols.contains(&col) && !opens_as_project(text) && !is_sub_section(text)
            })
    }
}
