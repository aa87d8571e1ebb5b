use super::*;
use crate::read::cell::Cell;

fn text(col: u32, s: &str) -> Option<RawCell> {
    Some(RawCell {
        col,
        value: Cell::Text(s.to_string()),
    })
}

fn num(col: u32, n: f64) -> Option<RawCell> {
    Some(RawCell {
        col,
        value: Cell::Number(n),
    })
}

/// The status as one column of words (G), holding `text`.
fn words(text: &str) -> RawStatus {
    RawStatus::Words(RawCell {
        col: 6,
        value: Cell::Text(text.into()),
    })
}

fn ticks(ticked: &[Status]) -> RawStatus {
    RawStatus::Ticks(
        Status::ALL
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let value = if ticked.contains(s) {
                    Cell::Text("☑".into())
                } else {
                    Cell::Empty
                };
                (
                    *s,
                    RawCell {
                        col: 6 + i as u32,
                        value,
                    },
                )
            })
            .collect(),
    )
}

/// A valid row: B name, C dimension, D budget, E ordinance, F disbursed, G-J ticks, K remark, L บรรจุ.
fn good() -> RawRow {
    RawRow {
        structure: None,
        location: Location {
            row: Some(7),
            ..Location::sheet("กองคลัง.xlsx", "แผน")
        },
        number: text(0, "1"),
        name: text(1, "โครงการ ก"),
        dimension: num(2, 2.0),
        budget_plan: num(3, 55300.0),
        budget_ordinance: None,
        disbursed: num(5, 0.0),
        in_ordinance: text(11, "☑"),
        status: ticks(&[Status::Completed]),
        remark: None,
        results: None,
        unread_mark: None,
    }
}

fn run(raw: RawRow) -> (Option<ProjectRow>, Vec<Issue>) {
    let mut issues = IssueList::default();
    let p = project(&raw, &"กองคลัง".into(), &mut issues);
    (p, issues.into_parts().0)
}

fn only_issue(raw: RawRow) -> Issue {
    let (p, issues) = run(raw);
    assert!(p.is_none(), "row should be refused");
    assert_eq!(issues.len(), 1, "{issues:?}");
    issues.into_iter().next().unwrap_or_else(|| unreachable!())
}

#[test]
fn good_row_becomes_a_project_with_ordinance_equal_to_plan() {
    let (p, issues) = run(good());
    assert!(issues.is_empty(), "{issues:?}");
    let p = p.expect("project");
    assert_eq!(p.dimension.number(), 2);
    assert_eq!(p.budget_ordinance, p.budget_plan);
    assert_eq!(p.budget_plan.to_string(), "55300");
    assert!(p.in_ordinance);
    assert_eq!(p.status, Status::Completed);
    assert_eq!(&*p.division, "กองคลัง");
}

#[test]
fn dimension_five_is_refused_with_its_cell() {
    let issue = only_issue(RawRow {
        dimension: text(2, "5"),
        ..good()
    });
    assert_eq!(issue.problem.code(), "dimension-invalid");
    assert_eq!(issue.location.to_string(), "กองคลัง.xlsx › แผน › C8");
    assert!(issue.message().contains("พบ \"5\""));
}

#[test]
fn dimension_in_thai_words_is_accepted() {
    let (p, issues) = run(RawRow {
        dimension: text(2, "มิติที่ ๔"),
        ..good()
    });
    assert!(issues.is_empty());
    assert_eq!(p.map(|p| p.dimension.number()), Some(4));
}

#[test]
fn missing_dimension_is_refused() {
    let issue = only_issue(RawRow {
        dimension: Some(RawCell {
            col: 2,
            value: Cell::Empty,
        }),
        ..good()
    });
    assert_eq!(issue.problem.code(), "dimension-missing");
    assert_eq!(issue.location.a1(), "C8");
}

#[test]
fn money_that_is_not_a_number_is_refused() {
    let issue = only_issue(RawRow {
        budget_plan: text(3, "ห้าหมื่น"),
        ..good()
    });
    assert_eq!(issue.problem.code(), "money-not-number");
    assert_eq!(issue.location.a1(), "D8");
}

