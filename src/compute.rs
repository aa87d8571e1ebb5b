//! Validated projects → every figure of the report (ReportTotals). Pure: Decimal arithmetic,
//! no I/O, one rounding helper for every percentage (half away from zero, 2 dp). Projects are
//! counted one at a time ([`Tally`]), so the list never has to be held to be counted.

use crate::config::ReportConfig;
use crate::model::{Dimension, ProjectRow, Status};
use crate::schema::two_dp;
use rust_decimal::{Decimal, RoundingStrategy};
use rustc_hash::FxHashMap;
use serde::{Serialize, Serializer};
use std::sync::Arc;

/// `part / whole × 100`, rounded half away from zero to 2 decimals; 0.00 when `whole` is 0.
pub fn percent(part: Decimal, whole: Decimal) -> Decimal {
    if whole.is_zero() {
        return Decimal::new(0, 2);
    }
    two_dp(part * Decimal::ONE_HUNDRED / whole)
}

/// Serialises a Decimal as a string with exactly two decimals (`"8536600.00"`).
pub fn serialize_two_dp<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&two_dp(*value).to_string())
}

/// One row of the table รายงานผลการนำแผนไปปฏิบัติ: a dimension, or the total (รวม).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DimensionTotals {
    /// The dimension (1-4); absent for the total row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dimension: Option<Dimension>,
    /// โครงการ ตามแผน — number of projects.
    pub projects: u32,
    /// โครงการ ดำเนินการแล้ว — completed projects.
    pub completed: u32,
    /// งบประมาณ ตามแผน.
    #[serde(serialize_with = "serialize_two_dp")]
    pub budget_plan: Decimal,
    /// งบประมาณ ตามข้อบัญญัติ/เทศบัญญัติ.
    #[serde(serialize_with = "serialize_two_dp")]
    pub budget_ordinance: Decimal,
    /// งบประมาณ ใช้จริง — disbursed.
    #[serde(serialize_with = "serialize_two_dp")]
    pub disbursed: Decimal,
    /// ร้อยละดำเนินการ โครงการ = completed / projects × 100.
    #[serde(serialize_with = "serialize_two_dp")]
    pub pct_projects: Decimal,
    /// ร้อยละดำเนินการ งบประมาณ = disbursed / ordinance budget × 100.
    #[serde(serialize_with = "serialize_two_dp")]
    pub pct_disbursed: Decimal,
}

impl DimensionTotals {
    /// The row as a person reads it (terminal, email): the label, the counts, baht with
    /// thousands separators, percentages with two decimals.
    pub fn text_cells(&self, label: String) -> [String; 8] {
        [
            label,
            self.projects.to_string(),
            self.completed.to_string(),
            crate::schema::baht(self.budget_plan),
            crate::schema::baht(self.budget_ordinance),
            crate::schema::baht(self.disbursed),
            two_dp(self.pct_projects).to_string(),
            two_dp(self.pct_disbursed).to_string(),
        ]
    }

    fn add(&mut self, p: &ProjectRow) {
        self.projects += 1;
        if p.status == Status::Completed {
            self.completed += 1;
        }
        self.budget_plan += p.budget_plan;
        self.budget_ordinance += p.budget_ordinance;
        self.disbursed += p.disbursed;
    }

    /// This row and `other` added up (the total row is the dimensions' sum).
    fn plus(mut self, other: &DimensionTotals) -> Self {
        self.projects += other.projects;
        self.completed += other.completed;
        self.budget_plan += other.budget_plan;
        self.budget_ordinance += other.budget_ordinance;
        self.disbursed += other.disbursed;
        self
    }

    fn finish(mut self) -> Self {
        self.pct_projects = percent(self.completed.into(), self.projects.into());
        self.pct_disbursed = percent(self.disbursed, self.budget_ordinance);
        self.budget_plan = two_dp(self.budget_plan);
        self.budget_ordinance = two_dp(self.budget_ordinance);
        self.disbursed = two_dp(self.disbursed);
        self
    }
}

