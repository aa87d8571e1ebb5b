//! What divisions keep beside their list, as QA built it (eighth session): a summary by
//! dimension with SUMIF/COUNTIFS formulas under the list's own header words, the form's
//! instructions sheet showing sample rows, sub-section headings carrying their subtotals, and a
//! sheet whose projects take their dimension from two places. None of it is counted; all of it
//! is said as it was read.

use crate::support::sheet::{Sheet, codes, issues_coded, n, plan_header};
use crate::support::{V, WORDS_HEADER, folder, run_json, t, words_row, write_cell, write_sheets};
use rust_xlsxwriter::Workbook;

/// The four dimensions' titles, as the 2561-2565 plan names them.
const TITLES: [&str; 4] = [
    "การสร้างสังคมที่ไม่ทนต่อการทุจริต",
    "การบริหารราชการเพื่อป้องกันการทุจริต",
    "การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน",
    "การเสริมสร้างและปรับปรุงกลไกในการตรวจสอบการปฏิบัติราชการขององค์กรปกครองส่วนท้องถิ่น",
];

/// A summary by dimension under the list's header words: each line the dimension's number, its
/// title, its budget and disbursed (SUMIF) and the projects completed (COUNTIFS, here 1 or 0),
/// then a total row.
fn summary_by_dimension() -> Vec<Vec<V>> {
    let mut rows: Vec<Vec<V>> = TITLES
        .iter()
        .enumerate()
        .map(|(i, title)| {
            let d = (i + 1) as f64;
            vec![
                n(d),
                t(title),
                n(d),
                V::F("=SUMIF(แผน!C:C,C2,แผน!D:D)", "1000"),
                V::F("=SUMIF(แผน!C:C,C2,แผน!E:E)", "500"),
                V::E,
                V::F("=COUNTIFS(แผน!C:C,C2,แผน!G:G,\"ดำเนินการแล้วเสร็จ\")", "1"),
            ]
        })
        .collect();
    rows.push(vec![V::E, t("รวม"), V::E, n(4000.0), n(2000.0)]);
    rows
}

#[test]
fn a_summary_by_dimension_beside_the_list_is_not_counted() {
    let dir = folder();
    let list: Vec<Vec<V>> = (1..=4)
        .map(|i| words_row(i, &format!("โครงการที่ {i}"), f64::from(i), 1000.0))
        .collect();
    let mut header = WORDS_HEADER.map(t).to_vec();
    header[6] = t("ดำเนินการแล้วเสร็จ");
    let mut book = Workbook::new();
    for (name, rows) in [
        ("แผน", [vec![WORDS_HEADER.map(t).to_vec()], list].concat()),
        ("สรุป", [vec![header], summary_by_dimension()].concat()),
    ] {
        let ws = book.add_worksheet().set_name(name).expect("name");
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                write_cell(ws, r as u32, c as u16, v);
            }
        }
    }
    book.save(dir.path().join("กองคลัง.xlsx")).expect("save");
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    assert_eq!(json["summary"]["total"]["projects"], 4, "not 8");
    assert_eq!(json["summary"]["total"]["budget_plan"], "4000.00");
    let tables = &json["inputs"][0]["tables"];
    let summary = &tables[1];
    assert_eq!(summary["sheet"], "สรุป");
    assert_eq!(summary["counted"], 0);
    let skipped = summary["skipped"].to_string();
    assert!(skipped.contains("บรรทัดสรุปของมิติ"), "{skipped}");
    assert!(
        issues_coded(&json, "table-empty").is_empty(),
        "a summary is no empty form: {:?}",
        codes(&json)
    );
}

#[test]
fn the_forms_instructions_sheet_showing_sample_rows_is_set_aside_and_said() {
    let dir = folder();
    let list = vec![words_row(1, "โครงการจริง", 1.0, 1000.0)];
    let samples = vec![
        words_row(1, "โครงการอบรมคุณธรรมจริยธรรม", 1.0, 50000.0),
        words_row(2, "มาตรการจัดทำคู่มือการปฏิบัติงาน", 2.0, 0.0),
    ];
    write_sheets(
        &dir.path().join("กองคลัง.xlsx"),
        &[("แผน", &list), ("คำชี้แจง", &samples)],
        &WORDS_HEADER,
    );
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    assert_eq!(json["summary"]["total"]["projects"], 1);
    let aside = issues_coded(&json, "sheet-set-aside");
    assert_eq!(aside.len(), 1, "{:?}", codes(&json));
    assert_eq!(aside[0]["sheet"], "คำชี้แจง");
    // Instructions with no rows (the template's own) are passed over without a word.
    let dir = folder();
    write_sheets(
        &dir.path().join("กองคลัง.xlsx"),
        &[("แผน", &list), ("คำชี้แจง", &[])],
        &["วิธีกรอก"],
    );
    let (_, json, _) = run_json(dir.path(), &["check", "."]);
    assert!(
        issues_coded(&json, "sheet-set-aside").is_empty(),
        "{:?}",
        codes(&json)
    );
}

