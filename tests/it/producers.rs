//! Workbooks as other programs and other language settings write them: a table's total row as
//! Thai Excel labels it (`ผลรวม`, with Count under the tick columns), amounts typed with the
//! baht sign (`฿55,300.00`).

use crate::support::sheet::codes;
use crate::support::{TICK_HEADER, V, WORDS_HEADER, folder, run_json, t, tick_row, write_book};

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
