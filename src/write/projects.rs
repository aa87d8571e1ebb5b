//! รายการโครงการ — the merged project list, as the seed's list: a title repeated on every printed
//! page, a two-row header with สถานะ merged over its four tick columns, ☑ centred, names and
//! remarks wrapped. Beyond the seed: the ordinance columns, the division (กอง) and the source
//! (file › sheet › row) of every row.
//!
//! Columns: A ลำดับ · B รายการโครงการ · C มิติ · D งบประมาณ (บาท) · E งบประมาณตามข้อบัญญัติ ·
//! F เบิกจ่าย (บาท) · G บรรจุในข้อบัญญัติ · H-K สถานะ (รอรายงาน, อยู่ระหว่างดำเนินการ,
//! ดำเนินการแล้วเสร็จ, ไม่สามารถดำเนินการได้) · L หมายเหตุ · M กอง · N แหล่งข้อมูล.

use super::styles::Styles;
use super::{LARGE_LIST, banner_text, fit_row, height_for_lines, num, set_widths};
use crate::config::ReportConfig;
use crate::model::ProjectRow;
use rust_xlsxwriter::{ConditionalFormatFormula, IgnoreError, Worksheet, XlsxError};
use std::path::{Path, is_separator};

/// The tick written in ticked cells.
pub const TICK: &str = "☑";

/// Last column used (N).
const LAST_COL: u16 = 13;

/// Column of the first status tick (H).
pub const FIRST_STATUS_COL: u16 = 7;

/// Column of the บรรจุในข้อบัญญัติ tick (G).
pub const IN_ORDINANCE_COL: u16 = 6;

/// Column widths A-N, in characters.
const WIDTHS: [f64; 14] = [
    6.0, 46.0, 5.0, 13.0, 13.0, 12.0, 11.0, 8.0, 9.0, 9.0, 9.0, 26.0, 16.0, 24.0,
];

/// Headers merged over both header rows: (column, text).
const SINGLE_HEADERS: [(u16, &str); 10] = [
    (0, "ลำดับ"),
    (1, "รายการโครงการ (ตั้งต้น)"),
    (2, "มิติ"),
    (3, "งบประมาณ\n(บาท)"),
    (4, "งบประมาณตาม\nข้อบัญญัติ/\nเทศบัญญัติ"),
    (5, "เบิกจ่าย\n(บาท)"),
    (6, "บรรจุใน\nข้อบัญญัติ/\nเทศบัญญัติ"),
    (11, "หมายเหตุ"),
    (12, "กอง"),
    (13, "แหล่งข้อมูล\n(ไฟล์ › แผ่นงาน › แถว)"),
];

/// The four status headers under สถานะ, broken as the seed breaks them.
const STATUS_HEADERS: [&str; 4] = [
    "รอ\nรายงาน",
    "อยู่\nระหว่าง\nดำเนิน\nการ",
    "ดำเนิน\nการ\nแล้วเสร็จ",
    "ไม่\nสามารถ\nดำเนิน\nการได้",
];

/// The รายการโครงการ sheet while it is written: projects arrive one at a time, in merge order.
#[derive(Debug)]
pub struct ProjectList {
    /// Row of project 1.
    first_row: u32,
    /// Row of the next project.
    next_row: u32,
    /// Projects written.
    count: u32,
    /// The folder every input is in, left out of the source column ([`shared_folder`]).
    folder: String,
}

impl ProjectList {
    /// Writes the banner (when `draft`), the title and the header, and sets the columns. The
    /// source column names files below `folder` (see [`shared_folder`]).
    pub fn begin(
        sheet: &mut Worksheet,
        config: &ReportConfig,
        draft: Option<&str>,
        folder: String,
        st: &Styles,
    ) -> Result<Self, XlsxError> {
        set_widths(sheet, &WIDTHS)?;
        let list = &st.list;
        let column_formats = [
            &list.count,
            &list.text,
            &list.count,
            &list.baht,
            &list.baht,
            &list.baht,
            &list.tick,
            &list.tick,
            &list.tick,
            &list.tick,
            &list.tick,
            &list.text,
            &list.text,
            &list.small,
        ];
        for (col, format) in (0u16..).zip(column_formats) {
            sheet.set_column_format(col, format)?;
        }
        let top = banner_text(sheet, draft, st, &WIDTHS, LAST_COL)?;
        let title = format!(
            "รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ของ{} พ.ศ. {} รอบ {} เดือน",
            config.organization, config.fiscal_year, config.round
        );
        sheet.merge_range(top, 0, top, LAST_COL, &title, &st.title)?;
        sheet.set_row_height(top, 30)?;
        let header = top + 1;
        write_header(sheet, st, header)?;
        let first = header + 2;
        // Print titles: banner (if any), title and the two header rows on every page.
        sheet.set_repeat_rows(0, first - 1)?;
        sheet.set_freeze_panes(first, 2)?;
        Ok(ProjectList {
            first_row: first,
            next_row: first,
            count: 0,
            folder,
        })
    }

    /// Writes the next project. Rows past [`LARGE_LIST`] keep the default height: a list that
    /// long is not worth estimating each row's height for.
    pub fn push(&mut self, sheet: &mut Worksheet, project: ProjectRow) -> Result<(), XlsxError> {
        self.count += 1;
        let fit = self.count <= LARGE_LIST;
        let source = source(&project, &self.folder);
        write_project(sheet, self.next_row, self.count, project, source, fit)?;
        self.next_row += 1;
        Ok(())
    }

