//! `planmerge template`: the form's header and validations read back, a filled form merges to the
//! right figures, a prefilled form reproduces the division's rows, and `check` tells a person
//! what is wrong and what to do.

use crate::support::{
    REPORT_TOML, TICK_HEADER, V, WORDS_HEADER, assert_seed_figures, run_json, t, write_book,
};
use assert_cmd::Command;
use calamine::{Data, Reader, Xlsx, open_workbook};
use planmerge::config::ReportConfig;
use planmerge::model::{Dimension, ProjectRow, Status};
use planmerge::schema::status_word;
use planmerge::template::{
    DATA_SHEET, FIRST_DATA_ROW, HEADER_ROW, INSTRUCTIONS_SHEET, TemplateSpec, columns,
    write_template,
};
use planmerge::{CommandError, Failure, Outcome, Terminals};
use planmerge::{compute, read_and_validate};
use rust_decimal::Decimal;
use std::io::Read;
use std::path::{Path, PathBuf};

fn planmerge() -> Command {
    Command::cargo_bin("planmerge").expect("binary")
}

fn config() -> ReportConfig {
    ReportConfig::from_toml(REPORT_TOML, "report.toml").expect("config")
}

fn rows_of(path: &Path, sheet: &str) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = open_workbook(path).expect("open");
    let range = book.worksheet_range(sheet).expect("sheet");
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

/// One part of the xlsx (zip) as text.
fn xml(path: &Path, part: &str) -> String {
    let file = std::fs::File::open(path).expect("open xlsx");
    let mut archive = zip::ZipArchive::new(file).expect("zip");
    let mut text = String::new();
    archive
        .by_name(part)
        .expect("part")
        .read_to_string(&mut text)
        .expect("utf-8");
    text
}

/// The `<dataValidation …>…</dataValidation>` element whose sqref starts at `cell`.
fn validation_at<'a>(sheet_xml: &'a str, cell: &str) -> &'a str {
    let section = sheet_xml.find("<dataValidations").expect("dataValidations");
    let sheet_xml = &sheet_xml[section..];
    let key = format!("sqref=\"{cell}:");
    let at = sheet_xml
        .find(&key)
        .unwrap_or_else(|| panic!("no validation at {cell}"));
    let start = sheet_xml[..at].rfind("<dataValidation ").expect("start");
    let end = at + sheet_xml[at..].find("</dataValidation>").expect("end");
    &sheet_xml[start..end]
}

fn blank_template(dir: &Path) -> PathBuf {
    let path = dir.join("แบบฟอร์ม-กองคลัง.xlsx");
    let spec = TemplateSpec::new(Some(&config()), Some("กองคลัง"));
    write_template(&path, &spec).expect("write");
    path
}

#[test]
fn template_header_and_title_block_read_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = blank_template(dir.path());
    let rows = rows_of(&path, DATA_SHEET);
    assert_eq!(
        rows[0][0],
        "แบบรายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต"
    );
    assert_eq!(rows[1][0], "องค์การบริหารส่วนจังหวัดพะเยา");
    assert_eq!(rows[2][0], "หน่วยงาน กองคลัง");
    assert_eq!(
        rows[3][0],
        "ประจำปีงบประมาณ พ.ศ. 2565 รอบ 6 เดือน (ตุลาคม 2564 – มีนาคม 2565)"
    );
    let header: Vec<&str> = columns().iter().map(|c| c.header).collect();
    assert_eq!(rows[HEADER_ROW as usize], header);
    assert_eq!(
        header,
        [
            "ลำดับ",
            "รายการโครงการ/กิจกรรม/มาตรการ",
            "มิติ",
            "งบประมาณตามแผน (บาท)",
            "งบประมาณตามข้อบัญญัติ/เทศบัญญัติ (บาท)",
            "เบิกจ่าย (บาท)",
            "บรรจุในข้อบัญญัติ/เทศบัญญัติ",
            "สถานะ",
            "หมายเหตุ",
        ]
    );
    let book: Xlsx<_> = open_workbook(&path).expect("open");
    assert_eq!(book.sheet_names(), [DATA_SHEET, INSTRUCTIONS_SHEET]);
    let instructions = rows_of(&path, INSTRUCTIONS_SHEET).concat().join("\n");
    for needed in [
        "ไม่ได้รับงบประมาณ",
        "นโยบายผู้บริหารเปลี่ยนแปลง",
        "บุคลากรไม่เพียงพอ",
        "อื่นๆ",
        "ภายในเดือนเมษายน 2565",
        "ผู้ประสานงานแผนปฏิบัติการป้องกันการทุจริตขององค์การบริหารส่วนจังหวัดพะเยา",
        "planmerge check แบบฟอร์ม-กองคลัง.xlsx",
    ] {
        assert!(instructions.contains(needed), "คำชี้แจง lacks {needed}");
    }
}

