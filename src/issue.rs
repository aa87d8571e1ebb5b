//! Problems found in the input, as values: a stable kebab-case code, a severity, the place
//! (file › sheet › cell) and a message in Thai, then English, that says what to do.
//! Nothing here decides *whether* something is a problem; `read` and `validate` do.

use crate::model::Location;
use serde::Serialize;
use std::fmt;

/// How bad a problem is: an error stops the summary from being written, a warning does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// ข้อผิดพลาด — the row or file is refused; no summary is written (unless `--draft`).
    Error,
    /// คำเตือน — merged anyway, but worth a look.
    Warning,
}

/// Which money column a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyField {
    /// งบประมาณตามแผน
    BudgetPlan,
    /// งบประมาณตามข้อบัญญัติ/เทศบัญญัติ
    BudgetOrdinance,
    /// เบิกจ่าย
    Disbursed,
}

impl MoneyField {
    fn thai(self) -> &'static str {
        match self {
            MoneyField::BudgetPlan => "งบประมาณตามแผน",
            MoneyField::BudgetOrdinance => "งบประมาณตามข้อบัญญัติ/เทศบัญญัติ",
            MoneyField::Disbursed => "เบิกจ่าย",
        }
    }
    fn english(self) -> &'static str {
        match self {
            MoneyField::BudgetPlan => "plan budget",
            MoneyField::BudgetOrdinance => "ordinance budget",
            MoneyField::Disbursed => "disbursed amount",
        }
    }
}

/// What is wrong. Each variant has one stable code (see [`Problem::code`]); fields are named
/// for what they hold.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The file cannot be opened or read (corrupt, not a spreadsheet).
    FileUnreadable { reason: String },
    /// The file is encrypted with a password.
    FilePasswordProtected,
    /// A spreadsheet file in which no project table header was found.
    NoProjectTable,
    /// A sheet whose used area is too large to load (a stray value far away, or a forged size).
    SheetTooLarge { extent: String, cells: u64 },
    /// A sheet that is hidden in Excel; it is read anyway.
    SheetHidden,
    /// Two columns of one header mean the same field.
    HeaderDuplicate { field: String },
    /// A header row without the columns every project needs.
    HeaderIncomplete { missing: String },
    /// The sheet has no ordinance-budget column: ordinance budget = plan budget.
    OrdinanceBudgetAssumed,
    /// A project table header with no project under it.
    TableEmpty,
    /// A non-blank row under a header with nothing in any project column; not counted.
    RowNotProject { found: String },
    /// A workbook written by planmerge itself (a summary), not a division's file; skipped.
    SummarySkipped,
    /// A project row without a name.
    NameMissing,
    /// No dimension given.
    DimensionMissing,
    /// A dimension that is not 1-4.
    DimensionInvalid { found: String },
    /// Money that is not a number.
    MoneyNotNumber { field: MoneyField, found: String },
    /// Negative money.
    MoneyNegative { field: MoneyField, found: String },
    /// Money with more than two decimals.
    MoneyTooPrecise { field: MoneyField, found: String },
    /// Money beyond any local budget (one trillion baht or more): a typo or a forged number.
    MoneyTooLarge { field: MoneyField, found: String },
    /// Money typed as text (merged, but a warning).
    MoneyAsText { field: MoneyField, found: String },
    /// A money cell left empty, read as 0.00.
    MoneyBlank { field: MoneyField },
    /// Disbursed more than the (ordinance) budget.
    DisbursedOverBudget { disbursed: String, budget: String },
    /// No status ticked or written.
    StatusMissing,
    /// More than one status ticked.
    StatusMultiple { found: String },
    /// Status words that are none of the four.
    StatusUnknown { found: String },
    /// A tick cell holding something that is not a tick.
    TickUnknown { found: String },
    /// ไม่สามารถดำเนินการได้ without a reason in หมายเหตุ.
    CannotWithoutReason,
    /// The same project (normalised name) twice.
    ProjectDuplicate { other: Location },
}

