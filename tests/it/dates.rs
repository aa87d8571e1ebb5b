//! Dates in a division's workbook: Excel turns `1/3` typed into a money cell into the date
//! 1 March, stored as the number 45,717. Such a cell is refused as a date (`money-is-date`),
//! never read as 45,717 baht; a date in หมายเหตุ reaches the summary as Thai staff write it
//! (`31 มีนาคม 2565`), not as 44651. The same from .xlsx, .xls and .ods.

use crate::support::hostile::soffice_convert;
use crate::support::{V, WORDS_HEADER, folder, run_json, t, words_row};
use calamine::{Data, Reader, open_workbook_auto};
use rust_xlsxwriter::{Format, Workbook};
use std::path::{Path, PathBuf};

/// 31 March 2022 (Excel's serial number).
const MARCH_31_2022: f64 = 44651.0;
/// 1 March 2025.
const MARCH_1_2025: f64 = 45717.0;

/// The committed conversions of [`dated_book`] (LibreOffice cannot be run in CI).
fn fixture(ext: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/formats/กองวันที่.{ext}"))
}

/// A words-layout workbook, sheet `แผน`: project 1 with the date 31 March 2022 in หมายเหตุ
/// (`d/m/yyyy`), project 2 with the date 1 March 2025 as its budget (`d-mmm`, as Excel formats
/// `1-3` typed), project 3 with its budget in Thai Excel's baht accounting format (a currency in
/// brackets, no date). `skip_bad` leaves project 2 out.
fn dated_book(path: &Path, skip_bad: bool) {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("แผน").expect("name");
    for (c, h) in WORDS_HEADER.iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("header");
    }
    let day = Format::new().set_num_format("d/m/yyyy");
    let day_month = Format::new().set_num_format("d-mmm");
    let mut row = 1;
    let mut put = |cells: Vec<V>, date: Option<(u16, f64, &Format)>| {
        for (c, v) in cells.iter().enumerate() {
            crate::support::hostile::put(ws, row, c as u16, v).expect("cell");
        }
        if let Some((col, serial, format)) = date {
            ws.write_number_with_format(row, col, serial, format)
                .expect("date");
        }
        row += 1;
    };
    put(
        words_row(1, "โครงการมีวันที่ในหมายเหตุ", 1.0, 5000.0),
        Some((7, MARCH_31_2022, &day)),
    );
    if !skip_bad {
        let mut bad = words_row(2, "โครงการงบประมาณเป็นวันที่", 2.0, 0.0);
        bad[3] = V::E;
        put(bad, Some((3, MARCH_1_2025, &day_month)));
    }
    let baht = Format::new().set_num_format(
        "_-[$฿-th-TH]* #,##0.00_-;-[$฿-th-TH]* #,##0.00_-;_-[$฿-th-TH]* \"-\"??_-;_-@_-",
    );
    let mut plain = words_row(3, "โครงการธรรมดา", 3.0, 0.0);
    plain[7] = t("ไม่มีวันที่");
    put(plain, Some((3, 1000.0, &baht)));
    book.save(path).expect("save");
}

/// Each issue of a file (code, first cell, the date found in a money cell) and the remarks of
/// the projects it gives.
fn read_dates(path: &Path) -> (Vec<(String, String, String)>, Vec<String>) {
    let merged = planmerge::read_and_validate(&[path.to_path_buf()]);
    let issues = merged
        .issues
        .iter()
        .map(|i| {
            let found = match &i.problem {
                planmerge::issue::Problem::MoneyIsDate { found, .. } => found.clone(),
                _ => String::new(),
            };
            let cell = i.cells().first().cloned().unwrap_or_default();
            (i.problem.code().to_string(), cell, found)
        })
        .collect();
    let remarks = merged.projects.iter().map(|p| p.remark.clone()).collect();
    (issues, remarks)
}

#[test]
fn a_date_in_a_money_cell_is_refused_at_its_cell_and_a_date_remark_reads_as_a_thai_date() {
    let dir = folder();
    let xlsx = dir.path().join("กองวันที่.xlsx");
    dated_book(&xlsx, false);
    let expected_remarks = ["31 มีนาคม 2565", "ไม่มีวันที่"];
    for path in [xlsx.clone(), fixture("xls"), fixture("ods")] {
        let (issues, remarks) = read_dates(&path);
        assert_eq!(remarks, expected_remarks, "{}", path.display());
        let refused: Vec<_> = issues.iter().filter(|i| i.0 == "money-is-date").collect();
        assert_eq!(
            refused,
            [&(
                "money-is-date".to_string(),
                "D3".to_string(),
                "1 มีนาคม 2568".to_string()
            )],
            "{}: {issues:?}",
            path.display()
        );
    }

    // The merge refuses the file, and says so in Thai at the cell.
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1);
    let issue = crate::support::issue_coded(&json, "money-is-date");
    assert_eq!(issue["severity"], "error");
    assert_eq!(issue["cell"], "D3");
    let message = issue["message"].as_str().unwrap_or_default();
    assert!(message.starts_with("งบประมาณ"), "{message}");
    assert!(message.contains("เป็นวันที่ (1 มีนาคม 2568)"), "{message}");
}

