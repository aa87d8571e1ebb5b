//! The fields of a project table and the words that name them: which header cell means which
//! field, and which words mean which status. The reader uses them to find a table, the template
//! writes them, and configuration may add words (the words themselves live here only).

use super::text::{clean_text, cleaned, normalized, thai_digits_to_arabic};
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
    /// The field one of these words names (the text is normalised first).
    pub fn field_of(&self, text: &str) -> Option<Field> {
        let t = normalized(text);
        let lists: [(&Vec<String>, Field); 13] = [
            (&self.number, Field::Number),
            (&self.name, Field::Name),
            (&self.dimension, Field::Dimension),
            (&self.budget_plan, Field::BudgetPlan),
            (&self.budget_ordinance, Field::BudgetOrdinance),
            (&self.disbursed, Field::Disbursed),
            (&self.in_ordinance, Field::InOrdinance),
            (&self.status, Field::StatusWords),
            (&self.remark, Field::Remark),
            (&self.waiting, Field::StatusTick(Status::Waiting)),
            (&self.in_progress, Field::StatusTick(Status::InProgress)),
            (&self.completed, Field::StatusTick(Status::Completed)),
            (&self.cannot, Field::StatusTick(Status::Cannot)),
        ];
        lists
            .into_iter()
            .find(|(words, _)| words.iter().any(|w| normalized(w) == t))
            .map(|(_, field)| field)
    }
}

/// The field a header cell names: the configuration's words first, then the built-in ones.
pub fn header_field_with(text: &str, extra: &HeaderWords) -> Option<Field> {
    extra.field_of(text).or_else(|| header_field(text))
}

/// A fiscal year (B.E., 2500-2700) standing alone in a header cell: `2565`, `๒๕๖๕`, `ปี 2565`,
/// `พ.ศ. 2565`, `ปีงบประมาณ 2565`.
/// Also `2565 (บาท)`, and a two-digit year after a year word: `ปี 65`, `ปีงบประมาณ ๖๕` → 2565 (a
/// bare `65` is no year).
pub fn year_label(text: &str) -> Option<u16> {
    let t = normalized(text);
    let t = thai_digits_to_arabic(&t);
    let t = ["(บาท)", "บาท"]
        .iter()
        .find_map(|s| t.strip_suffix(s))
        .unwrap_or(&t);
    let prefixed = YEAR_WORDS.iter().find_map(|p| t.strip_prefix(p));
    match prefixed {
        Some(bare) if bare.len() == 2 && bare.bytes().all(|b| b.is_ascii_digit()) => {
            short_year(bare)
        }
        Some(bare) => fiscal_year(bare),
        None => fiscal_year(t),
    }
}

/// The words a two-digit year may follow (`ปี 65`, `พ.ศ.๖๕`), longest first.
const YEAR_WORDS: [&str; 6] = ["ปีงบประมาณพ.ศ.", "ปีงบประมาณ", "ปีงบ", "พ.ศ.", "พ.ศ", "ปี"];

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
            let after = after.trim_start();
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
    let rest = ["งบ", "วงเงิน"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest);
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
        rest.len() < normal.len() && ["แผน", "แผนฯ", ""].contains(&rest)
    }
}

