//! อีเมลรายงาน — emailing the summary workbook (`planmerge mail`, `merge --mail`), or writing the
//! message as an .eml file for the coordinator's own mail program. The `[mail]` section of
//! `report.toml` is read by [`crate::config::mail`].
//!
//! - `figures.rs`: a written summary read back into [`crate::compute::ReportTotals`];
//! - `body.rs`: the plain-text and HTML bodies, from the figures;
//! - `message.rs`: the RFC 5322 message with the summary attached (lettre);
//! - `send.rs`: SMTP through lettre, each failure named by its step;
//! - `sent_log.rs`: `.planmerge-sent`, so the same summary is not sent twice by accident;

//!
//! Nothing here changes the summary: a failed send leaves it as written.

pub mod body;
pub mod figures;
pub mod message;
pub mod send;
pub mod sent_log;

use crate::config::mail::PASSWORD_VAR;

/// Why a summary was not emailed (a program failure, not a data issue). Exit 2 for what the
/// user must change first (configuration, the file given, `--resend`), 3 when the server or the
/// disk failed.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// `report.toml` has no `[mail]` section.
    #[error(
        "ไฟล์ตั้งค่า {config} ไม่มีส่วน [mail] — เพิ่มผู้รับและเซิร์ฟเวอร์อีเมล (ดู README) · \
         {config} has no [mail] section: add the recipients and the SMTP server (see README)"
    )]
    NotConfigured {
        /// The configuration file.
        config: String,
    },
    /// A username is configured but the password variable is not set.
    #[error(
        "ยังไม่ได้ตั้งรหัสผ่านของ {user} — ตั้งตัวแปร {PASSWORD_VAR} ก่อนส่ง · \
         set {PASSWORD_VAR} to the password of {user} before sending"
    )]
    PasswordMissing {
        /// The SMTP login name.
        user: String,
    },
    /// The file given is not a summary planmerge can read back.
    #[error(
        "อ่านไฟล์สรุป {path} ไม่ได้ — ต้องเป็นไฟล์ที่ planmerge merge เขียน · \
         cannot read the summary {path}: {reason}"
    )]
    SummaryUnreadable {
        /// The file.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// The summary is another report's (another round, year or organization).
    #[error(
        "ไฟล์สรุป {path} เป็น \"{found}\" ไม่ตรงกับไฟล์ตั้งค่า (\"{expected}\") — ตรวจว่าเป็นไฟล์ของรอบนี้ · \
         the summary {path} says \"{found}\" but the configuration says \"{expected}\": is it this round's file?"
    )]
    OtherReport {
        /// The file.
        path: String,
        /// What the summary says.
        found: String,
        /// What the configuration says.
        expected: String,
    },
    /// The summary is a draft and sending a draft was not asked for.
    #[error(
        "ไฟล์สรุป {path} เป็นร่าง (มีข้อผิดพลาด) จึงไม่ส่ง — แก้ข้อมูลแล้ว merge ใหม่ หรือใช้ --draft เพื่อส่งร่าง · \
         {path} is a draft (the data has errors): fix them and merge again, or pass --draft to send the draft"
    )]
    Draft {
        /// The file.
        path: String,
    },
    /// This very summary (same SHA-256) was sent before.
    #[error(
        "ส่งไฟล์สรุปนี้ไปแล้วเมื่อ {time} ถึง {recipients} (บันทึกใน {log}) — ใช้ --resend หากต้องการส่งซ้ำ · \
         this summary was already sent at {time} to {recipients} (see {log}); pass --resend to send it again"
    )]
    AlreadySent {
        /// When, Thai time (`21 เมษายน 2569 เวลา 09:30 น.`).
        time: String,
        /// To whom.
        recipients: String,
        /// The log file.
        log: String,
    },
    /// `--eml` names the summary itself.
    #[error(
        "ไฟล์อีเมล {0} คือไฟล์สรุป จะไม่เขียนทับ — ใช้ชื่ออื่น · the .eml path {0} is the summary itself; refusing to overwrite it"
    )]
    EmlIsSummary(String),
    /// `--eml` names an existing file that is no .eml (a workbook, a document): never written
    /// over.
    #[error(
        "มีไฟล์ {0} อยู่แล้ว และไม่ใช่ไฟล์อีเมล (.eml) จะไม่เขียนทับ — ใช้ --eml ชื่อที่ลงท้ายด้วย .eml · {0} exists and is no .eml file; refusing to overwrite it: give --eml a name ending in .eml"
    )]
    EmlOverOther(String),
    /// The message could not be built.
    #[error("สร้างข้อความอีเมลไม่ได้ · cannot build the message: {0}")]
    Build(String),
    /// The .eml file could not be written.
    #[error("เขียนไฟล์อีเมล {path} ไม่ได้: {} · cannot write {path}: {source}", crate::schema::io::thai_reason(.source))]
    Eml {
        /// The .eml path.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// No connection to the server (wrong host or port, server down, network).
    #[error(
        "ติดต่อเซิร์ฟเวอร์อีเมล {server} ไม่ได้ — ตรวจ smtp_host, smtp_port และเครือข่าย · \
         cannot reach the mail server {server}: {detail}"
    )]
    Unreachable {
        /// host:port.
        server: String,
        /// lettre's description.
        detail: String,
    },
    /// TLS could not be set up.
    #[error(
        "เชื่อมต่อแบบเข้ารหัส (TLS) กับ {server} ไม่สำเร็จ — ตรวจค่า tls, smtp_port และใบรับรองของเซิร์ฟเวอร์ · \
         TLS with {server} failed: {detail}"
    )]
    Tls {
        /// host:port.
        server: String,
        /// lettre's description.
        detail: String,
    },
    /// The server refused the username and password.
    #[error(
        "เซิร์ฟเวอร์ {server} ไม่ยอมรับการเข้าสู่ระบบของ {user} — ตรวจ username และ {PASSWORD_VAR} · \
         {server} refused the login of {user}: {detail}"
    )]
    LoginRefused {
        /// The login name.
        user: String,
        /// host:port.
        server: String,
        /// The server's answer.
        detail: String,
    },
    /// The server refused the sender, a recipient or the message.
    #[error(
        "เซิร์ฟเวอร์ {server} ปฏิเสธผู้ส่ง ผู้รับ หรือข้อความ — ตรวจที่อยู่ใน from, to และ cc · \
         {server} refused the sender, a recipient or the message: {detail}"
    )]
    Rejected {
        /// host:port.
        server: String,
        /// The server's answer.
        detail: String,
    },
    /// Sending failed; the summary is kept as written.
    #[error(
        "{cause}\nไฟล์สรุป {summary} ยังอยู่ครบ และยังไม่ได้ส่งอีเมล — แก้แล้วสั่ง planmerge mail อีกครั้ง · \
         {summary} is kept and no email was sent; fix this and run planmerge mail again"
    )]
    NotSent {
        /// The summary's path.
        summary: String,
        /// Why the send failed.
        cause: Box<MailError>,
    },
    /// `.planmerge-sent` could not be read.
    #[error("อ่านบันทึกการส่ง {path} ไม่ได้: {} · cannot read the sent log {path}: {source}", crate::schema::io::thai_reason(.source))]
    LogUnreadable {
        /// The log.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The message was sent but `.planmerge-sent` could not be written.
    #[error(
        "ส่งอีเมลแล้ว แต่บันทึกลง {path} ไม่ได้ — อย่าส่งซ้ำก่อนตรวจกล่องจดหมาย · \
         the message was sent, but {path} could not be written ({source}); check before sending again"
    )]
    LogNotWritten {
        /// The log.
        path: String,
        /// Why.
        source: std::io::Error,
    },
}

impl MailError {
    /// 2 for what the user must change first, 3 when the server or the disk failed.
    pub fn exit_code(&self) -> u8 {
        match self {
            MailError::NotConfigured { .. }
            | MailError::PasswordMissing { .. }
            | MailError::SummaryUnreadable { .. }
            | MailError::OtherReport { .. }
            | MailError::Draft { .. }
            | MailError::AlreadySent { .. }
            | MailError::EmlIsSummary(_)
            | MailError::EmlOverOther(_) => 2,
            MailError::Build(_)
            | MailError::Eml { .. }
            | MailError::Unreachable { .. }
            | MailError::Tls { .. }
            | MailError::LoginRefused { .. }
            | MailError::Rejected { .. }
            | MailError::NotSent { .. }
            | MailError::LogUnreadable { .. }
            | MailError::LogNotWritten { .. } => 3,
        }
    }
}
