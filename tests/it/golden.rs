//! Golden test: merging samples/ (the seed report's 81 projects, split among divisions in three
//! layouts) reproduces every figure the seed report prints — in the JSON and in the cells of the
//! written workbook, read back with calamine.

use crate::common::ReadBack;
use assert_cmd::Command;
use serde_json::Value;

/// Runs `planmerge merge samples --json -o <tmp>/summary.xlsx` from the repository root (so files
/// are named `samples/…` as a user would see them) and returns the JSON and the folder.
fn merge_samples() -> (Value, tempfile::TempDir) {
    let out_dir = tempfile::tempdir().expect("tempdir");
    let output = out_dir.path().join("summary.xlsx");
    let run = Command::cargo_bin("planmerge")
        .expect("binary")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["merge", "samples/6-month", "--json"])
        .arg("-o")
        .arg(&output)
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    let json = serde_json::from_slice(&run.stdout).expect("one JSON document");
    (json, out_dir)
}

#[test]
fn samples_reproduce_every_figure_of_the_seed_report() {
    let (json, dir) = merge_samples();
    assert_eq!(json["ok"], true);
    assert!(dir.path().join("summary.xlsx").is_file());
    let s = &json["summary"];
    let expected = [
        (1, 22, 7, "2204600.00", "31.82"),
        (2, 30, 19, "24000.00", "63.33"),
        (3, 16, 7, "5808000.00", "43.75"),
        (4, 13, 8, "500000.00", "61.54"),
    ];
    for (i, (dimension, projects, completed, budget, pct)) in expected.into_iter().enumerate() {
        let d = &s["dimensions"][i];
        assert_eq!(d["dimension"], dimension);
        assert_eq!(d["projects"], projects, "dimension {dimension}");
        assert_eq!(d["completed"], completed, "dimension {dimension}");
        assert_eq!(d["budget_plan"], budget);
        assert_eq!(d["budget_ordinance"], budget);
        assert_eq!(d["disbursed"], "0.00");
        assert_eq!(d["pct_projects"], pct);
        assert_eq!(d["pct_disbursed"], "0.00");
    }
    let total = &s["total"];
    assert_eq!(total["projects"], 81);
    assert_eq!(total["completed"], 41);
    assert_eq!(total["budget_plan"], "8536600.00");
    assert_eq!(total["budget_ordinance"], "8536600.00");
    assert_eq!(total["disbursed"], "0.00");
    assert_eq!(total["pct_projects"], "50.62");
    assert_eq!(total["pct_disbursed"], "0.00");
    let status = &s["status"];
    assert_eq!(status["initial"], 90);
    assert_eq!(status["total"], 81);
    assert_eq!(status["in_ordinance"], 20);
    assert_eq!(status["waiting"], 0);
    assert_eq!(status["in_progress"], 40);
    assert_eq!(status["completed"], 41);
    assert_eq!(status["cannot"], 0);
    assert_eq!(status["implementation_pct"], "67.78");
    assert_eq!(status["level"], "มาก");
    let errors: Vec<&Value> = json["issues"]
        .as_array()
        .map(|a| a.iter().filter(|i| i["severity"] == "error").collect())
        .unwrap_or_default();
    assert!(errors.is_empty(), "{errors:?}");
    let rows: u64 = json["inputs"]
        .as_array()
        .map(|a| a.iter().filter_map(|i| i["rows"].as_u64()).sum())
        .unwrap_or(0);
    assert_eq!(rows, 81, "every sample row read once");
}

/// The seed's figures in the cells of the written สรุปผล sheet (values, not formulas).
#[test]
fn samples_summary_cells_hold_the_seed_figures() {
    let (_, dir) = merge_samples();
    let mut book = ReadBack::open(&dir.path().join("summary.xlsx"));
    let sheet = "สรุปผล";
    let columns = [
        [22.0, 30.0, 16.0, 13.0, 81.0],
        [7.0, 19.0, 7.0, 8.0, 41.0],
        [2204600.0, 24000.0, 5808000.0, 500000.0, 8536600.0],
        [2204600.0, 24000.0, 5808000.0, 500000.0, 8536600.0],
        [0.0; 5],
        [31.82, 63.33, 43.75, 61.54, 50.62],
        [0.0; 5],
    ];
    // rows 7-11 (dimensions 1-4, รวม), columns C-I
    for (c, column) in columns.iter().enumerate() {
        for (r, expected) in column.iter().enumerate() {
            let got = book.number(sheet, 6 + r as u32, 2 + c as u32);
            assert_eq!(got, *expected, "row {} col {}", 7 + r, c + 3);
        }
    }
    assert_eq!(book.text(sheet, 10, 0), "รวม");
    let status = [90.0, 81.0, 20.0, 40.0, 41.0, 0.0, 67.78];
    for (c, expected) in status.iter().enumerate() {
        assert_eq!(
            book.number(sheet, 32, c as u32),
            *expected,
            "status column {c}"
        );
    }
    assert_eq!(book.text(sheet, 32, 7), "มาก");
    assert_eq!(book.text(sheet, 34, 0), "** ข้อมูล ณ วันที่ 21 เมษายน 2565");
    // the project list: 81 rows numbered 1..81, one ☑ status each
    let list = "รายการโครงการ";
    for n in 0..81u32 {
        assert_eq!(book.number(list, 3 + n, 0), f64::from(n + 1));
        let ticks = (7..11)
            .filter(|c| book.text(list, 3 + n, *c) == "☑")
            .count();
        assert_eq!(ticks, 1, "row {}", n + 4);
    }
    assert_eq!(book.text(list, 84, 1), "");
}

/// A snapshot of every sheet's cell text for the samples, read back with calamine.
#[test]
fn samples_summary_sheets_snapshot() {
    let (_, dir) = merge_samples();
    let mut book = ReadBack::open(&dir.path().join("summary.xlsx"));
    for sheet in book.sheet_names() {
        let text = book.sheet_text(&sheet);
        insta::assert_snapshot!(format!("samples_{sheet}"), text);
    }
}

#[test]
fn merging_the_samples_prints_the_figures_and_no_warning() {
    let out_dir = tempfile::tempdir().expect("tempdir");
    let run = Command::cargo_bin("planmerge")
        .expect("binary")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["merge", "samples/6-month", "-o"])
        .arg(out_dir.path().join("summary.xlsx"))
        .output()
        .expect("run");
    assert_eq!(run.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stdout.contains("ร้อยละ 67.78 ระดับ มาก"), "{stdout}");
    assert!(stderr.is_empty(), "nothing to warn about: {stderr}");
}
