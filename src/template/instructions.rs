//! The คำชี้แจง sheet: how to fill in the template, in Thai — what each column means, the four
//! statuses and the reasons "cannot" needs, the dimension names, when and to whom to send the
//! file, and how to check it with `planmerge check` first. Two columns (a term and its text), so
//! that no row of it can look like a project header to planmerge's reader.

use super::TemplateSpec;
use super::sheet::{FIRST_DATA_ROW, columns};
use super::styles::{Styles, height};
use crate::model::Status;
use crate::schema::Field;
use rust_xlsxwriter::{Format, ProtectionOptions, Workbook, Worksheet, XlsxError};

/// e-PlanNACC's reasons for ไม่สามารถดำเนินการได้.
pub const CANNOT_REASONS: [&str; 4] = [
    "ไม่ได้รับงบประมาณ",
    "นโยบายผู้บริหารเปลี่ยนแปลง",
    "บุคลากรไม่เพียงพอ",
    "อื่นๆ (ระบุ)",
];

/// Width of the text column, in characters; used to estimate wrapped row heights.
const TEXT_WIDTH: f64 = 110.0;
/// Width of the term column, in characters.
const TERM_WIDTH: f64 = 34.0;

/// One line of the sheet.
enum Line {
    Heading(String),
    Text(String),
    Term(String, String),
    Command(String),
    Gap,
}

fn text(s: impl Into<String>) -> Line {
    Line::Text(s.into())
}

fn term(t: impl Into<String>, s: impl Into<String>) -> Line {
    Line::Term(t.into(), s.into())
}

/// Adds the คำชี้แจง sheet.
pub fn add(book: &mut Workbook, spec: &TemplateSpec, styles: &Styles) -> Result<(), XlsxError> {
    let ws = book.add_worksheet();
    ws.set_name(super::INSTRUCTIONS_SHEET)?;
    ws.set_column_width(0, TERM_WIDTH)?;
    ws.set_column_width(1, TEXT_WIDTH)?;
    ws.merge_range(
        0,
        0,
        0,
        1,
        crate::schema::FORM_INSTRUCTIONS_TITLE,
        &styles.title,
    )?;
    ws.set_row_height(0, 30)?;
    for (row, line) in (1..).zip(lines(spec)) {
        write_line(ws, row, &line, styles)?;
    }
    ws.protect_with_options(&ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::new()
    });
    ws.set_paper_size(9)
        .set_portrait()
        .set_print_fit_to_pages(1, 0);
    Ok(())
}

fn write_line(ws: &mut Worksheet, row: u32, line: &Line, styles: &Styles) -> Result<(), XlsxError> {
    match line {
        Line::Heading(s) => {
            ws.write_string_with_format(row, 0, s, &styles.heading)?;
            ws.set_row_height(row, 28)?;
        }
        Line::Text(s) => {
            ws.merge_range(row, 0, row, 1, s, &styles.body)?;
            ws.set_row_height(row, height(s, TEXT_WIDTH + TERM_WIDTH))?;
        }
        Line::Term(t, s) => {
            ws.write_string_with_format(row, 0, t, &styles.term)?;
            ws.write_string_with_format(row, 1, s, &styles.cell())?;
            let lines = height(s, TEXT_WIDTH).max(height(t, TERM_WIDTH));
            ws.set_row_height(row, lines)?;
        }
        Line::Command(s) => {
            ws.write_string_with_format(row, 1, s, &styles.command)?;
            ws.set_row_height(row, 22)?;
        }
        Line::Gap => {
            ws.write_blank(row, 0, &Format::new())?;
            ws.set_row_height(row, 10)?;
        }
    }
    Ok(())
}