#[test]
fn formula_error_in_money_is_refused() {
    let issue = only_issue(RawRow {
        budget_plan: Some(RawCell {
            col: 3,
            value: Cell::Error("#DIV/0!".into()),
        }),
        ..good()
    });
    assert_eq!(issue.problem.code(), "formula-error");
    assert!(issue.message().contains("#DIV/0!"));
    assert_eq!(issue.location.a1(), "D8");
    // In a tick column too: said as a formula's error, not as a mark no one knows.
    let issue = only_issue(RawRow {
        status: RawStatus::Ticks(vec![(
            Status::Waiting,
            RawCell {
                col: 6,
                value: Cell::Error("#N/A".into()),
            },
        )]),
        ..good()
    });
    assert_eq!(issue.problem.code(), "formula-error", "{issue:?}");
}

#[test]
fn a_project_said_cancelled_but_not_marked_so_is_counted_and_said() {
    let (p, issues) = run(RawRow {
        remark: text(10, "ยกเลิกโครงการ ตามมติที่ประชุม"),
        ..good()
    });
    assert!(p.is_some(), "still counted, with its status");
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0].problem.code(), "cancelled-not-cannot");
    assert_eq!(issues[0].severity(), crate::issue::Severity::Warning);
    // The word with its reason after it.
    for remark in [
        "ยกเลิกเนื่องจากสถานการณ์โควิด",
        "ยกเลิก เพราะไม่ได้รับงบประมาณ",
        "ยกเลิก (โควิด)",
        "ยกเลิก, เนื่องจากโควิด",
        "ยกเลิก/ไม่ได้รับงบประมาณ",
        "ยกเลิกเนืองจากโควิด",
        "โครงการนี้ยกเลิก",
        "ได้ยกเลิกแล้ว",
    ] {
        let (_, issues) = run(RawRow {
            remark: text(10, remark),
            ..good()
        });
        let codes: Vec<&str> = issues.iter().map(|i| i.problem.code()).collect();
        assert_eq!(codes, ["cancelled-not-cannot"], "{remark}");
    }
    // ยกเลิก as the status: refused, the fix naming the status to use.
    let issue = only_issue(RawRow {
        status: words("ยกเลิก"),
        ..good()
    });
    assert!(issue.fix().contains("ไม่สามารถดำเนินการได้"), "{issue:?}");
    // Cancelling something is not a cancelled project.
    for (name, remark) in [
        ("โครงการรณรงค์ยกเลิกการใช้โฟมและถุงพลาสติก", ""),
        ("โครงการ ก", "ไม่ยกเลิก ดำเนินการต่อ"),
        ("โครงการ ก", "ยกเลิกสัญญาผู้รับจ้างรายเดิม จ้างรายใหม่แล้ว"),
        ("โครงการ ก", "ยกเลิกการจัดซื้อจัดจ้างครั้งที่ 1 อยู่ระหว่างประกาศใหม่"),
        ("โครงการ ก", "ยกเลิกการจัดเก็บเอกสารแบบกระดาษ"),
    ] {
        let (_, issues) = run(RawRow {
            name: text(1, name),
            remark: text(10, remark),
            ..good()
        });
        assert!(issues.is_empty(), "{name} {remark}: {issues:?}");
    }
}

#[test]
fn a_dash_or_a_ditto_mark_names_no_project() {
    for typed in ["-", "\"", "〃", "...", "ๆ", "ๆ ๆ", "-do-", "do", "Ditto"] {
        let issue = only_issue(RawRow {
            name: text(1, typed),
            ..good()
        });
        assert_eq!(issue.problem.code(), "name-missing", "{typed}");
        assert_eq!(issue.location.a1(), "B8");
    }
}

#[test]
fn less_than_a_baht_is_refused_as_a_percentage_cell() {
    let issue = only_issue(RawRow {
        disbursed: num(4, 0.42),
        ..good()
    });
    assert_eq!(issue.problem.code(), "money-below-one-baht");
    assert_eq!(issue.location.a1(), "E8");
    assert!(issue.message().contains("42%"), "{}", issue.message());
}

