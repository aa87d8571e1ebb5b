//! The words staff type for a project's status (สถานะ) in one column of words: which status a
//! cell names, when it names several or none, and what it says besides (the note kept as the
//! remark). The reader and validation use them; a tick column's label is read the same way.

use super::text::{clean_text, cleaned, normalized, thai_digits_to_arabic};
use crate::model::Status;

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
    use crate::schema::fields::{Field, header_field};

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
