//! This round beside the previous one (รอบก่อน), for the 12-month report: projects are matched
//! by division and normalised name (the same normalisation as duplicates), else by name alone
//! when a project moved division. What moved is a [`Change`]; what breaks e-PlanNACC's rules is
//! an issue: a completed project no longer completed (`status-regressed`), less disbursed than
//! before (`disbursed-decreased`), a project of the previous round missing now
//! (`project-dropped`, with the nearest new name suggested — never matched silently).
//! Pure: projects in, changes and issues out; one project at a time, so the current round's
//! list is never held.

use crate::compute::ReportTotals;
use crate::issue::{Issue, Problem};
use crate::model::{ProjectRow, Status};
use crate::schema::text::{normalized, without_list_number};
use crate::validate::name_key;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use serde::Serialize;

/// Whether a division of the previous round has sent a file this round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sent {
    /// It has: a project of it missing now is dropped.
    Yes,
    /// It has not (yet): it is missing, not each of its projects.
    No,
    /// Only some divisions' files were given (named one by one, `check กองคลัง.xlsx`): its
    /// projects are not asked after.
    NotAsked,
}

/// The previous round as read: where from, its projects and its figures.
#[derive(Debug, Clone)]
pub struct Previous {
    /// The summary workbook or folder it was read from, as the user named it.
    pub file: String,
    /// Its projects.
    pub projects: Vec<ProjectRow>,
    /// Its figures as it reported them (a summary's own, or computed with its folder's
    /// report.toml).
    pub totals: ReportTotals,
    /// The fiscal year (B.E.) and round it says it is of (a summary's title, the report.toml
    /// of its folder), when it says.
    pub round: Option<(u16, u8)>,
    /// Whether it is of an earlier fiscal year than the report it is compared with (last
    /// year's 12-month round before a 6-month one): projects start the year again, so a
    /// status or an amount lower than last year's is no regression ([`Comparison::a_year_on`]).
    pub a_year_before: bool,
    /// What is to be said of it as read (a summary that was a draft, or edited since).
    pub issues: Vec<Issue>,
}

impl Previous {
    /// The round before a report of `fiscal_year` and `round`: the 6-month round of the same
    /// year before a 12-month report, the year before's 12-month round before a 6-month one.
    pub fn expected(fiscal_year: u16, round: u8) -> (u16, u8) {
        if round == 12 {
            (fiscal_year, 6)
        } else {
            (fiscal_year.saturating_sub(1), 12)
        }
    }

    /// Whether a previous round said to be `found` is of an earlier fiscal year than a report of
    /// `fiscal_year` and `round`. A 6-month report's previous round is always last year's.
    pub fn is_a_year_before(found: Option<(u16, u8)>, fiscal_year: u16, round: u8) -> bool {
        round == 6 || found.is_some_and(|(year, _)| year < fiscal_year)
    }

    /// The previous round's projects of `division` (compared after normalising): what one
    /// division's file of this round is compared with.
    pub fn projects_of(&self, division: &str) -> Vec<ProjectRow> {
        let wanted = normalized(division);
        self.projects
            .iter()
            .filter(|p| normalized(&p.division) == wanted)
            .cloned()
            .collect()
    }

    /// A warning when this previous round says it is another round than the one before a
    /// report of `fiscal_year` and `round` (last year's file, or this round's own summary).
    pub fn mismatch(&self, fiscal_year: u16, round: u8) -> Option<Issue> {
        let found = self.round?;
        let expected = Self::expected(fiscal_year, round);
        (found != expected).then(|| {
            let problem = Problem::PreviousOtherRound { found, expected };
            Issue::new(problem, crate::model::Location::file(&self.file))
        })
    }
}

/// `(2565, 6)` from a summary's title, `… ประจำปีงบประมาณ พ.ศ. 2565 รอบ 6 เดือน`.
pub fn round_in_title(title: &str) -> Option<(u16, u8)> {
    let number_after = |marker: &str| -> Option<u32> {
        let rest = &title[title.find(marker)? + marker.len()..];
        rest.trim_start()
            .split(|c: char| !c.is_ascii_digit())
            .next()?
            .parse()
            .ok()
    };
    let year = u16::try_from(number_after("พ.ศ.")?).ok()?;
    let round = u8::try_from(number_after("รอบ")?).ok()?;
    Some((year, round))
}

