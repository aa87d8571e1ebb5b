//! Forms written by `planmerge template` as they come back into a round's folder: under names
//! staff and copying give them, in a folder of their division's name, left blank, or left
//! prefilled beside the file the division sent. Which division each file is taken for, and
//! which files count.

use crate::support::sheet::issues_coded;
use crate::support::{REPORT_TOML, run_json};
use planmerge::config::ReportConfig;
use planmerge::model::{Dimension, ProjectRow, Status};
use planmerge::template::{TemplateSpec, write_template};
use std::path::Path;

fn config() -> ReportConfig {
    ReportConfig::from_toml(REPORT_TOML, "report.toml").expect("config")
}

/// A project as a form lists it: dimension 2, budget 10,000.00, disbursed 2,500.50.
fn project(name: &str, status: Status) -> ProjectRow {
    ProjectRow {
        name: name.to_string(),
        dimension: Dimension::new(2).expect("dimension"),
        dimension_code: None,
        budget_plan: "10000.00".parse().expect("baht"),
        budget_ordinance: "10000.00".parse().expect("baht"),
        disbursed: "2500.50".parse().expect("baht"),
        in_ordinance: true,
        status,
        remark: String::new(),
        division: "กองคลัง".into(),
        source: Default::default(),
        cells: Default::default(),
    }
}

/// กองคลัง's form, as `template --division กองคลัง` writes it, with `projects` filled in.
fn filled_form(path: &Path, division: Option<&str>, projects: Vec<ProjectRow>) {
    let spec = TemplateSpec::new(Some(&config()), division).with_projects(projects);
    write_template(path, &spec).expect("form");
}

/// The text of the รายกอง sheet (one row per division) of a written summary.
fn divisions_sheet(summary: &Path) -> String {
    crate::common::ReadBack::open(summary).sheet_text("รายกอง")
}

/// Without `divisions` in report.toml, a form sent back under a name that joins the template's
/// word to the division's otherwise than `แบบฟอร์ม-`, or under a copy's name, is still the
/// division's: the name before the division's is left off, not made a division of its own.
#[test]
fn a_forms_prefix_however_joined_or_copied_is_left_off_the_division() {
    for name in [
        "แบบฟอร์ม กองคลัง.xlsx",
        "แบบฟอร์ม_กองคลัง.xlsx",
        "Copy of แบบฟอร์ม-กองคลัง.xlsx",
    ] {
        let dir = crate::support::folder();
        let projects = vec![
            project("โครงการตรวจสอบการเบิกจ่าย", Status::Completed),
            project("มาตรการเปิดเผยข้อมูลการคลัง", Status::InProgress),
        ];
        filled_form(&dir.path().join(name), Some("กองคลัง"), projects);
        let (code, json, stderr) = run_json(dir.path(), &["merge", "."]);
        assert_eq!(code, 0, "{name}: {stderr}");
        assert_eq!(json["summary"]["total"]["projects"], 2, "{name}");
        assert_eq!(json["summary"]["total"]["disbursed"], "5001.00", "{name}");
        let divisions = divisions_sheet(&dir.path().join("summary.xlsx"));
        assert!(divisions.contains("\tกองคลัง\t"), "{name}: {divisions}");
        assert!(
            !divisions.contains("แบบฟอร์ม") && !divisions.contains("Copy"),
            "{name}: {divisions}"
        );
        let merged = planmerge::read_and_validate(&[dir.path().join(name)]);
        assert!(
            merged.projects.iter().all(|p| &*p.division == "กองคลัง"),
            "{name}"
        );
    }
}

/// report.toml for the seed's organization, listing `divisions`.
fn listing(dir: &Path, divisions: &[&str]) {
    let listed: Vec<String> = divisions.iter().map(|d| format!("\"{d}\"")).collect();
    let toml = format!("{REPORT_TOML}\ndivisions = [{}]\n", listed.join(", "));
    std::fs::write(dir.join("report.toml"), toml).expect("report.toml");
}

