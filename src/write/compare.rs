//! เทียบรอบก่อน — this round beside the previous one: the dimension table of both rounds side
//! by side with the differences (projects, completed, disbursed, % completed), the
//! implementation score and level of both, a bar chart of completed per dimension (previous vs
//! now), then the projects that changed, grouped: newly completed, other status changes, new,
//! dropped, disbursed and budget changes, each with its division.

use super::charts::DimensionSeries;
use super::styles::Styles;
use super::{Rounds, Summary, banner, fit_row, height_for_lines, num, page_setup, set_widths};
use crate::compare::ChangeKind;
use crate::compute::DimensionTotals;
use crate::schema::SHEET_COMPARE;
use rust_xlsxwriter::{Chart, Format, Worksheet, XlsxError};

/// Last column used (M).
const LAST_COL: u16 = 12;

/// Column widths A-M: มิติ, then (ก่อน, ตอนนี้, เปลี่ยน) × 4.
const WIDTHS: [f64; 13] = [
    27.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 14.0, 14.0, 14.0, 9.0, 9.0, 9.0,
];

/// Writes the เทียบรอบก่อน sheet.
pub fn write(
    sheet: &mut Worksheet,
    s: &Summary<'_>,
    rounds: Rounds<'_>,
    st: &Styles,
) -> Result<(), XlsxError> {
    page_setup(sheet, s);
    set_widths(sheet, &WIDTHS)?;
    let top = banner(sheet, s, st, &WIDTHS, LAST_COL)?;
    let title = format!("เปรียบเทียบกับรอบก่อน {}", s.period_with_months());
    sheet.merge_range(top, 0, top, LAST_COL, &title, &st.title)?;
    // The round as an executive reads it, then where its figures came from.
    let previous = rounds.previous;
    // The file or folder by its name: the path on the coordinator's computer means nothing to
    // the executives the workbook is mailed to.
    let from = std::path::Path::new(&previous.file)
        .file_name()
        .map_or(previous.file.clone(), |n| n.to_string_lossy().into_owned());
    let source = match previous.round {
        Some((year, round)) => format!(
            "รอบก่อน: ปีงบประมาณ พ.ศ. {year} {} · ข้อมูลจาก {from}",
            crate::schema::time::round_period(year, round),
        ),
        None => format!("รอบก่อน: ข้อมูลจาก {from}"),
    };
    sheet.merge_range(top + 1, 0, top + 1, LAST_COL, &source, &st.subtitle)?;
    // A printed page past the first still says what it is.
    sheet.set_repeat_rows(0, top + 1)?;
    let table = top + 3;
    let after = dimension_table(sheet, s, rounds, st, table)?;
    let after = score(sheet, s, rounds, st, after + 1)?;
    let chart = completed_chart(table);
    sheet.insert_chart_with_offset(after + 1, 0, &chart, 0, 0)?;
    // The chart is about 11 rows high.
    let completed = (previous.totals.status.completed, s.totals.status.completed);
    changes(sheet, rounds, completed, st, after + 14)
}

/// The two-row header and one row per dimension, then รวม; returns the next free row.
fn dimension_table(
    sheet: &mut Worksheet,
    s: &Summary<'_>,
    rounds: Rounds<'_>,
    st: &Styles,
    row: u32,
) -> Result<u32, XlsxError> {
    sheet.merge_range(row, 0, row + 1, 0, "มิติ", &st.header)?;
    let groups = [
        "โครงการ",
        "ดำเนินการแล้วเสร็จ",
        "เบิกจ่าย (บาท)",
        "ร้อยละดำเนินการ",
    ];
    for (i, group) in (0u16..).zip(groups) {
        let col = 1 + i * 3;
        sheet.merge_range(row, col, row, col + 2, group, &st.header)?;
        for (j, label) in (0u16..).zip(["รอบก่อน", "รอบนี้", "เปลี่ยน"])
        {
            sheet.write_string_with_format(row + 1, col + j, label, &st.header)?;
        }
    }
    sheet.set_row_height(row + 1, height_for_lines(1))?;
    let before = &rounds.previous.totals;
    let now = s.totals;
    let pairs = before.dimensions.iter().zip(&now.dimensions);
    let mut r = row + 2;
    for (b, n) in pairs {
        let label = format!("มิติที่ {}", n.dimension.map_or(0, |d| d.number()));
        dimension_row(sheet, r, &label, b, n, st, false)?;
        r += 1;
    }
    dimension_row(sheet, r, "รวม", &before.total, &now.total, st, true)?;
    Ok(r + 1)
}

