//! `[mail]` in `report.toml`: who receives the summary and through which SMTP server. Parsing
//! and checking only (addresses parse, `tls = "none"` only towards this machine, no password in
//! the file); nothing here connects to anything.

use lettre::message::Mailbox;
use serde::Deserialize;
use std::net::IpAddr;

/// The environment variable the SMTP password is read from (never from a file or an argument).
pub const PASSWORD_VAR: &str = "PLANMERGE_SMTP_PASSWORD";

/// How the connection to the SMTP server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TlsMode {
    /// Plain connection upgraded with STARTTLS, required (the default; port 587).
    #[default]
    Starttls,
    /// TLS from the first byte (SMTPS; port 465).
    Tls,
    /// No encryption: only for a server on this machine (127.0.0.1, ::1, localhost; port 25).
    None,
}

impl TlsMode {
    /// The usual port for the mode: 587, 465 or 25.
    pub fn default_port(self) -> u16 {
        match self {
            TlsMode::Starttls => 587,
            TlsMode::Tls => 465,
            TlsMode::None => 25,
        }
    }
}

/// The `[mail]` section as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMail {
    to: Vec<String>,
    #[serde(default)]
    cc: Vec<String>,
    from: String,
    subject: Option<String>,
    smtp_host: String,
    smtp_port: Option<u16>,
    #[serde(default)]
    tls: TlsMode,
    username: Option<String>,
    /// Accepted by the parser only to be refused with a clear message.
    password: Option<toml::Value>,
}

/// Where and how the summary is emailed (อีเมลรายงาน), checked.
#[derive(Debug, Clone, PartialEq)]
pub struct MailConfig {
    /// ถึง — the executives and the working group.
    pub to: Vec<Mailbox>,
    /// สำเนาถึง — copies.
    pub cc: Vec<Mailbox>,
    /// จาก — the sender (the coordinator's office address).
    pub from: Mailbox,
    /// เรื่อง — the subject; by default the report's title for the fiscal year and round.
    pub subject: String,
    /// The SMTP server's host name or address.
    pub smtp_host: String,
    /// The SMTP port (default: 587, 465 or 25 by `tls`).
    pub smtp_port: u16,
    /// How the connection is protected.
    pub tls: TlsMode,
    /// The login name; the password comes from [`PASSWORD_VAR`]. None: no login.
    pub username: Option<String>,
}

/// `รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2565 รอบ 6 เดือน`
pub fn default_subject(fiscal_year: u16, round: u8) -> String {
    format!(
        "รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. {fiscal_year} รอบ {round} เดือน"
    )
}

/// True for `localhost` and loopback addresses (127.0.0.0/8, ::1).
pub fn is_loopback_host(host: &str) -> bool {
    let host = host.trim().trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

impl RawMail {
    /// Checks the section; the message says what is wrong, Thai then English.
    pub(crate) fn validate(self, fiscal_year: u16, round: u8) -> Result<MailConfig, String> {
        if self.password.is_some() {
            return Err(format!(
                "[mail] ห้ามเก็บรหัสผ่านในไฟล์ — ลบ password ออก แล้วตั้งตัวแปร {PASSWORD_VAR} · \
                 [mail] must not hold a password: remove it and set {PASSWORD_VAR}"
            ));
        }
        if self.to.is_empty() {
            return Err(
                "[mail] to ต้องมีผู้รับอย่างน้อยหนึ่งคน · [mail] to must list at least one recipient".into(),
            );
        }
        let host = self.smtp_host.trim().to_string();
        if host.is_empty() {
            return Err("[mail] smtp_host ว่าง · [mail] smtp_host is empty".into());
        }
        if self.tls == TlsMode::None && !is_loopback_host(&host) {
            return Err(format!(
                "[mail] tls = \"none\" ใช้ได้เฉพาะเซิร์ฟเวอร์ในเครื่องนี้ (127.0.0.1, localhost) ไม่ใช่ {host} — \
                 ใช้ \"starttls\" หรือ \"tls\" · tls = \"none\" is only allowed for a loopback host, \
                 not {host}: use \"starttls\" or \"tls\""
            ));
        }
        if self.smtp_port == Some(0) {
            return Err("[mail] smtp_port ต้องไม่เป็น 0 · [mail] smtp_port must not be 0".into());
        }
        Ok(MailConfig {
            to: mailboxes("to", &self.to)?,
            cc: mailboxes("cc", &self.cc)?,
            from: mailbox("from", &self.from)?,
            subject: self
                .subject
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| default_subject(fiscal_year, round)),
            smtp_port: self.smtp_port.unwrap_or(self.tls.default_port()),
            smtp_host: host,
            tls: self.tls,
            username: self.username.filter(|u| !u.trim().is_empty()),
        })
    }
}

/// Every address of a list, or the first that does not parse.
fn mailboxes(key: &str, texts: &[String]) -> Result<Vec<Mailbox>, String> {
    texts.iter().map(|text| mailbox(key, text)).collect()
}

/// `a@b.go.th` or `ชื่อ <a@b.go.th>`.
fn mailbox(key: &str, text: &str) -> Result<Mailbox, String> {
    text.trim().parse::<Mailbox>().map_err(|e| {
        format!(
            "[mail] {key}: ที่อยู่อีเมล \"{text}\" ไม่ถูกต้อง · [mail] {key}: \"{text}\" is not an email address ({e})"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(extra: &str) -> Result<MailConfig, String> {
        let text = format!(
            "to = [\"นายก อบจ. <chief@example.go.th>\"]\nfrom = \"ac@example.go.th\"\n\
             smtp_host = \"smtp.example.go.th\"\n{extra}"
        );
        let raw: RawMail = toml::from_str(&text).map_err(|e| e.to_string())?;
        raw.validate(2565, 6)
    }

    #[test]
    fn defaults_are_starttls_587_and_the_report_title() {
        let mail = raw("").unwrap();
        assert_eq!((mail.tls, mail.smtp_port), (TlsMode::Starttls, 587));
        assert_eq!(
            mail.subject,
            "รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2565 รอบ 6 เดือน"
        );
        assert_eq!(mail.to[0].name.as_deref(), Some("นายก อบจ."));
        assert!(mail.cc.is_empty() && mail.username.is_none());
    }

    #[test]
    fn tls_none_is_refused_for_a_remote_host() {
        let error = raw("tls = \"none\"").unwrap_err();
        assert!(error.contains("loopback"), "{error}");
    }

    #[test]
    fn loopback_hosts_are_recognised() {
        for host in [
            "127.0.0.1",
            "127.1.2.3",
            "::1",
            "[::1]",
            "localhost",
            "LOCALHOST",
        ] {
            assert!(is_loopback_host(host), "{host}");
        }
        for host in ["10.0.0.1", "smtp.example.go.th", "localhost.example.com"] {
            assert!(!is_loopback_host(host), "{host}");
        }
    }

    #[test]
    fn a_password_in_the_file_is_refused() {
        let error = raw("password = \"secret\"").unwrap_err();
        assert!(error.contains(PASSWORD_VAR), "{error}");
    }

    #[test]
    fn unknown_keys_and_bad_addresses_are_refused() {
        assert!(raw("smtp_server = \"x\"").is_err());
        assert!(raw("cc = [\"not an address\"]").is_err());
        assert!(raw("tls = \"ssl\"").is_err());
    }
}
