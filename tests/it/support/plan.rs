//! Division workbooks laid out the way the anti-corruption plan document itself is: a title
//! block, a two-row header (งบประมาณ merged over the plan's years 2564-2566, ผลการดำเนินงาน merged
//! over the four status ticks), no มิติ column — the dimension comes from section rows
//! (`มิติที่ 1 …`, merged across the table) with sub-section headings under them, or from the
//! sheet's name (`มิติที่ 3`) — money typed as offices type it (`55,300.-`, `-`), บรรจุ as
//! ใช่/ไม่ใช่, and names wrapped by hand onto a second row.

use planmerge::model::{ProjectRow, Status};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};
use std::path::Path;

/// Columns: A ที่, B โครงการ/กิจกรรม/มาตรการ, C-E งบประมาณ 2564 / 2565 / 2566, F เบิกจ่ายปี 2565,
/// G บรรจุในข้อบัญญัติ, H-K ผลการดำเนินงาน (4 ticks), L หมายเหตุ.
const LAST_COL: u16 = 11;
/// Zero-based row of the header's first row.
pub const HEADER_ROW: u32 = 3;

/// How a book gives the dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimensions {
    /// One sheet, a section row before each dimension's projects.
    SectionRows,
    /// One sheet per dimension, named `มิติที่ N`.
    SheetPerDimension,
}

/// Writes `projects` (in order) as a plan-layout workbook. Every third project's name is
/// wrapped onto a second row; every project's budget for 2564 and 2566 is a decoy (the report is
/// for 2565); budgets are text `55,300.-`, `-` for nothing, or numbers.
pub fn write_plan_book(path: &Path, projects: &[ProjectRow], dimensions: Dimensions) {
    let mut book = Workbook::new();
    let formats = Formats::new();
    match dimensions {
        Dimensions::SectionRows => {
            let ws = book.add_worksheet();
            ws.set_name("แผนปฏิบัติการ").expect("name");
            let mut row = title_and_header(ws, &formats).expect("header");
            for d in 1..=4u8 {
                let mine = of_dimension(projects, d);
                if mine.is_empty() {
                    continue;
                }
                ws.merge_range(row, 0, row, LAST_COL, &section_title(d), &formats.section)
                    .expect("section");
                row += 1;
                row = projects_rows(ws, row, d, &mine, &formats).expect("rows");
            }
        }
        Dimensions::SheetPerDimension => {
            for d in 1..=4u8 {
                let mine = of_dimension(projects, d);
                if mine.is_empty() {
                    continue;
                }
                let ws = book.add_worksheet();
                ws.set_name(format!("มิติที่ {d}")).expect("name");
                let row = title_and_header(ws, &formats).expect("header");
                projects_rows(ws, row, d, &mine, &formats).expect("rows");
            }
        }
    }
    book.save(path).expect("save plan book");
}

/// The projects of dimension `d`, in order.
fn of_dimension(projects: &[ProjectRow], d: u8) -> Vec<&ProjectRow> {
    projects
        .iter()
        .filter(|p| p.dimension.number() == d)
        .collect()
}

/// `มิติที่ 1 การสร้างสังคมที่ไม่ทนต่อการทุจริต`.
pub fn section_title(d: u8) -> String {
    let names = [
        "การสร้างสังคมที่ไม่ทนต่อการทุจริต",
        "การบริหารราชการเพื่อป้องกันการทุจริต",
        "การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน",
        "การเสริมสร้างและปรับปรุงกลไกในการตรวจสอบการปฏิบัติราชการขององค์กรปกครองส่วนท้องถิ่น",
    ];
    format!("มิติที่ {d} {}", names[usize::from(d - 1)])
}

struct Formats {
    title: Format,
    header: Format,
    section: Format,
    cell: Format,
}

impl Formats {
    fn new() -> Self {
        let base = Format::new()
            .set_font_name("TH Sarabun New")
            .set_font_size(16);
        Formats {
            title: base.clone().set_bold().set_align(FormatAlign::Center),
            header: base
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_border(rust_xlsxwriter::FormatBorder::Thin),
            section: base.clone().set_bold().set_background_color("#DDEBF7"),
            cell: base.set_text_wrap(),
        }
    }
}