/// Whether `projects` (one file's) are exactly the previous round's `before` (one division's):
/// the same projects by name, none new and none missing, each with the status, disbursed
/// amount and plan budget it had — what `division-unchanged` looks at, for one file. The form
/// `template --from` prefilled from that round, sent back untouched, is such a file.
pub fn as_before(projects: &[ProjectRow], before: &[ProjectRow]) -> bool {
    if projects.is_empty() || projects.len() != before.len() {
        return false;
    }
    let mut unmatched: FxHashMap<u128, Vec<&ProjectRow>> = FxHashMap::default();
    for p in before {
        unmatched.entry(name_key(&p.name)).or_default().push(p);
    }
    projects.iter().all(|p| {
        let same = |b: &&ProjectRow| {
            b.status == p.status && b.disbursed == p.disbursed && b.budget_plan == p.budget_plan
        };
        let Some(candidates) = unmatched.get_mut(&name_key(&p.name)) else {
            return false;
        };
        match candidates.iter().position(same) {
            Some(i) => {
                candidates.swap_remove(i);
                true
            }
            None => false,
        }
    })
}

/// What kind of change a project went through between the rounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// Newly completed (ดำเนินการแล้วเสร็จ now, something else before).
    Completed,
    /// Another status change.
    Status,
    /// New in this round.
    New,
    /// In the previous round, missing now.
    Dropped,
    /// In the previous round, of a division that has sent no file this round (not dropped:
    /// not yet sent).
    Unsent,
    /// Disbursed a different amount.
    Disbursed,
    /// A different plan budget.
    Budget,
    /// A different ordinance budget (งบตามข้อบัญญัติ: what %งบ is taken of).
    Ordinance,
    /// Another dimension (มิติ): the dimension table moves with it.
    Dimension,
    /// Another division (กอง).
    Moved,
}

impl ChangeKind {
    /// Every kind, in the order the เทียบรอบก่อน sheet lists them.
    pub const ALL: [ChangeKind; 10] = [
        ChangeKind::Completed,
        ChangeKind::Status,
        ChangeKind::New,
        ChangeKind::Dropped,
        ChangeKind::Unsent,
        ChangeKind::Disbursed,
        ChangeKind::Budget,
        ChangeKind::Ordinance,
        ChangeKind::Dimension,
        ChangeKind::Moved,
    ];

    /// Whether its from and to are amounts in baht.
    pub fn is_amount(self) -> bool {
        matches!(
            self,
            ChangeKind::Disbursed | ChangeKind::Budget | ChangeKind::Ordinance
        )
    }

    /// The heading of its group, Thai.
    pub fn thai(self) -> &'static str {
        match self {
            ChangeKind::Completed => "เปลี่ยนเป็นดำเนินการแล้วเสร็จ",
            ChangeKind::Status => "สถานะเปลี่ยน",
            ChangeKind::New => "โครงการใหม่",
            ChangeKind::Dropped => "โครงการที่ไม่มีในรอบนี้",
            ChangeKind::Unsent => "โครงการของกองที่ยังไม่ส่งไฟล์รอบนี้ (ไม่รวมในตัวเลขรอบนี้)",
            ChangeKind::Disbursed => "เบิกจ่ายเปลี่ยน",
            ChangeKind::Budget => "งบประมาณเปลี่ยน",
            ChangeKind::Ordinance => "งบประมาณตามข้อบัญญัติเปลี่ยน",
            ChangeKind::Dimension => "มิติเปลี่ยน",
            ChangeKind::Moved => "ย้ายกอง",
        }
    }
}

/// One project's change between the rounds. Statuses are their Thai words, money 2-dp strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// What changed.
    pub kind: ChangeKind,
    /// กอง (this round's; the previous round's for a dropped project).
    pub division: String,
    /// The project's name.
    pub name: String,
    /// Before (none for a new project).
    pub from: Option<String>,
    /// Now (none for a dropped project).
    pub to: Option<String>,
}

/// The previous round's projects, matched against this round's as they pass.
#[derive(Debug)]
pub struct Comparison {
    previous: Vec<ProjectRow>,
    by_division: FxHashMap<(String, u128), usize>,
    by_name: FxHashMap<u128, Vec<usize>>,
    /// The previous projects whose names carry a list number (`1. `), by their names without
    /// it ([`without_list_number`]), for a name that matches none as typed.
    by_bare_name: FxHashMap<u128, Vec<usize>>,
    matched: Vec<bool>,
    changes: Vec<Change>,
    /// This round's projects that matched none (candidates for "did you mean"), with where
    /// each is.
    new_names: Vec<(String, crate::model::Location)>,
    /// This round's divisions, in the order first seen.
    divisions_now: Vec<DivisionNow>,
    /// The previous round is of last fiscal year ([`Previous::a_year_before`]): only the list
    /// is compared (projects new, projects dropped), not statuses and amounts.
    a_year_on: bool,
}