    /// Projects written so far.
    pub fn count(&self) -> u32 {
        self.count
    }

    /// Draws the borders over the rows written, and puts the filter buttons on the header's
    /// lower row over them (the coordinator filters by กอง or status, sorts by มิติ).
    pub fn finish(&self, sheet: &mut Worksheet, st: &Styles) -> Result<(), XlsxError> {
        if self.count == 0 {
            return Ok(());
        }
        sheet.autofilter(self.first_row - 1, 0, self.next_row - 1, LAST_COL)?;
        // A sub-dimension code is text as written (`1.10` is not `1.1`): no green triangle
        // telling the coordinator to make it a number.
        let last = self.next_row - 1;
        sheet.ignore_error_range(self.first_row, 2, last, 2, IgnoreError::NumberStoredAsText)?;
        let borders = ConditionalFormatFormula::new()
            .set_rule("=TRUE")
            .set_format(&st.list.border);
        sheet.add_conditional_format(self.first_row, 0, self.next_row - 1, LAST_COL, &borders)?;
        Ok(())
    }
}

/// The two-row header: single headers merged down, สถานะ merged across its four columns.
fn write_header(sheet: &mut Worksheet, st: &Styles, row: u32) -> Result<(), XlsxError> {
    for (col, text) in SINGLE_HEADERS {
        sheet.merge_range(row, col, row + 1, col, text, &st.header)?;
    }
    let last_status = FIRST_STATUS_COL + 3;
    sheet.merge_range(row, FIRST_STATUS_COL, row, last_status, "สถานะ", &st.header)?;
    for (col, text) in (FIRST_STATUS_COL..).zip(STATUS_HEADERS) {
        sheet.write_string_with_format(row + 1, col, text, &st.header)?;
    }
    sheet.set_row_height(row + 1, height_for_lines(4))?;
    Ok(())
}

/// One project row. Cells take their column's format (see [`ListStyles`]); unticked cells and
/// empty remarks are left empty. The project's texts are moved into the sheet, not copied.
///
/// [`ListStyles`]: super::styles::ListStyles
fn write_project(
    sheet: &mut Worksheet,
    row: u32,
    number: u32,
    p: ProjectRow,
    source: String,
    fit: bool,
) -> Result<(), XlsxError> {
    if fit {
        fit_row(
            sheet,
            row,
            &[
                (&p.name, WIDTHS[1], 16.0),
                (&p.remark, WIDTHS[11], 16.0),
                (&p.division, WIDTHS[12], 16.0),
                (&source, WIDTHS[13], 12.0),
            ],
        )?;
    }
    sheet.write_number(row, 0, number)?;
    sheet.write_string(row, 1, p.name)?;
    // The sub-dimension code as written (`2.3`), else the dimension's number.
    match &p.dimension_code {
        Some(code) => sheet.write_string(row, 2, code)?,
        None => sheet.write_number(row, 2, p.dimension.number())?,
    };
    sheet.write_number(row, 3, num(p.budget_plan))?;
    sheet.write_number(row, 4, num(p.budget_ordinance))?;
    sheet.write_number(row, 5, num(p.disbursed))?;
    if p.in_ordinance {
        sheet.write_string(row, IN_ORDINANCE_COL, TICK)?;
    }
    sheet.write_string(row, FIRST_STATUS_COL + p.status.index() as u16, TICK)?;
    sheet.write_string(row, 11, p.remark)?;
    sheet.write_string(row, 12, &*p.division)?;
    sheet.write_string(row, 13, source)?;
    Ok(())
}

/// `กองคลัง.xlsx › แผ่น1 › แถว 8` (the row number as Excel shows it), the file named below
/// `folder`: the coordinator sees which file, not the path typed on the command line again on
/// every row (which would also make each printed row taller).
pub fn source(p: &ProjectRow, folder: &str) -> String {
    let loc = &p.source;
    let mut text = below(&loc.file, folder).to_string();
    if !loc.sheet.is_empty() {
        text.push_str(" › ");
        text.push_str(&loc.sheet);
    }
    if let Some(row) = loc.row {
        use std::fmt::Write;
        let _ = write!(text, " › แถว {}", u64::from(row) + 1);
    }
    text
}

/// The deepest folder that holds every one of `files`, as typed (`samples/6-month` for the
/// files of `merge samples/6-month`); empty when they share none (`a/x.xlsx`, `b/y.xlsx`).
pub fn shared_folder<'a>(files: impl IntoIterator<Item = &'a Path>) -> String {
    let mut files = files.into_iter();
    let Some(first) = files.next() else {
        return String::new();
    };
    let mut shared = first.parent();
    for file in files {
        while let Some(folder) = shared {
            if file.starts_with(folder) {
                break;
            }
            shared = folder.parent();
        }
    }
    shared.map_or_else(String::new, |f| f.to_string_lossy().into_owned())
}

/// `file` named below `folder`; a file that is not below it, as it is.
fn below<'a>(file: &'a str, folder: &str) -> &'a str {
    if folder.is_empty() {
        return file;
    }
    let Some(rest) = file.strip_prefix(folder) else {
        return file;
    };
    if folder.ends_with(is_separator) {
        return rest;
    }
    match rest.strip_prefix(is_separator) {
        Some(name) if !name.is_empty() => name,
        _ => file,
    }
}
