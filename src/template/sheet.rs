//! The data sheet of the template, top to bottom: title block (organization, division, fiscal
//! year, round), the one-row header planmerge recognises best, the data rows (prefilled or
//! blank, each input cell unlocked and checked by a data validation), then protection, frozen
//! header and print setup.
//!
//! Status is ONE column with a dropdown of the four words, not four ☑ columns: with one cell
//! per project there is no way to tick two statuses or none by accident ("exactly one status" is
//! the rule staff most often break with tick columns), the dropdown is one click, and the word
//! itself is what e-PlanNACC asks for. The merged report still shows the four ☑ columns.

use super::TemplateSpec;
use super::styles::{Styles, height};
use crate::model::{ProjectRow, Status, column_letters};
use crate::schema::Field;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    ConditionalFormatFormula, DataValidation, DataValidationRule, Formula, ProtectionOptions,
    Workbook, Worksheet, XlsxError,
};

/// Name of the data sheet.
pub const DATA_SHEET: &str = crate::schema::FORM_DATA_SHEET;
/// Zero-based row of the header (rows above it are the title block).
pub const HEADER_ROW: u32 = 5;
/// Zero-based row of the first project.
pub const FIRST_DATA_ROW: u32 = HEADER_ROW + 1;

/// The tick written for "in the ordinance" (บรรจุ).
pub const TICK: &str = "☑";

/// One column of the template's table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Column {
    /// The header text, as planmerge's reader recognises it.
    pub header: &'static str,
    /// What the column holds, in the reader's terms.
    pub field: Field,
    /// Fixed width (no autofit: Excel's autofit misjudges Thai).
    pub width: f64,
}

const fn column(header: &'static str, field: Field, width: f64) -> Column {
    Column {
        header,
        field,
        width,
    }
}

/// The columns, left to right.
pub const fn columns() -> [Column; 9] {
    [
        column("ลำดับ", Field::Number, 7.0),
        column("รายการโครงการ/กิจกรรม/มาตรการ", Field::Name, 55.0),
        column("มิติ", Field::Dimension, 7.0),
        column("งบประมาณตามแผน (บาท)", Field::BudgetPlan, 15.0),
        column(
            "งบประมาณตามข้อบัญญัติ/เทศบัญญัติ (บาท)",
            Field::BudgetOrdinance,
            17.0,
        ),
        column("เบิกจ่าย (บาท)", Field::Disbursed, 15.0),
        column("บรรจุในข้อบัญญัติ/เทศบัญญัติ", Field::InOrdinance, 12.0),
        column("สถานะ", Field::StatusWords, 23.0),
        column("หมายเหตุ", Field::Remark, 34.0),
    ]
}

/// Zero-based column of a field; an error for a field the template has no column for (a
/// mistake in this module, said rather than written into column A).
fn col(field: Field) -> Result<u16, XlsxError> {
    columns()
        .iter()
        .position(|c| c.field == field)
        .and_then(|p| u16::try_from(p).ok())
        .ok_or_else(|| {
            XlsxError::ParameterError(format!("the template has no column {}", field.thai()))
        })
}

/// `D7`: the first data cell of a field, the anchor of its relative validation formulas.
fn first_cell(field: Field) -> Result<String, XlsxError> {
    let letters = column_letters(u32::from(col(field)?));
    Ok(format!("{letters}{}", FIRST_DATA_ROW + 1))
}

/// `$B7`: the first data cell of a field, its column fixed (for row-wide conditional formats).
fn absolute_col(field: Field) -> Result<String, XlsxError> {
    Ok(format!("${}", first_cell(field)?))
}

