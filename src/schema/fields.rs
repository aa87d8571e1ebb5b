//! The fields of a project table and the words that name them: which header cell means which
//! field (a status tick column's label by the status words of [`super::status`]). The reader
//! uses them to find a table, the template writes them, and configuration may add words (the
//! words themselves live here only).

use super::status::status_word;
use super::text::{normalized, thai_digits_to_arabic};
use crate::model::Status;
use serde::Deserialize;

/// What a column of a project table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// ลำดับ
    Number,
    /// รายการโครงการ / ชื่อโครงการ
    Name,
    /// มิติ
    Dimension,
    /// งบประมาณ (ตามแผน)
    BudgetPlan,
    /// งบประมาณตามข้อบัญญัติ/เทศบัญญัติ
    BudgetOrdinance,
    /// เบิกจ่าย
    Disbursed,
    /// บรรจุในข้อบัญญัติ/เทศบัญญัติ/แผนดำเนินงาน
    InOrdinance,
    /// สถานะ as one column of words
    StatusWords,
    /// One of the four status tick columns
    StatusTick(Status),
    /// หมายเหตุ
    Remark,
}

impl Field {
    /// The field's name in Thai, as a message names a missing column.
    pub fn thai(self) -> &'static str {
        match self {
            Field::Number => "ลำดับ",
            Field::Name => "รายการโครงการ",
            Field::Dimension => "มิติ",
            Field::BudgetPlan => "งบประมาณ",
            Field::BudgetOrdinance => "งบประมาณตามข้อบัญญัติ/เทศบัญญัติ",
            Field::Disbursed => "เบิกจ่าย",
            Field::InOrdinance => "บรรจุในข้อบัญญัติ",
            Field::StatusWords => "สถานะ",
            Field::StatusTick(s) => s.thai(),
            Field::Remark => "หมายเหตุ",
        }
    }

    /// The field's name in English, for the English half of a message.
    pub fn english(self) -> &'static str {
        match self {
            Field::Number => "number",
            Field::Name => "project name",
            Field::Dimension => "dimension",
            Field::BudgetPlan => "budget",
            Field::BudgetOrdinance => "ordinance budget",
            Field::Disbursed => "disbursed",
            Field::InOrdinance => "in the ordinance",
            Field::StatusWords => "status",
            Field::StatusTick(s) => s.english(),
            Field::Remark => "remarks",
        }
    }
}

impl Field {
    /// Whether the field holds money (and so may be given per fiscal year).
    pub fn is_money(self) -> bool {
        matches!(
            self,
            Field::BudgetPlan | Field::BudgetOrdinance | Field::Disbursed
        )
    }
}

/// Header words the configuration adds (`[headers]` in report.toml), per field: a header cell
/// whose normalised text equals one of them names that field, before the built-in words.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeaderWords {
    /// ลำดับ
    #[serde(default)]
    pub number: Vec<String>,
    /// รายการโครงการ
    #[serde(default)]
    pub name: Vec<String>,
    /// มิติ
    #[serde(default)]
    pub dimension: Vec<String>,
    /// งบประมาณตามแผน
    #[serde(default)]
    pub budget_plan: Vec<String>,
    /// งบประมาณตามข้อบัญญัติ/เทศบัญญัติ
    #[serde(default)]
    pub budget_ordinance: Vec<String>,
    /// เบิกจ่าย
    #[serde(default)]
    pub disbursed: Vec<String>,
    /// บรรจุในข้อบัญญัติ
    #[serde(default)]
    pub in_ordinance: Vec<String>,
    /// สถานะ as one column of words
    #[serde(default)]
    pub status: Vec<String>,
    /// หมายเหตุ
    #[serde(default)]
    pub remark: Vec<String>,
    /// รอรายงาน tick column
    #[serde(default)]
    pub waiting: Vec<String>,
    /// อยู่ระหว่างดำเนินการ tick column
    #[serde(default)]
    pub in_progress: Vec<String>,
    /// ดำเนินการแล้วเสร็จ tick column
    #[serde(default)]
    pub completed: Vec<String>,
    /// ไม่สามารถดำเนินการได้ tick column
    #[serde(default)]
    pub cannot: Vec<String>,
}