/// The generic form (`template` without `--division`) kept under its default name
/// `template.xlsx`, one in each division's folder: each file is the division its folder names,
/// said in a note, and neither division is missing nor are they one division called
/// "template". A second file in one folder is that division's second file, said with a space
/// after the division's name.
#[test]
fn generic_forms_in_division_folders_are_the_folders_divisions() {
    let dir = tempfile::tempdir().expect("tempdir");
    listing(dir.path(), &["กองคลัง", "กองช่าง"]);
    for (division, name) in [
        ("กองคลัง", "มาตรการเปิดเผยข้อมูลการคลัง"),
        ("กองช่าง", "โครงการตรวจรับงานก่อสร้าง"),
    ] {
        std::fs::create_dir(dir.path().join(division)).expect("folder");
        let projects = vec![project(name, Status::Completed)];
        filled_form(
            &dir.path().join(division).join("template.xlsx"),
            None,
            projects,
        );
    }
    let (code, json, stderr) = run_json(dir.path(), &["merge", "."]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["summary"]["total"]["projects"], 2);
    assert!(
        issues_coded(&json, "division-missing").is_empty(),
        "{stderr}"
    );
    assert!(
        issues_coded(&json, "division-two-files").is_empty(),
        "{stderr}"
    );
    let divisions = divisions_sheet(&dir.path().join("summary.xlsx"));
    assert!(divisions.contains("\tกองคลัง\t"), "{divisions}");
    assert!(divisions.contains("\tกองช่าง\t"), "{divisions}");
    assert!(!divisions.contains("template"), "{divisions}");
    let notes = issues_coded(&json, "division-from-folder");
    assert_eq!(notes.len(), 2, "{json}");
    assert_eq!(notes[0]["severity"], "note");
    assert_eq!(notes[0]["file"], "กองคลัง/template.xlsx");
    assert_eq!(
        notes[0]["message"],
        "ชื่อไฟล์ไม่มีชื่อกองที่อยู่ใน divisions จึงนับเป็นไฟล์ของกองคลัง ตามชื่อโฟลเดอร์ กองคลัง · \
         the file's name holds no division listed in divisions; it is counted as กองคลัง's, as its folder กองคลัง is named"
    );

    // A file named for a division is that division's, whatever folder it is in; and a second
    // file of one division is said, its name followed by a space.
    let elsewhere = dir.path().join("กองช่าง").join("กองคลัง.xlsx");
    filled_form(
        &elsewhere,
        Some("กองคลัง"),
        vec![project("โครงการจัดเก็บภาษีโปร่งใส", Status::InProgress)],
    );
    let (code, json, stderr) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{stderr}");
    let two = issues_coded(&json, "division-two-files");
    assert_eq!(two.len(), 1, "{json}");
    assert_eq!(two[0]["file"], "กองช่าง/กองคลัง.xlsx");
    assert_eq!(
        two[0]["message"],
        "กองคลัง มีมากกว่าหนึ่งไฟล์: ไฟล์นี้และ กองคลัง/template.xlsx — นับโครงการของทั้งสองไฟล์ \
         (โครงการที่อยู่ในทั้งสองไฟล์เป็นข้อผิดพลาด โครงการซ้ำ) · กองคลัง has more than one file: \
         this one and กองคลัง/template.xlsx; the projects of both are counted (a project in both \
         is the error project-duplicate)"
    );
}

fn planmerge() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("planmerge").expect("binary")
}

