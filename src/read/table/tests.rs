use super::*;
use crate::model::Status;
use crate::schema::header_field;

fn row(r: u32, cells: &[(u32, &str)]) -> SheetRow {
    SheetRow {
        row: r,
        cells: cells
            .iter()
            .map(|(c, t)| (*c, Cell::Text(t.to_string())))
            .collect(),
    }
}

fn seed_page(finder: &mut TableFinder, first_row: u32) {
    finder.push(row(
        first_row,
        &[(
            0,
            "รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2565 รอบ 6 เดือน",
        )],
    ));
    finder.push(row(
        first_row + 1,
        &[
            (0, "ลำดับ"),
            (1, "รายการโครงการ (ตั้งต้น)"),
            (2, "มิติ"),
            (3, "งบประมาณ\n(บาท)"),
            (4, "เบิกจ่าย\n(บาท)"),
            (5, "สถานะ"),
            (9, "หมายเหตุ"),
        ],
    ));
    finder.push(row(
        first_row + 2,
        &[
            (5, "รอ\nรายงาน"),
            (6, "อยู่\nระหว่าง\nดำเนิน\nการ"),
            (7, "ดำเนิน\nการ\nแล้วเสร็จ"),
            (8, "ไม่\nสามารถ\nดำเนิน\nการได้"),
        ],
    ));
}

#[test]
fn header_words_map_to_fields_after_normalising() {
    assert_eq!(header_field("รายการโครงการ (ตั้งต้น)"), Some(Field::Name));
    assert_eq!(header_field("ชื่อโครงการ/กิจกรรม/มาตรการ"), Some(Field::Name));
    assert_eq!(header_field("งบประมาณ (บาท)"), Some(Field::BudgetPlan));
    assert_eq!(
        header_field("งบประมาณตาม\nข้อบัญญัติ/เทศบัญญัติ"),
        Some(Field::BudgetOrdinance)
    );
    assert_eq!(header_field("บรรจุในข้อบัญญัติ"), Some(Field::InOrdinance));
    assert_eq!(header_field("เบิกจ่ายจริง"), Some(Field::Disbursed));
    assert_eq!(header_field("มิติ\u{00A0}"), Some(Field::Dimension));
    assert_eq!(
        header_field("ดําเนิน\nการแล้วเสร็จ"),
        Some(Field::StatusTick(Status::Completed))
    );
    assert_eq!(header_field("สถานะ"), Some(Field::StatusWords));
    assert_eq!(header_field("มิติที่"), Some(Field::Dimension));
    // One dimension's label is a section row's, under the header, never the column's.
    assert_eq!(header_field("มิติที่ 2"), None);
    assert_eq!(header_field("กิจกรรมต่อต้านการทุจริต"), None);
}

#[test]
fn seed_layout_two_row_header_repeated_on_every_page() {
    let mut finder = TableFinder::new("f.xlsx", "แผ่น1", &ReadOptions::default());
    seed_page(&mut finder, 0);
    finder.push(row(
        3,
        &[
            (0, "1"),
            (1, "กิจกรรม ก"),
            (2, "2"),
            (3, "0"),
            (4, "0"),
            (7, "☑"),
        ],
    ));
    seed_page(&mut finder, 4);
    finder.push(row(
        7,
        &[
            (0, "2"),
            (1, "โครงการ ข"),
            (2, "1"),
            (3, "55,300.00"),
            (4, "0"),
            (6, "☑"),
        ],
    ));
    let out = finder.finish();
    assert!(out.found_table);
    assert_eq!(out.rows.len(), 2, "{:?}", out.issues);
    assert_eq!(out.rows_read, 2);
    let RawStatus::Ticks(ticks) = &out.rows[1].status else {
        panic!("expected tick columns")
    };
    assert_eq!(ticks.len(), 4);
    assert_eq!(ticks[1].0, Status::InProgress);
    assert_eq!(ticks[1].1.value, Cell::Text("☑".into()));
    assert_eq!(out.rows[1].location.row, Some(7));
    // Only the ordinance-budget assumption, once per sheet.
    let codes: Vec<_> = out.issues.iter().map(|i| i.problem.code()).collect();
    assert_eq!(codes, ["ordinance-budget-assumed"]);
}