/// Adds the data sheet.
pub fn add(book: &mut Workbook, spec: &TemplateSpec, styles: &Styles) -> Result<(), XlsxError> {
    let ws = book.add_worksheet();
    ws.set_name(DATA_SHEET)?;
    let last_col = u16::try_from(columns().len() - 1).unwrap_or(0);
    let last_row = FIRST_DATA_ROW + spec.data_rows() - 1;
    title_block(ws, spec, styles, last_col)?;
    header(ws, styles)?;
    for row in FIRST_DATA_ROW..=last_row {
        let project = spec.projects.get((row - FIRST_DATA_ROW) as usize);
        let carried = spec.carried_from.is_some();
        data_row(ws, row, project.map(|p| (p, carried)), styles)?;
    }
    for (field, validation) in validations(spec)? {
        let c = col(field)?;
        ws.add_data_validation(FIRST_DATA_ROW, c, last_row, c, &validation)?;
    }
    highlights(ws, last_row, styles)?;
    ws.protect_with_options(&protection());
    ws.set_freeze_panes(FIRST_DATA_ROW, 0)?;
    print_setup(ws, last_row, last_col)?;
    ws.set_active(true);
    Ok(())
}

fn title_block(
    ws: &mut Worksheet,
    spec: &TemplateSpec,
    styles: &Styles,
    last_col: u16,
) -> Result<(), XlsxError> {
    const BLANK: &str = "……………………………………";
    let organization = if spec.organization.is_empty() {
        format!("องค์กรปกครองส่วนท้องถิ่น {BLANK}")
    } else {
        spec.organization.clone()
    };
    use crate::schema::{FORM_DIVISION_BLANK, FORM_DIVISION_WORD};
    let division = match &spec.division {
        Some(d) => format!("{FORM_DIVISION_WORD} {d}"),
        None => format!("{FORM_DIVISION_WORD} {FORM_DIVISION_BLANK} {BLANK}"),
    };
    let period = match (spec.fiscal_year, spec.round) {
        (Some(year), Some(round)) => format!(
            "ประจำปีงบประมาณ พ.ศ. {year} {}",
            super::round_period(year, round)
        ),
        _ => "ประจำปีงบประมาณ พ.ศ. ………… รอบ ………… เดือน".to_string(),
    };
    let lines = [
        (crate::schema::FORM_TITLE.to_string(), &styles.title),
        (organization, &styles.subtitle),
        (division, &styles.subtitle),
        (period, &styles.subtitle),
        (note(spec), &styles.note),
    ];
    for (row, (text, format)) in (0u32..).zip(lines) {
        ws.merge_range(row, 0, row, last_col, &text, format)?;
        ws.set_row_height(row, if row == 0 { 30 } else { 24 })?;
    }
    Ok(())
}

/// The line under the title block: how to fill the form in; for a form carried over from
/// another fiscal year, what was carried and what is this year's to fill in.
fn note(spec: &TemplateSpec) -> String {
    match spec.carried_from {
        Some(year) => format!(
            "รายการโครงการ มิติ และงบประมาณ ยกมาจากปีงบประมาณ {year} — ตรวจงบประมาณให้เป็นของปีนี้ \
             แล้วกรอกเบิกจ่าย บรรจุ สถานะ และหมายเหตุของปีนี้ · วิธีกรอกอยู่ที่แผ่นงาน คำชี้แจง"
        ),
        None => "กรอกหนึ่งโครงการต่อหนึ่งแถว · มิติ บรรจุ และสถานะ เลือกจากรายการ (ลูกศรมุมขวาของช่อง) · \
                 วิธีกรอกอยู่ที่แผ่นงาน คำชี้แจง"
            .to_string(),
    }
}

fn header(ws: &mut Worksheet, styles: &Styles) -> Result<(), XlsxError> {
    for (c, column) in (0u16..).zip(columns()) {
        ws.write_string_with_format(HEADER_ROW, c, column.header, &styles.header)?;
        ws.set_column_width(c, column.width)?;
    }
    ws.set_row_height(HEADER_ROW, 84)?;
    Ok(())
}

