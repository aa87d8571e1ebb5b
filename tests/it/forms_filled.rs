//! The form `planmerge template` hands out, as clerks fill it in (QA, tenth session): formulas and
//! defaults dragged down its empty rows, columns of their own added, an AutoSum total row, the
//! dimension typed as `2.0`, an empty copy of its sheet. Each fixture is the form's layout
//! written by code: the title above, the template's own header on its row, the sheet โครงการ.

use crate::support::sheet::{codes, issues_coded, saved_by_excel};
use crate::support::{V, folder, issue_coded, run_json, t, write_cell};
use planmerge::template::{DATA_SHEET, FIRST_DATA_ROW, HEADER_ROW, columns};
use rust_xlsxwriter::Workbook;
use std::path::Path;

/// One sheet of a form: its name, the header's texts (the template's own unless changed) and
/// the rows under it, from the form's first data row.
struct FormSheet {
    name: &'static str,
    header: Vec<String>,
    rows: Vec<Vec<V>>,
}

impl FormSheet {
    /// The form's sheet with the template's header, filled with `rows`.
    fn filled(rows: Vec<Vec<V>>) -> Self {
        FormSheet {
            name: DATA_SHEET,
            header: columns().iter().map(|c| c.header.to_string()).collect(),
            rows,
        }
    }
}

/// Writes `กองคลัง.xlsx` into `dir`: each sheet the form's title block, header and rows, as
/// Excel saves it (formulas calculated).
fn save_form(dir: &Path, sheets: &[FormSheet]) {
    let mut book = Workbook::new();
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(sheet.name).expect("sheet name");
        ws.write_string(0, 0, "แบบรายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต")
            .expect("title");
        ws.write_string(2, 0, "หน่วยงาน กองคลัง").expect("title");
        for (c, h) in sheet.header.iter().enumerate() {
            ws.write_string(HEADER_ROW, c as u16, h).expect("header");
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                write_cell(ws, FIRST_DATA_ROW + r as u32, c as u16, v);
            }
        }
    }
    let path = dir.join("กองคลัง.xlsx");
    book.save(&path).expect("save form");
    saved_by_excel(&path);
}

fn n(x: f64) -> V {
    V::N(x)
}

/// A project in the form's columns: ลำดับ, name, มิติ, plan and ordinance budget, disbursed,
/// บรรจุ, สถานะ, หมายเหตุ.
#[allow(clippy::too_many_arguments)]
fn project(
    number: u32,
    name: &str,
    dimension: V,
    budget: f64,
    disbursed: f64,
    in_ordinance: bool,
    status: &str,
    remark: &str,
) -> Vec<V> {
    let text_or_blank = |s: &str| if s.is_empty() { V::E } else { t(s) };
    vec![
        n(number.into()),
        t(name),
        dimension,
        n(budget),
        n(budget),
        n(disbursed),
        if in_ordinance { t("☑") } else { V::E },
        t(status),
        text_or_blank(remark),
    ]
}

/// QA's five projects (rows 7-11 of the form): 137,300.50 baht planned, 48,000.25 disbursed,
/// two completed.
fn five_projects() -> Vec<Vec<V>> {
    vec![
        project(
            1,
            "โครงการอบรมคุณธรรมจริยธรรมพนักงาน",
            n(1.0),
            50000.0,
            45000.0,
            true,
            "ดำเนินการแล้วเสร็จ",
            "",
        ),
        project(
            2,
            "มาตรการเผยแพร่ข้อมูลข่าวสารด้านการเงินการคลัง",
            n(2.0),
            0.0,
            0.0,
            false,
            "ดำเนินการแล้วเสร็จ",
            "",
        ),
        project(
            3,
            "กิจกรรมจัดทำแผนจัดหาพัสดุประจำปี",
            n(2.0),
            12000.5,
            3000.25,
            true,
            "อยู่ระหว่างดำเนินการ",
            "",
        ),
        project(
            4,
            "โครงการประชาคมรับฟังความคิดเห็นประชาชน",
            n(3.0),
            55300.0,
            0.0,
            true,
            "รอรายงาน",
            "",
        ),
        project(
            5,
            "มาตรการตรวจสอบภายในประจำปี",
            n(4.0),
            20000.0,
            0.0,
            false,
            "ไม่สามารถดำเนินการได้",
            "ไม่ได้รับงบประมาณ",
        ),
    ]
}

