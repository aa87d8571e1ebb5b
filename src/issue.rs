//! Problems found in the input, as values: a stable kebab-case code, a severity, the place
//! (file › sheet › cell), a message in Thai, then English, that says what was found, and a fix
//! (Thai, then English) that says what to do.
//! Nothing here decides *whether* something is a problem; `read` and `validate` do.

use crate::model::{Location, Status};
use crate::schema::{Field, baht};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::fmt;
use std::sync::Arc;

/// ` (ที่ กองคลัง.xlsx › แผน › B7)` after a name, or nothing.
fn at_place(place: &Option<Location>, word: &str) -> String {
    place
        .as_ref()
        .map(|at| format!(" ({word} {at})"))
        .unwrap_or_default()
}

/// A count as a person reads it: `100000033` → `100,000,033`.
fn grouped(n: u64) -> String {
    let text = baht(Decimal::from(n));
    text.strip_suffix(".00").unwrap_or(&text).to_string()
}

/// How bad a problem is: an error stops the summary from being written, a warning does not,
/// and a note is a fact that needs no action (shown by `check`, kept in the audit sheet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// ข้อผิดพลาด — the row or file is refused; no summary is written (unless `--draft`).
    Error,
    /// คำเตือน — merged anyway, but worth a look.
    Warning,
    /// หมายเหตุ — what planmerge understood or assumed; nothing to do.
    Note,
}

/// Which stage of the pipeline finds a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The reader: the file, its sheets, headers and rows that are not projects.
    Read,
    /// The rules of one row.
    Validate,
    /// Across rows and files (the same project twice).
    Merge,
}

/// The codes one stage may give, in catalogue order.
pub fn codes_of(stage: Stage) -> impl Iterator<Item = &'static str> {
    STAGES
        .iter()
        .filter(move |(_, s)| *s == stage)
        .map(|(code, _)| *code)
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

/// What money with more than two decimals most likely is, for what to tell the clerk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decimals {
    /// Typed so (or pasted): round to satang.
    Typed,
    /// An amount typed in a cell formatted as a percentage with decimals: stored a hundredth of
    /// it (12,500.50 → 125.005), its hundredfold in satang.
    Percent,
    /// A formula's result (`=E7/3` → 333.333333333333), the cell showing it rounded: wrap the
    /// formula in `ROUND`.
    Computed,
}

/// Why a file cannot be opened (สาเหตุที่เปิดไฟล์ไม่ได้), in words a clerk can act on. The reader's
/// own words go with it in English, as `file-unreadable`'s `reason`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    /// The system would not give the file (missing, open in another program, no permission):
    /// its reason in Thai, from [`crate::schema::io::thai_reason`].
    System(&'static str),
    /// Nothing in it: 0 bytes (a copy or a download that did not finish).
    Empty,
    /// A web page (HTML, or a "single file web page") named as a spreadsheet: what web systems
    /// export as "Excel".
    WebPage,
    /// An Excel 2003 XML spreadsheet (SpreadsheetML) named .xls.
    Excel2003Xml,
    /// Plain text or CSV named as a spreadsheet.
    Text,
    /// A PDF.
    Pdf,
    /// A Word document (.doc, .docx).
    Word,
    /// A picture (a photo or a scan of the form).
    Picture,
    /// A zip or rar archive (files packed together, to unpack first).
    Archive,
    /// A spreadsheet of another program that is not read (Apple Numbers, WPS Spreadsheets).
    OtherProgram,
    /// Some other file, not a spreadsheet by its name or its content.
    NotSpreadsheet,
    /// A spreadsheet, damaged or cut short.
    Damaged,
    /// A spreadsheet planmerge's reader gave up on (a flaw of the reader, not of the file).
    ReaderFailed,
    /// A formula's cached error value the reader does not know (`#SPILL!`, `#CALC!`): read again
    /// with it rewritten, so said only when that fails too.
    UnknownErrorValue,
}

impl Unreadable {
    /// What the file is, or what happened, in Thai.
    pub fn thai(self) -> &'static str {
        match self {
            Unreadable::System(reason) => reason,
            Unreadable::Empty => "ไฟล์ว่างเปล่า (0 ไบต์) อาจคัดลอกหรือดาวน์โหลดไม่สำเร็จ",
            Unreadable::WebPage => "ไฟล์นี้เป็นหน้าเว็บ (HTML) ที่ตั้งชื่อเป็นไฟล์ Excel",
            Unreadable::Excel2003Xml => "ไฟล์นี้เป็นแบบ XML ของ Excel 2003",
            Unreadable::Text => "ไฟล์นี้เป็นข้อความธรรมดาหรือ CSV ไม่ใช่สมุดงาน Excel",
            Unreadable::Pdf => "ไฟล์นี้เป็น PDF ไม่ใช่ไฟล์ Excel",
            Unreadable::Word => "ไฟล์นี้เป็นเอกสาร Word ไม่ใช่ไฟล์ Excel",
            Unreadable::Picture => "ไฟล์นี้เป็นรูปภาพ ไม่ใช่ไฟล์ Excel",
            Unreadable::Archive => "ไฟล์นี้เป็นไฟล์บีบอัด (zip, rar) ต้องแตกไฟล์ก่อน",
            Unreadable::OtherProgram => "ไฟล์นี้เป็นของโปรแกรมอื่น (Numbers, WPS) ที่อ่านไม่ได้",
            Unreadable::NotSpreadsheet => "ไม่ใช่ไฟล์ตารางคำนวณ (.xlsx .xlsm .xls .xlsb .ods)",
            Unreadable::Damaged => "ไฟล์เสียหายหรือบันทึกไม่ครบ",
            Unreadable::ReaderFailed => "โปรแกรมอ่านโครงสร้างของไฟล์นี้ไม่ได้",
            Unreadable::UnknownErrorValue => "มีสูตรที่ให้ค่าผิดพลาดซึ่งโปรแกรมไม่รู้จัก (เช่น #SPILL! #CALC!)",
        }
    }

    /// The same in English.
    pub fn english(self) -> &'static str {
        match self {
            Unreadable::System(_) => "the system would not give it",
            Unreadable::Empty => "the file is empty (0 bytes)",
            Unreadable::WebPage => "it is a web page (HTML) named as a spreadsheet",
            Unreadable::Excel2003Xml => "it is an Excel 2003 XML spreadsheet",
            Unreadable::Text => "it is plain text or CSV, not a workbook",
            Unreadable::Pdf => "it is a PDF",
            Unreadable::Word => "it is a Word document",
            Unreadable::Picture => "it is a picture",
            Unreadable::Archive => "it is an archive (zip, rar) to unpack first",
            Unreadable::OtherProgram => "it is a file of another program (Numbers, WPS)",
            Unreadable::NotSpreadsheet => "not a spreadsheet (.xlsx .xlsm .xls .xlsb .ods)",
            Unreadable::Damaged => "the file is damaged or incomplete",
            Unreadable::ReaderFailed => "the reader could not follow its structure",
            Unreadable::UnknownErrorValue => {
                "a formula gives an error value the reader does not know (#SPILL!, #CALC!)"
            }
        }
    }

    /// What to do, in Thai and in English.
    fn fix(self) -> (&'static str, &'static str) {
        match self {
            Unreadable::System(_) => (
                "ตรวจว่าไฟล์ยังอยู่ที่เดิม ปิดไฟล์ใน Excel แล้วลองใหม่",
                "check the file is still there, close it in Excel and try again",
            ),
            Unreadable::Empty => ("ขอไฟล์ใหม่จากกอง", "ask the division for a new copy"),
            Unreadable::Archive => (
                "แตกไฟล์ออกมาไว้ในโฟลเดอร์นี้ แล้วย้ายไฟล์บีบอัดออก",
                "unpack it into this folder and move the archive out",
            ),
            Unreadable::WebPage
            | Unreadable::Excel2003Xml
            | Unreadable::Text
            | Unreadable::OtherProgram => (
                "เปิดไฟล์ใน Excel แล้วเลือก บันทึกเป็น › สมุดงาน Excel (.xlsx) แล้วใช้ไฟล์ .xlsx นั้น",
                "open it in Excel, Save As › Excel Workbook (.xlsx), and use that file",
            ),
            Unreadable::Pdf
            | Unreadable::Word
            | Unreadable::Picture
            | Unreadable::NotSpreadsheet => (
                "ขอไฟล์ Excel จากกอง หรือให้กองกรอกแบบฟอร์มจาก planmerge template",
                "ask the division for its Excel file, or for a form from planmerge template filled in",
            ),
            Unreadable::Damaged | Unreadable::ReaderFailed => (
                "เปิดไฟล์ใน Excel แล้วบันทึกใหม่เป็น .xlsx หรือขอไฟล์ใหม่จากกอง",
                "open it in Excel and save it again as .xlsx, or ask for a new copy",
            ),
            Unreadable::UnknownErrorValue => (
                "แก้สูตรที่แสดงค่าผิดพลาด (#SPILL! ช่องที่ผลลัพธ์จะล้นไปมีข้อมูลอยู่, #CALC!) หรือพิมพ์ค่าแทนสูตร แล้วบันทึกใหม่",
                "mend the formulas showing an error (#SPILL!: the cells the result spills into are not empty; #CALC!) or type their values, and save again",
            ),
        }
    }
}

/// Declares [`Problem`] from the catalogue below: each variant once, with every fact about it
/// in one place — its stable code, its severity, what was found (Thai, English) and what to do
/// (Thai, English). The message expressions may use the variant's fields by name.
macro_rules! catalogue {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident $({ $($field:ident : $ty:ty),* $(,)? })? => {
            code: $code:literal,
            stage: $stage:ident,
            severity: $severity:ident,
            thai: $thai:expr,
            english: $english:expr,
            fix: ($fix_thai:expr, $fix_english:expr $(,)?) $(,)?
        }
    )*) => {
        /// What is wrong. Each variant has one stable code (see [`Problem::code`]); fields are
        /// named for what they hold.
        #[allow(missing_docs)]
        #[derive(Debug, Clone, PartialEq)]
        pub enum Problem {
            $( $(#[doc = $doc])* $variant $({ $($field: $ty),* })?, )*
        }

        /// Every code with its severity, in catalogue order (the README lists the same codes).
        pub const CATALOGUE: &[(&str, Severity)] = &[$(($code, Severity::$severity)),*];

        /// Every code with the stage that finds it, in catalogue order.
        pub const STAGES: &[(&str, Stage)] = &[$(($code, Stage::$stage)),*];

        impl Problem {
            /// The stable kebab-case code scripts and tests match on.
            pub fn code(&self) -> &'static str {
                match self {
                    $(Problem::$variant { .. } => $code,)*
                }
            }

            /// Error or warning.
            pub fn severity(&self) -> Severity {
                match self {
                    $(Problem::$variant { .. } => Severity::$severity,)*
                }
            }

            /// What was found, in Thai: `มิติต้องเป็น 1–4 (พบ "5")`. What to do is
            /// [`Problem::fix_thai`].
            #[allow(unused_variables)]
            pub fn thai(&self) -> String {
                match self {
                    $(Problem::$variant $({ $($field),* })? => String::from($thai),)*
                }
            }

            /// What was found, in English: `dimension must be 1–4 (found "5")`.
            #[allow(unused_variables)]
            pub fn english(&self) -> String {
                match self {
                    $(Problem::$variant $({ $($field),* })? => String::from($english),)*
                }
            }

            /// What to do about it, in Thai.
            #[allow(unused_variables)]
            pub fn fix_thai(&self) -> String {
                match self {
                    $(Problem::$variant $({ $($field),* })? => String::from($fix_thai),)*
                }
            }

            /// What to do about it, in English.
            #[allow(unused_variables)]
            pub fn fix_english(&self) -> String {
                match self {
                    $(Problem::$variant $({ $($field),* })? => String::from($fix_english),)*
                }
            }
        }
    };
}

