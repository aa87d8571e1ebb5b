//! Raw rows → validated projects (ProjectRow) or issues. Every rule is a small function that
//! returns the value or an issue with its code and cell. The one cross-row rule (the same project
//! twice) keeps a [`DuplicateIndex`] of the names seen, which the merge fills file by file. This
//! module reads nothing: the merge hands it each row as the reader finds it.

use crate::issue::{Decimals, Issue, IssueList, MoneyField, Problem};
use crate::model::{Dimension, Location, ProjectRow, RowCells, Status};
use crate::read::cell::{self, Cell, DimensionCell, MoneyCell, Tick};
use crate::read::table::{DimensionHint, HintSource, RawCell, RawRow, RawStatus, UnreadMark};
use crate::schema::text::{clean_text, name_folded, normalized};
use crate::schema::{status_note, statuses_named};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry;
use std::sync::Arc;

/// Collects a rule's result: the value, or `None` with the issue recorded.
struct Checks<'a> {
    issues: &'a mut IssueList,
    location: &'a Location,
    failed: bool,
}

impl Checks<'_> {
    fn error(&mut self, problem: Problem, col: Option<u32>) {
        self.failed = true;
        self.warn(problem, col);
    }

    fn warn(&mut self, problem: Problem, col: Option<u32>) {
        let location = match col {
            Some(c) => self.location.at_col(c),
            None => self.location.clone(),
        };
        self.issues.push(Issue::new(problem, location));
    }
}

/// One raw row → a project, recording every problem of the row (not only the first).
pub fn project(raw: &RawRow, division: &Arc<str>, issues: &mut IssueList) -> Option<ProjectRow> {
    let mut checks = Checks {
        issues,
        location: &raw.location,
        failed: false,
    };
    let name = name(raw.name.as_ref(), &mut checks);
    let dimension = dimension(
        raw.dimension.as_ref(),
        raw.structure.as_ref(),
        raw.name.as_ref().map(|c| c.col),
        &mut checks,
    );
    let budget_plan = money(
        raw.budget_plan.as_ref(),
        MoneyField::BudgetPlan,
        &mut checks,
    );
    let budget_ordinance = match &raw.budget_ordinance {
        Some(c) if !c.value.is_blank() => money(Some(c), MoneyField::BudgetOrdinance, &mut checks),
        Some(c) => {
            checks.warn(Problem::OrdinanceBudgetAssumed, Some(c.col));
            budget_plan
        }
        None => budget_plan,
    };
    let disbursed = money(raw.disbursed.as_ref(), MoneyField::Disbursed, &mut checks);
    if let (Some(spent), Some(budget)) = (disbursed, budget_ordinance)
        && spent > budget
    {
        checks.error(
            Problem::DisbursedOverBudget {
                disbursed: spent,
                budget,
                budget_cell: (raw.budget_ordinance.as_ref())
                    .filter(|c| !c.value.is_blank())
                    .map(|c| raw.location.at_col(c.col).a1()),
            },
            raw.disbursed.as_ref().map(|c| c.col),
        );
    }
    let in_ordinance = raw
        .in_ordinance
        .as_ref()
        .map(|c| ticked(c, &mut checks))
        .unwrap_or(false);
    let status = status(&raw.status, raw.unread_mark.as_ref(), &mut checks);
    let remark = remark(raw, &mut checks);
    // Said at the cell that says it: the name, else the part of the remark.
    let said_cancelled_at = match name.as_deref().is_some_and(marked_cancelled) {
        true => Some(raw.name.as_ref().map(|c| c.col)),
        false => (remark.parts.iter())
            .find(|(part, _)| says_cancelled(part))
            .map(|(_, col)| *col),
    };
    if let Some(status) = status
        && status != Status::Cannot
        && let Some(col) = said_cancelled_at
    {
        checks.warn(Problem::CancelledNotCannot { status }, col);
    }
    let no_reason = remark.parts.iter().all(|(part, _)| gives_no_reason(part));
    if status == Some(Status::Cannot) && no_reason && !remark.unread {
        // Where the reason goes: หมายเหตุ, else after the status in its own cell.
        let col = raw.remark.as_ref().or(raw.results.as_ref()).map(|c| c.col);
        let problem = Problem::CannotWithoutReason {
            remark_column: col.is_some(),
        };
        checks.error(
            problem,
            col.or_else(|| status_col(&raw.status, Status::Cannot)),
        );
    }
    let remark = remark.text;
    if checks.failed {
        return None;
    }
    let (dimension, dimension_code) = dimension?;
    Some(ProjectRow {
        name: name?,
        dimension,
        dimension_code,
        budget_plan: budget_plan?,
        budget_ordinance: budget_ordinance?,
        disbursed: disbursed?,
        in_ordinance,
        status: status?,
        remark,
        division: Arc::clone(division),
        source: match &raw.name {
            Some(c) => raw.location.at_col(c.col),
            None => raw.location.clone(),
        },
        cells: RowCells {
            status: status_col(&raw.status, status?),
            disbursed: raw.disbursed.as_ref().map(|c| c.col),
        },
    })
}

