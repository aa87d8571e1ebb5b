//! The previous round as it really arrives: last fiscal year's round before a 6-month one, a
//! summary edited after it was written, one written as a draft, one saved again as .ods, a
//! division's workbook given instead of a summary, a division that has not sent its file yet.

use crate::common::{ReadBack, SeedData};
use crate::support::run_json;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Copies the sample round `name` into `to`, its report.toml edited by `config`.
fn copy_round(name: &str, to: &Path, config: impl Fn(String) -> String) {
    std::fs::create_dir_all(to).expect("folder");
    for entry in std::fs::read_dir(root().join("samples").join(name)).expect("samples") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, to.join(path.file_name().expect("name"))).expect("copy");
    }
    let toml = to.join("report.toml");
    let text = std::fs::read_to_string(&toml).expect("toml");
    std::fs::write(&toml, config(text)).expect("toml");
}

/// `merge <input> --previous <previous> -o <output>`, run in `dir`.
fn merge_against(dir: &Path, input: &str, previous: &Path, output: &Path) -> (i32, Value, String) {
    let args = [
        "merge",
        input,
        "--previous",
        previous.to_str().expect("utf-8"),
        "-o",
        output.to_str().expect("utf-8"),
    ];
    run_json(dir, &args)
}

/// `merge samples/12-month --previous <previous>` into `out`.
fn twelve_against(previous: &Path, out: &Path) -> (i32, Value, String) {
    merge_against(
        root(),
        "samples/12-month",
        previous,
        &out.join("summary.xlsx"),
    )
}

/// The code of every issue in a `--json` document.
fn codes(json: &Value) -> Vec<String> {
    let issues = json["issues"].as_array().into_iter().flatten();
    issues
        .filter_map(|i| i["code"].as_str().map(String::from))
        .collect()
}

