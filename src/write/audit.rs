//! ตรวจสอบข้อมูล — the audit trail, so each figure can be traced back to its source: every input
//! file (SHA-256, sheets, rows read, rows counted into the report), how each sheet's table was
//! read (header rows, where the dimension comes from, each field's column), then every issue with
//! its place, code, severity and message. Rows counted = the projects each file contributed.

use super::styles::Styles;
use super::{Summary, banner, fit_row, height_for_lines, lines_needed, page_setup, set_widths};
use crate::issue::{Issue, Problem, Severity};
use crate::read::InputFile;
use rust_xlsxwriter::{Worksheet, XlsxError};

/// Last column used (E).
const LAST_COL: u16 = 4;

/// Points per line of the คอลัมน์ที่อ่าน cell: each line holds `→`, which Thai fonts lack, and
/// the symbol font it is drawn from makes the line taller than TH Sarabun New's 23 pt (seen in
/// LibreOffice, where the first and last lines were cut off at 23).
const ARROW_LINE_PT: f64 = 27.0;

/// Column widths A-E.
const WIDTHS: [f64; 5] = [40.0, 26.0, 12.0, 14.0, 72.0];

/// Whether `file` is a summary planmerge wrote, skipped as an input (`summary-skipped`).
fn own_summary(s: &Summary<'_>, file: &str) -> bool {
    s.issues
        .iter()
        .any(|i| *i.location.file == *file && matches!(i.problem, Problem::SummarySkipped))
}

/// The files read, without planmerge's own summaries: an earlier run's output beside the
/// files leaves no trace here, so the next run writes the same file (and a retried
/// `merge --mail` is known as sent). The terminal and JSON still say it was skipped.
fn inputs<'a>(s: &'a Summary<'_>) -> impl Iterator<Item = &'a InputFile> {
    s.inputs.iter().filter(|i| !own_summary(s, &i.file))
}

/// The issues, without `summary-skipped` (see [`inputs`]).
fn issues<'a>(s: &'a Summary<'_>) -> impl Iterator<Item = &'a Issue> {
    let skipped = |i: &&Issue| matches!(i.problem, Problem::SummarySkipped);
    s.issues.iter().filter(move |i| !skipped(i))
}

/// Writes the ตรวจสอบข้อมูล sheet.
pub fn write(sheet: &mut Worksheet, s: &Summary<'_>, st: &Styles) -> Result<(), XlsxError> {
    page_setup(sheet, s);
    set_widths(sheet, &WIDTHS)?;
    let top = banner(sheet, s, st, &WIDTHS, LAST_COL)?;
    sheet.merge_range(
        top,
        0,
        top,
        LAST_COL,
        "ตรวจสอบข้อมูล — ที่มาของตัวเลขทุกตัว",
        &st.title,
    )?;
    let counted = |severity: Severity| {
        let kept = issues(s).filter(|i| i.severity() == severity).count();
        let omitted = inputs(s).flat_map(|i| &i.omitted);
        kept + omitted
            .filter(|o| o.severity == severity)
            .map(|o| o.count)
            .sum::<usize>()
    };
    let counts = format!(
        "ไฟล์ข้อมูล {} ไฟล์ · โครงการที่นับ {} · ข้อผิดพลาด {} รายการ · คำเตือน {} รายการ · หมายเหตุ {} รายการ",
        inputs(s).count(),
        s.totals.total.projects,
        s.errors,
        counted(Severity::Warning),
        counted(Severity::Note),
    );
    sheet.merge_range(top + 1, 0, top + 1, LAST_COL, &counts, &st.subtitle)?;
    // A printed page past the first still says what it is.
    sheet.set_repeat_rows(0, top + 1)?;
    let next = inputs_table(sheet, s, st, top + 3)?;
    let next = reading_table(sheet, s, st, next + 1)?;
    issues_table(sheet, s, st, next + 1)
}