#[test]
fn blank_template_is_read_as_a_project_table_with_only_the_unfilled_form_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = blank_template(dir.path());
    let merged = read_and_validate(std::slice::from_ref(&path));
    let codes: Vec<&str> = merged.issues.iter().map(|i| i.problem.code()).collect();
    // A form sent back unfilled is worth a word to the coordinator, never an error: it is
    // recognised as planmerge's own form, not "a table with nothing in it".
    assert_eq!(codes, ["form-unfilled"], "{:?}", merged.issues);
    assert!(!merged.issues[0].is_error());
    assert!(
        merged.inputs[0].form.is_some(),
        "marked as planmerge's form"
    );
    assert!(merged.projects.is_empty());
    assert_eq!(
        merged.inputs[0].sheets,
        [DATA_SHEET],
        "คำชี้แจง is not a table"
    );
}

#[test]
fn template_validations_protection_and_print_setup_are_in_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = blank_template(dir.path());
    let sheet = xml(&path, "xl/worksheets/sheet1.xml");
    let first = FIRST_DATA_ROW + 1;
    let last = FIRST_DATA_ROW + 100;

    let dimension = validation_at(&sheet, &format!("C{first}"));
    assert!(dimension.contains("type=\"list\""), "{dimension}");
    assert!(dimension.contains(&format!("sqref=\"C{first}:C{last}\"")));
    assert!(dimension.contains("<formula1>\"1,2,3,4\"</formula1>"));
    assert!(dimension.contains("promptTitle=\"มิติ — เลือก 1 ถึง 4\""));
    assert!(dimension.contains("1 การสร้างสังคมที่ไม่ทนต่อการทุจริต"));
    assert!(dimension.contains("errorTitle=\"มิติไม่ถูกต้อง\""));

    let status = validation_at(&sheet, &format!("H{first}"));
    assert!(status.contains(
        "<formula1>\"รอรายงาน,อยู่ระหว่างดำเนินการ,ดำเนินการแล้วเสร็จ,ไม่สามารถดำเนินการได้\"</formula1>"
    ));
    let tick = validation_at(&sheet, &format!("G{first}"));
    assert!(tick.contains("<formula1>\"☑\"</formula1>"));

    for col in ['D', 'E'] {
        let money = validation_at(&sheet, &format!("{col}{first}"));
        assert!(money.contains("type=\"custom\""));
        let c = format!("{col}{first}");
        assert!(
            money.contains(&format!(
                "<formula1>AND(ISNUMBER({c}),{c}&gt;=0,ROUND({c},2)={c})</formula1>"
            )),
            "{money}"
        );
    }
    let disbursed = validation_at(&sheet, &format!("F{first}"));
    assert!(
        disbursed.contains(&format!(
            "F{first}&lt;=IF(ISBLANK(E{first}),D{first},E{first})"
        )),
        "{disbursed}"
    );
    assert!(disbursed.contains("errorTitle=\"เบิกจ่ายไม่ถูกต้อง\""));

    assert!(sheet.contains("<sheetProtection"), "header protected");
    assert!(sheet.contains("insertRows=\"0\""), "rows may be inserted");
    assert!(
        sheet.contains(&format!("ySplit=\"{FIRST_DATA_ROW}\"")),
        "frozen header"
    );
    assert!(sheet.contains("paperSize=\"9\""), "A4");
    assert!(sheet.contains("orientation=\"landscape\""));
    let workbook = xml(&path, "xl/workbook.xml");
    assert!(
        workbook.contains(&format!(
            "_xlnm.Print_Titles\" localSheetId=\"0\">{DATA_SHEET}!$1:${}",
            HEADER_ROW + 1
        )),
        "{workbook}"
    );
    let styles = xml(&path, "xl/styles.xml");
    assert!(styles.contains("TH Sarabun New") && styles.contains("<sz val=\"16\"/>"));
    assert!(styles.contains("locked=\"0\""), "data cells unlocked");
    assert!(!sheet.contains("autofit"), "fixed widths");
}

/// The seed's 81 projects as a form's rows: the first 20 ticked as in the ordinance.
fn seed_projects() -> Vec<ProjectRow> {
    let text = std::fs::read_to_string("tests/fixtures/seed_projects.json").expect("seed");
    let seed: Vec<serde_json::Value> = serde_json::from_str(&text).expect("json");
    seed.iter()
        .enumerate()
        .map(|(i, p)| {
            let money = |key: &str| {
                p[key]
                    .as_str()
                    .unwrap_or("0")
                    .parse::<Decimal>()
                    .expect("money")
            };
            ProjectRow {
                name: p["name"].as_str().unwrap_or_default().trim().to_string(),
                dimension: Dimension::new(p["dimension"].as_u64().unwrap_or(0) as u8)
                    .expect("dimension"),
                dimension_code: None,
                budget_plan: money("budget"),
                budget_ordinance: money("budget"),
                disbursed: money("disbursed"),
                in_ordinance: i < 20,
                status: status_word(p["status"].as_str().unwrap_or_default()).expect("status"),
                remark: p["remark"].as_str().unwrap_or_default().trim().to_string(),
                division: "สำนักปลัด".into(),
                source: Default::default(),
                cells: Default::default(),
            }
        })
        .collect()
}

