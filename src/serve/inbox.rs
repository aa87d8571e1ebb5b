//! The round's folder as the server's only state (`FOLDER/inbox/`): one current file per
//! division, named by the division, and every upload ever received kept under
//! `inbox/.versions/<division>/` with its time and SHA-256 — nothing is lost, and a restarted
//! server knows everything it knew. Files are written to a temporary name and renamed, so no
//! request can leave half a file behind.

use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// What a spreadsheet's bytes are, judged by their content (never by the name a browser sent).
pub fn spreadsheet_kind(bytes: &[u8]) -> Option<&'static str> {
    const COMPOUND: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    if bytes.starts_with(&COMPOUND) {
        return Some("xls");
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return None;
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    if zip.by_name("xl/workbook.xml").is_ok() {
        return Some("xlsx");
    }
    if zip.by_name("xl/workbook.bin").is_ok() {
        return Some("xlsb");
    }
    let mut mimetype = String::new();
    let read = zip
        .by_name("mimetype")
        .ok()
        .and_then(|mut f| std::io::Read::read_to_string(&mut f, &mut mimetype).ok());
    (read.is_some() && mimetype.trim() == "application/vnd.oasis.opendocument.spreadsheet")
        .then_some("ods")
}

/// A division's name as typed, made safe: trimmed, whitespace collapsed, zero-width characters
/// gone; `None` when empty, too long, or holding a character a file name cannot (`/ \ : * ? " <
/// > |`, control characters) or starting with a dot.
pub fn division_name(typed: &str) -> Option<String> {
    let name = crate::schema::text::clean_text(typed);
    // `กองคลัง.xlsx` typed for กองคลัง (the file's name copied): the division, not a new one.
    let name = match name.rsplit_once('.') {
        Some((stem, ext)) if crate::read::EXTENSIONS.contains(&&*ext.to_ascii_lowercase()) => {
            stem.trim().to_string()
        }
        _ => name,
    };
    let bad = |c: char| c.is_control() || r#"/\:*?"<>|"#.contains(c);
    // 80 letters, and few enough bytes that the kept copy's name (division, time, hash) stays
    // under the 255 bytes a file name may have: 60 Thai letters take 180.
    let ok = !name.is_empty()
        && name.chars().count() <= 80
        && name.len() <= 180
        && !name.starts_with('.')
        && !name.chars().any(bad);
    ok.then_some(name)
}

/// The inbox of a round's folder.
#[derive(Debug, Clone)]
pub struct Inbox {
    dir: PathBuf,
}

/// One division's current file.
#[derive(Debug, Clone)]
pub struct Current {
    /// The division.
    pub division: String,
    /// The file.
    pub path: PathBuf,
    /// When it was received (seconds since the epoch).
    pub received: u64,
    /// Whether it came through the drop box or lies in the round folder itself.
    pub origin: Origin,
}

/// Where a division's current file came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Sent through the drop box: `inbox/<division>.<ext>`.
    Sent,
    /// Put in the round folder by hand (see [`super::round`]).
    Folder,
}

impl Inbox {
    /// The inbox of `folder` (created on the first upload).
    pub fn new(folder: &Path) -> Self {
        Inbox {
            dir: folder.join("inbox"),
        }
    }

    /// Keeps an upload: a new version (never overwritten), then the division's current file
    /// (atomically replaced). Returns the current file's path.
    pub fn store(&self, division: &str, kind: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
        let versions = self.dir.join(".versions").join(division);
        std::fs::create_dir_all(&versions)?;
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        let sha = hex(&Sha256::digest(bytes));
        let nonce: u32 = rand::random();
        let version = versions.join(format!(
            "{}.{:09}-{}-{nonce:08x}.{kind}",
            now.as_secs(),
            now.subsec_nanos(),
            &sha[..16]
        ));
        write_atomically(&version, bytes)?;
        let current = self.dir.join(format!("{division}.{kind}"));
        write_atomically(&current, bytes)?;
        // One current file per division: an earlier one in another format goes (its bytes stay
        // among the versions).
        for ext in crate::read::EXTENSIONS.iter().filter(|e| **e != kind) {
            let _ = std::fs::remove_file(self.dir.join(format!("{division}.{ext}")));
        }
        Ok(current)
    }

    /// Every division's current file, by division name.
    pub fn current(&self) -> Vec<Current> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut out: Vec<Current> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && crate::read::is_spreadsheet_name(p))
            .map(|path| Current {
                division: crate::schema::division_of(&path),
                received: modified(&path),
                path,
                origin: Origin::Sent,
            })
            .collect();
        out.sort_by(|a, b| a.division.cmp(&b.division));
        out
    }
}

/// When a file was last written (seconds since the epoch; 0 when unknown).
pub fn modified(path: &Path) -> u64 {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs())
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let nonce: u64 = rand::random();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = path.with_file_name(format!(".{name}.{nonce:016x}.tmp"));
    std::fs::write(&temp, bytes)?;
    std::fs::rename(&temp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temp);
    })
}

/// Lower-case hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn division_names_cannot_leave_the_inbox() {
        assert_eq!(
            division_name("  กองคลัง \u{200B}").as_deref(),
            Some("กองคลัง")
        );
        assert!(division_name(&"ก".repeat(60)).is_some());
        assert_eq!(division_name("กองคลัง.xlsx").as_deref(), Some("กองคลัง"));
        assert_eq!(division_name("กองคลัง.XLS").as_deref(), Some("กองคลัง"));
        assert_eq!(
            division_name(&"ก".repeat(78)),
            None,
            "234 bytes: too long a file name"
        );
        for bad in ["../etc", "a/b", "a\\b", "..", ".hidden", "a\0b", "", "   "] {
            assert_eq!(division_name(bad), None, "{bad:?}");
        }
        assert_eq!(division_name(&"ก".repeat(300)), None);
    }

    #[test]
    fn content_decides_the_kind_not_the_name() {
        assert_eq!(
            spreadsheet_kind(b"<html><body>not a workbook</body></html>"),
            None
        );
        let mut xls = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        xls.extend([0; 8]);
        assert_eq!(spreadsheet_kind(&xls), Some("xls"));
    }
}