fn lines(spec: &TemplateSpec) -> Vec<Line> {
    let mut out = Vec::new();
    out.push(text(about(spec)));
    out.push(Line::Gap);
    how_to_fill(spec, &mut out);
    out.push(Line::Gap);
    out.push(Line::Heading("2. ความหมายของแต่ละคอลัมน์".into()));
    for column in columns() {
        out.push(term(column.header, meaning(column.field)));
    }
    out.push(Line::Gap);
    out.push(Line::Heading("3. สถานะ (เลือกหนึ่งสถานะต่อหนึ่งโครงการ)".into()));
    for status in Status::ALL {
        out.push(term(status.thai(), status_meaning(status)));
    }
    out.push(Line::Gap);
    out.push(Line::Heading(
        "4. เหตุผลที่ต้องระบุ เมื่อสถานะเป็น ไม่สามารถดำเนินการได้".into(),
    ));
    out.push(text(
        "พิมพ์เหตุผลในช่องหมายเหตุของโครงการนั้น ใช้ถ้อยคำตามระบบ e-PlanNACC ข้อใดข้อหนึ่ง \
         (ถ้าไม่ใส่เหตุผล planmerge จะแจ้งว่าผิดและไม่รวมไฟล์):",
    ));
    for (i, reason) in CANNOT_REASONS.iter().enumerate() {
        let detail = match i {
            0 => "ไม่ได้ตั้งงบประมาณ หรือไม่ได้รับการจัดสรรงบประมาณ",
            1 => "ผู้บริหารเปลี่ยนนโยบาย จึงไม่ดำเนินโครงการนี้",
            2 => "ไม่มีเจ้าหน้าที่เพียงพอที่จะดำเนินการ",
            _ => "เหตุผลอื่น ให้พิมพ์ว่า อื่นๆ แล้วตามด้วยเหตุผล เช่น อื่นๆ: สถานการณ์โรคระบาด",
        };
        out.push(term(*reason, detail));
    }
    out.push(Line::Gap);
    out.push(Line::Heading("5. มิติของแผนปฏิบัติการฯ".into()));
    for (n, name) in (1..=4).zip(&spec.dimension_names) {
        out.push(term(format!("มิติที่ {n}"), name.clone()));
    }
    out.push(Line::Gap);
    sending(spec, &mut out);
    out.push(Line::Gap);
    self_check(spec, &mut out);
    out
}

fn about(spec: &TemplateSpec) -> String {
    let organization = if spec.organization.is_empty() {
        "องค์กรปกครองส่วนท้องถิ่น".to_string()
    } else {
        spec.organization.clone()
    };
    let division = spec
        .division
        .as_deref()
        .map(|d| format!(" ของ{d}"))
        .unwrap_or_default();
    let period = match (spec.fiscal_year, spec.round) {
        (Some(y), Some(r)) => format!(" ประจำปีงบประมาณ พ.ศ. {y} {}", super::round_period(y, r)),
        _ => String::new(),
    };
    format!(
        "แบบฟอร์มนี้ใช้รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต{division} \
         {organization}{period} ไฟล์ที่กรอกแล้วจะถูกรวมเป็นรายงานของหน่วยงานด้วยโปรแกรม planmerge"
    )
}