/// One division of this round, as its projects pass.
#[derive(Debug)]
struct DivisionNow {
    /// Its name, normalised (the key).
    key: String,
    /// As its projects give it.
    name: String,
    /// Its first project's file.
    file: String,
    /// Its projects compared.
    projects: usize,
    /// Whether anything of it changed (a status, an amount, a project new or dropped).
    changed: bool,
    /// Whether any of its projects is not completed (so could have moved on).
    open: bool,
}

/// `มิติที่ 2`, or its sub-code (`มิติที่ 2.3`) when it has one.
fn dimension_shown(p: &ProjectRow) -> String {
    match &p.dimension_code {
        Some(code) => format!("มิติที่ {code}"),
        None => format!("มิติที่ {}", p.dimension.number()),
    }
}

fn money(value: Decimal) -> String {
    crate::schema::two_dp(value).to_string()
}

impl Comparison {
    /// Indexes the previous round's projects.
    pub fn new(previous: Vec<ProjectRow>) -> Self {
        let mut by_division = FxHashMap::default();
        let mut by_name: FxHashMap<u128, Vec<usize>> = FxHashMap::default();
        let mut by_bare_name: FxHashMap<u128, Vec<usize>> = FxHashMap::default();
        for (i, p) in previous.iter().enumerate() {
            let key = name_key(&p.name);
            if let Some(bare) = without_list_number(&p.name) {
                by_bare_name.entry(name_key(bare)).or_default().push(i);
            }
            by_division
                .entry((normalized(&p.division).into_owned(), key))
                .or_insert(i);
            by_name.entry(key).or_default().push(i);
        }
        Comparison {
            matched: vec![false; previous.len()],
            previous,
            by_division,
            by_name,
            by_bare_name,
            changes: Vec::new(),
            new_names: Vec::new(),
            divisions_now: Vec::new(),
            a_year_on: false,
        }
    }

    /// Compares with last fiscal year's round: a project begins the year again (รอรายงาน, 0
    /// disbursed, this year's budget), so a status, an amount or a budget unlike last year's is
    /// neither an issue (`status-regressed`, `disbursed-decreased`) nor a change; projects new
    /// and dropped still are.
    pub fn a_year_on(&mut self) {
        self.a_year_on = true;
    }

    /// Counts `p` for its division, `changed` or not.
    fn note_division(&mut self, p: &ProjectRow, changed: bool) {
        let key = normalized(&p.division);
        match self.divisions_now.iter_mut().find(|d| d.key == key) {
            Some(d) => {
                d.projects += 1;
                d.changed |= changed;
                d.open |= p.status != Status::Completed;
            }
            None => self.divisions_now.push(DivisionNow {
                key: key.into_owned(),
                name: p.division.to_string(),
                file: p.source.file.to_string(),
                projects: 1,
                changed,
                open: p.status != Status::Completed,
            }),
        }
    }

    /// The previous project `p` is, if any: same division and name, else the same name in
    /// another division, else the same name once a list number is taken off either (`1. ชื่อ`
    /// = `ชื่อ`; preferring its own division).
    fn find(&self, p: &ProjectRow, key: u128) -> Option<usize> {
        let division = normalized(&p.division).into_owned();
        let same = self
            .by_division
            .get(&(division, key))
            .copied()
            .filter(|&i| !self.matched[i]);
        let unmatched = |found: Option<&Vec<usize>>| {
            let mut found = found?.iter().copied().filter(|&i| !self.matched[i]);
            let first = found.next()?;
            let own = normalized(&p.division);
            let own = |i: &usize| normalized(&self.previous[*i].division) == own;
            Some(
                std::iter::once(first)
                    .chain(found)
                    .find(own)
                    .unwrap_or(first),
            )
        };
        same.or_else(|| unmatched(self.by_name.get(&key)))
            .or_else(|| {
                // `1. ชื่อ` now: `ชื่อ` before; `ชื่อ` or `2. ชื่อ` now: `1. ชื่อ` before.
                let bare = without_list_number(&p.name).map(name_key);
                let as_typed = bare.and_then(|bare| unmatched(self.by_name.get(&bare)));
                as_typed.or_else(|| unmatched(self.by_bare_name.get(&bare.unwrap_or(key))))
            })
    }