/// One data row: the project's values (prefill; `true` beside it: its list only, from another
/// fiscal year) or formatted blanks, every cell unlocked.
fn data_row(
    ws: &mut Worksheet,
    row: u32,
    project: Option<(&ProjectRow, bool)>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let mut tallest: f64 = 24.0;
    for (c, column) in (0u16..).zip(columns()) {
        let format = match column.field {
            Field::Number | Field::Dimension | Field::InOrdinance => &styles.centered,
            Field::BudgetPlan | Field::BudgetOrdinance | Field::Disbursed => &styles.baht,
            _ => &styles.text,
        };
        let number = row - FIRST_DATA_ROW + 1;
        let shown = project.and_then(|(p, carried)| match carried {
            true => carried_value(p, number, column.field),
            false => value(p, number, column.field),
        });
        match shown {
            Some(Value::Text(text)) => {
                tallest = tallest.max(height(&text, column.width));
                ws.write_string_with_format(row, c, text, format)?
            }
            Some(Value::Number(n)) => ws.write_number_with_format(row, c, n, format)?,
            None => ws.write_blank(row, c, format)?,
        };
    }
    ws.set_row_height(row, tallest)?;
    Ok(())
}

enum Value {
    Text(String),
    Number(f64),
}

fn baht(amount: Decimal) -> Option<Value> {
    amount.to_f64().map(Value::Number)
}

/// What a prefilled row shows in a column (`None` leaves the cell blank).
fn value(p: &ProjectRow, number: u32, field: Field) -> Option<Value> {
    match field {
        Field::Number => Some(Value::Number(f64::from(number))),
        Field::Name => Some(Value::Text(p.name.clone())),
        Field::Dimension => Some(match &p.dimension_code {
            Some(code) => Value::Text(code.clone()),
            None => Value::Number(f64::from(p.dimension.number())),
        }),
        Field::BudgetPlan => baht(p.budget_plan),
        Field::BudgetOrdinance => baht(p.budget_ordinance),
        Field::Disbursed => baht(p.disbursed),
        Field::InOrdinance => p.in_ordinance.then(|| Value::Text(TICK.to_string())),
        Field::StatusWords | Field::StatusTick(_) => Some(Value::Text(p.status.thai().into())),
        Field::Remark => (!p.remark.is_empty()).then(|| Value::Text(p.remark.clone())),
    }
}

/// What a row carried over from another fiscal year shows: its list only (number, name, มิติ,
/// budgets to check); the year's results — disbursed, บรรจุ, status, remark — left blank.
fn carried_value(p: &ProjectRow, number: u32, field: Field) -> Option<Value> {
    match field {
        Field::Disbursed
        | Field::InOrdinance
        | Field::StatusWords
        | Field::StatusTick(_)
        | Field::Remark => None,
        _ => value(p, number, field),
    }
}

/// Input message, error title and message of a validation, in Thai.
fn texts(
    validation: DataValidation,
    input_title: &str,
    input_message: &str,
    error_title: &str,
    error_message: &str,
) -> Result<DataValidation, XlsxError> {
    validation
        .set_input_title(input_title)?
        .set_input_message(input_message)?
        .set_error_title(error_title)?
        .set_error_message(error_message)
}

/// A custom rule for money: a number, not negative, at most two decimals (`extra` adds a
/// condition, e.g. not above the budget).
fn money_rule(field: Field, extra: &str) -> Result<DataValidation, XlsxError> {
    let cell = first_cell(field)?;
    Ok(DataValidation::new().allow_custom(Formula::new(format!(
        "=AND(ISNUMBER({cell}),{cell}>=0,ROUND({cell},2)={cell}{extra})"
    ))))
}

const MONEY_ERROR: &str = "ใส่จำนวนเงินเป็นตัวเลข ไม่ติดลบ ทศนิยมไม่เกิน 2 ตำแหน่ง เช่น 55300 หรือ 55300.50 \
     (ไม่ต้องพิมพ์คำว่า บาท) ถ้าไม่ใช้งบประมาณ ให้ใส่ 0";