fn how_to_fill(spec: &TemplateSpec, out: &mut Vec<Line>) {
    out.push(Line::Heading("1. วิธีกรอก".into()));
    out.push(text(format!(
        "กรอกที่แผ่นงาน {} ตั้งแต่แถวที่ {} ลงไป หนึ่งโครงการต่อหนึ่งแถว ไม่ต้องเว้นแถว",
        super::DATA_SHEET,
        FIRST_DATA_ROW + 1
    )));
    if !spec.projects.is_empty() {
        out.push(text(format!(
            "รายการโครงการ {} รายการ กรอกไว้ให้แล้ว: ปรับเฉพาะช่อง สถานะ และ เบิกจ่าย \
             (และหมายเหตุ ถ้าจำเป็น) โครงการใหม่ให้เพิ่มต่อท้ายในแถวว่าง",
            spec.projects.len()
        )));
    }
    out.push(text(
        "ช่อง มิติ บรรจุในข้อบัญญัติ และสถานะ ให้เลือกจากรายการ (คลิกที่ช่อง แล้วกดลูกศรที่มุมขวา) \
         เมื่อคลิกช่องใด จะมีคำอธิบายขึ้นมาบอกวิธีกรอก ถ้ากรอกผิด โปรแกรมตารางคำนวณจะแจ้งทันที",
    ));
    out.push(text(
        "ช่องที่ขึ้นสีชมพู คือช่องที่ยังต้องกรอก (ใส่ชื่อโครงการแล้วแต่ยังไม่มีมิติ งบประมาณ เบิกจ่าย หรือสถานะ \
         หรือเลือก ไม่สามารถดำเนินการได้ แต่ยังไม่ใส่เหตุผลในหมายเหตุ)",
    ));
    out.push(text(
        "หัวตารางและส่วนหัวเอกสารถูกล็อกไว้ ห้ามแก้ไขหัวตาราง ห้ามเพิ่มหรือลบคอลัมน์ และห้ามผสานเซลล์ \
         ถ้าแถวไม่พอ ให้คลิกขวาที่หมายเลขแถวภายในตาราง แล้วเลือก แทรกแถว รายการเลือกจะตามไปด้วย",
    ));
    out.push(text(
        "จำนวนเงินให้ใส่เป็นตัวเลข ไม่ต้องพิมพ์คำว่า บาท ทศนิยมไม่เกิน 2 ตำแหน่ง ไม่ใช้งบประมาณให้ใส่ 0",
    ));
}

/// What one column means and how to fill it.
fn meaning(field: Field) -> &'static str {
    match field {
        Field::Number => "ลำดับของโครงการในกอง 1, 2, 3 … (เมื่อรวมไฟล์ planmerge จะเรียงเลขใหม่ทั้งหมด)",
        Field::Name => {
            "ชื่อโครงการ/กิจกรรม/มาตรการ ตามแผนปฏิบัติการป้องกันการทุจริต ชื่อต้องไม่ซ้ำกัน \
             (ชื่อซ้ำ แม้ต่างกอง จะถูกแจ้งว่าผิด)"
        }
        Field::Dimension => "มิติของแผนที่โครงการนี้อยู่ เลือก 1 ถึง 4 (ดูชื่อมิติในข้อ 5)",
        Field::BudgetPlan => {
            "งบประมาณของโครงการตามแผนพัฒนาท้องถิ่น (บาท) โครงการหรือมาตรการที่ไม่ใช้งบประมาณ ให้ใส่ 0"
        }
        Field::BudgetOrdinance => {
            "งบประมาณที่ตั้งไว้ในข้อบัญญัติ/เทศบัญญัติ/แผนการดำเนินงาน (บาท) ถ้าเว้นว่าง จะถือว่าเท่ากับงบประมาณตามแผน"
        }
        Field::Disbursed => {
            "ยอดเบิกจ่ายจริงสะสมตั้งแต่ต้นปีงบประมาณถึงวันรายงาน (บาท) ต้องไม่เกินงบประมาณตามข้อบัญญัติ \
             (หรืองบประมาณตามแผน ถ้าไม่ได้กรอก) ยังไม่เบิกให้ใส่ 0"
        }
        Field::InOrdinance => {
            "เลือก ☑ ถ้าโครงการนี้บรรจุในข้อบัญญัติ/เทศบัญญัติ/แผนการดำเนินงานแล้ว ถ้าไม่ ให้เว้นว่าง \
             (ไม่เกี่ยวกับสถานะ)"
        }
        Field::StatusWords | Field::StatusTick(_) => {
            "ผลการดำเนินงาน ณ วันรายงาน เลือกหนึ่งในสี่สถานะ (ดูข้อ 3)"
        }
        Field::Remark => "ข้อความเพิ่มเติม และต้องใส่เหตุผล ถ้าสถานะเป็น ไม่สามารถดำเนินการได้ (ดูข้อ 4)",
    }
}

