//! Properties of the whole read → validate → compute pipeline, for random project sets written
//! to workbooks: the totals equal a direct recomputation from the generated data (Decimal), and
//! no row vanishes — rows read = projects counted + rows reported.

use crate::support::{V, WORDS_HEADER, t, write_book};
use planmerge::compute;
use planmerge::config::ReportConfig;
use planmerge::model::Status;
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::collections::HashSet;

/// One generated project, as the division typed it.
#[derive(Debug, Clone)]
struct Gen {
    dimension: u8,
    budget_cents: i64,
    disbursed_cents: i64,
    status: Status,
    in_ordinance: bool,
    money_as_text: bool,
    /// A deliberate error in the row (then it is not counted).
    fault: Option<Fault>,
}

#[derive(Debug, Clone, Copy)]
enum Fault {
    DimensionFive,
    Negative,
    NoStatus,
    Overspent,
}

fn status() -> impl Strategy<Value = Status> {
    prop_oneof![
        Just(Status::Waiting),
        Just(Status::InProgress),
        Just(Status::Completed),
        Just(Status::Cannot),
    ]
}

fn fault() -> impl Strategy<Value = Option<Fault>> {
    prop_oneof![
        8 => Just(None),
        1 => Just(Some(Fault::DimensionFive)),
        1 => Just(Some(Fault::Negative)),
        1 => Just(Some(Fault::NoStatus)),
        1 => Just(Some(Fault::Overspent)),
    ]
}

fn project() -> impl Strategy<Value = Gen> {
    (
        1..=4u8,
        0..=5_000_000_000i64,
        0..=100u32,
        status(),
        any::<bool>(),
        any::<bool>(),
        fault(),
    )
        .prop_map(
            |(dimension, budget_cents, pct, status, in_ordinance, text, fault)| Gen {
                dimension,
                budget_cents,
                disbursed_cents: budget_cents * i64::from(pct) / 100,
                status,
                in_ordinance,
                money_as_text: text,
                fault,
            },
        )
}

fn baht(cents: i64) -> Decimal {
    Decimal::new(cents, 2)
}

/// `1,234,567.89`
fn thousands(cents: i64) -> String {
    let whole = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{grouped}.{:02}", cents % 100)
}

fn money(cents: i64, as_text: bool) -> V {
    if as_text {
        t(&thousands(cents))
    } else {
        V::N(cents as f64 / 100.0)
    }
}

/// The words-layout row for a generated project, numbered `n` (names are unique by `n`).
fn row(n: usize, g: &Gen) -> Vec<V> {
    let mut disbursed = g.disbursed_cents;
    let mut budget = money(g.budget_cents, g.money_as_text);
    let mut dimension = V::N(f64::from(g.dimension));
    let mut status = t(g.status.thai());
    match g.fault {
        Some(Fault::DimensionFive) => dimension = V::N(5.0),
        Some(Fault::Negative) => budget = V::N(-1.0 - g.budget_cents as f64 / 100.0),
        Some(Fault::NoStatus) => status = V::E,
        Some(Fault::Overspent) => disbursed = g.budget_cents + 1,
        None => {}
    }
    vec![
        V::N(n as f64 + 1.0),
        t(&format!("โครงการที่ {n}")),
        dimension,
        budget,
        money(disbursed, g.money_as_text),
        if g.in_ordinance { t("☑") } else { V::E },
        status,
        if g.status == Status::Cannot {
            t("ไม่ได้รับงบประมาณ")
        } else {
            V::E
        },
    ]
}

fn config() -> ReportConfig {
    ReportConfig::from_toml(crate::support::REPORT_TOML, "report.toml").expect("config")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn totals_equal_a_direct_recomputation_and_no_row_vanishes(
        files in prop::collection::vec(prop::collection::vec(project(), 0..25), 1..4),
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut paths = Vec::new();
        let mut n = 0;
        let mut valid: Vec<Gen> = Vec::new();
        for (f, projects) in files.iter().enumerate() {
            let rows: Vec<Vec<V>> = projects
                .iter()
                .map(|g| {
                    n += 1;
                    row(n, g)
                })
                .collect();
            valid.extend(projects.iter().filter(|g| g.fault.is_none()).cloned());
            let path = dir.path().join(format!("กอง{f}.xlsx"));
            write_book(&path, "แผน", &WORDS_HEADER, &rows);
            paths.push(path);
        }
        let merged = planmerge::read_and_validate(&paths);
        let totals = compute::compute(&merged.projects, &config());

        // Every figure, recomputed directly from the generated data.
        prop_assert_eq!(merged.projects.len(), valid.len());
        for d in 1..=4u8 {
            let mine: Vec<&Gen> = valid.iter().filter(|g| g.dimension == d).collect();
            let got = &totals.dimensions[usize::from(d - 1)];
            prop_assert_eq!(got.projects as usize, mine.len());
            let completed = mine.iter().filter(|g| g.status == Status::Completed).count();
            prop_assert_eq!(got.completed as usize, completed);
            let budget: Decimal = mine.iter().map(|g| baht(g.budget_cents)).sum();
            let disbursed: Decimal = mine.iter().map(|g| baht(g.disbursed_cents)).sum();
            prop_assert_eq!(got.budget_plan, budget);
            prop_assert_eq!(got.budget_ordinance, budget);
            prop_assert_eq!(got.disbursed, disbursed);
        }
        let all_budget: Decimal = valid.iter().map(|g| baht(g.budget_cents)).sum();
        prop_assert_eq!(totals.total.budget_plan, all_budget);
        let count = |s: Status| valid.iter().filter(|g| g.status == s).count() as u32;
        prop_assert_eq!(totals.status.waiting, count(Status::Waiting));
        prop_assert_eq!(totals.status.in_progress, count(Status::InProgress));
        prop_assert_eq!(totals.status.completed, count(Status::Completed));
        prop_assert_eq!(totals.status.cannot, count(Status::Cannot));
        let ticked = valid.iter().filter(|g| g.in_ordinance).count() as u32;
        prop_assert_eq!(totals.status.in_ordinance, ticked);

        // Nothing vanishes: every row read is a project or a row named by an issue.
        let rows_read: usize = merged.inputs.iter().map(|i| i.rows).sum();
        let reported: HashSet<(std::sync::Arc<str>, std::sync::Arc<str>, Option<u32>)> = merged
            .issues
            .iter()
            .filter(|i| i.is_error() || i.problem.code() == "row-not-project")
            .filter(|i| i.location.row.is_some())
            .map(|i| (i.location.file.clone(), i.location.sheet.clone(), i.location.row))
            .collect();
        prop_assert_eq!(rows_read, merged.projects.len() + reported.len());
        prop_assert_eq!(rows_read, n);
    }
}