/// The fields a person fills in (not where they were read from).
fn filled(p: &ProjectRow) -> (String, u8, Decimal, Decimal, Decimal, bool, Status, String) {
    (
        p.name.clone(),
        p.dimension.number(),
        p.budget_plan,
        p.budget_ordinance,
        p.disbursed,
        p.in_ordinance,
        p.status,
        p.remark.clone(),
    )
}

#[test]
fn filled_template_merges_with_no_issues_and_the_seeds_figures() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("สำนักปลัด.xlsx");
    let projects = seed_projects();
    let spec = TemplateSpec::new(Some(&config()), Some("สำนักปลัด")).with_projects(projects.clone());
    write_template(&path, &spec).expect("write");

    let merged = read_and_validate(std::slice::from_ref(&path));
    assert!(merged.issues.is_empty(), "{:#?}", merged.issues);
    let read: Vec<_> = merged.projects.iter().map(filled).collect();
    let written: Vec<_> = projects.iter().map(filled).collect();
    assert_eq!(read, written);

    let totals = compute::compute(&merged.projects, &config());
    let per_dimension: Vec<(u32, u32)> = totals
        .dimensions
        .iter()
        .map(|d| (d.projects, d.completed))
        .collect();
    assert_eq!(per_dimension, [(22, 7), (30, 19), (16, 7), (13, 8)]);
    assert_eq!(totals.total.projects, 81);
    assert_eq!(totals.total.budget_plan.to_string(), "8536600.00");
    assert_eq!(totals.total.pct_projects.to_string(), "50.62");
    assert_eq!(totals.status.in_ordinance, 20);
    assert_eq!(totals.status.in_progress, 40);
    assert_eq!(totals.status.implementation_pct.to_string(), "67.78");
    assert_eq!(totals.status.level, "มาก");
}

/// A folder of two division workbooks in two layouts.
fn two_divisions(dir: &Path) {
    let words =
        |n: u32, name: &str, dim: f64, budget: f64, spent: f64, tick: bool, status: &str| {
            vec![
                V::N(n.into()),
                t(name),
                V::N(dim),
                V::N(budget),
                V::N(spent),
                if tick { t("☑") } else { V::E },
                t(status),
                if status == "ไม่สามารถดำเนินการได้" {
                    t("ไม่ได้รับงบประมาณ")
                } else {
                    V::E
                },
            ]
        };
    write_book(
        &dir.join("กองคลัง.xlsx"),
        "แผน",
        &WORDS_HEADER,
        &[
            words(
                1,
                "โครงการจัดซื้อจัดจ้างโปร่งใส",
                2.0,
                55300.0,
                12000.5,
                true,
                "อยู่ระหว่างดำเนินการ",
            ),
            words(
                2,
                "มาตรการเปิดเผยข้อมูลการเงินการคลัง",
                2.0,
                0.0,
                0.0,
                false,
                "ดำเนินการแล้วเสร็จ",
            ),
            words(
                3,
                "โครงการอบรมคุณธรรม",
                1.0,
                20000.0,
                0.0,
                true,
                "ไม่สามารถดำเนินการได้",
            ),
            words(
                4,
                "กิจกรรมรับฟังความคิดเห็นประชาชน",
                3.0,
                5000.0,
                0.0,
                false,
                "รอรายงาน",
            ),
        ],
    );
    let mut tick = vec![
        V::N(1.0),
        t("โครงการตรวจสอบงานก่อสร้าง"),
        V::N(4.0),
        V::N(100000.0),
        V::N(0.0),
    ];
    tick.extend([V::E, t("☑"), V::E, V::E, V::E]);
    write_book(&dir.join("กองช่าง.xlsx"), "แผน", &TICK_HEADER, &[tick]);
    std::fs::write(dir.join("report.toml"), REPORT_TOML).expect("toml");
}

/// `planmerge template --from FROM --division DIVISION -o OUTPUT -c FROM/report.toml`, run in
/// this process.
fn template_from(
    from: &Path,
    division: &str,
    output: &Path,
    stdout: &mut Vec<u8>,
) -> Result<Outcome, Failure> {
    let config = from.join("report.toml");
    let args: [&std::ffi::OsStr; 10] = [
        "planmerge".as_ref(),
        "template".as_ref(),
        "--from".as_ref(),
        from.as_os_str(),
        "--division".as_ref(),
        division.as_ref(),
        "-o".as_ref(),
        output.as_os_str(),
        "-c".as_ref(),
        config.as_os_str(),
    ];
    planmerge::run(args, stdout, &mut Vec::new(), Terminals::default())
}

