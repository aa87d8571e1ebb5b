//! report.toml as coordinators write it (QA s12): `[headers]` words given for two fields or typed
//! with Thai digits, a required key left out. Each is said naming what to change, or read.

use crate::support::sheet::codes;
use crate::support::{REPORT_TOML, V, folder, run_json, t, write_book};

/// ลำดับ | `name_header` | งบตามแผนฯ | ยอดใช้ไป | สถานะ, one project (500 baht, 100 disbursed).
fn book_with_own_words(dir: &std::path::Path, name_header: &str) {
    let header = ["ลำดับ", name_header, "งบตามแผนฯ", "ยอดใช้ไป", "สถานะ"];
    let row = vec![
        V::N(1.0),
        t("โครงการอบรมคุณธรรม"),
        V::N(500.0),
        V::N(100.0),
        t("ดำเนินการแล้วเสร็จ"),
    ];
    write_book(&dir.join("กองคลัง.xlsx"), "มิติที่ 1", &header, &[row]);
}

/// The seed's report.toml with `headers` as its `[headers]` table.
fn with_headers(dir: &std::path::Path, headers: &str) {
    let toml = format!("{REPORT_TOML}\n[headers]\n{headers}\n");
    std::fs::write(dir.join("report.toml"), toml).expect("toml");
}

#[test]
fn one_header_word_given_for_two_fields_is_a_configuration_error_naming_both() {
    let dir = folder();
    book_with_own_words(dir.path(), "ชื่องาน");
    with_headers(
        dir.path(),
        "name = [\"ชื่องาน\"]\nbudget_plan = [\"งบตามแผนฯ\"]\ndisbursed = [\"ยอดใช้ไป\", \"งบตามแผนฯ\"]",
    );
    let (code, _, stderr) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("งบตามแผนฯ")
            && stderr.contains("budget_plan")
            && stderr.contains("disbursed"),
        "{stderr}"
    );
}

#[test]
fn a_header_word_with_thai_digits_names_the_header_typed_with_arabic_ones() {
    let dir = folder();
    book_with_own_words(dir.path(), "ชื่องาน 1");
    with_headers(
        dir.path(),
        "name = [\"ชื่องาน ๑\"]\nbudget_plan = [\"งบตามแผนฯ\"]\ndisbursed = [\"ยอดใช้ไป\"]",
    );
    let (code, json, stderr) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{stderr} {:?}", codes(&json));
    let total = &json["summary"]["total"];
    assert_eq!(total["projects"], 1);
    assert_eq!(total["budget_plan"], "500.00");
    assert_eq!(total["disbursed"], "100.00");
}

#[test]
fn a_missing_fiscal_year_is_said_missing_at_no_line() {
    let dir = folder();
    book_with_own_words(dir.path(), "ชื่อโครงการ");
    // The organization first, as init writes it with its comments removed.
    let toml: String = REPORT_TOML
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("fiscal_year"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(toml.trim_start().starts_with("organization"), "{toml}");
    std::fs::write(dir.path().join("report.toml"), toml).expect("toml");
    let (code, _, stderr) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("fiscal_year"), "{stderr}");
    assert!(
        !stderr.contains("บรรทัด 1")
            && !stderr.contains("line 1")
            && !stderr.contains("organization"),
        "no line is wrong: {stderr}"
    );
}