/// Every column's data validation.
fn validations(spec: &TemplateSpec) -> Result<Vec<(Field, DataValidation)>, XlsxError> {
    let statuses: Vec<&str> = Status::ALL.iter().map(|s| s.thai()).collect();
    let disbursed_limit = format!(
        ",{d}<=IF(ISBLANK({e}),{p},{e})",
        d = first_cell(Field::Disbursed)?,
        e = first_cell(Field::BudgetOrdinance)?,
        p = first_cell(Field::BudgetPlan)?,
    );
    Ok(vec![
        (
            Field::Number,
            texts(
                DataValidation::new().allow_whole_number(DataValidationRule::GreaterThan(0)),
                "ลำดับ",
                "เลขลำดับ 1, 2, 3 … ของโครงการในกอง (เมื่อรวมไฟล์ planmerge จะเรียงเลขใหม่)",
                "ลำดับไม่ถูกต้อง",
                "ลำดับต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป",
            )?,
        ),
        (
            Field::Name,
            DataValidation::new()
                .allow_any_value()
                .set_input_title("ชื่อโครงการ/กิจกรรม/มาตรการ")?
                .set_input_message("พิมพ์ชื่อตามแผนปฏิบัติการฯ หนึ่งโครงการต่อหนึ่งแถว ชื่อต้องไม่ซ้ำกับแถวอื่น")?,
        ),
        (
            Field::Dimension,
            texts(
                DataValidation::new().allow_list_strings(&["1", "2", "3", "4"])?,
                "มิติ — เลือก 1 ถึง 4",
                &dimension_message(&spec.dimension_names),
                "มิติไม่ถูกต้อง",
                "มิติต้องเป็นเลข 1, 2, 3 หรือ 4 — กดลูกศรที่มุมขวาของช่อง แล้วเลือกจากรายการ",
            )?,
        ),
        (
            Field::BudgetPlan,
            texts(
                money_rule(Field::BudgetPlan, "")?,
                "งบประมาณตามแผน (บาท)",
                "งบประมาณตามแผนพัฒนาท้องถิ่น เป็นตัวเลข ทศนิยมไม่เกิน 2 ตำแหน่ง ถ้าไม่ใช้งบประมาณ ให้ใส่ 0",
                "จำนวนเงินไม่ถูกต้อง",
                MONEY_ERROR,
            )?,
        ),
        (
            Field::BudgetOrdinance,
            texts(
                money_rule(Field::BudgetOrdinance, "")?,
                "งบตามข้อบัญญัติ (บาท)",
                "งบประมาณที่ตั้งไว้ในข้อบัญญัติ/เทศบัญญัติ ถ้าเว้นว่าง จะถือว่าเท่ากับงบประมาณตามแผน",
                "จำนวนเงินไม่ถูกต้อง",
                MONEY_ERROR,
            )?,
        ),
        (
            Field::Disbursed,
            texts(
                money_rule(Field::Disbursed, &disbursed_limit)?,
                "เบิกจ่าย (บาท)",
                "ยอดเบิกจ่ายจริงสะสมถึงวันรายงาน ใส่ 0 ถ้ายังไม่ได้เบิกจ่าย ต้องไม่เกินงบประมาณ",
                "เบิกจ่ายไม่ถูกต้อง",
                "เบิกจ่ายต้องเป็นตัวเลข ไม่ติดลบ ทศนิยมไม่เกิน 2 ตำแหน่ง และไม่เกินงบประมาณตามข้อบัญญัติ \
                 (หรืองบประมาณตามแผน ถ้าไม่ได้กรอกงบตามข้อบัญญัติ) — ตรวจตัวเลขทั้งสองช่อง",
            )?,
        ),
        (
            Field::InOrdinance,
            texts(
                DataValidation::new().allow_list_strings(&[TICK])?,
                "บรรจุในข้อบัญญัติ/เทศบัญญัติ",
                "เลือก ☑ ถ้าโครงการนี้บรรจุในข้อบัญญัติ/เทศบัญญัติ/แผนการดำเนินงาน ถ้าไม่บรรจุ ให้เว้นว่าง",
                "ใส่ได้เฉพาะ ☑",
                "ช่องนี้ใส่ได้เฉพาะ ☑ (เลือกจากรายการ) หรือเว้นว่าง",
            )?,
        ),
        (
            Field::StatusWords,
            texts(
                DataValidation::new().allow_list_strings(&statuses)?,
                "สถานะ — เลือกหนึ่งสถานะ",
                "รอรายงาน / อยู่ระหว่างดำเนินการ / ดำเนินการแล้วเสร็จ / ไม่สามารถดำเนินการได้ \
                 (ถ้าเลือกสถานะสุดท้าย ต้องใส่เหตุผลในช่องหมายเหตุ)",
                "สถานะไม่ถูกต้อง",
                "เลือกสถานะจากรายการเท่านั้น: รอรายงาน, อยู่ระหว่างดำเนินการ, ดำเนินการแล้วเสร็จ \
                 หรือ ไม่สามารถดำเนินการได้",
            )?,
        ),
        (
            Field::Remark,
            DataValidation::new()
                .allow_any_value()
                .set_input_title("หมายเหตุ")?
                .set_input_message(
                    "ถ้าสถานะเป็น ไม่สามารถดำเนินการได้ ต้องใส่เหตุผล: ไม่ได้รับงบประมาณ / \
                     นโยบายผู้บริหารเปลี่ยนแปลง / บุคลากรไม่เพียงพอ / อื่นๆ (ระบุ)",
                )?,
        ),
    ])
}