/// The มิติ header (normalised): `มิติ`, `มิติที่`, with a note of the range (`มิติ(1-4)`,
/// `มิติที่๑-๔`) or a word of which (`มิติที่เกี่ยวข้อง`, `มิติตามแผน`, `รหัสมิติ`); never a
/// section's title (`มิติที่1การสร้างสังคม…`).
fn is_dimension_words(normal: &str) -> bool {
    let t = normal.strip_prefix("รหัส").unwrap_or(normal);
    let Some(rest) = t.strip_prefix("มิติ") else {
        return false;
    };
    let rest = rest.strip_prefix("ที่").unwrap_or(rest);
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

/// The status a text names, if it names exactly one: the four words and the ways staff write
/// them (`ดำเนินการเสร็จสิ้น`, `เรียบร้อยแล้ว`, `กำลังดำเนินการ`, `ดำเนินการไม่ได้`); see
/// [`statuses_named`].
pub fn status_word(text: &str) -> Option<Status> {
    match statuses_named(text).as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// How staff begin a cell with each status, normalised (no spaces). ไม่สามารถ alone is cannot
/// only when no word follows it (see [`leading_status`]).
const STATUS_PHRASES: [(&str, Status); 22] = [
    ("ไม่สามารถดำเนินการได้", Status::Cannot),
    ("ไม่สามารถดำเนินการ", Status::Cannot),
    ("ไม่สามารถดำเนิน", Status::Cannot),
    ("ดำเนินการไม่ได้", Status::Cannot),
    (CANNOT_ALONE, Status::Cannot),
    ("อยู่ระหว่างการดำเนินการ", Status::InProgress),
    ("อยู่ระหว่างดำเนินการ", Status::InProgress),
    ("กำลังดำเนินการ", Status::InProgress),
    ("อยู่ระหว่าง", Status::InProgress),
    ("ดำเนินการแล้วเสร็จ", Status::Completed),
    ("ดำเนินการเสร็จสิ้น", Status::Completed),
    ("ดำเนินการเสร็จแล้ว", Status::Completed),
    ("ดำเนินการเรียบร้อยแล้ว", Status::Completed),
    ("ดำเนินการเรียบร้อย", Status::Completed),
    ("แล้วเสร็จ", Status::Completed),
    ("เสร็จสิ้น", Status::Completed),
    ("เสร็จแล้ว", Status::Completed),
    ("เรียบร้อยแล้ว", Status::Completed),
    ("เรียบร้อย", Status::Completed),
    ("เสร็จ", Status::Completed),
    ("รอการรายงาน", Status::Waiting),
    ("รอรายงาน", Status::Waiting),
];

/// ไม่สามารถ ("cannot") with no verb: cannot when it stands alone (a tick column's label, a
/// cell `ไม่สามารถ (ไม่ได้รับงบประมาณ)`), but `ไม่สามารถเบิกจ่ายได้` says only what could not be
/// done, and `ไม่สามารถระบุได้` says nothing of the project.
const CANNOT_ALONE: &str = "ไม่สามารถ";

/// What may stand between two statuses listed in one cell: `,` `/` `;` `และ` `หรือ`…, and the
/// dashes, slashes and commas of other keyboards (`—` U+2014, `−` U+2212, `／` U+FF0F, `、` U+3001).
const STATUS_SEPARATORS: [&str; 19] = [
    ",",
    "/",
    ";",
    ":",
    "-",
    "–",
    "—",
    "−",
    "|",
    "+",
    "~",
    "／",
    "，",
    "、",
    "～",
    "；",
    "และ",
    "หรือ",
    "กับ",
];

/// The separators and brackets taken off the front of a note (`ดำเนินการแล้วเสร็จ — ส่งรายงานแล้ว`).
const NOTE_MARKS: &str = "()[],/;:-–—−|+~／，、～；.";

/// Words typed on after a status that only finish it, never a note: แล้ว and the like after a
/// done word (`เสร็จสิ้นแล้ว`, `เสร็จเรียบร้อยแล้ว`), ผล after รอรายงาน (`รอรายงานผล`).
fn status_tails(status: Status) -> &'static [&'static str] {
    match status {
        Status::Completed => &["แล้ว", "เรียบร้อย", "สมบูรณ์", "ครบถ้วน"],
        Status::Waiting => &["ผล"],
        Status::InProgress | Status::Cannot => &[],
    }
}

/// The status a normalised text begins with (the longest way of writing it, with the words
/// that only finish it) and the rest.
fn leading_status(t: &str) -> Option<(Status, &str)> {
    let (phrase, status) = STATUS_PHRASES
        .iter()
        .filter(|(phrase, _)| t.starts_with(phrase))
        .max_by_key(|(phrase, _)| phrase.len())?;
    let mut rest = &t[phrase.len()..];
    if *phrase == CANNOT_ALONE && rest.starts_with(is_thai_letter) {
        return None;
    }
    while let Some(shorter) = status_tails(*status)
        .iter()
        .find_map(|w| rest.strip_prefix(w))
    {
        rest = shorter;
    }
    Some((*status, rest))
}

/// A Thai consonant, vowel or tone mark: a word going on (not a digit, ฯ or ๆ).
fn is_thai_letter(c: char) -> bool {
    ('\u{0E01}'..='\u{0E4E}').contains(&c) && !matches!(c, 'ฯ' | 'ๆ')
}

/// A cell of words that begins with a status.
struct Lead<'a> {
    status: Status,
    /// The normalised text after the status (and the words that only finish it).
    rest: &'a str,
    /// The same as typed (spaces tidied), from just after the status: a space first when one
    /// was typed there.
    typed_rest: &'a str,
    /// The cell as typed from the status on (a bullet before it left out).
    typed_from: &'a str,
}

