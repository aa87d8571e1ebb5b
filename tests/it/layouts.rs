//! Workbooks laid out the way offices already keep them, read exactly: the plan document's own
//! layout (section rows or one sheet per dimension, budgets for several years, `55,300.-`,
//! ใช่/ไม่ใช่, names wrapped by hand), sub-dimension codes, and header words added in
//! `report.toml`. Each fixture is made by code here (tests/it/support/plan.rs); the .xls and .ods
//! copies were converted by LibreOffice (`regenerate_plan_fixtures`).

use crate::common::{ReadBack, seed_projects};
use crate::support::plan::{Dimensions, section_title, write_plan_book};
use crate::support::{
    REPORT_TOML, V, assert_seed_figures, folder, issue_coded, run_json, t, write_book,
};
use assert_cmd::Command;
use planmerge::schema::text::normalize;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn planmerge() -> Command {
    Command::cargo_bin("planmerge").expect("binary")
}

/// The seed's 81 projects in the plan's own layout: dimensions 1-2 under section rows in one
/// division's book, dimensions 3-4 one sheet each in another's.
fn seed_in_plan_layout(dir: &Path) {
    let (first, second): (Vec<_>, Vec<_>) = seed_projects()
        .into_iter()
        .partition(|p| p.dimension.number() <= 2);
    write_plan_book(
        &dir.join("กองยุทธศาสตร์.xlsx"),
        &first,
        Dimensions::SectionRows,
    );
    write_plan_book(
        &dir.join("สำนักปลัด.xlsx"),
        &second,
        Dimensions::SheetPerDimension,
    );
}

#[test]
fn the_seed_in_the_plan_documents_own_layout_gives_the_seed_figures() {
    let dir = folder();
    seed_in_plan_layout(dir.path());
    let (code, json, stderr) = run_json(dir.path(), &["merge", "."]);
    assert_eq!(code, 0, "{stderr}");
    assert_seed_figures(&json);
    assert!(
        !stderr.contains("! เตือน") && !stderr.contains("✗"),
        "nothing to warn about: {stderr}"
    );
    let issues = json["issues"].as_array().expect("issues");
    assert!(
        issues.iter().all(|i| i["severity"] == "note"),
        "{issues:#?}"
    );
    // One note per sheet and column for money read from "-", not one per cell.
    let nil: Vec<&Value> = issues.iter().filter(|i| i["code"] == "money-nil").collect();
    assert!(nil.len() <= 2 * 5, "{nil:#?}");
    let joined = issues.iter().filter(|i| i["code"] == "name-joined").count();
    assert_eq!(
        joined, 3,
        "a note on each of the three sheets, for its wrapped names"
    );
    // Names wrapped by hand are whole again in the list (a break between two Thai words
    // cannot say whether a space stood there; the names compare without spaces).
    let mut book = ReadBack::open(&dir.path().join("summary.xlsx"));
    let listed: Vec<String> = (0..81)
        .map(|i| normalize(&book.text("รายการโครงการ", 3 + i, 1)))
        .collect();
    for p in seed_projects() {
        assert!(listed.contains(&normalize(&p.name)), "{} is listed", p.name);
    }
}

