//! Golden test: merging samples/ (the seed report's 81 projects, split among divisions in three
//! layouts) reproduces every figure the seed report prints — in the JSON and in the cells of the
//! written workbook, read back with calamine.

use assert_cmd::Command;
use serde_json::Value;
use std::path::PathBuf;

fn samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples")
}

/// Runs `planmerge merge samples --json -o <tmp>/summary.xlsx` and returns the JSON and the path.
fn merge_samples() -> (Value, tempfile::TempDir) {
    let out_dir = tempfile::tempdir().expect("tempdir");
    let output = out_dir.path().join("summary.xlsx");
    let run = Command::cargo_bin("planmerge")
        .expect("binary")
        .arg("merge")
        .arg(samples())
        .arg("--json")
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
