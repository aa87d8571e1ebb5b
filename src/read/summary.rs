//! A summary workbook written by planmerge, read back: the project list (รายการโครงการ) gives
//! every project exactly as it was written — name, dimension (or sub-dimension code), the three
//! amounts, the บรรจุ tick, the status, the remark, the division and the source — so an earlier
//! round can be compared with this one (`--previous`) or prefill a form (`template --from`).
//! Amounts are whole satang in the file, so they come back as the same Decimal.

use super::boundary::try_call;
use super::cell::{Cell, written_amount};
use super::guard;
use crate::issue::{Problem, Unreadable};
use crate::model::{Dimension, Location, ProjectRow, RowCells, Status};
use crate::schema::SHEET_PROJECTS;
use crate::schema::io::thai_reason;
use crate::schema::text::{clean_text, normalized};
use calamine::{Data, Reader, Xlsx};
use rust_decimal::Decimal;
use std::io::Cursor;
use std::path::Path;
use std::sync::Arc;

/// Columns of the list (write/projects.rs): A ลำดับ, B name, C มิติ, D-F money, G บรรจุ, H-K the
/// four statuses, L หมายเหตุ, M กอง, N source.
const NAME: usize = 1;
const DIMENSION: usize = 2;
const BUDGET_PLAN: usize = 3;
const BUDGET_ORDINANCE: usize = 4;
const DISBURSED: usize = 5;
const IN_ORDINANCE: usize = 6;
const FIRST_STATUS: usize = 7;
const REMARK: usize = 11;
const DIVISION: usize = 12;

/// Reads every project of the summary at `path` (shown as `shown` in locations).
pub fn read_summary_projects(path: &Path) -> Result<Vec<ProjectRow>, Problem> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Problem::FileUnreadable {
        cause: Unreadable::System(thai_reason(&e)),
        reason: e.to_string(),
    })?;
    if let Some(reason) = guard::xlsx_damage(&bytes) {
        return Err(Problem::FileUnreadable {
            cause: Unreadable::Damaged,
            reason,
        });
    }
    let mut book = try_call(|| Xlsx::new(Cursor::new(bytes)))?;
    if !book.sheet_names().iter().any(|name| name == SHEET_PROJECTS) {
        return Err(Problem::SummaryEdited {
            what: (
                format!("ไม่มีแผ่นงาน {SHEET_PROJECTS} (ถูกเปลี่ยนชื่อหรือลบ)"),
                format!("no sheet {SHEET_PROJECTS} (renamed or deleted)"),
            ),
        });
    }
    let range = try_call(|| book.worksheet_range(SHEET_PROJECTS))?;
    let file: Arc<str> = shown.as_str().into();
    let sheet: Arc<str> = SHEET_PROJECTS.into();
    let start = range.start().map_or(0, |(row, _)| row);
    let mut projects = Vec::new();
    let mut in_list = false;
    for (i, row) in range.rows().enumerate() {
        let at = start + i as u32;
        let text = |col: usize| row.get(col).map(Cell::from).unwrap_or_default();
        if !in_list {
            // The list starts under its header (ลำดับ | รายการโครงการ…).
            in_list = normalized(&text(0).text()) == "ลำดับ"
                && normalized(&text(NAME).text()).starts_with("รายการโครงการ");
            continue;
        }
        let Some(Data::Float(_) | Data::Int(_)) = row.first() else {
            continue;
        };
        let location = Location {
            file: file.clone(),
            sheet: sheet.clone(),
            row: Some(at),
            col: Some(NAME as u32),
        };
        projects.push(project(row, location).map_err(|col| {
            let cell = format!("{}{}", crate::model::column_letters(col as u32), at + 1);
            let found = row.get(col).map(|d| Cell::from(d).text().into_owned());
            let found = found.unwrap_or_default();
            Problem::SummaryEdited {
                what: (
                    format!("ช่อง {cell} ของแผ่นงาน {SHEET_PROJECTS} ไม่เป็นอย่างที่ planmerge เขียน (พบ \"{found}\")"),
                    format!("cell {cell} of {SHEET_PROJECTS} is not as planmerge wrote it (found \"{found}\")"),
                ),
            }
        })?);
    }
    Ok(projects)
}

/// One row of the list; the column of the first cell that does not read as the writer wrote it.
fn project(row: &[Data], source: Location) -> Result<ProjectRow, usize> {
    let cell = |col: usize| row.get(col).map(Cell::from).unwrap_or_default();
    let money = |col: usize| match row.get(col) {
        Some(Data::Float(n)) => written_amount(*n),
        Some(Data::Int(n)) => Some(Decimal::from(*n)),
        _ => None,
    };
    let ticked = |col: usize| !cell(col).is_blank();
    let (dimension, dimension_code) = match cell(DIMENSION) {
        Cell::Number(n) => (Dimension::new(n as u8).ok_or(DIMENSION)?, None),
        Cell::Text(code) => {
            let first = code.split('.').next().and_then(|n| n.parse().ok());
            (first.and_then(Dimension::new).ok_or(DIMENSION)?, Some(code))
        }
        _ => return Err(DIMENSION),
    };
    let status = Status::ALL
        .into_iter()
        .find(|s| ticked(FIRST_STATUS + s.index()))
        .ok_or(FIRST_STATUS)?;
    Ok(ProjectRow {
        name: clean_text(&cell(NAME).text()),
        dimension,
        dimension_code,
        budget_plan: money(BUDGET_PLAN).ok_or(BUDGET_PLAN)?,
        budget_ordinance: money(BUDGET_ORDINANCE).ok_or(BUDGET_ORDINANCE)?,
        disbursed: money(DISBURSED).ok_or(DISBURSED)?,
        in_ordinance: ticked(IN_ORDINANCE),
        status,
        remark: clean_text(&cell(REMARK).text()),
        division: clean_text(&cell(DIVISION).text()).into(),
        source,
        cells: RowCells {
            status: Some(FIRST_STATUS as u32 + status.index() as u32),
            disbursed: Some(DISBURSED as u32),
        },
    })
}
