//! Forms written by `planmerge template` as they come back into a round's folder: under names
//! staff and copying give them, in a folder of their division's name, left blank, or left
//! prefilled beside the file the division sent. Which division each file is taken for, and
//! which files count.

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