/// Blank forms written into the round's folder (`template -o <round>/ --division …`) and left
/// there: the one whose division sent its own file is not that division's second file, and the
/// one whose division sent nothing does not hide it — `division-missing` is said, and each form
/// is named as the unfilled form planmerge wrote, not as a table to check.
#[test]
fn blank_forms_left_in_the_round_folder_are_no_divisions_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    listing(dir.path(), &["กองคลัง", "กองช่าง"]);
    for division in ["กองคลัง", "กองช่าง"] {
        planmerge()
            .args(["template", "--division", division, "-o"])
            .arg(format!("{}/", dir.path().display()))
            .assert()
            .success();
    }
    filled_form(
        &dir.path().join("กองคลัง.xlsx"),
        Some("กองคลัง"),
        vec![
            project("โครงการตรวจสอบการเบิกจ่าย", Status::Completed),
            project("มาตรการเปิดเผยข้อมูลการคลัง", Status::InProgress),
        ],
    );
    let (code, json, stderr) = run_json(dir.path(), &["merge", "."]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["summary"]["total"]["projects"], 2);
    assert!(issues_coded(&json, "table-empty").is_empty(), "{json}");
    assert!(
        issues_coded(&json, "division-two-files").is_empty(),
        "{json}"
    );
    let missing = issues_coded(&json, "division-missing");
    assert_eq!(missing.len(), 1, "{json}");
    assert!(
        missing[0]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("ยังไม่มีไฟล์ของกองช่าง")),
        "{json}"
    );
    let unfilled = issues_coded(&json, "form-unfilled");
    let files: Vec<&str> = unfilled.iter().filter_map(|i| i["file"].as_str()).collect();
    assert_eq!(files, ["แบบฟอร์ม-กองคลัง.xlsx", "แบบฟอร์ม-กองช่าง.xlsx"]);
    assert_eq!(unfilled[1]["severity"], "warning");
    assert_eq!(unfilled[1]["cell"], "");
    assert_eq!(
        unfilled[1]["message"],
        "ไฟล์นี้เป็นแบบฟอร์มที่ planmerge เขียนไว้ให้ ยังไม่ได้กรอกโครงการ จึงไม่นับเป็นไฟล์ของกองช่าง · \
         this is the form planmerge wrote, with no project filled in: it is not counted as กองช่าง's file"
    );
    assert_eq!(
        unfilled[1]["fix"],
        "ย้ายแบบฟอร์มนี้ออกจากโฟลเดอร์ (ถ้ากองส่งไฟล์ของตนแล้ว) หรือให้กองกรอกโครงการแล้วส่งกลับ · \
         move this form out of the folder (if the division has sent its own file), or have the \
         division fill its projects in and send it back"
    );
}

/// A form written before planmerge marked its forms with a document property is recognised by
/// its two locked titles (โครงการ's and คำชี้แจง's); an office's own blank form with the same
/// title but no instructions sheet is not taken for planmerge's, and keeps `table-empty`.
#[test]
fn an_older_blank_form_is_recognised_by_its_titles_and_an_offices_own_is_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    listing(dir.path(), &["กองช่าง", "กองคลัง"]);
    // As versions before the property wrote it: the same workbook, without custom properties.
    let spec = TemplateSpec::new(Some(&config()), Some("กองช่าง"));
    let mut book = planmerge::template::workbook(&spec).expect("form");
    book.set_properties(&rust_xlsxwriter::DocProperties::new());
    book.save(dir.path().join("แบบฟอร์ม-กองช่าง.xlsx"))
        .expect("save");
    // An office's own form: the same title in A1 of a sheet called โครงการ, a header, no rows.
    let mut own = rust_xlsxwriter::Workbook::new();
    let sheet = own.add_worksheet();
    sheet.set_name("โครงการ").expect("name");
    sheet
        .write_string(0, 0, planmerge::schema::FORM_TITLE)
        .expect("title");
    for (c, header) in crate::support::WORDS_HEADER.iter().enumerate() {
        sheet.write_string(2, c as u16, *header).expect("header");
    }
    own.save(dir.path().join("กองคลัง.xlsx")).expect("save");
    let (_, json, stderr) = run_json(dir.path(), &["check", "."]);
    let unfilled = issues_coded(&json, "form-unfilled");
    assert_eq!(unfilled.len(), 1, "{stderr}");
    assert_eq!(unfilled[0]["file"], "แบบฟอร์ม-กองช่าง.xlsx");
    let empty = issues_coded(&json, "table-empty");
    assert_eq!(empty.len(), 1, "{json}");
    assert_eq!(empty[0]["file"], "กองคลัง.xlsx");
    let missing: Vec<&str> = issues_coded(&json, "division-missing")
        .iter()
        .filter_map(|i| i["message"].as_str())
        .collect();
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert!(missing[0].starts_with("ยังไม่มีไฟล์ของกองช่าง"), "{missing:?}");

    // The property alone marks a form written from now on (its คำชี้แจง sheet deleted, its
    // title typed over): Excel and LibreOffice keep it when they save the file again.
    let mut marked = rust_xlsxwriter::Workbook::new();
    marked.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_custom_property(planmerge::schema::FORM_PROPERTY, "0.1.0"),
    );
    let sheet = marked.add_worksheet();
    for (c, header) in crate::support::WORDS_HEADER.iter().enumerate() {
        sheet.write_string(0, c as u16, *header).expect("header");
    }
    let path = dir.path().join("ชุดใหม่").join("กองสาธารณสุข.xlsx");
    std::fs::create_dir(path.parent().expect("folder")).expect("folder");
    marked.save(&path).expect("save");
    let merged = planmerge::read_and_validate(&[path]);
    let codes: Vec<&str> = merged.issues.iter().map(|i| i.problem.code()).collect();
    assert_eq!(codes, ["ordinance-budget-assumed", "form-unfilled"]);
}