/// The next fiscal year's 6-month round against last year's 12-month summary: every project
/// begins the year again, so no project is a `status-regressed` error nor a
/// `disbursed-decreased` warning; only the list is compared, and the sheet and the sentence
/// say which round it is.
#[test]
fn last_years_round_is_compared_by_its_list_only() {
    let out = tempfile::tempdir().expect("tempdir");
    let twelve = out.path().join("summary-12.xlsx");
    let (code, _, stderr) = run_json(
        root(),
        &[
            "merge",
            "samples/12-month",
            "-o",
            twelve.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let next = out.path().join("2566-6");
    copy_round("6-month", &next, |toml| {
        toml.replace("fiscal_year = 2565", "fiscal_year = 2566")
            .replace("as_of = \"2022-04-21\"", "as_of = \"2023-04-21\"")
    });
    let summary = out.path().join("summary-2566-6.xlsx");
    let (code, json, stderr) = merge_against(&next, ".", &twelve, &summary);
    assert_eq!(code, 0, "{stderr}");
    let found = codes(&json);
    for code in [
        "status-regressed",
        "disbursed-decreased",
        "previous-other-round",
    ] {
        assert!(!found.iter().any(|c| c == code), "{code}: {found:?}");
    }
    // The 12-month round had two projects the 6-month one lacks, and lacked one it had.
    let changes = json["changes"].as_array().expect("changes");
    let kinds: Vec<&str> = changes.iter().filter_map(|c| c["kind"].as_str()).collect();
    assert_eq!(
        kinds.iter().filter(|k| **k == "new").count(),
        1,
        "{kinds:?}"
    );
    assert_eq!(
        kinds.iter().filter(|k| **k == "dropped").count(),
        2,
        "{kinds:?}"
    );
    assert_eq!(kinds.len(), 3, "{kinds:?}");
    assert_eq!(json["summary"]["status"]["implementation_pct"], "67.78");
    let mut book = ReadBack::open(&summary);
    let sheet = book.sheet_text("เทียบรอบก่อน");
    assert!(
        sheet.contains("ต่างปีงบประมาณ: เทียบเฉพาะรายการโครงการ ไม่เทียบสถานะและเงิน"),
        "{sheet}"
    );
    let drive = book.sheet_text("สรุปผลการขับเคลื่อนแผนฯ");
    assert!(
        drive.contains(
            "- เทียบกับรอบก่อน (ปีงบประมาณ พ.ศ. 2565 รอบ 12 เดือน) ดำเนินการแล้วเสร็จลดลง 33 โครงการ (74 → 41)"
        ),
        "{drive}"
    );
}

/// A summary whose project list lost a completed project's row after it was written (the
/// coordinator deleted it): said, and the comparison takes the list's figures, so that its
/// table, its sentence and its groups add up.
#[test]
fn a_summary_edited_after_it_was_written_is_said_and_its_list_is_compared() {
    let out = tempfile::tempdir().expect("tempdir");
    let mut seed = SeedData::clean();
    let completed = seed
        .projects
        .iter()
        .position(|p| p.status == planmerge::model::Status::Completed)
        .expect("a completed project");
    seed.projects.remove(completed);
    let edited = out.path().join("สรุป-6-เดือน.xlsx");
    seed.write(&edited).expect("summary");
    let (code, json, stderr) = twelve_against(&edited, out.path());
    assert_eq!(code, 0, "{stderr}");
    let issue = crate::support::issue_coded(&json, "previous-edited");
    assert_eq!(issue["severity"], "warning");
    let message = issue["message"].as_str().unwrap_or_default();
    assert!(
        message.contains(
            "รายการโครงการมี 80 โครงการ แล้วเสร็จ 40 แต่หน้าสรุปผลเขียนว่า 81 โครงการ แล้วเสร็จ 41"
        ),
        "{message}"
    );
    let before = &json["previous"]["summary"]["total"];
    assert_eq!(
        (before["projects"].as_u64(), before["completed"].as_u64()),
        (Some(80), Some(40))
    );
    // A summary as written gives no such warning.
    let clean = out.path().join("clean.xlsx");
    SeedData::clean().write(&clean).expect("summary");
    let (code, json, _) = twelve_against(&clean, out.path());
    assert_eq!(code, 0);
    assert!(
        !codes(&json).iter().any(|c| c.starts_with("previous-")),
        "{:?}",
        codes(&json)
    );
}

/// A draft summary (errors left in it) as the previous round: compared, and said.
#[test]
fn a_draft_summary_as_the_previous_round_is_said() {
    let out = tempfile::tempdir().expect("tempdir");
    let draft = out.path().join("ร่าง.xlsx");
    SeedData::with_errors().write(&draft).expect("summary");
    let (code, json, stderr) = twelve_against(&draft, out.path());
    assert_eq!(code, 0, "{stderr}");
    let issue = crate::support::issue_coded(&json, "previous-incomplete");
    let message = issue["message"].as_str().unwrap_or_default();
    assert!(message.contains("ร่าง — มีข้อผิดพลาด 2 รายการ"), "{message}");
    assert!(!codes(&json).contains(&"previous-edited".to_string()));
}

/// A previous round given as one file must be a summary planmerge wrote, as .xlsx: a division's
/// workbook (every other division would read as new) and a summary saved again as .ods are
/// refused (exit 2), each saying what to give instead; and an .ods summary alone is no round.
#[test]
fn a_division_workbook_or_an_ods_summary_is_no_previous_round() {
    let out = tempfile::tempdir().expect("tempdir");
    let division = root().join("samples/6-month/กองคลัง.xlsx");
    let (code, json, _) = twelve_against(&division, out.path());
    assert_eq!(code, 2, "{json}");
    let message = json["failure"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("ไม่ใช่ไฟล์สรุปที่ planmerge เขียน"), "{message}");
    let ods: PathBuf = root().join("tests/fixtures/formats/summary-6-month.ods");
    let (code, json, _) = twelve_against(&ods, out.path());
    assert_eq!(code, 2, "{json}");
    let message = json["failure"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("บันทึกใหม่เป็นรูปแบบอื่น"), "{message}");
    let config = root().join("samples/6-month/report.toml");
    let (code, json, _) = run_json(
        root(),
        &[
            "merge",
            ods.to_str().expect("utf-8"),
            "-c",
            config.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(code, 2, "an all-zero report: {json}");
}

/// A division that has not sent its file this round: its projects are a group of their own on
/// เทียบรอบก่อน (not "dropped"), and the completed line says what they take away.
#[test]
fn a_division_not_yet_sent_is_a_group_of_its_own() {
    let out = tempfile::tempdir().expect("tempdir");
    let twelve = out.path().join("12-month");
    copy_round("12-month", &twelve, |toml| {
        toml.replace("previous = \"../6-month\"\n", "")
            + "divisions = [\"กองคลัง\", \"สำนักปลัด\", \"กองการเจ้าหน้าที่\", \"กองพัสดุและทรัพย์สิน\", \
               \"กองยุทธศาสตร์และงบประมาณ\", \"กองสาธารณสุขและสิ่งแวดล้อม\", \
               \"กองการศึกษา ศาสนาและวัฒนธรรม\", \"หน่วยตรวจสอบภายใน\"]\n"
    });
    std::fs::remove_file(twelve.join("กองคลัง.xlsx")).expect("remove");
    let previous = root().join("samples/6-month");
    let summary = out.path().join("summary.xlsx");
    let (code, json, stderr) = merge_against(&twelve, ".", &previous, &summary);
    assert_eq!(code, 0, "{stderr}");
    let changes = json["changes"].as_array().expect("changes");
    let unsent: Vec<&Value> = changes.iter().filter(|c| c["kind"] == "unsent").collect();
    assert_eq!(unsent.len(), 6, "กองคลัง's six projects");
    assert!(unsent.iter().all(|c| c["division"] == "กองคลัง"));
    let mut book = ReadBack::open(&summary);
    let sheet = book.sheet_text("เทียบรอบก่อน");
    assert!(
        sheet.contains("โครงการของกองที่ยังไม่ส่งไฟล์รอบนี้ (ไม่รวมในตัวเลขรอบนี้) (6 โครงการ)")
            && sheet.contains("− ที่แล้วเสร็จของกองที่ยังไม่ส่งไฟล์ 4"),
        "{sheet}"
    );
}

/// A 6-month round of `six` rows and a 12-month round of `twelve` rows, one division each,
/// merged against each other: the 12-month `--json`, and its summary.
fn six_then_twelve(
    six: &[Vec<crate::support::V>],
    twelve: &[Vec<crate::support::V>],
) -> (tempfile::TempDir, Value, PathBuf) {
    six_then_twelve_with(six, twelve, false)
}

/// [`six_then_twelve`], the rows with an ordinance budget column after the plan budget when
/// `ordinance`.
fn six_then_twelve_with(
    six: &[Vec<crate::support::V>],
    twelve: &[Vec<crate::support::V>],
    ordinance: bool,
) -> (tempfile::TempDir, Value, PathBuf) {
    use crate::support::{WORDS_HEADER, write_book};
    let mut header: Vec<&str> = WORDS_HEADER.to_vec();
    if ordinance {
        header.insert(4, "งบประมาณตามข้อบัญญัติ");
    }
    let dir = crate::support::folder();
    let (six_dir, twelve_dir) = (dir.path().join("six"), dir.path().join("twelve"));
    for (round, rows) in [(&six_dir, six), (&twelve_dir, twelve)] {
        std::fs::create_dir(round).expect("folder");
        write_book(&round.join("กองทดสอบ.xlsx"), "แผน", &header, rows);
    }
    std::fs::write(six_dir.join("report.toml"), crate::support::REPORT_TOML).expect("toml");
    let toml = crate::support::twelve_month_toml().replace(
        "initial_projects = 90",
        &format!("initial_projects = {}", twelve.len()),
    );
    std::fs::write(twelve_dir.join("report.toml"), toml).expect("toml");
    let (code, json, stderr) = run_json(&twelve_dir, &["merge", ".", "--previous", "../six"]);
    assert_eq!(code, 0, "{stderr}");
    let summary = twelve_dir.join(json["output"].as_str().expect("output"));
    (dir, json, summary)
}

/// A plan budget changed since the previous round is shown as amounts in baht (numbers, as the
/// disbursed changes are), not as text.
#[test]
fn a_budget_changed_since_the_previous_round_is_in_baht() {
    use crate::support::words_row;
    let (_dir, _, summary) = six_then_twelve(
        &[words_row(1, "โครงการ ก", 1.0, 5000.0)],
        &[words_row(1, "โครงการ ก", 1.0, 7500.0)],
    );
    let mut book = ReadBack::open(&summary);
    let text = book.sheet_text("เทียบรอบก่อน");
    let caption = text
        .lines()
        .position(|l| l.starts_with("งบประมาณเปลี่ยน"))
        .expect("the budget caption") as u32;
    let sheet = "เทียบรอบก่อน";
    assert_eq!(book.number(sheet, caption + 2, 7), 5000.0);
    assert_eq!(book.number(sheet, caption + 2, 10), 7500.0);
}

/// A project put under another dimension, or its ordinance budget alone changed: both move
/// the report's figures, so both are listed on เทียบรอบก่อน and in `changes`.
#[test]
fn a_dimension_or_an_ordinance_budget_changed_is_listed() {
    use crate::support::{V, t, words_row};
    let mut ordinance = words_row(2, "โครงการ ข", 1.0, 5000.0);
    ordinance[5] = t("☑");
    let with_ordinance = |row: &mut Vec<V>, baht: f64| {
        row.insert(4, V::N(baht));
    };
    let mut before = ordinance.clone();
    with_ordinance(&mut before, 0.0);
    let mut after = ordinance;
    with_ordinance(&mut after, 25000.0);
    let mut first = words_row(1, "โครงการ ก", 2.0, 1000.0);
    with_ordinance(&mut first, 1000.0);
    let mut moved = words_row(1, "โครงการ ก", 3.0, 1000.0);
    with_ordinance(&mut moved, 1000.0);
    let (_dir, json, summary) = six_then_twelve_with(&[first, before], &[moved, after], true);
    let changes = json["changes"].as_array().expect("changes");
    let of = |kind: &str| {
        changes
            .iter()
            .find(|c| c["kind"] == kind)
            .unwrap_or_else(|| panic!("{kind} in {changes:?}"))
    };
    assert_eq!(
        (
            of("dimension")["from"].as_str(),
            of("dimension")["to"].as_str()
        ),
        (Some("มิติที่ 2"), Some("มิติที่ 3"))
    );
    assert_eq!(
        (
            of("ordinance")["from"].as_str(),
            of("ordinance")["to"].as_str()
        ),
        (Some("0.00"), Some("25000.00"))
    );
    assert_eq!(changes.len(), 2, "{changes:?}");
    let text = ReadBack::open(&summary).sheet_text("เทียบรอบก่อน");
    assert!(
        text.contains("มิติเปลี่ยน (1 โครงการ)") && text.contains("งบประมาณตามข้อบัญญัติเปลี่ยน (1 โครงการ)"),
        "{text}"
    );
}

/// One round numbered its names as a list (`1. `) or typed full-width brackets, the other not:
/// the same projects, matched, not one dropped and one new.
#[test]
fn names_numbered_in_one_round_only_are_the_same_projects() {
    use crate::support::words_row;
    let (_dir, json, _) = six_then_twelve(
        &[
            words_row(1, "โครงการ ก", 1.0, 5000.0),
            words_row(2, "2. โครงการ ข (อบจ.)", 1.0, 5000.0),
        ],
        &[
            words_row(1, "1. โครงการ ก", 1.0, 5000.0),
            words_row(2, "โครงการ ข \u{FF08}อบจ.\u{FF09}", 1.0, 5000.0),
        ],
    );
    assert_eq!(json["changes"], serde_json::json!([]), "{}", json["issues"]);
}

/// Rewrites the entry `name` of the xlsx at `path` by `edit`, as a program saving it would.
fn rewrite_entry(path: &Path, name: &str, edit: impl Fn(String) -> String) {
    use std::io::{Read, Write};
    let bytes = std::fs::read(path).expect("read");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).expect("entry");
        let entry_name = entry.name().expect("entry name").to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).expect("inflate");
        if entry_name == name {
            data = edit(String::from_utf8(data).expect("utf-8")).into_bytes();
        }
        out.start_file(entry_name, zip::write::SimpleFileOptions::default())
            .expect("start");
        out.write_all(&data).expect("write");
    }
    std::fs::write(path, out.finish().expect("finish").into_inner()).expect("write back");
}

/// A summary whose project list's sheet was renamed is said as such, with what to give
/// instead, not as a damaged file.
#[test]
fn a_summary_whose_list_was_renamed_says_so() {
    let out = tempfile::tempdir().expect("tempdir");
    let renamed = out.path().join("สรุป.xlsx");
    SeedData::clean().write(&renamed).expect("summary");
    rewrite_entry(&renamed, "xl/workbook.xml", |xml| {
        xml.replace("name=\"รายการโครงการ\"", "name=\"รายการโครงการ (แก้)\"")
    });
    let (code, json, _) = twelve_against(&renamed, out.path());
    assert_eq!(code, 2, "{json}");
    let message = json["failure"]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("ไม่มีแผ่นงาน รายการโครงการ (ถูกเปลี่ยนชื่อหรือลบ)")
            && message.contains("ใช้ไฟล์สรุปฉบับที่ planmerge เขียน")
            && !message.contains("เสียหาย"),
        "{message}"
    );
}