impl HeaderWords {
    /// Each field's words with its key in `[headers]` and the field it names.
    fn lists(&self) -> [(&Vec<String>, &'static str, Field); 13] {
        [
            (&self.number, "number", Field::Number),
            (&self.name, "name", Field::Name),
            (&self.dimension, "dimension", Field::Dimension),
            (&self.budget_plan, "budget_plan", Field::BudgetPlan),
            (
                &self.budget_ordinance,
                "budget_ordinance",
                Field::BudgetOrdinance,
            ),
            (&self.disbursed, "disbursed", Field::Disbursed),
            (&self.in_ordinance, "in_ordinance", Field::InOrdinance),
            (&self.status, "status", Field::StatusWords),
            (&self.remark, "remark", Field::Remark),
            (&self.waiting, "waiting", Field::StatusTick(Status::Waiting)),
            (
                &self.in_progress,
                "in_progress",
                Field::StatusTick(Status::InProgress),
            ),
            (
                &self.completed,
                "completed",
                Field::StatusTick(Status::Completed),
            ),
            (&self.cannot, "cannot", Field::StatusTick(Status::Cannot)),
        ]
    }

    /// The field one of these words names, both compared normalised and with Arabic digits
    /// (`งบปี ๖๕` configured names the header `งบปี 65`, as Thai digits read elsewhere).
    pub fn field_of(&self, text: &str) -> Option<Field> {
        let lists = self.lists();
        if lists.iter().all(|(words, _, _)| words.is_empty()) {
            return None;
        }
        let t = comparable(text);
        lists
            .into_iter()
            .find(|(words, _, _)| words.iter().any(|w| comparable(w) == t))
            .map(|(_, _, field)| field)
    }

    /// A word given for two fields (`budget_plan = ["งบตามแผนฯ"]`, `disbursed = ["งบตามแผนฯ"]`):
    /// the word as written and both fields' keys. Such a header could be read as either.
    pub fn clash(&self) -> Option<(String, &'static str, &'static str)> {
        let lists = self.lists();
        let mut seen: Vec<(String, &'static str)> = Vec::new();
        for (words, key, _) in lists {
            for word in words {
                let word_key = comparable(word);
                if word_key.is_empty() {
                    continue;
                }
                if let Some((_, first)) = seen.iter().find(|(w, k)| *w == word_key && k != &key) {
                    return Some((word.trim().to_string(), first, key));
                }
                seen.push((word_key, key));
            }
        }
        None
    }
}

/// A header word as compared: normalised, its Thai digits Arabic.
fn comparable(text: &str) -> String {
    thai_digits_to_arabic(&normalized(text)).into_owned()
}

/// The field a header cell names: the configuration's words first, then the built-in ones.
pub fn header_field_with(text: &str, extra: &HeaderWords) -> Option<Field> {
    extra.field_of(text).or_else(|| header_field(text))
}

/// A fiscal year (B.E., 2500-2700) standing alone in a header cell: `2565`, `๒๕๖๕`, `ปี 2565`,
/// `พ.ศ. 2565`, `ปี พ.ศ. 2565`, `พศ.2565`, `ปีงบประมาณ 2565`.
/// Also `2565 (บาท)`, and a two-digit year after a year word: `ปี 65`, `ปีงบประมาณ ๖๕`, `งบปี 65`,
/// `ปี '65` → 2565 (a bare `65` is no year).
pub fn year_label(text: &str) -> Option<u16> {
    let t = normalized(text);
    let t = thai_digits_to_arabic(&t);
    let t = ["(บาท)", "บาท"]
        .iter()
        .find_map(|s| t.strip_suffix(s))
        .unwrap_or(&t);
    let prefixed = YEAR_WORDS
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .map(|bare| bare.trim_start_matches(APOSTROPHES));
    match prefixed {
        Some(bare) if bare.len() == 2 && bare.bytes().all(|b| b.is_ascii_digit()) => {
            short_year(bare)
        }
        Some(bare) => fiscal_year(bare),
        None => fiscal_year(t),
    }
}

/// The words a two-digit year may follow (`ปี 65`, `พ.ศ.๖๕`, `งบปี 65`), longest first; a
/// four-digit one too (`ปี พ.ศ. 2565`, `พศ.2565`).
const YEAR_WORDS: [&str; 11] = [
    "ปีงบประมาณพ.ศ.",
    "ปีงบประมาณ",
    "ปีพ.ศ.",
    "ปีพ.ศ",
    "ปีงบ",
    "งบปี",
    "พ.ศ.",
    "พ.ศ",
    "พศ.",
    "พศ",
    "ปี",
];

/// What may stand for a year's first two digits after its word: `ปี '65`.
const APOSTROPHES: [char; 3] = ['\'', '’', '‘'];

/// A fiscal year inside a header's text: `เบิกจ่ายปี 2565`, `งบประมาณ พ.ศ. ๒๕๖๕` → 2565; also
/// two digits after a year word, as offices shorten it: `งบประมาณ ปี 65`, `งบ ปีงบ ๖๕` → 2565.
/// A period over the turn of two years, `เบิกจ่าย (ต.ค. 2564 - มี.ค. 2565)`, is the later one's:
/// a fiscal year runs from October of the year before.
pub fn year_in(text: &str) -> Option<u16> {
    let t = thai_digits_to_arabic(text);
    let mut years = full_years(&t);
    let first = years.next();
    let period = match (first, years.next(), years.next()) {
        (Some(a), Some(b), None) if b == a + 1 => Some(b),
        _ => None,
    };
    period.or(first).or_else(|| {
        t.char_indices().find_map(|(i, _)| {
            let after = YEAR_WORDS.iter().find_map(|w| t[i..].strip_prefix(w))?;
            let after = after.trim_start().trim_start_matches(APOSTROPHES);
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            (digits == 2).then(|| short_year(&after[..2])).flatten()
        })
    })
}

/// Every four-digit fiscal year (2500-2700) standing alone in a text, Thai digits read:
/// `แผน 2566-2570` → 2566, 2570.
pub fn years_in(text: &str) -> Vec<u16> {
    full_years(&thai_digits_to_arabic(text)).collect()
}

/// The four-digit fiscal years in a text of Arabic digits.
fn full_years(t: &str) -> impl Iterator<Item = u16> + '_ {
    let bytes = t.as_bytes();
    (0..bytes.len().saturating_sub(3)).filter_map(move |i| {
        let digit = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_digit);
        let after_digit = i > 0 && digit(i - 1);
        let alone = !after_digit && !digit(i + 4);
        let candidate = t.get(i..i + 4)?;
        (alone && (i..i + 4).all(digit))
            .then(|| fiscal_year(candidate))
            .flatten()
    })
}

