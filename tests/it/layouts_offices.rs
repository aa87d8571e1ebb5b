//! Layouts found in offices' own workbooks by QA, each read exactly or refused at its cell: a
//! project whose name begins with รวม, budgets per year with the years above the labels, formulas
//! saved without their value, merged มิติ cells, ticks pasted from phones, name headers in other
//! words, notes and signature blocks under the table, total and heading rows where offices put
//! them, hidden rows, other status words. Every fixture is built here, by code.

use crate::support::sheet::{NO_CACHE, Sheet, codes, issues_coded, n, plan_top};
use crate::support::{V, folder, issue_coded, run_json, t};
use rust_xlsxwriter::Workbook;
use serde_json::Value;
use std::path::Path;

#[test]
fn a_project_named_ruam_phalang_is_read_not_skipped_as_a_total() {
    let dir = folder();
    Sheet::under_plan_header(vec![
        vec![t("มิติที่ 3 การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน")],
        vec![
            V::E,
            t("โครงการเยาวชนคนดี"),
            n(5000.0),
            n(0.0),
            t("ดำเนินการแล้วเสร็จ"),
        ],
        // Status not filled in yet: a project with an error, never a total.
        vec![V::E, t("รวมพลังเยาวชนต้านทุจริต"), n(20000.0), n(0.0)],
        vec![V::E, t("รวมใจภักดิ์"), n(1000.0), n(0.0), t("รอรายงาน")],
        vec![V::E, t("รวมทั้งสิ้น 3 โครงการ"), n(26000.0), n(0.0)],
    ])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    let missing = issue_coded(&json, "status-missing");
    assert_eq!(missing["cell"], "E5");
    assert_eq!(issues_coded(&json, "status-missing").len(), 1);
    // The row with a status is counted; the one without is refused, not dropped.
    let total = &json["summary"]["total"];
    assert_eq!(total["projects"], 2);
    assert_eq!(total["budget_plan"], "6000.00");
    assert_eq!(
        json["inputs"][0]["rows"], 3,
        "three project rows, the total skipped"
    );
}

#[test]
fn a_total_row_that_also_holds_a_name_and_a_budget_is_a_warning() {
    let dir = folder();
    Sheet::of(vec![
        vec![
            t("ลำดับ"),
            t("ชื่อโครงการ"),
            t("มิติ"),
            t("งบประมาณ"),
            t("เบิกจ่าย"),
            t("สถานะ"),
        ],
        vec![
            n(1.0),
            t("โครงการ ก"),
            n(1.0),
            n(1000.0),
            n(0.0),
            t("รอรายงาน"),
        ],
        vec![t("รวม"), t("โครงการ ข"), V::E, n(500.0), n(0.0)],
    ])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    let named = issue_coded(&json, "total-row-named");
    assert_eq!(named["severity"], "warning");
    assert_eq!(named["cell"], "B3");
    let message = named["message"].as_str().unwrap_or_default();
    assert!(
        message.starts_with("แถวนี้อ่านเป็นแถวรวม (\"รวม\")"),
        "{message}"
    );
    assert!(message.contains("โครงการ ข"), "{message}");
    assert_eq!(json["summary"]["total"]["projects"], 1);
}

/// The official ป.ป.ช. form: the years on the upper header row, `งบประมาณ (บาท)` under each
/// (`years` are the upper row's labels, `under` the lower row's).
fn budget_per_year(years: [V; 3], under: [&str; 3]) -> Sheet {
    let mut upper = vec![t("มิติ"), t("โครงการ/กิจกรรม/มาตรการ")];
    upper.extend(years);
    upper.extend([t("เบิกจ่าย"), t("สถานะ")]);
    let mut lower = vec![V::E, V::E];
    lower.extend(under.iter().map(|s| t(s)));
    Sheet::of(vec![
        vec![t("แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2564 - 2566)")],
        upper,
        lower,
        vec![
            n(1.0),
            t("โครงการอบรมคุณธรรม"),
            n(1000.0),
            n(2000.0),
            n(3000.0),
            n(500.0),
            t("ดำเนินการแล้วเสร็จ"),
        ],
    ])
    .merged(&[(1, 0, 2, 0), (1, 1, 2, 1), (1, 5, 2, 5), (1, 6, 2, 6)])
}

#[test]
fn years_above_the_budget_labels_give_the_report_years_column() {
    let budget = "งบประมาณ (บาท)";
    let layouts = [
        budget_per_year([t("ปี 2564"), t("ปี 2565"), t("ปี 2566")], [budget; 3]),
        budget_per_year([t("ปี 64"), t("ปี 65"), t("ปี 66")], [budget; 3]),
        // A merged งบประมาณ over its years, spelt three ways.
        budget_per_year(
            [t("งบประมาณ"), V::E, V::E],
            ["ปีงบประมาณ 2564", "ปีงบประมาณ 2565", "ปีงบประมาณ 2566"],
        ),
        budget_per_year(
            [t("งบประมาณ"), V::E, V::E],
            ["งบประมาณ 2564", "งบประมาณ 2565", "งบประมาณ 2566"],
        ),
        budget_per_year(
            [t("งบประมาณ"), V::E, V::E],
            ["2564\n(บาท)", "2565\n(บาท)", "2566\n(บาท)"],
        ),
        // The years typed above: Excel keeps them as numbers.
        budget_per_year([n(2564.0), n(2565.0), n(2566.0)], [budget; 3]),
        // One header row, the years shortened in the text.
        budget_per_year(
            [t("งบประมาณ ปี 64"), t("งบประมาณ ปี 65"), t("งบประมาณ ปี 66")],
            ["", "", ""],
        ),
    ];
    for (i, sheet) in layouts.into_iter().enumerate() {
        let dir = folder();
        sheet.save(dir.path());
        let (code, json, stderr) = run_json(dir.path(), &["merge", "."]);
        assert_eq!(code, 0, "layout {i}: {stderr}");
        let total = &json["summary"]["total"];
        assert_eq!(
            total["projects"], 1,
            "layout {i}: the year row is no project"
        );
        assert_eq!(
            total["budget_plan"], "2000.00",
            "layout {i}: the 2565 column"
        );
        assert_eq!(total["disbursed"], "500.00", "layout {i}");
        let columns = &json["inputs"][0]["tables"][0]["columns"];
        assert!(
            columns.to_string().contains("D → งบประมาณ ปี 2565"),
            "layout {i}: {columns}"
        );
    }
}

