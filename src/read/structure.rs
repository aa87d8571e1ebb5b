//! What a row of text under a table header says about the table's structure rather than a
//! project: a total label (`รวม`, `รวมทั้งสิ้น 15 โครงการ`, `ยอดรวม`), a dimension heading
//! (`มิติที่ 2 …`), a sub-section heading (`1.1 การสร้างจิตสำนึก…`), the start of the signature
//! block under the table. Each is a judgement on one text; which cells of a row are looked at,
//! and what is done with the row, is [`super::table`]'s.

use crate::config::{NEWEST_PLAN, default_dimension_names};
use crate::model::Dimension;
use crate::schema::text::{is_invisible, normalized, thai_digits_to_arabic};

/// Words a total label starts with (normalised): Thai Excel labels a table's total row
/// `ผลรวม`, English Excel `Total`, others `Sum` or `Totals`. A longer word before its prefix.
const TOTAL_WORDS: [&str; 8] = [
    "ยอดรวม",
    "ผลรวม",
    "รวม",
    "grandtotal",
    "subtotal",
    "totals",
    "total",
    "sum",
];

/// What may follow a total word in a total label: what it sums (`ทั้งสิ้น`, `งบประมาณ`), counts
/// (`15 โครงการ`, `4 มิติ`), punctuation. A word not here (`รวมพลัง…`, `รวมใจ…`) makes the text
/// a project's name.
const TOTAL_FILLERS: [&str; 17] = [
    "ทั้งสิ้น",
    "ทั้งหมด",
    "เป็นเงิน",
    "งบประมาณ",
    "ยอด",
    "จำนวน",
    "เงิน",
    "โครงการ",
    "กิจกรรม",
    "มาตรการ",
    "รายการ",
    "มิติที่",
    "มิติ",
    "ทุก",
    "บาท",
    "ทั้ง",
    "ประจำปี",
];

/// Whether `text` is a total label: a total word (`รวม`, `ยอดรวม`, `Total`) alone or followed
/// only by what it sums and counts — `รวม`, `รวมทั้งสิ้น`, `รวมเป็นเงิน`, `รวม 4 มิติ`,
/// `รวมทั้งสิ้น 15 โครงการ`, `รวมงบประมาณทั้งสิ้น`. Not `รวมพลังเยาวชนต้านทุจริต` nor
/// `รวมใจภักดิ์`: projects' names.
pub fn is_total_label(text: &str) -> bool {
    if !starts_like_a_total(text) {
        return false;
    }
    let normal = normalized(text);
    let t = thai_digits_to_arabic(&normal);
    let Some(mut rest) = TOTAL_WORDS.iter().find_map(|w| t.strip_prefix(w)) else {
        return false;
    };
    while !rest.is_empty() {
        if let Some(after) = TOTAL_FILLERS.iter().find_map(|w| rest.strip_prefix(w)) {
            rest = after;
            continue;
        }
        let mut chars = rest.chars();
        match chars.next() {
            Some(c) if c.is_ascii_digit() || "().,:;-–/*[]".contains(c) => rest = chars.as_str(),
            _ => return false,
        }
    }
    true
}

/// Whether the first visible letters of `text` could begin a total word: every text of every
/// row is asked [`is_total_label`], and most are names; this spares normalising them whole.
/// Skips what normalising removes (whitespace, zero-width), so `ร ว ม` still passes.
fn starts_like_a_total(text: &str) -> bool {
    // Most texts are names starting with โ or ก: told by their first letter alone.
    match text
        .trim_start_matches([' ', '\t', '\n', '\r'])
        .chars()
        .next()
    {
        Some('ร' | 'ย' | 'ผ' | 'g' | 'G' | 's' | 'S' | 't' | 'T') => {}
        Some(c) if is_invisible(c) => {}
        _ => return false,
    }
    let mut head = [' '; 8];
    let mut n = 0;
    for c in text.chars().filter(|c| !is_invisible(*c)).take(head.len()) {
        head[n] = c.to_ascii_lowercase();
        n += 1;
    }
    let head = &head[..n];
    TOTAL_WORDS.iter().any(|word| {
        word.chars().zip(head.iter()).all(|(w, h)| w == *h)
            && (word.chars().count() <= n || n == head.len())
    })
}

