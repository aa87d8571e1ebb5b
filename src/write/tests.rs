//! Unit tests of the workbook assembly: sheet names, temp-file naming, atomic save, draft text.

use super::*;
use crate::compute::compute;
use crate::model::{Dimension, Location, Status};

const TOML: &str = r#"
organization = "เทศบาลตำบลทดสอบ"
location = "อำเภอเมือง จังหวัดทดสอบ"
fiscal_year = 2566
round = 12
as_of = "2023-10-15"
initial_projects = 3
reporter_name = "นายทดสอบ ระบบ"
reporter_position = "นักวิเคราะห์นโยบายและแผน"
"#;

fn project(name: &str, dimension: u8, status: Status) -> ProjectRow {
    ProjectRow {
        name: name.to_string(),
        dimension: Dimension::new(dimension).expect("1-4"),
        dimension_code: None,
        budget_plan: Decimal::new(100_000, 2),
        budget_ordinance: Decimal::new(100_000, 2),
        disbursed: Decimal::new(25_050, 2),
        in_ordinance: true,
        status,
        remark: String::new(),
        division: "กองคลัง".into(),
        source: Location::cell("กองคลัง.xlsx", "แผน", 4, 0),
        cells: Default::default(),
    }
}

fn with_summary<T>(errors: usize, f: impl FnOnce(&Summary<'_>, &[ProjectRow]) -> T) -> T {
    let config = ReportConfig::from_toml(TOML, "report.toml").expect("config");
    let projects = vec![
        project("โครงการหนึ่ง", 1, Status::Completed),
        project("โครงการสอง", 4, Status::InProgress),
    ];
    let totals = compute(&projects, &config);
    let summary = Summary {
        config: &config,
        totals: &totals,
        inputs: &[],
        issues: &[],
        errors,
        previous: None,
    };
    f(&summary, &projects)
}

/// The workbook for a list held whole, through the engine the merge uses.
fn build(summary: &Summary<'_>, projects: &[ProjectRow]) -> Result<Workbook, XlsxError> {
    SummaryBook::with_projects(summary, projects.iter().cloned())?.finish(summary)
}

fn save(path: &Path, summary: &Summary<'_>, projects: &[ProjectRow]) -> Result<(), WriteError> {
    SummaryBook::with_projects(summary, projects.iter().cloned())?.save(path, summary)
}

#[test]
fn sheet_names_fit_excel_limits() {
    for name in crate::schema::SHEET_NAMES {
        assert!(name.encode_utf16().count() <= 31, "{name} is too long");
        assert!(
            !name.contains(['[', ']', ':', '*', '?', '/', '\\']),
            "{name}"
        );
    }
}

#[test]
fn workbook_builds_with_every_sheet_in_order() {
    let names: Vec<String> = with_summary(0, |s, p| {
        let mut workbook = build(s, p).expect("builds");
        workbook
            .worksheets()
            .iter()
            .map(|w| w.name().to_string())
            .collect()
    });
    assert_eq!(names, crate::schema::SHEET_NAMES);
}

#[test]
fn temp_file_sits_beside_the_output_and_is_hidden() {
    let temp = temp_path(Path::new("/data/out/summary.xlsx"));
    assert_eq!(temp.parent(), Some(Path::new("/data/out")));
    let name = temp.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with(".summary.xlsx.tmp-"), "{name}");
    assert_eq!(temp_path(Path::new("a.xlsx")).parent(), Some(Path::new("")));
}

#[test]
fn save_replaces_the_output_and_leaves_no_temp_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("summary.xlsx");
    std::fs::write(&path, b"old").expect("old file");
    with_summary(0, |s, p| save(&path, s, p)).expect("written");
    let bytes = std::fs::read(&path).expect("read");
    assert_eq!(&bytes[..2], b"PK", "an xlsx (zip) replaced the old file");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .filter(|n| n != "summary.xlsx")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn failed_save_is_an_error_naming_the_file_and_leaves_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("missing-folder").join("summary.xlsx");
    let err = with_summary(0, |s, p| save(&path, s, p)).expect_err("cannot save");
    assert!(err.to_string().contains("summary.xlsx"), "{err}");
    assert!(!path.exists());
    assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 0);
}

