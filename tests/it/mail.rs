//! Emailing the summary (issue 16): against an SMTP server on 127.0.0.1 started by the test
//! itself (`support::smtp`), the message sent for the samples parses back (mail-parser) with
//! the Thai subject, the recipients, both bodies with the report's real figures and the summary
//! attached byte for byte; refused logins, unreachable servers and rejected recipients exit 3
//! and keep the summary; `.planmerge-sent` stops a second send without `--resend`; a merge with
//! errors sends nothing; `--eml` writes a message that parses back.

use crate::common::SeedData;
use crate::support::smtp::{Behaviour, Encryption, Received, SmtpServer, test_certificate};
use crate::support::{REPORT_TOML, V, folder_with_rows, words_row};
use assert_cmd::Command;
use mail_parser::{MessageParser, MimeHeaders};
use planmerge::mail::body::Report;
use planmerge::mail::figures::read_figures;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::process::Output;

/// The default subject for the samples' report.
const SUBJECT: &str =
    "รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2565 รอบ 6 เดือน";
const PASSWORD: &str = "รหัส-secret";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// `[mail]` for a server on 127.0.0.1:`port`, without encryption (allowed on loopback only).
fn mail_section(port: u16) -> String {
    format!(
        "\n[mail]\nto = [\"นายก อบจ. <chief@example.go.th>\", \"group@example.go.th\"]\n\
         cc = [\"audit@example.go.th\"]\nfrom = \"ศูนย์ป้องกันการทุจริต <ac@example.go.th>\"\n\
         smtp_host = \"127.0.0.1\"\nsmtp_port = {port}\ntls = \"none\"\nusername = \"coordinator\"\n"
    )
}

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/6-month")
}

fn planmerge() -> Command {
    let mut command = Command::cargo_bin("planmerge").expect("binary");
    command.env("PLANMERGE_SMTP_PASSWORD", PASSWORD);
    command
}

/// A coordinator's folder: report.toml with `[mail]`, the summary `สรุปผล.xlsx` to be written.
struct Office {
    dir: tempfile::TempDir,
}

impl Office {
    fn new(port: u16) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let toml = format!("{REPORT_TOML}{}", mail_section(port));
        std::fs::write(dir.path().join("report.toml"), toml).expect("report.toml");
        Office { dir }
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("report.toml")
    }

    fn summary(&self) -> PathBuf {
        self.dir.path().join("สรุปผล.xlsx")
    }

    /// `merge samples -c report.toml -o สรุปผล.xlsx ARGS…`
    fn merge(&self, args: &[&str]) -> Output {
        let mut command = planmerge();
        command
            .arg("merge")
            .arg(samples())
            .arg("-c")
            .arg(self.config());
        command.arg("-o").arg(self.summary()).args(args);
        command.output().expect("run merge")
    }

    /// `mail สรุปผล.xlsx ARGS…` (report.toml found beside the summary).
    fn mail(&self, args: &[&str]) -> Output {
        let mut command = planmerge();
        command.arg("mail").arg(self.summary()).args(args);
        command.output().expect("run mail")
    }

    fn summary_bytes(&self) -> Vec<u8> {
        std::fs::read(self.summary()).expect("the summary is there")
    }
}

fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Asserts a message for the samples: subject, recipients, both bodies, the attachment.
fn assert_samples_message(received: &Received, summary: &[u8]) {
    assert_eq!(received.mail_from, "ac@example.go.th");
    assert_eq!(
        received.rcpt_to,
        [
            "chief@example.go.th",
            "group@example.go.th",
            "audit@example.go.th"
        ]
    );
    assert_eq!(
        received.auth.as_deref(),
        Some(format!("\0coordinator\0{PASSWORD}").as_str())
    );
    let message = MessageParser::default()
        .parse(&received.data)
        .expect("the message parses");
    assert_eq!(message.subject(), Some(SUBJECT));
    let id = message.message_id().expect("Message-ID");
    assert!(id.ends_with("@example.go.th"), "{id}");
    let addresses = |list: Option<&mail_parser::Address<'_>>| -> Vec<String> {
        let list = list.expect("address list");
        list.iter()
            .filter_map(|a| a.address().map(String::from))
            .collect()
    };
    assert_eq!(
        addresses(message.to()),
        ["chief@example.go.th", "group@example.go.th"]
    );
    assert_eq!(addresses(message.cc()), ["audit@example.go.th"]);
    let chief = message
        .to()
        .and_then(|to| to.first())
        .and_then(|a| a.name());
    assert_eq!(chief, Some("นายก อบจ."));

    let plain = message.body_text(0).expect("plain-text body").into_owned();
    let html = message.body_html(0).expect("HTML body").into_owned();
    for body in [&plain, &html] {
        for figure in [
            "จำนวน 81 โครงการ",
            "ดำเนินการแล้วเสร็จ 41 โครงการ",
            "อยู่ระหว่างดำเนินการ 40 โครงการ",
            "ระดับ (มาก) ร้อยละ 67.78",
            "8,536,600.00",
            "2,204,600.00",
            "31.82",
            "50.62",
            "สำนักปลัด",
            "หน่วยตรวจสอบภายใน",
            "** ข้อมูล ณ วันที่ 21 เมษายน 2565",
            "นางสาวกฤษอร เมืองมารนาบุญ",
        ] {
            assert!(body.contains(figure), "{figure} missing from\n{body}");
        }
    }
    assert!(html.contains("<table"), "{html}");
    let last = plain.trim_end().lines().last().unwrap_or("");
    assert!(last.contains(&sha256(summary)), "last line: {last}");
    assert!(
        html.trim_end()
            .trim_end_matches("</body></html>")
            .trim_end()
            .ends_with(&format!("{}</p>", sha256(summary))),
        "{html}"
    );

    let attachments: Vec<_> = message.attachments().collect();
    assert_eq!(attachments.len(), 1);
    let attachment = attachments[0];
    assert_eq!(attachment.attachment_name(), Some("สรุปผล.xlsx"));
    let content_type = attachment.content_type().expect("content type");
    let mime = format!(
        "{}/{}",
        content_type.ctype(),
        content_type.subtype().unwrap_or("")
    );
    assert_eq!(mime, XLSX);
    assert!(
        attachment.contents() == summary,
        "attachment differs from the summary"
    );
}

#[test]
fn mail_sends_the_samples_summary_with_its_figures_and_attachment() {
    let server = SmtpServer::start(Behaviour::Accept);
    let office = Office::new(server.port());
    let merged = office.merge(&[]);
    assert_eq!(code(&merged), 0, "{}", text(&merged));
    let sent = office.mail(&[]);
    assert_eq!(code(&sent), 0, "{}", text(&sent));
    assert!(
        text(&sent).contains("chief@example.go.th"),
        "{}",
        text(&sent)
    );
    let received = server.received();
    assert_eq!(received.len(), 1);
    let summary = office.summary_bytes();
    assert_samples_message(&received[0], &summary);
    let log = std::fs::read_to_string(office.dir.path().join(".planmerge-sent")).expect("log");
    assert!(log.contains(&sha256(&summary)), "{log}");
    assert!(log.contains("audit@example.go.th"), "{log}");
}

#[test]
fn merge_mail_sends_the_same_message_body_as_mail_and_never_twice_unasked() {
    let server = SmtpServer::start(Behaviour::Accept);
    let office = Office::new(server.port());
    let merged = office.merge(&["--mail"]);
    assert_eq!(code(&merged), 0, "{}", text(&merged));
    assert_eq!(server.received().len(), 1);
    assert_samples_message(&server.received()[0], &office.summary_bytes());

    // The same summary again: refused, asks for --resend, nothing sent.
    for again in [office.mail(&[]), office.merge(&["--mail"])] {
        assert_eq!(code(&again), 2, "{}", text(&again));
        assert!(text(&again).contains("--resend"), "{}", text(&again));
        assert!(text(&again).contains("ส่งไฟล์สรุปนี้ไปแล้ว"), "{}", text(&again));
        // When, as the office clock read it (Thai time, B.E.), not the log's UTC.
        assert!(text(&again).contains(" น. ถึง "), "{}", text(&again));
    }
    assert_eq!(server.received().len(), 1, "nothing sent twice");

    let resent = office.mail(&["--resend"]);
    assert_eq!(code(&resent), 0, "{}", text(&resent));
    let received = server.received();
    assert_eq!(received.len(), 2);
    let parse = |r: &Received| {
        let m = MessageParser::default().parse(&r.data).expect("parses");
        (
            m.body_text(0).map(|b| b.into_owned()),
            m.body_html(0).map(|b| b.into_owned()),
        )
    };
    assert_eq!(
        parse(&received[0]),
        parse(&received[1]),
        "merge --mail and mail give one body"
    );
    let log = std::fs::read_to_string(office.dir.path().join(".planmerge-sent")).expect("log");
    assert_eq!(
        log.lines().filter(|l| !l.starts_with('#')).count(),
        2,
        "{log}"
    );
}