/// The dimension a section heading names: `มิติที่ 2 การบริหาร…`, `มิติ ๒`, `มิติที่4`,
/// `มิติที่ 1. การสร้างสังคม…`, `มิติ 1.` → 2, 2, 4, 1, 1. A heading with a sub-code
/// (`มิติที่ 2.1 แสดงเจตจำนง…`, `มิติที่ ๒.๓ …`) names its dimension too, 2: it may be the only
/// heading above its projects. Its code is not kept — a heading gives the rows under it their
/// dimension only, as a sheet's name does; the code shown in the project list is the one a
/// project's own มิติ cell holds (`2.1`).
pub fn section_dimension(text: &str) -> Option<Dimension> {
    // Cheapest first: most texts asked are projects' names, which do not begin มิ.
    if !text.trim_start_matches(is_invisible).starts_with("มิ") {
        return None;
    }
    let normal = normalized(text);
    let t = thai_digits_to_arabic(&normal);
    let rest = t.strip_prefix("มิติที่").or_else(|| t.strip_prefix("มิติ"))?;
    numbered(rest).map(|n| n.dimension)
}

/// The dimension whose own title a row's text is, with or without its number in front
/// (`การสร้างสังคมที่ไม่ทนต่อการทุจริต`, `1. การสร้างสังคม…`), as either plan (2561-2565,
/// 2566-2570) names it: a section row written without มิติที่, or a dimension's line in a
/// division's own summary by dimension. No project is named so.
pub fn dimension_titled(text: &str) -> Option<Dimension> {
    // Cheapest first: a project's name begins โครงการ, กิจกรรม or มาตรการ.
    let start = text.trim_start_matches(is_invisible).trim_start();
    if !(start.starts_with("การ")
        || start.starts_with(|c: char| c.is_ascii_digit() || is_thai_digit(c)))
    {
        return None;
    }
    let normal = normalized(start);
    let t = thai_digits_to_arabic(&normal);
    let t = t.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ')'));
    if !t.starts_with("การ") {
        return None;
    }
    [NEWEST_PLAN - 1, NEWEST_PLAN]
        .iter()
        .flat_map(|year| {
            default_dimension_names(*year)
                .into_iter()
                .zip(Dimension::ALL)
        })
        .find(|(title, _)| normalized(title) == t)
        .map(|(_, dimension)| dimension)
}

/// The number and the title's dimension of a text that gives a dimension both ways and they
/// disagree: `มิติที่ 2 การสร้างสังคมที่ไม่ทนต่อการทุจริต`, `2. การสร้างสังคม…` → (2, dimension 1).
/// `None` when they agree or either is missing.
pub fn number_against_title(text: &str) -> Option<(u8, Dimension)> {
    let rest = after_dimension_word(text);
    let digits = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let number: u8 = rest[..digits].parse().ok()?;
    let title = dimension_titled(rest[digits..].trim_start_matches(['.', ')']))?;
    (title.number() != number).then_some((number, title))
}

fn is_thai_digit(c: char) -> bool {
    ('๐'..='๙').contains(&c)
}

/// How a sheet's name may begin before its dimension's number (normalised, lower case): the
/// word as headings write it, abbreviated (`ม.1`) or in English (`Dimension 1`).
const SHEET_DIMENSION_WORDS: [&str; 4] = ["มิติที่", "มิติ", "ม.", "dimension"];

/// The dimension a sheet's name gives (`มิติที่ 3`, `มิติ 2`, `มิติที่4`, `มิติที่ 1.`, `ม.1`,
/// `มิติ-1`, `มิติที่_1`, `Dimension 1`): none when it names more than one (`มิติที่ 1-2`,
/// `มิติ 1,2`, `มิติที่ 1 และ 2`), whose projects take theirs from a column or section rows.
pub fn sheet_dimension(name: &str) -> Option<Dimension> {
    let normal = normalized(name).to_lowercase();
    let t = thai_digits_to_arabic(&normal);
    let rest = SHEET_DIMENSION_WORDS
        .iter()
        .find_map(|w| t.strip_prefix(w))?
        .trim_start_matches(['-', '–', '_', '.', ':']);
    let found = numbered(rest)?;
    let more = found
        .after
        .trim_start_matches(['-', '–', ',', '/', '&', '+'])
        .trim_start_matches("และ")
        .trim_start_matches("ถึง");
    (!more.starts_with(|c: char| c.is_ascii_digit())).then_some(found.dimension)
}