catalogue! {
    /// The file cannot be opened or read (corrupt, not a spreadsheet).
    /// `cause` says why in a clerk's words; `reason` is the reader's own, kept in the English
    /// half, or, when the reader panicked, only in [`Issue::detail`] (for a bug report).
    FileUnreadable { cause: Unreadable, reason: String } => {
        code: "file-unreadable",
        stage: Read,
        severity: Error,
        thai: format!("เปิดไฟล์ไม่ได้: {}", cause.thai()),
        english: match cause {
            // Where calamine panicked is for a bug report, not for the clerk: JSON's `detail`.
            Unreadable::ReaderFailed => format!("cannot open the file: {}", cause.english()),
            _ => format!("cannot open the file: {} ({reason})", cause.english()),
        },
        fix: (cause.fix().0, cause.fix().1),
    }
    /// A summary planmerge wrote, edited so that its project list cannot be read back (as the
    /// previous round, or for `template --from`): the list's sheet renamed or deleted, a cell
    /// typed over. `what`: which, Thai and English.
    SummaryEdited { what: (String, String) } => {
        code: "summary-edited",
        stage: Read,
        severity: Error,
        thai: format!("ไฟล์สรุปถูกแก้ไขจนอ่านรายการโครงการกลับไม่ได้: {}", what.0),
        english: format!("the summary was edited so that its project list cannot be read back: {}", what.1),
        fix: (
            "ใช้ไฟล์สรุปฉบับที่ planmerge เขียน (ไม่แก้ไข) หรือโฟลเดอร์ของรอบนั้น",
            "use the summary as planmerge wrote it (unedited), or that round's folder",
        ),
    }
    /// The file is encrypted with a password.
    FilePasswordProtected => {
        code: "file-password-protected",
        stage: Read,
        severity: Error,
        thai: "ไฟล์ถูกตั้งรหัสผ่าน",
        english: "the file is password-protected",
        fix: ("เอารหัสผ่านออก แล้วบันทึกและส่งใหม่", "remove the password and send it again"),
    }
    /// A file in an input folder that is not a spreadsheet (a PDF, a photo, a CSV…): not merged,
    /// and said, since a division may have sent it instead of its workbook.
    FileNotSpreadsheet { cause: Unreadable } => {
        code: "file-not-spreadsheet",
        stage: Read,
        severity: Warning,
        thai: format!("ไม่ได้รวมไฟล์นี้: {}", cause.thai()),
        english: format!("not merged: {}", cause.english()),
        fix: (
            format!("ถ้าเป็นไฟล์ที่กองส่งมา {} ถ้าไม่ใช่ ให้ย้ายออกจากโฟลเดอร์", cause.fix().0),
            format!("if a division sent it: {}; if not, move it out of the folder", cause.fix().1),
        ),
    }
    /// A workbook in an input folder under a name that does not end in a spreadsheet's
    /// extension (`กองคลัง.xlsx.1`, `สำนักปลัด.xlsx.bak`, `x.xlsx (1)`, or a spreadsheet's
    /// content under `.zip`, `.tmp`, no extension): a backup copy as often as not, so not merged,
    /// and said, since a division's only file may be it. `kind` is the extension its content
    /// calls for; `rename_to` the name it would be read under.
    WorkbookMisnamed { kind: &'static str, rename_to: String } => {
        code: "workbook-misnamed",
        stage: Read,
        severity: Warning,
        thai: format!("ไม่ได้รวมไฟล์นี้: เป็นไฟล์ตารางคำนวณ (.{kind}) แต่ชื่อไฟล์ไม่ได้ลงท้ายด้วย .{kind} อาจเป็นสำเนาสำรอง"),
        english: format!("not merged: a spreadsheet (.{kind}) under a name that does not end in .{kind}, perhaps a backup copy"),
        fix: (
            format!("ถ้าเป็นไฟล์ของกองที่ต้องนับ ให้เปลี่ยนชื่อเป็น {rename_to} แล้วรวมใหม่ ถ้าเป็นสำเนาสำรอง ให้ย้ายออกจากโฟลเดอร์"),
            format!("if it is a division's file to count, rename it {rename_to} and merge again; if it is a backup copy, move it out of the folder"),
        ),
    }
    /// A folder inside an input folder that cannot be listed (no permission): a division's file
    /// may be in it, so its files being left out is an error, not a silence. `reason_thai` is
    /// the system's refusal in Thai; `reason` its own words.
    FolderUnreadable { reason_thai: &'static str, reason: String } => {
        code: "folder-unreadable",
        stage: Read,
        severity: Error,
        thai: format!("เปิดโฟลเดอร์นี้ไม่ได้: {reason_thai} ไฟล์ในโฟลเดอร์นี้จึงไม่ได้รวม"),
        english: format!("cannot list this folder ({reason}); its files are not merged"),
        fix: (
            "ให้สิทธิ์อ่านโฟลเดอร์นี้แล้วรวมใหม่ ถ้าไม่มีไฟล์ของกองอยู่ในนั้น ให้ย้ายโฟลเดอร์ออกจากโฟลเดอร์ที่รวม",
            "give read permission on the folder and merge again; if it holds no division's file, move it out of the input folder",
        ),
    }
    /// A symbolic link in an input folder whose target is gone (a moved file, a drive no
    /// longer connected): nothing is read through it. `target` as the link gives it.
    LinkBroken { target: String } => {
        code: "link-broken",
        stage: Read,
        severity: Warning,
        thai: format!("ลิงก์ (symbolic link) นี้ชี้ไปที่ {target} ซึ่งไม่มีอยู่ จึงไม่ได้อ่านอะไรจากลิงก์นี้"),
        english: format!("this symbolic link points at {target}, which does not exist; nothing is read through it"),
        fix: (
            "ถ้าเป็นไฟล์หรือโฟลเดอร์ของกอง ให้วางของจริงไว้แทนลิงก์ หรือแก้ลิงก์ให้ชี้ไปที่ที่ถูก ถ้าไม่ใช่ ให้ลบลิงก์นี้",
            "if it stood for a division's file or folder, put the real one in its place or point the link at it again; if not, delete the link",
        ),
    }
    /// A symbolic link in an input folder to a folder it is itself in: followed, it would
    /// never end, so it is not; the files there are read once, where first reached.
    LinkLoop { ancestor: String } => {
        code: "link-loop",
        stage: Read,
        severity: Warning,
        thai: format!("ลิงก์นี้ชี้กลับไปที่โฟลเดอร์ {ancestor} ซึ่งมีลิงก์นี้อยู่ข้างใน จึงไม่ได้อ่านซ้ำ (ไฟล์ในโฟลเดอร์นั้นอ่านแล้วครั้งเดียว)"),
        english: format!("this link points back to {ancestor}, a folder it is in; not walked again (the files there are read once)"),
        fix: ("ไม่ต้องทำอะไร ถ้าไม่ต้องการ ให้ลบลิงก์นี้", "nothing to do; delete the link if you like"),
    }
    /// A spreadsheet file in which no project table header was found.
    NoProjectTable => {
        code: "no-project-table",
        stage: Read,
        severity: Error,
        thai: "ไม่พบตารางโครงการ (หัวตาราง ลำดับ/รายการโครงการ/มิติ/งบประมาณ/สถานะ)",
        english: "no project table header found",
        fix: ("ใช้แบบฟอร์มจาก planmerge template แล้วย้ายข้อมูลไปกรอก", "copy the data into a form from planmerge template"),
    }
    /// A sheet whose used area is too large to load (a stray value far away, or a forged size).
    SheetTooLarge { extent: String, cells: u64 } => {
        code: "sheet-too-large",
        stage: Read,
        severity: Error,
        thai: format!("แผ่นงานมีข้อมูลกว้างถึง {extent} ({} ช่อง) ใหญ่เกินจะอ่านได้", grouped(*cells)),
        english: format!("a sheet spans {extent} ({} cells), too large to load", grouped(*cells)),
        fix: ("ลบค่าที่อยู่ไกลจากตาราง (กด Ctrl+End เพื่อหา) หรือบันทึกเป็น .xlsx แล้วส่งใหม่", "delete the stray values far from the table (Ctrl+End finds them) or save as .xlsx"),
    }
    /// A sheet that is hidden in Excel; it is read anyway.
    SheetHidden => {
        code: "sheet-hidden",
        stage: Read,
        severity: Warning,
        thai: "แผ่นงานนี้ถูกซ่อนไว้ แต่ได้อ่านรวมด้วย",
        english: "hidden sheet, read anyway",
        fix: (
            "ถ้าไม่ตั้งใจให้นับ ให้ยกเลิกการซ่อน (คลิกขวาที่แถบชื่อแผ่นงาน › ยกเลิกการซ่อน) แล้วลบแผ่นงานนี้ออก ถ้าไม่มีชื่อนี้ให้เลือก (ซ่อนด้วยมาโคร) ให้คัดลอกแผ่นงานที่จะส่งไปไว้ในไฟล์ใหม่",
            "if it should not count, unhide it (right-click a sheet tab › Unhide) and delete it; if it is not offered there (hidden by a macro), copy the sheets to send into a new workbook",
        ),
    }
    /// A sheet set aside for its name holds rows while no other sheet of the file holds any (an
    /// empty form beside an example or last year's sheet filled in): which are this year's
    /// projects cannot be told, and none is counted.
    SheetSetAsideOnly { year: Option<u16>, fiscal_year: u16, rows: usize } => {
        code: "sheet-set-aside-only",
        stage: Read,
        severity: Error,
        thai: match year {
            Some(year) => format!("แผ่นงานนี้ชื่อบอกว่าเป็นของปี {year} จึงไม่นับ แต่มีข้อมูล {rows} แถว ขณะที่แผ่นงานอื่นไม่มีโครงการเลย"),
            None => format!("แผ่นงานนี้ชื่อบอกว่าเป็นตัวอย่าง จึงไม่นับ แต่มีข้อมูล {rows} แถว ขณะที่แผ่นงานอื่นไม่มีโครงการเลย"),
        },
        english: format!("the sheet's name sets it aside, but it holds {rows} rows while no other sheet holds a project"),
        fix: (
            format!("ถ้าเป็นโครงการของกองปี {fiscal_year} ให้ย้ายไปแผ่นงานแบบฟอร์มหรือเปลี่ยนชื่อแผ่นงานนี้ ถ้าเป็นตัวอย่างหรือข้อมูลปีก่อน ให้กรอกโครงการปีนี้ในแบบฟอร์มแล้วส่งใหม่"),
            format!("if these are the division's {fiscal_year} projects, move them to the form or rename this sheet; if they are an example or last year's, fill in this year's and send again"),
        ),
    }
    /// A sheet not read for its name: another fiscal year's copy of the list (`year`) or an
    /// example (`year` none), beside a sheet that is neither.
    SheetSetAside { year: Option<u16>, fiscal_year: u16 } => {
        code: "sheet-set-aside",
        stage: Read,
        severity: Warning,
        thai: match year {
            Some(year) => format!("แผ่นงานนี้ชื่อบอกว่าเป็นของปี {year} (รายงานนี้ปี {fiscal_year}) จึงไม่นับ"),
            None => "แผ่นงานนี้ชื่อบอกว่าเป็นตัวอย่างหรือคำชี้แจง จึงไม่นับ".to_string(),
        },
        english: match year {
            Some(year) => format!("the sheet's name says {year} (this report is {fiscal_year}), so it is not counted"),
            None => "the sheet's name says it is an example or instructions, so it is not counted".to_string(),
        },
        fix: (
            format!("ถ้าเป็นข้อมูลของปี {fiscal_year} ให้เปลี่ยนชื่อแผ่นงาน ถ้าไม่ใช่ ไม่ต้องทำอะไร"),
            format!("if it holds {fiscal_year}'s projects, rename the sheet; otherwise nothing to do"),
        ),
    }
    /// A sheet whose name says another fiscal year, read because no sheet of the file says
    /// this one (last year's file sent again, or a tab never renamed).
    SheetOtherYear { year: u16, fiscal_year: u16 } => {
        code: "sheet-other-year",
        stage: Read,
        severity: Warning,
        thai: format!("ชื่อแผ่นงานบอกปี {year} แต่รายงานนี้ปี {fiscal_year} — อ่านและนับแล้ว"),
        english: format!("the sheet's name says {year} but this report is {fiscal_year}; read and counted"),
        fix: (
            format!("ตรวจว่าเป็นข้อมูลปี {fiscal_year} (ไม่ใช่ไฟล์ปีก่อน) แล้วเปลี่ยนชื่อแผ่นงาน"),
            format!("check it holds {fiscal_year}'s projects (not last year's file), then rename the sheet"),
        ),
    }
    /// The sheet's title block names another fiscal year than the report's (`… ประจำปีงบประมาณ
    /// พ.ศ. 2565` in a 2566 report): read and counted, and said — last year's file, most likely.
    TitleOtherYear { year: u16, fiscal_year: u16 } => {
        code: "title-other-year",
        stage: Read,
        severity: Warning,
        thai: format!("หัวรายงานของแผ่นงานนี้เป็นปีงบประมาณ {year} แต่รายงานนี้ปี {fiscal_year} — อ่านและนับแล้ว"),
        english: format!("the sheet's title says fiscal year {year} but this report is {fiscal_year}; read and counted"),
        fix: (
            format!("ตรวจว่าเป็นข้อมูลปี {fiscal_year} (ไม่ใช่ไฟล์ปีก่อน) แล้วแก้ปีในหัวรายงาน"),
            format!("check it holds {fiscal_year}'s projects (not last year's file), then correct the title's year"),
        ),
    }
    /// The file's only sheets are named as an example (`ตัวอย่าง`): read and counted, and said.
    SheetExample => {
        code: "sheet-example",
        stage: Read,
        severity: Warning,
        thai: "ชื่อแผ่นงานบอกว่าเป็นตัวอย่างหรือคำชี้แจง — อ่านและนับแล้ว",
        english: "the sheet's name says it is an example or instructions; read and counted",
        fix: (
            "ถ้าเป็นโครงการจริงของกอง ให้เปลี่ยนชื่อแผ่นงาน ถ้าเป็นตัวอย่างการกรอก ให้กรอกโครงการจริงแทน",
            "if these are the division's real projects, rename the sheet; if it is an example, fill in the real ones",
        ),
    }
    /// Two columns of one header mean the same field.
    /// `columns` are their letters, each with its header text (`D "งบประมาณตามแผน (บาท)", G
    /// "งบประมาณ"`): which one to read cannot be told.
    HeaderDuplicate { field: String, columns: String } => {
        code: "header-duplicate",
        stage: Read,
        severity: Error,
        thai: format!("หัวตารางมีคอลัมน์ \"{field}\" ซ้ำกัน (คอลัมน์ {columns}) จึงไม่รู้ว่าควรอ่านคอลัมน์ใด"),
        english: format!("the header has the column \"{field}\" more than once (columns {columns}), so which to read cannot be told"),
        fix: (
            "ลบหรือเปลี่ยนชื่อคอลัมน์ที่เกิน ถ้าคอลัมน์นั้นเป็นค่าอื่น ให้หัวคอลัมน์บอก (เช่น คงเหลือ ร้อยละ วันที่) ถ้าแยกตามปี ให้ใส่ปีงบประมาณในหัวคอลัมน์ (เช่น ปี 2565)",
            "remove or rename the extra ones; for a column of something else, say so in its header (e.g. คงเหลือ, ร้อยละ, วันที่); for columns per year, put the fiscal year in their header (e.g. ปี 2565)",
        ),
    }
    /// A money field's header split by a second row (or merged over columns holding numbers)
    /// into parts that are not fiscal years: which is the amount cannot be told.
    HeaderSplit { field: String, parts: String } => {
        code: "header-split",
        stage: Read,
        severity: Error,
        thai: format!("หัวตาราง \"{field}\" แบ่งเป็นหลายคอลัมน์ ({parts}) จึงไม่รู้ว่าควรอ่านยอดใด"),
        english: format!("the header \"{field}\" is split into several columns ({parts}), so which amount to read cannot be told"),
        fix: (
            "ใส่ยอดรวมไว้ในคอลัมน์เดียวใต้หัวนั้น แล้วลบคอลัมน์ย่อยออก ถ้าแยกตามปี ให้ใส่ปีงบประมาณเต็มใต้หัว (เช่น 2565)",
            "put the total in one column under that header and remove the parts; for columns per year, put the full fiscal year under it (e.g. 2565)",
        ),
    }
    /// A column under the status header whose label names none of the four statuses.
    StatusColumnUnread { text: String } => {
        code: "status-column-unread",
        stage: Read,
        severity: Warning,
        thai: format!("คอลัมน์ใต้หัวสถานะเขียนว่า \"{text}\" ซึ่งไม่ใช่สถานะที่อ่านได้ จึงไม่ได้อ่านคอลัมน์นี้"),
        english: format!("a column under the status header reads \"{text}\", none of the four statuses: it is not read"),
        fix: (
            format!("ใช้หัวคอลัมน์ รอรายงาน / อยู่ระหว่างดำเนินการ / ดำเนินการแล้วเสร็จ / ไม่สามารถดำเนินการได้ หรือเพิ่มคำนี้ใน [headers] ของ report.toml เช่น {} = [\"{text}\"]", status_key_for(text)),
            format!("head it with one of the four statuses, or add the word under [headers] in report.toml, e.g. {} = [\"{text}\"]", status_key_for(text)),
        ),
    }
    /// A header row without the columns every project needs.
    HeaderIncomplete { missing: Vec<Field>, other_quantity: String } => {
        code: "header-incomplete",
        stage: Read,
        severity: Error,
        thai: format!(
            "หัวตารางขาดคอลัมน์ {}{}",
            missing.iter().map(|f| f.thai()).collect::<Vec<_>>().join(", "),
            if other_quantity.is_empty() { String::new() } else {
                format!(" (คอลัมน์ {other_quantity} บอกร้อยละ ยอดคงเหลือ วันที่ หรือค่าอื่น ไม่ใช่จำนวนเงินนี้ จึงไม่อ่าน)")
            }
        ),
        english: format!(
            "the header lacks the column{} {}{}",
            if missing.len() > 1 { "s" } else { "" },
            missing.iter().map(|f| f.english()).collect::<Vec<_>>().join(", "),
            if other_quantity.is_empty() { String::new() } else {
                format!(" (column {other_quantity} names a share, a remainder, a date or another value, not this amount, so it is not read)")
            }
        ),
        fix: (
            if !other_quantity.is_empty() {
                "ถ้าคอลัมน์นั้นเป็นจำนวนเงินจริง ให้แก้หัวคอลัมน์ให้บอกจำนวนเงิน (เช่น เบิกจ่าย (บาท)) ถ้าไม่ใช่ ให้เพิ่มคอลัมน์จำนวนเงิน"
            } else if missing.contains(&Field::Name) {
                "เพิ่มคอลัมน์ที่ขาดในหัวตาราง ถ้ามีคอลัมน์ชื่อโครงการแต่หัวคอลัมน์ใช้คำอื่น ให้เพิ่มคำนั้นใน report.toml: [headers] name = [\"…\"]"
            } else {
                "เพิ่มคอลัมน์ที่ขาดในหัวตาราง หรือใช้แบบฟอร์มจาก planmerge template"
            },
            if !other_quantity.is_empty() {
                "if that column holds the amount, make its header say so (e.g. เบิกจ่าย (บาท)); if not, add a column of the amount"
            } else if missing.contains(&Field::Name) {
                "add the column; if the project names are there under other words, add those words to report.toml: [headers] name = [\"…\"]"
            } else {
                "add the column, or use a form from planmerge template"
            },
        ),
    }
    /// The sheet has no ordinance-budget column: ordinance budget = plan budget.
    OrdinanceBudgetAssumed => {
        code: "ordinance-budget-assumed",
        stage: Read,
        severity: Note,
        thai: "ไม่มีงบประมาณตามข้อบัญญัติ/เทศบัญญัติ จึงใช้งบประมาณตามแผนแทน",
        english: "no ordinance budget; the plan budget is used",
        fix: ("ถ้างบตามข้อบัญญัติต่างจากงบตามแผน ให้กรอกช่องงบประมาณตามข้อบัญญัติ/เทศบัญญัติ", "fill in the ordinance budget where it differs"),
    }
    /// A project table header with no project under it.
    TableEmpty => {
        code: "table-empty",
        stage: Read,
        severity: Warning,
        thai: "พบหัวตารางโครงการ แต่ไม่มีโครงการอยู่ใต้หัวตาราง",
        english: "a project table header with no project under it",
        fix: ("ตรวจว่าส่งไฟล์ถูกฉบับ", "check this is the right file"),
    }
    /// A project table header with no project under it, on a sheet beside others of the file
    /// that hold projects (`sheets`, quoted): most likely a copy of the form's sheet left unused.
    TableUnused { sheets: String } => {
        code: "table-unused",
        stage: Read,
        severity: Note,
        thai: format!("แผ่นงานนี้มีหัวตารางโครงการแต่ไม่มีโครงการ ส่วนโครงการของไฟล์นี้อยู่ในแผ่นงาน {sheets}"),
        english: format!("a project table header with no project under it; this file's projects are on the sheet {sheets}"),
        fix: (
            "ถ้าเป็นสำเนาที่ไม่ได้ใช้ ไม่ต้องทำอะไร (จะลบแผ่นงานนี้ก็ได้) ถ้าตั้งใจกรอกโครงการในแผ่นงานนี้ ให้กรอกแล้วส่งใหม่",
            "nothing to do if it is an unused copy (you may delete it); if projects belong on it, fill them in and send again",
        ),
    }
    /// planmerge's own form (from `planmerge template`) with no project under its header: the
    /// form as it was written, not the division's file, which is then still missing.
    FormUnfilled { division: String } => {
        code: "form-unfilled",
        stage: Merge,
        severity: Warning,
        thai: format!("ไฟล์นี้เป็นแบบฟอร์มที่ planmerge เขียนไว้ให้ ยังไม่ได้กรอกโครงการ จึงไม่นับเป็นไฟล์ของ{division}"),
        english: format!("this is the form planmerge wrote, with no project filled in: it is not counted as {division}'s file"),
        fix: (
            "ย้ายแบบฟอร์มนี้ออกจากโฟลเดอร์ (ถ้ากองส่งไฟล์ของตนแล้ว) หรือให้กองกรอกโครงการแล้วส่งกลับ",
            "move this form out of the folder (if the division has sent its own file), or have the division fill its projects in and send it back",
        ),
    }
    /// planmerge's form prefilled from the previous round (`template --from`), every project as
    /// that round gave it, beside another file of the same division (`own`, the one it sent):
    /// the form left in the folder, its `projects` not counted.
    FormLeftOver { division: String, own: String, projects: usize } => {
        code: "form-left-over",
        stage: Merge,
        severity: Warning,
        thai: format!("ไฟล์นี้เป็นแบบฟอร์มที่ planmerge กรอกรายการรอบก่อนไว้ให้ ยังไม่ได้แก้ไข ({projects} โครงการ เหมือนรอบก่อนทุกโครงการ) และ{division} ส่งไฟล์ของตนแล้ว ({own}) จึงไม่นับโครงการในไฟล์นี้"),
        english: format!("this is the form planmerge prefilled with the previous round's projects, untouched ({projects} projects, each as in the previous round), and {division} has sent its own file ({own}): its projects are not counted"),
        fix: (
            format!("ย้ายแบบฟอร์มนี้ออกจากโฟลเดอร์ (ถ้า{division}ยังต้องรายงานโครงการใดในไฟล์นี้ ให้ใส่ไว้ในไฟล์ของกอง)"),
            format!("move this form out of the folder (a project of it {division} still reports belongs in the division's own file)"),
        ),
    }
    /// A non-blank row under a header with nothing in any project column, or no name and no
    /// dimension and only what a form's empty rows hold when something is filled down them (a
    /// number in ลำดับ, amounts of 0, the status รอรายงาน); not counted.
    RowNotProject { found: String } => {
        code: "row-not-project",
        stage: Read,
        severity: Warning,
        thai: format!("แถวนี้ไม่มีชื่อโครงการหรือมิติ และไม่มีงบประมาณหรือสถานะนอกจากค่าที่เติมไว้ล่วงหน้า (ลำดับ, 0, รอรายงาน) จึงไม่นับเป็นโครงการ (พบ \"{found}\")"),
        english: format!(
                "row has no project name or dimension, and no budget or status beyond what a form's empty rows are filled with (a number, 0, รอรายงาน), so it is not counted (found \"{found}\")"
            ),
        fix: ("ถ้าเป็นโครงการ ให้กรอกชื่อ มิติ งบประมาณ และสถานะให้ครบ ถ้าไม่ใช่ ให้ลบแถว", "complete the row if it is a project, else delete it"),
    }
    /// A row read as a total row (`รวม`, `รวมทั้งสิ้น`) that also holds a project's name and a
    /// budget: skipped, and said, since it may be a project.
    TotalRowNamed { label: String, name: String } => {
        code: "total-row-named",
        stage: Read,
        severity: Warning,
        thai: format!("แถวนี้อ่านเป็นแถวรวม (\"{label}\") จึงไม่นับ แต่มีชื่อ \"{name}\" และงบประมาณอยู่ด้วย"),
        english: format!("read as a total row (\"{label}\") and not counted, but it holds the name \"{name}\" and a budget"),
        fix: (
            format!("ถ้าเป็นโครงการ ให้ลบคำว่า \"{label}\" ออกจากแถว ถ้าเป็นแถวรวม ให้ลบชื่อออก"),
            "if it is a project, remove the total word from the row; if it is a total, clear the name",
        ),
    }
    /// A row with no name, dimension, status, tick or remark whose amounts are exactly the sums
    /// of the projects above it (an AutoSum row, `=SUM(D7:D11)`, with no total word): read as a
    /// total and not counted, and said. `sums`: each cell (A1) with its amount as baht
    /// (`50,000.00`).
    TotalRowUnlabelled { sums: Vec<(String, String)> } => {
        code: "total-row-unlabelled",
        stage: Read,
        severity: Warning,
        thai: format!("แถวนี้ไม่มีชื่อโครงการ มีแต่ยอดรวมของโครงการในแถวข้างบน ({}) จึงอ่านเป็นแถวรวมและไม่นับ", cells_in_baht(sums, "บาท")),
        english: format!("this row has no project name, only the sums of the projects above it ({}), so it is read as a total row and not counted", cells_in_baht(sums, "baht")),
        fix: (
            "ถ้าเป็นแถวรวม ให้พิมพ์คำว่า รวม ในช่องรายการโครงการของแถวนี้ หรือลบแถวนี้ ถ้าเป็นโครงการ ให้กรอกชื่อ มิติ และสถานะ",
            "if it is a total, type รวม in its name cell or delete the row; if it is a project, fill in its name, dimension and status",
        ),
    }
    /// A workbook written by planmerge itself (a summary), not a division's file; skipped.
    SummarySkipped => {
        code: "summary-skipped",
        stage: Read,
        severity: Warning,
        thai: "ไฟล์นี้เป็นไฟล์สรุปที่ planmerge สร้างเอง ไม่ใช่ไฟล์ของกอง จึงไม่อ่าน",
        english: "a summary written by planmerge, not a division file; skipped",
        fix: ("ไม่ต้องทำอะไร ถ้าไม่ต้องการ ให้ย้ายไฟล์สรุปออกจากโฟลเดอร์", "nothing to do; move it out of the folder if you like"),
    }
    /// A project row without a name.
    NameMissing => {
        code: "name-missing",
        stage: Validate,
        severity: Error,
        thai: "ไม่มีชื่อโครงการ",
        english: "project name missing",
        fix: ("ใส่ชื่อโครงการ หรือลบแถวนี้", "fill in the name or delete the row"),
    }
    /// The name cell is merged with the project above's (`range`), and this row has figures of
    /// its own: two projects under one name.
    NameMerged { range: String } => {
        code: "name-merged",
        stage: Validate,
        severity: Error,
        thai: format!("ช่องชื่อโครงการนี้รวม (merge) กับแถวของโครงการบน ({range}) แต่แถวนี้มีตัวเลขของตนเอง"),
        english: format!("this name cell is merged with the row of the project above ({range}), but this row has figures of its own"),
        fix: (
            "ยกเลิกการรวมช่อง แล้วใส่ชื่อของแต่ละโครงการในแถวของตน (ถ้าเป็นโครงการเดียวกัน ให้รวมตัวเลขไว้แถวเดียว)",
            "unmerge the cells and give each project its own name (if they are one project, put its figures on one row)",
        ),
    }
    /// No dimension given.
    /// `column`: whether the table has a มิติ column (else the fix is a section row above).
    DimensionMissing { column: bool } => {
        code: "dimension-missing",
        stage: Validate,
        severity: Error,
        thai: "ไม่ได้ระบุมิติ",
        english: "dimension missing",
        fix: (
            if *column {
                "แก้เป็นเลข 1–4 (ในแบบฟอร์มเลือกจากรายการในช่องมิติ)"
            } else {
                "ไม่พบคอลัมน์มิติในหัวตาราง: เพิ่มแถวหัวข้อ เช่น มิติที่ 1 … เหนือโครงการของมิตินั้น หรือตั้งชื่อชีตเป็น มิติที่ 1 เมื่อชีตนั้นมีแต่โครงการของมิติเดียว หรือเพิ่มคอลัมน์มิติ (ถ้ามีอยู่แล้วแต่หัวคอลัมน์ใช้คำอื่น ให้เพิ่มคำนั้นใน report.toml [headers] dimension)"
            },
            if *column {
                "enter 1–4 (pick from the list in the form)"
            } else {
                "no มิติ column was found in the header: add a heading row such as มิติที่ 1 … above that dimension's projects, or name the sheet มิติที่ 1 when it holds one dimension's projects only, or a มิติ column (if there is one under other words, add them to report.toml [headers] dimension)"
            },
        ),
    }
    /// A dimension that is not 1-4.
    DimensionInvalid { found: String } => {
        code: "dimension-invalid",
        stage: Validate,
        severity: Error,
        thai: format!("มิติต้องเป็น 1–4 (พบ \"{found}\")"),
        english: format!("dimension must be 1–4 (found \"{found}\")"),
        fix: ("แก้เป็นเลข 1–4 (ในแบบฟอร์มเลือกจากรายการในช่องมิติ)", "enter 1–4 (pick from the list in the form)"),
    }
    /// Money that is not a number.
    MoneyNotNumber { field: MoneyField, found: String } => {
        code: "money-not-number",
        stage: Validate,
        severity: Error,
        thai: format!("{} ไม่ใช่ตัวเลข (พบ \"{found}\")", field.thai()),
        english: format!("{} is not a number (found \"{found}\")", field.english()),
        fix: ("ใส่จำนวนเงินเป็นตัวเลข เช่น 55300.00 ไม่ต้องพิมพ์คำว่า บาท", "type the amount as a number, e.g. 55300.00"),
    }
    /// Money that is a date: Excel turned what was typed (`1/3`, `1-2`) into a date, so the
    /// amount meant is not in the file.
    MoneyIsDate { field: MoneyField, found: String } => {
        code: "money-is-date",
        stage: Validate,
        severity: Error,
        thai: format!("{} เป็นวันที่ ({found}) ไม่ใช่จำนวนเงิน", field.thai()),
        english: format!("{} is a date ({found}), not an amount", field.english()),
        fix: (
            "Excel เปลี่ยนสิ่งที่พิมพ์เป็นวันที่ ให้จัดรูปแบบเซลล์ (Format Cells) เป็น ตัวเลข แล้วพิมพ์จำนวนเงินใหม่",
            "Excel turned what was typed into a date: format the cell as Number and type the amount again",
        ),
    }
    /// Negative money.
    MoneyNegative { field: MoneyField, amount: Decimal } => {
        code: "money-negative",
        stage: Validate,
        severity: Error,
        thai: format!("{} ติดลบ (พบ {} บาท)", field.thai(), baht(*amount)),
        english: format!("{} is negative ({} baht)", field.english(), baht(*amount)),
        fix: ("จำนวนเงินต้องไม่น้อยกว่า 0 แก้ให้ถูกต้อง", "amounts cannot be below 0"),
    }
    /// Money with more than two decimals; `decimals`: what it most likely is (typed, a
    /// percentage cell's, a formula's result).
    MoneyTooPrecise { field: MoneyField, found: String, decimals: Decimals } => {
        code: "money-too-precise",
        stage: Validate,
        severity: Error,
        thai: match decimals {
            Decimals::Percent => format!("{} มีทศนิยมเกิน 2 ตำแหน่ง (พบ {found}) — ช่องนี้อาจจัดรูปแบบเป็นร้อยละ ({found} แสดงเป็น {}%)", field.thai(), percent_shown(found)),
            Decimals::Computed => format!("{} มีทศนิยมเกิน 2 ตำแหน่ง (พบ {found}) — น่าจะเป็นผลของสูตร (เช่น การหาร) ที่ช่องแสดงปัดไว้", field.thai()),
            Decimals::Typed => format!("{} มีทศนิยมเกิน 2 ตำแหน่ง (พบ {found})", field.thai()),
        },
        english: match decimals {
            Decimals::Percent => format!("{} has more than 2 decimals ({found}); the cell may be formatted as a percentage", field.english()),
            Decimals::Computed => format!("{} has more than 2 decimals ({found}); most likely a formula's result (a division, say), shown rounded", field.english()),
            Decimals::Typed => format!("{} has more than 2 decimals ({found})", field.english()),
        },
        fix: (
            match decimals {
                Decimals::Percent => "ถ้าช่องแสดงเป็น % ให้จัดรูปแบบช่องเป็นตัวเลขแล้วพิมพ์จำนวนเงินเป็นบาทใหม่ ถ้าไม่ใช่ ให้ปัดเป็นสตางค์ (ทศนิยม 2 ตำแหน่ง)",
                Decimals::Computed => "ถ้าช่องนี้เป็นสูตร ให้ครอบสูตรด้วย =ROUND(…,2) (เช่น =ROUND(E7/3,2) แทน =E7/3) ถ้าพิมพ์เอง ให้ปัดเป็นสตางค์ (ทศนิยม 2 ตำแหน่ง)",
                Decimals::Typed => "ปัดเป็นสตางค์ (ทศนิยม 2 ตำแหน่ง)",
            },
            match decimals {
                Decimals::Percent => "if the cell shows a %, format it as a number and type the amount in baht again; if not, round to satang (2 decimals)",
                Decimals::Computed => "if the cell is a formula, wrap it in =ROUND(…,2) (=ROUND(E7/3,2) for =E7/3); if typed, round to satang (2 decimals)",
                Decimals::Typed => "round to satang (2 decimals)",
            },
        ),
    }
    /// Money above nothing but below one baht: a share in a cell formatted as a percentage.
    MoneyBelowOneBaht { field: MoneyField, found: String, number: bool } => {
        code: "money-below-one-baht",
        stage: Validate,
        severity: Error,
        thai: if *number {
            format!("{} {} บาท น้อยกว่า 1 บาท — ช่องนี้อาจจัดรูปแบบเป็นร้อยละ ({found} แสดงเป็น {}%)", field.thai(), baht_shown(found), percent_shown(found))
        } else {
            format!("{} {} บาท น้อยกว่า 1 บาท", field.thai(), baht_shown(found))
        },
        english: if *number {
            format!("{} of {} baht is less than one baht; the cell may be formatted as a percentage", field.english(), baht_shown(found))
        } else {
            format!("{} of {} baht is less than one baht", field.english(), baht_shown(found))
        },
        fix: (
            if *number { "ใส่จำนวนเงินเป็นบาท (ไม่ใช่ร้อยละ) และจัดรูปแบบช่องเป็นตัวเลข" } else { "ใส่จำนวนเงินเป็นบาท" },
            if *number { "type the amount in baht (not a percentage) and format the cell as a number" } else { "type the amount in baht" },
        ),
    }
    /// A formula whose value is an error (`#REF!`, `#DIV/0!`, `#VALUE!`, `#N/A`).
    FormulaError { found: String } => {
        code: "formula-error",
        stage: Validate,
        severity: Error,
        thai: format!("สูตรในช่องนี้คำนวณไม่ได้ ({found})"),
        english: format!("the formula in this cell gives an error ({found})"),
        fix: (
            "แก้สูตร (#REF! อ้างถึงช่องที่ถูกลบ, #DIV/0! หารด้วยศูนย์, #VALUE! ชนิดข้อมูลผิด) หรือพิมพ์ค่าแทนสูตร",
            "mend the formula (#REF!: a deleted cell, #DIV/0!: division by zero, #VALUE!: wrong type) or type the value instead",
        ),
    }
    /// Money beyond any local budget (one trillion baht or more): a typo or a forged number.
    MoneyTooLarge { field: MoneyField, amount: Decimal } => {
        code: "money-too-large",
        stage: Validate,
        severity: Error,
        thai: format!("{} มากเกินจริง (พบ {} บาท)", field.thai(), baht(*amount)),
        english: format!("{} is implausibly large ({} baht)", field.english(), baht(*amount)),
        fix: ("ตรวจตัวเลข (ไม่เกิน 999,999,999,999.99 บาท)", "check the number (at most 999,999,999,999.99 baht)"),
    }
    /// Money typed as text (merged, but a warning).
    MoneyAsText { field: MoneyField, found: String } => {
        code: "money-as-text",
        stage: Validate,
        severity: Note,
        thai: format!(
                    "{} พิมพ์เป็นข้อความ (\"{found}\") อ่านเป็นตัวเลขให้แล้ว",
                    field.thai()
                ),
        english: format!(
                    "{} typed as text (\"{found}\"), read as a number",
                    field.english()
                ),
        fix: ("ครั้งหน้าให้พิมพ์เป็นตัวเลข (ไม่ใส่ตัวอักษร)", "type numbers as numbers next time"),
    }
    /// A formula saved without its calculated value (by openpyxl, a web system): what it
    /// amounts to is not in the file. Its text (`=D7*0.5`), or `=` when it is not known (an
    /// .xls stores it as tokens; a shared formula's other cells carry none).
    FormulaNoValue { formula: String } => {
        code: "formula-no-value",
        stage: Validate,
        severity: Error,
        thai: match formula.as_str() {
            "=" => "ช่องนี้เป็นสูตรที่ไม่มีค่าที่คำนวณไว้ในไฟล์".to_string(),
            _ => format!("ช่องนี้เป็นสูตร ({formula}) ที่ไม่มีค่าที่คำนวณไว้ในไฟล์"),
        },
        english: match formula.as_str() {
            "=" => "the cell holds a formula saved without its calculated value".to_string(),
            _ => format!("the cell holds a formula ({formula}) saved without its calculated value"),
        },
        fix: ("เปิดไฟล์ใน Excel แล้วบันทึกอีกครั้ง ให้สูตรคำนวณค่า", "open and save the file in Excel so the formula is calculated"),
    }
    /// A money cell left empty, read as 0.00.
    MoneyBlank { field: MoneyField } => {
        code: "money-blank",
        stage: Validate,
        severity: Warning,
        thai: format!("{} ว่าง นับเป็น 0.00 บาท", field.thai()),
        english: format!("{} blank, counted as 0.00", field.english()),
        fix: ("ถ้าไม่ใช่ 0 ให้กรอกจำนวนเงิน", "fill in the amount if it is not 0"),
    }
    /// One amount merged over two projects' rows (`D5:D6`): each one's share cannot be told.
    MoneyMerged { range: String } => {
        code: "money-merged",
        stage: Validate,
        severity: Error,
        thai: format!("ช่องจำนวนเงินนี้รวม (merge) กับแถวของโครงการบน ({range}) จึงไม่รู้ว่าโครงการนี้ได้เท่าใด"),
        english: format!("this amount is merged with the row of the project above ({range}), so this project's share cannot be told"),
        fix: (
            "ยกเลิกการรวมช่อง แล้วใส่จำนวนเงินของแต่ละโครงการในแถวของตน (ถ้าไม่มี ใส่ 0)",
            "unmerge the cells and give each project its own amount (0 if none)",
        ),
    }
    /// Disbursed more than the budget: the ordinance budget (`budget_cell` its cell) when the
    /// row gives one, else the plan budget.
    DisbursedOverBudget { disbursed: Decimal, budget: Decimal, budget_cell: Option<String> } => {
        code: "disbursed-over-budget",
        stage: Validate,
        severity: Error,
        thai: match budget_cell {
            Some(cell) => format!("เบิกจ่าย {} บาท มากกว่างบประมาณตามข้อบัญญัติ/เทศบัญญัติ {} บาท ({cell})", baht(*disbursed), baht(*budget)),
            None => format!("เบิกจ่าย {} บาท มากกว่างบประมาณ {} บาท", baht(*disbursed), baht(*budget)),
        },
        english: match budget_cell {
            Some(cell) => format!("disbursed {} baht is more than the ordinance budget {} baht ({cell})", baht(*disbursed), baht(*budget)),
            None => format!("disbursed {} baht is more than the budget {} baht", baht(*disbursed), baht(*budget)),
        },
        fix: ("ตรวจตัวเลขเบิกจ่ายและงบประมาณ เบิกจ่ายต้องไม่เกินงบประมาณ", "check both figures; disbursed cannot exceed the budget"),
    }
    /// No status ticked or written; `unread`: the label of a status column not read, where the
    /// row has its only mark (said at that cell); `ticks`: whether the sheet gives the status as
    /// four tick columns (else one column of words), for a fix in the sheet's own terms.
    StatusMissing { unread: Option<String>, ticks: bool } => {
        code: "status-missing",
        stage: Validate,
        severity: Error,
        thai: match unread {
            Some(label) => format!("ไม่ได้ระบุสถานะ: เครื่องหมายของแถวนี้อยู่ในคอลัมน์ \"{label}\" ซึ่งไม่ได้อ่านเป็นสถานะ"),
            None => "ไม่ได้ระบุสถานะ".to_string(),
        },
        english: match unread {
            Some(label) => format!("no status: this row's mark is in the column \"{label}\", which is not read as a status"),
            None => "no status".to_string(),
        },
        fix: (
            match (unread, ticks) {
                (Some(_), _) => "ติ๊กในคอลัมน์สถานะหนึ่งในสี่ หรือให้ [headers] ใน report.toml อ่านคอลัมน์นี้ (ดูคำเตือนที่หัวคอลัมน์)",
                (None, true) => "ติ๊ก ☑ ในคอลัมน์สถานะช่องเดียว (รอรายงาน อยู่ระหว่างดำเนินการ ดำเนินการแล้วเสร็จ หรือไม่สามารถดำเนินการได้)",
                (None, false) => "เลือกหรือพิมพ์สถานะหนึ่งในสี่ในช่องสถานะ: รอรายงาน อยู่ระหว่างดำเนินการ ดำเนินการแล้วเสร็จ หรือไม่สามารถดำเนินการได้",
            },
            match (unread, ticks) {
                (Some(_), _) => "tick one of the four status columns, or have [headers] in report.toml read this one (see the warning at its header)",
                (None, true) => "tick exactly one of the four status columns",
                (None, false) => "write (or pick from the list) one of the four statuses in the status cell",
            },
        ),
    }
    /// More than one status ticked.
    StatusMultiple { found: String } => {
        code: "status-multiple",
        stage: Validate,
        severity: Error,
        thai: format!("ระบุสถานะมากกว่าหนึ่ง ({found})"),
        english: format!("more than one status ({found})"),
        fix: ("เหลือไว้สถานะเดียว", "keep one"),
    }
    /// Status words that are none of the four.
    StatusUnknown { found: String } => {
        code: "status-unknown",
        stage: Validate,
        severity: Error,
        thai: format!("ไม่รู้จักสถานะ \"{found}\""),
        english: format!("unknown status \"{found}\""),
        fix: (
            match found.contains("ยกเลิก") {
                true => "โครงการที่ยกเลิกให้ใช้สถานะ ไม่สามารถดำเนินการได้ และเขียนเหตุผลในหมายเหตุ",
                false => "ใช้คำใดคำหนึ่ง: รอรายงาน / อยู่ระหว่างดำเนินการ / ดำเนินการแล้วเสร็จ / ไม่สามารถดำเนินการได้",
            },
            match found.contains("ยกเลิก") {
                true => "a cancelled project is ไม่สามารถดำเนินการได้ (cannot be carried out), with its reason in หมายเหตุ",
                false => "use one of the four status words",
            },
        ),
    }
    /// A project whose name or remark says it was cancelled (ยกเลิก), its status another than
    /// cannot be carried out: counted with that status, and said.
    CancelledNotCannot { status: Status } => {
        code: "cancelled-not-cannot",
        stage: Validate,
        severity: Warning,
        thai: format!("ชื่อหรือหมายเหตุบอกว่ายกเลิก แต่สถานะเป็น \"{}\" — นับเป็น{}", status.thai(), status.thai()),
        english: format!("the name or remark says cancelled, but the status is \"{}\"; counted as such", status.english()),
        fix: (
            "ถ้ายกเลิกจริง ให้ใช้สถานะ ไม่สามารถดำเนินการได้ และเขียนเหตุผลในหมายเหตุ",
            "if it was cancelled, mark it ไม่สามารถดำเนินการได้ (cannot be carried out) with its reason",
        ),
    }
    /// A tick cell holding something that is not a tick.
    TickUnknown { found: String } => {
        code: "tick-unknown",
        stage: Validate,
        severity: Error,
        thai: format!("ช่องติ๊กมีค่า \"{found}\""),
        english: format!("tick cell holds \"{found}\""),
        fix: ("ใช้ ☑ หรือเว้นว่าง (เครื่องหมายที่ได้จากการเปลี่ยนฟอนต์ เช่น P หรือ R ในฟอนต์ Wingdings 2 ให้พิมพ์ ☑ แทน)", "use ☑ or leave it blank (a mark made by a font, such as P or R in Wingdings 2, is read as the letter: type ☑ instead)"),
    }
    /// A บรรจุ column marked with both a check mark (✓ ☑) and a cross (x): the cross, a tick
    /// on its own, may here mean "no".
    TickCrossAmongChecks { check: String } => {
        code: "tick-mixed",
        stage: Read,
        severity: Error,
        thai: format!("คอลัมน์บรรจุในข้อบัญญัติใช้ทั้ง {check} และ x จึงไม่รู้ว่า x ในช่องนี้หมายถึงบรรจุหรือไม่บรรจุ"),
        english: format!("the บรรจุ column has both {check} and x, so whether this x means included or not cannot be told"),
        fix: ("ใช้ ☑ สำหรับโครงการที่บรรจุ และเว้นว่างสำหรับโครงการที่ไม่บรรจุ", "use ☑ for a project in the ordinance and leave the others blank"),
    }
    /// ไม่สามารถดำเนินการได้ without a reason in หมายเหตุ.
    /// `remark_column`: whether the table has a หมายเหตุ column to give it in.
    CannotWithoutReason { remark_column: bool } => {
        code: "cannot-without-reason",
        stage: Validate,
        severity: Error,
        thai: "สถานะไม่สามารถดำเนินการได้ แต่ไม่มีเหตุผลในหมายเหตุ",
        english: "\"cannot be carried out\" without a reason in the remarks",
        fix: (
            if *remark_column {
                "ใส่เหตุผลในหมายเหตุ: ไม่ได้รับงบประมาณ / นโยบายผู้บริหารเปลี่ยนแปลง / บุคลากรไม่เพียงพอ / อื่นๆ (ระบุ)"
            } else {
                "ตารางนี้ไม่มีคอลัมน์หมายเหตุ: เขียนเหตุผลต่อท้ายสถานะในช่องเดียวกัน เช่น ไม่สามารถดำเนินการได้ เนื่องจากไม่ได้รับงบประมาณ หรือเพิ่มคอลัมน์หมายเหตุ"
            },
            if *remark_column {
                "give the reason in หมายเหตุ (no budget / policy changed / not enough staff / other)"
            } else {
                "this table has no หมายเหตุ column: write the reason after the status in its cell (ไม่สามารถดำเนินการได้ เนื่องจาก…), or add a หมายเหตุ column"
            },
        ),
    }
    /// The same project (normalised name) twice.
    ProjectDuplicate { other: Location } => {
        code: "project-duplicate",
        stage: Merge,
        severity: Error,
        thai: format!("โครงการนี้ซ้ำกับ {other}"),
        english: format!("same project as {other}"),
        fix: ("ลบแถวที่ซ้ำออกหนึ่งแถว หรือแก้ชื่อให้ต่างกัน", "delete one of the two rows or tell them apart"),
    }
    /// A file byte for byte the same as one read before it (sent twice, `กองคลัง (1).xlsx`):
    /// one error instead of one per project, and its projects not counted again.
    FileDuplicate { other: String } => {
        code: "file-duplicate",
        stage: Merge,
        severity: Error,
        thai: format!("ไฟล์นี้เหมือนกับ {other} ทุกไบต์ (ส่งมาซ้ำ) จึงไม่นับโครงการในไฟล์นี้ซ้ำอีก"),
        english: format!("this file is byte for byte the same as {other} (sent twice); its projects are not counted again"),
        fix: (
            "ลบไฟล์ใดไฟล์หนึ่งออกจากโฟลเดอร์ ถ้าส่งทางหน้าเว็บ ให้ส่งไฟล์ของกองตัวเองแทน",
            "remove one of the two files from the folder; on the drop box, send your own division's file instead",
        ),
    }
    /// Money written as "nothing" in words (`-`, ไม่ใช้งบประมาณ), read as 0.00.
    MoneyNil { field: MoneyField, found: String } => {
        code: "money-nil",
        stage: Validate,
        severity: Note,
        thai: format!("{} \"{found}\" อ่านเป็น 0.00 บาท", field.thai()),
        english: format!("{} \"{found}\" read as 0.00 baht", field.english()),
        fix: ("ไม่ต้องแก้", "nothing to do"),
    }
    /// Rows holding only a name, directly under a project: its name wrapped by hand, joined.
    NameJoined { rows: String } => {
        code: "name-joined",
        stage: Read,
        severity: Note,
        thai: format!("ชื่อโครงการที่ขึ้นบรรทัดใหม่ในแถว {rows} ต่อเข้ากับชื่อในแถวบนแล้ว"),
        english: format!("names continued on rows {rows} joined to the project above"),
        fix: ("ไม่ต้องแก้ ถ้าเป็นโครงการใหม่ ให้ใส่ลำดับและข้อมูลให้ครบ", "nothing to do; if a row is a project of its own, give it a number and its figures"),
    }
    /// Rows under a section or sub-section heading holding only the rest of its title (wrapped
    /// by hand): read as part of the heading, and said (a project typed with only its name
    /// there would look the same).
    HeadingJoined { rows: String } => {
        code: "heading-joined",
        stage: Read,
        severity: Warning,
        thai: format!("ข้อความในแถว {rows} อ่านเป็นส่วนที่ขึ้นบรรทัดใหม่ของหัวข้อในแถวบน ไม่ใช่โครงการ"),
        english: format!("rows {rows} read as the rest of the heading above them, not as projects"),
        fix: ("ถ้าเป็นส่วนของหัวข้อ ไม่ต้องแก้ ถ้าเป็นโครงการ ให้ใส่ลำดับ งบประมาณ และสถานะให้ครบ", "nothing to do if it is the heading's; if a row is a project, give it its number, budget and status"),
    }
    /// A row holding only a name that opens as a project's does (`กิจกรรม…`), right under a
    /// project: a new project not filled in, or the rest of the name above — never guessed.
    NameOnlyRow { name: String } => {
        code: "name-only-row",
        stage: Read,
        severity: Error,
        thai: format!("แถวนี้มีแต่ชื่อ \"{name}\" จึงไม่รู้ว่าเป็นโครงการใหม่ หรือชื่อของโครงการแถวบนที่ขึ้นบรรทัดใหม่"),
        english: format!("this row holds only a name, \"{name}\": a new project, or the rest of the name above, cannot be told"),
        fix: (
            "ถ้าเป็นโครงการใหม่ ให้กรอกลำดับ งบประมาณ เบิกจ่าย และสถานะ ถ้าเป็นส่วนหนึ่งของชื่อโครงการแถวบน ให้ย้ายไปไว้ในช่องชื่อเดียวกัน (กด Alt+Enter เพื่อขึ้นบรรทัดใหม่ในช่อง)",
            "if it is a new project, fill in its number, budget, disbursed and status; if it is the rest of the name above, put it in that name's cell (Alt+Enter starts a new line in a cell)",
        ),
    }
    /// A dimension's number and the title written after it name two dimensions
    /// (`2. การสร้างสังคมที่ไม่ทนต่อการทุจริต`, the title of dimension 1), in a มิติ cell or a
    /// section row: which is meant cannot be told.
    DimensionTitleConflict { number: u8, title: u8 } => {
        code: "dimension-title-conflict",
        stage: Read,
        severity: Error,
        thai: format!("เลขมิติ ({number}) ไม่ตรงกับชื่อมิติที่เขียนต่อท้าย (ชื่อนั้นเป็นของมิติที่ {title})"),
        english: format!("the dimension's number ({number}) disagrees with the title written after it (the title of dimension {title})"),
        fix: ("แก้เลขหรือชื่อมิติให้ตรงกัน", "correct the number or the title so that they agree"),
    }
    /// A section row names another dimension than the sheet's name (`มิติที่ 2 …` in the sheet
    /// `มิติที่ 1`): which is right cannot be told.
    SectionSheetConflict { section: u8, sheet: u8 } => {
        code: "section-sheet-conflict",
        stage: Read,
        severity: Error,
        thai: format!("หัวข้อ มิติที่ {section} อยู่ในแผ่นงานชื่อ มิติที่ {sheet} จึงไม่รู้ว่าโครงการใต้หัวข้อนี้เป็นมิติใด"),
        english: format!("a heading of dimension {section} is in the sheet named dimension {sheet}, so the dimension of the projects under it cannot be told"),
        fix: (format!("ย้ายโครงการของมิติที่ {section} ไปไว้ในแผ่นงานของมิตินั้น หรือแก้หัวข้อหรือชื่อแผ่นงานให้ตรงกัน"), "move those projects to their dimension's sheet, or correct the heading or the sheet's name"),
    }
    /// The มิติ column says one dimension, the section row or the sheet's name another.
    /// `section_row` is the one-based row of the section heading; `None` when the sheet's name
    /// gave the dimension.
    DimensionConflict { column: u8, structure: u8, section_row: Option<u32> } => {
        code: "dimension-conflict",
        stage: Validate,
        severity: Error,
        thai: match section_row {
            Some(row) => format!("มิติในคอลัมน์ ({column}) ไม่ตรงกับหัวข้อ มิติที่ {structure} (แถว {row})"),
            None => format!("มิติในคอลัมน์ ({column}) ไม่ตรงกับชื่อแผ่นงาน (มิติที่ {structure})"),
        },
        english: match section_row {
            Some(row) => format!("the dimension column ({column}) disagrees with the heading of dimension {structure} (row {row})"),
            None => format!("the dimension column ({column}) disagrees with the sheet's name (dimension {structure})"),
        },
        fix: (
            match section_row {
                Some(_) => "แก้มิติในคอลัมน์ หรือย้ายโครงการไปไว้ใต้หัวข้อมิติที่ถูกต้อง",
                None => "แก้มิติในคอลัมน์ หรือย้ายโครงการไปไว้ในแผ่นงานของมิติที่ถูกต้อง",
            },
            match section_row {
                Some(_) => "correct the dimension, or move the project under the right dimension's heading",
                None => "correct the dimension, or move the project to the right dimension's sheet",
            },
        ),
    }
    /// Completed in the previous round, anything else now (e-PlanNACC keeps a completed
    /// project completed).
    StatusRegressed { now: Status } => {
        code: "status-regressed",
        stage: Merge,
        severity: Error,
        thai: format!("รอบก่อนรายงานว่าดำเนินการแล้วเสร็จ แต่รอบนี้เป็น \"{}\"", now.thai()),
        english: format!("completed in the previous round, now \"{}\"", now.english()),
        fix: ("โครงการที่แล้วเสร็จต้องคงสถานะแล้วเสร็จ แก้สถานะให้ถูกต้อง", "a completed project stays completed: correct the status"),
    }
    /// More projects done (completed, and half of those in progress) than the plan's initial
    /// projects (`initial_projects` in report.toml, a typo most likely): the implementation
    /// score, divided by it, would pass 100 %.
    InitialProjectsTooFew { initial: u32, completed: u32, in_progress: u32, score: Decimal } => {
        code: "initial-projects-too-few",
        stage: Merge,
        severity: Error,
        thai: format!("initial_projects = {initial} (โครงการตั้งต้น) น้อยกว่าที่ดำเนินการแล้ว (แล้วเสร็จ {completed}, อยู่ระหว่างดำเนินการ {in_progress}) ผลการนำแผนไปปฏิบัติจึงเป็น {score} % เกิน 100 %"),
        english: format!("initial_projects = {initial} is fewer than the projects carried out ({completed} completed, {in_progress} in progress): the implementation score would be {score} %, over 100 %"),
        fix: (
            "แก้ initial_projects ใน report.toml เป็นจำนวนโครงการในแผนฉบับที่ประกาศใช้ (โครงการตั้งต้น)",
            "set initial_projects in report.toml to the number of projects in the plan as adopted",
        ),
    }
    /// A division `report.toml` lists (`divisions`) that no input file is named after.
    /// `previous`: its projects in the previous round (0: it is named by `divisions` only), none
    /// of which is called dropped one by one.
    DivisionMissing { division: String, previous: usize } => {
        code: "division-missing",
        stage: Merge,
        severity: Warning,
        thai: match previous {
            0 => format!("ยังไม่มีไฟล์ของ{division} (มีชื่อใน divisions ของ report.toml)"),
            n => format!("ยังไม่มีไฟล์ของ{division} ซึ่งรอบก่อนมี {n} โครงการ (ยังไม่ได้เทียบกับรอบก่อน)"),
        },
        english: match previous {
            0 => format!("no file from {division} (listed in divisions of report.toml)"),
            n => format!("no file from {division}, which had {n} projects in the previous round (not compared yet)"),
        },
        fix: (
            match previous {
                0 => "ขอไฟล์จากกอง (ตั้งชื่อไฟล์ตามชื่อกอง) หรือลบชื่อออกจาก divisions ถ้ากองนี้ไม่ต้องส่ง",
                _ => "ขอไฟล์จากกอง (ตั้งชื่อไฟล์ตามชื่อกอง) ถ้ากองนี้ไม่มีโครงการในรอบนี้แล้ว ไม่ต้องทำอะไร",
            },
            match previous {
                0 => "ask the division for its file (named after the division), or take it off divisions if it sends none",
                _ => "ask the division for its file (named after the division); if it has no projects this round, nothing to do",
            },
        ),
    }
    /// A division whose every project is as in the previous round (no status, amount or
    /// project changed): last round's file, or the form prefilled from it, sent again?
    DivisionUnchanged { division: String, projects: usize } => {
        code: "division-unchanged",
        stage: Merge,
        severity: Warning,
        thai: format!("ข้อมูลของ{division}เหมือนรอบก่อนทุกโครงการ ({projects} โครงการ ไม่มีสถานะหรือเงินเปลี่ยน)"),
        english: format!("{division}'s {projects} projects are all as in the previous round (no status or amount changed)"),
        fix: (
            "ตรวจว่าเป็นไฟล์ของรอบนี้ ไม่ใช่ไฟล์รอบก่อนหรือแบบฟอร์มที่กรอกรายการรอบก่อนไว้ให้ ถ้าไม่มีอะไรเปลี่ยนจริง ไม่ต้องทำอะไร",
            "check it is this round's file, not last round's or the form prefilled from it; if nothing changed, nothing to do",
        ),
    }
    /// A file whose name holds no division `report.toml` lists, taken for the one its folder
    /// names (`กองคลัง/template.xlsx`).
    DivisionFromFolder { division: String, folder: String } => {
        code: "division-from-folder",
        stage: Merge,
        severity: Note,
        thai: format!("ชื่อไฟล์ไม่มีชื่อกองที่อยู่ใน divisions จึงนับเป็นไฟล์ของ{division} ตามชื่อโฟลเดอร์ {folder}"),
        english: format!("the file's name holds no division listed in divisions; it is counted as {division}'s, as its folder {folder} is named"),
        fix: (
            format!("ถ้าไม่ใช่ไฟล์ของ{division} ให้ย้ายไปไว้ในโฟลเดอร์ของกองที่ถูกต้อง หรือตั้งชื่อไฟล์ตามชื่อกอง"),
            format!("if it is not {division}'s file, move it into its division's folder, or name the file after its division"),
        ),
    }
    /// A file whose name and folders hold no division `report.toml` lists, taken for the one
    /// the title block of planmerge's form names (`line`, A3 of โครงการ: `หน่วยงาน กองคลัง`).
    DivisionFromTitle { division: String, line: String } => {
        code: "division-from-title",
        stage: Merge,
        severity: Note,
        thai: format!("ชื่อไฟล์และโฟลเดอร์ไม่มีชื่อกองที่อยู่ใน divisions จึงนับเป็นไฟล์ของ{division} ตามหัวแบบฟอร์ม (\"{line}\")"),
        english: format!("neither the file's name nor its folder's holds a division listed in divisions; it is counted as {division}'s, as the form's title block says (\"{line}\")"),
        fix: (
            format!("ถ้าไม่ใช่ไฟล์ของ{division} ให้แก้หัวแบบฟอร์ม หรือตั้งชื่อไฟล์ตามชื่อกอง"),
            format!("if it is not {division}'s file, correct the form's title block, or name the file after its division"),
        ),
    }
    /// A division more files than one are read for; `other` is its first file.
    DivisionTwoFiles { division: String, other: String } => {
        code: "division-two-files",
        stage: Merge,
        severity: Warning,
        thai: format!("{division} มีมากกว่าหนึ่งไฟล์: ไฟล์นี้และ {other} — นับโครงการของทั้งสองไฟล์ (โครงการที่อยู่ในทั้งสองไฟล์เป็นข้อผิดพลาด โครงการซ้ำ)"),
        english: format!("{division} has more than one file: this one and {other}; the projects of both are counted (a project in both is the error project-duplicate)"),
        fix: (
            "ถ้าไฟล์หนึ่งเป็นฉบับเก่าหรือสำเนา ให้ย้ายออกจากโฟลเดอร์ ถ้ากองแบ่งรายการไว้หลายไฟล์จริง ไม่ต้องทำอะไร",
            "if one is an old version or a copy, move it out of the folder; if the division keeps its list in several files, nothing to do",
        ),
    }
    /// The previous round given says it is another round than the one before this report.
    PreviousOtherRound { found: (u16, u8), expected: (u16, u8) } => {
        code: "previous-other-round",
        stage: Merge,
        severity: Warning,
        thai: format!(
            "รอบก่อนที่ใช้เทียบเป็นปีงบประมาณ {} รอบ {} เดือน แต่รอบก่อนของรายงานนี้คือปีงบประมาณ {} รอบ {} เดือน",
            found.0, found.1, expected.0, expected.1
        ),
        english: format!(
            "the previous round given is fiscal year {}, {} months; this report's previous round is fiscal year {}, {} months",
            found.0, found.1, expected.0, expected.1
        ),
        fix: (
            "ตรวจ previous ใน report.toml หรือ --previous ให้ชี้ไปที่รอบก่อนที่ถูกต้อง",
            "point previous (report.toml) or --previous at the right round",
        ),
    }
    /// The previous round given is a summary that was not complete when written: a draft (errors
    /// left in it) or one missing divisions. `banner` is what its first sheet says.
    PreviousIncomplete { banner: String } => {
        code: "previous-incomplete",
        stage: Merge,
        severity: Warning,
        thai: format!(
            "ไฟล์สรุปรอบก่อนที่ใช้เทียบไม่ใช่ฉบับสมบูรณ์ (\"{banner}\") — ตัวเลขที่เทียบอาจไม่ใช่ตัวเลขที่รายงานจริง"
        ),
        english: format!(
            "the previous round's summary is not a complete one (\"{banner}\"): the figures compared may not be those reported"
        ),
        fix: (
            "ใช้ไฟล์สรุปรอบก่อนฉบับที่ส่งจริง หรือชี้ previous ไปที่โฟลเดอร์ของรอบก่อน",
            "use the summary that was sent, or point previous at the earlier round's folder",
        ),
    }
    /// The previous round's summary was changed after planmerge wrote it: its project list no
    /// longer gives the figures on its สรุปผล sheet (rows deleted, a total or a status typed
    /// over). The comparison takes the list's figures. `listed` and `reported`: projects and
    /// completed, by the list and by the sheet.
    PreviousEdited { listed: (u32, u32), reported: (u32, u32) } => {
        code: "previous-edited",
        stage: Merge,
        severity: Warning,
        thai: format!(
            "ไฟล์สรุปรอบก่อนถูกแก้ไขหลัง planmerge เขียน: รายการโครงการมี {} โครงการ แล้วเสร็จ {} แต่หน้าสรุปผลเขียนว่า {} โครงการ แล้วเสร็จ {} — การเทียบใช้ตัวเลขจากรายการโครงการ",
            listed.0, listed.1, reported.0, reported.1
        ),
        english: format!(
            "the previous round's summary was edited after planmerge wrote it: its project list has {} projects, {} completed, its summary sheet says {}, {}; the comparison takes the list's figures",
            listed.0, listed.1, reported.0, reported.1
        ),
        fix: (
            "ใช้ไฟล์สรุปรอบก่อนฉบับที่ planmerge เขียน (ไม่แก้ไข) หรือชี้ previous ไปที่โฟลเดอร์ของรอบก่อน",
            "use the summary as planmerge wrote it (unedited), or point previous at the earlier round's folder",
        ),
    }
    /// In the previous round, absent now; located where it was.
    /// `near`: a new name a small edit away, suggested; `near_at` where it is.
    ProjectDropped { name: String, near: Option<String>, near_at: Option<Location> } => {
        code: "project-dropped",
        stage: Merge,
        severity: Warning,
        thai: format!("โครงการ \"{name}\" มีในรอบก่อน (ที่ตำแหน่งนี้) แต่ไม่มีในรอบนี้"),
        english: format!("\"{name}\" was in the previous round (here) and is missing now"),
        fix: (
            match near {
                Some(near) => format!("หมายถึง \"{near}\"{} หรือไม่? ถ้าใช่ ให้แก้ชื่อให้ตรงกับรอบก่อน ถ้าไม่ใช่ ให้เพิ่มโครงการกลับหรือยืนยันว่ายกเลิก", at_place(near_at, "ที่")),
                None => "เพิ่มโครงการกลับเข้าไฟล์ของกอง หรือยืนยันว่ายกเลิกแล้ว".to_string(),
            },
            match near {
                Some(near) => format!("did you mean \"{near}\"{}? If so, give it the previous round's name; if not, add the project back or confirm it was dropped", at_place(near_at, "at")),
                None => "add it back to the division's file, or confirm it was dropped".to_string(),
            }
        ),
    }
    /// Less disbursed than in the previous round.
    DisbursedDecreased { before: Decimal, now: Decimal } => {
        code: "disbursed-decreased",
        stage: Merge,
        severity: Warning,
        thai: format!("เบิกจ่ายลดลงจากรอบก่อน ({} → {} บาท)", baht(*before), baht(*now)),
        english: format!("disbursed less than in the previous round ({} → {} baht)", baht(*before), baht(*now)),
        fix: ("ตรวจตัวเลขเบิกจ่ายสะสม ยอดเบิกจ่ายไม่ควรลดลง", "check the cumulative disbursement; it should not go down"),
    }
    /// A money field's one column headed with a span of fiscal years that holds the report's
    /// (`งบประมาณ 2564-2566 (บาท)` in a 2565 report): its figure may be the year's or the
    /// span's total, which cannot be told; it is never read as the year's.
    BudgetYearSpan { field: Field, wanted: u16, from: u16, to: u16 } => {
        code: "budget-year-span",
        stage: Read,
        severity: Error,
        thai: format!("คอลัมน์ {} เป็นช่วงปี {from}–{to} ในคอลัมน์เดียว ไม่รู้ว่าเป็นของปี {wanted} หรือรวมทุกปี", field.thai()),
        english: format!("{} is one column for the years {from}–{to}: whether it is {wanted}'s or the years' total cannot be told", field.english()),
        fix: (
            "แยกคอลัมน์ตามปี (เช่น 2564 | 2565 | 2566 ใต้หัวคอลัมน์) หรือตั้งหัวคอลัมน์เป็นปีที่รายงาน",
            "split the column by year (2564 | 2565 | 2566 under its label), or head it with the report's year",
        ),
    }
    /// A money field given per fiscal year, without a column for the report's year.
    BudgetYearMissing { field: Field, wanted: Option<u16>, found: String } => {
        code: "budget-year-missing",
        stage: Read,
        severity: Error,
        thai: match wanted {
            Some(year) => format!("คอลัมน์ {} แยกตามปี แต่ไม่มีปี {year} (พบ {found})", field.thai()),
            None => format!("คอลัมน์ {} แยกตามปี (พบ {found}) แต่ไม่รู้ว่ารายงานปีใด: ไม่พบ report.toml ที่บอก fiscal_year", field.thai()),
        },
        english: match wanted {
            Some(year) => format!("{} is given per year, with no column for {year} (found {found})", field.english()),
            None => format!("{} is given per year (found {found}), and no report.toml says which fiscal_year to read", field.english()),
        },
        fix: (
            match wanted {
                Some(_) => "เพิ่มคอลัมน์ของปีงบประมาณที่รายงาน หรือตรวจ fiscal_year ใน report.toml",
                None => "วาง report.toml ที่มี fiscal_year ไว้ในโฟลเดอร์ของไฟล์ หรือบอกที่อยู่ด้วย -c",
            },
            match wanted {
                Some(_) => "add the report year's column, or check fiscal_year in report.toml",
                None => "put a report.toml with fiscal_year beside the files, or give one with -c",
            },
        ),
    }
}

