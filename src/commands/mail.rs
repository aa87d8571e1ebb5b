//! The flow of `planmerge mail SUMMARY.xlsx` and of `merge --mail` after the summary is
//! written: check the configuration, read the summary's bytes once (they are both the
//! attachment and, for `mail`, the figures), refuse a second send of the same bytes without
//! `--resend`, send (or write the .eml), and record the send in `.planmerge-sent`.

use crate::cli::MailArgs;
use crate::commands::{CommandError, Outcome};
use crate::compute::ReportTotals;
use crate::config::mail::{MailConfig, PASSWORD_VAR};
use crate::config::{self, ConfigError, ReportConfig};
use crate::mail::body::Report;
use crate::mail::figures::{SummaryFigures, read_figures};
use crate::mail::message::{self, Parts};
use crate::mail::sent_log::{SentEntry, SentLog, utc_now};
use crate::mail::{MailError, send};
use lettre::Message;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

/// `planmerge mail SUMMARY.xlsx [-c FILE] [--eml OUT.eml] [--resend] [--draft]`.
pub fn run(
    args: &MailArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<Outcome, CommandError> {
    let config_path = locate_config(args.config.as_deref(), &args.summary)?;
    let config = ReportConfig::load(&config_path)?;
    let mail = configured(&config, &config_path.display().to_string())?;
    let shown = args.summary.display().to_string();
    let unreadable = |reason: String| MailError::SummaryUnreadable {
        path: shown.clone(),
        reason,
    };
    let bytes = std::fs::read(&args.summary).map_err(|e| unreadable(e.to_string()))?;
    let figures = read_figures(&bytes).map_err(unreadable)?;
    same_report(&figures, &config, &shown)?;
    if figures.draft && !args.draft {
        return Err(MailError::Draft { path: shown }.into());
    }
    let outgoing = Outgoing {
        config: &config,
        mail,
        totals: &figures.totals,
        banner: figures.banner.as_deref(),
        draft: figures.draft,
        since_previous: figures.since_previous.as_deref(),
        summary: &args.summary,
        bytes: &bytes,
    };
    match &args.eml {
        Some(eml) => outgoing.write_eml(eml, stdout)?,
        None => outgoing.deliver(args.resend, stdout)?,
    }
    let _ = stderr;
    Ok(Outcome::Clean)
}

/// Before `merge --mail` reads any file: a `[mail]` section, and the password when a login is
/// configured, so a merge does not run only to fail at the end.
pub fn check_ready(config: &ReportConfig) -> Result<(), CommandError> {
    let mail = configured(config, config::FILE_NAME)?;
    password(mail)?;
    Ok(())
}

/// After `merge --mail` wrote `summary`: sends it with the totals just computed (the same body
/// as `mail SUMMARY.xlsx` gives for that file). `draft` is the banner of a draft summary,
/// `since_previous` the line comparing with the previous round, when there was one.
pub fn after_merge(
    config: &ReportConfig,
    totals: &ReportTotals,
    summary: &Path,
    (banner, draft): (Option<&str>, bool),
    since_previous: Option<&str>,
    resend: bool,
    out: &mut dyn Write,
) -> Result<(), CommandError> {
    let mail = configured(config, config::FILE_NAME)?;
    let bytes = std::fs::read(summary).map_err(|e| MailError::SummaryUnreadable {
        path: summary.display().to_string(),
        reason: e.to_string(),
    })?;
    let outgoing = Outgoing {
        config,
        mail,
        totals,
        banner,
        draft,
        since_previous,
        summary,
        bytes: &bytes,
    };
    outgoing.deliver(resend, out)
}

/// `-c FILE`, else `report.toml` beside the summary, else in the current folder.
fn locate_config(explicit: Option<&Path>, summary: &Path) -> Result<PathBuf, ConfigError> {
    if let Some(path) = explicit {
        return Ok(path.to_path_buf());
    }
    let beside = summary
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let candidates = [
        beside.join(config::FILE_NAME),
        PathBuf::from(config::FILE_NAME),
    ];
    let searched = match beside == Path::new(".") {
        true => ".".to_string(),
        false => format!("{}, .", beside.display()),
    };
    if let Some(found) = candidates.iter().find(|c| c.is_file()) {
        return Ok(found.clone());
    }
    Err(candidates
        .iter()
        .find_map(|c| config::misnamed(c))
        .unwrap_or(ConfigError::Missing { searched }))
}

/// The `[mail]` section, or why there is none.
fn configured<'c>(config: &'c ReportConfig, shown: &str) -> Result<&'c MailConfig, MailError> {
    config
        .mail
        .as_ref()
        .ok_or_else(|| MailError::NotConfigured {
            config: shown.to_string(),
        })
}

/// The SMTP password from the environment, when a login is configured.
fn password(mail: &MailConfig) -> Result<Option<String>, MailError> {
    let Some(user) = &mail.username else {
        return Ok(None);
    };
    match std::env::var(PASSWORD_VAR) {
        Ok(password) if !password.is_empty() => Ok(Some(password)),
        _ => Err(MailError::PasswordMissing { user: user.clone() }),
    }
}