#[test]
fn header_lower_down_with_status_words_and_total_row() {
    let mut finder = TableFinder::new("f.xlsx", "Sheet1", &ReadOptions::default());
    finder.push(row(0, &[(0, "องค์การบริหารส่วนจังหวัดพะเยา")]));
    finder.push(row(1, &[(0, "กองคลัง")]));
    finder.push(row(
        5,
        &[
            (0, "ลำดับที่"),
            (1, "ชื่อโครงการ/กิจกรรม/มาตรการ"),
            (2, "มิติ"),
            (3, "งบประมาณตามแผน"),
            (4, "งบประมาณตามข้อบัญญัติ/เทศบัญญัติ"),
            (5, "เบิกจ่ายจริง"),
            (6, "บรรจุในข้อบัญญัติ/เทศบัญญัติ/แผนดำเนินงาน"),
            (7, "สถานะ"),
            (8, "หมายเหตุ"),
        ],
    ));
    finder.push(row(
        6,
        &[
            (0, "1"),
            (1, "โครงการ ก"),
            (2, "มิติที่ 2"),
            (3, "100"),
            (4, "100"),
            (5, "0"),
            (6, "✓"),
            (7, "ดำเนินการแล้วเสร็จ"),
        ],
    ));
    finder.push(row(7, &[(1, "รวม"), (3, "100")]));
    let out = finder.finish();
    assert_eq!(out.rows.len(), 1);
    assert!(out.issues.is_empty(), "{:?}", out.issues);
    assert!(matches!(out.rows[0].status, RawStatus::Words(_)));
    assert_eq!(
        out.rows[0].budget_ordinance.as_ref().map(|c| c.col),
        Some(4)
    );
}

#[test]
fn note_row_under_table_is_reported_not_dropped() {
    let mut finder = TableFinder::new("f.xlsx", "Sheet1", &ReadOptions::default());
    seed_page(&mut finder, 0);
    finder.push(row(3, &[(9, "จัดทำโดย ฝ่ายแผน")]));
    let out = finder.finish();
    assert_eq!(out.rows.len(), 0);
    assert_eq!(out.rows_read, 1);
    assert!(
        out.issues
            .iter()
            .any(|i| i.problem.code() == "row-not-project")
    );
}

#[test]
fn duplicate_header_column_is_an_error_with_its_cell() {
    let mut finder = TableFinder::new("f.xlsx", "Sheet1", &ReadOptions::default());
    finder.push(row(
        0,
        &[
            (0, "รายการโครงการ"),
            (1, "มิติ"),
            (2, "งบประมาณ"),
            (3, "งบประมาณ"),
            (4, "เบิกจ่าย"),
            (5, "สถานะ"),
        ],
    ));
    let out = finder.finish();
    let dup = out
        .issues
        .iter()
        .find(|i| i.problem.code() == "header-duplicate")
        .expect("duplicate reported");
    assert_eq!(dup.location.a1(), "D1");
}

#[test]
fn header_without_status_is_incomplete() {
    let mut finder = TableFinder::new("f.xlsx", "Sheet1", &ReadOptions::default());
    finder.push(row(
        0,
        &[
            (0, "รายการโครงการ"),
            (1, "มิติ"),
            (2, "งบประมาณ"),
            (3, "เบิกจ่าย"),
        ],
    ));
    finder.push(row(1, &[(0, "โครงการ ก"), (1, "1"), (2, "0"), (3, "0")]));
    let out = finder.finish();
    assert!(!out.found_table);
    assert_eq!(out.issues[0].problem.code(), "header-incomplete");
}

