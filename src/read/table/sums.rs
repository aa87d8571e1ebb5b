//! The amounts of the projects read so far, added up (decimal, exact): an AutoSum row under them
//! with no total word (`=SUM(D7:D11)` in the money columns, nothing else) is told by its amounts
//! being exactly these sums, and set aside as a total rather than refused as a project with no
//! name.

use super::RawRow;
use super::layout::blank;
use crate::read::cell::{Cell, MoneyCell, decimal_from_f64, money, satang_from_f64};
use rust_decimal::Decimal;

/// One money column's amounts added up: those typed as numbers (what Excel's SUM adds) and those
/// typed as text (`55,300.00`, which SUM passes over). Numbers in whole baht or satang — nearly
/// all — are added as integer satang ([`satang_from_f64`]), exactly and without a Decimal per
/// cell; the Decimals are `None` once a sum overflows.
#[derive(Debug, Clone, Copy)]
struct Sum {
    /// Numbers in whole satang. Each is below 10^17, so no sheet's rows reach i128's limit.
    satang: i128,
    /// Other numbers (more decimals than satang).
    numbers: Option<Decimal>,
    texts: Option<Decimal>,
}

impl Default for Sum {
    fn default() -> Self {
        Sum {
            satang: 0,
            numbers: Some(Decimal::ZERO),
            texts: Some(Decimal::ZERO),
        }
    }
}

fn plus(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    a?.checked_add(b?)
}

impl Sum {
    fn add(&mut self, cell: &Cell) {
        match cell {
            Cell::Number(n) => match satang_from_f64(*n) {
                Some(satang) => self.satang = self.satang.saturating_add(satang.into()),
                None => self.numbers = plus(self.numbers, decimal_from_f64(*n)),
            },
            Cell::Text(_) if !cell.is_blank() => {
                if let MoneyCell::Text(d) = money(cell) {
                    self.texts = plus(self.texts, Some(d));
                }
            }
            _ => {}
        }
    }

    fn and(self, other: Sum) -> Sum {
        Sum {
            satang: self.satang.saturating_add(other.satang),
            numbers: plus(self.numbers, other.numbers),
            texts: plus(self.texts, other.texts),
        }
    }

    /// What a total of these rows may hold: the numbers' sum (AutoSum), or every amount's.
    fn totals(self) -> [Option<Decimal>; 2] {
        let satang = Decimal::try_from_i128_with_scale(self.satang, 2).ok();
        let numbers = plus(satang, self.numbers);
        [numbers, plus(numbers, self.texts)]
    }
}

/// The projects' amounts (plan budget, ordinance budget, disbursed) since the table's first
/// header, in two parts: those before the last boundary (a header, a heading, a total row) and
/// those after it.
#[derive(Debug, Default)]
pub(super) struct RunningSums {
    closed: [Sum; 3],
    open: [Sum; 3],
}

/// The money cells of a row, in the order of [`RunningSums`].
fn money_cells(raw: &RawRow) -> [Option<&super::RawCell>; 3] {
    [
        raw.budget_plan.as_ref(),
        raw.budget_ordinance.as_ref(),
        raw.disbursed.as_ref(),
    ]
}

impl RunningSums {
    /// Adds a project's amounts.
    pub(super) fn add(&mut self, raw: &RawRow) {
        for (sum, cell) in self.open.iter_mut().zip(money_cells(raw)) {
            if let Some(c) = cell {
                sum.add(&c.value);
            }
        }
    }

    /// A boundary (a header, a heading, a total row): the rows after it are a group of their own,
    /// and still part of the whole.
    pub(super) fn close(&mut self) {
        for (closed, open) in self.closed.iter_mut().zip(&mut self.open) {
            *closed = closed.and(std::mem::take(open));
        }
    }

    /// Whether `raw` is a total row without its word: no name, ลำดับ, dimension, status, tick or
    /// remark, and amounts (at least one not 0) that are exactly the sums of the projects above —
    /// those since the last boundary, or since the header — each filled money cell the same way.
    /// Returns those cells (column, amount). Cheapest first: a project has a name, and is
    /// answered here without a call.
    #[inline]
    pub(super) fn unlabelled_total(&self, raw: &RawRow) -> Option<Vec<(u32, Decimal)>> {
        match &raw.name {
            Some(c) if !c.value.is_blank() => None,
            _ => self.nameless_total(raw),
        }
    }