#[test]
fn refused_login_exits_3_and_keeps_the_summary() {
    let server = SmtpServer::start(Behaviour::RefuseLogin);
    let office = Office::new(server.port());
    let out = office.merge(&["--mail"]);
    assert_eq!(code(&out), 3, "{}", text(&out));
    let said = text(&out);
    assert!(said.contains("ไม่ยอมรับการเข้าสู่ระบบของ coordinator"), "{said}");
    assert!(said.contains("535"), "{said}");
    assert!(said.contains("ยังอยู่ครบ"), "{said}");
    assert!(office.summary().is_file(), "the summary is kept");
    assert!(server.received().is_empty());
    assert!(!office.dir.path().join(".planmerge-sent").exists());
}

#[test]
fn unreachable_server_exits_3_and_keeps_the_summary() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("addr").port()
    }; // closed again: nothing listens there
    let office = Office::new(port);
    let merged = office.merge(&[]);
    assert_eq!(code(&merged), 0, "{}", text(&merged));
    let before = office.summary_bytes();
    let out = office.mail(&[]);
    assert_eq!(code(&out), 3, "{}", text(&out));
    assert!(
        text(&out).contains("ติดต่อเซิร์ฟเวอร์อีเมล 127.0.0.1"),
        "{}",
        text(&out)
    );
    assert_eq!(office.summary_bytes(), before, "the summary is unchanged");
}

#[test]
fn rejected_recipient_exits_3_and_sends_nothing() {
    let server = SmtpServer::start(Behaviour::RejectRecipient("audit@example.go.th".into()));
    let office = Office::new(server.port());
    let out = office.merge(&["--mail"]);
    assert_eq!(code(&out), 3, "{}", text(&out));
    assert!(text(&out).contains("ปฏิเสธ"), "{}", text(&out));
    assert!(text(&out).contains("audit@example.go.th"), "{}", text(&out));
    assert!(server.received().is_empty());
    assert!(office.summary().is_file());
}

#[test]
fn starttls_is_never_skipped_and_tls_is_never_faked() {
    // The test server offers no STARTTLS and speaks no TLS: neither mode may fall back to plain
    // text, so the password and the message never leave unencrypted.
    let server = SmtpServer::start(Behaviour::Accept);
    let office = Office::new(server.port());
    let merged = office.merge(&[]);
    assert_eq!(code(&merged), 0, "{}", text(&merged));
    let toml = std::fs::read_to_string(office.config()).expect("toml");
    for mode in ["starttls", "tls"] {
        let changed = toml.replace("tls = \"none\"", &format!("tls = \"{mode}\""));
        std::fs::write(office.config(), changed).expect("write");
        let out = office.mail(&[]);
        assert_eq!(code(&out), 3, "{mode}: {}", text(&out));
        assert!(text(&out).contains("(TLS)"), "{mode}: {}", text(&out));
        assert!(office.summary().is_file());
    }
    assert!(server.received().is_empty());
}

