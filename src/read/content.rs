//! What a file that no reader opens really is, told by its first bytes: a web page, text, a
//! PDF, a Word document, a picture… so that `file-unreadable` says it in words a clerk can act
//! on (ไฟล์นี้เป็นหน้าเว็บ (HTML) …) instead of the reader's complaint about its structure.
//! Web systems export "Excel" files that are HTML, and divisions send PDFs and photos of forms.

use crate::issue::Unreadable;
use crate::read::guard::COMPOUND_FILE_MAGIC;
use std::io::{Cursor, Read, Seek, SeekFrom};

/// How far into a file its kind is looked for.
const LOOK: usize = 4096;

/// What `bytes` are, when that can be told; `None` for bytes that look like nothing known (a
/// damaged spreadsheet, most likely).
pub(crate) fn what_it_is(bytes: &[u8]) -> Option<Unreadable> {
    if bytes.is_empty() {
        return Some(Unreadable::Empty);
    }
    let head = &bytes[..bytes.len().min(LOOK)];
    if head.starts_with(b"%PDF") {
        return Some(Unreadable::Pdf);
    }
    if head.starts_with(b"\x89PNG")
        || head.starts_with(b"\xFF\xD8\xFF")
        || head.starts_with(b"GIF8")
    {
        return Some(Unreadable::Picture);
    }
    if head.starts_with(b"PK\x03\x04") {
        return contains(bytes, b"word/document.xml").then_some(Unreadable::Word);
    }
    if head.starts_with(&COMPOUND_FILE_MAGIC) {
        return is_word_97(bytes).then_some(Unreadable::Word);
    }
    if head.contains(&0) {
        return None;
    }
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let lower = text.trim_ascii_start().to_ascii_lowercase();
    if lower.starts_with(b"mime-version:") {
        // A "single file web page" (.mht) that Excel saves, often named .xls.
        return Some(Unreadable::WebPage);
    }
    if lower.starts_with(b"<") {
        if contains(&lower, b"urn:schemas-microsoft-com:office:spreadsheet")
            && !contains(&lower, b"<html")
        {
            return Some(Unreadable::Excel2003Xml);
        }
        if contains(&lower, b"<html")
            || contains(&lower, b"<table")
            || contains(&lower, b"<!doctype html")
        {
            return Some(Unreadable::WebPage);
        }
    }
    let control = |b: &u8| b.is_ascii_control() && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C);
    (!text.iter().any(control)).then_some(Unreadable::Text)
}

/// The spreadsheet format whose container `reader` holds, told by the container's directory
/// alone, never its cells: `xlsx` for a zip with `xl/workbook.xml`, `xlsb` with
/// `xl/workbook.bin`, `ods` by its `mimetype` entry, `xls` for a compound file with a
/// `Workbook` stream (Excel 5's `Book`). `None` for any other file: a Word document, a
/// `Thumbs.db`, text. Only the first bytes are read, then (for a zip or a compound file) its
/// directory, so a folder's every file may be asked cheaply.
pub(crate) fn workbook_kind<R: Read + Seek>(mut reader: R) -> Option<&'static str> {
    let mut magic = [0u8; 8];
    reader.read_exact(&mut magic).ok()?;
    reader.seek(SeekFrom::Start(0)).ok()?;
    if magic == COMPOUND_FILE_MAGIC {
        let file = cfb::CompoundFile::open(reader).ok()?;
        return (file.exists("/Workbook") || file.exists("/Book")).then_some("xls");
    }
    if !magic.starts_with(b"PK\x03\x04") {
        return None;
    }
    let mut zip = zip::ZipArchive::new(reader).ok()?;
    if zip.index_for_name("xl/workbook.xml").is_some() {
        return Some("xlsx");
    }
    if zip.index_for_name("xl/workbook.bin").is_some() {
        return Some("xlsb");
    }
    let mut mimetype = String::new();
    let entry = zip.by_name("mimetype").ok()?;
    entry.take(128).read_to_string(&mut mimetype).ok()?;
    (mimetype.trim() == "application/vnd.oasis.opendocument.spreadsheet").then_some("ods")
}

/// What a file named with `extension` (lower case) is, for files that a division may send
/// instead of its workbook: a PDF, a Word document, a photo, a CSV, an archive… `None` for
/// spreadsheets and for every other name (`report.toml`, `desktop.ini`), which are not inputs.
pub(crate) fn sent_instead_of_a_workbook(extension: &str) -> Option<Unreadable> {
    Some(match extension {
        "pdf" => Unreadable::Pdf,
        "doc" | "docx" | "odt" | "rtf" => Unreadable::Word,
        "csv" | "tsv" | "txt" => Unreadable::Text,
        "htm" | "html" | "mht" | "mhtml" => Unreadable::WebPage,
        "xml" => Unreadable::NotSpreadsheet,
        "jpg" | "jpeg" | "png" | "gif" | "heic" | "heif" | "tif" | "tiff" | "bmp" | "webp" => {
            Unreadable::Picture
        }
        "zip" | "rar" | "7z" => Unreadable::Archive,
        "numbers" | "et" => Unreadable::OtherProgram,
        _ => return None,
    })
}