    /// Compares one project of this round (whose [`name_key`] is `key`) with the previous
    /// round, recording its changes; returns the issues it raises.
    pub fn check(&mut self, p: &ProjectRow, key: u128) -> Vec<Issue> {
        let before = self.changes.len();
        let (issues, differs) = self.compare(p, key);
        self.note_division(p, differs || self.changes.len() > before);
        issues
    }

    /// The issues `p` raises, and whether it differs from the previous round's project at all
    /// (what a year on is not recorded as a change).
    fn compare(&mut self, p: &ProjectRow, key: u128) -> (Vec<Issue>, bool) {
        let Some(i) = self.find(p, key) else {
            self.new_names.push((p.name.clone(), p.source.clone()));
            self.change(ChangeKind::New, p, None, Some(p.status.thai().into()));
            return (Vec::new(), true);
        };
        self.matched[i] = true;
        let before = &self.previous[i];
        // Where the project sits in the report, in any year: its dimension and its division.
        let moved = (normalized(&before.division) != normalized(&p.division))
            .then(|| (before.division.to_string(), p.division.to_string()));
        let dimension = (before.dimension != p.dimension)
            .then(|| (dimension_shown(before), dimension_shown(p)));
        let placed = moved.is_some() || dimension.is_some();
        if let Some((from, to)) = dimension {
            self.change(ChangeKind::Dimension, p, Some(from), Some(to));
        }
        if let Some((from, to)) = moved {
            self.change(ChangeKind::Moved, p, Some(from), Some(to));
        }
        let before = &self.previous[i];
        if self.a_year_on {
            let differs = before.status != p.status
                || before.disbursed != p.disbursed
                || before.budget_plan != p.budget_plan;
            return (Vec::new(), differs || placed);
        }
        let before = before.clone();
        let mut issues = Vec::new();
        if before.status != p.status {
            let kind = if p.status == Status::Completed {
                ChangeKind::Completed
            } else {
                ChangeKind::Status
            };
            let (from, to) = (before.status.thai().into(), p.status.thai().into());
            self.change(kind, p, Some(from), Some(to));
            if before.status == Status::Completed {
                let problem = Problem::StatusRegressed { now: p.status };
                issues.push(Issue::new(problem, p.status_cell()));
            }
        }
        if before.disbursed != p.disbursed {
            let (from, to) = (money(before.disbursed), money(p.disbursed));
            self.change(ChangeKind::Disbursed, p, Some(from), Some(to));
            if p.disbursed < before.disbursed {
                let problem = Problem::DisbursedDecreased {
                    before: before.disbursed,
                    now: p.disbursed,
                };
                issues.push(Issue::new(problem, p.disbursed_cell()));
            }
        }
        if before.budget_plan != p.budget_plan {
            let (from, to) = (money(before.budget_plan), money(p.budget_plan));
            self.change(ChangeKind::Budget, p, Some(from), Some(to));
        }
        // An ordinance budget that is the plan budget in both rounds moved with it: said once.
        let follows_plan =
            before.budget_ordinance == before.budget_plan && p.budget_ordinance == p.budget_plan;
        if before.budget_ordinance != p.budget_ordinance && !follows_plan {
            let (from, to) = (money(before.budget_ordinance), money(p.budget_ordinance));
            self.change(ChangeKind::Ordinance, p, Some(from), Some(to));
        }
        (issues, placed)
    }

    fn change(
        &mut self,
        kind: ChangeKind,
        p: &ProjectRow,
        from: Option<String>,
        to: Option<String>,
    ) {
        self.changes.push(Change {
            kind,
            division: p.division.to_string(),
            name: p.name.clone(),
            from,
            to,
        });
    }

    /// A project named by `key` is in this round's files, in a row refused for an error of its
    /// own: the previous round's project of that name is not dropped (the row's error says
    /// what to fix), and no change is recorded for it.
    pub fn present(&mut self, key: u128) {
        let unmatched = self
            .by_name
            .get(&key)
            .and_then(|found| found.iter().copied().find(|&i| !self.matched[i]));
        if let Some(i) = unmatched {
            self.matched[i] = true;
        }
    }

