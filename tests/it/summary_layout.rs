//! The summary workbook reads like the printed report: the seed's figures sit in the cells the
//! layout puts them in, the two-level headers are merged, the project list is numbered with ☑ in
//! the right columns, and the draft banner is on every sheet exactly when there are errors.
//! Each sheet's text is snapshotted (insta).

use crate::common::{ReadBack, SeedData};
use calamine::Data;
use planmerge::schema::SHEET_NAMES;
use std::path::PathBuf;

const SUMMARY: &str = "สรุปผล";
const PROJECTS: &str = "รายการโครงการ";
const DRIVE: &str = "สรุปผลการขับเคลื่อนแผนฯ";
const DIVISIONS: &str = "รายกอง";
const AUDIT: &str = "ตรวจสอบข้อมูล";

/// Writes the summary of `data` to a fresh temp folder and opens it.
fn written(data: &SeedData) -> (tempfile::TempDir, PathBuf, ReadBack) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("summary.xlsx");
    data.write(&path).expect("summary written");
    let book = ReadBack::open(&path);
    (dir, path, book)
}

fn assert_close(actual: f64, expected: f64, what: &str) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "{what}: {actual} != {expected}"
    );
}

#[test]
fn sheets_are_named_and_ordered() {
    let (_dir, _path, book) = written(&SeedData::clean());
    assert_eq!(book.sheet_names(), SHEET_NAMES);
}

#[test]
fn dimension_table_holds_the_seed_figures() {
    let (_dir, _path, mut book) = written(&SeedData::clean());
    // Rows 7-10 (zero-based 6-9): dimensions 1-4; row 11 (10): รวม. Columns C-I.
    let projects = [22.0, 30.0, 16.0, 13.0, 81.0];
    let completed = [7.0, 19.0, 7.0, 8.0, 41.0];
    let pct = [31.82, 63.33, 43.75, 61.54, 50.62];
    let budget = [2_204_600.0, 24_000.0, 5_808_000.0, 500_000.0, 8_536_600.0];
    for (i, row) in (6..=10).enumerate() {
        assert_close(book.number(SUMMARY, row, 2), projects[i], "ตามแผน");
        assert_close(book.number(SUMMARY, row, 3), completed[i], "ดำเนินการแล้ว");
        assert_close(book.number(SUMMARY, row, 4), budget[i], "งบประมาณ ตามแผน");
        assert_close(book.number(SUMMARY, row, 5), budget[i], "ตามข้อบัญญัติ");
        assert_close(book.number(SUMMARY, row, 6), 0.0, "ใช้จริง");
        assert_close(book.number(SUMMARY, row, 7), pct[i], "ร้อยละ โครงการ");
        assert_close(book.number(SUMMARY, row, 8), 0.0, "ร้อยละ งบประมาณ");
    }
    for (row, dimension) in (6..=9).zip(1..) {
        assert_close(book.number(SUMMARY, row, 1), f64::from(dimension), "มิติ");
    }
    assert_eq!(book.text(SUMMARY, 6, 0), "องค์การบริหารส่วนจังหวัดพะเยา");
    assert_eq!(book.text(SUMMARY, 10, 0), "รวม");
    assert_eq!(
        book.text(SUMMARY, 0, 0),
        "รายงานผลการนำแผนไปปฏิบัติ ประจำปีงบประมาณ พ.ศ. 2565 รอบ 6 เดือน"
    );
    assert_eq!(book.text(SUMMARY, 2, 0), "อำเภอเมืองพะเยา จังหวัดพะเยา");
}

#[test]
fn across_tables_and_disbursement_hold_the_seed_figures() {
    let (_dir, _path, mut book) = written(&SeedData::clean());
    let projects = [22.0, 30.0, 16.0, 13.0, 81.0];
    let budget = [2_204_600.0, 24_000.0, 5_808_000.0, 500_000.0, 8_536_600.0];
    // Values on row 16 (plan) and 21 (ordinance): pairs A:B … I:J.
    for values_row in [15, 20] {
        for (i, col) in (0..10).step_by(2).enumerate() {
            assert_close(
                book.number(SUMMARY, values_row, col),
                projects[i],
                "โครงการ",
            );
            assert_close(book.number(SUMMARY, values_row, col + 1), budget[i], "งบ");
        }
    }
    assert_eq!(book.text(SUMMARY, 13, 8), "รวม 4 มิติ");
    // การเบิกจ่ายงบประมาณ: rows 25-28 dimensions, 29 รวม 4 มิติ.
    for (row, b) in (24..=28).zip(budget) {
        assert_close(book.number(SUMMARY, row, 1), b, "ตามแผนป้องกันฯ");
        assert_close(book.number(SUMMARY, row, 2), b, "ข้อบัญญัติ");
        assert_close(book.number(SUMMARY, row, 3), 0.0, "การเบิกจ่าย");
    }
    assert_eq!(book.text(SUMMARY, 28, 0), "รวม 4 มิติ");
}