/// Asserts the five projects' figures, and nothing else counted.
fn assert_five_projects(json: &serde_json::Value) {
    let total = &json["summary"]["total"];
    assert_eq!(total["projects"], 5, "{:?}", codes(json));
    assert_eq!(total["completed"], 2);
    assert_eq!(total["budget_plan"], "137300.50");
    assert_eq!(total["budget_ordinance"], "137300.50");
    assert_eq!(total["disbursed"], "48000.25");
    let per_dimension: Vec<_> = (0..4)
        .map(|d| json["summary"]["dimensions"][d]["projects"].clone())
        .collect();
    assert_eq!(per_dimension, [1, 2, 1, 1]);
    assert_eq!(json["inputs"][0]["counted"], 5);
}

/// The dimension as clerks type it into a cell formatted as text: `2.0` (a number typed with
/// its decimals), `2.`, `๒.` are dimension 2 and name no sub-dimension; `2.1` keeps its code.
#[test]
fn a_dimension_typed_with_its_point_is_the_dimension_and_no_sub_dimension() {
    let dir = folder();
    let typed = |number: u32, dimension: &str| {
        let name = format!("โครงการมิติแบบที่ {number}");
        project(
            number,
            &name,
            t(dimension),
            100.0,
            0.0,
            false,
            "รอรายงาน",
            "",
        )
    };
    let rows = vec![
        typed(1, "2.0"),
        typed(2, "2."),
        typed(3, "๒."),
        typed(4, "2.1"),
        typed(5, "มิติที่ 2."),
    ];
    save_form(dir.path(), &[FormSheet::filled(rows)]);
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    assert!(issues_coded(&json, "dimension-invalid").is_empty());
    assert_eq!(json["summary"]["dimensions"][1]["projects"], 5);

    let merged = planmerge::read_and_validate(&[dir.path().join("กองคลัง.xlsx")]);
    let listed: Vec<(u8, Option<&str>)> = merged
        .projects
        .iter()
        .map(|p| (p.dimension.into(), p.dimension_code.as_deref()))
        .collect();
    assert_eq!(
        listed,
        [(2, None), (2, None), (2, None), (2, Some("2.1")), (2, None)]
    );
}

/// A column a clerk adds: its header, and its value from a project's row.
type Added<'a> = (&'a str, fn(&[V]) -> V);

/// The form with columns of a clerk's own inserted after เบิกจ่าย (F), from G on, each header
/// with its values for the five projects.
fn with_columns_inserted(inserted: &[Added]) -> FormSheet {
    let mut form = FormSheet::filled(five_projects());
    for (k, (header, value)) in inserted.iter().enumerate() {
        form.header.insert(6 + k, header.to_string());
        for row in &mut form.rows {
            let v = value(row);
            row.insert(6 + k, v);
        }
    }
    form
}

fn amount(v: &V) -> f64 {
    match v {
        V::N(x) => *x,
        _ => 0.0,
    }
}

