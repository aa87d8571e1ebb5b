//! Copies of the plan document as QA found them in its twelfth session, each read exactly: the
//! dimension written with a dot after its number (`มิติที่ 1. …`), a sub-code on a section row
//! (`มิติที่ 2.1 …`), a sub-section's code in brackets (`(1.1) …`), sheet names abbreviated or
//! in English (`ม.1`, `Dimension 1`), a section row numbered in ลำดับ. Every fixture is built
//! here, by code.

use crate::support::sheet::{Sheet, codes, issues_coded, n, plan_header};
use crate::support::{V, folder, issue_coded, run_json, t};
use serde_json::Value;

/// A project of the plan header's columns (ที่ | โครงการ | งบประมาณ | เบิกจ่าย | สถานะ).
fn project(number: f64, name: &str, budget: f64, status: &str) -> Vec<V> {
    vec![n(number), t(name), n(budget), n(0.0), t(status)]
}

/// Each dimension's count of projects in a `--json` summary.
fn projects_by_dimension(json: &Value) -> Vec<u64> {
    (0..4)
        .map(|i| {
            json["summary"]["dimensions"][i]["projects"]
                .as_u64()
                .unwrap_or(99)
        })
        .collect()
}

/// Two projects under a heading of dimension 1, one under a heading of dimension 3.
fn under_headings(first: Vec<V>, third: Vec<V>) -> Sheet {
    Sheet::of(vec![
        plan_header(),
        first,
        project(1.0, "โครงการอบรมคุณธรรม", 1000.0, "อยู่ระหว่างดำเนินการ"),
        project(2.0, "กิจกรรมส่งเสริมความซื่อสัตย์", 2000.0, "ดำเนินการแล้วเสร็จ"),
        third,
        project(3.0, "กิจกรรมเผยแพร่ข้อมูลข่าวสาร", 4000.0, "อยู่ระหว่างดำเนินการ"),
    ])
}

/// Asserts the three projects of [`under_headings`] read under dimensions 1 and 3, with no
/// issue but notes.
fn assert_read_under_one_and_three(json: &Value, code: i32, case: &str) {
    assert_eq!(code, 0, "{case}: {:?}", codes(json));
    assert_eq!(projects_by_dimension(json), [2, 0, 1, 0], "{case}");
    assert_eq!(json["summary"]["total"]["budget_plan"], "7000.00", "{case}");
    let raised: Vec<&Value> = (json["issues"].as_array().into_iter().flatten())
        .filter(|i| i["severity"] != "note")
        .collect();
    assert!(raised.is_empty(), "{case}: {raised:?}");
}

/// The plan's title of dimension 1 or 3.
fn title_of(d: u8) -> &'static str {
    match d {
        1 => "การสร้างสังคมที่ไม่ทนต่อการทุจริต",
        _ => "การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน",
    }
}

#[test]
fn a_dot_after_the_dimensions_number_gives_that_dimension() {
    // (case, how a heading of dimension d is written)
    type Heading = fn(u8) -> String;
    let rows: [(&str, Heading); 3] = [
        ("มิติที่ 1. …", |d| {
            format!("มิติที่ {d}. {}", title_of(d))
        }),
        ("มิติ 1. …", |d| {
            format!("มิติ {d}. {}", title_of(d))
        }),
        ("มิติ 1.", |d| format!("มิติ {d}.")),
    ];
    for (case, heading) in rows {
        let dir = folder();
        under_headings(vec![t(&heading(1))], vec![t(&heading(3))]).save(dir.path());
        let (code, json, _) = run_json(dir.path(), &["check", "."]);
        assert_read_under_one_and_three(&json, code, case);
        assert_eq!(
            json["inputs"][0]["counted"], 3,
            "{case}: the headings are no rows"
        );
    }
    // A sheet named so gives its dimension to every project on it.
    let dir = folder();
    Sheet::of(vec![
        plan_header(),
        project(1.0, "โครงการอบรมคุณธรรม", 1000.0, "ดำเนินการแล้วเสร็จ"),
    ])
    .save_as(dir.path(), "มิติที่ 1.");
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    assert_eq!(projects_by_dimension(&json), [1, 0, 0, 0]);
}

