//! The 12-month round compared with the 6-month one (`--previous`): the rules (a completed
//! project stays completed, nothing vanishes unsaid, disbursement does not go down), the JSON
//! `changes`, the เทียบรอบก่อน sheet read back, and a planmerge summary read back exactly as a
//! previous round.

use crate::common::ReadBack;
use crate::support::{V, folder, run_json, t, words_row, write_book};
use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

fn planmerge() -> Command {
    Command::cargo_bin("planmerge").expect("binary")
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Merges the 6-month sample into `out`/summary-6.xlsx, to be read back as a previous round.
fn merge_six(out: &Path) -> std::path::PathBuf {
    let six = out.join("summary-6.xlsx");
    let output = six.to_str().expect("utf-8 path");
    let (code, _, stderr) = run_json(root(), &["merge", "samples/6-month", "-o", output]);
    assert_eq!(code, 0, "{stderr}");
    six
}

/// Merges the 12-month sample (its report.toml names the 6-month round as previous).
fn merge_twelve(out: &Path, extra: &[&str]) -> (i32, Value, String) {
    let output = out.join("summary.xlsx");
    let output = output.to_str().expect("utf-8 path");
    let mut args = vec!["merge", "samples/12-month", "-o", output];
    args.extend(extra);
    run_json(root(), &args)
}

#[test]
fn the_12_month_sample_is_compared_with_the_6_month_round() {
    let out = tempfile::tempdir().expect("tempdir");
    let (code, json, stderr) = merge_twelve(out.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let now = &json["summary"];
    assert_eq!(now["total"]["projects"], 82);
    assert_eq!(now["total"]["completed"], 74);
    assert_eq!(now["status"]["implementation_pct"], "86.67");
    assert_eq!(now["status"]["level"], "มากที่สุด");
    let before = &json["previous"]["summary"];
    assert_eq!(json["previous"]["file"], "samples/6-month");
    assert_eq!(before["total"]["projects"], 81);
    assert_eq!(before["total"]["completed"], 41);
    assert_eq!(before["status"]["implementation_pct"], "67.78");
    assert_eq!(before["status"]["level"], "มาก");
    let changes = json["changes"].as_array().expect("changes");
    let count = |kind: &str| changes.iter().filter(|c| c["kind"] == kind).count();
    assert_eq!(count("completed"), 32);
    assert_eq!(count("status"), 0);
    assert_eq!(count("new"), 2);
    assert_eq!(count("dropped"), 1);
    assert_eq!(count("budget"), 0);
    insta::assert_snapshot!(
        "changes_12_month",
        serde_json::to_string_pretty(&json["changes"]).expect("json")
    );
    let dropped = json["issues"]
        .as_array()
        .and_then(|issues| issues.iter().find(|i| i["code"] == "project-dropped"))
        .expect("the dropped project is said");
    assert_eq!(dropped["severity"], "warning");
    assert_eq!(dropped["file"], "samples/6-month/สำนักปลัด.xlsx");
    assert_eq!(dropped["cell"], "B36");
}

#[test]
fn the_compare_sheet_holds_both_rounds_side_by_side() {
    let out = tempfile::tempdir().expect("tempdir");
    let (code, _, stderr) = merge_twelve(out.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let mut book = ReadBack::open(&out.path().join("summary.xlsx"));
    let names = book.sheet_names();
    assert_eq!(names[2], "เทียบรอบก่อน", "{names:?}");
    let sheet = "เทียบรอบก่อน";
    // The earlier round named as executives read it, then where its figures came from.
    let source = book.text(sheet, 1, 0);
    // The folder by its name, not the coordinator's path.
    assert_eq!(
        source,
        "รอบก่อน: ปีงบประมาณ พ.ศ. 2565 รอบ 6 เดือน (ตุลาคม 2564 – มีนาคม 2565) · ข้อมูลจาก 6-month"
    );
    // Title, source, blank, two header rows: dimension 1 on row 6 (index 5), รวม on index 9.
    assert_eq!(book.text(sheet, 9, 0), "รวม");
    let totals: Vec<f64> = (1..=12).map(|c| book.number(sheet, 9, c)).collect();
    assert_eq!(
        totals,
        [
            81.0,
            82.0,
            1.0,
            41.0,
            74.0,
            33.0,
            0.0,
            8_174_100.0,
            8_174_100.0,
            50.62,
            90.24,
            39.62
        ]
    );
    assert_eq!(
        book.number(sheet, 5, 4),
        7.0,
        "dimension 1 completed before"
    );
    assert_eq!(book.number(sheet, 5, 5), 19.0, "and now");
    // The score, one row under the table.
    assert_eq!(book.number(sheet, 11, 1), 67.78);
    assert_eq!(book.text(sheet, 11, 2), "มาก");
    assert_eq!(book.number(sheet, 11, 4), 86.67);
    assert_eq!(book.text(sheet, 11, 5), "มากที่สุด");
    let text = book.sheet_text(sheet);
    for expected in [
        "เปลี่ยนเป็นดำเนินการแล้วเสร็จ (32 โครงการ)",
        // Beside the +33 of the table, the group's 32 is reconciled, not a second figure.
        "ดำเนินการแล้วเสร็จ 41 → 74 (+33) = เปลี่ยนเป็นแล้วเสร็จ 32 + โครงการใหม่ที่แล้วเสร็จ 1",
        "โครงการใหม่ (2 โครงการ)",
        "โครงการที่ไม่มีในรอบนี้ (1 โครงการ)",
        "เบิกจ่ายเปลี่ยน",
        "กิจกรรมเปิดช่องทางแจ้งเบาะแสการทุจริตออนไลน์",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
    // The disbursed changes are amounts: numbers in baht, not text.
    let caption = text
        .lines()
        .position(|l| l.starts_with("เบิกจ่ายเปลี่ยน"))
        .expect("the disbursed caption") as u32;
    let (from, to) = (
        book.cell(sheet, caption + 2, 7),
        book.cell(sheet, caption + 2, 10),
    );
    assert!(
        matches!(from, calamine::Data::Float(_)) && matches!(to, calamine::Data::Float(_)),
        "{from:?} → {to:?}"
    );
    let drive = book.sheet_text("สรุปผลการขับเคลื่อนแผนฯ");
    assert!(
        drive.contains("เทียบกับรอบก่อน ดำเนินการแล้วเสร็จเพิ่มขึ้น 33 โครงการ (41 → 74)")
            && drive.contains("67.78 (มาก) → 86.67 (มากที่สุด)"),
        "{drive}"
    );
    assert!(
        book.text("สรุปผล", 0, 0).contains("รอบ 12 เดือน")
            || book.sheet_text("สรุปผล").contains("รอบ 12 เดือน")
    );
}

#[test]
fn a_summary_read_back_as_the_previous_round_gives_the_same_changes() {
    let out = tempfile::tempdir().expect("tempdir");
    let six = merge_six(out.path());
    let (_, from_folder, _) = merge_twelve(out.path(), &[]);
    let (code, from_summary, stderr) =
        merge_twelve(out.path(), &["--previous", six.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("previous-other-round") && !stderr.contains("รอบก่อนที่ใช้เทียบ"));
    assert_eq!(from_summary["changes"], from_folder["changes"]);
    assert_eq!(
        from_summary["previous"]["summary"],
        from_folder["previous"]["summary"]
    );
    // This round's own summary given as the previous round, or a later round: refused before
    // anything is compared (every project would read as gone backwards), naming both rounds.
    let twelve = out.path().join("summary-12.xlsx");
    std::fs::copy(out.path().join("summary.xlsx"), &twelve).expect("the 12-month summary");
    let (code, again, _) =
        merge_twelve(out.path(), &["--previous", twelve.to_str().expect("utf-8")]);
    assert_eq!(code, 2, "{again}");
    let message = again["failure"]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("เป็นปีงบประมาณ 2565 รอบ 12 เดือน ไม่ได้อยู่ก่อนรายงานนี้")
            && message.contains("ชี้ไปที่รอบก่อน (ปีงบประมาณ 2565 รอบ 6 เดือน)"),
        "{message}"
    );
    let (code, later, _) = run_json(
        root(),
        &["check", "samples/6-month", "--previous", "samples/12-month"],
    );
    assert_eq!(code, 2, "{later}");
    assert!(later["issues"].is_null(), "nothing compared: {later}");
    // template --from a summary: the division's projects, as a folder gives them.
    let form = out.path().join("แบบฟอร์ม-กองคลัง.xlsx");
    planmerge()
        .current_dir(root())
        .args(["template", "--division", "กองคลัง", "--from"])
        .arg(&six)
        .arg("-o")
        .arg(&form)
        .assert()
        .success();
    let merged = planmerge::read_and_validate(std::slice::from_ref(&form));
    assert_eq!(merged.projects.len(), 6);
}

/// A previous round and this one, each one division workbook (words layout) in its own folder
/// (`รอบ6`, `รอบ12` side by side); returns the parent and this round's folder.
fn two_rounds(before: &[Vec<V>], now: &[Vec<V>]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = folder();
    let (previous, current) = (dir.path().join("รอบ6"), dir.path().join("รอบ12"));
    std::fs::create_dir(&previous).expect("folder");
    std::fs::create_dir(&current).expect("folder");
    let header = crate::support::WORDS_HEADER;
    write_book(&previous.join("กองคลัง.xlsx"), "แผน", &header, before);
    write_book(&current.join("กองคลัง.xlsx"), "แผน", &header, now);
    let toml = std::fs::read_to_string(dir.path().join("report.toml")).expect("toml");
    let toml = toml.replace("round = 6", "round = 12") + "\nprevious = \"../รอบ6\"\n";
    std::fs::write(current.join("report.toml"), toml).expect("toml");
    (dir, current)
}

fn with(mut row: Vec<V>, col: usize, value: V) -> Vec<V> {
    row[col] = value;
    row
}

#[test]
fn a_completed_project_reported_in_progress_now_blocks_the_summary_at_its_cell() {
    let done = words_row(1, "โครงการ ก", 1.0, 100.0);
    let undone = with(done.clone(), 6, t("อยู่ระหว่างดำเนินการ"));
    let (_dir, current) = two_rounds(&[done], &[undone]);
    let (code, json, _) = run_json(&current, &["merge", "."]);
    assert_eq!(code, 1);
    assert!(json["output"].is_null());
    assert!(!current.join("summary.xlsx").exists());
    let issue = json["issues"]
        .as_array()
        .and_then(|i| i.iter().find(|i| i["code"] == "status-regressed"))
        .expect("regressed");
    assert_eq!(issue["severity"], "error");
    assert_eq!(issue["file"], "กองคลัง.xlsx");
    assert_eq!(issue["cell"], "G2", "the status cell");
    let (code, json, _) = run_json(&current, &["merge", ".", "--draft"]);
    assert_eq!(code, 1);
    assert!(json["output"].is_string(), "a draft with --draft");
}

#[test]
fn less_disbursed_than_before_is_a_warning_at_its_cell() {
    let before = with(words_row(1, "โครงการ ก", 1.0, 100.0), 4, V::N(80.0));
    let now = with(before.clone(), 4, V::N(30.0));
    let (_dir, current) = two_rounds(&[before], &[now]);
    let (code, json, _) = run_json(&current, &["check", "."]);
    assert_eq!(code, 0);
    let issue = json["issues"]
        .as_array()
        .and_then(|i| i.iter().find(|i| i["code"] == "disbursed-decreased"))
        .expect("decreased");
    assert_eq!(issue["cell"], "E2", "the disbursed cell");
    assert!(
        issue["message"]
            .as_str()
            .unwrap_or_default()
            .contains("80.00 → 30.00")
    );
    let change = &json["changes"][0];
    assert_eq!(change["kind"], "disbursed");
    assert_eq!(change["from"], "80.00");
    assert_eq!(change["to"], "30.00");
    assert_eq!(change["division"], "กองคลัง");
}

#[test]
fn a_project_whose_row_has_an_error_now_is_not_also_called_dropped() {
    let before = [
        words_row(1, "โครงการ ก", 1.0, 100.0),
        words_row(2, "โครงการ ข", 2.0, 200.0),
    ];
    let now = [with(before[0].clone(), 2, V::N(5.0)), before[1].clone()];
    let (_dir, current) = two_rounds(&before, &now);
    let (code, json, _) = run_json(&current, &["check", "."]);
    assert_eq!(code, 1);
    let codes: Vec<&str> = json["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .filter(|i| i["severity"] != "note")
        .filter_map(|i| i["code"].as_str())
        .collect();
    assert_eq!(codes, ["dimension-invalid"], "the row's own error only");
}

#[test]
fn a_project_renamed_by_a_typo_fix_is_dropped_with_the_new_name_suggested() {
    let before = words_row(1, "โครงการอบรมคุณธรรมจริยธรม", 1.0, 100.0);
    let now = words_row(1, "โครงการอบรมคุณธรรมจริยธรรม", 1.0, 100.0);
    let (_dir, current) = two_rounds(&[before], &[now]);
    let (code, json, _) = run_json(&current, &["check", "."]);
    assert_eq!(code, 0, "a warning, not an error");
    let issue = json["issues"]
        .as_array()
        .and_then(|i| i.iter().find(|i| i["code"] == "project-dropped"))
        .expect("dropped");
    assert_eq!(issue["file"], "../รอบ6/กองคลัง.xlsx");
    assert_eq!(issue["cell"], "B2");
    assert!(
        issue["fix"]
            .as_str()
            .unwrap_or_default()
            .contains("หมายถึง \"โครงการอบรมคุณธรรมจริยธรรม\" (ที่ กองคลัง.xlsx › แผน › B2) หรือไม่"),
        "{issue}"
    );
    // Where the new name is, for a script too.
    assert_eq!(
        issue["related"],
        serde_json::json!([{"file": "กองคลัง.xlsx", "sheet": "แผน", "cell": "B2"}])
    );
    let kinds: Vec<&str> = json["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .filter_map(|c| c["kind"].as_str())
        .collect();
    assert_eq!(kinds, ["new", "dropped"], "never matched silently");
}

#[test]
fn every_dropped_project_is_named_each_at_its_own_place() {
    // Two divisions' previous files, three projects gone: each is its own warning, with its
    // own name and cell, never folded into another's.
    let before = [
        words_row(1, "โครงการ ก", 1.0, 100.0),
        words_row(2, "โครงการ ข", 1.0, 100.0),
        words_row(3, "โครงการ ค", 1.0, 100.0),
    ];
    let now = [words_row(1, "โครงการ ก", 1.0, 100.0)];
    let (dir, current) = two_rounds(&before, &now);
    let header = crate::support::WORDS_HEADER;
    let other = [words_row(1, "โครงการ ง", 1.0, 100.0)];
    write_book(
        &dir.path().join("รอบ6").join("กองช่าง.xlsx"),
        "แผน",
        &header,
        &other,
    );
    let another = [words_row(1, "โครงการ จ", 1.0, 100.0)];
    write_book(&current.join("กองช่าง.xlsx"), "แผน", &header, &another);
    let (code, json, _) = run_json(&current, &["check", "."]);
    assert_eq!(code, 0, "warnings only");
    let dropped: Vec<(String, String, String)> = json["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .filter(|i| i["code"] == "project-dropped")
        .map(|i| {
            let text = |k: &str| i[k].as_str().unwrap_or_default().to_string();
            (text("file"), text("cell"), text("message"))
        })
        .collect();
    assert_eq!(dropped.len(), 3, "{dropped:#?}");
    let expected = [
        ("../รอบ6/กองคลัง.xlsx", "B3", "โครงการ ข"),
        ("../รอบ6/กองคลัง.xlsx", "B4", "โครงการ ค"),
        ("../รอบ6/กองช่าง.xlsx", "B2", "โครงการ ง"),
    ];
    for (file, cell, name) in expected {
        assert!(
            dropped
                .iter()
                .any(|(f, c, m)| f == file && c == cell && m.contains(name)),
            "{name} at {file} {cell} in {dropped:#?}"
        );
    }
}

#[test]
fn more_than_a_hundred_dropped_projects_are_all_reported() {
    // A previous round of another office, say: every one of its 130 projects is gone, and the
    // coordinator is told of each, none left uncounted.
    let before: Vec<Vec<V>> = (1..=130)
        .map(|n| words_row(n, &format!("โครงการที่ {n}"), 1.0, 100.0))
        .collect();
    let now = [words_row(1, "โครงการใหม่", 1.0, 100.0)];
    let (_dir, current) = two_rounds(&before, &now);
    let (code, json, _) = run_json(&current, &["check", "."]);
    assert_eq!(code, 0, "warnings only");
    let dropped = json["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .filter(|i| i["code"] == "project-dropped")
        .count();
    assert_eq!(dropped, 130);
}

#[test]
fn the_previous_round_keeps_the_figures_it_reported_when_this_rounds_plan_changed() {
    let out = tempfile::tempdir().expect("tempdir");
    // This round counts 100 initial projects; the 6-month round counted 90 (its report.toml).
    let toml = std::fs::read_to_string(root().join("samples/12-month/report.toml")).expect("toml");
    let config = out.path().join("report.toml");
    std::fs::write(
        &config,
        toml.replace("initial_projects = 90", "initial_projects = 100"),
    )
    .expect("write");
    let six = merge_six(out.path());
    let config = config.to_str().expect("utf-8");
    for previous in ["samples/6-month", six.to_str().expect("utf-8")] {
        let (code, json, stderr) =
            merge_twelve(out.path(), &["-c", config, "--previous", previous]);
        assert_eq!(code, 0, "{previous}: {stderr}");
        assert_eq!(json["summary"]["status"]["implementation_pct"], "78.00");
        let before = &json["previous"]["summary"]["status"];
        assert_eq!(before["implementation_pct"], "67.78", "{previous}");
        assert_eq!(before["level"], "มาก", "{previous}");
    }
}

#[test]
fn a_division_whose_open_projects_all_stood_still_is_said_once() {
    let waiting = with(words_row(1, "โครงการ ก", 1.0, 100.0), 6, t("รอรายงาน"));
    let done = words_row(2, "โครงการ ข", 2.0, 200.0);
    let rows = [waiting, done.clone()];
    let (_dir, current) = two_rounds(&rows, &rows);
    let (code, json, _) = run_json(&current, &["check", "."]);
    assert_eq!(code, 0);
    let said: Vec<&Value> = json["issues"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|i| i["code"] == "division-unchanged")
        .collect();
    assert_eq!(said.len(), 1, "{json}");
    assert_eq!(said[0]["file"], "กองคลัง.xlsx");
    assert_eq!(said[0]["severity"], "warning");
    assert!(
        said[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("2 โครงการ"))
    );
    // Every project completed already: nothing could have moved on, nothing said.
    let rows = std::slice::from_ref(&done);
    let (_dir, current) = two_rounds(rows, rows);
    let (_, json, _) = run_json(&current, &["check", "."]);
    assert!(!json.to_string().contains("division-unchanged"), "{json}");
}

#[test]
fn errors_in_the_previous_round_are_said_beside_the_json_naming_the_first() {
    let before = [
        with(words_row(1, "โครงการ ก", 1.0, 100.0), 2, V::N(5.0)),
        words_row(2, "โครงการ ข", 2.0, 200.0),
    ];
    let now = [before[1].clone()];
    let (_dir, current) = two_rounds(&before, &now);
    let (code, json, stderr) = run_json(&current, &["check", "."]);
    assert_eq!(code, 0, "{stderr}");
    assert!(json["ok"].is_boolean(), "stdout is one JSON document");
    assert!(
        stderr.contains("รอบก่อน") && stderr.contains("รายการแรก: ") && stderr.contains(" › C2)"),
        "{stderr}"
    );
}

#[test]
fn a_division_that_has_not_sent_yet_is_one_warning_not_a_drop_per_project() {
    // The previous round had กองช่าง's two projects; this round only กองคลัง has sent: กองช่าง
    // is said once, its projects not one by one. Checking กองคลัง's file alone asks after
    // neither.
    let before = [words_row(1, "โครงการ ก", 1.0, 100.0)];
    let (dir, current) = two_rounds(&before, &before);
    let header = crate::support::WORDS_HEADER;
    let theirs = [
        words_row(1, "โครงการ ง", 1.0, 100.0),
        words_row(2, "โครงการ จ", 1.0, 100.0),
    ];
    write_book(
        &dir.path().join("รอบ6").join("กองช่าง.xlsx"),
        "แผน",
        &header,
        &theirs,
    );
    let (code, alone, _) = run_json(&current, &["check", "กองคลัง.xlsx"]);
    assert_eq!(code, 0);
    let asked: Vec<&str> = alone["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .filter_map(|i| i["code"].as_str())
        .filter(|c| ["project-dropped", "division-missing"].contains(c))
        .collect();
    assert!(asked.is_empty(), "{asked:?}");
    let (code, json, _) = run_json(&current, &["check", "."]);
    assert_eq!(code, 0, "warnings only");
    let codes: Vec<&str> = json["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .filter_map(|i| i["code"].as_str())
        .filter(|c| *c != "ordinance-budget-assumed")
        .collect();
    assert!(!codes.contains(&"project-dropped"), "{codes:?}");
    let missing: Vec<&Value> = json["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .filter(|i| i["code"] == "division-missing")
        .collect();
    assert_eq!(missing.len(), 1, "{codes:?}");
    let message = missing[0]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("กองช่าง") && message.contains("รอบก่อนมี 2 โครงการ"),
        "{message}"
    );
}

/// The earlier round given as its summary reports the amounts it printed to the satang, beyond
/// Excel's 15 significant digits (16-digit totals): as its folder gives them.
#[test]
fn a_summary_read_back_keeps_the_satang_of_a_sixteen_digit_total() {
    let amount = 999_999_999_999.99;
    let row = |no: u32, disbursed: f64| {
        with(
            words_row(no, &format!("โครงการ {no}"), 1.0, amount),
            4,
            V::N(disbursed),
        )
    };
    let before: Vec<Vec<V>> = (1..=12).map(|no| row(no, amount)).collect();
    let (dir, current) = two_rounds(&before, &before);
    let six = dir.path().join("summary-6.xlsx");
    let (code, json, _) = run_json(
        &dir.path().join("รอบ6"),
        &[
            "merge",
            ".",
            "-c",
            "../report.toml",
            "-o",
            six.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(code, 0, "{}", json["issues"]);
    assert_eq!(json["summary"]["total"]["disbursed"], "11999999999999.88");
    let (code, json, _) = run_json(
        &current,
        &["check", ".", "--previous", six.to_str().expect("utf-8")],
    );
    assert_eq!(code, 0, "{}", json["issues"]);
    let total = &json["previous"]["summary"]["total"];
    assert_eq!(total["disbursed"], "11999999999999.88");
    assert_eq!(total["budget_plan"], "11999999999999.88");
}
