//! สรุปผล — the tables of the report's chapter 3, top to bottom, as the seed prints them:
//!
//! 1. title block (รายงานผลการนำแผนไปปฏิบัติ …, organization, location);
//! 2. the per-dimension table with its two-level header, the organization merged down the
//!    dimension rows, and the รวม row;
//! 3. โครงการ/งบประมาณ (ตามแผนพัฒนาท้องถิ่น) and (ตามข้อบัญญัติ/เทศบัญญัติ/แผนการดำเนินงาน),
//!    dimension by dimension across, then รวม 4 มิติ;
//! 4. การเบิกจ่ายงบประมาณ;
//! 5. สถานะโครงการ/กิจกรรม/มาตรการ with the score and its level;
//! 6. ** ข้อมูล ณ วันที่ ….
//!
//! Columns A-J. Without the draft banner the per-dimension table's header is on rows 5-6, the
//! dimensions on rows 7-10 and รวม on row 11 (see [`Layout`]); the banner shifts everything down
//! by two rows.

use super::styles::Styles;
use super::{Summary, banner, height_for_lines, num, page_setup, set_widths};
use crate::compute::DimensionTotals;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

/// Last column used (J).
const LAST_COL: u16 = 9;

/// Column widths A-J, in characters: ชื่อ อปท., then numbers wide enough for 8,536,600.00.
const WIDTHS: [f64; 10] = [24.0, 15.0, 15.0, 15.0, 15.0, 15.0, 15.0, 15.0, 15.0, 15.0];

/// Where the tables start (zero-based rows), given the first free row under the banner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Title row.
    pub title: u32,
    /// First header row of the per-dimension table (the second is `+1`).
    pub dimension_header: u32,
    /// Row of dimension 1 (dimension d is at `+ d - 1`).
    pub dimension_rows: u32,
    /// The รวม row.
    pub total_row: u32,
    /// Caption of โครงการ/งบประมาณ (ตามแผนพัฒนาท้องถิ่น); headers `+1`, `+2`; values `+3`.
    pub across_plan: u32,
    /// Caption of the ordinance table; same shape.
    pub across_ordinance: u32,
    /// Caption of การเบิกจ่ายงบประมาณ; header `+1`; dimensions `+2..+5`; รวม `+6`.
    pub disbursement: u32,
    /// Caption of สถานะโครงการ/กิจกรรม/มาตรการ; header `+1`; values `+2`.
    pub status: u32,
    /// The ** ข้อมูล ณ วันที่ line.
    pub as_of: u32,
}

impl Layout {
    /// The layout below `top` (0, or 2 under the draft banner).
    pub fn at(top: u32) -> Self {
        Layout {
            title: top,
            dimension_header: top + 4,
            dimension_rows: top + 6,
            total_row: top + 10,
            across_plan: top + 12,
            across_ordinance: top + 17,
            disbursement: top + 22,
            status: top + 30,
            as_of: top + 34,
        }
    }
}

/// Writes the สรุปผล sheet.
pub fn write(sheet: &mut Worksheet, s: &Summary<'_>, st: &Styles) -> Result<(), XlsxError> {
    page_setup(sheet, s);
    // The chapter-3 tables are one printed page, as in the report.
    sheet.set_print_fit_to_pages(1, 1);
    set_widths(sheet, &WIDTHS)?;
    let top = banner(sheet, s, st, &WIDTHS, LAST_COL)?;
    let layout = Layout::at(top);
    title_block(sheet, s, st, layout.title)?;
    dimension_table(sheet, s, st, &layout)?;
    across_table(
        sheet,
        st,
        layout.across_plan,
        "โครงการ/งบประมาณ (ตามแผนพัฒนาท้องถิ่น)",
        s,
        |d| d.budget_plan,
    )?;
    across_table(
        sheet,
        st,
        layout.across_ordinance,
        "โครงการ/งบประมาณ (ตามข้อบัญญัติ/เทศบัญญัติ/แผนการดำเนินงาน)",
        s,
        |d| d.budget_ordinance,
    )?;
    disbursement_table(sheet, s, st, layout.disbursement)?;
    status_table(sheet, s, st, layout.status)?;
    sheet.write_string_with_format(layout.as_of, 0, s.as_of_line(), &st.prose_bold)?;
    Ok(())
}

