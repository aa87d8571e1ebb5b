//! Merged ranges of a sheet (a มิติ cell merged down across its dimension's projects), loaded
//! only when a row needs one: a data row whose มิติ cell is blank. A sheet whose every row has
//! its value never costs the second look at the sheet that loading them takes.
//!
//! Only xlsx (and xlsm) give their merged ranges, through calamine; xls, xlsb and ods sheets have
//! none here, and a blank cell there stays blank.

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
    fn covers(&self, row: u32, col: u32) -> bool {
        (self.first_row..=self.last_row).contains(&row)
            && (self.first_col..=self.last_col).contains(&col)
    }
}

/// Where a sheet's merged ranges come from: called with the sheet's name, at most once per sheet.
pub type MergeSource = Rc<dyn Fn(&str) -> Vec<Region>>;

/// One sheet's merged ranges, loaded on the first question.
#[derive(Default)]
pub(crate) struct SheetMerges {
    source: Option<(MergeSource, Arc<str>)>,
    loaded: Option<Vec<Region>>,
}

impl SheetMerges {
    /// The merged ranges of `sheet`, from `source` when first needed.
    pub(crate) fn new(source: MergeSource, sheet: Arc<str>) -> Self {
        SheetMerges {
            source: Some((source, sheet)),
            loaded: None,
        }
    }

    /// The merged range that covers the cell (`row`, `col`) and starts on an earlier row.
    pub(crate) fn covering_from_above(&mut self, row: u32, col: u32) -> Option<Region> {
        let (source, sheet) = self.source.as_ref()?;
        let regions = self.loaded.get_or_insert_with(|| source(sheet));
        regions
            .iter()
            .find(|r| r.first_row < row && r.covers(row, col))
            .copied()
    }
}