#[test]
fn years_above_without_the_report_year_name_the_years_found() {
    let dir = folder();
    let budget = "งบประมาณ (บาท)";
    budget_per_year([t("ปี 2564"), t("ปี 2565"), t("ปี 2566")], [budget; 3]).save(dir.path());
    let toml = crate::support::REPORT_TOML
        .replace("fiscal_year = 2565", "fiscal_year = 2567")
        .replace("2022-04-21", "2024-04-21");
    std::fs::write(dir.path().join("report.toml"), toml).expect("toml");
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1);
    let missing = issue_coded(&json, "budget-year-missing");
    assert_eq!(missing["cell"], "C3", "the first year column of the header");
    let message = missing["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("2567") && message.contains("2564, 2565, 2566"),
        "{message}"
    );
    assert_eq!(json["summary"]["total"]["projects"], 0);
}

#[test]
fn budget_columns_without_years_are_a_duplicate_naming_them_never_the_first_taken() {
    let dir = folder();
    let budget = "งบประมาณ (บาท)";
    budget_per_year([t("งบประมาณ"), V::E, V::E], [budget; 3]).save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    let duplicate = issue_coded(&json, "header-duplicate");
    assert_eq!(duplicate["cell"], "D3");
    let message = duplicate["message"].as_str().unwrap_or_default();
    assert!(
        message.contains(
            "คอลัมน์ C \"งบประมาณ / งบประมาณ (บาท)\", D \"งบประมาณ (บาท)\", E \"งบประมาณ (บาท)\""
        ),
        "{message}"
    );
    assert_eq!(json["summary"]["total"]["projects"], 0);
    assert_eq!(json["summary"]["total"]["budget_plan"], "0.00");
}

/// Where a blank means "no" or "nothing" — a บรรจุ tick, a status tick beside one typed, the
/// remark — a formula saved without its value is said at its cell too, not read as blank.
#[test]
fn a_formula_without_its_value_in_a_tick_or_remark_column_is_said_not_read_as_blank() {
    let dir = folder();
    let header = crate::support::TICKS_HEADER;
    let row = |n: f64, name: &str, in_ordinance: V, in_progress: V, done: V, remark: V| {
        vec![
            V::N(n),
            t(name),
            V::N(1.0),
            V::N(100.0),
            V::N(0.0),
            in_ordinance,
            V::E,
            in_progress,
            done,
            V::E,
            remark,
        ]
    };
    let formula = || V::F("=IF(1,\"☑\",\"\")", NO_CACHE);
    Sheet::of(vec![
        header.iter().map(|h| t(h)).collect(),
        row(1.0, "โครงการ ก", formula(), V::E, t("☑"), V::E),
        row(2.0, "โครงการ ข", V::E, t("☑"), formula(), V::E),
        row(
            3.0,
            "โครงการ ค",
            V::E,
            V::E,
            t("☑"),
            V::F("=\"ดู\"&\"แผน\"", NO_CACHE),
        ),
        row(4.0, "โครงการ ง", t("☑"), V::E, t("☑"), V::E),
    ])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    let cells: Vec<&Value> = issues_coded(&json, "formula-no-value")
        .iter()
        .map(|i| &i["cell"])
        .collect();
    assert_eq!(cells, ["F2", "I3", "K4"], "{:?}", codes(&json));
    assert_eq!(
        json["summary"]["total"]["projects"],
        1,
        "{:?}",
        codes(&json)
    );
}

/// A status tick (and the บรรจุ tick) merged down over two projects is each one's, as the
/// printed page shows it; a ☑ in one project's row alone is that row's.
#[test]
fn a_tick_merged_over_two_projects_is_each_ones() {
    let dir = folder();
    let header = &crate::support::TICKS_HEADER[..10];
    let row = |n: f64, name: &str, in_ordinance: V, done: V| {
        let mut cells = vec![V::N(n), t(name), V::N(1.0), V::N(100.0), V::N(0.0)];
        cells.extend([in_ordinance, V::E, V::E, done, V::E]);
        cells
    };
    Sheet::of(vec![
        header.iter().map(|h| t(h)).collect(),
        row(1.0, "โครงการ ก", t("☑"), t("☑")),
        row(2.0, "โครงการ ข", V::E, V::E),
        row(3.0, "โครงการ ค", V::E, t("☑")),
    ])
    .merged(&[(1, 5, 2, 5), (1, 8, 2, 8)])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    let status = &json["summary"]["status"];
    assert_eq!(status["completed"], 3, "{:?}", codes(&json));
    assert_eq!(status["in_ordinance"], 2, "{:?}", codes(&json));
}

#[test]
fn a_formula_saved_without_its_value_is_an_error_at_its_cell_never_zero() {
    let dir = folder();
    Sheet::of(vec![
        vec![t("หัว")],
        vec![
            t("ลำดับ"),
            t("ชื่อโครงการ"),
            t("มิติ"),
            t("งบประมาณ"),
            t("เบิกจ่าย"),
            t("สถานะ"),
        ],
        vec![
            n(1.0),
            t("โครงการ ก"),
            n(1.0),
            V::F("=50000+5300", NO_CACHE),
            n(0.0),
            t("ดำเนินการแล้วเสร็จ"),
        ],
        vec![
            n(2.0),
            V::F("=\"โครงการ \"&\"ข\"", NO_CACHE),
            n(1.0),
            n(100.0),
            n(0.0),
            t("ดำเนินการแล้วเสร็จ"),
        ],
        // A formula with its value is read as ever.
        vec![
            n(3.0),
            t("โครงการ ค"),
            n(1.0),
            V::F("=1000+234", "1234"),
            n(0.0),
            t("ดำเนินการแล้วเสร็จ"),
        ],
    ])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    let found = issues_coded(&json, "formula-no-value");
    let cells: Vec<&Value> = found.iter().map(|i| &i["cell"]).collect();
    assert_eq!(cells, ["D3", "B4"], "{:?}", codes(&json));
    let message = found[0]["message"].as_str().unwrap_or_default();
    assert!(message.starts_with("ช่องนี้เป็นสูตร (=50000+5300)"), "{message}");
    let fix = found[0]["fix"].as_str().unwrap_or_default();
    assert!(fix.starts_with("เปิดไฟล์ใน Excel แล้วบันทึกอีกครั้ง"), "{fix}");
    assert!(issues_coded(&json, "money-blank").is_empty());
    assert!(issues_coded(&json, "name-missing").is_empty());
    let total = &json["summary"]["total"];
    assert_eq!(total["projects"], 1);
    assert_eq!(total["budget_plan"], "1234.00");
}