    /// [`Self::unlabelled_total`] for a row with no name.
    fn nameless_total(&self, raw: &RawRow) -> Option<Vec<(u32, Decimal)>> {
        let bare = blank(&raw.number)
            && blank(&raw.dimension)
            && raw.status.is_blank()
            && blank(&raw.in_ordinance)
            && blank(&raw.remark)
            && blank(&raw.results)
            && raw.unread_mark.is_none();
        if !bare {
            return None;
        }
        let mut amounts: [Option<(u32, Decimal)>; 3] = [None; 3];
        for (slot, cell) in amounts.iter_mut().zip(money_cells(raw)) {
            let Some(c) = cell.filter(|c| !c.value.is_blank()) else {
                continue;
            };
            match money(&c.value) {
                MoneyCell::Number(d) | MoneyCell::Text(d) => *slot = Some((c.col, d)),
                _ => return None,
            }
        }
        if !amounts.iter().flatten().any(|(_, d)| !d.is_zero()) {
            return None;
        }
        let whole: [Sum; 3] = std::array::from_fn(|i| self.closed[i].and(self.open[i]));
        let matches = |sums: &[Sum; 3], kind: usize| {
            (amounts.iter().zip(sums)).all(|(amount, sum)| match amount {
                Some((_, d)) => sum.totals()[kind] == Some(*d),
                None => true,
            })
        };
        let total = [&self.open, &whole]
            .iter()
            .any(|sums| (0..2).any(|kind| matches(sums, kind)));
        total.then(|| amounts.into_iter().flatten().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Location;
    use crate::read::table::{RawCell, RawStatus};
    use std::str::FromStr;

    /// A row of amounts only (plan, ordinance, disbursed in C, D, E), a name when given.
    fn amounts(name: Option<&str>, cells: [Cell; 3]) -> RawRow {
        let [plan, ordinance, disbursed] = cells.map(Some);
        let at = |col: u32, value: Option<Cell>| value.map(|value| RawCell { col, value });
        RawRow {
            location: Location::cell("f.xlsx", "แผน", 11, 0),
            number: None,
            name: at(1, name.map(|n| Cell::Text(n.into()))),
            dimension: None,
            structure: None,
            budget_plan: at(2, plan),
            budget_ordinance: at(3, ordinance),
            disbursed: at(4, disbursed),
            in_ordinance: None,
            status: RawStatus::Words(RawCell {
                col: 5,
                value: Cell::Empty,
            }),
            remark: None,
            results: None,
            unread_mark: None,
        }
    }

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).expect("decimal")
    }

    #[test]
    fn a_total_is_what_sum_adds_or_every_amount_and_exact_to_the_satang() {
        let text = |s: &str| Cell::Text(s.into());
        let number = |n: f64| amounts(Some("ก"), [Cell::Number(n), Cell::Empty, Cell::Empty]);
        // 0.1 + 0.2 is 0.3 exactly (decimal), not 0.30000000000000004.
        let mut sums = RunningSums::default();
        sums.add(&number(0.1));
        sums.add(&number(0.2));
        let total = amounts(None, [Cell::Number(0.3), Cell::Empty, Cell::Empty]);
        assert_eq!(sums.unlabelled_total(&total), Some(vec![(2, dec("0.3"))]));

        // SUM passes amounts typed as text over; a total typed by hand may count them.
        let mut sums = RunningSums::default();
        sums.add(&amounts(
            Some("ก"),
            [Cell::Number(0.1), Cell::Number(0.1), Cell::Empty],
        ));
        sums.add(&amounts(
            Some("ข"),
            [text("0.20"), text("1,000.50"), Cell::Number(0.0)],
        ));
        let autosum = amounts(None, [Cell::Number(0.1), Cell::Number(0.1), Cell::Empty]);
        assert!(sums.unlabelled_total(&autosum).is_some());
        let every = amounts(None, [text("0.30"), text("1,000.60"), Cell::Empty]);
        assert!(sums.unlabelled_total(&every).is_some());
        let mixed = amounts(None, [Cell::Number(0.1), text("1,000.60"), Cell::Empty]);
        assert_eq!(
            sums.unlabelled_total(&mixed),
            None,
            "one way for every cell"
        );
        let off = amounts(None, [Cell::Number(0.31), Cell::Empty, Cell::Empty]);
        assert_eq!(sums.unlabelled_total(&off), None);
        let named = amounts(Some("ค"), [Cell::Number(0.3), Cell::Empty, Cell::Empty]);
        assert_eq!(sums.unlabelled_total(&named), None);
        let zeros = amounts(None, [Cell::Empty, Cell::Empty, Cell::Number(0.0)]);
        assert_eq!(sums.unlabelled_total(&zeros), None, "0 alone is no total");
    }

    #[test]
    fn a_total_since_the_last_boundary_or_since_the_header() {
        let mut sums = RunningSums::default();
        let one = |n: f64| amounts(Some("ก"), [Cell::Number(n), Cell::Empty, Cell::Empty]);
        let total = |n: f64| amounts(None, [Cell::Number(n), Cell::Empty, Cell::Empty]);
        sums.add(&one(10.0));
        sums.close();
        sums.add(&one(5.0));
        assert!(sums.unlabelled_total(&total(5.0)).is_some());
        assert!(sums.unlabelled_total(&total(15.0)).is_some());
        assert!(sums.unlabelled_total(&total(10.0)).is_none());
    }

    #[test]
    fn sums_past_decimals_range_are_no_total_and_no_panic() {
        let mut sums = RunningSums::default();
        let huge = amounts(Some("ก"), [Cell::Number(7e28), Cell::Empty, Cell::Empty]);
        sums.add(&huge);
        sums.add(&huge);
        let total = amounts(None, [Cell::Number(7e28), Cell::Empty, Cell::Empty]);
        assert_eq!(sums.unlabelled_total(&total), None);
    }
}