#[test]
fn prefill_from_a_folder_reproduces_the_divisions_rows_and_figures() {
    let dir = tempfile::tempdir().expect("tempdir");
    let from = dir.path().join("รอบ6");
    std::fs::create_dir(&from).expect("dir");
    two_divisions(&from);
    let out_dir = dir.path().join("รอบ12");
    std::fs::create_dir(&out_dir).expect("dir");
    let output = out_dir.join("แบบฟอร์ม-กองคลัง.xlsx");
    let mut stdout = Vec::new();
    let outcome = template_from(&from, "กองคลัง", &output, &mut stdout).expect("template");
    assert_eq!(outcome, Outcome::Clean);
    assert!(String::from_utf8_lossy(&stdout).contains("4 projects listed"));

    let before = read_and_validate(&[from.join("กองคลัง.xlsx")]);
    let after = read_and_validate(std::slice::from_ref(&output));
    assert!(after.issues.is_empty(), "{:#?}", after.issues);
    let before_rows: Vec<_> = before.projects.iter().map(filled).collect();
    let after_rows: Vec<_> = after.projects.iter().map(filled).collect();
    assert_eq!(after_rows, before_rows);
    assert!(
        after.projects.iter().all(|p| &*p.division == "กองคลัง"),
        "prefix stripped"
    );
    let figures = |m: &planmerge::Merged| {
        serde_json::to_value(planmerge::JsonSummary::from(&compute::compute(
            &m.projects,
            &config(),
        )))
        .expect("json")
    };
    assert_eq!(figures(&after), figures(&before));
    let rows = rows_of(&output, DATA_SHEET);
    let first = &rows[FIRST_DATA_ROW as usize];
    assert_eq!(
        first[..8],
        [
            "1",
            "โครงการจัดซื้อจัดจ้างโปร่งใส",
            "2",
            "55300",
            "55300",
            "12000.5",
            "☑",
            "อยู่ระหว่างดำเนินการ"
        ]
    );
}

#[test]
fn prefill_for_an_unknown_division_names_the_divisions_found() {
    let dir = tempfile::tempdir().expect("tempdir");
    two_divisions(dir.path());
    let output = dir.path().join("out.xlsx");
    let failure = template_from(dir.path(), "กองการศึกษา", &output, &mut Vec::new())
        .expect_err("unknown division");
    let Failure::Command(error) = failure else {
        panic!("not a command error: {failure}");
    };
    assert!(matches!(error, CommandError::UnknownDivision { .. }));
    assert_eq!(error.exit_code(), 2);
    let text = error.to_string();
    assert!(
        text.contains("กองการศึกษา") && text.contains("กองคลัง, กองช่าง"),
        "{text}"
    );
    assert!(!output.exists());
}

#[test]
fn template_without_configuration_is_generic_and_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = planmerge()
        .current_dir(dir.path())
        .args(["template"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("generic template"));
    let rows = rows_of(&dir.path().join("template.xlsx"), DATA_SHEET);
    assert!(
        rows[1][0].starts_with("องค์กรปกครองส่วนท้องถิ่น ……"),
        "{:?}",
        rows[1]
    );
    assert!(rows[2][0].starts_with("หน่วยงาน (กอง/สำนัก) ……"));
}

#[test]
fn template_uses_report_toml_in_the_current_folder_and_names_the_file_for_the_division() {
    let dir = crate::support::folder();
    let out = planmerge()
        .current_dir(dir.path())
        .args(["template", "--division", "กองช่าง"])
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
    let rows = rows_of(&dir.path().join("แบบฟอร์ม-กองช่าง.xlsx"), DATA_SHEET);
    assert_eq!(rows[1][0], "องค์การบริหารส่วนจังหวัดพะเยา");
    // A folder given with -o gets the form under that name inside it.
    std::fs::create_dir(dir.path().join("แบบฟอร์ม")).expect("folder");
    let out = planmerge()
        .current_dir(dir.path())
        .args(["template", "--division", "กองคลัง", "-o", "แบบฟอร์ม"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    assert!(dir.path().join("แบบฟอร์ม/แบบฟอร์ม-กองคลัง.xlsx").is_file());
}

/// The coordinator makes the next round's folder with `init`, then writes its forms into it
/// from the earlier round: the forms take that folder's report.toml (the round they are for),
/// with no -c and none in the current folder.
#[test]
fn forms_written_into_a_rounds_folder_take_its_report_toml() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let round = dir.path().join("รอบ12");
    std::fs::create_dir(&round).expect("round folder");
    std::fs::copy(
        root.join("samples/12-month/report.toml"),
        round.join("report.toml"),
    )
    .expect("config");
    let out = planmerge()
        .current_dir(dir.path())
        .args(["template", "--division", "กองคลัง", "--from"])
        .arg(root.join("samples/6-month"))
        .args(["-o", "รอบ12/"])
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("generic template"), "{stderr}");
    let rows = rows_of(&round.join("แบบฟอร์ม-กองคลัง.xlsx"), DATA_SHEET);
    assert_eq!(rows[1][0], "องค์การบริหารส่วนจังหวัดพะเยา");
    assert!(
        rows.iter().take(4).any(|r| r[0].contains("รอบ 12 เดือน")),
        "{:?}",
        &rows[..4]
    );

    // The README's own example: no report.toml in the forms' folder nor here — the earlier
    // round's, moved on to the round after it (was a generic form, no organization or round).
    let forms = dir.path().join("แบบฟอร์มรอบ12");
    let out = planmerge()
        .current_dir(dir.path())
        .args(["template", "--from"])
        .arg(root.join("samples/6-month"))
        .args(["-o", "แบบฟอร์มรอบ12/"])
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("generic template"), "{stderr}");
    assert!(stderr.contains("2565 12-month"), "{stderr}");
    let rows = rows_of(&forms.join("แบบฟอร์ม-กองคลัง.xlsx"), DATA_SHEET);
    assert_eq!(rows[1][0], "องค์การบริหารส่วนจังหวัดพะเยา");
    assert!(
        rows.iter()
            .take(4)
            .any(|r| r[0].contains("2565") && r[0].contains("รอบ 12 เดือน")),
        "{:?}",
        &rows[..4]
    );
}