#[test]
fn negative_money_is_refused() {
    let issue = only_issue(RawRow {
        budget_plan: num(3, -5.0),
        ..good()
    });
    assert_eq!(issue.problem.code(), "money-negative");
}

#[test]
fn three_decimals_are_refused() {
    let issue = only_issue(RawRow {
        budget_plan: num(3, 1.005),
        ..good()
    });
    assert_eq!(issue.problem.code(), "money-too-precise");
    // 12,500.50 typed in a cell formatted 0.00% is stored as 125.005: the message says how
    // Excel shows it, so the clerk sees why.
    let issue = only_issue(RawRow {
        disbursed: num(4, 125.005),
        ..good()
    });
    assert_eq!(issue.problem.code(), "money-too-precise");
    assert!(issue.message().contains("12500.5%"), "{}", issue.message());
    // Five decimals are no percentage's: only "round to satang".
    let issue = only_issue(RawRow {
        disbursed: num(4, 1.00005),
        ..good()
    });
    assert!(!issue.message().contains('%'), "{}", issue.message());
}

/// 55300.456 in a money cell formatted `#,##0` (shown 55,300) was told it "may be formatted as a
/// percentage (shown as 5530045.6%)": no amount typed in a `0.00%` cell is stored so large
/// (QA s12-7a). The hint is kept for what such a cell does store (125.005).
#[test]
fn three_decimals_of_a_large_amount_are_no_percentage() {
    let issue = only_issue(RawRow {
        budget_plan: num(3, 55300.456),
        ..good()
    });
    assert_eq!(issue.problem.code(), "money-too-precise");
    assert_eq!(issue.location.a1(), "D8");
    let message = issue.message();
    assert!(message.contains("(พบ 55300.456)"), "{message}");
    assert!(
        !message.contains("ร้อยละ") && !message.contains('%'),
        "{message}"
    );
    assert_eq!(
        issue.fix(),
        "ปัดเป็นสตางค์ (ทศนิยม 2 ตำแหน่ง) · round to satang (2 decimals)"
    );
}

/// `=E7/3` caches 333.333333333333 and the cell shows 333.33: the fix says to wrap the formula
/// in ROUND, not only "round to satang" (QA s12-7b).
#[test]
fn a_formulas_unending_decimals_are_told_to_be_rounded_with_round() {
    let issue = only_issue(RawRow {
        disbursed: num(4, 1000.0 / 3.0),
        ..good()
    });
    assert_eq!(issue.problem.code(), "money-too-precise");
    assert_eq!(issue.location.a1(), "E8");
    let message = issue.message();
    assert!(message.contains("น่าจะเป็นผลของสูตร"), "{message}");
    assert!(!message.contains('%'), "{message}");
    let fix = issue.fix();
    assert!(fix.contains("=ROUND(…,2)"), "{fix}");
    assert!(fix.contains("=ROUND(E7/3,2)"), "{fix}");
}

#[test]
fn money_as_text_is_merged_with_a_warning() {
    let (p, issues) = run(RawRow {
        budget_plan: text(3, "๕๕,๓๐๐.๐๐"),
        ..good()
    });
    assert_eq!(
        p.map(|p| p.budget_plan.to_string()),
        Some("55300.00".into())
    );
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].problem.code(), "money-as-text");
    assert!(!issues[0].is_error());
}

#[test]
fn disbursed_above_budget_is_refused() {
    let issue = only_issue(RawRow {
        disbursed: num(5, 60000.0),
        ..good()
    });
    assert_eq!(issue.problem.code(), "disbursed-over-budget");
    assert_eq!(issue.location.a1(), "F8");
}

#[test]
fn disbursed_is_checked_against_the_ordinance_budget() {
    let issue = only_issue(RawRow {
        budget_ordinance: num(4, 1000.0),
        disbursed: num(5, 2000.0),
        ..good()
    });
    assert_eq!(issue.problem.code(), "disbursed-over-budget");
}