/// The summary must be the configured report's: title (year and round), organization, as-of
/// date — so last round's file is not sent by mistake.
fn same_report(
    figures: &SummaryFigures,
    config: &ReportConfig,
    shown: &str,
) -> Result<(), MailError> {
    let title = format!(
        "รายงานผลการนำแผนไปปฏิบัติ ประจำปีงบประมาณ พ.ศ. {} รอบ {} เดือน",
        config.fiscal_year, config.round
    );
    let as_of = format!("** ข้อมูล ณ วันที่ {}", config.as_of.thai());
    let pairs = [
        (&figures.title, &title),
        (&figures.organization, &config.organization),
        (&figures.as_of_line, &as_of),
    ];
    match pairs
        .into_iter()
        .find(|(found, expected)| found != expected)
    {
        Some((found, expected)) => Err(MailError::OtherReport {
            path: shown.to_string(),
            found: found.clone(),
            expected: expected.clone(),
        }),
        None => Ok(()),
    }
}

/// One summary on its way out.
struct Outgoing<'a> {
    config: &'a ReportConfig,
    mail: &'a MailConfig,
    totals: &'a ReportTotals,
    /// The summary's banner (draft, divisions missing), shown first in the body.
    banner: Option<&'a str>,
    /// Whether it is a draft (ร่าง in the subject).
    draft: bool,
    since_previous: Option<&'a str>,
    summary: &'a Path,
    bytes: &'a [u8],
}

impl Outgoing<'_> {
    /// The attachment's file name: the summary's own, unless it is the default `summary.xlsx`,
    /// which says nothing in an executive's inbox beside last round's: then the round's,
    /// `สรุปผล-2565-รอบ6เดือน.xlsx`.
    fn file_name(&self) -> String {
        let own = self.summary.file_name().map(|n| n.to_string_lossy());
        match own {
            Some(name) if name != "summary.xlsx" => name.into_owned(),
            _ => format!(
                "สรุปผล-{}-รอบ{}เดือน.xlsx",
                self.config.fiscal_year, self.config.round
            ),
        }
    }

    /// The message, with the body's checksum line for these bytes.
    fn message(&self, sha256: &str, unsent: bool) -> Result<Message, MailError> {
        let file_name = self.file_name();
        let report = Report {
            config: self.config,
            totals: self.totals,
            banner: self.banner,
            since_previous: self.since_previous,
            file_name: &file_name,
            sha256,
        };
        let (plain, html) = (report.plain(), report.html());
        let subject = message::subject(self.mail, self.draft);
        let parts = Parts {
            subject: &subject,
            plain: &plain,
            html: &html,
            file_name: &file_name,
            bytes: self.bytes,
        };
        message::build(self.mail, &parts, unsent).map_err(MailError::Build)
    }

    /// `a@x, b@y`: every recipient, to then cc.
    fn recipients(&self) -> String {
        let all = self.mail.to.iter().chain(&self.mail.cc);
        all.map(|m| m.email.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Writes the message to `eml` (marked unsent, for a mail program to open and send).
    fn write_eml(&self, eml: &Path, out: &mut dyn Write) -> Result<(), CommandError> {
        let shown = eml.display().to_string();
        let same = |a: &Path, b: &Path| matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b);
        if same(eml, self.summary) {
            return Err(MailError::EmlIsSummary(shown).into());
        }
        let is_eml = eml
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("eml"));
        if eml.exists() && !is_eml {
            return Err(MailError::EmlOverOther(shown).into());
        }
        let message = self.message(&sha256_hex(self.bytes), true)?;
        std::fs::write(eml, message.formatted()).map_err(|source| MailError::Eml {
            path: shown.clone(),
            source,
        })?;
        writeln!(
            out,
            "เขียนอีเมล {shown} แล้ว (ยังไม่ได้ส่ง เปิดด้วยโปรแกรมอีเมลเพื่อส่ง) · wrote {shown} (not sent; open it in a mail program to send)"
        )?;
        Ok(())
    }

    /// Sends, unless these bytes were sent before and `resend` is not given; records the send.
    fn deliver(&self, resend: bool, out: &mut dyn Write) -> Result<(), CommandError> {
        let password = password(self.mail)?;
        let sha256 = sha256_hex(self.bytes);
        let log = SentLog::beside(self.summary);
        let log_path = log.path().display().to_string();
        if !resend {
            let earlier = log
                .find(&sha256)
                .map_err(|source| MailError::LogUnreadable {
                    path: log_path.clone(),
                    source,
                })?;
            if let Some(entry) = earlier {
                return Err(MailError::AlreadySent {
                    time: crate::schema::time::thai_moment(&entry.time),
                    recipients: entry.recipients,
                    log: log_path,
                }
                .into());
            }
        }
        let message = self.message(&sha256, false)?;
        send::send(self.mail, password.as_deref(), &message).map_err(|e| MailError::NotSent {
            summary: self.summary.display().to_string(),
            cause: Box::new(e),
        })?;
        let (file, recipients) = (self.file_name(), self.recipients());
        let entry = SentEntry {
            sha256,
            time: utc_now(),
            file: file.clone(),
            recipients: recipients.clone(),
        };
        log.record(&entry)
            .map_err(|source| MailError::LogNotWritten {
                path: log_path,
                source,
            })?;
        writeln!(
            out,
            "ส่งอีเมลพร้อมไฟล์ {file} ถึง {recipients} แล้ว · emailed {file} to {recipients}"
        )?;
        Ok(())
    }
}

/// SHA-256 of `bytes`, lowercase hex.
fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