/// `งบประมาณคงเหลือ (บาท)`, `ร้อยละการเบิกจ่าย`, `วันที่เบิกจ่าย` hold a field's word but are
/// another quantity: their columns are none of the project's, and the file reads as the five
/// projects it holds (they were `header-duplicate`, the file refused).
#[test]
fn columns_of_what_is_left_a_share_or_a_date_are_not_the_budget_or_disbursed() {
    let dir = folder();
    let remaining = |row: &[V]| n(amount(&row[4]) - amount(&row[5]));
    let percent = |row: &[V]| match amount(&row[3]) {
        0.0 => n(0.0),
        budget => n((amount(&row[5]) / budget * 10_000.0).round() / 100.0),
    };
    let date = |_: &[V]| t("15 ม.ค. 2565");
    let form = with_columns_inserted(&[
        ("งบประมาณคงเหลือ (บาท)", remaining),
        ("ร้อยละการเบิกจ่าย", percent),
        ("วันที่เบิกจ่าย", date),
    ]);
    save_form(dir.path(), &[form]);
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    assert!(issues_coded(&json, "header-duplicate").is_empty());
    assert_five_projects(&json);
    let columns = json["inputs"][0]["tables"][0]["columns"].to_string();
    assert!(columns.contains("F → เบิกจ่าย"), "{columns}");
    assert!(columns.contains("J → บรรจุในข้อบัญญัติ"), "{columns}");
    assert!(columns.contains("K → สถานะ"), "{columns}");
    for other in ["G", "H", "I"] {
        // Said not read, so no column seems overlooked.
        assert!(
            columns.contains(&format!("{other} → ไม่อ่าน")),
            "{other} in {columns}"
        );
    }
}

/// A second column that is the budget after all is still `header-duplicate`, and its message
/// quotes both columns' header texts, so the clerk sees which two clash.
#[test]
fn a_duplicate_header_quotes_the_texts_of_the_columns_it_names() {
    let dir = folder();
    let reserve = |row: &[V]| n(amount(&row[3]));
    let form = with_columns_inserted(&[("งบประมาณสำรอง (บาท)", reserve)]);
    save_form(dir.path(), &[form]);
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    let duplicate = issue_coded(&json, "header-duplicate");
    assert_eq!(duplicate["cell"], "G6");
    assert_eq!(
        duplicate["message"],
        "หัวตารางมีคอลัมน์ \"งบประมาณ\" ซ้ำกัน (คอลัมน์ D \"งบประมาณตามแผน (บาท)\", \
         G \"งบประมาณสำรอง (บาท)\") จึงไม่รู้ว่าควรอ่านคอลัมน์ใด · the header has the column \
         \"งบประมาณ\" more than once (columns D \"งบประมาณตามแผน (บาท)\", G \"งบประมาณสำรอง (บาท)\"), \
         so which to read cannot be told"
    );
}

/// An empty copy of the form's sheet beside the one filled in is no wrong file: the note
/// `table-unused` names the sheet that holds the projects (it was `table-empty`, "check you
/// sent the right file"). A form sent with no project at all is still `table-empty`.
#[test]
fn an_empty_copy_of_the_forms_sheet_beside_the_filled_one_is_a_note() {
    let dir = folder();
    let copy = FormSheet {
        name: "โครงการ (2)",
        ..FormSheet::filled(Vec::new())
    };
    save_form(dir.path(), &[FormSheet::filled(five_projects()), copy]);
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    assert!(issues_coded(&json, "table-empty").is_empty());
    let unused = issue_coded(&json, "table-unused");
    assert_eq!(unused["severity"], "note");
    assert_eq!(unused["sheet"], "โครงการ (2)");
    assert_eq!(unused["cell"], "");
    assert_eq!(
        unused["message"],
        "แผ่นงานนี้มีหัวตารางโครงการแต่ไม่มีโครงการ ส่วนโครงการของไฟล์นี้อยู่ในแผ่นงาน \"โครงการ\" · \
         a project table header with no project under it; this file's projects are on the sheet \"โครงการ\""
    );
    assert!(
        unused["fix"]
            .as_str()
            .is_some_and(|f| f.starts_with("ถ้าเป็นสำเนาที่ไม่ได้ใช้ ไม่ต้องทำอะไร")),
        "{}",
        unused["fix"]
    );
    assert_five_projects(&json);

    let alone = folder();
    save_form(alone.path(), &[FormSheet::filled(Vec::new())]);
    let (_, json, _) = run_json(alone.path(), &["check", "."]);
    let empty = issue_coded(&json, "table-empty");
    assert_eq!(empty["sheet"], DATA_SHEET);
    assert!(
        empty["fix"]
            .as_str()
            .is_some_and(|f| f.starts_with("ตรวจว่าส่งไฟล์ถูกฉบับ"))
    );
    assert!(issues_coded(&json, "table-unused").is_empty());
}