/// The table สถานะโครงการ/กิจกรรม/มาตรการ, with the score and its level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusTotals {
    /// โครงการตั้งต้น — from the configuration.
    pub initial: u32,
    /// โครงการทั้งหมด — projects in the merged list.
    pub total: u32,
    /// บรรจุในข้อบัญญัติ/เทศบัญญัติ/แผนดำเนินงาน — ticked in the ordinance.
    pub in_ordinance: u32,
    /// รอรายงาน.
    pub waiting: u32,
    /// อยู่ระหว่างดำเนินการ.
    pub in_progress: u32,
    /// ดำเนินการแล้วเสร็จ.
    pub completed: u32,
    /// ไม่สามารถดำเนินการได้.
    pub cannot: u32,
    /// ผลการนำแผนฯ ไปปฏิบัติ = (completed + 0.5 × in progress) / initial × 100.
    #[serde(serialize_with = "serialize_two_dp")]
    pub implementation_pct: Decimal,
    /// ระดับการนำแผนไปปฏิบัติ — the level word for that percentage.
    pub level: String,
}

impl StatusTotals {
    /// The score, when more is done (completed, and half of those in progress) than the plan's
    /// initial projects: as printed, or with four decimals when that rounds to 100.00 (10,001
    /// done and 1 in progress of 10,001 is 100.0050 %). Told by the counts, never by the
    /// rounded score.
    pub fn score_over_a_hundred(&self) -> Option<Decimal> {
        let done_halves = 2 * u64::from(self.completed) + u64::from(self.in_progress);
        if done_halves <= 2 * u64::from(self.initial) {
            return None;
        }
        if self.implementation_pct > Decimal::ONE_HUNDRED || self.initial == 0 {
            return Some(self.implementation_pct);
        }
        let exact = Decimal::from(done_halves) * Decimal::from(50) / Decimal::from(self.initial);
        Some(exact.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero))
    }
}

/// One division's (กอง) figures, for the รายกอง sheet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DivisionTotals {
    /// กอง — division name.
    pub division: String,
    /// Projects.
    pub projects: u32,
    /// ดำเนินการแล้วเสร็จ.
    pub completed: u32,
    /// อยู่ระหว่างดำเนินการ.
    pub in_progress: u32,
    /// รอรายงาน.
    pub waiting: u32,
    /// ไม่สามารถดำเนินการได้.
    pub cannot: u32,
    /// Ordinance budget.
    #[serde(serialize_with = "serialize_two_dp")]
    pub budget: Decimal,
    /// Disbursed.
    #[serde(serialize_with = "serialize_two_dp")]
    pub disbursed: Decimal,
    /// (completed + 0.5 × in progress) / projects × 100.
    #[serde(serialize_with = "serialize_two_dp")]
    pub score: Decimal,
}

/// Every figure the report prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportTotals {
    /// One row per dimension, 1-4.
    pub dimensions: [DimensionTotals; 4],
    /// The รวม row.
    pub total: DimensionTotals,
    /// The status table.
    pub status: StatusTotals,
    /// Per division, lowest score first (who lags comes first).
    #[serde(skip)]
    pub divisions: Vec<DivisionTotals>,
}

/// (completed × 1 + in progress × 0.5) / base × 100 — e-PlanNACC's weights.
fn score(completed: u32, in_progress: u32, base: u32) -> Decimal {
    let points = Decimal::from(completed) + Decimal::from(in_progress) * Decimal::new(5, 1);
    percent(points, base.into())
}

/// Computes every figure of the report from validated projects.
pub fn compute(projects: &[ProjectRow], config: &ReportConfig) -> ReportTotals {
    let mut tally = Tally::default();
    for p in projects {
        tally.add(p);
    }
    tally.finish(config)
}

/// The report's figures counted so far, one project at a time (นับทีละโครงการ): a merge of a
/// million projects counts each as it passes and never holds the list.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    /// One row per dimension; the total (รวม) is their sum, made at [`Tally::finish`].
    dimensions: [DimensionTotals; 4],
    /// Projects per status, in [`Status::ALL`] order.
    statuses: [u32; 4],
    in_ordinance: u32,
    divisions: Vec<DivisionTotals>,
    /// Division name → index in `divisions`.
    division_index: FxHashMap<Arc<str>, usize>,
    /// The division of the last project counted (the rows of one file share it).
    last_division: Option<(Arc<str>, usize)>,
}

