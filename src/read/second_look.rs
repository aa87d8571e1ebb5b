//! A second look at a sheet, taken only when a row needs it: the merged ranges (a มิติ cell
//! merged down across its dimension's projects, asked when a data row's มิติ cell is blank) and
//! the formulas saved without their value (openpyxl, web exports; asked when a cell a row needs
//! is blank). A sheet whose every row has its values never costs the second look, and each is
//! taken at most once per sheet.
//!
//! xlsx (and xlsm) give both, through calamine. xls and ods give their merged ranges (an xls
//! sheet's records walked when first asked, an ods file's met by its first walk,
//! [`KnownRegions`]). An xls gives its formulas without values when no engine ever calculated
//! them (no RECALCID: xlwt writes every result as empty text), walking the sheet's records
//! again; an ods cell says so itself (`table:formula` and no value type, as odfpy writes it),
//! so the reader hands it on as [`super::cell::Cell::Uncalculated`] and no second look is
//! needed. xlsb gives neither, and a blank cell there stays blank.

use rustc_hash::FxHashMap;
use std::rc::Rc;
use std::sync::Arc;

/// One merged range, zero-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// The first row.
    pub first_row: u32,
    /// The last row.
    pub last_row: u32,
    /// The first column.
    pub first_col: u32,
    /// The last column.
    pub last_col: u32,
}

impl Region {
    /// `D5:D6`.
    pub(crate) fn a1(&self) -> String {
        use crate::model::column_letters;
        format!(
            "{}{}:{}{}",
            column_letters(self.first_col),
            self.first_row + 1,
            column_letters(self.last_col),
            self.last_row + 1
        )
    }

    /// Whether the range holds the cell (`row`, `col`).
    pub(crate) fn covers(&self, row: u32, col: u32) -> bool {
        (self.first_row..=self.last_row).contains(&row)
            && (self.first_col..=self.last_col).contains(&col)
    }
}

/// Where a second look at a sheet comes from (a second reader on the workbook's bytes: the
/// first is busy streaming the sheet's cells). Each is asked at most once per sheet.
pub trait SecondLook {
    /// The merged ranges of `sheet`.
    fn merged_regions(&self, sheet: &str) -> Vec<Region>;
    /// The cells of `sheet` holding a formula and no value: (row, column) → the formula.
    fn uncalculated(&self, sheet: &str) -> FxHashMap<(u32, u32), String>;

    /// Whether the merged ranges cost little to ask for (known already, or a walk of the
    /// sheet's records): then a row may ask whenever a merge would matter. An xlsx sheet's cost
    /// a second read of its XML, asked for only when a cell shows a merge is likely.
    fn merges_cheap(&self) -> bool {
        false
    }
}

/// The merged ranges of every sheet, known once the workbook is open (ods): sheet name, ranges.
#[derive(Debug, Default)]
pub struct KnownRegions(pub Vec<(String, Vec<Region>)>);

impl SecondLook for KnownRegions {
    fn merged_regions(&self, sheet: &str) -> Vec<Region> {
        let found = self.0.iter().find(|(name, _)| name == sheet);
        found
            .map(|(_, regions)| regions.clone())
            .unwrap_or_default()
    }

    fn uncalculated(&self, _sheet: &str) -> FxHashMap<(u32, u32), String> {
        FxHashMap::default()
    }

    fn merges_cheap(&self) -> bool {
        true
    }
}

/// A workbook's [`SecondLook`], shared by its sheets.
pub type LookSource = Rc<dyn SecondLook>;

/// One sheet's second look, each part loaded on its first question.
#[derive(Default)]
pub(crate) struct SheetLook {
    source: Option<(LookSource, Arc<str>)>,
    regions: Option<Vec<Region>>,
    formulas: Option<FxHashMap<(u32, u32), String>>,
}

impl SheetLook {
    /// The second look at `sheet`, from `source` when first needed.
    pub(crate) fn new(source: LookSource, sheet: Arc<str>) -> Self {
        SheetLook {
            source: Some((source, sheet)),
            regions: None,
            formulas: None,
        }
    }

    /// The merged range that covers the cell (`row`, `col`) and starts on an earlier row.
    pub(crate) fn covering_from_above(&mut self, row: u32, col: u32) -> Option<Region> {
        self.regions()
            .iter()
            .find(|r| r.first_row < row && r.covers(row, col))
            .copied()
    }

    /// Whether the merged ranges cost little to ask for ([`SecondLook::merges_cheap`]).
    pub(crate) fn merges_cheap(&self) -> bool {
        self.source.as_ref().is_some_and(|(s, _)| s.merges_cheap())
    }

    /// The merged range that runs down from row `above` over the cell (`row`, `col`): a project's
    /// cell merged over the row below it.
    pub(crate) fn merged_down_from(&mut self, above: u32, row: u32, col: u32) -> Option<Region> {
        self.covering_from_above(row, col)
            .filter(|region| region.covers(above, col))
    }

    /// The merged range that covers the cell (`row`, `col`).
    pub(crate) fn region_at(&mut self, row: u32, col: u32) -> Option<Region> {
        self.regions().iter().find(|r| r.covers(row, col)).copied()
    }

    fn regions(&mut self) -> &[Region] {
        let Some((source, sheet)) = self.source.as_ref() else {
            return &[];
        };
        self.regions
            .get_or_insert_with(|| source.merged_regions(sheet))
    }

    /// The formula of the cell (`row`, `col`), when it holds one and no value.
    pub(crate) fn formula_at(&mut self, row: u32, col: u32) -> Option<String> {
        let (source, sheet) = self.source.as_ref()?;
        let formulas = self
            .formulas
            .get_or_insert_with(|| source.uncalculated(sheet));
        formulas.get(&(row, col)).cloned()
    }
}