/// `status-missing`'s fix speaks of the layout the sheet uses: on the form (one column of
/// words) the four words, on a sheet of four tick columns a tick — never the tick on a form
/// that has none.
#[test]
fn a_missing_status_is_told_in_the_sheets_own_layout() {
    let dir = folder();
    let mut rows = five_projects();
    rows[2][7] = V::E;
    save_form(dir.path(), &[FormSheet::filled(rows)]);
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1);
    let missing = issue_coded(&json, "status-missing");
    assert_eq!(missing["cell"], "H9");
    assert_eq!(
        missing["fix"],
        "เลือกหรือพิมพ์สถานะหนึ่งในสี่ในช่องสถานะ: รอรายงาน อยู่ระหว่างดำเนินการ ดำเนินการแล้วเสร็จ \
         หรือไม่สามารถดำเนินการได้ · write (or pick from the list) one of the four statuses in the \
         status cell"
    );

    let ticks = folder();
    let row = crate::support::tick_row(1, "โครงการไม่ได้ติ๊กสถานะ", &[]);
    crate::support::write_book(
        &ticks.path().join("กองคลัง.xlsx"),
        "แผน",
        &crate::support::TICK_HEADER,
        &[row],
    );
    let (code, json, _) = run_json(ticks.path(), &["check", "."]);
    assert_eq!(code, 1);
    let missing = issue_coded(&json, "status-missing");
    assert_eq!(missing["cell"], "F2");
    assert_eq!(
        missing["fix"],
        "ติ๊ก ☑ ในคอลัมน์สถานะช่องเดียว (รอรายงาน อยู่ระหว่างดำเนินการ ดำเนินการแล้วเสร็จ \
         หรือไม่สามารถดำเนินการได้) · tick exactly one of the four status columns"
    );
}

/// `=D7` typed in E7 and dragged down the form to E106, re-saved so the empty rows show 0: those
/// 95 rows are one grouped `row-not-project`, and the figures are the five projects' (each such
/// row was `name-missing`, `dimension-missing`, `status-missing` and two `money-blank`).
#[test]
fn a_formula_dragged_down_the_forms_empty_rows_leaves_them_no_projects() {
    let dir = folder();
    let mut rows = five_projects();
    for (i, row) in rows.iter_mut().enumerate() {
        let r = FIRST_DATA_ROW as usize + 1 + i;
        let cached = match &row[3] {
            V::N(x) => x.to_string(),
            _ => String::new(),
        };
        row[4] = V::F(leak(format!("=D{r}")), leak(cached));
    }
    for r in 12..=106 {
        let mut empty = vec![V::E; 9];
        empty[4] = V::F(leak(format!("=D{r}")), "0");
        rows.push(empty);
    }
    save_form(dir.path(), &[FormSheet::filled(rows)]);
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    let not_projects = issues_coded(&json, "row-not-project");
    assert_eq!(not_projects.len(), 1, "{:?}", codes(&json));
    assert_eq!(not_projects[0]["severity"], "warning");
    assert_eq!(not_projects[0]["cell"], "E12:E106 (95 ช่อง)");
    for code in [
        "name-missing",
        "dimension-missing",
        "status-missing",
        "money-blank",
    ] {
        assert!(issues_coded(&json, code).is_empty(), "{code}");
    }
    assert_five_projects(&json);
    assert_eq!(json["inputs"][0]["rows"], 100);
}

/// A formula's text for a fixture cell (the fixture writer takes `&'static str`).
fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

