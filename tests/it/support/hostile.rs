//! Builders for hostile workbooks: far cells, hidden sheets, fake summaries, damaged bytes, and a
//! way to measure the peak memory of a planmerge run.

use crate::support::{V, WORDS_HEADER, words_row};
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The committed fixtures for formats rust_xlsxwriter cannot write (ods, xls), made from the
/// builders here by `regenerate_hostile_fixtures` in tests/it/hostile.rs (LibreOffice converts).
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(name)
}

/// Writes `value` at (row, col) of `ws`.
pub fn put(ws: &mut Worksheet, row: u32, col: u16, value: &V) -> Result<(), XlsxError> {
    match value {
        V::T(s) => ws.write_string(row, col, s).map(|_| ()),
        V::N(n) => ws.write_number(row, col, *n).map(|_| ()),
        V::F(f, result) => ws
            .write_formula(
                row,
                col,
                rust_xlsxwriter::Formula::new(*f).set_result(*result),
            )
            .map(|_| ()),
        V::E => Ok(()),
    }
}

/// Writes the words-layout header on `row` and `rows` under it.
pub fn put_table(ws: &mut Worksheet, row: u32, rows: &[Vec<V>]) {
    for (c, h) in WORDS_HEADER.iter().enumerate() {
        ws.write_string(row, c as u16, *h).expect("header");
    }
    for (r, cells) in rows.iter().enumerate() {
        for (c, v) in cells.iter().enumerate() {
            put(ws, row + 1 + r as u32, c as u16, v).expect("cell");
        }
    }
}

/// Two valid projects of the words layout.
pub fn two_projects() -> Vec<Vec<V>> {
    vec![
        words_row(1, "โครงการ ก", 1.0, 100.0),
        words_row(2, "โครงการ ข", 2.0, 200.0),
    ]
}

/// A workbook with one sheet, built by `build`.
pub fn book_with(path: &Path, sheet: &str, build: impl FnOnce(&mut Worksheet)) {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet).expect("sheet name");
    build(ws);
    book.save(path).expect("save");
}

/// A normal table and one more value far away, at zero-based (row, col).
pub fn far_cell_book(path: &Path, row: u32, col: u16) {
    book_with(path, "แผน", |ws| {
        put_table(ws, 0, &two_projects());
        ws.write_string(row, col, "ไกล").expect("far cell");
    });
}

/// A fake planmerge summary: the two marker sheets, the first holding what looks like a project
/// table (so reading it back would count its rows twice).
pub fn fake_summary(path: &Path) {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("สรุปผล").expect("name");
    put_table(ws, 0, &two_projects());
    book.add_worksheet().set_name("ตรวจสอบข้อมูล").expect("name");
    book.save(path).expect("save");
}

/// A small valid words-layout workbook as bytes (a fuzz seed).
pub fn seed_xlsx_bytes() -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("แผน").expect("name");
    put_table(ws, 0, &two_projects());
    book.save_to_buffer().expect("buffer")
}

/// Converts `src` with LibreOffice (`soffice --headless --convert-to ext`) into `out_dir`.
/// `None` when LibreOffice is not installed or fails.
pub fn soffice_convert(src: &Path, ext: &str, out_dir: &Path) -> Option<PathBuf> {
    let status = Command::new("soffice")
        .args(["--headless", "--convert-to", ext, "--outdir"])
        .arg(out_dir)
        .arg(src)
        .output()
        .ok()?;
    let out = out_dir.join(src.file_stem()?).with_extension(ext);
    (status.status.success() && out.is_file()).then_some(out)
}

/// Runs the planmerge binary with `args` under `/usr/bin/time` and returns its output and peak
/// resident memory in KiB; `None` when `/usr/bin/time` is not installed.
pub fn peak_rss_kib(args: &[&std::ffi::OsStr]) -> Option<(Output, u64)> {
    let time = Path::new("/usr/bin/time");
    if !time.is_file() {
        return None;
    }
    let report = tempfile::NamedTempFile::new().expect("temp");
    let output = Command::new(time)
        .arg("-f")
        .arg("%M")
        .arg("-o")
        .arg(report.path())
        .arg(assert_cmd::cargo::cargo_bin("planmerge"))
        .args(args)
        .output()
        .expect("run planmerge under /usr/bin/time");
    let text = std::fs::read_to_string(report.path()).expect("time report");
    let kib = text.lines().last()?.trim().parse().ok()?;
    Some((output, kib))
}

/// Byte offsets of every BIFF record of type `typ` with length `len` in raw `bytes` (an xls file
/// is a compound file whose Workbook stream sits in sectors, but a record never moves when only
/// its payload is changed in place).
pub fn biff_records(bytes: &[u8], typ: u16, len: u16) -> Vec<usize> {
    let needle = [typ.to_le_bytes(), len.to_le_bytes()].concat();
    bytes
        .windows(4)
        .enumerate()
        .filter(|(_, w)| *w == needle.as_slice())
        .map(|(i, _)| i)
        .collect()
}

/// The zip with every entry whose name ends with `suffix` rewritten by `edit` (entries stored, in
/// their order, with valid CRCs).
pub fn rezip_named(seed: &[u8], suffix: &str, edit: impl Fn(&[u8]) -> Vec<u8>) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(seed)).expect("a zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).expect("entry");
        let name = file.name().expect("name").to_string();
        let mut data = Vec::new();
        file.read_to_end(&mut data).expect("read entry");
        if name.ends_with(suffix) {
            data = edit(&data);
        }
        out.start_file(name, stored).expect("start");
        out.write_all(&data).expect("write entry");
    }
    out.finish().expect("finish").into_inner()
}

/// Rewrites the xlsx at `path` without the empty element of `cell` (`D3`) in its first sheet,
/// as openpyxl writes a merge: the covered cell left out, not written empty.
pub fn leave_out_covered_cell(path: &std::path::Path, cell: &str) {
    let bytes = std::fs::read(path).expect("read");
    let without = rezip_named(&bytes, "sheet1.xml", |xml| {
        let xml = String::from_utf8_lossy(xml);
        let start = xml
            .find(&format!(r#"<c r="{cell}""#))
            .expect("covered cell written");
        let end = start + xml[start..].find("/>").expect("an empty element") + 2;
        format!("{}{}", &xml[..start], &xml[end..]).into_bytes()
    });
    std::fs::write(path, without).expect("write");
}

/// A minimal xlsb whose workbook names a sheet by a relationship id that is not in its
/// relationships: calamine 0.38 panics on it (`xlsb/mod.rs:312`, "no entry found for key"),
/// as on POI's `Simple.xlsb`.
pub fn xlsb_with_dangling_sheet_relationship() -> Vec<u8> {
    use std::io::Write;
    let utf16 = |s: &str| -> Vec<u8> {
        let mut out = (s.encode_utf16().count() as u32).to_le_bytes().to_vec();
        out.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        out
    };
    // BrtBundleSh: state, tab id, relationship id, name.
    let mut payload = vec![0, 0, 0, 0, 1, 0, 0, 0];
    payload.extend(utf16("rId9"));
    payload.extend(utf16("แผน"));
    let mut workbook = vec![0x9C, 0x01, payload.len() as u8];
    workbook.extend(payload);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("xl/workbook.bin", options).expect("start");
    zip.write_all(&workbook).expect("write");
    zip.finish().expect("finish").into_inner()
}
