//! A written summary workbook, read back: the figures of สรุปผล and รายกอง as the same
//! [`ReportTotals`] that `compute` gives, so `mail SUMMARY.xlsx` writes the same body as
//! `merge --mail`. The summary holds values, not formulas, so every figure is a number cell;
//! f64 becomes Decimal once, through [`written_amount`], and is never computed with.
//!
//! Cell positions are those of `write/summary.rs` ([`Layout`]) and `write/divisions.rs`; a
//! workbook that is not a planmerge summary is refused, naming the sheet and cell that is off.

use crate::compute::{DimensionTotals, DivisionTotals, ReportTotals, StatusTotals};
use crate::model::{Dimension, column_letters};
use crate::read::cell::written_amount;
use crate::read::guard::xlsx_damage;
use crate::schema::{SHEET_DIVISIONS, SHEET_DRIVE, SHEET_SUMMARY, two_dp};
use crate::write::{Layout, PARTIAL};
use calamine::{Data, Range, Reader, Xlsx};
use rust_decimal::Decimal;
use std::io::Cursor;

/// What a summary workbook says besides its figures: enough to tell which report it is.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryFigures {
    /// Every figure, as `compute` gives it (divisions in the sheet's order, lowest score first).
    pub totals: ReportTotals,
    /// The title line of สรุปผล: `รายงานผลการนำแผนไปปฏิบัติ ประจำปีงบประมาณ พ.ศ. 2565 รอบ 6 เดือน`.
    pub title: String,
    /// The organization under the title.
    pub organization: String,
    /// `** ข้อมูล ณ วันที่ 21 เมษายน 2565`.
    pub as_of_line: String,
    /// The banner over สรุปผล, when there is one: a draft's (`ร่าง — มีข้อผิดพลาด N รายการ`),
    /// a report missing divisions' (`ข้อมูลยังไม่ครบ — …`), or both.
    pub banner: Option<String>,
    /// Whether the summary is a draft (its banner begins ร่าง).
    pub draft: bool,
    /// The line of สรุปผลการขับเคลื่อนแผนฯ comparing with the previous round
    /// (`- เทียบกับรอบก่อน …`), when the summary has one.
    pub since_previous: Option<String>,
}

/// How a draft's banner begins.
const DRAFT: &str = "ร่าง";

/// How the line comparing with the previous round begins ([`crate::write::since_previous`]).
const SINCE_PREVIOUS: &str = "- เทียบกับรอบก่อน";

/// Rows between the banner's top and the first division on รายกอง (title, note, blank, header).
const DIVISION_FIRST_ROW: u32 = 4;

/// Reads the figures of a summary workbook held in memory. The error says which sheet or cell
/// is not as planmerge writes it (English; the caller adds the Thai).
pub fn read_figures(bytes: &[u8]) -> Result<SummaryFigures, String> {
    if let Some(reason) = xlsx_damage(bytes) {
        return Err(reason);
    }
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let summary = sheet(&mut book, SHEET_SUMMARY)?;
    let divisions_sheet = sheet(&mut book, SHEET_DIVISIONS)?;
    let summary = Sheet::new(SHEET_SUMMARY, &summary);
    let banner = summary.banner();
    let draft = banner.as_deref().is_some_and(|b| b.starts_with(DRAFT));
    let layout = Layout::at(if banner.is_some() { 2 } else { 0 });
    let dimensions = dimension_rows(&summary, &layout)?;
    let total = dimension_figures(&summary, layout.total_row, None)?;
    let divisions = Sheet::new(SHEET_DIVISIONS, &divisions_sheet);
    let (divisions, waiting) = division_rows(&divisions, layout.title)?;
    let status = status_row(&summary, layout.status + 2, waiting)?;
    Ok(SummaryFigures {
        totals: ReportTotals {
            dimensions,
            total,
            status,
            divisions,
        },
        title: summary.text(layout.title, 0)?,
        organization: summary.text(layout.title + 1, 0)?,
        as_of_line: summary.text(layout.as_of, 0)?,
        banner,
        draft,
        since_previous: since_previous_line(&mut book),
    })
}

/// The `- เทียบกับรอบก่อน …` line in column A of สรุปผลการขับเคลื่อนแผนฯ, if the summary has it.
fn since_previous_line(book: &mut Xlsx<Cursor<&[u8]>>) -> Option<String> {
    let drive = book.worksheet_range(SHEET_DRIVE).ok()?;
    drive.rows().find_map(|row| match row.first() {
        Some(Data::String(text)) if text.starts_with(SINCE_PREVIOUS) => Some(text.clone()),
        _ => None,
    })
}

/// A sheet's cells, or why it cannot be had.
fn sheet(book: &mut Xlsx<Cursor<&[u8]>>, name: &str) -> Result<Range<Data>, String> {
    book.worksheet_range(name)
        .map_err(|e| format!("no sheet {name} ({e}): not a planmerge summary"))
}

/// One sheet of the summary, read cell by cell with the cell named in every error.
struct Sheet<'a> {
    name: &'static str,
    range: &'a Range<Data>,
}

impl<'a> Sheet<'a> {
    fn new(name: &'static str, range: &'a Range<Data>) -> Self {
        Sheet { name, range }
    }

