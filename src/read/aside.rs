//! Which sheets are set aside by their names before a cell is read · แผ่นงานที่ไม่นับตามชื่อ:
//! a copy of another fiscal year's list (`2564` beside `2565`) and an example of how to fill
//! the form in (`ตัวอย่าง`). Each is said as an issue: nothing is left out in silence, and a
//! file whose every sheet is such is read, and said too (`sheet-other-year`, `sheet-example`).

use crate::schema::text::normalized;
use crate::schema::{year_in, years_in};

/// What a sheet's name says of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SheetName {
    /// Nothing against reading it: no year, the report's year, or a span holding it
    /// (`แผน 2566-2570`).
    Current,
    /// Another fiscal year's only (`2564`, `ปี ๒๕๖๔`).
    OtherYear(u16),
    /// An example (`ตัวอย่าง`, `ตัวอย่างการกรอก`, `example`).
    Example,
    /// How to fill the form in (`คำชี้แจง`, `วิธีกรอก`, `Instructions`), which may show sample
    /// rows; said only when it holds some.
    Instructions,
}

/// Judges a sheet by its name, for a report of `fiscal_year` (no judgement without one).
pub(crate) fn judge(name: &str, fiscal_year: Option<u16>) -> SheetName {
    let Some(year) = fiscal_year else {
        return SheetName::Current;
    };
    let normal = normalized(name);
    if normal.contains("ตัวอย่าง") || ["example", "sample"].contains(&normal.as_ref())
    {
        return SheetName::Example;
    }
    let instructions = ["คำชี้แจง", "วิธีกรอก", "วิธีการกรอก", "instruction"]
        .iter()
        .any(|w| normal.contains(w));
    if instructions || normal == "readme" {
        return SheetName::Instructions;
    }
    let mut years = years_in(name);
    if years.is_empty() {
        // A year shortened after a year word: `ปี 64`, `ปีงบ ๖๕`, `พ.ศ. 64`.
        years.extend(year_in(name));
    }
    let (Some(&first), Some(&last)) = (years.iter().min(), years.iter().max()) else {
        return SheetName::Current;
    };
    if (first..=last).contains(&year) {
        SheetName::Current
    } else {
        SheetName::OtherYear(last)
    }
}

/// For each sheet, whether it is set aside: a sheet another year's or an example is, when
/// the workbook has a sheet that is neither (the list is there). When every sheet is
/// another year's or an example, none is set aside: the file is read, and said.
pub(crate) fn set_aside(judged: &[SheetName]) -> Vec<bool> {
    let some_current = judged.contains(&SheetName::Current);
    judged
        .iter()
        .map(|j| some_current && *j != SheetName::Current)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheets_are_judged_by_the_years_and_words_of_their_names() {
        let judge = |name| judge(name, Some(2565));
        assert_eq!(judge("2565"), SheetName::Current);
        assert_eq!(judge("แผน ป.ป.ช. ๒๕๖๕"), SheetName::Current);
        assert_eq!(judge("แผน 2564-2568"), SheetName::Current);
        assert_eq!(judge("Sheet1"), SheetName::Current);
        assert_eq!(judge("2564"), SheetName::OtherYear(2564));
        assert_eq!(judge("ปี ๒๕๖๔ (เดิม)"), SheetName::OtherYear(2564));
        assert_eq!(judge("ปี 64"), SheetName::OtherYear(2564));
        assert_eq!(judge("ปีงบ ๖๔"), SheetName::OtherYear(2564));
        assert_eq!(judge("ปี 65"), SheetName::Current);
        assert_eq!(judge("แผน 64"), SheetName::Current, "no year word: no year");
        assert_eq!(judge("แผน 2566-2570"), SheetName::OtherYear(2570));
        assert_eq!(judge("ตัวอย่าง"), SheetName::Example);
        assert_eq!(judge("ตัวอย่างการกรอก"), SheetName::Example);
        assert_eq!(judge("2565 (ตัวอย่าง)"), SheetName::Example);
        assert_eq!(judge("คำชี้แจง"), SheetName::Instructions);
        assert_eq!(judge("วิธีการกรอกข้อมูล"), SheetName::Instructions);
        assert_eq!(judge("Instructions"), SheetName::Instructions);
        assert_eq!(judge("Example"), SheetName::Example);
        assert_eq!(super::judge("2564", None), SheetName::Current);
    }

    #[test]
    fn nothing_is_set_aside_when_no_sheet_is_this_years() {
        use SheetName::*;
        assert_eq!(
            set_aside(&[Current, OtherYear(2564), Example]),
            [false, true, true]
        );
        assert_eq!(set_aside(&[OtherYear(2564)]), [false]);
        assert_eq!(set_aside(&[Example, OtherYear(2564)]), [false, false]);
    }
}