impl Lead<'_> {
    /// Whether the status runs on into a longer word as typed, no space nor mark between
    /// (`อยู่ระหว่างจัดซื้อ`, `เสร็จไม่ทัน`): then it is no word of its own.
    fn glued(&self) -> bool {
        self.typed_rest.starts_with(is_thai_letter)
    }
}

/// The status `cleaned` (a [`clean_text`]) begins with; `normal` is its normalised text.
fn lead<'a>(cleaned: &'a str, normal: &'a str) -> Option<Lead<'a>> {
    let t = without_bullet(normal);
    let (status, rest) = leading_status(t)?;
    let chars = |tail: &str| normal[..normal.len() - tail.len()].chars().count();
    Some(Lead {
        status,
        rest,
        typed_rest: typed_after(cleaned, chars(rest)),
        typed_from: typed_after(cleaned, chars(t)).trim_start(),
    })
}

/// `cleaned` after its first `taken` characters other than spaces. The cleaned text is the
/// normalised one with its spaces kept (ASCII case aside), so a count of the one's characters
/// finds the same place in the other.
fn typed_after(cleaned: &str, taken: usize) -> &str {
    let mut seen = 0;
    for (i, c) in cleaned.char_indices() {
        if seen == taken {
            return &cleaned[i..];
        }
        if c != ' ' {
            seen += 1;
        }
    }
    ""
}

/// `rest` without the separators it begins with.
fn after_separators(mut rest: &str) -> &str {
    while let Some(shorter) = STATUS_SEPARATORS
        .iter()
        .find_map(|s| rest.strip_prefix(s))
        .or_else(|| rest.strip_prefix('.'))
    {
        rest = shorter;
    }
    rest
}

/// The statuses `rest` lists and nothing else (`/ดำเนินการแล้วเสร็จ`, `, รอรายงาน`), if it
/// is such a list; none when it says anything more (a note on the status before it).
fn listed_statuses(rest: &str) -> Option<Vec<Status>> {
    let mut found = Vec::new();
    let mut rest = after_separators(rest);
    while !rest.is_empty() {
        let (status, after) = leading_status(rest)?;
        let next = after_separators(after);
        if next.len() == after.len() && !after.is_empty() {
            return None;
        }
        found.push(status);
        rest = next;
    }
    Some(found)
}

/// Every status a text names, in [`Status::ALL`] order: none, one, or several.
///
/// - A cell that begins with a status is that status; what follows is a note on it
///   (`อยู่ระหว่างดำเนินการ (คาดว่าจะแล้วเสร็จ ก.ย. 2565)`, `ไม่สามารถดำเนินการได้ เนื่องจาก…`),
///   unless it only lists more statuses (`รอรายงาน/ดำเนินการแล้วเสร็จ`,
///   `ดำเนินการแล้วเสร็จ, อยู่ระหว่างดำเนินการ`, `… — …`): then it names them all, and is read as
///   none.
/// - "Done" only in part (`ดำเนินการแล้วเสร็จบางส่วน`, `เกือบแล้วเสร็จ`, `เสร็จ 60%`,
///   `แล้วเสร็จ 3 ใน 5 กิจกรรม`; see [`done_in_part`]) or with a negation (`ยังไม่แล้วเสร็จ`,
///   `เสร็จไม่ทัน`; see [`done_negated`]) is never read as done.
/// - Otherwise a status said within the text is looked for (`ปัจจุบันอยู่ระหว่างดำเนินการ`).
pub fn statuses_named(text: &str) -> Vec<Status> {
    let typed = cleaned(text);
    let normal = normalized(&typed);
    let Some(lead) = lead(&typed, &normal) else {
        return status_within(without_bullet(&normal)).into_iter().collect();
    };
    if lead.status == Status::Completed && (done_in_part(lead.rest) || done_negated(&lead)) {
        return Vec::new();
    }
    let more = listed_statuses(lead.rest).unwrap_or_default();
    Status::ALL
        .into_iter()
        .filter(|s| *s == lead.status || more.contains(s))
        .collect()
}