    fn cell(&self, row: u32, col: u32) -> &Data {
        self.range.get_value((row, col)).unwrap_or(&Data::Empty)
    }

    fn place(&self, row: u32, col: u32) -> String {
        format!("{} › {}{}", self.name, column_letters(col), row + 1)
    }

    /// The banner on A1, if any: a draft's, a partial report's.
    fn banner(&self) -> Option<String> {
        match self.cell(0, 0) {
            Data::String(text) if text.starts_with(DRAFT) || text.starts_with(PARTIAL) => {
                Some(text.clone())
            }
            _ => None,
        }
    }

    fn text(&self, row: u32, col: u32) -> Result<String, String> {
        match self.cell(row, col) {
            Data::String(text) => Ok(text.clone()),
            other => Err(format!(
                "{}: expected text, found {other:?}",
                self.place(row, col)
            )),
        }
    }

    fn number(&self, row: u32, col: u32) -> Result<f64, String> {
        match self.cell(row, col) {
            Data::Float(f) => Ok(*f),
            Data::Int(i) => Ok(*i as f64),
            other => Err(format!(
                "{}: expected a number, found {other:?}",
                self.place(row, col)
            )),
        }
    }

    /// A count: a whole number from 0 up.
    fn count(&self, row: u32, col: u32) -> Result<u32, String> {
        let n = self.number(row, col)?;
        if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) {
            Ok(n as u32)
        } else {
            Err(format!("{}: {n} is not a count", self.place(row, col)))
        }
    }

    /// Baht or a percentage, exactly as shown (two decimals).
    fn amount(&self, row: u32, col: u32) -> Result<Decimal, String> {
        let n = self.number(row, col)?;
        written_amount(n)
            .map(two_dp)
            .ok_or_else(|| format!("{}: {n} is not an amount", self.place(row, col)))
    }
}

/// The four dimension rows of รายงานผลการนำแผนไปปฏิบัติ.
fn dimension_rows(s: &Sheet<'_>, layout: &Layout) -> Result<[DimensionTotals; 4], String> {
    let mut rows: [DimensionTotals; 4] = Default::default();
    for ((row, out), dimension) in (layout.dimension_rows..).zip(&mut rows).zip(Dimension::ALL) {
        if s.count(row, 1)? != u32::from(dimension.number()) {
            return Err(format!(
                "{}: expected dimension {}",
                s.place(row, 1),
                dimension.number()
            ));
        }
        *out = dimension_figures(s, row, Some(dimension))?;
    }
    Ok(rows)
}

/// Columns C-I of a row of the per-dimension table (as `write/summary.rs` writes them).
fn dimension_figures(
    s: &Sheet<'_>,
    row: u32,
    dimension: Option<Dimension>,
) -> Result<DimensionTotals, String> {
    Ok(DimensionTotals {
        dimension,
        projects: s.count(row, 2)?,
        completed: s.count(row, 3)?,
        budget_plan: s.amount(row, 4)?,
        budget_ordinance: s.amount(row, 5)?,
        disbursed: s.amount(row, 6)?,
        pct_projects: s.amount(row, 7)?,
        pct_disbursed: s.amount(row, 8)?,
    })
}

/// สถานะโครงการ/กิจกรรม/มาตรการ's value row; รอรายงาน is not in it and comes from รายกอง.
fn status_row(s: &Sheet<'_>, row: u32, waiting: u32) -> Result<StatusTotals, String> {
    Ok(StatusTotals {
        initial: s.count(row, 0)?,
        total: s.count(row, 1)?,
        in_ordinance: s.count(row, 2)?,
        in_progress: s.count(row, 3)?,
        completed: s.count(row, 4)?,
        cannot: s.count(row, 5)?,
        waiting,
        implementation_pct: s.amount(row, 6)?,
        level: s.text(row, 7)?,
    })
}

/// รายกอง's rows down to รวม, and the รวม row's รอรายงาน.
fn division_rows(s: &Sheet<'_>, top: u32) -> Result<(Vec<DivisionTotals>, u32), String> {
    let mut rows = Vec::new();
    let mut row = top + DIVISION_FIRST_ROW;
    loop {
        if matches!(s.cell(row, 0), Data::String(label) if label == "รวม") {
            return Ok((rows, s.count(row, 5)?));
        }
        if row > s.range.end().map_or(0, |(last, _)| last) {
            return Err(format!("{}: no รวม row", s.name));
        }
        // A listed division that sent nothing (named, with no figures), or one whose file had
        // no project (no score): neither is among the figures' divisions.
        if matches!(s.cell(row, 2), Data::String(_)) || matches!(s.cell(row, 9), Data::String(_)) {
            row += 1;
            continue;
        }
        rows.push(DivisionTotals {
            division: s.text(row, 1)?,
            projects: s.count(row, 2)?,
            completed: s.count(row, 3)?,
            in_progress: s.count(row, 4)?,
            waiting: s.count(row, 5)?,
            cannot: s.count(row, 6)?,
            budget: s.amount(row, 7)?,
            disbursed: s.amount(row, 8)?,
            score: s.amount(row, 9)?,
        });
        row += 1;
    }
}
