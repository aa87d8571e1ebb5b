//! สรุปผลการขับเคลื่อนแผนฯ — the report's closing page: ปัญหา อุปสรรค และข้อเสนอแนะ, the summary
//! sentences with their counts, baht and percentages, the as-of date, the reporter, and the
//! คำอธิบาย legend of dimension names.
//!
//! Each sentence is written in column A exactly as the seed prints it; the same figure is also
//! written as a numeric cell in column G (with its unit in H), so it can be copied into
//! e-PlanNACC or checked without reading the sentence.

use super::styles::Styles;
use super::{Summary, banner, num, page_setup, set_widths};
use crate::compute::ReportTotals;
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

/// Last column used (H).
const LAST_COL: u16 = 7;

/// Column of the numeric figure beside each sentence (G).
pub const FIGURE_COL: u16 = 6;

/// Column widths A-H: the prose runs over A-F, the figure in G, its unit in H.
const WIDTHS: [f64; 8] = [13.0, 13.0, 13.0, 13.0, 13.0, 13.0, 16.0, 10.0];

/// One figure beside a sentence.
enum Figure {
    Count(u32),
    Baht(f64),
    Percent(f64),
}

/// Writes the สรุปผลการขับเคลื่อนแผนฯ sheet.
pub fn write(sheet: &mut Worksheet, s: &Summary<'_>, st: &Styles) -> Result<(), XlsxError> {
    page_setup(sheet, s);
    set_widths(sheet, &WIDTHS)?;
    let mut row = banner(sheet, s, st, &WIDTHS, LAST_COL)?;

    sheet.write_string_with_format(row, 0, "ปัญหา อุปสรรค และข้อเสนอแนะ", &st.caption)?;
    row += 1;
    for line in s.config.suggestions.lines() {
        sheet.write_string_with_format(row, 0, format!("    {line}"), &st.prose)?;
        row += 1;
    }
    row += 1;

    sheet.write_string_with_format(row, 0, "สรุปผลการขับเคลื่อนแผนฯ", &st.caption)?;
    sheet.write_string_with_format(row, FIGURE_COL, "ตัวเลข", &st.caption)?;
    row += 1;
    for (sentence, figure, unit) in sentences(s.totals) {
        sheet.write_string_with_format(row, 0, sentence, &st.prose)?;
        let (value, format): (f64, &Format) = match figure {
            Figure::Count(n) => (n.into(), &st.prose_count),
            Figure::Baht(b) => (b, &st.prose_baht),
            Figure::Percent(p) => (p, &st.prose_percent),
        };
        sheet.write_number_with_format(row, FIGURE_COL, value, format)?;
        sheet.write_string_with_format(row, FIGURE_COL + 1, unit, &st.prose_unit)?;
        row += 1;
    }
    if let Some(rounds) = s.previous {
        let line = since_previous(rounds.previous, s.totals);
        sheet.write_string_with_format(row, 0, line, &st.prose)?;
        row += 1;
    }
    row += 1;

    sheet.write_string_with_format(row, 0, s.as_of_line(), &st.prose_bold)?;
    row += 2;
    let reporter = format!(
        "ชื่อ - สกุล ผู้รายงาน {} ตำแหน่ง {}",
        s.config.reporter_name, s.config.reporter_position
    );
    sheet.write_string_with_format(row, 0, reporter, &st.prose)?;
    row += 2;

    sheet.write_string_with_format(row, 0, "คำอธิบาย", &st.caption)?;
    row += 1;
    for (number, name) in (1..).zip(&s.config.dimension_names) {
        sheet.write_string_with_format(row, 0, format!("มิติ {number} {name}"), &st.prose)?;
        row += 1;
    }
    Ok(())
}

/// The seven sentences of สรุปผลการขับเคลื่อนแผนฯ, as the sheet prints them (the email's body
/// restates them).
pub fn summary_sentences(totals: &ReportTotals) -> Vec<String> {
    sentences(totals)
        .into_iter()
        .map(|(text, ..)| text)
        .collect()
}