#[test]
fn duplicate_header_column_repeated_on_every_page_is_reported_once() {
    let mut finder = TableFinder::new("f.xlsx", "Sheet1", &ReadOptions::default());
    let header = [
        (0, "รายการโครงการ"),
        (1, "มิติ"),
        (2, "งบประมาณ"),
        (3, "งบประมาณ"),
        (4, "เบิกจ่าย"),
        (5, "สถานะ"),
    ];
    let data = |r: u32, name: &str| {
        row(
            r,
            &[
                (0, name),
                (1, "1"),
                (2, "0"),
                (4, "0"),
                (5, "ดำเนินการแล้วเสร็จ"),
            ],
        )
    };
    finder.push(row(0, &header));
    finder.push(data(1, "โครงการ ก"));
    finder.push(row(2, &header));
    finder.push(data(3, "โครงการ ข"));
    let out = finder.finish();
    let duplicates = out
        .issues
        .iter()
        .filter(|i| i.problem.code() == "header-duplicate")
        .count();
    assert_eq!(duplicates, 1);
    assert_eq!(out.rows.len(), 2);
}

#[test]
fn note_row_is_reported_with_every_cell_it_holds() {
    let mut finder = TableFinder::new("f.xlsx", "Sheet1", &ReadOptions::default());
    seed_page(&mut finder, 0);
    // The project fields' cells are moved into the raw row; a refused row gets them back.
    finder.push(row(3, &[(0, "หมายเหตุ:"), (9, "จัดทำโดย ฝ่ายแผน")]));
    let out = finder.finish();
    let found: Vec<_> = out
        .issues
        .iter()
        .filter_map(|i| match &i.problem {
            Problem::RowNotProject { found } => Some(found.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(found, ["หมายเหตุ: จัดทำโดย ฝ่ายแผน"]);
}

#[test]
fn a_column_named_by_two_header_rows_feeds_both_fields() {
    let mut finder = TableFinder::new("f.xlsx", "Sheet1", &ReadOptions::default());
    finder.push(row(
        0,
        &[
            (0, "ลำดับ"),
            (1, "รายการโครงการ"),
            (2, "มิติ"),
            (3, "งบประมาณ"),
            (4, "เบิกจ่าย"),
            (5, "สถานะ"),
            (6, "หมายเหตุ"),
        ],
    ));
    finder.push(row(
        1,
        &[
            (5, "รอรายงาน"),
            (6, "อยู่ระหว่างดำเนินการ"),
            (7, "ดำเนินการแล้วเสร็จ"),
            (8, "ไม่สามารถดำเนินการได้"),
        ],
    ));
    finder.push(row(
        2,
        &[(0, "1"), (1, "ก"), (2, "1"), (3, "0"), (4, "0"), (6, "☑")],
    ));
    let out = finder.finish();
    assert_eq!(out.rows.len(), 1);
    let raw = &out.rows[0];
    let tick = Cell::Text("☑".into());
    assert_eq!(raw.remark.as_ref().map(|c| &c.value), Some(&tick));
    let RawStatus::Ticks(ticks) = &raw.status else {
        panic!("tick columns expected");
    };
    assert_eq!(
        ticks[1],
        (
            Status::InProgress,
            RawCell {
                col: 6,
                value: tick
            }
        )
    );
}

#[test]
fn the_signature_block_is_skipped_but_a_project_with_a_status_after_it_is_read() {
    let mut finder = TableFinder::new("f.xlsx", "Sheet1", &ReadOptions::default());
    seed_page(&mut finder, 0);
    finder.push(row(3, &[(1, "ลงชื่อ ........................ ผู้รายงาน")]));
    finder.push(row(4, &[(3, "(นางสาวสมหญิง ใจดี)")]));
    // Typed all as text, but with its tick: a project, never swallowed by the block above.
    finder.push(row(
        5,
        &[
            (0, "๑"),
            (1, "โครงการ ก"),
            (2, "1"),
            (3, "1,000"),
            (4, "0"),
            (5, "☑"),
        ],
    ));
    let out = finder.finish();
    assert_eq!(out.rows.len(), 1);
    assert_eq!(
        out.rows[0].name.as_ref().map(|c| c.value.display()),
        Some("โครงการ ก".to_string())
    );
    assert_eq!(out.explain.skipped_count, 2);
    assert!(
        !out.issues
            .iter()
            .any(|i| i.problem.code() == "row-not-project"),
        "{:?}",
        out.issues
    );
}