/// Whether a normalised text says "done" only in part: บางส่วน, บางกิจกรรม, ไปบ้าง, เกือบ, or a
/// share short of the whole (`50%`, `ร้อยละ 70`, `3 ใน 5`; `100%` is whole).
fn done_in_part(t: &str) -> bool {
    const IN_PART: [&str; 8] = [
        "บางส่วน",
        "บางกิจกรรม",
        "บางรายการ",
        "บางโครงการ",
        "บางขั้นตอน",
        "เพียงบาง",
        "บ้าง",
        "เกือบ",
    ];
    IN_PART.iter().any(|w| t.contains(w)) || share_short_of_whole(&thai_digits_to_arabic(t))
}

/// Whether a normalised text with Arabic digits gives a share short of the whole: a number
/// under 100 before `%` or after `ร้อยละ`, or `n ใน m` with n under m.
fn share_short_of_whole(t: &str) -> bool {
    // The length of the number `s` begins with (`3,000.50`), and its value.
    let number = |s: &str| -> (usize, Option<f64>) {
        let len = s
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(s.len());
        let digits = s[..len].trim_end_matches('.').replace(',', "");
        (len, digits.parse().ok())
    };
    let mut from = 0;
    while let Some(at) = t[from..].find(|c: char| c.is_ascii_digit()) {
        let start = from + at;
        let (len, n) = number(&t[start..]);
        from = start + len;
        let Some(n) = n else { continue };
        let after = &t[from..];
        let percent = after.starts_with('%') || t[..start].ends_with("ร้อยละ");
        let whole = after.strip_prefix("ใน").and_then(|s| number(s).1);
        if (percent && n < 100.0) || whole.is_some_and(|whole| n < whole) {
            return true;
        }
    }
    false
}

/// Whether the words right after a done word negate it: `ไม่`/`ยังไม่` typed on with no space
/// (`เสร็จไม่ทัน`, `แล้วเสร็จไม่ได้`), or after a space one that says it was not finished
/// (`เสร็จ ไม่ทัน`, `ไม่ครบ`, `ไม่หมด`). A note after a space is a note (`ยังไม่ได้เบิกจ่าย`).
fn done_negated(lead: &Lead<'_>) -> bool {
    const UNFINISHED: [&str; 5] = ["ไม่ทัน", "ไม่ครบ", "ไม่หมด", "ไม่เสร็จ", "ไม่สำเร็จ"];
    let negation = lead.rest.starts_with("ไม่") || lead.rest.starts_with("ยังไม่");
    (negation && lead.glued()) || UNFINISHED.iter().any(|w| lead.rest.starts_with(w))
}

/// A normalised text without the bullet or item number staff may type before a status
/// (`- ดำเนินการแล้วเสร็จ`, `1. รอรายงาน`, `๒) อยู่ระหว่างดำเนินการ` as a tick column's label).
fn without_bullet(normal: &str) -> &str {
    let t = normal.trim_start_matches(['-', '–', '—', '−', '•', '*', '·']);
    let is_digit = |c: char| c.is_ascii_digit() || ('๐'..='๙').contains(&c);
    let after_number = t.trim_start_matches(is_digit);
    match after_number.strip_prefix(['.', ')']) {
        Some(after) if after_number.len() < t.len() && !after.starts_with(is_digit) => after,
        _ => t,
    }
}

/// What a cell of words says besides its status, as typed (spaces tidied, the brackets and
/// separators around it taken off): `ไม่สามารถดำเนินการได้ เนื่องจากไม่ได้รับงบประมาณ` →
/// `เนื่องจากไม่ได้รับงบประมาณ`. Never part of a word: a status typed on into a longer word
/// (`อยู่ระหว่างจัดซื้อ`) gives the cell as typed; the words that only finish a status
/// (`เสร็จสิ้นแล้ว`, `รอรายงานผล`) are no note. A status said after other words, as a phrase of
/// its own (`ไม่สามารถเบิกจ่ายได้ อยู่ระหว่างดำเนินการ`), has them as its note. None when the
/// cell names no status so, or says nothing more.
pub fn status_note(text: &str) -> Option<String> {
    let cleaned = clean_text(text);
    let normal = normalized(&cleaned);
    let Some(lead) = lead(&cleaned, &normal) else {
        return note_before(&cleaned);
    };
    let head = match lead.glued() {
        true => lead.typed_from,
        false => lead.typed_rest,
    };
    let marks = |c: char| c == ' ' || NOTE_MARKS.contains(c);
    let note = head.trim_start_matches(marks);
    // A closing bracket goes with an opening one; a full stop at the end stays (`ก.ย.`).
    let bracketed = head[..head.len() - note.len()].contains(['(', '[']);
    let note = match bracketed {
        true => note.trim_end_matches([' ', ')', ']']),
        false => note.trim_end(),
    };
    (!note.is_empty()).then(|| note.to_string())
}