#[test]
fn status_table_holds_score_and_level() {
    let (_dir, _path, mut book) = written(&SeedData::clean());
    // Row 33 (zero-based 32): 90 81 20 40 41 0 67.78 มาก.
    for (col, expected) in (0..).zip([90.0, 81.0, 20.0, 40.0, 41.0, 0.0, 67.78]) {
        assert_close(book.number(SUMMARY, 32, col), expected, "สถานะ");
    }
    assert_eq!(book.text(SUMMARY, 32, 7), "มาก");
    assert_eq!(book.text(SUMMARY, 34, 0), "** ข้อมูล ณ วันที่ 21 เมษายน 2565");
}

#[test]
fn summary_headers_are_merged_in_two_levels() {
    let (_dir, _path, mut book) = written(&SeedData::clean());
    let merges = book.merges(SUMMARY);
    let expected = [
        ((4, 0), (5, 0)),   // ชื่อ อปท.
        ((4, 1), (5, 1)),   // มิติ
        ((4, 2), (4, 3)),   // โครงการ
        ((4, 4), (4, 6)),   // งบประมาณ
        ((4, 7), (4, 8)),   // ร้อยละดำเนินการ
        ((6, 0), (9, 0)),   // organization down the dimension rows
        ((10, 0), (10, 1)), // รวม
        ((13, 0), (13, 1)), // มิติที่ 1 (plan)
        ((13, 8), (13, 9)), // รวม 4 มิติ (plan)
        ((18, 0), (18, 1)), // มิติที่ 1 (ordinance)
        ((18, 8), (18, 9)), // รวม 4 มิติ (ordinance)
    ];
    for range in expected {
        assert!(merges.contains(&range), "{range:?} not merged: {merges:?}");
    }
    assert_eq!(book.text(SUMMARY, 4, 2), "โครงการ");
    assert_eq!(book.text(SUMMARY, 4, 4), "งบประมาณ");
    assert_eq!(book.text(SUMMARY, 4, 7), "ร้อยละดำเนินการ");
    assert_eq!(book.text(SUMMARY, 5, 3), "ดำเนินการแล้ว");
}

#[test]
fn project_list_is_numbered_with_ticks_in_the_right_columns() {
    let data = SeedData::clean();
    let (_dir, _path, mut book) = written(&data);
    // Title row 1, header rows 2-3 (สถานะ merged over H-K), projects from row 4 (zero-based 3).
    let merges = book.merges(PROJECTS);
    assert!(
        merges.contains(&((1, 7), (1, 10))),
        "สถานะ over H-K: {merges:?}"
    );
    assert!(merges.contains(&((1, 0), (2, 0))), "ลำดับ down two rows");
    assert!(
        merges.contains(&((1, 1), (2, 1))),
        "รายการโครงการ down two rows"
    );
    assert_eq!(book.text(PROJECTS, 1, 7), "สถานะ");
    for (i, p) in data.projects.iter().enumerate() {
        let row = 3 + i as u32;
        assert_close(book.number(PROJECTS, row, 0), (i + 1) as f64, "ลำดับ");
        assert_eq!(book.text(PROJECTS, row, 1), p.name);
        let ticked: Vec<u32> = (7..=10)
            .filter(|&col| book.text(PROJECTS, row, col) == "☑")
            .collect();
        assert_eq!(
            ticked,
            vec![7 + p.status.index() as u32],
            "project {}",
            i + 1
        );
        let in_ordinance = book.text(PROJECTS, row, 6) == "☑";
        assert_eq!(in_ordinance, p.in_ordinance, "project {}", i + 1);
        assert_eq!(book.text(PROJECTS, row, 12), &*p.division);
    }
    assert_eq!(
        book.cell(PROJECTS, 3 + 81, 0),
        Data::Empty,
        "exactly 81 rows"
    );
    // Project 2: 55,300.00 budget, in progress, first in the ordinance, fixture row 5.
    assert_close(book.number(PROJECTS, 4, 3), 55_300.0, "งบประมาณ");
    assert_eq!(book.text(PROJECTS, 4, 8), "☑");
    assert_eq!(book.text(PROJECTS, 4, 13), "fixture.xlsx › แผ่น1 › แถว 5");
    let ticks = (3..84)
        .filter(|&row| book.text(PROJECTS, row, 6) == "☑")
        .count();
    assert_eq!(ticks, 20);
}

/// The XML of the project list (the workbook's second sheet).
fn list_sheet_xml(path: &std::path::Path) -> String {
    use std::io::Read;
    let file = std::fs::File::open(path).expect("summary");
    let mut zip = zip::ZipArchive::new(file).expect("an xlsx is a zip");
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet2.xml")
        .expect("second sheet")
        .read_to_string(&mut xml)
        .expect("utf-8 xml");
    xml
}