/// One problem at one place — or, for a warning or note, at every cell of one column of one
/// sheet where it was found (`D5:D18 (14 ช่อง)`): one line for the clerk, not fourteen.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// What is wrong (as found at the first cell).
    pub problem: Problem,
    /// Where (the first cell).
    pub location: Location,
    /// The rows of the same column where the same was found after the first (zero-based).
    pub also: Vec<u32>,
    /// Other values found in those rows, each once, at most [`OTHERS_QUOTED`] (the first
    /// value is in `problem`); `others_more` counts the distinct ones beyond.
    pub others: Vec<String>,
    /// Distinct values found in the group beyond those quoted.
    pub others_more: usize,
}

/// How many other values a grouped issue quotes after its first.
const OTHERS_QUOTED: usize = 3;

impl Issue {
    /// A problem at a place.
    pub fn new(problem: Problem, location: Location) -> Self {
        Issue {
            problem,
            location,
            also: Vec::new(),
            others: Vec::new(),
            others_more: 0,
        }
    }

    /// Every cell of the issue in A1 notation, the first first.
    pub fn cells(&self) -> Vec<String> {
        let mut cells = vec![self.location.a1()];
        let col = self.location.col;
        cells.extend(self.also.iter().map(|&row| {
            Location {
                row: Some(row),
                col,
                ..Location::default()
            }
            .a1()
        }));
        cells
    }