#[test]
fn no_status_is_refused() {
    let issue = only_issue(RawRow {
        status: ticks(&[]),
        ..good()
    });
    assert_eq!(issue.problem.code(), "status-missing");
    assert_eq!(issue.location.a1(), "G8");
}

#[test]
fn two_statuses_are_refused() {
    let issue = only_issue(RawRow {
        status: ticks(&[Status::InProgress, Status::Completed]),
        ..good()
    });
    assert_eq!(issue.problem.code(), "status-multiple");
    assert_eq!(issue.location.a1(), "I8");
}

#[test]
fn the_reason_after_cannot_in_the_status_cell_is_the_remark() {
    let (p, issues) = run(RawRow {
        status: words("ไม่สามารถดำเนินการได้ เนื่องจากไม่ได้รับงบประมาณ"),
        remark: text(10, ""),
        ..good()
    });
    assert!(issues.is_empty(), "{issues:?}");
    let p = p.expect("a project");
    assert_eq!(p.status, Status::Cannot);
    assert_eq!(p.remark, "เนื่องจากไม่ได้รับงบประมาณ");
    // A remark of its own is kept.
    let (p, _) = run(RawRow {
        status: words("ไม่สามารถดำเนินการได้ (ดูหมายเหตุ)"),
        remark: text(10, "นโยบายผู้บริหารเปลี่ยนแปลง"),
        ..good()
    });
    assert_eq!(
        p.map(|p| p.remark).as_deref(),
        Some("นโยบายผู้บริหารเปลี่ยนแปลง")
    );
    // A reason in both cells: both kept, the status cell's first.
    let (p, _) = run(RawRow {
        status: words("ไม่สามารถดำเนินการได้ เนื่องจากบุคลากรไม่เพียงพอ"),
        remark: text(10, "เลื่อนไปปีหน้า"),
        ..good()
    });
    assert_eq!(
        p.map(|p| p.remark).as_deref(),
        Some("เนื่องจากบุคลากรไม่เพียงพอ; เลื่อนไปปีหน้า")
    );
}

#[test]
fn a_note_after_any_status_is_kept_in_the_remark() {
    let (p, issues) = run(RawRow {
        status: words("อยู่ระหว่างดำเนินการ (คาดว่าจะแล้วเสร็จ ก.ย. 2568)"),
        remark: text(10, ""),
        ..good()
    });
    assert!(issues.is_empty(), "{issues:?}");
    let p = p.expect("a project");
    assert_eq!(p.status, Status::InProgress);
    assert_eq!(p.remark, "คาดว่าจะแล้วเสร็จ ก.ย. 2568");
}

#[test]
fn unknown_status_word_is_refused() {
    let issue = only_issue(RawRow {
        status: words("ยกเลิก"),
        ..good()
    });
    assert_eq!(issue.problem.code(), "status-unknown");
}

#[test]
fn a_status_cell_naming_two_statuses_is_refused_not_read_as_one() {
    let issue = only_issue(RawRow {
        status: words("รอรายงาน/ดำเนินการแล้วเสร็จ"),
        ..good()
    });
    assert!(matches!(
        issue.problem,
        Problem::StatusMultiple { ref found } if found == "รอรายงาน, ดำเนินการแล้วเสร็จ"
    ));
    assert_eq!(issue.location.a1(), "G8");
    // A note after one status, though it names another, leaves that one status.
    let (p, issues) = run(RawRow {
        status: words("อยู่ระหว่างดำเนินการ (คาดว่าจะแล้วเสร็จ ก.ย. 2565)"),
        ..good()
    });
    assert_eq!(p.map(|p| p.status), Some(Status::InProgress), "{issues:?}");
    // Done in part is not done: refused, never counted as completed.
    let issue = only_issue(RawRow {
        status: words("ดำเนินการแล้วเสร็จบางส่วน"),
        ..good()
    });
    assert_eq!(issue.problem.code(), "status-unknown");
}

