//! Divisions' copies of the plan document as QA built them (seventh session), each read exactly
//! or refused at its cell: a money label split into parts that are no years (a second row of
//! quarters or sources, or merged over columns holding amounts), years written short, a name-only
//! row that is a project of its own, headings wrapped by hand, a section row against its sheet's
//! name, ticks beside a column of results. Every fixture is built here, by code.

use crate::support::sheet::{Sheet, codes, issues_coded, n, plan_header};
use crate::support::{V, folder, issue_coded, run_json, t};

/// ลำดับ | มิติ | ชื่อโครงการ | งบประมาณ | `money` over two columns (E, F) | สถานะ, with `under`
/// as the second header row beneath E and F (none when empty), and two projects whose
/// amounts in E and F are 3,000 + 4,000 and 5,000 + 5,000.
fn split_disbursed(money: &str, under: [&str; 2]) -> Sheet {
    let mut rows = vec![vec![
        t("ลำดับ"),
        t("มิติ"),
        t("ชื่อโครงการ"),
        t("งบประมาณ"),
        t(money),
        V::E,
        t("สถานะ"),
    ]];
    if !under[0].is_empty() {
        rows.push(vec![V::E, V::E, V::E, V::E, t(under[0]), t(under[1])]);
    }
    rows.push(vec![
        n(1.0),
        n(1.0),
        t("โครงการอบรมคุณธรรม"),
        n(10000.0),
        n(3000.0),
        n(4000.0),
        t("อยู่ระหว่างดำเนินการ"),
    ]);
    rows.push(vec![
        n(2.0),
        n(2.0),
        t("โครงการเปิดเผยข้อมูล"),
        n(20000.0),
        n(5000.0),
        n(5000.0),
        t("ดำเนินการแล้วเสร็จ"),
    ]);
    let merges: &[(u32, u16, u32, u16)] = if under[0].is_empty() {
        &[(0, 4, 0, 5)]
    } else {
        &[
            (0, 4, 0, 5),
            (0, 0, 1, 0),
            (0, 1, 1, 1),
            (0, 2, 1, 2),
            (0, 3, 1, 3),
        ]
    };
    Sheet::of(rows).merged(merges)
}