/// `65` after a year word → 2565: offices shorten the B.E. year to its last two digits.
fn short_year(two_digits: &str) -> Option<u16> {
    fiscal_year(&format!("25{two_digits}"))
}

fn fiscal_year(text: &str) -> Option<u16> {
    let year: u16 = text.parse().ok()?;
    (text.len() == 4 && (2500..=2700).contains(&year)).then_some(year)
}

/// A PivotTable's caption over a summed or counted field (`ผลรวม ของ งบประมาณ`,
/// `นับจำนวน ของ ชื่อโครงการ`, `Sum of งบประมาณ`): it names no column of projects, so a
/// division's pivot of its own list is no table of projects.
fn is_pivot_caption(normal: &str) -> bool {
    const AGGREGATES: [&str; 10] = [
        "ผลรวม",
        "นับจำนวน",
        "ค่าเฉลี่ย",
        "สูงสุด",
        "ต่ำสุด",
        "sum",
        "count",
        "average",
        "max",
        "min",
    ];
    // Normalised: no spaces, ASCII lower-cased (`sumofงบประมาณ`).
    AGGREGATES.iter().any(|a| {
        normal
            .strip_prefix(a)
            .is_some_and(|rest| rest.starts_with("ของ") || rest.starts_with("of"))
    })
}