/// Whether `needle` occurs in `haystack` (a whole upload may be searched: SIMD, not a loop).
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(haystack, needle).is_some()
}

/// Whether a compound file holds a Word document (its `WordDocument` stream) and no workbook.
fn is_word_97(bytes: &[u8]) -> bool {
    cfb::CompoundFile::open(Cursor::new(bytes)).is_ok_and(|file| {
        file.exists("/WordDocument") && !file.exists("/Workbook") && !file.exists("/Book")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_that_are_not_workbooks_are_named_for_what_they_are() {
        let of = |bytes: &[u8]| what_it_is(bytes);
        assert_eq!(of(b""), Some(Unreadable::Empty));
        assert_eq!(of(b"%PDF-1.7\n..."), Some(Unreadable::Pdf));
        assert_eq!(of(b"\x89PNG\r\n\x1a\n\0\0"), Some(Unreadable::Picture));
        assert_eq!(of(b"\xFF\xD8\xFF\xE0\0\x10JFIF"), Some(Unreadable::Picture));
        let page = "\u{feff}\n  <html><body><table><tr><td>ลำดับ</td></tr></table>";
        assert_eq!(of(page.as_bytes()), Some(Unreadable::WebPage));
        assert_eq!(
            of(b"<TABLE border=1><TR><TD>1</TD></TR></TABLE>"),
            Some(Unreadable::WebPage)
        );
        assert_eq!(
            of(b"MIME-Version: 1.0\r\nContent-Type: multipart/related"),
            Some(Unreadable::WebPage)
        );
        let xml = "<?xml version=\"1.0\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">";
        assert_eq!(of(xml.as_bytes()), Some(Unreadable::Excel2003Xml));
        assert_eq!(
            of("ลำดับ,โครงการ,มิติ\r\n1,อบรม,1\r\n".as_bytes()),
            Some(Unreadable::Text)
        );
        // Windows-874 Thai (a CSV saved by Thai Excel) is text too.
        assert_eq!(
            of(b"\xC5\xD3\xB4\xD1\xBA,\xE2\xA4\xC3\xA7\xA1\xD2\xC3\r\n"),
            Some(Unreadable::Text)
        );
        assert_eq!(
            of(b"PK\x03\x04....word/document.xml...."),
            Some(Unreadable::Word)
        );
        assert_eq!(
            of(b"PK\x03\x04....xl/workbook.xml...."),
            None,
            "a damaged xlsx"
        );
        assert_eq!(of(b"\x00\x01\x02garbage"), None);
    }

    #[test]
    fn a_workbook_is_known_by_its_container_whatever_its_name() {
        let zipped = |entries: &[(&str, &[u8])]| {
            let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
            for (name, data) in entries {
                let options = zip::write::SimpleFileOptions::default();
                out.start_file(*name, options).expect("entry");
                std::io::Write::write_all(&mut out, data).expect("data");
            }
            out.finish().expect("zip").into_inner()
        };
        let kind = |bytes: Vec<u8>| workbook_kind(Cursor::new(bytes));
        assert_eq!(
            kind(zipped(&[("xl/workbook.xml", b"<workbook/>")])),
            Some("xlsx")
        );
        assert_eq!(kind(zipped(&[("xl/workbook.bin", b"")])), Some("xlsb"));
        let ods = b"application/vnd.oasis.opendocument.spreadsheet";
        assert_eq!(kind(zipped(&[("mimetype", ods)])), Some("ods"));
        let odt = b"application/vnd.oasis.opendocument.text";
        assert_eq!(kind(zipped(&[("mimetype", odt)])), None);
        assert_eq!(kind(zipped(&[("word/document.xml", b"")])), None);
        assert_eq!(kind(zipped(&[("กองคลัง.xlsx", b"")])), None, "an archive");
        let compound = |stream: &str| {
            let mut file =
                cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("compound file");
            file.create_stream(stream).expect("stream");
            file.flush().expect("flush");
            file.into_inner().into_inner()
        };
        assert_eq!(kind(compound("Workbook")), Some("xls"));
        assert_eq!(kind(compound("Book")), Some("xls"));
        assert_eq!(kind(compound("WordDocument")), None);
        assert_eq!(kind(compound("Thumbs")), None);
        assert_eq!(kind(b"%PDF-1.7".to_vec()), None);
        assert_eq!(kind(b"PK".to_vec()), None, "too short to tell");
    }

    #[test]
    fn what_a_division_may_send_instead_is_known_by_its_name() {
        let named = sent_instead_of_a_workbook;
        assert_eq!(named("pdf"), Some(Unreadable::Pdf));
        assert_eq!(named("docx"), Some(Unreadable::Word));
        assert_eq!(named("jpg"), Some(Unreadable::Picture));
        assert_eq!(named("csv"), Some(Unreadable::Text));
        assert_eq!(named("zip"), Some(Unreadable::Archive));
        for not_an_input in ["toml", "ini", "db", "lnk", "xlsx", ""] {
            assert_eq!(named(not_an_input), None, "{not_an_input}");
        }
    }
}
