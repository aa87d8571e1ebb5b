//! Workbooks as other programs and other language settings write them: a table's total row as
//! Thai Excel labels it (`ผลรวม`, with Count under the tick columns), amounts typed with the
//! baht sign (`฿55,300.00`), formulas as Python's XlsxWriter stores them (the result 0, to be
//! calculated when Excel opens the file), the error values of Excel 365's newer formulas
//! (`#SPILL!`, `#CALC!`).

use crate::support::sheet::{codes, issues_coded};
use crate::support::{
    TICK_HEADER, V, WORDS_HEADER, folder, run_json, t, tick_row, words_row, write_book,
    write_sheets,
};
use rust_xlsxwriter::{Formula, Workbook};

#[test]
fn a_tables_total_row_labelled_as_thai_excel_does_is_no_project() {
    for label in ["ผลรวม", "ผลรวมทั้งหมด", "Sum", "Totals"] {
        let dir = folder();
        let mut first = tick_row(1, "โครงการอบรมคุณธรรม", &[2]);
        first[3] = V::N(45000.75);
        let mut second = tick_row(2, "กิจกรรมเผยแพร่ข้อมูล", &[1]);
        second[3] = V::N(20000.0);
        // SUBTOTAL(109) under the money, SUBTOTAL(103) (Count) under each tick column.
        let total = vec![
            V::E,
            t(label),
            V::E,
            V::N(65000.75),
            V::N(0.0),
            V::N(0.0),
            V::N(1.0),
            V::N(1.0),
            V::N(0.0),
            V::E,
        ];
        write_book(
            &dir.path().join("กองคลัง.xlsx"),
            "มิติที่ 1",
            &TICK_HEADER,
            &[first, second, total],
        );
        let (code, json, _) = run_json(dir.path(), &["check", "."]);
        assert_eq!(code, 0, "{label}: {:?}", codes(&json));
        let total = &json["summary"]["total"];
        assert_eq!(total["projects"], 2, "{label}");
        assert_eq!(total["budget_plan"], "65000.75", "{label}");
        assert_eq!(total["completed"], 1, "{label}");
    }
}

#[test]
fn amounts_typed_with_the_baht_sign_are_read_as_baht() {
    let dir = folder();
    let row = |n: u32, budget: &str, disbursed: &str| {
        vec![
            V::N(n.into()),
            t(&format!("โครงการที่ {n}")),
            V::N(2.0),
            t(budget),
            t(disbursed),
            V::E,
            t("อยู่ระหว่างดำเนินการ"),
            V::E,
        ]
    };
    write_book(
        &dir.path().join("กองคลัง.xlsx"),
        "แผน",
        &WORDS_HEADER,
        &[
            row(1, "฿55,300.00", "฿ 1,000"),
            row(2, "20,000 ฿", "500.50฿"),
        ],
    );
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    let total = &json["summary"]["total"];
    assert_eq!(total["budget_plan"], "75300.00");
    assert_eq!(total["disbursed"], "1500.50");
}