/// Title, organization, location: three merged lines across A-J.
fn title_block(
    sheet: &mut Worksheet,
    s: &Summary<'_>,
    st: &Styles,
    row: u32,
) -> Result<(), XlsxError> {
    let title = format!("รายงานผลการนำแผนไปปฏิบัติ {}", s.period());
    sheet.merge_range(row, 0, row, LAST_COL, &title, &st.title)?;
    let organization = &s.config.organization;
    sheet.merge_range(row + 1, 0, row + 1, LAST_COL, organization, &st.subtitle)?;
    sheet.merge_range(
        row + 2,
        0,
        row + 2,
        LAST_COL,
        &s.config.location,
        &st.subtitle,
    )?;
    sheet.set_row_height(row, 30)?;
    Ok(())
}

/// รายงานผลการนำแผนไปปฏิบัติ: two-level header, one row per dimension, รวม.
fn dimension_table(
    sheet: &mut Worksheet,
    s: &Summary<'_>,
    st: &Styles,
    layout: &Layout,
) -> Result<(), XlsxError> {
    let (h1, h2) = (layout.dimension_header, layout.dimension_header + 1);
    sheet.merge_range(h1, 0, h2, 0, "ชื่อ อปท.", &st.header)?;
    sheet.merge_range(h1, 1, h2, 1, "มิติ", &st.header)?;
    sheet.merge_range(h1, 2, h1, 3, "โครงการ", &st.header)?;
    sheet.merge_range(h1, 4, h1, 6, "งบประมาณ", &st.header)?;
    sheet.merge_range(h1, 7, h1, 8, "ร้อยละดำเนินการ", &st.header)?;
    let second = [
        "ตามแผน",
        "ดำเนินการแล้ว",
        "ตามแผน",
        "ตามข้อบัญญัติ/\nเทศบัญญัติ",
        "ใช้จริง",
        "โครงการ",
        "งบประมาณ",
    ];
    for (col, text) in (2u16..).zip(second) {
        sheet.write_string_with_format(h2, col, text, &st.header)?;
    }
    sheet.set_row_height(h2, height_for_lines(2))?;

    let first = layout.dimension_rows;
    sheet.merge_range(
        first,
        0,
        first + 3,
        0,
        &s.config.organization,
        &st.text_middle,
    )?;
    for (row, d) in (first..).zip(&s.totals.dimensions) {
        let number = d.dimension.map_or(0, |d| d.number());
        sheet.write_number_with_format(row, 1, number, &st.count)?;
        dimension_figures(sheet, row, d, [&st.count, &st.baht, &st.percent])?;
    }
    let total = layout.total_row;
    sheet.merge_range(total, 0, total, 1, "รวม", &st.total_label)?;
    dimension_figures(
        sheet,
        total,
        &s.totals.total,
        [&st.total_count, &st.total_baht, &st.total_percent],
    )
}

/// Columns C-I of one row of the per-dimension table.
fn dimension_figures(
    sheet: &mut Worksheet,
    row: u32,
    d: &DimensionTotals,
    [count, baht, percent]: [&Format; 3],
) -> Result<(), XlsxError> {
    sheet.write_number_with_format(row, 2, d.projects, count)?;
    sheet.write_number_with_format(row, 3, d.completed, count)?;
    sheet.write_number_with_format(row, 4, num(d.budget_plan), baht)?;
    sheet.write_number_with_format(row, 5, num(d.budget_ordinance), baht)?;
    sheet.write_number_with_format(row, 6, num(d.disbursed), baht)?;
    sheet.write_number_with_format(row, 7, num(d.pct_projects), percent)?;
    sheet.write_number_with_format(row, 8, num(d.pct_disbursed), percent)?;
    Ok(())
}

/// โครงการ/งบประมาณ (…): caption; มิติที่ 1 … รวม 4 มิติ merged over โครงการ | งบประมาณ; values.
fn across_table(
    sheet: &mut Worksheet,
    st: &Styles,
    row: u32,
    caption: &str,
    s: &Summary<'_>,
    budget: impl Fn(&DimensionTotals) -> Decimal,
) -> Result<(), XlsxError> {
    sheet.merge_range(row, 0, row, LAST_COL, caption, &st.caption)?;
    let columns = s
        .totals
        .dimensions
        .iter()
        .map(|d| (dimension_label(d), d, false))
        .chain([("รวม 4 มิติ".to_string(), &s.totals.total, true)]);
    for ((label, d, is_total), col) in columns.zip((0u16..).step_by(2)) {
        sheet.merge_range(row + 1, col, row + 1, col + 1, &label, &st.header)?;
        sheet.write_string_with_format(row + 2, col, "โครงการ", &st.header)?;
        sheet.write_string_with_format(row + 2, col + 1, "งบประมาณ", &st.header)?;
        let (count, baht) = if is_total {
            (&st.total_count, &st.total_baht)
        } else {
            (&st.count, &st.baht)
        };
        sheet.write_number_with_format(row + 3, col, d.projects, count)?;
        sheet.write_number_with_format(row + 3, col + 1, num(budget(d)), baht)?;
    }
    Ok(())
}

