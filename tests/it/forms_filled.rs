//! The form `planmerge template` hands out, as clerks fill it in (QA, tenth session): formulas and
//! defaults dragged down its empty rows, columns of their own added, an AutoSum total row, the
//! dimension typed as `2.0`, an empty copy of its sheet. Each fixture is the form's layout
//! written by code: the title above, the template's own header on its row, the sheet โครงการ.

use crate::support::sheet::{codes, issues_coded};
use crate::support::{V, folder, run_json, t, write_cell};
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

/// Writes `กองคลัง.xlsx` into `dir`: each sheet the form's title block, header and rows.
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
    book.save(dir.join("กองคลัง.xlsx")).expect("save form");
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