/// The field a header cell names, compared after normalising.
pub fn header_field(text: &str) -> Option<Field> {
    field_named(text, true)
}

/// The field a header's words would name but for the words that make it another quantity
/// (`เบิกจ่าย (ร้อยละ)` → disbursed, `งบประมาณคงเหลือ` → plan budget): its column is not read,
/// and where that field is then missing, the column is named so the clerk knows why.
pub fn other_quantity_field(text: &str) -> Option<Field> {
    let t = normalized(text);
    if !names_another_quantity(without_list_mark(&t)) {
        return None;
    }
    field_named(text, false)
}

/// Whether a header's text names another quantity than an amount or a status (`ร้อยละ`, `%`,
/// `คงเหลือ`, `วันที่…`): under a money label (`เบิกจ่าย` over `จำนวนเงิน | ร้อยละ`) such a part
/// is no candidate for the amount.
pub fn names_other_quantity(text: &str) -> bool {
    names_another_quantity(without_list_mark(&normalized(text)))
}

/// Whether a second header row's label names the amount itself and nothing more (`จำนวนเงิน
/// (บาท)`, `บาท`, `ยอดเงิน`, `(หน่วย: บาท)`): under a money label, beside parts of another
/// quantity only (`ร้อยละ`), its column is that field's.
pub fn names_the_amount(text: &str) -> bool {
    let t: String = normalized(text)
        .chars()
        .filter(|c| !matches!(c, '(' | ')' | '.' | ':'))
        .collect();
    matches!(
        t.as_str(),
        "จำนวนเงิน"
            | "จำนวนเงินบาท"
            | "จำนวน"
            | "จำนวนบาท"
            | "บาท"
            | "เงิน"
            | "เงินบาท"
            | "ยอดเงิน"
            | "ยอดเงินบาท"
            | "ยอด"
            | "ยอดบาท"
            | "หน่วยบาท"
            | "หน่วยเป็นบาท"
    )
}

/// [`header_field`]; `set_aside_others`: whether a header naming another quantity is none.
fn field_named(text: &str, set_aside_others: bool) -> Option<Field> {
    let t = normalized(text);
    if t.is_empty() || t.chars().count() > 60 || is_pivot_caption(&t) {
        return None;
    }
    let t = without_list_mark(&t);
    let ordinance = t.contains("ข้อบัญญัติ") || t.contains("เทศบัญญัติ");
    let field = if t.starts_with("ลำดับ") || t == "ที่" {
        Field::Number
    } else if t.contains("หมายเหตุ") {
        Field::Remark
    } else if set_aside_others && names_another_quantity(t) {
        return None;
    } else if t.starts_with("บรรจุ")
        || (ordinance
            && ["บรรจุใน", "อยู่ใน", "มีใน", "ตั้งงบใน"]
                .iter()
                .any(|w| t.contains(w)))
    {
        Field::InOrdinance
    } else if t.contains("เบิกจ่าย") || t.contains("ใช้จริง") {
        Field::Disbursed
    } else if t.contains("งบประมาณ") || is_budget_words(t, ordinance) {
        if ordinance {
            Field::BudgetOrdinance
        } else {
            Field::BudgetPlan
        }
    } else if is_dimension_words(t) {
        Field::Dimension
    } else if t.starts_with("สถานะ") || t.starts_with("ผลการดำเนิน")
    {
        Field::StatusWords
    } else if let Some(status) = status_word(t).filter(|_| t.chars().count() <= 30) {
        Field::StatusTick(status)
    } else if t.contains("รายการโครงการ")
        || t.contains("ชื่อโครงการ")
        || t.contains("ชื่อกิจกรรม")
        || t.starts_with("โครงการ/กิจกรรม")
        || t.starts_with("กิจกรรม/โครงการ")
        || t.starts_with("มาตรการ/")
        || t == "รายการ"
        || is_project_words(t)
    {
        Field::Name
    } else {
        return None;
    };
    Some(field)
}