    /// The cell, or the cells of a group: `D5`, `D5:D18 (14 ช่อง)`, `D5, D9 (2 ช่อง)`.
    pub fn cell_text(&self) -> String {
        let first = self.location.a1();
        let Some(&last) = self.also.last() else {
            return first;
        };
        let count = self.also.len() + 1;
        let contiguous = self.location.row.is_some_and(|r| {
            self.also
                .iter()
                .enumerate()
                .all(|(i, &row)| row == r + 1 + i as u32)
        });
        let cells = self.cells();
        let span = if contiguous {
            let end = Location {
                row: Some(last),
                col: self.location.col,
                ..Location::default()
            };
            format!("{first}:{}", end.a1())
        } else if count <= 6 {
            cells.join(", ")
        } else {
            format!("{}, {} … {}", cells[0], cells[1], cells[count - 1])
        };
        format!("{span} ({count} ช่อง)")
    }

    /// `file › sheet › cell`, the cell as [`Issue::cell_text`] gives it.
    pub fn place(&self) -> String {
        if self.also.is_empty() {
            return self.location.to_string();
        }
        format!(
            "{} › {} › {}",
            self.location.file,
            self.location.sheet,
            self.cell_text()
        )
    }

    /// The issue's group key when it may stand for several cells of one column of one sheet of
    /// one file: warnings and notes at a cell, except those that each name their own project.
    fn group_key(&self) -> Option<GroupKey> {
        let col = self.location.col?;
        self.location.row?;
        let (file, sheet) = (&self.location.file, &self.location.sheet);
        (!self.is_error() && !self.problem.names_its_project()).then(|| {
            (
                Arc::clone(file),
                Arc::clone(sheet),
                self.problem.code(),
                col,
            )
        })
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
        let message = self.message_lines();
        // A value quoted as typed may hold a line break (Alt+Enter): one line, ⏎ where it broke.
        if message.contains(['\n', '\r']) {
            return message.replace("\r\n", "⏎").replace(['\n', '\r'], "⏎");
        }
        message
    }

