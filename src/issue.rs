//! Problems found in the input, as values: a stable kebab-case code, a severity, the place
//! (file › sheet › cell), a message in Thai, then English, that says what was found, and a fix
//! (Thai, then English) that says what to do.
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

    /// What was found, in Thai: `มิติต้องเป็น 1–4 (พบ "5")`. What to do is [`Problem::fix_thai`].
    pub fn thai(&self) -> String {
        match self {
            Problem::FileUnreadable { reason } => format!("เปิดไฟล์ไม่ได้ ({reason})"),
            Problem::FilePasswordProtected => "ไฟล์ถูกตั้งรหัสผ่าน".to_string(),
            Problem::NoProjectTable => {
                "ไม่พบตารางโครงการ (หัวตาราง ลำดับ/รายการโครงการ/มิติ/งบประมาณ/สถานะ)".to_string()
            }
            Problem::SheetTooLarge { extent, cells } => {
                format!("แผ่นงานมีข้อมูลกว้างถึง {extent} ({cells} ช่อง) ใหญ่เกินจะอ่านได้")
            }
            Problem::SheetHidden => "แผ่นงานนี้ถูกซ่อนไว้ แต่ได้อ่านรวมด้วย".to_string(),
            Problem::TableEmpty => "พบหัวตารางโครงการ แต่ไม่มีโครงการอยู่ใต้หัวตาราง".to_string(),
            Problem::HeaderDuplicate { field } => {
                format!("หัวตารางมีคอลัมน์ \"{field}\" ซ้ำกัน")
            }
            Problem::HeaderIncomplete { missing } => format!("หัวตารางขาดคอลัมน์ {missing}"),
            Problem::OrdinanceBudgetAssumed => {
                "ไม่มีงบประมาณตามข้อบัญญัติ/เทศบัญญัติ จึงใช้งบประมาณตามแผนแทน".to_string()
            }
            Problem::RowNotProject { found } => {
                format!("แถวนี้ไม่มีชื่อโครงการ มิติ งบประมาณ หรือสถานะ จึงไม่นับเป็นโครงการ (พบ \"{found}\")")
            }
            Problem::SummarySkipped => {
                "ไฟล์นี้เป็นไฟล์สรุปที่ planmerge สร้างเอง ไม่ใช่ไฟล์ของกอง จึงไม่อ่าน".to_string()
            }
            Problem::NameMissing => "ไม่มีชื่อโครงการ".to_string(),
            Problem::DimensionMissing => "ไม่ได้ระบุมิติ".to_string(),
            Problem::DimensionInvalid { found } => format!("มิติต้องเป็น 1–4 (พบ \"{found}\")"),
            Problem::MoneyNotNumber { field, found } => {
                format!("{} ไม่ใช่ตัวเลข (พบ \"{found}\")", field.thai())
            }
            Problem::MoneyNegative { field, found } => {
                format!("{} ติดลบ (พบ {found})", field.thai())
            }
            Problem::MoneyTooLarge { field, found } => {
                format!("{} มากเกินจริง (พบ {found})", field.thai())
            }
            Problem::MoneyTooPrecise { field, found } => {
                format!("{} มีทศนิยมเกิน 2 ตำแหน่ง (พบ {found})", field.thai())
            }
            Problem::MoneyAsText { field, found } => {
                format!(
                    "{} พิมพ์เป็นข้อความ (\"{found}\") อ่านเป็นตัวเลขให้แล้ว",
                    field.thai()
                )
            }
            Problem::MoneyBlank { field } => format!("{} ว่าง นับเป็น 0.00 บาท", field.thai()),
            Problem::DisbursedOverBudget { disbursed, budget } => {
                format!("เบิกจ่าย {disbursed} บาท มากกว่างบประมาณ {budget} บาท")
            }
            Problem::StatusMissing => "ไม่ได้ระบุสถานะ".to_string(),
            Problem::StatusMultiple { found } => format!("ระบุสถานะมากกว่าหนึ่ง ({found})"),
            Problem::StatusUnknown { found } => format!("ไม่รู้จักสถานะ \"{found}\""),
            Problem::TickUnknown { found } => format!("ช่องติ๊กมีค่า \"{found}\""),
            Problem::CannotWithoutReason => {
                "สถานะไม่สามารถดำเนินการได้ แต่ไม่มีเหตุผลในหมายเหตุ".to_string()
            }
            Problem::ProjectDuplicate { other } => format!("โครงการนี้ซ้ำกับ {other}"),
        }
    }

    /// What was found, in English: `dimension must be 1–4 (found "5")`.
    pub fn english(&self) -> String {
        match self {
            Problem::FileUnreadable { reason } => format!("cannot open the file ({reason})"),
            Problem::FilePasswordProtected => "the file is password-protected".into(),
            Problem::NoProjectTable => "no project table header found".into(),
            Problem::SheetTooLarge { extent, cells } => {
                format!("a sheet spans {extent} ({cells} cells), too large to load")
            }
            Problem::SheetHidden => "hidden sheet, read anyway".into(),
            Problem::TableEmpty => "a project table header with no project under it".into(),
            Problem::HeaderDuplicate { field } => {
                format!("the header has the column \"{field}\" twice")
            }
            Problem::HeaderIncomplete { missing } => {
                format!("the header lacks the column {missing}")
            }
            Problem::OrdinanceBudgetAssumed => {
                "no ordinance budget; the plan budget is used".into()
            }
            Problem::RowNotProject { found } => format!(
                "row has no project name, dimension, budget or status and is not counted (found \"{found}\")"
            ),
            Problem::SummarySkipped => {
                "a summary written by planmerge, not a division file; skipped".into()
            }
            Problem::NameMissing => "project name missing".into(),
            Problem::DimensionMissing => "dimension missing".into(),
            Problem::DimensionInvalid { found } => {
                format!("dimension must be 1–4 (found \"{found}\")")
            }
            Problem::MoneyNotNumber { field, found } => {
                format!("{} is not a number (found \"{found}\")", field.english())
            }
            Problem::MoneyNegative { field, found } => {
                format!("{} is negative ({found})", field.english())
            }
            Problem::MoneyTooLarge { field, found } => {
                format!("{} is implausibly large ({found})", field.english())
            }
            Problem::MoneyTooPrecise { field, found } => {
                format!("{} has more than 2 decimals ({found})", field.english())
            }
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
            Problem::StatusMissing => "no status".into(),
            Problem::StatusMultiple { found } => format!("more than one status ({found})"),
            Problem::StatusUnknown { found } => format!("unknown status \"{found}\""),
            Problem::TickUnknown { found } => format!("tick cell holds \"{found}\""),
            Problem::CannotWithoutReason => {
                "\"cannot be carried out\" without a reason in the remarks".into()
            }
            Problem::ProjectDuplicate { other } => format!("same project as {other}"),
        }
    }

    /// What to do about it, in Thai.
    pub fn fix_thai(&self) -> &'static str {
        match self {
            Problem::FileUnreadable { .. } => {
                "เปิดไฟล์ใน Excel แล้วบันทึกใหม่เป็น .xlsx หรือขอไฟล์ใหม่จากกอง"
            }
            Problem::FilePasswordProtected => "เอารหัสผ่านออก แล้วบันทึกและส่งใหม่",
            Problem::NoProjectTable => "ใช้แบบฟอร์มจาก planmerge template แล้วย้ายข้อมูลไปกรอก",
            Problem::SheetTooLarge { .. } => {
                "ลบค่าที่อยู่ไกลจากตาราง (กด Ctrl+End เพื่อหา) หรือบันทึกเป็น .xlsx แล้วส่งใหม่"
            }
            Problem::SheetHidden => "ถ้าไม่ตั้งใจให้นับ ให้ลบแผ่นงานนี้ออก",
            Problem::TableEmpty => "ตรวจว่าส่งไฟล์ถูกฉบับ",
            Problem::HeaderDuplicate { .. } => "ลบหรือเปลี่ยนชื่อคอลัมน์ที่เกิน",
            Problem::HeaderIncomplete { .. } => {
                "เพิ่มคอลัมน์ที่ขาดในหัวตาราง หรือใช้แบบฟอร์มจาก planmerge template"
            }
            Problem::OrdinanceBudgetAssumed => {
                "ถ้างบตามข้อบัญญัติต่างจากงบตามแผน ให้กรอกช่องงบประมาณตามข้อบัญญัติ/เทศบัญญัติ"
            }
            Problem::RowNotProject { .. } => {
                "ถ้าเป็นโครงการ ให้กรอกชื่อ มิติ งบประมาณ และสถานะให้ครบ ถ้าไม่ใช่ ให้ลบแถว"
            }
            Problem::SummarySkipped => "ไม่ต้องทำอะไร ถ้าไม่ต้องการ ให้ย้ายไฟล์สรุปออกจากโฟลเดอร์",
            Problem::NameMissing => "ใส่ชื่อโครงการ หรือลบแถวนี้",
            Problem::DimensionMissing | Problem::DimensionInvalid { .. } => {
                "แก้เป็นเลข 1–4 (ในแบบฟอร์มเลือกจากรายการในช่องมิติ)"
            }
            Problem::MoneyNotNumber { .. } => "ใส่จำนวนเงินเป็นตัวเลข เช่น 55300.00 ไม่ต้องพิมพ์คำว่า บาท",
            Problem::MoneyNegative { .. } => "จำนวนเงินต้องไม่น้อยกว่า 0 แก้ให้ถูกต้อง",
            Problem::MoneyTooPrecise { .. } => "ปัดเป็นสตางค์ (ทศนิยม 2 ตำแหน่ง)",
            Problem::MoneyTooLarge { .. } => "ตรวจตัวเลข (ไม่เกิน 999,999,999,999.99 บาท)",
            Problem::MoneyAsText { .. } => "ครั้งหน้าให้พิมพ์เป็นตัวเลข (ไม่ใส่ตัวอักษร)",
            Problem::MoneyBlank { .. } => "ถ้าไม่ใช่ 0 ให้กรอกจำนวนเงิน",
            Problem::DisbursedOverBudget { .. } => {
                "ตรวจตัวเลขเบิกจ่ายและงบประมาณ เบิกจ่ายต้องไม่เกินงบประมาณ"
            }
            Problem::StatusMissing => "เลือกสถานะหนึ่งในสี่ (แบบติ๊ก: ☑ ช่องเดียว)",
            Problem::StatusMultiple { .. } => "เหลือไว้สถานะเดียว",
            Problem::StatusUnknown { .. } => {
                "ใช้คำใดคำหนึ่ง: รอรายงาน / อยู่ระหว่างดำเนินการ / ดำเนินการแล้วเสร็จ / ไม่สามารถดำเนินการได้"
            }
            Problem::TickUnknown { .. } => "ใช้ ☑ หรือเว้นว่าง",
            Problem::CannotWithoutReason => {
                "ใส่เหตุผลในหมายเหตุ: ไม่ได้รับงบประมาณ / นโยบายผู้บริหารเปลี่ยนแปลง / บุคลากรไม่เพียงพอ / อื่นๆ (ระบุ)"
            }
            Problem::ProjectDuplicate { .. } => "ลบแถวที่ซ้ำออกหนึ่งแถว หรือแก้ชื่อให้ต่างกัน",
        }
    }

    /// What to do about it, in English.
    pub fn fix_english(&self) -> &'static str {
        match self {
            Problem::FileUnreadable { .. } => {
                "open it in Excel and save it again as .xlsx, or ask for a new copy"
            }
            Problem::FilePasswordProtected => "remove the password and send it again",
            Problem::NoProjectTable => "copy the data into a form from planmerge template",
            Problem::SheetTooLarge { .. } => {
                "delete the stray values far from the table (Ctrl+End finds them) or save as .xlsx"
            }
            Problem::SheetHidden => "delete the sheet if it should not count",
            Problem::TableEmpty => "check this is the right file",
            Problem::HeaderDuplicate { .. } => "remove or rename one of them",
            Problem::HeaderIncomplete { .. } => {
                "add the column, or use a form from planmerge template"
            }
            Problem::OrdinanceBudgetAssumed => "fill in the ordinance budget where it differs",
            Problem::RowNotProject { .. } => "complete the row if it is a project, else delete it",
            Problem::SummarySkipped => "nothing to do; move it out of the folder if you like",
            Problem::NameMissing => "fill in the name or delete the row",
            Problem::DimensionMissing | Problem::DimensionInvalid { .. } => {
                "enter 1–4 (pick from the list in the form)"
            }
            Problem::MoneyNotNumber { .. } => "type the amount as a number, e.g. 55300.00",
            Problem::MoneyNegative { .. } => "amounts cannot be below 0",
            Problem::MoneyTooPrecise { .. } => "round to satang (2 decimals)",
            Problem::MoneyTooLarge { .. } => "check the number (at most 999,999,999,999.99 baht)",
            Problem::MoneyAsText { .. } => "type numbers as numbers next time",
            Problem::MoneyBlank { .. } => "fill in the amount if it is not 0",
            Problem::DisbursedOverBudget { .. } => {
                "check both figures; disbursed cannot exceed the budget"
            }
            Problem::StatusMissing => "choose exactly one of the four statuses",
            Problem::StatusMultiple { .. } => "keep one",
            Problem::StatusUnknown { .. } => "use one of the four status words",
            Problem::TickUnknown { .. } => "use ☑ or leave it blank",
            Problem::CannotWithoutReason => {
                "give the reason in หมายเหตุ (no budget / policy changed / not enough staff / other)"
            }
            Problem::ProjectDuplicate { .. } => "delete one of the two rows or tell them apart",
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

    /// What was found, Thai then English: `มิติต้องเป็น 1–4 (พบ "5") · dimension must be 1–4
    /// (found "5")`.
    pub fn message(&self) -> String {
        format!("{} · {}", self.problem.thai(), self.problem.english())
    }

    /// What to do, Thai then English: `แก้เป็นเลข 1–4 … · enter 1–4 …`.
    pub fn fix(&self) -> String {
        format!(
            "{} · {}",
            self.problem.fix_thai(),
            self.problem.fix_english()
        )
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
        let mut st = s.serialize_struct("Issue", 7)?;
        st.serialize_field("severity", &self.severity())?;
        st.serialize_field("code", self.problem.code())?;
        st.serialize_field("file", &self.location.file)?;
        st.serialize_field("sheet", &self.location.sheet)?;
        st.serialize_field("cell", &self.location.a1())?;
        st.serialize_field("message", &self.message())?;
        st.serialize_field("fix", &self.fix())?;
        st.end()
    }
}

/// Number of errors in a list of issues.
pub fn error_count(issues: &[Issue]) -> usize {
    issues.iter().filter(|i| i.is_error()).count()
}