#[test]
fn sub_sections_carrying_their_subtotals_and_sections_by_title_are_headings() {
    let dir = folder();
    let project = |no: f64, name: &str, budget: f64| {
        vec![n(no), t(name), n(budget), n(0.0), t("ดำเนินการแล้วเสร็จ")]
    };
    Sheet::of(vec![
        plan_header(),
        // A section written as its title alone, with its subtotals.
        vec![t("1. การสร้างสังคมที่ไม่ทนต่อการทุจริต"), V::E, n(3000.0), n(0.0)],
        vec![
            t("1.1 การสร้างจิตสำนึกและความตระหนักแก่บุคลากร"),
            V::E,
            n(3000.0),
            t("-"),
        ],
        project(1.0, "โครงการอบรมคุณธรรม", 3000.0),
        vec![t("มิติที่ 2 การบริหารราชการเพื่อป้องกันการทุจริต")],
        project(2.0, "กิจกรรมประกาศเจตจำนง", 0.0),
        // Any other title beside figures may be a project whose status is missing: said.
        vec![t("2.2 การจัดอบรมผู้บริหาร"), V::E, n(500.0), n(0.0)],
    ])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    let missing = issues_coded(&json, "status-missing");
    assert_eq!(missing.len(), 1, "{:?}", codes(&json));
    assert_eq!(missing[0]["cell"], "E7");
    let dims = &json["summary"]["dimensions"];
    assert_eq!(
        (dims[0]["projects"].as_u64(), dims[1]["projects"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(dims[0]["budget_plan"], "3000.00", "subtotals not counted");
}

#[test]
fn the_explanation_names_every_place_the_dimension_came_from() {
    let dir = folder();
    let mut first = words_row(1, "โครงการหนึ่ง", 1.0, 100.0);
    let mut others: Vec<Vec<V>> = (2..=3)
        .map(|i| words_row(i, &format!("โครงการที่ {i}"), 1.0, 100.0))
        .collect();
    for row in &mut others {
        row[2] = V::E;
    }
    first[2] = n(1.0);
    let mut rows = vec![vec![t("มิติที่ 1 การสร้างสังคมที่ไม่ทนต่อการทุจริต")], first];
    rows.extend(others);
    write_sheets(
        &dir.path().join("กองคลัง.xlsx"),
        &[("แผน", &rows)],
        &WORDS_HEADER,
    );
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    let from = json["inputs"][0]["tables"][0]["dimension_from"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        from.contains("คอลัมน์ C · the column C (1)") && from.contains("section rows (2)"),
        "{from}"
    );
}

#[test]
fn the_explanation_counts_every_row_skipped_and_says_rows_read_not_counted() {
    let dir = folder();
    let mut rows = vec![plan_header(), vec![t("มิติที่ 1 การสร้างสังคมที่ไม่ทนต่อการทุจริต")]];
    for i in 1..=60 {
        rows.push(vec![t(&format!(
            "1.{i} การสร้างจิตสำนึกและความตระหนัก ชุดที่ {i}"
        ))]);
    }
    rows.push(vec![
        n(1.0),
        t("โครงการอบรม"),
        n(0.0),
        n(0.0),
        t("ดำเนินการแล้วเสร็จ"),
    ]);
    rows.push(vec![V::E, V::E, V::E, V::E, V::E, t("ดูรายละเอียดแนบท้าย")]);
    Sheet::of(rows).save(dir.path());
    let out = assert_cmd::Command::cargo_bin("planmerge")
        .expect("binary")
        .current_dir(dir.path())
        .args(["check", "--explain", "."])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("ข้าม 61 แถว · rows skipped: 1 หัวข้อมิติ · a dimension heading, 60 หัวข้อย่อย"),
        "{text}"
    );
    assert!(text.contains("ไม่นับ 1 แถว"), "{text}");
}
