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

/// `xls` as Python's xlwt writes formulas: no RECALCID record (no engine ever calculated them)
/// and every formula's result stored as empty text.
fn as_xlwt_writes(xls: &[u8]) -> Vec<u8> {
    use crate::support::coded::{workbook_stream, xls_with_stream};
    let mut stream = workbook_stream(xls);
    let mut pos = 0;
    while pos + 4 <= stream.len() {
        let typ = u16::from_le_bytes([stream[pos], stream[pos + 1]]);
        let len = usize::from(u16::from_le_bytes([stream[pos + 2], stream[pos + 3]]));
        match typ {
            // RECALCID becomes a record no reader looks at (HLINKTOOLTIP).
            0x01C1 => stream[pos..pos + 2].copy_from_slice(&0x0800u16.to_le_bytes()),
            // FORMULA: row, column, XF, then the eight bytes of its result.
            0x0006 => stream[pos + 10..pos + 18].copy_from_slice(&[3, 0, 0, 0, 0, 0, 0xFF, 0xFF]),
            _ => {}
        }
        pos += 4 + len;
    }
    xls_with_stream(&stream)
}

/// (code, cell) of every issue of a `check --json` on `file` alone but the sheet's note that
/// it has no ordinance budget column (the seed's layout), and its projects.
fn checked(file: &str, bytes: &[u8]) -> (Vec<(String, String)>, serde_json::Value) {
    let dir = crate::support::folder();
    std::fs::write(dir.path().join(file), bytes).expect("write");
    let (_, json, _) = crate::support::run_json(dir.path(), &["check", "."]);
    let issues = json["issues"].as_array().cloned().unwrap_or_default();
    let found = issues
        .iter()
        .filter(|i| i["code"] != "ordinance-budget-assumed")
        .map(|i| {
            let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
            (text(&i["code"]), text(&i["cell"]))
        })
        .collect();
    (found, json["summary"]["total"]["projects"].clone())
}

/// An .xls written by xlwt stores no formula's result (QA s12-3): `=80000+5000` was read as a
/// blank amount (`money-blank`, 0 baht, exit 0). It is `formula-no-value` at its cell, as in
/// xlsx; the same file as LibreOffice saved it (RECALCID, results stored) reads as ever.
#[test]
fn an_xls_whose_formulas_were_never_calculated_says_so_at_each_never_blank() {
    let path = root().join("tests/fixtures/formats/สำนักปลัด.xls");
    let xls = std::fs::read(path).expect("fixture");
    let (issues, projects) = checked("สำนักปลัด.xls", &as_xlwt_writes(&xls));
    let expected = vec![("formula-no-value".to_string(), "D4".to_string())];
    assert_eq!(issues, expected);
    let (issues, all) = checked("สำนักปลัด.xls", &xls);
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(projects.as_u64().map(|p| p + 1), all.as_u64());
}

/// An .ods written by odfpy holds a formula with no value (`table:formula`, no
/// `office:value-type`): read as blank (QA s12-3). One saved by LibreOffice holding an error
/// (`calcext:value-type="error"`, the text `#N/A`) was read as that text: a project named
/// "#N/A" counted (QA s12-4). Each is said at its cell, as in xlsx.
#[test]
fn an_ods_formula_without_a_value_or_giving_an_error_is_said_at_its_cell() {
    use crate::support::hostile::rezip_named;
    let path = root().join("tests/fixtures/formats/สำนักปลัด.ods");
    let ods = std::fs::read(path).expect("fixture");
    let edited = rezip_named(&ods, "content.xml", |xml| {
        let xml = String::from_utf8(xml.to_vec()).expect("utf-8");
        let calculated = r#"table:formula="of:=80000+5000" office:value-type="float" office:value="85000" calcext:value-type="float">"#;
        let name = r#"office:value-type="string" calcext:value-type="string"><text:p>โครงการบริหารงานตามหลักธรรมาภิบาล</text:p>"#;
        let error = r#"table:formula="of:=NA()" office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>#N/A</text:p>"#;
        assert!(xml.contains(calculated) && xml.contains(name));
        xml.replacen(calculated, r#"table:formula="of:=80000+5000">"#, 1)
            .replacen(name, error, 1)
            .into_bytes()
    });
    let (issues, projects) = checked("สำนักปลัด.ods", &edited);
    let codes: Vec<&str> = issues.iter().map(|(code, _)| code.as_str()).collect();
    assert_eq!(codes, ["formula-no-value", "formula-error"], "{issues:?}");
    assert_eq!(issues[0].1, "D4");
    let (_, all) = checked("สำนักปลัด.ods", &ods);
    assert_eq!(projects.as_u64().map(|p| p + 2), all.as_u64());
}