#[test]
fn draft_text_counts_the_errors() {
    with_summary(3, |s, _| {
        assert!(s.is_draft());
        assert_eq!(s.draft_text(), "ร่าง — มีข้อผิดพลาด 3 รายการ");
    });
    with_summary(0, |s, _| assert!(!s.is_draft()));
}

#[test]
fn period_and_as_of_come_from_the_configuration() {
    with_summary(0, |s, _| {
        assert_eq!(s.period(), "ประจำปีงบประมาณ พ.ศ. 2566 รอบ 12 เดือน");
        assert_eq!(s.as_of_line(), "** ข้อมูล ณ วันที่ 15 ตุลาคม 2566");
    });
}

#[test]
fn summary_layout_moves_down_under_the_banner() {
    let plain = summary::Layout::at(0);
    let draft = summary::Layout::at(2);
    assert_eq!(plain.dimension_rows, 6);
    assert_eq!(plain.total_row, 10);
    assert_eq!(draft.total_row, plain.total_row + 2);
}

#[test]
fn source_shows_file_sheet_and_excel_row_number() {
    let p = project("ก", 1, Status::Waiting);
    assert_eq!(projects::source(&p, ""), "กองคลัง.xlsx › แผน › แถว 5");
}

#[test]
fn source_names_the_file_below_the_folder_every_input_shares() {
    let mut p = project("ก", 1, Status::Waiting);
    p.source.file = "/home/สมชาย/รอบ 6 เดือน/กองคลัง.xlsx".into();
    let shared = |files: &[&str]| projects::shared_folder(files.iter().map(Path::new));
    let folder = shared(&[
        "/home/สมชาย/รอบ 6 เดือน/กองคลัง.xlsx",
        "/home/สมชาย/รอบ 6 เดือน/ส่วนย่อย/กองช่าง.xlsx",
    ]);
    assert_eq!(folder, "/home/สมชาย/รอบ 6 เดือน");
    assert_eq!(projects::source(&p, &folder), "กองคลัง.xlsx › แผน › แถว 5");
    // Files in sibling folders keep the folder that tells them apart.
    let siblings = shared(&["a/x.xlsx", "b/x.xlsx"]);
    assert_eq!(siblings, "");
    assert_eq!(shared(&["x.xlsx"]), "");
    assert_eq!(shared(&["/x.xlsx", "/y.xlsx"]), "/");
    p.source.file = "/x.xlsx".into();
    assert_eq!(projects::source(&p, "/"), "x.xlsx › แผน › แถว 5");
    // A file outside the folder (never made so, but never cut wrongly either).
    p.source.file = "samples/6-monthly/x.xlsx".into();
    assert_eq!(
        projects::source(&p, "samples/6-month"),
        "samples/6-monthly/x.xlsx › แผน › แถว 5"
    );
}

#[test]
fn thai_marks_take_no_width_when_counting_lines() {
    // 31 spacing characters of 37: fits one line of a 46-wide column.
    assert_eq!(
        lines_needed("กิจกรรมการใช้บัตรคิวในการติดต่อราชการ", 46.0, 16.0),
        1
    );
    assert_eq!(lines_needed(&"ก".repeat(100), 46.0, 16.0), 3);
    assert_eq!(lines_needed("รอ\nรายงาน", 9.0, 16.0), 2);
    assert_eq!(lines_needed("", 9.0, 16.0), 1);
    // Smaller font, more characters per line.
    assert!(lines_needed(&"ก".repeat(80), 24.0, 12.0) < lines_needed(&"ก".repeat(80), 24.0, 16.0));
}

#[test]
fn latin_letters_digits_and_punctuation_take_less_width_than_thai_letters() {
    // LibreOffice prints this source in two lines of the 24-wide, 12 pt column (57 characters:
    // counted as Thai letters it would be three).
    let source = "กองการศึกษา ศาสนาและวัฒนธรรม.xlsx › แผน ป.ป.ช. ๒๕๖๕ › แถว 4";
    assert_eq!(lines_needed(source, 24.0, 12.0), 2);
    assert_eq!(lines_needed(&"ก".repeat(57), 24.0, 12.0), 3);
}