/// `ยกเลิกจัดงาน…`, `ยกเลิกการจัดกิจกรรม…`: the event itself cancelled — not a purchase, a
/// hire or a filing cancelled (`ยกเลิกการจัดซื้อจัดจ้างครั้งที่ 1`, `ยกเลิกการจัดเก็บ…`), which
/// the project goes on after.
fn holding_cancelled(remark: &str) -> bool {
    let rest = remark
        .strip_prefix("ยกเลิกการจัด")
        .or_else(|| remark.strip_prefix("ยกเลิกจัด"));
    rest.is_some_and(|rest| !["ซื้อ", "จ้าง", "เก็บ"].iter().any(|w| rest.starts_with(w)))
}

/// A project's remark (หมายเหตุ) as the list shows it, and its parts: the note after the status
/// in its cell, what was done (ผลการดำเนินงาน beside the ticks) and หมายเหตุ, each left out when
/// it is only a placeholder (`-`, `...`).
struct Remark {
    text: String,
    /// Each part with the column it was read from.
    parts: Vec<(String, Option<u32>)>,
    /// Whether a part could not be read (a formula without its value: said at its cell).
    unread: bool,
}

fn remark(raw: &RawRow, checks: &mut Checks<'_>) -> Remark {
    let mut unread = false;
    let mut part = |cell: Option<&RawCell>, checks: &mut Checks<'_>| match cell {
        Some(c) if uncalculated(c, checks) => {
            unread = true;
            String::new()
        }
        Some(c) => {
            let text = clean_text(&c.value.text());
            match text.chars().any(names_something) {
                true => text,
                false => String::new(),
            }
        }
        None => String::new(),
    };
    let results = part(raw.results.as_ref(), checks);
    let own = part(raw.remark.as_ref(), checks);
    // What was done comes first, then หมายเหตุ.
    let body = match (results.is_empty(), own.is_empty()) {
        (false, false) => format!("{results} {own}"),
        (false, true) => results.clone(),
        _ => own.clone(),
    };
    // What follows the status in its cell is a note, kept with the remark: the reason a project
    // cannot be carried out (`ไม่สามารถดำเนินการได้ เนื่องจาก…`), when it is expected to finish.
    // A note that points at the remark (`(ดูหมายเหตุ)`) adds nothing to it.
    let note = status_reason(&raw.status).unwrap_or_default();
    let text = match (note.is_empty(), body.is_empty()) {
        (true, _) => body,
        (false, true) => note.clone(),
        (false, false) if note.contains("หมายเหตุ") => body,
        (false, false) => format!("{note}; {body}"),
    };
    Remark {
        text,
        parts: [
            (note, words_col(&raw.status)),
            (results, raw.results.as_ref().map(|c| c.col)),
            (own, raw.remark.as_ref().map(|c| c.col)),
        ]
        .into_iter()
        .filter(|(p, _)| !p.is_empty())
        .collect(),
        unread,
    }
}