#[test]
fn check_explain_says_how_each_sheet_was_read() {
    let dir = folder();
    seed_in_plan_layout(dir.path());
    let out = planmerge()
        .current_dir(dir.path())
        .args(["check", "--explain", "กองยุทธศาสตร์.xlsx", "สำนักปลัด.xlsx"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    for expected in [
        "หัวตาราง แถว 4–5",
        "D → งบประมาณ ปี 2565",
        "F → เบิกจ่าย ปี 2565",
        "แถวหัวข้อมิติ (มิติที่ 1 …)",
        "ชื่อแผ่นงาน (มิติที่ 3)",
        "ต่อชื่อ",
        "หัวข้อย่อย",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
    let (_, json, _) = run_json(dir.path(), &["check", "."]);
    let tables = json["inputs"][0]["tables"].as_array().expect("tables");
    assert_eq!(tables[0]["sheet"], "แผนปฏิบัติการ");
    assert_eq!(tables[0]["header_rows"], serde_json::json!([4, 5]));
    assert_eq!(tables[0]["counted"], 52);
    assert!(
        tables[0]["dimension_from"]
            .as_str()
            .unwrap_or("")
            .contains("section")
    );
}

#[test]
fn a_project_above_every_section_row_has_no_dimension() {
    let dir = folder();
    let header = ["ที่", "โครงการ/กิจกรรม", "งบประมาณ", "เบิกจ่าย", "สถานะ"];
    let rows = vec![
        vec![
            V::N(1.0),
            t("โครงการก่อนหัวข้อ"),
            V::N(0.0),
            V::N(0.0),
            t("รอรายงาน"),
        ],
        vec![t(&section_title(2))],
        vec![
            V::N(2.0),
            t("โครงการใต้หัวข้อ"),
            V::N(100.0),
            V::N(0.0),
            t("รอรายงาน"),
        ],
    ];
    write_book(&dir.path().join("กองคลัง.xlsx"), "แผน", &header, &rows);
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1);
    let issues = json["issues"].as_array().expect("issues");
    let missing: Vec<&Value> = issues
        .iter()
        .filter(|i| i["code"] == "dimension-missing")
        .collect();
    assert_eq!(missing.len(), 1, "{issues:#?}");
    assert_eq!(
        missing[0]["cell"], "B2",
        "the name of the project above the section"
    );
    let fix = missing[0]["fix"].as_str().unwrap_or_default();
    assert!(
        fix.contains("มิติที่ 1") && fix.contains("no มิติ column"),
        "a table with no มิติ column is told to add a heading row: {fix}"
    );
    assert_eq!(json["summary"]["dimensions"][1]["projects"], 1);
}

#[test]
fn a_dimension_column_that_disagrees_with_the_section_is_an_error_naming_both() {
    let dir = folder();
    let header = ["ลำดับ", "ชื่อโครงการ", "มิติ", "งบประมาณ", "เบิกจ่าย", "สถานะ"];
    let row = |n: f64, name: &str, d: &str| {
        vec![V::N(n), t(name), t(d), V::N(0.0), V::N(0.0), t("รอรายงาน")]
    };
    let rows = vec![
        vec![t(&section_title(1))],
        row(1.0, "ตรงกัน", "1.2"),
        row(2.0, "ขัดกัน", "2"),
    ];
    write_book(&dir.path().join("กองคลัง.xlsx"), "แผน", &header, &rows);
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1);
    let conflict = issue_coded(&json, "dimension-conflict");
    assert_eq!(conflict["cell"], "C4");
    let message = conflict["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("(2)") && message.contains("มิติที่ 1 (แถว 2)"),
        "{message}"
    );
    let english = message
        .split_once(" · ")
        .map(|(_, e)| e)
        .unwrap_or_default();
    assert_eq!(
        english,
        "the dimension column (2) disagrees with the heading of dimension 1 (row 2)"
    );
}

#[test]
fn sub_dimension_codes_count_for_their_dimension_and_are_shown_in_the_list() {
    let dir = folder();
    let header = ["ลำดับ", "ชื่อโครงการ", "มิติ", "งบประมาณ", "เบิกจ่าย", "สถานะ"];
    let rows: Vec<Vec<V>> = ["1.1", "2.3.1", "๓.๑", "มิติที่ 2.1"]
        .iter()
        .enumerate()
        .map(|(i, code)| {
            let n = (i + 1) as f64;
            vec![
                V::N(n),
                t(&format!("โครงการ {n}")),
                t(code),
                V::N(10.0),
                V::N(0.0),
                t("รอรายงาน"),
            ]
        })
        .collect();
    write_book(&dir.path().join("กองคลัง.xlsx"), "แผน", &header, &rows);
    let (code, json, stderr) = run_json(dir.path(), &["merge", "."]);
    assert_eq!(code, 0, "{stderr}");
    let per_dimension: Vec<&Value> = (0..4)
        .map(|d| &json["summary"]["dimensions"][d]["projects"])
        .collect();
    assert_eq!(per_dimension, [1, 2, 1, 0]);
    let mut book = ReadBack::open(&dir.path().join("summary.xlsx"));
    let list = book.sheet_text("รายการโครงการ");
    for code in ["1.1", "2.3.1", "3.1", "2.1"] {
        assert!(list.contains(&format!("\t{code}\t")), "{code} in {list}");
    }
}

#[test]
fn a_budget_for_several_years_without_the_report_year_names_the_years_found() {
    let dir = folder();
    let mut projects = seed_projects();
    projects.truncate(3);
    write_plan_book(
        &dir.path().join("กองคลัง.xlsx"),
        &projects,
        Dimensions::SectionRows,
    );
    let toml = REPORT_TOML
        .replace("fiscal_year = 2565", "fiscal_year = 2567")
        .replace("2022-04-21", "2024-04-21");
    std::fs::write(dir.path().join("report.toml"), toml).expect("toml");
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1);
    let missing = issue_coded(&json, "budget-year-missing");
    assert_eq!(missing["cell"], "C5", "the first year column of the header");
    let message = missing["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("2567") && message.contains("2564, 2565, 2566"),
        "{message}"
    );
    // Without any report.toml the year is unknown, and the message says so in each language.
    std::fs::remove_file(dir.path().join("report.toml")).expect("remove toml");
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1);
    let missing = issue_coded(&json, "budget-year-missing");
    let message = missing["message"].as_str().unwrap_or_default();
    let (thai, english) = message.split_once(" · ").unwrap_or_default();
    assert!(thai.contains("report.toml"), "{message}");
    assert!(
        english.contains("budget is given per year") && english.contains("fiscal_year"),
        "{message}"
    );
    assert!(
        !english
            .chars()
            .any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c)),
        "no Thai in the English half: {english}"
    );
    let fix = missing["fix"].as_str().unwrap_or_default();
    assert!(fix.contains("-c"), "{fix}");
}

