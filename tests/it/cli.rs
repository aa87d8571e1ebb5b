//! The command-line contract: exit codes, --json, errors naming file and cell, no summary written
//! on error.

use crate::support::{
    TICK_HEADER, V, assert_seed_figures, folder, folder_with_rows, issue_coded, t, tick_row,
    words_row, write_book,
};
use assert_cmd::Command;
use serde_json::Value;

fn planmerge() -> Command {
    Command::cargo_bin("planmerge").expect("binary")
}

/// Runs `merge <dir> --json` inside `dir` and returns (exit code, JSON, stderr).
fn merge_json(dir: &std::path::Path) -> (i32, Value, String) {
    let out = planmerge()
        .current_dir(dir)
        .args(["merge", ".", "--json"])
        .output()
        .expect("run");
    let json: Value = serde_json::from_slice(&out.stdout).expect("one JSON document on stdout");
    (
        out.status.code().unwrap_or(-1),
        json,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// What `planmerge check <args>` prints on stdout, run in `dir`.
fn check_text(dir: &std::path::Path, args: &[&str]) -> String {
    let out = planmerge()
        .current_dir(dir)
        .arg("check")
        .args(args)
        .output()
        .expect("run");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Asserts a refused merge: exit 1, an error with `code` at `cell` of the named file, no summary.
fn assert_refused(dir: &std::path::Path, file: &str, code: &str, cell: &str) {
    let (status, json, stderr) = merge_json(dir);
    assert_eq!(status, 1, "{stderr}");
    assert_eq!(json["ok"], false);
    assert!(json["output"].is_null());
    let found = issue_coded(&json, code);
    assert_eq!(found["severity"], "error");
    assert!(
        found["file"].as_str().unwrap_or("").ends_with(file),
        "{found}"
    );
    assert_eq!(found["cell"], cell);
    assert!(stderr.contains(file), "{stderr}");
    assert!(!dir.join("summary.xlsx").exists(), "no summary on error");
}

fn one_bad_row(bad: Vec<V>) -> tempfile::TempDir {
    let (dir, _) = folder_with_rows(&[words_row(1, "โครงการดี", 1.0, 100.0), bad]);
    dir
}

#[test]
fn clean_folder_writes_summary_and_exits_zero() {
    let (dir, _) = folder_with_rows(&[
        words_row(1, "โครงการ ก", 1.0, 100.0),
        words_row(2, "โครงการ ข", 2.0, 50.5),
    ]);
    let (status, json, stderr) = merge_json(dir.path());
    assert_eq!(status, 0, "{stderr}");
    assert_eq!(json["ok"], true);
    assert_eq!(json["output"], "summary.xlsx");
    assert_eq!(json["summary"]["total"]["projects"], 2);
    assert_eq!(json["summary"]["total"]["budget_plan"], "150.50");
    assert_eq!(json["summary"]["dimensions"][1]["pct_projects"], "100.00");
    assert_eq!(json["inputs"][0]["rows"], 2);
    assert_eq!(json["inputs"][0]["sha256"].as_str().map(str::len), Some(64));
    assert!(dir.path().join("summary.xlsx").is_file());
}

#[test]
fn dimension_five_is_refused_with_its_cell() {
    let mut bad = words_row(2, "โครงการมิติผิด", 5.0, 0.0);
    bad[2] = V::N(5.0);
    assert_refused(
        one_bad_row(bad).path(),
        "กองทดสอบ.xlsx",
        "dimension-invalid",
        "C3",
    );
}

#[test]
fn money_not_a_number_is_refused() {
    let mut bad = words_row(2, "โครงการเงินผิด", 1.0, 0.0);
    bad[3] = t("ห้าหมื่นบาท");
    assert_refused(
        one_bad_row(bad).path(),
        "กองทดสอบ.xlsx",
        "money-not-number",
        "D3",
    );
}

#[test]
fn formula_error_in_money_is_refused() {
    let mut bad = words_row(2, "โครงการสูตรผิด", 1.0, 0.0);
    bad[3] = V::F("=1/0", "#DIV/0!");
    assert_refused(
        one_bad_row(bad).path(),
        "กองทดสอบ.xlsx",
        "formula-error",
        "D3",
    );
}

#[test]
fn negative_money_is_refused() {
    let bad = words_row(2, "โครงการติดลบ", 1.0, -100.0);
    assert_refused(
        one_bad_row(bad).path(),
        "กองทดสอบ.xlsx",
        "money-negative",
        "D3",
    );
}

#[test]
fn three_decimals_are_refused() {
    let bad = words_row(2, "โครงการสามทศนิยม", 1.0, 100.125);
    assert_refused(
        one_bad_row(bad).path(),
        "กองทดสอบ.xlsx",
        "money-too-precise",
        "D3",
    );
}

#[test]
fn disbursed_above_budget_is_refused() {
    let mut bad = words_row(2, "โครงการเบิกเกิน", 1.0, 25000.0);
    bad[4] = V::N(25150.5);
    let dir = one_bad_row(bad);
    assert_refused(dir.path(), "กองทดสอบ.xlsx", "disbursed-over-budget", "E3");
    let (_, json, _) = merge_json(dir.path());
    let over = json["issues"]
        .as_array()
        .and_then(|issues| issues.iter().find(|i| i["code"] == "disbursed-over-budget"))
        .cloned()
        .unwrap_or_default();
    let message = over["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("เบิกจ่าย 25,150.50 บาท มากกว่างบประมาณ 25,000.00 บาท"),
        "amounts as baht: {message}"
    );
}

#[test]
fn missing_status_is_refused() {
    let mut bad = words_row(2, "โครงการไม่มีสถานะ", 1.0, 0.0);
    bad[6] = V::E;
    assert_refused(
        one_bad_row(bad).path(),
        "กองทดสอบ.xlsx",
        "status-missing",
        "G3",
    );
}

#[test]
fn unknown_status_is_refused() {
    let mut bad = words_row(2, "โครงการสถานะแปลก", 1.0, 0.0);
    bad[6] = t("ยกเลิกแล้ว");
    assert_refused(
        one_bad_row(bad).path(),
        "กองทดสอบ.xlsx",
        "status-unknown",
        "G3",
    );
}

#[test]
fn two_statuses_ticked_are_refused() {
    let dir = folder();
    let rows = [
        tick_row(1, "โครงการดี", &[2]),
        tick_row(2, "โครงการสองสถานะ", &[1, 2]),
    ];
    write_book(&dir.path().join("กองติ๊ก.xlsx"), "แผ่น1", &TICK_HEADER, &rows);
    assert_refused(dir.path(), "กองติ๊ก.xlsx", "status-multiple", "H3");
    // Both ticks are named, each with its cell.
    let (_, json, _) = merge_json(dir.path());
    let message = issue_coded(&json, "status-multiple")["message"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        message.contains("(G3)") && message.contains("(H3)"),
        "{message}"
    );
}

#[test]
fn wingdings_ticks_count_and_a_font_drawn_letter_is_refused() {
    let dir = folder();
    let wingdings = |n, name, mark: &str| {
        let mut row = tick_row(n, name, &[]);
        row[7] = t(mark); // ดำเนินการแล้วเสร็จ
        row
    };
    let rows = [
        wingdings(1, "โครงการ ก", "ü"),
        wingdings(2, "โครงการ ข", "þ"),
        tick_row(3, "โครงการ ค", &[1]),
    ];
    write_book(&dir.path().join("กองติ๊ก.xlsx"), "แผ่น1", &TICK_HEADER, &rows);
    let (code, json, stderr) = merge_json(dir.path());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["summary"]["total"]["completed"], 2);
    let dir = folder();
    let rows = [wingdings(1, "โครงการ ก", "P")];
    write_book(&dir.path().join("กองติ๊ก.xlsx"), "แผ่น1", &TICK_HEADER, &rows);
    assert_refused(dir.path(), "กองติ๊ก.xlsx", "tick-unknown", "H2");
    let (_, json, _) = merge_json(dir.path());
    let fix = issue_coded(&json, "tick-unknown")["fix"]
        .as_str()
        .unwrap_or_default();
    assert!(fix.contains("Wingdings 2"), "{fix}");
}

#[test]
fn cannot_without_reason_is_refused() {
    let mut bad = words_row(2, "โครงการทำไม่ได้", 1.0, 0.0);
    bad[6] = t("ไม่สามารถดำเนินการได้");
    assert_refused(
        one_bad_row(bad).path(),
        "กองทดสอบ.xlsx",
        "cannot-without-reason",
        "H3",
    );
}

#[test]
fn missing_name_is_refused() {
    let mut bad = words_row(2, "", 1.0, 0.0);
    bad[1] = V::E;
    assert_refused(
        one_bad_row(bad).path(),
        "กองทดสอบ.xlsx",
        "name-missing",
        "B3",
    );
}

#[test]
fn the_same_project_in_two_files_is_refused_naming_both() {
    let (dir, _) = folder_with_rows(&[words_row(1, "โครงการซ้ำ", 1.0, 0.0)]);
    let other = dir.path().join("กองอื่น.xlsx");
    write_book(
        &other,
        "แผน",
        &crate::support::WORDS_HEADER,
        &[words_row(1, "โครงการ ซ้ำ", 1.0, 0.0)
            .into_iter()
            .map(|v| match v {
                V::T(s) if s == "โครงการ ซ้ำ" => t("โครงการ\u{00A0}ซ้ำ"),
                v => v,
            })
            .collect()],
    );
    // "โครงการซ้ำ" and "โครงการ ซ้ำ" normalise to the same name; กองทดสอบ sorts first.
    assert_refused(dir.path(), "กองอื่น.xlsx", "project-duplicate", "B2");
    let (_, json, _) = merge_json(dir.path());
    let dup = issue_coded(&json, "project-duplicate");
    let message = dup["message"].as_str().unwrap_or("");
    assert!(message.contains("กองทดสอบ.xlsx › แผน › B2"), "{message}");
    assert_eq!(
        dup["related"],
        serde_json::json!([{"file": "กองทดสอบ.xlsx", "sheet": "แผน", "cell": "B2"}]),
        "the other place, structured"
    );
}

#[test]
fn a_file_sent_twice_is_one_error_naming_both_copies() {
    let (dir, file) = folder_with_rows(&[
        words_row(1, "โครงการ ก", 1.0, 0.0),
        words_row(2, "โครงการ ข", 1.0, 0.0),
    ]);
    // A mail attachment saved twice: กองทดสอบ.xlsx and กองทดสอบ.xlsx.xlsx (sorts after it); a
    // browser's download again, กองทดสอบ (1).xlsx, comes after the file it copies too.
    std::fs::copy(&file, dir.path().join("กองทดสอบ.xlsx.xlsx")).expect("copy");
    let (_, with_download, _) = {
        let again = folder();
        std::fs::copy(&file, again.path().join("กองทดสอบ.xlsx")).expect("copy");
        std::fs::copy(&file, again.path().join("กองทดสอบ (1).xlsx")).expect("copy");
        std::fs::copy(
            dir.path().join("report.toml"),
            again.path().join("report.toml"),
        )
        .expect("toml");
        merge_json(again.path())
    };
    let refused = issue_coded(&with_download, "file-duplicate");
    assert_eq!(
        refused["file"], "กองทดสอบ (1).xlsx",
        "the copy, not the file it copies"
    );
    let (status, json, stderr) = merge_json(dir.path());
    assert_eq!(status, 1, "{stderr}");
    assert!(json["output"].is_null(), "nothing written");
    let issues = json["issues"].as_array().cloned().unwrap_or_default();
    let errors: Vec<&Value> = issues.iter().filter(|i| i["severity"] == "error").collect();
    assert_eq!(
        errors.len(),
        1,
        "one error, not one per project: {errors:?}"
    );
    assert_eq!(errors[0]["code"], "file-duplicate");
    assert_eq!(errors[0]["file"], "กองทดสอบ.xlsx.xlsx");
    let copy_issues = issues.iter().filter(|i| i["file"] == "กองทดสอบ.xlsx.xlsx");
    assert_eq!(
        copy_issues.count(),
        1,
        "the copy's own notes are the original's"
    );
    let message = errors[0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("กองทดสอบ.xlsx ทุกไบต์"), "{message}");
    assert_eq!(json["summary"]["total"]["projects"], 2, "counted once");
    assert!(stderr.contains("ลบไฟล์ใดไฟล์หนึ่ง"), "{stderr}");
}

#[test]
fn corrupt_file_is_named_not_a_panic() {
    let (dir, _) = folder_with_rows(&[words_row(1, "โครงการ ก", 1.0, 0.0)]);
    std::fs::write(
        dir.path().join("กองเสีย.xlsx"),
        b"PK\x03\x04 this is not really a zip",
    )
    .expect("write");
    let (status, json, stderr) = merge_json(dir.path());
    assert_eq!(status, 1, "{stderr}");
    let issues = json["issues"].as_array().cloned().unwrap_or_default();
    let issue = issues
        .iter()
        .find(|i| i["severity"] == "error")
        .expect("an error");
    assert_eq!(issue["code"], "file-unreadable");
    assert!(
        issue["file"]
            .as_str()
            .unwrap_or("")
            .ends_with("กองเสีย.xlsx")
    );
    assert!(!stderr.contains("panicked"));
    assert!(!dir.path().join("summary.xlsx").exists());
}

/// A web page saved as .xls (what web systems export as "Excel"), an empty file and a CSV named
/// .xlsx are refused in words a clerk can act on; the reader's own words stay in the English half.
#[test]
fn a_file_that_is_not_a_workbook_is_named_for_what_it_is() {
    for (name, bytes, thai) in [
        (
            "กองเว็บ.xls",
            "<html><body><table><tr><td>ลำดับ</td></tr></table></body></html>".as_bytes(),
            "ไฟล์นี้เป็นหน้าเว็บ (HTML) ที่ตั้งชื่อเป็นไฟล์ Excel",
        ),
        ("กองว่าง.xlsx", b"".as_slice(), "ไฟล์ว่างเปล่า (0 ไบต์)"),
        (
            "กองข้อความ.xlsx",
            "ลำดับ,โครงการ\n1,อบรม\n".as_bytes(),
            "ไฟล์นี้เป็นข้อความธรรมดาหรือ CSV",
        ),
    ] {
        let (dir, _) = folder_with_rows(&[words_row(1, "โครงการ ก", 1.0, 0.0)]);
        std::fs::write(dir.path().join(name), bytes).expect("write");
        let (status, json, stderr) = merge_json(dir.path());
        assert_eq!(status, 1, "{name}: {stderr}");
        let issue = issue_coded(&json, "file-unreadable");
        assert_eq!(issue["file"], name);
        let message = issue["message"].as_str().unwrap_or_default();
        let (said_thai, english) = message.split_once(" · ").unwrap_or_default();
        assert!(
            said_thai.starts_with(&format!("เปิดไฟล์ไม่ได้: {thai}")),
            "{message}"
        );
        assert!(
            !said_thai.contains("CFB") && !said_thai.contains("Zip"),
            "{message}"
        );
        assert!(english.starts_with("cannot open the file: "), "{message}");
    }
}

/// A PDF, a photo and a CSV beside the workbooks (a division that sent the wrong file) are not
/// passed over in silence: each is a warning naming what it is, and the merge goes on with
/// exactly the workbooks' projects.
#[test]
fn files_sent_instead_of_a_workbook_are_named_and_not_merged() {
    let (dir, _) = folder_with_rows(&[words_row(1, "โครงการ ก", 1.0, 5000.0)]);
    std::fs::write(dir.path().join("กองช่าง.pdf"), b"%PDF-1.7\n%\xE2\xE3").expect("pdf");
    std::fs::write(
        dir.path().join("แบบฟอร์ม.jpg"),
        b"\xFF\xD8\xFF\xE0\0\x10JFIF",
    )
    .expect("jpg");
    std::fs::write(dir.path().join("กองคลัง.csv"), "ลำดับ,โครงการ\n".as_bytes()).expect("csv");
    std::fs::write(dir.path().join("desktop.ini"), b"[.ShellClassInfo]").expect("ini");
    // The same PDF twice is two warnings, not a `file-duplicate` error.
    std::fs::copy(
        dir.path().join("กองช่าง.pdf"),
        dir.path().join("กองช่าง (1).pdf"),
    )
    .expect("copy");
    let (status, json, stderr) = merge_json(dir.path());
    assert_eq!(status, 0, "warnings only: {stderr}");
    assert_eq!(json["summary"]["total"]["projects"], 1);
    let passed_over: Vec<(&str, &str)> = json["issues"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|i| i["code"] == "file-not-spreadsheet")
        .map(|i| {
            assert_eq!(i["severity"], "warning");
            (
                i["file"].as_str().unwrap_or_default(),
                i["message"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    let named = |file: &str, what: &str| {
        passed_over
            .iter()
            .any(|(f, m)| *f == file && m.starts_with(&format!("ไม่ได้รวมไฟล์นี้: {what}")))
    };
    assert!(named("กองช่าง.pdf", "ไฟล์นี้เป็น PDF"), "{passed_over:?}");
    assert!(named("แบบฟอร์ม.jpg", "ไฟล์นี้เป็นรูปภาพ"), "{passed_over:?}");
    assert!(
        named("กองคลัง.csv", "ไฟล์นี้เป็นข้อความธรรมดาหรือ CSV"),
        "{passed_over:?}"
    );
    assert!(named("กองช่าง (1).pdf", "ไฟล์นี้เป็น PDF"), "{passed_over:?}");
    assert_eq!(
        passed_over.len(),
        4,
        "desktop.ini is not an input: {passed_over:?}"
    );
    assert!(dir.path().join("summary.xlsx").is_file());
    // On the terminal, each says it was not merged, not that it is fine.
    let text = check_text(dir.path(), &["."]);
    assert!(
        text.contains("▸ กองช่าง.pdf: ไม่ได้รวม ไม่ใช่ไฟล์ตารางคำนวณ"),
        "{text}"
    );
}

/// Two files of one division are both counted and said, naming both: a corrected copy beside
/// the first (its name holding the listed division's), last round's file in a subfolder.
#[test]
fn two_files_of_one_division_are_said() {
    let (dir, _) = folder_with_rows(&[words_row(1, "โครงการ ก", 1.0, 5000.0)]);
    let corrected = crate::support::words_row(1, "โครงการ ก (ปรับชื่อ)", 1.0, 5000.0);
    crate::support::write_book(
        &dir.path().join("กองทดสอบ_แก้ไข.xlsx"),
        "แผน",
        &crate::support::WORDS_HEADER,
        &[corrected],
    );
    let toml = format!(
        "{}\ndivisions = [\"กองทดสอบ\"]\n",
        crate::support::REPORT_TOML
    );
    std::fs::write(dir.path().join("report.toml"), toml).expect("toml");
    let (code, json, stderr) = crate::support::run_json(dir.path(), &["merge", "."]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["summary"]["total"]["projects"], 2, "both counted");
    let said = crate::support::issue_coded(&json, "division-two-files");
    assert_eq!(said["severity"], "warning");
    assert!(
        said["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("กองทดสอบ_แก้ไข.xlsx")),
        "{said}"
    );
    assert!(
        said["message"]
            .as_str()
            .is_some_and(|m| m.contains("กองทดสอบ.xlsx")),
        "{said}"
    );
    // Without divisions: last round's file in a subfolder, same name.
    std::fs::remove_file(dir.path().join("กองทดสอบ_แก้ไข.xlsx")).expect("remove");
    std::fs::write(dir.path().join("report.toml"), crate::support::REPORT_TOML).expect("toml");
    std::fs::create_dir(dir.path().join("รอบก่อน")).expect("folder");
    let earlier = crate::support::words_row(1, "โครงการ ก เดิม", 1.0, 4000.0);
    let old = dir.path().join("รอบก่อน/กองทดสอบ.xlsx");
    crate::support::write_book(&old, "แผน", &crate::support::WORDS_HEADER, &[earlier]);
    let (_, json, stderr) = crate::support::run_json(dir.path(), &["check", "."]);
    let said = crate::support::issue_coded(&json, "division-two-files");
    assert!(
        said["message"]
            .as_str()
            .is_some_and(|m| m.contains("กองทดสอบ")),
        "{stderr}"
    );
}

/// A division `report.toml` lists that sent no file is a warning naming it (at report.toml),
/// one per division; a file whose name holds the division's counts (`กองทดสอบ (แก้ไข).xlsx`).
#[test]
fn a_listed_division_without_a_file_is_named() {
    let (dir, file) = folder_with_rows(&[words_row(1, "โครงการ ก", 1.0, 5000.0)]);
    std::fs::rename(&file, dir.path().join("กองทดสอบ (แก้ไข).xlsx")).expect("rename");
    let toml = format!(
        "{}\ndivisions = [\"กองทดสอบ\", \"กองช่าง\", \"กองคลัง\"]\n",
        crate::support::REPORT_TOML
    );
    std::fs::write(dir.path().join("report.toml"), toml).expect("toml");
    for command in ["merge", "check"] {
        let (_, json, stderr) = crate::support::run_json(dir.path(), &[command, "."]);
        let missing: Vec<&str> = json["issues"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|i| i["code"] == "division-missing")
            .map(|i| {
                assert_eq!(i["severity"], "warning");
                assert!(
                    i["file"]
                        .as_str()
                        .unwrap_or_default()
                        .ends_with("report.toml")
                );
                i["message"].as_str().unwrap_or_default()
            })
            .collect();
        assert_eq!(missing.len(), 2, "{command}: {stderr}");
        assert!(missing[0].starts_with("ยังไม่มีไฟล์ของกองช่าง"), "{missing:?}");
        assert!(missing[1].starts_with("ยังไม่มีไฟล์ของกองคลัง"), "{missing:?}");
    }
    assert!(dir.path().join("summary.xlsx").is_file(), "warnings only");
    // The total counts the files read (the workbook and the summary just written), not
    // report.toml where the warnings are.
    let text = check_text(dir.path(), &["."]);
    assert!(text.contains("รวม 2 ไฟล์ · 2 files"), "{text}");
}

/// A folder holding only what is not a workbook is a usage error, as an empty folder is.
#[test]
fn a_folder_of_pdfs_only_has_no_workbooks() {
    let dir = folder();
    std::fs::write(dir.path().join("กองช่าง.pdf"), b"%PDF-1.7").expect("pdf");
    let out = planmerge()
        .current_dir(dir.path())
        .args(["merge", "."])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn password_protected_file_is_named() {
    let (dir, _) = folder_with_rows(&[words_row(1, "โครงการ ก", 1.0, 0.0)]);
    let path = dir.path().join("กองรหัส.xlsx");
    crate::support::write_encrypted_xlsx(&path);
    assert_refused(dir.path(), "กองรหัส.xlsx", "file-password-protected", "");
}

#[test]
fn spreadsheet_without_a_project_table_is_refused() {
    let (dir, _) = folder_with_rows(&[words_row(1, "โครงการ ก", 1.0, 0.0)]);
    write_book(
        &dir.path().join("บันทึก.xlsx"),
        "Sheet1",
        &["วันที่", "เรื่อง"],
        &[vec![t("1 ม.ค."), t("ประชุม")]],
    );
    assert_refused(dir.path(), "บันทึก.xlsx", "no-project-table", "");
}

#[test]
fn draft_writes_a_marked_summary_and_still_exits_one() {
    let bad = words_row(2, "โครงการติดลบ", 1.0, -1.0);
    let dir = one_bad_row(bad);
    let out = planmerge()
        .current_dir(dir.path())
        .args(["merge", ".", "--draft", "--json"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["output"], "summary.xlsx");
    assert_eq!(json["summary"]["total"]["projects"], 1);
    assert!(dir.path().join("summary.xlsx").is_file());
}

#[test]
fn missing_configuration_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    write_book(
        &dir.path().join("ก.xlsx"),
        "แผน",
        &crate::support::WORDS_HEADER,
        &[words_row(1, "โครงการ", 1.0, 0.0)],
    );
    planmerge()
        .current_dir(dir.path())
        .args(["merge", "."])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("report.toml"));
}

#[test]
fn a_configuration_named_almost_report_toml_is_named_to_rename() {
    let text = std::fs::read_to_string("samples/6-month/report.toml").expect("config");
    for name in [
        "report.toml.txt",
        "Report.toml",
        "REPORT.TOML",
        "report .toml",
    ] {
        let (dir, _) = folder_with_rows(&[words_row(1, "โครงการ", 1.0, 0.0)]);
        std::fs::remove_file(dir.path().join("report.toml")).expect("remove");
        std::fs::write(dir.path().join(name), &text).expect("write");
        let out = planmerge()
            .current_dir(dir.path())
            .args(["merge", "."])
            .output()
            .expect("run");
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {said}");
        assert!(
            said.contains(&format!(
                "ไม่พบไฟล์ตั้งค่า report.toml แต่พบ {name} — เปลี่ยนชื่อไฟล์เป็น report.toml"
            )),
            "Thai first, naming the file: {said}"
        );
        assert!(said.contains("rename it to report.toml"), "{said}");
        assert_eq!(
            said.contains("Notepad"),
            name.ends_with(".txt"),
            "the Notepad hint only for .txt: {said}"
        );
        // -c names the file as it should be: the same advice.
        let out = planmerge()
            .current_dir(dir.path())
            .args(["check", ".", "-c", "report.toml"])
            .output()
            .expect("run");
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {said}");
        assert!(said.contains("เปลี่ยนชื่อไฟล์เป็น report.toml"), "{said}");
    }
}

#[test]
fn numbers_typed_in_report_toml_as_a_person_writes_them_say_the_number_to_write() {
    let text = std::fs::read_to_string("samples/6-month/report.toml").expect("config");
    let cases = [
        (
            "fiscal_year = 2565",
            "fiscal_year = ๒๕๖๕",
            "ต้องเป็นเลขอารบิก: 2565 (พบ ๒๕๖๕)",
            "use Arabic digits: 2565 (found ๒๕๖๕)",
        ),
        (
            "fiscal_year = 2565",
            "fiscal_year = ２５６５ # ปี",
            "ต้องเป็นเลขอารบิก: 2565 (พบ ２５６５)",
            "use Arabic digits: 2565",
        ),
        (
            "fiscal_year = 2565",
            "fiscal_year = 2,565",
            "เขียนตัวเลขโดยไม่มีจุลภาค: 2565 (พบ 2,565)",
            "without commas",
        ),
        (
            "initial_projects = 90",
            "initial_projects = -5",
            "ต้องเป็น 0 ขึ้นไป (พบ -5)",
            "must be 0 or more (found -5)",
        ),
    ];
    for (line, typed, thai, english) in cases {
        let (dir, _) = folder_with_rows(&[words_row(1, "โครงการ", 1.0, 0.0)]);
        assert!(text.contains(line), "{line}");
        std::fs::write(dir.path().join("report.toml"), text.replace(line, typed)).expect("write");
        let out = planmerge()
            .current_dir(dir.path())
            .args(["merge", "."])
            .output()
            .expect("run");
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{typed}: {said}");
        let key = typed.split(' ').next().unwrap_or_default();
        assert!(
            said.contains(&format!("({key}): {thai} · ")),
            "{typed}: {said}"
        );
        assert!(said.contains(english), "{typed}: {said}");
        assert!(!said.contains("ชื่อ = ค่า"), "not the syntax message: {said}");
    }
}

#[test]
fn a_file_named_twice_is_read_once_and_a_mistyped_folder_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("summary.xlsx");
    let run = planmerge()
        .args([
            "merge",
            "samples/6-month",
            "./samples/6-month",
            "samples/6-month/กองคลัง.xlsx",
            "--json",
            "-o",
        ])
        .arg(&out)
        .output()
        .expect("run");
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let json: Value = serde_json::from_slice(&run.stdout).expect("json");
    assert_eq!(json["inputs"].as_array().map(Vec::len), Some(8));
    assert_seed_figures(&json);
    let run = planmerge()
        .args(["merge", "samples/6-monht"])
        .output()
        .expect("run");
    let said = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2));
    assert!(said.contains("ไม่พบไฟล์หรือโฟลเดอร์ samples/6-monht"), "{said}");
    // With --json, the failure is the one document on stdout.
    let run = planmerge()
        .args(["merge", "samples/6-monht", "--json"])
        .output()
        .expect("run");
    assert_eq!(run.status.code(), Some(2));
    let json: Value = serde_json::from_slice(&run.stdout).expect("one JSON document");
    assert_eq!(json["ok"], false);
    assert_eq!(json["failure"]["exit_code"], 2);
    assert!(
        json["failure"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("samples/6-monht"))
    );
}

#[test]
fn a_file_named_after_a_listed_division_counts_under_the_listed_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path();
    std::fs::copy("samples/6-month/กองคลัง.xlsx", p.join("กองคลัง (1).xlsx")).expect("copy");
    std::fs::copy("samples/6-month/สำนักปลัด.xlsx", p.join("สำนักปลัด_แก้ไข.xlsx")).expect("copy");
    let toml = std::fs::read_to_string("samples/6-month/report.toml").expect("config")
        + "\ndivisions = [\"กองคลัง\", \"สำนักปลัด\"]\n";
    std::fs::write(p.join("report.toml"), toml).expect("config");
    let (code, json, stderr) = crate::support::run_json(p, &["merge", "."]);
    assert_eq!(code, 0, "{stderr}");
    let warned = json["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .any(|i| i["severity"] != "note");
    assert!(!warned, "no division-missing: {json}");
    let mut book = crate::common::ReadBack::open(&p.join("summary.xlsx"));
    let divisions = book.sheet_text("รายกอง");
    assert!(divisions.contains("\tกองคลัง\t"), "{divisions}");
    assert!(divisions.contains("\tสำนักปลัด\t"), "{divisions}");
    assert!(
        !divisions.contains("(1)") && !divisions.contains("แก้ไข"),
        "{divisions}"
    );
    let list = book.sheet_text("รายการโครงการ");
    assert!(!list.contains("\tกองคลัง (1)\t"), "{list}");
}

#[test]
fn a_configuration_saved_by_notepad_is_read_and_a_mistake_is_named_by_its_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        "samples/6-month/กองคลัง.xlsx",
        dir.path().join("กองคลัง.xlsx"),
    )
    .expect("copy");
    let text = std::fs::read_to_string("samples/6-month/report.toml").expect("config");
    // Notepad's "Unicode": UTF-16 with its byte-order mark.
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(dir.path().join("report.toml"), utf16).expect("write");
    planmerge()
        .arg("check")
        .arg(dir.path())
        .args(["-c"])
        .arg(dir.path().join("report.toml"))
        .assert()
        .code(0);
    planmerge()
        .arg("merge")
        .arg(dir.path())
        .arg("-o")
        .arg(dir.path().join("out.xlsx"))
        .assert()
        .code(0);
    let line = text
        .lines()
        .position(|l| l.starts_with("round ="))
        .expect("round")
        + 1;
    let typed = text.replace("round = 6", "round = \"12 เดือน\"");
    std::fs::write(dir.path().join("report.toml"), typed).expect("write");
    let out = planmerge()
        .arg("merge")
        .arg(dir.path())
        .output()
        .expect("run");
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(
        said.contains(&format!("บรรทัด {line} (round): ต้องเป็นตัวเลข")),
        "{said}"
    );
    assert!(said.contains("\"12 เดือน\""), "Thai as typed: {said}");
}

#[test]
fn status_words_as_staff_write_them_and_done_with_a_negation_refused() {
    let status = |n, name, words| {
        let mut row = words_row(n, name, 1.0, 100.0);
        row[6] = t(words);
        row
    };
    let (dir, _) = folder_with_rows(&[
        status(1, "โครงการ ก", "ดำเนินการเสร็จสิ้น"),
        status(2, "โครงการ ข", "กำลังดำเนินการ"),
        status(3, "โครงการ ค", "เรียบร้อยแล้ว"),
    ]);
    let (code, json, stderr) = merge_json(dir.path());
    assert_eq!(code, 0, "{stderr}");
    let total = &json["summary"]["total"];
    assert_eq!(total["projects"], 3);
    assert_eq!(total["completed"], 2);
    let (dir, _) = folder_with_rows(&[
        status(1, "โครงการ ก", "ดำเนินการเสร็จสิ้น"),
        status(2, "โครงการ ข", "ยังไม่เรียบร้อย"),
    ]);
    assert_refused(dir.path(), "กองทดสอบ.xlsx", "status-unknown", "G3");
}

#[test]
fn an_output_folder_gets_summary_xlsx_inside_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = planmerge()
        .args(["merge", "samples/6-month", "-o"])
        .arg(dir.path())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let written = dir.path().join("summary.xlsx");
    assert!(
        written.is_file(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains(&written.display().to_string()), "{stdout}");
}

#[test]
fn the_summary_is_an_xlsx_never_the_configuration_or_another_kind_of_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let round = dir.path().join("round");
    std::fs::create_dir(&round).expect("dir");
    for entry in std::fs::read_dir("samples/6-month").expect("samples") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, round.join(path.file_name().expect("name"))).expect("copy");
    }
    let config = std::fs::read(round.join("report.toml")).expect("config");
    for name in ["report.toml", "สรุป.pdf", "สรุป.xls"] {
        let out = planmerge()
            .arg("merge")
            .arg(&round)
            .arg("-o")
            .arg(round.join(name))
            .output()
            .expect("run");
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {said}");
        assert!(said.contains("ต้องเป็นสมุดงาน .xlsx"), "{said}");
    }
    assert_eq!(
        std::fs::read(round.join("report.toml")).expect("config"),
        config
    );
    assert!(!round.join("สรุป.pdf").exists());
    // No extension: .xlsx is added. A folder named with a trailing / is made.
    planmerge()
        .arg("merge")
        .arg(&round)
        .arg("-o")
        .arg(dir.path().join("สรุป"))
        .assert()
        .code(0);
    assert!(dir.path().join("สรุป.xlsx").is_file());
    let folder = format!("{}/รายงาน/", dir.path().display());
    planmerge()
        .arg("merge")
        .arg(&round)
        .args(["-o", &folder])
        .assert()
        .code(0);
    assert!(dir.path().join("รายงาน/summary.xlsx").is_file());
}