/// Words that make a header another quantity than the field its other words name (normalised):
/// what is left of the budget (`งบประมาณคงเหลือ`), a share (`ร้อยละการเบิกจ่าย`, `เบิกจ่าย (%)`,
/// `อัตราการเบิกจ่าย`), a difference (`ผลต่าง`, `ส่วนต่าง`) — anywhere in the header.
const OTHER_QUANTITY_WORDS: [&str; 8] = [
    "คงเหลือ",
    "ร้อยละ",
    "%",
    "เปอร์เซ็นต์",
    "อัตรา",
    "สัดส่วน",
    "ผลต่าง",
    "ส่วนต่าง",
];

/// What a header that begins so holds is no amount and no status (normalised): a date
/// (`วันที่เบิกจ่าย`, `ว/ด/ป`), a period (`ระยะเวลาเบิกจ่าย`), a document's number (`เลขที่ฎีกา
/// เบิกจ่าย`), a person (`ผู้เบิกจ่าย`). Only at the start: `เบิกจ่าย ณ วันที่ 31 มี.ค. 2565` is
/// the amount disbursed by that day.
const OTHER_QUANTITY_OPENINGS: [&str; 8] = [
    "วันที่",
    "วัน/เดือน/ปี",
    "วันเดือนปี",
    "ว/ด/ป",
    "ว.ด.ป",
    "ระยะเวลา",
    "เลขที่",
    "ผู้",
];

/// Whether a header (normalised, its list mark passed over) names another quantity than a
/// field's: its column is none of the project's fields, and is not read.
fn names_another_quantity(normal: &str) -> bool {
    OTHER_QUANTITY_WORDS.iter().any(|w| normal.contains(w))
        || OTHER_QUANTITY_OPENINGS
            .iter()
            .any(|w| normal.starts_with(w))
}

/// A header's text without the list mark or bracket it opens with (`1. บรรจุ…`, `(บรรจุ…)`,
/// `✓ บรรจุ…`, `๑) …`); normalised text in, normalised text out.
fn without_list_mark(normal: &str) -> &str {
    let mark = |c: char| {
        c.is_ascii_digit()
            || ('๐'..='๙').contains(&c)
            || matches!(c, '(' | ')' | '.' | '-' | '*' | '•' | '✓' | '✔' | '☑' | '√')
    };
    if !normal.starts_with(mark) {
        return normal;
    }
    let rest = normal.trim_start_matches(mark);
    // A mark alone, or digits that are the whole text (a year), stay as they were.
    if rest.is_empty() || rest.len() == normal.len() {
        return normal;
    }
    rest.trim_end_matches(')')
}

/// A budget named without the word งบประมาณ (normalised): `งบตามแผน`, `งบตามข้อบัญญัติ`,
/// `งบข้อบัญญัติ`, `วงเงินตามข้อบัญญัติ`, `ตามข้อบัญญัติ(บาท)`, `ข้อบัญญัติ/เทศบัญญัติ`.
fn is_budget_words(normal: &str, ordinance: bool) -> bool {
    let rest = normal.trim_end_matches("(บาท)").trim_end_matches("บาท");
    let named = ["งบ", "วงเงิน"].iter().find_map(|w| rest.strip_prefix(w));
    let rest = named.unwrap_or(rest);
    let rest = rest.strip_prefix("ตาม").unwrap_or(rest);
    if ordinance {
        // What is left names the ordinance and nothing else: `ข้อบัญญัติ/เทศบัญญัติ`.
        let words = ["ข้อบัญญัติ", "เทศบัญญัติ", "งบประมาณ", "/", "ฯ", "รายจ่าย"];
        let mut rest = rest;
        while let Some(after) = words.iter().find_map(|w| rest.strip_prefix(w)) {
            rest = after;
        }
        rest.is_empty()
    } else {
        // `งบ`/`วงเงิน` must be said: `บาท` alone (a unit under a label) names no budget.
        // `งบปี 65`: the budget of that year.
        named.is_some() && (["แผน", "แผนฯ", ""].contains(&rest) || year_label(rest).is_some())
    }
}