/// `มิติที่ 1`, `มิติ ๒:`, `มิติที่ 1.`: a section's label with nothing after it (its title is in
/// another cell). Not `มิติที่ 2.1`, a sub-section's code.
pub fn is_section_label(text: &str) -> bool {
    if !text.trim_start_matches(is_invisible).starts_with("มิ") {
        return false;
    }
    let normal = normalized(text);
    let t = thai_digits_to_arabic(&normal);
    let Some(rest) = t.strip_prefix("มิติที่").or_else(|| t.strip_prefix("มิติ"))
    else {
        return false;
    };
    numbered(rest).is_some_and(|n| !n.sub_code && n.after.chars().all(|c| matches!(c, ':' | '-')))
}

/// A dimension's number at the start of a normalised text with Arabic digits, after its word.
struct Numbered<'t> {
    dimension: Dimension,
    /// Whether a sub-code follows the number (`2.1`, `2.3.1`).
    sub_code: bool,
    /// What follows the number and its code: `.` after the number alone is a list's dot
    /// (`1. การสร้างสังคม…`), not part of what follows.
    after: &'t str,
}

/// `1…`, `1.…`, `2.1…` at the start of `rest` → dimension 1, 1, 2 (the last with its sub-code);
/// none for a longer number (`12`) or no digit.
fn numbered(rest: &str) -> Option<Numbered<'_>> {
    let mut chars = rest.chars();
    let digit = chars.next()?.to_digit(10)?;
    let tail = chars.as_str();
    if tail.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let dimension = Dimension::new(u8::try_from(digit).ok()?)?;
    let (sub_code, after) = match tail.strip_prefix('.') {
        Some(code) if code.starts_with(|c: char| c.is_ascii_digit()) => (
            true,
            code.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.'),
        ),
        Some(after) => (false, after),
        None => (false, tail),
    };
    Some(Numbered {
        dimension,
        sub_code,
        after,
    })
}

/// Whether a text opens as a project's name does (`โครงการ…`, `กิจกรรม…`, `มาตรการ…`), after
/// a bullet or a number (`- กิจกรรม…`, `๑) กิจกรรม…`, `(2) โครงการ…`): such a line may be a
/// project of its own, never taken for the rest of a name or a heading wrapped onto it.
pub fn opens_as_project(text: &str) -> bool {
    let t = normalized(text);
    let digit = |c: char| c.is_ascii_digit() || ('๐'..='๙').contains(&c);
    let bullet =
        |c: char| digit(c) || matches!(c, '-' | '–' | '•' | '*' | '·' | '+' | ')' | '.' | ' ');
    // `(2) โครงการ…` is numbered; `(กิจกรรมย่อย …)` is a note on the name above.
    let t = t
        .strip_prefix('(')
        .filter(|rest| rest.starts_with(digit))
        .unwrap_or(&t);
    // `ก. กิจกรรม…`, `ข) โครงการ…`: a Thai letter as the bullet.
    let mut chars = t.chars();
    let t = match (chars.next(), chars.next()) {
        (Some(letter), Some('.' | ')')) if ('ก'..='ฮ').contains(&letter) => chars.as_str(),
        _ => t,
    };
    let t = t.trim_start_matches(bullet);
    ["โครงการ", "กิจกรรม", "มาตรการ"]
        .iter()
        .any(|w| t.starts_with(w))
}