fn status_meaning(status: Status) -> &'static str {
    match status {
        Status::Waiting => "ยังไม่มีผลรายงานในรอบนี้",
        Status::InProgress => "เริ่มดำเนินการแล้ว แต่ยังไม่เสร็จ (นับครึ่งหนึ่งในคะแนนการนำแผนไปปฏิบัติ)",
        Status::Completed => "ดำเนินการเสร็จแล้ว (โครงการที่เสร็จในรอบ 6 เดือน ให้คงสถานะนี้ในรอบ 12 เดือน)",
        Status::Cannot => "ดำเนินการไม่ได้ ต้องใส่เหตุผลในช่องหมายเหตุ (ดูข้อ 4)",
    }
}

fn sending(spec: &TemplateSpec, out: &mut Vec<Line>) {
    let coordinator = if spec.organization.is_empty() {
        "ผู้ประสานงานแผนปฏิบัติการป้องกันการทุจริตของหน่วยงาน".to_string()
    } else {
        format!("ผู้ประสานงานแผนปฏิบัติการป้องกันการทุจริตของ{}", spec.organization)
    };
    out.push(Line::Heading("6. ส่งไฟล์เมื่อใด ส่งให้ใคร".into()));
    out.push(term(
        "ส่งให้",
        format!("{coordinator} ทางอีเมลหรือตามช่องทางที่ผู้ประสานงานกำหนด"),
    ));
    out.push(term(
        "กำหนดส่ง",
        format!(
            "{} · รอบ 6 เดือน (ตุลาคม–มีนาคม) ส่งภายในเดือนเมษายน · \
             รอบ 12 เดือน (ตุลาคม–กันยายน) ส่งภายในเดือนตุลาคม",
            super::due_month(spec.fiscal_year, spec.round)
        ),
    ));
    let name = spec
        .division
        .as_deref()
        .map(|d| format!("{d}.xlsx หรือ {}{d}.xlsx", super::FILE_PREFIX))
        .unwrap_or_else(|| "ชื่อกอง เช่น กองคลัง.xlsx".into());
    out.push(term(
        "ชื่อไฟล์",
        format!(
            "ใช้ชื่อ {name} — ชื่อไฟล์คือชื่อหน่วยงานในรายงานรวม บันทึกเป็น .xlsx (Excel) \
             ห้ามตั้งรหัสผ่าน"
        ),
    ));
}

fn self_check(spec: &TemplateSpec, out: &mut Vec<Line>) {
    out.push(Line::Heading("7. ตรวจไฟล์ด้วยตนเองก่อนส่ง".into()));
    out.push(text(
        "ถ้าเครื่องมีโปรแกรม planmerge ให้เปิดหน้าต่างคำสั่ง (Command Prompt/Terminal) ในโฟลเดอร์ที่เก็บไฟล์ แล้วพิมพ์:",
    ));
    out.push(Line::Command(format!(
        "planmerge check {}",
        spec.default_file_name()
    )));
    out.push(text(
        "โปรแกรมจะแสดงหนึ่งบรรทัดต่อหนึ่งข้อผิดพลาด ในรูป ไฟล์ › แผ่นงาน › ช่อง: สิ่งที่พบ และบรรทัดถัดไปบอกวิธีแก้ \
         เช่น แบบฟอร์ม.xlsx › โครงการ › C8: มิติต้องเป็น 1–4 (พบ \"5\") ให้แก้ตามที่แจ้งแล้วตรวจอีกครั้ง \
         จนบรรทัดสุดท้ายขึ้นว่า เรียบร้อย · OK จึงส่งไฟล์ ถ้าไม่มีโปรแกรม planmerge ผู้ประสานงานจะตรวจให้",
    ));
}