    /// [`Self::message`] with any line break in a quoted value as typed.
    fn message_lines(&self) -> String {
        if self.others.is_empty() {
            return format!("{} · {}", self.problem.thai(), self.problem.english());
        }
        let quoted: Vec<String> = self.others.iter().map(|v| format!("\"{v}\"")).collect();
        let quoted = quoted.join(", ");
        let (more_th, more_en) = match self.others_more {
            0 => (String::new(), String::new()),
            n => (format!(" และอีก {n} ค่า"), format!(" and {n} more")),
        };
        format!(
            "{} และพบ {quoted}{more_th} · {}; also found {quoted}{more_en}",
            self.problem.thai(),
            self.problem.english()
        )
    }

    /// Folds `issue`, found in the same column after this one, into this group: its rows, and
    /// its value when that is one not quoted yet.
    fn fold(&mut self, mut issue: Issue) {
        self.also.extend(issue.location.row);
        self.also.append(&mut issue.also);
        let first = self.problem.found();
        for value in issue
            .problem
            .found()
            .into_iter()
            .chain(issue.others.iter().map(String::as_str))
        {
            if first == Some(value) || self.others.iter().any(|v| v == value) {
                continue;
            }
            if self.others.len() < OTHERS_QUOTED {
                self.others.push(value.to_string());
            } else {
                self.others_more += 1;
            }
        }
        self.others_more += issue.others_more;
    }