    /// The previous round's projects matched by none of this round's: dropped, each an issue
    /// where it was, with the nearest new name suggested — unless its division sent no file
    /// this round (`sent` says whether one did): then one `division-missing` for the division,
    /// saying how many it had, and not a drop per project (one division's file checked alone,
    /// a merge before every division has sent). Returns every change and those issues.
    pub fn finish(mut self, sent: &dyn Fn(&str) -> Sent) -> (Vec<Change>, Vec<Issue>) {
        let mut issues = Vec::new();
        let mut missing: Vec<(String, usize, crate::model::Location)> = Vec::new();
        for (p, matched) in self.previous.iter().zip(&self.matched) {
            if *matched {
                continue;
            }
            let sent = sent(&p.division);
            if sent == Sent::NotAsked {
                continue;
            }
            if sent == Sent::No {
                match missing.iter_mut().find(|(d, ..)| **d == *p.division) {
                    Some((_, n, _)) => *n += 1,
                    None => missing.push((
                        p.division.to_string(),
                        1,
                        crate::model::Location::file(&p.source.file),
                    )),
                }
            } else {
                let near = nearest(&p.name, &self.new_names);
                let problem = Problem::ProjectDropped {
                    name: p.name.clone(),
                    near: near.map(|(name, _)| name.clone()),
                    near_at: near.map(|(_, at)| at.clone()),
                };
                issues.push(Issue::new(problem, p.source.clone()));
            }
            let key = normalized(&p.division);
            if let Some(d) = self.divisions_now.iter_mut().find(|d| d.key == key) {
                d.changed = true;
            }
            let kind = match sent {
                Sent::No => ChangeKind::Unsent,
                _ => ChangeKind::Dropped,
            };
            self.changes.push(Change {
                kind,
                division: p.division.to_string(),
                name: p.name.clone(),
                from: Some(p.status.thai().into()),
                to: None,
            });
        }
        for (division, previous, file) in missing {
            let problem = Problem::DivisionMissing { division, previous };
            issues.push(Issue::new(problem, file));
        }
        // A division whose every project is as it was, some not completed: last round's file
        // (or the form prefilled from it) sent again, or work that stood still. Said, to check.
        for d in self.divisions_now.iter().filter(|d| !d.changed && d.open) {
            let problem = Problem::DivisionUnchanged {
                division: d.name.clone(),
                projects: d.projects,
            };
            issues.push(Issue::new(problem, crate::model::Location::file(&d.file)));
        }
        (self.changes, issues)
    }
}

/// The name among `names` a small edit away from `name` (a typo fixed, a word added), if any,
/// with where it is.
fn nearest<'n>(
    name: &str,
    names: &'n [(String, crate::model::Location)],
) -> Option<&'n (String, crate::model::Location)> {
    let target: Vec<char> = normalized(name).chars().collect();
    names
        .iter()
        .map(|candidate| {
            let other: Vec<char> = normalized(&candidate.0).chars().collect();
            (edit_distance(&target, &other), candidate, other.len())
        })
        .filter(|(distance, _, len)| {
            let longer = target.len().max(*len);
            *distance <= (longer / 4).max(2)
        })
        .min_by_key(|(distance, ..)| *distance)
        .map(|(_, candidate, _)| candidate)
}