/// A 0 typed into an empty row's ordinance budget, and รอรายงาน filled down the status column
/// of rows numbered in advance: rows of the form's defaults, one warning per column, nothing
/// counted from them.
#[test]
fn zeros_and_the_default_status_filled_down_empty_rows_are_no_projects() {
    let dir = folder();
    let mut rows = five_projects();
    for _ in 12..=14 {
        let mut zero = vec![V::E; 9];
        zero[4] = n(0.0);
        rows.push(zero);
    }
    for number in 9..=20 {
        let mut waiting = vec![V::E; 9];
        waiting[0] = n(number.into());
        waiting[3] = t("0");
        waiting[5] = n(0.0);
        waiting[6] = V::F("FALSE", "FALSE");
        waiting[7] = t("รอรายงาน");
        rows.push(waiting);
    }
    save_form(dir.path(), &[FormSheet::filled(rows)]);
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    let cells: Vec<_> = issues_coded(&json, "row-not-project")
        .iter()
        .map(|i| i["cell"].clone())
        .collect();
    assert_eq!(
        cells,
        ["E12:E14 (3 ช่อง)", "A15:A26 (12 ช่อง)"],
        "{:?}",
        codes(&json)
    );
    let waiting = issues_coded(&json, "row-not-project")[1];
    let message = waiting["message"].as_str().unwrap_or_default();
    assert!(
        message.starts_with("แถวนี้ไม่มีชื่อโครงการหรือมิติ")
            && message.contains("(พบ \"9 0 0 FALSE รอรายงาน\")"),
        "{message}"
    );
    assert_five_projects(&json);
    assert_eq!(json["summary"]["status"]["waiting"], 1);
}