/// A division's file whose title block names last fiscal year (sent again unchanged) is read
/// and counted, and said once at the title's cell; a title naming the report's year, the plan's
/// span or a date is not.
#[test]
fn a_title_naming_another_fiscal_year_is_said() {
    use crate::support::sheet::{Sheet, issues_coded};
    use crate::support::{V, WORDS_HEADER, t, words_row};
    let header: Vec<V> = WORDS_HEADER.iter().map(|h| t(h)).collect();
    for (title, said) in [
        ("รายงานผลการดำเนินงาน กองช่าง พ.ศ. 2564 รอบ 12 เดือน", true),
        ("รายงานผลการดำเนินงาน กองช่าง ประจำปีงบประมาณ พ.ศ. 2565", false),
        ("แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2565-2568)", false),
    ] {
        let dir = crate::support::folder();
        let rows = vec![
            vec![t(title)],
            vec![t("ข้อมูล ณ วันที่ 15 ธันวาคม 2564")],
            header.clone(),
            words_row(1, "โครงการ ก", 1.0, 5000.0),
            words_row(2, "โครงการ ข", 2.0, 5000.0),
        ];
        Sheet::of(rows).save(dir.path());
        let (code, json, stderr) = run_json(dir.path(), &["check", "."]);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(json["summary"]["total"]["projects"], 2, "{title}");
        let found = issues_coded(&json, "title-other-year");
        if said {
            assert_eq!(found.len(), 1, "{title}");
            assert_eq!(found[0]["cell"], "A1");
            let message = found[0]["message"].as_str().unwrap_or_default();
            assert!(
                message.contains("ปีงบประมาณ 2564 แต่รายงานนี้ปี 2565"),
                "{message}"
            );
        } else {
            assert!(found.is_empty(), "{title}: {found:?}");
        }
    }
}

/// planmerge's form left unfilled in the round's folder is said as such (`form-unfilled`), and
/// not also as a file of another year when its title is next year's: it is no file yet.
#[test]
fn an_unfilled_form_of_another_year_is_only_unfilled() {
    let dir = crate::support::folder();
    let next_year = dir.path().join("2566.toml");
    let toml = crate::support::REPORT_TOML
        .replace("fiscal_year = 2565", "fiscal_year = 2566")
        .replace("as_of = \"2022-04-21\"", "as_of = \"2023-04-21\"");
    std::fs::write(&next_year, toml).expect("toml");
    let form = dir.path().join("กองช่าง.xlsx");
    assert_cmd::Command::cargo_bin("planmerge")
        .expect("binary")
        .current_dir(dir.path())
        .args(["template", "--division", "กองช่าง", "-c"])
        .arg(&next_year)
        .arg("-o")
        .arg(&form)
        .assert()
        .success();
    std::fs::remove_file(&next_year).expect("remove");
    let (_, json, _) = run_json(dir.path(), &["check", "."]);
    let found = codes(&json);
    assert!(found.contains(&"form-unfilled".to_string()), "{found:?}");
    assert!(
        !found.contains(&"title-other-year".to_string()),
        "{found:?}"
    );
}