/// `มิติที่ 2.1 …` as the only heading above its projects gives them dimension 2; the sub-code is
/// not the projects' own (the list shows what a project's มิติ cell says, and there is none).
#[test]
fn a_section_row_with_a_sub_code_sets_its_dimension() {
    for heading in [
        "มิติที่ 2.1 แสดงเจตจำนงทางการเมืองในการต่อต้านการทุจริตของผู้บริหาร",
        "มิติที่ ๒.๓ มาตรการการใช้ดุลยพินิจและใช้อำนาจหน้าที่",
    ] {
        let dir = folder();
        Sheet::of(vec![
            plan_header(),
            vec![t(heading)],
            project(1.0, "กิจกรรมประกาศเจตจำนง", 0.0, "ดำเนินการแล้วเสร็จ"),
            project(2.0, "มาตรการออกคำสั่งมอบหมาย", 0.0, "อยู่ระหว่างดำเนินการ"),
        ])
        .save(dir.path());
        let (code, json, _) = run_json(dir.path(), &["check", "."]);
        assert_eq!(code, 0, "{heading}: {:?}", codes(&json));
        assert_eq!(projects_by_dimension(&json), [0, 2, 0, 0], "{heading}");
        assert!(issues_coded(&json, "dimension-missing").is_empty());
        assert!(issues_coded(&json, "row-not-project").is_empty());
    }
}

#[test]
fn a_sheet_named_short_or_in_english_gives_its_dimension() {
    for (first, third) in [
        ("ม.1", "ม.3"),
        ("มิติ-1", "มิติ-3"),
        ("มิติที่_1", "มิติที่_3"),
        ("Dimension 1", "Dimension 3"),
    ] {
        let dir = folder();
        let path = dir.path().join("กองคลัง.xlsx");
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheets: [(&str, Vec<Vec<V>>); 2] = [
            (
                first,
                vec![
                    project(1.0, "โครงการอบรมคุณธรรม", 1000.0, "อยู่ระหว่างดำเนินการ"),
                    project(2.0, "กิจกรรมส่งเสริมความซื่อสัตย์", 2000.0, "ดำเนินการแล้วเสร็จ"),
                ],
            ),
            (
                third,
                vec![project(
                    1.0,
                    "กิจกรรมเผยแพร่ข้อมูลข่าวสาร",
                    4000.0,
                    "อยู่ระหว่างดำเนินการ",
                )],
            ),
        ];
        for (name, rows) in &sheets {
            let ws = book.add_worksheet();
            ws.set_name(*name).expect("name");
            for (r, row) in [vec![plan_header()], rows.clone()]
                .concat()
                .iter()
                .enumerate()
            {
                for (c, v) in row.iter().enumerate() {
                    crate::support::write_cell(ws, r as u32, c as u16, v);
                }
            }
        }
        book.save(&path).expect("save");
        let (code, json, _) = run_json(dir.path(), &["check", "."]);
        assert_read_under_one_and_three(&json, code, first);
    }
    // A sheet named for nothing, with no มิติ column nor heading: the fix names all three ways.
    let dir = folder();
    Sheet::of(vec![
        plan_header(),
        project(1.0, "โครงการอบรมคุณธรรม", 1000.0, "ดำเนินการแล้วเสร็จ"),
    ])
    .save(dir.path());
    let (_, json, _) = run_json(dir.path(), &["check", "."]);
    let missing = issue_coded(&json, "dimension-missing");
    let text = missing.to_string();
    assert!(
        text.contains("ตั้งชื่อชีตเป็น มิติที่ 1") && text.contains("name the sheet มิติที่ 1"),
        "{text}"
    );
}

