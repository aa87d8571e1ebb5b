//! A merge longer than one hand-over chunk per file and longer than the printable list: every
//! project reaches the written list once, numbered in file order, with the figures of the JSON.
//! (Speed is measured by bench/run.sh, not here.)

#[allow(dead_code)]
#[path = "../../examples/make_synthetic.rs"]
mod synthetic;

use assert_cmd::Command;
use calamine::{Data, Reader, Xlsx, open_workbook};
use rust_decimal::Decimal;
use std::str::FromStr;

const FILES: usize = 6;
/// More than one chunk (4,096) per file; 30,000 in all, more than the 20,000 fitted rows.
const ROWS: usize = 5_000;

#[test]
fn every_project_of_a_long_merge_is_listed_once_in_file_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    synthetic::write_folder(&input, FILES, ROWS).expect("synthetic folder");
    let output = dir.path().join("summary.xlsx");
    let run = Command::cargo_bin("planmerge")
        .expect("binary")
        .arg("merge")
        .arg(&input)
        .arg("-o")
        .arg(&output)
        .arg("--json")
        .output()
        .expect("runs");
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).expect("one JSON document");
    let total = &json["summary"]["total"];
    assert_eq!(total["projects"], FILES * ROWS);
    for input in json["inputs"].as_array().expect("inputs") {
        assert_eq!(input["counted"], ROWS, "{input}");
    }

    let mut book: Xlsx<_> = open_workbook(&output).expect("summary opens");
    let list = book.worksheet_range("รายการโครงการ").expect("the list");
    let cell = |row: usize, col: usize| list.get((row, col)).cloned().unwrap_or(Data::Empty);
    let number = |row: usize, col: usize| match cell(row, col) {
        Data::Float(f) => f,
        other => panic!("({row},{col}) is not a number: {other:?}"),
    };
    let (mut plan, mut disbursed) = (Decimal::ZERO, Decimal::ZERO);
    let baht = |v: f64| Decimal::from_str(&format!("{v:.2}")).expect("baht");
    for n in 1..=FILES * ROWS {
        let row = 2 + n;
        assert_eq!(number(row, 0), n as f64, "ลำดับ at row {row}");
        plan += baht(number(row, 3));
        disbursed += baht(number(row, 5));
    }
    assert_eq!(
        cell(3 + FILES * ROWS, 0),
        Data::Empty,
        "nothing after the last project"
    );
    assert_eq!(
        plan.to_string(),
        total["budget_plan"].as_str().expect("plan")
    );
    assert_eq!(
        disbursed.to_string(),
        total["disbursed"].as_str().expect("disbursed")
    );
    // The first file's first project and the last file's last, by their source cells, which
    // name the files below the folder they share.
    let first = cell(3, 13).to_string();
    assert!(first.starts_with("0001-"), "{first}");
    let last = cell(2 + FILES * ROWS, 13).to_string();
    assert!(last.contains("0006-"), "{last}");
}