/// Forms saved under names that hold no division, all in one folder (`template.xlsx`, `template
/// (1).xlsx`, as attachments are saved): each is the division its title block names — the form
/// `template --division กองคลัง` wrote, and the generic form with the division typed after
/// `หน่วยงาน (กอง/สำนัก)` — said in a note at that cell. Another workbook with the same line is
/// not planmerge's form, and is not taken for the division it names.
#[test]
fn a_forms_title_block_names_its_division_when_its_file_name_does_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    listing(dir.path(), &["กองคลัง", "กองช่าง", "กองสาธารณสุข"]);
    filled_form(
        &dir.path().join("template.xlsx"),
        Some("กองคลัง"),
        vec![project("มาตรการเปิดเผยข้อมูลการคลัง", Status::Completed)],
    );
    let spec = TemplateSpec::new(Some(&config()), None)
        .with_projects(vec![project("โครงการตรวจรับงานก่อสร้าง", Status::InProgress)]);
    let mut generic = planmerge::template::workbook(&spec).expect("form");
    generic
        .worksheet_from_name("โครงการ")
        .expect("data sheet")
        .write_string(2, 0, "หน่วยงาน (กอง/สำนัก) กองช่าง……………")
        .expect("typed");
    generic
        .save(dir.path().join("template (1).xlsx"))
        .expect("save");
    // An office's own workbook with the same title and a division line: not planmerge's form
    // (no คำชี้แจง, no property), so not taken for the division it names.
    let mut own = rust_xlsxwriter::Workbook::new();
    let sheet = own.add_worksheet();
    sheet.set_name("โครงการ").expect("name");
    sheet
        .write_string(0, 0, planmerge::schema::FORM_TITLE)
        .expect("title");
    sheet
        .write_string(2, 0, "หน่วยงาน กองสาธารณสุข")
        .expect("division line");
    let row = crate::support::words_row(1, "โครงการสุขาภิบาลอาหาร", 3.0, 0.0);
    for (c, header) in crate::support::WORDS_HEADER.iter().enumerate() {
        sheet.write_string(4, c as u16, *header).expect("header");
        crate::support::write_cell(sheet, 5, c as u16, &row[c]);
    }
    own.save(dir.path().join("ส่งแล้ว.xlsx")).expect("save");
    let (code, json, stderr) = run_json(dir.path(), &["merge", "."]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["summary"]["total"]["projects"], 3);
    assert!(
        issues_coded(&json, "division-two-files").is_empty(),
        "{json}"
    );
    let missing: Vec<&str> = issues_coded(&json, "division-missing")
        .iter()
        .filter_map(|i| i["message"].as_str())
        .collect();
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert!(
        missing[0].starts_with("ยังไม่มีไฟล์ของกองสาธารณสุข"),
        "{missing:?}"
    );
    let notes = issues_coded(&json, "division-from-title");
    let places: Vec<(&str, &str, &str)> = notes
        .iter()
        .map(|i| {
            let text = |key: &str| i[key].as_str().unwrap_or_default();
            (text("file"), text("sheet"), text("cell"))
        })
        .collect();
    assert_eq!(
        places,
        [
            ("template.xlsx", "โครงการ", "A3"),
            ("template (1).xlsx", "โครงการ", "A3")
        ]
    );
    assert_eq!(notes[0]["severity"], "note");
    assert_eq!(
        notes[0]["message"],
        "ชื่อไฟล์และโฟลเดอร์ไม่มีชื่อกองที่อยู่ใน divisions จึงนับเป็นไฟล์ของกองคลัง ตามหัวแบบฟอร์ม \
         (\"หน่วยงาน กองคลัง\") · neither the file's name nor its folder's holds a division listed \
         in divisions; it is counted as กองคลัง's, as the form's title block says (\"หน่วยงาน กองคลัง\")"
    );
    let divisions = divisions_sheet(&dir.path().join("summary.xlsx"));
    for division in ["\tกองคลัง\t", "\tกองช่าง\t", "\tส่งแล้ว\t"]
    {
        assert!(divisions.contains(division), "{division}: {divisions}");
    }
}