/// The note of a cleaned cell whose status comes after other words, the status beginning a
/// phrase of its own: those words, then the status's own note.
fn note_before(cleaned: &str) -> Option<String> {
    let named = status_word(cleaned)?;
    let (space, _) = cleaned.match_indices(' ').find(|(i, _)| {
        let phrase = normalized(&cleaned[i + 1..]);
        leading_status(without_bullet(&phrase)).is_some_and(|(s, _)| s == named)
    })?;
    // Brackets and separators around the words go; a full stop at their end stays (`ก.ย.`).
    let before = cleaned[..space]
        .trim_start_matches(|c: char| c == ' ' || NOTE_MARKS.contains(c))
        .trim_end_matches(|c: char| c == ' ' || (c != '.' && NOTE_MARKS.contains(c)));
    let after = status_note(&cleaned[space + 1..]);
    let note = [Some(before), after.as_deref()]
        .into_iter()
        .flatten()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (!note.is_empty()).then_some(note)
}

/// A status said somewhere in a text that does not begin with one: cannot (ไม่สามารถดำเนิน…,
/// ดำเนินการไม่ได้ — not ไม่สามารถ before another verb), in progress, done (neither negated nor
/// in part), waiting, in that order.
fn status_within(t: &str) -> Option<Status> {
    let negated = t.contains("ไม่") || t.contains("ยัง");
    let done = ["แล้วเสร็จ", "เสร็จสิ้น", "เรียบร้อย", "เสร็จแล้ว"]
        .iter()
        .any(|w| t.contains(w));
    if t.contains("ไม่สามารถดำเนิน") || t.contains("ดำเนินการไม่ได้")
    {
        Some(Status::Cannot)
    } else if t.contains("ระหว่าง") || t.contains("กำลังดำเนินการ")
    {
        Some(Status::InProgress)
    } else if done && !negated && !done_in_part(t) {
        Some(Status::Completed)
    } else if t.starts_with("รอ") && t.contains("รายงาน") {
        Some(Status::Waiting)
    } else {
        None
    }
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
        assert_eq!(header_field("งบที่ได้รับอนุมัติ"), None);
        assert_eq!(header_field("งบ อปท."), None);
        assert_eq!(header_field("2565"), None);
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

    #[test]
    fn status_words_after_normalising() {
        assert_eq!(status_word("ดำเนินการแล้วเสร็จ"), Some(Status::Completed));
        assert_eq!(status_word("ดําเนินการ\nแล้วเสร็จ"), Some(Status::Completed));
        assert_eq!(status_word("อยู่ระหว่าง ดำเนินการ"), Some(Status::InProgress));
        assert_eq!(status_word("รอ\u{00A0}รายงาน"), Some(Status::Waiting));
        assert_eq!(status_word("ไม่สามารถดำเนินการได้"), Some(Status::Cannot));
        assert_eq!(status_word("ยกเลิก"), None);
        assert_eq!(status_word("ดำเนินการเสร็จสิ้น"), Some(Status::Completed));
        assert_eq!(status_word("เรียบร้อยแล้ว"), Some(Status::Completed));
        assert_eq!(status_word("กำลังดำเนินการ"), Some(Status::InProgress));
        assert_eq!(status_word("ดำเนินการไม่ได้"), Some(Status::Cannot));
        // Never "done" when negated; "not yet carried out" names no status.
        assert_eq!(status_word("ยังไม่แล้วเสร็จ"), None);
        assert_eq!(status_word("ยังไม่เรียบร้อย"), None);
        assert_eq!(status_word("ยังไม่ได้ดำเนินการ"), None);
    }

    #[test]
    fn a_cell_listing_two_statuses_names_both_and_a_note_after_one_is_only_a_note() {
        use Status::*;
        for (text, named) in [
            (
                "ดำเนินการแล้วเสร็จ, อยู่ระหว่างดำเนินการ",
                vec![InProgress, Completed],
            ),
            (
                "อยู่ระหว่างดำเนินการ ดำเนินการแล้วเสร็จ",
                vec![InProgress, Completed],
            ),
            ("รอรายงาน/ดำเนินการแล้วเสร็จ", vec![Waiting, Completed]),
            ("ดำเนินการแล้วเสร็จ/รอรายงาน", vec![Waiting, Completed]),
            (
                "ดำเนินการแล้วเสร็จ ไม่สามารถดำเนินการได้",
                vec![Completed, Cannot],
            ),
            (
                "ดำเนินการแล้วเสร็จ และ อยู่ระหว่างดำเนินการ",
                vec![InProgress, Completed],
            ),
            ("ดำเนินการแล้วเสร็จ/แล้วเสร็จ", vec![Completed]),
            // A note after the status, even one that names another, is a note.
            ("อยู่ระหว่างดำเนินการ (เสร็จแล้ว 80%)", vec![InProgress]),
            (
                "อยู่ระหว่างดำเนินการ (คาดว่าจะแล้วเสร็จ ก.ย. 2565)",
                vec![InProgress],
            ),
            (
                "อยู่ระหว่างดำเนินการ จะดำเนินการแล้วเสร็จในเดือนกันยายน",
                vec![InProgress],
            ),
            ("ดำเนินการแล้วเสร็จ (รอรายงานผลการประเมิน)", vec![Completed]),
            ("ไม่สามารถดำเนินการได้ เนื่องจากรอรายงานผลจากจังหวัด", vec![Cannot]),
            ("ดำเนินการไม่ได้ เนื่องจากไม่ได้รับงบประมาณ", vec![Cannot]),
            ("อยู่ระหว่างดำเนินการ (แล้วเสร็จบางส่วน)", vec![InProgress]),
            ("ดำเนินการแล้วเสร็จ 100%", vec![Completed]),
            ("- ดำเนินการแล้วเสร็จ", vec![Completed]),
            // Done in part, or not yet, is not done.
            ("ดำเนินการแล้วเสร็จบางส่วน", vec![]),
            ("เกือบแล้วเสร็จ", vec![]),
            ("อยู่ระหว่างดำเนินการ ยังไม่แล้วเสร็จ", vec![InProgress]),
            ("ยังไม่แล้วเสร็จ", vec![]),
            // A status within the text.
            ("ปัจจุบันอยู่ระหว่างดำเนินการ", vec![InProgress]),
        ] {
            assert_eq!(statuses_named(text), named, "{text}");
        }
        assert_eq!(status_word("รอรายงาน/ดำเนินการแล้วเสร็จ"), None);
        assert_eq!(status_word("ดำเนินการแล้วเสร็จบางส่วน"), None);
    }

    #[test]
    fn the_note_after_a_status_is_taken_as_typed() {
        for (text, note) in [
            (
                "ไม่สามารถดำเนินการได้ เนื่องจากไม่ได้รับงบประมาณ",
                Some("เนื่องจากไม่ได้รับงบประมาณ"),
            ),
            (
                "ไม่สามารถ ดำเนินการได้ (นโยบายผู้บริหาร เปลี่ยน)",
                Some("นโยบายผู้บริหาร เปลี่ยน"),
            ),
            // ํา typed as two characters, and a bullet before the status.
            (
                "- ไม่สามารถดําเนินการได้: บุคลากรไม่เพียงพอ",
                Some("บุคลากรไม่เพียงพอ"),
            ),
            // A note of any status, its abbreviation's full stop kept.
            (
                "อยู่ระหว่างดำเนินการ (คาดว่าจะแล้วเสร็จ ก.ย.)",
                Some("คาดว่าจะแล้วเสร็จ ก.ย."),
            ),
            (
                "ดำเนินการแล้วเสร็จ - รายงานผู้บริหาร 1 ต.ค.",
                Some("รายงานผู้บริหาร 1 ต.ค."),
            ),
            ("ไม่สามารถดำเนินการได้", None),
            ("ไม่สามารถดำเนินการได้ ( )", None),
            ("ยกเลิกเพราะไม่มีงบ", None),
        ] {
            assert_eq!(status_note(text).as_deref(), note, "{text}");
        }
    }

    #[test]
    fn done_only_in_part_is_never_done() {
        for text in [
            "ดำเนินการแล้วเสร็จ 50%",
            "ดำเนินการแล้วเสร็จไปบ้าง",
            "แล้วเสร็จเพียงบางกิจกรรม",
            "เสร็จ 60%",
            "แล้วเสร็จไปแล้ว 3 ใน 5 กิจกรรม",
            "ดำเนินการแล้วเสร็จ ร้อยละ 70",
            "ดำเนินการแล้วเสร็จ (ร้อยละ ๘๐)",
            "ดำเนินการแล้วเสร็จ 1 ใน 2 ครั้ง",
            "แล้วเสร็จเป็นบางส่วน",
        ] {
            assert_eq!(statuses_named(text), vec![], "{text}");
        }
        // The whole is done; a share in a note on another status is that status's note.
        for text in [
            "แล้วเสร็จ 100%",
            "ดำเนินการแล้วเสร็จ ร้อยละ 100",
            "ดำเนินการแล้วเสร็จ 5 ใน 5 กิจกรรม",
            "ดำเนินการแล้วเสร็จ เมื่อ 30 ก.ย. 2565",
        ] {
            assert_eq!(status_word(text), Some(Status::Completed), "{text}");
        }
        assert_eq!(
            status_word("อยู่ระหว่างดำเนินการ (แล้วเสร็จ 3 ใน 5 กิจกรรม)"),
            Some(Status::InProgress)
        );
    }

    #[test]
    fn a_negation_right_after_the_done_word_is_not_done() {
        for text in [
            "เสร็จไม่ทัน",
            "เสร็จไม่ทันกำหนด",
            "ดำเนินการแล้วเสร็จไม่ได้",
            "แล้วเสร็จยังไม่ได้เบิกจ่าย",
            "เสร็จ ไม่ทัน",
            "ดำเนินการแล้วเสร็จ ไม่ครบ",
        ] {
            assert_eq!(statuses_named(text), vec![], "{text}");
        }
        // After a space, a negation that is not of the doing is a note.
        for (text, note) in [
            ("ดำเนินการแล้วเสร็จ ยังไม่ได้เบิกจ่าย", "ยังไม่ได้เบิกจ่าย"),
            ("ดำเนินการแล้วเสร็จ ไม่ใช้งบประมาณ", "ไม่ใช้งบประมาณ"),
        ] {
            assert_eq!(status_word(text), Some(Status::Completed), "{text}");
            assert_eq!(status_note(text).as_deref(), Some(note), "{text}");
        }
    }

    #[test]
    fn cannot_needs_the_words_for_cannot_carry_out() {
        // ไม่สามารถ before another verb says what could not be done, not the status: the
        // in-progress phrase after it is the status (the project goes on; a clerk who typed it
        // expects it counted in progress), and what comes before is its note.
        let text = "ไม่สามารถเบิกจ่ายได้ อยู่ระหว่างดำเนินการ";
        assert_eq!(statuses_named(text), vec![Status::InProgress]);
        assert_eq!(status_note(text).as_deref(), Some("ไม่สามารถเบิกจ่ายได้"));
        assert_eq!(
            status_note("ไม่สามารถจัดซื้อได้ทัน - อยู่ระหว่างดำเนินการ (คาดว่า ก.ย.)").as_deref(),
            Some("ไม่สามารถจัดซื้อได้ทัน คาดว่า ก.ย.")
        );
        assert_eq!(statuses_named("ไม่สามารถระบุได้"), vec![]);
        assert_eq!(status_note("ไม่สามารถระบุได้"), None);
        for text in [
            "ไม่สามารถดำเนินการได้",
            "ไม่สามารถดำเนินการ",
            "ไม่สามารถ\nดำเนิน",
            "ดำเนินการไม่ได้",
            "ไม่สามารถ",
            "ไม่สามารถ (ไม่ได้รับงบประมาณ)",
            "โครงการนี้ไม่สามารถดำเนินการได้",
        ] {
            assert_eq!(status_word(text), Some(Status::Cannot), "{text}");
        }
        assert_eq!(
            status_note("ไม่สามารถ (ไม่ได้รับงบประมาณ)").as_deref(),
            Some("ไม่ได้รับงบประมาณ")
        );
    }

    #[test]
    fn statuses_joined_by_any_dash_slash_or_comma_are_several() {
        for text in [
            "ดำเนินการแล้วเสร็จ — อยู่ระหว่างดำเนินการ",
            "ดำเนินการแล้วเสร็จ \u{2212} อยู่ระหว่างดำเนินการ",
            "ดำเนินการแล้วเสร็จ ／ อยู่ระหว่างดำเนินการ",
            "ดำเนินการแล้วเสร็จ、อยู่ระหว่างดำเนินการ",
            "ดำเนินการแล้วเสร็จ – อยู่ระหว่างดำเนินการ",
            "ดำเนินการแล้วเสร็จ / อยู่ระหว่างดำเนินการ",
        ] {
            assert_eq!(
                statuses_named(text),
                vec![Status::InProgress, Status::Completed],
                "{text}"
            );
        }
        assert_eq!(
            statuses_named("ดำเนินการแล้วเสร็จ ～ รอรายงาน"),
            vec![Status::Waiting, Status::Completed]
        );
    }

    #[test]
    fn a_note_is_never_part_of_a_word() {
        for (text, status, note) in [
            // Words that only finish the status are no note.
            ("เสร็จสิ้นแล้ว", Status::Completed, None),
            ("เสร็จเรียบร้อยแล้ว", Status::Completed, None),
            ("รอรายงานผล", Status::Waiting, None),
            // A status typed on into a longer word: the cell as typed.
            ("อยู่ระหว่างจัดซื้อ", Status::InProgress, Some("อยู่ระหว่างจัดซื้อ")),
            (
                "รอรายงานผลการดำเนินงาน",
                Status::Waiting,
                Some("รอรายงานผลการดำเนินงาน"),
            ),
            // A dash before the note goes.
            (
                "ดำเนินการแล้วเสร็จ — ส่งรายงานแล้ว",
                Status::Completed,
                Some("ส่งรายงานแล้ว"),
            ),
            (
                "ดำเนินการแล้วเสร็จ、ส่งรายงานแล้ว",
                Status::Completed,
                Some("ส่งรายงานแล้ว"),
            ),
        ] {
            assert_eq!(status_word(text), Some(status), "{text}");
            assert_eq!(status_note(text).as_deref(), note, "{text}");
        }
    }

    #[test]
    fn a_numbered_status_is_its_status() {
        for (text, status) in [
            ("1. รอรายงาน", Status::Waiting),
            ("1) รอรายงาน", Status::Waiting),
            ("๑. รอรายงาน", Status::Waiting),
            ("2. อยู่ระหว่างดำเนินการ", Status::InProgress),
            ("3.ดำเนินการแล้วเสร็จ", Status::Completed),
            ("4. ไม่สามารถดำเนินการได้", Status::Cannot),
        ] {
            assert_eq!(status_word(text), Some(status), "{text}");
            assert_eq!(
                header_field(text),
                Some(Field::StatusTick(status)),
                "{text}"
            );
        }
        assert_eq!(status_note("1. รอรายงาน"), None);
    }

    /// Pieces of status cells as staff type them, to put together in any order.
    fn status_pieces() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        let pieces = vec![
            "ดำเนินการ",
            "แล้วเสร็จ",
            "เสร็จ",
            "แล้ว",
            "ไม่",
            "สามารถ",
            "ได้",
            "รอรายงาน",
            "ผล",
            "อยู่ระหว่าง",
            "บาง",
            "ใน",
            "ร้อยละ",
            "50",
            "๑",
            "1.",
            ".",
            "%",
            " ",
            "\u{00A0}",
            "\u{200B}",
            "ํ",
            "า",
            "ๆ",
            "(",
            ")",
            "—",
            "、",
            "-",
            "/",
            "A",
        ];
        proptest::collection::vec(proptest::sample::select(pieces), 0..12)
            .prop_map(|pieces| pieces.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { cases: 5_000, ..Default::default() })]

        #[test]
        fn any_status_cell_is_read_without_panic_and_its_note_is_typed_text(text in status_pieces()) {
            let named = statuses_named(&text);
            proptest::prop_assert_eq!(status_word(&text), named.first().copied().filter(|_| named.len() == 1));
            if let Some(note) = status_note(&text) {
                proptest::prop_assert!(!note.is_empty() && note.trim() == note, "{:?}", note);
            }
        }
    }
}
