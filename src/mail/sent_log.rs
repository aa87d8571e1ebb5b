//! `.planmerge-sent`, beside the summary: one line per message sent (SHA-256 of the attachment,
//! time in UTC, file name, recipients), so a retried `mail` or `merge --mail` does not send the
//! same summary twice unless `--resend` is given. Appended to, never rewritten; lines that do
//! not parse are ignored (a person may have edited the file).

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// The log's file name.
pub const LOG_NAME: &str = ".planmerge-sent";

/// The first line of a new log.
const HEADER: &str = "# planmerge: สรุปที่ส่งทางอีเมลแล้ว · summaries sent by email \
                      (SHA-256, time UTC, file, recipients; tab-separated)";

/// One message sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentEntry {
    /// SHA-256 of the attachment, lowercase hex.
    pub sha256: String,
    /// When, `2026-04-21T09:30:00Z`.
    pub time: String,
    /// The summary's file name.
    pub file: String,
    /// Every recipient (to and cc), comma-separated.
    pub recipients: String,
}

impl SentEntry {
    fn line(&self) -> String {
        let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
        format!(
            "{}\t{}\t{}\t{}\n",
            self.sha256,
            self.time,
            clean(&self.file),
            clean(&self.recipients)
        )
    }

    fn parse(line: &str) -> Option<Self> {
        let mut fields = line.split('\t');
        let sha256 = fields.next()?.trim();
        if sha256.len() != 64 || !sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        Some(SentEntry {
            sha256: sha256.to_ascii_lowercase(),
            time: fields.next().unwrap_or("").to_string(),
            file: fields.next().unwrap_or("").to_string(),
            recipients: fields.next().unwrap_or("").trim_end().to_string(),
        })
    }
}

/// The log beside a summary.
#[derive(Debug, Clone)]
pub struct SentLog {
    path: PathBuf,
}

impl SentLog {
    /// The log in the summary's folder.
    pub fn beside(summary: &Path) -> Self {
        let folder = summary.parent().filter(|p| !p.as_os_str().is_empty());
        SentLog {
            path: folder.unwrap_or(Path::new(".")).join(LOG_NAME),
        }
    }

    /// Where the log is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The last send of a summary with this SHA-256, if any; no log yet is no send.
    pub fn find(&self, sha256: &str) -> std::io::Result<Option<SentEntry>> {
        let text = match std::fs::read(&self.path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        Ok(text
            .lines()
            .rev()
            .filter_map(SentEntry::parse)
            .find(|entry| entry.sha256.eq_ignore_ascii_case(sha256)))
    }

    /// Appends one send (creating the log with its header line).
    pub fn record(&self, entry: &SentEntry) -> std::io::Result<()> {
        let new = !self.path.exists();
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)?;
        let mut text = String::new();
        if new {
            text.push_str(HEADER);
            text.push('\n');
        }
        text.push_str(&entry.line());
        file.write_all(text.as_bytes())?;
        file.sync_all()
    }
}

/// The current time, UTC, as `2026-04-21T09:30:00Z`.
pub fn utc_now() -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    crate::schema::time::utc_time(seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recorded_send_is_found_by_its_sha256() {
        let dir = tempfile::tempdir().unwrap();
        let log = SentLog::beside(&dir.path().join("summary.xlsx"));
        let sha = "ab".repeat(32);
        assert_eq!(log.find(&sha).unwrap(), None);
        let entry = SentEntry {
            sha256: sha.clone(),
            time: utc_now(),
            file: "สรุป\t.xlsx".into(),
            recipients: "a@example.go.th, b@example.go.th".into(),
        };
        log.record(&entry).unwrap();
        log.record(&entry).unwrap();
        let found = log.find(&sha.to_uppercase()).unwrap().unwrap();
        assert_eq!(found.file, "สรุป .xlsx");
        assert_eq!(found.recipients, entry.recipients);
        assert_eq!(log.find(&"cd".repeat(32)).unwrap(), None);
        let text = std::fs::read_to_string(log.path()).unwrap();
        assert_eq!(text.lines().filter(|l| l.starts_with('#')).count(), 1);
    }
}