/// The 6-month round's folder (`รอบ6`, กองคลัง's three projects and กองช่าง's one) and the
/// 12-month round's beside it (`รอบ12`, its report.toml naming `../รอบ6` as previous), with the
/// forms `template --from รอบ6 -o รอบ12/` writes into it, prefilled.
fn rounds_with_prefilled_forms(dir: &Path) -> std::path::PathBuf {
    let six = dir.join("รอบ6");
    std::fs::create_dir(&six).expect("รอบ6");
    listing(&six, &["กองคลัง", "กองช่าง"]);
    filled_form(
        &six.join("กองคลัง.xlsx"),
        Some("กองคลัง"),
        vec![
            project("โครงการตรวจสอบการเบิกจ่าย", Status::InProgress),
            project("มาตรการเปิดเผยข้อมูลการคลัง", Status::InProgress),
            project("กิจกรรมประกาศราคากลาง", Status::Completed),
        ],
    );
    filled_form(
        &six.join("กองช่าง.xlsx"),
        Some("กองช่าง"),
        vec![project("โครงการตรวจรับงานก่อสร้าง", Status::InProgress)],
    );
    let twelve = dir.join("รอบ12");
    std::fs::create_dir(&twelve).expect("รอบ12");
    let toml = REPORT_TOML
        .replace("round = 6", "round = 12")
        .replace("as_of = \"2022-04-21\"", "as_of = \"2022-10-14\"");
    let toml = format!("{toml}\nprevious = \"../รอบ6\"\ndivisions = [\"กองคลัง\", \"กองช่าง\"]\n");
    std::fs::write(twelve.join("report.toml"), toml).expect("report.toml");
    planmerge()
        .current_dir(dir)
        .args(["template", "--from", "รอบ6", "-o", "รอบ12/"])
        .assert()
        .success();
    twelve
}