#[test]
fn a_date_remark_reaches_the_summary_as_a_thai_date_and_the_figures_ignore_it() {
    let dir = folder();
    dated_book(&dir.path().join("กองวันที่.xlsx"), true);
    let (code, json, stderr) = run_json(dir.path(), &["merge", "."]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["summary"]["total"]["projects"], 2);
    assert_eq!(json["summary"]["total"]["budget_plan"], "6000.00");
    let output = json["output"].as_str().expect("output path");
    let mut book = open_workbook_auto(dir.path().join(output)).expect("summary");
    let list = book.worksheet_range("รายการโครงการ").expect("list");
    let remarks: Vec<String> = list
        .rows()
        .filter(|r| matches!(r.first(), Some(Data::Float(_) | Data::Int(_))))
        .map(|r| r.get(11).map(|c| c.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(remarks, ["31 มีนาคม 2565", "ไม่มีวันที่"]);
}

/// Makes the committed .xls and .ods of [`dated_book`] (LibreOffice converts). Run with
/// `cargo test --test it -- --ignored dates::regenerate_date_fixtures` after changing it.
#[test]
#[ignore = "needs LibreOffice; rewrites tests/fixtures/formats/กองวันที่.*"]
fn regenerate_date_fixtures() {
    let work = tempfile::tempdir().expect("tempdir");
    let xlsx = work.path().join("กองวันที่.xlsx");
    dated_book(&xlsx, false);
    for ext in ["xls", "ods"] {
        let out = soffice_convert(&xlsx, ext, work.path()).expect("LibreOffice conversion");
        std::fs::copy(&out, fixture(ext)).expect("copy fixture");
    }
}

/// A date-formatted cell holding no date of Excel's is what Excel shows, `########`, never a
/// number: a budget of 3,000,000 typed into a column formatted as dates is refused as a date
/// (not counted as baht), and a forged `-1e300` (which chrono's date arithmetic would overflow
/// on) crashes nothing.
#[test]
fn a_date_cell_beyond_excel_dates_shows_hashes_and_is_never_money() {
    let dir = folder();
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in WORDS_HEADER.iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("header");
    }
    let day = Format::new().set_num_format("d/m/yyyy");
    for (r, budget) in [(1u32, 3_000_000.0), (2, -1e300)] {
        for (c, v) in words_row(r, "โครงการ", 1.0, 0.0).iter().enumerate() {
            crate::support::hostile::put(ws, r, c as u16, v).expect("cell");
        }
        ws.write_string(r, 1, format!("โครงการ {r}")).expect("name");
        ws.write_number_with_format(r, 3, budget, &day)
            .expect("budget");
        ws.write_number_with_format(r, 7, 1e300, &day)
            .expect("remark");
    }
    book.save(dir.path().join("กองวันที่.xlsx")).expect("save");
    let (code, json, stderr) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let refused: Vec<_> = json["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .filter(|i| i["code"] == "money-is-date")
        .map(|i| i["cell"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(refused, ["D2", "D3"]);
    let message = crate::support::issue_coded(&json, "money-is-date")["message"]
        .as_str()
        .unwrap_or_default();
    assert!(message.contains("(########)"), "{message}");
    assert_eq!(json["summary"]["total"]["budget_plan"], "0.00");
}

/// Dates as web tools store them (`t="d"`, an ISO moment in UTC, as SheetJS writes), and a
/// B.E. year typed on a computer set to the Gregorian calendar: the remark is the day an
/// office in Thailand sees, never left out.
#[test]
fn a_date_stored_as_a_moment_in_utc_or_typed_in_be_reads_as_the_day_thailand_sees() {
    let dir = folder();
    let path = dir.path().join("กองเว็บ.xlsx");
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("แผน").expect("name");
    for (c, h) in WORDS_HEADER.iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("header");
    }
    let placeholders = [111.125, 222.125, 333.125];
    for (i, placeholder) in placeholders.iter().enumerate() {
        let row = i as u32 + 1;
        let cells = words_row(row, &format!("โครงการที่ {row}"), 1.0, 1000.0);
        for (c, v) in cells.iter().enumerate() {
            crate::support::hostile::put(ws, row, c as u16, v).expect("cell");
        }
        ws.write_number(row, 7, *placeholder).expect("placeholder");
    }
    book.save(&path).expect("save");
    let bytes = std::fs::read(&path).expect("read");
    let stored = crate::support::hostile::rezip_named(&bytes, "sheet1.xml", |xml| {
        String::from_utf8_lossy(xml)
            .replace(
                "><v>111.125</v>",
                r#" t="d"><v>2024-03-14T17:00:00.000Z</v>"#,
            )
            .replace(
                "><v>222.125</v>",
                r#" t="d"><v>2024-03-15T09:30:00+07:00</v>"#,
            )
            .replace("><v>333.125</v>", r#" t="d"><v>2567-03-15T00:00:00</v>"#)
            .into_bytes()
    });
    std::fs::write(&path, stored).expect("write");
    let (issues, remarks) = read_dates(&path);
    assert_eq!(
        remarks,
        ["15 มีนาคม 2567", "15 มีนาคม 2567 09:30", "15 มีนาคม 2567"],
        "{issues:?}"
    );
}