/// `1.1 การสร้างจิตสำนึก…`, `๒.๓ …`, `(1.1) …`, `มิติที่ 2.1 …`: a sub-section heading of the
/// plan.
pub fn is_sub_section(text: &str) -> bool {
    let t = after_dimension_word(text);
    let t = bracketed_code(&t);
    let code_len = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let code = &t[..code_len];
    let parts: Vec<&str> = code.trim_end_matches('.').split('.').collect();
    parts.len() >= 2 && parts.iter().all(|p| !p.is_empty()) && code_len < t.len()
}

/// The title of a sub-section heading written in one cell (`1.2 กิจกรรมอบรม…` → `กิจกรรมอบรม…`):
/// the text after its code.
pub fn sub_section_title(text: &str) -> String {
    bracketed_code(&after_dimension_word(text))
        .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ' ' | ')'))
        .to_string()
}

/// A code in brackets, `(1.1)…`, without its opening one (its closing one ends the code as in
/// `1.1)…`); any other text as it is.
fn bracketed_code(t: &str) -> &str {
    t.strip_prefix('(')
        .filter(|code| code.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(t)
}

/// A heading's text normalised, its digits Arabic, without a leading `มิติที่` / `มิติ`.
fn after_dimension_word(text: &str) -> String {
    let normal = normalized(text);
    let t = thai_digits_to_arabic(&normal);
    let t = t
        .strip_prefix("มิติที่")
        .or_else(|| t.strip_prefix("มิติ"))
        .unwrap_or(&t);
    t.to_string()
}

/// `ลงชื่อ ………… ผู้รายงาน` (also `(ลงชื่อ)`, `ลงนาม`), or a short `ผู้รายงาน` / `ผู้จัดทำ` /
/// `ผู้รับรองข้อมูล` line: the first row of the signature block under a table.
pub fn starts_signature(text: &str) -> bool {
    let n = normalized(text);
    let n = n.trim_start_matches('(');
    let role = ["ผู้รายงาน", "ผู้จัดทำ", "ผู้รับรอง", "ผู้ตรวจสอบข้อมูล"]
        .iter()
        .any(|w| n.starts_with(w))
        && n.chars().count() <= 24;
    n.starts_with("ลงชื่อ") || n.starts_with("ลงนาม") || role
}

/// A note under a table (`(ข้อมูล ณ วันที่ 31 มีนาคม 2565)`, `หมายเหตุ: …`, `ที่มา: …`, `* …`):
/// never a project, nor the rest of the name above it.
pub fn is_note(text: &str) -> bool {
    let n = normalized(text);
    let n = n.trim_start_matches(['(', '[']);
    ["ข้อมูลณ", "ณวันที่", "หมายเหตุ", "ที่มา", "*", "※"]
        .iter()
        .any(|w| n.starts_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_opening_as_a_project_after_a_bullet_or_number_is_one() {
        for line in [
            "กิจกรรมศึกษาดูงาน",
            "- กิจกรรมศึกษาดูงาน",
            "๑) กิจกรรมศึกษาดูงาน",
            "(2) โครงการอบรม",
            "• มาตรการเปิดเผยข้อมูล",
        ] {
            assert!(opens_as_project(line), "{line}");
        }
        for line in [
            "และพนักงานส่วนท้องถิ่น",
            "ฝ่ายบริหาร",
            "1.1 การสร้างจิตสำนึก",
            "(กิจกรรมย่อย ศึกษาดูงาน)",
        ] {
            assert!(!opens_as_project(line), "{line}");
        }
    }

    #[test]
    fn a_sheet_named_for_one_dimension_gives_it_and_for_two_gives_none() {
        let d = |n| Dimension::new(n);
        assert_eq!(sheet_dimension("มิติที่ 3"), d(3));
        assert_eq!(sheet_dimension("มิติที่๒"), d(2));
        assert_eq!(sheet_dimension("มิติที่ 2 (2.1-2.3)"), d(2));
        for one in ["มิติที่ 1.", "ม.1", "มิติ-1", "มิติที่_1", "Dimension 1", "มิติ 1 ปี 65"]
        {
            assert_eq!(sheet_dimension(one), d(1), "{one}");
        }
        for none in ["ม.ค. 65", "Dimension", "มิติ 12", "สรุป"] {
            assert_eq!(sheet_dimension(none), None, "{none}");
        }
        for two in ["มิติที่ 1-2", "มิติ 1 และ 2", "มิติที่ ๑-๒", "มิติ 1,2", "มิติ 1 ถึง 2"]
        {
            assert_eq!(sheet_dimension(two), None, "{two}");
        }
    }

    #[test]
    fn a_dot_after_the_number_is_the_dimension_and_a_sub_code_its_dimension_too() {
        let d = |n| Dimension::new(n);
        for (text, dimension) in [
            ("มิติที่ 1. การสร้างสังคมที่ไม่ทนต่อการทุจริต", d(1)),
            ("มิติ 1. การสร้างสังคม", d(1)),
            ("มิติ 1.", d(1)),
            ("มิติที่ 2.1 แสดงเจตจำนงทางการเมือง", d(2)),
            ("มิติที่ ๒.๓ มาตรการการใช้ดุลยพินิจ", d(2)),
            ("มิติที่ 12", None),
        ] {
            assert_eq!(section_dimension(text), dimension, "{text}");
        }
        assert!(is_section_label("มิติที่ 1."));
        assert!(!is_section_label("มิติที่ 2.1"));
    }

    #[test]
    fn a_code_in_brackets_opens_a_sub_section() {
        for heading in ["(1.1) การสร้างจิตสำนึก", "1.1) การสร้างจิตสำนึก", "(๓.๑) จัดให้มี"]
        {
            assert!(is_sub_section(heading), "{heading}");
        }
        assert_eq!(sub_section_title("(1.2) กิจกรรมอบรม"), "กิจกรรมอบรม");
        assert!(!is_sub_section("(1) โครงการอบรม"));
    }

    #[test]
    fn notes_and_reporter_lines_under_a_table() {
        for note in [
            "(ข้อมูล ณ วันที่ 31 มีนาคม 2565)",
            "หมายเหตุ: ข้อมูลจากกองคลัง",
            "ที่มา : ระบบ e-LAAS",
            "* งบประมาณตามข้อบัญญัติ",
        ] {
            assert!(is_note(note), "{note}");
        }
        for name in ["(ระยะที่ 2)", "โครงการหมายเหตุประจำวัน", "ข้อมูลข่าวสารเพื่อประชาชน"]
        {
            assert!(!is_note(name), "{name}");
        }
        for line in [
            "ผู้รายงาน",
            "(ผู้รายงาน)",
            "ผู้จัดทำ",
            "ผู้รับรองข้อมูล",
            "ลงชื่อ ........",
        ] {
            assert!(starts_signature(line), "{line}");
        }
        assert!(!starts_signature(
            "ผู้รายงานข่าวสารประจำหมู่บ้านเพื่อการมีส่วนร่วมของประชาชน"
        ));
    }

    #[test]
    fn total_labels_are_total_words_with_what_they_count() {
        for label in [
            "รวม",
            "รวมทั้งสิ้น",
            "รวมเป็นเงิน",
            "ยอดรวม",
            "รวม 4 มิติ",
            "รวมทั้งสิ้น 15 โครงการ",
            "รวม ๑๕ โครงการ",
            "รวมงบประมาณทั้งสิ้น",
            "รวมมิติที่ 1",
            "รวมทุกมิติ",
            "รวม (บาท)",
            "Total",
            "ผลรวม",
            "ผลรวมทั้งหมด",
            "ผลรวมทั้งสิ้น",
            "Sum",
            "Totals",
            "Grand Total",
        ] {
            assert!(is_total_label(label), "{label}");
        }
    }

    #[test]
    fn a_name_that_begins_with_ruam_is_a_project() {
        for name in [
            "รวมพลังเยาวชนต้านทุจริต",
            "รวมใจภักดิ์ รักษ์พื้นที่สีเขียว",
            "รวมกลุ่มอาชีพ",
            "โครงการรวมพลัง",
            "ผลรวมคะแนนความโปร่งใส",
            "Summer Camp คุณธรรม",
            "",
        ] {
            assert!(!is_total_label(name), "{name}");
        }
    }
}