#[test]
fn check_tells_a_person_each_fault_what_to_do_and_the_verdicts() {
    let dir = tempfile::tempdir().expect("tempdir");
    // The template's own header (A ลำดับ … I หมายเหตุ), typed in by hand with three mistakes.
    let header: Vec<&str> = columns().iter().map(|c| c.header).collect();
    let row = |n: u32, name: &str, dim: f64, budget: f64, status: &str| {
        vec![
            V::N(n.into()),
            t(name),
            V::N(dim),
            V::N(budget),
            V::N(budget.max(0.0)),
            V::N(0.0),
            V::E,
            t(status),
            V::E,
        ]
    };
    write_book(
        &dir.path().join("กองคลัง.xlsx"),
        "โครงการ",
        &header,
        &[
            row(1, "โครงการมิติผิด", 5.0, 100.0, "ดำเนินการแล้วเสร็จ"),
            row(2, "โครงการงบติดลบ", 1.0, -50.0, "อยู่ระหว่างดำเนินการ"),
            row(3, "โครงการไม่มีเหตุผล", 2.0, 0.0, "ไม่สามารถดำเนินการได้"),
        ],
    );
    write_book(
        &dir.path().join("กองช่าง.xlsx"),
        "โครงการ",
        &header,
        &[row(1, "โครงการดี", 4.0, 10.0, "รอรายงาน")],
    );
    let out = planmerge()
        .current_dir(dir.path())
        .env_remove("NO_COLOR")
        .args(["check", "."])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let expected = "\
กองคลัง.xlsx › โครงการ › C2: มิติต้องเป็น 1–4 (พบ \"5\") · dimension must be 1–4 (found \"5\")
  ✗ ผิด — แก้เป็นเลข 1–4 (ในแบบฟอร์มเลือกจากรายการในช่องมิติ) · enter 1–4 (pick from the list in the form)
กองคลัง.xlsx › โครงการ › D3: งบประมาณตามแผน ติดลบ (พบ -50.00 บาท) · plan budget is negative (-50.00 baht)
  ✗ ผิด — จำนวนเงินต้องไม่น้อยกว่า 0 แก้ให้ถูกต้อง · amounts cannot be below 0
กองคลัง.xlsx › โครงการ › I4: สถานะไม่สามารถดำเนินการได้ แต่ไม่มีเหตุผลในหมายเหตุ · \"cannot be carried out\" without a reason in the remarks
  ✗ ผิด — ใส่เหตุผลในหมายเหตุ: ไม่ได้รับงบประมาณ / นโยบายผู้บริหารเปลี่ยนแปลง / บุคลากรไม่เพียงพอ / อื่นๆ (ระบุ) · give the reason in หมายเหตุ (no budget / policy changed / not enough staff / other)
▸ กองคลัง.xlsx: ผิด 3 คำเตือน 0 — แก้แล้วส่งใหม่ · 3 error(s), 0 warning(s): fix and resend
▸ กองช่าง.xlsx: เรียบร้อย · OK
รวม 2 ไฟล์ · 2 files: ผิด 3 คำเตือน 0 — แก้แล้วส่งใหม่ · 3 error(s), 0 warning(s): fix and resend
";
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
    assert!(!out.stdout.contains(&0x1b), "no colour off a terminal");
}

#[test]
fn check_of_a_clean_form_exits_zero() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("กองคลัง.xlsx");
    let spec = TemplateSpec::new(Some(&config()), Some("กองคลัง"))
        .with_projects(seed_projects().into_iter().take(3).collect());
    write_template(&path, &spec).expect("write");
    planmerge()
        .current_dir(dir.path())
        .args(["check", "กองคลัง.xlsx"])
        .assert()
        .code(0)
        .stdout("▸ กองคลัง.xlsx: เรียบร้อย · OK\nรวม 1 ไฟล์ · 1 files: เรียบร้อย · OK\n");
}