/// Whether a remark's part gives no reason a project cannot be carried out: a mark without a
/// letter (`-`), `ไม่มี`, `0`, `N/A`, the status itself, or `เนื่องจาก` with nothing after it.
fn gives_no_reason(part: &str) -> bool {
    // Letters and digits only: `- ไม่มี -`, `อื่นๆ (ระบุ)` read as ไม่มี, อื่นๆระบุ.
    let t: String = normalized(part)
        .to_lowercase()
        .chars()
        .filter(|c| names_something(*c) || *c == 'ๆ' || *c == '/')
        .collect();
    let after = t
        .strip_prefix("เนื่องจาก")
        .or_else(|| t.strip_prefix("เพราะ"))
        .unwrap_or(&t);
    const NONE: [&str; 12] = [
        "ไม่มี",
        "0",
        "๐",
        "n/a",
        "na",
        "none",
        "ไม่ระบุ",
        "ไม่มีเหตุผล",
        "อื่นๆ",
        "อื่นๆระบุ",
        "ดูหมายเหตุ",
        "ไม่ได้ดำเนินการ",
    ];
    !after.chars().any(names_something)
        || NONE.contains(&after)
        || after.starts_with("ไม่มีเหตุผล")
        || after.starts_with("ดูในหมายเหตุ")
        // The status said again, with nothing after it.
        || (crate::schema::status_word(part).is_some() && status_note(part).is_none())
}

/// Whether a part of a project's remark says the project was cancelled (a name says so only
/// by [`marked_cancelled`]): `(ยกเลิก)` marked on it, `ยกเลิก`, `ยกเลิกโครงการ`, `ยกเลิกเนื่องจาก…` (and `เพราะ`, `ตาม`, `:`, `(`, `,`,
/// `/` after it), `ยกเลิกแล้ว`, `โครงการนี้ยกเลิก`, `โครงการถูกยกเลิก`. Not a project about cancelling
/// something (`รณรงค์ยกเลิกการใช้โฟม`), a contract cancelled, or `ไม่ยกเลิก`.
fn says_cancelled(remark: &str) -> bool {
    // One look for the word in the common case (no project says it); the forms after.
    if !remark.contains("ยกเลิก") {
        return false;
    }
    if marked_cancelled(remark) {
        return true;
    }
    let remark = remark.trim();
    let reason_follows = remark.strip_prefix("ยกเลิก").is_some_and(|rest| {
        let rest = rest.trim_start();
        // เนืองจาก: the common slip of เนื่องจาก.
        let after = ["เนื่องจาก", "เนืองจาก", "เนื่องด้วย", "เพราะ", "ตาม"];
        after.iter().any(|w| rest.starts_with(w))
            || rest.starts_with([':', '(', '-', '–', ',', '/'])
    });
    remark == "ยกเลิก"
        || reason_follows
        || remark.starts_with("ยกเลิกโครงการ")
        || remark.contains("ขอยกเลิกโครงการ")
        || holding_cancelled(remark)
        || remark.starts_with("ยกเลิกแล้ว")
        || remark.starts_with("ได้ยกเลิกแล้ว")
        || remark.contains("โครงการนี้ยกเลิก")
        || remark.contains("โครงการถูกยกเลิก")
        || remark.starts_with("ถูกยกเลิก")
}

/// `(ยกเลิก)` or `[ยกเลิก]` marked on a name or a remark.
fn marked_cancelled(text: &str) -> bool {
    text.contains("(ยกเลิก)") || text.contains("[ยกเลิก]")
}

/// What a status cell of words says after its status (the reason a project cannot be carried
/// out, when it should finish), kept in the project's remark.
fn status_reason(raw: &RawStatus) -> Option<String> {
    match raw {
        RawStatus::Words(cell) => {
            // Most cells hold one of the four words exactly (the form's list): nothing follows.
            let text = cell.value.text();
            let exact = Status::ALL.iter().any(|s| s.thai() == text.trim());
            (!exact).then(|| status_note(&text)).flatten()
        }
        RawStatus::Ticks(_) => None,
    }
}