/// A row whose every cell is a formula saved without its value, its ลำดับ too (a report sheet
/// of `=IF(data!B2="","",data!B2)` written by a script), was passed over as blank: 75 of 81
/// projects and only `table-empty` (QA s12-2). Each of its fields is `formula-no-value`, also
/// right under the header and with no row of values in the sheet.
#[test]
fn a_row_of_formulas_without_values_is_told_at_its_cells_never_passed_over_as_blank() {
    let formulas = |r: u32| -> Vec<V> {
        let pulled = |col: &str| -> V {
            let text = format!("=IF(data!{col}{r}=\"\",\"\",data!{col}{r})");
            V::F(Box::leak(text.into_boxed_str()), NO_CACHE)
        };
        ["A", "B", "C", "D", "E", "F"]
            .iter()
            .map(|c| pulled(c))
            .collect()
    };
    let header = vec![
        t("ลำดับ"),
        t("ชื่อโครงการ"),
        t("มิติ"),
        t("งบประมาณ"),
        t("เบิกจ่าย"),
        t("สถานะ"),
    ];
    let typed = vec![
        n(2.0),
        t("โครงการ ข"),
        n(1.0),
        n(1000.0),
        n(0.0),
        t("ดำเนินการแล้วเสร็จ"),
    ];
    let dir = folder();
    Sheet::of(vec![
        vec![t("หัว")],
        header.clone(),
        formulas(2),
        typed,
        formulas(4),
    ])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    let cells: Vec<&Value> = issues_coded(&json, "formula-no-value")
        .iter()
        .map(|i| &i["cell"])
        .collect();
    let expected = ["B3", "C3", "D3", "E3", "F3", "B5", "C5", "D5", "E5", "F5"];
    assert_eq!(cells, expected, "{:?}", codes(&json));
    assert_eq!(json["summary"]["total"]["projects"], 1);
    assert_eq!(json["summary"]["total"]["budget_plan"], "1000.00");
    // A sheet of nothing but such rows is no empty table.
    let dir = folder();
    Sheet::of(vec![vec![t("หัว")], header, formulas(2), formulas(3)]).save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    assert_eq!(issues_coded(&json, "formula-no-value").len(), 10);
    assert!(
        issues_coded(&json, "table-empty").is_empty(),
        "{:?}",
        codes(&json)
    );
}

#[test]
fn a_dimension_cell_merged_down_across_its_projects_gives_each_its_dimension() {
    let dir = folder();
    merged_dimension_sheet().save(dir.path());
    assert_merged_dimension_read(dir.path());
    // The same workbook saved as .xls and .ods by LibreOffice (merged ranges kept).
    for ext in ["xls", "ods"] {
        let dir = folder();
        let name = format!("มิติผสาน.{ext}");
        std::fs::copy(formats_fixture(&name), dir.path().join(&name)).expect("fixture");
        assert_merged_dimension_read(dir.path());
    }
}

/// A มิติ column merged down: C3:C5 (dimension 1) and C6:C7 (the plan form's text for 2);
/// C8 is blank and merged with nothing.
fn merged_dimension_sheet() -> Sheet {
    let project = |no: f64, name: &str, dimension: V, budget: f64, status: &str| {
        vec![n(no), t(name), dimension, n(budget), n(0.0), t(status)]
    };
    let done = "ดำเนินการแล้วเสร็จ";
    Sheet::of(vec![
        vec![t("หัว")],
        vec![
            t("ลำดับ"),
            t("ชื่อโครงการ"),
            t("มิติ"),
            t("งบประมาณ"),
            t("เบิกจ่าย"),
            t("สถานะ"),
        ],
        project(1.0, "โครงการ ก", n(1.0), 1000.0, done),
        project(2.0, "โครงการ ข", V::E, 2000.0, done),
        project(3.0, "โครงการ ค", V::E, 3000.0, done),
        // The plan form's text, merged down too.
        project(
            4.0,
            "โครงการ ง",
            t("2. การบริหารราชการเพื่อป้องกันการทุจริต"),
            4000.0,
            done,
        ),
        project(5.0, "โครงการ จ", V::E, 5000.0, "อยู่ระหว่างดำเนินการ"),
        // Not merged: still missing.
        project(6.0, "โครงการ ฉ", V::E, 6000.0, done),
    ])
    .merged(&[(2, 2, 4, 2), (5, 2, 6, 2)])
}