    /// What a developer needs and a clerk does not, kept out of [`Self::message`] and given in
    /// JSON as `detail`: where calamine panicked on the file (for the bug report upstream).
    pub fn detail(&self) -> Option<&str> {
        match &self.problem {
            Problem::FileUnreadable {
                cause: Unreadable::ReaderFailed,
                reason,
            } => Some(reason),
            _ => None,
        }
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
        write!(f, "{}: {}", self.place(), self.message())
    }
}

impl Serialize for Issue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Issue", 9)?;
        st.serialize_field("severity", &self.severity())?;
        st.serialize_field("code", self.problem.code())?;
        st.serialize_field("file", &self.location.file)?;
        st.serialize_field("sheet", &self.location.sheet)?;
        st.serialize_field("cell", &self.cell_text())?;
        if !self.also.is_empty() {
            st.serialize_field("cells", &self.cells())?;
        }
        st.serialize_field("message", &self.message())?;
        st.serialize_field("fix", &self.fix())?;
        if let Some(detail) = self.detail() {
            st.serialize_field("detail", detail)?;
        }
        let related = match &self.problem {
            Problem::ProjectDuplicate { other } => Some(other),
            Problem::ProjectDropped { near_at, .. } => near_at.as_ref(),
            _ => None,
        };
        if let Some(other) = related {
            let related = serde_json::json!([{
                "file": &*other.file,
                "sheet": &*other.sheet,
                "cell": other.a1(),
            }]);
            st.serialize_field("related", &related)?;
        }
        st.end()
    }
}