/// Whether the cell has no value of its own to read: a formula saved without it
/// (`formula-no-value`), giving an error such as `#REF!` (`formula-error`), or an amount merged
/// over this project and the one above (`money-merged`). The issue is recorded at the cell, and
/// nothing else need be said of it.
fn uncalculated(c: &RawCell, checks: &mut Checks<'_>) -> bool {
    let problem = match &c.value {
        Cell::Uncalculated(_) => Problem::FormulaNoValue {
            formula: c.value.display(),
        },
        Cell::Error(found) => Problem::FormulaError {
            found: found.clone(),
        },
        Cell::MergedFrom(range) => Problem::MoneyMerged {
            range: range.clone(),
        },
        _ => return false,
    };
    checks.error(problem, Some(c.col));
    true
}

fn name(cell: Option<&RawCell>, checks: &mut Checks<'_>) -> Option<String> {
    if let Some(RawCell {
        value: Cell::MergedFrom(range),
        col,
    }) = cell
    {
        let problem = Problem::NameMerged {
            range: range.clone(),
        };
        checks.error(problem, Some(*col));
        return None;
    }
    if cell.is_some_and(|c| uncalculated(c, checks)) {
        return None;
    }
    let text = name_text(cell);
    if text.is_none() {
        checks.error(Problem::NameMissing, cell.map(|c| c.col));
    }
    text
}

/// A row's project name as validation reads it (cleaned; none when blank or without a letter
/// or digit: `-`, a ditto mark `"`, `〃`, `ๆ` or `-do-` names no project), also for a row
/// refused for another error (its name still says which project it is).
pub fn name_text(cell: Option<&RawCell>) -> Option<String> {
    cell.filter(|c| !matches!(c.value, Cell::MergedFrom(_)))
        .map(|c| clean_text(&c.value.text()))
        .filter(|t| t.chars().any(names_something) && !is_ditto_word(t))
}

/// `-do-`, `do`, `ditto`: the ditto mark written as a word.
fn is_ditto_word(text: &str) -> bool {
    text.len() <= 8 && {
        let word = text.trim_matches(|c: char| c == '-' || c == '.' || c.is_whitespace());
        word.eq_ignore_ascii_case("do") || word.eq_ignore_ascii_case("ditto")
    }
}

/// A letter or digit: a Thai letter, vowel or digit, an ASCII one, else any other script's
/// (Unicode's tables are slow, so they are asked last). ๆ (repeat the word before) and ฯ
/// (abbreviation) name nothing alone.
fn names_something(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (('\u{0E01}'..='\u{0E4E}').contains(&c) && c != 'ๆ' && c != 'ฯ')
        || ('\u{0E50}'..='\u{0E59}').contains(&c)
        || (!c.is_ascii() && !('\u{0E00}'..='\u{0E7F}').contains(&c) && c.is_alphanumeric())
}