#[test]
fn a_header_without_its_money_columns_names_them_in_both_languages() {
    let dir = folder();
    let header = ["ลำดับ", "รายการโครงการ", "มิติ", "สถานะ"];
    let rows = [vec![V::N(1.0), t("โครงการ ก"), V::N(1.0), t("รอรายงาน")]];
    write_book(&dir.path().join("กองคลัง.xlsx"), "แผน", &header, &rows);
    let (code, json, _) = merge_json(dir.path());
    assert_eq!(code, 1);
    let incomplete = issue_coded(&json, "header-incomplete");
    assert_eq!(
        incomplete["message"],
        "หัวตารางขาดคอลัมน์ งบประมาณ, เบิกจ่าย · the header lacks the columns budget, disbursed"
    );
}

#[test]
fn total_rows_are_skipped_but_a_project_whose_name_starts_like_one_counts() {
    let total = |label: &str| vec![V::E, t(label), V::E, V::N(3000.0), V::N(0.0)];
    let (dir, _) = folder_with_rows(&[
        words_row(1, "รวมพลังต่อต้านการทุจริต", 1.0, 1000.0),
        words_row(2, "โครงการ ข", 1.0, 2000.0),
        total("รวม"),
        total("รวมงบประมาณทั้งสิ้น"),
        total("ยอดรวม"),
    ]);
    let (code, json, stderr) = merge_json(dir.path());
    assert_eq!(code, 0, "{stderr}");
    let total = &json["summary"]["total"];
    assert_eq!(total["projects"], 2);
    assert_eq!(
        total["budget_plan"], "3000.00",
        "the totals are not counted again"
    );
}

