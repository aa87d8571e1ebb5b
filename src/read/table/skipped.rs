//! Rows under a header that are no projects, told by their cells: total rows (รวม), sub-section
//! headings (`1.1 การสร้างจิตสำนึก…`) and the signature block under the table.

use super::SheetRow;
use super::layout::{Layout, has_status};
use crate::read::cell::Cell;
use crate::read::structure::{is_sub_section, is_total_label, starts_signature, sub_section_title};
use crate::schema::text::normalized;

/// Whether a text cell of the row starts the signature block (`ลงชื่อ …… ผู้รายงาน`).
pub(super) fn is_signature(row: &SheetRow) -> bool {
    row.cells
        .iter()
        .any(|(_, cell)| matches!(cell, Cell::Text(t) if starts_signature(t)))
}

/// The plan's sub-section titles that begin as a project's name may (`มาตรการ…`), normalised:
/// 2.2 มาตรการสร้างความโปร่งใสในการปฏิบัติราชการ, 2.3 มาตรการการใช้ดุลยพินิจและใช้อำนาจหน้าที่…,
/// 2.5 มาตรการจัดการในกรณีได้ทราบ หรือรับแจ้ง หรือตรวจสอบพบการทุจริต. Any other `มาตรการ…` title
/// beside a code is a measure: a project.
pub(super) const MEASURE_SECTIONS: [&str; 3] = [
    "มาตรการสร้างความโปร่งใส",
    "มาตรการการใช้ดุลยพินิจ",
    "มาตรการจัดการในกรณี",
];

/// How the plan's own sub-sections begin (both plans, normalised), after their code: `1.1
/// การสร้างจิตสำนึกและความตระหนัก…`, `2.1 แสดงเจตจำนง…`, `3.1 จัดให้มีและเผยแพร่ข้อมูลข่าวสาร…`.
/// No project is named so (a project's name begins โครงการ, กิจกรรม or มาตรการ).
const PLAN_SUB_SECTIONS: [&str; 13] = [
    "การสร้างจิตสำนึก",
    "แสดงเจตจำนง",
    "มาตรการสร้างความโปร่งใส",
    "มาตรการการใช้ดุลยพินิจ",
    "การเชิดชูเกียรติ",
    "มาตรการจัดการในกรณี",
    "จัดให้มีและเผยแพร่ข้อมูลข่าวสาร",
    "การรับฟังความคิดเห็น",
    "การส่งเสริมให้ประชาชนมีส่วนร่วม",
    "มีการจัดวางระบบและรายงานการควบคุมภายใน",
    "การสนับสนุนให้ภาคประชาชนมีส่วนร่วมตรวจสอบ",
    "การส่งเสริมบทบาทการตรวจสอบของสภาท้องถิ่น",
    "เสริมพลังการมีส่วนร่วมของชุมชน",
];

/// A sub-section heading of the plan carrying its sub-section's subtotals (`1.1 การสร้าง
/// จิตสำนึก… | 3,000 | 1,500`), and no status: its code and one of the plan's own titles
/// ([`PLAN_SUB_SECTIONS`]) in one cell. Any other title beside figures may be a project whose
/// status is missing, and stays one, to be said.
fn carries_subtotals(row: &SheetRow, layout: &Layout) -> bool {
    // Cheapest first: a code opens a sub-section's text; most rows' first text is a name.
    let coded = row.first_text().is_some_and(|t| {
        t.trim_start()
            .starts_with(|c: char| c.is_ascii_digit() || ('๐'..='๙').contains(&c))
    });
    if !coded {
        return false;
    }
    let Some((text, None)) = row.heading_with_figures() else {
        return false;
    };
    is_sub_section(text) && {
        let title = normalized(&sub_section_title(text)).into_owned();
        PLAN_SUB_SECTIONS.iter().any(|s| title.starts_with(s)) && !has_status(row, layout)
    }
}