/// The dimension and its sub-dimension code (if one was written): from the มิติ column when it
/// holds one, else from the table's structure (the section row above, or the sheet's name). A
/// column that disagrees with the structure is an error naming both. A table with no มิติ column
/// and no structure above the row is told at the row's name (`name_col`), the cell a clerk looks
/// at to see which project it is.
fn dimension(
    cell: Option<&RawCell>,
    structure: Option<&DimensionHint>,
    name_col: Option<u32>,
    checks: &mut Checks<'_>,
) -> Option<(Dimension, Option<String>)> {
    if cell.is_some_and(|c| uncalculated(c, checks)) {
        return None;
    }
    let written = match cell {
        Some(c) => match cell::dimension(&c.value) {
            DimensionCell::Blank => None,
            DimensionCell::Number(n) => Some((n, None, c)),
            DimensionCell::Code { dimension, code } => Some((dimension, Some(code), c)),
            DimensionCell::Invalid(found) => {
                checks.error(Problem::DimensionInvalid { found }, Some(c.col));
                return None;
            }
            DimensionCell::TitleConflict(number, title) => {
                checks.error(
                    Problem::DimensionTitleConflict { number, title },
                    Some(c.col),
                );
                return None;
            }
        },
        None => None,
    };
    if structure.is_some_and(|h| matches!(h.source, HintSource::Disputed(_))) {
        // Told once, at the heading (`section-sheet-conflict`, `dimension-title-conflict`):
        // counted under neither.
        checks.failed = true;
        return None;
    }
    let Some((number, code, c)) = written else {
        return match structure {
            Some(hint) => Some((hint.dimension, None)),
            None => {
                checks.error(
                    Problem::DimensionMissing {
                        column: cell.is_some(),
                    },
                    cell.map(|c| c.col).or(name_col),
                );
                None
            }
        };
    };
    let Some(d) = u8::try_from(number).ok().and_then(Dimension::new) else {
        let found = c.value.display();
        checks.error(Problem::DimensionInvalid { found }, Some(c.col));
        return None;
    };
    if let Some(hint) = structure.filter(|h| h.dimension != d) {
        let problem = Problem::DimensionConflict {
            column: d.number(),
            structure: hint.dimension.number(),
            section_row: match hint.source {
                HintSource::Section(row) | HintSource::Disputed(row) => Some(row + 1),
                HintSource::SheetName => None,
            },
        };
        checks.error(problem, Some(c.col));
        return None;
    }
    Some((d, code))
}

/// The largest amount accepted in a money cell: 999,999,999,999.99 baht (below one trillion; the
/// whole Thai national budget is about 3.5 trillion). It keeps every sum and percentage far from
/// Decimal's limit (~7.9e28), so nothing in `compute` can overflow.
pub const MAX_MONEY: Decimal = Decimal::from_parts(276_447_231, 23_283, 0, false, 2);

/// A money cell: a non-negative amount with at most two decimals, below [`MAX_MONEY`].
fn money(cell: Option<&RawCell>, field: MoneyField, checks: &mut Checks<'_>) -> Option<Decimal> {
    let Some(c) = cell else {
        // The header check guarantees plan budget and disbursed columns exist.
        return Some(Decimal::ZERO);
    };
    let col = Some(c.col);
    if uncalculated(c, checks) {
        return None;
    }
    let amount = match cell::money(&c.value) {
        MoneyCell::Blank => {
            checks.warn(Problem::MoneyBlank { field }, col);
            return Some(Decimal::ZERO);
        }
        MoneyCell::Number(d) => d,
        MoneyCell::Text(d) => {
            let found = c.value.display();
            checks.warn(Problem::MoneyAsText { field, found }, col);
            d
        }
        MoneyCell::Nil(found) => {
            checks.warn(Problem::MoneyNil { field, found }, col);
            return Some(Decimal::ZERO);
        }
        MoneyCell::Invalid(found) => {
            checks.error(Problem::MoneyNotNumber { field, found }, col);
            return None;
        }
        MoneyCell::Date(found) => {
            checks.error(Problem::MoneyIsDate { field, found }, col);
            return None;
        }
        // Said by `uncalculated` above.
        MoneyCell::Uncalculated(_) => return None,
    };
    if amount < Decimal::ZERO {
        checks.error(Problem::MoneyNegative { field, amount }, col);
        return None;
    }
    // Less than a baht is no budget: a share typed in a cell formatted as a percentage (0.42
    // shown as 42 %), never read as 42 satang.
    if amount < Decimal::ONE && amount > Decimal::ZERO {
        let found = amount.normalize().to_string();
        // Only a number can be shown as a percentage; text is as typed.
        let number = matches!(c.value, Cell::Number(_));
        checks.error(
            Problem::MoneyBelowOneBaht {
                field,
                found,
                number,
            },
            col,
        );
        return None;
    }
    if amount > MAX_MONEY {
        checks.error(Problem::MoneyTooLarge { field, amount }, col);
        return None;
    }
    // normalize() only ever lowers the scale: a scale of 2 or less needs no look.
    if amount.scale() > 2 && amount.normalize().scale() > 2 {
        let found = amount.normalize().to_string();
        let decimals = too_precise(&c.value, amount.normalize());
        let problem = Problem::MoneyTooPrecise {
            field,
            found,
            decimals,
        };
        checks.error(problem, col);
        return None;
    }
    Some(amount)
}