#[test]
fn the_signature_block_under_the_table_is_not_a_project() {
    let text = |s: &str| vec![V::E, t(s)];
    let (dir, _) = folder_with_rows(&[
        words_row(1, "โครงการ ก", 1.0, 1000.0),
        words_row(2, "โครงการ ข", 1.0, 1000.0),
        // Directly under the last project: never joined to its name either.
        text("ลงชื่อ ........................................ ผู้รายงาน"),
        text("(นางสาวสมหญิง ใจดี)"),
        text("ตำแหน่ง นักวิเคราะห์นโยบายและแผน"),
        text("วันที่ 31 มีนาคม 2565"),
    ]);
    let (code, json, stderr) = merge_json(dir.path());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["summary"]["total"]["projects"], 2);
    let issues = json["issues"].as_array().cloned().unwrap_or_default();
    assert!(
        issues
            .iter()
            .all(|i| i["severity"] == "note" && i["code"] != "name-joined"),
        "{issues:?}"
    );
    let table = &json["inputs"][0]["tables"][0];
    assert_eq!(table["skipped_count"], 4, "{table}");
}

#[test]
fn a_cause_is_said_once() {
    let out = planmerge()
        .args([
            "merge",
            "samples/6-month",
            "-o",
            "/no/such/folder/summary.xlsx",
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot save /no/such/folder/summary.xlsx"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("(os error 2)").count(), 1, "{stderr}");
}

#[test]
fn bad_arguments_exit_two() {
    planmerge().args(["merge"]).assert().code(2);
    planmerge().args(["frobnicate"]).assert().code(2);
    // Said in Thai first (what was typed, what was probably meant), clap's English after.
    let out = planmerge()
        .args(["mrege", "samples/6-month"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let thai = stderr.find("ไม่รู้จักคำสั่ง 'mrege' — หมายถึง 'merge' หรือไม่");
    let english = stderr.find("unrecognized subcommand 'mrege'");
    assert!(
        thai.is_some() && english.is_some() && thai < english,
        "{stderr}"
    );
    // With --json, the one JSON document says so too.
    let out = planmerge()
        .args(["merge", "samples/6-month", "--json", "--bogus"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let json: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(json["ok"], false);
    assert_eq!(json["failure"]["exit_code"], 2);
    let message = json["failure"]["message"].as_str().unwrap_or_default();
    assert!(
        message.starts_with("คำสั่งไม่ถูกต้อง: ไม่รู้จักตัวเลือก '--bogus'")
            && message.ends_with("unexpected argument '--bogus' found"),
        "{message}"
    );
    let help = planmerge().arg("--help").output().expect("run");
    assert_eq!(help.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&help.stdout).contains("คำสั่งไม่ถูกต้อง"));
    planmerge()
        .args(["merge", "/no/such/folder"])
        .assert()
        .code(2);
}

#[test]
fn resend_without_mail_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = dir.path().join("summary.xlsx");
    planmerge()
        .args(["merge", "samples/6-month", "--resend", "-o"])
        .arg(&output)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--mail"));
    assert!(!output.exists(), "a refused command writes nothing");
}

#[test]
fn output_that_is_an_input_is_refused() {
    let (dir, file) = folder_with_rows(&[words_row(1, "โครงการ ก", 1.0, 0.0)]);
    let before = std::fs::read(&file).expect("read");
    planmerge()
        .current_dir(dir.path())
        .args(["merge", ".", "-o", "กองทดสอบ.xlsx"])
        .assert()
        .code(2);
    assert_eq!(
        std::fs::read(&file).expect("read"),
        before,
        "input untouched"
    );
}

#[test]
fn check_prints_one_line_per_issue_and_a_verdict() {
    let bad = words_row(2, "โครงการติดลบ", 1.0, -1.0);
    let dir = one_bad_row(bad);
    let out = planmerge()
        .current_dir(dir.path())
        .args(["check", "."])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("กองทดสอบ.xlsx › แผน › D3: "), "{text}");
    assert!(
        text.contains("money is negative") || text.contains("is negative"),
        "{text}"
    );
    assert!(!text.contains('\x1b'), "no colour when not a terminal");
    assert!(!dir.path().join("summary.xlsx").exists());
}

#[test]
fn a_folder_without_any_workbook_is_a_usage_error_for_merge_and_check() {
    let empty = folder();
    let pdfs = folder();
    std::fs::write(pdfs.path().join("แผน.pdf"), b"%PDF-1.4").expect("pdf");
    for dir in [empty.path(), pdfs.path()] {
        for command in ["merge", "check"] {
            let out = planmerge()
                .current_dir(dir)
                .args([command, ".", "--json"])
                .output()
                .expect("run");
            assert_eq!(out.status.code(), Some(2), "{command}");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                stderr.contains("ไม่พบไฟล์ตาราง") && stderr.contains("no spreadsheet"),
                "{stderr}"
            );
            let json: Value = serde_json::from_slice(&out.stdout).expect("one document");
            assert_eq!(json["ok"], false, "no JSON claiming ok");
            assert_eq!(json["failure"]["exit_code"], 2);
            assert!(!dir.join("summary.xlsx").exists());
        }
    }
}

#[test]
fn check_piped_into_a_reader_that_stops_ends_quietly() {
    use std::process::{Command as Process, Stdio};
    let mut child = Process::new(assert_cmd::cargo::cargo_bin("planmerge"))
        .args(["check", "samples/6-month", "--json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // The reader goes away before planmerge writes anything (`check … | head -0`).
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn money_typed_as_text_down_a_column_is_one_note_naming_its_cells() {
    let rows: Vec<Vec<V>> = (1..=150)
        .map(|n| {
            let mut row = words_row(n, &format!("โครงการ {n}"), 1.0, 0.0);
            row[3] = t("1,000.00");
            // In progress: 150 completed would pass the samples' 90 initial projects.
            row[6] = t("อยู่ระหว่างดำเนินการ");
            row
        })
        .collect();
    let (dir, _) = folder_with_rows(&rows);
    let (status, json, stderr) = merge_json(dir.path());
    assert_eq!(status, 0, "notes only");
    assert!(
        !stderr.contains("money-as-text") && !stderr.contains("พิมพ์เป็นข้อความ"),
        "merge prints no note: {stderr}"
    );
    assert_eq!(json["summary"]["total"]["projects"], 150);
    assert_eq!(json["summary"]["total"]["budget_plan"], "150000.00");
    let issues = json["issues"].as_array().expect("issues");
    let as_text: Vec<&Value> = issues
        .iter()
        .filter(|i| i["code"] == "money-as-text")
        .collect();
    assert_eq!(as_text.len(), 1, "one issue for the column");
    assert_eq!(as_text[0]["severity"], "note");
    assert_eq!(as_text[0]["cell"], "D2:D151 (150 ช่อง)");
    assert_eq!(as_text[0]["cells"].as_array().map(Vec::len), Some(150));
    let text = check_text(dir.path(), &["กองทดสอบ.xlsx"]);
    assert!(
        text.contains("กองทดสอบ.xlsx › แผน › D2:D151 (150 ช่อง)"),
        "{text}"
    );
    assert!(text.contains("i หมายเหตุ"), "check shows notes: {text}");
    assert_eq!(text.matches("พิมพ์เป็นข้อความ").count(), 1, "{text}");
}

#[test]
fn errors_beyond_those_listed_still_count_and_refuse_the_summary() {
    let rows: Vec<Vec<V>> = (1..=130)
        .map(|n| words_row(n, &format!("โครงการ {n}"), 5.0, 0.0))
        .collect();
    let (dir, _) = folder_with_rows(&rows);
    let (status, json, stderr) = merge_json(dir.path());
    assert_eq!(status, 1);
    assert_eq!(json["ok"], false);
    assert!(stderr.contains("ข้อผิดพลาด 130 รายการ"), "{stderr}");
    assert_eq!(json["inputs"][0]["omitted"][0]["count"], 30);
    assert!(!dir.path().join("summary.xlsx").exists());
}

#[test]
fn initial_projects_fewer_than_those_carried_out_is_an_error_never_a_score_over_100() {
    let rows: Vec<Vec<V>> = (1..=3)
        .map(|n| words_row(n, &format!("โครงการ {n}"), 1.0, 0.0))
        .collect();
    let (dir, _) = folder_with_rows(&rows);
    let toml = dir.path().join("report.toml");
    let text = std::fs::read_to_string(&toml).expect("toml");
    std::fs::write(
        &toml,
        text.replace("initial_projects = 90", "initial_projects = 2"),
    )
    .expect("toml");
    let (status, json, stderr) = merge_json(dir.path());
    assert_eq!(status, 1, "{stderr}");
    assert!(json["output"].is_null(), "no summary reports 150 %");
    let issue = issue_coded(&json, "initial-projects-too-few");
    assert_eq!(issue["file"], "report.toml");
    let message = issue["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("initial_projects = 2") && message.contains("150.00 %"),
        "{message}"
    );
    assert!(stderr.contains("ยังไม่ใช่ตัวเลขของรายงาน"), "{stderr}");
}

#[test]
fn issues_past_those_shown_are_one_line_that_says_what_to_do() {
    let rows: Vec<Vec<V>> = (1..=150)
        .map(|n| words_row(n, &format!("โครงการ {n}"), 5.0, 0.0))
        .collect();
    let (dir, _) = folder_with_rows(&rows);
    let out = planmerge()
        .current_dir(dir.path())
        .args(["check", "."])
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let at = stdout
        .find("… และอีก 50 ช่อง (dimension-invalid)")
        .expect(&stdout);
    let next = stdout[at..].lines().nth(1).unwrap_or_default();
    assert!(next.contains("ผิด — แก้แบบเดียวกับรายการข้างบน"), "{next}");
}

/// A report missing a listed division says so on every sheet the figures are read from and in
/// the page header, and names the division on รายกอง as not sent (no figures, not zeros); `mail`
/// reads it back with its figures, no draft: an executive never takes it for the whole
/// organization's.
#[test]
fn a_report_missing_a_listed_division_says_so_on_its_sheets_and_reads_back() {
    use crate::common::ReadBack;
    let (dir, _file) = folder_with_rows(&[words_row(1, "โครงการ ก", 1.0, 5000.0)]);
    let toml = format!(
        "{}\ndivisions = [\"กองทดสอบ\", \"กองช่าง\"]\n",
        crate::support::REPORT_TOML
    );
    std::fs::write(dir.path().join("report.toml"), toml).expect("toml");
    let (code, json, stderr) = crate::support::run_json(dir.path(), &["merge", "."]);
    assert_eq!(code, 0, "{stderr}");
    let banner = "ข้อมูลยังไม่ครบ — ยังไม่ได้รับไฟล์ของ กองช่าง (ตัวเลขยังไม่รวมกองเหล่านี้)";
    let path = dir.path().join(json["output"].as_str().expect("output"));
    let mut book = ReadBack::open(&path);
    for sheet in ["สรุปผล", "รายกอง", "สรุปผลการขับเคลื่อนแผนฯ", "ตรวจสอบข้อมูล"]
    {
        assert_eq!(book.text(sheet, 0, 0), banner, "{sheet}");
    }
    let divisions = book.sheet_text("รายกอง");
    assert!(
        divisions.contains("กองช่าง") && divisions.contains("ยังไม่ส่งไฟล์"),
        "{divisions}"
    );
    // The figures are where they are under a banner, and the mail reads them back.
    let bytes = std::fs::read(&path).expect("summary");
    let figures = planmerge::mail::figures::read_figures(&bytes).expect("figures");
    assert_eq!(figures.banner.as_deref(), Some(banner));
    assert!(!figures.draft, "a partial report is no draft");
    assert_eq!(figures.totals.total.projects, 1);
    assert_eq!(figures.totals.divisions.len(), 1);
}

/// A division that sent its file with the table's header and no project under it is on รายกอง
/// (0 projects, 0 baht, its score "no project in the file"), not left off the sheet as if it
/// were not part of the organization; the รวม row and the mail's figures are unchanged.
#[test]
fn a_division_whose_file_has_no_project_is_on_the_divisions_sheet() {
    use crate::common::ReadBack;
    let (dir, _file) = folder_with_rows(&[words_row(1, "โครงการ ก", 1.0, 5000.0)]);
    let empty = dir.path().join("กองช่าง.xlsx");
    crate::support::write_book(&empty, "แผน", &crate::support::WORDS_HEADER, &[]);
    let (code, json, stderr) = crate::support::run_json(dir.path(), &["merge", "."]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(issue_coded(&json, "table-empty")["file"], "กองช่าง.xlsx");
    let path = dir.path().join(json["output"].as_str().expect("output"));
    let mut book = ReadBack::open(&path);
    let row = (0..20)
        .find(|&r| book.text("รายกอง", r, 1) == "กองช่าง")
        .expect("กองช่าง on รายกอง");
    assert_eq!(book.number("รายกอง", row, 2), 0.0);
    assert_eq!(book.number("รายกอง", row, 7), 0.0);
    assert_eq!(book.text("รายกอง", row, 9), "ไม่มีโครงการ");
    assert_eq!(book.text("รายกอง", row + 1, 0), "รวม");
    assert_eq!(book.number("รายกอง", row + 1, 2), 1.0);
    let bytes = std::fs::read(&path).expect("summary");
    let figures = planmerge::mail::figures::read_figures(&bytes).expect("figures");
    assert_eq!(figures.totals.divisions.len(), 1);
    assert_eq!(figures.totals.total.projects, 1);
}