fn dimension_row(
    sheet: &mut Worksheet,
    row: u32,
    label: &str,
    before: &DimensionTotals,
    now: &DimensionTotals,
    st: &Styles,
    total: bool,
) -> Result<(), XlsxError> {
    let (label_format, count, baht, percent) = if total {
        (
            &st.total_label,
            &st.total_count,
            &st.total_baht,
            &st.total_percent,
        )
    } else {
        (&st.text_center, &st.count, &st.baht, &st.percent)
    };
    sheet.write_string_with_format(row, 0, label, label_format)?;
    let triples: [(f64, f64, &Format); 4] = [
        (f64::from(before.projects), f64::from(now.projects), count),
        (f64::from(before.completed), f64::from(now.completed), count),
        (num(before.disbursed), num(now.disbursed), baht),
        (num(before.pct_projects), num(now.pct_projects), percent),
    ];
    let changes = [
        f64::from(now.projects) - f64::from(before.projects),
        f64::from(now.completed) - f64::from(before.completed),
        num(now.disbursed - before.disbursed),
        num(now.pct_projects - before.pct_projects),
    ];
    for ((i, (b, n, format)), change) in (0u16..).zip(triples).zip(changes) {
        let col = 1 + i * 3;
        sheet.write_number_with_format(row, col, b, format)?;
        sheet.write_number_with_format(row, col + 1, n, format)?;
        sheet.write_number_with_format(row, col + 2, change, format)?;
    }
    Ok(())
}

/// ผลการนำแผนฯ ไปปฏิบัติ of both rounds: `67.78 มาก → 85.00 มากที่สุด`; returns the next row.
fn score(
    sheet: &mut Worksheet,
    s: &Summary<'_>,
    rounds: Rounds<'_>,
    st: &Styles,
    row: u32,
) -> Result<u32, XlsxError> {
    let (before, now) = (&rounds.previous.totals.status, &s.totals.status);
    sheet.write_string_with_format(row, 0, "ผลการนำแผนฯ ไปปฏิบัติ", &st.text)?;
    sheet.write_number_with_format(row, 1, num(before.implementation_pct), &st.percent)?;
    sheet.write_string_with_format(row, 2, &before.level, &st.text_center)?;
    sheet.write_string_with_format(row, 3, "→", &st.text_center)?;
    sheet.write_number_with_format(row, 4, num(now.implementation_pct), &st.percent)?;
    sheet.write_string_with_format(row, 5, &now.level, &st.text_center)?;
    let change = num(now.implementation_pct - before.implementation_pct);
    sheet.write_number_with_format(row, 6, change, &st.percent)?;
    Ok(row + 1)
}

/// Clustered columns: completed per dimension, the previous round beside this one (the table's
/// header at `header`).
fn completed_chart(header: u32) -> Chart {
    let series = DimensionSeries {
        sheet: SHEET_COMPARE,
        names_row: header + 1,
        first: header + 2,
        columns: [4, 5],
    };
    series.chart("โครงการที่ดำเนินการแล้วเสร็จ รายมิติ รอบก่อน และรอบนี้", (720, 320))
}