/// What money with more than two decimals most likely is. A number of 3 or 4 decimals below
/// 1,000 is a percentage cell's (an amount below 100,000.00 typed in a `0.00%` cell is stored
/// as a hundredth of it: 12,500.50 → 125.005); one at or above (55300.456 in a `#,##0` cell,
/// shown 55,300) is no amount typed so, and saying "shown as 5530045.6%" misleads. A number of
/// more than 4 decimals is no typing: a formula's result (`=E7/3`), shown rounded. Text is as
/// typed.
fn too_precise(value: &Cell, amount: Decimal) -> Decimals {
    const PERCENT_BELOW: Decimal = Decimal::from_parts(1000, 0, 0, false, 0);
    match (value, amount.scale()) {
        (Cell::Number(_), 0..=4) if amount < PERCENT_BELOW => Decimals::Percent,
        (Cell::Number(_), 5..) => Decimals::Computed,
        _ => Decimals::Typed,
    }
}

/// A tick cell; an unreadable tick is an error and counts as unticked.
fn ticked(c: &RawCell, checks: &mut Checks<'_>) -> bool {
    if uncalculated(c, checks) {
        return false;
    }
    match cell::tick(&c.value) {
        Tick::Ticked => true,
        Tick::Unticked => false,
        Tick::Unknown(found) => {
            checks.error(Problem::TickUnknown { found }, Some(c.col));
            false
        }
    }
}

fn status(
    raw: &RawStatus,
    unread_mark: Option<&UnreadMark>,
    checks: &mut Checks<'_>,
) -> Option<Status> {
    match raw {
        RawStatus::Words(c) => {
            if uncalculated(c, checks) {
                return None;
            }
            if c.value.is_blank() {
                let problem = Problem::StatusMissing {
                    unread: None,
                    ticks: false,
                };
                checks.error(problem, Some(c.col));
                return None;
            }
            match statuses_named(&c.value.text()).as_slice() {
                [one] => Some(*one),
                [] => {
                    let found = c.value.display();
                    checks.error(Problem::StatusUnknown { found }, Some(c.col));
                    None
                }
                several => {
                    let found = statuses_in_thai(several.iter().copied());
                    checks.error(Problem::StatusMultiple { found }, Some(c.col));
                    None
                }
            }
        }
        RawStatus::Ticks(columns) => {
            // Every column is read (each unreadable tick is its own issue); only the first two
            // ticked are kept, the full list is made again for the rare message.
            let mut first: Option<Status> = None;
            let mut second: Option<u32> = None;
            for (s, c) in columns {
                if ticked(c, checks) {
                    match first {
                        None => first = Some(*s),
                        Some(_) => second = second.or(Some(c.col)),
                    }
                }
            }
            match (first, second) {
                (Some(status), None) => Some(status),
                (None, _) => {
                    // A mark that is no tick was refused at its own cell: "no status" at
                    // another would only mislead.
                    let unreadable = columns
                        .iter()
                        .any(|(_, c)| matches!(cell::tick(&c.value), Tick::Unknown(_)));
                    if !unreadable {
                        // Its only mark in a column not read: said there, naming the column.
                        let (unread, col) = match unread_mark {
                            Some(mark) => (Some(mark.label.clone()), Some(mark.col)),
                            None => (None, columns.first().map(|(_, c)| c.col)),
                        };
                        let problem = Problem::StatusMissing {
                            unread,
                            ticks: true,
                        };
                        checks.error(problem, col);
                    }
                    checks.failed = true;
                    None
                }
                (Some(_), Some(second)) => {
                    // Each ticked status with its cell: `รอรายงาน (G10), ดำเนินการแล้วเสร็จ (I10)`.
                    let found = (columns.iter())
                        .filter(|(_, c)| cell::tick(&c.value) == Tick::Ticked)
                        .map(|(s, c)| {
                            format!("{} ({})", s.thai(), checks.location.at_col(c.col).a1())
                        })
                        .collect::<Vec<_>>()
                        .join(", ");
                    checks.error(Problem::StatusMultiple { found }, Some(second));
                    None
                }
            }
        }
    }
}

