//! The ods reader: the same cells as calamine on LibreOffice's files, and what calamine did not
//! read (indentation) or read whole (repeats).

use super::*;
use crate::read::cell::DateShown;
use calamine::Reader;
use std::io::Write;

/// Every cell of every table, as our reader hands them on.
fn ours(bytes: &[u8]) -> Vec<(usize, u32, u32, Cell)> {
    let book = Workbook::open(bytes).expect("open");
    let mut cells = Vec::new();
    book.cells(&mut |s, r, c, v| cells.push((s, r, c, v)))
        .expect("cells");
    cells
}

#[test]
fn committed_ods_files_read_to_the_same_cells_as_calamine() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for name in [
        "formats/กองคลัง.ods",
        "formats/สำนักปลัด.ods",
        "hostile/seed.ods",
    ] {
        let bytes = std::fs::read(root.join(name)).expect("fixture");
        let mut book = calamine::Ods::new(Cursor::new(bytes.clone())).expect("calamine");
        let mut expected = Vec::new();
        for (i, sheet) in book.sheet_names().iter().enumerate() {
            let range = book.worksheet_range(sheet).expect("range");
            let (top, left) = range.start().unwrap_or((0, 0));
            for (r, c, v) in range.used_cells() {
                expected.push((i, top + r as u32, left + c as u32, Cell::from(v)));
            }
        }
        assert!(!expected.is_empty(), "{name}");
        assert_eq!(ours(&bytes), expected, "{name}");
    }
}

/// An ods zip holding `tables` (the inside of `<office:spreadsheet>`) and `styles`.
fn ods(styles: &str, tables: &str) -> Vec<u8> {
    let content = format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8"?>"#,
            "\n<office:document-content>\n  <office:automatic-styles>{}</office:automatic-styles>",
            "\n  <office:body>\n    <office:spreadsheet>{}</office:spreadsheet>\n  </office:body>",
            "\n</office:document-content>"
        ),
        styles, tables
    );
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("mimetype", options).expect("start");
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .expect("write");
    zip.start_file("content.xml", options).expect("start");
    zip.write_all(content.as_bytes()).expect("write");
    zip.finish().expect("finish").into_inner()
}

#[test]
fn indented_text_spaces_paragraphs_comments_and_repeats_read_as_typed() {
    let tables = r#"
      <table:table table:name="แผน">
        <table:table-row>
          <table:table-cell office:value-type="string">
            <office:annotation><text:p>a comment</text:p></office:annotation>
            <text:p>งบ<text:s text:c="2"/>ประมาณ &amp; <text:span>เงิน</text:span></text:p>
            <text:p>บาท</text:p>
          </table:table-cell>
          <table:covered-table-cell/>
          <table:table-cell office:value-type="float" office:value="1.5"><text:p>1.5</text:p></table:table-cell>
        </table:table-row>
        <table:table-row table:number-rows-repeated="2">
          <table:table-cell table:number-columns-repeated="1000"/>
          <table:table-cell office:value-type="boolean" office:boolean-value="true" table:number-columns-repeated="2"/>
        </table:table-row>
        <table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
        <table:table-row><table:table-cell office:value-type="date" office:date-value="2024-10-01"/></table:table-row>
      </table:table>"#;
    let book = Workbook::open(&ods("", tables)).expect("open");
    assert_eq!(book.sheets()[0].name, "แผน");
    assert!(!book.sheets()[0].hidden);
    let mut cells = Vec::new();
    book.cells(&mut |_, r, c, v| cells.push((r, c, v)))
        .expect("cells");
    let text = |s: &str| Cell::Text(s.into());
    assert_eq!(
        cells,
        [
            (0, 0, text("งบ  ประมาณ & เงิน\nบาท")),
            (0, 2, Cell::Number(1.5)),
            (1, 1000, Cell::Bool(true)),
            (1, 1001, Cell::Bool(true)),
            (2, 1000, Cell::Bool(true)),
            (2, 1001, Cell::Bool(true)),
            (
                1_000_003,
                0,
                Cell::Date(DateShown::Day(day(2024, 10, 1, 0, 0)))
            ),
        ]
    );
}

#[test]
fn a_table_with_a_hidden_style_is_hidden() {
    let styles = r#"<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>"#;
    let tables =
        r#"<table:table table:name="ซ่อน" table:style-name="ta2"/><table:table table:name="เปิด"/>"#;
    let book = Workbook::open(&ods(styles, tables)).expect("open");
    let hidden: Vec<(&str, bool)> = book
        .sheets()
        .iter()
        .map(|s| (s.name.as_str(), s.hidden))
        .collect();
    assert_eq!(hidden, [("ซ่อน", true), ("เปิด", false)]);
}

#[test]
fn a_table_never_closed_is_damaged_not_a_hang() {
    let tables = r#"<table:table table:name="แผน"><table:table-row>"#;
    let bytes = ods("", tables).to_vec();
    // The writer closed the outer elements; cut them off after the row.
    let Err(Problem::FileUnreadable { reason, .. }) = Workbook::open(&cut_after_row(&bytes)) else {
        panic!("damaged");
    };
    assert!(reason.contains("never closed"), "{reason}");
}

/// The ods with `content.xml` ending right after the first `<table:table-row>`.
fn cut_after_row(bytes: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    let mut content = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("content.xml").expect("content"),
        &mut content,
    )
    .expect("read");
    let end = content.find("<table:table-row>").expect("row") + "<table:table-row>".len();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    out.start_file("content.xml", options).expect("start");
    out.write_all(&content.as_bytes()[..end]).expect("write");
    out.finish().expect("finish").into_inner()
}

/// A date and time, for a [`DateShown::Day`].
fn day(year: i32, month: u32, date: u32, hour: u32, minute: u32) -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(year, month, date)
        .and_then(|d| d.and_hms_opt(hour, minute, 0))
        .expect("a real date")
}