#[test]
fn cannot_without_reason_is_refused_and_with_reason_accepted() {
    let issue = only_issue(RawRow {
        status: ticks(&[Status::Cannot]),
        remark: text(10, " "),
        ..good()
    });
    assert_eq!(issue.problem.code(), "cannot-without-reason");
    assert_eq!(issue.location.a1(), "K8");
    // A dash, "none", the status again or เนื่องจาก with nothing after it is no reason.
    for dash in [
        "-",
        "–",
        "...",
        "ไม่มี",
        "0",
        "N/A",
        "ไม่สามารถดำเนินการได้",
        "เนื่องจาก -",
        "- ไม่มี -",
        "อื่นๆ (ระบุ)",
        "ดูหมายเหตุ",
    ] {
        let issue = only_issue(RawRow {
            status: ticks(&[Status::Cannot]),
            remark: text(10, dash),
            ..good()
        });
        assert_eq!(issue.problem.code(), "cannot-without-reason", "{dash}");
    }
    let (p, issues) = run(RawRow {
        status: ticks(&[Status::Cannot]),
        remark: text(10, "ไม่ได้รับงบประมาณ"),
        ..good()
    });
    assert!(issues.is_empty());
    assert_eq!(p.map(|p| p.status), Some(Status::Cannot));
}

#[test]
fn missing_name_is_refused() {
    let issue = only_issue(RawRow {
        name: text(1, "  "),
        ..good()
    });
    assert_eq!(issue.problem.code(), "name-missing");
    assert_eq!(issue.location.a1(), "B8");
}

#[test]
fn strange_tick_is_refused() {
    let issue = only_issue(RawRow {
        in_ordinance: text(11, "ใช่มั้ง"),
        ..good()
    });
    assert_eq!(issue.problem.code(), "tick-unknown");
    assert_eq!(issue.location.a1(), "L8");
}

#[test]
fn every_problem_of_a_row_is_reported() {
    let (p, issues) = run(RawRow {
        name: None,
        dimension: text(2, "9"),
        budget_plan: num(3, -1.0),
        ..good()
    });
    assert!(p.is_none());
    let codes: Vec<_> = issues.iter().map(|i| i.problem.code()).collect();
    assert_eq!(
        codes,
        ["name-missing", "dimension-invalid", "money-negative"]
    );
}

#[test]
fn max_money_is_just_below_one_trillion() {
    assert_eq!(MAX_MONEY.to_string(), "999999999999.99");
}

#[test]
fn three_statuses_are_named_in_the_message_after_an_unknown_tick() {
    let mut status = ticks(&[Status::Waiting, Status::InProgress, Status::Cannot]);
    if let RawStatus::Ticks(columns) = &mut status {
        columns[2].1.value = Cell::Text("?".into());
    }
    let (p, issues) = run(RawRow {
        status,
        remark: text(10, "งบไม่พอ"),
        ..good()
    });
    assert!(p.is_none());
    let codes: Vec<_> = issues.iter().map(|i| i.problem.code()).collect();
    assert_eq!(codes, ["tick-unknown", "status-multiple"]);
    assert_eq!(issues[1].location.a1(), "H8");
    let Problem::StatusMultiple { found } = &issues[1].problem else {
        unreachable!()
    };
    assert_eq!(
        found,
        "รอรายงาน (G8), อยู่ระหว่างดำเนินการ (H8), ไม่สามารถดำเนินการได้ (J8)"
    );
}

#[test]
fn unknown_status_word_is_quoted_trimmed() {
    let issue = only_issue(RawRow {
        status: words("  ยกเลิก\n"),
        ..good()
    });
    assert!(matches!(
        issue.problem,
        Problem::StatusUnknown { ref found } if found == "ยกเลิก"
    ));
}

#[test]
fn names_and_remarks_are_cleaned_from_the_text_as_typed() {
    let (p, issues) = run(RawRow {
        name: text(1, " \u{00A0}โครงการ\n  ก\u{200B} "),
        remark: text(10, "  ทำ\u{0E4D}\u{0E32}  แล้ว "),
        ..good()
    });
    assert!(issues.is_empty(), "{issues:?}");
    let p = p.unwrap_or_else(|| unreachable!());
    assert_eq!(p.name, "โครงการ ก");
    assert_eq!(p.remark, "ทำำ แล้ว");
}