/// A sub-section heading row: `1.1 การสร้างจิตสำนึก…` alone on its row, or written across two
/// cells as a plan copied from Word often is — its code in ลำดับ (`1.1`, `๒.๓`, or the number 1.1
/// Excel makes of `1.1` typed), its title in the name column — perhaps beside the row's มิติ
/// cell, where a มิติ merged down over the sub-section's projects starts. Returns that มิติ cell
/// (`Some(None)` without one). A split title that starts as a project's name does (`โครงการ…`,
/// `กิจกรรม…`, a `มาตรการ…` not among [`MEASURE_SECTIONS`]) keeps the row a project, whose
/// missing cells are then named.
pub(super) fn sub_section_heading<'r>(
    row: &'r SheetRow,
    layout: &Layout,
) -> Option<Option<&'r Cell>> {
    if row.lone_text().is_some_and(|(_, t)| is_sub_section(t)) {
        return Some(None);
    }
    let dimension = layout
        .dimension
        .and_then(|c| row.get(c))
        .filter(|v| !v.is_blank());
    let dimension_col = dimension.and(layout.dimension);
    let mut others =
        (row.cells.iter()).filter(|(col, c)| !c.is_blank() && Some(*col) != dimension_col);
    let heading = match (others.next(), others.next(), others.next()) {
        (Some((_, Cell::Text(text))), None, _) => dimension.is_some() && is_sub_section(text),
        (Some((c1, code)), Some((c2, Cell::Text(title))), None) => {
            let code = match code {
                Cell::Text(t) => t.trim().to_string(),
                Cell::Number(n) if n.fract() != 0.0 => code.display(),
                _ => return None,
            };
            (Some(*c1), Some(*c2)) == (layout.number, layout.name)
                && !titled_as_project(title)
                && is_sub_section(&format!("{code} {}", normalized(title)))
        }
        _ => false,
    };
    (heading || carries_subtotals(row, layout)).then_some(dimension)
}

/// Whether the row is a numbered line alone whose title starts as a project's name does
/// (`1.2 กิจกรรมอบรม…`): a heading where headings stand, but right under a project it may as
/// well be a project numbered so.
pub(super) fn numbered_as_project(row: &SheetRow) -> bool {
    row.lone_text()
        .is_some_and(|(_, t)| is_sub_section(t) && titled_as_project(&sub_section_title(t)))
}

/// Whether a sub-section's title starts as a project's name does (`โครงการ…`, `กิจกรรม…`, a
/// `มาตรการ…` not among [`MEASURE_SECTIONS`]): then its row is a project, not a heading.
fn titled_as_project(title: &str) -> bool {
    let title = normalized(title);
    let measure =
        title.starts_with("มาตรการ") && !MEASURE_SECTIONS.iter().any(|m| title.starts_with(m));
    measure || ["โครงการ", "กิจกรรม"].iter().any(|w| title.starts_with(w))
}

/// A line of the signature block that carries a figure: `วันที่ | 31/03/2565` (a date cell),
/// `โทร. | 054 …`: a label of the block, and at most one number or date.
pub(super) fn is_dated_signature_line(row: &SheetRow) -> bool {
    let labelled = row.cells.iter().any(|(_, cell)| {
        matches!(cell, Cell::Text(t) if ["วันที่", "ตำแหน่ง", "โทร"]
            .iter()
            .any(|w| normalized(t).starts_with(w)))
    });
    let numbers = row
        .cells
        .iter()
        .filter(|(_, c)| matches!(c, Cell::Number(_) | Cell::Date(_)))
        .count();
    labelled && numbers <= 1
}

/// A total row: a text cell holds a total label ([`is_total_label`]: `รวม`, `รวมทั้งสิ้น`,
/// `รวม 4 มิติ`, `ยอดรวม`), in whichever column (the name, ลำดับ or มิติ, merged across them),
/// and no other column says it is a project: no number in ลำดับ, nothing else in มิติ. A name
/// that merely begins with รวม (`รวมพลังต่อต้านการทุจริต`) is no total label: its row is a
/// project. Returns the label's column.
pub(super) fn total_label_col(row: &SheetRow, layout: &Layout) -> Option<u32> {
    let col = row.cells.iter().find_map(|(col, cell)| match cell {
        Cell::Text(t) if is_total_label(t) => Some(*col),
        _ => None,
    })?;
    let other = |field: Option<u32>| field.filter(|c| *c != col).and_then(|c| row.get(c));
    let numbered = matches!(other(layout.number), Some(Cell::Number(_)));
    let dimension = other(layout.dimension).is_some_and(|c| !c.is_blank());
    (!numbered && !dimension).then_some(col)
}

/// A total row that also holds a project's name and a budget (`รวม` in ลำดับ, a name beside
/// it): the name's column, the label and the name, to be warned of rather than skipped in
/// silence.
pub(super) fn named_total(
    row: &SheetRow,
    label_col: u32,
    layout: &Layout,
) -> Option<(u32, String, String)> {
    let name_col = layout.name.filter(|c| *c != label_col)?;
    let name = match row.get(name_col)? {
        Cell::Text(t) if !is_total_label(t) && !t.trim().is_empty() => t.trim().to_string(),
        _ => return None,
    };
    let budget = layout.budget_plan.and_then(|c| row.get(c));
    budget.filter(|c| !c.is_blank())?;
    let label = row.get(label_col)?.display();
    Some((name_col, label, name))
}