/// The มิติ header (normalised): `มิติ`, `มิติที่`, with a note of the range (`มิติ(1-4)`,
/// `มิติที่๑-๔`) or a word of which (`มิติที่เกี่ยวข้อง`, `มิติตามแผน`, `รหัสมิติ`); never a
/// section's title (`มิติที่1การสร้างสังคม…`) nor its label alone (`มิติที่1`, `มิติ1.`).
fn is_dimension_words(normal: &str) -> bool {
    let t = normal.strip_prefix("รหัส").unwrap_or(normal);
    let Some(rest) = t.strip_prefix("มิติ") else {
        return false;
    };
    let rest = rest.strip_prefix("ที่").unwrap_or(rest);
    let mut number = rest.trim_end_matches(['.', ':']).chars();
    if let (Some(digit), None) = (number.next(), number.next())
        && (('1'..='4').contains(&digit) || ('๑'..='๔').contains(&digit))
    {
        return false;
    }
    let rest = rest.trim_start_matches('(').trim_end_matches(')');
    normal.chars().count() <= 8
        || ["1-4", "๑-๔", "1–4", "๑–๔", "เกี่ยวข้อง", "ตามแผน", "ตามแผนฯ"].contains(&rest)
}

/// `โครงการ`, and the ways the name's header joins โครงการ to กิจกรรม and มาตรการ (normalised):
/// `โครงการ/กิจกรรม/มาตรการ`, `โครงการ กิจกรรม มาตรการ`, `โครงการ-กิจกรรม`, `โครงการและกิจกรรม`.
fn is_project_words(normal: &str) -> bool {
    let Some(mut rest) = normal.strip_prefix("โครงการ") else {
        return false;
    };
    while !rest.is_empty() {
        let next = ["กิจกรรม", "มาตรการ", "และ", "หรือ", "/", "-", ",", "、"]
            .iter()
            .find_map(|w| rest.strip_prefix(w));
        match next {
            Some(after) => rest = after,
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_documents_own_header_words() {
        assert_eq!(header_field("โครงการ/กิจกรรม/มาตรการ"), Some(Field::Name));
        assert_eq!(header_field("โครงการ/กิจกรรม"), Some(Field::Name));
        for name in [
            "โครงการ กิจกรรม มาตรการ",
            "ชื่อกิจกรรม",
            "รายการ",
            "โครงการ-กิจกรรม",
            "โครงการและกิจกรรม",
            "โครงการ/กิจกรรม/มาตรการ",
            "โครงการ",
        ] {
            assert_eq!(header_field(name), Some(Field::Name), "{name}");
        }
        assert_eq!(header_field("จำนวนโครงการ"), None);
        assert_eq!(header_field("โครงการที่ได้รับงบ"), None);
        assert_eq!(header_field("ที่"), Some(Field::Number));
        assert_eq!(header_field("ผลการดำเนินงาน"), Some(Field::StatusWords));
        assert_eq!(header_field("ผลการ\nดำเนินการ"), Some(Field::StatusWords));
        assert_eq!(header_field("เบิกจ่ายปี 2565"), Some(Field::Disbursed));
        assert_eq!(header_field("งบประมาณ พ.ศ. ๒๕๖๕"), Some(Field::BudgetPlan));
    }

    #[test]
    fn ordinance_budget_in_ordinance_and_dimension_headers_as_offices_word_them() {
        for ordinance in [
            "งบตามข้อบัญญัติ",
            "งบ ข้อบัญญัติ",
            "ตามข้อบัญญัติ (บาท)",
            "วงเงินตามข้อบัญญัติ",
            "ข้อบัญญัติ/เทศบัญญัติ",
            "งบประมาณตามเทศบัญญัติ",
        ] {
            assert_eq!(
                header_field(ordinance),
                Some(Field::BudgetOrdinance),
                "{ordinance}"
            );
        }
        for plan in ["งบตามแผน", "งบ (บาท)", "วงเงิน", "งบประมาณ"]
        {
            assert_eq!(header_field(plan), Some(Field::BudgetPlan), "{plan}");
        }
        for tick in [
            "บรรจุในข้อบัญญัติ",
            "โครงการที่บรรจุในข้อบัญญัติ",
            "การบรรจุในข้อบัญญัติ",
            "อยู่ในข้อบัญญัติ",
            "มีในเทศบัญญัติ",
            "ตั้งงบในข้อบัญญัติ",
            "✓ บรรจุในข้อบัญญัติ",
            "(บรรจุในข้อบัญญัติ)",
            "1. บรรจุในข้อบัญญัติ",
        ] {
            assert_eq!(header_field(tick), Some(Field::InOrdinance), "{tick}");
        }
        for dimension in [
            "มิติ",
            "มิติที่",
            "มิติ (1-4)",
            "มิติที่ (1-4)",
            "มิติ\n(1-4)",
            "มิติที่ ๑-๔",
            "มิติที่เกี่ยวข้อง",
            "รหัสมิติ",
            "มิติตามแผน",
        ] {
            assert_eq!(
                header_field(dimension),
                Some(Field::Dimension),
                "{dimension}"
            );
        }
        // A section's title is no header, nor a budget approved without naming the ordinance.
        assert_eq!(header_field("มิติที่ 1 การสร้างสังคมที่ไม่ทนต่อการทุจริต"), None);
        for label in ["มิติที่ 1", "มิติ 1.", "มิติที่ ๒", "มิติ 3:"]
        {
            assert_eq!(header_field(label), None, "{label}: a section's label");
        }
        assert_eq!(header_field("งบที่ได้รับอนุมัติ"), None);
        assert_eq!(header_field("งบ อปท."), None);
        assert_eq!(header_field("2565"), None);
        assert_eq!(header_field("บาท"), None);
        assert_eq!(header_field("(บาท)"), None);
        assert_eq!(
            header_field("ตามแผน"),
            None,
            "a sub-label, read under its budget"
        );
    }

    #[test]
    fn a_header_of_another_quantity_names_no_field() {
        for other in [
            "งบประมาณคงเหลือ (บาท)",
            "คงเหลือ (บาท)",
            "ร้อยละการเบิกจ่าย",
            "เบิกจ่าย (%)",
            "เบิกจ่ายคิดเป็นเปอร์เซ็นต์",
            "อัตราการเบิกจ่าย",
            "สัดส่วนงบประมาณ",
            "ผลต่างงบประมาณ",
            "ส่วนต่าง งบตามแผน-ข้อบัญญัติ",
            "วันที่เบิกจ่าย",
            "วัน/เดือน/ปี ที่เบิกจ่าย",
            "ว/ด/ป ดำเนินการแล้วเสร็จ",
            "ระยะเวลาดำเนินการแล้วเสร็จ",
            "เลขที่ฎีกาเบิกจ่าย",
            "ผู้เบิกจ่าย",
            "สถานะ (ร้อยละ)",
        ] {
            assert_eq!(header_field(other), None, "{other}");
        }
        // A date that says as of when is no date column; a remark is a remark whatever it says.
        assert_eq!(
            header_field("เบิกจ่าย ณ วันที่ 31 มี.ค. 2565"),
            Some(Field::Disbursed)
        );
        assert_eq!(header_field("หมายเหตุ (วันที่)"), Some(Field::Remark));
        assert_eq!(header_field("ลำดับที่"), Some(Field::Number));
        // Words of the report's own may still name such a column.
        let words = HeaderWords {
            disbursed: vec!["ร้อยละการเบิกจ่าย".into()],
            ..HeaderWords::default()
        };
        assert_eq!(
            header_field_with("ร้อยละการเบิกจ่าย", &words),
            Some(Field::Disbursed)
        );
    }

    #[test]
    fn a_pivot_tables_captions_name_no_field() {
        for caption in [
            "ผลรวม ของ งบประมาณ",
            "นับจำนวน ของ ชื่อโครงการ",
            "ผลรวมของเบิกจ่าย",
            "Sum of งบประมาณ",
            "Count of ชื่อโครงการ",
        ] {
            assert_eq!(header_field(caption), None, "{caption}");
        }
        assert_eq!(header_field("งบประมาณ"), Some(Field::BudgetPlan));
    }

    #[test]
    fn years_in_header_cells() {
        for text in [
            "2565",
            "๒๕๖๕",
            "ปี 2565",
            "พ.ศ. 2565",
            "ปีงบประมาณ 2565",
            " 2565 ",
            "ปี พ.ศ. 2565",
            "พศ.2565",
            "งบปี 65",
            "ปี '65",
            "ปี ’65",
        ] {
            assert_eq!(year_label(text), Some(2565), "{text}");
        }
        assert_eq!(year_label("งบประมาณ"), None);
        assert_eq!(year_label("ปี 64"), Some(2564));
        assert_eq!(year_label("ปีงบประมาณ ๖๕"), Some(2565));
        assert_eq!(year_label("2564\n(บาท)"), Some(2564));
        assert_eq!(year_label("64"), None);
        assert_eq!(year_label("บาท"), None);
        assert_eq!(year_label("1234"), None);
        assert_eq!(year_in("เบิกจ่ายปี 2565"), Some(2565));
        assert_eq!(year_in("เบิกจ่าย (ต.ค. 2564 - มี.ค. 2565)"), Some(2565));
        assert_eq!(year_in("งบประมาณ ปี 2564-2566"), Some(2564));
        assert_eq!(year_in("งบประมาณ พ.ศ. ๒๕๖๕ (บาท)"), Some(2565));
        assert_eq!(year_in("งบประมาณ (บาท)"), None);
        assert_eq!(year_in("งบประมาณ 125650"), None);
        assert_eq!(year_in("งบประมาณ ปี 64"), Some(2564));
        assert_eq!(year_in("เบิกจ่ายปี๖๕"), Some(2565));
        assert_eq!(year_in("งบประมาณ พ.ศ. 66 (บาท)"), Some(2566));
        assert_eq!(year_in("งบประมาณ ปีงบประมาณ 65"), Some(2565));
        // Two digits with no year word, or three after one, are no year.
        assert_eq!(year_in("งบประมาณ 65"), None);
        assert_eq!(year_in("งบประมาณ ปี 650"), None);
        assert_eq!(year_in("งบปี 66"), Some(2566));
        assert_eq!(year_in("งบประมาณ ปี '65"), Some(2565));
        assert_eq!(year_label("'65"), None, "an apostrophe is no year word");
        assert_eq!(header_field("งบปี 66"), Some(Field::BudgetPlan));
        assert_eq!(header_field("งบปี"), None);
    }

    #[test]
    fn configured_words_name_fields_first() {
        let words = HeaderWords {
            name: vec!["ชื่องาน".into()],
            budget_plan: vec!["งบตามแผนฯ".into()],
            ..HeaderWords::default()
        };
        assert_eq!(header_field_with("ชื่อ งาน", &words), Some(Field::Name));
        assert_eq!(
            header_field_with("งบตามแผนฯ", &words),
            Some(Field::BudgetPlan)
        );
        assert_eq!(header_field_with("หมายเหตุ", &words), Some(Field::Remark));
        assert_eq!(header_field("ชื่องาน"), None);
    }
}