/// Excel's limit for an input message, in UTF-16 units.
pub const MESSAGE_LIMIT: usize = 255;

/// `1 การสร้างสังคม…` one line per dimension, each name shortened (with …) only if the four
/// together would pass Excel's 255-character limit.
pub fn dimension_message(names: &[String; 4]) -> String {
    let lines: Vec<String> = (1..=4)
        .zip(names)
        .map(|(n, s)| format!("{n} {s}"))
        .collect();
    let full = lines.join("\n");
    if full.encode_utf16().count() <= MESSAGE_LIMIT {
        return full;
    }
    let per_line = (MESSAGE_LIMIT - 3) / 4;
    lines
        .iter()
        .map(|line| {
            if line.encode_utf16().count() <= per_line {
                line.clone()
            } else {
                let mut cut: String = line.chars().take(per_line - 1).collect();
                while cut.encode_utf16().count() > per_line - 1 {
                    cut.pop();
                }
                cut.push('…');
                cut
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Conditional formats that shade what a started row still needs: a blank มิติ, budget,
/// disbursed or status once the name is typed, and a blank หมายเหตุ for "cannot".
fn highlights(ws: &mut Worksheet, last_row: u32, styles: &Styles) -> Result<(), XlsxError> {
    let name = absolute_col(Field::Name)?;
    for field in [
        Field::Dimension,
        Field::BudgetPlan,
        Field::Disbursed,
        Field::StatusWords,
    ] {
        let c = col(field)?;
        let rule = format!("=AND(LEN({name})>0,LEN({})=0)", first_cell(field)?);
        let cf = ConditionalFormatFormula::new()
            .set_rule(rule.as_str())
            .set_format(&styles.needs_input);
        ws.add_conditional_format(FIRST_DATA_ROW, c, last_row, c, &cf)?;
    }
    let status = absolute_col(Field::StatusWords)?;
    let remark = first_cell(Field::Remark)?;
    let rule = format!(
        "=AND({status}=\"{}\",LEN(TRIM({remark}))=0)",
        Status::Cannot.thai()
    );
    let cf = ConditionalFormatFormula::new()
        .set_rule(rule.as_str())
        .set_format(&styles.needs_input);
    let c = col(Field::Remark)?;
    ws.add_conditional_format(FIRST_DATA_ROW, c, last_row, c, &cf)?;
    Ok(())
}

/// Protection without a password (the coordinator may lift it): the title and header are
/// locked, data cells are not; rows may be inserted, deleted and resized, columns widened.
fn protection() -> ProtectionOptions {
    ProtectionOptions {
        format_columns: true,
        format_rows: true,
        insert_rows: true,
        delete_rows: true,
        ..ProtectionOptions::new()
    }
}

/// A4 landscape, one page wide, title and header repeated on every page, page numbers.
fn print_setup(ws: &mut Worksheet, last_row: u32, last_col: u16) -> Result<(), XlsxError> {
    const A4: u8 = 9;
    ws.set_paper_size(A4)
        .set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_print_center_horizontally(true)
        .set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3)
        .set_footer("&C&\"TH Sarabun New\"&14หน้า &P / &N");
    ws.set_repeat_rows(0, HEADER_ROW)?;
    ws.set_print_area(0, 0, last_row, last_col)?;
    Ok(())
}