impl Problem {
    /// The stable kebab-case code scripts and tests match on.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::FileUnreadable { .. } => "file-unreadable",
            Problem::FilePasswordProtected => "file-password-protected",
            Problem::NoProjectTable => "no-project-table",
            Problem::SheetTooLarge { .. } => "sheet-too-large",
            Problem::SheetHidden => "sheet-hidden",
            Problem::HeaderDuplicate { .. } => "header-duplicate",
            Problem::HeaderIncomplete { .. } => "header-incomplete",
            Problem::OrdinanceBudgetAssumed => "ordinance-budget-assumed",
            Problem::TableEmpty => "table-empty",
            Problem::RowNotProject { .. } => "row-not-project",
            Problem::SummarySkipped => "summary-skipped",
            Problem::NameMissing => "name-missing",
            Problem::DimensionMissing => "dimension-missing",
            Problem::DimensionInvalid { .. } => "dimension-invalid",
            Problem::MoneyNotNumber { .. } => "money-not-number",
            Problem::MoneyNegative { .. } => "money-negative",
            Problem::MoneyTooPrecise { .. } => "money-too-precise",
            Problem::MoneyTooLarge { .. } => "money-too-large",
            Problem::MoneyAsText { .. } => "money-as-text",
            Problem::MoneyBlank { .. } => "money-blank",
            Problem::DisbursedOverBudget { .. } => "disbursed-over-budget",
            Problem::StatusMissing => "status-missing",
            Problem::StatusMultiple { .. } => "status-multiple",
            Problem::StatusUnknown { .. } => "status-unknown",
            Problem::TickUnknown { .. } => "tick-unknown",
            Problem::CannotWithoutReason => "cannot-without-reason",
            Problem::ProjectDuplicate { .. } => "project-duplicate",
        }
    }

    /// Error or warning.
    pub fn severity(&self) -> Severity {
        match self {
            Problem::SheetHidden
            | Problem::OrdinanceBudgetAssumed
            | Problem::MoneyAsText { .. }
            | Problem::MoneyBlank { .. }
            | Problem::RowNotProject { .. }
            | Problem::TableEmpty
            | Problem::SummarySkipped => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The message in Thai.
    pub fn thai(&self) -> String {
        match self {
            Problem::FileUnreadable { reason } => format!(
                "เปิดไฟล์ไม่ได้ ({reason}) — ตรวจว่าไฟล์ไม่เสียและเป็นไฟล์ Excel/ODS แล้วส่งใหม่"
            ),
            Problem::FilePasswordProtected => {
                "ไฟล์ถูกตั้งรหัสผ่าน — ให้กองเอารหัสผ่านออกแล้วส่งใหม่".to_string()
            }
            Problem::NoProjectTable => "ไม่พบตารางโครงการ (หัวตาราง ลำดับ/รายการโครงการ/มิติ/งบประมาณ/สถานะ) — ใช้แบบฟอร์มของ planmerge template".to_string(),
            Problem::SheetTooLarge { extent, cells } => format!(
                "แผ่นงานมีข้อมูลกว้างถึง {extent} ({cells} ช่อง) ใหญ่เกินจะอ่านได้ — ลบค่าที่อยู่ไกลจากตาราง (กด Ctrl+End เพื่อหา) หรือบันทึกเป็น .xlsx แล้วส่งใหม่"
            ),
            Problem::SheetHidden => "แผ่นงานนี้ถูกซ่อนไว้ แต่ได้อ่านรวมด้วย — ตรวจว่าตั้งใจให้นับ".to_string(),
            Problem::HeaderDuplicate { field } => format!(
                "หัวตารางมีคอลัมน์ \"{field}\" ซ้ำกัน — ลบหรือเปลี่ยนชื่อคอลัมน์ที่เกิน"
            ),
            Problem::HeaderIncomplete { missing } => format!(
                "หัวตารางขาดคอลัมน์ {missing} — เพิ่มคอลัมน์นี้ในหัวตาราง"
            ),
            Problem::OrdinanceBudgetAssumed => "ไม่มีคอลัมน์งบประมาณตามข้อบัญญัติ/เทศบัญญัติ จึงใช้งบประมาณตามแผนแทน".to_string(),
            Problem::TableEmpty => {
                "พบหัวตารางโครงการ แต่ไม่มีโครงการอยู่ใต้หัวตาราง — ตรวจว่าส่งไฟล์ถูกฉบับ".to_string()
            }
            Problem::RowNotProject { found } => format!(
                "แถวนี้ไม่มีชื่อโครงการ มิติ งบประมาณ หรือสถานะ จึงไม่นับเป็นโครงการ (พบ \"{found}\") — ถ้าเป็นโครงการ ให้กรอกให้ครบ"
            ),
            Problem::SummarySkipped => {
                "ไฟล์นี้เป็นไฟล์สรุปที่ planmerge สร้างเอง ไม่ใช่ไฟล์ของกอง จึงไม่อ่าน".to_string()
            }
            Problem::NameMissing => "ไม่มีชื่อโครงการ — ใส่ชื่อโครงการ หรือลบแถวนี้".to_string(),
            Problem::DimensionMissing => "ไม่ได้ระบุมิติ — ใส่เลข 1–4".to_string(),
            Problem::DimensionInvalid { found } => {
                format!("มิติต้องเป็น 1–4 (พบ \"{found}\") — แก้เป็นเลข 1–4")
            }
            Problem::MoneyNotNumber { field, found } => format!(
                "{} ไม่ใช่ตัวเลข (พบ \"{found}\") — ใส่จำนวนเงินเป็นตัวเลข เช่น 55,300.00",
                field.thai()
            ),
            Problem::MoneyNegative { field, found } => format!(
                "{} ติดลบ (พบ {found}) — จำนวนเงินต้องไม่น้อยกว่า 0",
                field.thai()
            ),
            Problem::MoneyTooPrecise { field, found } => format!(
                "{} มีทศนิยมเกิน 2 ตำแหน่ง (พบ {found}) — ปัดเป็นสตางค์",
                field.thai()
            ),
            Problem::MoneyTooLarge { field, found } => format!(
                "{} มากเกินจริง (พบ {found}) — ตรวจตัวเลข (ไม่เกิน 999,999,999,999.99 บาท)",
                field.thai()
            ),
            Problem::MoneyAsText { field, found } => format!(
                "{} พิมพ์เป็นข้อความ (\"{found}\") — อ่านเป็นตัวเลขให้แล้ว",
                field.thai()
            ),
            Problem::MoneyBlank { field } => {
                format!("{} ว่าง — นับเป็น 0.00 บาท", field.thai())
            }
            Problem::DisbursedOverBudget { disbursed, budget } => format!(
                "เบิกจ่าย {disbursed} บาท มากกว่างบประมาณ {budget} บาท — ตรวจตัวเลขทั้งสองช่อง"
            ),
            Problem::StatusMissing => {
                "ไม่ได้ระบุสถานะ — เลือกสถานะหนึ่งในสี่ (☑ ช่องเดียว)".to_string()
            }
            Problem::StatusMultiple { found } => {
                format!("ระบุสถานะมากกว่าหนึ่ง ({found}) — เหลือไว้ช่องเดียว")
            }
            Problem::StatusUnknown { found } => format!(
                "สถานะ \"{found}\" ไม่ตรงกับ รอรายงาน/อยู่ระหว่างดำเนินการ/ดำเนินการแล้วเสร็จ/ไม่สามารถดำเนินการได้"
            ),
            Problem::TickUnknown { found } => {
                format!("ช่องติ๊กมีค่า \"{found}\" — ใช้ ☑ หรือเว้นว่าง")
            }
            Problem::CannotWithoutReason => "สถานะไม่สามารถดำเนินการได้ ต้องระบุเหตุผลในหมายเหตุ (ไม่ได้รับงบประมาณ / นโยบายผู้บริหารเปลี่ยนแปลง / บุคลากรไม่เพียงพอ / อื่นๆ)".to_string(),
            Problem::ProjectDuplicate { other } => {
                format!("โครงการนี้ซ้ำกับ {other} — ลบแถวที่ซ้ำออกหนึ่งแถว")
            }
        }
    }

    /// The message in English.
    pub fn english(&self) -> String {
        match self {
            Problem::FileUnreadable { reason } => {
                format!("cannot open the file ({reason}); check it is an intact Excel/ODS file")
            }
            Problem::FilePasswordProtected => {
                "the file is password-protected; ask the division to remove the password".into()
            }
            Problem::NoProjectTable => {
                "no project table header found; use planmerge template".into()
            }
            Problem::SheetTooLarge { extent, cells } => format!(
                "a sheet spans {extent} ({cells} cells), too large to load; delete the stray values far from the table (Ctrl+End finds them) or save as .xlsx"
            ),
            Problem::SheetHidden => "hidden sheet, read anyway; check it should count".into(),
            Problem::HeaderDuplicate { field } => {
                format!("the header has the column \"{field}\" twice; remove or rename one")
            }
            Problem::HeaderIncomplete { missing } => {
                format!("the header lacks the column {missing}; add it")
            }
            Problem::OrdinanceBudgetAssumed => {
                "no ordinance-budget column; the plan budget is used".into()
            }
            Problem::TableEmpty => {
                "a project table header with no project under it; check this is the right file"
                    .into()
            }
            Problem::RowNotProject { found } => format!(
                "row has no project name, dimension, budget or status and is not counted (found \"{found}\"); fill it in if it is a project"
            ),
            Problem::SummarySkipped => {
                "a summary written by planmerge, not a division file; skipped".into()
            }
            Problem::NameMissing => "project name missing; fill it in or delete the row".into(),
            Problem::DimensionMissing => "dimension missing; enter 1-4".into(),
            Problem::DimensionInvalid { found } => {
                format!("dimension must be 1–4 (found \"{found}\")")
            }
            Problem::MoneyNotNumber { field, found } => {
                format!("{} is not a number (found \"{found}\")", field.english())
            }
            Problem::MoneyNegative { field, found } => {
                format!("{} is negative ({found})", field.english())
            }
            Problem::MoneyTooPrecise { field, found } => {
                format!("{} has more than 2 decimals ({found})", field.english())
            }
            Problem::MoneyTooLarge { field, found } => format!(
                "{} is implausibly large ({found}); at most 999,999,999,999.99 baht",
                field.english()
            ),
            Problem::MoneyAsText { field, found } => {
                format!(
                    "{} typed as text (\"{found}\"), read as a number",
                    field.english()
                )
            }
            Problem::MoneyBlank { field } => format!("{} blank, counted as 0.00", field.english()),
            Problem::DisbursedOverBudget { disbursed, budget } => {
                format!("disbursed {disbursed} is more than the budget {budget}")
            }
            Problem::StatusMissing => "no status; tick exactly one of the four".into(),
            Problem::StatusMultiple { found } => {
                format!("more than one status ({found}); keep one")
            }
            Problem::StatusUnknown { found } => format!("unknown status \"{found}\""),
            Problem::TickUnknown { found } => {
                format!("tick cell holds \"{found}\"; use ☑ or leave it blank")
            }
            Problem::CannotWithoutReason => {
                "\"cannot be carried out\" needs a reason in the remarks".into()
            }
            Problem::ProjectDuplicate { other } => {
                format!("same project as {other}; delete one of the two rows")
            }
        }
    }
}

/// One problem at one place.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// What is wrong.
    pub problem: Problem,
    /// Where.
    pub location: Location,
}

impl Issue {
    /// A problem at a place.
    pub fn new(problem: Problem, location: Location) -> Self {
        Issue { problem, location }
    }

    /// Error or warning.
    pub fn severity(&self) -> Severity {
        self.problem.severity()
    }

    /// `true` for errors.
    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }

    /// Thai, then English: `มิติต้องเป็น 1–4 (พบ "5") · dimension must be 1–4 (found "5")`.
    pub fn message(&self) -> String {
        format!("{} · {}", self.problem.thai(), self.problem.english())
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message())
    }
}

impl Serialize for Issue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Issue", 6)?;
        st.serialize_field("severity", &self.severity())?;
        st.serialize_field("code", self.problem.code())?;
        st.serialize_field("file", &self.location.file)?;
        st.serialize_field("sheet", &self.location.sheet)?;
        st.serialize_field("cell", &self.location.a1())?;
        st.serialize_field("message", &self.message())?;
        st.end()
    }
}

/// Number of errors in a list of issues.
pub fn error_count(issues: &[Issue]) -> usize {
    issues.iter().filter(|i| i.is_error()).count()
}