/// `template --from <round>` without `--division` writes every division's form in one run, into
/// a folder it creates; the folder of forms, merged, gives exactly the seed report's figures.
#[test]
fn forms_for_every_division_in_one_run_merge_to_the_seed_figures() {
    let dir = tempfile::tempdir().expect("tempdir");
    let forms = dir.path().join("แบบฟอร์ม รอบ 12 เดือน");
    let out = planmerge()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["template", "--from", "samples/6-month"])
        .args(["-c", "samples/6-month/report.toml", "-o"])
        .arg(&forms)
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("wrote 8 forms"), "{stdout}");
    let mut written: Vec<String> = std::fs::read_dir(&forms)
        .expect("the folder is made")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written.len(), 8, "{written:?}");
    assert!(
        written.iter().all(|f| f.starts_with("แบบฟอร์ม-")),
        "{written:?}"
    );
    assert!(written.contains(&"แบบฟอร์ม-กองคลัง.xlsx".to_string()));
    std::fs::copy("samples/6-month/report.toml", forms.join("report.toml")).expect("config");
    let (code, json, stderr) = run_json(&forms, &["merge", "."]);
    assert_eq!(code, 0, "{stderr}");
    assert_seed_figures(&json);
    // Run again over the forms sent back: none is written over, and the run says which exist.
    let filled = std::fs::read(forms.join("แบบฟอร์ม-กองคลัง.xlsx")).expect("form");
    let again = planmerge()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["template", "--from", "samples/6-month"])
        .args(["-c", "samples/6-month/report.toml", "-o"])
        .arg(&forms)
        .output()
        .expect("run");
    let said = String::from_utf8_lossy(&again.stderr);
    assert_eq!(again.status.code(), Some(2), "{said}");
    assert!(said.contains("แบบฟอร์ม-กองคลัง.xlsx"), "{said}");
    assert!(said.contains("จะไม่เขียนทับ"), "{said}");
    assert_eq!(
        std::fs::read(forms.join("แบบฟอร์ม-กองคลัง.xlsx")).expect("form"),
        filled
    );
    // Forms for every division need a folder: a file given with -o is a usage error.
    let file = dir.path().join("one.xlsx");
    std::fs::write(&file, b"").expect("file");
    planmerge()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["template", "--from", "samples/6-month", "-o"])
        .arg(&file)
        .assert()
        .code(2);
}

#[test]
fn prefill_from_samples_reproduces_each_divisions_rows() {
    let samples = Path::new("samples/6-month");
    let dir = tempfile::tempdir().expect("tempdir");
    let files = planmerge::read::collect_files(&[samples.to_path_buf()]).expect("samples");
    let mut listed = 0;
    for file in &files {
        let division = planmerge::schema::division_of(file);
        let output = dir.path().join(format!("แบบฟอร์ม-{division}.xlsx"));
        template_from(samples, &division, &output, &mut Vec::new()).expect("template");
        let before = read_and_validate(std::slice::from_ref(file));
        let after = read_and_validate(std::slice::from_ref(&output));
        assert!(after.issues.is_empty(), "{division}: {:#?}", after.issues);
        let rows = |m: &planmerge::Merged| m.projects.iter().map(filled).collect::<Vec<_>>();
        assert_eq!(rows(&after), rows(&before), "{division}");
        assert!(after.projects.iter().all(|p| *p.division == *division));
        listed += after.projects.len();
    }
    assert_eq!(
        listed, 81,
        "every sample project lands in its division's form"
    );
}

#[test]
fn a_form_is_never_written_over_a_file_and_its_name_must_be_xlsx() {
    let dir = tempfile::tempdir().expect("tempdir");
    let filled = dir.path().join("กองคลัง.xlsx");
    std::fs::copy("samples/6-month/กองคลัง.xlsx", &filled).expect("copy");
    let before = std::fs::read(&filled).expect("read");
    let out = planmerge()
        .args([
            "template",
            "--division",
            "กองคลัง",
            "-c",
            "samples/6-month/report.toml",
            "-o",
        ])
        .arg(&filled)
        .output()
        .expect("run");
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("อาจเป็นแบบฟอร์มที่กองกรอกแล้ว"), "{said}");
    assert_eq!(std::fs::read(&filled).expect("read"), before);
    // A name without an extension gets .xlsx; another extension is refused.
    let out = planmerge()
        .args(["template", "--division", "กองคลัง", "-o"])
        .arg(dir.path().join("แบบฟอร์มใหม่"))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    assert!(dir.path().join("แบบฟอร์มใหม่.xlsx").is_file());
    let out = planmerge()
        .args(["template", "-o"])
        .arg(dir.path().join("แบบฟอร์ม.xls"))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ต้องเป็นสมุดงาน .xlsx"));
    assert!(!dir.path().join("แบบฟอร์ม.xls").exists());
}