/// การเบิกจ่ายงบประมาณ: มิติ | ตามแผนป้องกันฯ | ข้อบัญญัติ/เทศบัญญัติ | การเบิกจ่าย.
fn disbursement_table(
    sheet: &mut Worksheet,
    s: &Summary<'_>,
    st: &Styles,
    row: u32,
) -> Result<(), XlsxError> {
    sheet.merge_range(row, 0, row, LAST_COL, "การเบิกจ่ายงบประมาณ", &st.caption)?;
    let header = ["มิติ", "ตามแผนป้องกันฯ", "ข้อบัญญัติ/\nเทศบัญญัติ", "การเบิกจ่าย"];
    for (col, text) in (0u16..).zip(header) {
        sheet.write_string_with_format(row + 1, col, text, &st.header)?;
    }
    sheet.set_row_height(row + 1, height_for_lines(2))?;
    for (r, d) in (row + 2..).zip(&s.totals.dimensions) {
        sheet.write_string_with_format(r, 0, dimension_label(d), &st.text_center)?;
        sheet.write_number_with_format(r, 1, num(d.budget_plan), &st.baht)?;
        sheet.write_number_with_format(r, 2, num(d.budget_ordinance), &st.baht)?;
        sheet.write_number_with_format(r, 3, num(d.disbursed), &st.baht)?;
    }
    let total = &s.totals.total;
    let r = row + 6;
    sheet.write_string_with_format(r, 0, "รวม 4 มิติ", &st.total_label)?;
    sheet.write_number_with_format(r, 1, num(total.budget_plan), &st.total_baht)?;
    sheet.write_number_with_format(r, 2, num(total.budget_ordinance), &st.total_baht)?;
    sheet.write_number_with_format(r, 3, num(total.disbursed), &st.total_baht)?;
    Ok(())
}

/// สถานะโครงการ/กิจกรรม/มาตรการ: the seed's eight columns, score and level last.
fn status_table(
    sheet: &mut Worksheet,
    s: &Summary<'_>,
    st: &Styles,
    row: u32,
) -> Result<(), XlsxError> {
    sheet.merge_range(
        row,
        0,
        row,
        LAST_COL,
        "สถานะโครงการ/กิจกรรม/มาตรการ",
        &st.caption,
    )?;
    let header = [
        "โครงการ\nตั้งต้น",
        "โครงการ\nทั้งหมด",
        "บรรจุในข้อบัญญัติ/\nเทศบัญญัติ/\nแผนดำเนินงาน",
        "อยู่ระหว่าง\nดำเนินการ",
        "ดำเนินการ\nแล้วเสร็จ",
        "ไม่สามารถ\nดำเนินการได้",
        "ผลการนำแผนฯ\nไปปฏิบัติ คิดจาก\nโครงการตั้งต้น",
        "ระดับการนำ\nแผนไปปฏิบัติ",
    ];
    for (col, text) in (0u16..).zip(header) {
        sheet.write_string_with_format(row + 1, col, text, &st.header)?;
    }
    sheet.set_row_height(row + 1, height_for_lines(3))?;
    let status = &s.totals.status;
    let r = row + 2;
    let counts = [
        status.initial,
        status.total,
        status.in_ordinance,
        status.in_progress,
        status.completed,
        status.cannot,
    ];
    for (col, count) in (0u16..).zip(counts) {
        sheet.write_number_with_format(r, col, count, &st.count)?;
    }
    sheet.write_number_with_format(r, 6, num(status.implementation_pct), &st.percent)?;
    sheet.write_string_with_format(r, 7, &status.level, &st.text_center)?;
    Ok(())
}

/// มิติที่ 1 … มิติที่ 4.
fn dimension_label(d: &DimensionTotals) -> String {
    format!("มิติที่ {}", d.dimension.map_or(0, |d| d.number()))
}