#[test]
fn a_sub_section_code_in_brackets_is_a_heading() {
    let dir = folder();
    Sheet::of(vec![
        plan_header(),
        vec![t("มิติที่ 1 การสร้างสังคมที่ไม่ทนต่อการทุจริต")],
        vec![V::E, t("(1.1) การสร้างจิตสำนึกและความตระหนักแก่บุคลากร")],
        project(1.0, "โครงการอบรมคุณธรรม", 1000.0, "อยู่ระหว่างดำเนินการ"),
        project(2.0, "กิจกรรมส่งเสริมความซื่อสัตย์", 2000.0, "ดำเนินการแล้วเสร็จ"),
        vec![t("มิติที่ 3 การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน")],
        vec![V::E, t("(๓.๑) จัดให้มีและเผยแพร่ข้อมูลข่าวสารในช่องทางที่หลากหลาย")],
        project(3.0, "กิจกรรมเผยแพร่ข้อมูลข่าวสาร", 4000.0, "อยู่ระหว่างดำเนินการ"),
    ])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_read_under_one_and_three(&json, code, "(1.1)");
    assert_eq!(json["inputs"][0]["counted"], 3);
}

/// The plan's list numbers its dimensions as it does its projects: `1 | มิติที่ 1 …` with
/// nothing else on the row is a heading.
#[test]
fn a_section_row_numbered_in_its_own_cell_sets_the_dimension_and_is_no_project() {
    let dir = folder();
    under_headings(
        vec![n(1.0), t(&format!("มิติที่ 1 {}", title_of(1)))],
        vec![n(3.0), t(&format!("มิติที่ 3 {}", title_of(3)))],
    )
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_read_under_one_and_three(&json, code, "1 | มิติที่ 1 …");
    assert_eq!(json["inputs"][0]["counted"], 3);
    // A number in ลำดับ beside figures is a project whose name is missing, as before.
    let dir = folder();
    Sheet::of(vec![
        plan_header(),
        vec![n(1.0), t("มิติที่ 1"), n(5000.0), n(0.0), t("ดำเนินการแล้วเสร็จ")],
    ])
    .save(dir.path());
    let (_, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(json["inputs"][0]["rows"], 1, "{:?}", codes(&json));
    assert_eq!(issue_coded(&json, "dimension-missing")["cell"], "B2");
}

/// ที่ | โครงการ/กิจกรรม/มาตรการ | งบประมาณ merged over C:E with `years` beneath | เบิกจ่าย |
/// สถานะ, and one project whose budget columns hold 100, 200, 300.
fn budget_over_years(years: [&str; 3]) -> Sheet {
    Sheet::of(vec![
        vec![
            t("ที่"),
            t("โครงการ/กิจกรรม/มาตรการ"),
            t("งบประมาณ (บาท)"),
            V::E,
            V::E,
            t("เบิกจ่าย"),
            t("สถานะ"),
        ],
        vec![V::E, V::E, t(years[0]), t(years[1]), t(years[2])],
        vec![
            n(1.0),
            t("โครงการอบรมคุณธรรม"),
            n(100.0),
            n(200.0),
            n(300.0),
            n(50.0),
            t("อยู่ระหว่างดำเนินการ"),
        ],
    ])
    .merged(&[
        (0, 2, 0, 4),
        (0, 0, 1, 0),
        (0, 1, 1, 1),
        (0, 5, 1, 5),
        (0, 6, 1, 6),
    ])
}

#[test]
fn years_written_with_their_words_under_a_budget_are_read_as_the_years() {
    for years in [
        ["ปี พ.ศ. 2564", "ปี พ.ศ. 2565", "ปี พ.ศ. 2566"],
        ["พศ.2564", "พศ.2565", "พศ.2566"],
        ["งบปี 64", "งบปี 65", "งบปี 66"],
        ["ปี '64", "ปี '65", "ปี '66"],
    ] {
        let dir = folder();
        budget_over_years(years).save_as(dir.path(), "มิติที่ 1");
        let (code, json, _) = run_json(dir.path(), &["check", "."]);
        assert_eq!(code, 0, "{}: {:?}", years[1], codes(&json));
        assert_eq!(
            json["summary"]["total"]["budget_plan"], "200.00",
            "{}: the 2565 column",
            years[1]
        );
    }
    // Two digits with no year word are still no year: `'65` alone is a split of the budget.
    let dir = folder();
    budget_over_years(["'64", "'65", "'66"]).save_as(dir.path(), "มิติที่ 1");
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    assert_eq!(json["summary"]["total"]["budget_plan"], "0.00");
}

#[test]
fn a_budget_header_of_one_year_written_short_is_that_years_budget() {
    let sheet = |budget: &str| {
        Sheet::of(vec![
            vec![
                t("ที่"),
                t("โครงการ/กิจกรรม/มาตรการ"),
                t(budget),
                t("เบิกจ่ายปี 65"),
                t("สถานะ"),
            ],
            project(1.0, "โครงการอบรมคุณธรรม", 1000.0, "ดำเนินการแล้วเสร็จ"),
        ])
    };
    let dir = folder();
    sheet("งบปี 65").save_as(dir.path(), "มิติที่ 1");
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    assert_eq!(json["summary"]["total"]["budget_plan"], "1000.00");
    // Another year's budget is not this year's.
    let dir = folder();
    sheet("งบปี 66").save_as(dir.path(), "มิติที่ 1");
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    let missing = issue_coded(&json, "budget-year-missing");
    assert_eq!(missing["cell"], "C1");
    assert!(
        missing["message"]
            .as_str()
            .unwrap_or_default()
            .contains("2566"),
        "{missing}"
    );
}

#[test]
fn a_row_of_units_under_the_years_is_part_of_the_header() {
    for unit in ["(บาท)", "บาท", "(หน่วย: บาท)"] {
        let mut sheet = budget_over_years(["ปี 2564", "ปี 2565", "ปี 2566"]);
        sheet
            .rows
            .insert(2, vec![V::E, V::E, t(unit), t(unit), t(unit), t(unit)]);
        sheet.merges = vec![(0, 2, 0, 4), (0, 0, 2, 0), (0, 1, 2, 1), (0, 6, 2, 6)];
        let dir = folder();
        sheet.save_as(dir.path(), "มิติที่ 1");
        let (code, json, _) = run_json(dir.path(), &["check", "."]);
        assert_eq!(code, 0, "{unit}: {:?}", codes(&json));
        let total = &json["summary"]["total"];
        assert_eq!(total["projects"], 1, "{unit}");
        assert_eq!(total["budget_plan"], "200.00", "{unit}");
        assert_eq!(total["disbursed"], "50.00", "{unit}");
        assert_eq!(
            json["inputs"][0]["rows"], 1,
            "{unit}: the unit row is no row read"
        );
    }
}

/// Amounts in messages are baht with two decimals, as on the summary: `0.50 บาท`, and a total
/// row's sums `C4 50,000.00 บาท`.
#[test]
fn amounts_in_messages_are_baht_with_two_decimals() {
    let dir = folder();
    Sheet::of(vec![
        plan_header(),
        project(1.0, "โครงการอบรมคุณธรรม", 25000.0, "ดำเนินการแล้วเสร็จ"),
        project(2.0, "โครงการเปิดเผยข้อมูล", 25000.0, "ดำเนินการแล้วเสร็จ"),
        vec![V::E, V::E, n(50000.0), n(0.0)],
        project(3.0, "กิจกรรมเผยแพร่ข้อมูลข่าวสาร", 0.5, "ดำเนินการแล้วเสร็จ"),
    ])
    .save_as(dir.path(), "มิติที่ 1");
    let (_, json, _) = run_json(dir.path(), &["check", "."]);
    let total = issue_coded(&json, "total-row-unlabelled")["message"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        total.contains("(C4 50,000.00 บาท") && total.contains("(C4 50,000.00 baht"),
        "{total}"
    );
    let below = issue_coded(&json, "money-below-one-baht")["message"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        below.contains("งบประมาณตามแผน 0.50 บาท น้อยกว่า 1 บาท") && below.contains("of 0.50 baht"),
        "{below}"
    );
    assert!(
        below.contains("(0.5 แสดงเป็น 50%)"),
        "as Excel shows it: {below}"
    );
}

#[test]
fn no_budget_written_mai_mee_ngop_is_nothing() {
    let dir = folder();
    Sheet::of(vec![
        plan_header(),
        vec![
            n(1.0),
            t("กิจกรรมประกาศเจตจำนงต่อต้านการทุจริต"),
            t("ไม่มีงบ"),
            t("ไม่มีงบ"),
            t("ดำเนินการแล้วเสร็จ"),
        ],
        project(2.0, "โครงการอบรมคุณธรรม", 5000.0, "ดำเนินการแล้วเสร็จ"),
    ])
    .save_as(dir.path(), "มิติที่ 2");
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    let total = &json["summary"]["total"];
    assert_eq!(total["projects"], 2);
    assert_eq!(total["budget_plan"], "5000.00");
    assert!(issues_coded(&json, "money-not-number").is_empty());
}

/// A name wrapped by hand at a space keeps one space at the join; one wrapped between two Thai
/// words runs on, as Thai is written.
#[test]
fn a_name_wrapped_at_a_space_keeps_one_space_at_the_join() {
    for (first, rest, joined) in [
        (
            "โครงการฝึกอบรมคุณธรรม จริยธรรม",
            "      ของพนักงานส่วนจังหวัด",
            "โครงการฝึกอบรมคุณธรรม จริยธรรม ของพนักงานส่วนจังหวัด",
        ),
        (
            "โครงการฝึกอบรมคุณธรรม จริยธรรม ",
            "ของพนักงานส่วนจังหวัด",
            "โครงการฝึกอบรมคุณธรรม จริยธรรม ของพนักงานส่วนจังหวัด",
        ),
        (
            "โครงการฝึกอบรมคุณธรรม จริยธรรม",
            "ของพนักงานส่วนจังหวัด",
            "โครงการฝึกอบรมคุณธรรม จริยธรรมของพนักงานส่วนจังหวัด",
        ),
    ] {
        let dir = folder();
        Sheet::of(vec![
            plan_header(),
            project(1.0, first, 1000.0, "ดำเนินการแล้วเสร็จ"),
            vec![V::E, t(rest)],
            project(2.0, "กิจกรรมเผยแพร่ข้อมูล", 1000.0, "ดำเนินการแล้วเสร็จ"),
        ])
        .save_as(dir.path(), "มิติที่ 1");
        let read = crate::support::read_file(&dir.path().join("กองช่าง.xlsx"));
        assert_eq!(read.rows.len(), 2, "{rest:?}");
        let name = read.rows[0].name.as_ref().map(|c| c.value.display());
        assert_eq!(name.as_deref(), Some(joined), "{first:?} + {rest:?}");
    }
}

/// The plan document's header over three rows: `ผลการดำเนินงาน` merged over rows 1–2, the years
/// on row 2 under `งบประมาณ (บาท)`, the four status labels on row 3 (QA s12 F2).
fn status_labels_on_the_third_row(project: Vec<V>) -> Sheet {
    let statuses = [
        "รอรายงาน",
        "อยู่ระหว่างดำเนินการ",
        "ดำเนินการแล้วเสร็จ",
        "ไม่สามารถดำเนินการได้",
    ];
    let mut third = vec![V::E; 6];
    third.extend(statuses.iter().map(|s| t(s)));
    Sheet::of(vec![
        vec![
            t("ที่"),
            t("โครงการ/กิจกรรม/มาตรการ"),
            t("งบประมาณ (บาท)"),
            V::E,
            V::E,
            t("เบิกจ่าย (บาท)"),
            t("ผลการดำเนินงาน"),
        ],
        vec![V::E, V::E, n(2564.0), n(2565.0), n(2566.0)],
        third,
        project,
    ])
    .merged(&[
        (0, 0, 2, 0),
        (0, 1, 2, 1),
        (0, 2, 0, 4),
        (1, 2, 2, 2),
        (1, 3, 2, 3),
        (1, 4, 2, 4),
        (0, 5, 2, 5),
        (0, 6, 1, 9),
    ])
}

#[test]
fn status_labels_on_a_third_header_row_are_the_tick_columns() {
    let dir = folder();
    let ticked = vec![
        n(1.0),
        t("โครงการอบรมคุณธรรม"),
        n(111.0),
        n(1000.0),
        n(333.0),
        n(100.0),
        V::E,
        V::E,
        t("✓"),
    ];
    status_labels_on_the_third_row(ticked).save_as(dir.path(), "มิติที่ 1");
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    assert!(issues_coded(&json, "status-missing").is_empty());
    let total = &json["summary"]["total"];
    assert_eq!(total["budget_plan"], "1000.00", "the 2565 column");
    assert_eq!(total["disbursed"], "100.00");
    assert_eq!(total["completed"], 1, "the tick under ดำเนินการแล้วเสร็จ");
    assert_eq!(
        json["inputs"][0]["counted"], 1,
        "the third row is no project"
    );
    let explained = explain(dir.path());
    assert!(explained.contains("หัวตาราง แถว 1–3"), "{explained}");
    assert!(explained.contains("I → ดำเนินการแล้วเสร็จ"), "{explained}");
}

/// What `check --explain` prints for the folder.
fn explain(dir: &std::path::Path) -> String {
    let out = assert_cmd::Command::cargo_bin("planmerge")
        .expect("binary")
        .current_dir(dir)
        .args(["check", ".", "--explain"])
        .output()
        .expect("run");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `งบประมาณ | งบประมาณปี 2566` in a 2565 report: the column with no year is the report's, the
/// other next year's, not read (QA s12 M1).
#[test]
fn a_budget_with_no_year_beside_another_years_is_the_report_years() {
    let dir = folder();
    Sheet::of(vec![
        vec![
            t("ลำดับ"),
            t("โครงการ/กิจกรรม/มาตรการ"),
            t("งบประมาณ"),
            t("งบประมาณปี 2566"),
            t("เบิกจ่าย"),
            t("สถานะ"),
        ],
        vec![
            n(1.0),
            t("โครงการอบรมคุณธรรม"),
            n(1000.0),
            n(5000.0),
            n(100.0),
            t("ดำเนินการแล้วเสร็จ"),
        ],
    ])
    .save_as(dir.path(), "มิติที่ 1");
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    assert!(issues_coded(&json, "budget-year-missing").is_empty());
    assert_eq!(json["summary"]["total"]["budget_plan"], "1000.00");
    let explained = explain(dir.path());
    assert!(
        explained.contains("C → งบประมาณ (\"งบประมาณ\")"),
        "{explained}"
    );
    assert!(explained.contains("D → ไม่อ่าน"), "{explained}");
}

/// `งบประมาณ 2564-2566 (บาท)` in a 2565 report: one figure for three years, said as the span
/// at its header, never read as 2565's (QA s12 M2).
#[test]
fn a_budget_over_a_span_of_years_is_said_as_the_span() {
    let dir = folder();
    Sheet::of(vec![
        vec![
            t("ที่"),
            t("โครงการ/กิจกรรม/มาตรการ"),
            t("งบประมาณ 2564-2566 (บาท)"),
            t("เบิกจ่าย"),
            t("สถานะ"),
        ],
        project(1.0, "โครงการอบรมคุณธรรม", 3000.0, "ดำเนินการแล้วเสร็จ"),
    ])
    .save_as(dir.path(), "มิติที่ 1");
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    assert!(issues_coded(&json, "budget-year-missing").is_empty());
    let span = issue_coded(&json, "budget-year-span");
    assert_eq!(span["cell"], "C1");
    let message = span["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("2564–2566") && message.contains("2565"),
        "{message}"
    );
}