/// What [`merged_dimension_sheet`] must give, from whichever format is in `dir`.
fn assert_merged_dimension_read(dir: &Path) {
    let (code, json, _) = run_json(dir, &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    let missing = issues_coded(&json, "dimension-missing");
    let cells: Vec<&Value> = missing.iter().map(|i| &i["cell"]).collect();
    assert_eq!(cells, ["C8"], "only the row outside every merged range");
    let dimensions = &json["summary"]["dimensions"];
    assert_eq!(dimensions[0]["projects"], 3);
    assert_eq!(dimensions[0]["budget_plan"], "6000.00");
    assert_eq!(dimensions[1]["projects"], 2);
    assert_eq!(dimensions[1]["budget_plan"], "9000.00");
}

/// A committed fixture of tests/fixtures/formats (LibreOffice's conversions; see its README).
fn formats_fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

/// Makes `มิติผสาน.xls` and `มิติผสาน.ods` from [`merged_dimension_sheet`] (LibreOffice converts):
/// `cargo test --test it -- --ignored layouts_offices::regenerate_merged_dimension_fixtures`.
#[test]
#[ignore = "needs LibreOffice; rewrites tests/fixtures/formats/มิติผสาน.*"]
fn regenerate_merged_dimension_fixtures() {
    let work = tempfile::tempdir().expect("tempdir");
    merged_dimension_sheet().save(work.path());
    let xlsx = work.path().join("มิติผสาน.xlsx");
    std::fs::rename(work.path().join("กองช่าง.xlsx"), &xlsx).expect("rename");
    for ext in ["xls", "ods"] {
        let out = crate::support::hostile::soffice_convert(&xlsx, ext, work.path())
            .expect("LibreOffice conversion");
        std::fs::copy(&out, formats_fixture(&format!("มิติผสาน.{ext}"))).expect("copy");
    }
}

#[test]
fn square_root_ticks_and_ticks_pasted_from_a_phone_are_ticks() {
    let dir = folder();
    let header = crate::support::TICKS_HEADER;
    let row = |no: f64, name: &str, in_ordinance: &str, ticks: [&str; 4]| {
        let mut row = vec![n(no), t(name), n(1.0), n(100.0), n(0.0), t(in_ordinance)];
        row.extend(ticks.iter().map(|x| if x.is_empty() { V::E } else { t(x) }));
        row
    };
    Sheet::of(vec![
        header.iter().map(|h| t(h)).collect(),
        row(1.0, "โครงการ ก", "√", ["", "", "√", ""]),
        row(2.0, "โครงการ ข", "✔\u{FE0F}", ["", "✔\u{FE0F}", "", ""]),
        row(3.0, "โครงการ ค", "", ["", "", "\u{2713}\u{FE0E}", ""]),
        // A mark that is no tick: one error, at its cell, and no "no status" elsewhere.
        row(4.0, "โครงการ ง", "", ["", "", "P", ""]),
    ])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    let errors: Vec<String> = json["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .filter(|i| i["severity"] == "error")
        .map(|i| {
            format!(
                "{} {}",
                i["code"].as_str().unwrap_or(""),
                i["cell"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(errors, ["tick-unknown I5"]);
    let status = &json["summary"]["status"];
    assert_eq!(status["total"], 3);
    assert_eq!(status["completed"], 2);
    assert_eq!(status["in_progress"], 1);
    assert_eq!(status["in_ordinance"], 2);
}

#[test]
fn name_headers_in_other_words_are_read() {
    for name in [
        "โครงการ กิจกรรม มาตรการ",
        "ชื่อกิจกรรม",
        "รายการ",
        "โครงการ-กิจกรรม",
        "โครงการและกิจกรรม",
    ] {
        let dir = folder();
        Sheet::of(vec![
            vec![t("หัว")],
            vec![
                t("ลำดับ"),
                t(name),
                t("มิติ"),
                t("งบประมาณ"),
                t("เบิกจ่าย"),
                t("สถานะ"),
            ],
            vec![
                n(1.0),
                t("โครงการ ก"),
                n(1.0),
                n(1000.0),
                n(0.0),
                t("ดำเนินการแล้วเสร็จ"),
            ],
        ])
        .save(dir.path());
        let (code, json, stderr) = run_json(dir.path(), &["merge", "."]);
        assert_eq!(code, 0, "{name}: {stderr}");
        assert_eq!(json["summary"]["total"]["projects"], 1, "{name}");
        assert_eq!(json["summary"]["total"]["budget_plan"], "1000.00", "{name}");
    }
}

#[test]
fn a_header_missing_only_its_name_column_is_incomplete_at_its_row() {
    let dir = folder();
    Sheet::of(vec![
        vec![t("หัว")],
        vec![
            t("ลำดับ"),
            t("งาน"),
            t("มิติ"),
            t("งบประมาณ"),
            t("เบิกจ่าย"),
            t("สถานะ"),
        ],
        vec![
            n(1.0),
            t("โครงการ ก"),
            n(1.0),
            n(1000.0),
            n(0.0),
            t("ดำเนินการแล้วเสร็จ"),
        ],
    ])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1);
    assert!(
        issues_coded(&json, "no-project-table").is_empty(),
        "{:?}",
        codes(&json)
    );
    let incomplete = issue_coded(&json, "header-incomplete");
    assert_eq!(incomplete["sheet"], "แผน");
    assert_eq!(incomplete["cell"], "2", "the header's row");
    let message = incomplete["message"].as_str().unwrap_or_default();
    assert!(message.contains("รายการโครงการ"), "{message}");
    let fix = incomplete["fix"].as_str().unwrap_or_default();
    assert!(fix.contains("[headers] name = [\"…\"]"), "{fix}");
}

#[test]
fn notes_and_a_reporter_block_under_the_table_are_neither_projects_nor_names() {
    let header = vec![
        t("ที่"),
        t("โครงการ/กิจกรรม/มาตรการ"),
        t("มิติ"),
        t("งบประมาณ"),
        t("เบิกจ่าย"),
        t("สถานะ"),
    ];
    let project = |i: f64, name: &str| {
        vec![
            n(i),
            t(name),
            n(1.0),
            n(1000.0),
            n(0.0),
            t("ดำเนินการแล้วเสร็จ"),
        ]
    };
    let dir = folder();
    Sheet::of(vec![
        vec![t("หัว")],
        header,
        project(1.0, "โครงการ ก"),
        project(2.0, "โครงการ ข"),
        vec![V::E, t("(ข้อมูล ณ วันที่ 31 มีนาคม 2565)")],
        vec![V::E, t("ผู้รายงาน")],
        vec![V::E, t("(นางสาวสมหญิง ใจดี)")],
        vec![V::E, t("นักวิเคราะห์นโยบายและแผน")],
        // A date is a number in the sheet: the block's วันที่ line is still the block.
        vec![V::E, t("วันที่"), n(44651.0)],
    ])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    let problems: Vec<String> = json["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .filter(|i| i["severity"] != "note")
        .map(|i| format!("{} {}", i["code"], i["cell"]))
        .collect();
    assert_eq!(code, 0, "{problems:?}");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(json["inputs"][0]["rows"], 2);
    assert!(
        json["issues"].to_string().matches("name-joined").count() == 0,
        "the note is not joined to โครงการ ข"
    );
}

/// Section rows as offices write them: the heading with its dimension's subtotals beside it
/// (as numbers, or typed as text: `5,000.-`, `-`), or the label and its title in two cells.
#[test]
fn a_dimension_heading_carrying_its_subtotal_sets_the_dimension_and_is_not_a_project() {
    let headings: [(&str, [V; 4], [V; 4]); 3] = [
        (
            "subtotals as numbers",
            [
                t("มิติที่ 1 การสร้างสังคมที่ไม่ทนต่อการทุจริต"),
                V::E,
                n(5000.0),
                n(0.0),
            ],
            [
                t("มิติที่ 2 การบริหารราชการด้วยความโปร่งใส"),
                V::E,
                n(3000.0),
                n(1000.0),
            ],
        ),
        (
            "subtotals typed as text",
            [
                t("มิติที่ 1 การสร้างสังคมที่ไม่ทนต่อการทุจริต"),
                V::E,
                t("5,000.-"),
                t("-"),
            ],
            [
                t("มิติที่ 2 การบริหารราชการด้วยความโปร่งใส"),
                V::E,
                t("3,000 บาท"),
                t("1,000.-"),
            ],
        ),
        (
            "the label and its title in two cells",
            [t("มิติที่ 1"), t("การสร้างสังคมที่ไม่ทนต่อการทุจริต"), V::E, V::E],
            [
                t("มิติที่ ๒"),
                t("การบริหารราชการด้วยความโปร่งใส"),
                n(3000.0),
                V::E,
            ],
        ),
    ];
    for (layout, first, second) in headings {
        let dir = folder();
        Sheet::under_plan_header(vec![
            first.to_vec(),
            vec![
                n(1.0),
                t("โครงการอบรมคุณธรรม"),
                n(5000.0),
                n(0.0),
                t("ดำเนินการแล้วเสร็จ"),
            ],
            second.to_vec(),
            vec![
                n(2.0),
                t("โครงการเปิดเผยข้อมูล"),
                n(3000.0),
                n(1000.0),
                t("อยู่ระหว่างดำเนินการ"),
            ],
        ])
        .save(dir.path());
        let (code, json, _) = run_json(dir.path(), &["check", "."]);
        assert_eq!(code, 0, "{layout}: {:?}", codes(&json));
        let dims = &json["summary"]["dimensions"];
        assert_eq!(
            (dims[0]["projects"].as_u64(), dims[1]["projects"].as_u64()),
            (Some(1), Some(1)),
            "{layout}"
        );
        assert_eq!(
            json["summary"]["total"]["budget_plan"], "8000.00",
            "{layout}: subtotals not counted"
        );
    }
}

/// A project whose dimension is written `มิติที่ 1` in the มิติ column, beside its name, with
/// no ลำดับ, stays a project: the label is its dimension, not a heading.
#[test]
fn a_project_with_its_dimension_written_as_a_label_is_no_split_heading() {
    let dir = folder();
    Sheet::of(vec![
        vec![
            t("มิติ"),
            t("ชื่อโครงการ"),
            t("งบประมาณ"),
            t("เบิกจ่าย"),
            t("อยู่ระหว่างดำเนินการ"),
        ],
        vec![t("มิติที่ 1"), t("การอบรมคุณธรรม"), n(5000.0), n(0.0), n(1.0)],
        // No status yet: refused at its cell, still a project.
        vec![t("มิติที่ 2"), t("การเปิดเผยข้อมูล"), n(3000.0), n(0.0), V::E],
    ])
    .save(dir.path());
    let (_, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(
        json["summary"]["total"]["projects"],
        1,
        "{:?}",
        codes(&json)
    );
    assert_eq!(json["summary"]["dimensions"][0]["projects"], 1);
    assert_eq!(issue_coded(&json, "status-missing")["cell"], "E3");
}

/// A sub-section heading split across ลำดับ and the name, as a plan copied from Word leaves it:
/// `1.1` (a number to Excel), `1.2`, `๒.๒` (text) beside its title, nothing else on the row.
#[test]
fn a_sub_section_heading_split_across_number_and_name_is_a_heading_not_a_project() {
    let project = |i: f64, name: &str, budget: f64| {
        vec![n(i), t(name), n(budget), n(0.0), t("ดำเนินการแล้วเสร็จ")]
    };
    let rows = |extra: Option<Vec<V>>| {
        let mut rows = plan_top();
        rows.extend([
            vec![t("มิติที่ 1 การสร้างสังคมที่ไม่ทนต่อการทุจริต")],
            vec![n(1.1), t("การสร้างจิตสำนึกและความตระหนักแก่บุคลากร")],
            project(1.0, "โครงการอบรมคุณธรรม", 5000.0),
            project(2.0, "กิจกรรมประกาศเจตจำนง", 0.0),
            vec![t("1.2"), t("การสร้างจิตสำนึกและความตระหนักแก่ประชาชน")],
            project(3.0, "โครงการรณรงค์ต่อต้านการทุจริต", 2000.0),
            vec![t("มิติที่ 2 การบริหารราชการเพื่อป้องกันการทุจริต")],
            vec![t("๒.๒"), t("มาตรการสร้างความโปร่งใสในการปฏิบัติราชการ")],
            project(4.0, "มาตรการเผยแพร่ข้อมูลการจัดซื้อจัดจ้าง", 1000.0),
        ]);
        rows.extend(extra);
        rows
    };

    let dir = folder();
    Sheet::of(rows(None)).save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    let dims = &json["summary"]["dimensions"];
    assert_eq!(
        (dims[0]["projects"].as_u64(), dims[1]["projects"].as_u64()),
        (Some(3), Some(1))
    );
    assert_eq!(json["summary"]["total"]["budget_plan"], "8000.00");
    let table = &json["inputs"][0]["tables"][0];
    assert_eq!(
        table["skipped_count"], 5,
        "two sections, three sub-sections: {table}"
    );

    // A project (or a measure) numbered 1.3 whose cells are not filled in yet stays a project:
    // its missing status is named at its row, never skipped as a heading.
    for name in ["โครงการอบรมเยาวชน", "มาตรการลดขั้นตอนการให้บริการ"]
    {
        let dir = folder();
        Sheet::of(rows(Some(vec![n(1.3), t(name)]))).save(dir.path());
        let (code, json, _) = run_json(dir.path(), &["check", "."]);
        assert_eq!(code, 1, "{name}: {:?}", codes(&json));
        assert_eq!(
            issue_coded(&json, "status-missing")["cell"],
            "E12",
            "{name}"
        );
    }
}

/// A มิติ cell merged down over a sub-section's projects that starts on the sub-section's own
/// heading row (split `1.1 | title`, or `2.1 …` in one cell): the heading is still a heading,
/// and its มิติ value reaches every project under it.
#[test]
fn a_merged_dimension_starting_on_a_sub_section_heading_reaches_its_projects() {
    let project =
        |i: f64, name: &str| vec![n(i), t(name), V::E, n(1000.0), n(0.0), t("ดำเนินการแล้วเสร็จ")];
    let dir = folder();
    Sheet::of(vec![
        vec![t("หัว")],
        vec![
            t("ที่"),
            t("โครงการ/กิจกรรม/มาตรการ"),
            t("มิติ"),
            t("งบประมาณ"),
            t("เบิกจ่าย"),
            t("สถานะ"),
        ],
        vec![n(1.1), t("การสร้างจิตสำนึกและความตระหนักแก่บุคลากร"), n(1.0)],
        project(1.0, "โครงการอบรมคุณธรรม"),
        vec![t("1.2"), t("การสร้างจิตสำนึกและความตระหนักแก่ประชาชน")],
        project(2.0, "โครงการรณรงค์"),
        vec![t("๑.๓"), t("การสร้างจิตสำนึกและความตระหนักแก่เด็กและเยาวชน")],
        project(3.0, "กิจกรรมค่ายเยาวชน"),
        vec![
            V::E,
            t("2.1 แสดงเจตจำนงทางการเมืองในการต่อต้านการทุจริต"),
            n(2.0),
        ],
        project(4.0, "กิจกรรมประกาศเจตจำนง"),
    ])
    .merged(&[(2, 2, 7, 2), (8, 2, 9, 2)])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    let dims = &json["summary"]["dimensions"];
    assert_eq!(
        (dims[0]["projects"].as_u64(), dims[1]["projects"].as_u64()),
        (Some(3), Some(1))
    );
    assert_eq!(json["inputs"][0]["tables"][0]["skipped_count"], 4);
}

#[test]
fn a_column_under_the_status_header_that_names_no_status_is_said_and_header_words_read_it() {
    let dir = folder();
    let sheet = Sheet::of(vec![
        vec![t("หัว")],
        vec![
            t("ลำดับ"),
            t("โครงการ"),
            t("มิติ"),
            t("งบประมาณ"),
            t("เบิกจ่าย"),
            t("ผลการดำเนินงาน"),
        ],
        vec![
            V::E,
            V::E,
            V::E,
            V::E,
            V::E,
            t("ยังไม่ดำเนินการ"),
            t("อยู่ระหว่างดำเนินการ"),
            t("ดำเนินการแล้ว"),
            t("ไม่สามารถดำเนินการได้"),
        ],
        vec![
            n(1.0),
            t("โครงการ ก"),
            n(1.0),
            n(1000.0),
            n(0.0),
            V::E,
            V::E,
            t("✓"),
        ],
        vec![
            n(2.0),
            t("โครงการ ข"),
            n(1.0),
            n(1000.0),
            n(0.0),
            V::E,
            t("✓"),
        ],
    ])
    .merged(&[(1, 5, 1, 8)]);
    sheet.save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "project ก's tick is in a column not read");
    let unread: Vec<&str> = issues_coded(&json, "status-column-unread")
        .iter()
        .filter_map(|i| i["cell"].as_str())
        .collect();
    assert_eq!(unread, ["F3", "H3"]);
    // Project ก's missing status is said at its mark, naming the column not read.
    let missing = issue_coded(&json, "status-missing");
    assert_eq!(missing["cell"], "H4");
    let message = missing["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("คอลัมน์ \"ดำเนินการแล้ว\" ซึ่งไม่ได้อ่าน"),
        "{message}"
    );
    // The office's words, added in report.toml: read, and both projects counted.
    let toml = crate::support::REPORT_TOML.to_string()
        + "\n[headers]\ncompleted = [\"ดำเนินการแล้ว\"]\nwaiting = [\"ยังไม่ดำเนินการ\"]\n";
    std::fs::write(dir.path().join("report.toml"), toml).expect("toml");
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    let status = &json["summary"]["status"];
    assert_eq!(
        (status["completed"].as_u64(), status["in_progress"].as_u64()),
        (Some(1), Some(1))
    );
    // Only one of the four labels a status: the other three are said as columns not read (and
    // each fix names its likely key), never the ticks read as words.
    let dir = folder();
    let mut rows = sheet.rows.clone();
    rows[2][6] = t("กำลังทำ");
    Sheet::of(rows).merged(&[(1, 5, 1, 8)]).save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    let unread: Vec<&str> = issues_coded(&json, "status-column-unread")
        .iter()
        .filter_map(|i| i["cell"].as_str())
        .collect();
    assert_eq!(unread, ["F3", "G3", "H3"]);
    assert!(
        issues_coded(&json, "status-unknown").is_empty(),
        "{:?}",
        codes(&json)
    );
}

/// A division's PivotTable of its own list on a second sheet (Thai Excel's captions:
/// `ป้ายชื่อแถว`, `นับจำนวน ของ ชื่อโครงการ`, `ผลรวม ของ งบประมาณ`) is passed over, not a table
/// refused for its missing สถานะ column.
#[test]
fn a_pivot_table_of_the_list_on_another_sheet_is_passed_over() {
    let dir = folder();
    let mut book = Workbook::new();
    let list = book.add_worksheet();
    list.set_name("ข้อมูล").expect("name");
    let rows = [
        ["ลำดับ", "ชื่อโครงการ", "มิติ", "งบประมาณ", "เบิกจ่าย", "สถานะ"],
        [
            "1",
            "โครงการห้องเรียนสีขาว",
            "1",
            "12000",
            "12000",
            "ดำเนินการแล้วเสร็จ",
        ],
        ["2", "กิจกรรมสภาเด็กและเยาวชน", "3", "5000", "0", "รอรายงาน"],
    ];
    for (r, row) in (0u32..).zip(rows) {
        for (c, value) in (0u16..).zip(row) {
            match value.parse::<f64>() {
                Ok(number) if r > 0 => list.write_number(r, c, number).map(|_| ()),
                _ => list.write_string(r, c, value).map(|_| ()),
            }
            .expect("cell");
        }
    }
    let pivot = book.add_worksheet();
    let captions = [
        "ป้ายชื่อแถว",
        "นับจำนวน ของ ชื่อโครงการ",
        "ผลรวม ของ งบประมาณ",
        "ผลรวม ของ เบิกจ่าย",
    ];
    for (c, caption) in (0u16..).zip(captions) {
        pivot.write_string(2, c, caption).expect("caption");
    }
    for (c, value) in (0u16..).zip([1.0, 1.0, 12000.0, 12000.0]) {
        pivot.write_number(3, c, value).expect("sum");
    }
    pivot.write_string(5, 0, "ผลรวมทั้งหมด").expect("total");
    book.save(dir.path().join("กองการศึกษา.xlsx")).expect("save");
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    assert_eq!(json["summary"]["total"]["projects"], 2);
    assert_eq!(json["summary"]["total"]["budget_plan"], "17000.00");
    assert_eq!(json["inputs"][0]["sheets"], serde_json::json!(["ข้อมูล"]));
}

#[test]
fn last_years_sheet_and_an_example_sheet_beside_this_years_are_set_aside_and_said() {
    use crate::support::{WORDS_HEADER, words_row, write_sheets};
    let dir = folder();
    let this_year = [
        words_row(1, "โครงการ ก", 1.0, 10000.0),
        words_row(2, "โครงการ ข", 2.0, 20000.0),
    ];
    let last_year = [
        words_row(1, "โครงการ ก", 1.0, 9000.0),
        words_row(2, "โครงการ ค", 3.0, 5000.0),
    ];
    let example = [words_row(1, "โครงการตัวอย่าง", 4.0, 1.0)];
    let sheets: [(&str, &[Vec<V>]); 3] = [
        ("ปี 2565", &this_year),
        ("๒๕๖๔", &last_year),
        ("ตัวอย่างการกรอก", &example),
    ];
    write_sheets(&dir.path().join("กองคลัง.xlsx"), &sheets, &WORDS_HEADER);
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    assert_eq!(json["summary"]["total"]["projects"], 2);
    assert_eq!(json["summary"]["total"]["budget_plan"], "30000.00");
    assert_eq!(
        json["inputs"][0]["rows"], 2,
        "rows of set-aside sheets are none of the file's"
    );
    let aside = issues_coded(&json, "sheet-set-aside");
    let sheets: Vec<&str> = aside.iter().filter_map(|i| i["sheet"].as_str()).collect();
    assert_eq!(sheets, ["๒๕๖๔", "ตัวอย่างการกรอก"], "{:?}", codes(&json));
    assert!(
        aside[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("ปี 2564"))
    );
    assert_eq!(aside[0]["severity"], "warning");

    // Last year's file sent again (its only sheet `2564`): read, counted, and said.
    std::fs::remove_file(dir.path().join("กองคลัง.xlsx")).expect("remove");
    let only: [(&str, &[Vec<V>]); 1] = [("2564", &last_year)];
    write_sheets(&dir.path().join("กองคลัง.xlsx"), &only, &WORDS_HEADER);
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    assert_eq!(json["summary"]["total"]["projects"], 2);
    let said = issue_coded(&json, "sheet-other-year");
    assert_eq!(said["sheet"], "2564");
    assert!(issues_coded(&json, "sheet-set-aside").is_empty());
    // A file whose only sheet is named an example: read, counted, and said.
    let dir = folder();
    let only: [(&str, &[Vec<V>]); 1] = [("ตัวอย่าง", &last_year)];
    write_sheets(&dir.path().join("กองคลัง.xlsx"), &only, &WORDS_HEADER);
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    assert_eq!(json["summary"]["total"]["projects"], 2);
    assert_eq!(issue_coded(&json, "sheet-example")["severity"], "warning");
    // An empty form beside an example (or last year's) sheet with rows: which are this
    // year's projects cannot be told. Neither counted (sample rows are no projects) nor
    // passed over with a verdict of OK: an error at the set-aside sheet.
    for aside in ["ตัวอย่าง", "2564"] {
        let dir = folder();
        let two: [(&str, &[Vec<V>]); 2] = [("Sheet1", &[]), (aside, &last_year)];
        write_sheets(&dir.path().join("กองคลัง.xlsx"), &two, &WORDS_HEADER);
        let (code, json, _) = run_json(dir.path(), &["check", "."]);
        assert_eq!(code, 1, "{aside}: {:?}", codes(&json));
        assert_eq!(json["summary"]["total"]["projects"], 0, "{aside}");
        let only = issue_coded(&json, "sheet-set-aside-only");
        assert_eq!(only["sheet"], aside);
        assert!(
            only["message"]
                .as_str()
                .is_some_and(|m| m.contains("2 แถว")),
            "{only}"
        );
    }
}

/// Headers worded as offices word them (QA, ninth session): the ordinance budget without the
/// word งบประมาณ, the บรรจุ tick in a longer phrase or behind a list mark, มิติ with a note of
/// its range. Each was passed over before: the ordinance budget then taken from the plan's
/// (% disbursed 22.22 for 80.00), the ticks not counted, a มิติ against the sheet's name unseen.
#[test]
fn ordinance_in_ordinance_and_dimension_headers_in_offices_own_words_are_read() {
    for (ordinance, tick, dimension) in [
        ("งบตามข้อบัญญัติ", "โครงการที่บรรจุในข้อบัญญัติ", "มิติ (1-4)"),
        ("วงเงินตามข้อบัญญัติ", "1. บรรจุในข้อบัญญัติ", "มิติที่เกี่ยวข้อง"),
        ("ตามข้อบัญญัติ (บาท)", "อยู่ในข้อบัญญัติ", "รหัสมิติ"),
    ] {
        let dir = folder();
        let header = [
            "ลำดับ",
            "ชื่อโครงการ",
            dimension,
            "งบประมาณตามแผน",
            ordinance,
            "เบิกจ่าย",
            tick,
            "สถานะ",
        ];
        let row = |no: f64, dim: f64, plan: f64, ord: f64, spent: f64, mark: &str| {
            vec![
                n(no),
                t(&format!("โครงการ {no}")),
                n(dim),
                n(plan),
                n(ord),
                n(spent),
                t(mark),
                t("อยู่ระหว่างดำเนินการ"),
            ]
        };
        let rows = [
            row(1.0, 1.0, 100_000.0, 50_000.0, 40_000.0, "✓"),
            row(2.0, 2.0, 80_000.0, 0.0, 0.0, "☑"),
        ];
        crate::support::write_book(&dir.path().join("กองคลัง.xlsx"), "แผน", &header, &rows);
        let (code, json, _) = run_json(dir.path(), &["merge", "."]);
        assert_eq!(code, 0, "{ordinance}: {:?}", codes(&json));
        let summary = &json["summary"];
        assert_eq!(
            summary["total"]["budget_ordinance"], "50000.00",
            "{ordinance}"
        );
        assert_eq!(summary["total"]["pct_disbursed"], "80.00", "{ordinance}");
        assert_eq!(summary["status"]["in_ordinance"], 2, "{tick}");
        assert_eq!(summary["dimensions"][1]["projects"], 1, "{dimension}");
        assert!(
            issues_coded(&json, "ordinance-budget-assumed").is_empty(),
            "{:?}",
            codes(&json)
        );
    }
    // A มิติ column under a noted header that says another dimension than the sheet's name.
    let dir = folder();
    let header = ["ชื่อโครงการ", "มิติ (1-4)", "งบประมาณ", "เบิกจ่าย", "สถานะ"];
    let rows = [vec![
        t("โครงการ ก"),
        n(2.0),
        n(1000.0),
        n(0.0),
        t("รอรายงาน"),
    ]];
    crate::support::write_book(&dir.path().join("กองคลัง.xlsx"), "มิติที่ 1", &header, &rows);
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    assert_eq!(issue_coded(&json, "dimension-conflict")["cell"], "B2");
}

/// The same name typed with Thai or full-width digits, or with its marks in another order, is
/// the same project (QA, ninth session: each was counted twice, 100,000 baht for 50,000).
#[test]
fn a_name_typed_with_other_digits_or_marks_out_of_order_is_a_duplicate() {
    let dir = folder();
    let header = ["ลำดับ", "ชื่อโครงการ", "มิติ", "งบประมาณ", "เบิกจ่าย", "สถานะ"];
    let row =
        |no: f64, name: &str| vec![n(no), t(name), n(1.0), n(50_000.0), n(0.0), t("รอรายงาน")];
    let rows = [
        row(1.0, "โครงการอบรมคุณธรรม รุ่นที่ 1"),
        row(2.0, "โครงการอบรมคุณธรรม รุ่นที่ ๑"),
        row(3.0, "โครงการรักษ์น้ำ"),
        row(4.0, "โครงการรักษ์น\u{0E4D}\u{0E49}\u{0E32}"),
    ];
    crate::support::write_book(&dir.path().join("กองคลัง.xlsx"), "แผน", &header, &rows);
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    let cells: Vec<&Value> = issues_coded(&json, "project-duplicate")
        .iter()
        .map(|i| &i["cell"])
        .collect();
    assert_eq!(cells, [&Value::from("B3"), &Value::from("B5")]);
    assert_eq!(json["summary"]["total"]["projects"], 2);
    assert_eq!(json["summary"]["total"]["budget_plan"], "100000.00");
}

/// A dimension's number and the title written after it that name two dimensions, in the มิติ
/// column or on a section row, are refused at that cell; the projects under such a section row
/// are counted under neither (QA, ninth session: the number won without a word).
#[test]
fn a_dimension_number_against_its_own_title_is_refused_at_its_cell() {
    let dir = folder();
    let header = ["ลำดับ", "ชื่อโครงการ", "มิติ", "งบประมาณ", "เบิกจ่าย", "สถานะ"];
    let row = |no: f64, dimension: V| {
        vec![
            n(no),
            t(&format!("โครงการ {no}")),
            dimension,
            n(1000.0),
            n(0.0),
            t("รอรายงาน"),
        ]
    };
    let rows = [
        row(1.0, t("2. การสร้างสังคมที่ไม่ทนต่อการทุจริต")),
        row(2.0, t("1. การสร้างสังคมที่ไม่ทนต่อการทุจริต")),
        row(3.0, t("มิติที่ 4 การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน")),
    ];
    crate::support::write_book(&dir.path().join("กองคลัง.xlsx"), "แผน", &header, &rows);
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    let cells: Vec<&Value> = issues_coded(&json, "dimension-title-conflict")
        .iter()
        .map(|i| &i["cell"])
        .collect();
    assert_eq!(cells, [&Value::from("C2"), &Value::from("C4")]);
    assert_eq!(json["summary"]["total"]["projects"], 1);
    assert_eq!(json["summary"]["dimensions"][0]["projects"], 1);

    let dir = folder();
    Sheet::under_plan_header(vec![
        vec![t("มิติที่ 2 การสร้างสังคมที่ไม่ทนต่อการทุจริต")],
        vec![V::E, t("โครงการ ก"), n(5000.0), n(0.0), t("รอรายงาน")],
    ])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    let conflict = issue_coded(&json, "dimension-title-conflict");
    assert!(
        conflict["message"]
            .as_str()
            .is_some_and(|m| m.contains("(2)") && m.contains("มิติที่ 1"))
    );
    assert_eq!(
        json["summary"]["total"]["projects"], 0,
        "counted under neither"
    );
}

/// The ป.ป.ช. form's years on a row of their own over a header that repeats `งบประมาณ (บาท)`
/// under each, and the same under a title row naming the budget (three header rows): the
/// report's year is read (QA, ninth session: header-duplicate, and draft figures from 2564).
#[test]
fn years_on_a_row_of_their_own_over_a_repeated_budget_label_are_read() {
    let budget = "งบประมาณ (บาท)";
    let labels = |first: V| {
        vec![
            first.clone(),
            if matches!(first, V::E) {
                V::E
            } else {
                t("ชื่อโครงการ")
            },
            if matches!(first, V::E) {
                V::E
            } else {
                t("มิติ")
            },
            t(budget),
            t(budget),
            t(budget),
        ]
    };
    let years = vec![V::E, V::E, V::E, t("ปี 2564"), t("ปี 2565"), n(2566.0)];
    let project = vec![
        n(1.0),
        t("โครงการ ก"),
        n(1.0),
        n(111.0),
        n(222.0),
        n(333.0),
        n(0.0),
        t("รอรายงาน"),
    ];
    let mut two_rows = labels(t("ลำดับ"));
    two_rows.extend([t("เบิกจ่าย"), t("สถานะ")]);
    let mut title = vec![
        t("ลำดับ"),
        t("ชื่อโครงการ"),
        t("มิติ"),
        t("งบประมาณและที่มา"),
        V::E,
        V::E,
    ];
    title.extend([t("เบิกจ่าย"), t("สถานะ")]);
    for rows in [
        vec![years.clone(), two_rows, project.clone()],
        vec![title, years.clone(), labels(V::E), project.clone()],
    ] {
        let dir = folder();
        Sheet::of(rows).save(dir.path());
        let (code, json, _) = run_json(dir.path(), &["merge", "."]);
        assert_eq!(code, 0, "{:?}", codes(&json));
        assert_eq!(json["summary"]["total"]["projects"], 1);
        assert_eq!(json["summary"]["total"]["budget_plan"], "222.00");
    }
}

/// A บรรจุ column marked ✓ for some projects and x for others: the x may mean "no" there, so
/// each is `tick-mixed` at its cell, never counted in silence (QA, ninth session: 4 of 4 in
/// the ordinance, exit 0). x alone in a column is a tick, as before.
#[test]
fn a_cross_among_check_marks_in_the_ordinance_column_is_tick_mixed() {
    let header = [
        "ลำดับ",
        "ชื่อโครงการ",
        "มิติ",
        "งบประมาณ",
        "เบิกจ่าย",
        "บรรจุในข้อบัญญัติ",
        "สถานะ",
    ];
    let row = |no: f64, mark: &str| {
        vec![
            n(no),
            t(&format!("โครงการ {no}")),
            n(1.0),
            n(1000.0),
            n(0.0),
            t(mark),
            t("รอรายงาน"),
        ]
    };
    let dir = folder();
    let rows = [row(1.0, "✓"), row(2.0, "x"), row(3.0, "✓"), row(4.0, "X")];
    crate::support::write_book(&dir.path().join("กองคลัง.xlsx"), "แผน", &header, &rows);
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    let cells: Vec<&Value> = issues_coded(&json, "tick-mixed")
        .iter()
        .map(|i| &i["cell"])
        .collect();
    assert_eq!(cells, [&Value::from("F3"), &Value::from("F5")]);

    let dir = folder();
    let rows = [row(1.0, "x"), row(2.0, ""), row(3.0, "X")];
    crate::support::write_book(&dir.path().join("กองคลัง.xlsx"), "แผน", &header, &rows);
    let (code, json, _) = run_json(dir.path(), &["merge", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    assert_eq!(json["summary"]["status"]["in_ordinance"], 2);
}