#[test]
fn project_list_cells_take_their_column_format_and_one_border_covers_the_list() {
    let (_dir, path, _book) = written(&SeedData::clean());
    let xml = list_sheet_xml(&path);
    // Rows 4-84 hold the 81 projects: the border is drawn over exactly A4:N84.
    assert!(
        xml.contains(r#"<conditionalFormatting sqref="A4:N84">"#),
        "one conditional border over the list"
    );
    assert_eq!(xml.matches("<conditionalFormatting").count(), 1);
    // Every column of the list has a format (number formats, alignment, wrap)...
    let cols = xml
        .split("<cols>")
        .nth(1)
        .and_then(|c| c.split("</cols>").next());
    let cols = cols.expect("column definitions");
    assert_eq!(
        cols.matches("<col ").count(),
        cols.matches("style=").count(),
        "{cols}"
    );
    assert!(cols.contains(r#"max="14""#), "A-N defined: {cols}");
    // ...and the list's cells use them: every cell of project 1's row has a format.
    let row4 = xml.split(r#"<row r="4""#).nth(1).expect("row 4");
    let row4 = row4.split("</row>").next().expect("row 4 ends");
    assert!(!row4.contains(r#"s="0""#), "{row4}");
    let cells = row4.matches("<c ").count();
    assert!(cells >= 9, "{row4}");
    assert_eq!(row4.matches(" s=\"").count(), cells, "{row4}");
}

#[test]
fn drive_sheet_restates_the_counts_in_sentences() {
    let (_dir, _path, mut book) = written(&SeedData::clean());
    let text = book.sheet_text(DRIVE);
    for line in [
        "- แผนปฏิบัติการป้องกันการทุจริต มีโครงการ/กิจกรรม/มาตรการ จำนวน 81 โครงการ\t\t\t\t\t\t81\tโครงการ",
        "- รอการรายงาน 0 โครงการ",
        "- อยู่ระหว่างดำเนินการ 40 โครงการ",
        "- ดำเนินการแล้วเสร็จ 41 โครงการ",
        "- ไม่สามารถดำเนินการได้ 0 โครงการ",
        "- เบิกจ่ายงบประมาณ 0.00 บาท คิดเป็นร้อยละ 0.00",
        "- มีการนำแผนฯ ไปปฏิบัติ ระดับ (มาก) ร้อยละ 67.78\t\t\t\t\t\t67.78\tร้อยละ",
        "** ข้อมูล ณ วันที่ 21 เมษายน 2565",
        "ชื่อ - สกุล ผู้รายงาน นางสาวกฤษอร เมืองมารนาบุญ ตำแหน่ง นักจัดการงานทั่วไปปฏิบัติการ",
        "มิติ 1 การสร้างสังคมที่ไม่ทนต่อการทุจริต",
        "ไม่มีข้อเสนอแนะ",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
}

#[test]
fn divisions_and_audit_account_for_every_project() {
    let (_dir, _path, mut book) = written(&SeedData::clean());
    let divisions = book.sheet_text(DIVISIONS);
    assert!(
        divisions.contains("รวม\t\t81\t41\t40\t0\t0\t8536600\t0"),
        "{divisions}"
    );
    let audit = book.sheet_text(AUDIT);
    assert!(audit.contains("fixture.xlsx\tแผ่น1\t83\t81\t"), "{audit}");
    assert!(audit.contains("ไม่พบข้อผิดพลาดหรือคำเตือน"), "{audit}");
}

#[test]
fn draft_banner_is_on_every_sheet_when_there_are_errors() {
    let (_dir, _path, mut book) = written(&SeedData::with_errors());
    for sheet in SHEET_NAMES {
        assert_eq!(
            book.text(sheet, 0, 0),
            "ร่าง — มีข้อผิดพลาด 2 รายการ",
            "{sheet}"
        );
        let merges = book.merges(sheet);
        assert!(
            merges
                .iter()
                .any(|&(start, end)| start == (0, 0) && end.0 == 0 && end.1 >= 4),
            "banner merged across {sheet}: {merges:?}"
        );
    }
    // Everything moves down two rows: รวม of the dimension table is on row 13.
    assert_close(book.number(SUMMARY, 12, 2), 81.0, "รวม under the banner");
    let audit = book.sheet_text(AUDIT);
    assert!(audit.contains("dimension-invalid"), "{audit}");
    assert!(audit.contains("fixture.xlsx › แผ่น1 › C85"), "{audit}");
    assert!(
        audit.contains("ordinance-budget-assumed\tหมายเหตุ"),
        "{audit}"
    );
}

#[test]
fn no_banner_without_errors() {
    let (_dir, _path, mut book) = written(&SeedData::clean());
    for sheet in SHEET_NAMES {
        let text = book.sheet_text(sheet);
        assert!(!text.contains("ร่าง"), "{sheet} has a draft mark");
    }
}

#[test]
fn every_sheet_text_matches_its_snapshot() {
    let (_dir, _path, mut book) = written(&SeedData::clean());
    let slugs = [
        "summary",
        "projects",
        "drive",
        "divisions",
        "charts",
        "audit",
    ];
    for (slug, sheet) in slugs.into_iter().zip(SHEET_NAMES) {
        insta::assert_snapshot!(slug, book.sheet_text(sheet), sheet);
    }
}

#[test]
fn draft_sheet_text_matches_its_snapshot() {
    let (_dir, _path, mut book) = written(&SeedData::with_errors());
    insta::assert_snapshot!("draft_audit", book.sheet_text(AUDIT), AUDIT);
}