/// Levenshtein distance between two character strings.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Location;

    fn project(division: &str, name: &str, status: Status, disbursed: i64) -> ProjectRow {
        let source = Location::cell(&format!("{division}.xlsx"), "แผน", 4, 1);
        ProjectRow {
            budget_plan: Decimal::from(1000),
            budget_ordinance: Decimal::from(1000),
            disbursed: Decimal::from(disbursed),
            cells: crate::model::RowCells {
                status: Some(7),
                disbursed: Some(5),
            },
            ..ProjectRow::for_test(name, division, status, source)
        }
    }

    fn compare(before: Vec<ProjectRow>, now: &[ProjectRow]) -> (Vec<Change>, Vec<Issue>) {
        let mut comparison = Comparison::new(before);
        let mut issues: Vec<Issue> = now
            .iter()
            .flat_map(|p| comparison.check(p, name_key(&p.name)))
            .collect();
        let (changes, dropped) = comparison.finish(&|_| Sent::Yes);
        issues.extend(dropped);
        (changes, issues)
    }

    #[test]
    fn a_completed_project_that_is_no_longer_is_an_error_at_its_status_cell() {
        let before = vec![project("กองคลัง", "โครงการ ก", Status::Completed, 0)];
        let now = [project("กองคลัง", "โครงการ ก", Status::InProgress, 0)];
        let (changes, issues) = compare(before, &now);
        assert_eq!(issues[0].problem.code(), "status-regressed");
        assert_eq!(issues[0].location.to_string(), "กองคลัง.xlsx › แผน › H5");
        assert_eq!(changes[0].kind, ChangeKind::Status);
    }

    #[test]
    fn a_project_that_moved_division_is_matched_by_name() {
        let before = vec![project("กองคลัง", "โครงการ ก", Status::InProgress, 0)];
        let now = [project("สำนักปลัด", "โครงการ\u{a0}ก", Status::Completed, 500)];
        let (changes, issues) = compare(before, &now);
        assert!(issues.is_empty(), "{issues:?}");
        let kinds: Vec<ChangeKind> = changes.iter().map(|c| c.kind).collect();
        let expected = [
            ChangeKind::Moved,
            ChangeKind::Completed,
            ChangeKind::Disbursed,
        ];
        assert_eq!(kinds, expected);
        assert_eq!(changes[0].from.as_deref(), Some("กองคลัง"));
        assert_eq!(changes[0].to.as_deref(), Some("สำนักปลัด"));
        assert_eq!(changes[2].from.as_deref(), Some("0.00"));
        assert_eq!(changes[2].to.as_deref(), Some("500.00"));
    }

    #[test]
    fn a_dropped_project_suggests_the_near_new_name_and_never_matches_it() {
        let before = vec![project(
            "กองคลัง",
            "โครงการอบรมคุณธรรมจริยธรรม",
            Status::InProgress,
            0,
        )];
        let now = [project(
            "กองคลัง",
            "โครงการอบรมคุณธรรมและจริยธรรม",
            Status::InProgress,
            0,
        )];
        let (changes, issues) = compare(before, &now);
        let kinds: Vec<ChangeKind> = changes.iter().map(|c| c.kind).collect();
        assert_eq!(kinds, [ChangeKind::New, ChangeKind::Dropped]);
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].problem.code(), "project-dropped");
        assert!(
            issues[0].fix().contains("โครงการอบรมคุณธรรมและจริยธรรม"),
            "{}",
            issues[0].fix()
        );
    }

    #[test]
    fn less_disbursed_than_before_is_a_warning() {
        let before = vec![project("กองคลัง", "โครงการ ก", Status::InProgress, 900)];
        let now = [project("กองคลัง", "โครงการ ก", Status::InProgress, 400)];
        let (_, issues) = compare(before, &now);
        assert_eq!(issues[0].problem.code(), "disbursed-decreased");
        assert!(issues[0].message().contains("900.00 → 400.00"));
    }

    #[test]
    fn a_file_is_as_before_only_with_every_project_unchanged_and_none_added() {
        let before = vec![
            project("กองคลัง", "โครงการ ก", Status::InProgress, 100),
            project("กองคลัง", "โครงการ ข", Status::Completed, 0),
        ];
        let reordered = [before[1].clone(), before[0].clone()];
        assert!(as_before(&reordered, &before));
        let moved_on = [
            project("กองคลัง", "โครงการ ก", Status::Completed, 100),
            before[1].clone(),
        ];
        assert!(!as_before(&moved_on, &before), "a status moved on");
        let spent = [
            project("กองคลัง", "โครงการ ก", Status::InProgress, 200),
            before[1].clone(),
        ];
        assert!(!as_before(&spent, &before), "more disbursed");
        assert!(!as_before(&before[..1], &before), "a project missing");
        let mut added = before.clone();
        added.push(project("กองคลัง", "โครงการ ค", Status::Waiting, 0));
        assert!(!as_before(&added, &before), "a project added");
        assert!(!as_before(&[], &[]), "nothing is no form");
    }

    #[test]
    fn edit_distance_counts_single_character_edits() {
        let d = |a: &str, b: &str| {
            edit_distance(
                &a.chars().collect::<Vec<_>>(),
                &b.chars().collect::<Vec<_>>(),
            )
        };
        assert_eq!(d("kitten", "sitting"), 3);
        assert_eq!(d("", "abc"), 3);
        assert_eq!(d("โครงการ", "โครงการ"), 0);
    }
}