/// The `[headers]` key of the status a label most likely means (`รอ` → `waiting`), for the fix
/// of `status-column-unread`; `completed` when it cannot be told.
fn status_key_for(label: &str) -> &'static str {
    let t = crate::schema::text::normalized(label);
    // ยังไม่… (not yet) is waiting, but ยังไม่เสร็จ (not yet done) is in progress; ไม่… alone
    // cannot.
    if t.starts_with("ยังไม่") && t.contains("เสร็จ") {
        "in_progress"
    } else if t.starts_with("รอ") || t.starts_with("ยังไม่") {
        "waiting"
    } else if t.contains("ไม่") || t.contains("ยกเลิก") {
        "cannot"
    } else if t.contains("เสร็จ") || t.contains("แล้ว") {
        "completed"
    } else if t.contains("ระหว่าง") || t.contains("กำลัง") || t.contains("ดำเนิน")
    {
        "in_progress"
    } else {
        "completed"
    }
}

/// `0.42` → `42`: how Excel shows an amount in a cell formatted as a percentage.
/// `C4 50,000.00 บาท, D4 1,234.50 บาท`: cells with their amounts, in `unit`.
fn cells_in_baht(sums: &[(String, String)], unit: &str) -> String {
    let cells: Vec<String> = sums
        .iter()
        .map(|(cell, amount)| format!("{cell} {amount} {unit}"))
        .collect();
    cells.join(", ")
}

/// An amount as found (`0.5`) as baht are written in messages (`0.50`); one with more decimals
/// than satang as found, not rounded into another amount.
fn baht_shown(found: &str) -> String {
    use std::str::FromStr;
    Decimal::from_str(found)
        .ok()
        .filter(|d| d.normalize().scale() <= 2)
        .map_or_else(|| found.to_string(), baht)
}

fn percent_shown(found: &str) -> String {
    use std::str::FromStr;
    Decimal::from_str(found)
        .map(|d| (d * Decimal::ONE_HUNDRED).normalize().to_string())
        .unwrap_or_default()
}

/// Number of errors in a list of issues.
pub fn error_count(issues: &[Issue]) -> usize {
    issues.iter().filter(|i| i.is_error()).count()
}