/// A round's folder as coordinators keep it: planmerge's own summary beside the divisions'
/// files, one of them an edited copy (`สำนักปลัด_แก้ไข.xlsx`). Neither `init` nor `template
/// --from` makes a division of the summary or of the copy's name.
#[test]
fn a_rounds_summary_and_an_edited_copys_name_make_no_divisions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let round = dir.path().join("รอบ6");
    std::fs::create_dir(&round).expect("folder");
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/6-month");
    std::fs::copy(samples.join("กองคลัง.xlsx"), round.join("กองคลัง.xlsx")).expect("copy");
    std::fs::copy(
        samples.join("สำนักปลัด.xlsx"),
        round.join("สำนักปลัด_แก้ไข.xlsx"),
    )
    .expect("copy");
    planmerge()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["merge", "samples/6-month", "-o"])
        .arg(round.join("summary.xlsx"))
        .assert()
        .success();
    planmerge()
        .args(["init", "--as-of", "2022-04-10"])
        .arg(&round)
        .assert()
        .success();
    let config: toml::Table = std::fs::read_to_string(round.join("report.toml"))
        .expect("written")
        .parse()
        .expect("TOML");
    let divisions: Vec<&str> = config["divisions"]
        .as_array()
        .expect("divisions")
        .iter()
        .filter_map(|d| d.as_str())
        .collect();
    assert_eq!(divisions, ["กองคลัง", "สำนักปลัด"]);
    let forms = dir.path().join("forms");
    let out = planmerge()
        .args(["template", "--from"])
        .arg(&round)
        .arg("-o")
        .arg(&forms)
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("wrote 2 forms"), "{stdout}");
    let one = read_and_validate(&[forms.join("แบบฟอร์ม-สำนักปลัด.xlsx")]);
    assert_eq!(
        one.projects.len(),
        27,
        "the copy's projects, under its division"
    );
    planmerge()
        .args(["template", "--division", "สำนักปลัด", "--from"])
        .arg(&round)
        .arg("-o")
        .arg(dir.path().join("one.xlsx"))
        .assert()
        .success();
}

/// A project of กองคลัง with everything a form holds filled in.
fn reported(
    name: &str,
    code: Option<&str>,
    status: Status,
    disbursed: &str,
    remark: &str,
) -> ProjectRow {
    ProjectRow {
        name: name.to_string(),
        dimension: Dimension::new(2).expect("dimension"),
        dimension_code: code.map(str::to_string),
        budget_plan: "55300.00".parse().expect("baht"),
        budget_ordinance: "50000.00".parse().expect("baht"),
        disbursed: disbursed.parse().expect("baht"),
        in_ordinance: true,
        status,
        remark: remark.to_string(),
        division: "กองคลัง".into(),
        source: Default::default(),
        cells: Default::default(),
    }
}

/// The 12-month round of 2565 (`รอบ12-2565`: กองคลัง's file, its report.toml) and the folder of
/// next year's 6-month round (`รอบ6-2566`, its own report.toml, no files yet).
fn a_year_and_the_next(dir: &Path) {
    let twelve = dir.join("รอบ12-2565");
    std::fs::create_dir(&twelve).expect("folder");
    let toml = REPORT_TOML
        .replace("round = 6", "round = 12")
        .replace("as_of = \"2022-04-21\"", "as_of = \"2022-10-14\"");
    std::fs::write(twelve.join("report.toml"), toml).expect("toml");
    let projects = vec![
        reported(
            "โครงการจัดซื้อจัดจ้างโปร่งใส",
            Some("2.3"),
            Status::Completed,
            "50000.00",
            "",
        ),
        reported(
            "มาตรการเปิดเผยข้อมูลการคลัง",
            None,
            Status::Cannot,
            "0.00",
            "ไม่ได้รับงบประมาณ",
        ),
    ];
    let spec = TemplateSpec::new(None, Some("กองคลัง")).with_projects(projects);
    write_template(&twelve.join("กองคลัง.xlsx"), &spec).expect("form");
    let next = dir.join("รอบ6-2566");
    std::fs::create_dir(&next).expect("folder");
    let toml = REPORT_TOML
        .replace("fiscal_year = 2565", "fiscal_year = 2566")
        .replace("as_of = \"2022-04-21\"", "as_of = \"2023-04-10\"");
    std::fs::write(next.join("report.toml"), toml).expect("toml");
}