impl Tally {
    /// Counts one project.
    pub fn add(&mut self, p: &ProjectRow) {
        self.dimensions[p.dimension.index()].add(p);
        self.statuses[p.status.index()] += 1;
        self.in_ordinance += u32::from(p.in_ordinance);
        let i = self.division(&p.division);
        let row = &mut self.divisions[i];
        row.projects += 1;
        match p.status {
            Status::Waiting => row.waiting += 1,
            Status::InProgress => row.in_progress += 1,
            Status::Completed => row.completed += 1,
            Status::Cannot => row.cannot += 1,
        }
        row.budget += p.budget_ordinance;
        row.disbursed += p.disbursed;
    }

    /// The index of `division`'s row, added on first sight.
    fn division(&mut self, division: &Arc<str>) -> usize {
        if let Some((last, i)) = &self.last_division
            && Arc::ptr_eq(last, division)
        {
            return *i;
        }
        let i = match self.division_index.get(division) {
            Some(&i) => i,
            None => {
                self.divisions.push(DivisionTotals {
                    division: division.to_string(),
                    projects: 0,
                    completed: 0,
                    in_progress: 0,
                    waiting: 0,
                    cannot: 0,
                    budget: Decimal::ZERO,
                    disbursed: Decimal::ZERO,
                    score: Decimal::ZERO,
                });
                self.division_index
                    .insert(division.clone(), self.divisions.len() - 1);
                self.divisions.len() - 1
            }
        };
        self.last_division = Some((division.clone(), i));
        i
    }

    /// Every figure: percentages rounded, the score and its level, divisions lowest score first.
    pub fn finish(self, config: &ReportConfig) -> ReportTotals {
        let mut dimensions = self.dimensions;
        for (totals, dimension) in dimensions.iter_mut().zip(Dimension::ALL) {
            totals.dimension = Some(dimension);
        }
        let [waiting, in_progress, completed, cannot] = self.statuses;
        let implementation_pct = score(completed, in_progress, config.initial_projects);
        let mut divisions = self.divisions;
        for row in &mut divisions {
            row.score = score(row.completed, row.in_progress, row.projects);
            row.budget = two_dp(row.budget);
            row.disbursed = two_dp(row.disbursed);
        }
        divisions.sort_by(|a, b| a.score.cmp(&b.score).then(a.division.cmp(&b.division)));
        let total = dimensions
            .iter()
            .fold(DimensionTotals::default(), |sum, d| sum.plus(d));
        ReportTotals {
            total: total.finish(),
            dimensions: dimensions.map(DimensionTotals::finish),
            status: StatusTotals {
                initial: config.initial_projects,
                total: self.statuses.iter().sum(),
                in_ordinance: self.in_ordinance,
                waiting,
                in_progress,
                completed,
                cannot,
                level: config.level_for(implementation_pct),
                implementation_pct,
            },
            divisions,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_rounds_half_away_from_zero() {
        assert_eq!(percent(7.into(), 22.into()).to_string(), "31.82");
        assert_eq!(percent(19.into(), 30.into()).to_string(), "63.33");
        assert_eq!(percent(1.into(), 8.into()).to_string(), "12.50");
        // 0.125 % → 0.13 (half away from zero), not 0.12 (banker's)
        assert_eq!(percent(1.into(), 800.into()).to_string(), "0.13");
        assert_eq!(percent(5.into(), 0.into()).to_string(), "0.00");
    }

    #[test]
    fn a_score_over_a_hundred_is_told_by_the_counts_not_the_rounded_score() {
        let status = |initial, completed, in_progress, pct: &str| StatusTotals {
            initial,
            total: completed + in_progress,
            in_ordinance: 0,
            waiting: 0,
            in_progress,
            completed,
            cannot: 0,
            implementation_pct: pct.parse().expect("a decimal"),
            level: String::new(),
        };
        let over = |s: StatusTotals| s.score_over_a_hundred().map(|d| d.to_string());
        assert_eq!(
            over(status(10_001, 10_001, 1, "100.00")).as_deref(),
            Some("100.0050")
        );
        assert_eq!(over(status(2, 3, 0, "150.00")).as_deref(), Some("150.00"));
        assert_eq!(over(status(90, 90, 0, "100.00")), None);
        assert_eq!(over(status(90, 89, 2, "100.00")), None);
        assert_eq!(over(status(0, 0, 0, "0.00")), None);
    }

    #[test]
    fn seed_score_is_sixty_seven_seventy_eight() {
        assert_eq!(score(41, 40, 90).to_string(), "67.78");
    }
}