/// The prefilled form `template --from` wrote into the round's folder, left there untouched
/// beside the file กองคลัง sent back (`กองคลัง.xlsx`): one warning names it and the division's
/// own file, and its projects are not counted — no `project-duplicate` for each of them, no
/// `division-two-files`. กองช่าง's untouched form is its only file and still counts. A form
/// someone has changed is never left out: then both files count, and the duplicates are said.
#[test]
fn an_untouched_prefilled_form_beside_the_divisions_own_file_is_named_and_not_counted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let twelve = rounds_with_prefilled_forms(dir.path());
    filled_form(
        &twelve.join("กองคลัง.xlsx"),
        Some("กองคลัง"),
        vec![
            project("โครงการตรวจสอบการเบิกจ่าย", Status::Completed),
            project("มาตรการเปิดเผยข้อมูลการคลัง", Status::InProgress),
            project("กิจกรรมประกาศราคากลาง", Status::Completed),
        ],
    );
    let (code, json, stderr) = run_json(&twelve, &["check", "."]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        issues_coded(&json, "project-duplicate").is_empty(),
        "{json}"
    );
    assert!(
        issues_coded(&json, "division-two-files").is_empty(),
        "{json}"
    );
    let left = issues_coded(&json, "form-left-over");
    assert_eq!(left.len(), 1, "{json}");
    assert_eq!(left[0]["file"], "แบบฟอร์ม-กองคลัง.xlsx");
    assert_eq!(left[0]["severity"], "warning");
    assert_eq!(
        left[0]["message"],
        "ไฟล์นี้เป็นแบบฟอร์มที่ planmerge กรอกรายการรอบก่อนไว้ให้ ยังไม่ได้แก้ไข (3 โครงการ \
         เหมือนรอบก่อนทุกโครงการ) และกองคลัง ส่งไฟล์ของตนแล้ว (กองคลัง.xlsx) จึงไม่นับโครงการในไฟล์นี้ · \
         this is the form planmerge prefilled with the previous round's projects, untouched (3 \
         projects, each as in the previous round), and กองคลัง has sent its own file (กองคลัง.xlsx): \
         its projects are not counted"
    );
    let total = &json["summary"]["total"];
    assert_eq!(total["projects"], 4, "กองคลัง's three and กองช่าง's one");
    assert_eq!(total["completed"], 2);
    let counted: Vec<(&str, u64)> = json["inputs"]
        .as_array()
        .expect("inputs")
        .iter()
        .map(|i| {
            (
                i["file"].as_str().unwrap_or_default(),
                i["counted"].as_u64().unwrap_or(9),
            )
        })
        .collect();
    assert_eq!(
        counted,
        [
            ("กองคลัง.xlsx", 3),
            ("แบบฟอร์ม-กองคลัง.xlsx", 0),
            ("แบบฟอร์ม-กองช่าง.xlsx", 1)
        ]
    );
    let unchanged = issues_coded(&json, "division-unchanged");
    assert_eq!(unchanged.len(), 1, "{json}");
    assert_eq!(unchanged[0]["file"], "แบบฟอร์ม-กองช่าง.xlsx");

    // The form changed by someone (a status moved on): not left out, both files count.
    std::fs::remove_file(twelve.join("แบบฟอร์ม-กองคลัง.xlsx")).expect("remove");
    filled_form(
        &twelve.join("แบบฟอร์ม-กองคลัง.xlsx"),
        Some("กองคลัง"),
        vec![
            project("โครงการตรวจสอบการเบิกจ่าย", Status::InProgress),
            project("มาตรการเปิดเผยข้อมูลการคลัง", Status::Completed),
            project("กิจกรรมประกาศราคากลาง", Status::Completed),
        ],
    );
    let (code, json, _) = run_json(&twelve, &["check", "."]);
    assert_eq!(code, 1);
    assert!(issues_coded(&json, "form-left-over").is_empty(), "{json}");
    assert_eq!(issues_coded(&json, "project-duplicate").len(), 3, "{json}");

    // The untouched form beside nothing of the division's own but a blank form: it is the
    // division's data, and counts.
    for file in ["กองคลัง.xlsx", "แบบฟอร์ม-กองคลัง.xlsx"]
    {
        std::fs::remove_file(twelve.join(file)).expect("remove");
    }
    for args in [
        [
            "template",
            "--from",
            "รอบ6",
            "--division",
            "กองคลัง",
            "-o",
            "รอบ12/",
        ],
        [
            "template",
            "-c",
            "รอบ12/report.toml",
            "--division",
            "กองคลัง",
            "-o",
            "รอบ12/ว่าง/",
        ],
    ] {
        planmerge()
            .current_dir(dir.path())
            .args(args)
            .assert()
            .success();
    }
    let (code, json, stderr) = run_json(&twelve, &["check", "."]);
    assert_eq!(code, 0, "{stderr}");
    assert!(issues_coded(&json, "form-left-over").is_empty(), "{json}");
    assert_eq!(json["summary"]["total"]["projects"], 4);
    let unfilled = issues_coded(&json, "form-unfilled");
    assert_eq!(unfilled.len(), 1, "{json}");
    assert_eq!(unfilled[0]["file"], "ว่าง/แบบฟอร์ม-กองคลัง.xlsx");
}