/// The title block and the two header rows; returns the first row under them.
fn title_and_header(ws: &mut Worksheet, f: &Formats) -> Result<u32, XlsxError> {
    ws.merge_range(
        0,
        0,
        0,
        LAST_COL,
        "แผนปฏิบัติการป้องกันการทุจริต 3 ปี (พ.ศ. 2564 – 2566)",
        &f.title,
    )?;
    ws.merge_range(1, 0, 1, LAST_COL, "องค์การบริหารส่วนจังหวัดพะเยา", &f.title)?;
    let (h, s) = (HEADER_ROW, HEADER_ROW + 1);
    ws.merge_range(h, 0, s, 0, "ที่", &f.header)?;
    ws.merge_range(h, 1, s, 1, "โครงการ/กิจกรรม/มาตรการ", &f.header)?;
    ws.merge_range(h, 2, h, 4, "งบประมาณ (บาท)", &f.header)?;
    ws.write_number_with_format(s, 2, 2564.0, &f.header)?;
    ws.write_string_with_format(s, 3, "2565", &f.header)?;
    ws.write_string_with_format(s, 4, "ปี ๒๕๖๖", &f.header)?;
    ws.merge_range(h, 5, s, 5, "เบิกจ่ายปี 2565\n(บาท)", &f.header)?;
    ws.merge_range(h, 6, s, 6, "บรรจุในข้อบัญญัติ", &f.header)?;
    ws.merge_range(h, 7, h, 10, "ผลการดำเนินงาน", &f.header)?;
    for (i, status) in Status::ALL.iter().enumerate() {
        ws.write_string_with_format(s, 7 + i as u16, status.thai(), &f.header)?;
    }
    ws.merge_range(h, LAST_COL, s, LAST_COL, "หมายเหตุ", &f.header)?;
    for (col, width) in [
        5.0, 50.0, 11.0, 11.0, 11.0, 11.0, 10.0, 9.0, 9.0, 9.0, 9.0, 24.0,
    ]
    .into_iter()
    .enumerate()
    {
        ws.set_column_width(col as u16, width)?;
    }
    ws.set_row_height(s, 60)?;
    ws.set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(h, s)?;
    Ok(s + 1)
}

/// A sub-section heading, then the projects; returns the next free row.
fn projects_rows(
    ws: &mut Worksheet,
    mut row: u32,
    d: u8,
    projects: &[&ProjectRow],
    f: &Formats,
) -> Result<u32, XlsxError> {
    ws.write_string_with_format(row, 1, format!("{d}.1 โครงการตามแผนฯ มิติที่ {d}"), &f.section)?;
    row += 1;
    for (i, p) in projects.iter().enumerate() {
        ws.write_number_with_format(row, 0, (i + 1) as f64, &f.cell)?;
        let wrap = i % 3 == 2 && p.name.chars().count() > 12;
        let (first, rest) = if wrap {
            split_name(&p.name)
        } else {
            (p.name.clone(), String::new())
        };
        ws.write_string_with_format(row, 1, &first, &f.cell)?;
        ws.write_number_with_format(row, 2, 1_000.0, &f.cell)?;
        write_money(ws, row, 3, p.budget_plan, i, f)?;
        ws.write_string_with_format(row, 4, "99,999.-", &f.cell)?;
        write_money(ws, row, 5, p.disbursed, i + 1, f)?;
        let said = if p.in_ordinance {
            "ใช่"
        } else {
            "ไม่ใช่"
        };
        ws.write_string_with_format(row, 6, said, &f.cell)?;
        ws.write_string_with_format(row, 7 + p.status.index() as u16, "/", &f.cell)?;
        if !p.remark.is_empty() {
            ws.write_string_with_format(row, LAST_COL, &p.remark, &f.cell)?;
        }
        row += 1;
        if wrap {
            ws.write_string_with_format(row, 1, &rest, &f.cell)?;
            row += 1;
        }
    }
    Ok(row)
}

/// `55,300.-` (whole baht, every other row), `-` for nothing, else the number.
fn write_money(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    amount: Decimal,
    i: usize,
    f: &Formats,
) -> Result<(), XlsxError> {
    if amount.is_zero() {
        ws.write_string_with_format(row, col, "-", &f.cell)?;
    } else if amount.fract().is_zero() && i.is_multiple_of(2) {
        let text = planmerge::schema::baht(amount);
        let whole = text.trim_end_matches(".00");
        ws.write_string_with_format(row, col, format!("{whole}.-"), &f.cell)?;
    } else {
        ws.write_number_with_format(row, col, amount.to_f64().unwrap_or_default(), &f.cell)?;
    }
    Ok(())
}

/// A name split at a space near its middle (or at its middle), as a clerk wraps it by hand.
/// Joined back with a space, the two parts normalise to the name.
fn split_name(name: &str) -> (String, String) {
    let chars: Vec<char> = name.chars().collect();
    let middle = chars.len() / 2;
    let mark =
        |c: char| matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}');
    let at = (middle..chars.len())
        .find(|&i| chars[i] == ' ')
        .or_else(|| (middle..chars.len()).find(|&i| !mark(chars[i])))
        .unwrap_or(middle);
    let first: String = chars[..at].iter().collect();
    let rest: String = chars[at..].iter().collect();
    (first.trim().to_string(), rest.trim().to_string())
}