#[test]
fn a_name_wrapped_by_hand_is_joined_but_a_numbered_row_never_is() {
    let dir = folder();
    let header = [
        "ที่",
        "โครงการ/กิจกรรม/มาตรการ",
        "มิติ",
        "งบประมาณ",
        "เบิกจ่าย",
        "สถานะ",
    ];
    let project = |n: f64, name: &str| {
        vec![
            V::N(n),
            t(name),
            V::N(1.0),
            V::N(0.0),
            V::N(0.0),
            t("รอรายงาน"),
        ]
    };
    let rows = vec![
        project(1.0, "โครงการอบรมคุณธรรม"),
        vec![V::E, t("และจริยธรรมผู้บริหาร")],
        project(2.0, "โครงการที่สอง"),
        vec![V::N(3.0), t("แถวมีลำดับไม่ต่อชื่อ")],
    ];
    write_book(&dir.path().join("กองคลัง.xlsx"), "แผน", &header, &rows);
    let (_, json, _) = run_json(dir.path(), &["check", "."]);
    let issues = json["issues"].as_array().expect("issues");
    let joined = issue_coded(&json, "name-joined");
    assert_eq!(joined["severity"], "note");
    assert!(
        joined["message"]
            .as_str()
            .unwrap_or_default()
            .contains("แถว 3")
    );
    assert!(
        issues
            .iter()
            .any(|i| i["code"] == "status-missing" && i["cell"] == "F5"),
        "the numbered row stands as a project of its own: {issues:#?}"
    );
    assert_eq!(json["summary"]["total"]["projects"], 2);
}