/// อ่านอย่างไร: per sheet with a project table, what was understood — header rows, where the
/// dimension comes from, rows read and counted, each field's column (as `check --explain`).
/// Returns the next free row.
fn reading_table(
    sheet: &mut Worksheet,
    s: &Summary<'_>,
    st: &Styles,
    row: u32,
) -> Result<u32, XlsxError> {
    sheet.write_string_with_format(row, 0, "อ่านตารางอย่างไร", &st.caption)?;
    let header = [
        "ไฟล์ › แผ่นงาน",
        "หัวตาราง / มิติจาก",
        "แถวที่อ่าน",
        "แถวที่นับ\nในรายงาน",
        "คอลัมน์ที่อ่าน",
    ];
    for (col, text) in (0u16..).zip(header) {
        sheet.write_string_with_format(row + 1, col, text, &st.header)?;
    }
    sheet.set_row_height(row + 1, height_for_lines(2))?;
    let mut r = row + 2;
    for input in inputs(s) {
        for table in &input.tables {
            let place = format!("{} › {}", input.file, table.sheet);
            let how = format!(
                "แถว {}\nมิติจาก {}",
                table.header_rows_text(),
                table.dimension_from
            );
            let mut columns = table.columns.join("\n");
            for line in table.detail_lines() {
                columns.push('\n');
                columns.push_str(&line);
            }
            sheet.write_string_with_format(r, 0, &place, &st.text)?;
            sheet.write_string_with_format(r, 1, &how, &st.text)?;
            sheet.write_number_with_format(r, 2, table.rows_read as f64, &st.count)?;
            sheet.write_number_with_format(r, 3, table.counted as f64, &st.count)?;
            sheet.write_string_with_format(r, 4, &columns, &st.text)?;
            let text_lines =
                lines_needed(&place, WIDTHS[0], 16.0).max(lines_needed(&how, WIDTHS[1], 16.0));
            let column_lines = lines_needed(&columns, WIDTHS[4], 16.0);
            let height = height_for_lines(text_lines)
                .max(ARROW_LINE_PT * f64::from(column_lines) + ARROW_LINE_PT / 2.0)
                .min(super::MAX_ROW_PT);
            sheet.set_row_height(r, height)?;
            r += 1;
        }
    }
    Ok(r)
}

/// ไฟล์ข้อมูลที่อ่าน: file | sheets | rows read | rows counted | SHA-256. Returns the next free row.
fn inputs_table(
    sheet: &mut Worksheet,
    s: &Summary<'_>,
    st: &Styles,
    row: u32,
) -> Result<u32, XlsxError> {
    sheet.write_string_with_format(row, 0, "ไฟล์ข้อมูลที่อ่าน", &st.caption)?;
    let header = [
        "ไฟล์",
        "แผ่นงานที่มีตารางโครงการ",
        "แถวที่อ่าน",
        "แถวที่นับ\nในรายงาน",
        "SHA-256",
    ];
    for (col, text) in (0u16..).zip(header) {
        sheet.write_string_with_format(row + 1, col, text, &st.header)?;
    }
    sheet.set_row_height(row + 1, height_for_lines(2))?;
    let mut r = row + 2;
    for input in inputs(s) {
        sheet.write_string_with_format(r, 0, &input.file, &st.text)?;
        sheet.write_string_with_format(r, 1, input.sheets.join("\n"), &st.text)?;
        sheet.write_number_with_format(r, 2, input.rows as f64, &st.count)?;
        sheet.write_number_with_format(r, 3, input.counted as f64, &st.count)?;
        sheet.write_string_with_format(r, 4, &input.sha256, &st.small)?;
        let sheets = input.sheets.join("\n");
        fit_row(
            sheet,
            r,
            &[(&input.file, WIDTHS[0], 16.0), (&sheets, WIDTHS[1], 16.0)],
        )?;
        r += 1;
    }
    if inputs(s).next().is_none() {
        sheet.merge_range(r, 0, r, LAST_COL, "ไม่มีไฟล์ข้อมูล", &st.text)?;
        r += 1;
    }
    Ok(r)
}

/// ข้อผิดพลาดและคำเตือน: place | code | severity | message.
fn issues_table(
    sheet: &mut Worksheet,
    s: &Summary<'_>,
    st: &Styles,
    row: u32,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(row, 0, "ข้อผิดพลาด คำเตือน และหมายเหตุ", &st.caption)?;
    sheet.write_string_with_format(row + 1, 0, "ตำแหน่ง (ไฟล์ › แผ่นงาน › เซลล์)", &st.header)?;
    sheet.write_string_with_format(row + 1, 1, "รหัส", &st.header)?;
    sheet.merge_range(row + 1, 2, row + 1, 3, "ระดับ", &st.header)?;
    sheet.write_string_with_format(row + 1, 4, "ข้อความ", &st.header)?;
    let mut r = row + 2;
    for issue in issues(s) {
        let (word, format) = match issue.severity() {
            Severity::Error => ("ข้อผิดพลาด", &st.severity_error),
            Severity::Warning => ("คำเตือน", &st.severity_warning),
            Severity::Note => ("หมายเหตุ", &st.text),
        };
        sheet.write_string_with_format(r, 0, issue.place(), &st.text)?;
        sheet.write_string_with_format(r, 1, issue.problem.code(), &st.text)?;
        sheet.merge_range(r, 2, r, 3, word, format)?;
        let place = issue.place();
        let message = format!("{} — {}", issue.message(), issue.fix());
        sheet.write_string_with_format(r, 4, &message, &st.text)?;
        fit_row(
            sheet,
            r,
            &[(&place, WIDTHS[0], 16.0), (&message, WIDTHS[4], 16.0)],
        )?;
        r += 1;
    }
    if issues(s).next().is_none() {
        sheet.merge_range(r, 0, r, LAST_COL, "ไม่พบข้อผิดพลาดหรือคำเตือน", &st.text)?;
    }
    Ok(())
}
