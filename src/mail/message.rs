//! The email itself (RFC 5322, built by lettre): From, To, Cc, the Thai subject (RFC 2047
//! encoded by lettre), a multipart/alternative of the plain-text and HTML bodies, and the
//! summary attached under its own file name (RFC 2231 `filename*`) with the xlsx MIME type.

use crate::config::mail::MailConfig;
use lettre::Message;
use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
use lettre::message::{Attachment, MultiPart};
use sha2::{Digest, Sha256};
use std::time::{SystemTime, UNIX_EPOCH};

/// The MIME type of an xlsx workbook.
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// What goes into one message.
#[derive(Debug, Clone, Copy)]
pub struct Parts<'a> {
    /// The subject, ร่าง already prefixed for a draft.
    pub subject: &'a str,
    /// The plain-text body.
    pub plain: &'a str,
    /// The HTML body.
    pub html: &'a str,
    /// The attachment's file name (Thai allowed).
    pub file_name: &'a str,
    /// The attachment's bytes, exactly as on disk.
    pub bytes: &'a [u8],
}

/// `X-Unsent: 1`: Outlook opens such an .eml as a message ready to send rather than a received
/// one; other programs ignore it.
#[derive(Debug, Clone, Copy)]
struct XUnsent;

impl Header for XUnsent {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("X-Unsent")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(XUnsent)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "1".to_string())
    }
}

/// The subject for a summary: the configured one, `ร่าง — ` before it for a draft.
pub fn subject(mail: &MailConfig, draft: bool) -> String {
    if draft {
        format!("ร่าง — {}", mail.subject)
    } else {
        mail.subject.clone()
    }
}

/// `<first 16 hex digits of the attachment's SHA-256>.<nanoseconds now>@<the sender's domain>`:
/// unique per message (a resend gets a new one), and naming no host of the sender's machine.
fn message_id(mail: &MailConfig, bytes: &[u8]) -> String {
    let digest: String = Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("<{digest}.{now}@{}>", mail.from.email.domain())
}

/// Builds the message; `unsent` marks it as a draft to send (for an .eml file).
pub fn build(mail: &MailConfig, parts: &Parts<'_>, unsent: bool) -> Result<Message, String> {
    let mut builder = Message::builder()
        .message_id(Some(message_id(mail, parts.bytes)))
        .from(mail.from.clone())
        .subject(parts.subject)
        .user_agent(format!("planmerge {}", env!("CARGO_PKG_VERSION")));
    for to in &mail.to {
        builder = builder.to(to.clone());
    }
    for cc in &mail.cc {
        builder = builder.cc(cc.clone());
    }
    if unsent {
        builder = builder.header(XUnsent);
    }
    let content_type = ContentType::parse(XLSX_MIME).map_err(|e| e.to_string())?;
    let attachment =
        Attachment::new(parts.file_name.to_string()).body(parts.bytes.to_vec(), content_type);
    let body = MultiPart::mixed()
        .multipart(MultiPart::alternative_plain_html(
            parts.plain.to_string(),
            parts.html.to_string(),
        ))
        .singlepart(attachment);
    builder.multipart(body).map_err(|e| e.to_string())
}