#[test]
fn starttls_and_tls_send_encrypted_to_a_trusted_server_only() {
    for mode in ["starttls", "tls"] {
        let (pem, config) = test_certificate();
        let encryption = match mode {
            "starttls" => Encryption::StartTls(config),
            _ => Encryption::Tls(config),
        };
        let server = SmtpServer::start_with(Behaviour::Accept, encryption);
        let office = Office::new(server.port());
        let toml = std::fs::read_to_string(office.config()).expect("toml");
        let toml = toml.replace("tls = \"none\"", &format!("tls = \"{mode}\""));
        std::fs::write(office.config(), toml).expect("write");
        let merged = office.merge(&[]);
        assert_eq!(code(&merged), 0, "{}", text(&merged));
        // The test's own certificate is trusted through SSL_CERT_FILE (rustls-native-certs).
        let (trusted, other) = (
            office.dir.path().join("ca.pem"),
            office.dir.path().join("other.pem"),
        );
        std::fs::write(&trusted, pem).expect("ca.pem");
        std::fs::write(&other, test_certificate().0).expect("other.pem");

        let untrusted = planmerge()
            .env("SSL_CERT_FILE", &other)
            .arg("mail")
            .arg(office.summary())
            .output()
            .expect("run");
        assert_eq!(code(&untrusted), 3, "{mode}: {}", text(&untrusted));
        assert!(
            text(&untrusted).contains("(TLS)"),
            "{mode}: {}",
            text(&untrusted)
        );
        assert!(
            server.received().is_empty(),
            "{mode}: nothing sent to an untrusted server"
        );

        let sent = planmerge()
            .env("SSL_CERT_FILE", &trusted)
            .arg("mail")
            .arg(office.summary())
            .output()
            .expect("run");
        assert_eq!(code(&sent), 0, "{mode}: {}", text(&sent));
        let received = server.received();
        assert_eq!(received.len(), 1, "{mode}");
        assert!(received[0].encrypted, "{mode}: sent over TLS");
        assert_samples_message(&received[0], &office.summary_bytes());
    }
}