/// The change since the previous round, in one line: `- เทียบกับรอบก่อน ดำเนินการแล้วเสร็จเพิ่มขึ้น
/// 19 โครงการ (41 → 60) เบิกจ่ายเพิ่มขึ้น … บาท ผลการนำแผนฯ ไปปฏิบัติ 67.78 (มาก) → 85.00 (มากที่สุด)`.
/// Against last fiscal year's round, that round is named (`- เทียบกับรอบก่อน (ปีงบประมาณ พ.ศ. 2565
/// รอบ 12 เดือน) …`): a year's first half beside the whole of last year is no decline.
pub fn since_previous(previous: &crate::compare::Previous, now: &ReportTotals) -> String {
    let before = &previous.totals;
    let (b, n) = (&before.status, &now.status);
    let change = i64::from(n.completed) - i64::from(b.completed);
    let completed = match change {
        0 => "เท่าเดิม".to_string(),
        up if up > 0 => format!("เพิ่มขึ้น {up} โครงการ"),
        down => format!("ลดลง {} โครงการ", -down),
    };
    let spent = now.total.disbursed - before.total.disbursed;
    let spent = if spent.is_zero() {
        "เท่าเดิม".to_string()
    } else if spent.is_sign_negative() {
        format!("ลดลง {} บาท", crate::schema::baht(-spent))
    } else {
        format!("เพิ่มขึ้น {} บาท", crate::schema::baht(spent))
    };
    let which = match previous.round.filter(|_| previous.a_year_before) {
        Some((year, round)) => format!(" (ปีงบประมาณ พ.ศ. {year} รอบ {round} เดือน)"),
        None => String::new(),
    };
    format!(
        "- เทียบกับรอบก่อน{which} ดำเนินการแล้วเสร็จ{completed} ({} → {}) เบิกจ่าย{spent} \
         ผลการนำแผนฯ ไปปฏิบัติ ร้อยละ {} ({}) → {} ({})",
        b.completed, n.completed, b.implementation_pct, b.level, n.implementation_pct, n.level
    )
}

/// The seven sentences of the seed, each with its figure and the figure's unit.
fn sentences(totals: &ReportTotals) -> Vec<(String, Figure, &'static str)> {
    let status = &totals.status;
    let total = &totals.total;
    vec![
        (
            format!(
                "- แผนปฏิบัติการป้องกันการทุจริต มีโครงการ/กิจกรรม/มาตรการ จำนวน {} โครงการ",
                status.total
            ),
            Figure::Count(status.total),
            "โครงการ",
        ),
        (
            format!("- รอการรายงาน {} โครงการ", status.waiting),
            Figure::Count(status.waiting),
            "โครงการ",
        ),
        (
            format!("- อยู่ระหว่างดำเนินการ {} โครงการ", status.in_progress),
            Figure::Count(status.in_progress),
            "โครงการ",
        ),
        (
            format!("- ดำเนินการแล้วเสร็จ {} โครงการ", status.completed),
            Figure::Count(status.completed),
            "โครงการ",
        ),
        (
            format!("- ไม่สามารถดำเนินการได้ {} โครงการ", status.cannot),
            Figure::Count(status.cannot),
            "โครงการ",
        ),
        (
            format!(
                "- เบิกจ่ายงบประมาณ {} บาท คิดเป็นร้อยละ {}",
                crate::schema::baht(total.disbursed),
                total.pct_disbursed
            ),
            Figure::Baht(num(total.disbursed)),
            "บาท",
        ),
        (
            format!(
                "- มีการนำแผนฯ ไปปฏิบัติ ระดับ ({}) ร้อยละ {}",
                status.level, status.implementation_pct
            ),
            Figure::Percent(num(status.implementation_pct)),
            "ร้อยละ",
        ),
    ]
}