/// A row with no name and no dimension is still a project to be told what it lacks when it holds
/// anything a clerk typed on purpose: an amount other than 0, a tick, a remark, another status.
/// None of them is dropped.
#[test]
fn a_nameless_row_with_an_amount_a_tick_a_remark_or_another_status_is_still_refused() {
    let dir = folder();
    let mut rows = five_projects();
    let blank_row = || {
        let mut row = vec![V::E; 9];
        row[3] = n(0.0);
        row[4] = n(0.0);
        row[5] = n(0.0);
        row[7] = t("รอรายงาน");
        row
    };
    let mut amount = blank_row();
    amount[3] = n(500.0);
    amount[4] = n(500.0);
    let mut tick = blank_row();
    tick[6] = t("☑");
    let mut remark = blank_row();
    remark[8] = t("รอเบิกงวดสุดท้าย");
    let mut status = blank_row();
    status[7] = t("ดำเนินการแล้วเสร็จ");
    rows.extend([amount, tick, remark, status]);
    save_form(dir.path(), &[FormSheet::filled(rows)]);
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    assert!(issues_coded(&json, "row-not-project").is_empty());
    let cells = |code: &str| -> Vec<String> {
        issues_coded(&json, code)
            .iter()
            .map(|i| i["cell"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(cells("name-missing"), ["B12", "B13", "B14", "B15"]);
    assert_eq!(cells("dimension-missing"), ["C12", "C13", "C14", "C15"]);
    assert_eq!(json["summary"]["total"]["projects"], 5);
}

/// A total row as AutoSum leaves it under the money columns: `=SUM(D7:D11)` and its cached sum,
/// nothing else in the row.
fn autosum_row(first: usize, last: usize, sums: [&'static str; 3]) -> Vec<V> {
    let mut row = vec![V::E; 9];
    for (k, (col, sum)) in ["D", "E", "F"].iter().zip(sums).enumerate() {
        row[3 + k] = V::F(leak(format!("=SUM({col}{first}:{col}{last})")), sum);
    }
    row
}

/// An AutoSum row under the projects with no total word (row 12: `=SUM(D7:D11)` in D, E, F) is
/// set aside as a total, said once at its name cell with what to do, and never counted (it was
/// `name-missing`, `dimension-missing`, `status-missing`).
#[test]
fn an_autosum_row_without_its_word_is_a_total_not_a_nameless_project() {
    let dir = folder();
    let mut rows = five_projects();
    rows.push(autosum_row(7, 11, ["137300.5", "137300.5", "48000.25"]));
    save_form(dir.path(), &[FormSheet::filled(rows)]);
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    let totals = issues_coded(&json, "total-row-unlabelled");
    assert_eq!(totals.len(), 1, "{:?}", codes(&json));
    let total = totals[0];
    assert_eq!(total["severity"], "warning");
    assert_eq!(total["cell"], "B12");
    assert_eq!(
        total["message"],
        "แถวนี้ไม่มีชื่อโครงการ มีแต่ยอดรวมของโครงการในแถวข้างบน (D12 137,300.50 บาท, \
         E12 137,300.50 บาท, F12 48,000.25 บาท) จึงอ่านเป็นแถวรวมและไม่นับ · this row has no \
         project name, only the sums of the projects above it (D12 137,300.50 baht, \
         E12 137,300.50 baht, F12 48,000.25 baht), so it is read as a total row and not counted"
    );
    assert_eq!(
        total["fix"],
        "ถ้าเป็นแถวรวม ให้พิมพ์คำว่า รวม ในช่องรายการโครงการของแถวนี้ หรือลบแถวนี้ ถ้าเป็นโครงการ \
         ให้กรอกชื่อ มิติ และสถานะ · if it is a total, type รวม in its name cell or delete the row; \
         if it is a project, fill in its name, dimension and status"
    );
    for code in ["name-missing", "dimension-missing", "status-missing"] {
        assert!(issues_coded(&json, code).is_empty(), "{code}");
    }
    assert_five_projects(&json);
    let table = &json["inputs"][0]["tables"][0];
    assert_eq!(table["rows_read"], 5);
    assert_eq!(table["skipped"][0]["row"], 12);
}

/// Subtotals without their word after each group, and the grand total at the end: each is the
/// sum since the previous total (or, the last, since the header), each said, none counted.
#[test]
fn subtotals_and_a_grand_total_without_their_word_are_totals() {
    let dir = folder();
    let projects = five_projects();
    let mut rows = projects[..2].to_vec();
    rows.push(autosum_row(7, 8, ["50000", "50000", "45000"]));
    rows.extend_from_slice(&projects[2..]);
    rows.push(autosum_row(10, 12, ["87300.5", "87300.5", "3000.25"]));
    rows.push(autosum_row(7, 13, ["137300.5", "137300.5", "48000.25"]));
    save_form(dir.path(), &[FormSheet::filled(rows)]);
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    let cells: Vec<_> = issues_coded(&json, "total-row-unlabelled")
        .iter()
        .map(|i| i["cell"].clone())
        .collect();
    assert_eq!(cells, ["B9", "B13", "B14"]);
    assert_five_projects(&json);
}

/// Only a row whose every amount is exactly such a sum is a total: one off by a satang, or one
/// with a status, a ลำดับ or a tick, stays a project and is told what it lacks.
#[test]
fn a_nameless_row_that_is_not_exactly_a_total_is_still_refused() {
    let sums = ["137300.5", "137300.5", "48000.25"];
    let off_by_a_satang = autosum_row(7, 11, ["137300.49", "137300.5", "48000.25"]);
    let mut with_status = autosum_row(7, 11, sums);
    with_status[7] = t("ดำเนินการแล้วเสร็จ");
    let mut numbered = autosum_row(7, 11, sums);
    numbered[0] = n(6.0);
    let mut ticked = autosum_row(7, 11, sums);
    ticked[6] = t("☑");
    for (what, row) in [
        ("off by a satang", off_by_a_satang),
        ("a status", with_status),
        ("a ลำดับ", numbered),
        ("a tick", ticked),
    ] {
        let dir = folder();
        let mut rows = five_projects();
        rows.push(row);
        save_form(dir.path(), &[FormSheet::filled(rows)]);
        let (code, json, _) = run_json(dir.path(), &["check", "."]);
        assert_eq!(code, 1, "{what}: {:?}", codes(&json));
        assert!(
            issues_coded(&json, "total-row-unlabelled").is_empty(),
            "{what}"
        );
        assert_eq!(issue_coded(&json, "name-missing")["cell"], "B12", "{what}");
    }
}
