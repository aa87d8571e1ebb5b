//! The fiscal year a sheet's title block names (`รายงานผล… ประจำปีงบประมาณ พ.ศ. 2565`, `… พ.ศ.
//! 2565 รอบ 6 เดือน`): last year's file, sent again with this year's name, says so there. Read
//! only from the rows above a table's first header.

use crate::schema::text::{normalized, thai_digits_to_arabic};

/// The fiscal year (B.E.) a title line names: after `ปีงบประมาณ` (with or without `พ.ศ.`), or
/// `พ.ศ. 2565` just before `รอบ`. A span (`พ.ศ. 2566-2570`, the plan's years) or a date's year
/// (`ณ วันที่ 15 ธันวาคม 2565`) names none.
pub(super) fn title_fiscal_year(text: &str) -> Option<u16> {
    let normal = normalized(text);
    let text = thai_digits_to_arabic(&normal);
    let year_after = |at: usize| -> Option<(u16, &str)> {
        let rest = text[at..].trim_start();
        let rest = rest.strip_prefix("พ.ศ.").unwrap_or(rest).trim_start();
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let after = &rest[digits..];
        let span = after.trim_start().starts_with(['-', '–', '—']);
        let year: u16 = rest[..digits].parse().ok()?;
        (digits == 4 && !span && (2500..=2700).contains(&year)).then_some((year, after))
    };
    if let Some(at) = text.find("ปีงบประมาณ") {
        return year_after(at + "ปีงบประมาณ".len()).map(|(year, _)| year);
    }
    let at = text.find("พ.ศ.")?;
    let (year, after) = year_after(at)?;
    after.trim_start().starts_with("รอบ").then_some(year)
}

#[cfg(test)]
mod tests {
    use super::title_fiscal_year;

    #[test]
    fn the_fiscal_year_of_a_title_and_nothing_else() {
        for (title, year) in [
            ("รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2565", 2565),
            ("แผนปฏิบัติการ ปีงบประมาณ ๒๕๖๖", 2566),
            ("รายงานผล… ของกองคลัง พ.ศ. 2565 รอบ 6 เดือน", 2565),
            ("ปีงบประมาณพ.ศ.2567", 2567),
        ] {
            assert_eq!(title_fiscal_year(title), Some(year), "{title}");
        }
        for title in [
            "แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2566-2570)",
            "ปีงบประมาณ พ.ศ. 2566 - 2570",
            "ข้อมูล ณ วันที่ 15 ธันวาคม 2565",
            "ณ วันที่ 31 มีนาคม พ.ศ. 2566",
            "องค์การบริหารส่วนจังหวัดพะเยา",
        ] {
            assert_eq!(title_fiscal_year(title), None, "{title}");
        }
    }
}
