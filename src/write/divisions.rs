//! รายกอง — one row per division (กอง), in the order `compute` gives them (lowest score first,
//! so the coordinator sees who lags), then a รวม row of the counts and money. The score of a
//! division is (completed + 0.5 × in progress) / its projects × 100; the รวม row leaves the
//! score to the สรุปผล sheet, which computes it from the initial project count. Below the
//! divisions counted come those whose file had no project (0 of everything, no score), then
//! the listed divisions that sent nothing (`division-missing`).

use super::styles::Styles;
use super::{Summary, banner, fit_row, height_for_lines, num, page_setup, set_widths};
use rust_xlsxwriter::{Worksheet, XlsxError};

/// Last column used (J).
const LAST_COL: u16 = 9;

/// Column widths A-J.
const WIDTHS: [f64; 10] = [6.0, 34.0, 10.0, 12.0, 12.0, 10.0, 12.0, 16.0, 16.0, 14.0];

/// Header texts, A-J.
const HEADERS: [&str; 10] = [
    "ลำดับ",
    "กอง / สำนัก / หน่วย",
    "โครงการ",
    "ดำเนินการ\nแล้วเสร็จ",
    "อยู่ระหว่าง\nดำเนินการ",
    "รอรายงาน",
    "ไม่สามารถ\nดำเนินการได้",
    "งบประมาณตาม\nข้อบัญญัติ (บาท)",
    "เบิกจ่าย (บาท)",
    "คะแนน (ร้อยละ)",
];

/// What a listed division that sent nothing shows across its figures (the mail reads it back
/// by this).
pub const NOT_SENT: &str = "ยังไม่ส่งไฟล์ — ไม่รวมในตัวเลข";

/// What a division whose file has no project under its table shows in the score column: it
/// sent a file (so it is no missing division), and its counts are 0.
pub const NO_PROJECT: &str = "ไม่มีโครงการ";

/// Writes the รายกอง sheet.
pub fn write(sheet: &mut Worksheet, s: &Summary<'_>, st: &Styles) -> Result<(), XlsxError> {
    page_setup(sheet, s);
    set_widths(sheet, &WIDTHS)?;
    let top = banner(sheet, s, st, &WIDTHS, LAST_COL)?;
    let title = format!(
        "ผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต รายกอง {}",
        s.period()
    );
    sheet.merge_range(top, 0, top, LAST_COL, &title, &st.title)?;
    sheet.merge_range(
        top + 1,
        0,
        top + 1,
        LAST_COL,
        "เรียงจากคะแนนต่ำสุด · คะแนน = (แล้วเสร็จ + 0.5 × อยู่ระหว่างดำเนินการ) ÷ โครงการของกอง × 100",
        &st.subtitle,
    )?;
    let header = top + 3;
    for (col, text) in (0u16..).zip(HEADERS) {
        sheet.write_string_with_format(header, col, text, &st.header)?;
    }
    sheet.set_row_height(header, height_for_lines(2))?;
    sheet.set_repeat_rows(0, header)?;
    sheet.set_freeze_panes(header + 1, 0)?;

    let mut row = header + 1;
    for (number, d) in (1u32..).zip(&s.totals.divisions) {
        sheet.write_number_with_format(row, 0, number, &st.count)?;
        sheet.write_string_with_format(row, 1, &d.division, &st.text)?;
        let counts = [d.projects, d.completed, d.in_progress, d.waiting, d.cannot];
        for (col, count) in (2u16..).zip(counts) {
            sheet.write_number_with_format(row, col, count, &st.count)?;
        }
        sheet.write_number_with_format(row, 7, num(d.budget), &st.baht)?;
        sheet.write_number_with_format(row, 8, num(d.disbursed), &st.baht)?;
        sheet.write_number_with_format(row, 9, num(d.score), &st.percent)?;
        fit_row(sheet, row, &[(&d.division, WIDTHS[1], 16.0)])?;
        row += 1;
    }

    // Divisions that sent a file with no project in it: 0 of everything, no score.
    let mut number = s.totals.divisions.len() as u32;
    for division in s.empty_divisions() {
        number += 1;
        sheet.write_number_with_format(row, 0, number, &st.count)?;
        sheet.write_string_with_format(row, 1, division, &st.text)?;
        for col in 2u16..=6 {
            sheet.write_number_with_format(row, col, 0, &st.count)?;
        }
        sheet.write_number_with_format(row, 7, 0, &st.baht)?;
        sheet.write_number_with_format(row, 8, 0, &st.baht)?;
        sheet.write_string_with_format(row, 9, NO_PROJECT, &st.text_center)?;
        fit_row(sheet, row, &[(division, WIDTHS[1], 16.0)])?;
        row += 1;
    }

    // Listed divisions with no file: named, their figures a dash, not 0 (nothing is known).
    let first_missing = number + 1;
    for (number, division) in (first_missing..).zip(s.missing_divisions()) {
        sheet.write_number_with_format(row, 0, number, &st.count)?;
        sheet.write_string_with_format(row, 1, division, &st.text)?;
        sheet.merge_range(row, 2, row, LAST_COL, NOT_SENT, &st.text_center)?;
        fit_row(sheet, row, &[(division, WIDTHS[1], 16.0)])?;
        row += 1;
    }

    let status = &s.totals.status;
    let total = &s.totals.total;
    sheet.merge_range(row, 0, row, 1, "รวม", &st.total_label)?;
    let counts = [
        status.total,
        status.completed,
        status.in_progress,
        status.waiting,
        status.cannot,
    ];
    for (col, count) in (2u16..).zip(counts) {
        sheet.write_number_with_format(row, col, count, &st.total_count)?;
    }
    sheet.write_number_with_format(row, 7, num(total.budget_ordinance), &st.total_baht)?;
    sheet.write_number_with_format(row, 8, num(total.disbursed), &st.total_baht)?;
    sheet.write_blank(row, 9, &st.total_label)?;
    Ok(())
}
