//! Small division workbooks made by code, so every test shows how its fixture was built.

pub mod coded;
pub mod hostile;
pub mod plan;
pub mod sheet;
pub mod smtp;

use planmerge::issue::Issue;
use planmerge::read::InputFile;
use planmerge::read::table::RawRow;
use rust_xlsxwriter::{Formula, Workbook};
use std::path::{Path, PathBuf};

/// One cell of a fixture row.
#[derive(Debug, Clone)]
pub enum V {
    /// Text.
    T(String),
    /// A number.
    N(f64),
    /// A formula with its cached result.
    F(&'static str, &'static str),
    /// Nothing.
    E,
}

/// Text cell.
pub fn t(s: &str) -> V {
    V::T(s.to_string())
}

/// The status-words layout: A ลำดับ, B รายการโครงการ, C มิติ, D งบประมาณ, E เบิกจ่าย,
/// F บรรจุ, G สถานะ, H หมายเหตุ. Data starts on row 2.
pub const WORDS_HEADER: [&str; 8] = [
    "ลำดับ",
    "รายการโครงการ",
    "มิติ",
    "งบประมาณ (บาท)",
    "เบิกจ่าย (บาท)",
    "บรรจุในข้อบัญญัติ",
    "สถานะ",
    "หมายเหตุ",
];

/// The tick layout with บรรจุ and หมายเหตุ, as offices keep it: A ลำดับ, B ชื่อโครงการ, C มิติ,
/// D งบประมาณ, E เบิกจ่าย, F บรรจุ, G-J the four statuses, K หมายเหตุ (`[..10]` without it).
pub const TICKS_HEADER: [&str; 11] = [
    "ลำดับ",
    "ชื่อโครงการ",
    "มิติ",
    "งบประมาณ",
    "เบิกจ่าย",
    "บรรจุในข้อบัญญัติ",
    "รอรายงาน",
    "อยู่ระหว่างดำเนินการ",
    "ดำเนินการแล้วเสร็จ",
    "ไม่สามารถดำเนินการได้",
    "หมายเหตุ",
];

/// A valid row of the words layout.
pub fn words_row(n: u32, name: &str, dimension: f64, budget: f64) -> Vec<V> {
    vec![
        V::N(n.into()),
        t(name),
        V::N(dimension),
        V::N(budget),
        V::N(0.0),
        V::E,
        t("ดำเนินการแล้วเสร็จ"),
        V::E,
    ]
}

/// Tick layout (seed style, one header row): A ลำดับ, B รายการโครงการ, C มิติ, D งบประมาณ,
/// E เบิกจ่าย, F-I the four statuses, J หมายเหตุ.
pub const TICK_HEADER: [&str; 10] = [
    "ลำดับ",
    "รายการโครงการ (ตั้งต้น)",
    "มิติ",
    "งบประมาณ (บาท)",
    "เบิกจ่าย (บาท)",
    "รอรายงาน",
    "อยู่ระหว่างดำเนินการ",
    "ดำเนินการแล้วเสร็จ",
    "ไม่สามารถดำเนินการได้",
    "หมายเหตุ",
];

/// A tick-layout row with ☑ in the given status columns (0-3).
pub fn tick_row(n: u32, name: &str, ticks: &[usize]) -> Vec<V> {
    let mut row = vec![V::N(n.into()), t(name), V::N(1.0), V::N(0.0), V::N(0.0)];
    for i in 0..4 {
        row.push(if ticks.contains(&i) { t("☑") } else { V::E });
    }
    row.push(V::E);
    row
}

/// Writes one sheet named `sheet` with the header on row 1 and the rows under it.
pub fn write_book(path: &Path, sheet: &str, header: &[&str], rows: &[Vec<V>]) {
    write_sheets(path, &[(sheet, rows)], header);
}

/// A workbook of several sheets, each `header` then its rows.
pub fn write_sheets(path: &Path, sheets: &[(&str, &[Vec<V>])], header: &[&str]) {
    let mut book = Workbook::new();
    for (sheet, rows) in sheets {
        let ws = book.add_worksheet();
        ws.set_name(*sheet).expect("sheet name");
        for (c, h) in header.iter().enumerate() {
            ws.write_string(0, c as u16, *h).expect("header");
        }
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                write_cell(ws, r as u32 + 1, c as u16, v);
            }
        }
    }
    book.save(path).expect("save fixture");
}

/// Writes one fixture cell (a formula with its cached result).
pub fn write_cell(ws: &mut rust_xlsxwriter::Worksheet, r: u32, c: u16, v: &V) {
    match v {
        V::T(s) => ws.write_string(r, c, s).map(|_| ()),
        V::N(n) => ws.write_number(r, c, *n).map(|_| ()),
        V::F(f, result) => ws
            .write_formula(r, c, Formula::new(*f).set_result(*result))
            .map(|_| ()),
        V::E => Ok(()),
    }
    .expect("cell");
}