/// `template --from` a 12-month round (its folder, or the summary merged from it) writes next
/// year's 6-month forms: the project list is carried over — names, มิติ with its sub-code, the
/// budgets as a starting point — but not last year's results: status, disbursed, บรรจุ and
/// remark are blank, the form's note and stderr say so, and the forms sent back untouched give
/// no figures (`status-missing` at every project). From the 6-month round of the same year the
/// results are kept, as before.
#[test]
fn forms_for_the_next_fiscal_year_carry_the_list_not_last_years_results() {
    let dir = tempfile::tempdir().expect("tempdir");
    a_year_and_the_next(dir.path());
    planmerge()
        .current_dir(dir.path())
        .args(["merge", "รอบ12-2565", "-o", "สรุป12-2565.xlsx"])
        .assert()
        .success();
    for (from, forms) in [("รอบ12-2565", "รอบ6-2566/"), ("สรุป12-2565.xlsx", "จากสรุป/")]
    {
        let out = planmerge()
            .current_dir(dir.path())
            .args([
                "template",
                "--from",
                from,
                "-c",
                "รอบ6-2566/report.toml",
                "-o",
                forms,
            ])
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{from}: {stderr}");
        assert!(
            stderr.contains(
                "แบบฟอร์มเป็นของปีงบประมาณ 2566 รายการมาจากปีงบประมาณ 2565: ยกมาเฉพาะชื่อโครงการ มิติ และงบประมาณ"
            ),
            "{from}: {stderr}"
        );
        let form = dir.path().join(forms).join("แบบฟอร์ม-กองคลัง.xlsx");
        let rows = rows_of(&form, DATA_SHEET);
        assert_eq!(
            rows[3][0],
            "ประจำปีงบประมาณ พ.ศ. 2566 รอบ 6 เดือน (ตุลาคม 2565 – มีนาคม 2566)"
        );
        assert!(
            rows[4][0].starts_with("รายการโครงการ มิติ และงบประมาณ ยกมาจากปีงบประมาณ 2565"),
            "{from}: {:?}",
            rows[4]
        );
        let first = FIRST_DATA_ROW as usize;
        assert_eq!(
            rows[first],
            [
                "1",
                "โครงการจัดซื้อจัดจ้างโปร่งใส",
                "2.3",
                "55300",
                "50000",
                "",
                "",
                "",
                ""
            ],
            "{from}"
        );
        assert_eq!(
            rows[first + 1],
            [
                "2",
                "มาตรการเปิดเผยข้อมูลการคลัง",
                "2",
                "55300",
                "50000",
                "",
                "",
                "",
                ""
            ],
            "{from}"
        );
    }
    // Sent back untouched, the forms give no figures: every project lacks this year's status.
    let (code, json, _) = run_json(&dir.path().join("รอบ6-2566"), &["merge", "."]);
    assert_eq!(code, 1);
    assert_eq!(json["output"], serde_json::Value::Null);
    let missing: Vec<&str> = json["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .filter(|i| i["code"] == "status-missing")
        .filter_map(|i| i["cell"].as_str())
        .collect();
    assert_eq!(missing, ["H7", "H8"]);
    assert!(!dir.path().join("รอบ6-2566/summary.xlsx").exists());

    // The 6-month round's forms of the same year, from this year's 6-month folder: all kept.
    let six = dir.path().join("รอบ6-2565");
    std::fs::create_dir(&six).expect("folder");
    std::fs::write(six.join("report.toml"), REPORT_TOML).expect("toml");
    std::fs::copy(
        dir.path().join("รอบ12-2565/กองคลัง.xlsx"),
        six.join("กองคลัง.xlsx"),
    )
    .expect("copy");
    let out = planmerge()
        .current_dir(dir.path())
        .args(["template", "--from", "รอบ6-2565", "-o", "รอบ12-2565/ฟอร์ม/"])
        .args(["-c", "รอบ12-2565/report.toml"])
        .output()
        .expect("run");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("ยกมาเฉพาะ"));
    let rows = rows_of(
        &dir.path().join("รอบ12-2565/ฟอร์ม/แบบฟอร์ม-กองคลัง.xlsx"),
        DATA_SHEET,
    );
    let first = FIRST_DATA_ROW as usize;
    assert_eq!(
        rows[first + 1],
        [
            "2",
            "มาตรการเปิดเผยข้อมูลการคลัง",
            "2",
            "55300",
            "50000",
            "0",
            "☑",
            "ไม่สามารถดำเนินการได้",
            "ไม่ได้รับงบประมาณ"
        ]
    );
}

/// `template --from <summary.xlsx>` with no report.toml anywhere: the summary's own title gives
/// the organization, fiscal year and round, moved on to the round after it (6 → 12 months of
/// the same year, 12 → next year's 6), said on stderr — not a generic form.
#[test]
fn forms_from_a_summary_without_report_toml_take_its_title_moved_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (round, summary) in [("6-month", "สรุป6.xlsx"), ("12-month", "สรุป12.xlsx")]
    {
        planmerge()
            .args(["merge", &format!("samples/{round}"), "-o"])
            .arg(dir.path().join(summary))
            .assert()
            .success();
    }
    let cases = [
        (
            "สรุป6.xlsx",
            "2565 12-month",
            "ประจำปีงบประมาณ พ.ศ. 2565 รอบ 12 เดือน (ตุลาคม 2564 – กันยายน 2565)",
            "ดำเนินการแล้วเสร็จ",
        ),
        (
            "สรุป12.xlsx",
            "2566 6-month",
            "ประจำปีงบประมาณ พ.ศ. 2566 รอบ 6 เดือน (ตุลาคม 2565 – มีนาคม 2566)",
            "",
        ),
    ];
    for (summary, said, period, first_status) in cases {
        let form = format!("จาก-{summary}");
        let out = planmerge()
            .current_dir(dir.path())
            .args(["template", "--from", summary, "--division", "กองคลัง"])
            .args(["-o", &form])
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{summary}: {stderr}");
        assert!(!stderr.contains("generic template"), "{summary}: {stderr}");
        assert!(
            stderr.contains(&format!(
                "the organization, fiscal year and round of the earlier round's summary title, \
                 for the round after it: {said}"
            )),
            "{summary}: {stderr}"
        );
        let rows = rows_of(&dir.path().join(&form), DATA_SHEET);
        assert_eq!(rows[1][0], "องค์การบริหารส่วนจังหวัดพะเยา", "{summary}");
        assert_eq!(rows[2][0], "หน่วยงาน กองคลัง");
        assert_eq!(rows[3][0], period, "{summary}");
        let first = &rows[FIRST_DATA_ROW as usize];
        assert_eq!(first[7], first_status, "{summary}: {first:?}");
    }
}
