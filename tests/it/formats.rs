//! The same division workbook saved as .xlsx, .ods and .xls reads to the same projects and
//! figures (fixtures converted by LibreOffice, see tests/fixtures/formats/README.md).

use planmerge::compute::compute;
use planmerge::config::ReportConfig;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// (projects, completed, plan budget, issue codes) of one file.
fn read(path: &Path) -> (u32, u32, String, Vec<&'static str>) {
    let config = ReportConfig::load(&root().join("samples/6-month/report.toml")).expect("config");
    let merged = planmerge::read_and_validate(&[path.to_path_buf()]);
    let totals = compute(&merged.projects, &config);
    let codes = merged.issues.iter().map(|i| i.problem.code()).collect();
    (
        totals.total.projects,
        totals.total.completed,
        totals.total.budget_plan.to_string(),
        codes,
    )
}

fn same_as_xlsx(division: &str) {
    let xlsx = read(&root().join(format!("samples/6-month/{division}.xlsx")));
    assert!(xlsx.0 > 0);
    for ext in ["ods", "xls"] {
        let other = read(&root().join(format!("tests/fixtures/formats/{division}.{ext}")));
        assert_eq!(other, xlsx, "{division}.{ext}");
    }
}

#[test]
fn seed_layout_reads_the_same_from_ods_and_xls() {
    same_as_xlsx("สำนักปลัด");
}

#[test]
fn status_words_layout_reads_the_same_from_ods_and_xls() {
    same_as_xlsx("กองคลัง");
}