/// The projects that changed, grouped by kind: กอง | โครงการ | จาก | เป็น.
/// `completed`: the completed projects of the previous round and of this one.
fn changes(
    sheet: &mut Worksheet,
    rounds: Rounds<'_>,
    completed: (u32, u32),
    st: &Styles,
    mut row: u32,
) -> Result<(), XlsxError> {
    // Against last fiscal year's round only the list is compared: every project begins the
    // year again, so "nothing changed" would be untrue.
    let (caption, none) = if rounds.previous.a_year_before {
        (
            "โครงการที่เพิ่มขึ้นหรือไม่มีแล้วเมื่อเทียบกับปีก่อน (ต่างปีงบประมาณ: เทียบเฉพาะรายการโครงการ ไม่เทียบสถานะและเงิน)",
            "ไม่มีโครงการใหม่ และทุกโครงการของปีก่อนยังอยู่ในรอบนี้",
        )
    } else {
        ("โครงการที่เปลี่ยนไปจากรอบก่อน", "ไม่มีโครงการที่เปลี่ยน")
    };
    sheet.write_string_with_format(row, 0, caption, &st.caption)?;
    row += 1;
    if rounds.changes.is_empty() {
        sheet.merge_range(row, 0, row, LAST_COL, none, &st.text)?;
        return Ok(());
    }
    for kind in ChangeKind::ALL {
        let mine: Vec<_> = rounds.changes.iter().filter(|c| c.kind == kind).collect();
        if mine.is_empty() {
            continue;
        }
        let caption = format!("{} ({} โครงการ)", kind.thai(), mine.len());
        sheet.merge_range(row, 0, row, LAST_COL, &caption, &st.subtitle)?;
        row += 1;
        if kind == ChangeKind::Completed
            && let Some(line) = completed_reconciled(rounds.changes, completed)
        {
            sheet.merge_range(row, 0, row, LAST_COL, &line, &st.text)?;
            row += 1;
        }
        sheet.write_string_with_format(row, 0, "กอง", &st.header)?;
        sheet.merge_range(row, 1, row, 6, "โครงการ/กิจกรรม/มาตรการ", &st.header)?;
        sheet.merge_range(row, 7, row, 9, "จาก", &st.header)?;
        sheet.merge_range(row, 10, row, 12, "เป็น", &st.header)?;
        row += 1;
        for change in mine {
            sheet.write_string_with_format(row, 0, &change.division, &st.text)?;
            sheet.merge_range(row, 1, row, 6, &change.name, &st.text)?;
            let amounts = kind.is_amount();
            value_cells(sheet, (row, 7, 9), change.from.as_deref(), amounts, st)?;
            value_cells(sheet, (row, 10, 12), change.to.as_deref(), amounts, st)?;
            let name_width: f64 = WIDTHS[1..7].iter().sum();
            fit_row(
                sheet,
                row,
                &[
                    (&change.division, WIDTHS[0], 16.0),
                    (&change.name, name_width, 16.0),
                ],
            )?;
            row += 1;
        }
        row += 1;
    }
    Ok(())
}

/// How the newly completed projects add up to the change in completed projects, when they are
/// not all of it (a new project already completed, a completed one dropped or gone back): the
/// group's count must not read as a second, different figure beside `41 → 74 (+33)`.
fn completed_reconciled(
    changes: &[crate::compare::Change],
    (before, now): (u32, u32),
) -> Option<String> {
    let done = crate::model::Status::Completed.thai();
    let count = |kind: ChangeKind, side: fn(&crate::compare::Change) -> Option<&str>| {
        changes
            .iter()
            .filter(|c| c.kind == kind && side(c) == Some(done))
            .count()
    };
    let newly = changes
        .iter()
        .filter(|c| c.kind == ChangeKind::Completed)
        .count();
    let new = count(ChangeKind::New, |c| c.to.as_deref());
    let dropped = count(ChangeKind::Dropped, |c| c.from.as_deref());
    let unsent = count(ChangeKind::Unsent, |c| c.from.as_deref());
    let back = count(ChangeKind::Status, |c| c.from.as_deref());
    if new + dropped + unsent + back == 0 {
        return None;
    }
    let mut parts = vec![format!("เปลี่ยนเป็นแล้วเสร็จ {newly}")];
    if new > 0 {
        parts.push(format!("+ โครงการใหม่ที่แล้วเสร็จ {new}"));
    }
    if dropped > 0 {
        parts.push(format!("− ที่แล้วเสร็จแต่ไม่มีในรอบนี้ {dropped}"));
    }
    if unsent > 0 {
        parts.push(format!("− ที่แล้วเสร็จของกองที่ยังไม่ส่งไฟล์ {unsent}"));
    }
    if back > 0 {
        parts.push(format!("− ที่ไม่แล้วเสร็จแล้ว {back}"));
    }
    let change = i64::from(now) - i64::from(before);
    Some(format!(
        "ดำเนินการแล้วเสร็จ {before} → {now} ({change:+}) = {} (ดูในหัวข้อของกลุ่มนั้น)",
        parts.join(" ")
    ))
}

/// One side of a change (จาก or เป็น) merged over `(row, first, last)`: an amount as a number
/// in baht, so it adds up and reads `5,000,000.00`; a status as its words; `—` for none.
fn value_cells(
    sheet: &mut Worksheet,
    (row, first, last): (u32, u16, u16),
    value: Option<&str>,
    amount: bool,
    st: &Styles,
) -> Result<(), XlsxError> {
    let parsed = value
        .filter(|_| amount)
        .and_then(|v| v.parse::<rust_decimal::Decimal>().ok());
    match parsed {
        Some(baht) => {
            sheet.merge_range(row, first, row, last, "", &st.baht)?;
            sheet.write_number_with_format(row, first, super::num(baht), &st.baht)?;
        }
        None => {
            sheet.merge_range(row, first, row, last, value.unwrap_or("—"), &st.text)?;
        }
    }
    Ok(())
}
