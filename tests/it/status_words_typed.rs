//! A status typed as words in one สถานะ column, as QA found it (ninth session): "done" only in
//! part or with a negation right after it, ไม่สามารถ before another verb, two statuses joined by
//! a dash or slash from another keyboard, notes cut from the middle of a word, and tick columns
//! numbered under a merged สถานะ header. Each is counted as the clerk meant it or refused at its
//! cell, never guessed. Every fixture is built here, by code.

use crate::common::ReadBack;
use crate::support::sheet::{Sheet, codes, issues_coded, n};
use crate::support::{V, folder, folder_with_rows, run_json, t, words_row};

/// A words-layout row (A ลำดับ … G สถานะ, H หมายเหตุ; dimension 1, budget 100) with `status`
/// typed in G and `remark` in H.
fn typed(no: u32, status: &str, remark: &str) -> Vec<V> {
    let mut row = words_row(no, &format!("โครงการสถานะ {no:02}"), 1.0, 100.0);
    row[6] = t(status);
    if !remark.is_empty() {
        row[7] = t(remark);
    }
    row
}

/// The status cells of the fixture, from row 2 on, with what each remark holds.
const CELLS: [(&str, &str); 19] = [
    // Done only in part: refused.
    ("ดำเนินการแล้วเสร็จ 50%", ""),
    ("ดำเนินการแล้วเสร็จไปบ้าง", ""),
    ("แล้วเสร็จเพียงบางกิจกรรม", ""),
    ("เสร็จ 60%", ""),
    ("แล้วเสร็จไปแล้ว 3 ใน 5 กิจกรรม", ""),
    // The whole of it: done.
    ("แล้วเสร็จ 100%", ""),
    // A negation right after the done word: refused.
    ("เสร็จไม่ทัน", ""),
    ("เสร็จไม่ทันกำหนด", ""),
    // ไม่สามารถ before another verb: the in-progress phrase is the status.
    ("ไม่สามารถเบิกจ่ายได้ อยู่ระหว่างดำเนินการ", "รอการอนุมัติจากจังหวัด"),
    ("ไม่สามารถระบุได้", ""),
    // Two statuses, joined by an em dash, a minus, a full-width slash, an ideographic comma.
    ("ดำเนินการแล้วเสร็จ — อยู่ระหว่างดำเนินการ", ""),
    ("ดำเนินการแล้วเสร็จ \u{2212} อยู่ระหว่างดำเนินการ", ""),
    ("ดำเนินการแล้วเสร็จ ／ อยู่ระหว่างดำเนินการ", ""),
    ("ดำเนินการแล้วเสร็จ、อยู่ระหว่างดำเนินการ", ""),
    // Notes never cut from a word.
    ("เสร็จสิ้นแล้ว", ""),
    ("รอรายงานผล", ""),
    ("อยู่ระหว่างจัดซื้อ", ""),
    ("ดำเนินการแล้วเสร็จ — ส่งรายงานแล้ว", ""),
    ("ไม่สามารถดำเนินการได้ เนื่องจากไม่ได้รับงบประมาณ", ""),
];