/// The column of a status written in words.
fn words_col(raw: &RawStatus) -> Option<u32> {
    match raw {
        RawStatus::Words(c) => Some(c.col),
        RawStatus::Ticks(_) => None,
    }
}

/// The column a status was read from: its word's, or its tick's.
fn status_col(raw: &RawStatus, status: Status) -> Option<u32> {
    match raw {
        RawStatus::Words(c) => Some(c.col),
        RawStatus::Ticks(columns) => columns
            .iter()
            .find(|(s, _)| *s == status)
            .map(|(_, c)| c.col),
    }
}

/// Statuses named for `status-multiple`: `รอรายงาน, ดำเนินการแล้วเสร็จ`.
fn statuses_in_thai(statuses: impl Iterator<Item = Status>) -> String {
    statuses.map(Status::thai).collect::<Vec<_>>().join(", ")
}

/// Every project name seen so far in a merge (โครงการซ้ำ), to refuse the same project listed
/// twice. A name is kept as a 128-bit hash (xxh3) of its normalised text, with where it was
/// first seen: a million projects cost about 40 MB and no name is held. Two different names
/// share a hash with a chance of about 10⁻²⁷ in a million-project merge.
#[derive(Debug, Default)]
pub struct DuplicateIndex {
    first_seen: FxHashMap<u128, FirstSeen>,
    /// (file, sheet) of the places in `first_seen`, shared: rows of one sheet add one entry.
    sheets: Vec<(Arc<str>, Arc<str>)>,
}

/// Where a name was first seen, compactly (`u32::MAX` for no row or column).
#[derive(Debug, Clone, Copy)]
struct FirstSeen {
    sheet: u32,
    row: u32,
    col: u32,
}

/// The key a project's name is known by in a [`DuplicateIndex`]: the 128-bit xxh3 hash of its
/// text as [`name_folded`] gives it (computed where the file is read, off the merge's critical
/// path).
pub fn name_key(name: &str) -> u128 {
    xxhash_rust::xxh3::xxh3_128(name_folded(name).as_bytes())
}

impl DuplicateIndex {
    /// Records `p`, whose name has the [`name_key`] `key`; when that name was seen before, the
    /// issue that refuses it (naming the first).
    pub fn check(&mut self, key: u128, p: &ProjectRow) -> Option<Issue> {
        let slot = match self.first_seen.entry(key) {
            Entry::Occupied(first) => {
                let first = *first.get();
                let (file, sheet) = &self.sheets[first.sheet as usize];
                let other = Location {
                    file: file.clone(),
                    sheet: sheet.clone(),
                    row: (first.row != u32::MAX).then_some(first.row),
                    col: (first.col != u32::MAX).then_some(first.col),
                };
                return Some(Issue::new(
                    Problem::ProjectDuplicate { other },
                    p.source.clone(),
                ));
            }
            Entry::Vacant(slot) => slot,
        };
        let loc = &p.source;
        let same_sheet = self.sheets.last().is_some_and(|(file, sheet)| {
            Arc::ptr_eq(file, &loc.file) && Arc::ptr_eq(sheet, &loc.sheet)
        });
        if !same_sheet {
            self.sheets.push((loc.file.clone(), loc.sheet.clone()));
        }
        slot.insert(FirstSeen {
            sheet: (self.sheets.len() - 1) as u32,
            row: loc.row.unwrap_or(u32::MAX),
            col: loc.col.unwrap_or(u32::MAX),
        });
        None
    }
}

#[cfg(test)]
mod tests;