/// Issues of one code kept per file: the rest are counted, not kept, so a broken million-row
/// file can flood neither memory nor the terminal (frictionless caps its errors the same way).
pub const KEPT_PER_CODE: usize = 100;

/// Issues of one code in one file beyond [`KEPT_PER_CODE`]: counted, not kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Omitted {
    /// The issues' code.
    pub code: &'static str,
    /// Their severity.
    pub severity: Severity,
    /// How many were not kept.
    pub count: usize,
}

/// One file's issues (or one sheet's), in the order found, with at most [`KEPT_PER_CODE`] of each
/// code kept and the rest counted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IssueList {
    issues: Vec<Issue>,
    /// Per code seen: (code, severity, kept, omitted), in order of first sight.
    codes: Vec<(&'static str, Severity, usize, usize)>,
    /// (sheet, code, column) → the issue standing for that column's warnings or notes.
    groups: FxHashMap<GroupKey, usize>,
}

impl Problem {
    /// Whether the file the issue is about was passed over whole, not merged and no division's
    /// workbook (a PDF, a workbook under a backup name): its verdict says so, and a second copy
    /// of it is no `file-duplicate`.
    pub fn passes_over_file(&self) -> bool {
        matches!(
            self,
            Problem::FileNotSpreadsheet { .. } | Problem::WorkbookMisnamed { .. }
        )
    }

    /// The value a grouped issue quotes (`found`), for those that quote one.
    fn found(&self) -> Option<&str> {
        match self {
            Problem::RowNotProject { found }
            | Problem::MoneyAsText { found, .. }
            | Problem::MoneyNil { found, .. } => Some(found),
            _ => None,
        }
    }

    /// Whether the issue is about one project of its own, named in its message (a project gone
    /// since the previous round, a project's disbursement down): such issues are never folded
    /// into a group, which would show only the first project.
    fn names_its_project(&self) -> bool {
        matches!(
            self,
            Problem::ProjectDropped { .. }
                | Problem::DisbursedDecreased { .. }
                | Problem::TotalRowNamed { .. }
                | Problem::TotalRowUnlabelled { .. }
                | Problem::CancelledNotCannot { .. }
        )
    }
}

/// What issues folded into one share: file, sheet, code and column.
type GroupKey = (Arc<str>, Arc<str>, &'static str, u32);

impl IssueList {
    /// Records an issue: kept, or counted when its code already has [`KEPT_PER_CODE`] kept.
    pub fn push(&mut self, issue: Issue) {
        if let Some(key) = issue.group_key() {
            let code = key.2;
            if let Some(&at) = self.groups.get(&key) {
                self.issues[at].fold(issue);
                return;
            }
            if self.kept(code) < KEPT_PER_CODE {
                self.groups.insert(key, self.issues.len());
            }
        }
        let code = issue.problem.code();
        let entry = match self.codes.iter_mut().find(|(c, ..)| *c == code) {
            Some(entry) => entry,
            None => {
                self.codes.push((code, issue.severity(), 0, 0));
                let last = self.codes.len() - 1;
                &mut self.codes[last]
            }
        };
        if entry.2 < KEPT_PER_CODE {
            entry.2 += 1;
            self.issues.push(issue);
        } else {
            entry.3 += 1;
        }
    }

    fn kept(&self, code: &str) -> usize {
        self.codes
            .iter()
            .find(|(c, ..)| *c == code)
            .map_or(0, |c| c.2)
    }

    /// Adds `other`'s issues after these (the cap applies to both together).
    pub fn append(&mut self, other: IssueList) {
        for issue in other.issues {
            self.push(issue);
        }
        for (code, severity, _, omitted) in other.codes.into_iter().filter(|c| c.3 > 0) {
            match self.codes.iter_mut().find(|(c, ..)| *c == code) {
                Some(entry) => entry.3 += omitted,
                None => self.codes.push((code, severity, 0, omitted)),
            }
        }
    }

    /// Errors recorded, kept or not.
    pub fn errors(&self) -> usize {
        self.codes
            .iter()
            .filter(|c| c.1 == Severity::Error)
            .map(|c| c.2 + c.3)
            .sum()
    }

    /// Whether any error was recorded.
    pub fn has_errors(&self) -> bool {
        self.errors() > 0
    }

    /// The issues kept and, per code, how many were not.
    pub fn into_parts(self) -> (Vec<Issue>, Vec<Omitted>) {
        let omitted = self
            .codes
            .into_iter()
            .filter(|c| c.3 > 0)
            .map(|(code, severity, _, count)| Omitted {
                code,
                severity,
                count,
            })
            .collect();
        (self.issues, omitted)
    }
}

/// The issues kept, in order.
impl std::ops::Deref for IssueList {
    type Target = [Issue];

    fn deref(&self) -> &[Issue] {
        &self.issues
    }
}

impl From<Vec<Issue>> for IssueList {
    fn from(issues: Vec<Issue>) -> Self {
        let mut list = IssueList::default();
        issues.into_iter().for_each(|i| list.push(i));
        list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blank(row: u32) -> Issue {
        Issue::new(
            Problem::MoneyBlank {
                field: MoneyField::Disbursed,
            },
            Location::cell("กองคลัง.xlsx", "แผน", row, 4),
        )
    }

    #[test]
    fn issues_of_one_code_are_kept_up_to_the_cap_and_the_rest_counted() {
        let mut list = IssueList::default();
        // Blank money in 312 columns: a group each, too many to keep.
        for col in 0..312 {
            list.push(Issue::new(
                Problem::MoneyBlank {
                    field: MoneyField::Disbursed,
                },
                Location::cell("กองคลัง.xlsx", "แผน", 4, col),
            ));
        }
        list.push(Issue::new(
            Problem::NameMissing,
            Location::file("กองคลัง.xlsx"),
        ));
        assert_eq!(list.errors(), 1);
        let (kept, omitted) = list.into_parts();
        assert_eq!(kept.len(), KEPT_PER_CODE + 1);
        assert_eq!(kept.last().map(|i| i.problem.code()), Some("name-missing"));
        assert_eq!(
            omitted,
            [Omitted {
                code: "money-blank",
                severity: Severity::Warning,
                count: 212
            }]
        );
    }

    #[test]
    fn warnings_of_one_column_are_one_issue_naming_every_cell() {
        let mut list = IssueList::default();
        for row in 4..18 {
            list.push(blank(row));
        }
        list.push(blank(30));
        assert_eq!(list.len(), 1);
        let issue = &list[0];
        assert_eq!(issue.cell_text(), "E5, E6 … E31 (15 ช่อง)");
        assert_eq!(issue.cells().len(), 15);
        let mut contiguous = IssueList::default();
        (4..18).for_each(|r| contiguous.push(blank(r)));
        assert_eq!(contiguous[0].place(), "กองคลัง.xlsx › แผน › E5:E18 (14 ช่อง)");
        let json = serde_json::to_value(&contiguous[0]).expect("json");
        assert_eq!(json["cell"], "E5:E18 (14 ช่อง)");
        assert_eq!(json["cells"].as_array().map(Vec::len), Some(14));
    }

    #[test]
    fn a_group_quotes_each_value_found_once_up_to_three_then_counts() {
        let mut list = IssueList::default();
        let values = [
            "55,300.-",
            "55,300.-",
            "12,000 บาท",
            "-",
            "๕๕,๓๐๐.-",
            "9,000.-",
            "1.-",
        ];
        for (row, found) in (4..).zip(values) {
            let at = Location::cell("กองคลัง.xlsx", "แผน", row, 3);
            let field = MoneyField::BudgetPlan;
            let found = found.to_string();
            list.push(Issue::new(Problem::MoneyAsText { field, found }, at));
        }
        assert_eq!(list.len(), 1);
        assert_eq!(
            list[0].message(),
            "งบประมาณตามแผน พิมพ์เป็นข้อความ (\"55,300.-\") อ่านเป็นตัวเลขให้แล้ว และพบ \
             \"12,000 บาท\", \"-\", \"๕๕,๓๐๐.-\" และอีก 2 ค่า · plan budget typed as text \
             (\"55,300.-\"), read as a number; also found \"12,000 บาท\", \"-\", \"๕๕,๓๐๐.-\" \
             and 2 more"
        );
        assert_eq!(list[0].cells().len(), 7, "every cell kept");
    }

    #[test]
    fn errors_are_never_grouped() {
        let mut list = IssueList::default();
        for row in 4..8 {
            let at = Location::cell("กองคลัง.xlsx", "แผน", row, 2);
            list.push(Issue::new(Problem::DimensionMissing { column: true }, at));
        }
        assert_eq!(list.len(), 4);
        assert_eq!(list.errors(), 4);
    }

    #[test]
    fn amounts_and_counts_in_messages_read_as_a_person_reads_them() {
        let over = Problem::DisbursedOverBudget {
            disbursed: Decimal::new(2_500_000, 2),
            budget: Decimal::from(20_000),
            budget_cell: Some("E8".into()),
        };
        assert_eq!(
            over.thai(),
            "เบิกจ่าย 25,000.00 บาท มากกว่างบประมาณตามข้อบัญญัติ/เทศบัญญัติ 20,000.00 บาท (E8)"
        );
        let negative = Problem::MoneyNegative {
            field: MoneyField::BudgetPlan,
            amount: Decimal::new(-250_050, 2),
        };
        assert!(
            negative.thai().contains("(พบ -2,500.50 บาท)"),
            "{}",
            negative.thai()
        );
        let typed = Problem::MoneyBelowOneBaht {
            field: MoneyField::BudgetPlan,
            found: "0.5".into(),
            number: false,
        };
        assert!(
            !typed.thai().contains("ร้อยละ"),
            "text is not shown as a percentage"
        );
        let two_lines = Problem::MoneyNotNumber {
            field: MoneyField::BudgetPlan,
            found: "70000\n50000".into(),
        };
        let message = Issue::new(two_lines, Location::cell("ก.xlsx", "แผน", 3, 3)).message();
        assert!(
            message.contains("\"70000⏎50000\"") && !message.contains('\n'),
            "{message}"
        );
        let large = Problem::SheetTooLarge {
            extent: "XFD1048576".into(),
            cells: 100_000_033,
        };
        assert!(
            large.thai().contains("(100,000,033 ช่อง)"),
            "{}",
            large.thai()
        );
    }

    #[test]
    fn the_key_suggested_for_an_unread_status_label_is_the_status_it_likely_means() {
        for (label, key) in [
            ("รอ", "waiting"),
            ("ยังไม่ดำเนินการ", "waiting"),
            ("ยังไม่รายงาน", "waiting"),
            ("ยังไม่แล้วเสร็จ", "in_progress"),
            ("กำลังทำ", "in_progress"),
            ("ดำเนินการแล้ว", "completed"),
            ("ไม่ได้ดำเนินการ", "cannot"),
            ("ยกเลิก", "cannot"),
            ("ยกเลิกโครงการ", "cannot"),
        ] {
            assert_eq!(status_key_for(label), key, "{label}");
        }
    }

    #[test]
    fn groups_never_span_files_nor_fold_projects_named_one_by_one() {
        let mut list = IssueList::default();
        let blank_in = |file: &str, row| {
            let at = Location::cell(file, "แผน", row, 4);
            let field = MoneyField::Disbursed;
            Issue::new(Problem::MoneyBlank { field }, at)
        };
        list.push(blank_in("กองคลัง.xlsx", 4));
        list.push(blank_in("กองช่าง.xlsx", 5));
        assert_eq!(list.len(), 2, "one group per file");
        for (row, name) in [(4, "โครงการ ก"), (5, "โครงการ ข")] {
            let at = Location::cell("รอบก่อน/กองคลัง.xlsx", "แผน", row, 1);
            let (name, near) = (name.to_string(), None);
            list.push(Issue::new(
                Problem::ProjectDropped {
                    name,
                    near,
                    near_at: None,
                },
                at,
            ));
        }
        assert_eq!(list.len(), 4, "each dropped project is its own issue");
        assert!(list[3].message().contains("โครงการ ข"));
    }

    #[test]
    fn appending_keeps_the_cap_and_adds_what_was_omitted() {
        let (mut a, mut b) = (IssueList::default(), IssueList::default());
        let at = |row| Location::cell("กองคลัง.xlsx", "แผน", row, 2);
        (0..60).for_each(|r| {
            a.push(Issue::new(
                Problem::DimensionMissing { column: true },
                at(r),
            ))
        });
        (0..150).for_each(|r| {
            b.push(Issue::new(
                Problem::DimensionMissing { column: true },
                at(r),
            ))
        });
        a.append(b);
        assert_eq!(a.errors(), 210);
        let (kept, omitted) = a.into_parts();
        assert_eq!(kept.len(), KEPT_PER_CODE);
        assert_eq!(omitted[0].count, 110);
    }

    #[test]
    fn every_code_is_kebab_case_and_listed_once() {
        let mut codes: Vec<&str> = CATALOGUE.iter().map(|(c, _)| *c).collect();
        assert!(
            codes
                .iter()
                .all(|c| c.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-'))
        );
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), CATALOGUE.len());
    }
}