/// The seed's configuration (the samples' own).
pub const REPORT_TOML: &str = include_str!("../../../samples/6-month/report.toml");

/// A temp folder with report.toml.
pub fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("report.toml"), REPORT_TOML).expect("report.toml");
    dir
}

/// The first issue with `code` in a `--json` document; the test fails naming the issues found
/// when there is none.
pub fn issue_coded<'a>(json: &'a serde_json::Value, code: &str) -> &'a serde_json::Value {
    json["issues"]
        .as_array()
        .and_then(|issues| issues.iter().find(|i| i["code"] == code))
        .unwrap_or_else(|| panic!("no {code} in {}", json["issues"]))
}

/// The 12-month samples' report.toml with its `previous` pointing at the bundled 6-month
/// samples by their full path (so it can be written into any folder).
pub fn twelve_month_toml() -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(root.join("samples/12-month/report.toml"))
        .expect("toml")
        .replace(
            "previous = \"../6-month\"",
            &format!(
                "previous = {:?}",
                root.join("samples/6-month").display().to_string()
            ),
        )
}

/// A temp folder with report.toml and one words-layout workbook `กองทดสอบ.xlsx`, sheet `แผน`.
pub fn folder_with_rows(rows: &[Vec<V>]) -> (tempfile::TempDir, PathBuf) {
    let dir = folder();
    let file = dir.path().join("กองทดสอบ.xlsx");
    write_book(&file, "แผน", &WORDS_HEADER, rows);
    (dir, file)
}

/// A password-protected xlsx as Excel saves one: an OLE compound file holding the
/// `EncryptionInfo` and `EncryptedPackage` streams instead of a zip.
pub fn write_encrypted_xlsx(path: &Path) {
    let file = std::fs::File::create(path).expect("create");
    let mut comp = cfb::CompoundFile::create_with_version(cfb::Version::V3, file).expect("cfb");
    for name in ["EncryptionInfo", "EncryptedPackage"] {
        let mut stream = comp.create_stream(name).expect("stream");
        std::io::Write::write_all(&mut stream, &[0u8; 4096]).expect("write stream");
    }
    comp.flush().expect("flush");
}

/// One file as the reader alone gives it (nothing validated), every raw row kept.
#[derive(Debug)]
pub struct FileRows {
    /// The file, for the audit trail.
    pub input: InputFile,
    /// The data rows found under headers, in file order.
    pub rows: Vec<RawRow>,
    /// The reader's issues.
    pub issues: Vec<Issue>,
}

/// Reads one file through the reader the merge uses, keeping its raw rows for a test to look at.
pub fn read_file(path: &Path) -> FileRows {
    let mut rows = Vec::new();
    let read =
        planmerge::read::read_file_into(path, &Default::default(), &mut |raw| rows.push(raw));
    FileRows {
        input: read.input,
        rows,
        issues: read.issues.into_parts().0,
    }
}

/// `planmerge <args> --json` run in `dir`: (exit code, the JSON document or null, stderr).
pub fn run_json(dir: &Path, args: &[&str]) -> (i32, serde_json::Value, String) {
    let out = assert_cmd::Command::cargo_bin("planmerge")
        .expect("binary")
        .current_dir(dir)
        .args(args)
        .arg("--json")
        .output()
        .expect("run");
    let json = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code().unwrap_or(-1), json, stderr)
}

/// Asserts the seed report's every figure in a `--json` summary.
pub fn assert_seed_figures(json: &serde_json::Value) {
    let s = &json["summary"];
    let expected = [
        (22, 7, "2204600.00", "31.82"),
        (30, 19, "24000.00", "63.33"),
        (16, 7, "5808000.00", "43.75"),
        (13, 8, "500000.00", "61.54"),
    ];
    for (i, (projects, completed, budget, pct)) in expected.into_iter().enumerate() {
        let d = &s["dimensions"][i];
        assert_eq!(d["projects"], projects, "dimension {}", i + 1);
        assert_eq!(d["completed"], completed, "dimension {}", i + 1);
        assert_eq!(d["budget_plan"], budget, "dimension {}", i + 1);
        assert_eq!(d["budget_ordinance"], budget);
        assert_eq!(d["disbursed"], "0.00");
        assert_eq!(d["pct_projects"], pct);
    }
    assert_eq!(s["total"]["projects"], 81);
    assert_eq!(s["total"]["completed"], 41);
    assert_eq!(s["total"]["budget_plan"], "8536600.00");
    assert_eq!(s["total"]["pct_projects"], "50.62");
    let status = &s["status"];
    assert_eq!(status["total"], 81);
    assert_eq!(status["in_ordinance"], 20);
    assert_eq!(status["in_progress"], 40);
    assert_eq!(status["completed"], 41);
    assert_eq!(status["implementation_pct"], "67.78");
    assert_eq!(status["level"], "มาก");
}