#[test]
fn merge_mail_json_keeps_one_json_document_on_stdout() {
    let server = SmtpServer::start(Behaviour::Accept);
    let office = Office::new(server.port());
    let out = office.merge(&["--mail", "--json"]);
    assert_eq!(code(&out), 0, "{}", text(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(json["ok"], true);
    assert!(String::from_utf8_lossy(&out.stderr).contains("emailed สรุปผล.xlsx"));
    assert_eq!(server.received().len(), 1);
}

#[test]
fn missing_password_is_refused_before_merging() {
    let server = SmtpServer::start(Behaviour::Accept);
    let office = Office::new(server.port());
    let mut command = planmerge();
    command.env_remove("PLANMERGE_SMTP_PASSWORD");
    command
        .arg("merge")
        .arg(samples())
        .arg("-c")
        .arg(office.config());
    let out = command
        .arg("-o")
        .arg(office.summary())
        .arg("--mail")
        .output()
        .expect("run");
    assert_eq!(code(&out), 2, "{}", text(&out));
    assert!(
        text(&out).contains("PLANMERGE_SMTP_PASSWORD"),
        "{}",
        text(&out)
    );
    assert!(!office.summary().exists(), "nothing merged");
}

/// A folder whose one division file has a dimension 5: an error.
fn folder_with_an_error(port: u16) -> tempfile::TempDir {
    let mut bad = words_row(2, "โครงการผิด", 5.0, 50.0);
    bad[2] = V::N(5.0);
    let (dir, _) = folder_with_rows(&[words_row(1, "โครงการดี", 1.0, 100.0), bad]);
    let toml = format!("{REPORT_TOML}{}", mail_section(port));
    std::fs::write(dir.path().join("report.toml"), toml).expect("report.toml");
    dir
}

#[test]
fn merge_mail_with_a_data_error_sends_nothing_and_a_draft_only_when_asked() {
    let server = SmtpServer::start(Behaviour::Accept);
    let dir = folder_with_an_error(server.port());
    let merge = |args: &[&str]| {
        let mut command = planmerge();
        command
            .current_dir(dir.path())
            .args(["merge", "."])
            .args(args);
        command.output().expect("run")
    };
    let out = merge(&["--mail"]);
    assert_eq!(code(&out), 1, "{}", text(&out));
    assert!(text(&out).contains("ไม่ได้ส่งอีเมล"), "{}", text(&out));
    assert!(!dir.path().join("summary.xlsx").exists());

    let out = merge(&["--draft", "--mail"]);
    assert_eq!(code(&out), 1, "{}", text(&out));
    assert!(text(&out).contains("--mail-draft"), "{}", text(&out));
    assert!(
        dir.path().join("summary.xlsx").exists(),
        "the draft is written"
    );
    assert!(server.received().is_empty(), "no draft sent unasked");

    let out = planmerge()
        .current_dir(dir.path())
        .args(["mail", "summary.xlsx"])
        .output()
        .expect("run");
    assert_eq!(code(&out), 2, "{}", text(&out));
    assert!(text(&out).contains("เป็นร่าง"), "{}", text(&out));
    assert!(server.received().is_empty());

    let out = merge(&["--draft", "--mail-draft"]);
    assert_eq!(code(&out), 1, "{}", text(&out));
    let received = server.received();
    assert_eq!(received.len(), 1, "{}", text(&out));
    let message = MessageParser::default()
        .parse(&received[0].data)
        .expect("parses");
    assert_eq!(message.subject(), Some(format!("ร่าง — {SUBJECT}").as_str()));
    let plain = message.body_text(0).expect("plain").into_owned();
    assert!(plain.contains("ร่าง — มีข้อผิดพลาด 1 รายการ"), "{plain}");
}

#[test]
fn eml_for_the_samples_parses_back_with_its_attachment_intact() {
    let office = Office::new(25);
    let merged = office.merge(&[]);
    assert_eq!(code(&merged), 0, "{}", text(&merged));
    let eml = office.dir.path().join("รายงาน.eml");
    let out = office.mail(&["--eml", eml.to_str().expect("utf-8 path")]);
    assert_eq!(code(&out), 0, "{}", text(&out));
    let bytes = std::fs::read(&eml).expect("eml written");
    let message = MessageParser::default()
        .parse(&bytes)
        .expect("the .eml parses");
    assert_eq!(message.subject(), Some(SUBJECT));
    assert_eq!(message.header_raw("X-Unsent").map(str::trim), Some("1"));
    let summary = office.summary_bytes();
    let attachment = message.attachments().next().expect("one attachment");
    assert_eq!(attachment.attachment_name(), Some("สรุปผล.xlsx"));
    assert!(
        attachment.contents() == summary.as_slice(),
        "attachment intact"
    );
    let plain = message.body_text(0).expect("plain");
    assert!(plain.contains("จำนวน 81 โครงการ") && plain.contains(&sha256(&summary)));
    assert!(
        !office.dir.path().join(".planmerge-sent").exists(),
        "an .eml is not a send"
    );
}

#[test]
fn a_summary_under_the_default_name_is_attached_under_its_rounds() {
    let office = Office::new(25);
    let summary = office.dir.path().join("summary.xlsx");
    let mut merge = planmerge();
    merge
        .arg("merge")
        .arg(samples())
        .arg("-c")
        .arg(office.config());
    let merged = merge.arg("-o").arg(&summary).output().expect("merge");
    assert_eq!(code(&merged), 0, "{}", text(&merged));
    let eml = office.dir.path().join("รายงาน.eml");
    let mut mail = planmerge();
    mail.arg("mail").arg(&summary).arg("--eml").arg(&eml);
    let out = mail.output().expect("mail");
    assert_eq!(code(&out), 0, "{}", text(&out));
    let bytes = std::fs::read(&eml).expect("eml written");
    let message = MessageParser::default().parse(&bytes).expect("parses");
    let attachment = message.attachments().next().expect("one attachment");
    assert_eq!(
        attachment.attachment_name(),
        Some("สรุปผล-2565-รอบ6เดือน.xlsx")
    );
}

#[test]
fn tls_none_towards_another_host_is_a_configuration_error() {
    let office = Office::new(2525);
    let toml = std::fs::read_to_string(office.config()).expect("toml");
    let remote = toml.replace(
        "smtp_host = \"127.0.0.1\"",
        "smtp_host = \"smtp.example.go.th\"",
    );
    std::fs::write(office.config(), remote).expect("write");
    let out = office.merge(&["--mail"]);
    assert_eq!(code(&out), 2, "{}", text(&out));
    assert!(text(&out).contains("loopback"), "{}", text(&out));
    assert!(!office.summary().exists());

    let unknown = toml.replace("username =", "smtp_user =");
    std::fs::write(office.config(), unknown).expect("write");
    let out = office.merge(&["--mail"]);
    assert_eq!(code(&out), 2, "{}", text(&out));
    assert!(text(&out).contains("smtp_user"), "{}", text(&out));
}

#[test]
fn another_rounds_summary_is_refused() {
    let office = Office::new(2525);
    let merged = office.merge(&[]);
    assert_eq!(code(&merged), 0, "{}", text(&merged));
    let toml = std::fs::read_to_string(office.config()).expect("toml");
    std::fs::write(office.config(), toml.replace("round = 6", "round = 12")).expect("write");
    let out = office.mail(&["--eml", "x.eml"]);
    assert_eq!(code(&out), 2, "{}", text(&out));
    assert!(text(&out).contains("รอบ 6 เดือน"), "{}", text(&out));
    assert!(text(&out).contains("รอบนี้"), "{}", text(&out));
}

#[test]
fn summary_read_back_has_the_computed_figures_and_gives_the_same_body() {
    let dir = tempfile::tempdir().expect("tempdir");
    for data in [SeedData::clean(), SeedData::with_errors()] {
        let path = dir.path().join("summary.xlsx");
        data.write(&path).expect("written");
        let figures = read_figures(&std::fs::read(&path).expect("read")).expect("figures");
        assert_eq!(figures.totals, data.totals);
        let banner = data.summary().banner_text();
        assert_eq!(figures.banner, banner);
        assert_eq!(figures.draft, data.summary().is_draft());
        let report = |totals| Report {
            config: &data.config,
            totals,
            banner: banner.as_deref(),
            since_previous: None,
            file_name: "summary.xlsx",
            sha256: "0",
        };
        assert_eq!(
            report(&figures.totals).plain(),
            report(&data.totals).plain()
        );
        assert_eq!(report(&figures.totals).html(), report(&data.totals).html());
    }
}

#[test]
fn a_workbook_that_is_not_a_summary_is_refused() {
    let (dir, division) = folder_with_rows(&[words_row(1, "โครงการ", 1.0, 1.0)]);
    let toml = format!("{REPORT_TOML}{}", mail_section(2525));
    std::fs::write(dir.path().join("report.toml"), toml).expect("report.toml");
    let out = planmerge()
        .current_dir(dir.path())
        .arg("mail")
        .arg(&division)
        .output()
        .expect("run");
    assert_eq!(code(&out), 2, "{}", text(&out));
    assert!(text(&out).contains("อ่านไฟล์สรุป"), "{}", text(&out));
    assert!(
        text(&out).contains("สรุปผล"),
        "names the missing sheet: {}",
        text(&out)
    );
}

#[test]
fn without_a_mail_section_mail_is_refused() {
    let (dir, _) = folder_with_rows(&[words_row(1, "โครงการ", 1.0, 1.0)]);
    let out = planmerge()
        .current_dir(dir.path())
        .args(["merge", ".", "--mail"])
        .output()
        .expect("run");
    assert_eq!(code(&out), 2, "{}", text(&out));
    assert!(text(&out).contains("ไม่มีส่วน [mail]"), "{}", text(&out));
    assert!(!dir.path().join("summary.xlsx").exists());
}

#[test]
fn plain_body_for_the_seed_reads_as_the_report() {
    let data = SeedData::clean();
    let report = Report {
        config: &data.config,
        totals: &data.totals,
        banner: None,
        since_previous: None,
        file_name: "สรุปผล.xlsx",
        sha256: &"0".repeat(64),
    };
    insta::assert_snapshot!("seed_plain_body", report.plain());
}

/// The 12-month round's mail says, as its summary's สรุปผลการขับเคลื่อนแผนฯ does, how far it
/// came since the 6-month round: sent by `merge --mail` and written by `mail --eml` alike.
#[test]
fn the_twelve_month_mail_carries_the_comparison_with_the_previous_round() {
    let server = SmtpServer::start(Behaviour::Accept);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("tempdir");
    let toml = crate::support::twelve_month_toml();
    let config = dir.path().join("report.toml");
    std::fs::write(&config, format!("{toml}{}", mail_section(server.port()))).expect("toml");
    let summary = dir.path().join("สรุปผล.xlsx");
    let merged = planmerge()
        .arg("merge")
        .arg(root.join("samples/12-month"))
        .arg("-c")
        .arg(&config)
        .arg("-o")
        .arg(&summary)
        .arg("--mail")
        .output()
        .expect("merge");
    assert_eq!(code(&merged), 0, "{}", text(&merged));
    let line = "- เทียบกับรอบก่อน ดำเนินการแล้วเสร็จเพิ่มขึ้น 33 โครงการ (41 → 74)";
    let received = server.received();
    assert_eq!(received.len(), 1);
    let sent = MessageParser::default()
        .parse(&received[0].data)
        .expect("parses");
    let plain = sent.body_text(0).expect("plain");
    assert!(plain.contains(line), "{plain}");
    assert!(sent.body_html(0).expect("html").contains(line));
    let eml = dir.path().join("x.eml");
    let written = planmerge()
        .arg("mail")
        .arg(&summary)
        .arg("--eml")
        .arg(&eml)
        .output()
        .expect("mail");
    assert_eq!(code(&written), 0, "{}", text(&written));
    let bytes = std::fs::read(&eml).expect("eml");
    let read_back = MessageParser::default().parse(&bytes).expect("parses");
    assert_eq!(read_back.body_text(0), sent.body_text(0), "the same body");
}

/// A summary missing a listed division is mailed as it is (it is no draft: no ร่าง in the
/// subject, no `--draft` needed), its warning first in the body.
#[test]
fn a_report_missing_a_division_is_mailed_with_its_warning_first() {
    let office = Office::new(25);
    let toml = std::fs::read_to_string(office.config()).expect("toml");
    let listed = toml.replacen(
        "\n[mail]",
        "\ndivisions = [\"กองคลัง\", \"กองที่ยังไม่ส่ง\"]\n\n[mail]",
        1,
    );
    std::fs::write(office.config(), listed).expect("toml");
    let merged = office.merge(&[]);
    assert_eq!(code(&merged), 0, "{}", text(&merged));
    let eml = office.dir.path().join("รายงาน.eml");
    let out = office.mail(&["--eml", eml.to_str().expect("utf-8 path")]);
    assert_eq!(code(&out), 0, "{}", text(&out));
    let bytes = std::fs::read(&eml).expect("eml written");
    let message = MessageParser::default().parse(&bytes).expect("parses");
    assert_eq!(message.subject(), Some(SUBJECT));
    let plain = message.body_text(0).expect("plain");
    assert!(
        plain.starts_with("*** ข้อมูลยังไม่ครบ — ยังไม่ได้รับไฟล์ของ กองที่ยังไม่ส่ง"),
        "{plain}"
    );
    assert!(plain.contains("จำนวน 81 โครงการ"), "{plain}");
}

/// `--eml` never writes over a file that is no .eml (a division's workbook typed by mistake);
/// an earlier .eml of the same report is written over, as a re-run expects.
#[test]
fn an_eml_is_never_written_over_a_file_that_is_not_one() {
    let office = Office::new(25);
    let merged = office.merge(&[]);
    assert_eq!(code(&merged), 0, "{}", text(&merged));
    let workbook = office.dir.path().join("กองคลัง.xlsx");
    std::fs::write(&workbook, b"a division's workbook").expect("write");
    let out = office.mail(&["--eml", workbook.to_str().expect("utf-8 path")]);
    assert_eq!(code(&out), 2, "{}", text(&out));
    assert!(
        text(&out).contains("ไม่ใช่ไฟล์อีเมล (.eml) จะไม่เขียนทับ"),
        "{}",
        text(&out)
    );
    assert_eq!(
        std::fs::read(&workbook).expect("kept"),
        b"a division's workbook"
    );
    let eml = office.dir.path().join("รายงาน.eml");
    std::fs::write(&eml, b"last run's message").expect("write");
    let out = office.mail(&["--eml", eml.to_str().expect("utf-8 path")]);
    assert_eq!(code(&out), 0, "{}", text(&out));
    let bytes = std::fs::read(&eml).expect("written");
    let message = MessageParser::default().parse(&bytes).expect("parses");
    assert_eq!(message.subject(), Some(SUBJECT));
}