#[test]
fn typed_statuses_done_in_part_negated_or_joined_are_refused_and_notes_are_whole() {
    let rows: Vec<Vec<V>> = (CELLS.iter().enumerate())
        .map(|(i, (status, remark))| typed(i as u32 + 1, status, remark))
        .collect();
    let (dir, _) = folder_with_rows(&rows);
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));

    let cells = |code: &str| -> Vec<String> {
        let mut cells: Vec<String> = issues_coded(&json, code)
            .iter()
            .map(|i| i["cell"].as_str().unwrap_or_default().to_string())
            .collect();
        cells.sort_by_key(|c| c[1..].parse::<u32>().unwrap_or(0));
        cells
    };
    assert_eq!(
        cells("status-unknown"),
        ["G2", "G3", "G4", "G5", "G6", "G8", "G9", "G11"],
        "{:?}",
        codes(&json)
    );
    assert_eq!(cells("status-multiple"), ["G12", "G13", "G14", "G15"]);
    assert!(
        issues_coded(&json, "cannot-without-reason").is_empty(),
        "{:?}",
        codes(&json)
    );

    // Counted: แล้วเสร็จ 100%, เสร็จสิ้นแล้ว and ดำเนินการแล้วเสร็จ — ส่งรายงานแล้ว done; the two in
    // progress; รอรายงานผล waiting; the one that cannot, with its reason.
    let status = &json["summary"]["status"];
    assert_eq!(status["total"], 7);
    assert_eq!(status["completed"], 3);
    assert_eq!(status["in_progress"], 2);
    assert_eq!(status["waiting"], 1);
    assert_eq!(status["cannot"], 1);
    let first = &json["summary"]["dimensions"][0];
    assert_eq!(first["projects"], 7);
    assert_eq!(first["completed"], 3);
    assert_eq!(first["pct_projects"], "42.86");

    // The remarks in the draft's list: each note whole, as typed.
    let (code, json, _) = run_json(dir.path(), &["merge", ".", "--draft"]);
    assert_eq!(code, 1);
    assert!(json["output"].is_string(), "a draft with --draft");
    let mut book = ReadBack::open(&dir.path().join("summary.xlsx"));
    let listed: Vec<(String, String)> = (0..40)
        .map(|row| {
            (
                book.text("รายการโครงการ", row, 1),
                book.text("รายการโครงการ", row, 11),
            )
        })
        .filter(|(name, _)| name.starts_with("โครงการสถานะ"))
        .collect();
    let expected = [
        ("โครงการสถานะ 06", "100%"),
        ("โครงการสถานะ 09", "ไม่สามารถเบิกจ่ายได้; รอการอนุมัติจากจังหวัด"),
        ("โครงการสถานะ 15", ""),
        ("โครงการสถานะ 16", ""),
        ("โครงการสถานะ 17", "อยู่ระหว่างจัดซื้อ"),
        ("โครงการสถานะ 18", "ส่งรายงานแล้ว"),
        ("โครงการสถานะ 19", "เนื่องจากไม่ได้รับงบประมาณ"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(name, remark)| (name.to_string(), remark.to_string()))
        .collect();
    assert_eq!(listed, expected);
}

#[test]
fn numbered_tick_labels_under_a_merged_status_header_are_their_statuses() {
    // ลำดับ | ชื่อโครงการ | มิติ | งบประมาณ | เบิกจ่าย | สถานะ over F:I | หมายเหตุ, the four tick
    // columns numbered beneath it as the form's own list numbers them.
    let labels = [
        "1. รอรายงาน",
        "2) อยู่ระหว่างดำเนินการ",
        "๓. ดำเนินการแล้วเสร็จ",
        "4. ไม่สามารถดำเนินการได้",
    ];
    let mut rows = vec![
        ["ลำดับ", "ชื่อโครงการ", "มิติ", "งบประมาณ", "เบิกจ่าย", "สถานะ"]
            .iter()
            .map(|h| t(h))
            .chain([V::E, V::E, V::E, t("หมายเหตุ")])
            .collect::<Vec<V>>(),
        [V::E, V::E, V::E, V::E, V::E]
            .into_iter()
            .chain(labels.iter().map(|l| t(l)))
            .collect(),
    ];
    for (i, name) in ["ก", "ข", "ค", "ง"].iter().enumerate() {
        let mut row = vec![
            n(i as f64 + 1.0),
            t(&format!("โครงการสี่ช่อง {name}")),
            n(1.0),
            n(100.0),
            n(0.0),
        ];
        row.extend((0..4).map(|c| if c == i { t("✓") } else { V::E }));
        row.push(if i == 3 {
            t("ไม่ได้รับงบประมาณ")
        } else {
            V::E
        });
        rows.push(row);
    }
    let merges = [
        (0, 0, 1, 0),
        (0, 1, 1, 1),
        (0, 2, 1, 2),
        (0, 3, 1, 3),
        (0, 4, 1, 4),
        (0, 5, 0, 8),
        (0, 9, 1, 9),
    ];
    let dir = folder();
    Sheet::of(rows).merged(&merges).save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    assert!(
        issues_coded(&json, "status-column-unread").is_empty(),
        "{:?}",
        codes(&json)
    );
    let status = &json["summary"]["status"];
    assert_eq!(status["total"], 4);
    for key in ["waiting", "in_progress", "completed", "cannot"] {
        assert_eq!(status[key], 1, "{key}: {status}");
    }
}