/// A division's sheet as XlsxWriter (pandas, web exports) writes it: every formula's result
/// stored as 0, and `<calcPr fullCalcOnLoad="1"/>` so Excel calculates them on opening.
/// rust_xlsxwriter writes a formula without a result so too. A formula whose result the writer
/// gave (planmerge's samples, `set_result`) is read as given.
fn xlsxwriter_book(path: &std::path::Path) {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("แผน").expect("name");
    for (c, h) in WORDS_HEADER.iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("header");
    }
    let formula = |ws: &mut rust_xlsxwriter::Worksheet, r: u32, c: u16, f: &str| {
        ws.write_formula(r, c, Formula::new(f)).expect("formula");
    };
    // Row 2: the budget and the disbursed amount are formulas; row 3: the บรรจุ tick and the
    // status; row 4: its ลำดับ a formula, its budget a formula with its result given.
    for r in 1..=2u32 {
        ws.write_number(r, 0, f64::from(r)).expect("no");
        ws.write_string(r, 1, format!("โครงการที่ {r}"))
            .expect("name");
        ws.write_number(r, 2, 2.0).expect("dimension");
    }
    formula(ws, 1, 3, "=50000+5300");
    formula(ws, 1, 4, "=D2*0.5");
    ws.write_string(1, 6, "ดำเนินการแล้วเสร็จ").expect("status");
    ws.write_number(2, 3, 1000.0).expect("budget");
    ws.write_number(2, 4, 0.0).expect("disbursed");
    formula(ws, 2, 5, r#"=IF(TRUE,"✓","")"#);
    formula(ws, 2, 6, r#"=IF(TRUE,"อยู่ระหว่างดำเนินการ","")"#);
    // A ลำดับ made by a formula is no field a project needs: never an error.
    formula(ws, 3, 0, "=A3+1");
    ws.write_string(3, 1, "โครงการที่ 3").expect("name");
    ws.write_number(3, 2, 1.0).expect("dimension");
    ws.write_formula(3, 3, Formula::new("=2000+345").set_result("2345"))
        .expect("formula with result");
    ws.write_number(3, 4, 0.0).expect("disbursed");
    ws.write_string(3, 6, "อยู่ระหว่างดำเนินการ").expect("status");
    book.save(path).expect("save");
}

#[test]
fn formulas_xlsxwriter_stores_as_zero_are_formulas_without_a_value_not_zero() {
    let dir = folder();
    xlsxwriter_book(&dir.path().join("กองคลัง.xlsx"));
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    let cells: Vec<&str> = issues_coded(&json, "formula-no-value")
        .iter()
        .filter_map(|i| i["cell"].as_str())
        .collect();
    assert_eq!(cells, ["D2", "E2", "F3", "G3"], "{:?}", codes(&json));
    // Never read as 0, as unticked, as a status of "0".
    for code in ["money-blank", "status-unknown", "status-missing"] {
        assert!(
            issues_coded(&json, code).is_empty(),
            "{code}: {:?}",
            codes(&json)
        );
    }
    // The typed 0 and the formula whose result was given are read as they are.
    let total = &json["summary"]["total"];
    assert_eq!(total["projects"], 1, "{:?}", codes(&json));
    assert_eq!(total["budget_plan"], "2345.00");
    assert_eq!(total["disbursed"], "0.00");
}

/// Excel 365 saves a dynamic-array formula blocked by a typed cell as `#SPILL!`, a FILTER with
/// nothing to give as `#CALC!` (`<c t="e"><v>#SPILL!</v>`), and calamine knows neither: the whole
/// file was `file-unreadable`, every project of the division lost, no cell named (QA s12-5).
/// Now such a cell in a project's field is `formula-error` there, with its own text, and one
/// outside the table is nothing, as `#REF!` is; the rows before it are counted once.
#[test]
fn error_values_of_excel_365_are_formula_errors_at_their_cells_not_an_unreadable_file() {
    let dir = folder();
    let path = dir.path().join("กองคลัง.xlsx");
    let first = [
        words_row(1, "โครงการที่ 1", 1.0, 1000.0),
        words_row(2, "โครงการที่ 2", 2.0, 2000.0),
    ];
    let mut spilled = words_row(4, "โครงการที่ 4", 1.0, 0.0);
    spilled[3] = V::F("=1+1", "#REF!");
    // Beyond the header's columns (K), in a project's row: no field of it.
    let mut beside = words_row(3, "โครงการที่ 3", 3.0, 300.0);
    beside.extend([V::E, V::E, V::F("=2+2", "#NUM!")]);
    let second = [beside, spilled];
    write_sheets(
        &path,
        &[("แผน", &first[..]), ("แผนเพิ่ม", &second[..])],
        &WORDS_HEADER,
    );
    let bytes = std::fs::read(&path).expect("fixture");
    let edited = crate::support::hostile::rezip_named(&bytes, "sheet2.xml", |xml| {
        let xml = String::from_utf8(xml.to_vec()).expect("utf-8");
        assert!(
            xml.contains("<v>#REF!</v>") && xml.contains("<v>#NUM!</v>"),
            "{xml}"
        );
        xml.replace("<v>#REF!</v>", "<v>#SPILL!</v>")
            .replace("<v>#NUM!</v>", "<v>#CALC!</v>")
            .into_bytes()
    });
    std::fs::write(&path, edited).expect("edited");
    let (_, json, _) = run_json(dir.path(), &["check", "."]);
    assert!(
        issues_coded(&json, "file-unreadable").is_empty(),
        "{:?}",
        codes(&json)
    );
    let errors = issues_coded(&json, "formula-error");
    assert_eq!(errors.len(), 1, "{:?}", codes(&json));
    assert_eq!(errors[0]["sheet"], "แผนเพิ่ม");
    assert_eq!(errors[0]["cell"], "D3");
    let message = errors[0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("(#SPILL!)"), "{message}");
    let total = &json["summary"]["total"];
    assert_eq!(total["projects"], 3, "{:?}", codes(&json));
    assert_eq!(total["budget_plan"], "3300.00");
}