#[test]
fn money_words_and_yes_no_ticks_as_offices_type_them() {
    let dir = folder();
    let header = &crate::support::TICKS_HEADER[..10];
    let row = |n: f64, budget: &str, spent: &str, in_ord: &str, ticks: [&str; 4]| {
        let mut r = vec![
            V::N(n),
            t(&format!("โครงการ {n}")),
            V::N(1.0),
            t(budget),
            t(spent),
            t(in_ord),
        ];
        r.extend(ticks.iter().map(|x| t(x)));
        r
    };
    let rows = vec![
        row(
            1.0,
            "55,300.-",
            "๕๕,๓๐๐.-",
            "ใช่",
            ["ไม่ใช่", "ไม่ใช่", "ใช่", "ไม่ใช่"],
        ),
        row(2.0, "12,000 บาท", "-", "ไม่ใช่", ["-", "Y", "N", "no"]),
        row(3.0, "ไม่ใช้งบประมาณ", "ไม่ใช้งบ", "มี", ["✗", "✘", "yes", "ไม่มี"]),
        row(4.0, "ไม่มีงบประมาณ", "-", "บรรจุ", ["ใช่", "", "", ""]),
    ];
    write_book(&dir.path().join("กองคลัง.xlsx"), "แผน", header, &rows);
    let (code, json, stderr) = run_json(dir.path(), &["merge", "."]);
    assert_eq!(code, 0, "{stderr}");
    let s = &json["summary"];
    assert_eq!(s["total"]["budget_plan"], "67300.00");
    assert_eq!(s["total"]["disbursed"], "55300.00");
    assert_eq!(s["status"]["in_ordinance"], 3);
    assert_eq!(s["status"]["completed"], 2);
    assert_eq!(s["status"]["in_progress"], 1);
    assert_eq!(s["status"]["waiting"], 1);
    let dir = folder();
    let bad = vec![row(1.0, "1,00,000", "ห้าหมื่น", "ใช่", ["", "", "ใช่", ""])];
    write_book(&dir.path().join("กองคลัง.xlsx"), "แผน", header, &bad);
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1);
    let codes: Vec<&str> = json["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .filter_map(|i| i["code"].as_str())
        .collect();
    assert_eq!(
        codes.iter().filter(|c| **c == "money-not-number").count(),
        2,
        "{codes:?}"
    );
}

#[test]
fn header_words_added_in_report_toml_are_read_and_unknown_fields_refused() {
    let dir = folder();
    let header = ["ลำดับ", "ชื่องาน", "มิติ", "งบตามแผนฯ", "เบิกจ่าย", "สถานะ"];
    let rows = vec![vec![
        V::N(1.0),
        t("โครงการ ก"),
        V::N(1.0),
        V::N(500.0),
        V::N(0.0),
        t("รอรายงาน"),
    ]];
    write_book(&dir.path().join("กองคลัง.xlsx"), "แผน", &header, &rows);
    let (code, _, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "not a table without the words");
    let toml =
        format!("{REPORT_TOML}\n[headers]\nname = [\"ชื่องาน\"]\nbudget_plan = [\"งบตามแผนฯ\"]\n");
    std::fs::write(dir.path().join("report.toml"), toml).expect("toml");
    let (code, json, stderr) = run_json(dir.path(), &["merge", "."]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["summary"]["total"]["budget_plan"], "500.00");
    let toml = format!("{REPORT_TOML}\n[headers]\nbudget = [\"งบ\"]\n");
    std::fs::write(dir.path().join("report.toml"), toml).expect("toml");
    let (code, _, stderr) = run_json(dir.path(), &["merge", "."]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("budget_plan"),
        "names the known fields: {stderr}"
    );
}

/// The plan-layout fixtures converted by LibreOffice.
fn converted(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/plan")
        .join(name)
}

#[test]
fn the_plan_layout_saved_as_xls_and_ods_reads_to_the_same_figures() {
    for ext in ["xls", "ods"] {
        let dir = folder();
        for division in ["กองยุทธศาสตร์", "สำนักปลัด"] {
            let name = format!("{division}.{ext}");
            std::fs::copy(converted(&name), dir.path().join(&name)).expect("fixture");
        }
        let (code, json, stderr) = run_json(dir.path(), &["merge", "."]);
        assert_eq!(code, 0, "{ext}: {stderr}");
        assert_seed_figures(&json);
    }
}

/// Makes the .xls and .ods copies of the plan-layout seed (LibreOffice converts):
/// `cargo test --test it -- --ignored layouts::regenerate_plan_fixtures`.
#[test]
#[ignore = "needs LibreOffice; rewrites tests/fixtures/plan"]
fn regenerate_plan_fixtures() {
    let dir = tempfile::tempdir().expect("tempdir");
    seed_in_plan_layout(dir.path());
    let out = converted("");
    std::fs::create_dir_all(&out).expect("folder");
    for division in ["กองยุทธศาสตร์", "สำนักปลัด"] {
        let source = dir.path().join(format!("{division}.xlsx"));
        for ext in ["xls", "ods"] {
            crate::support::hostile::soffice_convert(&source, ext, &out).expect("LibreOffice");
        }
    }
}