#[test]
fn a_money_label_split_into_parts_is_header_split_never_its_first_part_read() {
    // A second row of quarters under เบิกจ่าย: the row is part of the header, not a project.
    let dir = folder();
    split_disbursed("เบิกจ่าย", ["ไตรมาส 1", "ไตรมาส 2"]).save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    let split = issue_coded(&json, "header-split");
    assert_eq!(split["cell"], "E2", "{:?}", codes(&json));
    let message = split["message"].as_str().unwrap_or_default();
    assert!(
        message.contains(r#"E "ไตรมาส 1", F "ไตรมาส 2""#),
        "{message}"
    );
    for code in ["name-missing", "status-missing", "money-not-number"] {
        assert!(
            issues_coded(&json, code).is_empty(),
            "the quarters' row is no project: {:?}",
            codes(&json)
        );
    }
    assert_eq!(json["summary"]["total"]["disbursed"], "0.00");

    // The same label merged over both columns with no second row: the amounts in F are not
    // left out in silence.
    let dir = folder();
    split_disbursed("เบิกจ่าย (ไตรมาส 1 | ไตรมาส 2)", ["", ""]).save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    let split = issue_coded(&json, "header-split");
    assert_eq!(split["cell"], "E1");
    let message = split["message"].as_str().unwrap_or_default();
    assert!(message.contains("(E, F)"), "{message}");
    assert_eq!(
        issues_coded(&json, "header-split").len(),
        1,
        "said once, not per row"
    );
}

#[test]
fn the_amount_beside_its_share_under_one_money_label_is_read_and_the_share_is_not() {
    // `ผลการเบิกจ่าย` over `จำนวนเงิน (บาท) | ร้อยละ`: the amount's column is the disbursed
    // one, whichever side it is on; the share is said not read. (Was header-split.)
    for (under, disbursed, read, unread) in [
        (["จำนวนเงิน (บาท)", "ร้อยละ"], "8000.00", "E", "F"),
        (["ร้อยละ", "บาท"], "9000.00", "F", "E"),
        (["ยอดเงิน", "(%)"], "8000.00", "E", "F"),
    ] {
        let dir = folder();
        split_disbursed("ผลการเบิกจ่าย", under).save(dir.path());
        let (code, json, _) = run_json(dir.path(), &["check", "--explain", "."]);
        assert_eq!(code, 0, "{under:?}: {:?}", codes(&json));
        assert!(issues_coded(&json, "header-split").is_empty(), "{under:?}");
        assert_eq!(
            json["summary"]["total"]["disbursed"], disbursed,
            "{under:?}"
        );
        assert_eq!(json["summary"]["total"]["projects"], 2, "{under:?}");
        let columns = json["inputs"][0]["tables"][0]["columns"].to_string();
        assert!(columns.contains(&format!("{read} → เบิกจ่าย")), "{columns}");
        assert!(columns.contains(&format!("{unread} → ไม่อ่าน")), "{columns}");
    }

    // A part that names nothing beside the share is still a split: never read as the total.
    let dir = folder();
    split_disbursed("ผลการเบิกจ่าย", ["ไตรมาส 1", "ร้อยละ"]).save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    assert_eq!(issue_coded(&json, "header-split")["cell"], "E2");

    // The share alone under the label, in its first cell: the amount is missing, and the
    // column is named.
    let dir = folder();
    split_disbursed("เบิกจ่าย", ["ร้อยละ", ""]).save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    let message = issue_coded(&json, "header-incomplete")["message"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(message.contains(r#"E "ร้อยละ""#), "{message}");
}

/// มิติ | โครงการ/กิจกรรม/มาตรการ | งบประมาณ merged over C:E with `under` beneath | เบิกจ่าย |
/// สถานะ, and one project whose budget columns hold 100, 200, 300.
fn budget_over(under: [V; 3]) -> Sheet {
    let mut lower = vec![V::E, V::E];
    lower.extend(under);
    Sheet::of(vec![
        vec![
            t("มิติ"),
            t("โครงการ/กิจกรรม/มาตรการ"),
            t("งบประมาณ"),
            V::E,
            V::E,
            t("เบิกจ่าย"),
            t("สถานะ"),
        ],
        lower,
        vec![
            n(1.0),
            t("โครงการอบรมคุณธรรม"),
            n(100.0),
            n(200.0),
            n(300.0),
            n(50.0),
            t("อยู่ระหว่างดำเนินการ"),
        ],
    ])
    .merged(&[
        (0, 2, 0, 4),
        (0, 0, 1, 0),
        (0, 1, 1, 1),
        (0, 5, 1, 5),
        (0, 6, 1, 6),
    ])
}

#[test]
fn a_budget_split_by_source_is_header_split_and_years_written_short_are_years() {
    let dir = folder();
    budget_over([t("งบ อปท."), t("เงินอุดหนุน"), t("อื่น ๆ")]).save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    let message = issue_coded(&json, "header-split")["message"]
        .as_str()
        .unwrap_or_default();
    assert!(
        message.contains(r#"C "งบ อปท.", D "เงินอุดหนุน""#),
        "{message}"
    );

    // One source named as the ordinance budget beside one that names nothing: still a budget
    // by source, said as such (was header-incomplete: "the header lacks budget").
    let dir = folder();
    budget_over([t("เทศบัญญัติ"), t("เงินอุดหนุน"), V::E]).save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    assert!(
        issues_coded(&json, "header-incomplete").is_empty(),
        "{:?}",
        codes(&json)
    );
    let split = issue_coded(&json, "header-split");
    assert_eq!(split["cell"], "C2");
    let message = split["message"].as_str().unwrap_or_default();
    assert!(
        message.contains(r#"C "เทศบัญญัติ", D "เงินอุดหนุน""#),
        "{message}"
    );

    // `64 | 65 | 66` typed as numbers (or Thai digits) under งบประมาณ: the 2565 column.
    for years in [[n(64.0), n(65.0), n(66.0)], [t("๖๔"), t("๖๕"), t("๖๖")]] {
        let dir = folder();
        budget_over(years).save(dir.path());
        let (code, json, _) = run_json(dir.path(), &["merge", "."]);
        assert_eq!(code, 0, "{:?}", codes(&json));
        assert_eq!(json["summary"]["total"]["projects"], 1);
        assert_eq!(json["summary"]["total"]["budget_plan"], "200.00");
    }
    // Short numbers that are no run of years are not taken for years.
    let dir = folder();
    budget_over([n(64.0), n(70.0), n(66.0)]).save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    assert_eq!(json["summary"]["total"]["budget_plan"], "0.00");
}

/// A name-only row under a project, opening as a project's name does: the rest of the name when
/// the project's cells are merged down over it, and otherwise an error that says both readings.
#[test]
fn a_name_only_row_that_opens_as_a_project_is_never_joined_or_counted_by_guess() {
    let dir = folder();
    Sheet::of(vec![
        vec![
            t("ลำดับ"),
            t("มิติ"),
            t("ชื่อโครงการ"),
            t("งบประมาณ"),
            t("เบิกจ่าย"),
            t("สถานะ"),
        ],
        vec![
            n(1.0),
            n(1.0),
            t("โครงการอบรมคุณธรรมจริยธรรมแก่ผู้บริหาร"),
            n(50000.0),
            n(10000.0),
            t("อยู่ระหว่างดำเนินการ"),
        ],
        // The rest of that name, wrapped by hand: joined.
        vec![V::E, V::E, t("และพนักงานส่วนท้องถิ่น")],
        // A project not yet filled in: its own row, and said.
        vec![V::E, V::E, t("กิจกรรมรณรงค์ต่อต้านการทุจริตวันต่อต้านคอร์รัปชันสากล")],
        vec![
            n(3.0),
            n(2.0),
            t("มาตรการเปิดเผยข้อมูล"),
            n(0.0),
            n(0.0),
            t("ดำเนินการแล้วเสร็จ"),
        ],
    ])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    let either = issue_coded(&json, "name-only-row");
    assert_eq!(either["cell"], "C4");
    assert!(
        issues_coded(&json, "status-missing").is_empty(),
        "{:?}",
        codes(&json)
    );
    let joined = issue_coded(&json, "name-joined")["message"]
        .as_str()
        .unwrap_or_default();
    assert!(joined.contains("แถว 3 "), "only row 3 joined: {joined}");
    assert_eq!(json["inputs"][0]["rows"], 4, "rows 2, 3 (joined), 4, 5");
    assert_eq!(json["summary"]["total"]["projects"], 2);

    // The project's ลำดับ, มิติ, money and status merged down over its wrapped name: joined,
    // whatever word the second line opens with.
    let dir = folder();
    let mut rows = vec![
        vec![
            t("ลำดับ"),
            t("มิติ"),
            t("ชื่อโครงการ"),
            t("งบประมาณ"),
            t("เบิกจ่าย"),
            t("สถานะ"),
        ],
        vec![
            n(1.0),
            n(1.0),
            t("โครงการส่งเสริมอาชีพ"),
            n(50000.0),
            n(10000.0),
            t("ดำเนินการแล้วเสร็จ"),
        ],
        vec![V::E, V::E, t("กิจกรรมพัฒนาศูนย์เรียนรู้ชุมชน")],
    ];
    rows.push(vec![
        n(2.0),
        n(2.0),
        t("มาตรการเปิดเผยข้อมูล"),
        n(0.0),
        n(0.0),
        t("ดำเนินการแล้วเสร็จ"),
    ]);
    let merged: Vec<(u32, u16, u32, u16)> = [0, 1, 3, 4, 5].iter().map(|&c| (1, c, 2, c)).collect();
    Sheet::of(rows).merged(&merged).save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["merge", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    assert_eq!(json["summary"]["total"]["projects"], 2);
    assert_eq!(json["summary"]["total"]["completed"], 2);
}

#[test]
fn a_heading_wrapped_onto_the_next_row_is_part_of_the_heading() {
    let dir = folder();
    Sheet::of(vec![
        plan_header(),
        vec![t("มิติที่ ๑ การสร้างสังคมที่ไม่ทนต่อการทุจริต")],
        vec![
            V::E,
            t("๑.๑ การสร้างจิตสำนึกและความตระหนักแก่บุคลากรทั้งข้าราชการการเมือง"),
        ],
        vec![V::E, t("ฝ่ายบริหาร ข้าราชการการเมืองฝ่ายสภาท้องถิ่น และฝ่ายประจำ")],
        vec![
            n(1.0),
            t("โครงการอบรมคุณธรรม"),
            n(5000.0),
            n(0.0),
            t("ดำเนินการแล้วเสร็จ"),
        ],
        vec![t("มิติที่ ๔ การเสริมสร้างและปรับปรุงกลไกในการตรวจสอบ")],
        vec![t("การปฏิบัติราชการขององค์กรปกครองส่วนท้องถิ่น")],
        vec![
            n(2.0),
            t("โครงการตรวจสอบภายใน"),
            n(3000.0),
            n(1000.0),
            t("อยู่ระหว่างดำเนินการ"),
        ],
        // A sub-section in the section's own column, right under it, is a heading of its own.
        vec![t("มิติที่ 2 การบริหารราชการเพื่อป้องกันการทุจริต")],
        vec![t("2.1 แสดงเจตจำนงทางการเมืองในการต่อต้านการทุจริตของผู้บริหาร")],
        vec![
            n(3.0),
            t("กิจกรรมประกาศเจตจำนงต่อต้านการทุจริต"),
            n(0.0),
            n(0.0),
            t("ดำเนินการแล้วเสร็จ"),
        ],
    ])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    let dims = &json["summary"]["dimensions"];
    assert_eq!(
        (
            dims[0]["projects"].as_u64(),
            dims[1]["projects"].as_u64(),
            dims[3]["projects"].as_u64()
        ),
        (Some(1), Some(1), Some(1))
    );
    // Said where merge prints it: a project typed with only its name there looks the same.
    let joined = issue_coded(&json, "heading-joined");
    assert_eq!(joined["severity"], "warning");
    let message = joined["message"].as_str().unwrap_or_default();
    assert!(message.contains("แถว 4, 7 อ่าน"), "{message}");
}

#[test]
fn ticks_beside_a_column_of_results_read_the_ticks_and_keep_the_results_as_the_remark() {
    let dir = folder();
    Sheet::of(vec![
        vec![
            t("ลำดับ"),
            t("มิติ"),
            t("ชื่อโครงการ"),
            t("งบประมาณ"),
            t("เบิกจ่าย"),
            t("สถานะ"),
            V::E,
            V::E,
            V::E,
            t("ผลการดำเนินงาน"),
        ],
        vec![
            V::E,
            V::E,
            V::E,
            V::E,
            V::E,
            t("รอรายงาน"),
            t("อยู่ระหว่างดำเนินการ"),
            t("ดำเนินการแล้วเสร็จ"),
            t("ไม่สามารถดำเนินการได้"),
        ],
        vec![
            n(1.0),
            n(1.0),
            t("โครงการอบรมคุณธรรม"),
            n(5000.0),
            n(5000.0),
            V::E,
            V::E,
            t("✓"),
            V::E,
            t("จัดอบรม 2 ครั้ง ผู้เข้าร่วม 120 คน"),
        ],
    ])
    .merged(&[(0, 5, 0, 8), (0, 9, 1, 9)])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    assert!(issues_coded(&json, "header-duplicate").is_empty());
    assert_eq!(json["summary"]["total"]["completed"], 1);
    let columns = json["inputs"][0]["tables"][0]["columns"].to_string();
    assert!(columns.contains("J → หมายเหตุ"), "{columns}");
}

/// The sheet's name is asked of every section row, not only the first; a name covering two
/// dimensions (`มิติที่ 1-2`) gives none.
#[test]
fn every_section_row_is_held_against_the_sheets_name_and_a_name_of_two_dimensions_gives_none() {
    let sheet = || {
        Sheet::of(vec![
            vec![
                t("ที่"),
                t("โครงการ/กิจกรรม/มาตรการ"),
                t("งบประมาณ"),
                t("เบิกจ่าย"),
                t("สถานะ"),
            ],
            vec![t("มิติที่ 1 การสร้างสังคมที่ไม่ทนต่อการทุจริต")],
            vec![
                n(1.0),
                t("โครงการอบรมคุณธรรม"),
                n(5000.0),
                n(0.0),
                t("ดำเนินการแล้วเสร็จ"),
            ],
            vec![t("มิติที่ 2 การบริหารราชการด้วยความโปร่งใส")],
            vec![
                n(2.0),
                t("โครงการเปิดเผยข้อมูล"),
                n(3000.0),
                n(1000.0),
                t("อยู่ระหว่างดำเนินการ"),
            ],
        ])
    };
    let dir = folder();
    sheet().save_as(dir.path(), "มิติที่ 1");
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    let conflict = issue_coded(&json, "section-sheet-conflict");
    assert_eq!(
        conflict["cell"], "A4",
        "the second section row, not the first"
    );
    assert_eq!(issues_coded(&json, "section-sheet-conflict").len(), 1);
    // The project under the conflicting heading is counted under neither dimension.
    let total = &json["summary"]["total"];
    assert_eq!(
        (&total["projects"], &total["budget_plan"]),
        (&1.into(), &"5000.00".into())
    );
    assert_eq!(json["summary"]["dimensions"][0]["projects"], 1);
    assert_eq!(json["summary"]["dimensions"][1]["projects"], 0);
    assert_eq!(json["inputs"][0]["rows"], 2);
    assert_eq!(json["inputs"][0]["counted"], 1);
    let message = conflict["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("มิติที่ 2") && message.contains("มิติที่ 1"),
        "{message}"
    );
    for name in ["มิติที่ 1-2", "มิติ 1 และ 2"] {
        let dir = folder();
        sheet().save_as(dir.path(), name);
        let (code, json, _) = run_json(dir.path(), &["check", "."]);
        assert_eq!(code, 0, "{name}: {:?}", codes(&json));
        let dims = &json["summary"]["dimensions"];
        assert_eq!(
            (dims[0]["projects"].as_u64(), dims[1]["projects"].as_u64()),
            (Some(1), Some(1)),
            "{name}"
        );
    }
}

/// A money label merged over its amounts and a column saying only its unit is no split; years
/// written whole then short (`2564 | 65 | 66`) are years.
#[test]
fn a_unit_beside_the_amount_is_no_split_and_a_whole_year_then_short_ones_are_years() {
    let dir = folder();
    Sheet::of(vec![
        vec![
            t("ลำดับ"),
            t("มิติ"),
            t("ชื่อโครงการ"),
            t("งบประมาณ"),
            V::E,
            t("เบิกจ่าย"),
            t("สถานะ"),
        ],
        vec![
            n(1.0),
            n(1.0),
            t("โครงการอบรมคุณธรรม"),
            n(10000.0),
            t("บาท"),
            n(500.0),
            t("ดำเนินการแล้วเสร็จ"),
        ],
    ])
    .merged(&[(0, 3, 0, 4)])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["merge", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    assert_eq!(json["summary"]["total"]["budget_plan"], "10000.00");

    let dir = folder();
    budget_over([n(2564.0), n(65.0), n(66.0)]).save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["merge", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    assert_eq!(json["summary"]["total"]["budget_plan"], "200.00");
}

/// ลำดับ | มิติ | ชื่อโครงการ | งบประมาณ | เบิกจ่าย | สถานะ merged over the four ticks |
/// ผลการดำเนินงาน | หมายเหตุ, over two header rows, then `rows`.
fn results_and_remark(rows: Vec<Vec<V>>) -> Sheet {
    let mut upper: Vec<V> = ["ลำดับ", "มิติ", "ชื่อโครงการ", "งบประมาณ", "เบิกจ่าย", "สถานะ"]
        .iter()
        .map(|h| t(h))
        .collect();
    upper.extend([V::E, V::E, V::E, t("ผลการดำเนินงาน"), t("หมายเหตุ")]);
    let mut lower = vec![V::E; 5];
    lower.extend(
        [
            "รอรายงาน",
            "อยู่ระหว่างดำเนินการ",
            "ดำเนินการแล้วเสร็จ",
            "ไม่สามารถดำเนินการได้",
        ]
        .iter()
        .map(|h| t(h)),
    );
    Sheet::of([vec![upper, lower], rows].concat()).merged(&[
        (0, 5, 0, 8),
        (0, 9, 1, 9),
        (0, 10, 1, 10),
    ])
}

/// What was done (ผลการดำเนินงาน beside the ticks) is read with หมายเหตุ, not lost beside it:
/// a reason written there satisfies ไม่สามารถดำเนินการได้.
#[test]
fn a_column_of_results_beside_a_remark_column_is_read_with_it() {
    let dir = folder();
    let project = |n_: f64, tick: usize, done: &str, note: &str| {
        let mut row = vec![
            n(n_),
            n(1.0),
            t(&format!("โครงการ {n_}")),
            n(1000.0),
            n(0.0),
        ];
        row.extend((0..4).map(|i| if i == tick { t("✓") } else { V::E }));
        row.extend([t(done), t(note)]);
        row
    };
    results_and_remark(vec![
        project(1.0, 3, "ไม่ได้รับจัดสรรงบประมาณ", ""),
        project(2.0, 2, "จัดอบรม 2 ครั้ง", "ผู้เข้าร่วม 120 คน"),
    ])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(
        code,
        0,
        "the reason is in ผลการดำเนินงาน: {:?}",
        codes(&json)
    );
    let columns = json["inputs"][0]["tables"][0]["columns"].to_string();
    assert!(
        columns.contains("J → หมายเหตุ") && columns.contains("K → หมายเหตุ"),
        "{columns}"
    );
}

/// A formula saved without its value in ผลการดำเนินงาน is said at its cell, as in หมายเหตุ: the
/// reason it may hold is never read as missing.
#[test]
fn a_formula_without_its_value_in_the_results_column_is_said_at_its_cell() {
    use crate::support::sheet::NO_CACHE;
    let dir = folder();
    let mut row = vec![n(1.0), n(1.0), t("โครงการ ก"), n(1000.0), n(0.0)];
    row.extend([V::E, V::E, V::E, t("✓")]);
    row.extend([V::F("\"ไม่ได้รับ\"&\"งบประมาณ\"", NO_CACHE), V::E]);
    results_and_remark(vec![row]).save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    assert_eq!(issue_coded(&json, "formula-no-value")["cell"], "J3");
    assert!(
        issues_coded(&json, "cannot-without-reason").is_empty(),
        "{:?}",
        codes(&json)
    );
}

/// A บรรจุ tick merged down over two projects whose statuses are their own is each one's.
#[test]
fn a_tick_in_the_ordinance_merged_alone_over_two_projects_is_each_ones() {
    let dir = folder();
    let project = |no: f64, ordinance: V, status: &str| {
        vec![
            n(no),
            n(1.0),
            t(&format!("โครงการ {no}")),
            n(1000.0),
            n(0.0),
            ordinance,
            t(status),
        ]
    };
    Sheet::of(vec![
        vec![
            t("ลำดับ"),
            t("มิติ"),
            t("ชื่อโครงการ"),
            t("งบประมาณ"),
            t("เบิกจ่าย"),
            t("บรรจุในข้อบัญญัติ"),
            t("สถานะ"),
        ],
        project(1.0, t("✓"), "ดำเนินการแล้วเสร็จ"),
        project(2.0, V::E, "อยู่ระหว่างดำเนินการ"),
        project(3.0, V::E, "รอรายงาน"),
    ])
    .merged(&[(1, 5, 2, 5)])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["merge", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    assert_eq!(
        json["summary"]["status"]["in_ordinance"], 2,
        "{}",
        json["summary"]["status"]
    );
}

/// One budget merged down over two projects: the second's share cannot be told, and is said,
/// never read as 0 beside the whole amount above (nor as over its budget).
#[test]
fn a_budget_merged_over_two_projects_is_money_merged_at_the_second() {
    let dir = folder();
    let project = |no: f64, budget: V, disbursed: f64| {
        vec![
            n(no),
            n(1.0),
            t(&format!("โครงการ {no}")),
            budget,
            n(disbursed),
            t("อยู่ระหว่างดำเนินการ"),
        ]
    };
    Sheet::of(vec![
        ["ลำดับ", "มิติ", "ชื่อโครงการ", "งบประมาณ", "เบิกจ่าย", "สถานะ"]
            .iter()
            .map(|h| t(h))
            .collect(),
        project(1.0, n(50000.0), 10000.0),
        project(2.0, V::E, 20000.0),
    ])
    .merged(&[(1, 3, 2, 3)])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    let merged = issue_coded(&json, "money-merged");
    assert_eq!(merged["cell"], "D3");
    assert!(
        merged["message"]
            .as_str()
            .is_some_and(|m| m.contains("D2:D3")),
        "{merged}"
    );
    for code in ["money-blank", "disbursed-over-budget"] {
        assert!(issues_coded(&json, code).is_empty(), "{:?}", codes(&json));
    }
    // The same written as openpyxl writes a merge, the covered cell D3 left out: the same.
    crate::support::hostile::leave_out_covered_cell(&dir.path().join("กองช่าง.xlsx"), "D3");
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    assert_eq!(issue_coded(&json, "money-merged")["cell"], "D3");
    assert!(
        issues_coded(&json, "money-blank").is_empty(),
        "{:?}",
        codes(&json)
    );
    // Nothing merged over two measures that cost nothing is nothing for each.
    let dir = folder();
    Sheet::of(vec![
        ["ลำดับ", "มิติ", "ชื่อโครงการ", "งบประมาณ", "เบิกจ่าย", "สถานะ"]
            .iter()
            .map(|h| t(h))
            .collect(),
        project(1.0, t("ไม่ใช้งบประมาณ"), 0.0),
        project(2.0, V::E, 0.0),
    ])
    .merged(&[(1, 3, 2, 3)])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    assert_eq!(json["summary"]["total"]["projects"], 2);
}

/// One reason merged down over two projects that cannot be carried out is each one's (it is
/// there, on the sheet, beside both), in Excel's files and in those that leave the covered
/// cell out; a name merged over two rows that each have figures is two projects under one
/// name, said at the second as such (`name-merged`), not as a name to type in.
#[test]
fn a_reason_merged_over_two_projects_is_each_ones_and_a_merged_name_is_said() {
    let header: Vec<V> = [
        "ลำดับ",
        "มิติ",
        "ชื่อโครงการ",
        "งบประมาณ",
        "เบิกจ่าย",
        "สถานะ",
        "หมายเหตุ",
    ]
    .iter()
    .map(|h| t(h))
    .collect();
    let project = |no: f64, name: V, status: &str, remark: V| {
        vec![n(no), n(1.0), name, n(1000.0), n(0.0), t(status), remark]
    };
    let dir = folder();
    Sheet::of(vec![
        header.clone(),
        project(
            1.0,
            t("โครงการ ก"),
            "ไม่สามารถดำเนินการได้",
            t("ไม่ได้รับงบประมาณ"),
        ),
        project(2.0, t("โครงการ ข"), "ไม่สามารถดำเนินการได้", V::E),
        project(3.0, t("โครงการ ค"), "ดำเนินการแล้วเสร็จ", V::E),
    ])
    .merged(&[(1, 6, 2, 6)])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["merge", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    assert_eq!(json["summary"]["status"]["cannot"], 2);
    assert_eq!(json["summary"]["status"]["completed"], 1);
    // Without the covered cell G3, as openpyxl writes a merge: the same.
    crate::support::hostile::leave_out_covered_cell(&dir.path().join("กองช่าง.xlsx"), "G3");
    let (code, json, _) = run_json(dir.path(), &["merge", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    assert_eq!(json["summary"]["status"]["cannot"], 2);
    // Without the merge, the second's reason is still asked for.
    let dir = folder();
    Sheet::of(vec![
        header.clone(),
        project(
            1.0,
            t("โครงการ ก"),
            "ไม่สามารถดำเนินการได้",
            t("ไม่ได้รับงบประมาณ"),
        ),
        project(2.0, t("โครงการ ข"), "ไม่สามารถดำเนินการได้", V::E),
    ])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    assert_eq!(issue_coded(&json, "cannot-without-reason")["cell"], "G3");
    // The name merged over two projects with figures of their own.
    let dir = folder();
    Sheet::of(vec![
        header,
        project(1.0, t("โครงการอบรมคุณธรรม"), "ดำเนินการแล้วเสร็จ", V::E),
        project(2.0, V::E, "อยู่ระหว่างดำเนินการ", V::E),
    ])
    .merged(&[(1, 2, 2, 2)])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    let merged = issue_coded(&json, "name-merged");
    assert_eq!(merged["cell"], "C3");
    assert!(
        merged["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("ช่องชื่อโครงการนี้รวม") && m.contains("C2:C3")),
        "{merged}"
    );
    assert!(
        issues_coded(&json, "name-missing").is_empty(),
        "{:?}",
        codes(&json)
    );
}

/// Lines alone under a project that may be projects of their own, however they are marked
/// (`ก. กิจกรรม…`, `* โครงการ…`, `1.2 กิจกรรม…`), are `name-only-row`, never joined, skipped
/// as a note or taken for a heading.
#[test]
fn a_marked_or_numbered_line_under_a_project_is_name_only_row() {
    let dir = folder();
    let project = |no: f64| {
        vec![
            n(no),
            n(1.0),
            t(&format!("โครงการ {no}")),
            n(1000.0),
            n(0.0),
            t("รอรายงาน"),
        ]
    };
    let line = |text: &str| vec![V::E, V::E, t(text)];
    Sheet::of(vec![
        ["ลำดับ", "มิติ", "ชื่อโครงการ", "งบประมาณ", "เบิกจ่าย", "สถานะ"]
            .iter()
            .map(|h| t(h))
            .collect(),
        project(1.0),
        line("ก. กิจกรรมอบรม"),
        project(2.0),
        line("* โครงการย่อย"),
        project(3.0),
        line("1.2 กิจกรรมอบรมคุณธรรม"),
        // A second such line under the first is judged the same, not taken for a heading.
        line("1.3 กิจกรรมศึกษาดูงาน"),
        project(4.0),
    ])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    let cells: Vec<&str> = issues_coded(&json, "name-only-row")
        .iter()
        .filter_map(|i| i["cell"].as_str())
        .collect();
    assert_eq!(cells, ["C3", "C5", "C7", "C8"], "{:?}", codes(&json));
    assert_eq!(json["summary"]["total"]["projects"], 4);
}

/// สถานะ (words) beside ผลการดำเนินงาน (what was done): the first is the status, the second
/// the remark; a cancellation said in หมายเหตุ is heard beside what was done, and a dash there
/// is no part of the remark.
#[test]
fn a_status_column_beside_a_results_column_reads_both_and_hears_a_cancellation() {
    let dir = folder();
    let project = |no: f64, status: &str, done: &str, note: &str| {
        vec![
            n(no),
            n(1.0),
            t(&format!("โครงการ {no}")),
            n(1000.0),
            n(0.0),
            t(status),
            t(done),
            t(note),
        ]
    };
    Sheet::of(vec![
        [
            "ลำดับ",
            "มิติ",
            "ชื่อโครงการ",
            "งบประมาณ",
            "เบิกจ่าย",
            "สถานะ",
            "ผลการดำเนินงาน",
            "หมายเหตุ",
        ]
        .iter()
        .map(|h| t(h))
        .collect(),
        project(1.0, "ไม่สามารถดำเนินการได้", "ไม่ได้รับจัดสรรงบประมาณ", ""),
        project(2.0, "อยู่ระหว่างดำเนินการ", "-", "ยกเลิกแล้ว"),
        project(3.0, "อยู่ระหว่างดำเนินการ", "จัดประชุมแล้ว", "ยกเลิก"),
    ])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{:?}", codes(&json));
    assert!(issues_coded(&json, "header-duplicate").is_empty());
    let cancelled: Vec<&str> = issues_coded(&json, "cancelled-not-cannot")
        .iter()
        .filter_map(|i| i["cell"].as_str())
        .collect();
    assert_eq!(cancelled, ["H3", "H4"], "at the remark that says it");
    let columns = json["inputs"][0]["tables"][0]["columns"].to_string();
    assert!(
        columns.contains("F → สถานะ") && columns.contains("G → หมายเหตุ"),
        "{columns}"
    );
}

#[test]
fn cannot_without_a_remark_column_is_said_at_the_status_where_the_reason_goes() {
    let dir = folder();
    let project =
        |no: f64, name: &str, status: &str| vec![n(no), t(name), n(0.0), n(0.0), t(status)];
    Sheet::of(vec![
        plan_header(),
        vec![t("มิติที่ 1 การสร้างสังคมที่ไม่ทนต่อการทุจริต")],
        project(1.0, "โครงการอบรมคุณธรรม", "ไม่สามารถดำเนินการได้"),
        project(
            2.0,
            "โครงการเปิดเผยข้อมูล",
            "ไม่สามารถดำเนินการได้ เนื่องจากไม่ได้รับจัดสรรงบประมาณ",
        ),
    ])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    let refused = issues_coded(&json, "cannot-without-reason");
    assert_eq!(refused.len(), 1, "the reason after the status is read");
    assert_eq!(refused[0]["cell"], "E3");
    let fix = refused[0]["fix"].as_str().unwrap_or_default();
    assert!(fix.contains("ไม่มีคอลัมน์หมายเหตุ"), "{fix}");
}

/// A table whose only disbursed column is headed as a share (`เบิกจ่าย (ร้อยละ)`) is refused as
/// lacking the amount, naming that column and why it is not read: the clerk sees the column
/// and is told what is wrong with it, not only that something is missing.
#[test]
fn a_missing_amount_names_the_column_headed_as_another_quantity() {
    let dir = folder();
    Sheet::of(vec![
        [
            "ลำดับ",
            "มิติ",
            "ชื่อโครงการ",
            "งบประมาณ",
            "เบิกจ่าย (ร้อยละ)",
            "สถานะ",
        ]
        .iter()
        .map(|h| t(h))
        .collect(),
        vec![
            n(1.0),
            n(1.0),
            t("โครงการ ก"),
            n(1000.0),
            n(20.0),
            t("อยู่ระหว่างดำเนินการ"),
        ],
    ])
    .save(dir.path());
    let (code, json, _) = run_json(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{:?}", codes(&json));
    let issue = issue_coded(&json, "header-incomplete");
    let message = issue["message"].as_str().unwrap_or_default();
    assert!(
        message.starts_with("หัวตารางขาดคอลัมน์ เบิกจ่าย (คอลัมน์ E \"เบิกจ่าย (ร้อยละ)\""),
        "{message}"
    );
    assert!(
        issue["fix"]
            .as_str()
            .is_some_and(|f| f.contains("เบิกจ่าย (บาท)")),
        "{issue}"
    );
}
